"""Tables written to xlsx the way a person formats a spreadsheet: a styled, frozen header row
with a filter, real dates with a date format, currency and percentages formatted, column widths
that fit the values. No cell is ever written as a formula: text that starts with ``=`` stays
text (the writer's formula and URL guessing are switched off), so an export cannot run anything.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from analysis.model.dates import PLAUSIBLE

Kind = Literal["text", "date", "datetime", "money", "percent", "integer", "number", "url"]
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0"
MAX_WIDTH = 60
PROGRESS_ROWS = 5_000  # rows between two progress reports
MAX_LINKS = 65_000  # Excel's limit is 65,530 hyperlinks per sheet
HEADER_COLOUR = "#DCE6F1"
HIGHLIGHT_COLOUR = "#FCE4D6"  # a pale orange that keeps black text readable


@dataclass
class Book:
    """An open workbook with the cell formats every sheet shares."""

    workbook: Workbook
    buffer: io.BytesIO
    formats: dict[str, Any] = field(default_factory=dict)

    def save(self) -> bytes:
        self.workbook.close()
        return self.buffer.getvalue()


def new_book(*, constant_memory: bool = True) -> Book:
    """A workbook in memory with formula, number and URL guessing off. With
    ``constant_memory`` rows go to disk as they are written (each sheet in row order)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
        "constant_memory": constant_memory, "in_memory": not constant_memory,
        "default_date_format": DATE_FORMAT,
    })
    add = workbook.add_format
    formats = {
        "header": add({"bold": True, "bg_color": HEADER_COLOUR, "border": 1,
                       "text_wrap": True, "valign": "top"}),
        "title": add({"bold": True, "font_size": 14}),
        "bold": add({"bold": True}),
        "wrap": add({"text_wrap": True, "valign": "top"}),
        "date": add({"num_format": DATE_FORMAT, "align": "left"}),
        "datetime": add({"num_format": DATE_FORMAT + " hh:mm", "align": "left"}),
        "money": add({"num_format": MONEY_FORMAT}),
        "percent": add({"num_format": "0%"}),
        "integer": add({"num_format": "0"}),
        "number": add({"num_format": "0.##"}),
        "text": None,
        "url": add({"font_color": "blue", "underline": 1}),
        "highlight": add({"bg_color": HIGHLIGHT_COLOUR}),
    }
    return Book(workbook, buffer, formats)


def column_kind(values: pd.Series) -> Kind:
    """The format a column gets when none is given: dates for datetime columns, integers for
    whole numbers, numbers for other numbers, text for the rest."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return "date"
    if pd.api.types.is_bool_dtype(values):
        return "text"
    if pd.api.types.is_integer_dtype(values):
        return "integer"
    if pd.api.types.is_numeric_dtype(values):
        return "number"
    return "text"


def _cells(values: pd.Series, kind: Kind) -> list[Any]:
    """The column as Python values ready to write, None for a blank."""
    if kind in ("date", "datetime"):
        stamps = pd.to_datetime(values, errors="coerce")
        # Excel has no day before 1900 (nor after 9999): such a day is left blank.
        stamps = stamps.where((stamps >= PLAUSIBLE[0]) & (stamps <= PLAUSIBLE[1]))
        return [None if pd.isna(v) else v.to_pydatetime() for v in stamps]
    if kind in ("money", "percent", "integer", "number"):
        numbers = pd.to_numeric(values, errors="coerce").astype("float64").to_numpy()
        return [None if not math.isfinite(v) else v for v in numbers.tolist()]
    out = values.astype(object).where(values.notna(), None).tolist()
    return [None if v is None or v == "" else (v if isinstance(v, str) else _text(v))
            for v in out]


def _text(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _width(header: str, cells: list[Any], kind: Kind) -> float:
    if kind in ("date", "datetime"):
        longest = 10 if kind == "date" else 16
    else:
        sample = [c for c in cells[:2000] if c is not None]
        if kind in ("money", "integer", "number"):
            longest = max((len(f"{c:,.0f}") for c in sample), default=0)
        elif kind == "percent":
            longest = 5
        else:
            longest = int(np.percentile([len(str(c)) for c in sample], 95)) if sample else 0
    words = max((len(w) for w in str(header).split()), default=0)
    return min(max(longest, words, min(len(str(header)), 24)) + 2, MAX_WIDTH)


def write_table(book: Book, name: str, frame: pd.DataFrame, *,
                kinds: Mapping[str, Kind] | None = None, start_row: int = 0,
                highlight: tuple[str, str] | None = None,
                sheet: Worksheet | None = None,
                progress: Callable[[int], None] | None = None) -> Worksheet:
    """Write ``frame`` as a formatted table on a new sheet (or on ``sheet`` below
    ``start_row``). ``kinds`` overrides the format of some columns; ``highlight`` =
    (column, value) shades every row whose cell in that column equals the value, with a
    conditional format so it follows the user's own sorting and editing. ``progress`` is
    called with the number of rows written so far, every ``PROGRESS_ROWS`` rows."""
    ws = sheet if sheet is not None else book.workbook.add_worksheet(name)
    kinds = dict(kinds or {})
    columns = [str(c) for c in frame.columns]
    for index, header in enumerate(columns):
        ws.write_string(start_row, index, header, book.formats["header"])
    prepared: list[tuple[list[Any], Callable[..., Any], Any]] = []
    for index, column in enumerate(frame.columns):
        kind = kinds.get(str(column)) or column_kind(frame[column])
        cells = _cells(frame[column], kind)
        ws.set_column(index, index, _width(str(column), cells, kind),
                      book.formats["wrap"] if kind == "text" and str(column).lower() in
                      ("notes", "detail", "what it means", "interview notes") else None)
        prepared.append((cells, _writer(ws, kind), book.formats[kind]))
    links = 0
    for offset in range(len(frame)):
        if progress is not None and offset % PROGRESS_ROWS == 0:
            progress(offset)
        row = start_row + 1 + offset
        for index, (cells, write, style) in enumerate(prepared):
            value = cells[offset]
            if value is None:
                continue
            if write == ws.write_url:
                if links < MAX_LINKS and value.lower().startswith(("https://", "http://")):
                    links += 1
                    ws.write_url(row, index, value, style, value)
                else:
                    ws.write_string(row, index, value)
            else:
                write(row, index, value, style)
    last_row = start_row + max(len(frame), 1)
    if columns:
        ws.freeze_panes(start_row + 1, 0)
        ws.autofilter(start_row, 0, last_row, len(columns) - 1)
    if highlight is not None and highlight[0] in columns and len(frame):
        letter = xlsxwriter.utility.xl_col_to_name(columns.index(highlight[0]))
        ws.conditional_format(start_row + 1, 0, last_row, len(columns) - 1, {
            "type": "formula", "criteria": f'=${letter}{start_row + 2}="{highlight[1]}"',
            "format": book.formats["highlight"]})
    return ws


def _writer(ws: Worksheet, kind: Kind) -> Callable[..., Any]:
    if kind in ("date", "datetime"):
        return ws.write_datetime
    if kind == "url":
        return ws.write_url
    if kind in ("money", "percent", "integer", "number"):
        return ws.write_number
    return ws.write_string


def frame_workbook(sheets: Mapping[str, pd.DataFrame],
                   kinds: Mapping[str, Mapping[str, Kind]] | None = None) -> bytes:
    """An xlsx file with one formatted table per sheet, in order."""
    book = new_book()
    for name, frame in sheets.items():
        write_table(book, name, frame, kinds=(kinds or {}).get(name))
    return book.save()
