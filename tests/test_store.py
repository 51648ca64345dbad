"""The workspace store on temporary databases: versions, restore, concurrency, faults, migration."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pandas as pd
import pytest
from conftest import ROOT

from analysis import generate_applications, load_applications
from analysis.model.store import ENV_VAR, SCHEMA_VERSION, StaleVersionError, Workspace, default_path

APPS = generate_applications(40, seed=1, end=dt.date(2025, 6, 30)).assign(
    Excitement=pd.Series(range(40), dtype="int64"), **{"My notes": "x"})


def test_first_use_creates_the_database_and_it_starts_empty(tmp_path):
    workspace = Workspace(tmp_path / "deep" / "folder" / "ws.sqlite3")
    assert workspace.path.exists()
    assert workspace.current_version() is None
    assert workspace.load() is None
    assert workspace.history().empty
    assert workspace.schema_version == SCHEMA_VERSION
    with sqlite3.connect(workspace.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_path_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mine.sqlite3"))
    assert default_path() == tmp_path / "mine.sqlite3"


def test_a_version_keeps_dtypes_extra_columns_and_their_order(tmp_path):
    workspace = Workspace(tmp_path / "ws.sqlite3")
    offers = pd.DataFrame({"company": ["Acme"], "base_salary": [90000.0]})
    version = workspace.save(APPS, offers=offers, kind="import", description="imported a.csv",
                             expected=None, details={"headers": ["Company", "Excitement"]})
    snapshot = workspace.load()
    assert snapshot.version == version
    pd.testing.assert_frame_equal(snapshot.applications, APPS)
    pd.testing.assert_frame_equal(snapshot.offers, offers)
    assert snapshot.details == {"headers": ["Company", "Excitement"]}
    assert list(snapshot.applications.columns[-2:]) == ["Excitement", "My notes"]


def test_every_change_is_a_version_and_restore_is_one_too(tmp_path):
    workspace = Workspace(tmp_path / "ws.sqlite3")
    first = workspace.save(APPS, kind="import", description="imported a.csv", expected=None)
    edited = APPS.assign(company=APPS["company"].where(APPS.index != 0, "Changed"))
    second = workspace.save(edited, kind="edit", description="edited 1 cell", expected=first)
    third = workspace.restore(first, expected=second)
    assert third == second + 1
    assert workspace.load().applications["company"].iloc[0] == APPS["company"].iloc[0]
    # The undo can be undone.
    workspace.restore(second, expected=third)
    assert workspace.load().applications["company"].iloc[0] == "Changed"
    history = workspace.history()
    assert history["description"].tolist() == [
        "restored version 2 (edited 1 cell)", "restored version 1 (imported a.csv)",
        "edited 1 cell", "imported a.csv"]
    assert history["rows"].tolist() == [40] * 4
    assert history["current"].tolist() == [True, False, False, False]


def test_a_second_writer_from_an_old_version_is_refused(tmp_path):
    """Two tabs read version 1; the first saves; the second is told instead of overwriting."""
    workspace = Workspace(tmp_path / "ws.sqlite3")
    base = workspace.save(APPS, kind="import", description="a", expected=None)
    workspace.save(APPS.head(39), kind="edit", description="deleted 1 row", expected=base)
    with pytest.raises(StaleVersionError) as caught:
        Workspace(workspace.path).save(APPS.head(38), kind="edit", description="x",
                                       expected=base)
    assert caught.value.current == base + 1
    assert len(workspace.load().applications) == 39


def test_follow_up_state_templates_and_settings_are_kept(tmp_path):
    workspace = Workspace(tmp_path / "ws.sqlite3")
    workspace.set_follow_up_state("abc", "snoozed", dt.date(2025, 7, 1))
    workspace.set_follow_up_state("def", "done")
    workspace.set_template("thank_you", "Hi", "Body")
    workspace.set_setting("ghost_days", 45)
    again = Workspace(workspace.path)
    assert again.follow_up_state() == {"abc": ("snoozed", dt.date(2025, 7, 1)),
                                       "def": ("done", None)}
    assert again.templates() == {"thank_you": ("Hi", "Body")}
    assert again.setting("ghost_days") == 45 and again.setting("missing", 3) == 3
    again.set_follow_up_state("def", None)
    assert "def" not in again.follow_up_state()


WRITER = """
import sys, datetime as dt
from analysis import generate_applications
from analysis.model.store import Workspace
workspace = Workspace(sys.argv[1])
apps = generate_applications(500, seed=1, end=dt.date(2025, 6, 30))
print("ready", flush=True)
while True:
    version = workspace.current_version()
    rows = 50 + (version * 37) % 450  # each version's size tells which one it is
    workspace.save(apps.head(rows), kind="edit", description=f"{rows} rows", expected=version,
                   settings={"declined": [f"k{version}", rows]})
    workspace.set_follow_up_state(f"a{version}", "done")
"""


def test_writers_killed_at_random_points_leave_the_version_before_or_after(tmp_path):
    """An edit, an import or an accept of mail proposals killed at any point: the workspace
    is sound, every version listed loads whole, and what was written with the current version
    (the settings of the same change) belongs to it, never to a half-written one."""
    import random

    path = tmp_path / "ws.sqlite3"
    Workspace(path).save(APPS, kind="import", description="first", expected=None)
    rng = random.Random(7)
    for _ in range(8):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT,
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        workspace = Workspace(path)
        assert workspace.integrity() == "ok"
        history = workspace.history()
        current = workspace.load()
        assert current.version == history["version"].max()
        for version, rows, description in history[["version", "rows", "description"]]\
                .itertuples(index=False):
            assert len(workspace.load(version).applications) == rows
            assert description in ("first", f"{rows} rows")
        if current.description != "first":
            assert workspace.setting("declined") == [f"k{current.version - 1}",
                                                     len(current.applications)]
    assert len(Workspace(path).history()) > 3  # the writers were writing


def test_an_older_workspace_is_migrated_on_open(tmp_path):
    """A schema-1 database (no row counts, no templates) opens, upgraded, with its data."""
    from analysis.model.store import _MIGRATIONS, _to_parquet

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        for statement in _MIGRATIONS[1]:
            connection.execute(statement)
        connection.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        connection.execute(
            "INSERT INTO versions (created, kind, description, applications) VALUES "
            "('2025-01-01T00:00:00+00:00', 'import', 'imported old.csv', ?)",
            (_to_parquet(APPS),))
        connection.execute("INSERT INTO meta VALUES ('current_version', '1')")
    workspace = Workspace(path)
    assert workspace.schema_version == SCHEMA_VERSION
    assert workspace.history()["rows"].tolist() == [40]
    pd.testing.assert_frame_equal(workspace.load().applications, APPS)
    workspace.set_template("thank_you", "a", "b")


def test_a_newer_workspace_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "new.sqlite3"
    Workspace(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(RuntimeError, match="newer version of the dashboard"):
        Workspace(path)


def test_import_history_for_a_real_file(tmp_path):
    from conftest import csv_bytes

    result = load_applications(csv_bytes([["Company", "Status"], ["Acme", "Applied"]]),
                               name="t.csv")
    workspace = Workspace(tmp_path / "ws.sqlite3")
    workspace.save(result.applications, kind="import", description="imported t.csv, 1 row",
                   expected=None)
    assert workspace.history().loc[0, "kind"] == "import"


def test_the_versions_to_show_and_to_bring_back(tmp_path):
    from analysis.model.store import restorable, versions_table

    workspace = Workspace(tmp_path / "ws.sqlite3")
    assert restorable(workspace.history()) == {}
    assert versions_table(workspace.history()).empty
    first = workspace.save(APPS, kind="import", description="imported a.csv", expected=None)
    assert restorable(workspace.history()) == {}  # the only version is the current one
    workspace.save(APPS.head(3), kind="edit", description="deleted 37 rows", expected=first)
    history = workspace.history()
    assert restorable(history) == {first: f"Version {first}: imported a.csv"}
    shown = versions_table(history)
    assert shown["created"].dt.tz is None and history["created"].dt.tz is not None
    assert (shown["created"] == history["created"].dt.tz_convert(None)).all()
    assert shown.drop(columns="created").equals(history.drop(columns="created"))
    workspace.restore(first, expected=workspace.current_version())
    assert list(restorable(workspace.history())) == [2, 1]
