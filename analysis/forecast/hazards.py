"""The arithmetic of the stages: weekly hazards of moving on and of ending from weighted cells,
chained into the chance of an offer within so many weeks, and intervals of whole numbers.

A stage's cells are weighted counts shaped (3, weeks): censored, moved on and ended, by the
week the application left the stage (week 0: the day it entered; week ``k``: days ``7k - 6``
to ``7k``). Everything is shaped (draws, weeks) after the Bayesian bootstrap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.signal import fftconvolve

from analysis.forecast.prior import CENSORED, ENDED, FORWARD, WEEK


def week_bins(days: np.ndarray, how: np.ndarray, weeks: int) -> np.ndarray:
    """The week in which each application left its stage: week 0 is the day it entered (a
    rejection that was the reply itself), week ``k`` days ``7k - 6`` to ``7k``. One still
    waiting after ``d`` days has lived through week ``d // 7`` and part of the next, where it
    is counted as censored."""
    left = -(-days // WEEK)  # ceil
    return np.minimum(np.where(how == CENSORED, days // WEEK + 1, left), weeks - 1)


def hazards(cells: np.ndarray, rng: np.random.Generator, draws: int
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
class StageChances:
    """One stage's hazards under each rate draw: ``staying[:, t]`` is the chance of still
    being there at the start of week ``t``, ``moving[:, t]`` the chance of moving on in week
    ``t`` given that, and ``offer_by[:, m]`` the chance of an offer within ``m`` weeks of
    entering the stage."""

    staying: np.ndarray
    moving: np.ndarray
    offer_by: np.ndarray

    @property
    def onward(self) -> np.ndarray:
        """The chance of moving on at all (within the grid), under each draw."""
        return np.asarray((self.staying * self.moving).sum(axis=1))


def chain(moving: np.ndarray, ending: np.ndarray, after: np.ndarray | None) -> StageChances:
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
        # Moving on in week t leaves m - t weeks for the next stage's offer: a convolution.
        offer_by[:, 1:] = np.clip(fftconvolve(moves, after[:, 1:weeks + 1], axes=1)
                                  [:, :weeks], 0, 1)
    return StageChances(staying, moving, offer_by)


def within(stage: StageChances, after: np.ndarray | None, waited: np.ndarray,
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


def _within_weeks(stage: StageChances, after: np.ndarray | None, waited: np.ndarray,
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


def mid_week(offer_by: np.ndarray) -> np.ndarray:
    """``offer_by`` for an application that moved on in the middle of a week rather than at
    its end: half a week more to the offer."""
    return 0.5 * (offer_by + np.concatenate([offer_by[:, 1:], offer_by[:, -1:]], axis=1))


def interpolate(offer_by: np.ndarray, weeks: np.ndarray) -> np.ndarray:
    """``offer_by`` (draws, weeks + 1) read at fractional weeks: (draws, len(weeks))."""
    weeks = np.clip(weeks, 0, offer_by.shape[1] - 1)
    below = np.floor(weeks).astype(int)
    above = np.minimum(below + 1, offer_by.shape[1] - 1)
    fraction = weeks - below
    return offer_by[:, below] * (1 - fraction) + offer_by[:, above] * fraction


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
