"""Every page, run by Streamlit's AppTest with the sample data and with uploads."""

from __future__ import annotations

import datetime as dt
import os
import re

import pandas as pd
import pytest
from conftest import ROOT, csv_bytes, xlsx_bytes
from streamlit.testing.v1 import AppTest

from ui.widgets import WORD_JOINER

PAGES = ["pages/overview.py", "pages/response_times.py", "pages/outcomes.py",
         "pages/follow_ups.py", "pages/interviews.py", "pages/offers.py", "pages/plan.py",
         "pages/data.py", "pages/mail.py", "pages/reports.py"]
TRACKER = [["Company", "Role", "Status", "Date applied"],
           ["Acme", "Analyst", "Interview", "2025-03-01"],
           ["Globex", "Engineer", "Rejected", "2025-03-04"],
           ["Initech", "Analyst", "Applied", "2025-03-09"]]


def start(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    at.sidebar.file_uploader[0].set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return at


def shown(markdown: str) -> str:
    """Markdown source as the reader sees it: the escapes of ``ui.widgets.md`` undone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def captions(at: AppTest) -> str:
    return shown(" ".join(c.value for c in at.sidebar.caption))


def texts(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.info, *at.warning, *at.error, *at.success)]
    return shown(" ".join(str(p) for p in parts))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_sample_and_says_so(page):
    """A new user opens any page and sees the sample data, clearly labelled."""
    at = start(page)
    assert "sample data" in " ".join(i.value for i in at.info)
    assert "150 made-up applications" in captions(at)
    assert at.title[0].value


def test_overview_counts_the_sample():
    at = start()
    assert at.metric[0].label == "Applications"
    assert at.metric[0].value == "147"  # 150 rows, 3 of them saved and never sent
    assert at.main.expander[-1].label == "Applications by current status"
    assert at.main.dataframe[-1].value["applications"].sum() == 150


def test_a_user_uploads_a_csv_and_sees_their_applications_on_every_page():
    """A user imports their own CSV; the count and the data follow them from page to page."""
    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    assert "3 applications" in captions(at)
    assert at.metric[0].value == "3"
    assert not at.info or "sample data" not in " ".join(i.value for i in at.info)
    at.switch_page("pages/data.py").run()
    assert "3 applications" in captions(at)
    assert at.dataframe[0].value["company"].tolist() == ["Acme", "Globex", "Initech"]


def test_a_bad_file_shows_a_clear_message_and_keeps_the_data():
    """A user uploads a PDF by mistake: they are told why, and their data stays."""
    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    at = upload(at, "resume.xlsx", b"%PDF-1.7 not a sheet", "application/pdf")
    message = shown(" ".join(e.value for e in at.error))
    assert "resume.xlsx" in message and "PDF" in message
    assert "still shows tracker.csv (3 applications)" in message
    assert at.metric[0].value == "3"


def test_the_sidebar_filters_survive_a_page_switch():
    at = start()
    at.sidebar.multiselect(key="filter_statuses_0").set_value(["rejected"]).run()
    rejected = int(at.metric[0].value)
    assert 0 < rejected < 147
    at.switch_page("pages/data.py").run()
    assert at.sidebar.multiselect(key="filter_statuses_0").value == ["rejected"]
    assert f"Showing {rejected} of 150" in captions(at)
    assert set(at.dataframe[0].value["status"]) == {"rejected"}


def test_search_filter_narrows_the_table():
    at = upload(start("pages/data.py"), "tracker.csv", csv_bytes(TRACKER))
    at.sidebar.text_input(key="filter_text_1").input("glob").run()
    assert at.dataframe[0].value["company"].tolist() == ["Globex"]
    at.sidebar.button[-1].click().run()  # Clear filters
    assert len(at.dataframe[0].value) == 3


def test_missing_company_column_asks_for_a_mapping_and_then_loads():
    """A user's file calls the company "Employer name": the dashboard asks which column holds it."""
    rows = [["Employer name", "Job"], ["Acme", "Analyst"], ["Globex", "Engineer"]]
    at = upload(start(), "mine.csv", csv_bytes(rows))
    assert any("no Company column" in w.value for w in at.warning)
    assert "150 made-up applications" in captions(at)  # nothing replaced yet
    at.selectbox(key="map_company").set_value("Employer name")
    at.button(key="FormSubmitter:column_mapping-Import with these columns").click().run()
    assert not at.exception
    assert "2 applications" in captions(at)
    assert at.metric[0].value == "2"


def test_workbook_sheet_picker_and_import_issues_on_the_data_page():
    workbook = xlsx_bytes({
        "2025": [*TRACKER, ["Hooli", "PM", "Applied", "31/02/2025"]],
        "2024": [["Company", "Status"], ["Umbrella", "Ghosted"]],
    })
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at = upload(start("pages/data.py"), "tracker.xlsx", workbook, mime)
    assert "4 applications" in captions(at)
    issues = at.main.dataframe[-1].value
    assert issues[["row", "value"]].values.tolist() == [[5, "31/02/2025"]]
    at.sidebar.selectbox(key="sheet_1").set_value("2024").run()
    assert "**1 application** from tracker.xlsx" in captions(at)
    assert at.dataframe[0].value["company"].tolist() == ["Umbrella"]


def test_back_to_the_sample():
    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    next(b for b in at.sidebar.button if "sample" in b.label).click().run()
    assert "150 made-up applications" in captions(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_an_uploaded_workbook(page):
    """Every page works on a user's own workbook, not only on the sample."""
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at = upload(start(page), "tracker.xlsx", xlsx_bytes({"Jobs": TRACKER}), mime)
    assert "**3 applications** from tracker.xlsx" in captions(at)
    assert not any("sample data" in i.value for i in at.info)


def test_an_unexpected_failure_while_reading_keeps_the_data(monkeypatch):
    """Even a bug in the importer shows a message, not a traceback, and keeps the data."""
    import ui.state

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ui.state, "load_applications", broken)
    # Bytes no other test uploads, so no cached result hides the failure.
    at = upload(start(), "tracker.csv", csv_bytes([*TRACKER, ["Unique Corp", "", "", ""]]))
    assert any("unexpected problem" in e.value for e in at.error)
    assert "150 made-up applications" in captions(at)


# --- analysis pages -------------------------------------------------------------------------

import json  # noqa: E402

ONE_ROW = [["Company", "Status", "Date applied"], ["Acme", "Applied", "2025-03-01"]]
NO_REPLIES = [["Company", "Status", "Date applied"], ["Acme", "Applied", "2025-03-01"],
              ["Globex", "Applied", "2025-03-02"], ["Initech", "Ghosted", "2025-02-01"]]
ANALYSIS_PAGES = ["pages/overview.py", "pages/response_times.py", "pages/outcomes.py"]


def figures(at: AppTest) -> list[dict]:
    return [json.loads(element.proto.spec) for element in at.get("plotly_chart")]


@pytest.mark.parametrize("rows", [ONE_ROW, NO_REPLIES], ids=["one row", "no replies"])
@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_analysis_pages_render_tiny_files(page, rows):
    """A user with one application, or with no reply yet, sees explanations, not errors."""
    at = upload(start(page), "tiny.csv", csv_bytes(rows))
    assert f"**{len(rows) - 1} application" in captions(at)
    if rows is ONE_ROW:  # one application waiting: nothing records a reply yet
        assert any("No replies recorded" in i.value for i in at.info)
    elif page == "pages/response_times.py":
        assert any("No responses yet" in i.value for i in at.info)
    else:
        assert figures(at)


LINKEDIN = [["Application Date", "Contact Email", "Contact Phone Number", "Company Name",
             "Job Title", "Job Url", "Resume Name", "Question And Answers"]] + [
    [f"{month}/{day}/26, 9:{day:02d} AM", "", "", f"Company {month}-{day}", "Analyst",
     f"https://www.linkedin.com/jobs/view/{month}{day}", "cv.pdf", ""]
    for month in (7, 8) for day in range(1, 22)]


@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_a_linkedin_export_shows_no_reply_rate_it_cannot_know(page):
    """A user imports LinkedIn's export (no statuses, no reply dates): no page says 0% response
    or 100% ghosted; each says no replies are recorded and where to record them."""
    at = upload(start(page), "Job Applications.csv", csv_bytes(LINKEDIN))
    assert "42 applications" in captions(at)
    notice = " ".join(i.value for i in at.info)
    assert "No replies recorded" in notice and "Data page" in notice
    shown = [(m.label, m.value) for m in at.metric]
    assert all(not value.endswith("%") for _, value in shown), shown
    if page == "pages/overview.py":
        assert dict(shown)["Applications"] == "42"
        assert "Ghosted" not in dict(shown) and "Response rate" not in dict(shown)
        titles = [f["layout"]["title"]["text"] for f in figures(at)]
        texts_drawn = " ".join(a["text"] for f in figures(at)
                               for a in f["layout"].get("annotations", []))
        assert "Stages reached" in titles and "No replies recorded" in texts_drawn
        activity = next(f for f in figures(at) if f["layout"]["title"]["text"].startswith("Act"))
        assert [t["name"] for t in activity["data"]] == ["Applications sent",
                                                         "Applications in total"]


def test_partly_recorded_replies_carry_a_note():
    """Replies recorded for some applications only: the rates say for how many."""
    rows = [["Company", "Status", "Date applied", "First response"],
            ["Acme", "Rejected", "2025-03-01", "2025-03-09"],
            ["Globex", "Applied", "2025-03-02", ""], ["Initech", "Applied", "2025-03-03", ""]]
    at = upload(start(), "partial.csv", csv_bytes(rows))
    assert "Whether a reply came is recorded for 1 of 3 applications" in \
        " ".join(c.value for c in at.caption)
    response = next(m for m in at.metric if m.label == "Response rate")
    assert response.value == "33%"
    assert "Whether a reply came is recorded for 1 of 3 applications" in response.help


def test_interviews_without_an_offer_fit_their_tile_and_the_help_counts_them():
    """Two interviews, no offer: the tile read '2, no offer …' at 1280 px, cut off; it says
    'No offer yet', and its help how many interviews were held."""
    rows = [["Company", "Status", "Date applied", "First response", "Interview date"],
            ["Acme", "Interviewing", "2025-03-01", "2025-03-05", "2025-03-10"],
            ["Globex", "Rejected", "2025-03-02", "2025-03-06", "2025-03-12"]]
    at = upload(start(), "tracker.csv", csv_bytes(rows))
    tile = next(m for m in at.metric if m.label == "Interviews per offer")
    assert tile.value == "No offer yet"
    assert tile.help.startswith("2 interviews held (every round counts) and 0 offers.")


def test_overview_shows_the_kpis_the_funnel_the_flow_and_activity():
    at = start()
    labels = [m.label for m in at.metric]
    assert labels[:5] == ["Applications", "Response rate", "Positive responses", "Interview rate",
                          "Offer rate"]
    assert {"Ghosted", "Median days to reply", "Active applications",
            "Follow-ups due"} <= set(labels)
    types = [f["data"][0]["type"] for f in figures(at)]
    assert types == ["funnel", "sankey", "bar"]


def test_response_times_split_by_source_reports_a_log_rank_test():
    at = start("pages/response_times.py")
    at.selectbox(key="response_split").set_value("source").run()
    assert any("Log-rank test across 5 groups" in m.value for m in at.markdown)
    curve = figures(at)[0]
    assert len(curve["data"]) == 15  # a band and a line per source
    assert any("days of silence" in m.value for m in at.markdown)


def test_outcomes_rates_carry_n_and_fisher_test():
    at = start("pages/outcomes.py")
    by_source = figures(at)[0]
    assert all("(n=" in label for label in by_source["data"][0]["y"])
    assert any("Fisher's exact test" in m.value for m in at.markdown)


@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_sidebar_filters_change_the_numbers(page):
    """Filtering to referrals changes what every analysis page shows."""
    at = start(page)
    before = (json.dumps(figures(at)), [m.value for m in at.metric])
    at.sidebar.multiselect(key="filter_sources_0").set_value(["Referral"]).run()
    after = (json.dumps(figures(at)), [m.value for m in at.metric])
    assert before[0] != after[0]
    if page == "pages/overview.py":
        assert before[1] != after[1]


# --- follow-ups -----------------------------------------------------------------------------

INTERVIEWED = [["Company", "Role", "Status", "Date applied", "Interview date", "Contact email",
                "Interview notes"],
               ["Acme", "Analyst", "Interviewing", "2020-01-02", "2020-01-10", "hr@acme.example",
                "Good talk"]]


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " due today · " in m.value)


def test_marking_a_thank_you_done_records_today_and_removes_it():
    """A user sends the thank-you note, clicks Done: the action goes and the date is kept."""
    import datetime as dt

    rows = [INTERVIEWED[0], INTERVIEWED[1][:4] + [dt.date.today().isoformat()] + INTERVIEWED[1][5:]]
    at = upload(start("pages/follow_ups.py"), "one.csv", csv_bytes(rows))
    # The day first: "1 upcoming on Sunday 29 November" read as if it came up that day.
    assert summary(at) == f"{dt.date.today():%A %-d %B %Y}: **0 overdue · 1 due today · " \
        "0 upcoming**."
    done = next(b for b in at.button if b.key and b.key.startswith("done_"))
    assert done.label == "Done"
    done.click().run()
    assert "**0 overdue · 0 due today · 0 upcoming**" in summary(at)
    assert not any(b.key and b.key.startswith("done_") for b in at.button)
    at.switch_page("pages/data.py").run()
    table = at.dataframe[0].value
    assert table["thank_you_sent"].iloc[0].date() == dt.date.today()


def test_follow_ups_page_lists_the_sample_by_state():
    at = start("pages/follow_ups.py")
    assert re.fullmatch(r"\w+ \d+ \w+ \d{4}: \*\*\d+ overdue · \d+ due today · \d+ upcoming\*\*\.",
                        summary(at))
    headings = [h.value for h in at.subheader]
    assert any(h.startswith("Overdue (") for h in headings)
    assert any(h.startswith("Coming up") for h in headings)
    assert any(c.label == "Drafted message" for c in at.expander)


def test_snoozed_actions_disappear():
    at = start("pages/follow_ups.py")
    snooze = next(b for b in at.button if b.key and b.key.startswith("snooze_"))
    key = snooze.key
    snooze.click().run()
    assert key not in {b.key for b in at.button}
    assert any(c.value.startswith("1 action marked done, not applicable or snoozed")
               for c in at.main.caption)


def test_marking_an_action_done_says_so_and_can_be_undone():
    """A user marks a thank-you as sent: the page says what was done, and Undo brings the
    action back and the data as it was (as a new version)."""
    from analysis.model.store import Workspace

    at = upload(start(), "tracker.csv", csv_bytes(
        [[*TRACKER[0], "Interview date", "Contact name"],
         [*TRACKER[1], (dt.date.today() - dt.timedelta(days=1)).isoformat(), "Ana Ruiz"],
         [*TRACKER[2], "", ""], [*TRACKER[3], "", ""]]))
    at.switch_page("pages/follow_ups.py").run()
    done = next(b for b in at.button if b.key and b.key.startswith("done_")
                and b.label == "Done")
    key = done.key
    done.click().run()
    assert not at.exception, at.exception
    assert key not in {b.key for b in at.button}
    said = " ".join(s.value for s in at.success)
    assert "Send a thank-you note: Acme" in shown(said) and "done" in said
    workspace = Workspace(os.environ["JOBSEARCH_WORKSPACE"])
    assert workspace.load().applications.loc[0, "thank_you_sent"] == pd.Timestamp(
        dt.date.today())
    next(b for b in at.button if b.key == "undo_follow_up").click().run()
    assert key in {b.key for b in at.button}
    assert pd.isna(Workspace(os.environ["JOBSEARCH_WORKSPACE"]).load().applications.loc[
        0, "thank_you_sent"])


# --- workspace: saved data, editing, versions, imports --------------------------------------


def edit(at: AppTest, **changes: object) -> AppTest:
    """Edit through the data editor (AppTest shows it read-only: set its state and rerun)."""
    key = f"editor_{at.session_state.get('editor_round', 0)}"
    at.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **changes}
    return at.run()


def test_imported_data_is_there_after_a_restart():
    """A user imports their tracker, closes the browser, comes back: the data is still there."""
    upload(start(), "tracker.csv", csv_bytes(TRACKER))
    again = start()
    assert "**3 applications** from tracker.csv, saved on this computer" in captions(again)
    assert again.metric[0].value == "3"
    # And it can be edited straight away, without the file.
    again = edit(start("pages/data.py"), edited_rows={2: {"status": "Offer"}})
    assert again.main.dataframe[1].value["description"].iloc[0] == "edited 1 cell"


def test_editing_a_cell_saves_a_version_that_survives_a_restart_and_can_be_undone():
    """A user corrects a role; it is saved at once, still there after a restart, undoable."""
    at = upload(start("pages/data.py"), "tracker.csv", csv_bytes(TRACKER))
    at = edit(at, edited_rows={1: {"role": "Staff Engineer"}})
    assert not at.exception
    assert at.dataframe[0].value["role"].tolist() == ["Analyst", "Staff Engineer", "Analyst"]
    assert at.dataframe[1].value["description"].iloc[0] == "edited 1 cell"
    again = start("pages/data.py")
    assert again.dataframe[0].value["role"].iloc[1] == "Staff Engineer"
    again.selectbox(key="restore_version").set_value(1)
    next(b for b in again.button if b.label == "Restore it").click().run()
    assert again.dataframe[0].value["role"].iloc[1] == "Engineer"


def test_a_bad_date_in_the_editor_is_refused_and_nothing_is_stored():
    at = upload(start("pages/data.py"), "tracker.csv", csv_bytes(TRACKER))
    at = edit(at, edited_rows={0: {"date_applied": "31/09/2025"}})
    assert any("Row 1, Date applied: '31/09/2025' is not a date" in shown(e.value)
               for e in at.error)
    assert len(at.dataframe[1].value) == 1  # still only the import


def test_adding_a_row_for_a_company_that_ghosted_warns():
    rows = [TRACKER[0], ["Initech", "Analyst", "Ghosted", "2020-01-09"]]
    at = upload(start("pages/data.py"), "t.csv", csv_bytes(rows))
    at = edit(at, added_rows=[{"company": "Initech", "role": "Analyst II"}])
    assert any("You applied to Initech on 9 Jan 2020; no reply after" in w.value
               for w in at.warning)
    assert at.dataframe[0].value["company"].tolist() == ["Initech", "Initech"]
    assert at.dataframe[1].value["description"].iloc[0] == "added 1 row"


def test_a_second_import_offers_merge_or_replace():
    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    newer = [TRACKER[0], ["Acme", "Analyst", "Offer", "2025-03-01"],
             ["Hooli", "PM", "Applied", "2025-03-20"]]
    at = upload(at, "newer.csv", csv_bytes(newer))
    assert "**3 applications**" in captions(at)  # nothing changed yet
    text = " ".join(c.value for c in at.caption)
    assert "1 new application, 1 updated application, 0 left as they are" in text
    next(b for b in at.button if b.label == "Merge into my data").click().run()
    assert "**4 applications**" in captions(at)
    at.switch_page("pages/data.py").run()
    versions = at.dataframe[1].value
    assert versions["description"].iloc[0].startswith("merged newer.csv: 1 new application")
    assert versions["rows"].tolist() == [4, 3]


def test_the_merge_question_puts_its_buttons_before_the_history_reminders():
    """A second file with dozens of companies that ghosted the user: the question, the counts
    and the buttons come first; the reminders are one collapsed line with their count."""
    old = [TRACKER[0], ["Zeta", "Analyst", "Rejected", "2025-01-02"]] + [
        [f"Company {i}", "Analyst", "Ghosted", "2025-01-05"] for i in range(30)]
    at = upload(start(), "tracker.csv", csv_bytes(old))
    again = [TRACKER[0]] + [[f"Company {i}", "Engineer", "Applied", "2025-06-01"]
                            for i in range(30)]
    at = upload(at, "second.csv", csv_bytes(again))
    assert not at.warning  # no box per company
    labels = [b.label for b in at.main.button]
    assert labels[:3] == ["Merge into my data", "Replace my data", "Cancel"]
    reminders = [e for e in at.main.expander if "got a rejection or no reply" in e.label]
    assert len(reminders) == 1
    assert reminders[0].label.startswith("30 earlier applications")
    assert len(reminders[0].markdown) == 30


def test_replace_keeps_the_old_table_restorable():
    at = upload(start("pages/data.py"), "tracker.csv", csv_bytes(TRACKER))
    at = upload(at, "other.csv", csv_bytes([["Company"], ["Umbrella"]]))
    next(b for b in at.button if b.label == "Replace my data").click().run()
    assert "**1 application**" in captions(at)
    at.selectbox(key="restore_version").set_value(1)
    next(b for b in at.button if b.label == "Restore it").click().run()
    assert "**3 applications**" in captions(at)
    assert at.dataframe[1].value["description"].iloc[0].startswith("restored version 1")


def test_two_tabs_never_lose_an_update():
    """Tab B edits data that tab A changed meanwhile: B is told, shown A's version, and A's
    change is kept."""
    tab_a = upload(start("pages/data.py"), "tracker.csv", csv_bytes(TRACKER))
    tab_b = start("pages/data.py")
    tab_a = edit(tab_a, edited_rows={0: {"role": "Lead Analyst"}})
    tab_b = edit(tab_b, edited_rows={0: {"role": "Junior Analyst"}})
    assert any("changed in another tab" in w.value for w in tab_b.warning)
    assert tab_b.main.dataframe[0].value["role"].iloc[0] == "Lead Analyst"
    from analysis.model.store import Workspace
    from ui.workspace import workspace_path

    saved = Workspace(workspace_path())
    assert saved.load().applications["role"].iloc[0] == "Lead Analyst"
    assert len(saved.history()) == 2


def test_the_workspace_can_be_chosen_on_the_command_line(monkeypatch, tmp_path):
    from ui.workspace import workspace_path

    monkeypatch.setattr("sys.argv", ["dashboard.py", "--workspace", str(tmp_path / "a.db")])
    assert workspace_path() == str(tmp_path / "a.db")
    monkeypatch.setattr("sys.argv", ["dashboard.py"])
    monkeypatch.setenv("JOBSEARCH_WORKSPACE", str(tmp_path / "b.db"))
    assert workspace_path() == str(tmp_path / "b.db")


# --- offers ---------------------------------------------------------------------------------


def test_offers_page_ranks_explains_and_reports_robustness():
    at = start("pages/offers.py")
    text = " ".join(m.value for m in at.markdown)
    assert "comes first with" in text and "points out of 100" in text
    assert "plausible weightings" in text
    assert "Break-even" in text or "No base salary alone" in text
    assert "Ask **" in text
    assert [f["data"][0]["type"] for f in figures(at)] == ["bar", "bar"]


def test_offers_page_with_fewer_than_two_offers_says_what_to_do():
    at = upload(start("pages/offers.py"), "tracker.csv", csv_bytes(TRACKER))
    assert any("at least two offers" in i.value for i in at.info)


def test_changing_a_weight_can_change_the_ranking_and_is_kept():
    at = start("pages/offers.py")
    at.slider(key="weight_base_salary").set_value(50).run()
    assert not at.exception
    again = start("pages/offers.py")
    assert again.slider(key="weight_base_salary").value == 50


def test_long_action_lists_are_paged():
    """Thousands of applications do not turn the follow-ups page into thousands of cards."""
    import datetime as dt

    from analysis import generate_applications
    from analysis.sample import write_sample_csv

    apps = generate_applications(3000, seed=3, end=dt.date.today())
    at = upload(start("pages/follow_ups.py"), "big.csv", write_sample_csv(apps))
    cards = sum(1 for b in at.button if b.key and b.key.startswith("done_"))
    more = [b for b in at.button if b.key and b.key.startswith("more_")]
    assert more and cards <= 3 * 10
    more[0].click().run()
    assert sum(1 for b in at.button if b.key and b.key.startswith("done_")) > cards


# --- reports --------------------------------------------------------------------------------


def downloads(at: AppTest) -> dict[str, bool]:
    """Each download button's label and whether it can be clicked."""
    return {b.proto.label: not b.proto.disabled for b in at.get("download_button")}


def test_reports_page_offers_every_export_for_the_sample():
    """A user opens Reports and finds each export, with the log's count for the period."""
    import datetime as dt

    from analysis.outputs.applog import application_log
    from analysis.sample import load_sample

    at = start("pages/reports.py")
    assert downloads(at) == {
        "Excel report (.xlsx)": True, "HTML report (.html)": True,
        "Application log (.xlsx)": True, "Application log (.html, printable)": True,
        "Applications (.csv)": True, "Follow-ups (.csv)": True,
        "Calendar reminders (.ics)": True, "Blank tracker (.xlsx)": True}
    today = dt.date.today()
    start_day, end_day = at.date_input(key="log_period").value
    assert (start_day, end_day) == (today - dt.timedelta(days=30), today)
    expected = application_log(load_sample(end=today).applications, start=start_day,
                               end=end_day)
    assert f"**{len(expected)} applications** from" in texts(at)
    assert "Reports of **All 150 applications**" in texts(at)


def test_reports_follow_the_sidebar_filters():
    import datetime as dt

    from analysis.sample import load_sample

    at = start("pages/reports.py")
    at.sidebar.multiselect(key="filter_statuses_0").set_value(["rejected"]).run()
    rejected = int((load_sample(end=dt.date.today()).applications["status"] == "rejected").sum())
    assert f"Reports of **{rejected} applications (status rejected)**" in texts(at)


def test_a_period_with_no_applications_disables_the_log_downloads():
    import datetime as dt

    at = upload(start("pages/reports.py"), "tracker.csv", csv_bytes(TRACKER))
    at.date_input(key="log_period").set_value((dt.date(2025, 3, 5), dt.date(2025, 3, 8))).run()
    assert "**0 applications** from 5 March 2025 to 8 March 2025." in texts(at)
    assert downloads(at)["Application log (.xlsx)"] is False
    at.date_input(key="log_period").set_value((dt.date(2025, 3, 1), dt.date(2025, 3, 9))).run()
    assert "**3 applications**" in texts(at)


def test_a_large_excel_report_is_prepared_with_progress_then_downloaded():
    """With tens of thousands of applications the workbook is written on request, with a
    progress bar, and then offered for download."""
    import datetime as dt

    from analysis import generate_applications
    from analysis.sample import write_sample_csv

    apps = generate_applications(20_000, seed=4, end=dt.date.today())
    at = upload(start("pages/reports.py"), "big.csv", write_sample_csv(apps))
    assert "Excel report (.xlsx)" not in downloads(at)
    # The open actions are worked out when their file is asked for, not counted on each visit.
    follow_csv = next(b for b in at.get("download_button")
                      if b.proto.label == "Follow-ups (.csv)")
    assert follow_csv.proto.help == "The open actions, most urgent first."
    assert downloads(at)["Follow-ups (.csv)"] and downloads(at)["Calendar reminders (.ics)"]
    prepare = next(b for b in at.button if b.label == "Prepare the Excel report")
    prepare.click().run()
    assert not at.exception
    assert downloads(at)["Excel report (.xlsx)"] is True
    assert any(c.value.startswith("Prepared at") for c in at.main.caption)


def test_the_status_check_setting_is_kept_and_used_by_the_reports():
    """Switching the status check off on the Follow-ups page lasts, and the Overview and the
    reports follow."""
    import datetime as dt

    from analysis.followups import FollowUpRules, due_follow_ups
    from analysis.sample import load_sample

    at = start("pages/follow_ups.py")
    at.toggle(key="status_check_on").set_value(False).run()
    assert not at.exception
    again = start("pages/follow_ups.py")
    assert again.toggle(key="status_check_on").value is False
    reports_page = start("pages/reports.py")
    follow_csv = next(b for b in reports_page.get("download_button")
                      if b.proto.label == "Follow-ups (.csv)")
    today = dt.date.today()
    sample = load_sample(end=today)
    without = due_follow_ups(sample.applications, as_of=today, offers=sample.offers,
                             rules=FollowUpRules(status_check=None),
                             interviews=sample.interviews)
    with_check = due_follow_ups(sample.applications, as_of=today, offers=sample.offers,
                                interviews=sample.interviews)
    assert len(without) < len(with_check)
    assert follow_csv.proto.help.startswith(f"{len(without)} open actions")
    due = int(without["state"].isin(["overdue", "due today"]).sum())
    tile = next(m for m in start().metric if m.label == "Follow-ups due")
    assert tile.value == f"{due:,}"  # the Overview's tile follows the same setting


@pytest.mark.parametrize("page", ["pages/data.py", "pages/offers.py"])
def test_blank_cells_show_blank_in_the_editors(page):
    """Blanks in the Data and Offers tables read as blank, not 'None'."""
    at = upload(start(page), "tracker.csv", csv_bytes(TRACKER))
    grids = list(at.dataframe)
    assert grids
    for grid in grids[:1]:
        assert grid.proto.HasField("placeholder") and grid.proto.placeholder == ""


def test_the_follow_ups_page_counts_open_applications_without_a_next_action():
    import datetime as dt

    week_ago = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    rows = [["Company", "Status", "Date applied"], ["Acme", "Applied", week_ago],
            ["Globex", "Rejected", week_ago]]
    at = upload(start("pages/follow_ups.py"), "tracker.csv", csv_bytes(rows))
    labels = [e.label for e in at.main.expander]
    assert "1 open application with no next action" in labels


def test_offers_without_a_salary_use_the_top_of_the_range_and_say_so():
    rows = [["Job Position", "Company", "Min. Salary", "Max. Salary", "Status", "Date Applied"],
            ["Analyst", "Acme", "90000", "110000", "Offer", "2025-03-01"],
            ["Engineer", "Globex", "", "120k", "Offer", "2025-03-02"]]
    at = upload(start("pages/offers.py"), "teal.csv", csv_bytes(rows))
    said = " ".join(c.value for c in at.caption)
    assert "Base salary of Acme, Globex: the top of the salary range" in said
    assert "comes first" in " ".join(m.value for m in at.markdown)


def test_a_user_uploads_linkedins_archive_as_it_comes():
    from test_importer import linkedin_archive

    at = upload(start(), "Basic_LinkedInDataExport_11-27-2026.zip", linkedin_archive(),
                "application/zip")
    assert "**7 applications**" in captions(at)
    assert not at.error


def test_the_two_group_table_uses_one_percent_format():
    """'70%' beside '27.27%' read badly: every percentage of the table has one decimal."""
    at = start("pages/outcomes.py")
    table = next(d for d in at.main.dataframe if "rate" in d.value.columns)
    config = json.loads(table.proto.columns)
    assert {config[c]["type_config"]["format"] for c in ("rate", "low", "high")} == {"%.1f%%"}
    assert table.value["rate"].between(0, 100).all() and table.value["rate"].max() > 1


def test_the_interviews_page_teaches_from_the_sample_journal():
    """A user opens the journal: the next interview with what to prepare, the rounds, the
    questions that come back and round-to-round rates."""
    at = start("pages/interviews.py")
    subheaders = [h.value for h in at.main.subheader]
    assert subheaders == ["Next interview", "Write your notes", "Rounds by application",
                          "What your interviews teach"]
    markdown = " ".join(m.value for m in at.markdown)
    assert "Asked before at this company" in markdown
    tables = [d.value for d in at.main.dataframe]
    recurring = next(t for t in tables if "question" in t.columns)
    assert recurring["count"].iloc[0] >= recurring["count"].iloc[-1] >= 1
    progression = next(t for t in tables if "next_rate" in t.columns)
    assert progression["round"].tolist()[:2] == [1, 2]
    assert (progression["next_rate"].dropna() <= 100).all()
    rounds = next(f for f in figures(at) if f["layout"]["title"]["text"] == "Interview rounds")
    assert rounds["data"]


def test_notes_written_after_an_interview_are_saved_as_a_version():
    rows = [["Company", "Role", "Status", "Date applied", "Interview date", "Contact"],
            ["Acme", "Analyst", "Interviewing", "2026-01-05", "2026-01-20", "Ana Ruiz"]]
    at = upload(start("pages/interviews.py"), "tracker.csv", csv_bytes(rows))
    assert at.selectbox(key="notes_interview").value == 0
    form_areas = {t.label: t for t in at.text_area}
    form_areas["Questions asked"].set_value("Tell me about yourself\nWhy us?")
    form_areas["To improve"].set_value("Shorter intro.")
    at.text_input[0].set_value("Ana Ruiz; Ben Okafor")
    at.text_input[2].set_value("within two weeks")
    next(b for b in at.button if b.label == "Save the notes").click().run()
    assert not at.exception, at.exception
    at.switch_page("pages/data.py").run()
    versions = at.dataframe[1].value
    assert versions["description"].iloc[0] == "interview notes: Acme, round 1"
    from analysis.model.store import Workspace
    from ui.workspace import workspace_path

    saved = Workspace(workspace_path()).load().interviews
    assert saved["interviewers"].tolist() == ["Ana Ruiz; Ben Okafor"]
    assert saved["questions_asked"].tolist() == ["Tell me about yourself\nWhy us?"]
    assert saved["decision_expected"].tolist() == [pd.Timestamp("2026-02-03")]
    assert saved["rating"].isna().all()  # "How did it go?" left alone: no rating invented


def test_a_new_interview_written_in_the_form_is_a_round_and_its_promise_the_decision():
    """A user records a second round as a new interview: it is saved as a round of its
    application, and the date promised there becomes the application's expected decision."""
    rows = [["Company", "Role", "Status", "Date applied", "Interview date"],
            ["Acme", "Analyst", "Interviewing", "2026-01-05", "2026-01-20"],
            ["Globex", "Engineer", "Applied", "2026-01-07", ""]]
    at = upload(start("pages/interviews.py"), "tracker.csv", csv_bytes(rows))
    at.selectbox(key="notes_interview").set_value("new").run()
    at.selectbox(key="new_application").set_value(0).run()
    at.date_input[0].set_value(dt.date(2026, 1, 27))
    at.number_input[0].set_value(2)
    at.text_input[0].set_value("Ana Ruiz; Ben Okafor")
    next(t for t in at.text_input if t.label == "When will you hear back?").set_value(
        "within two weeks")
    next(b for b in at.button if b.label == "Save the notes").click().run()
    assert not at.exception, at.exception
    from analysis.model.store import Workspace
    from ui.workspace import workspace_path

    saved = Workspace(workspace_path()).load()
    assert saved.interviews[["company", "round"]].values.tolist() == [["Acme", 1.0],
                                                                      ["Acme", 2.0]]
    assert saved.applications.loc[0, "expected_decision_date"] == pd.Timestamp("2026-02-10")
    assert saved.applications.loc[0, "interview_date"] == pd.Timestamp("2026-01-27")


def test_a_new_interview_once_saved_is_the_one_shown_and_a_second_save_adds_nothing():
    """After saving a new interview the user sees it saved and picked in the list, its notes
    in the form; saving again updates that round instead of adding the same round twice."""
    rows = [["Company", "Role", "Status", "Date applied", "Interview date"],
            ["Acme", "Analyst", "Interviewing", "2026-01-05", "2026-01-20"]]
    at = upload(start("pages/interviews.py"), "tracker.csv", csv_bytes(rows))
    at.selectbox(key="notes_interview").set_value("new").run()
    at.number_input[0].set_value(2)
    at.text_input[0].set_value("Ana Ruiz")
    next(b for b in at.button if b.label == "Save the notes").click().run()
    assert not at.exception, at.exception
    assert any("Saved as a new version" in s.value for s in at.success)
    assert at.selectbox(key="notes_interview").value == 1  # the round just saved
    assert at.text_input[0].value == "Ana Ruiz"
    next(b for b in at.button if b.label == "Save the notes").click().run()
    assert not at.exception, at.exception
    from analysis.model.store import Workspace
    from ui.workspace import workspace_path

    saved = Workspace(workspace_path()).load().interviews
    assert saved[["round", "interviewers"]].fillna("").values.tolist() == [[1.0, ""],
                                                                          [2.0, "Ana Ruiz"]]


def test_a_journal_without_interviews_explains_itself():
    at = upload(start("pages/interviews.py"), "t.csv", csv_bytes(TRACKER))
    infos = " ".join(i.value for i in at.info)
    assert "No interview coming up" in infos
    assert "Lessons appear once the journal holds interviews" in infos


def mail_tracker(corpus) -> bytes:
    rows = corpus.tracker()[["company", "role", "date_applied", "status", "job_url"]]
    return rows.assign(date_applied=rows["date_applied"].dt.strftime("%Y-%m-%d"))\
        .to_csv(index=False).encode()


def scanned_mailbox(tmp_path) -> tuple[AppTest, object]:
    """The Mail page after a user imported the labelled corpus's tracker and scanned its
    mailbox export (the path typed)."""
    import mailcorpus

    corpus = mailcorpus.build()
    mailbox = tmp_path / "takeout.mbox"
    mailbox.write_bytes(corpus.mbox())
    at = upload(start("pages/mail.py"), "tracker.csv", mail_tracker(corpus))
    at.text_input(key="mail_path").set_value(str(mailbox)).run()
    next(b for b in at.button if b.label == "Scan the mailbox").click().run()
    assert not at.exception, at.exception
    return at, mailbox


def choices(at: AppTest) -> list:
    return [r for r in at.radio if r.key and r.key.startswith("mail_choice_")]


def test_a_user_scans_their_mailbox_accepts_and_declines(tmp_path):
    """A user imports their tracker, gives the path of their mailbox export, accepts the
    proposals (one version, undoable) but declines one, which a rescan no longer offers; the
    note about what was saved stays, the path typed is still there after another page, and
    undoing on the Data page says nothing about another tab."""
    at, mailbox = scanned_mailbox(tmp_path)
    summary = " ".join(m.value for m in at.markdown)
    assert "303 messages read" in summary and "skipped as bulk mail" in summary
    shown = choices(at)
    assert len(shown) == 20  # a page at a time, each proposal with one choice
    assert {r.value for r in shown} <= {"Accept", "Later"}
    assert "sent_thank_you" not in shown_text(at) and "Your thank-you note" in shown_text(at)
    assert "Mail of" in shown_text(at)  # the evidence under each proposal
    first = shown[0]
    first.set_value("Decline").run()
    assert not at.exception, at.exception
    accept = next(b for b in at.button if b.label.startswith("Accept "))
    assert accept.label.endswith("and decline 1")
    accept.click().run()
    assert not at.exception, at.exception
    assert any("Saved as a new version" in s.value for s in at.success)
    at.run()  # the note stays until the next action
    assert any("Undo it on the Data page" in s.value for s in at.success)
    at.switch_page("pages/data.py").run()
    versions = at.dataframe[1].value
    assert versions["description"].iloc[0].endswith("updates from takeout.mbox")
    at.selectbox(key="restore_version").set_value(1)
    next(b for b in at.button if b.label == "Restore it").click().run()
    assert not any("another tab" in w.value for w in at.warning), [w.value for w in at.warning]
    at.switch_page("pages/mail.py").run()
    assert at.text_input(key="mail_path").value == str(mailbox)  # kept across pages
    next(b for b in at.button if b.label == "Scan the mailbox").click().run()
    assert not any("Saved as a new version" in s.value for s in at.success)
    keys = [r.key for r in choices(at)]
    assert first.key not in keys  # declined: not offered again


def test_the_mail_page_starts_accepting_only_from_accept_all_from(tmp_path):
    """A user scans their mailbox: the slider starts at the confidence from which held-out
    proposals were right 97 times in 100 or more (analysis.mail.ACCEPT_ALL_FROM), not 0.85."""
    from analysis.mail import ACCEPT_ALL_FROM

    at, _ = scanned_mailbox(tmp_path)
    slider = at.slider(key="mail_threshold")
    assert slider.value == pytest.approx(ACCEPT_ALL_FROM)
    assert slider.value >= 0.95  # never the old 0.85
    shown = choices(at)
    assert shown and {r.value for r in shown} <= {"Accept", "Later"}


def test_the_mail_page_says_how_mail_was_tied_and_which_offer_it_leaves_to_the_user(tmp_path):
    """An offer from a company's own domain, then the person's answer to it in words the
    reader cannot place: the page says the offer was tied by the company's domain, and that
    the answered offer gets no status from it, naming the offer, the answer and both days."""
    from email.message import EmailMessage

    def message(sender: str, to: str, subject: str, body: str, date: str) -> bytes:
        built = EmailMessage()
        built["From"], built["To"], built["Subject"], built["Date"] = sender, to, subject, date
        built.set_content(body)
        return b"From x@y Thu Nov 12 10:00:00 2026\n" + built.as_bytes() + b"\n"

    mailbox = tmp_path / "offer.mbox"
    mailbox.write_bytes(
        message("Jess Alvarado <jess@norwicklabs.example>", "me@mail.example", "Your offer",
                "We are delighted to offer you the position of Full Stack Engineer.",
                "Thu, 12 Nov 2026 10:00:00 +0000")
        + message("me@mail.example", "Jess Alvarado <jess@norwicklabs.example>",
                  "Re: Your offer", "Thank you so much for the kind words and for everything "
                  "along the way.", "Mon, 16 Nov 2026 10:00:00 +0000"))
    tracker = csv_bytes([["Company", "Role", "Date applied", "Status"],
                         ["Norwick Labs", "Full Stack Engineer", "2026-10-01", "Interviewing"]])
    at = upload(start("pages/mail.py"), "tracker.csv", tracker)
    at.text_input(key="mail_path").set_value(str(mailbox)).run()
    at.text_input(key="mail_me").set_value("me@mail.example").run()
    next(b for b in at.button if b.label == "Scan the mailbox").click().run()
    assert not at.exception, at.exception
    notes = shown(" ".join(i.value for i in at.info))
    assert "Norwick Labs – Full Stack Engineer" in notes
    assert "offer of 12 Nov 2026 on 16 Nov 2026" in notes and "Re: Your offer" in notes
    assert "Tied by its sender's domain, the company's own." in [c.value for c in at.caption]
    assert "Status:" not in shown_text(at)
    captions = [shown(c.value) for c in at.caption]
    assert any(re.match(r"[2-9] proposals for 1 application\. ", c) for c in captions), captions


def shown_text(at: AppTest) -> str:
    return shown(" ".join(str(m.value) for m in at.markdown))


def test_the_mail_page_refuses_a_spreadsheet_with_one_message(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_bytes(csv_bytes(TRACKER))
    at = start("pages/mail.py")
    at.text_input(key="mail_path").set_value(str(path)).run()
    next(b for b in at.button if b.label == "Scan the mailbox").click().run()
    assert not at.exception
    assert any("this is a spreadsheet" in e.value for e in at.error)


# --- plan and negotiation ---------------------------------------------------------------------


def test_plan_page_forecasts_checks_the_past_and_plans():
    at = start("pages/plan.py")
    labels = {m.label: m.value for m in at.metric}
    assert float(labels["Offers expected"]) > 0
    low, high = (int(x) for x in labels["80% interval"].split("–"))
    assert low <= float(labels["Offers expected"]) <= high + 1
    assert labels["Chance of at least one"].endswith("%")
    text = texts(at)
    assert "60 days ago" in text and "90 days ago" in text and "you got" in text
    assert "To have an offer by" in text or "no more are needed" in text
    assert "By source" in text or "Not enough applications" in text
    assert labels["Applications this week"].endswith(" of 10")
    kinds = [f["data"][0]["type"] for f in figures(at)]
    assert kinds == ["bar", "bar", "bar"]


def test_plan_page_target_date_in_the_past_and_weekly_goal_kept():
    at = start("pages/plan.py")
    at.date_input(key="offer_by").set_value(dt.date(2020, 1, 1)).run()
    assert any("pick a later date" in w.value for w in at.warning)
    at.number_input(key="goal_applications").set_value(4).run()
    assert not at.exception, at.exception
    again = start("pages/plan.py")
    assert again.number_input(key="goal_applications").value == 4
    assert {m.label: m.value for m in again.metric}["Applications this week"].endswith(" of 4")


def test_plan_page_without_open_applications_says_so():
    closed = [["Company", "Status", "Date applied", "Decision date"],
              ["Acme", "Rejected", "2025-03-01", "2025-03-10"],
              ["Globex", "Rejected", "2025-03-04", "2025-03-20"]]
    at = upload(start("pages/plan.py"), "closed.csv", csv_bytes(closed))
    assert any("No open applications" in i.value for i in at.info)
    assert any("Not enough applications" in i.value for i in at.info)


def test_plan_page_without_replies_says_the_published_figures_speak():
    waiting = upload(start("pages/plan.py"), "waiting.csv", csv_bytes(
        [["Company", "Status", "Date applied"], *([f"C{i}", "Applied", "2026-11-02"]
                                                  for i in range(5))]))
    notice = " ".join(i.value for i in waiting.info)
    assert "No replies recorded for any of the 5 applications" in notice
    assert "rests on the published figures only" in notice and "Data page" in notice
    assert "On the published figures alone, your 5 applications" in texts(waiting)


def test_plan_on_a_linkedin_export_says_what_the_overview_says():
    """A user imports LinkedIn's export (no reply recorded): the Plan page says no replies are
    recorded, as the Overview does, and gives the published figures for the person's
    channels; it shows no forecast that reads the silence as 42 unanswered applications
    ("<0.1 offers, 80% interval 0-0, <1%", "about 45 applications a week") and no lever of
    0% against 0%."""
    at = upload(start("pages/plan.py"), "Job Applications.csv", csv_bytes(LINKEDIN))
    overview = upload(start(), "Job Applications.csv", csv_bytes(LINKEDIN))
    said = " ".join(i.value for i in overview.info)
    assert "No replies recorded" in said
    notice = " ".join(i.value for i in at.info)
    assert "No replies recorded for any of the 42 applications" in notice
    assert "rests on the published figures only" in notice
    labels = [m.label for m in at.metric]
    assert "Offers expected" not in labels and "80% interval" not in labels
    assert "Chance of at least one" not in labels
    text = texts(at)
    assert "job board 42 (about 1.0 offers per 100)" in text
    assert not re.search(r"about \d+ applications? a week", text) and "0% vs 0%" not in text
    assert "while none of" not in text
    assert "Within" not in [g.label for g in at.button_group]  # no horizon: nothing depends on it
    assert [f["layout"]["title"]["text"] for f in figures(at)] == [
        "Your weeks against the goal"]  # no chart of chances the text cannot stand behind


def test_every_forecast_reads_the_sources_as_the_person_said():
    """A user says on the Plan page that their "Hallway chat" source is referrals: the
    Overview's tile then gives the Plan's forecast (it read the source as the usual mix and
    said 0.2 offers beside the Plan's 0.5)."""
    today = dt.date.today()
    rows = [["Company", "Role", "Source", "Status", "Date applied", "First response date"]]
    for i in range(6):
        sent = today - dt.timedelta(days=3 + i)
        rows.append([f"C{i}", "Analyst", "Hallway chat", "Responded" if i == 0 else "Applied",
                     sent.isoformat(), (sent + dt.timedelta(days=1)).isoformat() if i == 0
                     else ""])
    upload(start(), "tracker.csv", csv_bytes(rows))
    from analysis.forecast.channels import CHANNEL_SETTING, REFERRAL
    from analysis.model.store import Workspace
    from ui.workspace import workspace_path

    said = []
    for mapping in ({}, {"Hallway chat": REFERRAL}):
        Workspace(workspace_path()).set_setting(CHANNEL_SETTING, mapping)
        tile = next(m.value for m in start().metric if m.label == "Offers, next 90 days")
        plan = {m.label: m.value for m in start("pages/plan.py").metric}
        assert tile == f"{plan['Offers expected']} ({plan['80% interval']})"
        said.append(tile)
    assert said[0] != said[1]


def test_overview_shows_the_offers_expected():
    at = start()
    tile = next(m for m in at.metric if m.label == "Offers, next 90 days")
    assert "(" in tile.value and "–" in tile.value


def draft(at: AppTest) -> str:
    return next(a.value for a in at.text_area if a.label == "Counter-offer draft")


def test_an_empty_row_saved_in_the_offers_table_is_not_an_offer():
    """A user clicks the offers table's last row (which adds a row), types one offer in the
    next and saves: one offer is saved and counted, not two; saving only an empty row saves
    nothing."""
    from analysis.model.store import Workspace

    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    at.switch_page("pages/offers.py").run()
    at.session_state["offers_editor_0"] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{}, {"company": "Acme", "role": "Analyst", "base_salary": 90_000}, {}]}
    next(b for b in at.button if b.label == "Save the offers").click().run()
    assert not at.exception, at.exception
    workspace = Workspace(os.environ["JOBSEARCH_WORKSPACE"])
    assert workspace.load().offers["company"].tolist() == ["Acme"]
    assert "Your offers (1)" in [h.value for h in at.subheader]
    at.session_state["offers_editor_1"] = {"edited_rows": {}, "deleted_rows": [],
                                           "added_rows": [{}]}
    next(b for b in at.button if b.label == "Save the offers").click().run()
    assert not at.exception, at.exception
    assert len(workspace.history()) == 2  # the import and the one offer
    assert any("Nothing to save" in t.value for t in at.toast)


def test_offers_page_drafts_a_counter_offer_and_rewrites_it_when_the_facts_change():
    at = start("pages/offers.py")
    body = draft(at)
    assert body.startswith("Dear ") and "Research Analyst" in body or "position" in body
    second = at.selectbox(key="negotiate_offer").options[1]
    at.selectbox(key="negotiate_offer").set_value(second).run()
    assert not at.exception, at.exception
    body = draft(at)
    assert second.split(" – ")[0] in body
    assert "lead your ranking" in texts(at) or "already leads" in " ".join(
        c.value for c in at.caption)


def test_an_offer_entered_on_the_offers_page_is_one_version_and_moves_its_application():
    """A user adds an offer for an application they are interviewing for: one save is one
    version, and the application is at the offer stage everywhere after it; an offer for an
    application marked rejected is asked about, not changed behind the user's back."""
    from analysis.model.store import Workspace

    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    at.switch_page("pages/offers.py").run()
    at.session_state["offers_editor_0"] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{"company": "Acme", "role": "Analyst", "base_salary": 90_000},
                       {"company": "Globex", "role": "Engineer", "base_salary": 95_000}]}
    next(b for b in at.button if b.label == "Save the offers").click().run()
    assert not at.exception, at.exception
    workspace = Workspace(os.environ["JOBSEARCH_WORKSPACE"])
    assert workspace.history()["description"].tolist() == ["edited the offers",
                                                          "imported tracker.csv, 3 rows"]
    apps = workspace.load().applications
    assert apps.set_index("company")["status"].to_dict() == {
        "Acme": "offer", "Globex": "rejected", "Initech": "applied"}
    asked = " ".join(m.value for m in at.markdown)
    assert "Globex – Engineer" in shown(asked) and "rejected" in asked
    next(b for b in at.button if b.label.startswith("It has an offer")).click().run()
    assert Workspace(os.environ["JOBSEARCH_WORKSPACE"]).load().applications.set_index(
        "company").loc["Globex", "status"] == "offer"
