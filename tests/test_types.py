"""Types checked: mypy with pyproject's settings finds no error in analysis/. The few lines
pandas-stubs, numpy's or scipy's stubs cannot follow carry a ``# type: ignore[code]`` with
the reason after it; an ignore no longer needed is an error too (warn_unused_ignores)."""

from __future__ import annotations

import pytest
from conftest import ROOT


def test_analysis_has_no_type_errors(monkeypatch):
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install '.[test]')")
    # From the repository root, as `mypy analysis` is run there: pyproject's [tool.mypy]
    # applies and the cache (.mypy_cache) is reused between runs.
    monkeypatch.chdir(ROOT)
    report, errors, status = api.run(["--config-file", "pyproject.toml", "analysis"])
    assert status == 0, report[-6000:] + errors[-2000:]
    assert report.startswith("Success: no issues found"), report
