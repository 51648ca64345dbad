"""The workspace: the user's data kept on their own disk, with every change as a version.

An embedded SQLite database (WAL mode; every write one transaction) holds each version of the
applications and offers tables (as Parquet, which keeps the dtypes and the user's own column
names and order), the import history, the follow-up decisions, the message templates and the
settings. Nothing is ever overwritten: an import, an edit or a restore adds a version, so any
earlier state can be brought back, and restoring is itself a version.

Writers say which version they started from; if another writer (another browser tab) saved in
between, the write is refused with ``StaleVersionError`` instead of silently losing that change.

A workspace written by an earlier version is upgraded when it is opened for writing, after a
copy of the file is kept beside it (``workspace.sqlite3.v2-backup``); opened read-only (the
command line), it is read as it is and never changed. The file and its folder are readable by
their owner only. A file that is damaged, not a workspace, or written by a newer version is
refused with ``WorkspaceError``, whose message names the file and the cause; the file is left
as it is.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
import stat
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


class WorkspaceError(RuntimeError):
    """A workspace file that cannot be used: damaged, not a workspace, or written by a newer
    version. The message names the file and the cause; the file is never changed."""

    def __init__(self, message: str, *, path: Path, newer: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.newer = newer


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


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a workspace is kept before it is upgraded from schema ``version``."""
    return path.with_name(f"{path.name}.v{version}-backup")


def _private_folder(folder: Path, *, ours: bool) -> None:
    """Make the workspace's folder; it is readable by its owner only when this program owns
    it (made here, or the default data folder), never a folder the user chose that exists."""
    made = not folder.exists()
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if made or ours:
        os.chmod(folder, PRIVATE_FOLDER)  # mkdir's mode is narrowed by the umask, not set


def _private_file(path: Path) -> None:
    """The file (made empty when missing, for SQLite to fill) readable by its owner only,
    whatever the umask, and so are SQLite's companions, which take their mode from it."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    for companion in (path, *(path.with_name(path.name + e) for e in ("-wal", "-shm"))):
        if companion.exists() and stat.S_IMODE(companion.stat().st_mode) != PRIVATE_FILE:
            os.chmod(companion, PRIVATE_FILE)


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
    """A workspace database. Open it with ``Workspace(path)``; the first use creates it.

    >>> import tempfile
    >>> workspace = Workspace(Path(tempfile.mkdtemp()) / "workspace.sqlite3")
    >>> first = workspace.save(pd.DataFrame({"company": ["Acme"]}), kind="import",
    ...                        description="imported tracker.csv, 1 row", expected=None)
    >>> workspace.save(pd.DataFrame({"company": ["Acme", "Globex"]}), kind="edit",
    ...                description="added 1 row", expected=first)
    2
    >>> workspace.restore(first, expected=2), len(workspace.load().applications)
    (3, 1)
    >>> workspace.history()["kind"].tolist()
    ['restore', 'edit', 'import']

    ``read_only`` opens an existing file without writing anything to it (an earlier schema is
    read as it is, not upgraded). Otherwise a file of an earlier schema is upgraded, after a
    backup beside it: ``upgraded_from`` and ``backup`` then say so.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self.upgraded_from: int | None = None
        self.backup: Path | None = None
        if self.path.is_dir():
            raise WorkspaceError(f"{self.path} is a folder, not a workspace file: give the path "
                                 f"of a file in it, such as {self.path / 'workspace.sqlite3'}.",
                                 path=self.path)
        if read_only:
            if not self.path.is_file():
                raise WorkspaceError(f"{self.path}: there is no workspace file here.",
                                     path=self.path)
        else:
            _private_folder(self.path.parent, ours=path is None)
            _private_file(self.path)
        self._schema = self._check()
        if not read_only:
            self._upgrade()
            _private_file(self.path)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                         timeout=10, isolation_level=None)
        else:
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            if not self.read_only:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            yield connection
        finally:
            connection.close()

    def _check(self) -> int:
        """The file's schema version (0 for a new, empty file), after checking it is a
        sound workspace this version can read."""
        try:
            with self._connect() as connection:
                tables = {row[0] for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'")}
                if not tables:
                    return 0
                if "meta" not in tables or "versions" not in tables:
                    raise WorkspaceError(
                        f"{self.path} is an SQLite database but not a workspace of this "
                        "dashboard (it has no versions table).", path=self.path)
                row = connection.execute(
                    "SELECT value FROM meta WHERE key='schema_version'").fetchone()
                verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise WorkspaceError(f"{self.path} cannot be read as a workspace: it is damaged "
                                 f"or not a workspace file ({error}).", path=self.path) from None
        if verdict != "ok":
            raise WorkspaceError(f"{self.path} is damaged: SQLite's check found {verdict}.",
                                 path=self.path)
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{self.path} was written by a newer version of the dashboard (workspace "
                f"format {version}; this one reads up to {SCHEMA_VERSION}). Update the "
                "dashboard to open it.", path=self.path, newer=True)
        return version

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

    def _upgrade(self) -> None:
        """Bring a file of an earlier schema (or a new one) to ``SCHEMA_VERSION``, in one
        transaction, after keeping a copy of an earlier file beside it."""
        current = self._schema
        if current == SCHEMA_VERSION:
            return
        if current:
            self.backup = backup_path(self.path, current)
            with self._connect() as source, sqlite3.connect(self.backup) as copy:
                source.backup(copy)  # a consistent copy, the write-ahead log included
            os.chmod(self.backup, PRIVATE_FILE)
            self.upgraded_from = current
        with self._transaction() as connection:
            for step in range(current + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[step]:
                    connection.execute(statement)
                if step == 2 and current:
                    _fill_row_counts(connection)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                               (str(SCHEMA_VERSION),))
        self._schema = SCHEMA_VERSION

    @property
    def schema_version(self) -> int:
        return self._schema

    # --- versions ------------------------------------------------------------------------

    def current_version(self) -> int | None:
        """The number of the current version, or None for an empty workspace."""
        with self._connect() as connection:
            return _current(connection)

    def save(self, applications: pd.DataFrame, *, offers: pd.DataFrame | None = None,
             kind: str, description: str, expected: int | None,
             details: Mapping[str, object] | None = None,
             interviews: pd.DataFrame | None = None,
             settings: Mapping[str, object] | None = None) -> int:
        """Store a new version and make it current; return its number.

        ``expected`` is the version the caller's change was based on (None for an empty
        workspace); if the workspace has moved on since, nothing is written and
        ``StaleVersionError`` says so. ``settings`` that belong with the change (the mail
        proposals declined while others were accepted) are written in the same transaction:
        a writer stopped at any point leaves the workspace before the change or after it.
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
            for key, value in (settings or {}).items():
                connection.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)",
                                   (key, json.dumps(value)))
        return version

    def load(self, version: int | None = None) -> Snapshot | None:
        """A version (the current one by default), or None for an empty workspace."""
        with self._connect() as connection:
            number = version if version is not None else _current(connection)
            if number is None:
                return None
            journal = "interviews" if self._schema >= 3 else "NULL"
            row = connection.execute(
                "SELECT id, created, kind, description, applications, offers, details, "
                f"{journal} FROM versions WHERE id=?", (number,)).fetchone()
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
                "SELECT id, created, kind, description, "
                f"{'rows' if self._schema >= 2 else 'NULL'} FROM versions ORDER BY id DESC")\
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

    def follow_up_decisions(self) -> dict[str, tuple[str, dt.date | None, dt.date | None]]:
        """Every decision with the day it was recorded: id -> (state, until, recorded)."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT action_id, state, until, updated FROM follow_up_state").fetchall()
        return {action: (state, dt.date.fromisoformat(until) if until else None,
                         dt.datetime.fromisoformat(updated).date() if updated else None)
                for action, state, until, updated in rows}

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
        if self._schema < 2:
            return {}
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
