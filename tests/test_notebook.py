"""The walkthrough notebook runs from top to bottom, so it never goes stale."""

import nbformat
import pytest
from conftest import ROOT

nbclient = pytest.importorskip("nbclient")


def test_walkthrough_notebook_executes():
    notebook = nbformat.read(ROOT / "notebooks" / "walkthrough.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # The headline numbers and at least one figure came out.
    text = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "Kpis(" in text and "applications=" in text
    assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs)
    # The reports section wrote its files and listed the application log.
    printed = " ".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "applications in the last 30 days; files in" in printed
    # The interviews section listed per-interviewer thank-yous and the journal's lessons.
    assert "round_progression" in " ".join("".join(c.source) for c in notebook.cells)
    assert "Tell me about yourself" in text and "next_rate" in text
    # The follow-ups, offers and forecast sections drafted messages and forecast offers.
    assert "Subject:" in printed and "Dear " in printed
    assert "offers expected within 90 days (80% interval" in printed
    assert "Interviewed:" in printed and "days_back" in text
