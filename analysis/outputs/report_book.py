"""The report as an Excel workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from analysis.followups.rules import OVERDUE
from analysis.interviews.journal import interview_table
from analysis.model import schema as s
from analysis.outputs.reports import (
    DAYS_TO_RESPONSE,
    FORECAST_LABELS,
    NEXT_FOLLOW_UP,
    Report,
    forecast_table,
    report_definitions,
)
from analysis.outputs.workbook import Kind, new_book, write_table

MONEY_COLUMNS = ("Total compensation", "Base salary", "Bonus", "Equity per year",
                 "Benefits value")


def report_workbook(report: Report, *,
                    progress: Callable[[float], None] | None = None) -> bytes:
    """The report as an xlsx workbook: Summary, Applications, Follow-ups, Offers and Import
    issues sheets, each a formatted table; rows with an overdue follow-up are shaded.
    ``progress`` is called now and then with the share of rows written (0 to 1)."""
    offers = report.offers.table if report.offers is not None else pd.DataFrame(
        {"Offer": pd.Series(dtype="str"), "Score": pd.Series(dtype="float64")})
    journal = interview_table(report.interviews)
    thanked_label = next(c.label for c in s.INTERVIEW_COLUMNS if c.name == s.IV_THANK_YOU_SENT)
    days = pd.to_datetime(journal[thanked_label], format="%Y-%m-%d", errors="coerce")
    # A date column when each cell is a single day; otherwise the journal's text, one day per
    # interviewer ("2026-11-29;": the first thanked, the second not yet), which a date would
    # have read as everyone thanked.
    if days.notna().sum() == journal[thanked_label].notna().sum():
        journal = journal.assign(**{thanked_label: days.astype("datetime64[us]")})
    forecast_sheet = forecast_table(report.forecast) if report.forecast is not None else \
        pd.DataFrame(columns=list(FORECAST_LABELS.values()))
    tables = (report.applications, report.actions, offers, journal, forecast_sheet,
              report.issues)
    total, done = max(sum(len(t) for t in tables), 1), 0

    def written(rows: int) -> None:
        if progress is not None:
            progress((done + rows) / total)

    book = new_book()
    summary = book.workbook.add_worksheet("Summary")
    f = book.formats
    summary.set_column(0, 0, 32)
    summary.set_column(1, 1, 16)
    summary.set_column(2, 2, 90, f["wrap"])
    summary.write_string(0, 0, "Job search report", f["title"])
    summary.write_string(1, 0, "As of", f["bold"])
    summary.write_datetime(1, 1, dt.datetime.combine(report.as_of, dt.time()), f["date"])
    summary.write_string(2, 0, "Applications", f["bold"])
    summary.write_string(2, 1, report.scope)
    summary.write_string(3, 0, "From", f["bold"])
    summary.write_string(3, 1, report.source or "-")
    for col, header in enumerate(("Measure", "Value", "What it means")):
        summary.write_string(5, col, header, f["header"])
    row = 6
    for measure in report.measures:
        summary.write_string(row, 0, measure.label)
        if measure.value is None:
            summary.write_string(row, 1, measure.text)
        else:
            summary.write_number(row, 1, measure.value, f[measure.kind])
        summary.write_string(row, 2, measure.meaning, f["wrap"])
        row += 1
    row += 1
    summary.write_string(row, 0, "Definitions", f["bold"])
    for term, meaning in report_definitions(report).items():
        row += 1
        summary.write_string(row, 0, term)
        summary.write_string(row, 2, meaning[0].upper() + meaning[1:], f["wrap"])
    summary.freeze_panes(6, 0)

    date_kinds: dict[str, Kind] = {s.LABELS[c]: "date" for c in s.DATE_COLUMNS}
    sheets: list[tuple[str, pd.DataFrame, dict[str, Kind], tuple[str, str] | None]] = [
        ("Applications", report.applications,
         {**date_kinds, s.LABELS[s.JOB_URL]: "url", DAYS_TO_RESPONSE: "integer"},
         (NEXT_FOLLOW_UP, OVERDUE)),
        ("Follow-ups", report.actions,
         {"Due": "date", "Overdue after": "date", "Days overdue": "integer"}, ("State", OVERDUE)),
        ("Offers", offers, {
            "Score": "number", "Rank": "integer",
            **{c: "money" for c in offers.columns if c.startswith(MONEY_COLUMNS)},
            **{c: "number" for c in offers.columns if c.endswith(", normalised")}}, None),
        ("Interviews", journal, {s.LABELS[s.DATE_APPLIED]: "date", "Interview date": "datetime",
                                 "Decision expected": "date", "Round": "integer",
                                 "Rating (1-5)": "integer", s.LABELS[s.JOB_URL]: "url"}, None),
        ("Forecast", forecast_sheet,
         {"Days at this stage": "integer", "Chance of an offer": "percent",
          "Share of the offers expected": "percent"}, None),
        ("Import issues", report.issues, {"Row": "integer"}, None),
    ]
    for name, frame, kinds, highlight in sheets:
        write_table(book, name, frame, kinds=kinds, highlight=highlight, progress=written)
        done += len(frame)
    written(0)
    return book.save()
