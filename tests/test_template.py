"""The blank tracker: columns, drop-down, date formats, and a filled-in copy imports as it is."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from analysis import load_applications
from analysis.model import schema as s
from analysis.outputs.template import tracker_template
from analysis.outputs.workbook import DATE_FORMAT
from analysis.reading.sources import SpreadsheetError


@pytest.fixture(scope="module")
def template() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(tracker_template()))


def test_template_has_the_columns_and_sheets(template):
    assert template.sheetnames == ["Applications", "Offers", "Interviews", "Instructions"]
    assert [c.value for c in template["Applications"][1]] == [c.label for c in
                                                             s.APPLICATION_COLUMNS]
    assert [c.value for c in template["Offers"][1]] == [c.label for c in s.OFFER_COLUMNS]
    guide = " ".join(str(c.value) for row in template["Instructions"].iter_rows() for c in row
                     if c.value)
    assert all(c.description in guide for c in s.APPLICATION_COLUMNS)
    assert all(status in guide for status in s.STATUSES)


def test_status_is_a_drop_down_and_dates_are_formatted(template):
    sheet = template["Applications"]
    status = s.APPLICATION_COLUMN_NAMES.index(s.STATUS)
    letter = openpyxl.utils.get_column_letter(status + 1)
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1 and str(lists[0].sqref) == f"{letter}2:{letter}1001"
    assert lists[0].formula1 == '"' + ",".join(s.STATUSES) + '"'
    by_index = {i: d.number_format for d in sheet.column_dimensions.values()
                for i in range(d.min, d.max + 1)}  # adjacent alike columns share an entry
    formats = {c.name: by_index.get(i) for i, c in enumerate(s.APPLICATION_COLUMNS, start=1)}
    assert {n for n, f in formats.items() if f == DATE_FORMAT} == set(s.DATE_COLUMNS)
    assert sheet.freeze_panes == "B2"


def test_a_filled_in_template_imports_with_no_mapping():
    workbook = openpyxl.load_workbook(io.BytesIO(tracker_template()))
    sheet = workbook["Applications"]
    sheet.append(["Acme", "Analyst", dt.datetime(2026, 3, 2), "interviewing", "Referral",
                  "Remote", "https://acme.example.com/1", "Dana", "dana@acme.example.com",
                  "email", dt.datetime(2026, 3, 5), dt.datetime(2026, 3, 12), "Went well",
                  "yes"])
    sheet.append(["Globex", "Engineer", dt.datetime(2026, 3, 4), "applied"])
    workbook["Offers"].append(["Acme", "Analyst", 70000, 5000])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = load_applications(buffer.getvalue(), name="tracker.xlsx")
    assert result.sheet == "Applications"
    assert result.column_map == {c.label: c.name for c in s.APPLICATION_COLUMNS}
    assert result.issues["severity"].tolist() == ["info"]  # "yes" taken as the interview day
    apps = result.applications
    assert apps[s.COMPANY].tolist() == ["Acme", "Globex"]
    assert apps[s.DATE_APPLIED].tolist() == [dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 4)]
    assert apps[s.THANK_YOU_SENT].iloc[0] == dt.datetime(2026, 3, 12)  # "yes": the interview day
    assert result.offers[s.BASE_SALARY].tolist() == [70000]


def test_the_blank_template_imports_to_a_clear_message():
    with pytest.raises(SpreadsheetError, match="no rows of applications"):
        load_applications(tracker_template(), name="tracker.xlsx")
