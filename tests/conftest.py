"""Shared helpers: build spreadsheets in memory, and run the real app for browser tests."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analysis import empty_applications
from analysis.model import schema as s

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def csv_bytes(
    rows: Sequence[Sequence[object]], *, sep: str = ",", encoding: str = "utf-8"
) -> bytes:
    """A CSV file from rows of cells, quoted as Excel quotes them."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep).writerows(
        ["" if c is None else str(c) for c in row] for row in rows
    )
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    """An xlsx workbook with one sheet per entry, written by openpyxl (dates as real dates)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve_dashboard(workspace: Path | None = None) -> Iterator[str]:
    """The dashboard served as the README starts it, on a free local port, with its own
    workspace file; yields its URL."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1",
             **({"JOBSEARCH_WORKSPACE": str(workspace)} if workspace else {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("the dashboard did not start within 60 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    """One dashboard server shared by the browser tests."""
    with serve_dashboard(tmp_path_factory.mktemp("shared") / "workspace.sqlite3") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def apps_frame(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """A canonical applications frame from a few rows given as {column: value} (dates as ISO
    text); unspecified columns are blank."""
    frame = empty_applications().reindex(range(len(rows)))
    for name in s.APPLICATION_COLUMN_NAMES:
        values = [row.get(name) for row in rows]
        if name in s.DATE_COLUMNS:
            frame[name] = pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[us]")
        else:
            frame[name] = pd.Series(values, dtype="str")
    if len(rows):
        frame[s.STATUS] = frame[s.STATUS].fillna("applied")
    return frame


@pytest.fixture(autouse=True)
def private_workspace(tmp_path_factory, monkeypatch):
    """Each test gets its own empty workspace; none ever touches the user's own."""
    path = tmp_path_factory.mktemp("workspace") / "workspace.sqlite3"
    monkeypatch.setenv("JOBSEARCH_WORKSPACE", str(path))
    return path
