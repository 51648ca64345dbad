"""A company's other mail (its newsletter, its events, its product's customer calls, receipts,
password resets, job alerts from its career site, a bank's notices) and a friend's good-luck
note, none sent to a list by its headers: not one proposal. The same company's recruiter,
writing about the role, still gives hers."""

from __future__ import annotations

import datetime as dt

import mailpublic as mp
import pytest

from analysis import scan_mailbox
from analysis.mail import other_mail as om

OTHER_MAIL = [
    ("Acme Analytics <news@acme-analytics.com>",
     "Acme Analytics November product update",
     "Hi Kim,\n\nHere is what's new at Acme Analytics this month: dashboards, faster "
     "exports and a new API.\n\nRead more on our blog.\n\nYou are receiving this email "
     "because you signed up at acme-analytics.com. Unsubscribe"),
    ("Acme Analytics Events <events@acme-analytics.com>",
     "Join our talk: Data in 2027",
     "Hi Kim,\n\nJoin our talk on Thursday 3 December at 18:00 in Berlin. Our CTO "
     "will speak about data trends. Register now - seats are limited.\n\nSee you "
     "there!\nThe Acme team"),
    ("Acme Careers <careers@acme-analytics.com>",
     "Reset your password",
     "Hi Kim,\n\nWe received a request to reset the password for your candidate "
     "account. Click the link below to choose a new password. If you did not "
     "request this, ignore this email."),
    ("Borealis Bank <noreply@borealisbank.com>",
     "Your account statement is ready",
     "Dear Kim Park,\n\nYour monthly statement for account ending 4411 is now "
     "available in online banking.\n\nBorealis Bank"),
    ("Acme Careers <jobs@acme-analytics.com>",
     "New jobs at Acme Analytics that match your profile",
     "Hi Kim,\n\nWe found 3 new jobs that match your profile: Senior Data Analyst, BI "
     "Engineer, Analytics Manager. View jobs and apply today."),
    ("Lena from Acme <lena@acme-analytics.com>",
     "Quick question about your Acme account",
     "Hi Kim, I'm Lena from customer success. How are you finding Acme Analytics so "
     "far? Would you be available for a 15-minute call next week to share feedback "
     "on the product?"),
    ("Borealis Bank Talent <talent@borealisbank.com>",
     "Borealis Bank Graduate Programme 2027 is open",
     "Dear Kim,\n\nApplications for our 2027 graduate programme are now open. Find "
     "out more and apply by 15 January.\n\nBorealis Bank Talent Team"),
    ("Anna Weber <anna@weber-family.de>",
     "Viel Glück!",
     "Hallo Kim, viel Glück morgen beim Vorstellungsgespräch bei Acme! Erzähl mir "
     "danach, wie es war. Anna"),
    ("Acme Analytics <billing@acme-analytics.com>",
     "Your invoice from Acme Analytics",
     "Hi Kim, thanks for your payment of €29.00 for Acme Pro (monthly). Your "
     "receipt is attached."),
    ("Borealis Bank <security@borealisbank.com>",
     "New sign-in to your account",
     "Dear Kim, we noticed a new sign-in to your online banking on 12 November at "
     "10:42. If this was you, no action is needed."),
]


def _box(messages: list[tuple[str, str, str]]) -> dict:
    box = {"mailbox": "noise", "me": {"name": "Kim Park", "address": "kim.park@gmail.com"},
           "applications": [
               {"id": "a1", "company": "Acme Analytics", "role": "Data Analyst",
                "date_applied": "2026-10-01", "status": "applied", "source": "x",
                "job_url": None, "contact_email": None},
               {"id": "a2", "company": "Borealis Bank", "role": "Risk Analyst",
                "date_applied": "2026-10-02", "status": "applied", "source": "x",
                "job_url": None, "contact_email": None}],
           "messages": []}
    for i, (sender, subject, text) in enumerate(messages):
        box["messages"].append({
            "id": f"n-{i:03d}", "from": sender, "to": "Kim Park <kim.park@gmail.com>",
            "cc": None, "reply_to": None, "date": f"2026-11-{10 + i:02d}T10:00:00+00:00",
            "subject": subject, "text": text, "html": None, "ics": None, "headers": {},
            "in_reply_to": None})
    for message in box["messages"]:
        message["when"] = dt.datetime.fromisoformat(message["date"])
    return box


def _scan(box: dict):
    return scan_mailbox(mp.mbox(box), mp.tracker(box), as_of=dt.date(2026, 11, 30))


def test_a_companys_other_mail_proposes_nothing():
    assert _scan(_box(OTHER_MAIL)).proposals.empty


def test_its_recruiter_writing_about_the_role_still_counts():
    recruiter = ("Jess Mercer <jess@acme-analytics.com>", "Your application",
                 "Hi Kim,\n\nThanks for applying for the Data Analyst role. Are you free on "
                 "Thursday 3 December at 2pm for a 30-minute call?\n\nBest,\nJess")
    proposals = _scan(_box([*OTHER_MAIL, recruiter])).proposals
    assert set(proposals["column"]) >= {"status", "first_response_date", "interview_date",
                                        "contact_email"}
    assert set(proposals["row"]) == {0}


@pytest.mark.parametrize(("text", "about"), [
    ("Pályázatát tartaléklistán rögzítettük.", True),  # Hungarian: your application
    ("Konkursa otrā kārta – praktiskais uzdevums", True),  # Latvian: the competition's
    ("Obavijest o rezultatima javnog natječaja", True),  # Croatian: a public competition
    ("Резултати от конкурса за длъжността", True),  # Bulgarian: the post's competition
    ("Kutsu haastatteluun", True),  # Finnish: an interview
    ("Wygraj w naszym konkursie! Rabat 20% na zimowe kurtki", False),  # a shop's contest
    ("Új kollekció érkezett: nézd meg a webshopban", False),  # a shop's new collection
])
def test_the_words_of_a_job_search_in_more_languages(text, about):
    assert bool(om.APPLICATION_WORDS.search(text)) is about
