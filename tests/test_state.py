"""The data the dashboard shows (ui/state.py) and what the person keeps besides it
(ui/workspace.py), driven through the real app with AppTest: one save path with one stale
check, the journal tied anew on every change and stored without its links, one day per rerun,
and decisions made before the journal carried over when a saved workspace opens."""

from __future__ import annotations

import datetime as dt
import os
import shutil

from conftest import ROOT, csv_bytes
from streamlit.testing.v1 import AppTest
from test_pages import TRACKER, start, upload

from analysis.interviews import APPLICATION
from analysis.model.store import Workspace


def test_every_change_is_one_version_and_the_journal_is_stored_without_its_links():
    at = upload(start(), "tracker.csv", csv_bytes(
        [[*TRACKER[0], "Interview date"], [*TRACKER[1], "2025-03-10"], [*TRACKER[2], ""],
         [*TRACKER[3], ""]]))
    workspace = Workspace(os.environ["JOBSEARCH_WORKSPACE"])
    saved = workspace.load()
    assert saved.version == 1 and len(saved.interviews) == 1
    assert APPLICATION not in saved.interviews.columns
    shown = at.session_state["dataset"].result.interviews
    assert shown[APPLICATION].tolist() == [0]


def test_newer_data_from_another_tab_is_shown_with_the_filters_kept_within_it():
    """Another tab saved fewer applications, spanning fewer days, than this tab's date filter
    held: this tab shows the newer data and its filter, clamped, without an error."""

    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    Workspace(os.environ["JOBSEARCH_WORKSPACE"]).save(
        at.session_state["dataset"].result.applications.head(2), kind="edit",
        description="another tab", expected=1)
    at.run()  # the next rerun shows the newer version, its filters kept inside its days
    assert not at.exception, at.exception
    assert "**2 applications**" in " ".join(c.value for c in at.sidebar.caption)
    assert any("changed in another tab" in w.value for w in at.warning)


def test_the_day_is_read_once_per_rerun():
    at = start()
    first = at.session_state["run_started"]
    at.run()
    assert at.session_state["run_started"] >= first
    assert at.session_state["run_started"].date() == dt.date.today()


def test_decisions_made_before_the_journal_are_carried_over_when_the_data_opens():
    path = os.environ["JOBSEARCH_WORKSPACE"]
    shutil.copy(ROOT / "tests" / "fixtures" / "workspace-v2.sqlite3", path)
    before = len(Workspace(path, read_only=True).follow_up_decisions())
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert any("was upgraded" in w.value for w in at.warning)
    decisions = Workspace(path).follow_up_decisions()
    assert len(decisions) > before  # thank-yous and notes now also under the journal's ids
    assert os.path.exists(path + ".v2-backup")
