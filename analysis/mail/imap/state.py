"""What a sync knows and keeps: how far each folder was read (UIDVALIDITY and the last UID,
kept in the workspace as JSON, never a secret), and the headers and messages it hands over."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from email.message import Message
from typing import Protocol

from analysis.mail.imap.wire import Folder, folder_name
from analysis.mail.mailbox import RawMessage
from analysis.mail.message import headers


@dataclass(frozen=True)
class FolderState:
    """How far a folder has been read: the UIDVALIDITY the UIDs belong to, the highest UID
    whose header was handed over, and the UIDs chosen for reading in full that were not yet
    handed over (read first on the next run)."""

    uidvalidity: int
    last_uid: int = 0
    pending: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.uidvalidity < 0 or self.last_uid < 0:
            raise ValueError("UIDVALIDITY and UIDs are not negative")
        object.__setattr__(self, "pending", tuple(sorted({int(uid) for uid in self.pending})))


StateKey = tuple[str, str, str]  # (host, user, folder)


class Signed(Protocol):
    """Where mail is read: an account, or a connection signed in to it."""

    host: str
    user: str


class SyncState(MutableMapping[StateKey, FolderState]):
    """Where each folder's reading stands, keyed by (host, user, folder), and ``seen``: the
    Message-IDs of the messages a scan of the server (``analysis.mail.scan_imap``) has read in
    full, never offered again (in another folder, or after a folder was renumbered). Plain
    JSON for the workspace to keep (:meth:`to_json`, :meth:`from_json`), without secrets."""

    VERSION = 2

    def __init__(self, folders: Mapping[StateKey, FolderState] | None = None, *,
                 seen: Iterable[str] = ()) -> None:
        self._folders: dict[StateKey, FolderState] = {}
        self.seen: set[str] = set(seen)
        for key, value in (folders or {}).items():
            self[key] = value

    @staticmethod
    def key(where: Signed, folder: str | Folder) -> StateKey:
        """The key of ``folder`` on the account (or connection) ``where``."""
        return (where.host.lower(), where.user, folder_name(folder))

    @staticmethod
    def _normal(key: object) -> StateKey:
        if not (isinstance(key, tuple) and len(key) == 3 and all(isinstance(k, str) for k in key)):
            raise TypeError("a SyncState key is (host, user, folder)")
        return (key[0].lower(), key[1], key[2])

    def __getitem__(self, key: StateKey) -> FolderState:
        return self._folders[self._normal(key)]

    def __setitem__(self, key: StateKey, value: FolderState) -> None:
        if not isinstance(value, FolderState):
            raise TypeError("a SyncState value is a FolderState")
        self._folders[self._normal(key)] = value

    def __delitem__(self, key: StateKey) -> None:
        del self._folders[self._normal(key)]

    def __iter__(self) -> Iterator[StateKey]:
        return iter(self._folders)

    def __len__(self) -> int:
        return len(self._folders)

    def __repr__(self) -> str:
        return f"SyncState({len(self)} folder{'s' if len(self) != 1 else ''})"

    def pending(self, where: Signed, folder: str | Folder) -> tuple[int, ...]:
        """The UIDs of ``folder`` chosen for reading in full and not handed over yet."""
        saved = self.get(self.key(where, folder))
        return saved.pending if saved else ()

    def add_pending(self, where: Signed, folder: str | Folder,
                    uids: Iterable[int]) -> None:
        """Note UIDs of ``folder`` to read in full (by :func:`fetch_messages` with this
        state), for a caller that chooses after the header pass; kept until handed over."""
        key = self.key(where, folder)
        saved = self.get(key)
        if saved is None:
            raise KeyError(f"{key[2]} has not been read yet: run its header pass first")
        self[key] = replace(saved, pending=saved.pending + tuple(int(uid) for uid in uids))

    def _handed_over(self, key: StateKey, uid: int) -> None:
        saved = self.get(key)
        if saved is not None and uid in saved.pending:
            self[key] = replace(saved, pending=tuple(u for u in saved.pending if u != uid))

    def to_json(self) -> str:
        folders = [{"host": host, "user": user, "folder": folder,
                    "uidvalidity": value.uidvalidity, "last_uid": value.last_uid,
                    "pending": list(value.pending)}
                   for (host, user, folder), value in sorted(self._folders.items())]
        return json.dumps({"version": self.VERSION, "folders": folders,
                           "seen": sorted(self.seen)}, ensure_ascii=False, indent=1)

    def update_from(self, other: SyncState) -> None:
        """Become a copy of ``other`` (folders and Message-IDs seen), in place."""
        self._folders = dict(other._folders)
        self.seen = set(other.seen)

    def copy(self) -> SyncState:
        return SyncState(self._folders, seen=self.seen)

    @classmethod
    def from_json(cls, text: str | bytes | None) -> SyncState:
        """The state :meth:`to_json` wrote; an empty state for None or ""."""
        if text is None or not text.strip():
            return cls()
        try:
            document = json.loads(text)
            if document.get("version") not in (1, cls.VERSION):  # 1: before ``seen``
                raise ValueError(f"version {document.get('version')!r}")
            state = cls(seen=(str(m) for m in document.get("seen", ())))
            for entry in document["folders"]:
                state[(str(entry["host"]), str(entry["user"]), str(entry["folder"]))] = \
                    FolderState(int(entry["uidvalidity"]), int(entry["last_uid"]),
                                tuple(int(uid) for uid in entry.get("pending", ())))
            return state
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ValueError(f"The saved mail sync state cannot be read ({exc}): delete it to "
                             "read the mailbox again from the start.") from None


@dataclass(frozen=True)
class Header:
    """One message's header block (BODY.PEEK[HEADER]), with its folder, UID, size
    (RFC822.SIZE) and INTERNALDATE (when the server received it)."""

    folder: str
    uid: int
    size: int
    internaldate: dt.datetime | None
    data: bytes = field(repr=False)

    def message(self) -> Message:
        """The headers parsed (``analysis.mail.message.headers``)."""
        return headers(self.data)


@dataclass(frozen=True)
class FetchedMessage(RawMessage):
    """A message read in full from a server: ``data`` is the message, or for a large one
    its headers and text, HTML and calendar parts (``complete`` false: attachments left on
    the server); ``position``/``size`` count the bytes of this fetch for progress."""

    folder: str = ""
    uid: int = 0
    complete: bool = True


@dataclass
class SyncReport:
    """What a :func:`sync` did: folders read, headers and messages handed over, bytes
    received, the folders read again from the start because their UIDVALIDITY changed,
    and whether ``stop`` ended it."""

    folders: list[str] = field(default_factory=list)
    headers: int = 0
    messages: int = 0
    bytes: int = 0
    seconds: float = 0.0
    rescanned: list[str] = field(default_factory=list)
    stopped: bool = False
