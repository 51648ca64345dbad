"""One sentence each, as recruiters, tracking systems and candidates word them in English,
German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian, Polish and Czech
(tests/mailwording.txt): the reader
gives each the meaning a person would. Received sentences are read as a recruiter's own
mail; sent ones as the person's, after an interview (after a rejection for the thanks that
answer one, after an offer for accepting or declining); "none" where the reader must find no
meaning at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.mail import meaning as mm

SENT = dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.UTC)
LINES = [line.split("|", 1) for line in
         (Path(__file__).parent / "mailwording.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(("kind", "text"), LINES, ids=[f"{k}-{i}" for i, (k, _) in
                                                       enumerate(LINES)])
def test_each_wording_means_what_a_person_reads_in_it(kind, text):
    if kind.startswith("sent_"):
        got = mm.sent_meaning("", text, after_rejection=kind == mm.SENT_REJECTION_THANKS,
                              after_interview=True, attachments=[],
                              after_offer=kind in (mm.SENT_ACCEPT, mm.SENT_DECLINE))
    else:
        got = mm.received_meaning("", text, sent=SENT, person=True, from_company=True)
    assert got.kind == (None if kind == "none" else kind)


def test_the_wordings_cover_every_language_and_kind():
    kinds = {kind for kind, _ in LINES}
    assert {mm.REJECTION, mm.OFFER, mm.INTERVIEW, mm.ASSESSMENT, mm.CANCELLED,
            mm.ACKNOWLEDGEMENT, *mm.SENT_KINDS} - {
                mm.SENT_APPLICATION, mm.SENT_SLOT, mm.SENT_ANSWER} <= kinds  # read in context
    assert len(LINES) >= 150


PROMISES = [line.split("|", 1) for line in
            (Path(__file__).parent / "mailpromises.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(("day", "text"), PROMISES)
def test_a_promised_decision_is_read_in_each_language(day, text):
    """Written on Monday 16 November 2026; "None" where the day is a deadline set for the
    person or only a condition."""
    found = mm.promised_decision(text, dt.date(2026, 11, 16))
    assert (found.isoformat() if found else "None") == day


DAYS = [line.split("|", 1) for line in
        (Path(__file__).parent / "maildays.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(("when", "text"), DAYS)
def test_an_interview_day_is_read_in_each_language(when, text):
    """Written on Monday 16 November 2026: an invitation, and the day and time it sets."""
    got = mm.received_meaning("Interview", text, sent=SENT, person=True, from_company=True)
    assert got.kind == mm.INTERVIEW
    assert got.interview_at is not None
    assert got.interview_at.strftime("%Y-%m-%d %H:%M") == when
