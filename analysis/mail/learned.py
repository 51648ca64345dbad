"""A learned second reading of what a received message means: a multinomial logistic
regression over hashed word, word-pair and character pieces of the message's opening,
trained on the tuning mailboxes of tests/mailpublic (``python benchmarks/mail_model.py``
rebuilds it and measures it on the held-out ones; benchmarks/RESULTS.md, "Mail reader: the
learned reading").

It ships as weights (``meaning_model.npz``, a few megabytes, read in milliseconds) and needs
numpy alone at run time: the features are computed here, the same way for training and for
reading. The rules find the message's days, its sender and its application; the model says
what it means when it is more sure than not (``second_opinion``).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np

from analysis.mail import meaning as mm

BITS = 18
SIZE = 1 << BITS
READ = 2000  # characters of a message's subject and opening that the model reads
MODEL = Path(__file__).with_name("meaning_model.npz")
NOTHING = "none"  # the model's word for mail about no application's step
# the model's labels, as the reader's kinds (None: no step of an application)
KINDS: dict[str, str | None] = {
    "acknowledgement": mm.ACKNOWLEDGEMENT, "rejection": mm.REJECTION,
    "interview": mm.INTERVIEW, "assessment": mm.ASSESSMENT, "offer": mm.OFFER,
    "reply": mm.REPLY, "cancelled": mm.CANCELLED, "notice": mm.NOTICE, NOTHING: None}
STEPS = (mm.REJECTION, mm.OFFER, mm.INTERVIEW, mm.ASSESSMENT, mm.CANCELLED)
USE = True  # False: the rules alone (benchmarks/mail_model.py measures both)
SURE = 0.5  # the model's word is taken over the rules' from this probability
FILLED = 0.8  # the model's step is taken where the rules read nothing from this probability
DOUBTED = 0.6  # the confidence left to the rules' word when the model, unsure, reads another

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_PRIME = np.uint64(1_000_003)


def pieces(text: str) -> np.ndarray:
    """The hashed features of a text, one index in [0, SIZE) per occurrence: its character
    pieces of three, four and five (spaces included, lower case), its words and its pairs of
    consecutive words.

    >>> a = pieces("We regret to inform you")
    >>> bool((a >= 0).all() and (a < SIZE).all()), len(a) == len(pieces("WE  REGRET to inform you"))
    (True, True)
    """
    folded = " " + _SPACE.sub(" ", text[:READ].lower()) + " "
    codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    found = []
    for n in (3, 4, 5):
        if len(codes) < n:
            continue
        h = np.zeros(len(codes) - n + 1, dtype=np.uint64)
        for k in range(n):
            h = h * _PRIME + codes[k:len(codes) - n + 1 + k]
        h = h * np.uint64(n + 7919)
        found.append(((h ^ (h >> np.uint64(29))) % np.uint64(SIZE)).astype(np.int64))
    words = _WORD.findall(folded)
    tokens = [f"w:{w}" for w in words] + [f"b:{a} {b}" for a, b in zip(words, words[1:],
                                                                          strict=False)]
    found.append(np.fromiter((zlib.crc32(t.encode()) & (SIZE - 1) for t in tokens),
                             dtype=np.int64, count=len(tokens)))
    return np.concatenate(found)


def counts(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A text's distinct features and their log-scaled counts (1 + ln n)."""
    found, n = np.unique(pieces(text), return_counts=True)
    return found, 1.0 + np.log(n)


@cache
def _weights() -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    with np.load(MODEL) as saved:
        return (saved["coef"].astype(np.float32), saved["intercept"].astype(np.float32),
                saved["idf"].astype(np.float32), [str(c) for c in saved["classes"]])


def available() -> bool:
    """Whether the model's weights are at hand (a checkout without them reads by rules)."""
    return MODEL.exists()


def probabilities(text: str) -> dict[str, float]:
    """What the model makes of a text: each of its labels (``KINDS``' keys) with its
    probability."""
    coef, intercept, idf, classes = _weights()
    found, scaled = counts(text)
    values = scaled * idf[found]
    norm = float(np.sqrt((values * values).sum())) or 1.0
    scores = coef[:, found] @ (values / norm) + intercept
    odds = np.exp(scores - scores.max())
    return dict(zip(classes, (odds / odds.sum()).tolist(), strict=True))


def reading(subject: str, body: str) -> tuple[str, float]:
    """The model's likeliest label for a message and its probability."""
    said = probabilities(f"{subject}\n{body}")
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
