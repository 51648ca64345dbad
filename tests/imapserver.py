"""A real Dovecot IMAP server for tests: a private instance on free local ports, with its own
config, self-signed certificate, log and Maildir in a temporary folder, never the system's.

Import the fixtures into a test module (each module importing them gets its own server), or
once into conftest.py for one server shared by the whole session::

    from imapserver import clean_imap_server, imap_server  # noqa: F401  (pytest fixtures)

- ``imap_server`` (session): one running :class:`DovecotServer`, shared; its mailbox keeps what
  earlier tests left in it.
- ``clean_imap_server`` (function): the same server, emptied, restarted with the default
  settings, and running, for tests that add mail, kill it or change its settings.

Both skip the test when Dovecot is not installed (``apt-get install dovecot-imapd``) or cannot
run as the current user. Messages and folders are written straight into the Maildir (no IMAP
involved); ``list_messages`` and ``snapshot`` read them back through a real IMAP session.

Clients connect to ``server.host`` and ``server.port`` (implicit TLS) or
``server.starttls_port`` (plain IMAP offering STARTTLS; LOGIN is refused before TLS), as
``server.user`` with ``server.password``, trusting ``server.cert_path`` only (its SAN holds
DNS:localhost, IP:127.0.0.1 and the host). The host is 127.0.0.2 (127.0.0.1 where that can't
be used; ``login_needs_tls`` then is false), still loopback: Dovecot counts a connection whose
two ends have the same address as secure, and would let a client at 127.0.0.1 log in to
127.0.0.1 without TLS. Failed logins are answered after 0.5 s (Dovecot 2.3's fixed check
interval), without the growing penalty a real server adds.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import email.utils
import grp
import hashlib
import imaplib
import ipaddress
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from email.message import EmailMessage, Message
from pathlib import Path

import pytest

INSTALL_HINT = "dovecot-imapd is not installed: apt-get install dovecot-imapd"
LOOPBACK = "127.0.0.1"
#: IMAP system flags and their letters in a Maildir file name's ":2," info (kept sorted there).
MAILDIR_FLAGS = {"\\Draft": "D", "\\Flagged": "F", "\\Answered": "R", "\\Seen": "S",
                 "\\Deleted": "T"}
#: Folders whose special-use attribute (RFC 6154) the server declares; created on demand.
SPECIAL_USE = {"Sent": "\\Sent", "Drafts": "\\Drafts", "Trash": "\\Trash", "Junk": "\\Junk",
               "Archive": "\\Archive", "All Mail": "\\All"}
#: The per-(user, IP) connection limit the server starts with (Dovecot's own default).
DEFAULT_CONNECTION_LIMIT = 10
#: Dovecot's processes that outlive a SIGTERM to them all: the master, and the log and anvil
#: processes, which wait for it to exit.
_PATIENT = frozenset({"dovecot", "log", "anvil"})
_INDEX_FILES = ("dovecot-uidlist", "dovecot-uidlist.lock", "dovecot.index", "dovecot.index.log",
                "dovecot.index.log.2", "dovecot.index.cache", "dovecot.list.index",
                "dovecot.list.index.log", "dovecot.list.index.log.2")


class DovecotUnavailable(Exception):
    """Dovecot cannot run here (not installed, or not as this user): a reason to skip."""


class DovecotStartError(RuntimeError):
    """Dovecot was started but did not come up; the message holds its log's tail."""


@dataclass(frozen=True)
class MessageState:
    """One message as IMAP reports it: its UID and flags (\\Recent left out: it belongs to a
    session, not to the message)."""

    uid: int
    flags: frozenset[str]


@dataclass(frozen=True)
class FolderState:
    """One folder as IMAP reports it: compare two snapshots to assert that nothing changed."""

    name: str
    uidvalidity: int
    uidnext: int
    highestmodseq: int
    messages: tuple[MessageState, ...]


def dovecot_binary() -> str | None:
    """The dovecot executable, found on PATH or in /usr/sbin (not on a normal user's PATH)."""
    return _find("dovecot")


def dovecot_version() -> tuple[int, ...] | None:
    """The installed Dovecot's version, e.g. (2, 3, 19, 1), or None when it is not installed."""
    binary = dovecot_binary()
    if binary is None:
        return None
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10)
    match = re.match(r"(\d+(?:\.\d+)*)", out.stdout.strip())
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def make_message(subject: str = "Hello", *, sender: str = "Recruiter <jobs@example.com>",
                 to: str = "Job Seeker <jobseeker@example.test>", body: str = "Hello.\n",
                 date: dt.datetime | None = None, message_id: str | None = None,
                 headers: Mapping[str, str] | None = None) -> bytes:
    """A small RFC 5322 message, as bytes to hand to :meth:`DovecotServer.add_message`."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(date or dt.datetime.now(dt.UTC))
    message["Message-ID"] = message_id or email.utils.make_msgid(domain="example.test")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    return message.as_bytes()


def imap_utf7_encode(name: str) -> str:
    """A mailbox name in IMAP's modified UTF-7 (RFC 3501 5.1.3), as on the wire and on disk."""
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


def imap_utf7_decode(name: str) -> str:
    """The inverse of :func:`imap_utf7_encode`."""

    def decode(match: re.Match[str]) -> str:
        chunk = match.group(1)
        if not chunk:
            return "&"
        chunk = chunk.replace(",", "/")
        return base64.b64decode(chunk + "=" * (-len(chunk) % 4)).decode("utf-16-be")

    return re.sub(r"&([^-]*)-", decode, name)


def quote_mailbox(name: str) -> str:
    """A mailbox name as an IMAP quoted string, for imaplib (which sends arguments as given)."""
    encoded = imap_utf7_encode(name)
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'


class DovecotServer:
    """A private Dovecot instance: ``start``, ``stop``, ``kill`` and ``restart`` it (same ports),
    fill its Maildir directly, and read it back over IMAP.

    Everything lives in one temporary folder (``base``), removed by :meth:`close`. Use it as a
    context manager, or through the ``imap_server`` / ``clean_imap_server`` fixtures.
    """

    def __init__(self, *, host: str | None = None, user: str = "jobseeker@example.test",
                 password: str = "s3cret-Passw0rd",
                 connection_limit: int = DEFAULT_CONNECTION_LIMIT,
                 special_use: Mapping[str, str] | None = None,
                 startup_timeout: float = 10.0) -> None:
        binary, doveconf = dovecot_binary(), _find("doveconf")
        if binary is None or doveconf is None:
            raise DovecotUnavailable(INSTALL_HINT)
        self.version = dovecot_version() or (0,)
        if self.version[:2] != (2, 3):
            # 2.4 renamed most settings (mail_driver, ssl_server_cert_file, passdb NAME {...})
            # and changes them within 2.4.x: only the syntax checked here is written.
            raise DovecotUnavailable(
                f"Dovecot {'.'.join(map(str, self.version))} is installed, but "
                "tests/imapserver.py writes only Dovecot 2.3's configuration syntax "
                "(Debian 12's dovecot-imapd)")
        self._binary, self._doveconf = binary, doveconf
        self._accounts = _accounts()
        #: The loopback address it listens on (both ports), and whether Dovecot refuses LOGIN
        #: without TLS there. Dovecot counts a connection whose two ends share an address as
        #: secure, and lets it log in without TLS; so by default it listens on 127.0.0.2 (still
        #: loopback, only on this machine), which clients reach from 127.0.0.1.
        self.host, self.login_needs_tls = _pick_host(host)
        self.user, self.password = user, password
        self.startup_timeout = startup_timeout
        self.connection_limit = connection_limit
        self.special_use = dict(SPECIAL_USE if special_use is None else special_use)
        self.base = Path(tempfile.mkdtemp(prefix="dovecot-test-"))
        try:
            # mkdtemp makes it 0700; Dovecot's login and internal users must traverse it.
            self.base.chmod(0o755)
            self.home = self.base / "home"
            self.maildir = self.home / "Maildir"
            self.run_dir = self.base / "run"
            self.state_dir = self.base / "state"
            self.config_path = self.base / "dovecot.conf"
            self.passwd_path = self.base / "passwd"
            self.log_path = self.base / "dovecot.log"
            self.stderr_path = self.base / "dovecot.stderr"
            self.cert_path = self.base / "cert.pem"
            self.key_path = self.base / "key.pem"
            self.port, self.starttls_port = _free_ports(self.host, 2)
            self._process: subprocess.Popen[bytes] | None = None
            self._sequence = 0
            make_certificate(self.cert_path, self.key_path,
                             ips=dict.fromkeys([LOOPBACK, self.host]))
            der = ssl.PEM_cert_to_DER_cert(self.cert_path.read_text())
            #: SHA-256 of the certificate's DER, as lowercase hex without colons.
            self.fingerprint_hex = hashlib.sha256(der).hexdigest()
            #: The same, as ``openssl x509 -noout -fingerprint -sha256`` shows it: AB:CD:...
            self.fingerprint_sha256 = ":".join(
                self.fingerprint_hex[i:i + 2] for i in range(0, 64, 2)).upper()
            for folder in (self.home, self.run_dir, self.state_dir):
                folder.mkdir(mode=0o755)
            self.home.chmod(0o700)
            self._chown(self.home)
            self._make_maildir(self.maildir)
            self.passwd_path.write_text(
                f"{user}:{{PLAIN}}{password}:{self._accounts['mail_uid']}:"
                f"{self._accounts['mail_gid']}::{self.home}::\n")
            self.passwd_path.chmod(0o644)
            self._write_config()
        except BaseException:
            shutil.rmtree(self.base, ignore_errors=True)
            raise

    # -- life cycle ------------------------------------------------------------------------

    def __enter__(self) -> DovecotServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return (f"<DovecotServer {state} imaps={self.host}:{self.port} "
                f"imap+starttls={self.host}:{self.starttls_port} base={self.base}>")

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The master process's id while it runs."""
        return self._process.pid if self.running else None

    def start(self, timeout: float | None = None) -> None:
        """Start Dovecot in the foreground (its own process group) and wait until both ports
        greet; raise :class:`DovecotStartError` with the log's tail if they don't in time."""
        if self.running:
            return
        with open(self.stderr_path, "ab") as stderr:
            self._process = subprocess.Popen(
                [self._binary, "-F", "-c", str(self.config_path)],
                stdin=subprocess.DEVNULL, stdout=stderr, stderr=subprocess.STDOUT,
                start_new_session=True, cwd=self.base, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + (self.startup_timeout if timeout is None else timeout)
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                raise DovecotStartError(self._failure("Dovecot exited while starting"))
            try:
                self._probe()
                return
            except (OSError, ssl.SSLError, ValueError) as error:
                last_error = error
                time.sleep(0.05)
        self._terminate(signal.SIGKILL)
        raise DovecotStartError(self._failure(
            f"Dovecot did not accept connections on {self.host}:{self.port} and "
            f"{self.starttls_port} within {timeout or self.startup_timeout:g} s ({last_error})"))

    def stop(self, timeout: float = 5.0) -> None:
        """Stop it cleanly (SIGTERM to the master, which ends its children and every client
        connection); SIGKILL whatever is left after ``timeout`` seconds."""
        self._terminate(signal.SIGTERM, timeout)

    def kill(self) -> None:
        """SIGKILL the master and all its processes at once, as a crash or a cut cable would:
        clients see their connections drop mid-command, and nothing is flushed."""
        self._terminate(signal.SIGKILL)

    def restart(self, *, kill: bool = False, timeout: float | None = None) -> None:
        """Stop (or kill) and start again, on the same ports."""
        self._terminate(signal.SIGKILL if kill else signal.SIGTERM)
        self.start(timeout)

    def close(self) -> None:
        """Stop the server and remove its temporary folder (certificate, Maildir, log)."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def reset(self) -> None:
        """Back to a fresh, running server: empty Maildir (INBOX only), default connection
        limit and special-use folders, same ports, user and certificate. UIDVALIDITY values
        never repeat across resets."""
        self.stop()
        for entry in list(self.maildir.iterdir()):
            if entry.name.startswith("dovecot-uidvalidity"):
                continue  # Dovecot's record of the last UIDVALIDITY it handed out
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        self._make_maildir(self.maildir)
        if (self.connection_limit, self.special_use) != (DEFAULT_CONNECTION_LIMIT, SPECIAL_USE):
            self.connection_limit = DEFAULT_CONNECTION_LIMIT
            self.special_use = dict(SPECIAL_USE)
            self._write_config()
        self.start()

    def set_connection_limit(self, limit: int) -> None:
        """Allow only ``limit`` simultaneous sessions per user and IP
        (``mail_max_userip_connections``); restarts the server if it runs. One more session's
        LOGIN is then refused with a "Maximum number of connections" message."""
        self.connection_limit = limit
        self._reconfigure()

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of Dovecot's log (and of its stderr), for failure messages."""
        parts = []
        for path in (self.log_path, self.stderr_path):
            if path.exists() and path.stat().st_size:
                text = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"--- {path.name} ---\n" + "\n".join(text))
        return "\n".join(parts) or "(Dovecot logged nothing)"

    # -- the mailbox, on disk --------------------------------------------------------------

    def folder_path(self, name: str) -> Path:
        """The Maildir folder holding IMAP folder ``name`` (Maildir++: INBOX is the root,
        "Archive/2024" is .Archive.2024, non-ASCII names in modified UTF-7)."""
        if name.upper() == "INBOX":
            return self.maildir
        if (not name or "." in name or name.startswith("/") or name.endswith("/")
                or "//" in name or any(ord(char) < 0x20 for char in name)):
            raise ValueError(f"unsupported folder name for this Maildir++ server: {name!r}")
        return self.maildir / ("." + imap_utf7_encode(name).replace("/", "."))

    def create_folder(self, name: str, *, special_use: str | None = None,
                      subscribe: bool = True) -> Path:
        """Create folder ``name`` (and its parents) in the Maildir, subscribed unless told not
        to. ``special_use`` (e.g. "\\\\All") declares that attribute for it in the config (and
        restarts the server if it runs and the attribute is new); Sent, Drafts, Trash, Junk,
        Archive and "All Mail" are declared already."""
        if special_use is not None and self.special_use.get(name) != special_use:
            self.special_use[name] = special_use
            self._reconfigure()
        parts = name.split("/")
        path = self.maildir
        for depth in range(1, len(parts) + 1):
            path = self.folder_path("/".join(parts[:depth]))
            if not path.exists():
                self._make_maildir(path)
                (path / "maildirfolder").touch()
                self._chown(path / "maildirfolder")
        if subscribe and name.upper() != "INBOX":
            self._subscribe(name)
        return path

    def add_message(self, folder: str, message: bytes | str | Message,
                    flags: Iterable[str] | str = (), *, new: bool | None = None,
                    date: dt.datetime | float | None = None) -> Path:
        """Write ``message`` into ``folder`` (created if missing) without IMAP, the way a
        delivery agent does: into new/ (no flags: the message is \\Recent) or cur/ with its
        flags in the name (":2,S" for \\Seen). ``flags`` are IMAP flags such as "\\Seen" or
        keywords such as "$Applied" (recorded in the folder's dovecot-keywords); ``new``
        defaults to "no flags given". ``date`` sets the INTERNALDATE (the file's mtime).
        Messages get UIDs in the order they are added. Returns the file's path."""
        flag_list = flags.split() if isinstance(flags, str) else list(flags)
        if new is None:
            new = not flag_list
        if new and flag_list:
            raise ValueError("a message in new/ carries no flags: pass new=False")
        path = self.folder_path(folder)
        if not (path / "cur").is_dir():
            self.create_folder(folder)
        if isinstance(message, Message):
            data = message.as_bytes()
        elif isinstance(message, str):
            data = message.encode("utf-8")
        else:
            data = bytes(message)
        letters = sorted({self._flag_letter(path, flag) for flag in flag_list})
        # Dovecot gives new files UIDs in the order of the time in their names: keep it rising.
        self._sequence += 1
        now = time.time()
        seconds, micros = int(now), int((now % 1) * 1_000_000)
        base_name = f"{seconds}.M{micros}P{os.getpid()}Q{self._sequence}.imapserver,S={len(data)}"
        name = base_name if new else f"{base_name}:2,{''.join(letters)}"
        tmp = path / "tmp" / base_name
        tmp.write_bytes(data)
        self._chown(tmp)
        if date is not None:
            stamp = date.timestamp() if isinstance(date, dt.datetime) else float(date)
            os.utime(tmp, (stamp, stamp))
        target = path / ("new" if new else "cur") / name
        os.rename(tmp, target)
        return target

    # -- the mailbox, over IMAP ------------------------------------------------------------

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's certificate and nothing else."""
        context = ssl.create_default_context(cafile=str(self.cert_path))
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context

    def connect(self, *, starttls: bool = False, login: bool = True,
                timeout: float = 5.0) -> imaplib.IMAP4:
        """An imaplib session: implicit TLS on ``port``, or plain on ``starttls_port``
        upgraded with STARTTLS; logged in unless ``login`` is false. Log out when done."""
        if starttls:
            client = imaplib.IMAP4(self.host, self.starttls_port, timeout=timeout)
            client.starttls(self.ssl_context())
        else:
            client = imaplib.IMAP4_SSL(self.host, self.port, ssl_context=self.ssl_context(),
                                       timeout=timeout)
        if login:
            try:
                client.login(self.user, self.password)
            except BaseException:
                client.shutdown()
                raise
        return client

    def list_folders(self) -> dict[str, frozenset[str]]:
        """Every folder IMAP lists, with its attributes (\\Sent, \\HasNoChildren, ...)."""
        client = self.connect()
        try:
            return self._list(client)
        finally:
            _logout(client)

    def list_messages(self, folder: str = "INBOX") -> list[MessageState]:
        """Every message in ``folder`` (UID and flags, in UID order), read with EXAMINE and
        UID FETCH (FLAGS): this changes nothing on the server."""
        client = self.connect()
        try:
            return list(self._examine(client, folder).messages)
        finally:
            _logout(client)

    def uidvalidity(self, folder: str = "INBOX") -> int:
        client = self.connect()
        try:
            return self._examine(client, folder).uidvalidity
        finally:
            _logout(client)

    def snapshot(self) -> dict[str, FolderState]:
        """Every selectable folder's UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and messages (UIDs and
        flags), read in one read-only session: equal snapshots mean nothing was changed, added,
        expunged or re-flagged in between (even a flag set and cleared moves HIGHESTMODSEQ)."""
        client = self.connect()
        try:
            client.enable("CONDSTORE")
            return {name: self._examine(client, name)
                    for name, attributes in sorted(self._list(client).items())
                    if "\\Noselect" not in attributes and "\\NonExistent" not in attributes}
        finally:
            _logout(client)

    def change_uidvalidity(self, folder: str = "INBOX") -> int:
        """Give ``folder`` a new UIDVALIDITY, as a server whose index was lost or rebuilt does:
        the server is stopped, the folder's UID list and indexes are deleted, and it is started
        again (clients are disconnected). The messages stay, renumbered from UID 1. Returns the
        new UIDVALIDITY, always different from (greater than) the old one."""
        was_running = self.running
        if not was_running:
            self.start()
        old = self.uidvalidity(folder)
        self.stop()
        path = self.folder_path(folder)
        for name in _INDEX_FILES:  # the folder's own (INBOX's lie in the Maildir's root)
            if not name.startswith("dovecot.list."):
                (path / name).unlink(missing_ok=True)
        for name in _INDEX_FILES:  # the list index, which caches every folder's UIDVALIDITY
            if name.startswith("dovecot.list."):
                (self.maildir / name).unlink(missing_ok=True)
        self.start()
        new = self.uidvalidity(folder)
        if new == old:  # Dovecot hands out increasing values: this would be a bug here
            raise AssertionError(f"UIDVALIDITY of {folder} stayed {old}\n{self.log_tail()}")
        if not was_running:
            self.stop()
        return new

    # -- internals -------------------------------------------------------------------------

    def _examine(self, client: imaplib.IMAP4, folder: str) -> FolderState:
        status, data = client.select(quote_mailbox(folder), readonly=True)
        if status != "OK":
            raise RuntimeError(f"EXAMINE {folder} failed: {data!r}")
        count = int(data[0] or 0)

        def code(name: str) -> int:
            values = client.untagged_responses.get(name) or [b"0"]
            return int(values[-1].split()[0])

        messages = []
        if count:
            status, data = client.uid("FETCH", "1:*", "(FLAGS)")
            if status != "OK":
                raise RuntimeError(f"UID FETCH in {folder} failed: {data!r}")
            for item in data:
                line = item[0] if isinstance(item, tuple) else item
                if not line:
                    continue
                text = line.decode("utf-8", "replace")
                uid = re.search(r"\bUID (\d+)", text)
                flag_text = re.search(r"\bFLAGS \(([^)]*)\)", text)
                if uid and flag_text:
                    flags = frozenset(flag_text.group(1).split()) - {"\\Recent"}
                    messages.append(MessageState(int(uid.group(1)), flags))
        messages.sort(key=lambda m: m.uid)
        return FolderState(folder, code("UIDVALIDITY"), code("UIDNEXT"), code("HIGHESTMODSEQ"),
                           tuple(messages))

    @staticmethod
    def _list(client: imaplib.IMAP4) -> dict[str, frozenset[str]]:
        status, data = client.list('""', "*")
        if status != "OK":
            raise RuntimeError(f"LIST failed: {data!r}")
        folders: dict[str, frozenset[str]] = {}
        for item in data:
            line = item[0] if isinstance(item, tuple) else item
            if not line:
                continue
            match = re.match(rb'\(([^)]*)\) (?:"[^"]*"|NIL) (.*)$', line)
            if not match:
                raise RuntimeError(f"unexpected LIST line: {line!r}")
            name = match.group(2).decode("utf-8")
            if isinstance(item, tuple):  # the name came as a literal: {n} then its bytes
                name = item[1].decode("utf-8")
            elif name.startswith('"'):
                name = name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            folders[imap_utf7_decode(name)] = frozenset(match.group(1).decode().split())
        return folders

    def _probe(self) -> None:
        with socket.create_connection((self.host, self.starttls_port), timeout=1) as sock:
            greeting = sock.recv(256)
            if not greeting.startswith(b"* OK"):
                raise ValueError(f"unexpected greeting {greeting!r}")
        with socket.create_connection((self.host, self.port), timeout=1) as sock, \
                self.ssl_context().wrap_socket(sock, server_hostname=self.host) as tls:
            greeting = tls.recv(256)
            if not greeting.startswith(b"* OK"):
                raise ValueError(f"unexpected greeting over TLS {greeting!r}")

    def _failure(self, what: str) -> str:
        return f"{what}\nconfig: {self.config_path}\n{self.log_tail()}"

    def _terminate(self, sig: signal.Signals, timeout: float = 5.0) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        # The whole group: SIGTERM to the master alone makes it linger a second.
        _signal_group(process.pid, sig)
        if sig != signal.SIGKILL and _wait_group_gone(process.pid, timeout, but=_PATIENT):
            # The workers (imap, imap-login, auth...) are done: that is the clean part. The
            # master may then sleep a second or more before it exits, holding the listening
            # sockets, while the log and anvil processes wait for it: not worth waiting for.
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(0.05)
        _signal_group(process.pid, signal.SIGKILL)  # whatever is left; SIGKILL is asynchronous
        process.wait(timeout)
        if not _wait_group_gone(process.pid, timeout):
            raise RuntimeError(f"Dovecot's processes (group {process.pid}) outlived SIGKILL")

    def _reconfigure(self) -> None:
        self._write_config()
        if self.running:
            self.restart()

    def _make_maildir(self, path: Path) -> None:
        path.mkdir(mode=0o700, exist_ok=True)
        self._chown(path)
        for sub in ("cur", "new", "tmp"):
            (path / sub).mkdir(mode=0o700, exist_ok=True)
            self._chown(path / sub)

    def _chown(self, path: Path) -> None:
        if os.geteuid() == 0:
            os.chown(path, self._accounts["mail_uid"], self._accounts["mail_gid"])

    def _subscribe(self, name: str) -> None:
        # Dovecot's subscriptions file, version 2: a header, then one name a line, in modified
        # UTF-7 with a tab between hierarchy levels.
        path = self.maildir / "subscriptions"
        lines = path.read_text().splitlines() if path.exists() else []
        names = [line for line in lines[2:] if line] if lines[:1] == ["V\t2"] else []
        entry = imap_utf7_encode(name).replace("/", "\t")
        if entry not in names:
            path.write_text("V\t2\n\n" + "".join(f"{line}\n" for line in [*names, entry]))
            self._chown(path)

    def _flag_letter(self, folder: Path, flag: str) -> str:
        if flag.startswith("\\"):
            for name, letter in MAILDIR_FLAGS.items():
                if name.lower() == flag.lower():
                    return letter
            raise ValueError(f"no Maildir letter for system flag {flag!r}")
        # A keyword: letters a-z index the folder's dovecot-keywords file ("0 $Applied").
        path = folder / "dovecot-keywords"
        keywords: dict[int, str] = {}
        if path.exists():
            for line in path.read_text().splitlines():
                index, _, keyword = line.partition(" ")
                if index.isdigit() and keyword:
                    keywords[int(index)] = keyword
        for index, keyword in keywords.items():
            if keyword == flag:
                return chr(ord("a") + index)
        index = next(i for i in range(27) if i not in keywords)
        if index >= 26:
            raise ValueError("a Maildir folder holds at most 26 keywords")
        keywords[index] = flag
        path.write_text("".join(f"{i} {k}\n" for i, k in sorted(keywords.items())))
        self._chown(path)
        return chr(ord("a") + index)

    def _write_config(self) -> None:
        self.config_path.write_text(_config_23(self))
        self.config_path.chmod(0o644)
        check = subprocess.run([self._doveconf, "-c", str(self.config_path), "-n"],
                               capture_output=True, text=True, timeout=30)
        if check.returncode != 0:
            raise DovecotStartError(
                f"doveconf rejects the generated config {self.config_path} (Dovecot "
                f"{'.'.join(map(str, self.version))}):\n{check.stderr or check.stdout}")


# -- configuration ---------------------------------------------------------------------------

def _config_23(server: DovecotServer) -> str:
    accounts = server._accounts
    mailboxes = "\n".join(
        f'  mailbox "{_config_quote(name)}" {{\n    special_use = {use}\n  }}'
        for name, use in server.special_use.items())
    unprivileged = "" if os.geteuid() == 0 else """
# Not root: no chroot, and every process runs as the current user.
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
service imap-urlauth-login {
  chroot =
}
service pop3-login {
  chroot =
}
service submission-login {
  chroot =
}
"""
    version = ".".join(map(str, server.version))
    return f"""# A private Dovecot {version} instance for tests, written by tests/imapserver.py.
# It shares nothing with the system's /etc/dovecot or service.
base_dir = {server.run_dir}
state_dir = {server.state_dir}
instance_name = imapserver-{server.port}
log_path = {server.log_path}
protocols = imap
listen = {server.host}
login_greeting = Dovecot test server ready.
verbose_proctitle = yes
shutdown_clients = yes

default_login_user = {accounts['login_user']}
default_internal_user = {accounts['internal_user']}
default_internal_group = {accounts['internal_group']}
first_valid_uid = {max(1, accounts['mail_uid'])}

ssl = required
ssl_cert = <{server.cert_path}
ssl_key = <{server.key_path}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_failure_delay = 0
auth_verbose = yes

passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {server.passwd_path}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {server.passwd_path}
}}

mail_location = maildir:~/Maildir
mail_max_userip_connections = {server.connection_limit}
namespace inbox {{
  inbox = yes
  separator = /
{mailboxes}
}}

service imap-login {{
  inet_listener imap {{
    address = {server.host}
    port = {server.starttls_port}
  }}
  inet_listener imaps {{
    address = {server.host}
    port = {server.port}
    ssl = yes
  }}
}}
service auth-worker {{
  user = $default_internal_user
}}
# No anvil auth penalty (2, 4, 8... s before each login after a failed one from the same
# IP): the auth process, refused this socket, skips it. Tests try wrong passwords on purpose.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{unprivileged}"""


# -- helpers ---------------------------------------------------------------------------------

def _config_quote(value: str) -> str:
    # Dovecot's config is UTF-8; mailbox names there are the IMAP names, decoded.
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _find(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in ("/usr/sbin", "/usr/local/sbin", "/usr/bin"):
        candidate = os.path.join(folder, name)
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def _accounts() -> dict:
    """The system users Dovecot's processes run as. As root: login processes as dovenull,
    internal ones as dovecot (Dovecot refuses root for both), mail as Debian's 'mail' (uid 8;
    a userdb uid of 0 is refused). As anyone else: all of them as the current user."""
    if os.geteuid() != 0:
        try:
            me = pwd.getpwuid(os.geteuid())
        except KeyError:
            raise DovecotUnavailable(
                f"uid {os.geteuid()} has no passwd entry: Dovecot needs a user name to run "
                "its processes as when not run as root") from None
        group = grp.getgrgid(os.getegid()).gr_name
        return {"login_user": me.pw_name, "internal_user": me.pw_name, "internal_group": group,
                "mail_uid": me.pw_uid, "mail_gid": me.pw_gid}
    names = {}
    for key, user in (("login_user", "dovenull"), ("internal_user", "dovecot")):
        try:
            pwd.getpwnam(user)
        except KeyError:
            raise DovecotUnavailable(
                f"the system user {user!r} is missing (it comes with dovecot-core): "
                "reinstall dovecot-imapd") from None
        names[key] = user
    try:
        grp.getgrnam("dovecot")
        names["internal_group"] = "dovecot"
    except KeyError:
        names["internal_group"] = pwd.getpwnam("dovecot").pw_name
    try:
        mail = pwd.getpwnam("mail")
        uid, gid = mail.pw_uid, mail.pw_gid
    except KeyError:
        uid, gid = 8, 8
    return {**names, "mail_uid": uid, "mail_gid": gid}


def _pick_host(requested: str | None) -> tuple[str, bool]:
    """The address to listen on, and whether a client here connects to it from another
    address (so that Dovecot does not count the connection as secure without TLS)."""
    for host in [requested] if requested else ["127.0.0.2", LOOPBACK]:
        try:
            with socket.socket() as server:
                server.bind((host, 0))
                server.listen()
                with socket.create_connection(server.getsockname(), timeout=2):
                    accepted, (peer, _) = server.accept()
                    accepted.close()
        except OSError:
            if requested:
                raise
            continue
        return host, peer != host
    raise DovecotUnavailable("no loopback address to listen on")


def _free_ports(host: str, count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind((host, 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _die_with_parent() -> None:
    """In the child before exec: SIGKILL the master if the test process dies without its
    teardown (killed, or os._exit by a timeout), so that no server outlives the tests."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _group_alive(pgid: int, but: frozenset[str] = frozenset()) -> bool:
    """Whether a live (not zombie) process is left in process group ``pgid``, not counting
    those whose name is in ``but``. Without /proc (not Linux), after a short pause: no."""
    try:
        entries = os.listdir("/proc")
    except OSError:
        time.sleep(0.2)
        return False
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                name, _, rest = stat.read().partition(" (")[2].rpartition(") ")
        except OSError:
            continue
        fields = rest.split()
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in "ZX" \
                and name not in but:
            return True
    return False


def _wait_group_gone(pgid: int, timeout: float, but: frozenset[str] = frozenset()) -> bool:
    deadline = time.monotonic() + timeout
    while _group_alive(pgid, but):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)
    return True


def _logout(client: imaplib.IMAP4) -> None:
    try:
        client.logout()
    except (OSError, imaplib.IMAP4.error):
        client.shutdown()


def make_certificate(cert_path: Path, key_path: Path, *, ips: Iterable[str] = (LOOPBACK,),
                     use_cryptography: bool | None = None) -> None:
    """A self-signed certificate (CN=localhost; SAN DNS:localhost and each of ``ips``; RSA
    2048, 30 days) and its unencrypted key, as PEM files. Made with the cryptography package
    when it is installed (or ``use_cryptography`` is true), else with the openssl command."""
    ips = list(ips)
    if use_cryptography is None:
        try:
            import cryptography  # noqa: F401
        except ImportError:
            use_cryptography = False
        else:
            use_cryptography = True
    if use_cryptography:
        _certificate_with_cryptography(cert_path, key_path, ips)
    else:
        openssl = shutil.which("openssl")
        if openssl is None:
            raise DovecotUnavailable("neither the cryptography package nor the openssl command "
                                     "is available to make the test certificate")
        subprocess.run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
             "-subj", "/CN=localhost", "-keyout", str(key_path), "-out", str(cert_path),
             "-addext", "subjectAltName=" + ",".join(["DNS:localhost",
                                                      *(f"IP:{ip}" for ip in ips)]),
             "-addext", "basicConstraints=critical,CA:FALSE",
             "-addext", "keyUsage=critical,digitalSignature,keyEncipherment",
             "-addext", "extendedKeyUsage=serverAuth"],
            check=True, capture_output=True, timeout=60)
    key_path.chmod(0o600)


def _certificate_with_cryptography(cert_path: Path, key_path: Path, ips: list[str]) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), *(x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips)]),
            critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, key_encipherment=True, content_commitment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


# -- fixtures --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def imap_server() -> Iterator[DovecotServer]:
    """One real Dovecot for the session, running; skipped where Dovecot can't run."""
    try:
        server = DovecotServer()
    except DovecotUnavailable as reason:
        pytest.skip(str(reason))
    except DovecotStartError as error:  # doveconf rejected the generated config
        pytest.fail(str(error), pytrace=False)
    with server:
        try:
            server.start()
        except DovecotStartError as error:
            pytest.fail(str(error), pytrace=False)
        yield server


@pytest.fixture
def clean_imap_server(imap_server: DovecotServer) -> Iterator[DovecotServer]:
    """The session's server, emptied, with default settings, and running; left running with
    its default settings for the tests that share ``imap_server`` after it."""
    try:
        imap_server.reset()
    except DovecotStartError as error:
        pytest.fail(str(error), pytrace=False)
    yield imap_server
    if not imap_server.running or (imap_server.connection_limit, imap_server.special_use) != (
            DEFAULT_CONNECTION_LIMIT, SPECIAL_USE):
        imap_server.reset()
