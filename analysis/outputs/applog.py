"""The application log: the applications sent in a period, as a table, a workbook and a
page to print (what unemployment offices ask for)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.model import schema as s
from analysis.model.summary import date_span
from analysis.model.words import plural
from analysis.outputs.report_page import html_table, templates
from analysis.outputs.reports import OUTCOME_WORDS
from analysis.outputs.workbook import new_book, write_table


def application_log(apps: pd.DataFrame, *, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Every application sent from ``start`` to ``end`` (both included), oldest first, with
    the date, company, role, channel, contact and outcome: the record an unemployment office
    asks for. Applications without a date cannot be placed in a period: they are left out and
    counted in ``attrs["undated"]``."""
    applied = apps[s.DATE_APPLIED]
    sent = apps[(applied >= pd.Timestamp(start)) & (applied <= pd.Timestamp(end))
                & (apps[s.STATUS] != s.SAVED)].sort_values(s.DATE_APPLIED, kind="stable")
    contact = sent[s.CONTACT_NAME].fillna("")
    email = sent[s.CONTACT_EMAIL].fillna("")
    contact = (contact + email.where(email == "", " <" + email + ">")).str.strip()
    outcome = sent[s.STATUS].map(OUTCOME_WORDS).fillna(sent[s.STATUS].str.capitalize())
    decided = sent[s.DECISION_DATE]
    outcome = outcome.where(decided.isna(), outcome + " (" + decided.dt.strftime("%Y-%m-%d")
                            + ")")
    log = pd.DataFrame({
        "Date applied": sent[s.DATE_APPLIED], "Company": sent[s.COMPANY],
        "Role": sent[s.ROLE], "Channel": sent[s.SOURCE], "Contact": contact.replace("", None),
        "Outcome": outcome,
    }).reset_index(drop=True)
    log.attrs["undated"] = int((applied.isna() & (apps[s.STATUS] != s.SAVED)).sum())
    return log


LOG_DAYS = 30  # the log's period unless the user picks another: the last 30 days


def log_period(apps: pd.DataFrame, *, as_of: dt.date, days: int = LOG_DAYS
               ) -> tuple[tuple[dt.date, dt.date], dt.date]:
    """The period the log starts with, and the first day that can be picked: the last
    ``days`` days up to ``as_of``, starting no earlier than the first application (``as_of``
    itself without a dated one) and never after ``as_of``; and the earlier of that first
    application and ``days`` ago.

    >>> apps = pd.DataFrame({"date_applied": pd.to_datetime(["2026-03-20", "2026-03-25"])})
    >>> log_period(apps, as_of=dt.date(2026, 4, 30))
    ((datetime.date(2026, 3, 31), datetime.date(2026, 4, 30)), datetime.date(2026, 3, 20))
    """
    span = date_span(apps)
    earliest = span[0] if span else as_of
    ago = as_of - dt.timedelta(days=days)
    return (min(max(earliest, ago), as_of), as_of), min(earliest, ago)


def log_title(start: dt.date, end: dt.date, count: int, name: str = "") -> tuple[str, str]:
    who = f" by {name}" if name else ""
    return (f"Job applications{who}",
            f"{plural(count, 'application')} sent from {start:%-d %B %Y} to {end:%-d %B %Y}")


def log_workbook(log: pd.DataFrame, *, start: dt.date, end: dt.date, name: str = "",
                 as_of: dt.date) -> bytes:
    """The application log as an xlsx sheet that prints on landscape pages, one page wide,
    with the header row repeated on every page."""
    book = new_book()
    sheet = book.workbook.add_worksheet("Application log")
    title, subtitle = log_title(start, end, len(log), name)
    sheet.write_string(0, 0, title, book.formats["title"])
    sheet.write_string(1, 0, subtitle)
    sheet.write_string(2, 0, f"Prepared on {as_of:%-d %B %Y}.")
    write_table(book, "Application log", log, kinds={"Date applied": "date"}, start_row=4,
                sheet=sheet)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(4)
    sheet.set_footer("&CPage &P of &N")
    return book.save()


def log_html(log: pd.DataFrame, *, start: dt.date, end: dt.date, name: str = "",
             as_of: dt.date) -> str:
    """The application log as a printable HTML page."""
    title, subtitle = log_title(start, end, len(log), name)
    return templates().get_template("log.html.j2").render(
        title=title, subtitle=subtitle, as_of=as_of,
        table=html_table(log, limit=len(log)))
