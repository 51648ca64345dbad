"""What one message says: its header block, bounded before it is parsed (a sender's name of
10 MB costs what a normal one does), its addresses, date and subject decoded, its own words
(HTML turned into text, quoted earlier messages left out), and the start of an attached
calendar invitation, the only attachment ever read."""

from __future__ import annotations

import datetime as dt
import email.header
import email.utils
import re
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser
from typing import Any

MAX_HEADER_BYTES = 256 * 1024  # a header block is cut here before it is parsed
MAX_FIELD_BYTES = 8 * 1024  # and each field in it (a To with hundreds of addresses fits)
MAX_NAME_CHARS = 200  # a display name longer than this is cut

# Headers are read with the compat32 policy: plain strings, several times faster than
# policy.default's header objects; the few values shown are decoded on demand.
_headers = BytesHeaderParser(policy=policy.compat32)
# A whole message is read the same way: policy.default parses a Content-Type again at every
# look, and reading a message's parts looks many times (the largest cost of reading mail).
_parser = BytesParser(_class=EmailMessage, policy=policy.compat32)


def _header_end(raw: bytes) -> int:
    """Where the header block ends (the offset of the blank line), or -1."""
    end = raw.find(b"\n\n")
    crlf = raw.find(b"\r\n\r\n", 0, end + 2 if end >= 0 else len(raw))  # not the body
    if crlf >= 0 and (end < 0 or crlf < end):
        end = crlf + 2
    return end


_LONG_LINE = re.compile(rb"[^\n]{%d,}" % MAX_FIELD_BYTES)


def bounded_header_block(block: bytes) -> bytes:
    """A header block cut to ``MAX_HEADER_BYTES``, each of its lines to ``MAX_FIELD_BYTES``
    (its start and its end, where an address stands), before anything parses it: a sender's
    name of 10 MB costs what a normal one does.

    >>> bounded_header_block(b'From: "' + b"x" * 10_000_000 + b'" <a@b.c>\\n')[-16:]
    b'xxxxxx" <a@b.c>\\n'
    """
    if len(block) <= MAX_FIELD_BYTES:
        return block
    if len(block) > MAX_HEADER_BYTES:
        block = block[:MAX_HEADER_BYTES // 2] + block[-MAX_HEADER_BYTES // 2:]
    if _LONG_LINE.search(block) is None:
        return block
    half = MAX_FIELD_BYTES // 2
    return b"\n".join(line if len(line) <= MAX_FIELD_BYTES else line[:half] + line[-half:]
                      for line in block.split(b"\n"))


def headers(raw: bytes) -> Message:
    """The message's headers only (the body is not parsed), bounded first (see
    ``bounded_header_block``)."""
    end = _header_end(raw)
    return _headers.parsebytes(bounded_header_block(raw[:end + 1] if end >= 0 else raw))


class Head:
    """A header block as the scan's first pass reads it: each field's values by lower-case
    name, unparsed (a field is looked at only when asked for). Answers ``get`` and
    ``get_all`` as ``email.message.Message`` does, at a fraction of its cost."""

    __slots__ = ("fields",)

    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.fields = fields

    def get(self, name: str, failobj: Any = None) -> Any:
        values = self.fields.get(name.lower())
        return values[0] if values else failobj

    def get_all(self, name: str, failobj: Any = None) -> Any:
        return self.fields.get(name.lower()) or failobj

    def __contains__(self, name: str) -> bool:
        return name.lower() in self.fields


_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.MULTILINE)


def _text(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:  # 8-bit headers in another charset: read byte for byte
        return value.decode("latin-1")


def quick_headers(raw: bytes) -> Head:
    """The message's header fields (bounded first, see ``bounded_header_block``), split and
    unfolded by one regular expression: what ``headers`` gives, for the scan of a whole
    mailbox, where the standard parser's cost per message would be the scan's largest."""
    end = _header_end(raw)
    block = bounded_header_block(raw[:end + 1] if end >= 0 else raw)
    fields: dict[str, list[str]] = {}
    for match in _FIELD.finditer(block):
        fields.setdefault(match.group(1).decode("ascii").lower(), []).append(
            _text(match.group(2)).rstrip("\r"))
    return Head(fields)


def full(raw: bytes) -> EmailMessage:
    """The whole message, parsed, its header block bounded first."""
    end = _header_end(raw)
    if end >= 0 and end > MAX_FIELD_BYTES:
        raw = bounded_header_block(raw[:end]) + raw[end:]
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


def header_text(message: Message | Head, name: str) -> str:
    """A header as text, decoded, unfolded; "" when it is missing or cannot be read."""
    try:
        value = message.get(name)
    except Exception:  # malformed headers raise from the parsers
        return ""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return decoded(" ".join(text.split())).strip()


# One address as most mail writes it: "Name <a@b.c>", "\"Name\" <a@b.c>", "<a@b.c>", "a@b.c".
_ONE_ADDRESS = re.compile(r'\s*(?:"((?:[^"\\\r\n]|\\.)*)"|([^"<>,;:()\\@\[\]]*?))\s*'
                          r'<([^<>\s"(),;:\\]+)>\s*|\s*([^<>\s"(),;:\\]+@[^<>\s"(),;:\\]+)\s*')


def _pairs(value: str) -> list[tuple[str, str]]:
    """The (name, address) pairs of a header value: the common shapes by one regular
    expression, anything else (comments, groups, commas in quoted names) by the standard
    library's parser."""
    parts = value.split(",") if '"' not in value else [value]
    pairs = []
    for part in parts:
        if not part.strip():
            continue
        simple = _ONE_ADDRESS.fullmatch(part)
        if simple is None:
            return email.utils.getaddresses([value])
        if simple.group(4) is not None:
            pairs.append(("", simple.group(4)))
        elif simple.group(1) is not None:
            pairs.append((re.sub(r"\\(.)", r"\1", simple.group(1)), simple.group(3)))
        else:
            pairs.append((simple.group(2) or "", simple.group(3)))
    return pairs


def addresses(message: Message | Head, *names: str) -> list[tuple[str, str]]:
    """(display name, lower-case address) of every address in the headers ``names``."""
    found = []
    for name in names:
        try:
            values = message.get_all(name) or []
        except Exception:
            continue
        for value in values:
            try:
                pairs = _pairs(" ".join(str(value).split()))
            except Exception:
                continue
            found += [(decoded(display).strip()[:MAX_NAME_CHARS], address.strip().lower())
                      for display, address in pairs if "@" in address and len(address) <= 320]
    return found


def sent_at(message: Message | Head) -> dt.datetime | None:
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


# Where a reply starts quoting (the line may wrap once: "On Mon, 3 Nov 2026 at 10:00, Ana
# <ana@x.com>\nwrote:"), in the reader's languages, and Outlook's header block.
_WRAP = r"[^\n]{4,200}(?:\n[^\n]{0,120})?"
_QUOTE_HEAD = re.compile(
    rf"(?im)^(?:on {_WRAP}wrote:|am {_WRAP}schrieb[^\n]{{0,60}}:|le {_WRAP}a écrit\s*:|"
    rf"el {_WRAP}escribió\s*:|il {_WRAP}ha scritto\s*:|op {_WRAP}schreef[^\n]{{0,60}}:|"
    rf"em {_WRAP}escreveu\s*:|"
    r"-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|"
    r"messaggio originale|oorspronkelijk bericht|mensagem original)\s*-{2,}|"
    r"(?:from|von|de|da|van)\s?:\s.+\n(?:sent|date|gesendet|datum|envoyé|enviado|enviada|"
    r"inviato|data|verzonden)\s?:\s)")


def body_text(message: EmailMessage, *, limit: int = 20_000) -> str:
    """The message's own words: its text (HTML turned into text), without what it quotes
    of earlier messages (lines starting with ">", and everything from "On ... wrote:" or
    "-----Original Message-----" on). Attachments are never decoded."""
    text = ""
    try:
        found = list(_text_parts(message))
        part = next((p for p in found if p.get_content_subtype() == "plain"),
                    found[0] if found else None)
    except Exception:
        part = None
    if part is not None:
        payload = part.get_payload(decode=True) or b""
        content = str(payload)
        if isinstance(payload, bytes):
            try:
                content = payload.decode(str(part.get_content_charset() or "utf-8"), "replace")
            except LookupError:  # an unknown charset: read what can be read
                content = payload.decode("utf-8", "replace")
        text = html_text(content) if part.get_content_type() == "text/html" else content
    text = text[:limit]
    quoted = _QUOTE_HEAD.search(text)
    if quoted:
        text = text[:quoted.start()]
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def _text_parts(part: Message) -> Iterator[Message]:
    """The plain and HTML text parts that may be a message's body, in order, as
    ``EmailMessage.get_body`` finds them (its headers are plain strings here): never an
    attachment, nor a message it carries; of a multipart/related, its start part only."""
    if (part.get("content-disposition") or "").split(";")[0].strip().lower() == "attachment":
        return
    maintype, subtype = part.get_content_maintype(), part.get_content_subtype()
    if maintype == "text":
        if subtype in ("plain", "html"):
            yield part
        return
    if maintype != "multipart" or not part.is_multipart():
        return
    parts = [p for p in part.get_payload() if isinstance(p, Message)]
    if subtype == "related" and parts:
        start = part.get_param("start")
        parts = [next((p for p in parts if start and p.get("content-id") == start), parts[0])]
    for sub in parts:
        yield from _text_parts(sub)


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
    event = calendar_event(message)
    return event[0] if event else None


def calendar_event(message: EmailMessage) -> tuple[dt.datetime, str, str] | None:
    """The first event of an attached or inline calendar invitation: its start, the
    invitation's METHOD ("REQUEST", "CANCEL"; a cancelled event's STATUS counts too) and its
    organiser's address ("" when none)."""
    from icalendar import Calendar

    for part in message.walk():
        if part.get_content_type() != "text/calendar":
            continue
        try:
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):  # a text/calendar part is never multipart
                continue
            calendar = Calendar.from_ical(payload)
            event = next(iter(calendar.walk("VEVENT")), None)
        except Exception:  # a damaged invitation: the text may still give the date
            continue
        if event is None or event.get("dtstart") is None:
            continue
        start = event.get("dtstart").dt
        if isinstance(start, dt.datetime):
            start = start if start.tzinfo else start.replace(tzinfo=dt.UTC)
        else:
            start = dt.datetime.combine(start, dt.time(9, 0), tzinfo=dt.UTC)
        method = str(calendar.get("method") or part.get_param("method") or "REQUEST").upper()
        if str(event.get("status") or "").upper() == "CANCELLED":
            method = "CANCEL"
        organizer = str(event.get("organizer") or "")
        return start, method, re.sub(r"(?i)^mailto:", "", organizer).strip().lower()
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
            names.append(decoded(str(filename)))
    return names


