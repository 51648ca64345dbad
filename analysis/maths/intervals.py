"""Confidence intervals for proportions."""

from __future__ import annotations

import numpy as np
from scipy import stats

Z95 = float(stats.norm.ppf(0.975))
# A test's p-value below this is read as "more than chance would explain": the level that goes
# with the 95% intervals.
SIGNIFICANT = 0.05


def wilson_interval(successes: np.ndarray | int, n: np.ndarray | int, *, z: float = Z95
                    ) -> tuple[np.ndarray, np.ndarray]:
    """The Wilson score interval for a proportion (NaN where n is 0).

    >>> low, high = wilson_interval(8, 10)
    >>> round(float(low), 4), round(float(high), 4)
    (0.4902, 0.9433)
    """
    successes = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = successes / n
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)

