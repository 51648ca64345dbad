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
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser
from pathlib import Path
from typing import IO

CHUNK = 8 * 1024 * 1024
MAX_MESSAGE_BYTES = 50 * 1024 * 1024  # larger messages are skipped (counted as unreadable)
MAX_ZIP_ENTRIES = 100_000
MAX_UNPACKED_BYTES = 4 * 1024 ** 3
MAX_RATIO = 200
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An mbox "From " separator line: "From sender date", the date ending in a four-digit year
# (or a numeric zone after it). A body line starting "From " without a date is not one.
_FROM_LINE = re.compile(rb"From \S*[^\n]*?\d{2}:\d{2}(?::\d{2})?[^\n]*?\d{4}[^\n]*\r?\n")
_MBOXRD = re.compile(rb"^>(>*From )", re.MULTILINE)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:[ \t]?", re.MULTILINE)

# Headers are read with the compat32 policy: plain strings, several times faster than
# policy.default's header objects; the few values shown are decoded on demand.
_headers = BytesHeaderParser(policy=policy.compat32)
_parser = BytesParser(policy=policy.default)


class MailboxError(ValueError):
    """A mailbox that cannot be read, with a message meant for the user."""

    def __init__(self, message: str, *, file: str | None = None) -> None:
        self.file = file
        super().__init__(f"{file}: {message}" if file else message)


@dataclass(frozen=True)
class RawMessage:
    """One message's bytes, where it came from, and how far through its file the reader is."""

    data: bytes
    source: str
    position: int  # bytes read so far in this source
    size: int  # the source's size in bytes (0 when unknown)


MailSource = str | Path | bytes | IO[bytes]
MailSources = list[MailSource] | tuple[MailSource, ...]  # several, read in turn


def iter_messages(source: MailSource | MailSources, *,
                  name: str | None = None) -> Iterator[RawMessage]:
    """Each message of a mailbox (or of several), in file order. ``source`` is a path (an
    mbox file, an ``.eml`` or ``.msg`` file, a zip of ``.eml`` files, or a folder holding
    them, such as Apple Mail's exported ``.mbox`` folder), bytes, or a binary file object.

    Raises MailboxError, naming the file, for what is not a mailbox: a spreadsheet, a zip
    with ``../`` names or one that would unpack to too much, an unreadable ``.msg``."""
    if isinstance(source, list | tuple):
        for one in source:
            yield from iter_messages(one)
        return
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            yield from _folder(path)
            return
        if not path.is_file():
            raise MailboxError("there is no such file or folder.", file=str(path))
        with path.open("rb") as handle:
            yield from _stream(handle, name or path.name, path.stat().st_size)
        return
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        yield from _stream(io.BytesIO(data), name or "upload", len(data))
        return
    label = name or Path(getattr(source, "name", "upload")).name
    size = getattr(source, "size", 0) or 0
    yield from _stream(source, label, int(size))


def _folder(path: Path) -> Iterator[RawMessage]:
    """Apple Mail's exported folder holds a file called ``mbox``; other folders, .eml, .msg
    or mbox files."""
    inner = path / "mbox"
    files = [inner] if inner.is_file() else sorted(
        p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".eml", ".msg", ".mbox",
                                                                          ".mbx", ""))
    if not files:
        raise MailboxError("the folder holds no mailbox or message files.", file=path.name)
    for file in files:
        yield from iter_messages(file)


def _stream(handle: IO[bytes], name: str, size: int) -> Iterator[RawMessage]:
    head = handle.read(4096)
    if not head.strip():
        raise MailboxError("the file is empty.", file=name)
    if head.startswith(b"PK\x03\x04"):
        rest = head + handle.read()
        yield from _zip(rest, name)
        return
    if head.startswith(OLE2_MAGIC):
        rest = head + handle.read()
        yield _outlook(rest, name, len(rest))
        return
    if head.startswith(b"From "):
        yield from _mbox(handle, head, name, size)
        return
    if _looks_like_message(head):
        data = head + handle.read(MAX_MESSAGE_BYTES)
        yield RawMessage(data, name, len(data), size or len(data))
        return
    what = ("a spreadsheet" if head.startswith(b"\xef\xbb\xbf") or b"," in head.split(b"\n")[0]
            else "not a mailbox")
    raise MailboxError(
        f"this is {what}: give a mailbox file (an .mbox export such as Google Takeout's, a "
        "Thunderbird folder file), .eml or .msg messages, or a zip of .eml files.", file=name)


def _looks_like_message(head: bytes) -> bool:
    """Whether bytes start like an email: a few "Name: value" header lines, one of them a
    From, Date, Subject or Received."""
    block = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = [m.group(0).split(b":")[0].lower() for m in _HEADER_LINE.finditer(block)]
    return len(names) >= 2 and bool({b"from", b"date", b"subject", b"received",
                                     b"message-id", b"return-path"} & set(names))


def _mbox(handle: IO[bytes], head: bytes, name: str, size: int) -> Iterator[RawMessage]:
    """Messages of an mbox stream, split at "From " separator lines that carry a date; a
    quoted ">From " line is unquoted (mboxrd)."""
    buffer = head
    position = 0
    start = 0
    while True:
        chunk = handle.read(CHUNK)
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
            yield RawMessage(b"", name, position, size)  # counted as unreadable
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
    if b"\n>" in data and b">From " in data:
        data = _MBOXRD.sub(rb"\1", data)
    return RawMessage(data if len(data) <= MAX_MESSAGE_BYTES else b"", name, position, size)


def _zip(data: bytes, name: str) -> Iterator[RawMessage]:
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
        readable = [e for e in entries
                    if e.filename.lower().endswith((".eml", ".msg", ".mbox", ".txt"))
                    or "." not in e.filename.rsplit("/", 1)[-1]]
        if not readable:
            raise MailboxError("the archive holds no .eml, .msg or mbox files.", file=name)
        done = 0
        for entry in readable:
            label = f"{name}/{entry.filename}"
            if entry.file_size > MAX_MESSAGE_BYTES and not entry.filename.lower().endswith(
                    (".mbox", "")):
                done += entry.compress_size
                yield RawMessage(b"", label, done, len(data))
                continue
            with archive.open(entry) as member:
                try:
                    for message in _stream(member, label, entry.file_size):
                        yield RawMessage(message.data, label, done + min(
                            message.position, entry.compress_size), len(data))
                except MailboxError:
                    yield RawMessage(b"", label, done, len(data))
            done += entry.compress_size


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


def headers(raw: bytes) -> Message:
    """The message's headers only (the body is not parsed)."""
    end = raw.find(b"\n\n")
    crlf = raw.find(b"\r\n\r\n")
    if crlf >= 0 and (end < 0 or crlf < end):
        end = crlf + 2
    return _headers.parsebytes(raw[:end + 1] if end >= 0 else raw)


def full(raw: bytes) -> EmailMessage:
    """The whole message, parsed."""
    message = _parser.parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return message


def decoded(value: str) -> str:
    """A header value with its RFC 2047 encoded words ("=?utf-8?q?Caf=C3=A9?=") decoded."""
    if "=?" not in value:
        return value
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except Exception:  # an encoded word that lies about its charset: keep it as written
        return value


def header_text(message: Message, name: str) -> str:
    """A header as text, decoded, unfolded; "" when it is missing or cannot be read."""
    try:
        value = message.get(name)
    except Exception:  # malformed headers raise from the parsers
        return ""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return decoded(" ".join(text.split())).strip()


def addresses(message: Message, *names: str) -> list[tuple[str, str]]:
    """(display name, lower-case address) of every address in the headers ``names``."""
    found = []
    for name in names:
        try:
            values = message.get_all(name) or []
        except Exception:
            continue
        for value in values:
            try:
                pairs = email.utils.getaddresses([str(value)])
            except Exception:
                continue
            found += [(decoded(display).strip(), address.strip().lower())
                      for display, address in pairs if "@" in address]
    return found


def sent_at(message: Message) -> dt.datetime | None:
    """The message's Date as an aware datetime (UTC when it gives no zone), or None."""
    text = header_text(message, "Date")
    if not text:
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


_QUOTE_HEAD = re.compile(
    r"(?im)^(?:on .{4,200}wrote:|am .{4,200}schrieb.{0,60}:|le .{4,200}a écrit\s*:|"
    r"el .{4,200}escribió\s*:|-{2,}\s*original message\s*-{2,}|-{2,}\s*ursprüngliche "
    r"nachricht\s*-{2,}|-{2,}\s*message d'origine\s*-{2,}|-{2,}\s*mensaje original\s*-{2,}|"
    r"from:\s.+\n(?:sent|date|gesendet|envoyé|enviado):\s)")


def body_text(message: EmailMessage, *, limit: int = 20_000) -> str:
    """The message's own words: its text (HTML turned into text), without what it quotes
    of earlier messages (lines starting with ">", and everything from "On ... wrote:" or
    "-----Original Message-----" on). Attachments are never decoded."""
    text = ""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception:
        part = None
    if part is not None:
        try:
            content = part.get_content()
        except Exception:  # an unknown or lying charset: read what can be read
            payload = part.get_payload(decode=True) or b""
            content = payload.decode("utf-8", errors="replace") if isinstance(
                payload, bytes) else str(payload)
        text = html_text(content) if part.get_content_type() == "text/html" else content
    text = text[:limit]
    quoted = _QUOTE_HEAD.search(text)
    if quoted:
        text = text[:quoted.start()]
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def html_text(html: str) -> str:
    """The text of an HTML body, scripts and styles left out (selectolax's HTML5 parser)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "head", "noscript"])
    root = tree.body or tree.root
    return root.text(separator="\n", strip=True) if root is not None else ""


def calendar_start(message: EmailMessage) -> dt.datetime | None:
    """The start of the event in an attached or inline calendar invitation (text/calendar),
    the only attachment ever read."""
    from icalendar import Calendar

    for part in message.walk():
        if part.get_content_type() != "text/calendar":
            continue
        try:
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):  # a text/calendar part is never multipart
                continue
            event = next(iter(Calendar.from_ical(payload).walk("VEVENT")), None)
        except Exception:  # a damaged invitation: the text may still give the date
            continue
        if event is None or event.get("dtstart") is None:
            continue
        start = event.get("dtstart").dt
        if isinstance(start, dt.datetime):
            return start if start.tzinfo else start.replace(tzinfo=dt.UTC)
        return dt.datetime.combine(start, dt.time(9, 0), tzinfo=dt.UTC)
    return None


def attachment_names(message: Message) -> list[str]:
    """The file names of the attachments, from the headers (nothing is decoded)."""
    names = []
    for part in message.walk():
        try:
            filename = part.get_filename()
        except Exception:
            continue
        if filename:
            names.append(str(filename))
    return names


def file_size(source: MailSource) -> int:
    if isinstance(source, str | Path):
        try:
            return os.path.getsize(source)
        except OSError:
            return 0
    if isinstance(source, bytes | bytearray):
        return len(source)
    return int(getattr(source, "size", 0) or 0)
