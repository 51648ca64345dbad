"""What it takes to reach an offer by a date: applications a week, with the chance, through
the person's usual mix of channels or through one of them."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.forecast.channels import CHANNEL_NOUNS, CHANNELS, NAMED_CHANNELS
from analysis.forecast.hazards import interpolate
from analysis.forecast.history import open_groups, stage_history
from analysis.forecast.pipeline import (
    MAX_HORIZON,
    RATE_DRAWS,
    _fit,
    _grid_weeks,
    _group_chances,
    _none,
)
from analysis.forecast.prior import WEEK
from analysis.interviews.journal import interviewed_by

MIX = "mix"  # the person's own mix of channels, as their history has it


@dataclass(frozen=True)
class Needed:
    """How many more applications give at least one offer by ``by_date`` with
    ``probability``: ``count`` (per week when ``per_week``, else in all; None with the
    ``reason`` when the history cannot say), the weeks left, the chance the open pipeline
    alone gives, and the chance one new application gives (sent today), all through
    ``channel`` (``MIX``: the person's usual mix); and the count through each named channel
    instead (``by_channel``: None where out of reach)."""

    count: int | None
    reason: str
    per_week: bool
    weeks: float
    pipeline_chance: float
    fresh_chance: float = 0.0
    channel: str = MIX
    by_channel: dict[str, int | None] = field(default_factory=dict)

    def summary(self, by_date: dt.date, probability: float = 0.8) -> str:
        if self.count is None:
            return self.reason
        unit = " a week" if self.per_week else ""
        if self.count == 0:
            return (f"Your open applications alone give a {self.pipeline_chance:.0%} chance of "
                    f"an offer by {by_date:%-d %B %Y}: no more are needed for "
                    f"{probability:.0%}.")
        noun = "application" if self.channel == MIX else \
            CHANNEL_NOUNS[self.channel][0 if self.count == 1 else 1]
        if self.channel == MIX:
            noun += "s" if self.count != 1 else ""
        return (f"To have an offer by {by_date:%-d %B %Y} with {probability:.0%} probability: "
                f"about {self.count} {noun}{unit}.")

    def channel_summary(self) -> str:
        """Through each channel instead, in words: ``By channel: about 12 job-board
        applications a week, or 3 referrals a week.`` (empty without a count)."""
        if not self.count or not self.by_channel:
            return ""
        unit = " a week" if self.per_week else ""
        said = [f"{count} {CHANNEL_NOUNS[c][0 if count == 1 else 1]}{unit}"
                for c, count in self.by_channel.items() if count]
        out = [CHANNEL_NOUNS[c][1] for c, count in self.by_channel.items() if count is None]
        text = ("By channel: about " + ", or ".join(said) + ".") if said else ""
        if out:
            text += (" " if text else "") + f"Out of reach through {' or '.join(out)} alone."
        return text

    def assumptions(self, by_date: dt.date) -> str:
        """What the count assumes, in words: "" when no week is left.

        >>> Needed(3, "", True, 4.0, 0.2, 0.031).assumptions(dt.date(2026, 5, 1))[:58]
        'Assumes new applications go out evenly over the 4 weeks le'
        """
        if self.weeks <= 0:
            return ""
        return (f"Assumes new applications go out evenly over the {self.weeks:.0f} weeks left, "
                f"each with your current chance for a new application "
                f"({self.fresh_chance:.1%} of an offer by {by_date:%-d %B} for one sent today, "
                f"less for later ones), on top of your open applications "
                f"({self.pipeline_chance:.0%} chance of an offer by then on their own), and "
                "that your rates stay as they have been; their uncertainty is carried through.")


MAX_PER_WEEK = 200
DEFAULT_TARGET_DAYS = 90  # the day to have an offer by, unless the user picks another


def default_offer_by(as_of: dt.date, days: int = DEFAULT_TARGET_DAYS) -> dt.date:
    """The day to have an offer by that the plan starts from: ``days`` after ``as_of``.

    >>> default_offer_by(dt.date(2026, 3, 1))
    datetime.date(2026, 5, 30)
    """
    return as_of + dt.timedelta(days=days)


def applications_needed(apps: pd.DataFrame, *, as_of: dt.date, by_date: dt.date,
                        probability: float = 0.8, per_week: bool = True, draws: int = 2000,
                        seed: int = 0, channel: str = MIX,
                        channels: Mapping[str, str] | None = None,
                        interviews: pd.DataFrame | None = None) -> Needed:
    """How many more applications, sent evenly from ``as_of`` (so many a week until
    ``by_date`` when ``per_week``, else in all) through ``channel`` (one of ``CHANNELS``, or
    ``MIX``: split as the person's history is), give at least one offer by ``by_date`` with
    ``probability``, counting the open pipeline; and the same through each named channel
    (``by_channel``). A new application follows its channel's chain of stages from the
    start; the rates' uncertainty is carried through the draws (a new application and the
    pipeline share each draw's rates). ``channels`` is the person's mapping of sources, as
    for ``channel_forecast``, and so is the journal (``interviews``). None, with the reason,
    for a date that has passed, an empty history, or a goal out of reach (over 200 a
    week)."""
    if channel != MIX and channel not in CHANNELS:
        raise ValueError(f"channel {channel!r}: one of {', '.join((MIX, *CHANNELS))}")
    days = (by_date - as_of).days
    if days <= 0:
        return Needed(None, f"{by_date:%-d %B %Y} is not after {as_of:%-d %B %Y}: pick a "
                            "later date.", per_week, 0.0, 0.0, channel=channel)
    history = stage_history(interviewed_by(interviews, apps, as_of=as_of), as_of, channels)
    weeks = days / WEEK
    if history.empty:
        return Needed(None, "No application sent yet: your history cannot say how many it "
                            "takes.", per_week, weeks, 0.0, channel=channel)
    rng = np.random.default_rng(seed)
    within = min(days, MAX_HORIZON)  # a later date counts as this far
    model = _fit(history, as_of, _grid_weeks(within), rng, min(draws, RATE_DRAWS),
                 also=NAMED_CHANNELS)
    groups, chances = _group_chances(model, open_groups(history, as_of), within)
    none_yet = _none(chances, groups["n"].to_numpy())
    pipeline = float(1 - none_yet.mean())
    periods = max(math.ceil(weeks), 1)
    # Applications sent in one week share a chance: the middle of the week stands for all.
    left = weeks - (np.arange(periods) + 0.5) * weeks / periods
    mix = history["channel"].value_counts(normalize=True)

    def missed(through: str, at: np.ndarray) -> np.ndarray:
        """log P(no offer) for one application through a channel (or the mix, split as the
        history is) sent ``at`` weeks before the date: (draws, len(at))."""
        shares = mix.items() if through == MIX else [(through, 1.0)]
        return sum((share * np.log1p(-np.minimum(interpolate(
            model.chances(str(c))["applied"].offer_by, at + 1), 1 - 1e-12))
            for c, share in shares), np.zeros((none_yet.shape[0], len(at))))

    def needed(through: str) -> tuple[int | None, float, str]:
        fresh = float(1 - np.exp(missed(through, np.array([weeks]))[:, 0]).mean())
        count, reason = _smallest(_reached(none_yet, missed(through, left), periods,
                                           per_week), probability, per_week, periods, by_date)
        return count, fresh, reason

    count, fresh, reason = needed(channel)
    by_channel = {c: needed(c)[0] for c in NAMED_CHANNELS} if count else {}
    return Needed(count, reason, per_week, weeks, pipeline, fresh, channel, by_channel)


def _reached(none_yet: np.ndarray, missed: np.ndarray, periods: int, per_week: bool
             ) -> Callable[[int], float]:
    """The chance of at least one offer with ``count`` more applications (a week, or in
    all, spread over the weeks)."""
    def reached(count: int) -> float:
        sent = np.full(periods, count) if per_week else \
            np.diff(np.floor(np.linspace(0, count, periods + 1)))
        if not sent.any():
            return float(1 - none_yet.mean())
        return float(1 - (none_yet * np.exp(missed @ sent)).mean())
    return reached


def _smallest(reached: Callable[[int], float], probability: float, per_week: bool,
              periods: int, by_date: dt.date) -> tuple[int | None, str]:
    """The fewest applications that reach ``probability`` (a binary search), or None with
    the reason when even the most would not."""
    if reached(0) >= probability:
        return 0, ""
    limit = MAX_PER_WEEK if per_week else MAX_PER_WEEK * periods
    if reached(limit) < probability:
        return None, (f"Out of reach by {by_date:%-d %B %Y} at your rates: even {limit} "
                      f"applications{' a week' if per_week else ''} would not give "
                      f"{probability:.0%}. A later date, or better rates, would.")
    low, high = 0, limit
    while high - low > 1:
        middle = (low + high) // 2
        if reached(middle) >= probability:
            high = middle
        else:
            low = middle
    return high, ""


_interpolate = interpolate  # the name tests and notebooks knew
