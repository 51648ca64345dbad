"""Partial pooling by channel: a channel's rates start from its published figures, moved by
how the person's applications through the other channels do against theirs, and then by the
channel's own history; and what each channel's forecast stands on, in words.

At each stage the person's other channels say how they do against the published figures:
``observed`` moves on (replies, interviews, offers) against the ``expected`` number the
published figures give for the time each application has had (a standardised ratio). That
ratio, shrunk toward 1 by ``POOLING_WEIGHT`` expected events, multiplies the odds of the
channel's published chance; the channel's own applications are then counted alongside its
prior. A channel with three applications is so mostly its published rate, nudged by how the
person does elsewhere; one with a hundred, mostly its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.forecast.channels import CHANNEL_LABELS, CHANNEL_NOUNS, UNKNOWN
from analysis.forecast.hazards import StageChances, hazards, week_bins
from analysis.forecast.history import WAITING, stage_exits
from analysis.forecast.prior import FORWARD, PRIOR, PRIOR_WEIGHT, Parts, prior_cells
from analysis.forecast.published import MIX, channel_parts
from analysis.model.words import plural

POOLING_WEIGHT = 10  # expected moves on the person's overall ratio starts from (a ratio of 1)
MIX_WEIGHT = 20  # made-up applications of a typical search's mix, for unknown sources
FACTOR_RANGE = (0.25, 4.0)
OWN_MOSTLY, PUBLISHED_MOSTLY = 0.6, 0.4  # own data's share of what a rate stands on
SINGLE = "all"  # the one channel of the single prior


def stage_parts(channel: str, stage: str, factor: float = 1.0,
                mix: Mapping[str, float] | None = None) -> Parts:
    """A channel's prior at a stage, its chances of moving on scaled by ``factor`` (on the
    odds); for ``UNKNOWN`` the blend of ``mix``; ``SINGLE`` is the single stated prior of
    ``PRIOR``."""
    if channel == SINGLE:
        return ((1.0, PRIOR[stage]),)
    return tuple((share, prior.scaled(factor)) for share, prior in
                 channel_parts(channel, stage, mix))


def stage_weight(channel: str, stage: str, mix: Mapping[str, float] | None = None) -> float:
    """How many made-up applications a channel's prior at a stage is worth."""
    if channel == SINGLE:
        return PRIOR_WEIGHT
    return sum(share * prior.weight for share, prior in channel_parts(channel, stage, mix))


def forward_by_week(channel: str, stage: str, weeks: int,
                    mix: Mapping[str, float] | None = None) -> np.ndarray:
    """The published share of a channel's applications at a stage that has moved on by the
    end of each week (unscaled), shaped (weeks,)."""
    cells = prior_cells(stage, weeks, parts=stage_parts(channel, stage, mix=mix), weight=1.0)
    return np.cumsum(cells[FORWARD])


def person_mix(counts: Mapping[str, int]) -> dict[str, float]:
    """The blend an application of unknown source is read as: the person's applications
    of known channel (``counts``), alongside ``MIX_WEIGHT`` made-up ones split as a typical
    search's (``MIX``).

    >>> {c: round(share, 2) for c, share in person_mix({"referral": 20}).items()}
    {'job_board': 0.33, 'company_site': 0.11, 'referral': 0.53, 'recruiter': 0.04}
    """
    known = sum(counts.get(c, 0) for c in MIX)
    return {c: (counts.get(c, 0) + MIX_WEIGHT * share) / (known + MIX_WEIGHT)
            for c, share in MIX.items()}


def factors(observed: Mapping[str, float], expected: Mapping[str, float]) -> dict[str, float]:
    """Each channel's ratio from the other channels: their moves on against the published
    expectation, shrunk toward 1 by ``POOLING_WEIGHT``.

    >>> factors({"job_board": 30, "referral": 2}, {"job_board": 20, "referral": 2})
    {'job_board': 1.0, 'referral': 1.3333333333333333}
    """
    seen, wanted = sum(observed.values()), sum(expected.values())
    low, high = FACTOR_RANGE
    return {c: float(np.clip((seen - observed[c] + POOLING_WEIGHT) /
                             (wanted - expected[c] + POOLING_WEIGHT), low, high))
            for c in observed}


def published_chances(channel: str, mix: Mapping[str, float] | None = None
                      ) -> tuple[float, float, float]:
    """A channel's published chances of a reply, an interview given one, an offer given an
    interview (for ``UNKNOWN``, the blend of ``mix``)."""
    reply, interview, offer = (sum(share * prior.forward for share, prior in
                                   stage_parts(channel, stage, mix=mix))
                               for stage in ("applied", "replied", "interviewed"))
    return reply, interview, offer


@dataclass(frozen=True)
class ChannelRate:
    """What one channel's forecast stands on: its ``applications`` (``open`` of them still
    open), the ``interviews`` its offer stage stands on (all channels', which share it), the
    share of its first stage's rate that is the person's
    own (``own_share``; the rest is the published figure), the ratio its prior was moved by
    from the person's other channels (``factor``, replies), the published chances of a
    reply, an interview given one, an offer given an interview (``published``) and the same
    as pooled (``pooled``); and from the forecast, the offers ``expected`` from its open
    applications, an 80% interval ``low``-``high`` and the chance of at least one; for
    ``UNKNOWN``, the ``mix`` of channels it is read as."""

    channel: str
    applications: int
    open: int
    interviews: int
    own_share: float
    factor: float
    published: tuple[float, float, float]
    pooled: tuple[float, float, float]
    expected: float = 0.0
    low: int = 0
    high: int = 0
    p_at_least_one: float = 0.0
    mix: tuple[tuple[str, float], ...] = ()  # the blend an unknown source is read as

    @property
    def label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel)

    @property
    def published_per_100(self) -> float:
        return float(100 * np.prod(self.published))

    @property
    def pooled_per_100(self) -> float:
        return float(100 * np.prod(self.pooled))

    def describe(self) -> str:
        """In words: ``Your referrals: 3 applications, so mostly the published referral rate
        (8.4 offers per 100 applications); with your other applications' replies at 1.3x the
        published figures, 9.0 per 100.``"""
        noun = CHANNEL_NOUNS.get(self.channel, ("application", "applications"))[1]
        name = "that mix's published" if self.channel == UNKNOWN else \
            f"the published {self.label.lower()}"
        if self.own_share < PUBLISHED_MOSTLY:
            weight = f"so mostly {name} rate"
        elif self.own_share < OWN_MOSTLY:
            weight = f"so about half your own rate and half {name} one"
        else:
            weight = "so mostly your own rate"
        if self.channel == UNKNOWN:
            noun += " (read as a blend of channels: " + ", ".join(
                f"{share:.0%} {CHANNEL_LABELS[c].lower()}"
                for c, share in (self.mix or tuple(MIX.items()))) + ")"
        text = (f"Your {noun}: {plural(self.applications, 'application')}, {weight} "
                f"({self.published_per_100:.1f} offers per 100 applications published; "
                f"{self.pooled_per_100:.1f} per 100 for yours")
        if abs(self.factor - 1) >= 0.1 and self.own_share < OWN_MOSTLY:
            text += (f", with your other applications' replies at {self.factor:.1f}x the "
                     "published figures")
        text += ")"
        if self.own_share >= PUBLISHED_MOSTLY and self.interviews < PRIOR_WEIGHT:
            said = plural(self.interviews, "interview") if self.interviews else \
                "no interview yet"
            text += (f". With {said} in all your channels, the chance of an offer after one "
                     f"is still mostly the published {self.published[2]:.0%}")
        return text + "."


def method_paragraphs() -> list[str]:
    """How the forecast works and what it starts from, in words (Markdown), for the Plan
    page and the report."""
    said = []
    for channel in (*MIX, UNKNOWN):
        reply, interview, offer = published_chances(channel)
        said.append(f"{CHANNEL_LABELS[channel].lower()}: {reply:.0%} get a reply, "
                    f"{interview:.0%} of replies an interview, {offer:.0%} of interviews an "
                    f"offer ({100 * reply * interview * offer:.1f} per 100)")
    return [
        "Each application waits at a stage (applied, replied, interviewed) until it moves on "
        "or ends. From your history the dashboard estimates, week by week since reaching a "
        "stage, the chance of moving on and of ending, counting applications still waiting "
        "only for the weeks they have waited, for each channel your applications went "
        "through (read from their source). Chaining the stages gives each open "
        "application's chance of an offer within the horizon: one that has waited long past "
        "the usual reply time gets the small chance such applications had.",
        "**The prior** comes from published figures by channel (sources and strength of "
        "evidence in the README and the table below): " + "; ".join(said) + ". Each figure "
        "is worth 8 to 25 made-up applications, by the strength of its evidence, counted "
        "alongside yours. Before your own applications through a channel are counted, the "
        "figures are moved by how your applications through the other channels did against "
        "theirs, so a channel with three applications borrows from both: mostly its "
        "published rate, nudged by your own.",
        "**The interval** comes from 5,000 simulations that redraw your rates (a Bayesian "
        "bootstrap of your history and of the prior) as well as each application's outcome.",
    ]


def channel_ratios(history: pd.DataFrame, fitted: Sequence[str], day: pd.Timestamp,
                   weeks: int, mix: Mapping[str, float] | None = None
                   ) -> dict[str, dict[str, float]]:
    """Each channel's ratio at each stage, from how the other channels' applications moved
    on against their published figures (for unknown sources, the blend of ``mix``)."""
    ratios: dict[str, dict[str, float]] = {c: {"interviewed": 1.0} for c in fitted}
    for stage in WAITING[:-1]:  # the interview stage is shared (see ``shared_interviews``)
        observed, expected = {}, {}
        for channel in fitted:
            _, how, since = stage_exits(history[history["channel"] == channel], stage, day)
            published = forward_by_week(channel, stage, weeks, mix)
            observed[channel] = float((how == FORWARD).sum())
            expected[channel] = float(published[week_bins(since, np.full(len(since), FORWARD),
                                                          weeks)].sum())
        for channel, ratio in factors(observed, expected).items():
            ratios[channel][stage] = ratio
    return ratios


def channel_rate(channel: str, own: pd.DataFrame, day: pd.Timestamp,
                 stages: Mapping[str, StageChances], ratio: float, prior: str,
                 mix: Mapping[str, float] | None = None, interviews: int = 0) -> ChannelRate:
    """What a channel's forecast stands on: its applications ``own``, its chances ``stages``
    from the prior of ``prior`` (a channel, or ``SINGLE``; for unknown sources the blend of
    ``mix``), moved by ``ratio``, and the ``interviews`` its offer stage shares with the
    other channels."""
    reached = len(stage_exits(own, "applied", day)[0])
    onward = tuple(float(stages[stage].onward.mean()) for stage in WAITING)
    return ChannelRate(channel, len(own), int(own["open"].sum()), interviews,
                       float(reached / (reached + stage_weight(prior, "applied", mix))), ratio,
                       published_chances(prior, mix), (onward[0], onward[1], onward[2]),
                       mix=tuple((mix or MIX).items()) if channel == UNKNOWN else ())


def shared_interviews(history: pd.DataFrame, fitted: Sequence[str], day: pd.Timestamp,
                      weeks: int, rng: np.random.Generator, draws: int,
                      mix: Mapping[str, float]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The interview stage's weekly hazards of an offer and of a no for each channel, shaped
    (draws, weeks): once interviewed, the channel adds only a few points, so every channel's
    interviews are counted together, alongside the channels' published figures blended as
    the interviews are split (a typical search's split where there are none yet); each
    channel keeps the published odds of an offer against the blend's."""
    days, how, _ = stage_exits(history, "interviewed", day)
    reached = {c: float((history["channel"] == c)[history["interviewed"].notna()].sum())
               for c in fitted}
    parts = [(reached[channel] * s, prior) for channel in fitted
             for s, prior in stage_parts(channel, "interviewed", mix=mix)]
    if not sum(share for share, _ in parts):
        parts = list(channel_parts(UNKNOWN, "interviewed", mix))
    total = sum(share for share, _ in parts)
    blend = sum(share * prior.forward for share, prior in parts) / total
    cells = prior_cells("interviewed", weeks, parts=parts)
    np.add.at(cells, (how, week_bins(days, how, weeks)), 1.0)
    moving, ending = hazards(cells, rng, draws)
    shared = {}
    for channel in fitted:
        chance = sum(s * prior.forward for s, prior in stage_parts(channel, "interviewed",
                                                                   mix=mix))
        odds = chance / (1 - chance) / (blend / (1 - blend))
        scaled = np.clip(moving * odds, 0, 1)
        shared[channel] = (scaled, np.clip(ending * (1 - chance) / (1 - blend), 0, 1 - scaled))
    return shared
