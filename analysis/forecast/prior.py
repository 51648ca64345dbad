"""The forecast's prior: what a stage yields and how long it takes before the user's own
history says otherwise, as a cohort of made-up applications."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

PRIOR_SPREAD = 0.6  # of the lognormal times, on the log scale
PRIOR_WEIGHT = 10  # made-up applications per stage


@dataclass(frozen=True)
class Prior:
    """What the forecast assumes about a stage before the user's history speaks: the chance
    of moving on (a reply, an interview, an offer) and of ending without an offer, with the
    typical days to each (the median of a lognormal of ``spread`` on the log scale), worth
    ``weight`` made-up applications. The rest stays silent."""

    forward: float
    forward_days: float
    ended: float
    ended_days: float
    spread: float = PRIOR_SPREAD
    weight: float = PRIOR_WEIGHT

    def scaled(self, factor: float) -> Prior:
        """The same stage with the odds of moving on multiplied by ``factor`` (the ending
        and silent shares keep their proportions).

        >>> round(Prior(0.5, 7, 0.25, 7).scaled(3.0).forward, 2)
        0.75
        """
        if self.forward >= 1 or factor == 1:
            return self
        odds = self.forward / (1 - self.forward) * factor
        forward = odds / (1 + odds)
        return replace(self, forward=forward,
                       ended=self.ended * (1 - forward) / (1 - self.forward))


# The single prior used for every application before the forecast read channels: about 45% of
# applications get a reply (most in one to two weeks), 40% of replies lead to an interview and
# a third of interviewed applications to an offer, three to six weeks later: some 6 offers per
# 100 applications. Published yields put that near a referral's, and two to four times what
# job boards give (see ``analysis.forecast.published``); kept for comparison.
PRIOR = {"applied": Prior(0.45, 8, 0.03, 30), "replied": Prior(0.40, 10, 0.50, 0),
         "interviewed": Prior(0.33, 28, 0.55, 28)}




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

Parts = Sequence[tuple[float, Prior]]


def prior_cells(stage: str, weeks: int, *, parts: Parts | None = None,
                weight: float | None = None) -> np.ndarray:
    """The prior cohort as weighted cells, shaped (3, weeks): censored (the silent share, at
    the grid's end), moving on and ending, by week. ``parts`` are the shares of a blend of
    priors (``PRIOR[stage]`` alone by default), ``weight`` the made-up applications in all
    (the parts' weights, blended, by default)."""
    from scipy.stats import lognorm

    parts = parts if parts is not None else ((1.0, PRIOR[stage]),)
    total = sum(share for share, _ in parts)
    weight = weight if weight is not None else \
        sum(share * prior.weight for share, prior in parts) / total
    edges = np.arange(weeks) * WEEK  # week k ends on day 7k
    cells = np.zeros((3, weeks))
    for share, prior in parts:
        made_up = weight * share / total
        for row, chance, median in ((FORWARD, prior.forward, prior.forward_days),
                                    (ENDED, prior.ended, prior.ended_days)):
            if median == 0:  # on the day the stage is reached
                cells[row, 0] += made_up * chance
                continue
            cells[row, 1:] += made_up * chance * np.diff(
                lognorm.cdf(edges, prior.spread, scale=median))
    cells[CENSORED, -1] = weight - cells[FORWARD].sum() - cells[ENDED].sum()
    return cells
