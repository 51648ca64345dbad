"""Connecting to a mail server: TLS or STARTTLS, certificates verified or pinned by their
fingerprint, the login, retries with back-off for a busy server, and one clear sentence for
every fault; the connection itself reads folders with EXAMINE only."""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import re
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from analysis.mail.imap.accounts import (
    CONNECT_TRIES,
    DEFAULT_TIMEOUT,
    RETRY_BASE_SECONDS,
    Account,
    MailServerError,
    PinMismatch,
    ProtocolError,
    Retry,
    format_fingerprint,
    log,
    normalize_fingerprint,
)
from analysis.mail.imap.wire import (
    Folder,
    GuardedIMAP4,
    GuardedIMAP4SSL,
    as_int,
    as_text,
    fetch_items,
    folder_name,
    in_folder,
    is_plain,
    last_int,
    parse,
    quote_mailbox,
    response_lines,
    scrub,
    scrubbed,
    sequence_set,
    shortened,
    strip_codes,
    tls_context,
    wire_name,
)


class Connection:
    """One logged-in, read-only IMAP session (a context manager: LOGOUT on exit). Its repr
    names the account, never the password; ``fingerprint`` is the SHA-256 of the certificate
    the server presented; ``commands`` what was sent (LOGIN's password left out); ``rescanned``
    the folders read again from the start in this session because their UIDVALIDITY changed."""

    def __init__(self, imap: GuardedIMAP4, account: Account, fingerprint: str,
                 timeout: float) -> None:
        self._imap: GuardedIMAP4 | None = imap
        self.account = account
        self.host = account.host
        self.port = account.port
        self.user = account.user
        self.fingerprint = fingerprint
        self.timeout = timeout
        self.rescanned: list[str] = []
        self._status: Status | None = None
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
                f"{self.host} answered{in_folder(folder)} with an error "
                f"({shortened(as_text(exc))}): try again, and report it if it keeps happening.",
                kind="protocol", host=self.host, folder=folder) from None

    def _examine(self, folder: str | Folder) -> Status:
        name = folder_name(folder)
        imap = self._live()
        typ, data = self._call(name, imap.select, quote_mailbox(wire_name(folder)), True)
        if typ != "OK":
            self._status = None
            text = as_text(data)
            if re.search(r"NONEXISTENT|doesn'?t exist|does not exist|not found|unknown mailbox|"
                         r"no such", text, re.IGNORECASE):
                raise MailServerError(
                    f"{self.host} has no folder called \"{name}\": check the folder names in "
                    "the account settings (list_folders shows the server's).",
                    kind="folder", host=self.host, folder=name)
            raise MailServerError(
                f"{self.host} would not open the folder \"{name}\" ({shortened(text)}): check "
                "that it is a mail folder this account can read.",
                kind="folder", host=self.host, folder=name)
        responses = imap.untagged_responses
        status = Status(name, last_int(responses.get("UIDVALIDITY")) or 0,
                         last_int(responses.get("UIDNEXT")),
                         last_int(responses.get("EXISTS")) or 0)
        if "READ-ONLY" not in responses:
            log.warning("%s did not confirm that %s is open read-only (EXAMINE)", self.host, name)
        self._status = status
        return status

    def _current(self, folder: str | Folder) -> Status:
        name = folder_name(folder)
        if self._status is not None and self._status.name == name:
            return self._status
        return self._examine(folder)

    def _search(self, folder: str, criteria: str) -> list[int]:
        imap = self._live()
        imap.untagged_responses.pop("SEARCH", None)
        typ, data = self._call(folder, imap.uid, "SEARCH", criteria)
        if typ != "OK":
            raise MailServerError(
                f"{self.host} could not search the folder \"{folder}\" "
                f"({shortened(as_text(data))}): try again later.", kind="protocol",
                host=self.host, folder=folder)
        uids: list[int] = []
        for item in data:
            if isinstance(item, bytes):
                uids.extend(int(word) for word in item.split() if word.isdigit())
        return uids

    def _fetch(self, folder: str, uids: Sequence[int], items: str) -> dict[int, dict[str, Any]]:
        imap = self._live()
        imap.untagged_responses.pop("FETCH", None)
        typ, data = self._call(folder, imap.uid, "FETCH", sequence_set(uids), items)
        if typ != "OK":  # NO: some messages went away meanwhile; keep those that came
            log.info("%s: UID FETCH in %s answered %s %s", self.host, folder, typ, as_text(data))
            data = imap.untagged_responses.pop("FETCH", [])
        found: dict[int, dict[str, Any]] = {}
        for segments in response_lines(data, new=lambda text: text[:1].isdigit()):
            try:
                parsed = parse(segments)
            except ProtocolError as exc:
                log.warning("%s: unreadable FETCH response in %s (%s)", self.host, folder, exc)
                continue
            if len(parsed) < 2 or not isinstance(parsed[1], list):
                continue
            values = fetch_items(parsed[1])
            uid = as_int(values.get("UID"))
            if uid:  # unsolicited FETCHes (flag changes by another client) have none
                found.setdefault(uid, {}).update(values)
        return found

    def _live(self) -> GuardedIMAP4:
        if self._imap is None:
            raise MailServerError(f"The connection to {self.host} is closed: connect again.",
                                  kind="closed", host=self.host)
        return self._imap


@dataclass(frozen=True)
class Status:
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
        except Retry as retry:
            if attempt >= tries:
                raise _retry_error(account, retry, attempt) from None
            delay = RETRY_BASE_SECONDS * 2 ** (attempt - 1)
            log.info("%s is %s; trying again in %.1f s", account.host,
                     "busy" if retry.kind == "busy" else "refusing more connections", delay)
            sleep(delay)
        except MailServerError as error:
            raise scrubbed(error, password) from None
    raise AssertionError("unreachable")


def _connect_once(account: Account, password: str, timeout: float) -> Connection:
    host, pin = account.host, account.fingerprint
    context = tls_context(pinned=pin is not None)
    imap: GuardedIMAP4 | None = None
    try:
        try:
            if account.starttls:
                imap = GuardedIMAP4(host, account.port, timeout)
                if "STARTTLS" not in imap.capabilities:
                    raise MailServerError(
                        f"{host} does not offer STARTTLS on port {account.port}, so the "
                        "password would travel unencrypted: the login was refused; use port "
                        "993 with TLS instead, or ask the server's administrator to turn TLS "
                        "on.", kind="no-starttls", host=host)
                imap.starttls_checked(context, pin)
            else:
                imap = GuardedIMAP4SSL(host, account.port, context, pin, timeout)
        except MailServerError:
            raise
        except PinMismatch as mismatch:
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


def _login(imap: GuardedIMAP4, account: Account, password: str, timeout: float) -> None:
    host, user = account.host, account.user
    try:
        if is_plain(password) and is_plain(user):
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
        text = scrub(as_text(exc), password)
        upper = text.upper()
        if "[LIMIT]" in upper or "TOO MANY" in upper or "MAXIMUM NUMBER OF CONNECTIONS" in upper:
            raise Retry("too-many", text) from None
        if "[UNAVAILABLE]" in upper or "[INUSE]" in upper or "TRY AGAIN LATER" in upper:
            raise Retry("busy", text) from None
        if "[PRIVACYREQUIRED]" in upper:
            raise MailServerError(
                f"{host} refuses password logins without TLS (PRIVACYREQUIRED): use port 993 "
                "with TLS, or STARTTLS on port 143.", kind="login-disabled", host=host) from None
        said = f" (the server says: {shortened(strip_codes(text))})" if "[ALERT]" in upper else ""
        hint = " Outlook.com and Microsoft 365 may accept no password at all (they ask for " \
            "OAuth sign-in)." if "office365" in host or "outlook" in host else ""
        raise MailServerError(
            f"{host} refused the login for {user}{said}: check the user name and password; "
            f"Gmail, iCloud and Yahoo need an app password (made in the account's security "
            f"settings), not the password you sign in with.{hint}",
            kind="login", host=host) from None


def _retry_error(account: Account, retry: Retry, tries: int) -> MailServerError:
    said = f" (the server says: {shortened(strip_codes(retry.text))})" if retry.text else ""
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
    context = tls_context(pinned=True)  # read, not trusted: nothing but this is exchanged
    try:
        if starttls:
            imap = GuardedIMAP4(account.host, port, timeout)
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
        text = as_text(exc)
        upper = text.upper()
        if "[LIMIT]" in upper or "TOO MANY" in upper or "MAXIMUM NUMBER OF CONNECTIONS" in upper:
            raise Retry("too-many", text)
        if "[UNAVAILABLE]" in upper or "TRY AGAIN LATER" in upper:
            raise Retry("busy", text)
        return MailServerError(
            f"{host} turned the connection away ({shortened(strip_codes(text))}): check the "
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
        f"{account.host} did not answer within {timeout:g} seconds"
        f"{in_folder(folder, 'while reading')}{hint}: check your internet connection and the "
        "server name and port, then try again.", kind="timeout", host=account.host,
        folder=folder)


def _closed(account: Account, folder: str | None, exc: BaseException) -> MailServerError:
    return MailServerError(
        f"{account.host} closed the connection{in_folder(folder, 'while reading')}: try again; the "
        "next sync carries on after the last batch read.",
        kind="closed", host=account.host, folder=folder)
