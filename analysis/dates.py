"""Date parsing for spreadsheet columns that hold dates in any shape a person types or Excel stores.

A column may mix Excel date cells, Excel serial numbers, ISO dates and timestamps, and typed dates
such as ``3/7/24, 2:22 PM`` or ``7 March 2024``. Whether ``03/04/2025`` is the 3rd of April or the
4th of March is decided once per file from the values themselves (a first part above 12 proves
day-first), or by the caller. Nothing is blanked silently: every cell that is not read as a date,
or is read by a guess, comes back as a problem with its position and value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

DATE_DTYPE = "datetime64[us]"
# Excel's day zero (it counts 1900 as a leap year, hence the 30th rather than the 31st).
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
# Serial numbers outside 1 Jan 1930 .. 31 Dec 2099 are far more likely to be amounts than dates.
SERIAL_RANGE = (10959, 73050)

_NUMERIC = r"^\d+(?:\.\d+)?$"
_ISO = r"^\d{4}-\d{1,2}-\d{1,2}"
_DMY = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\d/.\-])"
# The same start without the look-ahead, which pyarrow's regex engine (RE2) runs vectorised.
_DMY_START = r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}"
PROBLEM_COLUMNS = ["position", "value", "problem", "severity"]
# Cell types a spreadsheet reader gives for dates and for numbers (bool is not a number here).
_DATE_TYPES = [dt.datetime, dt.date, pd.Timestamp, np.datetime64]
_NUMBER_TYPES = [int, float, np.int64, np.float64, np.int32, np.float32]


def format_days(dates: pd.Series, pattern: str = "%Y-%m-%d") -> pd.Series:
    """Dates as text in the strftime ``pattern``, blank where there is no date. strftime runs
    in Python, so each distinct day is formatted once, however many rows share it.

    >>> format_days(pd.Series(pd.to_datetime(["2026-03-07", None, "2026-03-07"])), "%-d %b")
    0    7 Mar
    1      NaN
    2    7 Mar
    dtype: str
    """
    return dates.map({day: day.strftime(pattern) for day in dates.dropna().unique()}
                     ).astype("str")


def _numeric_parts(values: pd.Series) -> pd.DataFrame:
    """Day-or-month, month-or-day and year of the cells written like 31/12/2024 (NaN for the
    others). The regex extraction runs in Python, so only the cells a vectorised match picks
    out are extracted: the others, ISO dates above all, cost nothing."""
    parts = pd.DataFrame(np.nan, index=values.index, columns=[0, 1, 2])
    candidates = values.str.match(_DMY_START).fillna(False).astype(bool)
    if candidates.any():
        parts[candidates] = values[candidates].str.extract(_DMY).astype("float64")
    return parts


def _cell_types(values: pd.Series) -> pd.Series:
    """Each cell's Python type: one pass of the built-in ``type`` over a column of mixed cells
    (a spreadsheet column holds text, numbers and dates), cheaper than one ``isinstance``
    pass per question."""
    return values.map(type, na_action="ignore")


def _text(values: pd.Series, types: pd.Series | None = None) -> pd.Series:
    """The cells that are text, stripped; other cells (numbers, dates, blanks) become NA."""
    if values.dtype == object:
        types = _cell_types(values) if types is None else types
        values = values.where(types.isin([str]))
    return values.astype("str").str.strip().where(values.notna())


def detect_dayfirst(columns: Iterable[pd.Series]) -> bool | None:
    """Decide from the values whether numeric dates are written day first.

    True when some value can only be day-first (``31/12/2024``), False when some value can only be
    month-first (``12/31/2024``), the majority when both occur, and None when nothing proves either.

    >>> detect_dayfirst([pd.Series(["01/02/2024", "25/02/2024"])])
    True
    >>> detect_dayfirst([pd.Series(["01/02/2024", "02/01/2024"])]) is None
    True
    """
    day_proofs = month_proofs = 0
    for column in columns:
        text = _text(column).dropna()
        if text.empty:
            continue
        parts = _numeric_parts(text)
        day_proofs += int(((parts[0] > 12) & (parts[1] <= 12)).sum())
        month_proofs += int(((parts[1] > 12) & (parts[0] <= 12)).sum())
    if day_proofs == month_proofs:
        return None
    return day_proofs > month_proofs


def _from_serials(numbers: pd.Series) -> pd.Series:
    days = np.floor(numbers.astype("float64").where(numbers.between(*SERIAL_RANGE)))
    return (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).astype(DATE_DTYPE)


def parse_dates(values: pd.Series, *, dayfirst: bool | None) -> tuple[pd.Series, pd.DataFrame]:
    """Parse one column into dates (midnight, no time zone) and list what could not be read.

    Returns the parsed series, with the caller's index, and a problem frame with the positional
    ``position`` of each cell, its ``value``, the ``problem`` and a ``severity`` ("error" when the
    cell is left blank, "warning" when it was read by a guess). With ``dayfirst=None`` ambiguous
    numeric dates are read month first and each one is reported.

    >>> parsed, problems = parse_dates(pd.Series(["2024-03-07", "31/09/2025", "45000"]),
    ...                                dayfirst=True)
    >>> [d.date().isoformat() if pd.notna(d) else None for d in parsed]
    ['2024-03-07', None, '2023-03-15']
    >>> problems["problem"].tolist()
    ['not a valid date']
    """
    index = values.index
    values = values.reset_index(drop=True)
    result = pd.Series(pd.NaT, index=values.index, dtype=DATE_DTYPE)
    problems: list[pd.DataFrame] = []

    def report(mask: pd.Series, problem: str | pd.Series, severity: str) -> None:
        if mask.any():
            bad = values[mask]
            problems.append(pd.DataFrame({
                "position": bad.index.to_numpy(), "value": bad.astype(str).to_numpy(),
                "problem": problem[mask].to_numpy() if isinstance(problem, pd.Series) else problem,
                "severity": severity,
            }))

    types = None
    if values.dtype == object:
        types = _cell_types(values)
        is_date = types.isin(_DATE_TYPES)
        if is_date.any():
            result[is_date] = pd.to_datetime(values[is_date], errors="coerce", utc=True)\
                .dt.tz_localize(None).dt.normalize()
        is_number = types.isin(_NUMBER_TYPES)
        if is_number.any():
            numbers = pd.to_numeric(values[is_number], errors="coerce")
            result[is_number] = _from_serials(numbers)
            report(is_number & result.isna(), "a number, not a date", "error")

    text = _text(values, types)
    text = text.where(text != "")
    todo = text.notna()
    if todo.any():
        serial = todo & text.str.fullmatch(_NUMERIC).fillna(False).astype(bool)
        if serial.any():
            result[serial] = _from_serials(pd.to_numeric(text[serial], errors="coerce"))
            report(serial & result.isna(), "a number, not a date", "error")
            todo &= ~serial

        iso = todo & text.str.match(_ISO).fillna(False).astype(bool)
        if iso.any():
            parsed = pd.to_datetime(text[iso], format="ISO8601", errors="coerce", utc=True)
            result[iso] = parsed.dt.tz_localize(None).dt.normalize()
            report(iso & result.isna(), "not a valid date", "error")
            todo &= ~iso

        parts = _numeric_parts(text.where(todo))
        numeric = todo & parts[0].notna()
        if numeric.any():
            first, second, year = parts[0], parts[1], parts[2]
            year = year.where(year >= 100, year + 2000)
            day_first = bool(dayfirst)
            day, month = (first, second) if day_first else (second, first)
            ymd = pd.DataFrame({"year": year, "month": month, "day": day})[numeric]
            result[numeric] = pd.to_datetime(ymd, errors="coerce")
            report(numeric & result.isna(), "not a valid date", "error")
            if dayfirst is None:
                guessed = numeric & result.notna() & (first <= 12) & (second <= 12) & \
                    (first != second)
                readable = result.dt.strftime("%-d %B %Y")
                report(guessed, "ambiguous day and month: read as " + readable +
                       " (month first); set the date order if you meant the other way", "warning")
            todo &= ~numeric

        if todo.any():
            parsed = pd.to_datetime(text[todo], format="mixed", dayfirst=bool(dayfirst), utc=True,
                                    errors="coerce")
            result[todo] = parsed.dt.tz_localize(None).dt.normalize()
            report(todo & result.isna(), "not a date", "error")

    frame = (pd.concat(problems, ignore_index=True) if problems
             else pd.DataFrame(columns=PROBLEM_COLUMNS))
    result.index = index
    return result, frame.sort_values("position", kind="stable").reset_index(drop=True)
