"""What the numbers stand on: reply coverage, the coverage table, and recognised exports."""

import datetime as dt

import pandas as pd
import pytest
from conftest import apps_frame

from analysis import empty_applications
from analysis.model import stages
from analysis.model.editing import history_warnings
from analysis.outputs.report_page import report_html
from analysis.outputs.reports import build_report
from analysis.reading.known_exports import export_note, known_export
from analysis.stats import metrics as m
from analysis.stats.coverage import ReplyCoverage, coverage_table, reply_coverage

AS_OF = dt.date(2025, 6, 30)
WAITING = apps_frame([{"company": c, "status": "applied", "date_applied": "2025-03-01"}
                      for c in ("A", "B", "C")])


@pytest.mark.parametrize(("row", "known"), [
    ({"status": "applied"}, False),
    ({"status": "saved"}, False),
    ({"status": "applied", "first_response_date": "2025-03-09"}, True),
    ({"status": "applied", "interview_date": "2025-03-09"}, True),
    ({"status": "applied", "decision_date": "2025-03-09"}, True),
    ({"status": "screening"}, True),
    ({"status": "rejected"}, True),
    ({"status": "ghosted"}, True),
    ({"status": "withdrawn"}, True),
])
def test_a_reply_is_known_from_a_reply_date_or_a_status_past_applied(row, known):
    frame = apps_frame([{"company": "A", "date_applied": "2025-03-01", **row}])
    assert stages.reply_known(frame).tolist() == [known]


def test_coverage_counts_sent_applications_only():
    frame = apps_frame([
        {"company": "A", "status": "rejected", "date_applied": "2025-03-01"},
        {"company": "B", "status": "applied", "date_applied": "2025-03-01"},
        {"company": "C", "status": "saved"},
    ])
    assert reply_coverage(frame) == ReplyCoverage(applications=2, known=1, replied=1)
    assert reply_coverage(frame).partial and not reply_coverage(frame).none


@pytest.mark.parametrize(("coverage", "none", "partial", "note"), [
    (ReplyCoverage(0, 0), False, False, ""),
    (ReplyCoverage(5, 0), True, False, "No replies recorded for any of the 5 applications."),
    (ReplyCoverage(1, 0), True, False, "No replies recorded for any of the 1 application."),
    (ReplyCoverage(43, 12), False, True,
     "Whether a reply came is recorded for 12 of 43 applications."),
    (ReplyCoverage(120, 78, 56), False, True, "Whether a reply came is recorded for 78 of 120 "
                                               "applications: 56 with a reply, 22 without."),
    (ReplyCoverage(43, 43), False, False, ""),
])
def test_coverage_words(coverage, none, partial, note):
    assert (coverage.none, coverage.partial, coverage.note) == (none, partial, note)


@pytest.mark.parametrize(("apps", "unknown"), [
    (empty_applications(), 0), (WAITING.iloc[[0]], 1), (WAITING, 3),
    (apps_frame([{"company": "A", "status": "rejected", "date_applied": "2025-03-01"},
                 {"company": "B", "status": "applied", "date_applied": "2025-03-01"}]), 1)],
    ids=["empty", "one", "none known", "one of two"])
def test_coverage_counts_the_applications_without_a_known_reply(apps, unknown):
    assert reply_coverage(apps).unknown == unknown


def test_coverage_table_names_each_number_its_columns_and_counts():
    frame = apps_frame([
        {"company": "A", "status": "rejected", "date_applied": "2025-03-01",
         "decision_date": "2025-03-09"},
        {"company": "B", "status": "screening"},
        {"company": "C", "status": "applied", "date_applied": "2025-03-01"},
    ])
    table = coverage_table(frame).set_index("measure")
    assert table.loc["Response rate", "known"] == 2
    assert table.loc["Ghosted", "known"] == 1  # B has no date applied
    assert table.loc["Days to reply (response curve)", "known"] == 1
    assert (table["of"] == 3).all()
    assert table.loc["Response rate", "share"] == pytest.approx(2 / 3)
    assert "First response" in table.loc["Response rate", "stands_on"]


def test_coverage_of_an_empty_table():
    table = coverage_table(empty_applications())
    assert (table["known"] == 0).all() and table["share"].isna().all()
    assert reply_coverage(empty_applications()) == ReplyCoverage(0, 0, 0)


def test_silence_is_ghosting_only_where_replies_are_recorded():
    assert not stages.ghosted(WAITING, as_of=AS_OF).any()
    recorded = pd.concat([WAITING, apps_frame([{"company": "D", "status": "rejected",
                                                "date_applied": "2025-03-01"}])],
                         ignore_index=True)
    assert stages.ghosted(recorded, as_of=AS_OF).tolist() == [True, True, True, False]
    # A status of ghosted is the user's own record of silence: the table records replies.
    marked = WAITING.assign(status=["ghosted", "applied", "applied"])
    assert stages.ghosted(marked, as_of=AS_OF).tolist() == [True, True, True]
    assert stages.ghosted(marked, as_of=dt.date(2025, 3, 20)).tolist() == [True, False, False]


def test_kpis_count_the_applications_that_record_replies():
    assert m.kpis(WAITING, as_of=AS_OF).replies_known == 0
    assert not m.kpis(WAITING, as_of=AS_OF).replies_recorded
    assert m.kpis(WAITING, as_of=AS_OF).ghosted == 0


def test_no_warning_of_silence_from_a_table_that_records_no_replies():
    new = apps_frame([{"company": "a"}])
    assert history_warnings(WAITING, new, as_of=AS_OF) == []
    recorded = pd.concat([WAITING, apps_frame([{"company": "Z", "status": "rejected"}])],
                         ignore_index=True)
    assert history_warnings(recorded, new, as_of=AS_OF) == [
        "You applied to A on 1 Mar 2025; no reply after 121 days."]


def test_a_report_on_data_without_replies_says_so_instead_of_zero():
    report = build_report(WAITING, as_of=AS_OF)
    measures = {m.label: m for m in report.measures}
    for label in ("Response rate", "Interview rate", "Offer rate", "Ghosted"):
        assert measures[label].value is None, label
        assert measures[label].text == "no replies recorded"
    html = report_html(report)
    assert "No replies recorded: none of the 3 applications" in html


def test_a_report_on_partly_recorded_replies_notes_the_coverage():
    frame = WAITING.assign(status=["rejected", "applied", "applied"])
    measures = {m.label: m for m in build_report(frame, as_of=AS_OF).measures}
    assert measures["Response rate"].value == pytest.approx(1 / 3)
    assert "Whether a reply came is recorded for 1 of 3 applications" in \
        measures["Response rate"].meaning


@pytest.mark.parametrize(("headers", "name"), [
    (["Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title",
      "Job Url", "Resume Name", "Question And Answers"], "LinkedIn's Job Applications export"),
    (["Saved Date", "Job Url", "Job Title", "Company Name"], "LinkedIn's Saved Jobs export"),
    (["companyName", "title", "listName", "createdAt", "lastMovedAt", "url"], "Huntr's export"),
    (["Job Position", "Company", "Status", "Date Saved", "Date Applied", "Follow up",
      "Max. Salary", "Excitement"], "a Teal tracker"),
    (["Company Name", "Job Title", "Status", "Date Applied", "Job Posting URL"],
     "a Simplify tracker"),
    (["Company", "Role", "Status"], None),
])
def test_known_exports_are_recognised_by_their_headers(headers, name):
    assert known_export(headers) == name


def test_export_notes_say_what_the_file_lacks():
    assert export_note(None, {"A": "company", "B": "status"}) == ""
    assert "no status, first response" in export_note(None, {"A": "company"})
    linkedin = export_note("LinkedIn's Job Applications export", {"A": "company"})
    assert linkedin.startswith("Recognised LinkedIn's Job Applications export: it has no "
                               "status, first response, interview date or decision date")
    assert "replies, interviews and decisions are not known" in linkedin
    full = {c: c for c in ("status", "first_response_date", "interview_date", "decision_date")}
    assert export_note("Huntr's export", full) == "Recognised Huntr's export."


def test_the_blank_tracker_is_no_known_export():
    from analysis.model import schema as s

    assert known_export([c.label for c in s.APPLICATION_COLUMNS]) is None


def test_the_coverage_table_lists_every_headline_number_in_order():
    table = coverage_table(WAITING)
    assert table["measure"].tolist() == [
        "Applications sent", "Response rate", "Positive responses", "Interview rate",
        "Offer rate", "Ghosted", "Days to reply (response curve)"]
    assert table.loc[0, "stands_on"] == "Date applied, Status"


def test_the_best_matching_export_wins_when_two_qualify():
    headers = ["Company Name", "Job Title", "Job Url", "Saved Date", "Application Date",
               "Resume Name", "Contact Phone Number", "Question And Answers"]
    assert known_export(headers) == "LinkedIn's Job Applications export"


def test_export_notes_in_full():
    assert export_note(None, {"A": "company"}) == (
        "Your file has no status, first response, interview date or decision date column: "
        "replies are known only where you record them.")
    three = {"A": "status", "B": "first_response_date", "C": "interview_date"}
    assert export_note("Huntr's export", three) == (
        "Recognised Huntr's export: it has no decision date column, so reply times are not "
        "known until you record them.")
