"""The workspace: the user's data kept on their own disk, with every change as a version.

An embedded SQLite database (WAL mode; every write one transaction) holds each version of the
applications and offers tables (as Parquet, which keeps the dtypes and the user's own column
names and order), the import history, the follow-up decisions, the message templates and the
settings. Nothing is ever overwritten: an import, an edit or a restore adds a version, so any
earlier state can be brought back, and restoring is itself a version.

Writers say which version they started from; if another writer (another browser tab) saved in
between, the write is refused with ``StaleVersionError`` instead of silently losing that change.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

GHOST_DAYS_SETTING = "ghost_days"  # the sidebar's ghosting threshold, kept between visits
ENV_VAR = "JOBSEARCH_WORKSPACE"
FILE_NAME = "workspace.sqlite3"
SCHEMA_VERSION = 3

# Each step takes the database from the version before it to its own number.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS versions (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               created TEXT NOT NULL,
               kind TEXT NOT NULL,
               description TEXT NOT NULL,
               applications BLOB NOT NULL,
               offers BLOB,
               details TEXT NOT NULL DEFAULT '{}')""",
        """CREATE TABLE IF NOT EXISTS follow_up_state (
               action_id TEXT PRIMARY KEY,
               state TEXT NOT NULL,
               until TEXT,
               updated TEXT NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    ),
    2: (
        "ALTER TABLE versions ADD COLUMN rows INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE IF NOT EXISTS templates (
               key TEXT PRIMARY KEY,
               subject TEXT NOT NULL,
               body TEXT NOT NULL)""",
    ),
    3: ("ALTER TABLE versions ADD COLUMN interviews BLOB",),
}


class StaleVersionError(RuntimeError):
    """The workspace changed since the caller read it (another tab saved first)."""

    def __init__(self, expected: int | None, current: int | None) -> None:
        super().__init__(f"the data changed elsewhere: you started from version {expected}, "
                         f"the workspace is at version {current}")
        self.expected = expected
        self.current = current


@dataclass(frozen=True)
class Snapshot:
    """One version of the user's data."""

    version: int
    created: dt.datetime
    kind: str
    description: str
    applications: pd.DataFrame
    offers: pd.DataFrame | None
    details: dict[str, object] = field(default_factory=dict)
    interviews: pd.DataFrame | None = None  # None: saved before the interview journal


def default_path() -> Path:
    """Where the workspace lives: ``$JOBSEARCH_WORKSPACE`` if set, else the user's data folder
    for this program (e.g. ~/.local/share/jobsearch-dashboard on Linux)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("jobsearch-dashboard", appauthor=False)) / FILE_NAME


def _to_parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.reset_index(drop=True).to_parquet(buffer, index=False)
    return buffer.getvalue()


def _from_parquet(data: bytes) -> pd.DataFrame:
    return pd.read_parquet(io.BytesIO(data))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Workspace:
    """A workspace database. Open it with ``Workspace(path)``; the first use creates it."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            self._migrate(connection)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            yield connection
        finally:
            connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading so concurrent writers queue up."""
        with self._connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def _migrate(self, connection: sqlite3.Connection) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(_MIGRATIONS[1][0])
            row = connection.execute("SELECT value FROM meta WHERE key='schema_version'")\
                .fetchone()
            current = int(row[0]) if row else 0
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path} was written by a newer version of the dashboard (schema "
                    f"{current}); update the dashboard to open it.")
            for step in range(current + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[step]:
                    connection.execute(statement)
                if step == 2:
                    _fill_row_counts(connection)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                               (str(SCHEMA_VERSION),))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        with self._connect() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key='schema_version'")\
                .fetchone()
        return int(row[0])

    # --- versions ------------------------------------------------------------------------

    def current_version(self) -> int | None:
        """The number of the current version, or None for an empty workspace."""
        with self._connect() as connection:
            return _current(connection)

    def save(self, applications: pd.DataFrame, *, offers: pd.DataFrame | None = None,
             kind: str, description: str, expected: int | None,
             details: Mapping[str, object] | None = None,
             interviews: pd.DataFrame | None = None) -> int:
        """Store a new version and make it current; return its number.

        ``expected`` is the version the caller's change was based on (None for an empty
        workspace); if the workspace has moved on since, nothing is written and
        ``StaleVersionError`` says so.
        """
        blob = _to_parquet(applications)
        offers_blob = _to_parquet(offers) if offers is not None else None
        interviews_blob = _to_parquet(interviews) if interviews is not None else None
        with self._transaction() as connection:
            current = _current(connection)
            if current != expected:
                raise StaleVersionError(expected, current)
            cursor = connection.execute(
                "INSERT INTO versions (created, kind, description, applications, offers, "
                "details, rows, interviews) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (_now(), kind, description, blob, offers_blob,
                 json.dumps(dict(details or {}), default=str), len(applications),
                 interviews_blob))
            version = int(cursor.lastrowid or 0)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('current_version', ?)",
                               (str(version),))
        return version

    def load(self, version: int | None = None) -> Snapshot | None:
        """A version (the current one by default), or None for an empty workspace."""
        with self._connect() as connection:
            number = version if version is not None else _current(connection)
            if number is None:
                return None
            row = connection.execute(
                "SELECT id, created, kind, description, applications, offers, details, "
                "interviews FROM versions WHERE id=?", (number,)).fetchone()
        if row is None:
            raise KeyError(f"there is no version {number}")
        return Snapshot(
            version=int(row[0]), created=dt.datetime.fromisoformat(row[1]), kind=row[2],
            description=row[3], applications=_from_parquet(row[4]),
            offers=_from_parquet(row[5]) if row[5] is not None else None,
            details=json.loads(row[6]),
            interviews=_from_parquet(row[7]) if row[7] is not None else None)

    def history(self) -> pd.DataFrame:
        """Every version, newest first: number, when, kind, what happened, rows, current."""
        with self._connect() as connection:
            current = _current(connection)
            rows = connection.execute(
                "SELECT id, created, kind, description, rows FROM versions ORDER BY id DESC")\
                .fetchall()
        frame = pd.DataFrame(rows, columns=["version", "created", "kind", "description", "rows"])
        frame["created"] = pd.to_datetime(frame["created"], utc=True)
        frame["current"] = frame["version"] == current
        return frame

    def restore(self, version: int, *, expected: int | None) -> int:
        """Make an earlier version current again, as a new version (so it can be undone)."""
        snapshot = self.load(version)
        if snapshot is None:
            raise KeyError(f"there is no version {version}")
        return self.save(snapshot.applications, offers=snapshot.offers, kind="restore",
                         description=f"restored version {version} ({snapshot.description})",
                         expected=expected, details=snapshot.details,
                         interviews=snapshot.interviews)

    # --- follow-up decisions, templates, settings ------------------------------------------

    def follow_up_state(self) -> dict[str, tuple[str, dt.date | None]]:
        with self._connect() as connection:
            rows = connection.execute("SELECT action_id, state, until FROM follow_up_state")\
                .fetchall()
        return {action: (state, dt.date.fromisoformat(until) if until else None)
                for action, state, until in rows}

    def set_follow_up_state(self, action_id: str, state: str | None,
                            until: dt.date | None = None) -> None:
        """Record a decision about an action; ``state=None`` forgets it."""
        with self._transaction() as connection:
            if state is None:
                connection.execute("DELETE FROM follow_up_state WHERE action_id=?",
                                   (action_id,))
            else:
                connection.execute(
                    "INSERT OR REPLACE INTO follow_up_state VALUES (?, ?, ?, ?)",
                    (action_id, state, until.isoformat() if until else None, _now()))

    def templates(self) -> dict[str, tuple[str, str]]:
        with self._connect() as connection:
            rows = connection.execute("SELECT key, subject, body FROM templates").fetchall()
        return {key: (subject, body) for key, subject, body in rows}

    def set_template(self, key: str, subject: str, body: str) -> None:
        with self._transaction() as connection:
            connection.execute("INSERT OR REPLACE INTO templates VALUES (?, ?, ?)",
                               (key, subject, body))

    def clear_templates(self) -> None:
        with self._transaction() as connection:
            connection.execute("DELETE FROM templates")

    def setting(self, key: str, default: object = None) -> object:
        with self._connect() as connection:
            row = connection.execute("SELECT value FROM settings WHERE key=?", (key,))\
                .fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: object) -> None:
        with self._transaction() as connection:
            connection.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)",
                               (key, json.dumps(value)))

    def integrity(self) -> str:
        """SQLite's own integrity check: "ok" when the file is sound."""
        with self._connect() as connection:
            return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def _current(connection: sqlite3.Connection) -> int | None:
    row = connection.execute("SELECT value FROM meta WHERE key='current_version'").fetchone()
    return int(row[0]) if row else None


def _fill_row_counts(connection: sqlite3.Connection) -> None:
    """Schema 2 keeps each version's row count; work it out for versions written before."""
    for version, blob in connection.execute("SELECT id, applications FROM versions").fetchall():
        connection.execute("UPDATE versions SET rows=? WHERE id=?",
                           (len(_from_parquet(blob)), version))


def versions_table(history: pd.DataFrame) -> pd.DataFrame:
    """``Workspace.history`` for display: each version's time as UTC without a time zone
    (tables show zone-less times), the rest as it is."""
    return history.assign(created=history["created"].dt.tz_convert(None))


def restorable(history: pd.DataFrame) -> dict[int, str]:
    """The versions that can be brought back (all but the current one), newest first as in
    ``history``, each with its label: "Version 3: edited 1 cell".

    >>> history = pd.DataFrame({"version": [2, 1], "description": ["edited 1 cell", "imported"],
    ...                         "current": [True, False]})
    >>> restorable(history)
    {1: 'Version 1: imported'}
    """
    older = history[~history["current"].astype(bool)]
    return {int(v): f"Version {int(v)}: {d}"
            for v, d in zip(older["version"], older["description"], strict=True)}
