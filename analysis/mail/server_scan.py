"""Mail from the person's own IMAP server, read by the same reader as an exported mailbox:
the headers of new mail first (in batches of UID ranges, read-only), then only the messages
the reader ties to an application, read in full (attachments left on the server but a
calendar invitation), then the same proposals as a file scan.

How a scan keeps its place (``SyncState``, updated in place): each folder's UIDVALIDITY and
last UID read; the UIDs the reader chose but that were not read in full yet (``pending``: a
cut scan's, read first by the next); and ``seen``, the Message-IDs of the messages read in
full, which are never read or offered again, in another folder or after a folder was
renumbered. The state moves only once what it covers has been read: a fault or a stop keeps
the headers read before it (the messages among them the reader wanted become ``pending``),
and the next scan resumes after them, with nothing lost or read twice.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import pandas as pd

from analysis.mail.imap import (
    Account,
    Connection,
    FetchedMessage,
    Folder,
    MailServerError,
    SyncState,
    connect,
    fetch_messages,
    folder_name,
    iter_headers,
    list_folders,
    pick_folders,
)
from analysis.mail.scan import Envelope, MailScan, ScanCancelled, ScanProgress, scan_envelopes
from analysis.model import schema as s

SINCE_MARGIN_DAYS = 30
"""Mail is read from the earliest application's day less this many days: a recruiter's first
message or the person's own application mail can come a little before the day the tracker
gives, and the server's SINCE counts days in its own time zone."""

WITHOUT_APPLICATIONS_DAYS = 90
"""With no dated application, mail of the last this many days before ``as_of`` is read (all
of it when there is no ``as_of`` either): enough to find the applications to add."""


@dataclass(frozen=True)
class ServerProgress(ScanProgress):
    """Where a scan of a server stands: messages handed over (headers, then whole messages),
    bytes received, seconds, and the messages the server has to hand over (``expected``,
    once known); ``share`` counts messages, as the bytes to come are not known."""

    expected: int = 0

    @property
    def share(self) -> float:
        return min(self.messages / self.expected, 1.0) if self.expected else 0.0


def mail_since(applications: pd.DataFrame, *, as_of: dt.date | None = None) -> dt.date | None:
    """The first day of mail a server scan reads: the earliest application's day less
    ``SINCE_MARGIN_DAYS``; without a dated application, ``WITHOUT_APPLICATIONS_DAYS`` before
    ``as_of``, or None (all mail) without ``as_of`` either.

    >>> apps = pd.DataFrame({"date_applied": pd.to_datetime(["2026-09-15", "2026-10-01"])})
    >>> mail_since(apps)
    datetime.date(2026, 8, 16)
    >>> mail_since(apps.iloc[:0], as_of=dt.date(2026, 12, 1))
    datetime.date(2026, 9, 2)
    """
    days = pd.to_datetime(applications[s.DATE_APPLIED], errors="coerce") \
        if s.DATE_APPLIED in applications else pd.Series(dtype="datetime64[us]")
    earliest = days.min()
    if pd.notna(earliest):
        return (earliest - pd.Timedelta(days=SINCE_MARGIN_DAYS)).date()
    if as_of is not None:
        return as_of - dt.timedelta(days=WITHOUT_APPLICATIONS_DAYS)
    return None


_MESSAGE_ID = re.compile(rb"(?im)^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]{1,996}>)")


def message_id(data: bytes) -> str | None:
    """The Message-ID in a message's (or header block's) headers, as the server sent it.

    >>> message_id(b"From: a@b.test\\r\\nMessage-ID:\\r\\n <x1@b.test>\\r\\n\\r\\nMessage-ID: <no>")
    '<x1@b.test>'
    """
    end = re.search(rb"\r?\n\r?\n", data)
    found = _MESSAGE_ID.search(data, 0, end.start() if end else len(data))
    return found.group(1).decode("ascii", "replace") if found else None


@dataclass
class _Tally:
    """Progress across folders and passes, and the stop the person asked for."""

    report: Callable[[ScanProgress], bool | None] | None
    started: float = field(default_factory=time.perf_counter)
    messages: int = 0
    received: int = 0
    expected: int = 0
    stopped: bool = False
    _base: tuple[int, int] = (0, 0)

    def found(self, count: int) -> None:
        """A folder's header pass starts with ``count`` new messages."""
        self.expected += count
        self._base = (self.messages, self.received)

    def headers(self, count: int, received: int, seconds: float) -> None:
        self.messages, self.received = self._base[0] + count, self._base[1] + received
        self.tell()

    def whole(self, data: bytes) -> None:
        self.messages += 1
        self.received += len(data)

    def tell(self) -> None:
        if self.report is None or self.stopped:
            return
        progress = ServerProgress(self.messages, self.received, 0,
                                  time.perf_counter() - self.started, self.expected)
        if self.report(progress) is False:
            self.stopped = True

    def stop(self) -> bool:
        return self.stopped


@dataclass
class _Pass:
    """One scan's reading: the messages in hand (whole), those the reader asked for in the
    header pass, and the fault or stop that cut it."""

    whole: dict[tuple[str, int], Envelope] = field(default_factory=dict)
    wanted: dict[str, set[int]] = field(default_factory=dict)
    skipped_seen: int = 0
    new: int = 0
    fault: MailServerError | None = None

    def want(self, folder: str, uid: int) -> None:
        self.wanted.setdefault(folder, set()).add(uid)


def scan_imap(host: str, user: str, password: str, applications: pd.DataFrame, *,
              port: int = 993, starttls: bool = False, folders: list[str] | None = None,
              fingerprint: str | None = None, as_of: dt.date | None = None,
              me: str | None = None,
              progress: Callable[[ScanProgress], bool | None] | None = None,
              state: SyncState | None = None) -> MailScan:
    """Read the new mail on an IMAP server and propose what the tracker is missing: the
    same ``MailScan`` as ``scan_mailbox`` gives for the same messages in a file.

    The server is only read (EXAMINE, BODY.PEEK: no flag changes, nothing written), over TLS
    (or STARTTLS on a plain port), its certificate verified or, for a server with its own
    certificate, pinned by its SHA-256 ``fingerprint``. ``folders`` are names or special-use
    roles ("\\\\Sent"); by default the \\\\All folder where there is one, else INBOX, Sent and
    Archive. Only mail received since ``mail_since(applications, as_of=as_of)`` is read
    (the earliest application less ``SINCE_MARGIN_DAYS``). The headers come first; only the
    messages the reader ties to an application are read in full. ``me`` defaults to the
    account's address (``user`` when it is one). ``state`` (updated in place) makes it
    incremental: see the module's docstring; without one, all mail since that day is read.

    ``progress`` gets a ``ServerProgress`` after each batch (messages, MB/s); returning
    False stops the scan (``ScanCancelled``) at the next batch, keeping what was read in
    ``state``. Every fault is a ``MailServerError`` whose message is one sentence for the
    person (never holding the password); the headers read before it are kept in ``state``.
    """
    account = Account(host, user, port=port, starttls=starttls, fingerprint=fingerprint,
                      folders=tuple(folders or ()))
    state = SyncState() if state is None else state
    mine = (me or (account.user if "@" in account.user else "")).strip().lower() or None
    tally = _Tally(progress)
    work = state.copy()
    since = mail_since(applications, as_of=as_of)
    connection = connect(account, password)
    with connection:
        chosen = pick_folders(list_folders(connection), account.folders, host=account.host)
        reading = _Pass()
        first = scan_envelopes(_header_pass(connection, chosen, work, since, reading, tally),
                               applications, as_of=as_of, me=mine)
        # What the header pass read is kept now, with the messages wanted as pending.
        for name, uids in reading.wanted.items():
            work.add_pending(connection, name, uids)
        state.update_from(work)
        if reading.fault is not None:
            raise reading.fault
        if tally.stopped:
            raise ScanCancelled
        for folder in chosen:
            uids = set(reading.wanted.get(folder.name, ()))
            uids -= {uid for (name, uid) in reading.whole if name == folder.name}
            for message in _whole(connection, folder, sorted(uids), tally):
                reading.whole[(folder.name, message.uid)] = _envelope(connection, work, message)
            if tally.stopped:
                raise ScanCancelled
    wanted = {key: envelope for key, envelope in reading.whole.items()
              if key[1] in reading.wanted.get(key[0], ())}
    found = scan_envelopes(list(wanted.values()), applications, as_of=as_of, me=first.me)
    for name, uid in reading.whole:  # read now, whether the reader wanted them or not
        work._handed_over((account.host, account.user, name), uid)
    work.seen.update(mid for envelope in wanted.values() if (mid := message_id(envelope.head)))
    state.update_from(work)
    stats = dict(first.stats)
    stats.update({"new messages": float(reading.new), "read in full": float(len(wanted)),
                  "already read": float(reading.skipped_seen), "folders": float(len(chosen)),
                  "bytes read": float(tally.received),
                  "seconds": round(time.perf_counter() - tally.started, 3)})
    return MailScan(proposals=found.proposals, stats=stats, me=first.me,
                    evidence=found.evidence)


def _header_pass(connection: Connection, chosen: list[Folder], work: SyncState,
                 since: dt.date | None, reading: _Pass, tally: _Tally) -> Iterator[Envelope]:
    """Every chosen folder's pending messages (whole) and new headers as envelopes for the
    reader; the ones it reads are noted as wanted. A fault ends it quietly, kept in
    ``reading.fault`` for the caller to raise once the reader has chosen from what came."""

    def chooser(name: str, uid: int, head: bytes) -> Callable[[], bytes]:
        def fetch() -> bytes:
            reading.want(name, uid)
            return head
        return fetch

    try:
        for folder in chosen:
            name = folder.name
            for header in iter_headers(connection, folder, work, since=since,
                                       stop=tally.stop, progress=tally.headers,
                                       found=tally.found):
                mid = message_id(header.data)
                if mid is not None and mid in work.seen:
                    reading.skipped_seen += 1
                    continue
                reading.new += 1
                yield Envelope(header.data, chooser(name, header.uid, header.data),
                               header.size, where=_where(connection, work, name, header.uid))
            # A cut scan's chosen messages, read first: they are in hand for both passes.
            pending = work.pending(connection, folder)
            for found in _whole(connection, folder, pending, tally):
                envelope = _envelope(connection, work, found)
                reading.whole[(name, found.uid)] = envelope
                yield replace(envelope, fetch=chooser(name, found.uid, found.data))
            if tally.stopped:
                return
    except MailServerError as fault:
        reading.fault = fault


def _whole(connection: Connection, folder: Folder, uids: list[int] | tuple[int, ...],
           tally: _Tally) -> Iterator[FetchedMessage]:
    tally.expected += len(uids)
    for found in fetch_messages(connection, folder, uids, stop=tally.stop):
        tally.whole(found.data)
        tally.tell()
        yield found


def _envelope(connection: Connection, work: SyncState, found: FetchedMessage) -> Envelope:
    return Envelope(found.data, lambda data=found.data: data,  # type: ignore[misc]  # bound now, read later
                    len(found.data), where=_where(connection, work, found.folder, found.uid))


def _where(connection: Connection, work: SyncState, folder: str, uid: int) -> str:
    """The message's IMAP URL (RFC 5092), the name it goes by when it has no Message-ID."""
    saved = work.get(work.key(connection, folder))
    validity = f";UIDVALIDITY={saved.uidvalidity}" if saved else ""
    return f"<{connection.source(folder_name(folder))}{validity}/;UID={uid}>"
