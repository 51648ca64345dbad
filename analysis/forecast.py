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

from analysis import schema as s
from analysis.metrics import as_known_on, stage_codes, status_and_dates

STAGES = ("applied", "replied", "interviewed")
STAGE_LABELS = {"applied": "Applied, no reply yet", "replied": "Replied, no interview yet",
                "interviewed": "Interviewed"}
NEXT_LABELS = {"applied": "a reply", "replied": "an interview", "interviewed": "an offer"}


@dataclass(frozen=True)
class Prior:
    """What the forecast assumes about a stage before the user's history speaks: the chance
    of moving on (a reply, an interview, an offer) and of ending without an offer, with the
    typical days to each (the median of a lognormal). The rest stays silent."""

    forward: float
    forward_days: float
    ended: float
    ended_days: float


# About 45% of applications get a reply (most in one to two weeks), 40% of replies lead to an
# interview and a third of interviewed applications to an offer, three to six weeks later: some
# 6 offers per 100 applications, in line with what job-search surveys report for a mix of cold
# applications, recruiters and referrals.
PRIOR = {"applied": Prior(0.45, 8, 0.03, 30), "replied": Prior(0.40, 10, 0.50, 0),
         "interviewed": Prior(0.33, 28, 0.55, 28)}
PRIOR_SPREAD = 0.6  # of the lognormal times, on the log scale
PRIOR_WEIGHT = 10  # made-up applications per stage
MAX_AGE = 730  # days: a longer wait counts as this
MAX_HORIZON = 730  # days: a longer horizon counts as this
INTERVAL = 0.8
RATE_DRAWS = 400
WEEK = 7
_CENSORED, _FORWARD, _ENDED = 0, 1, 2


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
        text = (f"{STAGE_LABELS[self.stage]}: {self.forward} of {self.n} went on to "
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


# ---------------------------------------------------------------------------------------------
# The history, by stage


def _history(apps: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """For each application sent by ``as_of`` (as known that day): the day it entered each
    stage it reached, its furthest stage, whether it got an offer, ended without one (and
    when), or is still open."""
    known = as_known_on(status_and_dates(apps), as_of)
    codes = stage_codes(known)
    sent = known[codes >= 1]
    codes = codes[codes >= 1]
    status = sent[s.STATUS]
    applied = sent[s.DATE_APPLIED]
    replied = sent[s.FIRST_RESPONSE_DATE].fillna(sent[s.INTERVIEW_DATE])\
        .fillna(sent[s.DECISION_DATE]).where(codes >= 2)
    replied = replied.fillna(applied.where(codes >= 2))
    interviewed = sent[s.INTERVIEW_DATE].where(codes >= 4).fillna(replied.where(codes >= 4))
    offered = codes >= 5
    ended = ~offered & status.isin([s.REJECTED, s.WITHDRAWN, s.GHOSTED])
    return pd.DataFrame({
        "code": codes, "stage": np.where(codes >= 4, "interviewed",
                                         np.where(codes >= 2, "replied", "applied")),
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
    how = np.where(moved, _FORWARD, np.where(ended, _ENDED, _CENSORED))
    return days.astype(np.int64), how


def _bins(days: np.ndarray, how: np.ndarray, weeks: int) -> np.ndarray:
    """The week in which each application left its stage: week 0 is the day it entered (a
    rejection that was the reply itself), week ``k`` days ``7k - 6`` to ``7k``. One still
    waiting after ``d`` days has lived through week ``d // 7`` and part of the next, where it
    is counted as censored."""
    left = -(-days // WEEK)  # ceil
    return np.minimum(np.where(how == _CENSORED, days // WEEK + 1, left), weeks - 1)


def _prior_cells(stage: str, weeks: int) -> np.ndarray:
    """The prior cohort as weighted cells, shaped (3, weeks): censored (the silent share, at
    the grid's end), moving on and ending, by week."""
    from scipy.stats import lognorm

    prior = PRIOR[stage]
    edges = np.arange(weeks) * WEEK  # week k ends on day 7k
    cells = np.zeros((3, weeks))
    for row, chance, median in ((_FORWARD, prior.forward, prior.forward_days),
                                (_ENDED, prior.ended, prior.ended_days)):
        if median == 0:  # on the day the stage is reached
            cells[row, 0] = PRIOR_WEIGHT * chance
            continue
        share = np.diff(lognorm.cdf(edges, PRIOR_SPREAD, scale=median))
        cells[row, 1:] = PRIOR_WEIGHT * chance * share
    cells[_CENSORED, -1] = PRIOR_WEIGHT - cells[_FORWARD].sum() - cells[_ENDED].sum()
    return cells


def _hazards(cells: np.ndarray, rng: np.random.Generator, draws: int
             ) -> tuple[np.ndarray, np.ndarray]:
    """Weekly hazards of moving on and of ending, shaped (draws, weeks), from cells of
    weighted counts reweighted by Gamma draws (a Bayesian bootstrap). Censored applications
    count as at risk for half of their last week."""
    weights = rng.gamma(np.broadcast_to(cells, (draws, *cells.shape)))
    censored, forward, ended = weights[:, _CENSORED], weights[:, _FORWARD], weights[:, _ENDED]
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
        index = STAGES.index(stage)
        return _mid_week(self.stages[STAGES[index + 1]].offer_by) \
            if index + 1 < len(STAGES) else None

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
    for stage in reversed(STAGES):
        days, how = _stage_exits(history, stage, day)
        cells = _prior_cells(stage, weeks)
        np.add.at(cells, (how, _bins(days, how, weeks)), 1.0)
        moving, ending = _hazards(cells, rng, draws)
        stages[stage] = _chain(moving, ending, after)
        after = _mid_week(stages[stage].offer_by)
        eventually = stages[stage].offer_by[:, -1]
        low, high = np.quantile(eventually, [(1 - INTERVAL) / 2, (1 + INTERVAL) / 2])
        rates.append(StageRate(stage, len(days), int((how == _FORWARD).sum()),
                               int((how == _ENDED).sum()), int((how == _CENSORED).sum()),
                               float(eventually.mean()), float(low), float(high)))
    return _Model(stages, rates[::-1], weeks)


def _grid_weeks(horizon_days: float) -> int:
    return MAX_AGE // WEEK + math.ceil(horizon_days / WEEK) + 3


def stage_rates(apps: pd.DataFrame, *, as_of: dt.date, seed: int = 0) -> list[StageRate]:
    """Each stage's counts and chance of an offer once there (with an 80% interval), from the
    applications as known on ``as_of``, those still waiting censored."""
    rng = np.random.default_rng(seed)
    return _fit(_history(apps, as_of), as_of, _grid_weeks(0), rng, RATE_DRAWS).rates


# ---------------------------------------------------------------------------------------------
# The forecast


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
                      draws: int = 5000, seed: int = 0) -> Forecast:
    """Offers expected from the applications open on ``as_of`` within ``horizon_days``, with
    an 80% interval and the chance of at least one, from the user's own history (see the
    module's docstring). Applications already at an offer are not counted (they have theirs);
    what happened after ``as_of`` is ignored; a horizon beyond ``MAX_HORIZON`` days counts as
    that.

    >>> from analysis.sample import generate_applications
    >>> forecast = pipeline_forecast(generate_applications(150, seed=1,
    ...     end=dt.date(2026, 3, 31)), as_of=dt.date(2026, 3, 31), draws=500)
    >>> forecast.low <= forecast.expected <= forecast.high, 0 <= forecast.p_at_least_one <= 1
    (True, True)
    """
    horizon_days = min(max(int(horizon_days), 0), MAX_HORIZON)
    history = _history(apps, as_of)
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
    groups["order"] = groups["stage"].map({name: i for i, name in enumerate(STAGES)})
    groups = groups.sort_values(["order", "week"]).reset_index(drop=True)
    draws = model.stages[STAGES[0]].moving.shape[0]
    chances = np.zeros((draws, len(groups)))
    for stage in STAGES:
        mask = (groups["stage"] == stage).to_numpy()
        if mask.any():
            chances[:, mask] = model.within(stage, groups.loc[mask, "week"].to_numpy(),
                                            horizon_days / WEEK)
    return groups, chances


def _notes(history: pd.DataFrame, rates: list[StageRate], table: pd.DataFrame) -> list[str]:
    notes = []
    undated = int((history["open"] & history["applied"].isna()).sum())
    if undated:
        notes.append(f"{undated} open application(s) without a date count as sent today.")
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


@dataclass(frozen=True)
class Needed:
    """How many more applications give at least one offer by ``by_date`` with
    ``probability``: ``count`` (per week when ``per_week``, else in all; None with the
    ``reason`` when the history cannot say), the weeks left, the chance the open pipeline
    alone gives, and the chance one new application gives (sent today)."""

    count: int | None
    reason: str
    per_week: bool
    weeks: float
    pipeline_chance: float
    fresh_chance: float = 0.0

    def summary(self, by_date: dt.date, probability: float = 0.8) -> str:
        if self.count is None:
            return self.reason
        unit = " a week" if self.per_week else ""
        if self.count == 0:
            return (f"Your open applications alone give a {self.pipeline_chance:.0%} chance of "
                    f"an offer by {by_date:%-d %B %Y}: no more are needed for "
                    f"{probability:.0%}.")
        return (f"To have an offer by {by_date:%-d %B %Y} with {probability:.0%} probability: "
                f"about {self.count} application{'s' if self.count != 1 else ''}{unit}.")


MAX_PER_WEEK = 200


def applications_needed(apps: pd.DataFrame, *, as_of: dt.date, by_date: dt.date,
                        probability: float = 0.8, per_week: bool = True, draws: int = 2000,
                        seed: int = 0) -> Needed:
    """How many more applications, sent evenly from ``as_of`` (so many a week until
    ``by_date`` when ``per_week``, else in all), give at least one offer by ``by_date`` with
    ``probability``, counting the open pipeline. A new application follows the chain of
    stages from the start; the rates' uncertainty is carried through the draws (a new
    application and the pipeline share each draw's rates). None, with the reason, for a date
    that has passed, an empty history, or a goal out of reach (over 200 a week)."""
    days = (by_date - as_of).days
    if days <= 0:
        return Needed(None, f"{by_date:%-d %B %Y} is not after {as_of:%-d %B %Y}: pick a "
                            "later date.", per_week, 0.0, 0.0)
    history = _history(apps, as_of)
    weeks = days / WEEK
    if history.empty:
        return Needed(None, "No application sent yet: your history cannot say how many it "
                            "takes.", per_week, weeks, 0.0)
    rng = np.random.default_rng(seed)
    within = min(days, MAX_HORIZON)  # a later date counts as this far
    model = _fit(history, as_of, _grid_weeks(within), rng, min(draws, RATE_DRAWS))
    groups, chances = _group_chances(model, _open_groups(history, as_of), within)
    counts = groups["n"].to_numpy()
    none_yet = np.exp((np.log1p(-np.minimum(chances, 1 - 1e-12)) * counts).sum(axis=1))
    pipeline = float(1 - none_yet.mean())
    periods = max(math.ceil(weeks), 1)
    # A new application sent ``d`` days from now has ``days - d`` days to bring an offer.
    fresh_by = model.stages["applied"].offer_by
    fresh = float(_interpolate(fresh_by, np.array([weeks + 1]))[:, 0].mean())

    # Applications sent in one week share a chance: the middle of the week stands for all.
    left = weeks - (np.arange(periods) + 0.5) * weeks / periods
    missed = np.log1p(-np.minimum(_interpolate(fresh_by, left + 1), 1 - 1e-12))

    def reached(count: int) -> float:
        sent = np.full(periods, count) if per_week else \
            np.diff(np.floor(np.linspace(0, count, periods + 1)))
        if not sent.any():
            return pipeline
        return float(1 - (none_yet * np.exp(missed @ sent)).mean())

    if reached(0) >= probability:
        return Needed(0, "", per_week, weeks, pipeline, fresh)
    limit = MAX_PER_WEEK if per_week else MAX_PER_WEEK * periods
    if reached(limit) < probability:
        return Needed(None, f"Out of reach by {by_date:%-d %B %Y} at your rates: even {limit} "
                            f"applications{' a week' if per_week else ''} would not give "
                            f"{probability:.0%}. A later date, or better rates, would.",
                      per_week, weeks, pipeline, fresh)
    low, high = 0, limit
    while high - low > 1:
        middle = (low + high) // 2
        if reached(middle) >= probability:
            high = middle
        else:
            low = middle
    return Needed(high, "", per_week, weeks, pipeline, fresh)


def _interpolate(offer_by: np.ndarray, weeks: np.ndarray) -> np.ndarray:
    """``offer_by`` (draws, weeks + 1) read at fractional weeks: (draws, len(weeks))."""
    weeks = np.clip(weeks, 0, offer_by.shape[1] - 1)
    below = np.floor(weeks).astype(int)
    above = np.minimum(below + 1, offer_by.shape[1] - 1)
    fraction = weeks - below
    return offer_by[:, below] * (1 - fraction) + offer_by[:, above] * fraction


# ---------------------------------------------------------------------------------------------
# Checked against the user's own past


def backtest(apps: pd.DataFrame, *, as_of: dt.date, days_back: tuple[int, ...] = (60, 90),
             draws: int = 2000, seed: int = 0) -> pd.DataFrame:
    """The forecast made on the data as known ``days_back`` days before ``as_of``, for the
    ``days_back`` days since, against the offers that came: ``days_back``, ``as_known_on``,
    ``open`` (applications open then), ``expected``, ``low``, ``high``, ``actual``,
    ``inside`` (the actual number in the interval)."""
    rows = []
    codes = stage_codes(apps)
    decided = apps[s.DECISION_DATE]
    for back in days_back:
        then = as_of - dt.timedelta(days=back)
        forecast = pipeline_forecast(apps, as_of=then, horizon_days=back, draws=draws,
                                     seed=seed)
        rows_then = forecast.by_application["row"].to_numpy()
        got = (codes.loc[rows_then] >= 5) & \
            (decided.loc[rows_then].isna() | (decided.loc[rows_then] <= pd.Timestamp(as_of)))
        actual = int(got.sum())
        rows.append({"days_back": back, "as_known_on": then, "open": len(rows_then),
                     "expected": forecast.expected, "low": forecast.low, "high": forecast.high,
                     "actual": actual, "inside": forecast.low <= actual <= forecast.high})
    return pd.DataFrame(rows)


def backtest_lines(table: pd.DataFrame) -> list[str]:
    """``backtest`` in words: "60 days ago (28 Sep): 1.2 offers expected, 80% interval 0-3;
    you got 1 (inside the interval)."."""
    lines = []
    for row in table.itertuples():
        if not row.open:
            lines.append(f"{row.days_back} days ago: nothing was open, so nothing to check.")
            continue
        lines.append(f"{row.days_back} days ago ({row.as_known_on:%-d %b}): "
                     f"{row.expected:.1f} offers expected, 80% interval {row.low}-{row.high}; "
                     f"you got {row.actual}"
                     + (" (inside the interval)." if row.inside else " (outside the interval)."))
    return lines


# ---------------------------------------------------------------------------------------------
# Checked on simulated searches with known rates

CALIBRATION_SIZES = (60, 150, 300)


def _as_seen(apps: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The table as its owner saw it on ``as_of``. A ghosting or withdrawal without a date
    cannot be placed in time, and the generator decides them knowing the future (no reply
    ever came); on ``as_of`` they are still waiting."""
    known = as_known_on(apps, as_of)
    undated = known[s.STATUS].isin([s.GHOSTED, s.WITHDRAWN]) & known[s.DECISION_DATE].isna()
    replied = known[s.FIRST_RESPONSE_DATE].notna()
    waiting = np.where(replied, s.SCREENING, s.APPLIED)
    return known.assign(**{s.STATUS: known[s.STATUS].mask(undated, pd.Series(
        waiting, index=known.index))})


def calibration(searches: int = 300, *, horizon_days: int = 60, draws: int = 2000,
                seed: int = 0) -> pd.DataFrame:
    """The forecast made ``horizon_days`` before the end of ``searches`` simulated searches
    (``analysis.sample``'s generator, whose rates are known, in sizes of 60, 150 and 300
    applications) against the offers that came by the end: one row per search with
    ``size``, ``open``, ``expected``, ``low``, ``high``, ``p_at_least_one``, ``actual`` and
    ``inside``."""
    from analysis.sample import generate_applications

    end = dt.date(2026, 6, 30)
    then = end - dt.timedelta(days=horizon_days)
    rows = []
    for k in range(searches):
        size = CALIBRATION_SIZES[k % len(CALIBRATION_SIZES)]
        apps = generate_applications(size, seed=seed + k, end=end,
                                     span_days=120 + horizon_days)
        forecast = pipeline_forecast(_as_seen(apps, then), as_of=then,
                                     horizon_days=horizon_days, draws=draws, seed=seed + k)
        rows_then = forecast.by_application["row"].to_numpy()
        actual = int((stage_codes(apps.loc[rows_then]) >= 5).sum())
        rows.append({"size": size, "open": len(rows_then), "expected": forecast.expected,
                     "low": forecast.low, "high": forecast.high,
                     "p_at_least_one": forecast.p_at_least_one, "actual": actual,
                     "inside": forecast.low <= actual <= forecast.high})
    return pd.DataFrame(rows)


def calibration_summary(table: pd.DataFrame, *, bins: int = 5) -> tuple[float, pd.DataFrame]:
    """The share of searches whose 80% interval held the offers that came, and
    ``p_at_least_one`` against the share that got one, in ``bins`` bins of as many searches
    each (``searches``, ``predicted``, ``observed``, ``gap``)."""
    binned = pd.qcut(table["p_at_least_one"].rank(method="first"), bins, labels=False)
    by_bin = table.assign(got=table["actual"] > 0).groupby(binned, observed=True).agg(
        searches=("got", "size"), predicted=("p_at_least_one", "mean"),
        observed=("got", "mean"))
    by_bin["gap"] = by_bin["observed"] - by_bin["predicted"]
    return float(table["inside"].mean()), by_bin
