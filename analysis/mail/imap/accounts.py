"""Accounts on a mail server: who signs in where, the presets of common providers, the
certificate fingerprints a home server is trusted by, and the error every fault becomes."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("analysis.mail.imap")  # one logger for the package


DEFAULT_TIMEOUT = 30.0  # seconds to wait for the server at any step


CONNECT_TRIES = 3  # logins tried when the server is busy or has too many connections


RETRY_BASE_SECONDS = 2.5  # waits between those tries: 2.5 s, then 5 s


HEADER_BATCH = 500  # most headers asked for in one UID FETCH (see benchmarks/imap.py)


FIRST_BATCH = 100  # the first batch of a folder, before its speed is known


MIN_BATCH = 10


BATCH_SECONDS = 0.25  # batches are sized to take about this long, so that stop() is prompt


LARGE_MESSAGE_BYTES = 1_000_000  # larger messages are read without their attachments


MAX_PART_BYTES = 1_000_000  # at most this much of each text part of a large message


BODY_BATCH_BYTES = 2_000_000  # whole messages asked for in one UID FETCH, by size...


BODY_BATCH_MESSAGES = 50  # ...and by number


STRUCTURE_BATCH = 200  # BODYSTRUCTUREs asked for in one UID FETCH


MAX_LINE = 64 * 1024 * 1024  # longest response line read (a UID SEARCH of millions of UIDs)


SENT_LOG = 10_000  # commands remembered by a connection, for checking what was sent


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


SPECIAL_USE = ("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash")


# Names of the folders with these roles on servers that do not mark them (RFC 6154 SPECIAL-USE).
ROLE_NAMES = {
    "\\All": ("[gmail]/all mail", "[google mail]/all mail", "all mail"),
    "\\Sent": ("sent", "sent items", "sent messages", "sent mail", "[gmail]/sent mail",
               "inbox.sent", "inbox/sent", "gesendet", "gesendete objekte",
               "gesendete elemente", "envoyés", "éléments envoyés", "enviados",
               "elementos enviados", "inviata", "posta inviata", "verzonden",
               "verzonden items", "skickat", "wysłane"),
    "\\Archive": ("archive", "archives", "archiv", "inbox.archive", "inbox/archive"),
}


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


class Retry(Exception):
    """A busy server or one with too many connections: worth another try in a moment."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.text = text


class PinMismatch(Exception):
    def __init__(self, presented: str) -> None:
        super().__init__("certificate fingerprint mismatch")
        self.presented = presented


class ProtocolError(Exception):
    pass


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
    mail (as special-use roles, which :func:`default_folders` finds whatever their localised
    names), the address domains it serves, and what the person must know (app passwords)."""

    name: str
    host: str
    port: int = 993
    starttls: bool = False
    folders: tuple[str, ...] = ("INBOX", "\\Sent")
    domains: tuple[str, ...] = ()
    note: str = ""

    def account(self, user: str, **changes: Any) -> Account:
        """An :class:`Account` with these settings for ``user`` (``changes`` override them).
        Its folders are chosen automatically (:func:`default_folders` picks ``folders``'
        roles where the server has them, without failing where it lacks one)."""
        settings: dict[str, Any] = {"host": self.host, "port": self.port,
                                    "starttls": self.starttls}
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
