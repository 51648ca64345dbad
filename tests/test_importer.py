"""The importer on files the tests build: every format, alias set, date shape and bad input."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from conftest import csv_bytes, xlsx_bytes

from analysis import MissingColumnsError, SpreadsheetError, load_applications
from analysis.model import schema as s
from analysis.model.dates import DATE_DTYPE
from analysis.reading.sources import RawFile

BASIC = [
    ["Company", "Role", "Date applied", "Status"],
    ["Acme", "Analyst", "2025-03-01", "Applied"],
    ["Globex", "Data Scientist", "2025-03-05", "Rejected"],
]


def load(data: bytes, name: str = "tracker.csv", **options: object):
    return load_applications(RawFile(name, data), **options)


def companies(result) -> list[str]:
    return result.applications[s.COMPANY].tolist()


def doubts(result) -> list[str]:
    """The problems that are errors or warnings (notes about assumptions left out)."""
    return result.issues.loc[result.issues["severity"] != "info", "problem"].tolist()


def issues_for(result, column: str) -> pd.DataFrame:
    return result.issues[result.issues["column"] == column]


# --- canonical frame ------------------------------------------------------------------------


def test_result_has_every_canonical_column_with_fixed_dtypes():
    result = load(csv_bytes(BASIC))
    apps = result.applications
    assert list(apps.columns[: len(s.APPLICATION_COLUMN_NAMES)]) == list(s.APPLICATION_COLUMN_NAMES)
    for name in s.DATE_COLUMNS:
        assert apps[name].dtype == DATE_DTYPE, name
    for name in s.TEXT_COLUMNS:
        assert apps[name].dtype == "str", name
    assert apps[s.STATUS].tolist() == ["applied", "rejected"]
    assert apps[s.DATE_APPLIED].tolist() == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-03-05")]
    assert result.issues.empty


def test_extra_columns_keep_their_names_order_and_numbers():
    rows = [
        ["Excitement", "Company", "Referrals", "Resume"],
        ["5", "Acme", "120000", "cv-v3.pdf"],
        ["3", "Globex", "95000.5", "cv-v4.pdf"],
    ]
    result = load(csv_bytes(rows))
    apps = result.applications
    assert result.extra_columns == ["Excitement", "Referrals", "Resume"]
    assert list(apps.columns[-3:]) == ["Excitement", "Referrals", "Resume"]
    assert apps["Referrals"].tolist() == [120000.0, 95000.5]
    assert apps["Resume"].tolist() == ["cv-v3.pdf", "cv-v4.pdf"]


@pytest.mark.parametrize(("headers", "cells", "low", "high"), [
    (["Min. Salary", "Max. Salary"], ["90000", "110000"], 90000, 110000),
    (["Max. Salary"], ["$120,000"], None, 120000),
    (["Salary"], ["90k-110k"], 90000, 110000),
    (["Salary range"], ["€85,000 – €95,000"], 85000, 95000),
    (["Salary"], ["90 to 110k"], 90000, 110000),
    (["Min salary", "Max salary"], ["n/a", "-"], None, None),
])
def test_salary_ranges_are_read_as_numbers(headers, cells, low, high):
    result = load(csv_bytes([["Company", *headers], ["Acme", *cells]]))
    apps = result.applications
    assert apps[s.SALARY_MIN].dtype == "float64" and apps[s.SALARY_MAX].dtype == "float64"
    assert apps[s.SALARY_MIN].tolist() == [low if low is not None else pytest.approx(np.nan,
                                                                                    nan_ok=True)]
    assert apps[s.SALARY_MAX].tolist() == [high if high is not None else pytest.approx(
        np.nan, nan_ok=True)]
    assert not doubts(result)


def test_a_salary_that_is_not_an_amount_is_reported():
    result = load(csv_bytes([["Company", "Max. Salary"], ["Acme", "competitive"]]))
    assert result.applications[s.SALARY_MAX].isna().all()
    problem = issues_for(result, "Max. Salary")
    assert problem[["row", "value", "severity"]].values.tolist() == [[2, "competitive", "error"]]


def test_the_callers_bytes_are_left_alone_and_loading_twice_gives_the_same_table():
    data = csv_bytes(BASIC)
    first, second = load(data), load(data)
    pd.testing.assert_frame_equal(first.applications, second.applications)


# --- formats --------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_csv_delimiters_are_detected(sep):
    rows = [
        ["Company", "Role", "Notes"],
        ["Acme, Inc.", "Analyst", "a, b; c"],
        ["Globex", "Engineer", ""],
    ]
    text = "\n".join(sep.join(f'"{c}"' if sep in c or "," in c else c for c in row) for row in rows)
    result = load(text.encode())
    assert companies(result) == ["Acme, Inc.", "Globex"]
    assert result.applications[s.NOTES].tolist()[0] == "a, b; c"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings(encoding):
    rows = [["Company", "Role"], ["Société Générale", "Analyste"], ["Müller & Söhne", "Ingénieur"]]
    result = load(csv_bytes(rows, encoding=encoding))
    assert companies(result) == ["Société Générale", "Müller & Söhne"]
    assert result.applications.columns[0] == "company"  # a BOM does not hide the first header


def test_utf16_without_bom_is_recognised():
    text = "Company,Role\r\nAcme,Analyst\r\n"
    result = load(text.encode("utf-16-le"))
    assert companies(result) == ["Acme"]


def test_xlsx_with_real_date_cells_and_serials():
    rows = [
        ["Company", "Date Applied", "Interview date"],
        ["Acme", dt.datetime(2025, 3, 1, 14, 30), 45730],
        ["Globex", dt.date(2025, 3, 7), None],
    ]
    result = load(xlsx_bytes({"Applications": rows}), "tracker.xlsx")
    apps = result.applications
    assert apps[s.DATE_APPLIED].tolist() == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-03-07")]
    assert apps[s.INTERVIEW_DATE].iloc[0] == pd.Timestamp("2025-03-14")
    assert result.sheet == "Applications"
    assert "XLSX" in result.read_as


def test_ods_is_read():
    frame = pd.DataFrame({"Company": ["Acme", "Globex"], "Status": ["Interview", "Offer"]})
    buffer = io.BytesIO()
    frame.to_excel(buffer, engine="odf", index=False, sheet_name="Jobs")
    result = load(buffer.getvalue(), "tracker.ods")
    assert companies(result) == ["Acme", "Globex"]
    assert result.applications[s.STATUS].tolist() == ["interviewing", "offer"]


def test_old_binary_xls_is_read():
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Apps")
    for r, row in enumerate(BASIC):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    result = load(buffer.getvalue(), "old.xls")
    assert companies(result) == ["Acme", "Globex"]


def test_the_sheet_with_applications_is_picked_and_another_can_be_chosen():
    workbook = xlsx_bytes(
        {
            "Read me": [["How to use this tracker"], ["Fill one row per application"]],
            "2025": BASIC,
            "2024": [["Company", "Status"], ["Initech", "Ghosted"]],
        }
    )
    result = load(workbook, "tracker.xlsx")
    assert result.sheet == "2025"
    assert result.sheets == ["Read me", "2025", "2024"]
    assert companies(result) == ["Acme", "Globex"]
    chosen = load(workbook, "tracker.xlsx", sheet="2024")
    assert companies(chosen) == ["Initech"]
    with pytest.raises(SpreadsheetError, match="no sheet called 'Nope'.*Read me, 2025, 2024"):
        load(workbook, "tracker.xlsx", sheet="Nope")


def test_offers_sheet_is_read_with_amounts_as_numbers():
    workbook = xlsx_bytes(
        {
            "Applications": BASIC,
            "Offers": [
                ["Company", "Base salary", "Bonus", "PTO", "Deadline", "Gym"],
                ["Acme", "$120,000", "10k", 28, dt.date(2025, 4, 1), 50],
                ["Globex", 95000, None, "lots", "2025-04-03", 0],
            ],
        }
    )
    result = load(workbook, "tracker.xlsx")
    offers = result.offers
    assert offers is not None
    assert offers[s.BASE_SALARY].tolist() == [120000.0, 95000.0]
    assert offers[s.BONUS].iloc[0] == 10000.0 and np.isnan(offers[s.BONUS].iloc[1])
    assert offers[s.DEADLINE].tolist() == [pd.Timestamp("2025-04-01"), pd.Timestamp("2025-04-03")]
    assert offers["Gym"].tolist() == [50, 0]
    bad = result.issues[result.issues["value"] == "lots"]
    assert bad[["row", "column", "problem"]].values.tolist() == [[3, "PTO", "not a number"]]


# --- finding the table ----------------------------------------------------------------------


def test_title_rows_blank_rows_and_totals_line_are_skipped_with_issues():
    rows = [["My job search 2025"], [], *BASIC[:2], [], BASIC[2], ["Total", "", "", ""]]
    result = load(csv_bytes(rows))
    assert companies(result) == ["Acme", "Globex"]
    notes = result.issues[result.issues["severity"] == "info"]
    assert notes["row"].tolist() == [5, 7]
    assert "blank row" in notes["problem"].iloc[0]
    assert "totals line" in notes["problem"].iloc[1]


def test_title_above_table_in_a_workbook_gives_sheet_row_numbers():
    rows = [["Applications"], [None], ["Company", "Date applied"], ["Acme", "banana"]]
    result = load(xlsx_bytes({"Sheet1": rows}), "t.xlsx")
    problem = issues_for(result, "Date applied")
    assert problem[["row", "value", "severity"]].values.tolist() == [[4, "banana", "error"]]


def test_a_company_called_total_something_is_not_a_totals_line():
    rows = [["Company", "Role"], ["TotalEnergies", "Analyst"], ["Total Wine", "Buyer"]]
    assert companies(load(csv_bytes(rows))) == ["TotalEnergies", "Total Wine"]


@pytest.mark.parametrize("line", [
    ["Total: 18"], ["Total 18 applications"], ["Totals", "", "", ""], ["Sum", "2"],
    ["Count: 18"], ["Gesamt", "", "", "2"], ["Summe"], ["Σ", "2"], ["Grand total", "", "", "2"],
    ["", "", "2"], ["18"],
])
def test_totals_and_summary_lines_as_people_write_them_are_skipped(line):
    result = load(csv_bytes([*BASIC, [], line]))
    assert companies(result) == ["Acme", "Globex"]
    note = result.issues[result.issues["problem"].str.contains("totals line")]
    assert note["row"].tolist() == [5]
    assert note["value"].iloc[0] == " ".join(c for c in line if c)


@pytest.mark.parametrize("row", [["Total", "Analyst", "2025-03-09", "Applied"],
                                 ["Summit Corp", "Buyer"], ["Total Wine", "Buyer"],
                                 ["Sum Up Ltd", "", "2025-03-09"]])
def test_applications_whose_company_starts_like_a_total_are_kept(row):
    assert companies(load(csv_bytes([*BASIC, row])))[-1] == row[0]


def test_a_table_of_numbers_only_is_not_taken_for_counts():
    rows = [["Company", "Role"], ["3", "1"], ["4", "2"]]
    assert companies(load(csv_bytes(rows))) == ["3", "4"]


def test_an_ods_tracker_ending_in_a_totals_cell_after_a_blank_row():
    """The case a user met: 'Total: 18' alone in the first column, after a blank row."""
    frame = pd.DataFrame([*BASIC[1:], [None] * 4, ["Total: 18", None, None, None]],
                         columns=BASIC[0])
    buffer = io.BytesIO()
    frame.to_excel(buffer, engine="odf", index=False, sheet_name="Jobs")
    result = load(buffer.getvalue(), "tracker.ods")
    assert companies(result) == ["Acme", "Globex"]
    assert "saved" not in result.applications[s.STATUS].tolist()
    assert result.issues["problem"].str.contains("totals line").sum() == 1


def test_ragged_rows_keep_every_cell():
    text = "Company,Role\nAcme,Analyst\nGlobex,Engineer,remote ok,extra\n"
    result = load(text.encode())
    assert companies(result) == ["Acme", "Globex"]
    assert "remote ok" in result.applications.iloc[1].tolist()


def test_rows_without_company_are_kept_and_reported():
    result = load(csv_bytes([["Company", "Role"], ["", "Analyst"], ["Acme", "Engineer"]]))
    assert len(result.applications) == 2
    warning = result.issues[result.issues["severity"] == "warning"]
    assert warning["row"].tolist() == [2]
    assert "no company" in warning["problem"].iloc[0]


# --- header aliases: the exports people really have -----------------------------------------


def test_linkedin_export_split_in_two_files():
    header = [
        "Application Date",
        "Contact Email",
        "Contact Phone Number",
        "Company Name",
        "Job Title",
        "Job Url",
        "Resume Name",
        "Question And Answers",
    ]
    part1 = csv_bytes(
        [
            header,
            [
                "3/7/24, 2:22 PM",
                "",
                "",
                "Acme",
                "Data Analyst",
                "https://www.linkedin.com/jobs/view/1",
                "cv.pdf",
                "",
            ],
        ]
    )
    part2 = csv_bytes(
        [
            header,
            [
                "12/18/24, 9:05 AM",
                "hr@globex.example",
                "",
                "Globex",
                "Analyst",
                "https://www.linkedin.com/jobs/view/2",
                "cv.pdf",
                "Q: Visa? A: No",
            ],
        ]
    )
    result = load_applications(
        [RawFile("Job Applications_1.csv", part1), RawFile("Job Applications_2.csv", part2)]
    )
    apps = result.applications
    assert companies(result) == ["Acme", "Globex"]
    assert apps[s.DATE_APPLIED].tolist() == [pd.Timestamp("2024-03-07"), pd.Timestamp("2024-12-18")]
    assert apps[s.SOURCE].tolist() == ["LinkedIn", "LinkedIn"]
    assert apps[s.STATUS].tolist() == ["applied", "applied"]
    assert apps[s.CONTACT_EMAIL].tolist()[1] == "hr@globex.example"
    assert result.files == ["Job Applications_1.csv", "Job Applications_2.csv"]
    assert {"Resume Name", "Question And Answers", "Contact Phone Number"} <= set(apps.columns)


def test_huntr_export_with_dashes_for_empty():
    rows = [
        ["companyName", "title", "listName", "createdAt", "lastMovedAt", "url"],
        ["Acme", "Analyst", "Interview", "2025-02-01T10:11:12.000Z", "2025-02-10", "-"],
        ["Globex", "-", "Wishlist", "2025-02-03T08:00:00.000Z", "-", "https://x.example/1"],
    ]
    result = load(csv_bytes(rows))
    apps = result.applications
    assert apps[s.ROLE].isna().tolist() == [False, True]
    assert apps[s.JOB_URL].isna().tolist() == [True, False]
    assert apps[s.STATUS].tolist() == ["interviewing", "saved"]
    assert apps[s.DATE_APPLIED].tolist() == [pd.Timestamp("2025-02-01"), pd.Timestamp("2025-02-03")]
    assert "lastMovedAt" in result.extra_columns


def test_teal_style_sheet():
    rows = [
        [
            "Job Position",
            "Company",
            "Max. Salary",
            "Status",
            "Date Saved",
            "Date Applied",
            "Follow up",
            "Excitement",
        ],
        [
            "Analyst",
            "Acme",
            90000,
            "Applied",
            dt.date(2025, 1, 2),
            dt.date(2025, 1, 3),
            dt.date(2025, 1, 10),
            4,
        ],
    ]
    result = load(xlsx_bytes({"Jobs": rows}), "teal.xlsx")
    apps = result.applications
    assert result.column_map == {
        "Job Position": "role",
        "Company": "company",
        "Max. Salary": "salary_max",
        "Status": "status",
        "Date Applied": "date_applied",
    }
    assert apps[s.DATE_APPLIED].iloc[0] == pd.Timestamp("2025-01-03")
    assert apps["Date Saved"].iloc[0] == pd.Timestamp("2025-01-02")
    assert apps[s.SALARY_MAX].iloc[0] == 90000


def test_simplify_style_sheet():
    rows = [
        ["Company Name", "Job Title", "Status", "Date Applied", "Job Posting URL"],
        ["Acme", "Analyst", "Offer Received", "01/15/2025", "https://acme.example/jobs/1"],
    ]
    result = load(csv_bytes(rows))
    assert result.column_map["Job Posting URL"] == s.JOB_URL
    assert result.applications[s.STATUS].iloc[0] == "offer"
    assert result.applications[s.DATE_APPLIED].iloc[0] == pd.Timestamp("2025-01-15")


@pytest.mark.parametrize(
    "header", ["COMPANY", "company_name", "Company-Name", " Employer ", "organisation"]
)
def test_headers_are_matched_without_case_or_punctuation(header):
    assert companies(load(csv_bytes([[header], ["Acme"]]))) == ["Acme"]


def test_a_second_column_with_the_same_meaning_is_kept_as_it_is():
    result = load(csv_bytes([["Company", "Employer"], ["Acme", "Acme Holdings"]]))
    assert result.column_map == {"Company": "company"}
    assert result.applications["Employer"].tolist() == ["Acme Holdings"]


# --- statuses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "status"),
    [
        ("Phone Screen", "screening"),
        ("Interview", "interviewing"),
        ("Offer Received", "offer"),
        ("No response", "ghosted"),
        ("Declined", "rejected"),
        ("Bookmarked", "saved"),
        ("OFFER ACCEPTED", "accepted"),
        ("withdrew", "withdrawn"),
        ("  applied ", "applied"),
    ],
)
def test_status_spellings_map_onto_the_vocabulary(spelling, status):
    result = load(csv_bytes([["Company", "Status"], ["Acme", spelling]]))
    assert result.applications[s.STATUS].tolist() == [status]


def test_unknown_statuses_are_kept_and_reported_once_per_value():
    rows = [["Company", "Status"], ["A", "Maybe"], ["B", "Applied"], ["C", "Maybe"]]
    result = load(csv_bytes(rows))
    assert result.applications[s.STATUS].tolist() == ["Maybe", "applied", "Maybe"]
    reported = result.issues[result.issues["value"] == "Maybe"]
    assert len(reported) == 1
    assert reported["row"].iloc[0] == 2 and "2, 4" in reported["problem"].iloc[0]


def test_blank_status_defaults_from_the_application_date():
    rows = [["Company", "Status", "Applied on"], ["A", "", "2025-01-02"], ["B", "", ""]]
    result = load(csv_bytes(rows))
    assert result.applications[s.STATUS].tolist() == ["applied", "saved"]
    # Without any date column, the rows are applications sent.
    undated = load(csv_bytes([["Company"], ["A"], ["B"]]))
    assert undated.applications[s.STATUS].tolist() == ["applied", "applied"]


# --- dates ----------------------------------------------------------------------------------


def test_day_first_is_proven_by_one_value_and_applies_to_every_date_column():
    rows = [
        ["Company", "Date applied", "Interview date"],
        ["A", "03/04/2025", "25/04/2025"],
        ["B", "05/04/2025", ""],
    ]
    result = load(csv_bytes(rows))
    apps = result.applications
    assert result.dayfirst is True
    assert apps[s.DATE_APPLIED].tolist() == [pd.Timestamp("2025-04-03"), pd.Timestamp("2025-04-05")]
    assert not doubts(result)


def test_ambiguous_dates_are_read_month_first_and_each_is_reported():
    rows = [["Company", "Date applied"], ["A", "03/04/2025"], ["B", "07/07/2025"]]
    result = load(csv_bytes(rows))
    assert result.dayfirst is None
    assert result.applications[s.DATE_APPLIED].iloc[0] == pd.Timestamp("2025-03-04")
    warnings = issues_for(result, "Date applied")
    assert warnings[["row", "value", "severity"]].values.tolist() == [[2, "03/04/2025", "warning"]]
    assert "4 March 2025" in warnings["problem"].iloc[0]


def test_the_user_can_override_the_date_order():
    rows = [["Company", "Date applied"], ["A", "03/04/2025"]]
    result = load(csv_bytes(rows), dayfirst=True)
    assert result.applications[s.DATE_APPLIED].iloc[0] == pd.Timestamp("2025-04-03")
    assert not doubts(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-07", "2025-03-07"),
        ("2025-03-07T23:10:00", "2025-03-07"),
        ("7 March 2025", "2025-03-07"),
        ("Mar 7, 2025", "2025-03-07"),
        ("45723", "2025-03-07"),
        ("3/7/25, 2:22 PM", "2025-03-07"),
        ("03.07.2025", "2025-03-07"),
    ],
)
def test_date_shapes(text, expected):
    rows = [["Company", "Date applied"], ["A", text]]
    result = load(csv_bytes(rows), dayfirst=False)
    assert result.applications[s.DATE_APPLIED].iloc[0] == pd.Timestamp(expected)


@pytest.mark.parametrize("bad", ["31/09/2025", "banana", "2025-02-30", "12"])
def test_unparseable_dates_are_reported_with_row_and_value_never_silently_blanked(bad):
    rows = [["Company", "Date applied"], ["A", "01/10/2025"], ["B", bad]]
    result = load(csv_bytes(rows), dayfirst=True)
    assert pd.isna(result.applications[s.DATE_APPLIED].iloc[1])
    problem = issues_for(result, "Date applied")
    assert problem[["row", "value", "severity"]].values.tolist() == [[3, bad, "error"]]


def test_a_response_before_the_application_is_reported():
    rows = [["Company", "Date applied", "Response date"], ["A", "2025-03-10", "2025-03-01"]]
    result = load(csv_bytes(rows))
    problem = issues_for(result, "Response date")
    assert problem["row"].tolist() == [2]
    assert "before the application" in problem["problem"].iloc[0]
    assert result.applications[s.FIRST_RESPONSE_DATE].iloc[0] == pd.Timestamp("2025-03-01")


def test_sent_markers_accept_yes_and_no():
    rows = [
        ["Company", "Interview date", "Thank you note sent", "Follow up sent"],
        ["A", "2025-03-10", "yes", "no"],
        ["B", "2025-03-12", "2025-03-13", ""],
        ["C", "2025-03-14", "", "x"],
    ]
    result = load(csv_bytes(rows))
    apps = result.applications
    assert apps[s.THANK_YOU_SENT].tolist()[:2] == [
        pd.Timestamp("2025-03-10"),
        pd.Timestamp("2025-03-13"),
    ]
    assert pd.isna(apps[s.THANK_YOU_SENT].iloc[2])
    assert pd.isna(apps[s.FOLLOW_UP_SENT].iloc[0])
    assert apps[s.FOLLOW_UP_SENT].iloc[2] == pd.Timestamp("2025-03-14")
    assert (result.issues["severity"] == "error").sum() == 0


# --- column mapping by hand -----------------------------------------------------------------


def test_no_company_column_raises_with_the_headers_for_a_mapping():
    rows = [["Firm name here", "Job"], ["Acme", "Analyst"]]
    with pytest.raises(MissingColumnsError) as caught:
        load(csv_bytes(rows), "mine.csv")
    error = caught.value
    assert error.headers == ["Firm name here", "Job"]
    assert error.missing == ["company"]
    assert error.recognised == {"Job": "role"}
    assert "mine.csv" in str(error) and "Company" in str(error)
    fixed = load(csv_bytes(rows), "mine.csv", column_map={"Firm name here": "company"})
    assert companies(fixed) == ["Acme"]
    assert fixed.applications[s.ROLE].tolist() == ["Analyst"]


def test_a_header_mapped_to_none_is_kept_as_an_extra_column():
    rows = [["Company", "Notes"], ["Acme", "call back"]]
    result = load(csv_bytes(rows), column_map={"Notes": None})
    assert result.applications[s.NOTES].isna().all()
    assert result.applications["Notes"].tolist() == ["call back"]


# --- bad input: one clear error -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.csv", "empty"),
        (b"   \r\n\r\n", "blank.csv", "empty"),
        (b"\xef\xbb\xbf", "bom.csv", "empty"),  # a byte-order mark and nothing after it
        (b"\xff\xfe", "bom16.xlsx", "empty"),
        (b"Company,Role\r\n", "header.csv", "no rows"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "cv.xlsx", "PDF document"),
        (b"\x00\x01\x02\x03garbage\x00\xff" * 50, "junk.xlsx", "binary file"),
        (b"PK\x03\x04\x14\x00\x00\x00truncated", "cut.xlsx", "damaged or incomplete"),
    ],
)
def test_bad_files_raise_one_error_type_with_a_clear_message(data, name, message):
    with pytest.raises(SpreadsheetError, match=message) as caught:
        load(data, name)
    assert name in str(caught.value)


def test_a_truncated_real_workbook_is_reported_as_damaged():
    workbook = xlsx_bytes({"Sheet": BASIC})
    with pytest.raises(SpreadsheetError, match="damaged"):
        load(workbook[: len(workbook) // 2], "cut.xlsx")


def test_password_protected_workbook():
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(xlsx_bytes({"Sheet": BASIC}))).encrypt("secret", encrypted)
    assert msoffcrypto is not None
    with pytest.raises(SpreadsheetError, match="password-protected"):
        load(encrypted.getvalue(), "locked.xlsx")


def test_a_workbook_with_only_empty_sheets():
    with pytest.raises(SpreadsheetError, match="no data"):
        load(xlsx_bytes({"A": [], "B": []}), "empty.xlsx")


def test_paths_and_file_objects_are_accepted(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_bytes(csv_bytes(BASIC))
    assert companies(load_applications(path)) == ["Acme", "Globex"]
    assert companies(load_applications(str(path))) == ["Acme", "Globex"]
    with path.open("rb") as handle:
        assert load_applications(handle).files == ["tracker.csv"]
    with pytest.raises(SpreadsheetError, match="cannot be opened"):
        load_applications(tmp_path / "missing.csv")


# --- anything at all: it loads with the canonical columns, or it says why --------------------

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["Company", "Status", "Date applied", "2025-01-02", "31/02/2025", "Offer", "-", "", "Total"]
    ),
    st.integers(-5, 50_000).map(str),
)


def assert_canonical(result) -> None:
    apps = result.applications
    assert list(apps.columns[: len(s.APPLICATION_COLUMN_NAMES)]) == list(s.APPLICATION_COLUMN_NAMES)
    for name in s.DATE_COLUMNS:
        assert apps[name].dtype == DATE_DTYPE
    for name in s.TEXT_COLUMNS:
        assert apps[name].dtype == "str"
    assert list(result.issues.columns) == ["file", "row", "column", "value", "problem", "severity"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=1, max_size=8))
@example([["", "", "", "INFINITY"]])  # a column of its own holding a word that reads as a number
def test_any_table_loads_or_raises_the_documented_error(rows):
    try:
        result = load(csv_bytes([["Company", "Status", "Date applied"], *rows]))
    except SpreadsheetError:
        return
    assert_canonical(result)


def test_an_extra_column_of_numbers_keeps_a_word_that_is_no_finite_number():
    result = load(csv_bytes([["Company", "Score"], ["Acme", "3"], ["Globex", "Infinity"]]))
    assert result.applications["Score"].tolist() == ["3", "Infinity"]
    result = load(csv_bytes([["Company", "Score"], ["Acme", "3"], ["Globex", "4"]]))
    assert result.applications["Score"].tolist() == [3, 4]


@settings(max_examples=120, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_load_or_raise_the_documented_error(data):
    try:
        result = load(data, "anything.xlsx")
    except SpreadsheetError:
        return
    assert_canonical(result)


def test_an_offers_file_uploaded_with_the_applications_is_read_as_offers():
    offers = csv_bytes([["Company", "Salary", "Remote days"], ["Acme", "95k", "3"]])
    result = load_applications([RawFile("applications.csv", csv_bytes(BASIC)),
                                RawFile("job_offers.csv", offers)])
    assert companies(result) == ["Acme", "Globex"]
    assert result.offers is not None
    assert result.offers[[s.COMPANY, s.BASE_SALARY, s.REMOTE_DAYS]].values.tolist() == [
        ["Acme", 95000.0, 3.0]]
    assert result.files == ["applications.csv", "job_offers.csv"]
    with pytest.raises(SpreadsheetError, match="only offers"):
        load_applications([RawFile("offers.csv", offers)])


# --- LinkedIn's data export archive -----------------------------------------------------------

LINKEDIN_HEADER = ["Application Date", "Contact Email", "Contact Phone Number", "Company Name",
                   "Job Title", "Job Url", "Resume Name", "Question And Answers"]


def linkedin_archive(*, split: bool = True, saved: bool = True, prefix: str = "") -> bytes:
    import zipfile

    applied = [[f"11/{day}/26, 9:05 AM", "", "", f"Company {day}", "Analyst",
                f"https://www.linkedin.com/jobs/view/{day}", "cv.pdf", ""] for day in range(1, 7)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{prefix}Connections.csv", "First Name,Last Name\nAna,Ruiz\n")
        archive.writestr(f"{prefix}messages.csv", "FROM,TO,CONTENT\na,b,hello\n")
        archive.writestr(f"{prefix}Jobs/Job Seeker Preferences.csv", "Locations\nRemote\n")
        if split:
            archive.writestr(f"{prefix}Jobs/Job Applications_1.csv",
                             csv_bytes([LINKEDIN_HEADER, *applied[:3]]))
            archive.writestr(f"{prefix}Jobs/Job Applications_2.csv",
                             csv_bytes([LINKEDIN_HEADER, *applied[3:]]))
        else:
            archive.writestr(f"{prefix}Jobs/Job Applications.csv",
                             csv_bytes([LINKEDIN_HEADER, *applied]))
        if saved:
            archive.writestr(f"{prefix}Jobs/Saved Jobs.csv", csv_bytes([
                ["Saved Date", "Job Url", "Job Title", "Company Name"],
                ["11/20/26, 8:00 PM", "https://www.linkedin.com/jobs/view/2/", "Analyst",
                 "Company 2"],
                ["11/21/26, 8:00 PM", "https://www.linkedin.com/jobs/view/99", "Engineer",
                 "Hooli"]]))
    return buffer.getvalue()


@pytest.mark.parametrize("split", [True, False])
def test_linkedins_own_archive_is_read(split):
    """Basic_LinkedInDataExport_11-27-2026.zip: applications as applied, saved jobs as saved,
    a job in both counted once, the other twenty files left alone."""
    result = load(linkedin_archive(split=split), "Basic_LinkedInDataExport_11-27-2026.zip")
    apps = result.applications
    assert len(apps) == 7
    assert apps[s.STATUS].value_counts().to_dict() == {"applied": 6, "saved": 1}
    assert apps.loc[apps[s.STATUS] == "saved", s.COMPANY].tolist() == ["Hooli"]
    assert apps.loc[apps[s.STATUS] == "applied", s.SOURCE].eq("LinkedIn").all()
    assert apps[s.DATE_APPLIED].notna().sum() == 6
    assert "Saved Date" in apps.columns
    assert result.files == ["Basic_LinkedInDataExport_11-27-2026.zip"]
    assert "LinkedIn data export" in result.read_as and "Saved Jobs.csv" in result.read_as
    problems = " ".join(result.issues["problem"])
    assert "1 saved job you also applied for: counted once" in problems
    assert "have no status: taken as applied" not in " ".join(
        result.issues.loc[result.issues["file"].str.endswith("Saved Jobs.csv"), "problem"])


def test_a_complete_linkedin_archive_in_a_folder_and_without_saved_jobs():
    result = load(linkedin_archive(saved=False, prefix="Complete_LinkedInDataExport/"),
                  "Complete_LinkedInDataExport_11-27-2026.zip")
    assert len(result.applications) == 6


def test_other_zip_archives_keep_their_message():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", "First Name\nAna\n")
    with pytest.raises(SpreadsheetError, match="zip archive, not a spreadsheet"):
        load(buffer.getvalue(), "photos.zip")
