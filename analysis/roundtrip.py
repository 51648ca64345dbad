"""The user's data written back as their own kind of spreadsheet, so they can go on editing it
in Excel or LibreOffice and import it again without losing anything: their column names and
order, their extra columns, the offers sheet, and dates as real dates."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from analysis import schema as s
from analysis.exports import safe_csv

DATE_FORMAT = "yyyy-mm-dd"


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


def _write_sheet(sheet, frame: pd.DataFrame) -> None:
    sheet.append([str(c) for c in frame.columns])
    for cell in sheet[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    date_columns = [i for i, c in enumerate(frame.columns, start=1)
                    if pd.api.types.is_datetime64_any_dtype(frame[c])]
    for values in frame.itertuples(index=False):
        row = [None if (not isinstance(v, str) and pd.isna(v)) else
               (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for v in values]
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    for index in date_columns:
        for cell in sheet.iter_cols(min_col=index, max_col=index, min_row=2):
            for item in cell:
                item.number_format = DATE_FORMAT
    for index, column in enumerate(frame.columns, start=1):
        width = max([len(str(column)), *(len(str(v)) for v in frame[column].head(200)
                                         if not pd.isna(v))], default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    sheet.freeze_panes = "A2"


def to_workbook(apps: pd.DataFrame, *, headers: Sequence[str], column_map: Mapping[str, str],
                offers: pd.DataFrame | None = None, sheet_name: str = "Applications") -> bytes:
    """An xlsx workbook with the applications in the user's layout and, when there are any,
    the offers on a sheet called Offers."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_name if sheet_name and sheet_name.lower() != "offers" else "Applications"
    _write_sheet(sheet, user_layout(apps, headers=headers, column_map=column_map))
    if offers is not None and not offers.empty:
        _write_sheet(workbook.create_sheet("Offers"), offers_layout(offers))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_csv(apps: pd.DataFrame, *, headers: Sequence[str], column_map: Mapping[str, str]) -> bytes:
    """A CSV in the user's layout. Text that a spreadsheet would run as a formula gets a
    leading apostrophe (the one change a round trip through CSV makes)."""
    return safe_csv(user_layout(apps, headers=headers, column_map=column_map))
