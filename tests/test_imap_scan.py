"""Reading a real mail server (the Dovecot of tests/imapserver.py) with ``scan_imap``: the same
proposals as a file scan of the same messages, only new mail read, nothing changed on the
server, nothing lost or read twice when the server dies, and every fault a sentence."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import imapserver as ims
import mailcorpus
import pandas as pd
import pytest
from imapserver import clean_imap_server, imap_server  # noqa: F401  (pytest fixtures)

from analysis import scan_imap, scan_mailbox
from analysis.mail import ServerProgress
from analysis.mail.imap import MailServerError, SyncState
from analysis.mail.proposals import DECLINED_SETTING, proposal_key, review_table
from analysis.mail.scan import ScanCancelled
from analysis.mail.server_scan import SINCE_MARGIN_DAYS, mail_since, message_id

KEY = ["company", "role", "column", "value", "message_id"]


@pytest.fixture
def server(clean_imap_server: ims.DovecotServer) -> ims.DovecotServer:  # noqa: F811
    """The test Dovecot, emptied and running."""
    return clean_imap_server


@pytest.fixture(scope="module")
def corpus() -> mailcorpus.Corpus:
    return mailcorpus.build()


@pytest.fixture(scope="module")
def file_scan(corpus):
    """The proposals the mailbox exported as one mbox file gives."""
    return scan_mailbox(corpus.mbox(), corpus.tracker(), me=mailcorpus.ME)


def deliver(server: ims.DovecotServer, corpus: mailcorpus.Corpus) -> None:
    """The corpus as a mail server holds it: sent mail in Sent, the rest in INBOX."""
    for built in corpus.messages:
        folder = "Sent" if "Sent" in built["X-Gmail-Labels"] else "INBOX"
        server.add_message(folder, built.as_bytes(), ["\\Seen"] if len(built["Subject"]) % 2
                           else ())


def scan(server: ims.DovecotServer, tracker: pd.DataFrame, **options):
    settings = {"port": server.port, "fingerprint": server.fingerprint_hex,
                "me": mailcorpus.ME}
    settings.update(options)
    return scan_imap(server.host, server.user, server.password, tracker, **settings)


def keyed(proposals: pd.DataFrame) -> pd.DataFrame:
    return proposals[KEY].astype(str).sort_values(KEY).reset_index(drop=True)


def test_the_same_proposals_as_a_file_scan_of_the_same_messages(server, corpus,
                                                                  file_scan):
    deliver(server, corpus)
    state = SyncState()
    found = scan(server, corpus.tracker(), state=state)
    assert len(file_scan.proposals) > 100
    pd.testing.assert_frame_equal(keyed(found.proposals), keyed(file_scan.proposals))
    assert found.stats["messages read"] == 303 and found.stats["folders"] == 2
    # Headers first; only the messages tied to an application are read in full.
    assert found.stats["read in full"] == found.stats["matched"] < 120
    assert found.stats["skipped as bulk"] == file_scan.stats["skipped as bulk"]
    assert len(state.seen) == found.stats["read in full"]
    assert all(folder.pending == () for folder in state.values())


def test_three_messages_appended_give_exactly_three_new_messages_read(server, corpus):
    deliver(server, corpus)
    tracker = corpus.tracker()
    state = SyncState.from_json(SyncState().to_json())
    scan(server, tracker, state=state)
    saved = SyncState.from_json(state.to_json())  # as the workspace keeps it
    acme = "careers@acme-systems.de"
    for number in range(3):
        server.add_message("INBOX", ims.make_message(
            f"Ihre Bewerbung {number}", sender=f"Acme Careers <{acme}>", to=mailcorpus.ME,
            body="Leider müssen wir Ihnen mitteilen, dass wir uns für andere Bewerber "
                 "entschieden haben.\n", message_id=f"<late{number}@acme-systems.de>"))
    again = scan(server, tracker, state=saved)
    assert again.stats["new messages"] == 3 and again.stats["messages read"] == 3
    assert again.stats["read in full"] == 3
    assert set(again.evidence["message_id"]) <= {f"<late{n}@acme-systems.de>" for n in range(3)}
    assert scan(server, tracker, state=saved).stats["messages read"] == 0


def test_flags_and_uids_unchanged_after_a_scan(server, corpus):
    deliver(server, corpus)
    before = server.snapshot()
    assert any("\\Seen" not in m.flags for m in before["INBOX"].messages)
    found = scan(server, corpus.tracker(), state=SyncState())
    assert found.stats["read in full"] > 50
    assert server.snapshot() == before


@pytest.mark.parametrize("when", ["headers", "bodies"])
def test_the_server_killed_mid_scan_then_the_next_scan_loses_nothing(
        server, corpus, file_scan, when):
    """The fixture kills Dovecot while the headers come (after the first batch) or while the
    chosen messages are read in full; the next scan, once it is back, gives every proposal
    of the file scan, each once."""
    deliver(server, corpus)
    state = SyncState()

    def kill(progress: ServerProgress) -> None:
        reading_bodies = progress.expected > 303
        if server.running and (reading_bodies if when == "bodies" else progress.messages >= 100):
            server.kill()

    with pytest.raises(MailServerError, match="closed the connection|could not be reached|"
                                              "refused the connection") as fault:
        scan(server, corpus.tracker(), state=state, progress=kill)
    assert server.password not in str(fault.value)
    kept = SyncState.from_json(state.to_json())
    assert kept, "what was read before the fault is kept"
    if when == "bodies":
        assert sum(len(folder.pending) for folder in kept.values()) > 50
    server.start()
    again = scan(server, corpus.tracker(), state=kept)
    pd.testing.assert_frame_equal(keyed(again.proposals), keyed(file_scan.proposals))
    assert not again.proposals.duplicated(KEY).any()
    assert all(folder.pending == () for folder in kept.values())
    assert scan(server, corpus.tracker(), state=kept).proposals.empty


def test_a_stop_keeps_what_was_read_and_the_next_scan_carries_on(server, corpus,
                                                                  file_scan):
    deliver(server, corpus)
    state = SyncState()
    with pytest.raises(ScanCancelled):
        scan(server, corpus.tracker(), state=state, progress=lambda p: p.messages < 100)
    assert 0 < sum(folder.last_uid for folder in state.values()) < 303
    again = scan(server, corpus.tracker(), state=state)
    pd.testing.assert_frame_equal(keyed(again.proposals), keyed(file_scan.proposals))


@pytest.mark.parametrize("fault", ["password", "certificate"])
def test_a_wrong_password_and_an_untrusted_certificate_give_their_sentence(
        server, corpus, fault):
    deliver(server, corpus)
    state = SyncState()
    if fault == "password":
        with pytest.raises(MailServerError, match="refused the login for "
                                                  "jobseeker@example.test") as raised:
            scan_imap(server.host, server.user, "not-" + server.password, corpus.tracker(),
                      port=server.port, fingerprint=server.fingerprint_hex, state=state)
        assert raised.value.kind == "login" and server.password not in str(raised.value)
    else:
        with pytest.raises(MailServerError, match="is not trusted") as raised:
            scan_imap(server.host, server.user, server.password, corpus.tracker(),
                      port=server.port, state=state)
        assert raised.value.kind == "certificate"
        assert raised.value.fingerprint == server.fingerprint_hex
        assert server.fingerprint_sha256 in str(raised.value)
    assert len(state) == 0 and not state.seen


def test_already_declined_proposals_are_not_offered_again(server, corpus):
    """A message read once is never offered again: not after its folder is renumbered, not
    as a copy in another folder; and the review leaves out what was declined."""
    deliver(server, corpus)
    state = SyncState()
    first = scan(server, corpus.tracker(), state=state)
    declined = set(proposal_key(first.proposals.head(5)))
    assert len(review_table(first.proposals, declined=declined)) == len(first.proposals) - 5
    server.change_uidvalidity("INBOX")
    for built in corpus.messages[:40]:
        server.add_message("Archive", built.as_bytes())
    again = scan(server, corpus.tracker(), state=state, folders=["INBOX", "\\Sent", "Archive"])
    assert again.proposals.empty
    assert again.stats["already read"] >= len(first.evidence) and again.stats["read in full"] == 0
    assert DECLINED_SETTING == "mail_declined"


def test_only_mail_since_the_earliest_application_less_a_margin_is_read(
        server, corpus):
    tracker = corpus.tracker()
    since = mail_since(tracker)
    assert since == (tracker["date_applied"].min() - pd.Timedelta(days=SINCE_MARGIN_DAYS)).date()
    old = dt.datetime.combine(since - dt.timedelta(days=3), dt.time(12), tzinfo=dt.UTC)
    server.add_message("INBOX", ims.make_message("Old news", date=old), date=old)
    server.add_message("INBOX", ims.make_message("Recent news"))
    found = scan(server, tracker, state=SyncState(), me=None)
    assert found.stats["messages read"] == 1
    assert found.me == server.user  # the account's address, when none is given


def test_message_ids_are_read_from_the_header_block_only():
    assert message_id(b"Subject: x\r\n\r\nMessage-ID: <quoted@x>\r\n") is None
    assert message_id(b"message-id:   <a@b>\nTo: c\n\nbody") == "<a@b>"


def test_the_command_line_reads_the_server_and_keeps_its_place_only_where_told(
        server, corpus, tmp_path, monkeypatch):
    """`jobsearch mail --imap HOST:PORT --user ADDRESS --trust-fingerprint SHA256 TRACKER
    --state FILE --out proposals.csv`: the password from the environment, never printed or
    kept; a second run reads nothing new."""
    import subprocess
    import sys

    from conftest import ROOT

    deliver(server, corpus)
    tracker = tmp_path / "tracker.csv"
    corpus.tracker().rename(columns={"company": "Company", "role": "Role",
                                     "date_applied": "Date applied", "status": "Status",
                                     "job_url": "Job URL"})[
        ["Company", "Role", "Date applied", "Status", "Job URL"]].to_csv(tracker, index=False)
    state = tmp_path / "state.json"

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "analysis", "mail", "--imap", f"{server.host}:{server.port}",
             "--user", server.user, "--trust-fingerprint", server.fingerprint_sha256,
             "--me", mailcorpus.ME, str(tracker), "--state", str(state), *extra],
            cwd=ROOT, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
            env={**os.environ, "JOBSEARCH_IMAP_PASSWORD": server.password,
                 "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})

    done = run("--out", str(tmp_path / "p.csv"))
    assert done.returncode == 0, done.stderr
    assert "Read 303 new messages on" in done.stderr
    assert "proposals (review them in the dashboard's Mail page)" in done.stdout
    assert "Your thank-you note" in done.stdout and "sent_thank_you" not in done.stdout
    assert len(pd.read_csv(tmp_path / "p.csv")) > 100
    for text in (done.stdout, done.stderr, state.read_text()):
        assert server.password not in text
    again = run()
    assert again.returncode == 0 and "Read 0 new messages" in again.stderr
    wrong = subprocess.run(
        [sys.executable, "-m", "analysis", "mail", "--imap", f"{server.host}:{server.port}",
         "--user", server.user, str(tracker)], cwd=ROOT, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL,
        env={**os.environ, "JOBSEARCH_IMAP_PASSWORD": "wrong",
             "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert wrong.returncode == 1 and "is not trusted" in wrong.stderr


def test_the_mail_page_checks_the_server_trusts_its_certificate_and_reviews(
        server, corpus, monkeypatch, tmp_path):
    """A user with their tracker imported types their server, address and password, presses
    Check now, is shown the certificate's fingerprint to trust, trusts it, reviews the same
    proposals as a file, and accepts; the password is remembered only in the keyring (a fake
    one here) when ticked, and is nowhere in the workspace."""
    from test_pages import choices, mail_tracker, start, upload

    from ui import mail_server

    keyring: dict[tuple[str, str], str] = {}
    monkeypatch.setattr(mail_server, "keyring_problem", lambda: None)
    monkeypatch.setattr(mail_server, "saved_password", lambda h, u: keyring.get((h, u)))
    monkeypatch.setattr(mail_server, "remember_password",
                        lambda h, u, p: keyring.__setitem__((h, u), p))
    monkeypatch.setattr(mail_server, "forget_password", lambda h, u: keyring.pop((h, u), None))
    deliver(server, corpus)
    at = upload(start("pages/mail.py"), "tracker.csv", mail_tracker(corpus))
    at.selectbox(key="mail_imap_provider").set_value("Another server").run()
    at.text_input(key="mail_imap_host").set_value(server.host)
    at.number_input(key="mail_imap_port").set_value(server.port)
    at.text_input(key="mail_imap_user").set_value(server.user).run()
    at.text_input(key="mail_imap_password_0").set_value(server.password)
    at.checkbox(key="mail_imap_remember").check().run()
    next(b for b in at.button if b.label == "Check now").click().run()
    assert not at.exception, at.exception
    assert any("not from a public authority" in w.value for w in at.warning)
    assert server.fingerprint_sha256 in " ".join(c.value for c in at.code)
    assert not keyring  # nothing kept from a check that did not connect
    next(b for b in at.button if b.label.startswith("They are the same")).click().run()
    at.text_input(key="mail_imap_password_1").set_value(server.password).run()
    next(b for b in at.button if b.label == "Check now").click().run()
    assert not at.exception, at.exception
    assert keyring == {(server.host, server.user): server.password}
    assert any("Last checked" in c.value and "303 new messages" in c.value for c in at.caption)
    assert "not reviewed yet" in " ".join(m.value for m in at.markdown)
    assert len(choices(at)) == 20
    at.run()  # a reload: the proposals are still there, and the password is not asked
    assert len(choices(at)) == 20
    accept = next(b for b in at.button if b.label.startswith("Accept "))
    accept.click().run()
    assert not at.exception, at.exception
    assert any("Saved as a new version" in s.value for s in at.success)
    next(b for b in at.button if b.label == "Check now").click().run()  # the keyring's
    assert not at.exception, at.exception
    assert any("0 new messages" in c.value for c in at.caption)
    from ui.workspace import workspace_path
    data = b"".join(p.read_bytes() for p in Path(workspace_path()).parent.glob("*sqlite3*"))
    assert server.password.encode() not in data and b"mail_servers" in data


@pytest.mark.browser
def test_the_mail_page_in_a_real_browser(server, corpus, browser, tmp_path):
    """In Chromium: a user imports their tracker, types their server, trusts its certificate
    after comparing the fingerprint, checks, declines one proposal and accepts the rest; axe-core
    finds nothing serious on the page with the proposals under review."""
    import re

    from conftest import serve_dashboard
    from test_browser import SETTLED, go_to, serious_violations
    from test_pages import mail_tracker

    deliver(server, corpus)
    tracker = tmp_path / "tracker.csv"
    tracker.write_bytes(mail_tracker(corpus))
    with serve_dashboard(tmp_path / "workspace.sqlite3") as url:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(url)
        page.wait_for_selector(SETTLED, timeout=30_000)
        with page.expect_file_chooser() as chooser:
            page.get_by_test_id("stFileUploaderDropzone").first.click()
        chooser.value.set_files(str(tracker))
        page.get_by_text("30 applications").first.wait_for(timeout=30_000)
        go_to(page, "Mail")

        def settle() -> None:
            page.wait_for_timeout(300)
            page.wait_for_selector(SETTLED, timeout=60_000)

        page.get_by_label("Provider", exact=True).click()
        page.get_by_role("option", name="Another server").click()
        settle()
        page.get_by_label("Server", exact=True).fill(server.host)
        page.get_by_label("Port", exact=True).fill(str(server.port))
        page.get_by_label("Address", exact=True).fill(server.user)
        page.keyboard.press("Enter")
        settle()
        for attempt in range(2):
            page.get_by_label("Password", exact=True).fill(server.password)
            page.keyboard.press("Enter")
            settle()
            page.get_by_role("button", name="Check now").click()
            settle()
            if attempt == 0:
                page.get_by_text(server.fingerprint_sha256).first.wait_for(timeout=30_000)
                page.get_by_role("button", name=re.compile("trust this certificate")).click()
                settle()
        page.get_by_text("not reviewed yet").wait_for(timeout=30_000)
        assert not serious_violations(page)
        page.get_by_role("radio", name="Decline").first.click(force=True)
        settle()
        page.get_by_role("button", name=re.compile(r"Accept \d+ and decline 1")).click()
        page.get_by_text("Saved as a new version").first.wait_for(timeout=30_000)
        page.close()
