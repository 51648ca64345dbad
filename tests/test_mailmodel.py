"""The mail reader's learned reading (analysis/mail/learned.py): its shipped weights, what it
reads in the languages it was trained on, and how it is weighed against the rules."""

from __future__ import annotations

import datetime as dt
import time
import tomllib
from pathlib import Path

import pytest

from analysis.mail import learned
from analysis.mail import meaning as mm

ROOT = Path(__file__).resolve().parent.parent
AT = dt.datetime(2026, 11, 17, 10, 0, tzinfo=dt.UTC)


def test_the_weights_ship_with_the_package_and_load_in_well_under_a_second() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "mail/meaning_model.npz" in data["tool"]["setuptools"]["package-data"]["analysis"]
    assert learned.available()
    assert learned.MODEL.stat().st_size < 50 * 1024 * 1024
    learned._weights.cache_clear()
    began = time.perf_counter()
    coef, intercept, idf, classes = learned._weights()
    assert time.perf_counter() - began < 1.0
    assert coef.shape == (len(classes), learned.SIZE) and idf.shape == (learned.SIZE,)
    assert set(classes) == set(learned.KINDS)


def test_the_reader_s_arithmetic_gives_what_the_fitted_model_gave() -> None:
    """The features, their weighting and the softmax computed here match scikit-learn's
    own probabilities for the messages kept with the weights (one per label), to the
    rounding of the weights to float16."""
    import numpy as np

    with np.load(learned.MODEL) as saved:
        texts, expected = list(saved["check_texts"]), saved["check_probabilities"]
        classes = [str(c) for c in saved["classes"]]
    assert len(texts) == len(classes)
    for text, wanted in zip(texts, expected, strict=True):
        said = learned.probabilities(str(text))
        assert [said[c] for c in classes] == pytest.approx(wanted.tolist(), abs=0.01)
    subject, _, body = str(texts[0]).partition("\n")
    assert learned.reading(subject, body)[0] == max(
        learned.probabilities(str(texts[0])).items(), key=lambda kv: kv[1])[0]


def test_the_probabilities_of_a_message_sum_to_one() -> None:
    said = learned.probabilities("Thank you for applying. We have received your application.")
    assert sum(said.values()) == pytest.approx(1.0)
    assert max(said, key=lambda k: said[k]) == "acknowledgement"


@pytest.mark.parametrize(("subject", "body", "label"), [
    ("Your application", "Unfortunately we have decided to move forward with other "
     "candidates whose experience more closely matches the role.", "rejection"),
    ("Ihre Bewerbung", "Leider müssen wir Ihnen mitteilen, dass wir uns für eine andere "
     "Kandidatin entschieden haben.", "rejection"),
    ("Votre candidature", "Nous sommes au regret de vous informer que votre candidature n'a "
     "pas été retenue.", "rejection"),
    ("Einladung zum Vorstellungsgespräch", "Wir möchten Sie gerne am Dienstag, 3. November "
     "um 10 Uhr zu einem Gespräch in unser Büro einladen.", "interview"),
    ("Entrevista", "Nos gustaría invitarte a una entrevista el jueves 5 de noviembre a las "
     "11:00 por Teams.", "interview"),
    ("Offer", "We are delighted to offer you the position of Data Analyst at a salary of "
     "£48,000. Please let us know by Friday.", "offer"),
    ("Online assessment", "As the next step, please complete the online coding assessment "
     "on HackerRank within 5 days.", "assessment"),
])
def test_the_model_reads_plain_steps_in_several_languages(subject: str, body: str,
                                                         label: str) -> None:
    assert learned.reading(subject, body)[0] == label


def opinion(monkeypatch: pytest.MonkeyPatch, label: str, p: float, meaning: mm.Meaning, *,
            person: bool = False) -> mm.Meaning:
    monkeypatch.setattr(learned, "reading", lambda subject, body: (label, p))
    return learned.second_opinion(meaning, "", "", person=person)


def test_a_sure_model_names_the_step_the_rules_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    got = opinion(monkeypatch, "rejection", 0.93, mm.Meaning(mm.REPLY, 0.8))
    assert got == mm.Meaning(mm.REJECTION, 0.93)


def test_a_sure_model_overrules_a_step_keeping_the_rules_days(
        monkeypatch: pytest.MonkeyPatch) -> None:
    promised = dt.date(2026, 11, 20)
    invited = mm.Meaning(mm.ASSESSMENT, 0.9, promised=promised)
    got = opinion(monkeypatch, "interview", 0.7, mm.Meaning(mm.INTERVIEW, 0.9, AT, promised,
                                                              screening=True))
    assert got == mm.Meaning(mm.INTERVIEW, 0.9, AT, promised, screening=True)  # agrees
    got = opinion(monkeypatch, "interview", 0.7, invited)
    assert got == mm.Meaning(mm.INTERVIEW, 0.7, None, promised)
    got = opinion(monkeypatch, "reply", 0.8, mm.Meaning(mm.INTERVIEW, 0.9, AT, promised))
    assert got == mm.Meaning(mm.REPLY, 0.8, None, promised)  # no interview, no day of one
    got = opinion(monkeypatch, "cancelled", 0.8, mm.Meaning(mm.INTERVIEW, 0.9, AT, promised))
    assert got == mm.Meaning(mm.CANCELLED, 0.8)  # "in touch next week for a new date"


def test_an_interview_read_by_the_model_keeps_the_day_the_rules_found(
        monkeypatch: pytest.MonkeyPatch) -> None:
    got = opinion(monkeypatch, "interview", 0.8, mm.Meaning(mm.ASSESSMENT, 0.9, AT))
    assert got == mm.Meaning(mm.INTERVIEW, 0.8, AT)
    got = opinion(monkeypatch, "rejection", 0.8, mm.Meaning(mm.REPLY, 0.9, AT))
    assert got == mm.Meaning(mm.REJECTION, 0.8)


def test_the_marks_are_inclusive(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = mm.Meaning(mm.REPLY, 0.8)
    assert opinion(monkeypatch, "rejection", learned.SURE, rules).kind == mm.REJECTION
    assert opinion(monkeypatch, "rejection", 0.4999, rules) == mm.Meaning(mm.REPLY, 0.6)
    nothing = mm.Meaning(None, 0.0)
    assert opinion(monkeypatch, "offer", learned.FILLED, nothing).kind == mm.OFFER


def test_the_model_reads_the_subject_too(monkeypatch: pytest.MonkeyPatch) -> None:
    read = []
    monkeypatch.setattr(learned, "reading", lambda subject, body: read.append(subject)
                        or ("reply", 0.9))
    learned.second_opinion(mm.Meaning(mm.REJECTION, 0.9), "Absage", "Hallo")
    assert read == ["Absage"]


def test_a_system_s_mail_is_no_person_s_unless_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "reading", lambda subject, body: ("none", 0.9))
    assert learned.second_opinion(mm.Meaning(mm.OFFER, 0.9), "", "").kind is None


def test_no_step_is_a_reply_from_a_person_and_nothing_from_a_system(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rules = mm.Meaning(mm.OFFER, 0.9)
    assert opinion(monkeypatch, "none", 0.8, rules, person=True).kind == mm.REPLY
    assert opinion(monkeypatch, "acknowledgement", 0.8, rules, person=True).kind == mm.REPLY
    assert opinion(monkeypatch, "none", 0.8, rules).kind is None
    assert opinion(monkeypatch, "acknowledgement", 0.8, rules).kind == mm.ACKNOWLEDGEMENT


def test_an_unsure_model_only_lowers_the_rules_confidence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rules = mm.Meaning(mm.REJECTION, 0.95, promised=dt.date(2026, 11, 20))
    got = opinion(monkeypatch, "reply", 0.49, rules)
    assert got == mm.Meaning(mm.REJECTION, learned.DOUBTED, promised=dt.date(2026, 11, 20))
    low = mm.Meaning(mm.REJECTION, 0.4)
    assert opinion(monkeypatch, "reply", 0.3, low) == low


def test_between_kinds_that_are_no_step_the_rules_decide(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for rules in (mm.Meaning(mm.REPLY, 0.8), mm.Meaning(mm.ACKNOWLEDGEMENT, 0.9),
                  mm.Meaning(mm.NOTICE, 0.7)):
        for label in ("reply", "acknowledgement", "notice", "none"):
            assert opinion(monkeypatch, label, 0.99, rules) == rules


def test_words_the_rules_cannot_read_take_the_model_s_step_only_when_it_is_sure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    nothing = mm.Meaning(None, 0.0, promised=dt.date(2026, 11, 20))
    assert opinion(monkeypatch, "rejection", 0.95, nothing) == mm.Meaning(
        mm.REJECTION, 0.95, promised=dt.date(2026, 11, 20))
    assert opinion(monkeypatch, "rejection", learned.FILLED - 0.01, nothing) == nothing
    for label in ("reply", "acknowledgement", "notice", "none"):
        assert opinion(monkeypatch, label, 0.99, nothing) == nothing


def test_without_the_model_the_rules_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = mm.Meaning(mm.REPLY, 0.8)
    monkeypatch.setattr(learned, "USE", False)
    assert opinion(monkeypatch, "rejection", 0.99, rules) == rules
    monkeypatch.setattr(learned, "USE", True)
    monkeypatch.setattr(learned, "MODEL", ROOT / "no-such-weights.npz")
    assert opinion(monkeypatch, "rejection", 0.99, rules) == rules
