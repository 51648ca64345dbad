"""Workspaces written by earlier releases (tests/fixtures, with a manifest of what each holds),
opened by this one: every version, row, decision, template and setting survives, a copy of the
file is kept before the upgrade, a read-only command changes nothing, and the decisions hide the
same actions as before. The same goes for every future schema change: add its fixture here."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT

from analysis.followups import ActionLog, carried_decisions, open_follow_ups, rules_from_settings
from analysis.interviews import saved_or_derived
from analysis.model.cells import empty_issues
from analysis.model.store import SCHEMA_VERSION, Workspace, WorkspaceError, backup_path
from analysis.reading.result import LoadResult

FIXTURES = ROOT / "tests" / "fixtures"
RELEASES = sorted(p.stem.split("-v")[1] for p in FIXTURES.glob("workspace-v*.sqlite3"))


def manifest(version: str) -> dict:
    return json.loads((FIXTURES / f"workspace-v{version}.json").read_text())


@pytest.fixture(params=RELEASES, ids=lambda v: f"v{v}")
def old(request, tmp_path):
    """A copy of a workspace written by an earlier release, with its manifest."""
    path = tmp_path / "workspace.sqlite3"
    shutil.copy(FIXTURES / f"workspace-v{request.param}.sqlite3", path)
    return path, manifest(request.param)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_is_a_fixture_for_every_earlier_schema():
    assert {int(v) for v in RELEASES} >= set(range(2, SCHEMA_VERSION + 1))


def test_opening_keeps_every_version_row_template_and_setting(old):
    path, expected = old
    workspace = Workspace(path)
    history = workspace.history().sort_values("version")
    assert [(v["id"], v["kind"], v["description"], v["rows"]) for v in expected["versions"]] \
        == list(history[["version", "kind", "description", "rows"]].itertuples(index=False,
                                                                               name=None))
    assert workspace.current_version() == expected["current_version"]
    latest = workspace.load()
    assert len(latest.applications) == expected["latest"]["rows"]
    assert list(latest.applications.columns) == expected["latest"]["columns"]
    first = latest.applications.head(len(expected["latest"]["first_rows"]))
    assert first[["company", "role"]].to_dict("records") == [
        {"company": r["company"], "role": r["role"]} for r in expected["latest"]["first_rows"]]
    if expected["latest"]["offers_rows"]:
        assert len(latest.offers) == expected["latest"]["offers_rows"]
    if expected["latest"]["interviews_saved"]:
        assert len(latest.interviews) == expected["latest"]["interviews_rows"]
    for version in expected["versions"]:
        assert len(workspace.load(version["id"]).applications) == version["rows"]
    assert workspace.templates() == {t["key"]: (t["subject"], t["body"])
                                     for t in expected["templates"]}
    for setting in expected["settings"]:
        assert workspace.setting(setting["key"]) == setting["value"], setting["key"]
    decisions = workspace.follow_up_decisions()
    for decision in expected["decisions"]:
        state, until, _ = decisions[decision["action_id"]]
        assert (state, until.isoformat() if until else None) == \
            (decision["state"], decision["until"])


def test_an_upgrade_keeps_a_copy_of_the_file_as_it_was(old):
    path, expected = old
    before = Workspace(path, read_only=True).history()
    workspace = Workspace(path)
    if expected["schema_version"] == SCHEMA_VERSION:
        assert workspace.upgraded_from is None and not backup_path(path, SCHEMA_VERSION).exists()
        return
    assert workspace.upgraded_from == expected["schema_version"]
    assert workspace.backup == backup_path(path, expected["schema_version"])
    assert workspace.backup.name == f"workspace.sqlite3.v{expected['schema_version']}-backup"
    assert stat.S_IMODE(workspace.backup.stat().st_mode) == 0o600
    copy = Workspace(workspace.backup, read_only=True)
    assert copy.schema_version == expected["schema_version"]
    pd.testing.assert_frame_equal(copy.history(), before)
    assert Workspace(path).upgraded_from is None  # once only


def test_a_read_only_command_never_changes_the_file(old, tmp_path):
    path, expected = old
    before = digest(path)
    run = subprocess.run([sys.executable, "-m", "analysis", "follow-ups", "--as-of",
                          expected["as_of"]], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "JOBSEARCH_WORKSPACE": str(path)}, timeout=120)
    assert run.returncode == 0, run.stderr
    assert digest(path) == before
    assert not list(tmp_path.glob("*-backup"))
    assert Workspace(path, read_only=True).schema_version == expected["schema_version"]


def open_actions_then(path, expected, as_of: dt.date) -> pd.DataFrame:
    """The open actions as the dashboard lists them after opening the workspace."""
    workspace = Workspace(path)
    snapshot = workspace.load()
    result = LoadResult(applications=snapshot.applications, issues=empty_issues(),
                        offers=snapshot.offers,
                        interviews=saved_or_derived(snapshot.interviews,
                                                    snapshot.applications)).linked()
    decisions = workspace.follow_up_decisions()
    entries = {a: (s_, u) for a, (s_, u, _) in decisions.items()}
    entries.update(carried_decisions(decisions, result.applications,
                                     interviews=result.interviews))
    return open_follow_ups(result.applications, as_of=as_of, log=ActionLog(entries),
                           rules=rules_from_settings(workspace.setting("follow_up_rules", {})),
                           offers=result.offers, interviews=result.interviews)


def test_every_decision_still_hides_what_it_hid(old):
    """Done, not applicable and snoozed actions stay hidden after the upgrade, thank-yous and
    interview notes included (their ids gained the interview and the interviewer)."""
    path, expected = old
    as_of = dt.date.fromisoformat(expected["as_of"])
    listed = open_actions_then(path, expected, as_of)
    for decision in expected["decisions"]:
        if not decision["hidden_at_as_of"]:
            continue
        same = listed[(listed["company"] == decision["company"])
                      & (listed["role"] == decision["role"])
                      & (listed["action"] == decision["action"])]
        if decision["interview"] is not None and len(same):
            same = same[same["contact_name"].fillna("") == (decision["contact_name"] or "")]
        assert same.empty, (decision["action"], decision["company"], decision["state"])


def test_a_snooze_carried_over_ends_when_it_did(old):
    path, expected = old
    snoozed = [d for d in expected["decisions"] if d["state"] == "snoozed"
               and d["action"] in ("thank_you", "interview_notes")]
    assert snoozed
    later = dt.date.fromisoformat(snoozed[0]["until"])
    listed = open_actions_then(path, expected, later)
    back = listed[(listed["company"] == snoozed[0]["company"])
                  & (listed["action"] == snoozed[0]["action"])]
    assert not back.empty


def test_the_workspace_is_private_whatever_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        workspace = Workspace(tmp_path / "new" / "workspace.sqlite3")
        workspace.set_setting("ghost_days", 30)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(workspace.path.parent.stat().st_mode) == 0o700
    for companion in workspace.path.parent.iterdir():
        assert stat.S_IMODE(companion.stat().st_mode) == 0o600, companion.name


def test_a_folder_the_user_chose_keeps_its_mode(tmp_path):
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    workspace = Workspace(folder / "search.sqlite3")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(workspace.path.stat().st_mode) == 0o600


@pytest.mark.parametrize(("content", "says"), [
    (b"SQLite format 3\x00" + b"\x00" * 200, "damaged or not a workspace"),
    (b"Company,Role\nAcme,Analyst\n", "damaged or not a workspace"),
])
def test_a_damaged_file_is_named_with_its_cause_and_left_untouched(tmp_path, content, says):
    path = tmp_path / "workspace.sqlite3"
    path.write_bytes(content)
    with pytest.raises(WorkspaceError, match=says) as raised:
        Workspace(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content


def test_a_folder_given_as_the_workspace_is_named_as_one_and_left_untouched(tmp_path):
    folder = tmp_path / "jobs"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(WorkspaceError, match="is a folder, not a workspace file") as raised:
        Workspace(folder)
    assert str(folder / "workspace.sqlite3") in str(raised.value)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_workspace_of_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "workspace.sqlite3"
    Workspace(path).set_setting("x", 1)
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    before = digest(path)
    with pytest.raises(WorkspaceError, match="newer version") as raised:
        Workspace(path)
    assert raised.value.newer and digest(path) == before
