"""Checks on an imported table: totals lines, dates out of order or in the future,
duplicate rows. Each adds issues; none changes the table."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from analysis.model import schema as s
from analysis.model.cells import issue_row

# Totals and summary lines as people write them: "Total: 18", "Total 18 applications", "Sum",
# "Count: 18", "Gesamt", "Summe", "Σ 18". The word alone, or with a count and a unit, and nothing
# but numbers in the rest of the row; "Total Wine" or "TotalEnergies" stay applications.
_TOTALS_WORDS = ("grand total|totals?|sum|summe|gesamt|insgesamt|anzahl|count|somme|suma|σ|∑")
_TOTALS_LABEL = re.compile(
    rf"(?i)\s*(?:{_TOTALS_WORDS})\s*[:=]?\s*(?:\d[\d\s.,']*)?\s*(?:applications?|jobs?|rows?|"
    r"entries|items|bewerbungen|candidatures|solicitudes)?\s*\.?\s*")
_TOTALS_LINE = re.compile(rf"(?i)\s*(?:{_TOTALS_WORDS})(?:\b|\s|:|$)")
_TOTALS_SEARCH = re.compile(rf"(?i)(?:{_TOTALS_WORDS})")
_NUMBER_CELL = re.compile(r"[-+]?[\d\s.,']*\d[\d\s.,']*\s*%?")


def totals_lines(text: pd.DataFrame, company_header: str, blank: pd.Series
                  ) -> tuple[pd.Series, pd.Series]:
    """Which rows are totals or summary lines rather than applications, and the text that
    gave each away: a row labelled "Total: 18", "Summe", "Σ"... (in the company cell, or in its
    first filled cell when the company is blank) with only numbers besides, and the rows at the
    bottom of the table that hold nothing but numbers (a lone count under the last row).

    A vectorised search picks the few candidate rows; the exact patterns run on those only.
    """
    company = text[company_header]
    totals = pd.Series(False, index=text.index)
    labels = pd.Series("", index=text.index, dtype="str")
    candidates = ~blank & (company.str.contains(_TOTALS_SEARCH)
                           | (company == "") | text.iloc[:, 0].str.contains(_TOTALS_SEARCH))
    for position in np.flatnonzero(candidates.to_numpy()).tolist():
        cells = [c for c in text.iloc[position].tolist() if c]
        label = company.iloc[position] or cells[0]
        others = list(cells)
        others.remove(label)
        numbers_only = all(_NUMBER_CELL.fullmatch(c) for c in others)
        if ((_TOTALS_LABEL.fullmatch(label) and numbers_only)
                or (not company.iloc[position] and _TOTALS_LINE.match(label))):
            totals.iloc[position] = True
            labels.iloc[position] = " ".join(cells)
    # Lone counts at the bottom: up to three rows of numbers only, below the last application.
    counts: list[int] = []
    for position in range(len(text) - 1, -1, -1):
        if blank.iloc[position] or totals.iloc[position]:
            continue
        cells = [c for c in text.iloc[position].tolist() if c]
        if not all(_NUMBER_CELL.fullmatch(c) for c in cells):
            for counted in counts:  # an application above them: they are counts
                totals.iloc[counted] = True
                labels.iloc[counted] = " ".join(c for c in text.iloc[counted].tolist() if c)
            break
        if len(counts) == 3:
            break
        counts.append(position)
    return totals, labels


_ORDER_CHECKS = (
    (s.FIRST_RESPONSE_DATE, "a response before the application"),
    (s.INTERVIEW_DATE, "an interview before the application"),
    (s.DECISION_DATE, "a decision before the application"),
)


def check_order(file: str, apps: pd.DataFrame, rows: pd.Series, by_canonical: dict[str, str],
                 issues: list[dict[str, object]]) -> None:
    applied = apps[s.DATE_APPLIED]
    for name, problem in _ORDER_CHECKS:
        early = (apps[name] < applied).to_numpy()
        for position in np.flatnonzero(early):
            issues.append(issue_row(
                file, int(rows.iloc[position]), by_canonical.get(name, name),
                apps[name].iloc[position].date().isoformat(),
                f"{problem} ({applied.iloc[position].date().isoformat()}): check both dates",
                "warning"))


_CANNOT_BE_FUTURE = (s.DATE_APPLIED, s.FIRST_RESPONSE_DATE, s.DECISION_DATE, s.THANK_YOU_SENT,
                     s.FOLLOW_UP_SENT, s.REJECTION_THANKS_SENT)


def check_future(file: str, apps: pd.DataFrame, rows: pd.Series, mapping: dict[str, str],
                  as_of: dt.date, issues: list[dict[str, object]]) -> None:
    """Dates of events that cannot have happened yet (interviews and expected decisions may
    well be ahead)."""
    by_canonical = {c: h for h, c in mapping.items()}
    day = pd.Timestamp(as_of)
    for name in _CANNOT_BE_FUTURE:
        if name not in by_canonical:
            continue
        for position in np.flatnonzero((apps[name] > day).to_numpy()):
            issues.append(issue_row(file, int(rows.iloc[position]), by_canonical[name],
                                 apps[name].iloc[position].date().isoformat(),
                                 f"in the future (after {as_of.isoformat()}): check the date",
                                 "warning"))


def check_duplicates(file: str, text: pd.DataFrame, rows: pd.Series,
                      issues: list[dict[str, object]]) -> None:
    """Rows identical to an earlier row, cell for cell. They are kept (the user decides)."""
    if text.empty:
        return
    repeated = text.duplicated(keep="first")
    if not repeated.any():
        return
    fingerprints = pd.util.hash_pandas_object(text, index=False)  # only when there are some
    first_row = dict(zip(fingerprints[~repeated], rows[~repeated], strict=True))
    for position in np.flatnonzero(repeated.to_numpy()):
        issues.append(issue_row(file, int(rows.iloc[position]), "", "",
                             f"the same as row {first_row[fingerprints.iloc[position]]}, cell "
                             "for cell: kept; delete one if it was entered twice", "warning"))
