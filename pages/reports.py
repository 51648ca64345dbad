"""Reports: exports for yourself, a career coach or an unemployment office. Every file is built
when its button is clicked, from the applications the sidebar filters keep."""

import pandas as pd
import streamlit as st

from analysis import offers as o
from analysis.followups import open_follow_ups
from analysis.model.words import plural
from analysis.outputs import applog, report_page, reports
from analysis.outputs.exports import actions_calendar, safe_csv
from analysis.outputs.roundtrip import to_csv
from analysis.outputs.template import tracker_template
from ui import workspace
from ui.report_buttons import LARGE, XLSX, excel_report_button
from ui.shell import page_setup
from ui.widgets import md

view = page_setup("Reports")
result = view.dataset.result
scope = view.filters.describe()
scope_text = reports.scope_text(len(view.apps), scope)
st.markdown(f"Reports of **{md(scope_text)}**"
            + (", as the sidebar filters keep them." if scope else ".")
            + " Each file is made on your computer when you click its button.")

offer_settings = dict(workspace.setting(o.SETTINGS_KEY, {}) or {})
rules = workspace.follow_up_rules()
log = workspace.action_log()
as_of = view.as_of
apps, offers, issues = view.apps, result.offers, result.issues
source = view.dataset.label


def full_report() -> reports.Report:
    return reports.build_report(apps, as_of=as_of, issues=issues, offers=offers,
                                action_log=log, rules=rules, offer_settings=offer_settings,
                                ghost_days=view.ghost_days, scope=scope_text, source=source,
                                interviews=result.interviews, channels=workspace.channels())


st.subheader("Full report", anchor=False)
st.caption("The headline numbers with their definitions, every application with its furthest "
           "stage, days to first response and open follow-ups, the offers' ranking, and the "
           "import issues.")
left, right = st.columns(2)
excel_report_button(left, full_report, name=f"job-search-report-{as_of}.xlsx", rows=len(apps),
                    made_for=(view.key, view.ghost_days, len(log.entries)))
right.download_button(
    "HTML report (.html)", lambda: report_page.report_html(full_report()),
    f"job-search-report-{as_of}.html", "text/html", icon=":material/article:",
    on_click="ignore", width="stretch", disabled=apps.empty,
    help="One file with every chart and table. It works offline, reads on a phone and "
         "prints to PDF with each section on a new page.")

st.subheader("Application log", anchor=False)
st.caption("Proof of your job search: every application sent in a period, with date, company, "
           "role, channel, contact and outcome.")
default_period, earliest = applog.log_period(view.all_apps, as_of=as_of)
period = st.date_input("Period", default_period, min_value=earliest,
                       max_value=as_of, format="YYYY-MM-DD", key="log_period",
                       help="Applications whose date applied falls in this period, both days "
                            "included.")
name = st.text_input("Your name, printed in the title", str(workspace.setting("my_name", "")),
                     key="log_name")
if len(period) != 2:
    st.info("Pick the last day of the period too.", icon=":material/date_range:")
else:
    start, end = period
    entries = view.cached(applog.application_log, start=start, end=end)
    undated = entries.attrs["undated"]
    st.markdown(f"**{plural(len(entries), 'application')}** from {start:%-d %B %Y} to "
                f"{end:%-d %B %Y}."
                + (f" {plural(undated, 'application')} without a date cannot be placed in a "
                   "period and are left out." if undated else ""))
    left, right = st.columns(2)
    options = {"start": start, "end": end, "name": name, "as_of": as_of}
    left.download_button(
        "Application log (.xlsx)", lambda: applog.log_workbook(entries, **options),
        f"application-log-{start}-to-{end}.xlsx", XLSX, icon=":material/list_alt:",
        on_click="ignore", width="stretch", disabled=entries.empty)
    right.download_button(
        "Application log (.html, printable)", lambda: applog.log_html(entries, **options),
        f"application-log-{start}-to-{end}.html", "text/html", icon=":material/print:",
        on_click="ignore", width="stretch", disabled=entries.empty)

st.subheader("Tables and reminders", anchor=False)


# Counting the open actions of thousands of applications takes a moment: then they are worked
# out when a file is asked for, not on every visit.
todo = view.cached_with_journal(open_follow_ups, as_of=as_of, log=log, rules=rules,
                                offers=offers) if len(apps) < LARGE else None


def open_now() -> pd.DataFrame:
    """The open actions, counted above or worked out when a file is asked for (plain analysis
    functions: a download runs outside the page)."""
    if todo is not None:
        return todo
    return open_follow_ups(apps, as_of=as_of, log=log, rules=rules, offers=offers,
                           interviews=view.journal)
columns = st.columns(3)
columns[0].download_button(
    "Applications (.csv)",
    lambda: to_csv(apps, headers=result.headers or list(apps.columns),
                   column_map=result.column_map),
    "job-applications.csv", "text/csv", icon=":material/table:", on_click="ignore",
    width="stretch", disabled=apps.empty,
    help="The applications the filters keep, in your own columns: it imports again as it is.")
columns[1].download_button(
    "Follow-ups (.csv)", lambda: safe_csv(reports.actions_table(open_now())),
    "follow-ups.csv", "text/csv", icon=":material/checklist:", on_click="ignore",
    width="stretch", disabled=apps.empty if todo is None else todo.empty,
    help=("The open actions" if todo is None else plural(len(todo), "open action"))
    + ", most urgent first.")
columns[2].download_button(
    "Calendar reminders (.ics)",
    lambda: actions_calendar(open_now(), as_of=as_of, interviews=result.interviews),
    "follow-ups.ics", "text/calendar", icon=":material/calendar_month:", on_click="ignore",
    width="stretch", disabled=apps.empty if todo is None else todo.empty,
    help="All-day events with a 9:00 reminder; importing a newer file updates the same "
         "events.")

st.subheader("Blank tracker", anchor=False)
st.caption("Starting a search? A spreadsheet with every column this dashboard reads, a status "
           "drop-down, an Offers sheet and instructions. Filled in, it imports as it is.")
st.download_button("Blank tracker (.xlsx)", tracker_template, "job-search-tracker.xlsx", XLSX,
                   icon=":material/note_add:", on_click="ignore")
# Not a caption: code in a caption's faded text reads at 3:1.
st.markdown("From a terminal: `jobsearch report`, `jobsearch follow-ups`, `jobsearch log` and "
            "`jobsearch template` make the same files; `jobsearch --help` explains each.")
