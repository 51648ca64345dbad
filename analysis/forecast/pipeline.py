"""What the open applications will likely bring, and what it takes to reach an offer.

The model is the user's own history, read with censoring, as a chain of stages: an application
waits in a stage (applied, replied, interviewed) until it moves on (a reply, an interview, an
offer) or ends without an offer (a rejection, a withdrawal, a ghosting with its date); one
still waiting is censored, counted for the weeks it has waited and no more. Each stage has two
competing weekly hazards, moving on and ending, estimated as in Aalen-Johansen's estimator of
cumulative incidence; chaining the stages gives, for an application at a stage that has
waited ``a`` weeks, its chance of an offer within the horizon. An application that has gone
quiet for months gets the (small) chance of the applications that went quiet as long.

Each channel (job board, company site, referral, recruiter, unknown: ``channels``, read from
the source) has its own chain. With few resolved applications, its hazards are shrunk toward
its published figures (``published``), themselves moved by how the person's other channels do
against theirs (``pooling``): a cohort of made-up applications per stage, with typical chances
and times, counted alongside the user's. Where the made-up applications outweigh the
history, the forecast says so, channel by channel. ``by_channel=False`` gives the single
stated prior of before (``PRIOR``) to every application.

The intervals come from simulation that carries the uncertainty of the rates as well as the
chance of each application: each of ``RATE_DRAWS`` Bayesian-bootstrap draws reweights the
history (and the prior cohort) with Gamma weights and recomputes every hazard; each simulated
count of offers draws every open application's outcome under one of those rate draws.
Applications of one channel, one stage and one week of waiting share a chance, so a draw is a
few hundred binomials, whatever the number of applications. Everything is reproducible with
``seed``; nothing here modifies its inputs.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from analysis.forecast.channels import CHANNELS, UNKNOWN
from analysis.forecast.hazards import (
    StageChances,
    chain,
    discrete_interval,
    hazards,
    mid_week,
    week_bins,
    within,
)
from analysis.forecast.history import (
    MAX_AGE,
    NEXT_LABELS,
    WAITING,
    WAITING_LABELS,
    open_groups,
    stage_exits,
    stage_history,
)
from analysis.forecast.pooling import (
    SINGLE,
    ChannelRate,
    channel_rate,
    channel_ratios,
    person_mix,
    shared_interviews,
    stage_parts,
    stage_weight,
)
from analysis.forecast.prior import CENSORED, ENDED, FORWARD, PRIOR, PRIOR_WEIGHT, WEEK, prior_cells
from analysis.interviews.journal import interviewed_by
from analysis.model import schema as s
from analysis.model.words import plural, verb

__all__ = ["INTERVAL", "MAX_AGE", "MAX_HORIZON", "NEXT_LABELS", "RATE_DRAWS", "WAITING",
           "WAITING_LABELS", "Forecast", "StageRate", "channel_forecast", "discrete_interval",
           "open_chances", "pipeline_forecast", "stage_rates"]

MAX_HORIZON = 730  # days: a longer horizon counts as this
INTERVAL = 0.8
RATE_DRAWS = 400


@dataclass(frozen=True)
class StageRate:
    """What the history says about one stage: applications that reached it (``n``), those
    that moved on, ended and are still waiting, and the chance of an offer once there
    (``chance``, with an 80% interval ``low``-``high``, prior included). The prior it was
    shrunk toward (the chance of moving on, its typical days and its weight in made-up
    applications) is the single stated ``PRIOR`` unless given."""

    stage: str
    n: int
    forward: int
    ended: int
    waiting: int
    chance: float
    low: float
    high: float
    prior_forward: float | None = None
    prior_days: float | None = None
    prior_weight: float | None = None

    @property
    def resolved(self) -> int:
        return self.forward + self.ended

    @property
    def weight(self) -> float:
        return PRIOR_WEIGHT if self.prior_weight is None else self.prior_weight

    @property
    def prior_dominates(self) -> bool:
        return self.resolved < self.weight

    def describe(self) -> str:
        """In words: ``Interviewed: 3 of 12 moved on to an offer, 5 ended without one, 4
        waiting; chance of an offer from here 24% (80%: 12-38%)``."""
        forward = PRIOR[self.stage].forward if self.prior_forward is None else \
            self.prior_forward
        days = PRIOR[self.stage].forward_days if self.prior_days is None else self.prior_days
        text = (f"{WAITING_LABELS[self.stage]}: {self.forward} of {self.n} went on to "
                f"{NEXT_LABELS[self.stage]}, {self.ended} ended without one, {self.waiting} "
                f"still waiting; chance of an offer from here {self.chance:.0%} "
                f"(80% interval {self.low:.0%}-{self.high:.0%})")
        if self.prior_dominates:
            text += (f". With {self.resolved} resolved, fewer than the prior's "
                     f"{self.weight:.0f} made-up applications (saying {forward:.0%} go on to "
                     f"{NEXT_LABELS[self.stage]} in about {days:.0f} days), the prior "
                     "dominates")
        return text + "."


@dataclass(frozen=True)
class Forecast:
    """Offers expected from the open applications within ``horizon_days`` of ``as_of``:
    ``expected``, an 80% interval ``low``-``high``, the chance of at least one
    (``p_at_least_one``), each open application's chance (``by_application``: row, company,
    role, stage, days_waiting, chance, share of the expected offers, channel), the stage
    rates it stands on, notes in words (the prior's weight, what was left out) and, channel
    by channel, what each stands on and brings (``channels``)."""

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
    channels: list[ChannelRate] = field(default_factory=list)

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


@dataclass(frozen=True)
class _Model:
    stages: dict[str, dict[str, StageChances]]  # channel -> stage -> its chances
    rates: list[StageRate]
    channels: list[ChannelRate]
    weeks: int

    def chances(self, channel: str) -> dict[str, StageChances]:
        return self.stages[channel] if channel in self.stages else self.stages[SINGLE]

    def after(self, channel: str, stage: str) -> np.ndarray | None:
        index = WAITING.index(stage)
        return mid_week(self.chances(channel)[WAITING[index + 1]].offer_by) \
            if index + 1 < len(WAITING) else None

    def within(self, channel: str, stage: str, waited: np.ndarray,
               horizon: float) -> np.ndarray:
        return within(self.chances(channel)[stage], self.after(channel, stage), waited,
                      horizon)


def _fit(history: pd.DataFrame, as_of: dt.date, weeks: int, rng: np.random.Generator,
         draws: int, *, by_channel: bool = True, also: Sequence[str] = ()) -> _Model:
    """Each channel's stages' hazards under ``draws`` rate draws, last stage first (each
    stage's chance of an offer needs the next one's): the channels of the history and those
    in ``also``, or the single prior for all when not ``by_channel``."""
    day = pd.Timestamp(as_of)
    present = set(history["channel"]) | set(also)
    # With no history, an application of unknown source is what there is to say anything of.
    fitted = ([c for c in CHANNELS if c in present] or [UNKNOWN]) if by_channel else [SINGLE]
    mix = person_mix({str(c): int(n) for c, n in history["channel"].value_counts().items()})
    ratios = channel_ratios(history, fitted, day, weeks, mix) if by_channel else \
        {SINGLE: dict.fromkeys(WAITING, 1.0)}
    stages: dict[str, dict[str, StageChances]] = {}
    eventually: dict[str, dict[str, np.ndarray]] = {}
    counts: dict[str, dict[str, np.ndarray]] = {}
    shared = shared_interviews(history, fitted, day, weeks, rng, draws, mix) if by_channel \
        else {}
    for channel in fitted:
        own = history[history["channel"] == channel] if by_channel else history
        stages[channel], eventually[channel], counts[channel] = {}, {}, {}
        after = None
        for stage in reversed(WAITING):
            days, how, _ = stage_exits(own, stage, day)
            if stage == "interviewed" and by_channel:
                moving, ending = shared[channel]
            else:
                cells = prior_cells(stage, weeks, parts=stage_parts(
                    channel, stage, ratios[channel][stage], mix), weight=stage_weight(
                    channel, stage, mix))
                np.add.at(cells, (how, week_bins(days, how, weeks)), 1.0)
                moving, ending = hazards(cells, rng, draws)
            stages[channel][stage] = chain(moving, ending, after)
            after = mid_week(stages[channel][stage].offer_by)
            eventually[channel][stage] = stages[channel][stage].offer_by[:, -1]
            counts[channel][stage] = np.bincount(how, minlength=3)
    rates = [_stage_rate(stage, fitted, history, eventually, counts, by_channel, mix)
             for stage in WAITING]
    # The single prior's forecast is read channel by channel too, for comparison.
    named = [c for c in CHANNELS if c in set(history["channel"])]
    interviews = len(stage_exits(history, "interviewed", day)[0])
    channels = [channel_rate(c, history[history["channel"] == c], day,
                             stages[c] if by_channel else stages[SINGLE],
                             ratios[c if by_channel else SINGLE]["applied"],
                             c if by_channel else SINGLE, mix, interviews) for c in named]
    return _Model(stages, rates, channels, weeks)


def _stage_rate(stage: str, fitted: Sequence[str], history: pd.DataFrame,
                eventually: dict[str, dict[str, np.ndarray]],
                counts: dict[str, dict[str, np.ndarray]], by_channel: bool,
                mix: Mapping[str, float]) -> StageRate:
    """One stage over all channels: the counts summed, the chance of an offer and the prior
    each channel's weighted by its applications at the stage (by all of them if none)."""
    at_stage = np.array([counts[c][stage].sum() for c in fitted], dtype=float)
    if not at_stage.sum():
        at_stage = np.array([(history["channel"] == c).sum() for c in fitted], dtype=float)
    share = at_stage / at_stage.sum() if at_stage.sum() else np.full(len(fitted),
                                                                      1 / len(fitted))
    chance = sum(w * eventually[c][stage] for w, c in zip(share, fitted, strict=True))
    low, high = np.quantile(chance, [(1 - INTERVAL) / 2, (1 + INTERVAL) / 2])
    total = np.sum([counts[c][stage] for c in fitted], axis=0)
    prior = None
    if by_channel:
        parts = [(w * p, prior) for w, c in zip(share, fitted, strict=True)
                 for p, prior in stage_parts(c, stage, mix=mix)]
        prior = (sum(w * p.forward for w, p in parts), sum(w * p.forward_days for w, p in parts),
                 sum(w * stage_weight(c, stage, mix) for w, c in zip(share, fitted,
                                                                      strict=True)))
    return StageRate(stage, int(total.sum()), int(total[FORWARD]), int(total[ENDED]),
                     int(total[CENSORED]), float(np.mean(chance)), float(low), float(high),
                     *(prior or (None, None, None)))


def _grid_weeks(horizon_days: float) -> int:
    return MAX_AGE // WEEK + math.ceil(horizon_days / WEEK) + 3


def stage_rates(apps: pd.DataFrame, *, as_of: dt.date, seed: int = 0) -> list[StageRate]:
    """Each stage's counts and chance of an offer once there (with an 80% interval), from the
    applications as known on ``as_of``, those still waiting censored."""
    rng = np.random.default_rng(seed)
    return _fit(stage_history(apps, as_of), as_of, _grid_weeks(0), rng, RATE_DRAWS).rates


def pipeline_forecast(apps: pd.DataFrame, *, as_of: dt.date, horizon_days: int = 90,
                      draws: int = 5000, seed: int = 0) -> Forecast:
    """Offers expected from the applications open on ``as_of`` within ``horizon_days``, with
    an 80% interval and the chance of at least one, from the user's own history and the
    published figures of each channel, the channels read from the sources (see the module's
    docstring; ``channel_forecast`` takes the person's own reading of their sources).
    Applications already at an offer are not counted (they have theirs); what happened after
    ``as_of`` is ignored; a horizon beyond ``MAX_HORIZON`` days counts as that.
    ``channel_forecast`` also takes the interview journal, as the pages and reports give it.

    >>> from analysis.sample import generate_applications
    >>> forecast = pipeline_forecast(generate_applications(150, seed=1,
    ...     end=dt.date(2026, 3, 31)), as_of=dt.date(2026, 3, 31), draws=500)
    >>> forecast.low <= forecast.expected <= forecast.high, 0 <= forecast.p_at_least_one <= 1
    (True, True)
    """
    return channel_forecast(apps, as_of=as_of, horizon_days=horizon_days, draws=draws,
                            seed=seed)


def channel_forecast(apps: pd.DataFrame, *, as_of: dt.date,
                     channels: Mapping[str, str] | None = None, horizon_days: int = 90,
                     draws: int = 5000, seed: int = 0, by_channel: bool = True,
                     interviews: pd.DataFrame | None = None) -> Forecast:
    """``pipeline_forecast`` with the person's mapping of sources to channels (``channels``,
    source to one of ``CHANNELS``, before the vocabulary), or with the single stated prior
    for every application when not ``by_channel`` (as the forecast was before it read
    channels). With the interview journal (``interviews``), an application whose next round
    is ahead is at the interview stage from the rounds it held (``interviewed_by``)."""
    horizon_days = min(max(int(horizon_days), 0), MAX_HORIZON)
    history = stage_history(interviewed_by(interviews, apps, as_of=as_of), as_of, channels)
    rng = np.random.default_rng(seed)
    model = _fit(history, as_of, _grid_weeks(horizon_days), rng, min(draws, RATE_DRAWS),
                 by_channel=by_channel)
    waiting = open_groups(history, as_of)
    groups, chances = _group_chances(model, waiting, horizon_days)
    offers = np.zeros((draws, len(groups)), dtype=np.int64)
    mean_chance = np.zeros(len(waiting))
    p_none = np.ones(chances.shape[0])
    if len(groups):
        counts = groups["n"].to_numpy()
        picked = chances[np.arange(draws) % chances.shape[0]]
        offers = rng.binomial(np.broadcast_to(counts, picked.shape), picked)
        p_none = _none(chances, counts)
        mean_of_group = pd.Series(chances.mean(axis=0), index=pd.MultiIndex.from_frame(
            groups[["channel", "stage", "week"]]))
        mean_chance = mean_of_group.reindex(pd.MultiIndex.from_arrays(
            [waiting["channel"], waiting["stage"], _lived(waiting["days_waiting"])])).to_numpy()
    totals = offers.sum(axis=1)
    expected = float(mean_chance.sum())
    low, high = discrete_interval(totals, INTERVAL) if len(waiting) else (0, 0)
    known = apps.loc[waiting.index]
    total = mean_chance.sum()
    table = pd.DataFrame({
        "row": waiting.index, "company": known[s.COMPANY].to_numpy(),
        "role": known[s.ROLE].to_numpy(), "stage": waiting["stage"].to_numpy(),
        "days_waiting": waiting["days_waiting"].to_numpy(), "chance": mean_chance,
        "share": mean_chance / total if total > 0 else np.zeros(len(waiting)),
        "channel": waiting["channel"].to_numpy(),
    }).sort_values(["chance", "row"], ascending=[False, True], kind="stable")\
        .reset_index(drop=True)
    rates = [_brought(rate, groups, chances, offers) for rate in model.channels]
    return Forecast(as_of=as_of, horizon_days=horizon_days, expected=expected, low=low,
                    high=high, p_at_least_one=float(1 - p_none.mean()) if len(waiting) else 0.0,
                    by_application=table, rates=model.rates,
                    notes=_notes(history, model, table), draws=totals, channels=rates)


def _none(chances: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The chance of no offer at all from groups of ``counts`` applications, per rate draw."""
    return np.exp((np.log1p(-np.minimum(chances, 1 - 1e-12)) * counts).sum(axis=1))


def _brought(rate: ChannelRate, groups: pd.DataFrame, chances: np.ndarray,
             offers: np.ndarray) -> ChannelRate:
    """A channel's rates with what its open applications bring: offers expected, the 80%
    interval and the chance of at least one."""
    mine = (groups["channel"] == rate.channel).to_numpy() if len(groups) else \
        np.zeros(0, dtype=bool)
    if not mine.any():
        return rate
    counts = groups["n"].to_numpy()[mine]
    low, high = discrete_interval(offers[:, mine].sum(axis=1), INTERVAL)
    return replace(rate, expected=float((chances[:, mine].mean(axis=0) * counts).sum()),
                   low=low, high=high,
                   p_at_least_one=float(1 - _none(chances[:, mine], counts).mean()))


def open_chances(forecast: Forecast, *, rows: int | None = None) -> pd.DataFrame:
    """The open applications' chances (``by_application``, likeliest first), the first
    ``rows`` of them when given, with each one's stage in words (``WAITING_LABELS``)."""
    table = forecast.by_application if rows is None else forecast.by_application.head(rows)
    return table.assign(stage=table["stage"].map(WAITING_LABELS))


def _lived(days: pd.Series) -> pd.Series:
    """The whole weeks an application waiting ``days`` has lived through (week 0 being the
    day it entered its stage): see ``week_bins``."""
    return days // WEEK + 1


def _group_chances(model: _Model, waiting: pd.DataFrame, horizon_days: float
                   ) -> tuple[pd.DataFrame, np.ndarray]:
    """The open applications grouped by channel, stage and whole weeks waited, with each
    group's chance of an offer within the horizon under each rate draw (draws, groups)."""
    weeks = pd.DataFrame({"channel": waiting["channel"], "stage": waiting["stage"],
                          "week": _lived(waiting["days_waiting"])})
    groups = weeks.value_counts().reset_index(name="n")
    groups["order"] = groups["stage"].map({name: i for i, name in enumerate(WAITING)})
    groups = groups.sort_values(["channel", "order", "week"]).reset_index(drop=True)
    draws = next(iter(model.stages.values()))[WAITING[0]].moving.shape[0]
    chances = np.zeros((draws, len(groups)))
    for channel, stage in groups[["channel", "stage"]].drop_duplicates().itertuples(
            index=False):
        picked = ((groups["channel"] == channel) & (groups["stage"] == stage)).to_numpy()
        chances[:, picked] = model.within(str(channel), str(stage),
                                          groups.loc[picked, "week"].to_numpy(),
                                          horizon_days / WEEK)
    return groups, chances


def _notes(history: pd.DataFrame, model: _Model, table: pd.DataFrame) -> list[str]:
    notes = []
    undated = int((history["open"] & history["applied"].isna()).sum())
    if undated:
        notes.append(f"{plural(undated, 'open application')} without a date "
                     f"{verb(undated, 'counts', 'count')} as sent today.")
    interviewed = model.rates[-1]
    if not history["offered"].any():
        prior = interviewed.prior_forward if interviewed.prior_forward is not None else \
            PRIOR["interviewed"].forward
        notes.append("No offer in your history yet: the chance of one after an interview is "
                     f"the prior's (about {prior:.0%}), shrunk by the interviews that ended "
                     "without one.")
    present = set(table["stage"].unique())
    for rate in model.rates:
        if rate.prior_dominates and rate.stage in present:
            notes.append(rate.describe())
    waiting = set(table["channel"].unique())
    if SINGLE not in model.stages:
        notes += [rate.describe() for rate in model.channels if rate.channel in waiting]
    return notes
