"""Reading an Offers sheet into the offers table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.model import schema as s
from analysis.model.amounts import parse_amounts
from analysis.model.cells import (
    ISSUE_COLUMNS,
    empty_issues,
    find_header_row,
    header_names,
    issue_row,
    map_columns,
)
from analysis.model.dates import DATE_DTYPE, parse_dates
from analysis.reading.table import extra_columns


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
            values = parse_amounts(text[header])
            bad = (values.isna() & (text[header] != "")).to_numpy()
            for position in np.flatnonzero(bad):
                issues.append(issue_row(file, int(rows[position]), header,
                                     text[header].iloc[position], "not a number", "error"))
            offers[column.name] = values.astype("float64")
        elif column.kind == "date":
            parsed, problems = parse_dates(body[header], dayfirst=None)
            offers[column.name] = parsed
            for problem in problems.to_dict("records"):
                issues.append(issue_row(file, int(rows[problem["position"]]), header,
                                     problem["value"], problem["problem"], problem["severity"]))
        else:
            offers[column.name] = text[header].where(text[header] != "").astype("str")
    extra = [h for h in headers if h not in mapping]
    offers = pd.concat([offers, extra_columns(body[extra], text[extra])], axis=1)
    frame = pd.DataFrame(issues, columns=ISSUE_COLUMNS) if issues else empty_issues()
    return offers, frame.astype({"row": "int64"})
