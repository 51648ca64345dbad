"""Reading a person's mailbox straight from their IMAP server, read-only and incrementally: the
transport under the mail scanner, for people whose mail lives on Gmail, Outlook.com, iCloud or
their own server rather than in an exported file.

Read-only is enforced, not promised: every command goes through an allow-list (CAPABILITY,
STARTTLS, LOGIN, AUTHENTICATE PLAIN, LIST, EXAMINE, UID SEARCH, UID FETCH with BODY.PEEK only,
NOOP, UNSELECT, LOGOUT); anything else (SELECT, STORE, COPY, MOVE, EXPUNGE, APPEND, CREATE...)
raises PermissionError before a byte is sent. Certificates are checked against the system's
authorities with hostname checking and TLS 1.2 at least, or pinned by the SHA-256 fingerprint
the person gives; there is no way to turn checking off.

Two ways to use it:

- ``sync(account, password, state, choose=...)``: one connection; for each folder, batches of
  headers, then the full messages ``choose`` picks from each batch; ``state`` (a
  :class:`SyncState`) is advanced after each batch, so a sync cut anywhere resumes after the
  last batch handed over, nothing lost or doubled.
- The parts, on one connection, for a scanner that wants every folder's headers before it
  chooses: ``connect``, ``list_folders``/``pick_folders``, ``iter_headers`` for each folder,
  ``SyncState.add_pending`` for the chosen UIDs, then ``fetch_messages(..., state=state)``.

Errors are :class:`MailServerError`, one sentence for a person naming the host (and folder)
and what to do, never the password.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import imaplib
import json
import logging
import re
import secrets
import socket
import ssl
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote

from analysis.mail.mailbox import RawMessage

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0  # seconds to wait for the server at any step
CONNECT_TRIES = 3  # logins tried when the server is busy or has too many connections
RETRY_BASE_SECONDS = 2.5  # waits between those tries: 2.5 s, then 5 s
HEADER_BATCH = 1000  # most headers asked for in one UID FETCH
FIRST_BATCH = 100  # the first batch of a folder, before its speed is known
MIN_BATCH = 10
BATCH_SECONDS = 0.25  # batches are sized to take about this long, so that stop() is prompt
LARGE_MESSAGE_BYTES = 1_000_000  # larger messages are read without their attachments
MAX_PART_BYTES = 1_000_000  # at most this much of each text part of a large message
BODY_BATCH_BYTES = 2_000_000  # whole messages asked for in one UID FETCH, by size...
BODY_BATCH_MESSAGES = 50  # ...and by number
STRUCTURE_BATCH = 200  # BODYSTRUCTUREs asked for in one UID FETCH
MAX_LINE = 64 * 1024 * 1024  # longest response line read (a UID SEARCH of millions of UIDs)
_SENT_LOG = 10_000  # commands remembered by a connection, for checking what was sent

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SPECIAL_USE = ("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash")
# Names of the folders with these roles on servers that do not mark them (RFC 6154 SPECIAL-USE).
_ROLE_NAMES = {
    "\\All": ("[gmail]/all mail", "[google mail]/all mail", "all mail"),
    "\\Sent": ("sent", "sent items", "sent messages", "sent mail", "[gmail]/sent mail",
               "inbox.sent", "inbox/sent", "gesendet", "gesendete objekte",
               "gesendete elemente", "envoyés", "éléments envoyés", "enviados",
               "elementos enviados", "inviata", "posta inviata", "verzonden",
               "verzonden items", "skickat", "wysłane"),
    "\\Archive": ("archive", "archives", "archiv", "inbox.archive", "inbox/archive"),
}


# -- errors ------------------------------------------------------------------------------------

class MailServerError(ValueError):
    """Reading the mail server failed; the message is one sentence for the person, naming the
    host (and the folder), saying what to do, and never holding the password.

    ``kind`` says which failure it was, for a user interface to act on: "login", "certificate",
    "fingerprint", "not-found", "refused", "timeout", "closed", "folder", "login-disabled",
    "no-starttls", "tls", "too-many", "busy", "unreachable", "protocol" or "renumbered".
    ``fingerprint`` is the SHA-256 of the certificate the server presented, when known."""

    def __init__(self, message: str, *, kind: str, host: str, folder: str | None = None,
                 fingerprint: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.host = host
        self.folder = folder
        self.fingerprint = fingerprint


class _Retry(Exception):
    """A busy server or one with too many connections: worth another try in a moment."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.text = text


class _PinMismatch(Exception):
    def __init__(self, presented: str) -> None:
        super().__init__("certificate fingerprint mismatch")
        self.presented = presented


class _ProtocolError(Exception):
    pass


# -- accounts and providers ---------------------------------------------------------------------

def normalize_fingerprint(value: str) -> str:
    """A SHA-256 fingerprint as 64 lowercase hex digits, from any of the usual spellings
    ("AB:CD:...", "abcd...", with spaces, or prefixed "SHA256:"). ValueError if it is none."""
    text = re.sub(r"[\s:]", "", value.strip())
    if text.lower().startswith("sha256"):
        text = text[6:].lstrip("=")
    if not re.fullmatch(r"[0-9a-fA-F]{64}", text):
        raise ValueError(
            f"{value!r} is not a SHA-256 certificate fingerprint: it should be 64 hexadecimal "
            "digits, in pairs separated by colons or not (AB:CD:EF:...), as the server's "
            "certificate details show it.")
    return text.lower()


def format_fingerprint(value: str) -> str:
    """A fingerprint as ``openssl x509 -fingerprint -sha256`` shows it: AB:CD:EF:..."""
    text = normalize_fingerprint(value)
    return ":".join(text[i:i + 2] for i in range(0, 64, 2)).upper()


@dataclass(frozen=True)
class Account:
    """Where a person's mail is: the server, their user name, how to secure the connection
    (implicit TLS on 993, or STARTTLS on 143), the certificate fingerprint they trust when the
    server's certificate is not from a public authority (their own server, Proton Mail
    Bridge), and the folders to read (names, or special-use roles such as "\\\\Sent"; empty:
    chosen automatically, see :func:`default_folders`). No password: it is given to
    :func:`connect` or :func:`sync` each time and never stored."""

    host: str
    user: str
    port: int = 993
    starttls: bool = False
    fingerprint: str | None = None
    folders: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        host = self.host.strip().lower().rstrip(".")
        if not host or any(c.isspace() for c in host) or "/" in host:
            raise ValueError(f"{self.host!r} is not a mail server name: give it as "
                             "imap.example.com, without imap:// or a path.")
        if not 0 < int(self.port) < 65536:
            raise ValueError(f"{self.port} is not a port number: IMAP uses 993 (TLS) or 143 "
                             "(STARTTLS).")
        if not self.user.strip():
            raise ValueError("The user name is empty: it is usually your full email address.")
        object.__setattr__(self, "host", host)
        object.__setattr__(self, "user", self.user.strip())
        object.__setattr__(self, "port", int(self.port))
        if self.fingerprint is not None:
            object.__setattr__(self, "fingerprint", normalize_fingerprint(self.fingerprint))
        folders = (self.folders,) if isinstance(self.folders, str) else tuple(self.folders)
        object.__setattr__(self, "folders", folders)

    @property
    def address(self) -> str:
        """user@host:port, for messages and logs."""
        return f"{self.user}@{self.host}:{self.port}"


@dataclass(frozen=True)
class Preset:
    """A provider's IMAP settings: host, port, security, the folders holding all mail and sent
    mail (special-use roles, found whatever their localised names), the address domains it
    serves, and what the person must know (app passwords...)."""

    name: str
    host: str
    port: int = 993
    starttls: bool = False
    folders: tuple[str, ...] = ("INBOX", "\\Sent")
    domains: tuple[str, ...] = ()
    note: str = ""

    def account(self, user: str, **changes: Any) -> Account:
        """An :class:`Account` with these settings for ``user`` (``changes`` override them)."""
        settings: dict[str, Any] = {"host": self.host, "port": self.port,
                                    "starttls": self.starttls, "folders": self.folders}
        settings.update(changes)
        return Account(user=user, **settings)


_APP_PASSWORD = "needs an app password (made in the account's security settings), not the " \
    "password you sign in with"
#: Providers' IMAP settings, checked against their help pages (the pages consulted are noted).
PRESETS: dict[str, Preset] = {
    # https://support.google.com/mail/answer/7126229 (imap.gmail.com, SSL, 993; quoted at
    # https://mailconfiguration.com/gmail/gmail-imap-pop-smtp-settings/). All Mail holds sent
    # mail too; its name is localised ("[Gmail]/Alle Nachrichten"), so it is found by \All.
    "gmail": Preset("Gmail", "imap.gmail.com", folders=("\\All",),
                    domains=("gmail.com", "googlemail.com"),
                    note=f"Gmail {_APP_PASSWORD}; IMAP must be on in Gmail's settings and All "
                    "Mail shown in IMAP."),
    # https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-
    # b147-6c6c4ac95353 (outlook.office365.com, 993, SSL/TLS; notes OAuth2 is required as basic
    # authentication is deprecated).
    "outlook": Preset("Outlook.com, Hotmail, Microsoft 365", "outlook.office365.com",
                      domains=("outlook.com", "hotmail.com", "live.com", "msn.com"),
                      note="Microsoft is turning off password sign-in for IMAP in favour of "
                      "OAuth, which this reader does not offer: an app password works where "
                      "Microsoft still allows one."),
    # https://www.lifewire.com/what-are-icloud-mail-imap-settings-1170502 and Apple's own
    # iCloud Mail settings page (imap.mail.me.com, SSL required, 993, app-specific password).
    "icloud": Preset("iCloud", "imap.mail.me.com", domains=("icloud.com", "me.com", "mac.com"),
                     note=f"iCloud {_APP_PASSWORD}."),
    # https://senders.yahooinc.com/developer/documentation (imap.mail.yahoo.com) and
    # https://unanswered.io/guide/yahoo-mail-protocols-imap-pop-smtp-settings (993, SSL/TLS).
    "yahoo": Preset("Yahoo Mail", "imap.mail.yahoo.com",
                    domains=("yahoo.com", "ymail.com", "rocketmail.com"),
                    note=f"Yahoo {_APP_PASSWORD}."),
    # https://www.fastmail.com/help/technical/servernamesandports.html (imap.fastmail.com, 993,
    # SSL/TLS but not STARTTLS, app password).
    "fastmail": Preset("Fastmail", "imap.fastmail.com", domains=("fastmail.com", "fastmail.fm"),
                       note=f"Fastmail {_APP_PASSWORD}."),
    # https://raw.githubusercontent.com/deltachat/provider-db/master/_providers/posteo.md
    # (posteo.de, 993 SSL or 143 STARTTLS; checked 2026-01).
    "posteo": Preset("Posteo", "posteo.de", domains=("posteo.de", "posteo.net"),
                     note="Posteo may ask for an app password when two-factor login is on."),
    # https://github.com/chatmail/provider-db/blob/master/_providers/gmx.net.md (imap.gmx.net,
    # 993, SSL).
    "gmx": Preset("GMX", "imap.gmx.net", domains=("gmx.de", "gmx.net", "gmx.at", "gmx.ch"),
                  note="IMAP access must be allowed in GMX's settings first."),
    # https://github.com/chatmail/provider-db/blob/master/_providers/web.de.md (imap.web.de,
    # 993 SSL or 143 STARTTLS).
    "webde": Preset("WEB.DE", "imap.web.de", domains=("web.de",),
                    note="IMAP access must be allowed in WEB.DE's settings first."),
    # https://wiki.brostweb.com/books/external-accounts/chapter/zoho (Zoho's own "Access via
    # IMAP" text: 993, SSL; personal accounts imap.zoho.com, organisations imappro.zoho.com,
    # other data centres imap.zoho.eu, imap.zoho.in).
    "zoho": Preset("Zoho Mail", "imap.zoho.com", domains=("zoho.com", "zohomail.com"),
                   note="IMAP access must be on in Zoho's settings; organisation accounts use "
                   "imappro.zoho.com, and accounts in the EU or India imap.zoho.eu or "
                   "imap.zoho.in."),
    # https://proton.me/support/macos-certificate-warning (Bridge serves IMAP on 127.0.0.1 with
    # a self-signed certificate) and Proton's Thunderbird autoconfig for Bridge
    # (https://gist.github.com/kaplun/7718e82864ff65c6aadc268a1d1d7b8a: 1143, STARTTLS).
    "proton-bridge": Preset("Proton Mail Bridge", "127.0.0.1", port=1143, starttls=True,
                            domains=("proton.me", "protonmail.com", "pm.me"),
                            note="Proton Mail Bridge must be running; use the password Bridge "
                            "shows, and trust its self-signed certificate by its fingerprint "
                            "(server_fingerprint shows it)."),
}


def preset_for_address(address: str) -> Preset | None:
    """The provider serving an email address's domain, if it is one of :data:`PRESETS`."""
    domain = address.rpartition("@")[2].strip().lower()
    for preset in PRESETS.values():
        if domain in preset.domains:
            return preset
    return None


# -- folders and state --------------------------------------------------------------------------

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


class SyncState(MutableMapping[StateKey, FolderState]):
    """Where each folder's reading stands, keyed by (host, user, folder): plain JSON for the
    workspace to keep (:meth:`to_json`, :meth:`from_json`), without secrets."""

    VERSION = 1

    def __init__(self, folders: Mapping[StateKey, FolderState] | None = None) -> None:
        self._folders: dict[StateKey, FolderState] = {}
        for key, value in (folders or {}).items():
            self[key] = value

    @staticmethod
    def key(where: Account | Connection, folder: str | Folder) -> StateKey:
        """The key of ``folder`` on the account (or connection) ``where``."""
        return (where.host.lower(), where.user, _folder_name(folder))

    def __getitem__(self, key: StateKey) -> FolderState:
        return self._folders[key]

    def __setitem__(self, key: StateKey, value: FolderState) -> None:
        if not (isinstance(key, tuple) and len(key) == 3 and all(isinstance(k, str) for k in key)):
            raise TypeError("a SyncState key is (host, user, folder)")
        if not isinstance(value, FolderState):
            raise TypeError("a SyncState value is a FolderState")
        self._folders[(key[0].lower(), key[1], key[2])] = value

    def __delitem__(self, key: StateKey) -> None:
        del self._folders[key]

    def __iter__(self) -> Iterator[StateKey]:
        return iter(self._folders)

    def __len__(self) -> int:
        return len(self._folders)

    def __repr__(self) -> str:
        return f"SyncState({len(self)} folder{'s' if len(self) != 1 else ''})"

    def pending(self, where: Account | Connection, folder: str | Folder) -> tuple[int, ...]:
        """The UIDs of ``folder`` chosen for reading in full and not handed over yet."""
        saved = self.get(self.key(where, folder))
        return saved.pending if saved else ()

    def add_pending(self, where: Account | Connection, folder: str | Folder,
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
        return json.dumps({"version": self.VERSION, "folders": folders}, ensure_ascii=False,
                          indent=1)

    @classmethod
    def from_json(cls, text: str | bytes | None) -> SyncState:
        """The state :meth:`to_json` wrote; an empty state for None or ""."""
        if text is None or not text.strip():
            return cls()
        try:
            document = json.loads(text)
            if document.get("version") != cls.VERSION:
                raise ValueError(f"version {document.get('version')!r}")
            state = cls()
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

    def message(self) -> Any:
        """The headers parsed (``analysis.mail.mailbox.headers``)."""
        from analysis.mail.mailbox import headers

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


# -- the guarded IMAP client --------------------------------------------------------------------

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


class _GuardedIMAP4(imaplib.IMAP4):
    """imaplib's client with every command checked against the allow-list, a record of what
    was sent (LOGIN's password left out), and imaplib's own debug log of sent lines (which
    would hold the LOGIN line) switched off."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.sent: deque[str] = deque(maxlen=_SENT_LOG)
        imaplib.IMAP4.__init__(self, host, port, timeout)

    def _command(self, name: str, *args: Any) -> Any:
        check_command(name, args)
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
            raise self.error(f"STARTTLS refused: {_text(data)}")
        sock = context.wrap_socket(self.sock, server_hostname=self.host)
        if pin is not None:
            _check_pin(sock, pin)
        self.sock = sock
        self.file = sock.makefile("rb")
        self._tls_established = True
        self._get_capabilities()


class _GuardedIMAP4SSL(_GuardedIMAP4, imaplib.IMAP4_SSL):
    def __init__(self, host: str, port: int, context: ssl.SSLContext, pin: str | None,
                 timeout: float) -> None:
        self.sent = deque(maxlen=_SENT_LOG)
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
        raise _PinMismatch(presented)


def _tls_context(*, pinned: bool) -> ssl.SSLContext:
    """The system's certificate authorities with hostname checking, TLS 1.2 at least; when the
    person pinned a fingerprint, the certificate is checked against that instead (an exact
    SHA-256 match, before LOGIN), which is what lets a self-signed certificate through."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if pinned:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


# -- connecting ---------------------------------------------------------------------------------

class Connection:
    """One logged-in, read-only IMAP session (a context manager: LOGOUT on exit). Its repr
    names the account, never the password; ``fingerprint`` is the SHA-256 of the certificate
    the server presented; ``commands`` what was sent (LOGIN's password left out); ``rescanned``
    the folders read again from the start in this session because their UIDVALIDITY changed."""

    def __init__(self, imap: _GuardedIMAP4, account: Account, fingerprint: str,
                 timeout: float) -> None:
        self._imap: _GuardedIMAP4 | None = imap
        self.account = account
        self.host = account.host
        self.port = account.port
        self.user = account.user
        self.fingerprint = fingerprint
        self.timeout = timeout
        self.rescanned: list[str] = []
        self._status: _Status | None = None
        self._broken = False

    def __repr__(self) -> str:
        how = "STARTTLS" if self.account.starttls else "TLS"
        state = "closed" if self._imap is None else (self._status.name if self._status
                                                     else "open")
        return f"<Connection {self.user}@{self.host}:{self.port} {how} {state}>"

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._imap is None

    @property
    def commands(self) -> list[str]:
        return list(self._imap.sent) if self._imap is not None else []

    @property
    def capabilities(self) -> tuple[str, ...]:
        return tuple(self._imap.capabilities) if self._imap is not None else ()

    def source(self, folder: str) -> str:
        """imap://user@host/Folder (RFC 5092 style, user and folder percent-encoded)."""
        port = "" if self.port == (143 if self.account.starttls else 993) else f":{self.port}"
        return f"imap://{quote(self.user, safe='')}@{self.host}{port}/{quote(folder, safe='/')}"

    def close(self) -> None:
        """LOGOUT (nothing else: no CLOSE, which would expunge a SELECTed folder) and close."""
        imap, self._imap = self._imap, None
        if imap is None:
            return
        try:
            if not self._broken:
                imap.logout()
        except (OSError, imaplib.IMAP4.error, EOFError):
            pass
        finally:
            with contextlib.suppress(OSError, AttributeError, ValueError):
                imap.shutdown()

    # -- commands, each mapped to a sentence when it fails --

    def _call(self, folder: str | None, function: Callable[..., Any], *args: Any) -> Any:
        if self._imap is None:
            raise MailServerError(f"The connection to {self.host} is closed: connect again.",
                                  kind="closed", host=self.host, folder=folder)
        try:
            return function(*args)
        except PermissionError:
            raise
        except TimeoutError:
            self._broken = True
            raise _timeout(self.account, self.timeout, folder) from None
        except (imaplib.IMAP4.abort, EOFError, OSError) as exc:
            self._broken = True
            raise _closed(self.account, folder, exc) from None
        except imaplib.IMAP4.error as exc:
            raise MailServerError(
                f"{self.host} answered{_in(folder)} with an error ({_short(_text(exc))}): try "
                "again, and report it if it keeps happening.",
                kind="protocol", host=self.host, folder=folder) from None

    def _examine(self, folder: str | Folder) -> _Status:
        name = _folder_name(folder)
        imap = self._live()
        typ, data = self._call(name, imap.select, _quote_mailbox(_wire(folder)), True)
        if typ != "OK":
            self._status = None
            text = _text(data)
            if re.search(r"NONEXISTENT|doesn'?t exist|does not exist|not found|unknown mailbox|"
                         r"no such", text, re.IGNORECASE):
                raise MailServerError(
                    f"{self.host} has no folder called \"{name}\": check the folder names in "
                    "the account settings (list_folders shows the server's).",
                    kind="folder", host=self.host, folder=name)
            raise MailServerError(
                f"{self.host} would not open the folder \"{name}\" ({_short(text)}): check "
                "that it is a mail folder this account can read.",
                kind="folder", host=self.host, folder=name)
        responses = imap.untagged_responses
        status = _Status(name, _last_int(responses.get("UIDVALIDITY")) or 0,
                         _last_int(responses.get("UIDNEXT")),
                         _last_int(responses.get("EXISTS")) or 0)
        if "READ-ONLY" not in responses:
            log.warning("%s did not confirm that %s is open read-only (EXAMINE)", self.host, name)
        self._status = status
        return status

    def _current(self, folder: str | Folder) -> _Status:
        name = _folder_name(folder)
        if self._status is not None and self._status.name == name:
            return self._status
        return self._examine(folder)

    def _search(self, folder: str, criteria: str) -> list[int]:
        imap = self._live()
        imap.untagged_responses.pop("SEARCH", None)
        typ, data = self._call(folder, imap.uid, "SEARCH", criteria)
        if typ != "OK":
            raise MailServerError(
                f"{self.host} could not search the folder \"{folder}\" ({_short(_text(data))}): "
                "try again later.", kind="protocol", host=self.host, folder=folder)
        uids: list[int] = []
        for item in data:
            if isinstance(item, bytes):
                uids.extend(int(word) for word in item.split() if word.isdigit())
        return uids

    def _fetch(self, folder: str, uids: Sequence[int], items: str) -> dict[int, dict[str, Any]]:
        imap = self._live()
        imap.untagged_responses.pop("FETCH", None)
        typ, data = self._call(folder, imap.uid, "FETCH", _sequence_set(uids), items)
        if typ != "OK":  # NO: some messages went away meanwhile; keep those that came
            log.info("%s: UID FETCH in %s answered %s %s", self.host, folder, typ, _text(data))
            data = imap.untagged_responses.pop("FETCH", [])
        found: dict[int, dict[str, Any]] = {}
        for segments in _responses(data, new=lambda text: text[:1].isdigit()):
            try:
                parsed = _parse(segments)
            except _ProtocolError as exc:
                log.warning("%s: unreadable FETCH response in %s (%s)", self.host, folder, exc)
                continue
            if len(parsed) < 2 or not isinstance(parsed[1], list):
                continue
            values = _pairs(parsed[1])
            uid = _int(values.get("UID"))
            if uid:  # unsolicited FETCHes (flag changes by another client) have none
                found.setdefault(uid, {}).update(values)
        return found

    def _live(self) -> _GuardedIMAP4:
        if self._imap is None:
            raise MailServerError(f"The connection to {self.host} is closed: connect again.",
                                  kind="closed", host=self.host)
        return self._imap


@dataclass(frozen=True)
class _Status:
    name: str
    uidvalidity: int
    uidnext: int | None
    exists: int


def connect(account: Account, password: str, *, timeout: float = DEFAULT_TIMEOUT,
            sleep: Callable[[float], object] = time.sleep,
            tries: int = CONNECT_TRIES) -> Connection:
    """Connect (TLS, or STARTTLS when the account says so), check the certificate, and log in.
    A busy server or one with too many connections is tried ``tries`` times in all, waiting
    2.5 s then 5 s (``sleep`` is injectable); every failure is a :class:`MailServerError`."""
    if not isinstance(account, Account):
        raise TypeError("connect needs an Account")
    tries = max(1, int(tries))
    for attempt in range(1, tries + 1):
        try:
            return _connect_once(account, password, timeout)
        except _Retry as retry:
            if attempt >= tries:
                raise _retry_error(account, retry, attempt) from None
            delay = RETRY_BASE_SECONDS * 2 ** (attempt - 1)
            log.info("%s is %s; trying again in %.1f s", account.host,
                     "busy" if retry.kind == "busy" else "refusing more connections", delay)
            sleep(delay)
        except MailServerError as error:
            raise _scrubbed(error, password) from None
    raise AssertionError("unreachable")


def _connect_once(account: Account, password: str, timeout: float) -> Connection:
    host, pin = account.host, account.fingerprint
    context = _tls_context(pinned=pin is not None)
    imap: _GuardedIMAP4 | None = None
    try:
        try:
            if account.starttls:
                imap = _GuardedIMAP4(host, account.port, timeout)
                if "STARTTLS" not in imap.capabilities:
                    raise MailServerError(
                        f"{host} does not offer STARTTLS on port {account.port}, so the "
                        "password would travel unencrypted: the login was refused; use port "
                        "993 with TLS instead, or ask the server's administrator to turn TLS "
                        "on.", kind="no-starttls", host=host)
                imap.starttls_checked(context, pin)
            else:
                imap = _GuardedIMAP4SSL(host, account.port, context, pin, timeout)
        except MailServerError:
            raise
        except _PinMismatch as mismatch:
            raise MailServerError(
                f"The certificate of {host} has the SHA-256 fingerprint "
                f"{format_fingerprint(mismatch.presented)}, not the "
                f"{format_fingerprint(pin or mismatch.presented)} you trusted: the connection "
                "was refused before logging in; if the certificate was renewed, check the new "
                "fingerprint with the server's administrator and trust that one.",
                kind="fingerprint", host=host, fingerprint=mismatch.presented) from None
        except ssl.SSLCertVerificationError as exc:
            raise _untrusted(account, exc, timeout) from None
        except (OSError, imaplib.IMAP4.error, EOFError) as exc:
            raise _network_error(account, exc, timeout) from None
        sock = imap.sock
        presented = hashlib.sha256(sock.getpeercert(binary_form=True) or b"").hexdigest() \
            if isinstance(sock, ssl.SSLSocket) else ""
        if "LOGINDISABLED" in imap.capabilities:
            raise MailServerError(
                f"{host} does not accept a password login on this connection "
                "(LOGINDISABLED): it may allow only OAuth sign-in, which this reader does not "
                "offer, or want TLS on another port (993).", kind="login-disabled", host=host)
        _login(imap, account, password, timeout)
        log.info("connected to %s as %s (%s)", host, account.user,
                 "STARTTLS" if account.starttls else "TLS")
        return Connection(imap, account, presented, timeout)
    except BaseException:
        if imap is not None:
            with contextlib.suppress(OSError, AttributeError, ValueError):
                imap.shutdown()
        raise


def _login(imap: _GuardedIMAP4, account: Account, password: str, timeout: float) -> None:
    host, user = account.host, account.user
    try:
        if _plain(password) and _plain(user):
            imap.login(user, password)
        elif "AUTH=PLAIN" in imap.capabilities:
            secret = f"\0{user}\0{password}".encode()
            imap.authenticate("PLAIN", lambda _challenge: secret)
        else:
            raise MailServerError(
                f"{host} offers no way to send a user name or password with characters outside "
                "plain ASCII (no AUTH=PLAIN): change the password, or ask the provider.",
                kind="login", host=host)
    except (MailServerError, PermissionError):
        raise
    except TimeoutError:
        raise _timeout(account, timeout, None) from None
    except (imaplib.IMAP4.abort, EOFError, OSError) as exc:
        raise _closed(account, None, exc) from None
    except imaplib.IMAP4.error as exc:
        text = _scrub(_text(exc), password)
        upper = text.upper()
        if "[LIMIT]" in upper or "TOO MANY" in upper or "MAXIMUM NUMBER OF CONNECTIONS" in upper:
            raise _Retry("too-many", text) from None
        if "[UNAVAILABLE]" in upper or "[INUSE]" in upper or "TRY AGAIN LATER" in upper:
            raise _Retry("busy", text) from None
        if "[PRIVACYREQUIRED]" in upper:
            raise MailServerError(
                f"{host} refuses password logins without TLS (PRIVACYREQUIRED): use port 993 "
                "with TLS, or STARTTLS on port 143.", kind="login-disabled", host=host) from None
        said = f" (the server says: {_short(_strip_codes(text))})" if "[ALERT]" in upper else ""
        hint = " Outlook.com and Microsoft 365 may accept no password at all (they ask for " \
            "OAuth sign-in)." if "office365" in host or "outlook" in host else ""
        raise MailServerError(
            f"{host} refused the login for {user}{said}: check the user name and password; "
            f"Gmail, iCloud and Yahoo need an app password (made in the account's security "
            f"settings), not the password you sign in with.{hint}",
            kind="login", host=host) from None


def _retry_error(account: Account, retry: _Retry, tries: int) -> MailServerError:
    said = f" (the server says: {_short(_strip_codes(retry.text))})" if retry.text else ""
    if retry.kind == "too-many":
        return MailServerError(
            f"{account.host} has too many connections open for {account.user}{said}, still "
            f"after {tries} tries: close other mail apps or devices reading this mailbox, or "
            "wait a few minutes, then try again.", kind="too-many", host=account.host)
    return MailServerError(
        f"{account.host} is busy or temporarily unavailable{said}, still after {tries} tries: "
        "try again in a few minutes.", kind="busy", host=account.host)


def server_fingerprint(host: str, port: int = 993, *, starttls: bool = False,
                       timeout: float = DEFAULT_TIMEOUT) -> str:
    """The SHA-256 fingerprint (AB:CD:...) of the certificate ``host`` presents, for the person
    to compare with the one their server shows before trusting it. Nothing is logged in, and
    the certificate is not trusted by being read."""
    account = Account(host=host, user="-", port=port, starttls=starttls)
    context = _tls_context(pinned=True)  # read, not trusted: nothing but this is exchanged
    try:
        if starttls:
            imap = _GuardedIMAP4(account.host, port, timeout)
            try:
                if "STARTTLS" not in imap.capabilities:
                    raise MailServerError(
                        f"{account.host} does not offer STARTTLS on port {port}: it has no "
                        "certificate to show there; try port 993 with TLS.",
                        kind="no-starttls", host=account.host)
                imap.starttls_checked(context, None)
                assert isinstance(imap.sock, ssl.SSLSocket)
                der = imap.sock.getpeercert(binary_form=True)
                with contextlib.suppress(OSError, imaplib.IMAP4.error):
                    imap.logout()
            finally:
                with contextlib.suppress(OSError, ValueError):
                    imap.shutdown()
        else:
            with socket.create_connection((account.host, port), timeout) as raw, \
                    context.wrap_socket(raw, server_hostname=account.host) as sock:
                der = sock.getpeercert(binary_form=True)
    except MailServerError:
        raise
    except (OSError, imaplib.IMAP4.error, EOFError) as exc:
        raise _network_error(account, exc, timeout) from None
    if not der:
        raise MailServerError(f"{account.host} presented no certificate.", kind="tls",
                              host=account.host)
    return format_fingerprint(hashlib.sha256(der).hexdigest())


def _untrusted(account: Account, exc: ssl.SSLCertVerificationError,
               timeout: float) -> MailServerError:
    host = account.host
    try:
        presented: str | None = server_fingerprint(host, account.port,
                                                   starttls=account.starttls, timeout=timeout)
    except MailServerError:
        presented = None
    reason = str(getattr(exc, "verify_message", "") or exc.reason or "not verified")
    trust = (f"if this is your own server (or Proton Mail Bridge), you can trust it by its "
             f"SHA-256 fingerprint {presented}, after checking that your server shows the same"
             if presented else "if this is your own server, trust it by the SHA-256 "
             "fingerprint of its certificate (server_fingerprint shows it)")
    return MailServerError(
        f"The certificate of {host} is not trusted ({reason}): {trust}; otherwise do not "
        "connect, as someone may be impersonating the server.",
        kind="certificate", host=host,
        fingerprint=normalize_fingerprint(presented) if presented else None)


def _network_error(account: Account, exc: BaseException, timeout: float) -> MailServerError:
    host, port = account.host, account.port
    if isinstance(exc, socket.gaierror):
        return MailServerError(
            f"The mail server {host} could not be found: check its name (Gmail's is "
            "imap.gmail.com) and your internet connection.", kind="not-found", host=host)
    if isinstance(exc, ConnectionRefusedError):
        return MailServerError(
            f"{host} refused the connection on port {port}: check the port (993 for TLS, 143 "
            "for STARTTLS) and that the server is running.", kind="refused", host=host)
    if isinstance(exc, TimeoutError):
        return _timeout(account, timeout, None)
    if isinstance(exc, ssl.SSLError):
        reason = str(exc.reason or exc)
        hint = "; port 143 usually needs STARTTLS, not TLS" if port == 143 \
            and not account.starttls else ""
        return MailServerError(
            f"A secure connection (TLS 1.2 or newer) to {host}:{port} could not be made "
            f"({reason}){hint}: check the port (993 for TLS; 143 with STARTTLS).",
            kind="tls", host=host)
    if isinstance(exc, imaplib.IMAP4.error) and not isinstance(exc, imaplib.IMAP4.abort):
        text = _text(exc)
        upper = text.upper()
        if "[LIMIT]" in upper or "TOO MANY" in upper or "MAXIMUM NUMBER OF CONNECTIONS" in upper:
            raise _Retry("too-many", text)
        if "[UNAVAILABLE]" in upper or "TRY AGAIN LATER" in upper:
            raise _Retry("busy", text)
        return MailServerError(
            f"{host} turned the connection away ({_short(_strip_codes(text))}): check the "
            "server name and port, and try again later.", kind="closed", host=host)
    if isinstance(exc, imaplib.IMAP4.abort | EOFError | ConnectionError):
        return _closed(account, None, exc)
    if isinstance(exc, OSError):
        return MailServerError(
            f"{host} could not be reached ({exc.strerror or exc}): check your internet "
            "connection.", kind="unreachable", host=host)
    return MailServerError(f"{host} could not be read ({type(exc).__name__}).",
                           kind="protocol", host=host)


def _timeout(account: Account, timeout: float, folder: str | None) -> MailServerError:
    hint = " (port 993 expects TLS, not STARTTLS)" if account.starttls and account.port == 993 \
        else ""
    return MailServerError(
        f"{account.host} did not answer within {timeout:g} seconds{_in(folder, 'while reading')}"
        f"{hint}: check your internet connection and the server name and port, then try "
        "again.", kind="timeout", host=account.host, folder=folder)


def _closed(account: Account, folder: str | None, exc: BaseException) -> MailServerError:
    return MailServerError(
        f"{account.host} closed the connection{_in(folder, 'while reading')}: try again; the "
        "next sync carries on after the last batch read.",
        kind="closed", host=account.host, folder=folder)


# -- folders ------------------------------------------------------------------------------------

def list_folders(connection: Connection) -> list[Folder]:
    """Every folder the server lists (LIST "" "*"), names decoded from modified UTF-7."""
    imap = connection._live()
    imap.untagged_responses.pop("LIST", None)
    typ, data = connection._call(None, imap.list, '""', "*")
    if typ != "OK":
        raise MailServerError(f"{connection.host} would not list its folders "
                              f"({_short(_text(data))}): try again later.",
                              kind="protocol", host=connection.host)
    folders: list[Folder] = []
    for segments in _responses(data, new=lambda text: text[:1] == b"("):
        try:
            parsed = _parse(segments)
        except _ProtocolError:
            continue
        if len(parsed) < 3 or not isinstance(parsed[0], list):
            continue
        flags = frozenset(str(flag) for flag in parsed[0] if isinstance(flag, str))
        delimiter = parsed[1] if isinstance(parsed[1], str) else None
        raw = parsed[2]
        wire = raw.decode("utf-8", "surrogateescape") if isinstance(raw, bytes) else str(raw)
        folder = Folder(decode_folder_name(wire), flags, delimiter, wire)
        if "\\nonexistent" not in {flag.lower() for flag in flags}:
            folders.append(folder)
    return folders


def default_folders(folders: Sequence[Folder]) -> list[Folder]:
    """The folders holding a person's mail: the \\\\All folder if there is one (Gmail's All
    Mail, which holds sent mail too); otherwise INBOX, the \\\\Sent folder and the \\\\Archive
    folder when there is one (found by name on servers that do not mark them)."""
    usable = [folder for folder in folders if folder.selectable]
    everything = _by_role(usable, "\\All")
    if everything is not None:
        return [everything]
    chosen = [folder for folder in usable if folder.name.upper() == "INBOX"][:1]
    for role in ("\\Sent", "\\Archive"):
        found = _by_role(usable, role)
        if found is not None and found not in chosen:
            chosen.append(found)
    return chosen


def pick_folders(folders: Sequence[Folder], names: Sequence[str] = (), *,
                 host: str = "the server") -> list[Folder]:
    """The folders called ``names`` (INBOX in any case; a special-use role such as "\\\\Sent"
    for the folder marked so, whatever its localised name), or :func:`default_folders` when
    ``names`` is empty. A name the server does not have is a :class:`MailServerError`."""
    if not names:
        return default_folders(folders)
    usable = [folder for folder in folders if folder.selectable]
    chosen: list[Folder] = []
    for name in names:
        found = _by_role(usable, name) if name.startswith("\\") else next(
            (f for f in usable if f.name == name
             or name.upper() == "INBOX" and f.name.upper() == "INBOX"), None)
        if found is None:
            known = ", ".join(f.name for f in usable[:12]) + (", ..." if len(usable) > 12
                                                             else "")
            what = f"folder marked {name}" if name.startswith("\\") else f"folder called \"{name}\""
            raise MailServerError(
                f"{host} has no {what} (its folders are: {known or 'none'}): check the folder "
                "names in the account settings.", kind="folder", host=host, folder=name)
        if found not in chosen:
            chosen.append(found)
    return chosen


def _by_role(folders: Sequence[Folder], role: str) -> Folder | None:
    marked = [folder for folder in folders if folder.special_use
              and folder.special_use.lower() == role.lower()]
    if marked:
        return marked[0]
    names = _ROLE_NAMES.get(next((r for r in _ROLE_NAMES if r.lower() == role.lower()), ""), ())
    for wanted in names:
        for folder in folders:
            if folder.special_use is None and folder.name.lower() == wanted:
                return folder
    return None


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


def _folder_name(folder: str | Folder) -> str:
    return folder.name if isinstance(folder, Folder) else str(folder)


def _wire(folder: str | Folder) -> str:
    if isinstance(folder, Folder) and folder.wire:
        return folder.wire
    return encode_folder_name(_folder_name(folder))


def _quote_mailbox(wire: str) -> str:
    return '"' + wire.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- the header pass ----------------------------------------------------------------------------

class _FolderReader:
    """One folder's header pass: EXAMINE, compare UIDVALIDITY with the saved state (a change
    means reading it again from the start), UID SEARCH for what is new, and batches of
    headers; the state moves on only in ``commit``, once a batch was handed over."""

    def __init__(self, connection: Connection, folder: str | Folder, state: SyncState,
                 since: dt.date | None) -> None:
        self.connection, self.state = connection, state
        self.name = _folder_name(folder)
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
            headers = [Header(self.name, uid, _int(values.get("RFC822.SIZE")),
                              parse_internaldate(values.get("INTERNALDATE")),
                              _bytes(values.get("BODY[HEADER]")))
                       for uid in chunk if (values := found.get(uid)) is not None]
            index += len(chunk)
            if seconds > 0:
                fitting = int(len(chunk) * BATCH_SECONDS / seconds)
                size = max(MIN_BATCH, min(batch, size * 4, fitting))
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
                 ) -> Iterator[Header]:
    """The headers of ``folder``'s messages not read yet (UIDs above the state's last one,
    received on or after ``since``), fetched in batches of UID ranges. After a batch was
    handed over the state moves past it (with the UIDs ``choose(batch)`` returns noted as
    pending, for :func:`fetch_messages`), and ``progress(messages, bytes, seconds)`` is called;
    ``stop()`` returning true ends it between batches. A changed UIDVALIDITY reads the folder
    again from the start (``connection.rescanned`` says so)."""
    reader = _FolderReader(connection, folder, state, _as_date(since))
    started = time.monotonic()
    count = received = 0
    for last_uid, headers in reader.batches(batch, stop):
        yield from headers
        reader.commit(last_uid, headers, choose(headers) if choose is not None else ())
        count += len(headers)
        received += sum(len(header.data) for header in headers)
        if progress is not None:
            progress(count, received, time.monotonic() - started)


# -- the body pass ------------------------------------------------------------------------------

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
    name = _folder_name(folder)
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
    for chunk in _chunks(wanted, STRUCTURE_BATCH):
        found = connection._fetch(name, chunk, "(UID RFC822.SIZE BODYSTRUCTURE)")
        for uid in chunk:
            if uid in found:
                sizes[uid] = _int(found[uid].get("RFC822.SIZE"))
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
            contents = {uid: _bytes(values.get("BODY[]")) for uid, values in found.items()}
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
    except (_ProtocolError, IndexError, TypeError, ValueError):
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
    header = _bytes(found.get("BODY[HEADER]"))
    if not root.children:
        if not root.wanted:
            return _with_content_type(header, 'text/plain; charset="us-ascii"')
        return header + _cut(_bytes(found.get("BODY[TEXT]")), MAX_PART_BYTES)
    if not leaves:
        return _with_content_type(header, 'text/plain; charset="us-ascii"')
    return _assemble(root, found, header)


def _wanted_leaves(part: _Part) -> list[_Part]:
    if not part.children:
        return [part] if part.wanted else []
    return [leaf for child in part.children for leaf in _wanted_leaves(child)]


def _assemble(part: _Part, found: Mapping[str, Any], root_header: bytes | None) -> bytes:
    if not part.children:
        body = _bytes(found.get(f"BODY[{part.path}]"))
        if part.size > MAX_PART_BYTES:
            body = _cut(body, MAX_PART_BYTES)
        return _bytes(found.get(f"BODY[{part.path}.MIME]")) + body
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
        raise _ProtocolError("not a body structure")
    if isinstance(value[0], list):
        children: list[_Part] = []
        index = 0
        while index < len(value) and isinstance(value[index], list):
            number = str(index + 1)
            children.append(_structure(value[index], f"{path}.{number}" if path else number))
            index += 1
        subtype = _str(value[index]).lower() if index < len(value) else "mixed"
        return _Part(path, f"multipart/{subtype or 'mixed'}", children=children)
    kind = f"{_str(value[0]).lower()}/{_str(value[1]).lower()}"
    at = 9 if kind.startswith("text/") else 11 if kind == "message/rfc822" else 8
    disposition = value[at] if len(value) > at else None
    attachment = isinstance(disposition, list) and bool(disposition) \
        and _str(disposition[0]).lower() == "attachment"
    return _Part(path, kind, _int(value[6]) if len(value) > 6 else 0, attachment)


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


# -- the whole sync -----------------------------------------------------------------------------

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
    as pending until handed over), ``progress(items, bytes, seconds)`` is called, and
    ``stop()`` returning true ends it cleanly between batches. Nothing happens until it is
    iterated; it logs out at the end, or when the caller stops iterating."""
    return SyncRun(account, password, state, since=_as_date(since), choose=choose,
                   progress=progress, stop=stop, batch=batch, max_bytes=max_bytes,
                   timeout=timeout, sleep=sleep)


# -- parsing IMAP responses ---------------------------------------------------------------------

_OPEN, _CLOSE = object(), object()
_TOKEN = re.compile(rb'[ \t]*(?:(?P<open>\()|(?P<close>\))'
                    rb'|"(?P<quoted>(?:[^"\\]|\\.)*)"'
                    rb'|\{(?P<literal>\d+)\+?\}[ \t]*$'
                    rb'|(?P<atom>(?:[^\s()"{\[]|\[[^\]]*\])+))')
_UNESCAPE = re.compile(rb"\\(.)")


def _responses(data: Sequence[Any], new: Callable[[bytes], bool]) -> Iterator[list[bytes]]:
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


def _parse(segments: Sequence[bytes]) -> list[Any]:
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
                raise _ProtocolError(f"unexpected {segment[position:position + 20]!r}")
            position = match.end()
            kind = match.lastgroup
            if kind == "open":
                stack.append([])
            elif kind == "close":
                if len(stack) == 1:
                    raise _ProtocolError("unbalanced )")
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
        raise _ProtocolError("unbalanced (")
    return stack[0]


def _pairs(items: Sequence[Any]) -> dict[str, Any]:
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
                         r"([+-])(\d{2})(\d{2})\s*", _str(value))
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


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _sequence_set(uids: Sequence[int]) -> str:
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


def _chunks(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _str(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape")
    return b""


def _last_int(values: Sequence[Any] | None) -> int | None:
    if not values:
        return None
    word = _str(values[-1]).split()[:1]
    return int(word[0]) if word and word[0].isdigit() else None


def _text(value: Any) -> str:
    """A server's answer (bytes, a list of them, or an imaplib exception) as text."""
    if isinstance(value, BaseException):
        value = value.args[0] if value.args else ""
    if isinstance(value, list | tuple):
        value = b" ".join(v if isinstance(v, bytes) else str(v).encode() for v in value
                          if v is not None)
    return _str(value).strip()


def _strip_codes(text: str) -> str:
    return re.sub(r"^\s*(?:\[[^\]]*\]\s*)+", "", text).strip() or text


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _in(folder: str | None, verb: str = "for") -> str:
    return f" {verb} the folder \"{folder}\"" if folder else ""


def _plain(text: str) -> bool:
    return all(0x20 <= ord(char) < 0x7F for char in text)


def _scrub(text: str, password: str) -> str:
    return text.replace(password, "***") if password and len(password) >= 4 else text


def _scrubbed(error: MailServerError, password: str) -> MailServerError:
    message = str(error)
    cleaned = _scrub(message, password)
    if cleaned == message:
        return error
    return MailServerError(cleaned, kind=error.kind, host=error.host, folder=error.folder,
                           fingerprint=error.fingerprint)
