"""Link targets behind cells that show "Link" or "Apply": read from xlsx, kept, written back."""

from __future__ import annotations

import io

import openpyxl
import pytest
import xlsxwriter
from conftest import xlsx_bytes

from analysis import load_applications
from analysis.model import schema as s
from analysis.model.editing import apply_editor_changes
from analysis.outputs.roundtrip import to_workbook
from analysis.reading.links import hyperlink_formula_target, sheet_links
from analysis.reading.sources import RawFile


def workbook(rows, *, links=None, formulas=None, sheet="Jobs") -> bytes:
    """An xlsx file written by openpyxl with hyperlinks ({cell: target}) and formulas."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for cell, target in (links or {}).items():
        ws[cell].hyperlink = target
    for cell, formula in (formulas or {}).items():
        ws[cell] = formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def google_sheets_export(rows_with_formulas) -> bytes:
    """A workbook as Google Sheets exports one: HYPERLINK formulas with their cached text."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    ws = book.add_worksheet("Sheet1")
    for r, row in enumerate(rows_with_formulas):
        for c, value in enumerate(row):
            if isinstance(value, tuple):
                ws.write_formula(r, c, value[0], None, value[1])
            else:
                ws.write(r, c, value)
    book.close()
    return buffer.getvalue()


def load(data: bytes, name: str = "tracker.xlsx"):
    return load_applications(RawFile(name, data))


def test_an_excel_hyperlink_behind_apply_gives_the_address():
    data = workbook([["Company", "Role", "Link"], ["Acme", "Analyst", "Apply"],
                     ["Globex", "Engineer", "Link"], ["Initech", "PM", None]],
                    links={"C2": "https://jobs.example/1", "C3": "https://jobs.example/2"})
    apps = load(data).applications
    assert apps[s.JOB_URL].tolist()[:2] == ["https://jobs.example/1", "https://jobs.example/2"]
    assert apps[s.JOB_URL].isna().tolist()[2]


def test_a_google_sheets_hyperlink_formula_gives_the_address():
    data = google_sheets_export([
        ["Company", "Job posting"],
        ["Acme", ('=HYPERLINK("https://jobs.example/1","Apply")', "Apply")],
        ["Globex", ('=HYPERLINK("https://jobs.example/2?a=1&b=""x""","Apply")', "Apply")],
        ["Initech", ('=HYPERLINK("https://jobs.example/"&A4,"Apply")', "Apply")],
    ])
    apps = load(data).applications
    assert apps[s.JOB_URL].tolist()[:2] == ["https://jobs.example/1",
                                            'https://jobs.example/2?a=1&b="x"']
    assert apps[s.JOB_URL].tolist()[2] == "Apply"  # computed address: the text is kept


def test_sheet_links_by_grid_position_and_only_outside_addresses():
    data = workbook([["Company", "Link"], ["Acme", "Apply"], ["Globex", "Go"]],
                    links={"B2": "https://jobs.example/1?a=1&b=2", "B3": "#Jobs!A1"},
                    formulas={"C2": '=HYPERLINK("mailto:hr@acme.example","Mail")'})
    assert sheet_links(data, "Jobs") == {(1, 1): "https://jobs.example/1?a=1&b=2",
                                         (1, 2): "mailto:hr@acme.example"}
    assert sheet_links(data, "Missing") == {}
    assert sheet_links(b"not a zip", "Jobs") == {}


@pytest.mark.parametrize(("formula", "target"), [
    ('HYPERLINK("https://a.example/x")', "https://a.example/x"),
    ('HYPERLINK( "https://a.example/x" , "Apply")', "https://a.example/x"),
    ('hyperlink("https://a.example/x","A")', "https://a.example/x"),
    ('IFERROR(HYPERLINK("https://a.example/x","A"),"")', "https://a.example/x"),
    ('HYPERLINK(B2,"Apply")', None),
    ('HYPERLINK("https://a.example/"&B2,"Apply")', None),
    ('SUM(A1:A3)', None),
    ('HYPERLINK(', None),
])
def test_hyperlink_formula_targets(formula, target):
    assert hyperlink_formula_target(formula) == target


def test_a_link_on_the_company_cell_gives_the_job_link_when_there_is_no_link_column():
    data = workbook([["Company", "Role"], ["Acme", "Analyst"], ["Globex", "Engineer"]],
                    links={"A2": "https://jobs.example/1", "B3": "https://jobs.example/2"})
    result = load(data)
    assert result.applications[s.COMPANY].tolist() == ["Acme", "Globex"]
    assert result.applications[s.JOB_URL].tolist() == ["https://jobs.example/1",
                                                      "https://jobs.example/2"]
    assert result.issues["problem"].str.contains("2 job link").any()


def test_linked_names_in_other_columns_keep_their_text():
    data = workbook([["Company", "Contact", "Job URL"], ["Acme", "Ana Ruiz", "Apply"]],
                    links={"A2": "https://acme.example", "B2": "https://linkedin.example/ana",
                           "C2": "https://jobs.example/1"})
    apps = load(data).applications
    assert apps[s.COMPANY].tolist() == ["Acme"]
    assert apps[s.CONTACT_NAME].tolist() == ["Ana Ruiz"]
    assert apps[s.JOB_URL].tolist() == ["https://jobs.example/1"]


def test_a_link_word_in_an_extra_column_becomes_its_address():
    data = workbook([["Company", "Referral post"], ["Acme", "Link"]],
                    links={"B2": "https://social.example/post/1"})
    assert load(data).applications["Referral post"].tolist() == ["https://social.example/post/1"]


def test_links_survive_an_edit_and_the_download_as_real_hyperlinks():
    data = workbook([["Company", "Role", "Posting"], ["Acme", "Analyst", "Apply"],
                     ["Globex", "Engineer", "Apply"]],
                    links={"C2": "https://jobs.example/1", "C3": "https://jobs.example/2"})
    first = load(data)
    edited, _ = apply_editor_changes(first.applications,
                                     {"edited_rows": {0: {"status": "interviewing"}}})
    written = to_workbook(edited, headers=first.headers, column_map=first.column_map)
    sheet = openpyxl.load_workbook(io.BytesIO(written)).active
    posting = [c for c in sheet[1] if c.value == "Posting"][0].column
    cells = [sheet.cell(row=r, column=posting) for r in (2, 3)]
    assert [c.hyperlink.target for c in cells] == ["https://jobs.example/1",
                                                   "https://jobs.example/2"]
    again = load(written)
    assert again.applications[s.JOB_URL].tolist() == edited[s.JOB_URL].tolist()
    assert again.applications[s.STATUS].tolist() == ["interviewing", "applied"]


def test_a_workbook_without_links_reads_as_before():
    data = xlsx_bytes({"Jobs": [["Company", "Job URL"], ["Acme", "https://jobs.example/1"]]})
    assert load(data).applications[s.JOB_URL].tolist() == ["https://jobs.example/1"]


def test_a_computed_link_does_not_stop_the_ones_after_it():
    data = google_sheets_export([
        ["Company", "Job posting"],
        ["Initech", ('=HYPERLINK("https://jobs.example/"&A2,"Apply")', "Apply")],
        ["Acme", ('=HYPERLINK("https://jobs.example/1","Apply")', "Apply")],
    ])
    assert sheet_links(data, "Sheet1") == {(2, 1): "https://jobs.example/1"}


def test_escaped_quotes_in_a_formula_are_read():
    import re
    import zipfile

    data = google_sheets_export([["Company", "Link"],
                                 ["Acme", ('=HYPERLINK("https://x.example/?q=""a""","Go")',
                                           "Go")]])
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.endswith("sheet1.xml"):  # as some writers escape quotes
                body = re.sub(rb"<f>([^<]*)</f>",
                              lambda m: b"<f>" + m.group(1).replace(b'"', b"&quot;") + b"</f>",
                              body)
            target.writestr(item, body)
    assert sheet_links(out.getvalue(), "Sheet1") == {(1, 1): 'https://x.example/?q="a"'}


def test_a_link_on_a_whole_column_is_left_out_and_the_others_are_read():
    """A hyperlink over "C:C" or "3:5" (a hand-edited file) names no cell: it was a TypeError
    that stopped the import."""
    import zipfile

    data = workbook([["Company", "Link"], ["Acme", "Apply"], ["Globex", "Go"]],
                    links={"B2": "https://jobs.example/1", "B3": "https://jobs.example/2"})
    for whole in (b"C:C", b"3:5"):
        source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                body = source.read(item)
                if item.filename.endswith("sheet1.xml"):
                    body = body.replace(b'ref="B3"', b'ref="' + whole + b'"')
                target.writestr(item, body)
        assert sheet_links(out.getvalue(), "Jobs") == {(1, 1): "https://jobs.example/1"}
        assert load(out.getvalue()).applications[s.JOB_URL].tolist()[0] == \
            "https://jobs.example/1"
