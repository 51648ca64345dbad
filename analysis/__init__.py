"""Job search analysis: load a job-application spreadsheet and analyse it.

The same functions serve the dashboard, the command line and notebooks::

    from analysis import load_applications
    result = load_applications("tracker.xlsx")
    result.applications.head()
"""

from analysis.filters import Filters, filter_applications
from analysis.importer import LoadResult, MissingColumnsError, empty_applications, load_applications
from analysis.mailscan import MailScan, scan_mailbox
from analysis.metrics import funnel_counts, kpis, outcome_flows, response_curve, weekly_activity
from analysis.rates import cohorts, compare_groups, rate_table
from analysis.sample import generate_applications, load_sample, shift_to_end
from analysis.sources import SpreadsheetError

__all__ = [
    "Filters",
    "cohorts",
    "compare_groups",
    "funnel_counts",
    "kpis",
    "outcome_flows",
    "rate_table",
    "response_curve",
    "weekly_activity",
    "LoadResult",
    "MailScan",
    "MissingColumnsError",
    "SpreadsheetError",
    "empty_applications",
    "filter_applications",
    "generate_applications",
    "load_applications",
    "load_sample",
    "scan_mailbox",
    "shift_to_end",
]
