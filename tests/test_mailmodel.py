"""The mail reader's learned reading (analysis/mail/learned.py): its shipped weights, what it
reads in the languages it was trained on, and how it is weighed against the rules."""

from __future__ import annotations

import datetime as dt
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from analysis.mail import learned
from analysis.mail import meaning as mm

ROOT = Path(__file__).resolve().parent.parent
AT = dt.datetime(2026, 11, 17, 10, 0, tzinfo=dt.UTC)


def test_the_weights_ship_with_the_package_and_load_in_well_under_a_second() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    shipped = data["tool"]["setuptools"]["package-data"]["analysis"]
    for name in ("meaning_model", "own_model", "promise_model", "interview_model"):
        assert f"mail/{name}.npz" in shipped
    for model, kinds in ((learned.MODEL, learned.KINDS), (learned.OWN_MODEL, learned.OWN_KINDS),
                         (learned.PROMISE_MODEL, {"no": None, "yes": None}),
                         (learned.INTERVIEW_MODEL, {"no": None, "yes": None})):
        assert learned.available(model)
        assert model.stat().st_size < 50 * 1024 * 1024
        learned._weights.cache_clear()
        began = time.perf_counter()
        coef, intercept, idf, classes = learned._weights(model)
        assert time.perf_counter() - began < 1.0
        assert coef.shape == (max(len(classes) - (len(classes) == 2), 1), learned.SIZE)
        assert idf.shape == (learned.SIZE,) and set(classes) == set(kinds)


@pytest.mark.parametrize("model", [learned.MODEL, learned.OWN_MODEL])
def test_the_reader_s_arithmetic_gives_what_the_fitted_model_gave(model: Path) -> None:
    """The features, their weighting and the softmax computed here match scikit-learn's
    own probabilities for the messages kept with the weights (one per label), to the
    rounding of the weights to float16."""
    import numpy as np

    with np.load(model) as saved:
        texts, expected = list(saved["check_texts"]), saved["check_probabilities"]
        classes = [str(c) for c in saved["classes"]]
    assert len(texts) == len(classes)
    for text, wanted in zip(texts, expected, strict=True):
        said = learned.probabilities(str(text), model)
        assert [said[c] for c in classes] == pytest.approx(wanted.tolist(), abs=0.01)
    subject, _, body = str(texts[0]).partition("\n")
    assert learned.reading(subject, body, model)[0] == max(
        learned.probabilities(str(texts[0]), model).items(), key=lambda kv: kv[1])[0]


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


@pytest.mark.parametrize(("subject", "body", "label"), [
    ("Thank you - interview this morning", "Dear Priya, thank you for taking the time to "
     "meet me this morning. I enjoyed hearing about the team's plans.", "thank_you"),
    ("Vielen Dank für das Gespräch", "Liebe Frau Berger, herzlichen Dank für das angenehme "
     "Gespräch von heute. Ich freue mich, von Ihnen zu hören.", "thank_you"),
    ("Suivi de ma candidature", "Bonjour, j'ai postulé le 3 octobre au poste d'analyste et "
     "je souhaitais savoir où en est le processus de recrutement.", "follow_up"),
    ("Retirada de mi candidatura", "Buenos días: les escribo para retirar mi candidatura al "
     "puesto de Analista, ya que he aceptado otra oferta.", "withdraw"),
    ("Re: Offer", "Hi Owen, I'm very pleased to accept the offer for the Analytics Engineer "
     "position on the terms in your email. I've signed the contract.", "accept"),
    ("Re: Your offer", "Thank you so much for the offer. After a lot of thought I have "
     "decided to decline it, as I have accepted a role elsewhere.", "decline"),
])
def test_the_own_mail_model_reads_the_person_s_plain_messages(subject: str, body: str,
                                                              label: str) -> None:
    assert learned.reading(subject, body, learned.OWN_MODEL)[0] == label


def own(monkeypatch: pytest.MonkeyPatch, label: str, p: float, meaning: mm.Meaning,
        **context: bool) -> mm.Meaning:
    monkeypatch.setattr(learned, "reading", lambda subject, body, model=None: (
        (label, p) if model == learned.OWN_MODEL else ("reply", 1.0)))
    return learned.own_opinion(meaning, "", "", **context)


def test_a_sure_own_mail_model_overrules_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    nothing = mm.Meaning(None, 0.0)
    assert own(monkeypatch, "thank_you", 0.9, nothing) == mm.Meaning(mm.SENT_THANK_YOU, 0.9)
    assert own(monkeypatch, "withdraw", learned.SURE, mm.Meaning(mm.SENT_FOLLOW_UP, 0.85)
               ) == mm.Meaning(mm.SENT_WITHDRAW, learned.SURE)
    assert own(monkeypatch, "none", 0.8, mm.Meaning(mm.SENT_APPLICATION, 0.75)).kind is None
    agreed = mm.Meaning(mm.SENT_FOLLOW_UP, 0.85)
    assert own(monkeypatch, "follow_up", 0.6, agreed) == agreed


def test_an_unsure_own_mail_model_only_lowers_the_rules_confidence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert own(monkeypatch, "decline", 0.49, mm.Meaning(mm.SENT_ACCEPT, 0.9)) == mm.Meaning(
        mm.SENT_ACCEPT, learned.DOUBTED)
    nothing = mm.Meaning(None, 0.0)
    assert own(monkeypatch, "decline", 0.49, nothing) == nothing


def test_what_the_rules_know_of_the_thread_stays_theirs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    slot = mm.Meaning(mm.SENT_SLOT, 0.85, interview_at=AT)
    assert own(monkeypatch, "none", 0.95, slot) == slot  # a slot chosen is "none" to the model
    assert own(monkeypatch, "withdraw", 0.95, slot).kind == mm.SENT_WITHDRAW
    # thanks after a no are the thanks after a rejection
    assert own(monkeypatch, "thank_you", 0.9, mm.Meaning(None, 0.0), after_rejection=True
               ) == mm.Meaning(mm.SENT_REJECTION_THANKS, 0.9)
    # after an offer, thanks or a follow-up answer it in words that neither accept nor decline
    answered = mm.Meaning(mm.SENT_ANSWER, 0.6)
    for label in ("thank_you", "follow_up", "none"):
        assert own(monkeypatch, label, 0.9, answered, after_offer=True) == answered
    assert own(monkeypatch, "thank_you", 0.9, mm.Meaning(None, 0.0), after_offer=True
               ) == mm.Meaning(mm.SENT_ANSWER, learned.DOUBTED)
    assert own(monkeypatch, "accept", 0.9, answered, after_offer=True) == mm.Meaning(
        mm.SENT_ACCEPT, 0.9)


@pytest.mark.parametrize(("read", "weights", "label", "rules"), [
    pytest.param(opinion, "MODEL", "rejection", mm.Meaning(mm.REPLY, 0.8), id="received"),
    pytest.param(own, "OWN_MODEL", "withdraw", mm.Meaning(mm.SENT_FOLLOW_UP, 0.85), id="own"),
])
def test_without_a_model_the_rules_read_alone(
        monkeypatch: pytest.MonkeyPatch, read: Callable[..., mm.Meaning], weights: str,
        label: str, rules: mm.Meaning) -> None:
    monkeypatch.setattr(learned, "USE", False)
    assert read(monkeypatch, label, 0.99, rules) == rules
    monkeypatch.setattr(learned, "USE", True)
    monkeypatch.setattr(learned, weights, ROOT / "no-such-weights.npz")
    assert read(monkeypatch, label, 0.99, rules) == rules


@pytest.mark.parametrize("model", [learned.PROMISE_MODEL, learned.INTERVIEW_MODEL])
def test_the_day_models_arithmetic_gives_what_the_fitted_model_gave(model: Path) -> None:
    import numpy as np

    with np.load(model) as saved:
        texts, expected = list(saved["check_texts"]), saved["check_probabilities"]
        assert [str(c) for c in saved["classes"]] == ["no", "yes"]
    for text, wanted in zip(texts, expected, strict=True):
        assert learned.day_probability(str(text), model) == pytest.approx(float(wanted[1]),
                                                                          abs=0.01)
    assert learned.promise_probability(str(texts[0])) == learned.day_probability(
        str(texts[0]), learned.PROMISE_MODEL)


@pytest.mark.parametrize(("text", "promised"), [
    ("We will let you know our decision by Friday 6 November.", dt.date(2026, 11, 6)),
    ("Wir melden uns bis spätestens Freitag, 6. November, bei Ihnen.", dt.date(2026, 11, 6)),
    ("Nous reviendrons vers vous d'ici le vendredi 6 novembre.", dt.date(2026, 11, 6)),
    ("Please complete the assessment by Friday 6 November. The link expires then.", None),
    ("Your interview is on Friday 6 November at 10:00 in our office.", None),
])
def test_the_promise_model_tells_a_promise_from_other_days(text: str,
                                                           promised: dt.date | None) -> None:
    chances = learned.promise_chances(text, dt.date(2026, 10, 28))
    likeliest = max(chances, key=lambda day: chances[day])
    assert (likeliest if chances[likeliest] >= learned.NAMED else None) == promised


def promise(monkeypatch: pytest.MonkeyPatch, chances: dict[dt.date, float],
            meaning: mm.Meaning) -> dt.date | None:
    monkeypatch.setattr(learned, "promise_chances", lambda text, on: chances)
    return learned.promised_day(meaning, "", "", ON).promised


ON = dt.date(2026, 10, 28)
DAY, OTHER = dt.date(2026, 11, 6), dt.date(2026, 11, 13)


def test_the_rules_promise_stays_unless_the_model_doubts_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    said = mm.Meaning(mm.REPLY, 0.8, promised=DAY)
    assert promise(monkeypatch, {DAY: learned.KEPT, OTHER: 0.99}, said) == DAY
    # doubted: dropped, and the model's own day taken when it is sure of it
    assert promise(monkeypatch, {DAY: learned.KEPT - 0.01, OTHER: 0.7}, said) is None
    assert promise(monkeypatch, {DAY: 0.1, OTHER: learned.NAMED}, said) == OTHER
    assert promise(monkeypatch, {}, said) is None  # a day the model cannot find in the words


def test_the_model_s_promise_fills_in_only_when_sure_and_within_reach(
        monkeypatch: pytest.MonkeyPatch) -> None:
    none = mm.Meaning(mm.INTERVIEW, 0.9, interview_at=AT)
    assert promise(monkeypatch, {DAY: 0.85, OTHER: 0.9}, none) == OTHER
    assert promise(monkeypatch, {DAY: learned.NAMED - 0.01}, none) is None
    assert promise(monkeypatch, {ON - dt.timedelta(days=1): 0.99}, none) is None  # gone by
    assert promise(monkeypatch, {ON + learned.HORIZON: 0.99}, none) == ON + learned.HORIZON
    assert promise(monkeypatch, {ON + learned.HORIZON + dt.timedelta(days=1): 0.99}, none
                   ) is None
    assert learned.promised_day(none, "", "", ON).interview_at == AT


def test_a_no_an_offer_or_nothing_promise_no_decision(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in (mm.REJECTION, mm.OFFER, None):
        assert promise(monkeypatch, {DAY: 0.99}, mm.Meaning(kind, 0.9)) is None
    monkeypatch.setattr(learned, "USE", False)
    assert promise(monkeypatch, {DAY: 0.99}, mm.Meaning(mm.REPLY, 0.8)) is None


SENT = dt.datetime(2026, 10, 28, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.mark.parametrize(("text", "day"), [
    ("We would like to invite you to an interview on Tuesday 3 November at 14:00. Please "
     "confirm by Friday 30 October.", dt.date(2026, 11, 3)),
    ("Gerne laden wir Sie am Dienstag, 3. November um 14 Uhr zu einem Gespräch ein. Bitte "
     "bestätigen Sie bis zum 30. Oktober.", dt.date(2026, 11, 3)),
    ("Nous avons le plaisir de vous convier à un entretien le mardi 3 novembre à 14h.",
     dt.date(2026, 11, 3)),
])
def test_the_interview_model_finds_the_interview_s_day_among_others(text: str,
                                                                   day: dt.date) -> None:
    got = learned.interview_day(mm.Meaning(mm.INTERVIEW, 0.9), "", text, SENT).interview_at
    assert got is not None and got.date() == day and got.hour == 14 and got.tzinfo == SENT.tzinfo


def meeting(monkeypatch: pytest.MonkeyPatch, chances: dict[dt.date, float],
            meaning: mm.Meaning, text: str = "Tuesday 3 November at 14:00 or Friday 6 November"
            ) -> dt.datetime | None:
    monkeypatch.setattr(learned, "day_probability", lambda words, model=None: next(
        (p for day, p in chances.items() if f"\u203a {day.day} " in words
         or f"\u203a {day:%A} {day.day}" in words), 0.0))
    return learned.interview_day(meaning, "", text, SENT).interview_at


def test_the_rules_interview_day_stays_unless_the_model_doubts_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    tuesday, friday = dt.date(2026, 11, 3), dt.date(2026, 11, 6)
    rules = mm.Meaning(mm.INTERVIEW, 0.9, interview_at=AT.replace(month=11, day=3))
    assert meeting(monkeypatch, {tuesday: learned.MEANT, friday: 0.99}, rules) == \
        rules.interview_at
    assert meeting(monkeypatch, {tuesday: learned.MEANT - 0.01, friday: 0.5}, rules) is None
    got = meeting(monkeypatch, {tuesday: 0.05, friday: learned.NAMED}, rules)
    assert got == dt.datetime(2026, 11, 6, 9, 0, tzinfo=SENT.tzinfo)  # no time said: 09:00


def test_the_model_s_interview_day_fills_in_only_when_sure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    none = mm.Meaning(mm.INTERVIEW, 0.9)
    tuesday = dt.date(2026, 11, 3)
    assert meeting(monkeypatch, {tuesday: 0.9}, none) == dt.datetime(
        2026, 11, 3, 14, 0, tzinfo=SENT.tzinfo)
    assert meeting(monkeypatch, {tuesday: learned.NAMED - 0.01}, none) is None
    # a day gone by is no interview to come; nor is anything but an invitation weighed
    assert meeting(monkeypatch, {dt.date(2026, 10, 20): 0.99}, none,
                   "Tuesday 20 October at 14:00") is None
    reply = mm.Meaning(mm.REPLY, 0.8)
    assert meeting(monkeypatch, {tuesday: 0.99}, reply) is None
    monkeypatch.setattr(learned, "USE", False)
    assert meeting(monkeypatch, {tuesday: 0.99}, none) is None
