"""The frame every page shares (ui/shell.py): the View a page draws from, the sidebar's
filters, and the page shown instead when the workspace cannot be opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest
from test_pages import start

from analysis.model.store import Workspace


def test_the_view_gives_the_filtered_and_all_applications_and_the_day():
    at = start()
    at.sidebar.multiselect(key="filter_statuses_0").set_value(["rejected"]).run()
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "Showing" in captions and "of 150 applications" in captions
    assert at.session_state["run_started"]


@pytest.mark.parametrize("content", [b"not a database at all" * 50,
                                     b"SQLite format 3\x00" + b"\x01" * 500])
def test_a_workspace_that_cannot_be_opened_gets_its_own_page_and_is_left_untouched(content):
    path = Path(os.environ["JOBSEARCH_WORKSPACE"])
    path.write_bytes(content)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Your saved data could not be opened"
    assert str(path).replace(".", "\\.") in at.error[0].value or path.name in at.error[0].value
    assert path.read_bytes() == content
    assert [b.label for b in at.button] == ["Start a new, empty workspace"]
    at.button[0].click().run()
    assert not at.exception
    aside = path.with_name(path.name + ".set-aside-1")
    assert aside.read_bytes() == content  # renamed, never changed
    assert Workspace(path).current_version() is None
    assert any("kept as workspace" in w.value.replace("\\", "") for w in at.warning)


def test_a_folder_given_as_the_workspace_is_said_so_and_never_moved(tmp_path, monkeypatch):
    folder = tmp_path / "jobs"
    folder.mkdir()
    monkeypatch.setenv("JOBSEARCH_WORKSPACE", str(folder))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.run()
    assert not at.exception
    assert "is a folder, not a workspace file" in at.error[0].value.replace("\\", "")
    assert not at.button  # nothing offered that would rename the folder aside
    assert folder.is_dir()


def test_a_newer_workspace_offers_no_restore_of_an_older_copy(tmp_path):
    import sqlite3

    path = Path(os.environ["JOBSEARCH_WORKSPACE"])
    Workspace(path).set_setting("ghost_days", 30)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.run()
    assert "newer version" in at.error[0].value
    assert "update the dashboard" in " ".join(m.value for m in at.markdown)
