"""The Dovecot fixture itself: TLS and STARTTLS logins that trust only its certificate, messages
written into its Maildir and read back over IMAP, read-only fetches that change nothing, and a
server that can be killed, restarted, renumbered and limited. Clients use only imaplib and ssl."""

from __future__ import annotations

import hashlib
import imaplib
import shutil
import socket
import ssl
import subprocess
import time

import imapserver as ims
import pytest
from imapserver import clean_imap_server, imap_server  # noqa: F401  (pytest fixtures)


def trusting_only(server: ims.DovecotServer) -> ssl.SSLContext:
    """A client context built as an application would: its CA file is the server's own
    certificate and nothing else, hostnames checked, strict X.509 checks on."""
    context = ssl.create_default_context(cafile=str(server.cert_path))
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    return context


def flags_of(messages: list[ims.MessageState]) -> list[set[str]]:
    return [set(m.flags) for m in messages]


def test_login_over_implicit_tls_trusting_only_the_certificate(imap_server):  # noqa: F811
    context = trusting_only(imap_server)
    assert context.cert_store_stats()["x509"] == 1  # this certificate, no system CA
    with imaplib.IMAP4_SSL(imap_server.host, imap_server.port, ssl_context=context,
                           timeout=5) as client:
        der = client.sock.getpeercert(binary_form=True)
        assert client.sock.version() in {"TLSv1.2", "TLSv1.3"}
        assert client.login(imap_server.user, imap_server.password)[0] == "OK"
        assert client.select("INBOX", readonly=True)[0] == "OK"
        client.logout()
    assert hashlib.sha256(der).hexdigest() == imap_server.fingerprint_hex
    assert imap_server.fingerprint_sha256 == ":".join(
        imap_server.fingerprint_hex[i:i + 2] for i in range(0, 64, 2)).upper()
    # The certificate names DNS:localhost as well as the address; any other name, or the
    # system's trust store, is refused.
    with socket.create_connection((imap_server.host, imap_server.port), timeout=5) as sock, \
            context.wrap_socket(sock, server_hostname="localhost") as tls:
        assert tls.recv(4) == b"* OK"
    with socket.create_connection((imap_server.host, imap_server.port), timeout=5) as sock, \
            pytest.raises(ssl.SSLCertVerificationError, match="mismatch|doesn't match"):
        context.wrap_socket(sock, server_hostname="mail.example.com")
    with socket.create_connection((imap_server.host, imap_server.port), timeout=5) as sock, \
            pytest.raises(ssl.SSLCertVerificationError, match="self.signed"):
        ssl.create_default_context().wrap_socket(sock, server_hostname=imap_server.host)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is missing")
def test_fingerprint_is_the_one_openssl_shows(imap_server):  # noqa: F811
    out = subprocess.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in",
                          str(imap_server.cert_path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().split("=", 1)[1] == imap_server.fingerprint_sha256


def test_login_over_starttls(imap_server):  # noqa: F811
    with imaplib.IMAP4(imap_server.host, imap_server.starttls_port, timeout=5) as client:
        assert "STARTTLS" in client.capabilities
        assert client.starttls(trusting_only(imap_server))[0] == "OK"
        assert "LOGINDISABLED" not in client.capabilities
        assert client.login(imap_server.user, imap_server.password)[0] == "OK"
        assert client.select("INBOX", readonly=True)[0] == "OK"
        client.logout()


def test_login_before_starttls_is_refused(imap_server):  # noqa: F811
    if not imap_server.login_needs_tls:  # see DovecotServer.login_needs_tls
        pytest.skip(f"Dovecot counts a client on {imap_server.host} itself as secure")
    with imaplib.IMAP4(imap_server.host, imap_server.starttls_port, timeout=5) as client:
        assert {"STARTTLS", "LOGINDISABLED"} <= set(client.capabilities)
        with pytest.raises(imaplib.IMAP4.error, match="PRIVACYREQUIRED"):
            client.login(imap_server.user, imap_server.password)
        client.logout()


def test_a_wrong_password_is_refused(imap_server):  # noqa: F811
    with imaplib.IMAP4_SSL(imap_server.host, imap_server.port,
                           ssl_context=trusting_only(imap_server), timeout=5) as client:
        with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
            client.login(imap_server.user, imap_server.password + "x")
        client.logout()


def test_messages_written_to_inbox_and_sent_are_listed_with_their_flags(
        clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.add_message("INBOX", ims.make_message("Interview invitation"))
    server.add_message("INBOX", ims.make_message("Application received"), ["\\Seen"])
    server.add_message("INBOX", ims.make_message("Offer"), ["\\Seen", "\\Flagged", "$Applied"])
    server.add_message("Sent", ims.make_message("Thank you", sender="jobseeker@example.test"),
                       "\\Seen \\Answered")

    inbox, sent = server.list_messages("INBOX"), server.list_messages("Sent")
    assert [m.uid for m in inbox] == [1, 2, 3]
    assert flags_of(inbox) == [set(), {"\\Seen"}, {"\\Seen", "\\Flagged", "$Applied"}]
    assert flags_of(sent) == [{"\\Seen", "\\Answered"}]
    folders = server.list_folders()
    assert "\\Sent" in folders["Sent"]
    # A plain client sees the same through SELECT and SEARCH.
    with server.connect() as client:
        assert client.select("INBOX")[1] == [b"3"]
        assert client.uid("SEARCH", "UNSEEN")[1] == [b"1"]
        assert client.select("Sent")[1] == [b"1"]
        client.logout()


def test_a_message_written_during_a_session_shows_on_noop(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.add_message("INBOX", ims.make_message("first"))
    with server.connect() as client:
        assert client.select("INBOX")[1] == [b"1"]
        server.add_message("INBOX", ims.make_message("second"))
        client.noop()
        assert client.response("EXISTS")[1][-1] == b"2"
        client.logout()


def test_folders_with_special_use_subfolders_and_other_scripts(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.create_folder("Archive/2024")
    server.create_folder("All Mail")
    server.create_folder("Éléments envoyés", special_use="\\Sent")  # restarts the server
    server.add_message("Éléments envoyés", ims.make_message("Candidature"), ["\\Seen"])
    folders = server.list_folders()
    assert "\\Archive" in folders["Archive"] and "\\HasChildren" in folders["Archive"]
    assert "Archive/2024" in folders
    assert "\\All" in folders["All Mail"]
    assert "\\Sent" in folders["Éléments envoyés"]
    assert flags_of(server.list_messages("Éléments envoyés")) == [{"\\Seen"}]
    with server.connect() as client:
        subscribed = b"\n".join(client.lsub()[1])
        client.logout()
    assert b"Archive/2024" in subscribed and b"&AMk-l&AOk-ments envoy&AOk-s" in subscribed
    assert ims.imap_utf7_decode(ims.imap_utf7_encode("Éléments & envoyés")) == \
        "Éléments & envoyés"


def test_examine_and_body_peek_leave_seen_unset(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    raw = ims.make_message("Unread reply", body="We would like to meet you.\n")
    server.add_message("INBOX", raw)
    server.add_message("INBOX", ims.make_message("Read"), ["\\Seen"])
    before = server.snapshot()

    with server.connect() as client:
        assert client.select("INBOX", readonly=True)[0] == "OK"
        status, data = client.uid("FETCH", "1:*", "(BODY.PEEK[])")
        assert status == "OK"
        bodies = [item[1] for item in data if isinstance(item, tuple)]
        client.logout()
    assert len(bodies) == 2
    assert bodies[0].replace(b"\r\n", b"\n") == raw
    after = server.snapshot()
    assert after == before
    assert "\\Seen" not in after["INBOX"].messages[0].flags


def test_snapshot_sees_a_flag_set_and_cleared(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.add_message("INBOX", ims.make_message("one"))
    before = server.snapshot()
    assert server.snapshot() == before  # reading changes nothing
    with server.connect() as client:
        client.select("INBOX")
        client.uid("STORE", "1", "+FLAGS", "(\\Seen)")
        client.uid("STORE", "1", "-FLAGS", "(\\Seen)")
        client.logout()
    after = server.snapshot()
    assert after["INBOX"].messages == before["INBOX"].messages
    assert after["INBOX"].highestmodseq > before["INBOX"].highestmodseq


def test_kill_mid_session_and_restart_keeps_messages_uids_and_port(
        clean_imap_server):  # noqa: F811
    server = clean_imap_server
    for n in range(3):
        server.add_message("INBOX", ims.make_message(f"message {n}"), ["\\Seen"] if n else ())
    server.add_message("Sent", ims.make_message("sent"), ["\\Seen"])
    before, port, pid = server.snapshot(), server.port, server.pid

    client = server.connect()
    client.select("INBOX", readonly=True)
    server.kill()
    assert not server.running
    with pytest.raises((imaplib.IMAP4.abort, OSError)):
        client.uid("FETCH", "1:*", "(BODY.PEEK[])")
    client.shutdown()
    with pytest.raises(OSError):
        socket.create_connection((server.host, port), timeout=2).close()

    server.start()
    assert (server.port, server.running) == (port, True) and server.pid != pid
    assert server.snapshot() == before
    assert [m.uid for m in server.list_messages()] == [1, 2, 3]


def test_changing_uidvalidity(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.add_message("INBOX", ims.make_message("one"), ["\\Seen"])
    server.add_message("INBOX", ims.make_message("two"))
    server.add_message("Sent", ims.make_message("sent"), ["\\Seen"])
    before = server.snapshot()

    new = server.change_uidvalidity("INBOX")
    after = server.snapshot()
    assert new == after["INBOX"].uidvalidity != before["INBOX"].uidvalidity
    assert flags_of(list(after["INBOX"].messages)) == [{"\\Seen"}, set()]
    assert after["Sent"] == before["Sent"]  # the other folders keep theirs

    assert server.change_uidvalidity("Sent") != before["Sent"].uidvalidity
    assert server.uidvalidity("INBOX") == new


def test_too_many_connections(clean_imap_server):  # noqa: F811
    server = clean_imap_server
    server.set_connection_limit(2)
    first, second = server.connect(), server.connect()
    try:
        with pytest.raises(imaplib.IMAP4.error, match="Maximum number of connections"):
            server.connect()
    finally:
        first.logout()
        second.logout()
    # Once a session is gone its slot is free again (Dovecot counts asynchronously).
    deadline = time.monotonic() + 5
    while True:
        try:
            server.connect().logout()
            break
        except imaplib.IMAP4.error:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_a_failed_start_reports_the_log_tail():
    try:
        server = ims.DovecotServer(startup_timeout=5)
    except ims.DovecotUnavailable as reason:
        pytest.skip(str(reason))
    with server, socket.socket() as squatter:
        squatter.bind((server.host, server.port))  # the IMAPS port is taken
        squatter.listen()
        with pytest.raises(ims.DovecotStartError, match="(?s)exited while starting.*in use"):
            server.start()
        assert not server.running


def test_close_stops_every_process_and_removes_the_folder():
    try:
        server = ims.DovecotServer()
    except ims.DovecotUnavailable as reason:
        pytest.skip(str(reason))
    with server:
        server.start()
        base, port = server.base, server.port
        assert base.is_dir()
    assert not base.exists()
    with pytest.raises(OSError):
        socket.create_connection((server.host, port), timeout=2).close()


def test_missing_dovecot_is_a_skip_reason(monkeypatch):
    monkeypatch.setattr(ims, "_find", lambda name: None)
    with pytest.raises(ims.DovecotUnavailable, match="apt-get install dovecot-imapd"):
        ims.DovecotServer()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is missing")
def test_the_openssl_fallback_makes_a_usable_certificate(tmp_path):
    ims.make_certificate(tmp_path / "cert.pem", tmp_path / "key.pem", use_cryptography=False)
    text = subprocess.run(["openssl", "x509", "-noout", "-text", "-in", str(tmp_path / "cert.pem")],
                          capture_output=True, text=True, check=True).stdout
    assert "DNS:localhost" in text and "IP Address:127.0.0.1" in text
    context = ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")  # a matching pair
