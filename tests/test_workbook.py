"""The xlsx writer: formatted tables, real dates, numbers as numbers, and never a formula."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from analysis.outputs.workbook import DATE_FORMAT, frame_workbook, new_book, write_table

HOSTILE = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", "=HYPERLINK(\"http://x\",\"y\")"]


def read(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def formula_cells(workbook: openpyxl.Workbook) -> list[str]:
    return [f"{ws.title}!{c.coordinate}" for ws in workbook.worksheets for row in ws.iter_rows()
            for c in row if c.data_type == "f"]


def test_formula_like_text_stays_text_and_numbers_stay_numbers():
    frame = pd.DataFrame({"text": HOSTILE, "number": [-2, 3, 0, 1, 2, 3, 4],
                          "money": [-1.5, 2.25, np.nan, np.inf, 0.0, 1e6, 7.0]})
    data = frame_workbook({"T": frame}, {"T": {"money": "money"}})
    # openpyxl leaves the escaped carriage return (_x000D_) as it is; calamine decodes it
    grid = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("T").to_python()
    assert [row[0] for row in grid[1:]] == HOSTILE
    sheet = read(data)["T"]
    assert all(c.data_type == "s" for c in sheet["A"][1:])
    assert [c.value for c in sheet["B"][1:]] == [-2, 3, 0, 1, 2, 3, 4]
    assert [c.value for c in sheet["C"][1:]] == [-1.5, 2.25, None, None, 0, 1e6, 7]
    assert sheet["C2"].number_format == "#,##0"
    assert formula_cells(sheet.parent) == []


def test_dates_are_real_dates_with_a_date_format():
    frame = pd.DataFrame({"day": pd.to_datetime(["2026-03-02", None]).astype("datetime64[us]")})
    sheet = read(frame_workbook({"D": frame}))["D"]
    assert sheet["A2"].value == dt.datetime(2026, 3, 2)
    assert sheet["A2"].is_date and sheet["A2"].number_format == DATE_FORMAT
    assert sheet["A3"].value is None


def test_tables_get_a_styled_frozen_filtered_header_and_fitting_widths():
    frame = pd.DataFrame({"Company": ["A very long company name indeed", "B"], "N": [1, 2]})
    sheet = read(frame_workbook({"S": frame}))["S"]
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("DCE6F1")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:B3"
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width


def test_highlighted_rows_use_conditional_formatting():
    book = new_book()
    write_table(book, "F", pd.DataFrame({"Action": ["a", "b"], "State": ["overdue", "upcoming"]}),
                highlight=("State", "overdue"))
    sheet = read(book.save())["F"]
    rules = [rule for cf in sheet.conditional_formatting for rule in cf.rules]
    assert [r.formula for r in rules] == [['$B2="overdue"']]
    assert str(next(iter(sheet.conditional_formatting)).sqref) == "A2:B3"


@pytest.mark.parametrize("frame", [pd.DataFrame(), pd.DataFrame({"A": pd.Series(dtype="str")})])
def test_an_empty_table_gives_a_valid_sheet(frame):
    sheet = read(frame_workbook({"E": frame}))["E"]
    assert sheet.max_row == 1
    assert [c.value for c in sheet[1]] == ([None] if frame.empty and not len(frame.columns)
                                           else ["A"])
