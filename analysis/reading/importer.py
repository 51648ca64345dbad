"""Turn a job seeker's spreadsheet, whatever its columns are called, into the canonical tables.

``load_applications`` finds the table (on the right sheet, below any title rows), recognises its
columns, reads dates and statuses, and reports every cell it had doubts about in an issues table
with the row number the user sees in their spreadsheet. Columns it does not know are kept, with
their names and order. Functions here never modify the frames they are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

import pandas as pd

from analysis.interviews.journal import with_latest_interviews
from analysis.interviews.sheet import JournalCells, link_journal, read_journal
from analysis.model import schema as s
from analysis.model.cells import empty_issues, find_header_row, issue_row, recognised_columns
from analysis.model.keys import url_key
from analysis.model.words import plural
from analysis.reading.offers_sheet import load_offers_grid
from analysis.reading.result import LoadResult
from analysis.reading.sources import (
    RawFile,
    SpreadsheetError,
    Workbook,
    linkedin_job_files,
    read_csv_grid,
    read_source,
    sniff_format,
)
from analysis.reading.table import load_grid

Source = RawFile | str | Path | bytes | IO[bytes]
Sources = list[Source] | tuple[Source, ...]  # several files, read as one table
ASIDE_BYTES = 1_000_000  # from this size a workbook's Interviews sheet is read in a second thread


def load_applications(
    source: Source | Sources,
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
    MissingColumnsError (a SpreadsheetError) when no company column is recognised. The
    interview journal comes tied to the applications (``LoadResult.linked``).

    >>> result = load_applications(b"Company Name,Job Title,Status\\nAcme,Analyst,Phone Screen\\n")
    >>> result.applications[["company", "role", "status"]].to_dict("records")
    [{'company': 'Acme', 'role': 'Analyst', 'status': 'screening'}]
    """
    return _load_applications(source, sheet=sheet, column_map=column_map, dayfirst=dayfirst,
                              name=name, as_of=as_of).linked()


def _load_applications(
    source: Source | Sources,
    *,
    sheet: str | None = None,
    column_map: Mapping[str, str | None] | None = None,
    dayfirst: bool | None = None,
    name: str | None = None,
    as_of: dt.date | None = None,
) -> LoadResult:
    """``load_applications`` before the journal is tied to the applications."""
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
        parts = [_load_applications(one, sheet=sheet, column_map=column_map, dayfirst=dayfirst,
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
        return load_grid(raw.name, grid, column_map=column_map, dayfirst=dayfirst,
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
    result = load_grid(raw.name, grid, column_map=column_map, dayfirst=dayfirst,
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
        applications=with_latest_interviews(interviews, result.applications),
        issues=pd.concat([result.issues, *(issues for _, issues in loaded)],
                         ignore_index=True))


def _load_linkedin_archive(raw: RawFile, *, column_map: Mapping[str, str | None] | None,
                           dayfirst: bool | None, as_of: dt.date | None) -> LoadResult:
    """LinkedIn's data export: the applications as applied, the saved jobs as saved, a job in
    both counted once (by its link), the rest of the archive left alone."""
    applied_files, saved_file = linkedin_job_files(raw)
    if not applied_files and saved_file is None:
        raise SpreadsheetError("this LinkedIn archive holds no job applications.", file=raw.name)
    parts = []
    if applied_files:
        parts.append(load_applications(tuple(applied_files), column_map=column_map,
                                       dayfirst=dayfirst, as_of=as_of))
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
                    f"{plural(int(twice.sum()), 'saved job')} you also applied for: counted "
                    "once, as "
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
