"""Reading a table out of a sheet's cells: finding the header row below any title, naming the
headers, mapping them to canonical columns, and the issues table every reader reports to.
Shared by the applications, offers and interviews readers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.model import schema as s

ISSUE_COLUMNS = ["file", "row", "column", "value", "problem", "severity"]
HEADER_SEARCH_ROWS = 30
MAX_LISTED_ROWS = 8

BLANK_MARKERS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "none", "null", "nan", "nat"})
YES_MARKERS = frozenset({"yes", "y", "x", "true", "sent", "done", "✓", "✔", "1", "ok"})
NO_MARKERS = frozenset({"no", "n", "false", "0", "not sent", "not yet", "todo", "to do"})

def per_distinct(values: pd.Series, function: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``function`` (a vectorised text function) of each cell as text, worked out once per
    distinct value: most columns repeat a few hundred companies, roles or days. Blank cells
    give ""; the index is kept.

    >>> per_distinct(pd.Series(["Acme", None, "Acme"]), lambda v: v.str.upper()).tolist()
    ['ACME', '', 'ACME']
    """
    codes, distinct = pd.factorize(values)
    if not len(distinct):
        return pd.Series("", index=values.index, dtype="str")
    done = function(pd.Series(distinct, dtype="object").astype("str")).fillna("").to_numpy()
    taken = np.where(codes >= 0, done[np.maximum(codes, 0)], "")
    return pd.Series(taken, index=values.index, dtype="str")


def empty_issues() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "row" else "str")
                         for c in ISSUE_COLUMNS})


SEVERITIES = ("error", "warning", "info")  # an issue's severity, the gravest first


def severities_in(issues: pd.DataFrame) -> list[str]:
    """The severities the issues have, gravest first.

    >>> severities_in(pd.DataFrame({"severity": ["info", "error", "info"]}))
    ['error', 'info']
    """
    present = set(issues["severity"])
    return [severity for severity in SEVERITIES if severity in present]


def issues_of(issues: pd.DataFrame, severities: Sequence[str]) -> pd.DataFrame:
    """The issues of the given severities (all of them when none is given)."""
    return issues[issues["severity"].isin(list(severities or SEVERITIES))]


def recognised_columns(header_cells: pd.Series, aliases: Mapping[str, str]) -> set[str]:
    return {aliases[k] for k in (s.header_key(c) for c in header_cells if is_filled(c))
            if k in aliases}


def is_filled(value: object) -> bool:
    return not (value is None or (isinstance(value, float) and np.isnan(value))
                or (isinstance(value, str) and not value.strip()))


def filled_rows(frame: pd.DataFrame) -> pd.Series:
    """Whether each row holds anything: a cell that is neither missing nor blank text (a row
    added to a table and never filled in holds nothing).

    >>> filled_rows(pd.DataFrame({"company": ["Acme", None, " "], "pay": [None, None, None]})
    ...             ).tolist()
    [True, False, False]
    """
    if frame.empty:
        return pd.Series(False, index=frame.index, dtype="bool")
    text = frame.astype("str").apply(lambda c: c.str.strip())
    return (frame.notna() & (text != "")).any(axis=1)


def find_header_row(grid: pd.DataFrame, aliases: Mapping[str, str]) -> int:
    """The row (0-based) among the first ones that looks most like a header row."""
    best_row, best_score = None, 0
    for position in range(min(len(grid), HEADER_SEARCH_ROWS)):
        cells = grid.iloc[position]
        recognised = recognised_columns(cells, aliases)
        score = len(recognised) * 10 + ("company" in recognised) * 5
        if score > best_score:
            best_row, best_score = position, score
    if best_row is not None:
        return best_row
    filled = grid.notna().to_numpy() & (grid.astype("str").apply(lambda c: c.str.strip()) != "")\
        .to_numpy()
    non_blank = np.flatnonzero(filled.any(axis=1))
    return int(non_blank[0]) if len(non_blank) else 0


def header_names(cells: pd.Series) -> list[str]:
    """Header texts, with blanks named by position and repeats numbered."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(cells, start=1):
        text = str(cell).strip() if is_filled(cell) else ""
        if isinstance(cell, float) and cell.is_integer():
            text = str(int(cell))
        text = text or f"Column {position}"
        count = seen.get(text, 0) + 1
        seen[text] = count
        names.append(text if count == 1 else f"{text} ({count})")
    return names


def issue_row(file: str, row: int, column: str, value: object, problem: str,
           severity: str) -> dict[str, object]:
    return {"file": file, "row": int(row), "column": column, "value": str(value),
            "problem": problem, "severity": severity}


def row_list(rows: Sequence[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:MAX_LISTED_ROWS])
    more = len(rows) - MAX_LISTED_ROWS
    return shown + (f" and {more} more" if more > 0 else "")


def map_columns(headers: list[str], column_map: Mapping[str, str | None] | None,
                 aliases: Mapping[str, str], file: str,
                 issues: list[dict[str, object]]) -> dict[str, str]:
    """Header -> canonical name, the user's choices first, each canonical name used once."""
    mapping: dict[str, str] = {}
    explicit = dict(column_map or {})
    for header, canonical in explicit.items():
        if header in headers and canonical and canonical not in mapping.values():
            mapping[header] = canonical
    for header in headers:
        if header in mapping or header in explicit:
            continue
        canonical = aliases.get(s.header_key(header))
        if canonical is None:
            continue
        if canonical in mapping.values():
            first = next(h for h, c in mapping.items() if c == canonical)
            issues.append(issue_row(file, 1, header, header,
                                 f"'{first}' is already used as {canonical}; this column is "
                                 "kept as it is", "info"))
            continue
        mapping[header] = canonical
    return mapping
