"""The mailbox scan: accuracy on a labelled mailbox, every input it reads, the bad input it
refuses, and accepting its proposals."""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import zipfile
from email.message import EmailMessage

import mailcorpus as mc
import pandas as pd
import pytest

from analysis.mail.domains import domain_labels
from analysis.mail.mailbox import MailboxError, iter_messages
from analysis.mail.proposals import apply_proposals, proposal_key
from analysis.mail.scan import ScanCancelled, scan_mailbox
from analysis.model import schema as s
from analysis.model.keys import company_key
from analysis.stats import metrics

AS_OF = dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def corpus():
    return mc.build()


@pytest.fixture(scope="module")
def scan(corpus):
    return scan_mailbox(corpus.mbox(), corpus.tracker(), as_of=AS_OF)


def test_the_labelled_mailbox_has_what_the_goals_need(corpus):
    assert len(corpus.messages) >= 300


def test_accuracy_on_the_labelled_mailbox(corpus, scan):
    """Precision at least 0.97 for statuses and 0.95 overall, recall at least 0.90."""
    table = mc.accuracy(corpus, scan.proposals).set_index("column")
    assert table.loc["status", "precision"] >= 0.97
    assert table.loc["all", "precision"] >= 0.95
    assert table.loc["all", "recall"] >= 0.90


def test_bulk_mail_never_proposes_anything(corpus, scan):
    bulk_ids = {m["Message-ID"] for m in corpus.messages
                if "List-Unsubscribe" in m or "Precedence" in m
                or "alert@" in str(m["From"]) or "jobalerts" in str(m["From"])}
    assert bulk_ids and not set(scan.proposals["message_id"]) & bulk_ids
    assert scan.stats["skipped as bulk"] >= 150


def test_stats_and_the_inferred_address(corpus, scan):
    assert scan.stats["messages read"] == len(corpus.messages)
    assert scan.stats["matched"] > 0 and scan.stats["unreadable"] == 0
    assert scan.stats["seconds"] > 0
    assert scan.me == mc.ME


def test_proposals_carry_their_evidence(scan):
    proposals = scan.proposals
    assert list(proposals.columns) == ["row", "company", "role", "column", "value", "kind",
                                       "confidence", "message_date", "sender", "subject",
                                       "snippet", "message_id"]
    assert proposals["snippet"].str.len().max() <= 200
    assert proposals["confidence"].between(0, 1).all()
    known = proposals[proposals["row"].notna()]
    assert not known.duplicated(["row", "column"]).any()  # one per application and column
    assert proposals.loc[proposals["row"].isna(), "company"].is_unique
    assert set(proposals["column"]) <= {*s.APPLICATION_COLUMN_NAMES}


def test_unable_to_offer_is_a_rejection_not_an_offer(corpus, scan):
    tracker = corpus.tracker()
    hooli = tracker.index[tracker["company"] == "Hooli"][0]
    status = scan.proposals[(scan.proposals["row"] == hooli)
                            & (scan.proposals["column"] == "status")]
    assert status["value"].tolist() == ["rejected"]


def test_nothing_is_proposed_that_the_tracker_holds(corpus, scan):
    tracker = corpus.tracker()
    updated = apply_proposals(tracker, scan.proposals[scan.proposals["row"].notna()])
    again = scan_mailbox(corpus.mbox(), updated, as_of=AS_OF)
    assert again.proposals["row"].notna().sum() == 0


def test_accepting_writes_values_and_adds_new_applications(corpus, scan):
    tracker = corpus.tracker()
    updated = apply_proposals(tracker, scan.proposals)
    new = scan.proposals["row"].isna().sum()
    assert new == 3 and len(updated) == len(tracker) + new
    assert updated.dtypes.to_dict() == tracker.dtypes.to_dict()
    assert set(updated["company"].tail(3)) == {"Zorg Logistics", "Bluth Company",
                                               "Sirius Cybernetics"}
    assert updated[s.STATUS].tail(3).eq("applied").all()
    rejected = scan.proposals[(scan.proposals["column"] == "status")
                              & (scan.proposals["value"] == "rejected")]
    row = int(rejected["row"].iloc[0])
    assert updated.loc[row, s.STATUS] == "rejected" and tracker.loc[row, s.STATUS] == "applied"


def test_a_linkedin_export_plus_its_mailbox_has_real_reply_rates(corpus, scan):
    """LinkedIn's export knows no replies; after accepting the mail's, the rates are real."""
    tracker = corpus.tracker().assign(status="applied")
    before = metrics.kpis(tracker, as_of=AS_OF)
    assert before.replies_known == 0
    found = scan_mailbox(corpus.mbox(), tracker, as_of=AS_OF)
    after = metrics.kpis(apply_proposals(tracker, found.proposals), as_of=AS_OF)
    assert after.replies_known >= 20 and after.responses >= 20 and after.interviews >= 5


def test_declined_proposals_are_known_by_message_and_column(scan):
    keys = proposal_key(scan.proposals)
    assert keys.is_unique and keys.str.contains(r"\|").all()


# --- reading ----------------------------------------------------------------------------------

def message(subject: str, body: str = "Hello", *, sender: str = "Ana <ana@acme.example>",
            date: str | None = "Tue, 03 Nov 2026 10:00:00 +0000") -> EmailMessage:
    built = EmailMessage()
    built["From"] = sender
    built["To"] = "me@mail.example"
    built["Subject"] = subject
    if date is not None:
        built["Date"] = date
    built.set_content(body)
    return built


def test_eml_files_a_zip_of_them_and_a_folder(tmp_path):
    first, second = message("One"), message("Two")
    (tmp_path / "one.eml").write_bytes(first.as_bytes())
    (tmp_path / "two.eml").write_bytes(second.as_bytes())
    assert len(list(iter_messages([tmp_path / "one.eml", tmp_path / "two.eml"]))) == 2
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mail/one.eml", first.as_bytes())
        archive.writestr("mail/two.eml", second.as_bytes())
    assert len(list(iter_messages(buffer.getvalue()))) == 2
    folder = tmp_path / "Inbox.mbox"
    folder.mkdir()
    (folder / "mbox").write_bytes(b"From a@b Tue Nov 03 10:00:00 2026\n" + first.as_bytes())
    assert len(list(iter_messages(folder))) == 1


def test_from_lines_inside_bodies_do_not_split_messages():
    body = "Hi\n\nFrom what I hear, the team liked you.\n>From the notes: good\nBye"
    mbox = (b"From a@b Tue Nov 03 10:00:00 2026\n" + message("One", body).as_bytes()
            + b"\nFrom a@b Tue Nov 03 11:00:00 2026\n" + message("Two").as_bytes())
    found = list(iter_messages(mbox))
    assert len(found) == 2
    assert b"From the notes" in found[0].data  # mboxrd quoting undone


@pytest.mark.parametrize(("data", "problem"), [
    (b"Company,Role\nAcme,Analyst\n", "this is a spreadsheet"),
    (b"", "empty"),
    (b"%PDF-1.7 something", "not a mailbox"),
])
def test_what_is_not_a_mailbox_gets_one_clear_message(data, problem):
    with pytest.raises(MailboxError, match=problem):
        list(iter_messages(data, name="export.mbox"))


def test_zips_with_escaping_names_or_that_unpack_to_too_much_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../evil.eml", message("x").as_bytes())
    with pytest.raises(MailboxError, match="outside itself"):
        list(iter_messages(buffer.getvalue(), name="mail.zip"))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.eml", b"A" * (80 * 1024 * 1024))
    with pytest.raises(MailboxError, match="would unpack"):
        list(iter_messages(bomb.getvalue(), name="bomb.zip"))


def test_broken_messages_are_counted_not_fatal():
    """A truncated mbox, missing and malformed dates and headers, an undecodable charset,
    a nested message/rfc822, an oversized message: the scan goes on and counts them."""
    nested = EmailMessage()
    nested["From"] = "hr@acme.example"
    nested["Subject"] = "Fwd"
    nested["Date"] = "Tue, 03 Nov 2026 12:00:00 +0000"
    nested.set_content("see attached")
    nested.add_attachment(message("Inner rejection", "Unfortunately, we have decided to "
                                  "move forward with other candidates."))
    odd_charset = (b"From: Ana <ana@acme.example>\nTo: me@mail.example\nSubject: Charset\n"
                   b"Date: Tue, 03 Nov 2026 10:00:00 +0000\nContent-Type: text/plain; "
                   b"charset=x-unknown\n\n\xff\xfe Unfortunately, we have decided to move "
                   b"forward with other candidates.\n")
    parts = [message("No date", date=None).as_bytes(),
             message("Bad date", date="yesterday-ish").as_bytes(),
             b"garbage without headers at all\n\n\n",
             odd_charset, nested.as_bytes(),
             message("Truncated", "Unfortunately we")
             .as_bytes()[:120]]
    mbox = b"".join(b"From x@y Tue Nov 03 10:00:00 2026\n" + p + b"\n" for p in parts)
    tracker = mc.apps_frame([{"company": "Acme", "date_applied": "2026-10-01"}])
    found = scan_mailbox(mbox, tracker, as_of=AS_OF, me="me@mail.example")
    assert found.stats["messages read"] == len(parts)
    assert found.stats["unreadable"] >= 1
    rejected = found.proposals[found.proposals["column"] == "status"]
    assert rejected["value"].tolist() == ["rejected"]


def test_an_oversized_message_is_skipped(monkeypatch):
    from analysis.mail import mailbox

    monkeypatch.setattr(mailbox, "MAX_MESSAGE_BYTES", 2_000)
    big = message("Big", "x" * 50_000).as_bytes()
    small = message("Small").as_bytes()
    mbox = (b"From x@y Tue Nov 03 10:00:00 2026\n" + big + b"\n"
            b"From x@y Tue Nov 03 11:00:00 2026\n" + small + b"\n")
    found = list(iter_messages(mbox))
    assert [len(m.data) == 0 for m in found] == [True, False]


def test_progress_is_reported_and_can_cancel(corpus, monkeypatch):
    from analysis.mail import scan as mailscan

    monkeypatch.setattr(mailscan, "PROGRESS_SECONDS", 0)
    seen = []
    scan_mailbox(corpus.mbox(), corpus.tracker(), as_of=AS_OF,
                 progress=lambda p: seen.append((p.messages, p.share)))
    counts = [n for n, _ in seen]
    assert counts == sorted(counts) and counts[-1] == len(corpus.messages)
    assert 0 <= seen[0][1] < seen[-1][1] <= 1
    with pytest.raises(ScanCancelled):
        scan_mailbox(corpus.mbox(), corpus.tracker(), as_of=AS_OF, progress=lambda p: False)


def test_messages_before_the_application_do_not_count():
    tracker = mc.apps_frame([{"company": "Acme", "date_applied": "2026-11-10"}])
    early = message("Interview", "We would like to invite you to an interview.")
    mbox = b"From x@y Tue Nov 03 10:00:00 2026\n" + early.as_bytes()
    assert scan_mailbox(mbox, tracker, as_of=AS_OF, me="me@mail.example").proposals.empty


def test_role_words_pick_the_application_when_a_company_has_several():
    tracker = mc.apps_frame([
        {"company": "Acme", "role": "Data Engineer", "date_applied": "2026-10-01"},
        {"company": "Acme", "role": "Product Analyst", "date_applied": "2026-10-02"}])
    note = message("Your application for Product Analyst", "Unfortunately, we have decided "
                   "to move forward with other candidates for the Product Analyst role.")
    mbox = b"From x@y Tue Nov 03 10:00:00 2026\n" + note.as_bytes()
    found = scan_mailbox(mbox, tracker, as_of=AS_OF, me="me@mail.example").proposals
    assert set(found["row"]) == {1}


@pytest.mark.parametrize(("name", "key"), [
    ("Acme Systems GmbH", "acmesystems"), ("Initech Ltd.", "initech"),
    ("Société Générale S.A.", "societegenerale"), ("Müller & Co. KG", "muller"),
])
def test_company_keys_fold_diacritics_and_drop_legal_suffixes(name, key):
    assert company_key(name) == key


def test_domain_labels_skip_generic_parts():
    assert domain_labels("no-reply@careers.acme.co.uk") == ["acme"]
    assert domain_labels("x@mail.globex.com") == ["globex"]


def test_a_rfc2047_subject_and_an_html_only_body_are_read():
    note = EmailMessage()
    note["From"] = "=?utf-8?q?Jos=C3=A9?= <jose@acme.example>"
    note["To"] = "me@mail.example"
    note["Subject"] = "=?utf-8?b?" + __import__("base64").b64encode(
        "Entrevista – Analista".encode()).decode() + "?="
    note["Date"] = email.utils.format_datetime(dt.datetime(2026, 11, 3, 10, tzinfo=dt.UTC))
    note.set_content("<html><body><p>Nos gustaría invitarte a una entrevista el 10 de "
                     "noviembre a las 11:00.</p></body></html>", subtype="html")
    tracker = mc.apps_frame([{"company": "Acme", "date_applied": "2026-10-01"}])
    found = scan_mailbox(b"From x@y Tue Nov 03 10:00:00 2026\n" + note.as_bytes(), tracker,
                         as_of=AS_OF, me="me@mail.example").proposals.set_index("column")
    assert found.loc["status", "value"] == "interviewing"
    assert found.loc["interview_date", "value"] == pd.Timestamp("2026-11-10")
    assert found.loc["contact_name", "value"] == "José"


# --- the review of the proposals ----------------------------------------------------------------

def test_the_review_ticks_the_sure_ones_and_splits_accepted_from_declined(scan):
    from analysis.mail import proposals as p

    table = p.review_table(scan.proposals)
    shown = p.with_choices(table, threshold=0.85)
    assert shown["accept"].tolist() == (table["confidence"] >= 0.85).tolist()
    assert not shown["decline"].any() and "accept" not in table  # the table is left as it was
    choices = shown[["accept", "decline"]].copy()
    choices.loc[0, ["accept", "decline"]] = [True, True]  # ticked both: declining wins
    choices.loc[1, ["accept", "decline"]] = [True, False]
    accepted, refused = p.reviewed(table, choices)
    assert refused["key"].tolist() == [table.loc[0, "key"]]
    assert table.loc[1, "key"] in set(accepted["key"]) and table.loc[0, "key"] not in \
        set(accepted["key"])
    assert len(accepted) == int((choices["accept"] & ~choices["decline"]).sum())
    new, applications = p.review_counts(table)
    assert new == int(table["row"].isna().sum()) and new > 0
    assert applications == table["application"].nunique() and applications <= len(table)


def test_declined_keys_gather_old_and_new_once():
    from analysis.mail import proposals as p

    refused = pd.DataFrame({"key": ["m3|status", "m1|decision_date"]})
    assert p.declined_keys({"m1|decision_date", "m0|status"}, refused) == [
        "m0|status", "m1|decision_date", "m3|status"]
    assert p.declined_keys([], refused.iloc[:0]) == []


def test_the_review_of_nothing_and_of_one_proposal(scan):
    from analysis.mail import proposals as p

    empty = p.review_table(scan.proposals.iloc[:0])
    shown = p.with_choices(empty, threshold=0.5)
    accepted, refused = p.reviewed(empty, shown)
    assert accepted.empty and refused.empty and p.review_counts(empty) == (0, 0)
    one = p.review_table(scan.proposals.iloc[:1])
    accepted, refused = p.reviewed(one, p.with_choices(one, threshold=0.0))
    assert len(accepted) == 1 and refused.empty
    assert p.review_counts(one)[1] == 1
