"""The Excel and HTML reports and the application log, on the sample and on an empty table."""

from __future__ import annotations

import csv
import datetime as dt
import io
from html.parser import HTMLParser

import openpyxl
import pandas as pd
import pytest
from conftest import apps_frame

from analysis import empty_applications
from analysis.followups import OVERDUE, due_follow_ups
from analysis.model import schema as s
from analysis.outputs.applog import application_log, log_html, log_workbook
from analysis.outputs.exports import safe_csv
from analysis.outputs.report_book import report_workbook
from analysis.outputs.report_page import report_html
from analysis.outputs.reports import DAYS_TO_RESPONSE, NEXT_FOLLOW_UP, STAGE, build_report
from analysis.sample import SAMPLE_END, load_sample
from analysis.stats import metrics

AS_OF = SAMPLE_END
SECTIONS = ["summary", "where", "response-times", "outcomes", "follow-ups", "interviews",
            "forecast", "offers", "applications", "import-issues"]
HOSTILE = ["=HYPERLINK(\"http://evil\",\"x\")", "+1", "-1+2", "@SUM(A1)",
           "<script>alert('x')</script>", "<img src=x onerror=alert(1)>"]


@pytest.fixture(scope="module")
def sample():
    return load_sample(end=AS_OF)


@pytest.fixture(scope="module")
def report(sample):
    return build_report(sample.applications, as_of=AS_OF, issues=sample.issues,
                        offers=sample.offers, source="sample.csv", interviews=sample.interviews)


@pytest.fixture(scope="module")
def empty_report():
    return build_report(empty_applications(), as_of=AS_OF)


def hostile_apps() -> pd.DataFrame:
    return apps_frame([{s.COMPANY: text, s.ROLE: text, s.NOTES: text, s.SOURCE: text,
                        s.STATUS: "offer", s.DATE_APPLIED: "2026-03-0" + str(i + 1),
                        s.INTERVIEW_DATE: "2026-03-2" + str(i)}
                       for i, text in enumerate(HOSTILE)])


class Page(HTMLParser):
    """The parts of an HTML file the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.rows = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "section":
            self.ids.append(str(attributes.get("id")))
        elif tag == "script":
            self.scripts.append(attributes)
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "tr":
            self.rows += 1

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def no_formulas(workbook: openpyxl.Workbook) -> None:
    assert [f"{ws.title}!{c.coordinate}" for ws in workbook.worksheets
            for row in ws.iter_rows() for c in row if c.data_type == "f"] == []


# --- content ------------------------------------------------------------------------------------


def test_headline_measures_are_the_kpis(report, sample):
    kpis = metrics.kpis(sample.applications, as_of=AS_OF)
    values = {m.label: m.value for m in report.measures}
    assert values["Applications sent"] == kpis.applications
    assert values["Response rate"] == pytest.approx(kpis.responses / kpis.applications)
    assert values["Median days to reply"] == kpis.median_days
    actions = due_follow_ups(sample.applications, as_of=AS_OF, offers=sample.offers,
                             interviews=sample.interviews)
    assert values["Follow-ups overdue"] == int((actions["state"] == OVERDUE).sum())


def test_the_interview_rate_says_which_interviews_are_still_to_come_as_the_overview_does():
    """An interview accepted for next week: the report's interview rate counts it not yet and
    says so, in the words of the Overview's tile."""
    apps = apps_frame([
        {s.COMPANY: "Acme", s.STATUS: "interviewing", s.DATE_APPLIED: "2026-03-01",
         s.FIRST_RESPONSE_DATE: "2026-03-04", s.INTERVIEW_DATE: "2026-03-30"},
        {s.COMPANY: "Globex", s.DATE_APPLIED: "2026-03-02"},
    ])
    as_of = dt.date(2026, 3, 27)
    measures = {m.label: m for m in build_report(apps, as_of=as_of).measures}
    note = metrics.interviews_to_come_note(metrics.kpis(apps, as_of=as_of))
    assert note.startswith("Not counted yet: 1 application")
    assert measures["Interview rate"].value == 0
    assert note in measures["Interview rate"].meaning


def test_applications_carry_stage_days_to_reply_and_open_actions():
    apps = apps_frame([
        {s.COMPANY: "Acme", s.STATUS: "rejected", s.DATE_APPLIED: "2026-03-01",
         s.FIRST_RESPONSE_DATE: "2026-03-04", s.INTERVIEW_DATE: "2026-03-10",
         s.DECISION_DATE: "2026-03-20"},
        {s.COMPANY: "Globex", s.STATUS: "interviewing", s.DATE_APPLIED: "2026-03-02",
         s.INTERVIEW_DATE: "2026-03-24"},
        {s.COMPANY: "Initech", s.DATE_APPLIED: "2026-03-20"},
    ])
    table = build_report(apps, as_of=dt.date(2026, 3, 27)).applications
    assert table[STAGE].tolist() == ["Interview", "Interview", "Applied"]
    assert table[DAYS_TO_RESPONSE].tolist()[:2] == [3, 22]
    assert pd.isna(table[DAYS_TO_RESPONSE].iloc[2])
    # Globex's thank-you note (interview on the 24th) is overdue after 48 hours
    assert table[NEXT_FOLLOW_UP].tolist()[1] == OVERDUE
    assert "thank-you" in table["Open actions"].iloc[1].lower()
    assert table[s.LABELS[s.COMPANY]].tolist() == ["Acme", "Globex", "Initech"]


def test_offers_are_ranked_best_first_with_raw_and_normalised_values(report):
    table = report.offers.table
    assert table["Rank"].tolist() == list(range(1, len(table) + 1))
    assert table["Score"].is_monotonic_decreasing
    salary = next(c for c in table.columns if c.startswith("Base salary (weight"))
    normal = table["Base salary, normalised"]
    best = table[salary].idxmax()
    assert normal[best] == 1.0 and normal.min() == 0.0


def test_a_search_without_offers_has_no_offer_ranking(empty_report):
    assert empty_report.offers is None
    assert empty_report.applications.empty and empty_report.actions.empty


# --- Excel --------------------------------------------------------------------------------------


def test_excel_report_has_every_sheet_formatted(report, sample):
    workbook = openpyxl.load_workbook(io.BytesIO(report_workbook(report)))
    assert workbook.sheetnames == ["Summary", "Applications", "Follow-ups", "Offers",
                                   "Interviews", "Forecast", "Import issues"]
    summary = workbook["Summary"]
    assert summary["B2"].value == dt.datetime.combine(AS_OF, dt.time())
    assert summary["B2"].is_date
    measures = {summary.cell(r, 1).value: summary.cell(r, 2) for r in range(7, 25)}
    assert measures["Response rate"].number_format == "0%"
    apps = workbook["Applications"]
    headers = [c.value for c in apps[1]]
    assert headers[:3] == ["Company", "Role", "Date applied"] and STAGE in headers
    assert apps.max_row == len(sample.applications) + 1
    assert apps["C2"].is_date and apps.freeze_panes == "A2" and apps.auto_filter.ref
    follow = workbook["Follow-ups"]
    assert follow.max_row == len(report.actions) + 1
    rules = [r.formula[0] for cf in follow.conditional_formatting for r in cf.rules]
    assert rules == ['$A2="overdue"']
    offers = workbook["Offers"]
    assert [c.value for c in offers[1]][:3] == ["Rank", "Offer", "Score"]
    assert offers["D2"].number_format == "#,##0"  # total compensation, as money
    forecast = workbook["Forecast"]
    assert [c.value for c in forecast[1]] == ["Company", "Role", "Stage", "Days at this stage",
                                              "Chance of an offer",
                                              "Share of the offers expected"]
    assert forecast.max_row == report.forecast.open + 1
    assert forecast["E2"].number_format == "0%" and 0 < forecast["E2"].value < 1
    expected = measures["Offers expected in 90 days"]
    assert expected.value == pytest.approx(report.forecast.expected, abs=0.05)
    no_formulas(workbook)


def test_excel_report_of_an_empty_table_still_opens(empty_report):
    workbook = openpyxl.load_workbook(io.BytesIO(report_workbook(empty_report)))
    assert workbook["Applications"].max_row == 1
    assert workbook["Summary"]["B8"].value == "no applications"  # the response rate


def test_exports_never_hold_a_formula():
    """Text that a spreadsheet would run is written as text in xlsx, neutralised in CSV."""
    apps = hostile_apps()
    report = build_report(apps, as_of=dt.date(2026, 4, 1))
    workbook = openpyxl.load_workbook(io.BytesIO(report_workbook(report)))
    no_formulas(workbook)
    companies = [c.value for c in workbook["Applications"]["A"][1:]]
    assert companies == HOSTILE
    offers = [c.value for c in workbook["Offers"]["B"][1:]]
    assert sorted(offers) == sorted(HOSTILE)
    log = application_log(apps, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    logged = openpyxl.load_workbook(io.BytesIO(log_workbook(
        log, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31), as_of=dt.date(2026, 4, 1))))
    no_formulas(logged)
    for frame in (report.actions, log, report.applications):
        rows = list(csv.reader(io.StringIO(safe_csv(frame).decode("utf-8-sig"))))
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for row in rows for cell in row)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_report_is_self_contained_with_every_section(report, sample):
    html = report_html(report)
    page = parse(html)
    assert page.ids == SECTIONS
    assert all(script.get("src") is None for script in page.scripts)
    assert page.links == []
    assert html.count("Plotly.newPlot") >= 10
    # each chart is a figure named for screen readers
    assert html.count('<figure class="chart" aria-label="') == html.count("Plotly.newPlot")
    assert '<figure class="chart" aria-label="Stages reached">' in html
    assert html.count("plotly.js v") == 1  # the library, embedded once
    assert '<meta name="viewport"' in html and "@media print" in html
    text = " ".join(page.text)
    assert "Zorg Logistics" in text and "Job search report" in text
    assert page.rows > len(sample.applications)  # every application is listed
    assert "offers expected within 90 days (80% interval" in text
    assert "60 days ago (" in text and "you got" in text


def test_html_report_of_an_empty_table_explains(empty_report):
    page = parse(report_html(empty_report))
    text = " ".join(page.text)
    assert page.ids == SECTIONS
    assert "No application has a date yet" in text and "No offers yet." in text
    assert "No open applications: no offer to expect from them." in text
    assert "The import found no problems." in text


def test_html_report_shows_hostile_text_as_text():
    html = report_html(build_report(hostile_apps(), as_of=dt.date(2026, 4, 1)))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


# --- application log ----------------------------------------------------------------------------


def test_application_log_lists_the_period_oldest_first():
    apps = apps_frame([
        {s.COMPANY: "Late", s.DATE_APPLIED: "2026-04-01"},
        {s.COMPANY: "Second", s.DATE_APPLIED: "2026-03-31", s.STATUS: "rejected",
         s.DECISION_DATE: "2026-04-03", s.CONTACT_NAME: "Dana", s.CONTACT_EMAIL: "d@x.org"},
        {s.COMPANY: "First", s.DATE_APPLIED: "2026-03-01", s.SOURCE: "Referral"},
        {s.COMPANY: "Saved", s.DATE_APPLIED: "2026-03-05", s.STATUS: "saved"},
        {s.COMPANY: "Undated"},
        {s.COMPANY: "Early", s.DATE_APPLIED: "2026-02-28"},
    ])
    log = application_log(apps, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    assert log["Company"].tolist() == ["First", "Second"]
    assert log["Outcome"].tolist() == ["Waiting for a reply", "Not selected (2026-04-03)"]
    assert log["Contact"].tolist()[1] == "Dana <d@x.org>" and pd.isna(log["Contact"][0])
    assert log["Channel"].tolist()[0] == "Referral"
    assert log.attrs["undated"] == 1


def test_application_log_files(sample):
    start, end = AS_OF - dt.timedelta(days=30), AS_OF
    log = application_log(sample.applications, start=start, end=end)
    assert len(log) > 10
    data = log_workbook(log, start=start, end=end, name="Sam Doe", as_of=AS_OF)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Application log"]
    assert sheet["A1"].value == "Job applications by Sam Doe"
    assert sheet["A2"].value.startswith(f"{len(log)} applications sent from")
    assert [c.value for c in sheet[5]] == list(log.columns)
    assert sheet.max_row == 5 + len(log) and sheet["A6"].is_date
    assert sheet.print_title_rows == "$5:$5"  # the header row repeats on each printed page
    page = parse(log_html(log, start=start, end=end, name="Sam Doe", as_of=AS_OF))
    assert page.rows == len(log) + 1 and page.scripts == []


def test_an_empty_log_still_makes_a_file():
    log = application_log(empty_applications(), start=AS_OF, end=AS_OF)
    assert log.empty
    page = parse(log_html(log, start=AS_OF, end=AS_OF, as_of=AS_OF))
    assert "Nothing to list." in " ".join(page.text)
    sheet = openpyxl.load_workbook(io.BytesIO(log_workbook(
        log, start=AS_OF, end=AS_OF, as_of=AS_OF)))["Application log"]
    assert sheet["A2"].value.startswith("0 applications")


def test_offers_without_any_facts_are_not_ranked():
    """Offers known only from a status say what is missing instead of "0 points"."""
    apps = apps_frame([{s.COMPANY: "Acme", s.STATUS: "offer", s.DATE_APPLIED: "2026-03-01"},
                       {s.COMPANY: "Globex", s.STATUS: "offer", s.DATE_APPLIED: "2026-03-02"}])
    report = build_report(apps, as_of=dt.date(2026, 4, 1))
    offered = next(m for m in report.measures if m.label == "Offers compared")
    assert offered.value == 2 and offered.meaning.startswith("Not ranked yet")
    text = " ".join(parse(report_html(report)).text)
    assert "Not ranked yet" in text and "points out of 100" not in text


def test_the_report_states_its_own_ghosting_threshold(sample):
    report = build_report(sample.applications, as_of=AS_OF, ghost_days=45)
    assert "no reply after 45 days" in " ".join(parse(report_html(report)).text)
    summary = openpyxl.load_workbook(io.BytesIO(report_workbook(report)))["Summary"]
    meanings = [summary.cell(r, 3).value for r in range(1, summary.max_row + 1)]
    assert "The status says ghosted, or no reply after 45 days." in meanings


def test_the_excel_report_reports_its_progress():
    from analysis import generate_applications

    apps = generate_applications(12_000, seed=5, end=AS_OF)
    shares: list[float] = []
    report_workbook(build_report(apps, as_of=AS_OF), progress=shares.append)
    assert shares == sorted(shares) and shares[-1] == 1.0
    assert len(shares) >= 4  # every 5,000 rows of each sheet, and the end


def test_the_report_carries_the_interview_journal(report, sample):
    """Per-interviewer thank-you actions, the Interviews sheet, and what the journal teaches."""
    thanks = report.actions[report.actions["Action"] == "Send a thank-you note"]
    assert len(thanks) and thanks["Contact"].notna().all()
    workbook = openpyxl.load_workbook(io.BytesIO(report_workbook(report)))
    sheet = workbook["Interviews"]
    assert sheet.max_row == len(sample.interviews) + 1
    assert [c.value for c in sheet[1]][:6] == ["Company", "Role", "Date applied", "Job URL",
                                               "Interview date", "Round"]
    html = report_html(report)
    assert "How often each round leads to the next" in html
    assert "Questions asked more than once" in html and "Tell me about yourself" in html


@pytest.mark.parametrize(("applied", "period", "earliest"), [
    (["2026-01-05", "2026-04-20"], ((2026, 4, 1), (2026, 5, 1)), (2026, 1, 5)),
    (["2026-04-20"], ((2026, 4, 20), (2026, 5, 1)), (2026, 4, 1)),
    ([], ((2026, 5, 1), (2026, 5, 1)), (2026, 4, 1)),
    # Applications dated after today: the period still ends today and starts by then.
    (["2026-06-01"], ((2026, 5, 1), (2026, 5, 1)), (2026, 4, 1))],
    ids=["long search", "one recent", "empty", "future dates"])
def test_the_logs_period_is_the_last_30_days_within_the_search(applied, period, earliest):
    from analysis.outputs.applog import log_period

    apps = apps_frame([{s.COMPANY: f"C{i}", s.DATE_APPLIED: day} for i, day in enumerate(applied)])
    default, first = log_period(apps, as_of=dt.date(2026, 5, 1))
    assert default == tuple(dt.date(*d) for d in period)
    assert first == dt.date(*earliest)
    assert first <= default[0] <= default[1]
    assert log_period(apps, as_of=dt.date(2026, 5, 1), days=7)[0][1] == dt.date(2026, 5, 1)


def test_the_scope_of_a_report_in_words():
    from analysis.outputs.reports import scope_text

    assert scope_text(0) == "All 0 applications"
    assert scope_text(1) == "All 1 application"
    assert scope_text(3, "source Referral") == "3 applications (source Referral)"
    assert build_report(empty_applications(), as_of=AS_OF).scope == "All 0 applications"


def test_html_tables_are_sized_by_their_content_and_links_show_their_host():
    from analysis.outputs.report_page import html_table

    frame = pd.DataFrame({"State": ["overdue"], "What to do": ["Within 24-48 hours: thank "
                                                               "them, recall one thing you "
                                                               "discussed."],
                          "Job link": ["https://www.linkedin.com/jobs/view/39123/?ref=x"]})
    table = html_table(frame)
    state, detail, link = table.rows[0]
    assert (state.kind, detail.kind, link.kind) == ("short", "long", "link")
    assert link.text == "linkedin.com/jobs/view/39123" and link.href.startswith("https://")


def test_a_round_thanked_for_one_interviewer_of_two_is_not_thanked_in_the_excel_report():
    """Ana Ruiz thanked, Ben Okafor not yet: the Interviews sheet showed the round's
    thank-you as sent on the 29th while the Follow-ups sheet beside it asked for Ben's; the
    cell keeps the journal's one day per interviewer."""
    import io

    import openpyxl

    from analysis.interviews.journal import empty_interviews
    from analysis.outputs import report_book

    apps = apps_frame([{s.COMPANY: "Globex", s.ROLE: "Data Analyst", s.STATUS: "interviewing",
                        s.DATE_APPLIED: "2026-03-01", s.INTERVIEW_DATE: "2026-03-20"}])
    journal = empty_interviews().reindex(range(2))
    journal[s.COMPANY] = ["Globex", "Globex"]
    journal[s.ROLE] = ["Data Analyst", "Data Analyst"]
    journal[s.IV_DATE] = pd.to_datetime(["2026-03-10", "2026-03-20"]).astype("datetime64[us]")
    journal[s.IV_ROUND] = [1.0, 2.0]
    journal[s.INTERVIEWERS] = ["Ana Ruiz", "Ana Ruiz; Ben Okafor"]
    journal[s.IV_THANK_YOU_SENT] = ["2026-03-11", "2026-03-21;"]
    report = build_report(apps, as_of=dt.date(2026, 3, 27), interviews=journal)
    book = openpyxl.load_workbook(io.BytesIO(report_book.report_workbook(report)))
    rows = list(book["Interviews"].iter_rows(values_only=True))
    thanked = [row[rows[0].index("Thank-you sent")] for row in rows[1:]]
    assert thanked == ["2026-03-11", "2026-03-21;"]
    actions = list(book["Follow-ups"].iter_rows(values_only=True))
    assert any("Ben Okafor" in row for row in actions)
    # Every round thanked in full: the column is dates (test below, on the sample).
    journal[s.IV_THANK_YOU_SENT] = ["2026-03-11", "2026-03-21"]
    report = build_report(apps, as_of=dt.date(2026, 3, 27), interviews=journal)
    book = openpyxl.load_workbook(io.BytesIO(report_book.report_workbook(report)))
    rows = list(book["Interviews"].iter_rows(values_only=True))
    assert [row[rows[0].index("Thank-you sent")] for row in rows[1:]] == [
        dt.datetime(2026, 3, 11), dt.datetime(2026, 3, 21)]


def test_the_reports_dates_are_dates_in_excel_and_cards_on_a_phone():
    import io

    import openpyxl

    from analysis import load_sample
    from analysis.outputs import report_book, report_page, reports

    result = load_sample(end=AS_OF)
    report = reports.build_report(result.applications, as_of=AS_OF, offers=result.offers,
                                  interviews=result.interviews)
    book = openpyxl.load_workbook(io.BytesIO(report_book.report_workbook(report)))
    sheet = book["Interviews"]
    column = [c.value for c in sheet[1]].index("Thank-you sent") + 1
    thanked = [sheet.cell(row=r, column=column).value for r in range(2, sheet.max_row + 1)]
    assert any(thanked) and all(v is None or isinstance(v, dt.datetime) for v in thanked)
    html = report_page.report_html(report)
    assert 'data-label="What to do"' in html and "td[data-label]::before" in html
    assert "overflow-wrap: anywhere" not in html


def test_the_report_forecasts_with_the_channels_the_person_said():
    """The report's offers expected are the Plan's: with the person's reading of an unknown
    source as referrals, not the usual mix."""
    from analysis.forecast import channel_forecast

    as_of = dt.date(2025, 3, 31)
    apps = apps_frame([{"company": f"C{i}", "role": "Analyst", "source": "Hallway chat",
                        "status": "applied", "date_applied": f"2025-03-{20 + i:02d}"}
                       for i in range(6)])
    said = {"Hallway chat": "referral"}
    report = build_report(apps, as_of=as_of, channels=said)
    mine = channel_forecast(apps, as_of=as_of, horizon_days=90, channels=said)
    mixed = build_report(apps, as_of=as_of)
    assert report.forecast is not None and mixed.forecast is not None
    assert report.forecast.expected == pytest.approx(mine.expected)
    assert report.forecast.expected > mixed.forecast.expected
