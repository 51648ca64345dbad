"""The interview journal: every round of every application, with its interviewers and notes,
and what the journal teaches across interviews.

An interview belongs to the application with the same job link, else the same company and
role (and date applied, when the sheet has it). ``link`` finds it each time, so the journal
follows the applications through edits and merges. Several names in one cell ("Ana Ruiz; Ben
Okafor") are split; a thank-you cell holds one value for all interviewers, or one per
interviewer in their order. Nothing here modifies the frames it is given.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import schema as s
from analysis.dates import DATE_DTYPE, format_days, parse_dates, time_frame_end
from analysis.grids import (
    BLANK_MARKERS,
    YES_MARKERS,
    empty_issues,
    find_header_row,
    header_names,
    issue_row,
    map_columns,
    per_distinct,
)
from analysis.rates import wilson_interval

SEPARATOR = "; "
# Names and addresses are separated by ; , | or a new line ("Ana Ruiz; Ben Okafor").
# Spaces spelled out: pandas hands a pattern with \s to Python's regex engine, one cell at a
# time, and these run over every interview.
_SPACE = r"[\t\n\v\f\r \xa0]"
_SEPARATORS = rf"{_SPACE}*(?:;|\||\n|\r|,|{_SPACE}+&{_SPACE}+|{_SPACE}+and{_SPACE}+){_SPACE}*"
_LIST_SPLIT = re.compile(_SEPARATORS)
_THANKS_SEPARATORS = rf"{_SPACE}*[;|\n]{_SPACE}*"
# As patterns (not compiled) so that pandas runs them in pyarrow's regex engine, vectorised.
_STRAY = rf"^{_SPACE}*[;,|]|[;,|]{_SPACE}*[;,|]|[;,|]{_SPACE}*$"
_TIME = re.compile(r"(?i)\b(\d{1,2})[:.h](\d{2})\s*(am|pm)?\b|\b(\d{1,2})\s*(am|pm)\b")
NOTE_COLUMNS = (s.QUESTIONS_ASKED, s.MY_ANSWERS, s.THEIR_RESPONSES, s.MY_QUESTIONS,
                s.WENT_WELL, s.TO_IMPROVE, s.IV_NOTES)
TEXT_COLUMNS = tuple(c.name for c in s.INTERVIEW_COLUMNS if c.kind in ("text", "url"))
_LONGEST_MARKER = max(len(marker) for marker in BLANK_MARKERS)
MIN_RATED = 8  # interviews with a rating and a known outcome before the rating says anything


def empty_interviews() -> pd.DataFrame:
    """A frame with the interview columns and their dtypes, and no rows."""
    types = {"date": DATE_DTYPE, "number": "float64"}
    return pd.DataFrame({c.name: pd.Series(dtype=types.get(c.kind, "str"))
                         for c in s.INTERVIEW_COLUMNS})


def split_names(value: object) -> list[str]:
    """The names (or addresses) in one cell, in order, blanks and stray separators dropped.

    >>> split_names("Ana Ruiz; Ben Okafor;; ")
    ['Ana Ruiz', 'Ben Okafor']
    >>> split_names(None)
    []
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return []
    return [part for part in _LIST_SPLIT.split(str(value).strip()) if part]


def _key(values: pd.Series) -> pd.Series:
    """Company or role names as a key: lower case, letters and digits only ("" for a blank).
    Worked out once per distinct name."""
    return per_distinct(values, _normal_key)


def _normal_key(values: pd.Series) -> pd.Series:
    return values.str.lower().str.replace(r"[^0-9a-z]+", "", regex=True)


def application_keys(frame: pd.DataFrame, levels: Sequence[str] = ("url", "full", "role",
                                                                  "company")) -> pd.DataFrame:
    """The keys that tie an interview to its application: job link, company + role + day
    applied, company + role, company (each "" where a part is blank). Only the ``levels``
    asked for are worked out."""
    from analysis.importer import url_key  # the importer reads interviews: import on use

    blank = pd.Series("", index=frame.index, dtype="str")
    company, role = _key(frame[s.COMPANY]), _key(frame[s.ROLE])
    keys = {"company": company, "role": (company + "|" + role).where(company != "", "")}
    if "url" in levels:
        keys["url"] = per_distinct(frame[s.JOB_URL], url_key) if s.JOB_URL in frame else blank
    if "full" in levels:
        day = format_days(frame[s.DATE_APPLIED]).fillna("") if s.DATE_APPLIED in frame \
            else blank
        keys["full"] = (company + "|" + role + "|" + day).where((company != "") & (day != ""),
                                                               "")
    return pd.DataFrame({level: keys[level] for level in levels}, index=frame.index)


# The last links worked out, by the identity of the two frames: a page asks for the same
# link several times (follow-ups, funnel, flows...) and frames here are never modified.
_LINKS: OrderedDict[tuple[int, int], tuple[weakref.ref, weakref.ref, pd.Series]] = OrderedDict()
_LINKS_KEPT = 8
_LINKS_LOCK = threading.Lock()


def link(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.Series:
    """The index label in ``apps`` of each interview's application (missing when none
    matches): by job link, else company, role and day applied, else company and role, else
    the company when it has only one application."""
    key = (id(interviews), id(apps))
    with _LINKS_LOCK:  # the dashboard serves each browser tab from its own thread
        kept = _LINKS.get(key)
        if kept is not None and kept[0]() is interviews and kept[1]() is apps:
            _LINKS.move_to_end(key)
            return kept[2].copy()
    found = _link(interviews, apps)
    with _LINKS_LOCK:
        _LINKS[key] = (weakref.ref(interviews), weakref.ref(apps), found)
        while len(_LINKS) > _LINKS_KEPT:
            _LINKS.popitem(last=False)
    return found.copy()


def _link(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.Series:
    if interviews.empty or apps.empty:
        return pd.Series(pd.NA, index=interviews.index, dtype="Int64")
    # Only the keys the interviews can use: most journals have no link or application date.
    # A job link written exactly as in the tracker is tried first: the usual case, and the
    # one that needs no link normalised.
    levels = [level for level, column in (("exact", s.IV_JOB_URL), ("url", s.IV_JOB_URL),
                                          ("full", s.IV_DATE_APPLIED))
              if column in interviews and interviews[column].notna().any()] + ["role", "company"]
    keys = _KeyCodes(apps, interviews)
    size = len(apps)
    labels = apps.index.to_numpy()
    found = np.full(len(interviews), -1, dtype="int64")  # position in apps, -1: none yet
    for level in levels:
        if (found >= 0).all():
            break
        codes = keys.codes(level)
        app_codes, interview_codes = codes[:size], codes[size:]
        if level == "company":  # a company alone only tells when it has one application
            counts = np.bincount(app_codes[app_codes >= 0], minlength=codes.max() + 1)
            app_codes = np.where((app_codes >= 0) & (counts[app_codes] == 1), app_codes, -1)
        # Positions by code, the first application wins; -1 (a blank key) matches nothing.
        first = np.full(codes.max() + 2, -1, dtype="int64")
        positions = np.flatnonzero(app_codes >= 0)
        first[app_codes[positions][::-1]] = positions[::-1]
        candidate = np.where(interview_codes >= 0, first[interview_codes], -1)
        open_ = found < 0
        found[open_] = candidate[open_]
    result = pd.Series(pd.NA, index=interviews.index, dtype="object")
    matched = found >= 0
    result[matched] = labels[found[matched]]
    return result.astype("Int64")


class _KeyCodes:
    """``application_keys`` of the applications followed by the interviews, as whole numbers
    (-1 where a key is blank), each level worked out when first asked for: each distinct name
    is normalised once and the keys are combined as numbers, not as joined text."""

    def __init__(self, apps: pd.DataFrame, interviews: pd.DataFrame) -> None:
        self.apps, self.interviews = apps, interviews
        self._found: dict[str, np.ndarray] = {}

    def _both(self, column: str, dtype: str = "str") -> pd.Series:
        parts = [frame[column].astype(dtype) if column in frame else
                 pd.Series(pd.NA, index=frame.index, dtype=dtype)
                 for frame in (self.apps, self.interviews)]
        return pd.concat(parts, ignore_index=True)

    @staticmethod
    def _pair(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        combined = left * (right.max() + 2) + (right + 1)
        return np.where(left >= 0, pd.factorize(combined)[0], -1)

    def codes(self, level: str) -> np.ndarray:
        if level not in self._found:
            self._found[level] = self._work_out(level)
        return self._found[level]

    def _work_out(self, level: str) -> np.ndarray:
        if level == "company":
            return _normal_codes(self._both(s.COMPANY), _normal_key)
        if level == "role":
            return self._pair(self.codes("company"),
                              _normal_codes(self._both(s.ROLE), _normal_key))
        if level == "exact":
            links = self._both(s.JOB_URL)
            return pd.factorize(links.where(links != ""))[0].astype("int64")
        if level == "url":
            from analysis.importer import url_key  # the importer reads interviews: on use

            return _normal_codes(self._both(s.JOB_URL), url_key)
        day = pd.factorize(self._both(s.DATE_APPLIED, DATE_DTYPE).dt.normalize())[0]
        return np.where(day >= 0, self._pair(self.codes("role"), day.astype("int64")), -1)


def _normal_codes(values: pd.Series, normal: Callable[[pd.Series], pd.Series]) -> np.ndarray:
    """One whole number per distinct ``normal`` form of the cells (-1 where it is blank),
    each distinct cell normalised once."""
    codes, distinct = pd.factorize(values)
    if not len(distinct):
        return np.full(len(values), -1, dtype="int64")
    normalised = normal(pd.Series(distinct, dtype="str")).fillna("")
    merged, _ = pd.factorize(normalised.where(normalised != ""))
    return np.where(codes >= 0, merged[np.maximum(codes, 0)], -1).astype("int64")


# ---------------------------------------------------------------------------------------------
# Reading an Interviews sheet


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
    for header in dated:
        filled = body[header].notna()
        if pd.api.types.infer_dtype(body[header], skipna=True) not in ("datetime", "date"):
            filled &= ~body[header].map(lambda v: isinstance(v, str) and not v.strip())\
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
    table[s.IV_THANK_YOU_SENT] = _normal_list(cells(s.IV_THANK_YOU_SENT), _THANKS_SEPARATORS,
                                              keep_blanks=True)
    for name in (s.INTERVIEWERS, s.INTERVIEWER_EMAILS):
        raw = cells(name)
        stray = raw.str.contains(_STRAY) & (raw != "")
        for position in np.flatnonzero(stray.to_numpy()):
            issues.append(issue_row(file, int(rows.iloc[position]), by_canonical[name],
                                    raw.iloc[position], "stray separators in the list: "
                                    "ignored", "info"))
        table[name] = _normal_list(raw, _SEPARATORS)
    for name in (s.IV_DATE_APPLIED, s.IV_DATE):
        header = by_canonical.get(name)
        if header is None:
            continue
        parsed, problems = parse_dates(body[header], dayfirst=None)
        table[name] = _with_times(body[header], parsed) if name == s.IV_DATE else parsed
        for problem in problems.itertuples():
            issues.append(issue_row(file, int(rows.iloc[problem.position]), header,
                                    problem.value, problem.problem, problem.severity))
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


def _normal_list(raw: pd.Series, separators: str, *, keep_blanks: bool = False) -> pd.Series:
    """Cells holding lists, written the one way the journal writes them ("Ana Ruiz; Ben
    Okafor"), blank cells missing; ``keep_blanks`` keeps empty places in a list (a thank-you
    sent to the second interviewer only: "; 2026-03-11"), as ``thanks_text`` does. Vectorised:
    the same result as ``SEPARATOR.join(split_names(cell))`` cell by cell.

    >>> _normal_list(pd.Series(["Ana Ruiz;; Ben Okafor, ", "", "Cleo"]), _SEPARATORS).tolist()
    ['Ana Ruiz; Ben Okafor', nan, 'Cleo']
    """
    text = raw.fillna("").astype("str").str.strip()
    joined = text.str.replace(separators, SEPARATOR, regex=True)
    if not keep_blanks:
        joined = joined.str.replace(r"(?:; ){2,}", SEPARATOR, regex=True)\
            .str.replace(r"^(?:; )+|(?:; )+$", "", regex=True)
    joined = joined.str.strip()
    return joined.where(joined != "").astype("str")


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
        table.iloc[position, table.columns.get_loc(s.DECISION_EXPECTED)] = pd.Timestamp(end)
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


def number_rounds(interviews: pd.DataFrame, apps: pd.DataFrame | None = None
                  ) -> pd.DataFrame:
    """The interviews with blank rounds numbered by date within each application (after the
    rounds given). An application is known by its job link, else its company and role, so
    ``apps`` is not needed (callers may still pass it)."""
    if interviews.empty:
        return interviews
    table = interviews.copy()
    blank = table[s.IV_ROUND].isna()
    if not blank.any():
        return table
    keys = application_keys(table, ("url", "role"))
    group = keys["url"].where(keys["url"] != "", keys["role"])
    order = table[blank].assign(_group=group[blank]).groupby("_group", sort=False)[s.IV_DATE]\
        .rank(method="first")
    given = table.groupby(group, sort=False)[s.IV_ROUND].transform("max").fillna(0)
    table.loc[blank, s.IV_ROUND] = (given[blank] + order).astype("float64")
    return table


def interviews_from_applications(apps: pd.DataFrame) -> pd.DataFrame:
    """One interview per application with an interview date, from its interview date, notes,
    contact (as the interviewer), thank-you and expected decision: what a tracker without an
    Interviews sheet holds."""
    held = apps[apps[s.INTERVIEW_DATE].notna()]
    table = empty_interviews().reindex(range(len(held)))
    if held.empty:
        return table
    table[s.IV_COMPANY] = held[s.COMPANY].to_numpy()
    table[s.IV_ROLE] = held[s.ROLE].to_numpy()
    table[s.IV_DATE_APPLIED] = held[s.DATE_APPLIED].to_numpy()
    table[s.IV_JOB_URL] = held[s.JOB_URL].to_numpy()
    table[s.IV_DATE] = held[s.INTERVIEW_DATE].to_numpy()
    table[s.IV_ROUND] = 1.0
    table[s.INTERVIEWERS] = _normal_list(held[s.CONTACT_NAME], _SEPARATORS).to_numpy()
    table[s.INTERVIEWER_EMAILS] = _normal_list(held[s.CONTACT_EMAIL], _SEPARATORS).to_numpy()
    table[s.IV_NOTES] = held[s.INTERVIEW_NOTES].to_numpy()
    table[s.IV_THANK_YOU_SENT] = held[s.THANK_YOU_SENT].dt.strftime("%Y-%m-%d").to_numpy()
    table[s.DECISION_EXPECTED] = held[s.EXPECTED_DECISION_DATE].to_numpy()
    return table.astype({name: "str" for name in TEXT_COLUMNS})


def saved_or_derived(interviews: pd.DataFrame | None, apps: pd.DataFrame) -> pd.DataFrame:
    """The journal kept with a saved version, or, for a version saved before there was one,
    the interviews its applications' interview dates and notes tell."""
    return interviews if interviews is not None else interviews_from_applications(apps)


def merge_interviews(current: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """The journal after merging an import: the current interviews, updated by the incoming
    ones for the same application, day and round (blank incoming cells keep what is there),
    and the new ones added."""
    if incoming.empty:
        return current
    if current.empty:
        return incoming

    def keys(frame: pd.DataFrame) -> pd.Series:
        parts = application_keys(frame, ("url", "role"))
        app = parts["url"].where(parts["url"] != "", parts["role"])
        return app + "|" + frame[s.IV_DATE].dt.strftime("%Y-%m-%d").fillna("") + "|" + \
            frame[s.IV_ROUND].fillna(0).astype("int64").astype("str")

    mine, theirs = keys(current), keys(incoming)
    position = pd.Series(range(len(current)), index=mine.to_numpy())
    position = position[~position.index.duplicated()]
    merged = current.copy().reset_index(drop=True)
    fresh = []
    for (_, row), key in zip(incoming.iterrows(), theirs, strict=True):
        if key in position.index:
            at = int(position[key])
            merged.iloc[at] = row.where(row.notna(), merged.iloc[at]).to_numpy()
        else:
            fresh.append(row)
    if fresh:
        merged = pd.concat([merged, pd.DataFrame(fresh)], ignore_index=True)
    return merged.astype(current.dtypes.to_dict())


def latest_rounds(linked: pd.DataFrame) -> pd.DataFrame:
    """Each application's latest interview, indexed by the application's label (column
    ``_app`` of ``linked``): the round's own values, where groupby's last() would fill its
    blanks from earlier rounds, and the last of several rows dated alike."""
    reverse = linked.iloc[::-1]  # idxmax takes the first of equal dates
    return reverse.loc[reverse.groupby("_app", sort=False)[s.IV_DATE].idxmax()]\
        .set_index("_app")


def with_latest_interviews(apps: pd.DataFrame, interviews: pd.DataFrame) -> pd.DataFrame:
    """The applications in step with the journal: ``interview_date`` the day of their latest
    interview, and ``thank_you_sent`` the day its last interviewer was thanked once every one
    of them was (applications without an interview there keep theirs)."""
    if interviews.empty:
        return apps
    linked = interviews.assign(_app=link(interviews, apps)).dropna(subset=["_app", s.IV_DATE])
    if linked.empty:
        return apps
    latest = latest_rounds(linked)
    latest.index = latest.index.astype(apps.index.dtype)
    updated = apps.copy()
    updated.loc[latest.index, s.INTERVIEW_DATE] = latest[s.IV_DATE].dt.normalize()\
        .astype(DATE_DTYPE).to_numpy()
    # Thanked when every part of the cell is a day; "yes" counts as the interview day.
    parts = latest[s.IV_THANK_YOU_SENT].fillna("").astype("str").str.split(_THANKS_SEPARATORS)\
        .explode()
    said_yes = parts.str.lower().isin(YES_MARKERS)
    days = pd.to_datetime(parts.where(~said_yes), errors="coerce", format="%Y-%m-%d")\
        .fillna(latest[s.IV_DATE].dt.normalize().reindex(parts.index).where(said_yes))
    complete = days.notna().groupby(level=0).all() & (parts != "").groupby(level=0).all()
    thanked = days.groupby(level=0).max()[complete]
    updated.loc[thanked.index, s.THANK_YOU_SENT] = thanked.astype(DATE_DTYPE).to_numpy()
    return updated


def has_notes(interviews: pd.DataFrame) -> pd.Series:
    """Whether each interview has any notes written."""
    if interviews.empty:
        return pd.Series(dtype=bool)
    notes = interviews[list(NOTE_COLUMNS)].fillna("").astype("str")
    return (notes.apply(lambda c: c.str.strip()) != "").any(axis=1)


def thank_you_days(value: object, interviewers: int, fallback: pd.Timestamp | None
                   ) -> list[pd.Timestamp | None]:
    """The day each interviewer was thanked (None: not yet), from a thank-you cell holding
    one value for all or one per interviewer in their order; "yes" counts as ``fallback``.

    >>> thank_you_days("2026-03-03; ", 2, None)
    [Timestamp('2026-03-03 00:00:00'), None]
    >>> thank_you_days("yes", 2, pd.Timestamp("2026-03-02"))
    [Timestamp('2026-03-02 00:00:00'), Timestamp('2026-03-02 00:00:00')]
    """
    count = max(interviewers, 1)
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return [None] * count
    parts = [p.strip() for p in re.split(r"[;|\n]", str(value))]
    if len(parts) == 1:
        parts = parts * count
    days: list[pd.Timestamp | None] = []
    for part in (parts + [""] * count)[:count]:
        if part.lower() in YES_MARKERS:
            days.append(fallback)
            continue
        parsed, _ = parse_dates(pd.Series([part or None], dtype="object"), dayfirst=None)
        days.append(parsed.iloc[0] if pd.notna(parsed.iloc[0]) else None)
    return days


def _exploded(values: pd.Series, pattern: re.Pattern[str] | str) -> pd.DataFrame:
    """Each cell split on ``pattern`` into (label, position, part) rows, blanks dropped.
    Cells the journal wrote ("Ana Ruiz; Ben Okafor") split on "; " alone, in pyarrow."""
    cells = values.fillna("").astype("str")
    written = not cells.str.contains(r"[,|\n\r&]| and |;[^ ]", regex=True).any()
    parts = (cells.str.split(SEPARATOR, regex=False) if written
             else cells.str.split(pattern, regex=True)).explode()
    parts = parts.str.strip()
    parts = parts[parts != ""]
    frame = pd.DataFrame({"interview": parts.index, "part": parts.to_numpy()})
    frame["position"] = frame.groupby("interview").cumcount()
    return frame


def interviewer_rows(interviews: pd.DataFrame) -> pd.DataFrame:
    """One row per interviewer of each interview (one row without a name where nobody is
    listed): the interview's label, the name, the address in the same position (or the only
    address, for one interviewer), and the day they were thanked (NaT: not yet; a thank-you
    cell holds one value for all or one per interviewer in their order, "yes" meaning the
    interview day)."""
    columns = ["interview", "position", "name", "email", "thanked"]
    if interviews.empty:
        return pd.DataFrame({c: pd.Series(dtype=DATE_DTYPE if c == "thanked" else
                                          "int64" if c in ("interview", "position") else "str")
                             for c in columns})
    names = _exploded(interviews[s.INTERVIEWERS], _LIST_SPLIT).rename(columns={"part": "name"})
    counts = names.groupby("interview").size().reindex(interviews.index, fill_value=0)
    nobody = pd.DataFrame({"interview": counts.index[counts == 0], "position": 0,
                           "name": pd.NA})
    people = pd.concat([names, nobody], ignore_index=True)
    emails = _exploded(interviews[s.INTERVIEWER_EMAILS], _LIST_SPLIT)\
        .rename(columns={"part": "email"})
    people = people.merge(emails, on=["interview", "position"], how="left")
    only = emails.groupby("interview")["email"].agg(["first", "size"])
    single = counts.reindex(people["interview"]).to_numpy() <= 1
    lone = only["first"].where(only["size"] == 1).reindex(people["interview"]).to_numpy()
    people["email"] = people["email"].where(people["email"].notna() | ~single, lone)
    # Thank-you days: one value for everyone, or one per interviewer in their order.
    cells = interviews[s.IV_THANK_YOU_SENT].fillna("").astype("str")
    parts = cells.str.split(r"[;|\n]", regex=True).explode().str.strip()
    given = pd.DataFrame({"interview": parts.index, "thanks": parts.to_numpy()})
    given["position"] = given.groupby("interview").cumcount()
    per_cell = given.groupby("interview").size()
    shared = per_cell[per_cell == 1].index
    people = people.merge(given[~given["interview"].isin(shared)],
                          on=["interview", "position"], how="left")
    one_value = given[given["interview"].isin(shared)].set_index("interview")["thanks"]
    people["thanks"] = people["thanks"].fillna(people["interview"].map(one_value)).fillna("")
    held = interviews[s.IV_DATE].dt.normalize().reindex(people["interview"]).to_numpy()
    said_yes = people["thanks"].str.lower().isin(YES_MARKERS).to_numpy()
    typed = pd.to_datetime(people["thanks"].where(~said_yes & (people["thanks"] != "")),
                           errors="coerce", format="mixed")
    people["thanked"] = typed.where(~said_yes, held).astype(DATE_DTYPE)
    people = people.sort_values(["interview", "position"], kind="stable")
    return people[columns].reset_index(drop=True).astype(
        {"name": "str", "email": "str", "interview": "int64", "position": "int64"})


def mark_thanked(interviews: pd.DataFrame, label: int, position: int, *, on: dt.date
                 ) -> pd.DataFrame:
    """A copy of ``interviews`` recording that the interviewer at ``position`` of interview
    ``label`` was thanked ``on`` that day (the others keep theirs)."""
    table = interviews.copy()
    row = table.loc[label]
    names = split_names(row[s.INTERVIEWERS])
    held = row[s.IV_DATE].normalize() if pd.notna(row[s.IV_DATE]) else None
    days = thank_you_days(row[s.IV_THANK_YOU_SENT], len(names), held)
    days[min(position, len(days) - 1)] = pd.Timestamp(on)
    text = [f"{d:%Y-%m-%d}" if d is not None else "" for d in days]
    table.loc[label, s.IV_THANK_YOU_SENT] = text[0] if len(set(text)) == 1 else \
        thanks_text(text)
    return table


def thanks_text(parts: Sequence[str]) -> str:
    """A thank-you cell as the journal writes it: one value per interviewer, "; "-joined,
    without trailing spaces, so it reads back the same.

    >>> thanks_text(["2026-03-11", ""]), thanks_text([" yes "])
    ('2026-03-11;', 'yes')
    """
    return SEPARATOR.join(p.strip() for p in parts).strip()


def record_notes(interviews: pd.DataFrame, label: int | None, notes: Mapping[str, object],
                 *, new: Mapping[str, object] | None = None) -> pd.DataFrame:
    """A copy of ``interviews`` with the notes (any of the note columns, interviewers,
    rating...) written into interview ``label``, or, with ``label`` None, a new interview
    made of ``new`` and the notes."""
    table = interviews.copy()
    if label is None:
        row = empty_interviews().reindex([0])
        for name, value in {**(new or {}), **notes}.items():
            row[name] = value
        table = pd.concat([table, row.astype(table.dtypes.to_dict())], ignore_index=True)
        return table
    for name, value in notes.items():
        table.loc[label, name] = value
    return table


# ---------------------------------------------------------------------------------------------
# What the journal teaches


_QUESTION_SPLIT = re.compile(r"\s*(?:\n|;|(?<=\?)\s+(?=[A-Z]))\s*")


def split_questions(value: object) -> list[str]:
    """The questions in one notes cell: one per line, or separated by ; or by "? ".

    >>> split_questions("Why us? Tell me about yourself; - SQL window functions")
    ['Why us?', 'Tell me about yourself', 'SQL window functions']
    """
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return []
    parts = (p.strip(" -•*\t").strip() for p in _QUESTION_SPLIT.split(str(value)))
    return [p for p in parts if len(p) > 3]


def questions(interviews: pd.DataFrame) -> pd.DataFrame:
    """Every question asked, one row each, with its interview's company and role."""
    cells = interviews[s.QUESTIONS_ASKED]
    codes, distinct = pd.factorize(cells)  # a journal repeats its questions: split each once
    split = [split_questions(cell) for cell in distinct] + [[]]
    parts = pd.Series([split[code] for code in codes], index=cells.index, dtype="object")
    frame = interviews[[s.IV_COMPANY, s.IV_ROLE]].assign(question=parts).explode("question")
    return frame[frame["question"].notna()].astype({"question": "str"})\
        .reset_index(names="interview")


# Classic interview questions, each with the other words people use for it: questions that
# differ in every word ("Tell me about yourself", "Walk me through your background") group here.
QUESTION_BANK: dict[str, tuple[str, ...]] = {
    "Tell me about yourself": (
        "tell me about yourself", "walk me through your background",
        "walk me through your resume", "walk me through your cv", "introduce yourself",
        "describe yourself", "tell us about yourself", "give me an overview of your career",
        "erzählen sie etwas über sich", "stellen sie sich vor", "présentez vous",
        "parlez moi de vous", "háblame de ti", "preséntate"),
    "Why do you want to work here?": (
        "why do you want to work here", "why this company", "why do you want to join us",
        "why are you interested in this role", "why are you interested in this position",
        "what attracts you to this role", "why us", "why do you want this job",
        "warum möchten sie bei uns arbeiten", "pourquoi voulez vous travailler chez nous"),
    "What are your strengths?": (
        "what are your strengths", "what is your greatest strength",
        "what are you good at", "what would your colleagues say you are good at"),
    "What are your weaknesses?": (
        "what are your weaknesses", "what is your greatest weakness",
        "what would you like to improve about yourself", "what are your areas of development"),
    "Tell me about a time you failed": (
        "tell me about a time you failed", "describe a failure",
        "tell me about a mistake you made", "what is your biggest failure"),
    "Tell me about a conflict and how you handled it": (
        "tell me about a conflict", "describe a disagreement with a colleague",
        "how do you handle conflict", "tell me about a difficult coworker"),
    "Where do you see yourself in five years?": (
        "where do you see yourself in five years", "where do you see yourself in 5 years",
        "what are your long term goals", "what are your career goals"),
    "Why are you leaving your current job?": (
        "why are you leaving your current job", "why do you want to leave",
        "why did you leave your last job", "why are you looking for a new role"),
    "What are your salary expectations?": (
        "what are your salary expectations", "what salary are you looking for",
        "what are your compensation expectations", "what is your expected salary"),
    "Why should we hire you?": (
        "why should we hire you", "what makes you the right fit",
        "why are you the best candidate", "what can you bring to the team"),
    "Tell me about your greatest achievement": (
        "what is your greatest achievement", "what are you most proud of",
        "tell me about an accomplishment", "describe your biggest success"),
    "How do you work under pressure?": (
        "how do you work under pressure", "how do you handle stress",
        "how do you deal with tight deadlines", "how do you prioritise competing deadlines"),
    "Tell me about a time you led a team": (
        "tell me about a time you led a team", "give an example of leadership",
        "describe a time you took the lead", "how would you describe your leadership style"),
    "Do you have any questions for us?": (
        "do you have any questions for us", "do you have any questions",
        "what questions do you have for me", "anything you would like to ask"),
}
_FILLER = re.compile(r"\b(a little|a bit|briefly|quickly|please|can you|could you|would you|"
                     r"so|just|maybe|kindly)\b")


def _normal_question(text: str) -> str:
    plain = re.sub(r"[^\w\s]", " ", text.lower())
    return re.sub(r"\s+", " ", _FILLER.sub(" ", plain)).strip()


_BANK_NAMES = [name for name, words in QUESTION_BANK.items() for _ in words]
_BANK_WORDINGS = [_normal_question(w) for words in QUESTION_BANK.values() for w in words]


def classic_question(question: str, *, similar: float = 82) -> str | None:
    """The classic question of ``QUESTION_BANK`` this one asks in other words, or None.

    >>> classic_question("Walk me through your background"), classic_question("SQL joins")
    ('Tell me about yourself', None)
    """
    from rapidfuzz import fuzz, process

    found = process.extractOne(_normal_question(question), _BANK_WORDINGS,
                               scorer=fuzz.token_set_ratio, score_cutoff=similar)
    return _BANK_NAMES[found[2]] if found else None


def recurring_questions(interviews: pd.DataFrame, *, similar: float = 82) -> pd.DataFrame:
    """Questions asked across interviews, grouped when they ask the same thing in other words:
    a table with ``question`` (the classic wording, or the most common one), ``count`` (times
    asked), ``companies`` (where, "; "-joined) and ``wordings`` (as written), most asked first.

    Each question is compared (rapidfuzz's token-set ratio, out of 100, after dropping fillers
    like "a little" or "please") with the wordings of ``QUESTION_BANK``, the classic questions
    with the other words people use for them, so "Walk me through your background" joins
    "Tell me about yourself"; the others are grouped with each other at ``similar`` or more.

    >>> table = recurring_questions(pd.DataFrame({"company": ["A", "B", "C"],
    ...     "role": [None] * 3, "questions_asked": ["Tell me about yourself",
    ...     "Tell me a little about yourself; Why us?", "Walk me through your background"]}))
    >>> table[["question", "count", "companies"]].values.tolist()[0]
    ['Tell me about yourself', 3, 'A; B; C']
    """
    from rapidfuzz import fuzz, process
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    asked = questions(interviews)
    columns = ["question", "count", "companies", "wordings"]
    if asked.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else "str")
                             for c in columns})
    wording = {q: _normal_question(q) for q in asked["question"].unique()}
    normal = [wording[q] for q in asked["question"].tolist()]
    # Compared once per distinct wording: a journal repeats its questions.
    distinct, back = np.unique(np.array(normal, dtype=object), return_inverse=True)
    wordings = distinct.tolist()
    to_bank = process.cdist(wordings, _BANK_WORDINGS, scorer=fuzz.token_set_ratio,
                            dtype=np.uint8, workers=1)
    best = to_bank.argmax(axis=1)
    classic = np.where(to_bank.max(axis=1) >= similar, np.array(_BANK_NAMES)[best], "")
    # The others group with each other: connected parts of the "similar enough" graph.
    scores = process.cdist(wordings, wordings, scorer=fuzz.token_set_ratio, dtype=np.uint8,
                           score_cutoff=int(similar), workers=1)
    _, groups = connected_components(csr_matrix(scores >= similar), directed=False)
    key = np.where(classic != "", "bank:" + classic, "own:" + groups.astype(str))[back]
    rows = []
    asked = asked.assign(_normal=normal)
    for group_key, group in asked.assign(_key=key).groupby("_key", sort=False):
        wordings = group.drop_duplicates("_normal")["question"].reindex(
            group.drop_duplicates("_normal").index)
        wordings = pd.Series(1, index=wordings.to_numpy())
        name = group_key[5:] if group_key.startswith("bank:") else wordings.index[0]
        companies = group[s.IV_COMPANY].dropna().astype("str").unique().tolist()
        rows.append((name, len(group), SEPARATOR.join(companies),
                     SEPARATOR.join(wordings.index)))
    table = pd.DataFrame(rows, columns=columns).astype({"count": "int64"})
    return table.sort_values(["count", "question"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def outcome_after(apps: pd.DataFrame, *, as_of: dt.date) -> pd.Series:
    """Each application's outcome as the journal counts it: "offer" (an offer or accepted),
    "rejected", "open" (still going) or "withdrawn"."""
    from analysis.metrics import stage_codes

    codes = stage_codes(apps)
    status = apps[s.STATUS]
    outcome = np.where(codes >= 5, "offer", np.where(
        status == s.REJECTED, "rejected", np.where(
            status.isin([s.WITHDRAWN, s.GHOSTED]), "withdrawn", "open")))
    return pd.Series(outcome, index=apps.index, dtype="str")


def round_progression(interviews: pd.DataFrame, apps: pd.DataFrame, *, as_of: dt.date
                      ) -> pd.DataFrame:
    """For each round reached, how many applications got there (``n``), how many went on to
    the next round (``next``) and to an offer (``offer``), with 95% Wilson intervals
    (``next_low``/``next_high``, ``offer_low``/``offer_high``). Applications still open after
    their last round are left out of ``n`` for that round (they may still go on), and
    counted in ``open``."""
    columns = ["round", "n", "next", "next_rate", "next_low", "next_high", "offer",
               "offer_rate", "offer_low", "offer_high", "open"]
    held = interviews[interviews[s.IV_DATE] <= pd.Timestamp(as_of)]
    labels = link(held, apps)
    held = held.assign(_app=labels).dropna(subset=["_app"])
    if held.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in columns})
    reached = held.groupby("_app")[s.IV_ROUND].max().astype("int64")
    outcome = outcome_after(apps, as_of=as_of).reindex(reached.index.astype(apps.index.dtype))
    outcome.index = reached.index
    rows = []
    for number in range(1, int(reached.max()) + 1):
        there = reached >= number
        went_on = reached > number
        still_open = there & ~went_on & (outcome == "open")
        decided = there & ~still_open
        n = int(decided.sum())
        moved = int((went_on & decided).sum())
        offers = int(((outcome == "offer") & decided).sum())
        next_low, next_high = wilson_interval(moved, n)
        offer_low, offer_high = wilson_interval(offers, n)
        rows.append((number, n, moved, moved / n if n else np.nan, float(next_low),
                     float(next_high), offers, offers / n if n else np.nan, float(offer_low),
                     float(offer_high), int(still_open.sum())))
    return pd.DataFrame(rows, columns=columns).astype(
        {"round": "int64", "n": "int64", "next": "int64", "offer": "int64", "open": "int64"})


def rating_outcomes(interviews: pd.DataFrame, apps: pd.DataFrame, *, as_of: dt.date
                    ) -> tuple[pd.DataFrame, str]:
    """Whether your own rating of an interview predicts moving on: for each rating, the rated
    interviews whose outcome is known (``n``) and how many moved on (a later round or an
    offer), with Wilson intervals, and a sentence that says plainly when the numbers are too
    few (under ``MIN_RATED`` rated interviews with a known outcome) to tell."""
    columns = ["rating", "n", "moved_on", "rate", "low", "high"]
    rated = interviews[interviews[s.RATING].notna()
                       & (interviews[s.IV_DATE] <= pd.Timestamp(as_of))]
    labels = link(rated, apps)
    rated = rated.assign(_app=labels).dropna(subset=["_app"])
    if rated.empty:
        empty = pd.DataFrame({c: pd.Series(dtype="float64") for c in columns})
        return empty, "No rated interview yet: give each interview a rating from 1 to 5."
    last = interviews.assign(_app=link(interviews, apps)).groupby("_app")[s.IV_ROUND].max()
    outcome = outcome_after(apps, as_of=as_of)
    later = rated[s.IV_ROUND].to_numpy() < last.reindex(rated["_app"]).to_numpy()
    result = outcome.reindex(rated["_app"].astype("int64")).to_numpy()
    moved = later | (result == "offer")
    known = moved | np.isin(result, ["rejected", "withdrawn"])
    frame = pd.DataFrame({"rating": rated[s.RATING].round().astype("int64").to_numpy(),
                          "moved": moved, "known": known})[known]
    grouped = frame.groupby("rating")["moved"]
    table = pd.DataFrame({"n": grouped.size(), "moved_on": grouped.sum()}).reset_index()
    low, high = wilson_interval(table["moved_on"].to_numpy(), table["n"].to_numpy())
    table = table.assign(rate=table["moved_on"] / table["n"], low=low, high=high)
    total = int(table["n"].sum())
    if total < MIN_RATED:
        verdict = (f"Too few to tell: {total} rated interview(s) with a known outcome; the "
                   f"pattern means something from about {MIN_RATED}.")
    else:
        high_rated = frame[frame["rating"] >= 4]["moved"]
        low_rated = frame[frame["rating"] <= 3]["moved"]
        if high_rated.empty or low_rated.empty:
            verdict = (f"{total} rated interviews, all rated "
                       f"{'4 or 5' if low_rated.empty else '3 or less'}: nothing to compare.")
        else:
            verdict = (f"Interviews you rated 4-5 led on {high_rated.mean():.0%} of the time "
                       f"(n={len(high_rated)}), those rated 1-3 {low_rated.mean():.0%} "
                       f"(n={len(low_rated)}).")
    return table[columns].astype({"n": "int64", "moved_on": "int64"}), verdict


def days_between_rounds(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    """The days from each round to the next within an application: ``from_round`` and
    ``days``."""
    labels = link(interviews, apps)
    table = interviews.assign(_app=labels).dropna(subset=["_app", s.IV_DATE])\
        .sort_values(["_app", s.IV_DATE])
    gaps = table.groupby("_app")[s.IV_DATE].diff().dt.days
    frame = pd.DataFrame({"from_round": table[s.IV_ROUND].to_numpy(),
                          "days": gaps.to_numpy()}).dropna()
    frame["from_round"] = frame["from_round"] - 1
    return frame.astype({"from_round": "int64", "days": "int64"}).reset_index(drop=True)


def improvements(interviews: pd.DataFrame) -> pd.DataFrame:
    """Every "to improve" note, newest first, with its interview's day, company and round."""
    notes = interviews[interviews[s.TO_IMPROVE].fillna("").str.strip() != ""]
    return notes[[s.IV_DATE, s.IV_COMPANY, s.IV_ROUND, s.TO_IMPROVE]]\
        .sort_values(s.IV_DATE, ascending=False, na_position="last").reset_index(drop=True)


def of_applications(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    """The interviews that belong to one of ``apps`` (the applications a filter keeps)."""
    return interviews[link(interviews, apps).notna().to_numpy()]


def held_by(interviews: pd.DataFrame, moment: pd.Timestamp) -> pd.DataFrame:
    """The interviews held by ``moment``, most recent first."""
    return interviews[interviews[s.IV_DATE] <= moment].sort_values(s.IV_DATE, ascending=False)


def upcoming(interviews: pd.DataFrame, *, as_of: dt.date) -> pd.DataFrame:
    """Interviews from ``as_of`` on, soonest first."""
    ahead = interviews[interviews[s.IV_DATE] >= pd.Timestamp(as_of)]
    return ahead.sort_values(s.IV_DATE, kind="stable")


def preparation(interviews: pd.DataFrame, interview: int, *, similar: float = 70
                ) -> dict[str, pd.DataFrame]:
    """What to prepare for interview ``interview``: the questions asked before at the same
    company (``company``), in similar roles elsewhere (``similar_roles``: the role titles'
    token-set similarity at least ``similar`` out of 100, rapidfuzz), and your notes on what
    to improve (``improve``)."""
    from rapidfuzz import fuzz

    row = interviews.loc[interview]
    others = interviews.drop(index=interview)
    company = _key(pd.Series([row[s.IV_COMPANY]])).iloc[0]
    same = _key(others[s.IV_COMPANY]) == company
    role = str(row[s.IV_ROLE]) if pd.notna(row[s.IV_ROLE]) else ""
    alike = others[s.IV_ROLE].fillna("").astype("str").map(
        lambda other: bool(role) and fuzz.token_set_ratio(role.lower(), other.lower()) >= similar)
    asked = questions(others)
    by_interview = asked.set_index("interview")
    return {
        "company": by_interview[by_interview.index.isin(others.index[same])]
        .reset_index(drop=True),
        "similar_roles": by_interview[by_interview.index.isin(others.index[~same & alike])]
        .reset_index(drop=True),
        "improve": improvements(others),
    }


def timeline(interviews: pd.DataFrame, apps: pd.DataFrame, *, limit: int = 15
             ) -> pd.DataFrame:
    """The rounds of the ``limit`` applications interviewed most recently, for a timeline:
    ``application`` ("Company – Role"), ``date``, ``round``, ``kind``, ``interviewers``."""
    columns = ["application", "date", "round", "kind", "interviewers"]
    linked = interviews.assign(_app=link(interviews, apps)).dropna(subset=["_app", s.IV_DATE])
    if linked.empty:
        return pd.DataFrame({c: pd.Series(dtype=DATE_DTYPE if c == "date" else
                                          "float64" if c == "round" else "str")
                             for c in columns})
    recent = linked.groupby("_app")[s.IV_DATE].max().nlargest(limit).index
    chosen = linked[linked["_app"].isin(recent)].sort_values(s.IV_DATE)
    owner = apps.loc[chosen["_app"].astype("int64")]
    name = owner[s.COMPANY].fillna("(no company)") + \
        (" – " + owner[s.ROLE]).fillna("")
    return pd.DataFrame({
        "application": name.to_numpy(), "date": chosen[s.IV_DATE].to_numpy(),
        "round": chosen[s.IV_ROUND].to_numpy(), "kind": chosen[s.IV_KIND].to_numpy(),
        "interviewers": chosen[s.INTERVIEWERS].to_numpy()})


def rounds_summary(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.Series:
    """How many interview rounds each application reached (0 for none), by its label."""
    reached = interviews.assign(_app=link(interviews, apps)).dropna(subset=["_app"])\
        .groupby("_app")[s.IV_ROUND].max()
    reached.index = reached.index.astype(apps.index.dtype)
    return reached.reindex(apps.index).fillna(0).astype("int64")


def interviews_per_offer(interviews: pd.DataFrame, apps: pd.DataFrame, *, as_of: dt.date
                         ) -> tuple[int, int]:
    """Interviews of ``apps`` held up to ``as_of`` (every round counts) and offers received:
    their ratio is what an offer has cost."""
    from analysis.metrics import stage_codes

    held = interviews[link(interviews, apps).notna().to_numpy()]
    return (int((held[s.IV_DATE] <= pd.Timestamp(as_of)).sum()),
            int((stage_codes(apps) >= 5).sum()))


def interview_table(interviews: pd.DataFrame, columns: Sequence[str] | None = None
                    ) -> pd.DataFrame:
    """The interviews under their screen labels (which the importer recognises)."""
    labels = {c.name: c.label for c in s.INTERVIEW_COLUMNS}
    chosen = list(columns) if columns is not None else list(s.INTERVIEW_COLUMN_NAMES)
    return interviews[chosen].rename(columns=labels)


