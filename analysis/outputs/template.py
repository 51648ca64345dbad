"""A blank tracker to start a search with: the canonical columns under the headers the importer
recognises, status as a drop-down list, date columns formatted as dates, an Offers sheet and an
Instructions sheet. Filled in, it imports with no column mapping."""

from __future__ import annotations

import datetime as dt

from xlsxwriter.utility import xl_col_to_name

from analysis.model import schema as s
from analysis.outputs.workbook import DATE_FORMAT, new_book

TEMPLATE_ROWS = 1_000  # rows that get the drop-down list and the date checks
FIRST_DAY = dt.datetime(1990, 1, 1)
GUIDE = ("One row per application on the Applications sheet, one row per offer on the Offers "
         f"sheet. Only Company is required. Type dates as dates ({DATE_FORMAT}); the 'sent' "
         "columns take a date or just 'yes'. Import the file in the dashboard as it is: the "
         "columns are recognised by their headers, and columns of your own are kept.")
EXAMPLE = {
    s.COMPANY: "Acme Analytics", s.ROLE: "Data Analyst", s.DATE_APPLIED: "2026-03-02",
    s.STATUS: "interviewing", s.SOURCE: "Referral", s.LOCATION: "Remote",
    s.JOB_URL: "https://acme.example.com/jobs/123", s.CONTACT_NAME: "Dana Smith",
    s.CONTACT_EMAIL: "dana@acme.example.com", s.CONTACT_CHANNEL: "email",
    s.FIRST_RESPONSE_DATE: "2026-03-05", s.INTERVIEW_DATE: "2026-03-12",
    s.THANK_YOU_SENT: "2026-03-13", s.EXPECTED_DECISION_DATE: "2026-03-20",
}


def tracker_template() -> bytes:
    """The blank tracker as xlsx bytes."""
    book = new_book(constant_memory=False)
    f = book.formats
    sheet = book.workbook.add_worksheet("Applications")
    for index, column in enumerate(s.APPLICATION_COLUMNS):
        sheet.write_string(0, index, column.label, f["header"])
        width = 14 if column.kind == "date" else 40 if column.kind in ("url", "email") else \
            50 if column.name in (s.NOTES, s.INTERVIEW_NOTES) else 22
        sheet.set_column(index, index, width, f["date"] if column.kind == "date" else
                         f["money"] if column.kind == "number" else None)
        validation: dict[str, object] = {"input_title": column.label[:32],
                                         "input_message": column.description[:255]}
        if column.kind == "date":
            validation |= {"validate": "date", "criteria": ">=", "value": FIRST_DAY,
                           "error_type": "warning", "error_title": "Not a date",
                           "error_message": "Type a date, e.g. 2026-03-02."}
            if column.name in s.SENT_MARKER_FALLBACK:
                validation = {"validate": "any", **{k: validation[k] for k in
                                                    ("input_title", "input_message")}}
        elif column.kind == "status":
            validation |= {"validate": "list", "source": list(s.STATUSES),
                           "error_type": "warning", "error_title": "Unknown status",
                           "error_message": "Pick a status from the list (other spellings are "
                                            "read too, but may need checking)."}
        else:
            validation |= {"validate": "any"}
        sheet.data_validation(1, index, TEMPLATE_ROWS, index, validation)
    sheet.freeze_panes(1, 1)
    last = xl_col_to_name(len(s.APPLICATION_COLUMNS) - 1)
    sheet.autofilter(f"A1:{last}{TEMPLATE_ROWS + 1}")
    sheet.activate()

    offers = book.workbook.add_worksheet("Offers")
    for index, column in enumerate(s.OFFER_COLUMNS):
        offers.write_string(0, index, column.label, f["header"])
        money = column.name in (s.BASE_SALARY, s.BONUS, s.EQUITY_PER_YEAR, s.BENEFITS_VALUE)
        offers.set_column(index, index, 18, f["date"] if column.kind == "date" else
                          f["money"] if money else None)
        check: dict[str, object] = {"input_title": column.label[:32],
                                    "input_message": column.description[:255]}
        if column.kind == "number":
            check |= {"validate": "decimal", "criteria": ">=", "value": 0,
                      "error_type": "warning", "error_message": "Type a number (no currency "
                                                                "sign or text)."}
        else:
            check |= {"validate": "any"}
        offers.data_validation(1, index, 200, index, check)
    offers.freeze_panes(1, 1)

    journal = book.workbook.add_worksheet("Interviews")
    for index, column in enumerate(s.INTERVIEW_COLUMNS):
        journal.write_string(0, index, column.label, f["header"])
        journal.set_column(index, index, 16 if column.kind in ("date", "number") else 30,
                           f["datetime"] if column.name == s.IV_DATE else
                           f["date"] if column.kind == "date" else f["wrap"])
        check = {"input_title": column.label[:32], "input_message": column.description[:255]}
        if column.name == s.RATING:
            check |= {"validate": "integer", "criteria": "between", "minimum": 1,
                      "maximum": 5, "error_type": "warning",
                      "error_message": "A rating from 1 (badly) to 5 (very well)."}
        elif column.name == s.IV_KIND:
            check |= {"validate": "list", "source": list(s.INTERVIEW_KINDS),
                      "error_type": "information", "error_message": "Other kinds are fine."}
        else:
            check |= {"validate": "any"}
        journal.data_validation(1, index, 500, index, check)
    journal.freeze_panes(1, 1)

    guide = book.workbook.add_worksheet("Instructions")
    guide.set_column(0, 0, 28)
    guide.set_column(1, 1, 90, f["wrap"])
    guide.set_column(2, 2, 34)
    guide.write_string(0, 0, "Job application tracker", f["title"])
    guide.write_string(1, 0, GUIDE, f["wrap"])
    row = 3
    for title, columns in (("Applications sheet", s.APPLICATION_COLUMNS),
                           ("Offers sheet", s.OFFER_COLUMNS),
                           ("Interviews sheet (one row per round)", s.INTERVIEW_COLUMNS)):
        guide.write_string(row, 0, title, f["bold"])
        row += 1
        for col, header in enumerate(("Column", "What to write", "Example")):
            guide.write_string(row, col, header, f["header"])
        for column in columns:
            row += 1
            guide.write_string(row, 0, column.label)
            guide.write_string(row, 1, column.description, f["wrap"])
            if title.startswith("Applications") and column.name in EXAMPLE:
                guide.write_string(row, 2, EXAMPLE[column.name])
        row += 2
    guide.write_string(row, 0, "Status values", f["bold"])
    for status, meaning in s.STATUSES.items():
        row += 1
        guide.write_string(row, 0, status)
        guide.write_string(row, 1, meaning, f["wrap"])
    return book.save()
