"""Reading an Interviews sheet into the journal: columns recognised by their headers,
names split, dates and times read, ratings and rounds checked, every problem reported."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.interviews.journal import (
    _SPACE,
    NAME_SEPARATORS,
    TEXT_COLUMNS,
    THANKS_SEPARATORS,
    empty_interviews,
    normal_list,
    number_rounds,
)
from analysis.interviews.linking import link
from analysis.model import schema as s
from analysis.model.cells import (
    BLANK_MARKERS,
    empty_issues,
    find_header_row,
    header_names,
    issue_row,
    map_columns,
)
from analysis.model.dates import DATE_DTYPE, parse_dates, time_frame_end

# As patterns (not compiled) so that pandas runs them in pyarrow's regex engine, vectorised.
_STRAY = rf"^{_SPACE}*[;,|]|[;,|]{_SPACE}*[;,|]|[;,|]{_SPACE}*$"
_TIME = re.compile(r"(?i)\b(\d{1,2})[:.h](\d{2})\s*(am|pm)?\b|\b(\d{1,2})\s*(am|pm)\b")


_LONGEST_MARKER = max(len(marker) for marker in BLANK_MARKERS)


def _with_times(cells: pd.Series, days: pd.Series) -> pd.Series:
    """Interview days with their time of day where the cell gives one ("14:30", "2 pm", an
    Excel date-time)."""
    times = pd.Series(pd.NaT, index=cells.index, dtype="timedelta64[us]")
    stamps = cells.map(lambda v: v if isinstance(v, dt.datetime) else None)
    has_stamp = stamps.notna()
    if has_stamp.any():
        full = pd.to_datetime(stamps[has_stamp])
        times[has_stamp] = (full - full.dt.normalize()).to_numpy()
    text = cells.where(~has_stamp).astype("str")
    typed_time = text.str.contains(r"[0-9][:.h][0-9][0-9]|[0-9][ \t]*[aApP][mM]", regex=True)\
        .fillna(False)
    if not typed_time.any():
        return (days + times.fillna(pd.Timedelta(0))).astype(DATE_DTYPE)
    matched = text[typed_time].str.extract(_TIME).reindex(text.index)
    hour = pd.to_numeric(matched[0].fillna(matched[3]), errors="coerce")
    minute = pd.to_numeric(matched[1], errors="coerce").fillna(0)
    meridiem = matched[2].fillna(matched[4]).str.lower()
    hour = hour.where(meridiem != "pm", (hour % 12) + 12).where(meridiem != "am", hour % 12)
    typed = hour.notna() & (hour < 24) & (minute < 60)
    times[typed] = pd.to_timedelta(hour[typed] * 60 + minute[typed], unit="min").to_numpy()
    return (days + times.fillna(pd.Timedelta(0))).astype(DATE_DTYPE)


@dataclass
class JournalCells:
    """An Interviews sheet read into the journal's columns, before it is tied to the
    applications: the table, the issues found so far, the sheet row of each interview and the
    sheet's header for each column."""

    table: pd.DataFrame
    issues: list[dict[str, object]]
    rows: pd.Series
    headers: dict[str, str]
    file: str


def load_interviews_grid(grid: pd.DataFrame, *, file: str, apps: pd.DataFrame
                         ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The interviews table from a sheet's cells, with the issues it raised: rows that match
    no application (kept, not linked), ratings outside 1-5, interview dates before the
    application date, stray separators in a list of names. Blank rounds are numbered by date
    within each application; a time frame in "Decision expected" ("within two weeks") is
    counted from the interview."""
    return link_journal(read_journal(grid, file=file), apps)


def link_journal(read: JournalCells | None, apps: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The second half of ``load_interviews_grid``: the interviews tied to ``apps``, with the
    rows that match none (and interviews dated before their application) as issues."""
    if read is None:
        return empty_interviews(), empty_issues()
    issues = list(read.issues)
    _check_links(read.table, apps, read.rows, read.headers, read.file, issues)
    frame = pd.DataFrame(issues) if issues else empty_issues()
    return read.table, frame.astype({"row": "int64"}) if len(frame) else frame


def read_journal(grid: pd.DataFrame, *, file: str) -> JournalCells | None:
    """The first half of ``load_interviews_grid``, which needs no applications (the importer
    runs it while the applications are read): the sheet's cells as the journal's columns,
    with the issues of the cells themselves. None for a sheet without cells."""
    if all(grid[column].first_valid_index() is None for column in grid.columns):
        return None
    header_row = find_header_row(grid, s.INTERVIEW_ALIASES)
    headers = header_names(grid.iloc[header_row])
    body = grid.iloc[header_row + 1:].copy()
    body.columns = headers
    issues: list[dict[str, object]] = []
    mapping = map_columns(headers, None, s.INTERVIEW_ALIASES, file, issues)
    # Only the columns the journal reads become text (a sheet may carry many others).
    used = [h for h in headers if h in mapping]
    body = body[used]
    by_canonical = {c: h for h, c in mapping.items()}
    # Dates are read from the cells themselves, not their text (which is slow to make).
    dated = [by_canonical[c] for c in (s.IV_DATE, s.IV_DATE_APPLIED) if c in by_canonical]
    text = pd.DataFrame({h: body[h].astype("str").fillna("").str.strip()
                         for h in used if h not in dated}, index=body.index)
    keep = (text != "").any(axis=1) if len(text.columns) else \
        pd.Series(False, index=body.index)
    for date_header in dated:
        filled = body[date_header].notna()
        if pd.api.types.infer_dtype(body[date_header], skipna=True) not in ("datetime", "date"):
            filled &= ~body[date_header].map(lambda v: isinstance(v, str) and not v.strip())\
                .astype(bool)
        keep |= filled
    rows = pd.Series(np.arange(header_row + 2, header_row + 2 + len(body))[keep.to_numpy()])
    body, text = body[keep].reset_index(drop=True), text[keep].reset_index(drop=True)
    table = empty_interviews().reindex(range(len(body)))

    def cells(name: str) -> pd.Series:
        header = by_canonical.get(name)
        if header is None:
            return pd.Series("", index=body.index, dtype="str")
        column = text[header]
        # Only short cells can be a blank marker ("n/a", "-"): long notes are not lowered.
        short = column.str.len() <= _LONGEST_MARKER
        if not short.any():
            return column
        return column.where(~(short & column.str.lower().isin(BLANK_MARKERS)), "")

    for name in TEXT_COLUMNS:
        column = cells(name)
        table[name] = column.where(column != "")
    table[s.IV_THANK_YOU_SENT] = normal_list(cells(s.IV_THANK_YOU_SENT), THANKS_SEPARATORS,
                                              keep_blanks=True)
    for name in (s.INTERVIEWERS, s.INTERVIEWER_EMAILS):
        raw = cells(name)
        stray = raw.str.contains(_STRAY) & (raw != "")
        for position in np.flatnonzero(stray.to_numpy()):
            issues.append(issue_row(file, int(rows.iloc[position]), by_canonical[name],
                                    raw.iloc[position], "stray separators in the list: "
                                    "ignored", "info"))
        table[name] = normal_list(raw, NAME_SEPARATORS)
    for name in (s.IV_DATE_APPLIED, s.IV_DATE):
        header = by_canonical.get(name)
        if header is None:
            continue
        parsed, problems = parse_dates(body[header], dayfirst=None)
        table[name] = _with_times(body[header], parsed) if name == s.IV_DATE else parsed
        for problem in problems.to_dict("records"):
            issues.append(issue_row(file, int(rows.iloc[problem["position"]]), header,
                                    problem["value"], problem["problem"], problem["severity"]))
    for name, what, low, high in ((s.IV_ROUND, "round", 1, 50), (s.RATING, "rating", 1, 5)):
        header = by_canonical.get(name)
        if header is None:
            continue
        raw = cells(name)
        number = pd.to_numeric(raw.where(raw != ""), errors="coerce")
        worded = number.isna() & (raw != "")  # "4/5", "3 (ok)", "4,5": the leading number
        if worded.any():
            number[worded] = pd.to_numeric(
                raw[worded].str.extract(r"^([0-9]+(?:[.,][0-9]+)?)")[0].str.replace(",", "."),
                errors="coerce")
        bad = (raw != "") & ~number.between(low, high)
        for position in np.flatnonzero(bad.to_numpy()):
            issues.append(issue_row(file, int(rows.iloc[position]), header, raw.iloc[position],
                                    f"not a {what} from {low} to {high}: left blank",
                                    "error"))
        table[name] = number.where(~bad).astype("float64")
    _decision_expected(table, cells(s.DECISION_EXPECTED), rows,
                       by_canonical.get(s.DECISION_EXPECTED), file, issues)
    return JournalCells(number_rounds(table), issues, rows, by_canonical, file)


def _decision_expected(table: pd.DataFrame, raw: pd.Series, rows: pd.Series,
                       header: str | None, file: str,
                       issues: list[dict[str, object]]) -> None:
    """Dates as dates; time frames ("within two weeks") counted from the interview day."""
    if header is None:
        return
    parsed, _ = parse_dates(raw.where(raw != ""), dayfirst=None)
    table[s.DECISION_EXPECTED] = parsed
    for position in np.flatnonzero((parsed.isna() & (raw != "")).to_numpy()):
        held = table[s.IV_DATE].iloc[position]
        end = time_frame_end(raw.iloc[position], held.date()) if pd.notna(held) else None
        if end is None:
            issues.append(issue_row(file, int(rows.iloc[position]), header, raw.iloc[position],
                                    "not a date or a time frame: left blank", "warning"))
            continue
        table.iloc[position, table.columns.get_loc(s.DECISION_EXPECTED)] = pd.Timestamp(end)  # type: ignore[index]  # pandas-stubs: get_loc of a unique column is an int
        issues.append(issue_row(file, int(rows.iloc[position]), header, raw.iloc[position],
                                f"time frame read as {end:%Y-%m-%d}, counted from the "
                                "interview", "info"))


def _check_links(table: pd.DataFrame, apps: pd.DataFrame, rows: pd.Series,
                 by_canonical: Mapping[str, str], file: str,
                 issues: list[dict[str, object]]) -> None:
    application = link(table, apps)
    for position in np.flatnonzero(application.isna().to_numpy()):
        company, role = table[s.COMPANY].iloc[position], table[s.ROLE].iloc[position]
        issues.append(issue_row(
            file, int(rows.iloc[position]), by_canonical.get(s.IV_COMPANY, "Company"),
            company if pd.notna(company) else "",
            f"no application matches company '{company if pd.notna(company) else ''}'"
            + (f" and role '{role}'" if pd.notna(role) else "") + ": kept, not linked",
            "warning"))
    matched = application.notna().to_numpy()
    applied = apps[s.DATE_APPLIED].reindex(application[matched].astype("int64")).to_numpy()
    early = table[s.IV_DATE].to_numpy()[matched] < applied
    for position in np.flatnonzero(matched)[early]:
        issues.append(issue_row(
            file, int(rows.iloc[position]), by_canonical.get(s.IV_DATE, "Interview date"),
            f"{table[s.IV_DATE].iloc[position]:%Y-%m-%d}",
            "an interview before the application was sent: check both dates", "warning"))
