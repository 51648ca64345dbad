"""The IMAP protocol as this reader speaks it: the guard that lets only read-only commands
through, the TLS context, folder names on the wire, and the parsing of the server's answers."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import imaplib
import re
import secrets
import socket
import ssl
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.mail.imap.accounts import (
    MAX_LINE,
    MONTHS,
    SENT_LOG,
    SPECIAL_USE,
    MailServerError,
    PinMismatch,
    ProtocolError,
)


@dataclass(frozen=True)
class Folder:
    """A folder as the server lists it: its name (decoded from IMAP's modified UTF-7), its
    attributes (\\\\HasNoChildren, \\\\Sent...), and the hierarchy delimiter."""

    name: str
    flags: frozenset[str] = frozenset()
    delimiter: str | None = "/"
    wire: str = field(default="", repr=False, compare=False)  # the name as the server spells it

    @property
    def special_use(self) -> str | None:
        """Its special-use role (RFC 6154), e.g. "\\\\Sent", or None."""
        lowered = {flag.lower() for flag in self.flags}
        return next((use for use in SPECIAL_USE if use.lower() in lowered), None)

    @property
    def selectable(self) -> bool:
        lowered = {flag.lower() for flag in self.flags}
        return not lowered & {"\\noselect", "\\nonexistent"}


_ALLOWED_COMMANDS = frozenset({"CAPABILITY", "STARTTLS", "LOGIN", "AUTHENTICATE", "LIST",
                               "EXAMINE", "UID", "NOOP", "UNSELECT", "LOGOUT"})


_ALLOWED_UID_COMMANDS = frozenset({"SEARCH", "FETCH"})


_FETCH_ATOMS = frozenset({"UID", "RFC822.SIZE", "INTERNALDATE", "FLAGS", "BODYSTRUCTURE"})


_PEEK = re.compile(r"BODY\.PEEK\[[^\]]*\](?:<\d+\.\d+>)?", re.IGNORECASE)


_SEQUENCE_SET = re.compile(r"(?:\d+|\*)(?::(?:\d+|\*))?(?:,(?:\d+|\*)(?::(?:\d+|\*))?)*")


def check_command(name: str, args: Sequence[object] = ()) -> None:
    """Refuse (PermissionError) any IMAP command that is not on the read-only allow-list, and
    any UID FETCH whose items could set \\\\Seen (BODY[...], RFC822, RFC822.TEXT...)."""
    command = name.upper()
    texts = [arg.decode("ascii", "replace") if isinstance(arg, bytes) else str(arg)
             for arg in args if arg is not None]

    def refuse(what: str) -> PermissionError:
        return PermissionError(f"refused to send {what} to the mail server: this reader only "
                               "reads (EXAMINE, UID SEARCH, UID FETCH with BODY.PEEK).")

    if command not in _ALLOWED_COMMANDS:
        raise refuse(command)
    if any("\r" in text or "\n" in text or "\0" in text for text in texts):
        raise refuse(f"{command} with a line break in an argument")
    if command == "AUTHENTICATE" and (not texts or texts[0].upper() != "PLAIN"):
        raise refuse(f"AUTHENTICATE {' '.join(texts[:1])}")
    if command == "UID":
        sub = texts[0].upper() if texts else ""
        if sub not in _ALLOWED_UID_COMMANDS:
            raise refuse(f"UID {sub}")
        if sub == "FETCH":
            if len(texts) != 3 or not _SEQUENCE_SET.fullmatch(texts[1]):
                raise refuse("a malformed UID FETCH")
            items = texts[2].strip()
            if items.startswith("(") and items.endswith(")"):
                items = items[1:-1]
            rest = _PEEK.sub(" ", items)
            words = rest.split()
            if any(char in rest for char in "[]()<>{}") or not words and not items.strip() \
                    or any(word.upper() not in _FETCH_ATOMS for word in words):
                raise refuse(f"UID FETCH {texts[2]}")


class GuardedIMAP4(imaplib.IMAP4):
    """imaplib's client with every command checked against the allow-list, a record of what
    was sent (LOGIN's password left out), and imaplib's own debug log of sent lines (which
    would hold the LOGIN line) switched off."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.sent: deque[str] = deque(maxlen=SENT_LOG)
        imaplib.IMAP4.__init__(self, host, port, timeout)

    def _command(self, name: str, *args: Any) -> Any:
        try:
            check_command(name, args)
        except PermissionError:
            self.literal = None  # what a refused APPEND left for the next command to send
            raise
        shown = [args[0]] if name.upper() in ("LOGIN", "AUTHENTICATE") and args else list(args)
        self.sent.append(" ".join([name, *(a.decode("ascii", "replace") if isinstance(a, bytes)
                                           else str(a) for a in shown if a is not None)]))
        return imaplib.IMAP4._command(self, name, *args)  # type: ignore[attr-defined]

    def _log(self, line: str) -> None:
        pass

    def _mesg(self, s: str, secs: float | None = None) -> None:
        pass

    def readline(self) -> bytes:
        line = self.file.readline(MAX_LINE + 1)
        if not isinstance(line, bytes):
            raise self.error("text from a binary socket")
        if len(line) > MAX_LINE:
            raise self.error(f"a response line longer than {MAX_LINE} bytes")
        return line

    def starttls_checked(self, context: ssl.SSLContext, pin: str | None) -> None:
        """STARTTLS, with the certificate's fingerprint checked (when pinned) as soon as the
        handshake is done, before anything else is said."""
        typ, data = self._simple_command("STARTTLS")
        if typ != "OK":
            raise self.error(f"STARTTLS refused: {as_text(data)}")
        sock = context.wrap_socket(self.sock, server_hostname=self.host)
        if pin is not None:
            _check_pin(sock, pin)
        self.sock = sock
        self.file = sock.makefile("rb")
        self._tls_established = True
        self._get_capabilities()


class GuardedIMAP4SSL(GuardedIMAP4, imaplib.IMAP4_SSL):
    def __init__(self, host: str, port: int, context: ssl.SSLContext, pin: str | None,
                 timeout: float) -> None:
        self.sent = deque(maxlen=SENT_LOG)
        self._pin = pin
        imaplib.IMAP4_SSL.__init__(self, host, port, ssl_context=context, timeout=timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        raw = _plain_socket(self.host, self.port, timeout)
        try:
            sock = self.ssl_context.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise
        if self._pin is not None:
            _check_pin(sock, self._pin)
        return sock


def _plain_socket(host: str, port: int, timeout: float | None) -> socket.socket:
    if timeout is not None:
        return socket.create_connection((host, port), timeout)
    return socket.create_connection((host, port))


def _check_pin(sock: ssl.SSLSocket, pin: str) -> None:
    presented = hashlib.sha256(sock.getpeercert(binary_form=True) or b"").hexdigest()
    if not secrets.compare_digest(presented, pin):
        sock.close()
        raise PinMismatch(presented)


def tls_context(*, pinned: bool) -> ssl.SSLContext:
    """The system's certificate authorities with hostname checking, TLS 1.2 at least; when the
    person pinned a fingerprint, the certificate is checked against that instead (an exact
    SHA-256 match, before LOGIN), which is what lets a self-signed certificate through."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if pinned:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def decode_folder_name(name: str) -> str:
    """A folder name from IMAP's modified UTF-7 (RFC 3501 5.1.3): "&AMk-l&AOk-ments" is
    "Éléments"; a name that is not valid modified UTF-7 is kept as sent."""

    def decode(match: re.Match[str]) -> str:
        chunk = match.group(1)
        if not chunk:
            return "&"
        chunk = chunk.replace(",", "/")
        return base64.b64decode(chunk + "=" * (-len(chunk) % 4)).decode("utf-16-be")

    try:
        return re.sub(r"&([^-]*)-", decode, name)
    except (ValueError, UnicodeDecodeError):
        return name


def encode_folder_name(name: str) -> str:
    """A folder name in IMAP's modified UTF-7, as sent to the server."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(raw).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def folder_name(folder: str | Folder) -> str:
    return folder.name if isinstance(folder, Folder) else str(folder)


def wire_name(folder: str | Folder) -> str:
    if isinstance(folder, Folder) and folder.wire:
        return folder.wire
    return encode_folder_name(folder_name(folder))


def quote_mailbox(wire: str) -> str:
    return '"' + wire.replace("\\", "\\\\").replace('"', '\\"') + '"'


_OPEN, _CLOSE = object(), object()


_TOKEN = re.compile(rb'[ \t]*(?:(?P<open>\()|(?P<close>\))'
                    rb'|"(?P<quoted>(?:[^"\\]|\\.)*)"'
                    rb'|\{(?P<literal>\d+)\+?\}[ \t]*$'
                    rb'|(?P<atom>(?:[^\s()"{\[]|\[[^\]]*\])+))')


_UNESCAPE = re.compile(rb"\\(.)")


def response_lines(data: Sequence[Any], new: Callable[[bytes], bool]) -> Iterator[list[bytes]]:
    """imaplib's flat list of lines and (line, literal) pairs, as one list of alternating text
    and literals per response; ``new`` tells the line that starts a response."""
    current: list[bytes] | None = None
    for item in data:
        if item is None:
            continue
        text, literal = (item[0], item[1]) if isinstance(item, tuple) else (item, None)
        if not isinstance(text, bytes):
            continue
        if current is None or new(text):
            if current:
                yield current
            current = []
        if len(current) % 2:  # two lines in a row: keep text and literals alternating
            current[-1] += text
        else:
            current.append(text)
        if literal is not None:
            current.append(bytes(literal))
    if current:
        yield current


def parse(segments: Sequence[bytes]) -> list[Any]:
    """A response (text, literal, text, ...) as nested lists of str atoms and quoted strings,
    bytes literals, and None for NIL."""
    stack: list[list[Any]] = [[]]
    for index, segment in enumerate(segments):
        if index % 2:
            stack[-1].append(segment)
            continue
        position = 0
        while position < len(segment):
            match = _TOKEN.match(segment, position)
            if match is None:
                if not segment[position:].strip():
                    break
                raise ProtocolError(f"unexpected {segment[position:position + 20]!r}")
            position = match.end()
            kind = match.lastgroup
            if kind == "open":
                stack.append([])
            elif kind == "close":
                if len(stack) == 1:
                    raise ProtocolError("unbalanced )")
                done = stack.pop()
                stack[-1].append(done)
            elif kind == "quoted":
                value = _UNESCAPE.sub(rb"\1", match.group("quoted"))
                stack[-1].append(value.decode("utf-8", "surrogateescape"))
            elif kind == "atom":
                atom = match.group("atom")
                stack[-1].append(None if atom.upper() == b"NIL"
                                 else atom.decode("utf-8", "surrogateescape"))
    if len(stack) != 1:
        raise ProtocolError("unbalanced (")
    return stack[0]


def fetch_items(items: Sequence[Any]) -> dict[str, Any]:
    """A FETCH response's item list as {name: value}, names upper-case without the <origin>
    of partial fetches: {"UID": "12", "BODY[HEADER]": b"..."}."""
    pairs: dict[str, Any] = {}
    for index in range(0, len(items) - 1, 2):
        name = items[index]
        if isinstance(name, str):
            pairs[re.sub(r"<\d+>$", "", name.upper())] = items[index + 1]
    return pairs


def parse_internaldate(value: Any) -> dt.datetime | None:
    """An INTERNALDATE ("17-Jul-1996 02:44:25 -0700") as an aware datetime, or None."""
    match = re.fullmatch(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) "
                         r"([+-])(\d{2})(\d{2})\s*", as_str(value))
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    try:
        offset = dt.timedelta(hours=int(zone_hours), minutes=int(zone_minutes))
        return dt.datetime(int(year), MONTHS.index(month.title()) + 1, int(day), int(hour),
                           int(minute), int(second),
                           tzinfo=dt.timezone(-offset if sign == "-" else offset))
    except ValueError:
        return None


def imap_date(day: dt.date) -> str:
    """A date as IMAP SEARCH wants it (1-Feb-2024), whatever the locale."""
    return f"{day.day}-{MONTHS[day.month - 1]}-{day.year}"


def as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def sequence_set(uids: Sequence[int]) -> str:
    """Sorted UIDs as a compact IMAP sequence set: 1:500,502,510:512."""
    parts: list[str] = []
    ordered = sorted(set(uids))
    index = 0
    while index < len(ordered):
        end = index
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        parts.append(str(ordered[index]) if end == index
                     else f"{ordered[index]}:{ordered[end]}")
        index = end + 1
    return ",".join(parts)


def chunks(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def as_str(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def as_bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape")
    return b""


def last_int(values: Sequence[Any] | None) -> int | None:
    if not values:
        return None
    word = as_str(values[-1]).split()[:1]
    return int(word[0]) if word and word[0].isdigit() else None


def as_text(value: Any) -> str:
    """A server's answer (bytes, a list of them, or an imaplib exception) as text."""
    if isinstance(value, BaseException):
        value = value.args[0] if value.args else ""
    if isinstance(value, list | tuple):
        value = b" ".join(v if isinstance(v, bytes) else str(v).encode() for v in value
                          if v is not None)
    return as_str(value).strip()


def strip_codes(text: str) -> str:
    return re.sub(r"^\s*(?:\[[^\]]*\]\s*)+", "", text).strip() or text


def shortened(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def in_folder(folder: str | None, verb: str = "for") -> str:
    return f" {verb} the folder \"{folder}\"" if folder else ""


def is_plain(text: str) -> bool:
    return all(0x20 <= ord(char) < 0x7F for char in text)


def scrub(text: str, password: str) -> str:
    return text.replace(password, "***") if password and len(password) >= 4 else text


def scrubbed(error: MailServerError, password: str) -> MailServerError:
    message = str(error)
    cleaned = scrub(message, password)
    if cleaned == message:
        return error
    return MailServerError(cleaned, kind=error.kind, host=error.host, folder=error.folder,
                           fingerprint=error.fingerprint)
