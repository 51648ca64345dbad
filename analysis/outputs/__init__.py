"""Files the user takes away: the Excel and HTML reports, the application log, calendar
reminders, safe CSV, the workbook written back in the user's own layout and the blank
tracker. Imports every room but the command line.
"""

from analysis.outputs.applog import (
    application_log,
    log_html,
    log_period,
    log_title,
    log_workbook,
)
from analysis.outputs.report_book import report_workbook
from analysis.outputs.report_page import report_html, report_sections
from analysis.outputs.reports import Report, build_report, scope_text

__all__ = ["Report", "application_log", "build_report", "log_html", "log_period", "log_title",
           "log_workbook", "report_html", "report_sections", "report_workbook", "scope_text"]
