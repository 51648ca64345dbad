"""Drift checks: the README, the navigation, the CI script and the layering agree with the code."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import tomllib

import pytest
from conftest import ROOT

from analysis.model import schema as s

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_page_is_registered_and_every_registered_page_exists():
    registered = set(re.findall(r'st\.Page\("(pages/[a-z_]+\.py)"',
                                (ROOT / "ui" / "navigation.py").read_text()))
    on_disk = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert registered == on_disk


def test_every_page_draws_the_shared_sidebar():
    for page in (ROOT / "pages").glob("*.py"):
        assert "page_setup(" in page.read_text(), page.name


@pytest.mark.parametrize(("prefix", "column"), [
    *(("", c) for c in s.APPLICATION_COLUMNS), *(("", c) for c in s.OFFER_COLUMNS),
    *(("interviews.", c) for c in s.INTERVIEW_COLUMNS)], ids=lambda c: getattr(c, "name", c))
def test_every_column_and_alias_is_documented(prefix, column):
    row = next((line for line in README.splitlines()
                if line.startswith(f"| `{prefix}{column.name}` |") and column.label in line), None)
    assert row is not None, f"{column.name} is missing from the README's tables"
    for alias in column.aliases:
        assert alias in row, f"alias '{alias}' of {column.name} is not in the README"


@pytest.mark.parametrize("status", list(s.STATUSES))
def test_every_status_and_spelling_is_documented(status):
    row = next(line for line in README.splitlines() if line.startswith(f"| `{status}` |"))
    for spelling, target in s.STATUS_ALIASES.items():
        if target == status and spelling != status:
            assert spelling in row, spelling


def test_readme_commands_and_ci_agree():
    commands = re.findall(r"```bash\n(.+?)\n```", README)
    assert commands[:2] == ["pip install . && streamlit run dashboard.py",
                            'pip install ".[test]" && pytest']
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert ci[-1] == commands[1]


def test_analysis_never_imports_streamlit():
    for path in (ROOT / "analysis").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "streamlit" for n in names), path


def test_server_stays_on_this_computer():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["showEmailPrompt"] is False


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_lint_is_clean():
    run = subprocess.run(["ruff", "check", "--output-format", "concise", "."], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
