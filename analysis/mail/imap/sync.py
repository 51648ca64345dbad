"""The sync: the folders to read, the headers of new mail in batches of UID ranges, the bodies of
the messages chosen (without attachments but a calendar invitation), and the state moved on
only after each batch was handed over."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.mail.imap.accounts import (
    BATCH_SECONDS,
    BODY_BATCH_BYTES,
    BODY_BATCH_MESSAGES,
    DEFAULT_TIMEOUT,
    FIRST_BATCH,
    HEADER_BATCH,
    LARGE_MESSAGE_BYTES,
    MAX_PART_BYTES,
    MIN_BATCH,
    STRUCTURE_BATCH,
    Account,
    MailServerError,
    ProtocolError,
    log,
)
from analysis.mail.imap.connection import Connection, connect
from analysis.mail.imap.folders import list_folders, pick_folders
from analysis.mail.imap.state import FetchedMessage, FolderState, Header, SyncReport, SyncState
from analysis.mail.imap.wire import (
    Folder,
    as_bytes,
    as_date,
    as_int,
    as_str,
    chunks,
    folder_name,
    imap_date,
    parse_internaldate,
)


class _FolderReader:
    """One folder's header pass: EXAMINE, compare UIDVALIDITY with the saved state (a change
    means reading it again from the start), UID SEARCH for what is new, and batches of
    headers; the state moves on only in ``commit``, once a batch was handed over."""

    def __init__(self, connection: Connection, folder: str | Folder, state: SyncState,
                 since: dt.date | None) -> None:
        self.connection, self.state = connection, state
        self.name = folder_name(folder)
        self.key = state.key(connection, self.name)
        self.stopped = False
        self.status = connection._examine(folder)
        saved = state.get(self.key)
        self.rescanned = saved is not None and saved.uidvalidity != self.status.uidvalidity
        if self.rescanned:
            log.info("%s: %s was renumbered (UIDVALIDITY %s, was %s): reading it again from "
                     "the start", connection.host, self.name, self.status.uidvalidity,
                     saved.uidvalidity if saved else None)
            connection.rescanned.append(self.name)
        if saved is None or self.rescanned:
            state[self.key] = FolderState(self.status.uidvalidity, 0)
        first = state[self.key].last_uid + 1
        if self.status.exists == 0 or (self.status.uidnext is not None
                                       and self.status.uidnext <= first):
            self.uids: list[int] = []
        else:
            criteria = f"UID {first}:*" + (f" SINCE {imap_date(since)}" if since else "")
            # "n:*" matches the last message even when its UID is below n: filter.
            self.uids = sorted({uid for uid in connection._search(self.name, criteria)
                                if uid >= first})
        log.info("%s: %s has %d new message%s", connection.host, self.name, len(self.uids),
                 "" if len(self.uids) == 1 else "s")

    def batches(self, batch: int, stop: Callable[[], bool] | None,
                ) -> Iterator[tuple[int, list[Header]]]:
        """(the batch's highest UID, its headers), sized to take about BATCH_SECONDS."""
        batch = max(1, int(batch))
        size = min(batch, FIRST_BATCH)
        index = 0
        while index < len(self.uids):
            if stop is not None and stop():
                self.stopped = True
                return
            chunk = self.uids[index:index + size]
            started = time.monotonic()
            found = self.connection._fetch(self.name, chunk,
                                           "(UID RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER])")
            seconds = time.monotonic() - started
            headers = [Header(self.name, uid, as_int(values.get("RFC822.SIZE")),
                              parse_internaldate(values.get("INTERNALDATE")),
                              as_bytes(values.get("BODY[HEADER]")))
                       for uid in chunk if (values := found.get(uid)) is not None]
            index += len(chunk)
            if seconds > 0:
                fitting = int(len(chunk) * BATCH_SECONDS / seconds)
                size = min(batch, max(MIN_BATCH, min(size * 4, fitting)))
            yield chunk[-1], headers

    def commit(self, last_uid: int, headers: Sequence[Header], chosen: Iterable[int]) -> None:
        """The batch up to ``last_uid`` was handed over; ``chosen`` of its UIDs are to be read
        in full (kept as pending until they are)."""
        saved = self.state[self.key]
        offered = {header.uid for header in headers}
        picked = tuple(uid for uid in {int(u) for u in chosen} if uid in offered)
        self.state[self.key] = FolderState(saved.uidvalidity, max(saved.last_uid, last_uid),
                                           saved.pending + picked)


def iter_headers(connection: Connection, folder: str | Folder, state: SyncState, *,
                 since: dt.date | None = None, batch: int = HEADER_BATCH,
                 stop: Callable[[], bool] | None = None,
                 progress: Callable[[int, int, float], object] | None = None,
                 choose: Callable[[list[Header]], Iterable[int]] | None = None,
                 found: Callable[[int], object] | None = None) -> Iterator[Header]:
    """The headers of ``folder``'s messages not read yet (UIDs above the state's last one,
    received on or after ``since``), fetched in batches of UID ranges. After a batch was
    handed over the state moves past it (with the UIDs ``choose(batch)`` returns noted as
    pending, for :func:`fetch_messages`), and ``progress(messages, bytes, seconds)`` is called;
    ``stop()`` returning true ends it between batches; ``found(n)`` is told how many new
    messages the folder has before the first batch. A changed UIDVALIDITY reads the folder
    again from the start (``connection.rescanned`` says so)."""
    reader = _FolderReader(connection, folder, state, as_date(since))
    if found is not None:
        found(len(reader.uids))
    started = time.monotonic()
    count = received = 0
    for last_uid, headers in reader.batches(batch, stop):
        yield from headers
        reader.commit(last_uid, headers, choose(headers) if choose is not None else ())
        count += len(headers)
        received += sum(len(header.data) for header in headers)
        if progress is not None:
            progress(count, received, time.monotonic() - started)


@dataclass
class _Part:
    path: str  # "" for the message itself when it is not multipart, else "1", "2.1"...
    type: str  # "text/plain", "multipart/alternative"...
    size: int = 0
    attachment: bool = False
    children: list[_Part] = field(default_factory=list)

    @property
    def wanted(self) -> bool:
        """A part the scanner reads: text and HTML that are not attachments, calendars."""
        if self.children:
            return any(child.wanted for child in self.children)
        if self.type == "text/calendar":
            return True
        return self.type in ("text/plain", "text/html") and not self.attachment


def fetch_messages(connection: Connection, folder: str | Folder, uids: Iterable[int], *,
                   max_bytes: int = LARGE_MESSAGE_BYTES, state: SyncState | None = None,
                   stop: Callable[[], bool] | None = None) -> Iterator[FetchedMessage]:
    """The messages ``uids`` of ``folder``, in UID order: whole (BODY.PEEK[]) up to
    ``max_bytes``; larger ones without their attachments (their header and their text, HTML
    and calendar parts, read with BODY.PEEK[n.MIME] and BODY.PEEK[n] and put back together as
    a MIME message ``analysis.mail.mailbox`` reads). With ``state``, the folder must still have
    the UIDVALIDITY the UIDs were read under, and each message handed over leaves the state's
    pending list (so do messages deleted from the server meanwhile)."""
    name = folder_name(folder)
    status = connection._current(folder)
    key = state.key(connection, name) if state is not None else None
    if state is not None and key is not None:
        saved = state.get(key)
        if saved is not None and saved.uidvalidity != status.uidvalidity:
            raise MailServerError(
                f"The folder \"{name}\" on {connection.host} was renumbered since its headers "
                "were read (UIDVALIDITY changed): sync again to read it from the start.",
                kind="renumbered", host=connection.host, folder=name)
    wanted = sorted({int(uid) for uid in uids if int(uid) > 0})
    if not wanted:
        return
    sizes: dict[int, int] = {}
    structures: dict[int, Any] = {}
    for chunk in chunks(wanted, STRUCTURE_BATCH):
        found = connection._fetch(name, chunk, "(UID RFC822.SIZE BODYSTRUCTURE)")
        for uid in chunk:
            if uid in found:
                sizes[uid] = as_int(found[uid].get("RFC822.SIZE"))
                structures[uid] = found[uid].get("BODYSTRUCTURE")
    gone = [uid for uid in wanted if uid not in sizes]
    if gone:
        log.info("%s: %d message%s of %s no longer on the server", connection.host, len(gone),
                 "" if len(gone) == 1 else "s", name)
        if state is not None and key is not None:
            for uid in gone:
                state._handed_over(key, uid)
    total = sum(sizes.values())
    position = 0
    source = connection.source(name)
    for group, large in _plan(sorted(sizes), sizes, max_bytes):
        if stop is not None and stop():
            return
        if large:
            uid = group[0]
            contents = {uid: _without_attachments(connection, name, uid, structures.get(uid))}
        else:
            found = connection._fetch(name, group, "(UID BODY.PEEK[])")
            contents = {uid: as_bytes(values.get("BODY[]")) for uid, values in found.items()}
        for uid in group:
            position += sizes[uid]
            if uid in contents:
                yield FetchedMessage(contents[uid], source, position, total, folder=name,
                                     uid=uid, complete=not large)
            if state is not None and key is not None:
                state._handed_over(key, uid)


def _plan(uids: Sequence[int], sizes: Mapping[int, int],
          max_bytes: int) -> Iterator[tuple[list[int], bool]]:
    """Groups of small messages to fetch whole (bounded in bytes and number), and each large
    message on its own."""
    group: list[int] = []
    group_bytes = 0
    for uid in uids:
        size = sizes[uid]
        if size > max_bytes:
            if group:
                yield group, False
                group, group_bytes = [], 0
            yield [uid], True
            continue
        if group and (group_bytes + size > BODY_BATCH_BYTES or len(group) >= BODY_BATCH_MESSAGES):
            yield group, False
            group, group_bytes = [], 0
        group.append(uid)
        group_bytes += size
    if group:
        yield group, False


def _without_attachments(connection: Connection, folder: str, uid: int, structure: Any) -> bytes:
    """A large message rebuilt from its header and the parts worth reading."""
    try:
        root = _structure(structure)
    except (ProtocolError, IndexError, TypeError, ValueError):
        root = _Part("", "application/octet-stream")
    items = ["BODY.PEEK[HEADER]"]
    leaves: list[_Part] = []
    if root.children:
        leaves = _wanted_leaves(root)
        for leaf in leaves:
            partial = f"<0.{MAX_PART_BYTES}>" if leaf.size > MAX_PART_BYTES else ""
            items += [f"BODY.PEEK[{leaf.path}.MIME]", f"BODY.PEEK[{leaf.path}]{partial}"]
    elif root.wanted:
        items.append(f"BODY.PEEK[TEXT]<0.{MAX_PART_BYTES}>")
    found = connection._fetch(folder, [uid], f"(UID {' '.join(items)})").get(uid, {})
    header = as_bytes(found.get("BODY[HEADER]"))
    if not root.children:
        if not root.wanted:
            return _with_content_type(header, 'text/plain; charset="us-ascii"')
        return header + _cut(as_bytes(found.get("BODY[TEXT]")), MAX_PART_BYTES)
    if not leaves:
        return _with_content_type(header, 'text/plain; charset="us-ascii"')
    return _assemble(root, found, header)


def _wanted_leaves(part: _Part) -> list[_Part]:
    if not part.children:
        return [part] if part.wanted else []
    return [leaf for child in part.children for leaf in _wanted_leaves(child)]


def _assemble(part: _Part, found: Mapping[str, Any], root_header: bytes | None) -> bytes:
    if not part.children:
        body = as_bytes(found.get(f"BODY[{part.path}]"))
        if part.size > MAX_PART_BYTES:
            body = _cut(body, MAX_PART_BYTES)
        return as_bytes(found.get(f"BODY[{part.path}.MIME]")) + body
    boundary = "=_part_" + secrets.token_hex(12)
    content_type = f'{part.type}; boundary="{boundary}"'
    head = _with_content_type(root_header, content_type) if root_header is not None \
        else f"Content-Type: {content_type}\r\n\r\n".encode()
    delimiter = b"--" + boundary.encode()
    body = b"".join(delimiter + b"\r\n" + _assemble(child, found, None) + b"\r\n"
                    for child in part.children if child.wanted)
    return head + body + delimiter + b"--\r\n"


def _structure(value: Any, path: str = "") -> _Part:
    """A BODYSTRUCTURE as a tree of parts numbered as BODY[n] numbers them."""
    if not isinstance(value, list) or not value:
        raise ProtocolError("not a body structure")
    if isinstance(value[0], list):
        children: list[_Part] = []
        index = 0
        while index < len(value) and isinstance(value[index], list):
            number = str(index + 1)
            children.append(_structure(value[index], f"{path}.{number}" if path else number))
            index += 1
        subtype = as_str(value[index]).lower() if index < len(value) else "mixed"
        return _Part(path, f"multipart/{subtype or 'mixed'}", children=children)
    kind = f"{as_str(value[0]).lower()}/{as_str(value[1]).lower()}"
    at = 9 if kind.startswith("text/") else 11 if kind == "message/rfc822" else 8
    disposition = value[at] if len(value) > at else None
    attachment = isinstance(disposition, list) and bool(disposition) \
        and as_str(disposition[0]).lower() == "attachment"
    return _Part(path, kind, as_int(value[6]) if len(value) > 6 else 0, attachment)


def _with_content_type(header: bytes, value: str) -> bytes:
    """A header block with its Content-Type (folded lines too) replaced by ``value``."""
    kept: list[bytes] = []
    skipping = False
    for line in re.split(rb"\r?\n", header.rstrip(b"\r\n")):
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        skipping = line.split(b":", 1)[0].strip().lower() == b"content-type"
        if not skipping:
            kept.append(line)
    kept.append(b"Content-Type: " + value.encode())
    return b"\r\n".join(line for line in kept if line) + b"\r\n\r\n"


def _cut(data: bytes, limit: int) -> bytes:
    """Data cut short at ``limit`` bytes ends at its last full line."""
    if len(data) < limit:
        return data
    end = data.rfind(b"\n")
    return data[:end + 1] if end > 0 else data


class SyncRun:
    """The iterator :func:`sync` returns: :class:`Header` and :class:`FetchedMessage` items,
    and ``report`` (a :class:`SyncReport`) filled in as it goes."""

    def __init__(self, account: Account, password: str, state: SyncState, *,
                 since: dt.date | None, choose: Callable[[list[Header]], Iterable[int]] | None,
                 progress: Callable[[int, int, float], object] | None,
                 stop: Callable[[], bool] | None, batch: int, max_bytes: int, timeout: float,
                 sleep: Callable[[float], object]) -> None:
        self.account, self.state, self.report = account, state, SyncReport()
        self._password: str | None = password
        self._since, self._choose, self._progress, self._stop = since, choose, progress, stop
        self._batch, self._max_bytes, self._timeout, self._sleep = batch, max_bytes, timeout, sleep
        self._iterator: Iterator[Header | FetchedMessage] | None = None

    def __repr__(self) -> str:
        return (f"<SyncRun {self.account.address}: {self.report.headers} headers, "
                f"{self.report.messages} messages>")

    def __iter__(self) -> Iterator[Header | FetchedMessage]:
        if self._iterator is None:
            self._iterator = self._run()
        return self._iterator

    def __next__(self) -> Header | FetchedMessage:
        return next(iter(self))

    def _stopped(self) -> bool:
        if self._stop is not None and self._stop():
            self.report.stopped = True
        return self.report.stopped

    def _run(self) -> Iterator[Header | FetchedMessage]:
        started = time.monotonic()
        report = self.report
        password, self._password = self._password or "", None
        connection = connect(self.account, password, timeout=self._timeout, sleep=self._sleep)
        del password
        with connection:
            folders = pick_folders(list_folders(connection), self.account.folders,
                                   host=self.account.host)
            report.folders = [folder.name for folder in folders]
            for folder in folders:
                if self._stopped():
                    break
                reader = _FolderReader(connection, folder, self.state, self._since)
                if reader.rescanned:
                    report.rescanned.append(reader.name)
                # What a cut run had chosen but not handed over comes first.
                yield from self._bodies(connection, folder, self.state.pending(connection,
                                                                             folder), started)
                for last_uid, headers in reader.batches(self._batch, self._stopped):
                    for header in headers:
                        report.headers += 1
                        report.bytes += len(header.data)
                        yield header
                    chosen = self._choose(headers) if self._choose is not None else ()
                    reader.commit(last_uid, headers, chosen)
                    yield from self._bodies(connection, folder,
                                            self.state.pending(connection, folder), started)
                    report.seconds = time.monotonic() - started
                    if self._progress is not None:
                        self._progress(report.headers, report.bytes,
                                       report.seconds)
                if reader.stopped or report.stopped:
                    break
        report.seconds = time.monotonic() - started

    def _bodies(self, connection: Connection, folder: Folder, uids: Sequence[int],
                started: float) -> Iterator[FetchedMessage]:
        if not uids:
            return
        for message in fetch_messages(connection, folder, uids, max_bytes=self._max_bytes,
                                      state=self.state, stop=self._stopped):
            self.report.messages += 1
            self.report.bytes += len(message.data)
            yield message


def sync(account: Account, password: str, state: SyncState, *, since: dt.date | None = None,
         choose: Callable[[list[Header]], Iterable[int]] | None = None,
         progress: Callable[[int, int, float], object] | None = None,
         stop: Callable[[], bool] | None = None, batch: int = HEADER_BATCH,
         max_bytes: int = LARGE_MESSAGE_BYTES, timeout: float = DEFAULT_TIMEOUT,
         sleep: Callable[[float], object] = time.sleep) -> SyncRun:
    """Read what is new in the account's folders on one connection: for each batch of headers
    (yielded as :class:`Header`), ``choose(batch)`` returns the UIDs to read in full, yielded
    next as :class:`FetchedMessage`; the state moves on after each batch (the chosen UIDs kept
    as pending until handed over, and read first by the next sync if this one is cut),
    ``progress(headers, bytes, seconds)`` is called, and ``stop()`` returning true ends it
    cleanly between batches. Nothing happens until it is iterated; it logs out at the end, or
    when the caller stops iterating. ``report`` on the returned :class:`SyncRun` says what it
    did (folders read again from the start because their UIDVALIDITY changed, among others).

    A scanner that wants every folder's headers before it chooses uses the parts on one
    connection instead: ``connect``, ``pick_folders(list_folders(c), account.folders)``,
    ``iter_headers`` for each folder, ``state.add_pending(c, folder, uids)``, then
    ``fetch_messages(c, folder, state.pending(c, folder), state=state)``; saving the state
    with its own results keeps both in step."""
    return SyncRun(account, password, state, since=as_date(since), choose=choose,
                   progress=progress, stop=stop, batch=batch, max_bytes=max_bytes,
                   timeout=timeout, sleep=sleep)
