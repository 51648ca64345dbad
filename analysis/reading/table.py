"""One grid of cells to the canonical applications table: the header row found, columns
recognised, links followed, values parsed, extra columns kept, problems listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.interviews.journal import interviews_from_applications
from analysis.model import schema as s
from analysis.model.amounts import parse_amount_range
from analysis.model.cells import (
    BLANK_MARKERS,
    ISSUE_COLUMNS,
    NO_MARKERS,
    YES_MARKERS,
    empty_issues,
    find_header_row,
    header_names,
    issue_row,
    map_columns,
    row_list,
)
from analysis.model.dates import DATE_DTYPE, detect_dayfirst, parse_dates
from analysis.model.tables import empty_applications
from analysis.model.words import plural, verb
from analysis.reading.checks import check_duplicates, check_future, check_order, totals_lines
from analysis.reading.known_exports import export_note, known_export
from analysis.reading.result import LoadResult, MissingColumnsError
from analysis.reading.sources import SpreadsheetError

_LINKEDIN_SIGNATURE = {"resumename", "questionandanswers", "contactphonenumber"}


def load_grid(file: str, grid: pd.DataFrame, *, column_map: Mapping[str, str | None] | None,
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
                             f"{plural(int(blank.sum()), 'blank row')} skipped: rows "
                             f"{row_list(rows[blank].tolist())}", "info"))
    company_header = next(h for h, c in mapping.items() if c == s.COMPANY)
    totals, said = totals_lines(text, company_header, blank)
    for position in np.flatnonzero(totals.to_numpy()):
        issues.append(issue_row(file, int(rows.iloc[position]), company_header,
                             said.iloc[position], "looks like a totals line: skipped", "info"))
    keep = ~blank & ~totals
    body, text, rows = (frame[keep].reset_index(drop=True) for frame in (body, text, rows))
    if posting is not None:
        posting = posting[keep].reset_index(drop=True)
    if body.empty:
        raise SpreadsheetError(
            "the table has column headers but no rows of applications below them.", file=file)

    check_duplicates(file, text, rows, issues)
    apps, detected = _canonical_frame(file, body, text, rows, mapping, dayfirst, issues)
    if posting is not None and posting.notna().any():
        apps[s.JOB_URL] = posting.astype("str")
        issues.append(issue_row(file, header_row + 1, s.LABELS[s.JOB_URL], "",
                             f"{plural(int(posting.notna().sum()), 'job link')} taken from "
                             "the links on "
                             "the company or role cells", "info"))
    if as_of is not None:
        check_future(file, apps, rows, mapping, as_of, issues)
    extras = [h for h in headers if h not in mapping]
    apps = pd.concat([apps.reset_index(drop=True), extra_columns(body[extras], text[extras])],
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
        for problem in problems.to_dict("records"):
            issues.append(issue_row(file, int(rows.iloc[problem["position"]]), header,
                                 problem["value"], problem["problem"], problem["severity"]))

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
                             f"{plural(int(said_yes.sum()), 'row')} "
                             f"{verb(int(said_yes.sum()), 'says', 'say')} sent without a date: "
                             f"taken as sent on the {s.LABELS[fallbacks[0]].lower()} (or the "
                             "application date when that is blank)", "info"))

    _normalise_status(file, apps, rows, by_canonical.get(s.STATUS), issues,
                      has_date_column=s.DATE_APPLIED in by_canonical)
    check_order(file, apps, rows, by_canonical, issues)
    blank_company = apps[s.COMPANY].isna()
    if blank_company.any():
        issues.append(issue_row(file, int(rows.iloc[int(np.flatnonzero(blank_company)[0])]),
                             by_canonical[s.COMPANY], "",
                             f"{plural(int(blank_company.sum()), 'row')} "
                             f"{verb(int(blank_company.sum()), 'has', 'have')} no company: rows "
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
            f"is in {plural(len(positions), 'row')}: {row_list(rows.iloc[positions].tolist())}",
            "warning"))
    # A blank status is "saved" only where the file has application dates and this row has
    # none; a file without a date column is a list of applications sent.
    sent = apps[s.DATE_APPLIED].notna() | (not has_date_column)
    default = pd.Series(np.where(sent, s.APPLIED, s.SAVED), index=apps.index, dtype="str")
    missing = raw.isna()
    if missing.any():
        issues.append(issue_row(
            file, int(rows.iloc[int(np.flatnonzero(missing)[0])]),
            header or s.LABELS[s.STATUS], "",
            f"{plural(int(missing.sum()), 'row')} {verb(int(missing.sum()), 'has', 'have')} "
            "no status: taken as applied when there is an "
            "application date (or no date column at all), else saved", "info"))
    apps[s.STATUS] = mapped.fillna(raw).fillna(default).astype("str")


def extra_columns(cells: pd.DataFrame, text: pd.DataFrame) -> pd.DataFrame:
    """The columns the data model does not know, each as numbers when every filled cell is a
    finite number ("INFINITY" stays the text it was written as), as dates when every filled
    cell is a date, as text otherwise. Worked out for all columns at once: a sheet can have
    thousands of them."""
    cells = cells.reset_index(drop=True)
    text = text.reset_index(drop=True)
    if cells.shape[1] == 0:
        return pd.DataFrame(index=cells.index)
    filled = (text != "").to_numpy()
    raw = cells.to_numpy(dtype=object)
    flat = pd.Series(np.where(filled, raw, None).ravel())  # type: ignore[call-overload]  # numpy stubs: None is an object scalar
    numbers = pd.to_numeric(flat, errors="coerce").to_numpy(dtype="float64").reshape(raw.shape)
    numeric = (np.isfinite(numbers) | ~filled).all(axis=0) & filled.any(axis=0)
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
    for position in np.flatnonzero(dated).tolist():
        blocks.append(pd.to_datetime(cells.iloc[:, position].where(filled[:, position]))
                      .astype(DATE_DTYPE).to_frame(names[position]))
    return pd.concat(blocks, axis=1)[names]
