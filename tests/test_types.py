"""Types checked: mypy with pyproject's settings finds no error in analysis/ and ui/. The few
lines pandas-stubs, numpy's or scipy's stubs cannot follow carry a ``# type: ignore[code]``
with the reason after it; an ignore no longer needed is an error too (warn_unused_ignores)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


def test_analysis_and_ui_have_no_type_errors():
    pytest.importorskip("mypy", reason="mypy is not installed (pip install '.[test]')")
    # In its own process, from the repository root as `mypy` is run there: pyproject's
    # [tool.mypy] applies and the cache (.mypy_cache) is reused between runs.
    run = subprocess.run([sys.executable, "-m", "mypy", "--config-file", "pyproject.toml",
                          "analysis", "ui"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert run.stdout.startswith("Success: no issues found"), run.stdout
