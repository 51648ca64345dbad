"""What it takes to reach an offer by a date: applications a week, with the chance."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.forecast.pipeline import (
    MAX_HORIZON,
    RATE_DRAWS,
    _fit,
    _grid_weeks,
    _group_chances,
    _history,
    _open_groups,
)
from analysis.forecast.prior import WEEK


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
