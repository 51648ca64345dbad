"""Rates with their uncertainty: what share of applications got a response, an interview or an
offer, overall and by group, with 95% Wilson intervals that stay honest for small groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from analysis.interviews.journal import interviewed_by
from analysis.maths.intervals import SIGNIFICANT, wilson_interval
from analysis.maths.survival import kaplan_meier, quantile
from analysis.model import schema as s
from analysis.model.dates import format_days
from analysis.model.stages import Stage, as_known_on, responded, stage_codes, status_and_dates
from analysis.stats.metrics import group_labels, response_durations

Outcome = Literal["response", "positive", "interview", "offer"]
OUTCOMES: dict[str, str] = {
    "response": "Response rate", "positive": "Positive response rate",
    "interview": "Interview rate", "offer": "Offer rate",
}
MIN_GROUP = 5
RATE_COLUMNS = ["group", "n", "successes", "rate", "low", "high"]


def outcome_flags(apps: pd.DataFrame, outcome: str) -> pd.Series:
    """Whether each application reached ``outcome``: "response", "positive" (screening or
    beyond), "interview" or "offer"."""
    if outcome == "response":
        return responded(apps)
    levels = {"positive": Stage.SCREENING, "interview": Stage.INTERVIEW, "offer": Stage.OFFER}
    if outcome not in levels:
        raise ValueError(f"unknown outcome {outcome!r}; use one of {', '.join(OUTCOMES)}")
    return stage_codes(apps) >= levels[outcome]


def sent(apps: pd.DataFrame, *, as_of: dt.date, keep: Sequence[str] | None = None
         ) -> pd.DataFrame:
    """The applications sent by ``as_of``, as known that day: with every column, or (faster)
    the status, the dates and the columns in ``keep``."""
    if keep is not None:
        apps = status_and_dates(apps, keep)
    known = as_known_on(apps, as_of)
    return known[stage_codes(known) >= Stage.APPLIED]


def top_values(values: pd.Series, n: int, *, other: str = "Other") -> pd.Series:
    """The ``n`` most frequent values kept, every other value replaced by ``other``.

    >>> top_values(pd.Series(["a", "b", "a", "c", "a", "b"]), 2).tolist()
    ['a', 'b', 'a', 'Other', 'a', 'b']
    """
    labels = group_labels(values)
    keep = labels.value_counts().index[:n]
    return labels.where(labels.isin(keep), other)


def top_values_of(apps: pd.DataFrame, column: str, n: int) -> pd.Series:
    """``top_values`` of one column of ``apps``: its ``n`` most frequent values, the rest
    grouped as "Other"."""
    return top_values(apps[column], n)


def group_values(apps: pd.DataFrame, column: str) -> list[str]:
    """The values of ``column`` that name a group to compare, sorted, blanks (empty text
    included, which ``compare_groups`` would not find) left out.

    >>> group_values(pd.DataFrame({"source": ["Referral", None, "Job board", " ", "Referral"]}),
    ...              "source")
    ['Job board', 'Referral']
    """
    values = apps[column].dropna()
    return sorted(v for v in values.unique() if str(v).strip())


def month_applied(apps: pd.DataFrame) -> pd.Series:
    """The month of application, as "Mar 2025" (blank when there is no date): the way every
    chart and table here names a month.

    >>> days = pd.DataFrame({"date_applied": pd.to_datetime(["2025-03-07", None])})
    >>> month_applied(days).tolist()
    ['Mar 2025', nan]
    """
    return format_days(apps[s.DATE_APPLIED], "%b %Y")


def rate_table(apps: pd.DataFrame, *, by: str | pd.Series | None, outcome: str,
               as_of: dt.date, min_n: int = MIN_GROUP, show_small: bool = False,
               order: Literal["size", "name"] = "size",
               interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rate of ``outcome`` among applications sent by ``as_of``, for each group of ``by``
    (a column name or a series of labels aligned with ``apps``; None for all together), with
    n, successes and the 95% Wilson interval. Groups with fewer than ``min_n`` applications are
    left out unless ``show_small``; ``attrs["hidden"]`` counts them. Rows are ordered by
    size (largest first) or by group ``name`` (months in time order). With the interview
    journal, an application whose next round is ahead counts the rounds it held.
    """
    rows = sent(interviewed_by(interviews, apps, as_of=as_of), as_of=as_of,
                keep=[by] if isinstance(by, str) else [])
    if by is None:
        labels = pd.Series("All applications", index=rows.index)
    elif isinstance(by, str):
        labels = group_labels(rows[by])
    else:
        labels = by.reindex(rows.index).astype("str").fillna("(blank)")
    hits = outcome_flags(rows, outcome)
    grouped = pd.DataFrame({"group": labels, "hit": hits}).groupby("group", sort=True)["hit"]
    table = pd.DataFrame({"n": grouped.size(), "successes": grouped.sum()}).reset_index()
    table = table.astype({"n": "int64", "successes": "int64"})
    low, high = wilson_interval(table["successes"].to_numpy(), table["n"].to_numpy())
    table = table.assign(rate=table["successes"] / table["n"], low=low, high=high)[RATE_COLUMNS]
    small = table["n"] < min_n
    result = table if show_small else table[~small]
    if order == "size":
        result = result.sort_values(["n", "group"], ascending=[False, True])
    else:  # by name, months ("Mar 2025") in time order
        month = pd.to_datetime(result["group"], format="%b %Y", errors="coerce")
        result = result.assign(_month=month).sort_values(["_month", "group"])\
            .drop(columns="_month")
    result = result.reset_index(drop=True)
    result.attrs["hidden"] = 0 if show_small else int(small.sum())
    return result


def cohorts(apps: pd.DataFrame, *, as_of: dt.date, outcome: str = "response") -> pd.DataFrame:
    """Applications grouped by the week they were sent (Monday), with the rate of ``outcome``
    so far, its Wilson interval, the cohort's age in days and whether it is ``maturing``: too
    young for the rate to mean much yet, because it is younger than the day by which 75% of
    all replies arrive (or 30 days when that is unknown)."""
    rows = sent(apps, as_of=as_of, keep=[])
    rows = rows[rows[s.DATE_APPLIED].notna()]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in (
            ("week", "datetime64[us]"), ("n", "int64"), ("successes", "int64"),
            ("rate", "float64"), ("low", "float64"), ("high", "float64"),
            ("age_days", "int64"), ("maturing", "bool"))})
    applied = rows[s.DATE_APPLIED]
    week = (applied - pd.to_timedelta(applied.dt.day_of_week, unit="D")).dt.normalize()
    hits = outcome_flags(rows, outcome)
    grouped = pd.DataFrame({"week": week, "hit": hits}).groupby("week")["hit"]
    table = pd.DataFrame({"n": grouped.size(), "successes": grouped.sum()}).reset_index()
    low, high = wilson_interval(table["successes"].to_numpy(), table["n"].to_numpy())
    durations = response_durations(rows, as_of=as_of)
    curve = kaplan_meier(durations["days"].to_numpy(), durations["event"].to_numpy())
    settle = quantile(curve, 0.75).day if durations["event"].any() else None
    age = (pd.Timestamp(as_of) - table["week"]).dt.days
    return table.assign(
        week=table["week"].astype("datetime64[us]"), rate=table["successes"] / table["n"],
        low=low, high=high, age_days=age.astype("int64"),
        maturing=age < (settle if settle is not None else 30),
    ).astype({"n": "int64", "successes": "int64"})


def maturing_weeks(cohorts: pd.DataFrame) -> int:
    """How many of the ``cohorts`` weeks are too recent to judge (their rates will still
    rise).

    >>> maturing_weeks(pd.DataFrame({"maturing": [False, True, True]}))
    2
    """
    return int(cohorts["maturing"].sum())


@dataclass(frozen=True)
class Comparison:
    """Two groups compared on one outcome with Fisher's exact test."""

    groups: tuple[str, str]
    table: pd.DataFrame  # rows: groups; columns: n, successes, rate, low, high
    odds_ratio: float
    p_value: float


def compare_groups(apps: pd.DataFrame, *, by: str, first: str, second: str, outcome: str,
                   as_of: dt.date) -> Comparison:
    """Compare the rate of ``outcome`` between two values of column ``by`` with Fisher's exact
    test (two-sided), e.g. referral against job board."""
    rows = sent(apps, as_of=as_of, keep=[by])
    labels = group_labels(rows[by])
    hits = outcome_flags(rows, outcome)
    counts = []
    for name in (first, second):
        mine = labels == name
        counts.append((int(mine.sum()), int((hits & mine).sum())))
    contingency = [[k, n - k] for n, k in counts]
    result = stats.fisher_exact(np.array(contingency))
    n = np.array([c[0] for c in counts])
    k = np.array([c[1] for c in counts])
    low, high = wilson_interval(k, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = k / n
    table = pd.DataFrame({"n": n, "successes": k, "rate": rate, "low": low, "high": high},
                         index=pd.Index([first, second], name="group"))
    return Comparison(groups=(first, second), table=table,
                      odds_ratio=float(result.statistic), p_value=float(result.pvalue))


def comparison_verdict(comparison: Comparison) -> str:
    """Fisher's exact test of two groups in one sentence, saying whether a difference this
    large would rarely happen by chance (p below ``SIGNIFICANT``).

    >>> table = pd.DataFrame()
    >>> comparison_verdict(Comparison(("a", "b"), table, odds_ratio=9.0, p_value=0.4857))
    "Fisher's exact test: p = 0.486, so the difference could well be chance."
    """
    verdict = ("a difference this large would rarely happen by chance"
               if comparison.p_value < SIGNIFICANT else "the difference could well be chance")
    return f"Fisher's exact test: p = {comparison.p_value:.3f}, so {verdict}."
