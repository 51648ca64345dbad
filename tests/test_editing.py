"""Editor changes, merging an import, warnings about companies, and the round trip."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest
from conftest import apps_frame, csv_bytes

from analysis import load_applications
from analysis.model import schema as s
from analysis.model.editing import (
    EditError,
    apply_editor_changes,
    apply_merge,
    history_warnings,
    match_keys,
    merge_plan,
)
from analysis.outputs.roundtrip import to_csv, to_workbook, user_layout
from analysis.reading.sources import RawFile

BASE = apps_frame([
    {"company": "Acme", "role": "Analyst", "date_applied": "2025-03-01", "status": "applied",
     "job_url": "https://acme.example/jobs/1"},
    {"company": "Globex", "role": "Engineer", "date_applied": "2025-03-02", "status": "rejected",
     "decision_date": "2025-03-10"},
    {"company": "Initech", "role": "Analyst", "date_applied": "2025-02-01", "status": "applied"},
])


def test_edits_additions_and_deletions_with_a_description():
    changes = {"edited_rows": {0: {"status": "Phone Screen", "first_response_date": "2025-03-05"},
                               2: {"notes": "  call back  "}},
               "added_rows": [{"company": "Hooli", "date_applied": "2025-03-09"}],
               "deleted_rows": [1]}
    new, description = apply_editor_changes(BASE, changes)
    assert description == "edited 3 cells, added 1 row, deleted 1 row"
    assert new["company"].tolist() == ["Acme", "Initech", "Hooli"]
    assert new.loc[0, "status"] == "screening"
    assert new.loc[0, "first_response_date"] == pd.Timestamp("2025-03-05")
    assert new.loc[1, "notes"] == "call back"
    assert new.loc[2, "status"] == "applied"  # a new dated row counts as sent
    assert new.dtypes.to_dict() == BASE.dtypes.to_dict()
    pd.testing.assert_frame_equal(BASE, apps_frame([
        {"company": "Acme", "role": "Analyst", "date_applied": "2025-03-01", "status": "applied",
         "job_url": "https://acme.example/jobs/1"},
        {"company": "Globex", "role": "Engineer", "date_applied": "2025-03-02",
         "status": "rejected", "decision_date": "2025-03-10"},
        {"company": "Initech", "role": "Analyst", "date_applied": "2025-02-01",
         "status": "applied"}]))


@pytest.mark.parametrize("bad", ["31/09/2025", "soon"])
def test_a_bad_date_is_refused_with_row_column_and_value(bad):
    with pytest.raises(EditError, match=f"Row 2, Date applied: '{bad}' is not a date"):
        apply_editor_changes(BASE, {"edited_rows": {1: {"date_applied": bad}}})


def test_clearing_a_cell():
    new, _ = apply_editor_changes(BASE, {"edited_rows": {0: {"job_url": None,
                                                             "date_applied": None}}})
    assert pd.isna(new.loc[0, "job_url"]) and pd.isna(new.loc[0, "date_applied"])


def test_match_keys_use_the_url_then_company_role_and_date():
    other = apps_frame([
        {"company": "ACME", "role": "analyst", "date_applied": "2025-09-09",
         "job_url": "http://www.acme.example/jobs/1/?utm=x"},
        {"company": "Initech ", "role": "Analyst!", "date_applied": "2025-02-01"},
    ])
    assert match_keys(other).tolist() == [match_keys(BASE)[0], match_keys(BASE)[2]]


def test_names_in_other_scripts_keep_two_applications_apart():
    # written in Cyrillic, Greek or Japanese, two companies are two applications, not one
    rows = apps_frame([{"company": name, "role": role, "date_applied": "2026-10-01"}
                       for name, role in [("Дунавски иновационен център", "Анализатор"),
                                          ("Софийски данни ООД", "Анализатор"),
                                          ("Αθηνά Ενέργεια", "Αναλυτής"),
                                          ("日本データ株式会社", "アナリスト")]])
    assert match_keys(rows).nunique() == 4


def test_merge_plan_shows_added_updated_and_unchanged_before_applying():
    incoming = apps_frame([
        {"company": "Acme", "job_url": "https://acme.example/jobs/1", "status": "interviewing",
         "interview_date": "2025-03-12"},
        {"company": "Initech", "role": "Analyst", "date_applied": "2025-02-01",
         "status": "applied"},
        {"company": "Hooli", "role": "PM", "date_applied": "2025-03-15"},
    ])
    plan = merge_plan(BASE, incoming)
    assert plan.summary == "1 new application, 1 updated application, 1 left as they are"
    merged = apply_merge(BASE, plan)
    assert merged["company"].tolist() == ["Acme", "Globex", "Initech", "Hooli"]
    assert merged.loc[0, "status"] == "interviewing"
    assert merged.loc[0, "role"] == "Analyst"  # a blank incoming cell keeps the value
    assert merged.loc[0, "interview_date"] == pd.Timestamp("2025-03-12")
    assert merged.dtypes.to_dict() == BASE.dtypes.to_dict()


def test_warning_about_a_company_that_ghosted_or_rejected_before():
    new = apps_frame([{"company": "initech"}, {"company": "GLOBEX"}, {"company": "Hooli"}])
    warnings = history_warnings(BASE, new, as_of=dt.date(2025, 3, 18))
    assert warnings == [
        "You applied to Initech on 1 Feb 2025; no reply after 45 days.",
        "You applied to Globex on 2 Mar 2025; they rejected that application on 10 Mar 2025.",
    ]


TRACKER = [["Date Applied", "Company Name", "Excitement", "Job Title", "Status", "Follow up"],
           ["2025-03-01", "Acme", "5", "Analyst", "Applied", ""],
           ["2025-03-04", "=cmd|' /C calc'!A0", "3", "Engineer", "Rejected", "2025-03-20"]]


def roundtrip(export, name: str, **options):
    first = load_applications(RawFile(name, options.pop("data")))
    edited, _ = apply_editor_changes(first.applications, {
        "edited_rows": {0: {"status": "interviewing", "thank_you_sent": "2025-03-12"}}})
    data = export(edited, headers=first.headers, column_map=first.column_map, **options)
    again = load_applications(RawFile(name.rsplit(".", 1)[0] + "." + export.__name__[3:]
                                      .replace("workbook", "xlsx"), data))
    return edited, again, data


def test_round_trip_through_xlsx_gives_the_same_table():
    offers = pd.DataFrame({"company": ["Acme"], "role": ["Analyst"], "base_salary": [90000.0]})
    edited, again, data = roundtrip(to_workbook, "t.csv", data=csv_bytes(TRACKER), offers=offers)
    pd.testing.assert_frame_equal(again.applications, edited)
    assert again.offers["base_salary"].tolist() == [90000.0]
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Applications"]
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == TRACKER[0]  # the user's names and order
    assert headers[6:] == ["Thank-you sent"]  # a column the file did not have, now filled
    assert sheet["A2"].is_date and sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet["B3"].data_type == "s"  # formula-like text stays text


def test_round_trip_through_csv_keeps_layout():
    rows = [TRACKER[0], TRACKER[1]]
    edited, again, data = roundtrip(to_csv, "t.csv", data=csv_bytes(rows))
    pd.testing.assert_frame_equal(again.applications, edited)
    assert data.decode("utf-8-sig").splitlines()[0].startswith("Date Applied,Company Name")


def test_user_layout_leaves_out_empty_columns_the_file_did_not_have():
    result = load_applications(csv_bytes([["Company"], ["Acme"]]), name="x.csv")
    layout = user_layout(result.applications, headers=result.headers,
                         column_map=result.column_map)
    assert list(layout.columns) == ["Company", "Status"]
    assert s.LABELS["status"] == "Status"


def test_edits_on_a_filtered_view_land_on_the_right_rows():
    from analysis.model.editing import apply_view_changes

    whole = apps_frame([{"company": c, "date_applied": "2025-03-01"}
                        for c in ("Acme", "Globex", "Initech", "Hooli")])
    shown = whole.iloc[[1, 3]]
    new, what = apply_view_changes(whole, shown, {"edited_rows": {1: {"role": "PM"}},
                                                  "deleted_rows": [0]})
    assert new["company"].tolist() == ["Acme", "Initech", "Hooli"]
    assert new.set_index("company").loc["Hooli", "role"] == "PM"
    assert what == "edited 1 cell, deleted 1 row"
    assert whole["company"].tolist() == ["Acme", "Globex", "Initech", "Hooli"]  # untouched
    added, what = apply_view_changes(whole.iloc[:0], whole.iloc[:0],
                                     {"added_rows": [{"company": "Umbrella"}]})
    assert added["company"].tolist() == ["Umbrella"] and what == "added 1 row"
    one, what = apply_view_changes(whole.iloc[[2]], whole.iloc[[2]],
                                   {"edited_rows": {0: {"company": "Initrode"}}})
    assert one["company"].tolist() == ["Initrode"] and what == "edited 1 cell"
    with pytest.raises(EditError, match="Row 2, Date applied"):
        apply_view_changes(whole, shown, {"edited_rows": {0: {"date_applied": "31/09/2025"}}})
