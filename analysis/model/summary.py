"""Plain counts that describe a table of applications before any analysis: how many there are in
each status, and which days they cover."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.model import schema as s


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


def status_options(apps: pd.DataFrame) -> list[str]:
    """The statuses an application can be given: the vocabulary in its order, then the
    user's own statuses in ``apps``, sorted.

    >>> status_options(pd.DataFrame({"status": ["Maybe", "applied", None]}))[-2:]
    ['ghosted', 'Maybe']
    """
    present = set(apps[s.STATUS].dropna().unique())
    return [*s.STATUSES, *sorted(present - set(s.STATUSES))]


def date_span(apps: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last application dates, or None when no application has a date."""
    applied = apps[s.DATE_APPLIED].dropna()
    if applied.empty:
        return None
    return applied.min().date(), applied.max().date()


def application_names(apps: pd.DataFrame) -> pd.Series:
    """Each application as "Company – Role" (the company alone without a role), to pick it
    from a list; same index.

    >>> application_names(pd.DataFrame({"company": ["Acme", None], "role": [None, "PM"]})
    ...                   ).tolist()
    ['Acme', '(no company) – PM']
    """
    return (apps[s.COMPANY].fillna("(no company)").astype("str")
            + (" – " + apps[s.ROLE].astype("str")).fillna(""))


def is_web_url(values: pd.Series) -> pd.Series:
    """Whether each value is an http(s) link, the only kind the dashboard makes clickable.

    >>> is_web_url(pd.Series(["https://a.example/x", "javascript:alert(1)", None])).tolist()
    [True, False, False]
    """
    # Spelled without (?i) and \s, which would send every cell through Python's regex engine.
    return values.str.match(r"^[Hh][Tt][Tt][Pp][Ss]?://[^\t\n\v\f\r \xa0]+$")\
        .fillna(False).astype(bool)


def link_columns(apps: pd.DataFrame) -> list[str]:
    """The link columns (``kind`` url) of ``apps`` that can be shown as clickable links:
    every value in them is an http(s) link.

    >>> link_columns(pd.DataFrame({"job_url": ["https://a.example/1", None]}))
    ['job_url']
    >>> link_columns(pd.DataFrame({"job_url": ["https://a.example/1", "javascript:x"]}))
    []
    """
    return [c.name for c in s.APPLICATION_COLUMNS if c.kind == "url" and c.name in apps
            and bool(is_web_url(apps[c.name].dropna()).all())]


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
