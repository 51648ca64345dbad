"""Reading an exported mailbox where it lies, message by message: an mbox file (Google
Takeout's, Thunderbird's, Apple Mail's exported folder), ``.eml`` files, a zip of them, or
Outlook ``.msg`` files.

Messages are streamed, never loaded all at once: the reader yields each message's raw bytes,
and ``headers`` parses only the header block, so that the scanner can decide from From, To,
Date, Subject and the thread headers whether a message is worth decoding at all. ``body_text``
decodes a matched message's text (HTML turned into text by selectolax), and ``calendar_start``
reads an attached calendar invitation; no other attachment is ever decoded.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import IO, cast

CHUNK = 8 * 1024 * 1024
MAX_MESSAGE_BYTES = 50 * 1024 * 1024  # larger messages are skipped (counted as unreadable)
MAX_ZIP_ENTRIES = 100_000
MAX_UNPACKED_BYTES = 4 * 1024 ** 3
MAX_RATIO = 200
MAX_NESTING = 2  # a zip in a zip is read; one level deeper is not
MAX_INNER_ZIP_BYTES = 200 * 1024 * 1024  # a zip inside a zip is held in memory: this much
MAX_FOLDER_FILES = 50_000  # files looked at in a folder (a whole disk is not a mail export)
HEAD_BYTES = 4096
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An mbox "From " separator line: "From sender date", the date ending in a four-digit year
# (or a numeric zone after it). A body line starting "From " without a date is not one.
_FROM_LINE = re.compile(rb"From \S*[^\n]*?\d{2}:\d{2}(?::\d{2})?[^\n]*?\d{4}[^\n]*\r?\n")
_MBOXRD = re.compile(rb"^>(>*From )", re.MULTILINE)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:[ \t]?", re.MULTILINE)



class MailboxError(ValueError):
    """A mailbox that cannot be read, with a message meant for the user."""

    def __init__(self, message: str, *, file: str | None = None) -> None:
        self.file = file
        super().__init__(f"{file}: {message}" if file else message)


@dataclass(frozen=True)
class RawMessage:
    """One message's bytes, where it came from, and how far through its file the reader is.
    ``skipped`` names why a file of a folder or an archive was not read as mail ("not mail",
    "unreadable", "too large"); its ``data`` is then empty."""

    data: bytes
    source: str
    position: int  # bytes read so far in this source
    size: int  # the source's size in bytes (0 when unknown)
    skipped: str = ""


Tick = Callable[[int, int], None]
"""Called with (bytes read in the current source, its size) as the reader goes, even within
one huge message, so a caller can report progress and stop (by raising) at any point."""


def _no_tick(position: int, size: int) -> None:
    return None


MailSource = str | Path | bytes | IO[bytes]
MailSources = list[MailSource] | tuple[MailSource, ...]  # several, read in turn


def iter_messages(source: MailSource | MailSources, *, name: str | None = None,
                  tick: Tick | None = None) -> Iterator[RawMessage]:
    """Each message of a mailbox (or of several), in file order. ``source`` is a path (an
    mbox file, an ``.eml`` or ``.msg`` file, a zip of them, or a folder holding them, such
    as Apple Mail's exported ``.mbox`` folder), bytes, or a binary file object. ``tick`` is
    told how far the reader is at least every ``CHUNK`` bytes (see ``Tick``).

    Files in a folder or an archive are judged by what they hold, not their names: those that
    are not mail (a ``.DS_Store``, a PDF) are skipped and reported (``RawMessage.skipped``),
    never fatal. Raises MailboxError, naming the file, for a single file that is not a mailbox
    (a spreadsheet), a zip with ``../`` names or one that would unpack to too much, a folder
    that holds no mail."""
    tick = tick or _no_tick
    if isinstance(source, list | tuple):
        for one in source:
            yield from iter_messages(one, tick=tick)
        return
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            yield from _folder(path, tick)
            return
        if not path.is_file():
            raise MailboxError("there is no such file or folder.", file=str(path))
        try:
            handle = path.open("rb")
        except OSError as error:
            raise MailboxError(f"the file cannot be read ({error.strerror}).",
                               file=str(path)) from None
        with handle:
            yield from _stream(handle, name or path.name, path.stat().st_size, tick=tick)
        return
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        yield from _stream(io.BytesIO(data), name or "upload", len(data), tick=tick)
        return
    label = name or Path(getattr(source, "name", "upload")).name
    size = getattr(source, "size", 0) or 0
    yield from _stream(source, label, int(size), tick=tick)


def _folder(path: Path, tick: Tick) -> Iterator[RawMessage]:
    """Apple Mail's exported folder holds a file called ``mbox``; other folders, message and
    mbox files, found by their content. Folders and files that cannot be read are skipped and
    reported; links are not followed."""
    inner = path / "mbox"
    if inner.is_file():
        yield from iter_messages(inner, tick=tick)
        return
    found = mail = 0
    for folder, subfolders, names in os.walk(path, onerror=lambda _: None):
        subfolders.sort()
        for file_name in sorted(names):
            file = Path(folder) / file_name
            found += 1
            if found > MAX_FOLDER_FILES:
                raise MailboxError(
                    f"the folder holds more than {MAX_FOLDER_FILES:,} files: choose the folder "
                    "of your mail export, not a whole disk or home folder.", file=str(path))
            label = str(file.relative_to(path))
            if file.is_symlink() or not file.is_file():
                continue
            try:
                handle = file.open("rb")
            except OSError:
                yield RawMessage(b"", label, 0, 0, skipped="unreadable")
                continue
            with handle:
                try:
                    for message in _stream(handle, label, file.stat().st_size, tick=tick,
                                           inside=True):
                        mail += not message.skipped
                        yield message
                except (MailboxError, OSError):
                    yield RawMessage(b"", label, 0, 0, skipped="unreadable")
    if not mail:
        raise MailboxError("the folder holds no mailbox or message files.", file=path.name)


def _stream(handle: IO[bytes], name: str, size: int, *, tick: Tick = _no_tick,
            inside: bool = False, depth: int = 0) -> Iterator[RawMessage]:
    """The messages of one file, judged by its first bytes. ``inside`` a folder or an
    archive, what is not mail is skipped (reported), not refused."""
    head = handle.read(HEAD_BYTES)
    if not head.strip():
        if inside:
            yield RawMessage(b"", name, 0, size, skipped="not mail")
            return
        raise MailboxError("the file is empty.", file=name)
    if head.startswith(b"PK\x03\x04"):
        if depth >= MAX_NESTING:
            yield RawMessage(b"", name, 0, size, skipped="an archive nested too deep")
            return
        limit = MAX_INNER_ZIP_BYTES if depth else MAX_UNPACKED_BYTES
        rest = head + _read_at_most(handle, limit, name, size, tick)
        yield from _zip(rest, name, tick=tick, depth=depth + 1)
        return
    if head.startswith(OLE2_MAGIC):
        rest = head + _read_at_most(handle, MAX_MESSAGE_BYTES, name, size, tick)
        try:
            yield _outlook(rest, name, len(rest))
        except MailboxError:
            if not inside:
                raise
            yield RawMessage(b"", name, len(rest), size, skipped="unreadable")
        return
    if head.startswith(b"From "):
        yield from _mbox(handle, head, name, size, tick)
        return
    if _looks_like_message(head):
        data = head + handle.read(MAX_MESSAGE_BYTES)
        yield RawMessage(data, name, len(data), size or len(data))
        return
    if inside:
        yield RawMessage(b"", name, len(head), size, skipped="not mail")
        return
    what = ("a spreadsheet" if head.startswith(b"\xef\xbb\xbf") or b"," in head.split(b"\n")[0]
            else "not a mailbox")
    raise MailboxError(
        f"this is {what}: give a mailbox file (an .mbox export such as Google Takeout's, a "
        "Thunderbird folder file), .eml or .msg messages, or a zip of .eml files.", file=name)


def _read_at_most(handle: IO[bytes], limit: int, name: str, size: int, tick: Tick) -> bytes:
    """The rest of a file held in memory, chunk by chunk, refused past ``limit`` bytes
    (counted as they are read, whatever the file declared)."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = handle.read(CHUNK)
        if not chunk:
            return b"".join(parts)
        total += len(chunk)
        if total > limit:
            raise MailboxError(f"it unpacks to more than {limit / 1e6:,.0f} MB; it was not "
                               "read.", file=name)
        parts.append(chunk)
        tick(total, size)


def _looks_like_message(head: bytes) -> bool:
    """Whether bytes start like an email: a few "Name: value" header lines, one of them a
    From, Date, Subject or Received."""
    block = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = [m.group(0).split(b":")[0].lower() for m in _HEADER_LINE.finditer(block)]
    return len(names) >= 2 and bool({b"from", b"date", b"subject", b"received",
                                     b"message-id", b"return-path"} & set(names))


def _mbox(handle: IO[bytes], head: bytes, name: str, size: int, tick: Tick = _no_tick
          ) -> Iterator[RawMessage]:
    """Messages of an mbox stream, split at "From " separator lines that carry a date; a
    quoted ">From " line is unquoted (mboxrd)."""
    buffer = head
    position = 0
    start = 0
    while True:
        chunk = handle.read(CHUNK)
        tick(position + len(buffer), size)
        buffer += chunk
        while True:
            boundary = _next_separator(buffer, start + 5)
            if boundary < 0:
                break
            yield _message(buffer[start:boundary], name, position + boundary, size)
            start = boundary
        if not chunk:
            break
        # Keep only the unfinished message; a message over the limit is dropped as it grows.
        position += start
        buffer = buffer[start:]
        start = 0
        if len(buffer) > MAX_MESSAGE_BYTES + CHUNK:
            yield RawMessage(b"", name, position, size, skipped="too large")
            next_one = _next_separator(buffer, len(buffer) - CHUNK)
            position += next_one if next_one > 0 else len(buffer)
            buffer = buffer[next_one:] if next_one > 0 else b""
    if buffer[start:].strip():
        yield _message(buffer[start:], name, position + len(buffer), size)


def _next_separator(buffer: bytes, after: int) -> int:
    """The offset of the next "From " separator line after ``after`` (-1: none yet). A line
    is a separator when it reads like one, with a time and a year: a body line that happens
    to start with "From " is not cut there."""
    at = after
    while True:
        found = buffer.find(b"\nFrom ", at)
        if found < 0:
            return -1
        if _FROM_LINE.match(buffer, found + 1):
            return found + 1
        at = found + 6


def _message(block: bytes, name: str, position: int, size: int) -> RawMessage:
    """A message without its "From " separator line, with mboxrd quoting undone."""
    newline = block.find(b"\n")
    data = block[newline + 1:] if block.startswith(b"From ") and newline >= 0 else block
    if b">From " in data:
        data = _MBOXRD.sub(rb"\1", data)
    if len(data) > MAX_MESSAGE_BYTES:
        return RawMessage(b"", name, position, size, skipped="too large")
    return RawMessage(data, name, position, size)


def _zip(data: bytes, name: str, *, tick: Tick = _no_tick, depth: int = 1
         ) -> Iterator[RawMessage]:
    """The messages of the files in a zip, each judged by its content; bytes unpacked are
    counted as they come, whatever the archive declares."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise MailboxError("the zip archive is damaged or incomplete.", file=name) from exc
    with archive:
        entries = [e for e in archive.infolist() if not e.is_dir()]
        if len(entries) > MAX_ZIP_ENTRIES:
            raise MailboxError(f"the archive holds {len(entries):,} files, more than the "
                               f"{MAX_ZIP_ENTRIES:,} read; it was not opened.", file=name)
        for entry in entries:
            parts = entry.filename.replace("\\", "/").split("/")
            if entry.filename.startswith("/") or ".." in parts:
                raise MailboxError(f"the archive holds a file outside itself "
                                   f"({entry.filename}); it was not opened.", file=name)
        declared = sum(e.file_size for e in entries)
        packed = max(sum(e.compress_size for e in entries), 1)
        if declared > MAX_UNPACKED_BYTES or (declared > 50 * 1024 * 1024
                                             and declared / packed > MAX_RATIO):
            raise MailboxError(f"the archive would unpack to {declared / 1e6:,.0f} MB from "
                               f"{len(data) / 1e6:,.1f} MB; it was not opened.", file=name)
        done = unpacked = 0
        mail = 0
        for entry in entries:
            label = f"{name}/{entry.filename}"

            def counted(position: int, size: int, before: int = unpacked,
                        at: int = done) -> None:
                if before + position > MAX_UNPACKED_BYTES:
                    raise _TooMuch(f"the archive unpacks to more than "
                                   f"{MAX_UNPACKED_BYTES / 1e9:,.0f} GB; reading stopped.",
                                   file=name)
                tick(at, len(data))

            try:
                with archive.open(entry) as member:
                    for message in _stream(cast(IO[bytes], _Counting(member, counted)), label,
                                           entry.file_size,
                                           tick=counted, inside=True, depth=depth):
                        mail += not message.skipped
                        yield RawMessage(message.data, label, done + min(
                            message.position, entry.compress_size), len(data), message.skipped)
            except _TooMuch:
                raise
            except (MailboxError, zipfile.BadZipFile, OSError, EOFError):
                yield RawMessage(b"", label, done, len(data), skipped="unreadable")
            unpacked += entry.file_size
            done += entry.compress_size
        if not mail and depth == 1:
            raise MailboxError("the archive holds no .eml, .msg or mbox files.", file=name)


class _TooMuch(MailboxError):
    """More was unpacked than any mail export holds: the whole archive is refused."""


class _Counting(io.RawIOBase):
    """A member of an archive read through, telling ``counted`` how many bytes came out."""

    def __init__(self, member: IO[bytes], counted: Tick) -> None:
        self.member, self.counted, self.total = member, counted, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.member.read(size)
        self.total += len(chunk)
        self.counted(self.total, 0)
        return chunk


def _outlook(data: bytes, name: str, size: int) -> RawMessage:
    """An Outlook .msg file as the bytes of an equivalent email (extract-msg reads it)."""
    try:
        import extract_msg
        from extract_msg.msg_classes import MessageBase
    except ImportError as exc:  # an optional reader
        raise MailboxError("reading Outlook .msg files needs the extract-msg package "
                           "(pip install extract-msg); or export the mail as .eml.",
                           file=name) from exc
    try:
        with extract_msg.openMsg(io.BytesIO(data)) as item:
            if not isinstance(item, MessageBase):  # has no sender, recipients or body
                raise TypeError(f"an Outlook {type(item).__name__}, not a message")
            built = EmailMessage()
            for header, value in (("From", item.sender), ("To", item.to), ("Cc", item.cc),
                                  ("Subject", item.subject),
                                  ("Message-ID", getattr(item, "messageId", None))):
                if value:
                    built[header] = str(value).replace("\r", " ").replace("\n", " ")
            if item.date:
                built["Date"] = email.utils.format_datetime(
                    item.date if item.date.tzinfo else item.date.replace(tzinfo=dt.UTC))
            built.set_content(item.body or "")
            return RawMessage(built.as_bytes(), name, size, size)
    except Exception as exc:  # extract-msg raises many kinds for damaged files
        raise MailboxError(f"this Outlook message could not be read ({exc}).",
                           file=name) from exc


def file_size(source: MailSource) -> int:
    if isinstance(source, str | Path):
        try:
            return os.path.getsize(source)
        except OSError:
            return 0
    if isinstance(source, bytes | bytearray):
        return len(source)
    return int(getattr(source, "size", 0) or 0)
