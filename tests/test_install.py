"""The package as it is installed, not as it is imported from this checkout: the wheel holds
every room (subpackages, the report templates) and its ``jobsearch`` command runs."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                            "-w", str(out), "-q"],
                           capture_output=True, text=True, timeout=300)
    if built.returncode != 0 and "No module named" in built.stderr:
        pytest.skip(f"the wheel cannot be built here: {built.stderr[-300:]}")
    assert built.returncode == 0, built.stderr[-3000:]
    return next(out.glob("jobsearch_dashboard-*.whl"))


def test_the_wheel_holds_every_room_the_templates_and_the_mail_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    rooms = {p.name for p in (ROOT / "analysis").iterdir() if (p / "__init__.py").exists()}
    assert rooms and all(f"analysis/{room}/__init__.py" in names for room in rooms)
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "analysis").rglob("*.py")}
    assert modules <= names
    assert "analysis/templates/report.html.j2" in names
    assert "analysis/mail/meaning_model.npz" in names


def test_the_installed_command_runs_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=120)
    # --ignore-installed: a machine that installed the project itself (as CI does) would
    # otherwise leave the venv reading that copy
    pip = subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "--no-deps", "-q",
                          "--ignore-installed", str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert pip.returncode == 0, pip.stderr[-3000:]
    command = venv / "bin" / "jobsearch"
    where = subprocess.run([venv / "bin" / "python", "-c",
                            "import analysis; print(analysis.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert str(venv) in where.stdout, where.stdout + where.stderr
    helped = subprocess.run([command, "--help"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60)
    assert helped.returncode == 0 and "follow-ups" in helped.stdout, helped.stderr
    made = subprocess.run([command, "template", "--out", "tracker.xlsx"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "tracker.xlsx").read_bytes()[:2] == b"PK"
