"""Time-to-event statistics for "how long until an employer replies", with honest censoring.

An application still waiting at ``as_of`` has not failed to get a reply: it has been waiting for
so many days, and that is all we know. The Kaplan-Meier estimator uses exactly that (the
application is *censored* at its current wait), so waiting applications are neither dropped nor
counted as "never". Everything here is plain numpy and scipy on arrays of durations in days and
event flags; ``analysis.metrics`` turns applications into those arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.maths.intervals import Z95

CURVE_COLUMNS = ["group", "day", "share", "low", "high", "at_risk", "events", "censored"]


def kaplan_meier(durations: np.ndarray, events: np.ndarray, *, group: str = "All"
                 ) -> pd.DataFrame:
    """The Kaplan-Meier estimate of the share that had the event by each day.

    Returns one row for day 0 and one per distinct day on which something happened (an event or
    a censoring), with ``share`` = 1 - S(t), its 95% pointwise confidence bounds (Greenwood's
    variance on the log(-log) scale, which keeps the bounds within 0..1), the number ``at_risk``
    just before that day, and the ``events`` and ``censored`` on it. Censoring on the same day as
    an event counts as happening just after it: a censored application was still at risk that day.

    >>> curve = kaplan_meier(np.array([1, 2, 2, 3]), np.array([1, 1, 0, 1]))
    >>> curve[["day", "share", "at_risk"]].to_dict("list")
    {'day': [0, 1, 2, 3], 'share': [0.0, 0.25, 0.5, 1.0], 'at_risk': [4, 4, 3, 1]}
    """
    durations = np.asarray(durations, dtype="int64")
    events = np.asarray(events, dtype=bool)
    days = np.unique(np.concatenate([[0], durations]))
    order = np.sort(durations)
    at_risk = len(durations) - np.searchsorted(order, days, side="left")
    event_days = durations[events]
    n_events = np.bincount(np.searchsorted(days, event_days), minlength=len(days))
    n_censored = np.bincount(np.searchsorted(days, durations[~events]), minlength=len(days))

    with np.errstate(divide="ignore", invalid="ignore"):
        step = np.where(at_risk > 0, 1 - n_events / at_risk, 1.0)
        survival = np.cumprod(step)
        greenwood = np.cumsum(np.where(at_risk > n_events,
                                       n_events / (at_risk * (at_risk - n_events)), 0.0))
        log_s = np.log(survival)
        theta_se = np.sqrt(greenwood) / np.abs(log_s)
        upper_s = survival ** np.exp(-Z95 * theta_se)
        lower_s = survival ** np.exp(Z95 * theta_se)
    defined = (survival > 0) & (survival < 1)
    low = np.where(defined, 1 - upper_s, 1 - survival)
    high = np.where(defined, 1 - lower_s, 1 - survival)
    return pd.DataFrame({
        "group": group, "day": days, "share": 1 - survival, "low": low, "high": high,
        "at_risk": at_risk, "events": n_events, "censored": n_censored,
    }).astype({"day": "int64", "at_risk": "int64", "events": "int64", "censored": "int64"})


def empty_curve() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str" if c == "group" else
                                      "float64" if c in ("share", "low", "high") else "int64")
                         for c in CURVE_COLUMNS})


@dataclass(frozen=True)
class Quantile:
    """The day by which a share ``q`` had the event, with its 95% confidence interval.
    None means "not reached within the data"."""

    q: float
    day: int | None
    low: int | None
    high: int | None


def _first_day(curve: pd.DataFrame, column: str, q: float) -> int | None:
    reached = curve.loc[curve[column] >= q - 1e-12, "day"]
    return int(reached.iloc[0]) if not reached.empty else None


def quantile(curve: pd.DataFrame, q: float) -> Quantile:
    """The first day on which the estimated share reaches ``q`` (q=0.5: the median), with the
    days on which the upper and lower confidence bounds reach it as its interval.

    >>> quantile(kaplan_meier(np.array([1, 2, 2, 3]), np.array([1, 1, 0, 1])), 0.5).day
    2
    """
    return Quantile(q=q, day=_first_day(curve, "share", q), low=_first_day(curve, "high", q),
                    high=_first_day(curve, "low", q))


@dataclass(frozen=True)
class LogRank:
    """The log-rank test that the groups' curves are the same."""

    statistic: float
    df: int
    p_value: float
    groups: tuple[str, ...]


def logrank(durations: np.ndarray, events: np.ndarray, groups: np.ndarray) -> LogRank | None:
    """The k-group log-rank test (chi-square with k-1 degrees of freedom), or None when fewer
    than two groups have any event or member."""
    durations = np.asarray(durations, dtype="int64")
    events = np.asarray(events, dtype=bool)
    labels, index = np.unique(np.asarray(groups, dtype=str), return_inverse=True)
    k = len(labels)
    if k < 2 or not events.any():
        return None
    times = np.unique(durations[events])
    # at_risk[g, j]: members of group g still waiting just before event time j.
    at_risk = np.empty((k, len(times)))
    observed = np.empty((k, len(times)))
    for g in range(k):
        mine = np.sort(durations[index == g])
        at_risk[g] = len(mine) - np.searchsorted(mine, times, side="left")
        observed[g] = np.bincount(np.searchsorted(times, durations[(index == g) & events]),
                                  minlength=len(times))
    n = at_risk.sum(axis=0)
    d = observed.sum(axis=0)
    expected = at_risk * d / n
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(n > 1, d * (n - d) / (n - 1), 0.0) / n
    share = at_risk / n
    covariance = np.einsum("j,gj,hj->gh", factor * n, share, -share)
    covariance[np.diag_indices(k)] += (factor * n * share).sum(axis=1)
    difference = (observed - expected).sum(axis=1)
    statistic = float(difference[:-1] @ np.linalg.pinv(covariance[:-1, :-1]) @ difference[:-1])
    return LogRank(statistic=statistic, df=k - 1, p_value=float(stats.chi2.sf(statistic, k - 1)),
                   groups=tuple(str(label) for label in labels))


def half_of_replies_day(curve: pd.DataFrame) -> int | None:
    """The day by which half of the replies seen so far had arrived: the first day on which
    the share heard back reaches half of its final value. Unlike the median, it exists even
    when fewer than half of all applications ever hear back.

    >>> half_of_replies_day(kaplan_meier(np.array([2, 4, 10, 10]), np.array([1, 1, 0, 0])))
    2
    """
    if curve.empty or curve["share"].iloc[-1] <= 0:
        return None
    return _first_day(curve, "share", float(curve["share"].iloc[-1]) / 2)


def chance_after_silence(curve: pd.DataFrame) -> pd.DataFrame:
    """For each day d, the estimated chance that an application with no reply after d days
    still gets one (within the longest wait the data covers): (F_end - F(d)) / (1 - F(d)).

    >>> silence = chance_after_silence(kaplan_meier(np.array([2, 4, 10, 10]),
    ...                                             np.array([1, 1, 0, 0])))
    >>> silence[["day", "chance"]].round(3).to_dict("list")
    {'day': [0, 2, 4, 10], 'chance': [0.5, 0.333, 0.0, 0.0]}
    """
    if curve.empty:
        return pd.DataFrame({"day": pd.Series(dtype="int64"), "chance": pd.Series(dtype=float)})
    final = float(curve["share"].iloc[-1])
    remaining = 1 - curve["share"]
    chance = np.where(remaining > 0, (final - curve["share"]) / remaining.where(remaining > 0, 1),
                      0.0)
    return pd.DataFrame({"day": curve["day"].to_numpy(), "chance": np.clip(chance, 0, 1)})


def chance_after(silence: pd.DataFrame, day: int) -> float | None:
    """The chance of still hearing back after ``day`` days of silence, read off the step
    function ``chance_after_silence`` gives (its last day on or before ``day``); None for an
    empty table or a day before its first.

    >>> silence = chance_after_silence(kaplan_meier(np.array([2, 4, 10, 10]),
    ...                                             np.array([1, 1, 0, 0])))
    >>> round(chance_after(silence, 3), 3), chance_after(silence, 30)
    (0.333, 0.0)
    """
    position = int(np.searchsorted(silence["day"].to_numpy(), day, side="right")) - 1
    return float(silence["chance"].iloc[position]) if position >= 0 else None


def share_so_far(curve: pd.DataFrame) -> float | None:
    """The curve's last value: the share that had the event within the longest wait in the
    data (for a grouped curve, the last group's); None for an empty curve.

    >>> share_so_far(kaplan_meier(np.array([2, 4, 10, 10]), np.array([1, 1, 0, 0])))
    0.5
    """
    return float(curve["share"].iloc[-1]) if not curve.empty else None


def last_day(curve: pd.DataFrame) -> int:
    """The longest wait the data covers: the last day of a curve (or of its
    ``chance_after_silence``); 0 for an empty one.

    >>> last_day(kaplan_meier(np.array([2, 4, 10, 10]), np.array([1, 1, 0, 0])))
    10
    """
    return int(curve["day"].max()) if not curve.empty else 0


def share_at(curve: pd.DataFrame, days: np.ndarray | list[int]) -> pd.DataFrame:
    """The step function read off at given days: share, bounds and the number at risk."""
    days = np.asarray(days, dtype="int64")
    if curve.empty:
        return pd.DataFrame({"day": days, "share": np.nan, "low": np.nan, "high": np.nan,
                             "at_risk": 0})
    position = np.searchsorted(curve["day"].to_numpy(), days, side="right") - 1
    rows = curve.iloc[np.clip(position, 0, None)].reset_index(drop=True)
    last_day = int(curve["day"].iloc[-1])
    # The number at risk on day t: those still waiting at the start of t.
    waiting = curve["at_risk"].to_numpy() - curve["events"].to_numpy() - curve["censored"]\
        .to_numpy()
    at_risk = np.where(np.isin(days, curve["day"].to_numpy()),
                       curve.set_index("day")["at_risk"].reindex(days).fillna(0).to_numpy(),
                       waiting[np.clip(position, 0, None)])
    result = pd.DataFrame({"day": days, "share": rows["share"], "low": rows["low"],
                           "high": rows["high"], "at_risk": at_risk.astype("int64")})
    beyond = days > last_day
    result.loc[beyond, ["share", "low", "high"]] = np.nan
    return result


def at_risk_table(curve: pd.DataFrame, days: list[int]) -> pd.DataFrame:
    """The number still waiting at the start of each of ``days``, one row per group of a
    (possibly grouped) curve: the table printed under a survival chart."""
    rows = {group: share_at(part, days).set_index("day")["at_risk"]
            for group, part in curve.groupby("group", sort=False)}
    return pd.DataFrame(rows).T.rename_axis(index="group", columns="day")
