"""The user's data written back as their own kind of spreadsheet, so they can go on editing it
in Excel or LibreOffice and import it again without losing anything: their column names and
order, their extra columns, the offers sheet, and dates as real dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.interviews.journal import interview_table
from analysis.model import schema as s
from analysis.outputs.exports import safe_csv
from analysis.outputs.workbook import Kind, frame_workbook


def user_layout(apps: pd.DataFrame, *, headers: Sequence[str],
                column_map: Mapping[str, str]) -> pd.DataFrame:
    """The table under the user's own headers, in their order. Canonical columns the file did
    not have are added at the end under their labels when they hold anything (a date set by
    "Done", say); columns that are entirely empty and were not in the file are left out."""
    by_canonical = {canonical: header for header, canonical in column_map.items()}
    columns: dict[str, pd.Series] = {}
    for header in headers:
        canonical = column_map.get(header)
        if canonical is not None and canonical in apps:
            columns[header] = apps[canonical]
        elif header in apps:
            columns[header] = apps[header]
    for name in s.APPLICATION_COLUMN_NAMES:
        if name not in by_canonical and apps[name].notna().any():
            columns[s.LABELS[name]] = apps[name]
    for column in apps.columns:
        if column not in s.APPLICATION_COLUMN_NAMES and column not in columns:
            columns[column] = apps[column]
    return pd.DataFrame(columns, index=apps.index).reset_index(drop=True)


def offers_layout(offers: pd.DataFrame) -> pd.DataFrame:
    """The offers table under its screen labels (which the importer recognises)."""
    labels = {c.name: c.label for c in s.OFFER_COLUMNS}
    return offers.rename(columns=labels)


def to_workbook(apps: pd.DataFrame, *, headers: Sequence[str], column_map: Mapping[str, str],
                offers: pd.DataFrame | None = None, sheet_name: str = "Applications",
                interviews: pd.DataFrame | None = None) -> bytes:
    """An xlsx workbook with the applications in the user's layout and, when there are any,
    the offers on a sheet called Offers and the interview journal on a sheet called
    Interviews (under the labels the importer reads back)."""
    reserved = ("offers", "interviews")
    title = (sheet_name if sheet_name and sheet_name.lower() not in reserved
             else "Applications")[:31]
    sheets = {title: user_layout(apps, headers=headers, column_map=column_map)}
    if offers is not None and not offers.empty:
        sheets["Offers"] = offers_layout(offers)
    kinds: dict[str, dict[str, Kind]] = {}
    if interviews is not None and not interviews.empty:
        sheets["Interviews"] = interview_table(interviews)
        labels = {c.name: c.label for c in s.INTERVIEW_COLUMNS}
        kinds["Interviews"] = {labels[s.IV_DATE]: "datetime", labels[s.IV_JOB_URL]: "url",
                               labels[s.IV_ROUND]: "integer", labels[s.RATING]: "integer"}
    # Job links are written as real hyperlinks (http(s) only), under the user's header.
    link_header = next((h for h, c in column_map.items() if c == s.JOB_URL), s.LABELS[s.JOB_URL])
    return frame_workbook(sheets, kinds={title: {link_header: "url"}, **kinds})


def to_csv(apps: pd.DataFrame, *, headers: Sequence[str], column_map: Mapping[str, str]) -> bytes:
    """A CSV in the user's layout. Text that a spreadsheet would run as a formula gets a
    leading apostrophe (the one change a round trip through CSV makes)."""
    return safe_csv(user_layout(apps, headers=headers, column_map=column_map))
