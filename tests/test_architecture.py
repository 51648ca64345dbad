"""The shape of the code: rooms that import downward only, modules of one job, one clock, and
types checked. Each test reads the source tree; none runs the dashboard."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest
from conftest import ROOT

ANALYSIS = ROOT / "analysis"
# The only places in analysis/ that read the clock, and why.
CLOCK_READERS = {
    "analysis/cli/__init__.py": "the command line's entry point reads the day once per command",
    "analysis/model/store.py": "a version is stamped with the moment it was written",
}
_CLOCK = re.compile(r"\b(?:date|datetime|Timestamp)\.(?:today|now|utcnow)\(|\btime\.time\(")


def test_rooms_import_downward_only_and_never_streamlit():
    """import-linter's contracts in pyproject.toml: the layers of rooms, and analysis never
    importing streamlit or ui."""
    run = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import "
                          "lint_imports; sys.exit(lint_imports(no_cache=True))"],
                         cwd=ROOT, capture_output=True, text=True)
    if "No module named" in run.stderr:
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_every_room_says_what_it_holds_and_may_import():
    for package in [p for p in ANALYSIS.iterdir() if (p / "__init__.py").exists()]:
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
        assert doc and "import" in doc.lower(), f"{package.name}/__init__.py"


@pytest.mark.parametrize("path", sorted(ANALYSIS.rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_holds_several_jobs(path):
    """A module near 500 lines usually does two things; split it where a reader would."""
    assert len(path.read_text().splitlines()) <= 500


def test_analysis_reads_no_clock():
    """Anything that depends on the day takes ``as_of``: the dashboard reads the clock once
    per rerun and the command line once per command, so one screen never mixes two days."""
    found = []
    for path in ANALYSIS.rglob("*.py"):
        relative = str(path.relative_to(ROOT))
        if relative in CLOCK_READERS:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if _CLOCK.search(line.split("#")[0]):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, found


def test_the_dashboard_reads_the_clock_once_per_rerun():
    readers = [f"{p.relative_to(ROOT)}:{n}" for p in [*(ROOT / "ui").glob("*.py"),
                                                       *(ROOT / "pages").glob("*.py")]
               for n, line in enumerate(p.read_text().splitlines(), 1)
               if _CLOCK.search(line.split("#")[0])]
    assert all(r.startswith("ui/state.py") for r in readers), readers


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_only_read_state_call_analysis_and_draw(path):
    text = path.read_text()
    assert len(text.splitlines()) <= 150
    assert not re.search(r"\.groupby\(|\.merge\(|pd\.merge\(|\.pivot", text), \
        "a page that computes: move the computation into analysis/"


def test_one_calling_convention_for_the_journal():
    """The journal's own room takes it first, f(interviews, apps, ...); every other room
    takes it as a keyword, f(apps, *, interviews=None)."""
    wrong = []
    for path in ANALYSIS.rglob("*.py"):
        ours = "interviews" in path.relative_to(ANALYSIS).parts[:1]
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            positional = [a.arg for a in node.args.posonlyargs + node.args.args]
            keyword = [a.arg for a in node.args.kwonlyargs]
            if "interviews" not in positional + keyword:
                continue
            if ours and "apps" in positional and positional.index("interviews") > \
                    positional.index("apps"):
                wrong.append(f"{path.relative_to(ROOT)}:{node.name}")
            if not ours and {"interviews", "apps"} <= set(positional):
                wrong.append(f"{path.relative_to(ROOT)}:{node.name}")
    assert not wrong, wrong
