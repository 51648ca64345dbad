"""Simulated job searches for calibrating the forecast, built apart from the prior's code.

Each search is one person's tracker: applications sent over months through a mix of channels,
each channel with its own true rates drawn for that person, replies after a delay, interviews,
offers and rejections, ghosting, and the sources written as trackers write them. Two
generators, built differently so that the calibration does not hinge on one of them:

- ``ranges_search``: every rate drawn uniformly from the published plausible range of its
  channel and stage (independently), lognormal delays, channel shares drawn from the published
  ranges of a search's mix, applications at a steady or rising pace, undated ghosting.
- ``archetype_search``: a person of one of four kinds (applying on boards, targeting company
  sites, networking, approached by recruiters), with rates correlated across stages and
  channels through the person's own strength (a Gaussian copula onto a triangular
  distribution over the same ranges), gamma delays that follow employers' weekly review
  rounds, one to three interview rounds before a decision, applications in bursts, replies
  sometimes not written down, dated ghosting and withdrawals, and other spellings of the
  sources (Spanish, French, German, "Other").

The ranges are the research note's (docs in the README's "Published yields by channel"),
copied here on purpose: the generators must not read the forecast's own figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy.stats import norm

from analysis.model import schema as s
from analysis.model.dates import DATE_DTYPE
from analysis.model.tables import empty_applications

JB, CS, REF, REC = "job_board", "company_site", "referral", "recruiter"
CHANNELS = (JB, CS, REF, REC)
# (low, central, high) of reply, interview given reply, offer given interview.
RANGES = {
    JB: ((0.15, 0.25, 0.40), (0.08, 0.16, 0.35), (0.10, 0.20, 0.31)),
    CS: ((0.20, 0.30, 0.45), (0.12, 0.20, 0.40), (0.12, 0.22, 0.32)),
    REF: ((0.55, 0.75, 0.90), (0.35, 0.53, 0.75), (0.12, 0.17, 0.30)),
    REC: ((0.80, 0.95, 1.00), (0.20, 0.45, 0.60), (0.07, 0.12, 0.20)),
}
MIX_RANGES = {JB: (0.45, 0.80), CS: (0.10, 0.35), REF: (0.02, 0.10), REC: (0.03, 0.15)}
SOURCES_A = {JB: ["LinkedIn", "Indeed", "LinkedIn Easy Apply", "StepStone", "Glassdoor",
                  "Jobbörse"],
             CS: ["Company website", "Careers page", "Karriereseite", "Site carrière"],
             REF: ["Referral", "Referred by Anna", "Empfehlung", "Cooptation"],
             REC: ["Recruiter", "Agency", "Headhunter", "Personalvermittler"]}
SOURCES_B = {JB: ["InfoJobs", "Welcome to the Jungle", "Indeed.es", "XING", "Easy Apply",
                  "Monster"],
             CS: ["Página web de la empresa", "Site de l'entreprise", "Careers site",
                  "Unternehmenswebsite"],
             REF: ["Recomendación", "Referido por Juan", "Mitarbeiterempfehlung",
                   "Referred (ex-colleague)"],
             REC: ["Reclutador", "Cabinet de recrutement", "Headhunter (agency)",
                   "LinkedIn recruiter"]}
ARCHETYPES = {"boards": (0.85, 0.10, 0.02, 0.03), "targeted": (0.40, 0.45, 0.08, 0.07),
              "networker": (0.35, 0.20, 0.30, 0.15), "approached": (0.25, 0.15, 0.15, 0.45)}

NaT = np.datetime64("NaT", "D")


def _days(values: np.ndarray) -> np.ndarray:
    return np.round(values).astype(int).astype("timedelta64[D]")


def _sent_days(rng: np.random.Generator, n: int, span: int, bursts: bool) -> np.ndarray:
    """How many days before the end each application went out."""
    if not bursts:
        pace = rng.uniform(0.8, 2.0)  # a steady (1) or rising pace
        return np.floor(span * (1 - rng.beta(pace, 1.0, n))).astype(int)
    weeks = max(span // 7, 1)
    weight = rng.gamma(0.7, 1.0, weeks)  # busy weeks and quiet ones
    week = rng.choice(weeks, size=n, p=weight / weight.sum())
    return np.minimum(week * 7 + rng.integers(0, 7, n), span - 1)


def _table(end: dt.date, sent: np.ndarray, outcome: dict[str, np.ndarray],
           sources: np.ndarray) -> pd.DataFrame:
    """The tracker as its owner has it on ``end``: only what happened by then."""
    end_day = np.datetime64(end, "D")
    n = len(sent)
    applied = end_day - sent.astype("timedelta64[D]")

    def by_end(days: np.ndarray) -> np.ndarray:
        day = np.where(np.isnan(days), NaT, applied + _days(np.nan_to_num(days)))
        return np.where(day <= end_day, day, NaT)

    reply, interview, decision, ghosted = (by_end(outcome[k]) for k in
                                           ("reply", "interview", "decision", "ghosted"))
    offered = outcome["offer"] & ~np.isnat(decision)
    rejected = ~outcome["offer"] & ~np.isnat(decision)
    status = np.full(n, s.APPLIED, dtype=object)
    status[~np.isnat(reply)] = s.SCREENING
    status[~np.isnat(reply) & outcome["refused"]] = s.REJECTED
    status[~np.isnat(interview)] = s.INTERVIEWING
    status[rejected] = s.REJECTED
    status[offered] = s.OFFER
    no_news = np.isin(status, [s.APPLIED, s.SCREENING, s.INTERVIEWING])
    ghost = no_news & ~np.isnat(ghosted)
    status[ghost & outcome["withdrew"]] = s.WITHDRAWN
    status[ghost & ~outcome["withdrew"]] = s.GHOSTED
    decided = np.where(ghost & outcome["dated"], ghosted, decision)
    decided = np.where(status == s.REJECTED, np.where(np.isnat(decision), reply, decision),
                       decided)
    shown_reply = np.where(outcome["unlogged"] & ~np.isnat(interview), NaT, reply)
    apps = empty_applications().reindex(range(n))
    values = {s.COMPANY: np.array([f"Company {i}" for i in range(n)]), s.STATUS: status,
              s.SOURCE: sources, s.DATE_APPLIED: applied, s.FIRST_RESPONSE_DATE: shown_reply,
              s.INTERVIEW_DATE: interview, s.DECISION_DATE: decided}
    for name, column in values.items():
        apps[name] = pd.Series(column).astype(DATE_DTYPE if name in s.DATE_COLUMNS else "str")
    return apps


def _outcomes(rng: np.random.Generator, rates: np.ndarray, delays: Callable[..., np.ndarray],
              *, rounds: bool) -> dict[str, np.ndarray]:
    """What happens to each application, in days after it was sent (NaN: never): ``rates``
    (n, 3) are its true chances of a reply, an interview given one, an offer given one."""
    n = len(rates)
    replies = rng.random(n) < rates[:, 0]
    reply = np.where(replies, delays("reply"), np.nan)
    positive = replies & (rng.random(n) < rates[:, 1])
    interview = np.where(positive, reply + delays("interview"), np.nan)
    offer = positive & (rng.random(n) < rates[:, 2])
    if rounds:  # one to three rounds; a no can come after any of them, an offer after all
        count = rng.integers(1, 4, n)
        gaps = np.stack([delays("round") for _ in range(3)], axis=1)
        stop = np.where(offer, count, rng.integers(1, count + 1))
        to_decision = np.take_along_axis(np.cumsum(gaps, axis=1), stop[:, None] - 1, 1)[:, 0]
        to_decision += np.where(offer, rng.uniform(2, 10, n), rng.uniform(1, 5, n))
    else:
        to_decision = delays("decision")
    heard = positive & (offer | (rng.random(n) < 0.8))  # the rest are ghosted after it
    decision = np.where(heard, interview + to_decision, np.nan)
    # A reply that is no interview is the rejection itself, most of the time.
    rejected_at_reply = replies & ~positive & (rng.random(n) < 0.85)
    # Unanswered applications the person marks as ghosted a month or two on.
    quiet = ~replies | (positive & ~heard & (rng.random(n) < 0.5))
    ghosted = np.where(quiet & (rng.random(n) < 0.5), rng.uniform(30, 60, n) +
                       np.nan_to_num(np.where(positive, interview, 0.0)), np.nan)
    return {"reply": reply, "refused": rejected_at_reply,
            "interview": interview, "offer": offer & heard, "decision": decision,
            "ghosted": ghosted, "withdrew": rng.random(n) < 0.1,
            "dated": np.zeros(n, dtype=bool), "unlogged": np.zeros(n, dtype=bool)}


def ranges_search(seed: int, *, end: dt.date) -> tuple[pd.DataFrame, pd.Series]:
    """One search of the first generator (see the module) and each application's true
    channel."""
    rng = np.random.default_rng(seed)
    n = int(np.exp(rng.uniform(np.log(40), np.log(300))))
    span = int(rng.integers(150, 271))
    share = np.array([rng.uniform(*MIX_RANGES[c]) for c in CHANNELS])
    channel = rng.choice(4, size=n, p=share / share.sum())
    true = np.array([[rng.uniform(low, high) for low, _, high in RANGES[c]] for c in CHANNELS])
    if rng.random() < 0.5:  # recruiters: some trackers log the contact, so always a reply
        true[3, 0] = 1.0
    medians = {"reply": np.array([rng.uniform(5, 10), rng.uniform(5, 10), rng.uniform(2, 7),
                                  rng.uniform(1, 5)])[channel],
               "interview": rng.uniform(4, 12), "decision": rng.uniform(10, 25)}
    spreads = {"reply": 0.8, "interview": 0.5, "decision": 0.5}

    def delays(kind: str) -> np.ndarray:
        return np.maximum(rng.lognormal(np.log(medians[kind]), spreads[kind], n), 0.5)

    outcome = _outcomes(rng, true[channel], delays, rounds=False)
    names = np.array([rng.choice(SOURCES_A[c]) for c in np.array(CHANNELS)[channel]],
                     dtype=object)
    names[rng.random(n) < 0.1] = None
    return (_table(end, _sent_days(rng, n, span, bursts=False), outcome, names),
            pd.Series(np.array(CHANNELS)[channel]))


def _triangular(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """The triangular distribution's quantile at ``u``."""
    cut = (mode - low) / (high - low)
    return np.where(u < cut, low + np.sqrt(u * (high - low) * (mode - low)),
                    high - np.sqrt((1 - u) * (high - low) * (high - mode)))


def archetype_search(seed: int, *, end: dt.date) -> tuple[pd.DataFrame, pd.Series]:
    """One search of the second generator (see the module) and each application's true
    channel."""
    rng = np.random.default_rng(seed)
    n = int(np.exp(rng.uniform(np.log(30), np.log(250))))
    span = int(rng.integers(120, 301))
    kind = rng.choice(list(ARCHETYPES))
    share = rng.dirichlet(20 * np.array(ARCHETYPES[kind]))
    channel = rng.choice(4, size=n, p=share)
    strength = rng.normal()
    true = np.array([[_triangular(norm.cdf(0.7 * strength + 0.71 * rng.normal()), *cell)
                      for cell in RANGES[c]] for c in CHANNELS])
    mean_reply = np.array([rng.uniform(4, 12), rng.uniform(4, 12), rng.uniform(2, 8),
                           rng.uniform(1, 6)])[channel]
    review_day = rng.integers(0, 7)

    def delays(kind: str) -> np.ndarray:
        if kind == "reply":  # gamma, rounded up to the employer's weekly review, a long tail
            days = rng.gamma(2.0, mean_reply / 2.0)
            days = days + (review_day - days) % 7 * (rng.random(n) < 0.5)
            return days * np.where(rng.random(n) < 0.1, 3.0, 1.0)
        if kind == "interview":
            return rng.uniform(2, 21, n)
        return rng.gamma(3.0, rng.uniform(4, 10) / 3.0, n)  # between rounds

    outcome = _outcomes(rng, true[channel], delays, rounds=True)
    outcome["dated"] = rng.random(n) < 0.8
    outcome["withdrew"] = rng.random(n) < 0.05
    outcome["unlogged"] = rng.random(n) < 0.2
    names = np.array([rng.choice(SOURCES_B[c]) for c in np.array(CHANNELS)[channel]],
                     dtype=object)
    unknown = rng.random(n) < 0.15
    names[unknown] = rng.choice(np.array(["Other", "Networking", "", "Job fair"], dtype=object),
                                int(unknown.sum()))
    return (_table(end, _sent_days(rng, n, span, bursts=True), outcome, names),
            pd.Series(np.array(CHANNELS)[channel]))


GENERATORS = {"ranges": ranges_search, "archetypes": archetype_search}
