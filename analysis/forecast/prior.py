"""The forecast's prior: what a stage yields and how long it takes before the user's own
history says otherwise."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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




def prior_description() -> str:
    """The prior in words, to follow "The prior, ": its weight, what each stage yields and
    how long it takes, and when it outweighs the user's history.

    >>> prior_description()[:72]
    'worth 10 made-up applications per stage and counted alongside yours: 45%'
    """
    return (f"worth {PRIOR_WEIGHT} made-up applications per stage and counted alongside yours: "
            f"{PRIOR['applied'].forward:.0%} of applications get a reply (in about "
            f"{PRIOR['applied'].forward_days:.0f} days), {PRIOR['replied'].forward:.0%} of "
            f"replies lead to an interview and {PRIOR['interviewed'].forward:.0%} of "
            f"interviewed applications to an offer (about "
            f"{PRIOR['interviewed'].forward_days:.0f} days later). Where fewer than "
            f"{PRIOR_WEIGHT} applications have resolved at a stage, the prior outweighs your "
            "history, and the notes say so.")


WEEK = 7


CENSORED, FORWARD, ENDED = 0, 1, 2


def prior_cells(stage: str, weeks: int) -> np.ndarray:
    """The prior cohort as weighted cells, shaped (3, weeks): censored (the silent share, at
    the grid's end), moving on and ending, by week."""
    from scipy.stats import lognorm

    prior = PRIOR[stage]
    edges = np.arange(weeks) * WEEK  # week k ends on day 7k
    cells = np.zeros((3, weeks))
    for row, chance, median in ((FORWARD, prior.forward, prior.forward_days),
                                (ENDED, prior.ended, prior.ended_days)):
        if median == 0:  # on the day the stage is reached
            cells[row, 0] = PRIOR_WEIGHT * chance
            continue
        share = np.diff(lognorm.cdf(edges, PRIOR_SPREAD, scale=median))
        cells[row, 1:] = PRIOR_WEIGHT * chance * share
    cells[CENSORED, -1] = PRIOR_WEIGHT - cells[FORWARD].sum() - cells[ENDED].sum()
    return cells
