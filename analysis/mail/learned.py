"""A learned second reading of a message: multinomial logistic regressions over hashed word,
word-pair and character pieces of the message's opening. One reads what mail received means,
one what the person's own means, and two tell which of the days a received message names is
the decision it promises and which the interview's. They are trained on the tuning mailboxes
of tests/mailpublic (``python benchmarks/mail_model.py`` rebuilds them and measures them on
the held-out ones; benchmarks/RESULTS.md, "Mail reader: the learned reading").

They ship as weights (``meaning_model.npz``, ``own_model.npz``, ``promise_model.npz``,
``interview_model.npz``, a few megabytes each, read in milliseconds) and need numpy alone at
run time: the features are computed here, the same way for training and for reading. The
rules find the message's sender and its application; the models say what it means when they
are more sure than not, and which of its days is a promise or the interview's
(``second_opinion``, ``own_opinion``, ``promised_day``, ``interview_day``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np

from analysis.mail import day_words as dw
from analysis.mail import meaning as mm
from analysis.mail.when import Found, at, dates_in, frame_end

BITS = 18
SIZE = 1 << BITS
READ = 2000  # characters of a message's subject and opening that the model reads
MODEL = Path(__file__).with_name("meaning_model.npz")  # mail received
OWN_MODEL = Path(__file__).with_name("own_model.npz")  # the person's own mail
PROMISE_MODEL = Path(__file__).with_name("promise_model.npz")  # a day named, promised or not
INTERVIEW_MODEL = Path(__file__).with_name("interview_model.npz")  # the interview's day or not
NOTHING = "none"  # the model's word for mail about no application's step
# the model's labels, as the reader's kinds (None: no step of an application)
KINDS: dict[str, str | None] = {
    "acknowledgement": mm.ACKNOWLEDGEMENT, "rejection": mm.REJECTION,
    "interview": mm.INTERVIEW, "assessment": mm.ASSESSMENT, "offer": mm.OFFER,
    "reply": mm.REPLY, "cancelled": mm.CANCELLED, "notice": mm.NOTICE, NOTHING: None}
# the own mail model's labels, as the reader's kinds (None: none of these, a slot chosen too)
OWN_KINDS: dict[str, str | None] = {
    "application": mm.SENT_APPLICATION, "thank_you": mm.SENT_THANK_YOU,
    "follow_up": mm.SENT_FOLLOW_UP, "rejection_thanks": mm.SENT_REJECTION_THANKS,
    "withdraw": mm.SENT_WITHDRAW, "accept": mm.SENT_ACCEPT, "decline": mm.SENT_DECLINE,
    NOTHING: None}
STEPS = (mm.REJECTION, mm.OFFER, mm.INTERVIEW, mm.ASSESSMENT, mm.CANCELLED)
USE = True  # False: the rules alone (benchmarks/mail_model.py measures both)
SURE = 0.5  # the model's word is taken over the rules' from this probability
FILLED = 0.8  # the model's step is taken where the rules read nothing from this probability
KEPT = 0.2  # a day the rules read as promised stays unless the model gives it less
NAMED = 0.8  # a day the model reads as promised where the rules read none, from this
MEANT = 0.1  # an interview's day the rules read stays unless the model gives it less
HORIZON = dt.timedelta(days=240)  # a promise further off is no promise
DOUBTED = 0.6  # the confidence left to the rules' word when the model, unsure, reads another

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_PRIME = np.uint64(1_000_003)
_INVERSE = np.uint64(pow(1_000_003, -1, 1 << 64))  # the prime's inverse modulo 2**64
_WORD_TAG, _PAIR_TAG = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)


def pieces(text: str) -> np.ndarray:
    """The hashed features of a text, one index in [0, SIZE) per occurrence: its character
    pieces of three, four and five (spaces included, lower case), its words and its pairs of
    consecutive words.

    >>> a = pieces("We regret to inform you")
    >>> bool((a >= 0).all() and (a < SIZE).all()), len(a) == len(pieces("WE  REGRET to inform you"))
    (True, True)
    """
    folded = " " + _SPACE.sub(" ", text[:READ].lower()) + " "
    found = [_spans(_codes(folded), n) for n in (3, 4, 5)]
    words = _WORD.findall(folded)
    if words:
        # the words joined by one space: a word is a span of it, a pair of words another
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
        ends = starts + lengths
        sums, powers = _sums(_codes(" ".join(words)))
        found.append(_mixed(_span_hash(sums, powers, starts, ends), _WORD_TAG))
        found.append(_mixed(_span_hash(sums, powers, starts[:-1], ends[1:]), _PAIR_TAG))
    return np.concatenate(found)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def _spans(codes: np.ndarray, n: int) -> np.ndarray:
    """The hashes of every run of ``n`` characters."""
    if len(codes) < n:
        return np.zeros(0, dtype=np.int64)
    h = np.zeros(len(codes) - n + 1, dtype=np.uint64)
    for k in range(n):
        h = h * _PRIME + codes[k:len(codes) - n + 1 + k]
    return _mixed(h, np.uint64(n + 7919))


def _sums(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Prefix sums of the characters weighted by the inverse prime's powers (modulo 2**64),
    and those powers' inverses: any span's hash then costs two lookups."""
    with np.errstate(over="ignore"):
        inverse = np.cumprod(np.full(len(codes), _INVERSE, dtype=np.uint64)) * _PRIME
        sums = np.concatenate(([np.uint64(0)], np.cumsum(codes * inverse, dtype=np.uint64)))
        powers = np.cumprod(np.full(len(codes) + 1, _PRIME, dtype=np.uint64)) * _INVERSE
    return sums, powers


def _span_hash(sums: np.ndarray, powers: np.ndarray, starts: np.ndarray,
               ends: np.ndarray) -> np.ndarray:
    """The hash of each span [start, end) whatever its place: sum of code * prime**-offset."""
    with np.errstate(over="ignore"):
        return (sums[ends] - sums[starts]) * powers[starts]


def _mixed(h: np.ndarray, tag: np.uint64) -> np.ndarray:
    with np.errstate(over="ignore"):
        h = h * tag
    return ((h ^ (h >> np.uint64(29))) % np.uint64(SIZE)).astype(np.int64)


def counts(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A text's distinct features and their log-scaled counts (1 + ln n)."""
    found, n = np.unique(pieces(text), return_counts=True)
    return found, 1.0 + np.log(n)


@cache
def _weights(model: Path | None = None
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    with np.load(model or MODEL) as saved:
        return (saved["coef"].astype(np.float32), saved["intercept"].astype(np.float32),
                saved["idf"].astype(np.float32), [str(c) for c in saved["classes"]])


def available(model: Path | None = None) -> bool:
    """Whether a model's weights (``MODEL`` unless said) are at hand (a checkout without them
    reads by rules)."""
    return (model or MODEL).exists()


def _scores(text: str, model: Path | None) -> tuple[np.ndarray, list[str]]:
    """A model's raw score of a text for each of its classes' rows (one row for a model of
    two classes, the second's), and its classes."""
    coef, intercept, idf, classes = _weights(model)
    found, scaled = counts(text)
    values = scaled * idf[found]
    norm = float(np.sqrt((values * values).sum())) or 1.0
    return coef[:, found] @ (values / norm) + intercept, classes


def probabilities(text: str, model: Path | None = None) -> dict[str, float]:
    """What a model (``MODEL`` unless said) makes of a text: each of its labels (``KINDS``' or
    ``OWN_KINDS``' keys) with its probability."""
    scores, classes = _scores(text, model)
    odds = np.exp(scores - scores.max())
    return dict(zip(classes, (odds / odds.sum()).tolist(), strict=True))


def reading(subject: str, body: str, model: Path | None = None) -> tuple[str, float]:
    """A model's (``MODEL`` unless said) likeliest label for a message and its probability."""
    said = probabilities(f"{subject}\n{body}", model)
    label = max(said, key=lambda k: said[k])
    return label, said[label]


def second_opinion(meaning: mm.Meaning, subject: str, body: str, *,
                   person: bool = False) -> mm.Meaning:
    """The rules' ``meaning`` of a received message weighed against the model's, where
    either reads a step of the application (``STEPS``).

    - The model's kind when it is more sure than not (``SURE``) and reads another: the
      rules' days kept for an interview; a cancellation promises a new date, not a
      decision; no step from a ``person`` is a reply (it still answers and names a
      contact), from a system nothing.
    - Else the rules' kind, its confidence lowered to ``DOUBTED``.
    - Where the rules read nothing, the model's step when it is sure of it (``FILLED``).
    - Between kinds that are no step (a reply, an acknowledgement, a notice) the rules,
      which know the sender, decide.
    """
    if not USE or not available():
        return meaning
    label, p = reading(subject, body)
    kind = KINDS[label]
    if meaning.kind is None:
        # words the rules cannot read at all: the model's step when it is sure of it
        if kind in STEPS and p >= FILLED:
            return mm.Meaning(kind, round(p, 3), promised=meaning.promised)
        return meaning
    if kind == meaning.kind or meaning.kind not in STEPS and kind not in STEPS:
        return meaning
    if p < SURE:
        return replace(meaning, confidence=min(meaning.confidence, DOUBTED))
    if kind not in STEPS and person:
        kind = mm.REPLY
    if kind is None:
        return mm.Meaning(None, round(p, 3))
    return mm.Meaning(kind, round(p, 3),
                      interview_at=meaning.interview_at if kind == mm.INTERVIEW else None,
                      promised=meaning.promised if kind != mm.CANCELLED else None,
                      screening=meaning.screening and kind == mm.INTERVIEW)


def own_opinion(meaning: mm.Meaning, subject: str, body: str, *, after_rejection: bool = False,
                after_offer: bool = False) -> mm.Meaning:
    """The rules' ``meaning`` of a message the person sent weighed against the own mail
    model's.

    - The model's kind when it reads another and is more sure than not (``SURE``); else the
      rules' kind, its confidence lowered to ``DOUBTED``.
    - What the rules know of the thread stays theirs: a slot chosen (the model's "none"
      covers it), thanks after a no (``after_rejection``: the thanks after a rejection), an
      offer answered in words that neither accept nor decline it (``after_offer``: no
      thank-you or follow-up).
    """
    if not USE or not available(OWN_MODEL):
        return meaning
    label, p = reading(subject, body, OWN_MODEL)
    kind = OWN_KINDS[label]
    if kind == mm.SENT_THANK_YOU and after_rejection:
        kind = mm.SENT_REJECTION_THANKS
    if kind == meaning.kind:
        return meaning
    if p < SURE:
        return replace(meaning, confidence=min(meaning.confidence, DOUBTED)) if meaning.kind \
            else meaning
    if meaning.kind == mm.SENT_SLOT and kind is None or meaning.kind == mm.SENT_ANSWER and (
            kind in (None, mm.SENT_THANK_YOU, mm.SENT_FOLLOW_UP)):
        return meaning
    if after_offer and kind in (mm.SENT_THANK_YOU, mm.SENT_FOLLOW_UP):
        return mm.Meaning(mm.SENT_ANSWER, DOUBTED)
    return mm.Meaning(kind, round(p, 3))


def days_named(text: str, on: dt.date) -> list[tuple[int, dt.date]]:
    """Where each day a text written on ``on`` names stands, and the day: its dates, its
    weekdays, the ends of its time frames ("within two weeks", "bis spätestens Freitag").

    >>> days_named("We will decide by Friday 6 November.", dt.date(2026, 10, 28))
    [(15, datetime.date(2026, 11, 6)), (25, datetime.date(2026, 11, 6))]
    """
    found: dict[int, dt.date] = {}
    for day in dates_in(text, on):
        found.setdefault(day.start, day.day)
    for frame in dw.PROMISE_TIME.finditer(text):
        end = frame_end(text[frame.start():frame.start() + 60], on)
        if end is not None:
            found.setdefault(frame.start(), end)
    return sorted(found.items())


def around(text: str, start: int) -> str:
    """What the promise model reads of a day named at ``start``: the words before it and the
    day's own words, the day marked."""
    return f"{text[max(0, start - 120):start]} \u2039D\u203a {text[start:start + 50]}"


def day_probability(words: str, model: Path | None = None) -> float:
    """A day model's (``PROMISE_MODEL`` unless said) probability that the day marked in
    ``words`` (``around``) is the day it looks for."""
    scores, _ = _scores(words, model or PROMISE_MODEL)
    return 1.0 / (1.0 + float(np.exp(-float(scores[0]))))


def promise_probability(words: str) -> float:
    """The promise model's probability that the day marked in ``words`` (``around``) is the
    day a decision is promised by."""
    return day_probability(words, PROMISE_MODEL)


def promise_chances(text: str, on: dt.date) -> dict[dt.date, float]:
    """Each day a received message names, with the promise model's probability that it is
    the day a decision is promised by (the likeliest of its mentions)."""
    chances: dict[dt.date, float] = {}
    for start, day in days_named(text, on):
        chances[day] = max(chances.get(day, 0.0), promise_probability(around(text, start)))
    return chances


def _settled(said: dt.date | None, chances: dict[dt.date, float], kept: float
             ) -> dt.date | None:
    """The rules' day (``said``) weighed against a day model's ``chances``: kept unless the
    model gives it less than ``kept``; where none is left, the model's likeliest day from
    ``NAMED``."""
    if said is not None and chances.get(said, 0.0) >= kept:
        return said
    likeliest = max(chances, key=lambda day: chances[day], default=None)
    return likeliest if likeliest is not None and chances[likeliest] >= NAMED else None


def promised_day(meaning: mm.Meaning, subject: str, body: str, on: dt.date) -> mm.Meaning:
    """The rules' ``meaning`` of a received message, its promised decision day weighed against
    the promise model's: the rules' day dropped when the model gives it less than ``KEPT``;
    where none is left, the model's likeliest day from ``NAMED``, between ``on`` and
    ``HORIZON`` later. A rejection or an offer promises no decision (an offer's day is the
    person's reply's)."""
    if not USE or not available(PROMISE_MODEL) or meaning.kind in (None, mm.REJECTION,
                                                                   mm.OFFER):
        return meaning
    chances = {day: p for day, p in promise_chances(f"{subject}\n{body[:mm.READ_CHARS]}",
                                                    on).items()
               if on <= day <= on + HORIZON}
    day = _settled(meaning.promised, chances, KEPT)
    return meaning if day == meaning.promised else replace(meaning, promised=day)


def interview_day(meaning: mm.Meaning, subject: str, body: str, sent: dt.datetime
                  ) -> mm.Meaning:
    """An invitation's interview day as the rules read it, weighed against the interview
    model's reading of each day the message names: the rules' day dropped when the model
    gives it less than ``MEANT``; where none is left, the model's likeliest day (its time of
    day when one is said with it, else 09:00) from ``NAMED``, between the day it was written
    and ``HORIZON`` later. Only for an interview's invitation read from its words (a calendar's
    is sure)."""
    if not USE or not available(INTERVIEW_MODEL) or meaning.kind != mm.INTERVIEW:
        return meaning
    text = f"{subject}\n{body[:mm.READ_CHARS]}"
    on = sent.date()
    # each day's likeliest mention, whose time of day is the interview's
    mentions: dict[dt.date, tuple[float, Found]] = {}
    for found in dates_in(text, on):
        if not on <= found.day <= on + HORIZON:
            continue
        p = day_probability(around(text, found.start), INTERVIEW_MODEL)
        if p > mentions.get(found.day, (-1.0, found))[0]:
            mentions[found.day] = (p, found)
    said = meaning.interview_at
    day = _settled(said.date() if said is not None else None,
                   {d: p for d, (p, _) in mentions.items()}, MEANT)
    when = said if said is not None and day == said.date() else (
        at(mentions[day][1], sent.tzinfo) if day is not None else None)
    return meaning if when == meaning.interview_at else replace(meaning, interview_at=when)
