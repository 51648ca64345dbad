"""The interview journal: reading it, linking it, per-interview and per-person follow-ups, and
what it teaches across interviews."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import apps_frame, xlsx_bytes

from analysis import followups as f
from analysis import interviews as iv
from analysis import load_applications
from analysis.model import schema as s

APPS = apps_frame([
    {"company": "Acme", "role": "Analyst", "date_applied": "2026-03-01",
     "status": "interviewing", "contact_name": "Rita Recruiter",
     "contact_email": "rita@acme.example", "contact_channel": "email"},
    {"company": "Globex", "role": "Engineer", "date_applied": "2026-03-02",
     "status": "rejected", "decision_date": "2026-03-20"},
    {"company": "Initech", "role": "PM", "date_applied": "2026-03-03", "status": "offer"},
])


def journal(rows: list[dict]) -> pd.DataFrame:
    """A journal from a few rows given as {column: value} (dates as text)."""
    table = iv.empty_interviews().reindex(range(len(rows)))
    for name in s.INTERVIEW_COLUMN_NAMES:
        values = pd.Series([row.get(name) for row in rows], dtype=object)
        if name in (s.IV_DATE, s.IV_DATE_APPLIED, s.DECISION_EXPECTED):
            table[name] = pd.to_datetime(values, format="mixed").astype("datetime64[us]")
        elif name in (s.IV_ROUND, s.RATING):
            table[name] = values.astype("float64")
        else:
            table[name] = values.astype("str")
    return table


PANEL = {"company": "Acme", "role": "Analyst", "date": "2026-03-10 14:00", "round": 1,
         "interviewers": "Ana Ruiz; Ben Okafor",
         "interviewer_emails": "ana@acme.example; ben@acme.example"}


def actions(rows: list[dict], as_of: str, apps: pd.DataFrame = APPS) -> pd.DataFrame:
    """The actions about the interviews' applications (the others' offer and rejection
    actions left out)."""
    found = f.due_follow_ups(apps, as_of=dt.date.fromisoformat(as_of),
                             interviews=journal(rows))
    companies = {row["company"] for row in rows}
    return found[found["company"].isin(companies)]


# --- linking and reading ----------------------------------------------------------------------

def test_interviews_link_by_link_then_company_role_and_day():
    table = journal([{"company": "ACME", "role": "analyst"}, {"company": "Globex"},
                     {"company": "Hooli", "role": "PM"},
                     {"company": "x", "job_url": "https://jobs.example/3"}])
    apps = APPS.assign(job_url=[None, None, "https://www.jobs.example/3/"])
    assert iv.link(table, apps).tolist() == [0, 1, pd.NA, 2]


def test_a_filter_selects_interviews_and_never_moves_one_to_another_application():
    """An interview naming only its company belongs to no application while the company has
    two; a filter that leaves one of them does not give it that one, in any measure."""
    apps = pd.concat([APPS, apps_frame([{"company": "Acme", "role": "Engineer",
                                          "date_applied": "2026-03-05", "status": "applied"}])],
                     ignore_index=True)
    table = journal([{"company": "Acme", "date": "2026-03-12", "round": 2},
                     {**PANEL, "round": 1}])
    tied = iv.with_applications(table, apps)
    analysts = apps[apps["role"] != "Engineer"]  # what a filter on the role leaves
    assert iv.link(table, analysts).tolist() == [0, 0]  # tied anew, it would move
    assert iv.application_of(tied, apps).tolist() == [pd.NA, 0]
    assert iv.application_of(tied, analysts).tolist() == [pd.NA, 0]
    assert iv.rounds_summary(tied, analysts).loc[0] == 1
    assert iv.rounds_summary(tied, apps).tolist() == iv.rounds_summary(tied, analysts)\
        .reindex(apps.index, fill_value=0).tolist()
    assert iv.application_of(tied, apps[apps["company"] != "Acme"]).isna().all()


def test_loading_ties_the_journal_once_against_every_application():
    result = load_applications(xlsx_bytes({
        "Applications": [["Company", "Role"], ["Acme", "Analyst"], ["Acme", "Engineer"]],
        "Interviews": [["Company", "Role", "Date"], ["Acme", "Engineer", "2026-03-10"],
                       ["Acme", "", "2026-03-11"]]}))
    assert result.interviews[iv.APPLICATION].tolist() == [1, pd.NA]


def test_a_link_written_as_in_the_tracker_is_matched_first_then_the_same_posting():
    """An interview carrying the tracker's own job link finds that application even where
    another one shares the posting in another spelling, or the company name differs; a link
    spelt differently still finds its posting."""
    apps = APPS.assign(job_url=["https://jobs.example/7/", "https://jobs.example/7", None])
    table = journal([{"company": "Acme Renamed", "job_url": "https://jobs.example/7"},
                     {"company": "Acme Renamed", "job_url": "https://jobs.example/7/"},
                     {"company": "Nobody", "job_url": "HTTPS://WWW.jobs.example/7?ref=mail"}])
    assert iv.link(table, apps).tolist() == [1, 0, 0]


def test_the_day_applied_tells_apart_two_applications_for_one_role():
    """Applied twice to one role: the interview goes to the application of its day applied,
    and one tied by its link is not moved by a later key (the first application included)."""
    apps = pd.concat([APPS, apps_frame([{"company": "Acme", "role": "Analyst",
                                          "date_applied": "2026-05-01"}])], ignore_index=True)
    table = journal([{"company": "Acme", "role": "Analyst", "date_applied": "2026-05-01"},
                     {"company": "Acme", "role": "Analyst", "date_applied": "2026-03-01"},
                     {"company": "Acme", "role": "Analyst"}])
    assert iv.link(table, apps).tolist() == [3, 0, 0]
    linked = apps.assign(job_url=["https://jobs.example/1", None, None, None])
    by_link = journal([{"company": "Acme", "role": "Analyst", "date_applied": "2026-05-01",
                        "job_url": "https://jobs.example/1"},
                       {"company": "Acme", "role": "Analyst", "date_applied": "2026-05-01"}])
    assert iv.link(by_link, linked).tolist() == [0, 3]


def test_an_ambiguous_company_is_not_guessed():
    apps = pd.concat([APPS, apps_frame([{"company": "Acme", "role": "Lead"}])],
                     ignore_index=True)
    assert iv.link(journal([{"company": "Acme"}]), apps).isna().all()
    assert iv.link(journal([{"company": "Acme", "role": "Lead"}]), apps).tolist() == [3]


@pytest.mark.parametrize(("cell", "names"), [
    ("Ana Ruiz; Ben Okafor", ["Ana Ruiz", "Ben Okafor"]),
    ("Ana Ruiz, Ben Okafor", ["Ana Ruiz", "Ben Okafor"]),
    ("Ana Ruiz\nBen Okafor", ["Ana Ruiz", "Ben Okafor"]),
    (";Ana Ruiz;; Ben Okafor;", ["Ana Ruiz", "Ben Okafor"]),
    ("Ana Ruiz and Ben Okafor", ["Ana Ruiz", "Ben Okafor"]),
    ("", []), (None, []),
])
def test_several_names_in_one_cell_are_split(cell, names):
    assert iv.split_names(cell) == names


TRACKER = [["Company", "Role", "Date applied", "Status"],
           ["Acme", "Analyst", dt.date(2026, 3, 1), "Interviewing"],
           ["Globex", "Engineer", dt.date(2026, 3, 2), "Rejected"]]
SHEET = [["Company", "Job title", "Date", "Stage", "Interviewer(s)", "Questions asked",
          "Rating", "Thank you sent", "Decision expected"],
         ["Acme", "Analyst", dt.datetime(2026, 3, 10, 14, 30), "phone screen",
          "Ana Ruiz; Ben Okafor;", "Tell me about yourself", 4, "2026-03-11; ",
          "within two weeks"],
         ["Acme", "Analyst", "2026-03-20 10:00", "onsite", "Cleo Park", "", 7, "", ""],
         ["Hooli", "PM", "2026-03-05", "", "Dan", "", "", "", ""],
         ["Globex", "Engineer", "2026-02-01", "", "", "", "", "", ""]]


def test_a_two_sheet_workbook_imports_its_rounds_and_reports_bad_rows():
    result = load_applications(xlsx_bytes({"Applications": TRACKER, "Interviews": SHEET}),
                               name="tracker.xlsx")
    table = result.interviews
    assert len(table) == 4  # nothing dropped
    assert table[s.IV_ROUND].tolist() == [1, 2, 1, 1]
    assert table[s.IV_DATE].iloc[0] == pd.Timestamp("2026-03-10 14:30")
    assert table[s.IV_DATE].iloc[1] == pd.Timestamp("2026-03-20 10:00")
    assert table[s.INTERVIEWERS].iloc[0] == "Ana Ruiz; Ben Okafor"
    assert table[s.IV_KIND].iloc[0] == "phone screen"
    assert table[s.DECISION_EXPECTED].iloc[0] == pd.Timestamp("2026-03-24")
    assert pd.isna(table[s.RATING].iloc[1])
    # The application's interview date follows its latest round.
    assert result.applications[s.INTERVIEW_DATE].tolist()[0] == pd.Timestamp("2026-03-20")
    issues = result.issues[result.issues["file"] == "tracker.xlsx [Interviews]"]
    found = {(r.row, r.column, r.value): r.problem for r in issues.itertuples()}
    assert "stray separators" in found[(2, "Interviewer(s)", "Ana Ruiz; Ben Okafor;")]
    assert "not a rating from 1 to 5" in found[(3, "Rating", "7")]
    assert "no application matches company 'Hooli'" in found[(4, "Company", "Hooli")]
    assert "before the application" in found[(5, "Date", "2026-02-01")]
    assert "time frame read as 2026-03-24" in found[(2, "Decision expected", "within two weeks")]


def test_interviews_sheet_cells_written_in_words_blank_markers_and_blank_rows():
    """Ratings and rounds written with words ("4/5", "3 (ok)", "4,5", "2nd"), blank markers
    ("n/a", "None") read as blank, a blank row between interviews skipped, a row with only a
    date kept, a date cell of spaces alone not an interview, and a date that is no date
    reported with its sheet, row, column and value."""
    sheet = [["Company", "Role", "Date", "Round", "Interviewer(s)", "Rating"],
             ["Acme", "Analyst", "2026-03-10", "2nd", "n/a", "4/5"],
             [None, None, None, None, None, None],
             ["Acme", "Analyst", "2026-03-12", "3", "None", "3 (ok)"],
             ["Acme", "Analyst", "2026-03-14", "4", "Ana", "4,5"],
             [None, None, "2026-03-16", None, None, None],
             [None, None, "   ", None, None, None],
             ["Acme", "Analyst", "soon", "5", "Ben", "great"]]
    result = load_applications(xlsx_bytes({"Applications": TRACKER, "Interviews": sheet}),
                               name="t.xlsx")
    table = result.interviews
    assert len(table) == 5  # the blank row and the row of spaces are not interviews
    assert table[s.RATING].tolist()[:3] == [4.0, 3.0, 4.5]
    assert pd.isna(table[s.RATING].iloc[4])
    assert table[s.IV_ROUND].tolist()[:3] == [2.0, 3.0, 4.0]
    assert table[s.INTERVIEWERS].isna().tolist()[:3] == [True, True, False]
    assert table[s.IV_DATE].iloc[3] == pd.Timestamp("2026-03-16")  # a date alone is kept
    issues = result.issues[result.issues["file"] == "t.xlsx [Interviews]"]
    found = {(r.row, r.column, r.value): r.problem for r in issues.itertuples()}
    assert "not a rating from 1 to 5" in found[(8, "Rating", "great")]
    assert (8, "Date", "soon") in found
    assert not any(row in (3, 7) for row, _, _ in found)


def test_a_large_workbooks_interviews_sheet_read_aside_gives_the_same_journal(monkeypatch):
    """Large workbooks read their Interviews sheet in a second thread: the same interviews,
    applications and issues as read in turn."""
    from analysis.reading import importer as importer

    book = xlsx_bytes({"Applications": TRACKER, "Interviews": SHEET})
    in_turn = load_applications(book, name="tracker.xlsx")
    monkeypatch.setattr(importer, "ASIDE_BYTES", 0)
    aside = load_applications(book, name="tracker.xlsx")
    pd.testing.assert_frame_equal(aside.interviews, in_turn.interviews)
    pd.testing.assert_frame_equal(aside.applications, in_turn.applications)
    pd.testing.assert_frame_equal(aside.issues, in_turn.issues)
    assert len(aside.interviews) == 4


def test_a_tracker_without_an_interviews_sheet_gets_one_interview_per_interview_date():
    rows = [["Company", "Role", "Status", "Date applied", "Interview date", "Interview notes",
             "Contact"],
            ["Acme", "Analyst", "Interviewing", "2026-03-01", "2026-03-10", "SQL case", "Ana"],
            ["Globex", "Engineer", "Applied", "2026-03-02", "", "", ""]]
    from conftest import csv_bytes

    table = load_applications(csv_bytes(rows)).interviews
    assert len(table) == 1
    assert table[[s.IV_COMPANY, s.IV_ROUND, s.INTERVIEWERS, s.IV_NOTES]].values.tolist() == [
        ["Acme", 1.0, "Ana", "SQL case"]]


def test_an_interviews_file_beside_the_tracker():
    from conftest import csv_bytes

    from analysis.reading.sources import RawFile

    result = load_applications([
        RawFile("tracker.csv", csv_bytes([["Company", "Role", "Status"],
                                          ["Acme", "Analyst", "Interviewing"]])),
        RawFile("my_interviews.csv", csv_bytes([["Company", "Role", "Date", "Panel"],
                                                ["Acme", "Analyst", "2026-03-10", "Ana; Ben"]]))])
    assert len(result.applications) == 1
    assert result.interviews[s.INTERVIEWERS].tolist() == ["Ana; Ben"]


def test_an_empty_interviews_sheet_keeps_the_derived_journal():
    result = load_applications(xlsx_bytes({"Applications": TRACKER, "Interviews": [[]]}),
                               name="t.xlsx")
    assert result.interviews.empty


# --- follow-ups per interview and per person --------------------------------------------------

def test_a_round_held_yesterday_with_two_interviewers_and_no_notes_gives_three_actions():
    found = actions([PANEL], "2026-03-11")
    assert sorted(found["action"]) == ["interview_notes", "thank_you", "thank_you"]
    thanks = found[found["action"] == "thank_you"].sort_values("interviewer")
    assert thanks["contact_name"].tolist() == ["Ana Ruiz", "Ben Okafor"]
    assert thanks["contact_email"].tolist() == ["ana@acme.example", "ben@acme.example"]
    assert thanks["action_id"].nunique() == 2
    assert (found["interview"] == 0).all()
    notes = found[found["action"] == "interview_notes"].iloc[0]
    assert notes["detail"].startswith("Round 1 on 10 Mar with Ana Ruiz, Ben Okafor")
    assert notes["state"] == f.OVERDUE  # due on the interview day


@pytest.mark.parametrize(("as_of", "state"), [
    ("2026-03-09", f.UPCOMING), ("2026-03-10", f.DUE_TODAY), ("2026-03-12", f.DUE_TODAY),
    ("2026-03-13", f.OVERDUE),
])
def test_each_thank_you_is_due_on_the_day_and_overdue_after_48_hours(as_of, state):
    found = actions([PANEL], as_of)
    thanks = found[found["action"] == "thank_you"]
    if as_of < "2026-03-10":
        assert thanks.empty  # not held yet: nothing to thank for
        return
    assert set(thanks["state"]) == {state}


@pytest.mark.parametrize(("as_of", "notes", "thanks"), [
    ("2026-04-09", True, True),  # 30 days after: notes and thanks still listed
    ("2026-04-10", False, True),  # notes forgotten 30 days overdue; thanks overdue from the 12th
    ("2026-04-11", False, True),  # the thank-you 30 days overdue: listed for the last day
    ("2026-04-12", False, False),
])
def test_the_journals_actions_are_forgotten_30_days_overdue(as_of, notes, thanks):
    found = set(actions([PANEL], as_of)["action"])
    assert ("interview_notes" in found, "thank_you" in found) == (notes, thanks)


def test_an_application_with_an_offer_or_a_decision_owes_no_interview_actions():
    rows = [{**PANEL, "company": "Initech", "role": "PM"},
            {**PANEL, "company": "Globex", "role": "Engineer"}]
    found = actions(rows, "2026-03-11")
    assert not set(found["action"]) & {"interview_notes", "thank_you"}


def test_a_thank_you_sent_to_one_interviewer_leaves_the_other():
    found = actions([{**PANEL, "thank_you_sent": "2026-03-11; "}], "2026-03-11")
    thanks = found[found["action"] == "thank_you"]
    assert thanks["contact_name"].tolist() == ["Ben Okafor"]
    all_thanked = actions([{**PANEL, "thank_you_sent": "yes"}], "2026-03-11")
    assert "thank_you" not in set(all_thanked["action"])


def test_notes_written_end_the_notes_action():
    found = actions([{**PANEL, "questions_asked": "Tell me about yourself"}], "2026-03-11")
    assert "interview_notes" not in set(found["action"])


def test_an_interview_without_named_interviewers_thanks_the_contact():
    found = actions([{"company": "Acme", "role": "Analyst", "date": "2026-03-10"}],
                    "2026-03-11")
    thanks = found[found["action"] == "thank_you"]
    assert thanks[["contact_name", "contact_email"]].values.tolist() == [
        ["Rita Recruiter", "rita@acme.example"]]


def test_a_letter_writer_also_sends_a_typed_letter():
    apps = APPS.assign(contact_channel=["letter", None, None])
    found = actions([PANEL], "2026-03-11", apps=apps)
    assert set(found.loc[found["action"] == "thank_you", "channel"]) == {
        "email and a typed letter"}


def test_the_decision_follow_up_runs_from_the_latest_rounds_time_frame():
    rounds = [{**PANEL, "thank_you_sent": "yes", "questions_asked": "x" * 5,
               "decision_expected": "2026-03-15"},
              {**PANEL, "date": "2026-03-20", "round": 2, "thank_you_sent": "yes",
               "questions_asked": "x" * 5, "decision_expected": "2026-03-31"}]
    early = actions(rounds, "2026-03-29")
    assert "decision_follow_up" not in set(early["action"])  # a week after 31 Mar: 7 Apr
    later = actions(rounds, "2026-04-07")
    follow = later[later["action"] == "decision_follow_up"].iloc[0]
    assert follow["due"] == pd.Timestamp("2026-04-07")
    assert "31 Mar" in follow["detail"]


def test_a_decision_ends_the_interview_actions():
    found = actions([{**PANEL, "company": "Globex", "role": "Engineer"}], "2026-03-21")
    assert set(found["action"]) == {"rejection_thanks"}  # only the thanks after a rejection


def test_upcoming_interviews_give_no_actions_yet_beyond_a_week():
    assert actions([{**PANEL, "date": "2026-04-01"}], "2026-03-11").empty


def test_marking_a_thank_you_done_records_that_person_only():
    table = journal([PANEL])
    found = f.due_follow_ups(APPS, as_of=dt.date(2026, 3, 11), interviews=table)
    ben = found[(found["action"] == "thank_you") & (found["interviewer"] == 1)].iloc[0]
    updated = f.mark_interview_done(table, ben, on=dt.date(2026, 3, 11))
    assert updated[s.IV_THANK_YOU_SENT].iloc[0] == "; 2026-03-11"
    again = f.due_follow_ups(APPS, as_of=dt.date(2026, 3, 11), interviews=updated)
    assert again.loc[again["action"] == "thank_you", "contact_name"].tolist() == ["Ana Ruiz"]
    notes = found[found["action"] == "interview_notes"].iloc[0]
    written = f.mark_interview_done(table, notes, on=dt.date(2026, 3, 11), notes="SQL case")
    assert written[s.IV_NOTES].iloc[0] == "SQL case"


def test_the_thank_you_draft_is_addressed_to_the_interviewer_and_names_a_topic():
    table = journal([{**PANEL, "questions_asked": "Tell me about yourself\nHow would you "
                                                  "measure a feature's success?"}])
    found = f.due_follow_ups(APPS, as_of=dt.date(2026, 3, 11), interviews=table)
    ana = found[(found["action"] == "thank_you") & (found["interviewer"] == 0)].iloc[0]
    subject, body = f.draft_message(ana, APPS, my_name="Sam", interviews=table)
    assert body.startswith("Dear Ana Ruiz,")
    assert "on 10 March" in body
    assert "I especially enjoyed discussing how I would measure a feature's success." in body
    without = journal([PANEL])
    _, plain = f.draft_message(ana, APPS, interviews=without)
    assert "especially enjoyed" not in plain and "$topic" not in plain


def test_each_interviewer_is_thanked_for_what_they_asked():
    """The notes say who asked what: each thank-you recalls its own interviewer's question,
    in a sentence that reads well whatever the question's form."""
    table = journal([{**PANEL, "questions_asked": "Ana: Walk me through a SQL query you "
                                                  "optimised\nBen: Why did you leave your "
                                                  "last job?\nBen: Is remote work possible?"}])
    found = f.due_follow_ups(APPS, as_of=dt.date(2026, 3, 11), interviews=table)
    thanks = found[found["action"] == "thank_you"].set_index("interviewer")
    ana = f.draft_message(thanks.loc[0], APPS, interviews=table)[1]
    ben = f.draft_message(thanks.loc[1], APPS, interviews=table)[1]
    assert "I especially enjoyed walking you through a SQL query I optimised." in ana
    assert "why I did leave" not in ben and "Ben:" not in ben
    assert 'I especially enjoyed your question, "Is remote work possible?"' in ben


def test_without_a_journal_the_application_rules_stand():
    before = f.due_follow_ups(APPS.assign(interview_date=pd.to_datetime(
        ["2026-03-10", None, None]).astype("datetime64[us]")), as_of=dt.date(2026, 3, 11))
    assert sorted(before["action"].unique())[:2] == ["interview_notes", "offer_facts"]
    assert before["interview"].isna().all()


# --- round trips --------------------------------------------------------------------------------

def test_a_downloaded_workbook_imports_back_unchanged_with_its_journal():
    from analysis.outputs.roundtrip import to_workbook
    from analysis.sample import load_sample

    sample = load_sample(end=dt.date(2026, 11, 27))
    data = to_workbook(sample.applications, headers=sample.headers,
                       column_map=sample.column_map, offers=sample.offers,
                       interviews=sample.interviews)
    again = load_applications(data, name="download.xlsx")
    pd.testing.assert_frame_equal(again.interviews, sample.interviews)
    pd.testing.assert_frame_equal(again.applications, sample.applications)
    assert not again.issues["file"].str.contains("Interviews").any()


def test_a_thank_you_marked_for_one_person_reads_back_the_same():
    from analysis.outputs.roundtrip import to_workbook

    table = iv.mark_thanked(journal([PANEL]), 0, 1, on=dt.date(2026, 3, 11))
    data = to_workbook(APPS, headers=[], column_map={}, interviews=table)
    again = load_applications(data, name="t.xlsx").interviews
    assert again[s.IV_THANK_YOU_SENT].tolist() == ["; 2026-03-11"]
    assert iv.interviewer_rows(again)["thanked"].isna().tolist() == [True, False]


def test_the_blank_tracker_has_an_interviews_sheet_that_reads_back():
    import io

    import openpyxl

    from analysis.outputs.template import tracker_template

    book = openpyxl.load_workbook(io.BytesIO(tracker_template()))
    assert "Interviews" in book.sheetnames
    sheet = book["Interviews"]
    assert [c.value for c in sheet[1]] == [c.label for c in s.INTERVIEW_COLUMNS]
    book["Applications"].append(["Acme", "Analyst", dt.datetime(2026, 3, 2), "interviewing"])
    sheet.append(["Acme", "Analyst", None, None, dt.datetime(2026, 3, 9, 10, 0), 1, "video",
                  "Ana Ruiz; Ben Okafor"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = load_applications(buffer.getvalue(), name="tracker.xlsx")
    assert result.interviews[[s.IV_DATE, s.INTERVIEWERS]].values.tolist() == [
        [pd.Timestamp("2026-03-09 10:00"), "Ana Ruiz; Ben Okafor"]]


def test_the_latest_round_counts_with_its_own_blanks():
    """An earlier round's promised date or thank-you never stands in for the latest's."""
    rounds = [{**PANEL, "thank_you_sent": "2026-03-11", "questions_asked": "x" * 5,
               "decision_expected": "2026-03-15"},
              {**PANEL, "date": "2026-03-20", "round": 2, "questions_asked": "x" * 5}]
    synced = iv.with_latest_interviews(journal(rounds), APPS)
    assert synced[s.INTERVIEW_DATE].iloc[0] == pd.Timestamp("2026-03-20")
    assert pd.isna(synced[s.THANK_YOU_SENT].iloc[0])
    found = actions(rounds, "2026-03-23")
    assert "decision_follow_up" not in set(found["action"])  # 15 Mar + 7 would be due
    later = actions(rounds, "2026-04-03")  # no promise for round 2: 14 days after it
    assert "decision_follow_up" in set(later["action"])


def test_a_two_sheet_opendocument_workbook_imports_with_its_rounds():
    """LibreOffice's own format: Applications and Interviews sheets in one .ods file."""
    import io

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        pd.DataFrame(TRACKER[1:], columns=TRACKER[0]).to_excel(writer, sheet_name="Applications",
                                                               index=False)
        pd.DataFrame([row[:5] for row in SHEET[1:3]], columns=SHEET[0][:5]).to_excel(
            writer, sheet_name="Interviews", index=False)
    result = load_applications(buffer.getvalue(), name="tracker.ods")
    assert result.interviews[s.IV_ROUND].tolist() == [1, 2]
    assert result.interviews[s.INTERVIEWERS].tolist() == ["Ana Ruiz; Ben Okafor", "Cleo Park"]
    assert result.applications[s.INTERVIEW_DATE].iloc[0] == pd.Timestamp("2026-03-20")


@pytest.mark.parametrize(("cell", "interviewers", "expected"), [
    (None, 0, [None]),  # no interviewer named still makes one note to send
    ("", 1, [None]),
    ("2026-03-03", 2, ["2026-03-03", "2026-03-03"]),  # one day for everyone
    ("2026-03-03; 2026-03-04", 2, ["2026-03-03", "2026-03-04"]),
    ("2026-03-03 | ", 2, ["2026-03-03", None]),  # the second not thanked yet
    ("2026-03-03\n2026-03-05\n2026-03-06", 2, ["2026-03-03", "2026-03-05"]),
    ("yes; 4 March 2026", 2, ["2026-03-02", "2026-03-04"]),  # yes = the interview's day
])
def test_thank_you_days_per_interviewer(cell, interviewers, expected):
    days = iv.thank_you_days(cell, interviewers, pd.Timestamp("2026-03-02"))
    assert [None if d is None else f"{d:%Y-%m-%d}" for d in days] == expected


# --- what the journal teaches -----------------------------------------------------------------

@pytest.mark.parametrize(("held", "offers", "text"), [
    (0, 0, "No interview yet"), (1, 0, "No offer yet"), (1_200, 0, "No offer yet"),
    (17, 2, "8.5"), (1, 1, "1.0"), (0, 1, "0.0")])
def test_interviews_per_offer_in_words(held, offers, text):
    assert iv.per_offer_text(held, offers) == text


def test_an_interview_held_this_morning_counts_among_the_interviews_held():
    """The Overview's "Interviews per offer" tile counted rounds up to midnight: an interview
    held at 10:00 today was left out until tomorrow, while the journal already listed it."""
    apps = apps_frame([{"company": "Acme", "role": "Analyst", "status": "interviewing",
                        "date_applied": "2026-03-01"}])
    journal = pd.DataFrame({"company": ["Acme"] * 3, "role": ["Analyst"] * 3,
                            "date": pd.to_datetime(["2026-03-10 14:00", "2026-03-14 10:00",
                                                    "2026-03-15 09:00"])})
    assert iv.interviews_per_offer(journal, apps, as_of=dt.date(2026, 3, 14)) == (2, 0)
    assert iv.interviews_per_offer(journal.iloc[:0], apps, as_of=dt.date(2026, 3, 14)) == (0, 0)


@pytest.mark.parametrize(("held", "expected"), [
    ("2026-03-14 10:00", "2026-03-14"),  # held this morning: the day of the latest held
    ("2026-03-10 14:00", "2026-03-10"),
    ("2026-03-15 09:00", "2026-03-20"),  # nothing held yet: the round booked stays
])
def test_the_interview_date_on_a_day_is_the_latest_round_held_by_then(held, expected):
    """The application's Interview date holds its next round (the 20th); counted on the
    14th, it is the day of the round held by then, so the application has interviewed."""
    apps = apps_frame([{"company": "Acme", "role": "Analyst", "status": "interviewing",
                        "date_applied": "2026-03-01", "interview_date": "2026-03-20"},
                       {"company": "Globex", "role": "PM", "date_applied": "2026-03-01",
                        "interview_date": "2026-03-25"}])
    journal = iv.with_applications(pd.DataFrame({
        "company": ["Acme", "Acme", "Initech"], "role": ["Analyst", "Analyst", "PM"],
        "date": pd.to_datetime([held, "2026-03-20 10:00", "2026-03-01 10:00"])}), apps)
    known = iv.interviewed_by(journal, apps, as_of=dt.date(2026, 3, 14))
    assert known["interview_date"].tolist() == [pd.Timestamp(expected),
                                                pd.Timestamp("2026-03-25")]
    assert apps["interview_date"].tolist()[0] == pd.Timestamp("2026-03-20")  # untouched


ROUNDS = [
    {"company": "Acme", "role": "Analyst", "date": "2026-03-10 14:00", "round": 1,
     "questions_asked": "Why us?\nTell me about yourself", "to_improve": "Shorter intro."},
    {"company": "Acme", "role": "Analyst", "date": "2026-03-14 09:00", "round": 2,
     "kind": "onsite", "questions_asked": "Why us?", "to_improve": "Shorter intro."},
    {"company": "Globex", "role": "Engineer", "date": "2026-03-20 10:00", "round": 1},
    {"company": "Initech", "role": "PM", "date": "2026-03-30 16:00", "round": 1},
]


def test_the_interviews_to_write_notes_for_list_each_once():
    """An interview earlier today was held and is also "from today on": it is listed once,
    among those held, most recent first, before those to come."""
    table = journal(ROUNDS)
    now = pd.Timestamp("2026-03-20 15:00")
    assert iv.for_notes(table, now=now, as_of=dt.date(2026, 3, 20)) == [2, 1, 0, 3]
    assert iv.for_notes(table, now=now, as_of=dt.date(2026, 3, 20), recent=1) == [2, 3]
    assert iv.for_notes(table.iloc[[3]], now=now, as_of=dt.date(2026, 3, 20)) == [3]
    assert iv.for_notes(iv.empty_interviews(), now=now, as_of=dt.date(2026, 3, 20)) == []


def test_an_interview_label_names_company_round_kind_and_time():
    table = journal([*ROUNDS, {"company": "Hooli"}])
    assert iv.interview_label(table.loc[1]) == "Acme – round 2 (onsite), Sat 14 Mar 2026, 09:00"
    assert iv.interview_label(table.loc[4]) == "Hooli – round 1, no date"
    midnight = journal([{"company": "Acme", "date": "2026-03-10"}])
    assert iv.interview_label(midnight.loc[0]) == "Acme – round 1, Tue 10 Mar 2026"


FORM = {"texts": {"questions_asked": "Why us?\n", "went_well": "  "}, "day": dt.date(2026, 1, 20),
        "time": dt.time(14, 30), "round_number": 2, "kind": "video",
        "interviewers": "Ana Ruiz; Ben Okafor", "emails": " ana@acme.example ,ben@acme.example",
        "rating": 4, "decision": ""}


def test_the_notes_record_holds_what_the_form_says():
    record = iv.notes_record(**FORM)
    assert record["questions_asked"] == "Why us?" and record["went_well"] is None
    assert record["date"] == pd.Timestamp("2026-01-20 14:30")
    assert (record["round"], record["kind"], record["rating"]) == (2.0, "video", 4.0)
    assert record["interviewers"] == "Ana Ruiz; Ben Okafor"
    assert record["interviewer_emails"] == "ana@acme.example; ben@acme.example"
    assert pd.isna(record["decision_expected"])
    assert iv.notes_record(**{**FORM, "decision": "2026-02-01"})["decision_expected"] == \
        pd.Timestamp("2026-02-01")
    with pytest.raises(ValueError, match="'soon' is not a date"):
        iv.notes_record(**{**FORM, "decision": "soon"})


def test_notes_saved_without_a_rating_record_none():
    """The form's "How did it go?" left at "not rated": the journal and the reports showed a
    rating of 3 the person never gave; it stays blank."""
    assert pd.isna(iv.notes_record(**{**FORM, "rating": None})["rating"])
    assert iv.notes_record(**{**FORM, "rating": 1})["rating"] == 1.0


def test_notes_are_written_into_a_round_or_a_new_one_with_the_versions_description():
    table = journal(ROUNDS[:1])
    notes = iv.notes_record(**FORM)
    updated, description = iv.write_notes(table, notes, interview=0)
    assert description == "interview notes: Acme, round 2"
    assert len(updated) == 1 and updated.loc[0, "kind"] == "video"
    assert pd.isna(table.loc[0, "kind"])  # the journal given is left as it was
    added, description = iv.write_notes(table, notes, application=APPS.loc[1])
    assert description == "interview notes: Globex, round 2"
    assert added.loc[1, ["company", "role"]].tolist() == ["Globex", "Engineer"]
    assert added.loc[1, "date_applied"] == pd.Timestamp("2026-03-02")
    first, description = iv.write_notes(iv.empty_interviews(), notes, application=APPS.loc[0])
    assert len(first) == 1 and description == "interview notes: Acme, round 2"
    with pytest.raises(ValueError):
        iv.write_notes(table, notes)


def test_a_new_interview_is_added_to_a_journal_tied_to_its_applications():
    """The dashboard's journal carries each interview's application: the notes form's new
    round is added to it (it once failed on the link column) and ties to its application."""
    tied = iv.with_applications(journal(ROUNDS[:1]), APPS)
    notes = iv.notes_record(**{**FORM, "decision": "2026-01-23"})
    added, description = iv.write_notes(tied, notes, application=APPS.loc[1])
    assert description == "interview notes: Globex, round 2"
    assert len(added) == 2 and list(added.columns) == list(tied.columns)
    assert added.loc[1, ["company", "interviewers"]].tolist() == ["Globex", "Ana Ruiz; Ben Okafor"]
    assert added.loc[1, "decision_expected"] == pd.Timestamp("2026-01-23")
    assert iv.with_applications(added, APPS)["application"].tolist() == [0, 1]


def test_a_new_interview_is_written_into_the_journal_the_pages_hold():
    """The pages hold the journal tied to its applications: a new round written there keeps
    the tie's column (blank until the journal is tied again) and the other rounds' ties."""
    tied = iv.with_applications(journal(ROUNDS[:1]), APPS)
    added, _ = iv.write_notes(tied, iv.notes_record(**FORM), application=APPS.loc[1])
    assert list(added.columns) == list(tied.columns)
    assert added[iv.APPLICATION].tolist()[0] == tied[iv.APPLICATION].iloc[0]
    assert pd.isna(added[iv.APPLICATION].iloc[1])
    assert added.loc[1, "company"] == "Globex"
    assert iv.with_applications(added, APPS)[iv.APPLICATION].tolist()[1] == 1


@pytest.mark.parametrize(("days", "median"), [([], None), ([5], 5.0), ([3, 4], 3.5),
                                              ([2, 9, 4], 4.0)])
def test_the_median_gap_between_rounds_keeps_its_half_day(days, median):
    gaps = pd.DataFrame({"from_round": [1] * len(days), "days": pd.Series(days, dtype="int64")})
    assert iv.median_gap(gaps) == median


def test_the_median_gap_of_a_journal():
    gaps = iv.days_between_rounds(journal(ROUNDS), APPS)
    assert gaps["days"].tolist() == [3]  # Acme's rounds 10 Mar 14:00 and 14 Mar 9:00
    assert iv.median_gap(gaps) == 3.0


def test_the_preparation_lists_hold_each_question_and_note_once():
    table = journal([*ROUNDS, {"company": "Acme", "role": "Analyst", "date": "2026-04-02",
                              "round": 3}])
    lists = iv.preparation_lists(iv.preparation(table, 4))
    assert lists == {"company": ["Why us?", "Tell me about yourself"], "similar_roles": [],
                     "improve": ["Shorter intro."]}
    assert iv.preparation_lists(iv.preparation(table, 4), questions=1)["company"] == ["Why us?"]
    alone = iv.preparation_lists(iv.preparation(journal(ROUNDS[2:3]), 0))
    assert alone == {"company": [], "similar_roles": [], "improve": []}
