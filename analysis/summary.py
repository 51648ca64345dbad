"""Plain counts that describe a table of applications before any analysis: how many there are in
each status, and which days they cover."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis import schema as s


def plural(count: int, noun: str) -> str:
    """A count with its noun, singular or plural.

    >>> plural(1, "row"), plural(1200, "application")
    ('1 row', '1,200 applications')
    """
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def status_counts(apps: pd.DataFrame) -> pd.DataFrame:
    """Applications per status: every vocabulary status in its natural order (zero counts
    included), then any status outside the vocabulary, with its share of all applications.

    >>> table = status_counts(pd.DataFrame({"status": ["applied", "offer", "applied", "Maybe"]}))
    >>> table["status"].tolist()[:2], table["status"].tolist()[-2:]
    (['saved', 'applied'], ['ghosted', 'Maybe'])
    >>> table["applications"].tolist()[:3], table["share"].tolist()[:3]
    ([0, 2, 0], [0.0, 0.5, 0.0])
    """
    counts = apps[s.STATUS].value_counts()
    order = [*s.STATUSES, *sorted(set(counts.index) - set(s.STATUSES))]
    table = counts.reindex(order, fill_value=0).rename("applications").rename_axis("status")
    total = max(len(apps), 1)
    return (table.reset_index()
            .assign(share=lambda t: (t["applications"] / total).round(4))
            .astype({"applications": "int64"}))


def date_span(apps: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last application dates, or None when no application has a date."""
    applied = apps[s.DATE_APPLIED].dropna()
    if applied.empty:
        return None
    return applied.min().date(), applied.max().date()


def is_web_url(values: pd.Series) -> pd.Series:
    """Whether each value is an http(s) link, the only kind the dashboard makes clickable.

    >>> is_web_url(pd.Series(["https://a.example/x", "javascript:alert(1)", None])).tolist()
    [True, False, False]
    """
    # Spelled without (?i) and \s, which would send every cell through Python's regex engine.
    return values.str.match(r"^[Hh][Tt][Tt][Pp][Ss]?://[^\t\n\v\f\r \xa0]+$")\
        .fillna(False).astype(bool)


_NOT_GROUPS = {s.COMPANY, s.JOB_URL, s.CONTACT_EMAIL, s.CONTACT_NAME, s.NOTES, s.INTERVIEW_NOTES}


def grouping_columns(apps: pd.DataFrame, *, max_values: int = 30) -> list[str]:
    """Text columns that make sensible groups: 2 to ``max_values`` distinct values, not
    free text, names, links or addresses. Canonical columns first, then the user's own.

    >>> grouping_columns(pd.DataFrame({"source": ["a", "b"], "notes": ["x", "y"],
    ...                                "Excitement": ["high", "low"]}))
    ['source', 'Excitement']
    """
    columns = []
    for column in apps.columns:
        if column in _NOT_GROUPS or column in s.DATE_COLUMNS:
            continue
        values = apps[column]
        if not (pd.api.types.is_string_dtype(values) or values.dtype == object):
            continue
        if 2 <= values.nunique(dropna=True) <= max_values:
            columns.append(column)
    return columns


def column_label(column: str) -> str:
    """The screen label of a canonical column; the user's own columns keep their names."""
    return s.LABELS.get(column, column)


def chance_text(value: float) -> str:
    """A probability in words for a tile or a report: "<1%" and ">99%" rather than a rounded
    0% or 100% that the numbers do not support.

    >>> chance_text(0.003), chance_text(0.4), chance_text(0.997), chance_text(1.0)
    ('<1%', '40%', '>99%', '100%')
    """
    if 0 < value < 0.005:
        return "<1%"
    if 0.995 <= value < 1:
        return ">99%"
    return f"{value:.0%}"


def expected_text(value: float) -> str:
    """An expected number of events: "<0.1" rather than a rounded 0.0 when it is not 0.

    >>> expected_text(0.02), expected_text(0.0), expected_text(2.345)
    ('<0.1', '0.0', '2.3')
    """
    return "<0.1" if 0 < value < 0.05 else f"{value:.1f}"
