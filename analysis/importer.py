"""Turn a job seeker's spreadsheet, whatever its columns are called, into the canonical tables.

``load_applications`` finds the table (on the right sheet, below any title rows), recognises its
columns, reads dates and statuses, and reports every cell it had doubts about in an issues table
with the row number the user sees in their spreadsheet. Columns it does not know are kept, with
their names and order. Functions here never modify the frames they are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from analysis import schema as s
from analysis.coverage import export_note, known_export
from analysis.dates import DATE_DTYPE, detect_dayfirst, parse_dates
from analysis.grids import (
    BLANK_MARKERS,
    ISSUE_COLUMNS,
    NO_MARKERS,
    YES_MARKERS,
    empty_issues,
    find_header_row,
    header_names,
    issue_row,
    map_columns,
    recognised_columns,
    row_list,
)
from analysis.interviews import (
    JournalCells,
    empty_interviews,
    interviews_from_applications,
    link_journal,
    read_journal,
    with_latest_interviews,
)
from analysis.sources import (
    RawFile,
    SpreadsheetError,
    Workbook,
    linkedin_job_files,
    read_csv_grid,
    read_source,
    sniff_format,
)
from analysis.summary import plural

Source = RawFile | str | Path | bytes | IO[bytes]
ASIDE_BYTES = 1_000_000  # from this size a workbook's Interviews sheet is read in a second thread
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
_LINKEDIN_SIGNATURE = {"resumename", "questionandanswers", "contactphonenumber"}


class MissingColumnsError(SpreadsheetError):
    """A required column could not be recognised. ``headers`` lists the file's column headers
    and ``missing`` the canonical names not found, so a user can map them by hand;
    ``recognised`` maps the headers that were recognised to their canonical names."""

    def __init__(self, message: str, *, file: str | None, headers: list[str],
                 missing: list[str], recognised: dict[str, str]) -> None:
        super().__init__(message, file=file)
        self.headers = headers
        self.missing = missing
        self.recognised = recognised


@dataclass(frozen=True)
class LoadResult:
    """What ``load_applications`` returns.

    ``applications`` has every canonical column (in schema order, with fixed dtypes) followed by
    the user's other columns under their own names. ``issues`` lists each problem with the file,
    the spreadsheet row (1-based, as the user sees it), the column, the value, what is wrong and
    a severity: "error" (the cell was left blank), "warning" (read by a guess, or doubtful) or
    "info" (something was skipped or assumed).
    """

    applications: pd.DataFrame
    issues: pd.DataFrame
    offers: pd.DataFrame | None = None
    column_map: dict[str, str] = field(default_factory=dict)
    extra_columns: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    dayfirst: bool | None = None
    read_as: str = ""
    headers: list[str] = field(default_factory=list)
    export: str | None = None  # the known export the headers come from (LinkedIn, Huntr...)
    # One row per interview: from an Interviews sheet or file, else one per application with
    # an interview date (see analysis.interviews).
    interviews: pd.DataFrame = field(default_factory=empty_interviews)

    @property
    def export_note(self) -> str:
        """What the import report says about the export recognised and what it lacks."""
        return export_note(self.export, self.column_map)


def empty_applications() -> pd.DataFrame:
    """A frame with the canonical columns and dtypes and no rows."""
    return pd.DataFrame({
        name: pd.Series(dtype=DATE_DTYPE if name in s.DATE_COLUMNS else
                        "float64" if name in s.NUMBER_COLUMNS else "str")
        for name in s.APPLICATION_COLUMN_NAMES
    })


def load_applications(
    source: Source | Sequence[Source],
    *,
    sheet: str | None = None,
    column_map: Mapping[str, str | None] | None = None,
    dayfirst: bool | None = None,
    name: str | None = None,
    as_of: dt.date | None = None,
) -> LoadResult:
    """Load a spreadsheet of job applications into the canonical data model.

    ``source`` is a path, bytes or a binary file object, or a list of them (a LinkedIn export
    split into ``Job Applications_1.csv``, ``_2.csv``...), read as one table. ``sheet`` picks a
    sheet of a workbook (by default the one whose headers are recognised best); a sheet, or a
    file in the list, whose name ends in "offers" is read as the offers table. ``column_map``
    maps the file's own headers to canonical names and overrides recognition (map a header to
    None to keep it as an extra column). ``dayfirst`` overrides the date order found in the data.
    With ``as_of``, dates of things that cannot have happened yet (an application, a reply, a
    decision, a note sent after that day) are reported.

    Raises SpreadsheetError, with a message meant for the user, when the file cannot be used;
    MissingColumnsError (a SpreadsheetError) when no company column is recognised.

    >>> result = load_applications(b"Company Name,Job Title,Status\\nAcme,Analyst,Phone Screen\\n")
    >>> result.applications[["company", "role", "status"]].to_dict("records")
    [{'company': 'Acme', 'role': 'Analyst', 'status': 'screening'}]
    """
    if isinstance(source, list | tuple):
        if not source:
            raise SpreadsheetError("no file was given.")
        raws = [read_source(one) for one in source]
        offer_files = [r for r in raws if _is_offers_name(r.name)]
        interview_files = [r for r in raws if _is_interviews_name(r.name)]
        application_files = [r for r in raws if r not in offer_files + interview_files]
        if not application_files:
            raise SpreadsheetError("only offers or interviews were given: add the file with "
                                   "your applications.", file=raws[0].name)
        parts = [load_applications(one, sheet=sheet, column_map=column_map, dayfirst=dayfirst,
                                   as_of=as_of)
                 for one in application_files]
        combined = _combine(parts)
        if offer_files:
            combined = _with_offer_files(combined, offer_files)
        if interview_files:
            grids = [(raw, _first_grid(raw)) for raw in interview_files]
            combined = _with_interviews(combined, [(raw.name, grid) for raw, grid in grids])
            combined = dataclasses.replace(
                combined, files=[*combined.files, *(r.name for r in interview_files)])
        return combined
    raw = read_source(source, name=name)
    fmt = sniff_format(raw)
    if fmt == "linkedin":
        return _load_linkedin_archive(raw, column_map=column_map, dayfirst=dayfirst, as_of=as_of)
    if fmt == "csv":
        grid, read_as = read_csv_grid(raw)
        return _load_grid(raw.name, grid, column_map=column_map, dayfirst=dayfirst,
                          read_as=read_as, as_of=as_of)

    book = Workbook(raw)
    sheets = book.sheet_names
    offers_sheet = next((n for n in sheets if _is_offers_name(n)), None)
    interviews_sheet = next((n for n in sheets if _is_interviews_name(n)), None)
    if sheet is not None and sheet not in sheets:
        raise SpreadsheetError(
            f"there is no sheet called '{sheet}'. The sheets are: {', '.join(sheets)}.",
            file=raw.name)
    candidates = [sheet] if sheet is not None else [n for n in sheets
                                                    if n not in (offers_sheet, interviews_sheet)]
    book.prefetch_links((candidates or sheets)[0])  # the likely sheet, while its cells are read
    journal = _read_journal_aside(raw, interviews_sheet) \
        if interviews_sheet is not None and candidates and interviews_sheet not in candidates \
        and len(raw.data) >= ASIDE_BYTES else None
    chosen, grid = _pick_sheet(book, candidates or sheets)
    offers = None
    offer_issues = empty_issues()
    if offers_sheet is not None and offers_sheet != chosen:
        offers, offer_issues = load_offers_grid(book.grid(offers_sheet),
                                                file=f"{raw.name} [{offers_sheet}]")
    result = _load_grid(raw.name, grid, column_map=column_map, dayfirst=dayfirst,
                        read_as=f"{fmt.upper()} workbook, sheet '{chosen}'", as_of=as_of,
                        links=book.links(chosen))
    issues = pd.concat([result.issues, offer_issues], ignore_index=True)
    loaded = LoadResult(
        applications=result.applications, issues=issues, offers=offers,
        column_map=result.column_map, extra_columns=result.extra_columns, files=result.files,
        sheet=chosen, sheets=sheets, dayfirst=result.dayfirst, read_as=result.read_as,
        headers=result.headers, export=result.export, interviews=result.interviews,
    )
    if journal is not None:
        return _with_journals(loaded, [journal.result()])
    if interviews_sheet is None or interviews_sheet == chosen:
        return loaded
    return _with_interviews(loaded, [(f"{raw.name} [{interviews_sheet}]",
                                      book.grid(interviews_sheet))])


def _read_journal_aside(raw: RawFile, sheet: str) -> Future[JournalCells | None]:
    """The Interviews sheet read in a second thread, from a workbook of its own, while the
    applications are read (calamine and pyarrow work without Python's lock much of the
    time): most of the journal's cost hides behind the applications'. Only for workbooks of
    ``ASIDE_BYTES`` or more: in a small one the second thread and workbook cost more than
    they hide."""
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(lambda: read_journal(Workbook(raw).grid(sheet),
                                              file=f"{raw.name} [{sheet}]"))
    pool.shutdown(wait=False)  # the thread ends with the reading
    return future


def _is_interviews_name(name: str) -> bool:
    """Whether a sheet or file name says it holds interviews ("Interviews", "my_interviews.csv")."""
    return s.header_key(Path(name).stem if "." in name else name).endswith(
        ("interviews", "interview"))


def _first_grid(raw: RawFile) -> pd.DataFrame:
    if sniff_format(raw) == "csv":
        return read_csv_grid(raw)[0]
    book = Workbook(raw)
    return book.grid(book.sheet_names[0])


def _with_interviews(result: LoadResult, grids: list[tuple[str, pd.DataFrame]]) -> LoadResult:
    """The result with its interviews read from an Interviews sheet or file, each linked to
    its application, and the applications' interview dates set to their latest interview."""
    return _with_journals(result, [read_journal(grid, file=name) for name, grid in grids])


def _with_journals(result: LoadResult, reads: list[JournalCells | None]) -> LoadResult:
    loaded = [link_journal(read, result.applications) for read in reads]
    interviews = loaded[0][0] if len(loaded) == 1 else \
        pd.concat([table for table, _ in loaded], ignore_index=True)
    if interviews.empty:
        return result
    return dataclasses.replace(
        result, interviews=interviews,
        applications=with_latest_interviews(result.applications, interviews),
        issues=pd.concat([result.issues, *(issues for _, issues in loaded)],
                         ignore_index=True))


def url_key(values: pd.Series) -> pd.Series:
    """Job links as a key that two spellings of one posting share: no scheme, "www.", query,
    fragment or trailing slash, lower case ("" for a blank).

    >>> url_key(pd.Series(["https://www.LinkedIn.com/jobs/view/1/?ref=x", "a.example/2#top",
    ...                    None])).tolist()
    ['linkedin.com/jobs/view/1', 'a.example/2', '']
    """
    url = values.fillna("").astype("str").str.strip().str.lower()
    # Three vectorised replacements (pyarrow's regex engine); no per-row Python.
    url = url.str.replace(r"^https?://(?:www\.)?", "", regex=True)
    url = url.str.replace(r"[?#].*$", "", regex=True)
    return url.str.replace(r"/+$", "", regex=True)


def _load_linkedin_archive(raw: RawFile, *, column_map: Mapping[str, str | None] | None,
                           dayfirst: bool | None, as_of: dt.date | None) -> LoadResult:
    """LinkedIn's data export: the applications as applied, the saved jobs as saved, a job in
    both counted once (by its link), the rest of the archive left alone."""
    applied_files, saved_file = linkedin_job_files(raw)
    if not applied_files and saved_file is None:
        raise SpreadsheetError("this LinkedIn archive holds no job applications.", file=raw.name)
    parts = []
    if applied_files:
        parts.append(load_applications(applied_files, column_map=column_map, dayfirst=dayfirst,
                                       as_of=as_of))
    if saved_file is not None:
        saved = load_applications(saved_file, column_map=column_map, dayfirst=dayfirst,
                                  as_of=as_of)
        jobs = saved.applications.assign(**{s.STATUS: s.SAVED})
        issues = saved.issues[~saved.issues["problem"].str.contains("have no status")]
        if parts:
            known = set(url_key(parts[0].applications[s.JOB_URL])) - {""}
            twice = url_key(jobs[s.JOB_URL]).isin(known).to_numpy()
            jobs = jobs[~twice].reset_index(drop=True)
            if twice.any():
                issues = pd.concat([issues, pd.DataFrame([issue_row(
                    saved_file.name, 1, s.LABELS[s.JOB_URL], "",
                    f"{int(twice.sum())} saved job(s) you also applied for: counted once, as "
                    "applied", "info")])], ignore_index=True)
        issues = pd.concat([issues, pd.DataFrame([issue_row(
            saved_file.name, 1, s.LABELS[s.STATUS], s.SAVED,
            f"{plural(len(jobs), 'saved job')} taken as saved, not applied", "info")])],
            ignore_index=True)
        parts.append(dataclasses.replace(saved, applications=jobs, issues=issues))
    combined = _combine(parts) if len(parts) > 1 else parts[0]
    names = ", ".join(f.rsplit("/", 2)[-2] + "/" + f.rsplit("/", 1)[-1] for f in combined.files)
    return dataclasses.replace(
        combined, files=[raw.name], export="LinkedIn's data export",
        read_as=f"LinkedIn data export (zip): {names}; the other files were not read")


def _is_offers_name(name: str) -> bool:
    """Whether a sheet or file name says it holds offers ("Offers", "job_offers.csv")."""
    return s.header_key(Path(name).stem if "." in name else name).endswith(("offers", "offer"))


def _offers_from_file(raw: RawFile) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    if sniff_format(raw) == "csv":
        grid, _ = read_csv_grid(raw)
    else:
        book = Workbook(raw)
        grid = book.grid(book.sheet_names[0])
    return load_offers_grid(grid, file=raw.name)


def _with_offer_files(result: LoadResult, files: list[RawFile]) -> LoadResult:
    """The result with the offers read from separate files (such as ``offers.csv``)."""
    loaded = [_offers_from_file(raw) for raw in files]
    offers = [o for o, _ in loaded if o is not None]
    if result.offers is not None:
        offers.insert(0, result.offers)
    return dataclasses.replace(
        result,
        offers=pd.concat(offers, ignore_index=True) if offers else None,
        issues=pd.concat([result.issues, *(i for _, i in loaded)], ignore_index=True),
        files=[*result.files, *(r.name for r in files)],
    )


def _pick_sheet(book: Workbook, candidates: list[str]) -> tuple[str, pd.DataFrame]:
    """The first sheet with a recognisable company column, else the sheet with the most
    recognised headers, else the first non-empty one."""
    best: tuple[int, str, pd.DataFrame] | None = None
    for name in candidates:
        grid = book.grid(name)
        if grid.dropna(how="all").empty:
            continue
        row = find_header_row(grid, s.APPLICATION_ALIASES)
        recognised = recognised_columns(grid.iloc[row], s.APPLICATION_ALIASES)
        if s.COMPANY in recognised:
            return name, grid
        if best is None or len(recognised) > best[0]:
            best = (len(recognised), name, grid)
    if best is None:
        raise SpreadsheetError("the workbook has no data on any sheet.", file=book.raw.name)
    return best[1], best[2]


def _load_grid(file: str, grid: pd.DataFrame, *, column_map: Mapping[str, str | None] | None,
               dayfirst: bool | None, read_as: str, as_of: dt.date | None = None,
               links: Mapping[tuple[int, int], str] | None = None) -> LoadResult:
    if not len(grid):
        raise SpreadsheetError("the file has no rows to read.", file=file)
    header_row = find_header_row(grid, s.APPLICATION_ALIASES)
    headers = header_names(grid.iloc[header_row])
    body = grid.iloc[header_row + 1:].copy()
    body.columns = headers
    # The spreadsheet row each data row came from, as the user sees it (1-based).
    rows = pd.Series(np.arange(header_row + 2, header_row + 2 + len(body)), index=body.index)
    issues: list[dict[str, object]] = []

    mapping = map_columns(headers, column_map, s.APPLICATION_ALIASES, file, issues)
    missing = [c for c in s.REQUIRED_COLUMNS if c not in mapping.values()]
    if missing:
        labels = ", ".join(s.LABELS[c] for c in missing)
        raise MissingColumnsError(
            f"no {labels} column was recognised among the headers "
            f"({', '.join(headers[:12]) or 'none'}). Pick the column that holds it.",
            file=file, headers=headers, missing=missing, recognised=mapping)

    posting = None
    if links:
        body, posting = _follow_links(body, links, header_row, mapping)
    text = body.astype("str").apply(lambda c: c.str.strip()).where(body.notna(), "")
    blank = (text == "").all(axis=1)
    if blank.any():
        issues.append(issue_row(file, int(rows[blank].iloc[0]), "", "",
                             f"{int(blank.sum())} blank row(s) skipped: rows "
                             f"{row_list(rows[blank].tolist())}", "info"))
    company_header = next(h for h, c in mapping.items() if c == s.COMPANY)
    totals, labels = _totals_lines(text, company_header, blank)
    for position in np.flatnonzero(totals.to_numpy()):
        issues.append(issue_row(file, int(rows.iloc[position]), company_header,
                             labels.iloc[position], "looks like a totals line: skipped", "info"))
    keep = ~blank & ~totals
    body, text, rows = (frame[keep].reset_index(drop=True) for frame in (body, text, rows))
    if posting is not None:
        posting = posting[keep].reset_index(drop=True)
    if body.empty:
        raise SpreadsheetError(
            "the table has column headers but no rows of applications below them.", file=file)

    _check_duplicates(file, text, rows, issues)
    apps, detected = _canonical_frame(file, body, text, rows, mapping, dayfirst, issues)
    if posting is not None and posting.notna().any():
        apps[s.JOB_URL] = posting.astype("str")
        issues.append(issue_row(file, header_row + 1, s.LABELS[s.JOB_URL], "",
                             f"{int(posting.notna().sum())} job link(s) taken from the links on "
                             "the company or role cells", "info"))
    if as_of is not None:
        _check_future(file, apps, rows, mapping, as_of, issues)
    extras = [h for h in headers if h not in mapping]
    apps = pd.concat([apps.reset_index(drop=True), _extra_columns(body[extras], text[extras])],
                     axis=1)

    if (s.SOURCE not in mapping.values()
            and _LINKEDIN_SIGNATURE & {s.header_key(h) for h in headers}):
        apps[s.SOURCE] = apps[s.SOURCE].fillna("LinkedIn")
        issues.append(issue_row(file, header_row + 1, s.LABELS[s.SOURCE], "LinkedIn",
                             "a LinkedIn applications export: source set to LinkedIn", "info"))
    export = known_export(headers)
    note = export_note(export, mapping)
    if note:
        issues.append(issue_row(file, header_row + 1, "", export or "", note, "info"))
    frame = pd.DataFrame(issues, columns=ISSUE_COLUMNS) if issues else empty_issues()
    frame = frame.astype({"row": "int64"})
    return LoadResult(applications=apps, issues=frame, column_map=mapping, extra_columns=extras,
                      files=[file], dayfirst=detected, read_as=read_as, headers=headers,
                      export=export, interviews=interviews_from_applications(apps))


# What a cell shows when its link is the point: the address replaces such text.
LINK_WORDS = frozenset({
    "link", "links", "apply", "apply here", "apply now", "here", "click here", "open", "view",
    "view job", "view posting", "job", "job link", "posting", "job posting", "listing", "url",
    "website", "details", "more", "see", "go", "lien", "postuler", "bewerben", "stellenanzeige",
    "enlace", "ver", "aplicar", "🔗", "↗",
})


def _follow_links(body: pd.DataFrame, links: Mapping[tuple[int, int], str], header_row: int,
                  mapping: Mapping[str, str]) -> tuple[pd.DataFrame, pd.Series | None]:
    """The body with link targets in place of what the cells showed, where the address is
    what counts: in the job link column, and in any cell that shows only a word like "Link"
    or "Apply" or nothing. Also returns, when the table has no job link column, the link on
    each row's company or role cell (a company name linked to its posting), else None."""
    columns = list(body.columns)
    by_column: dict[str, dict[int, str]] = {}
    for (row, column), target in links.items():
        if row > header_row and column < len(columns):
            by_column.setdefault(columns[column], {})[row] = target
    if not by_column:
        return body, None
    body = body.copy()
    for header, targets in by_column.items():
        found = pd.Series(targets, dtype="str").reindex(body.index)
        shown = body[header].astype("str").str.strip().str.lower().where(body[header].notna(), "")
        replace = found.notna() & ((mapping.get(header) == s.JOB_URL)
                                   | shown.isin(LINK_WORDS) | (shown == ""))
        body[header] = body[header].astype(object).where(~replace, found)
    if s.JOB_URL in mapping.values():
        return body, None
    named = [h for h, c in mapping.items() if c in (s.COMPANY, s.ROLE) and h in by_column]
    if not named:
        return body, None
    posting = pd.Series(pd.NA, index=body.index, dtype="str")
    for header in named:
        posting = posting.fillna(pd.Series(by_column[header], dtype="str").reindex(body.index))
    return body, posting


def _totals_lines(text: pd.DataFrame, company_header: str, blank: pd.Series
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
    for position in np.flatnonzero(candidates.to_numpy()):
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


def _canonical_frame(file: str, body: pd.DataFrame, text: pd.DataFrame, rows: pd.Series,
                     mapping: dict[str, str], dayfirst: bool | None,
                     issues: list[dict[str, object]]) -> tuple[pd.DataFrame, bool | None]:
    """The canonical columns of the table, and the date order used."""
    by_canonical = {c: h for h, c in mapping.items()}
    apps = empty_applications().reindex(range(len(body)))
    for name in s.TEXT_COLUMNS:
        if name in by_canonical:
            column = text[by_canonical[name]]
            apps[name] = column.where(~column.str.lower().isin(BLANK_MARKERS)).astype("str")

    _salary_range(file, text, rows, by_canonical, apps, issues)

    date_cells: dict[str, pd.Series] = {}
    for name in s.DATE_COLUMNS:
        if name in by_canonical:
            cells = body[by_canonical[name]]
            lowered = text[by_canonical[name]].str.lower()
            cells = cells.where(~lowered.isin(BLANK_MARKERS | NO_MARKERS))
            if name in s.SENT_MARKER_FALLBACK:
                cells = cells.where(~lowered.isin(YES_MARKERS))
            date_cells[name] = cells
    order = dayfirst if dayfirst is not None else detect_dayfirst(date_cells.values())
    for name, cells in date_cells.items():
        parsed, problems = parse_dates(cells, dayfirst=order)
        apps[name] = parsed
        header = by_canonical[name]
        for problem in problems.itertuples():
            issues.append(issue_row(file, int(rows.iloc[problem.position]), header, problem.value,
                                 problem.problem, problem.severity))

    for name, fallbacks in s.SENT_MARKER_FALLBACK.items():
        if name not in by_canonical:
            continue
        lowered = text[by_canonical[name]].str.lower()
        said_yes = lowered.isin(YES_MARKERS)
        if not said_yes.any():
            continue
        fill = pd.Series(pd.NaT, index=apps.index, dtype=DATE_DTYPE)
        for fallback in (*fallbacks, s.DATE_APPLIED):
            fill = fill.fillna(apps[fallback])
        apps.loc[said_yes, name] = fill[said_yes]
        issues.append(issue_row(file, int(rows.iloc[int(np.flatnonzero(said_yes)[0])]),
                             by_canonical[name], "yes",
                             f"{int(said_yes.sum())} row(s) say sent without a date: taken "
                             f"as sent on the {s.LABELS[fallbacks[0]].lower()} (or the "
                             "application date when that is blank)", "info"))

    _normalise_status(file, apps, rows, by_canonical.get(s.STATUS), issues,
                      has_date_column=s.DATE_APPLIED in by_canonical)
    _check_order(file, apps, rows, by_canonical, issues)
    blank_company = apps[s.COMPANY].isna()
    if blank_company.any():
        issues.append(issue_row(file, int(rows.iloc[int(np.flatnonzero(blank_company)[0])]),
                             by_canonical[s.COMPANY], "",
                             f"{int(blank_company.sum())} row(s) have no company: rows "
                             f"{row_list(rows[blank_company].tolist())}; kept",
                             "warning"))
    return apps.astype({name: "str" for name in s.TEXT_COLUMNS}), order


def _salary_range(file: str, text: pd.DataFrame, rows: pd.Series, by_canonical: dict[str, str],
                  apps: pd.DataFrame, issues: list[dict[str, object]]) -> None:
    """The salary columns as numbers: each end of a range like "90k-110k" or "$90,000 to
    $110,000" goes to its column (a range in the max column also fills a missing min)."""
    for name in s.NUMBER_COLUMNS:
        header = by_canonical.get(name)
        if header is None:
            continue
        cells = text[header]
        cells = cells.where(~cells.str.lower().isin(BLANK_MARKERS), "")
        low, high = parse_amount_range(cells)
        apps[name] = (low if name == s.SALARY_MIN else high).to_numpy()
        if name == s.SALARY_MAX and s.SALARY_MIN not in by_canonical:
            ranged = (low != high) & low.notna()
            apps[s.SALARY_MIN] = low.where(ranged).to_numpy()
        bad = (low.isna() & (cells != "")).to_numpy()
        for position in np.flatnonzero(bad):
            issues.append(issue_row(file, int(rows.iloc[position]), header, cells.iloc[position],
                                 "not an amount: left blank", "error"))


def _normalise_status(file: str, apps: pd.DataFrame, rows: pd.Series, header: str | None,
                      issues: list[dict[str, object]], *, has_date_column: bool) -> None:
    raw = apps[s.STATUS]
    spellings = raw.dropna().unique()  # a few distinct spellings, however many rows
    mapped = raw.map({v: s.STATUS_KEYS.get(s.header_key(v)) for v in spellings}).astype("str")
    unknown = raw.notna() & mapped.isna()
    for value, group in raw[unknown].groupby(raw[unknown], sort=True):
        positions = group.index.to_numpy()
        issues.append(issue_row(
            file, int(rows.iloc[positions[0]]), header or s.LABELS[s.STATUS], value,
            f"status '{value}' is not in the vocabulary ({', '.join(s.STATUSES)}); kept as it "
            f"is in {len(positions)} row(s): {row_list(rows.iloc[positions].tolist())}",
            "warning"))
    # A blank status is "saved" only where the file has application dates and this row has
    # none; a file without a date column is a list of applications sent.
    sent = apps[s.DATE_APPLIED].notna() | (not has_date_column)
    default = pd.Series(np.where(sent, s.APPLIED, s.SAVED), index=apps.index)
    missing = raw.isna()
    if missing.any():
        issues.append(issue_row(
            file, int(rows.iloc[int(np.flatnonzero(missing)[0])]),
            header or s.LABELS[s.STATUS], "",
            f"{int(missing.sum())} row(s) have no status: taken as applied when there is an "
            "application date (or no date column at all), else saved", "info"))
    apps[s.STATUS] = mapped.fillna(raw).fillna(default).astype("str")


_ORDER_CHECKS = (
    (s.FIRST_RESPONSE_DATE, "a response before the application"),
    (s.INTERVIEW_DATE, "an interview before the application"),
    (s.DECISION_DATE, "a decision before the application"),
)


def _check_order(file: str, apps: pd.DataFrame, rows: pd.Series, by_canonical: dict[str, str],
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


def _check_future(file: str, apps: pd.DataFrame, rows: pd.Series, mapping: dict[str, str],
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


def _check_duplicates(file: str, text: pd.DataFrame, rows: pd.Series,
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


def _extra_columns(cells: pd.DataFrame, text: pd.DataFrame) -> pd.DataFrame:
    """The columns the data model does not know, each as numbers when every filled cell is a
    number, as dates when every filled cell is a date, as text otherwise. Worked out for all
    columns at once: a sheet can have thousands of them."""
    cells = cells.reset_index(drop=True)
    text = text.reset_index(drop=True)
    if cells.shape[1] == 0:
        return pd.DataFrame(index=cells.index)
    filled = (text != "").to_numpy()
    raw = cells.to_numpy(dtype=object)
    flat = pd.Series(np.where(filled, raw, None).ravel())
    numbers = pd.to_numeric(flat, errors="coerce").to_numpy(dtype="float64").reshape(raw.shape)
    numeric = (~np.isnan(numbers) | ~filled).all(axis=0) & filled.any(axis=0)
    is_date = np.vectorize(lambda v: isinstance(v, dt.date | np.datetime64), otypes=[bool])(raw)
    dated = (is_date | ~filled).all(axis=0) & filled.any(axis=0) & ~numeric
    names = list(cells.columns)
    blocks = [text.loc[:, ~numeric & ~dated].where(
        pd.DataFrame(filled[:, ~numeric & ~dated], columns=text.columns[~numeric & ~dated]))
        .astype("str")]
    if numeric.any():
        block = pd.DataFrame(numbers[:, numeric], columns=cells.columns[numeric])
        whole = block.notna().all() & (block == block.round()).all()
        blocks.append(block.astype({c: "int64" for c in block.columns[whole.to_numpy()]}))
    for position in np.flatnonzero(dated):
        blocks.append(pd.to_datetime(cells.iloc[:, position].where(filled[:, position]))
                      .astype(DATE_DTYPE).to_frame(names[position]))
    return pd.concat(blocks, axis=1)[names]


def _combine(parts: list[LoadResult]) -> LoadResult:
    apps = pd.concat([p.applications for p in parts], ignore_index=True)
    first = parts[0]
    extras = list(dict.fromkeys(c for p in parts for c in p.extra_columns))
    ordered = [*s.APPLICATION_COLUMN_NAMES, *extras]
    offers = [p.offers for p in parts if p.offers is not None]
    return LoadResult(
        applications=apps[ordered],
        issues=pd.concat([p.issues for p in parts], ignore_index=True),
        offers=pd.concat(offers, ignore_index=True) if offers else None,
        column_map={k: v for p in parts for k, v in p.column_map.items()},
        extra_columns=extras,
        files=[f for p in parts for f in p.files],
        sheet=first.sheet, sheets=first.sheets, dayfirst=first.dayfirst,
        read_as="; ".join(dict.fromkeys(p.read_as for p in parts)),
        headers=list(dict.fromkeys(h for p in parts for h in p.headers)),
        export=next((p.export for p in parts if p.export), None),
        interviews=pd.concat([p.interviews for p in parts], ignore_index=True),
    )


# ---------------------------------------------------------------------------------------------
# Offers

_MONEY = re.compile(r"[^\d.\-kKmM]")


def _parse_amounts(text: pd.Series) -> pd.Series:
    """Numbers written as people write them: "$120,000", "120k", "85 000 €", "4.5"."""
    cleaned = text.str.replace(",", "", regex=False).str.replace(_MONEY, "", regex=True)
    multiplier = np.where(cleaned.str.lower().str.endswith("k"), 1_000,
                          np.where(cleaned.str.lower().str.endswith("m"), 1_000_000, 1))
    number = pd.to_numeric(cleaned.str.rstrip("kKmM"), errors="coerce")
    return number * multiplier


_RANGE_SEPARATOR = re.compile(r"(?i)\s*(?:–|—|-|\bto\b|\bbis\b|\ba\b|\bà\b)\s*")


def parse_amount_range(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The low and high ends of amounts written as one number or a range ("90k-110k",
    "$90,000 – $110,000", "90 to 110k": a bare first number takes the second's k or m). Both
    ends are the number when there is one; NaN when the cell is not an amount.

    >>> low, high = parse_amount_range(pd.Series(["90k-110k", "$120,000", "90 to 110k", "lots"]))
    >>> low.tolist(), high.tolist()
    ([90000.0, 120000.0, 90000.0, nan], [110000.0, 120000.0, 110000.0, nan])
    """
    cells = text.fillna("").astype("str")
    low = pd.Series(np.nan, index=text.index, dtype="float64")
    high = low.copy()
    given = cells.str.strip() != ""
    if not given.any():  # a salary column is mostly blank: parse only what is there
        return low, high
    parts = cells[given].str.split(_RANGE_SEPARATOR, n=1, regex=True)
    first = parts.str[0].fillna("").astype("str")
    second = parts.str[1].astype("str").fillna(first)
    bottom, top = _parse_amounts(first), _parse_amounts(second)
    suffix = second.str.strip().str.lower().str[-1:]
    bare = ~first.str.strip().str.lower().str.endswith(("k", "m")) & suffix.isin(["k", "m"])
    bottom = bottom.where(~bare, bottom * np.where(suffix == "k", 1_000, 1_000_000))
    swapped = bottom > top
    low[given] = bottom.where(~swapped, top).astype("float64")
    high[given] = top.where(~swapped, bottom).astype("float64")
    return low, high


def load_offers_grid(grid: pd.DataFrame, *, file: str) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """The offers table from a sheet's cells: canonical offer columns first, then the user's
    own columns; amounts like "$120,000" or "120k" read as numbers."""
    if grid.dropna(how="all").empty:
        return None, empty_issues()
    header_row = find_header_row(grid, s.OFFER_ALIASES)
    headers = header_names(grid.iloc[header_row])
    body = grid.iloc[header_row + 1:].copy()
    body.columns = headers
    text = body.astype("str").apply(lambda c: c.str.strip()).where(body.notna(), "")
    keep = ~(text == "").all(axis=1)
    rows = np.arange(header_row + 2, header_row + 2 + len(keep))[keep.to_numpy()]
    body, text = body[keep].reset_index(drop=True), text[keep].reset_index(drop=True)
    issues: list[dict[str, object]] = []
    mapping = map_columns(headers, None, s.OFFER_ALIASES, file, issues)
    by_canonical = {c: h for h, c in mapping.items()}
    offers = pd.DataFrame(index=range(len(body)))
    for column in s.OFFER_COLUMNS:
        header = by_canonical.get(column.name)
        if header is None:
            offers[column.name] = pd.Series(
                dtype="float64" if column.kind == "number" else
                DATE_DTYPE if column.kind == "date" else "str")
            continue
        if column.kind == "number":
            values = _parse_amounts(text[header])
            bad = (values.isna() & (text[header] != "")).to_numpy()
            for position in np.flatnonzero(bad):
                issues.append(issue_row(file, int(rows[position]), header,
                                     text[header].iloc[position], "not a number", "error"))
            offers[column.name] = values.astype("float64")
        elif column.kind == "date":
            parsed, problems = parse_dates(body[header], dayfirst=None)
            offers[column.name] = parsed
            for problem in problems.itertuples():
                issues.append(issue_row(file, int(rows[problem.position]), header, problem.value,
                                     problem.problem, problem.severity))
        else:
            offers[column.name] = text[header].where(text[header] != "").astype("str")
    extra = [h for h in headers if h not in mapping]
    offers = pd.concat([offers, _extra_columns(body[extra], text[extra])], axis=1)
    frame = pd.DataFrame(issues, columns=ISSUE_COLUMNS) if issues else empty_issues()
    return offers, frame.astype({"row": "int64"})
