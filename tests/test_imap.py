"""The IMAP transport (analysis/mail/imap/) against a real Dovecot (tests/imapserver.py):
read-only on the wire and on the server, incremental across runs, resumable after a crash,
certificates checked or pinned, and failures told in sentences that never hold the password.

A few failures Dovecot will not produce on demand (no STARTTLS, a busy server, silence) come
from ``FakeIMAP``, a scripted server on 127.0.0.1 in a thread that stops by itself."""

from __future__ import annotations

import datetime as dt
import imaplib
import logging
import re
import socket
import ssl
import threading
import time
from email.message import EmailMessage

import imapserver as ims
import pytest
from imapserver import clean_imap_server, imap_server  # noqa: F401  (pytest fixtures)

from analysis.mail import imap as srv
from analysis.mail import message as msg
from analysis.mail.imap import (
    Account,
    FetchedMessage,
    Folder,
    FolderState,
    Header,
    MailServerError,
    SyncState,
    check_command,
    connect,
    default_folders,
    fetch_messages,
    iter_headers,
    list_folders,
    pick_folders,
    server_fingerprint,
    sync,
)
from analysis.mail.imap.wire import fetch_items, parse, response_lines, sequence_set

WRITES = {"SELECT", "STORE", "APPEND", "COPY", "MOVE", "EXPUNGE", "CREATE", "DELETE", "RENAME",
          "SUBSCRIBE", "UNSUBSCRIBE", "SETMETADATA", "CLOSE", "SETACL", "SETQUOTA"}


def account(server: ims.DovecotServer, **changes) -> Account:
    settings = {"port": server.port, "fingerprint": server.fingerprint_hex}
    settings.update(changes)
    return Account(server.host, server.user, **settings)


def fill(server: ims.DovecotServer, count: int, folder: str = "INBOX", start: int = 0) -> None:
    for n in range(start, start + count):
        server.add_message(folder, ims.make_message(f"{folder} {n}",
                                                    message_id=f"<{folder}.{n}@test>"),
                           ["\\Seen"] if n % 3 else ())


def every_uid(headers: list[Header]) -> list[int]:
    return [header.uid for header in headers]


def big_message(attachment_bytes: int = 3_000_000) -> bytes:
    message = EmailMessage()
    message["From"] = "Recruiter <jobs@example.com>"
    message["To"] = "jobseeker@example.test"
    message["Subject"] = "Interview invitation"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message["Message-ID"] = "<big@test>"
    message.set_content("We would like to meet you on Tuesday.\n")
    message.add_alternative("<p>We would like to <b>meet</b> you on Tuesday.</p>", subtype="html")
    message.add_attachment(b"%PDF-1.4 " + b"x" * attachment_bytes, maintype="application",
                           subtype="pdf", filename="brochure.pdf")
    message.add_attachment("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                           "DTSTART:20260310T140000Z\r\nSUMMARY:Interview\r\nEND:VEVENT\r\n"
                           "END:VCALENDAR\r\n", subtype="calendar", filename="invite.ics")
    return message.as_bytes()


@pytest.fixture
def wire(monkeypatch) -> list[bytes]:
    """Every line the client sends, as sent (imaplib's send, under the guard)."""
    sent: list[bytes] = []
    original = imaplib.IMAP4.send

    def send(self, data):
        sent.append(bytes(data))
        return original(self, data)

    monkeypatch.setattr(imaplib.IMAP4, "send", send)
    return sent


def commands(sent: list[bytes]) -> list[str]:
    """The commands in what was sent: "UID FETCH 1:5 (...)" and the like, without tags."""
    lines = []
    for chunk in sent:
        for line in chunk.split(b"\r\n"):
            parts = line.decode("ascii", "replace").split(" ", 1)
            if len(parts) == 2 and re.fullmatch(r"[A-Z]+\d+", parts[0]):
                lines.append(parts[1])
    return lines


# -- read-only, provably --------------------------------------------------------------------

def test_a_full_sync_changes_nothing_on_the_server(clean_imap_server):  # noqa: F811
    """UIDs, flags, UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ of every folder are the same after
    a sync that read every header and every message in full: unseen mail stays unseen.
    (\\Recent is session state, not the message's, and the snapshot leaves it out: EXAMINE
    must not clear it anyway, RFC 3501 6.3.2.)"""
    server = clean_imap_server
    fill(server, 12)
    fill(server, 3, "Sent")
    server.add_message("INBOX", big_message())
    before = server.snapshot()
    assert any("\\Seen" not in m.flags for m in before["INBOX"].messages)

    run = sync(account(server), server.password, SyncState(), choose=every_uid)
    items = list(run)
    assert run.report.headers == run.report.messages == 16
    assert {type(item) for item in items} == {Header, FetchedMessage}
    assert server.snapshot() == before


def test_only_read_only_commands_go_over_the_wire(clean_imap_server, wire):  # noqa: F811
    server = clean_imap_server
    fill(server, 5)
    server.add_message("INBOX", big_message())
    run = sync(account(server), server.password, SyncState(), choose=every_uid)
    assert len(list(run)) == 12
    sent = commands(wire)
    names = {" ".join(line.split()[:2]) if line.startswith("UID ") else line.split()[0]
             for line in sent}
    assert names <= {"CAPABILITY", "LOGIN", "LIST", "EXAMINE", "UID SEARCH", "UID FETCH",
                     "LOGOUT"}, names
    assert {"EXAMINE", "UID SEARCH", "UID FETCH"} <= names
    fetches = [line for line in sent if line.startswith("UID FETCH")]
    assert any("BODYSTRUCTURE" in line for line in fetches)  # the large message, in parts
    for line in fetches:
        items = re.sub(r"BODY\.PEEK\[[^\]]*\](<\d+\.\d+>)?", "", line.split(" ", 3)[3])
        assert "BODY[" not in items and not re.search(r"RFC822(?!\.SIZE)", items), line
        assert set(re.findall(r"[A-Z0-9.]+", items)) <= {"UID", "RFC822.SIZE", "INTERNALDATE",
                                                         "BODYSTRUCTURE"}, line
    assert not names & WRITES


def test_the_guard_refuses_anything_that_writes(clean_imap_server, wire):  # noqa: F811
    server = clean_imap_server
    fill(server, 2)
    before = server.snapshot()
    with connect(account(server), server.password) as connection:
        list(iter_headers(connection, "INBOX", SyncState()))
        imap = connection._imap
        sent_before = len(wire)
        attempts = [lambda: imap.select("INBOX"), lambda: imap.store("1", "+FLAGS", "\\Seen"),
                    lambda: imap.uid("STORE", "1", "+FLAGS", "(\\Seen)"),
                    lambda: imap.uid("FETCH", "1", "(BODY[])"),
                    lambda: imap.uid("FETCH", "1", "(RFC822)"),
                    lambda: imap.uid("COPY", "1", "Trash"), lambda: imap.expunge(),
                    lambda: imap.create("New"), lambda: imap.delete("INBOX"),
                    lambda: imap.rename("INBOX", "Old"), lambda: imap.subscribe("INBOX"),
                    lambda: imap.append("INBOX", None, None, b"Subject: x\r\n\r\nx\r\n"),
                    lambda: imap.close()]
        for attempt in attempts:
            with pytest.raises(PermissionError, match="only reads"):
                attempt()
        assert len(wire) == sent_before  # refused before a byte was sent
        assert connection.commands[-1].startswith("UID FETCH")
    for name, args in [("UID", ("MOVE", "1", "Trash")), ("UID", ("EXPUNGE", "1")),
                       ("UID", ("FETCH", "1", "(BINARY[1])")), ("SETMETADATA", ()),
                       ("AUTHENTICATE", ("XOAUTH2",)), ("EXAMINE", ('"INBOX"\r\nA1 STORE',))]:
        with pytest.raises(PermissionError):
            check_command(name, args)
    check_command("UID", ("FETCH", "1:5,7", "(UID BODY.PEEK[1.MIME] BODY.PEEK[1]<0.100>)"))
    assert server.snapshot() == before


# -- incremental ------------------------------------------------------------------------------

def test_three_messages_added_after_a_sync_are_the_next_syncs_three(
        clean_imap_server):  # noqa: F811
    server = clean_imap_server
    fill(server, 10)
    state = SyncState()
    first = sync(account(server), server.password, state)
    assert len(list(first)) == 10
    saved = SyncState.from_json(state.to_json())
    fill(server, 3, start=10)
    second = sync(account(server), server.password, saved)
    subjects = [msg.header_text(item.message(), "Subject") for item in second]
    assert subjects == ["INBOX 10", "INBOX 11", "INBOX 12"]
    assert second.report.headers == 3 and second.report.rescanned == []
    third = sync(account(server), server.password, saved)
    assert list(third) == []


def test_a_changed_uidvalidity_rescans_the_folder(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    fill(server, 4)
    fill(server, 2, "Sent")
    state = SyncState()
    list(sync(account(server), server.password, state))
    old = state[SyncState.key(account(server), "INBOX")].uidvalidity
    new = server.change_uidvalidity("INBOX")
    run = sync(account(server), server.password, state)
    headers = list(run)
    assert run.report.rescanned == ["INBOX"]
    assert sorted(h.uid for h in headers) == [1, 2, 3, 4] and {h.folder for h in headers} == {
        "INBOX"}
    assert state[SyncState.key(account(server), "INBOX")] == FolderState(new, 4)
    assert new != old


@pytest.mark.parametrize("kill_in", ["progress", "choose"])
def test_a_sync_cut_by_a_crash_resumes_with_every_message_read_once(
        clean_imap_server, kill_in):  # noqa: F811
    """The server dies mid-sync (SIGKILL: connections drop mid-command). The state kept is the
    one after the last batch handed over, and the next sync reads the rest: every header and
    every chosen message exactly once across both runs."""
    server = clean_imap_server
    fill(server, 40)
    wanted = {uid for uid in range(1, 41) if uid % 4 == 0}
    state = SyncState()
    headers: list[int] = []
    bodies: list[int] = []
    batches = 0

    def progress(messages, received, seconds):
        if kill_in == "progress" and messages == 15:
            server.kill()

    def choose(batch):
        nonlocal batches
        batches += 1
        if kill_in == "choose" and batches == 3:
            server.kill()  # the batch's headers are out; its messages are not
        return [h.uid for h in batch if h.uid in wanted]

    def collect(run):
        for item in run:
            (headers if isinstance(item, Header) else bodies).append(item.uid)

    with pytest.raises(MailServerError) as cut:
        collect(sync(account(server), server.password, state, batch=5, choose=choose,
                     progress=progress))
    assert cut.value.kind == "closed" and server.host in str(cut.value)
    assert 0 < len(headers) < 40
    saved = SyncState.from_json(state.to_json())
    server.start()
    collect(sync(account(server), server.password, saved, batch=5, choose=choose))
    assert sorted(headers) == list(range(1, 41))
    assert sorted(bodies) == sorted(wanted)
    assert saved[SyncState.key(account(server), "INBOX")].pending == ()


def test_since_leaves_out_older_mail(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    old = dt.datetime(2019, 6, 1, 12, tzinfo=dt.UTC)
    recent = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    for n in range(3):
        server.add_message("INBOX", ims.make_message(f"old {n}", date=old), date=old)
        server.add_message("INBOX", ims.make_message(f"new {n}", date=recent), date=recent)
    state = SyncState()
    headers = list(sync(account(server), server.password, state, since=dt.date(2024, 1, 1)))
    assert [msg.header_text(h.message(), "Subject") for h in headers] == ["new 0", "new 1",
                                                                         "new 2"]
    assert all(h.internaldate == recent for h in headers)
    assert all(msg.sent_at(h.message()) == recent for h in headers)


def test_stop_ends_the_sync_between_batches_and_the_next_carries_on(
        clean_imap_server):  # noqa: F811
    server = clean_imap_server
    fill(server, 30)
    state = SyncState()
    asked: list[float] = []

    def stop():
        return bool(asked)

    run = sync(account(server), server.password, state, batch=5, choose=every_uid,
               stop=stop, progress=lambda *_: asked.append(time.monotonic()))
    items = list(run)
    assert time.monotonic() - asked[0] < 1.0
    assert run.report.stopped and run.report.headers == 5 and run.report.messages == 5
    assert state[SyncState.key(account(server), "INBOX")].last_uid == 5
    sizes: list[int] = []
    rest = sync(account(server), server.password, state, choose=every_uid, batch=5,
                progress=lambda n, *_: sizes.append(n))
    assert sorted(i.uid for i in [*items, *rest] if isinstance(i, Header)) == list(range(1, 31))
    assert sizes == [5, 10, 15, 20, 25]  # batch is the most asked for at once


def test_headers_first_then_the_chosen_messages_on_one_connection(
        clean_imap_server, wire):  # noqa: F811
    """The scanner's other way: every folder's headers, then the messages it picks."""
    server = clean_imap_server
    fill(server, 6)
    fill(server, 2, "Sent")
    state = SyncState()
    with connect(account(server), server.password) as connection:
        folders = default_folders(list_folders(connection))
        headers = [h for folder in folders for h in iter_headers(connection, folder, state)]
        sent_reply = next(h for h in headers if h.folder == "Sent")
        state.add_pending(connection, "INBOX", [2, 5])
        state.add_pending(connection, "Sent", [sent_reply.uid])
        messages = [m for folder in folders
                    for m in fetch_messages(connection, folder,
                                            state.pending(connection, folder), state=state)]
    assert [f.name for f in folders] == ["INBOX", "Sent"] and len(headers) == 8
    assert [(m.folder, m.uid) for m in messages] == [("INBOX", 2), ("INBOX", 5), ("Sent", 1)]
    assert messages[-1].position == messages[-1].size and messages[0].source.endswith("/INBOX")
    assert all(state.pending(account(server), f) == () for f in ("INBOX", "Sent"))
    assert sum(line.startswith("LOGIN") for line in commands(wire)) == 1


# -- certificates and logins ------------------------------------------------------------------

def test_a_wrong_password_gets_its_sentence(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    with pytest.raises(MailServerError) as failure:
        list(sync(account(server), "Wr0ng-Secret-Pass", SyncState()))
    message = str(failure.value)
    assert failure.value.kind == "login"
    assert server.host in message and server.user in message
    assert "Gmail, iCloud and Yahoo need an app password" in message
    assert "Wr0ng-Secret-Pass" not in message


def test_an_untrusted_certificate_is_refused_with_its_fingerprint(
        clean_imap_server, wire):  # noqa: F811
    server = clean_imap_server
    with pytest.raises(MailServerError) as failure:
        connect(account(server, fingerprint=None), server.password)
    message = str(failure.value)
    assert failure.value.kind == "certificate"
    assert server.fingerprint_sha256 in message and server.host in message
    assert "your own server" in message and "trust it by its SHA-256 fingerprint" in message
    assert failure.value.fingerprint == server.fingerprint_hex
    assert not any(line.startswith("LOGIN") for line in commands(wire))


def test_pinning_by_fingerprint(clean_imap_server, wire):  # noqa: F811
    server = clean_imap_server
    for spelling in (server.fingerprint_sha256, server.fingerprint_hex.upper(),
                     "SHA256:" + server.fingerprint_hex, " ".join(server.fingerprint_sha256
                                                                   .split(":"))):
        with connect(account(server, fingerprint=spelling), server.password) as connection:
            assert connection.fingerprint == server.fingerprint_hex
    logins = sum(line.startswith("LOGIN") for line in commands(wire))
    wrong = "00" * 32
    with pytest.raises(MailServerError) as failure:
        connect(account(server, fingerprint=wrong), server.password)
    message = str(failure.value)
    assert failure.value.kind == "fingerprint" and server.fingerprint_sha256 in message
    assert "refused before logging in" in message
    assert sum(line.startswith("LOGIN") for line in commands(wire)) == logins


def test_starttls_on_the_plain_port(clean_imap_server, wire):  # noqa: F811
    server = clean_imap_server
    fill(server, 3)
    starttls = account(server, port=server.starttls_port, starttls=True)
    assert len(list(sync(starttls, server.password, SyncState()))) == 3
    sent = commands(wire)
    assert sent.index("STARTTLS") < next(i for i, line in enumerate(sent)
                                         if line.startswith("LOGIN"))
    with pytest.raises(MailServerError) as failure:
        connect(account(server, port=server.starttls_port, starttls=True, fingerprint="ab" * 32),
                server.password)
    assert failure.value.kind == "fingerprint"
    assert server_fingerprint(server.host, server.starttls_port, starttls=True) == \
        server_fingerprint(server.host, server.port) == server.fingerprint_sha256


def test_no_login_when_starttls_is_not_offered(fake_imap):
    fake = fake_imap(capabilities=b"IMAP4rev1 AUTH=PLAIN")
    with pytest.raises(MailServerError) as failure:
        connect(Account("127.0.0.1", "me@example.test", port=fake.port, starttls=True), "pw")
    assert failure.value.kind == "no-starttls" and "does not offer STARTTLS" in str(failure.value)
    assert not any(b"LOGIN" in line for line in fake.received)


# -- folders ----------------------------------------------------------------------------------

def test_special_use_folders_are_found_whatever_their_names(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.create_folder("Éléments envoyés", special_use="\\Sent")
    server.create_folder("Archive")
    server.create_folder("Projets & idées")
    with connect(account(server), server.password) as connection:
        folders = list_folders(connection)
        assert {f.name for f in folders} >= {"INBOX", "Éléments envoyés", "Projets & idées"}
        assert [f.name for f in default_folders(folders)] == ["INBOX", "Éléments envoyés",
                                                              "Archive"]
        assert [f.name for f in pick_folders(folders, ["\\Sent", "inbox"])] == [
            "Éléments envoyés", "INBOX"]
        assert list(iter_headers(connection, "Projets & idées", SyncState())) == []
        with pytest.raises(MailServerError, match="no folder called \"Nope\""):
            pick_folders(folders, ["Nope"], host=server.host)
        with pytest.raises(MailServerError) as failure:
            list(iter_headers(connection, "Nope", SyncState()))
        assert failure.value.kind == "folder" and failure.value.folder == "Nope"
    server.create_folder("All Mail")  # Gmail's \All: it holds everything, sent mail too
    with connect(account(server), server.password) as connection:
        assert [f.name for f in default_folders(list_folders(connection))] == ["All Mail"]
    with pytest.raises(MailServerError) as failure:
        list(sync(account(server, folders=("INBOX", "Bewerbungen")), server.password,
                  SyncState()))
    assert failure.value.kind == "folder" and "Bewerbungen" in str(failure.value)
    assert server.host in str(failure.value)
    # Servers without SPECIAL-USE: the usual names.
    plain = [Folder("INBOX"), Folder("Sent Messages"), Folder("Junk")]
    assert [f.name for f in default_folders(plain)] == ["INBOX", "Sent Messages"]


def test_a_large_message_comes_without_its_attachment(clean_imap_server, monkeypatch):  # noqa: F811
    server = clean_imap_server
    server.add_message("INBOX", big_message(), ["\\Seen"])
    server.add_message("INBOX", big_message(20_000), ["\\Seen"])
    server.add_message("INBOX", ims.make_message("Long", body="We would like to meet you.\n"
                                                 + "A long letter.\n" * 80_000), ["\\Seen"])
    received = []
    original = imaplib.IMAP4.read

    def read(self, size):
        received.append(size)
        return original(self, size)

    monkeypatch.setattr(imaplib.IMAP4, "read", read)
    messages = [item for item in sync(account(server), server.password, SyncState(),
                                      choose=every_uid) if isinstance(item, FetchedMessage)]
    large, small, long_text = messages
    assert not long_text.complete and 900_000 < len(long_text.data) <= 1_001_000
    assert msg.body_text(msg.full(long_text.data)).startswith("We would like to meet you.")
    assert not large.complete and small.complete
    assert len(large.data) < 20_000 and b"x" * 1000 not in large.data
    assert sum(received) < 1_100_000  # 1 MB of the long text; the 3 MB attachment: nothing
    for message in (large, small):
        parsed = msg.full(message.data)
        assert msg.body_text(parsed).strip() == "We would like to meet you on Tuesday."
        assert msg.calendar_start(parsed) == dt.datetime(2026, 3, 10, 14, tzinfo=dt.UTC)
        assert msg.header_text(parsed, "Subject") == "Interview invitation"
    assert large.position < small.position < long_text.position == long_text.size


# -- failures, in sentences without the password ----------------------------------------------

def test_too_many_connections_after_bounded_retries(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.set_connection_limit(1)
    holder = server.connect()
    waits: list[float] = []
    try:
        with pytest.raises(MailServerError) as failure:
            list(sync(account(server), server.password, SyncState(), sleep=waits.append))
    finally:
        holder.logout()
    message = str(failure.value)
    assert failure.value.kind == "too-many" and server.host in message
    assert "too many connections open" in message and "after 3 tries" in message
    assert waits == [2.5, 5.0] and sum(waits) < 30


def test_a_busy_server_is_retried_then_named(fake_imap, imap_server):  # noqa: F811
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(imap_server.cert_path, imap_server.key_path)
    for reply, kind in [(b"NO [UNAVAILABLE] Maintenance", "busy"),
                        (b"NO [ALERT] Too many simultaneous connections. (Failure)", "too-many")]:
        fake = fake_imap(context=tls, login=reply)
        waits: list[float] = []
        with pytest.raises(MailServerError) as failure:
            connect(Account("127.0.0.1", "me@example.test", port=fake.port,
                            fingerprint=imap_server.fingerprint_hex), "pw", sleep=waits.append)
        assert failure.value.kind == kind and "127.0.0.1" in str(failure.value)
        assert waits == [2.5, 5.0]
        assert sum(b" LOGIN " in line for line in fake.received) == 3


def test_the_password_is_in_no_error_log_or_repr(
        clean_imap_server, fake_imap, caplog, imap_server):  # noqa: F811
    server = clean_imap_server
    password = server.password
    caplog.set_level(logging.DEBUG)
    fill(server, 12)
    errors: list[MailServerError] = []

    def failing(action) -> None:
        with pytest.raises(MailServerError) as failure:
            action()
        errors.append(failure.value)

    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    closed_port = free.getsockname()[1]
    free.close()
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(imap_server.cert_path, imap_server.key_path)
    busy = fake_imap(context=tls, login=b"NO [UNAVAILABLE] " + password.encode())
    silent = fake_imap(silent=True)
    no_tls = fake_imap()
    fake = {"port": busy.port, "fingerprint": server.fingerprint_hex}
    failing(lambda: connect(account(server), password + "!"))  # wrong password
    failing(lambda: connect(account(server, fingerprint=None), password))  # untrusted
    failing(lambda: connect(account(server, fingerprint="1" * 64), password))  # pinned other
    failing(lambda: connect(Account("127.0.0.1", server.user, port=closed_port), password))
    failing(lambda: connect(Account("imap.example.invalid", server.user), password))
    failing(lambda: connect(Account("127.0.0.1", server.user, port=silent.port,
                                    starttls=True), password, timeout=0.5))
    failing(lambda: connect(Account("127.0.0.1", server.user, port=no_tls.port,
                                    starttls=True), password))
    failing(lambda: connect(Account("127.0.0.1", server.user, **fake), password,
                            sleep=lambda s: None))
    failing(lambda: list(sync(account(server, folders=("Nope",)), password, SyncState())))

    def kill(*_):
        server.kill()

    failing(lambda: list(sync(account(server), password, SyncState(), batch=5, progress=kill)))
    server.start()
    assert {e.kind for e in errors} == {"login", "certificate", "fingerprint", "refused",
                                        "not-found", "timeout", "no-starttls", "busy", "folder",
                                        "closed"}
    for error in errors:
        assert password not in str(error) and password not in repr(error), error
        assert error.host in str(error)
    state = SyncState()
    run = sync(account(server), password, state)
    assert password not in repr(run)
    list(run)
    with connect(account(server), password) as connection:
        shown = [repr(connection), repr(connection.account), repr(state), state.to_json(),
                 *connection.commands, *map(repr, vars(run).values())]
    assert not [text for text in shown if password in text]
    assert not [r for r in caplog.records if password in r.getMessage()]
    assert any(r.name == "analysis.mail.imap" for r in caplog.records)


# -- the smaller parts ------------------------------------------------------------------------

def test_sync_state_is_plain_json():
    state = SyncState({("IMAP.Example.com", "me@example.com", "INBOX"): FolderState(7, 42, (40,)),
                       ("imap.example.com", "me@example.com", "Éléments"): FolderState(9, 3)})
    text = state.to_json()
    again = SyncState.from_json(text)
    assert dict(again) == dict(state) and len(again) == 2
    assert again[("imap.example.com", "me@example.com", "INBOX")].pending == (40,)
    assert SyncState.from_json(None) == {} and SyncState.from_json("") == {}
    for damaged in ("{", '{"version": 9, "folders": []}', '{"version": 1, "folders": [{}]}'):
        with pytest.raises(ValueError, match="cannot be read"):
            SyncState.from_json(damaged)


def test_presets_and_accounts():
    assert set(srv.PRESETS) >= {"gmail", "outlook", "icloud", "yahoo", "fastmail", "posteo",
                                "gmx", "webde", "zoho", "proton-bridge"}
    assert srv.PRESETS["gmail"].host == "imap.gmail.com" and srv.PRESETS["gmail"].folders == (
        "\\All",)
    bridge = srv.PRESETS["proton-bridge"].account("me@proton.me")
    assert (bridge.host, bridge.port, bridge.starttls) == ("127.0.0.1", 1143, True)
    assert all(p.port in (993, 1143) and "." in p.host for p in srv.PRESETS.values())
    assert srv.preset_for_address("Someone@Hotmail.com").host == "outlook.office365.com"
    assert srv.preset_for_address("me@example.org") is None
    pinned = Account(" IMAP.Example.com ", "me", fingerprint="AB:" * 31 + "AB")
    assert pinned.host == "imap.example.com" and pinned.fingerprint == "ab" * 32
    assert srv.format_fingerprint(pinned.fingerprint) == "AB:" * 31 + "AB"
    with pytest.raises(ValueError, match="64 hexadecimal"):
        Account("imap.example.com", "me", fingerprint="not one")
    with pytest.raises(ValueError, match="server name"):
        Account("imap://imap.example.com/", "me")


def test_folder_names_in_modified_utf7():
    for name in ("Éléments envoyés", "Projets & idées", "[Gmail]/Tous les messages", "日本語",
                 "INBOX"):
        assert srv.decode_folder_name(srv.encode_folder_name(name)) == name
    assert srv.encode_folder_name("Éléments") == "&AMk-l&AOk-ments"
    assert srv.decode_folder_name("Broken&AMk") == "Broken&AMk"


def test_responses_with_literals_nested_lists_and_partial_bodies():
    data = [(b'3 (UID 3 BODY[1.MIME] {4}', b'ab\r\n'), (b' BODY[2]<0> {3}', b'xyz'),
            b' FLAGS (\\Seen) BODYSTRUCTURE ("text" "plain" NIL NIL NIL "7bit" 3 1))',
            b'4 (FLAGS (\\Seen))']
    parsed = [parse(segments)
              for segments in response_lines(data, lambda t: t[:1].isdigit())]
    values = fetch_items(parsed[0][1])
    assert values["UID"] == "3" and values["BODY[1.MIME]"] == b"ab\r\n"
    assert values["BODY[2]"] == b"xyz" and values["FLAGS"] == ["\\Seen"]
    assert values["BODYSTRUCTURE"][:2] == ["text", "plain"] and values["BODYSTRUCTURE"][2] is None
    # unsolicited: no UID, ignored
    assert fetch_items(parsed[1][1]) == {"FLAGS": ["\\Seen"]}
    assert sequence_set([5, 1, 2, 3, 9, 10]) == "1:3,5,9:10"
    assert srv.imap_date(dt.date(2024, 2, 1)) == "1-Feb-2024"
    assert srv.parse_internaldate(" 7-Jul-1996 02:44:25 -0700") == dt.datetime(
        1996, 7, 7, 2, 44, 25, tzinfo=dt.timezone(-dt.timedelta(hours=7)))


# -- a scripted server for what Dovecot won't do on demand ------------------------------------

class FakeIMAP:
    """An IMAP server on 127.0.0.1 that greets, answers CAPABILITY and LOGIN as told (or stays
    silent), records what it receives, and stops by itself after a few seconds."""

    def __init__(self, *, context: ssl.SSLContext | None = None,
                 capabilities: bytes = b"IMAP4rev1 AUTH=PLAIN", login: bytes = b"OK done",
                 silent: bool = False) -> None:
        self.context, self.capabilities, self.login, self.silent = (context, capabilities,
                                                                    login, silent)
        self.received: list[bytes] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.done.set()
        self.thread.join(5)
        self.listener.close()

    def _serve(self) -> None:
        deadline = time.monotonic() + 15
        while not self.done.is_set() and time.monotonic() < deadline:
            try:
                conn, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            try:
                self._session(conn)
            except (OSError, ssl.SSLError):
                pass
            finally:
                conn.close()

    def _session(self, conn: socket.socket) -> None:
        conn.settimeout(3)
        if self.silent:
            while not self.done.is_set() and conn.recv(1024):
                pass
            return
        if self.context is not None:
            conn = self.context.wrap_socket(conn, server_side=True)
        reader = conn.makefile("rb")
        conn.sendall(b"* OK fake server ready\r\n")
        for line in reader:
            self.received.append(line)
            tag, _, rest = line.strip().partition(b" ")
            command = rest.split(b" ")[0].upper()
            if command == b"CAPABILITY":
                conn.sendall(b"* CAPABILITY " + self.capabilities + b"\r\n" + tag + b" OK done\r\n")
            elif command == b"LOGIN":
                conn.sendall(tag + b" " + self.login + b"\r\n")
            elif command == b"LOGOUT":
                conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
                return
            else:
                conn.sendall(tag + b" BAD unknown\r\n")


@pytest.fixture
def fake_imap():
    servers: list[FakeIMAP] = []

    def make(**options) -> FakeIMAP:
        servers.append(FakeIMAP(**options))
        return servers[-1]

    yield make
    for server in servers:
        server.close()
