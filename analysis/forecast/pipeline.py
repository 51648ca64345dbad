"""What the open applications will likely bring, and what it takes to reach an offer.

The model is the user's own history, read with censoring, as a chain of stages: an application
waits in a stage (applied, replied, interviewed) until it moves on (a reply, an interview, an
offer) or ends without an offer (a rejection, a withdrawal, a ghosting with its date); one
still waiting is censored, counted for the weeks it has waited and no more. Each stage has two
competing weekly hazards, moving on and ending, estimated as in Aalen-Johansen's estimator of
cumulative incidence; chaining the stages gives, for an application at a stage that has
waited ``a`` weeks, its chance of an offer within the horizon. An application that has gone
quiet for months gets the (small) chance of the applications that went quiet as long.

With few resolved applications, the hazards are shrunk toward a stated prior (``PRIOR``):
a cohort of ``PRIOR_WEIGHT`` made-up applications per stage, with typical chances and
times, counted alongside the user's. Below ``PRIOR_WEIGHT`` resolved applications in a stage,
the prior outweighs the history, and the forecast says so.

The intervals come from simulation that carries the uncertainty of the rates as well as the
chance of each application: each of ``RATE_DRAWS`` Bayesian-bootstrap draws reweights the
history (and the prior cohort) with Gamma weights and recomputes every hazard; each simulated
count of offers draws every open application's outcome under one of those rate draws.
Applications of one stage and one week of waiting share a chance, so a draw is a few hundred
binomials, whatever the number of applications. Everything is reproducible with ``seed``;
nothing here modifies its inputs.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.forecast.prior import CENSORED, ENDED, FORWARD, PRIOR, PRIOR_WEIGHT, WEEK, prior_cells
from analysis.interviews.journal import interviewed_by
from analysis.model import schema as s
from analysis.model.stages import Stage, as_known_on, stage_codes, status_and_dates
from analysis.model.words import plural, verb

# Where an open application waits for its next step (not the stages of ``model.stages``).
WAITING = ("applied", "replied", "interviewed")
WAITING_LABELS = {"applied": "Applied, no reply yet", "replied": "Replied, no interview yet",
                "interviewed": "Interviewed"}
NEXT_LABELS = {"applied": "a reply", "replied": "an interview", "interviewed": "an offer"}


MAX_AGE = 730  # days: a longer wait counts as this
MAX_HORIZON = 730  # days: a longer horizon counts as this
INTERVAL = 0.8
RATE_DRAWS = 400


@dataclass(frozen=True)
class StageRate:
    """What the history says about one stage: applications that reached it (``n``), those
    that moved on, ended and are still waiting, and the chance of an offer once there
    (``chance``, with an 80% interval ``low``-``high``, prior included)."""

    stage: str
    n: int
    forward: int
    ended: int
    waiting: int
    chance: float
    low: float
    high: float

    @property
    def resolved(self) -> int:
        return self.forward + self.ended

    @property
    def prior_dominates(self) -> bool:
        return self.resolved < PRIOR_WEIGHT

    def describe(self) -> str:
        """In words: ``Interviewed: 3 of 12 moved on to an offer, 5 ended without one, 4
        waiting; chance of an offer from here 24% (80%: 12-38%)``."""
        prior = PRIOR[self.stage]
        text = (f"{WAITING_LABELS[self.stage]}: {self.forward} of {self.n} went on to "
                f"{NEXT_LABELS[self.stage]}, {self.ended} ended without one, {self.waiting} "
                f"still waiting; chance of an offer from here {self.chance:.0%} "
                f"(80% interval {self.low:.0%}-{self.high:.0%})")
        if self.prior_dominates:
            text += (f". With {self.resolved} resolved, fewer than the prior's {PRIOR_WEIGHT} "
                     f"made-up applications (saying {prior.forward:.0%} go on to "
                     f"{NEXT_LABELS[self.stage]} in about {prior.forward_days:.0f} days), the "
                     "prior dominates")
        return text + "."


@dataclass(frozen=True)
class Forecast:
    """Offers expected from the open applications within ``horizon_days`` of ``as_of``:
    ``expected``, an 80% interval ``low``-``high``, the chance of at least one
    (``p_at_least_one``), each open application's chance (``by_application``: row, company,
    role, stage, days_waiting, chance, share of the expected offers), the stage rates it
    stands on, and notes in words (the prior's weight, what was left out)."""

    as_of: dt.date
    horizon_days: int
    expected: float
    low: int
    high: int
    p_at_least_one: float
    by_application: pd.DataFrame
    rates: list[StageRate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    draws: np.ndarray = field(default_factory=lambda: np.zeros(0))  # offers per draw

    @property
    def open(self) -> int:
        return len(self.by_application)

    @property
    def prior_dominates(self) -> bool:
        """Whether the prior outweighs the history in a stage the open applications are at."""
        present = set(self.by_application["stage"].unique())
        return any(r.prior_dominates for r in self.rates if r.stage in present)

    def summary(self) -> str:
        """In words: ``1.4 offers expected within 90 days (80% interval 0-3); 74% chance of at
        least one``."""
        if not self.open:
            return "No open applications: no offer to expect from them."
        return (f"{self.expected:.1f} offers expected within {self.horizon_days} days (80% "
                f"interval {self.low}-{self.high}); {self.p_at_least_one:.0%} chance of at "
                "least one.")


def _history(apps: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """For each application sent by ``as_of`` (as known that day): the day it entered each
    stage it reached, its furthest stage, whether it got an offer, ended without one (and
    when), or is still open."""
    known = as_known_on(status_and_dates(apps), as_of)
    codes = stage_codes(known)
    sent = known[codes >= Stage.APPLIED]
    codes = codes[codes >= Stage.APPLIED]
    status = sent[s.STATUS]
    applied = sent[s.DATE_APPLIED]
    replied = sent[s.FIRST_RESPONSE_DATE].fillna(sent[s.INTERVIEW_DATE])\
        .fillna(sent[s.DECISION_DATE]).where(codes >= Stage.RESPONDED)
    replied = replied.fillna(applied.where(codes >= Stage.RESPONDED))
    interviewed = sent[s.INTERVIEW_DATE].where(codes >= Stage.INTERVIEW)\
        .fillna(replied.where(codes >= Stage.INTERVIEW))
    offered = codes >= Stage.OFFER
    ended = ~offered & status.isin([s.REJECTED, s.WITHDRAWN, s.GHOSTED])
    return pd.DataFrame({
        "code": codes, "stage": np.where(codes >= Stage.INTERVIEW, "interviewed",
                                         np.where(codes >= Stage.RESPONDED, "replied", "applied")),
        "applied": applied, "replied": replied, "interviewed": interviewed,
        "offered": offered, "offer_day": sent[s.DECISION_DATE].where(offered),
        "ended": ended, "ended_day": sent[s.DECISION_DATE].where(ended),
        "open": ~offered & ~ended,
    }, index=sent.index)


_NEXT = {"applied": "replied", "replied": "interviewed", "interviewed": "offer_day"}


def _stage_exits(history: pd.DataFrame, stage: str, day: pd.Timestamp
                 ) -> tuple[np.ndarray, np.ndarray]:
    """For the applications that entered ``stage`` on a known day: the days spent in it and
    how they left it (moved on, ended, or still there: censored)."""
    entered = history[history[stage].notna()]
    start = entered[stage]
    moved = entered[_NEXT[stage]].notna() if stage != "interviewed" else entered["offered"]
    left_on = entered[_NEXT[stage]] if stage != "interviewed" else \
        entered["offer_day"].fillna(start)
    ended = ~moved & entered["ended"] & entered["ended_day"].notna()
    until = left_on.where(moved, entered["ended_day"].where(ended, day))
    days = np.clip((until - start).dt.days.fillna(0).to_numpy(), 0, MAX_AGE)
    how = np.where(moved, FORWARD, np.where(ended, ENDED, CENSORED))
    return days.astype(np.int64), how


def _bins(days: np.ndarray, how: np.ndarray, weeks: int) -> np.ndarray:
    """The week in which each application left its stage: week 0 is the day it entered (a
    rejection that was the reply itself), week ``k`` days ``7k - 6`` to ``7k``. One still
    waiting after ``d`` days has lived through week ``d // 7`` and part of the next, where it
    is counted as censored."""
    left = -(-days // WEEK)  # ceil
    return np.minimum(np.where(how == CENSORED, days // WEEK + 1, left), weeks - 1)


def _hazards(cells: np.ndarray, rng: np.random.Generator, draws: int
             ) -> tuple[np.ndarray, np.ndarray]:
    """Weekly hazards of moving on and of ending, shaped (draws, weeks), from cells of
    weighted counts reweighted by Gamma draws (a Bayesian bootstrap). Censored applications
    count as at risk for half of their last week."""
    weights = rng.gamma(np.broadcast_to(cells, (draws, *cells.shape)))
    censored, forward, ended = weights[:, CENSORED], weights[:, FORWARD], weights[:, ENDED]
    leaving = censored + forward + ended
    at_risk = np.cumsum(leaving[:, ::-1], axis=1)[:, ::-1] - 0.5 * censored
    with np.errstate(divide="ignore", invalid="ignore"):
        moving = np.where(at_risk > 0, forward / at_risk, 0.0)
        ending = np.where(at_risk > 0, ended / at_risk, 0.0)
    return np.clip(moving, 0, 1), np.clip(ending, 0, 1 - np.clip(moving, 0, 1))


@dataclass(frozen=True)
class _Stage:
    """One stage's hazards under each rate draw: ``staying[:, t]`` is the chance of still
    being there at the start of week ``t``, ``moving[:, t]`` the chance of moving on in week
    ``t`` given that, and ``offer_by[:, m]`` the chance of an offer within ``m`` weeks of
    entering the stage."""

    staying: np.ndarray
    moving: np.ndarray
    offer_by: np.ndarray


def _chain(moving: np.ndarray, ending: np.ndarray, after: np.ndarray | None) -> _Stage:
    """A stage's chances from its hazards and the next stage's ``offer_by`` (None for the
    last stage, where moving on is the offer)."""
    draws, weeks = moving.shape
    staying = np.ones((draws, weeks))
    staying[:, 1:] = np.cumprod(1 - moving - ending, axis=1)[:, :-1]
    moves = staying * moving  # the chance of moving on in week t
    offer_by = np.zeros((draws, weeks + 1))
    if after is None:
        offer_by[:, 1:] = np.cumsum(moves, axis=1)
    else:
        # Moving on in week t leaves m - t weeks for the next stage's offer.
        for t in range(weeks):
            offer_by[:, t + 1:] += moves[:, t:t + 1] * after[:, 1:weeks + 1 - t]
    return _Stage(staying, moving, offer_by)


def _within(stage: _Stage, after: np.ndarray | None, waited: np.ndarray,
            horizon: float) -> np.ndarray:
    """The chance of an offer within ``horizon`` weeks for an application that has spent
    ``waited`` whole weeks in ``stage``, under each draw: shaped (draws, len(waited)).
    A fractional horizon interpolates between whole weeks."""
    whole = math.floor(horizon)
    fraction = horizon - whole
    chances = [_within_weeks(stage, after, waited, whole)]
    if fraction > 0:
        chances.append(_within_weeks(stage, after, waited, whole + 1))
        return (1 - fraction) * chances[0] + fraction * chances[1]
    return chances[0]


def _within_weeks(stage: _Stage, after: np.ndarray | None, waited: np.ndarray,
                  horizon: int) -> np.ndarray:
    draws = stage.moving.shape[0]
    result = np.zeros((draws, len(waited)))
    if horizon <= 0:
        return result
    moves = stage.staying * stage.moving
    for column, start in enumerate(waited):
        weeks = np.arange(start, start + horizon)
        gain = moves[:, weeks]
        if after is not None:
            gain = gain * after[:, start + horizon - weeks]
        still = stage.staying[:, start]
        with np.errstate(divide="ignore", invalid="ignore"):
            result[:, column] = np.where(still > 0, gain.sum(axis=1) / still, 0.0)
    return np.clip(result, 0, 1)


def _mid_week(offer_by: np.ndarray) -> np.ndarray:
    """``offer_by`` for an application that moved on in the middle of a week rather than at
    its end: half a week more to the offer."""
    return 0.5 * (offer_by + np.concatenate([offer_by[:, 1:], offer_by[:, -1:]], axis=1))


@dataclass(frozen=True)
class _Model:
    stages: dict[str, _Stage]
    rates: list[StageRate]
    weeks: int

    def after(self, stage: str) -> np.ndarray | None:
        index = WAITING.index(stage)
        return _mid_week(self.stages[WAITING[index + 1]].offer_by) \
            if index + 1 < len(WAITING) else None

    def within(self, stage: str, waited: np.ndarray, horizon: float) -> np.ndarray:
        return _within(self.stages[stage], self.after(stage), waited, horizon)


def _fit(history: pd.DataFrame, as_of: dt.date, weeks: int, rng: np.random.Generator,
         draws: int) -> _Model:
    """The stages' hazards under ``draws`` rate draws, last stage first (each stage's chance
    of an offer needs the next one's)."""
    day = pd.Timestamp(as_of)
    stages: dict[str, _Stage] = {}
    rates = []
    after = None
    for stage in reversed(WAITING):
        days, how = _stage_exits(history, stage, day)
        cells = prior_cells(stage, weeks)
        np.add.at(cells, (how, _bins(days, how, weeks)), 1.0)
        moving, ending = _hazards(cells, rng, draws)
        stages[stage] = _chain(moving, ending, after)
        after = _mid_week(stages[stage].offer_by)
        eventually = stages[stage].offer_by[:, -1]
        low, high = np.quantile(eventually, [(1 - INTERVAL) / 2, (1 + INTERVAL) / 2])
        rates.append(StageRate(stage, len(days), int((how == FORWARD).sum()),
                               int((how == ENDED).sum()), int((how == CENSORED).sum()),
                               float(eventually.mean()), float(low), float(high)))
    return _Model(stages, rates[::-1], weeks)


def _grid_weeks(horizon_days: float) -> int:
    return MAX_AGE // WEEK + math.ceil(horizon_days / WEEK) + 3


def stage_rates(apps: pd.DataFrame, *, as_of: dt.date, seed: int = 0) -> list[StageRate]:
    """Each stage's counts and chance of an offer once there (with an 80% interval), from the
    applications as known on ``as_of``, those still waiting censored."""
    rng = np.random.default_rng(seed)
    return _fit(_history(apps, as_of), as_of, _grid_weeks(0), rng, RATE_DRAWS).rates


def _open_groups(history: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The open applications with their stage and whole days waiting in it (undated ones
    count as sent that day)."""
    waiting = history[history["open"]]
    stage = waiting["stage"].to_numpy()
    start = waiting["interviewed"].where(stage == "interviewed",
                                         waiting["replied"].where(stage == "replied",
                                                                  waiting["applied"]))
    days = (pd.Timestamp(as_of) - start).dt.days.fillna(0).to_numpy()
    return pd.DataFrame({"stage": stage, "days_waiting": np.clip(days, 0, MAX_AGE)
                         .astype(np.int64)}, index=waiting.index)


def pipeline_forecast(apps: pd.DataFrame, *, as_of: dt.date, horizon_days: int = 90,
                      draws: int = 5000, seed: int = 0,
                      interviews: pd.DataFrame | None = None) -> Forecast:
    """Offers expected from the applications open on ``as_of`` within ``horizon_days``, with
    an 80% interval and the chance of at least one, from the user's own history (see the
    module's docstring). Applications already at an offer are not counted (they have theirs);
    what happened after ``as_of`` is ignored; a horizon beyond ``MAX_HORIZON`` days counts as
    that. With the interview journal, an application whose next round is ahead is at the
    interview stage from the rounds it held (``interviewed_by``).

    >>> from analysis.sample import generate_applications
    >>> forecast = pipeline_forecast(generate_applications(150, seed=1,
    ...     end=dt.date(2026, 3, 31)), as_of=dt.date(2026, 3, 31), draws=500)
    >>> forecast.low <= forecast.expected <= forecast.high, 0 <= forecast.p_at_least_one <= 1
    (True, True)
    """
    horizon_days = min(max(int(horizon_days), 0), MAX_HORIZON)
    history = _history(interviewed_by(interviews, apps, as_of=as_of), as_of)
    rng = np.random.default_rng(seed)
    model = _fit(history, as_of, _grid_weeks(horizon_days), rng, min(draws, RATE_DRAWS))
    waiting = _open_groups(history, as_of)
    groups, chances = _group_chances(model, waiting, horizon_days)
    totals = np.zeros(draws, dtype=np.int64)
    mean_chance = np.zeros(len(waiting))
    p_none = np.ones(chances.shape[0])
    if len(groups):
        counts = groups["n"].to_numpy()
        picked = chances[np.arange(draws) % chances.shape[0]]
        totals = rng.binomial(np.broadcast_to(counts, picked.shape), picked).sum(axis=1)
        p_none = np.exp((np.log1p(-np.minimum(chances, 1 - 1e-12)) * counts).sum(axis=1))
        mean_of_group = pd.Series(chances.mean(axis=0),
                                  index=pd.MultiIndex.from_frame(groups[["stage", "week"]]))
        mean_chance = mean_of_group.reindex(pd.MultiIndex.from_arrays(
            [waiting["stage"], _lived(waiting["days_waiting"])])).to_numpy()
    expected = float(mean_chance.sum())
    low, high = discrete_interval(totals, INTERVAL) if len(waiting) else (0, 0)
    known = apps.loc[waiting.index]
    total = mean_chance.sum()
    table = pd.DataFrame({
        "row": waiting.index, "company": known[s.COMPANY].to_numpy(),
        "role": known[s.ROLE].to_numpy(), "stage": waiting["stage"].to_numpy(),
        "days_waiting": waiting["days_waiting"].to_numpy(), "chance": mean_chance,
        "share": mean_chance / total if total > 0 else np.zeros(len(waiting)),
    }).sort_values(["chance", "row"], ascending=[False, True], kind="stable")\
        .reset_index(drop=True)
    return Forecast(as_of=as_of, horizon_days=horizon_days, expected=expected, low=low,
                    high=high, p_at_least_one=float(1 - p_none.mean()) if len(waiting) else 0.0,
                    by_application=table, rates=model.rates,
                    notes=_notes(history, model.rates, table), draws=totals)


def open_chances(forecast: Forecast, *, rows: int | None = None) -> pd.DataFrame:
    """The open applications' chances (``by_application``, likeliest first), the first
    ``rows`` of them when given, with each one's stage in words (``WAITING_LABELS``)."""
    table = forecast.by_application if rows is None else forecast.by_application.head(rows)
    return table.assign(stage=table["stage"].map(WAITING_LABELS))


def _lived(days: pd.Series) -> pd.Series:
    """The whole weeks an application waiting ``days`` has lived through (week 0 being the
    day it entered its stage): see ``_bins``."""
    return days // WEEK + 1


def _group_chances(model: _Model, waiting: pd.DataFrame, horizon_days: int
                   ) -> tuple[pd.DataFrame, np.ndarray]:
    """The open applications grouped by stage and whole weeks waited, with each group's
    chance of an offer within the horizon under each rate draw (draws, groups)."""
    weeks = pd.DataFrame({"stage": waiting["stage"], "week": _lived(waiting["days_waiting"])})
    groups = weeks.value_counts().reset_index(name="n")
    groups["order"] = groups["stage"].map({name: i for i, name in enumerate(WAITING)})
    groups = groups.sort_values(["order", "week"]).reset_index(drop=True)
    draws = model.stages[WAITING[0]].moving.shape[0]
    chances = np.zeros((draws, len(groups)))
    for stage in WAITING:
        mask = (groups["stage"] == stage).to_numpy()
        if mask.any():
            chances[:, mask] = model.within(stage, groups.loc[mask, "week"].to_numpy(),
                                            horizon_days / WEEK)
    return groups, chances


def _notes(history: pd.DataFrame, rates: list[StageRate], table: pd.DataFrame) -> list[str]:
    notes = []
    undated = int((history["open"] & history["applied"].isna()).sum())
    if undated:
        notes.append(f"{plural(undated, 'open application')} without a date "
                     f"{verb(undated, 'counts', 'count')} as sent today.")
    if not history["offered"].any():
        notes.append("No offer in your history yet: the chance of one after an interview is "
                     f"the prior's (about {PRIOR['interviewed'].forward:.0%}), shrunk by the "
                     "interviews that ended without one.")
    present = set(table["stage"].unique())
    for rate in rates:
        if rate.prior_dominates and rate.stage in present:
            notes.append(rate.describe())
    return notes


def discrete_interval(counts: np.ndarray, level: float) -> tuple[int, int]:
    """The interval of whole numbers around the median whose simulated share is closest to
    ``level`` (for counts, the plain quantiles would often hold far more than asked).

    >>> discrete_interval(np.array([0] * 50 + [1] * 30 + [2] * 15 + [3] * 5), 0.8)
    (0, 1)
    """
    if len(counts) == 0:
        return 0, 0
    values, frequency = np.unique(counts, return_counts=True)
    share = frequency / frequency.sum()
    median = int(np.searchsorted(np.cumsum(share), 0.5))
    low = high = median
    covered = share[median]
    best = (abs(covered - level), low, high)
    while covered < level and (low > 0 or high < len(values) - 1):
        left = share[low - 1] if low > 0 else -1.0
        right = share[high + 1] if high < len(values) - 1 else -1.0
        if right > left or (right == left and high - median <= median - low):
            high += 1
            covered += share[high]
        else:
            low -= 1
            covered += share[low]
        if abs(covered - level) < best[0]:
            best = (abs(covered - level), low, high)
    return int(values[best[1]]), int(values[best[2]])
