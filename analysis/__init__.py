"""Job search analysis: load a job-application spreadsheet and analyse it.

The same functions serve the dashboard, the command line and notebooks::

    from analysis import load_applications
    result = load_applications("tracker.xlsx")
    result.applications.head()
The code lives in rooms by role, each a subpackage whose docstring says what it holds and what
it may import: ``model`` (the data and the workspace), ``maths`` (estimators), ``interviews``
(the journal), ``stats`` and ``reading`` (measures; files to tables), ``sample``,
``followups`` and ``mail``, ``forecast``, ``offers``, ``charts``, ``outputs`` (reports and
files), and ``cli`` on top. ``from analysis import metrics, rates, reports`` still works: the
names below lead to their rooms.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.mail.scan import MailScan, scan_mailbox
    from analysis.mail.server_scan import scan_imap
    from analysis.model.filters import Filters, filter_applications
    from analysis.model.tables import empty_applications
    from analysis.reading.importer import load_applications
    from analysis.reading.result import LoadResult, MissingColumnsError
    from analysis.reading.sources import SpreadsheetError
    from analysis.sample import generate_applications, load_sample, shift_to_end
    from analysis.stats.metrics import (
        funnel_counts,
        kpis,
        outcome_flows,
        response_curve,
        weekly_activity,
    )
    from analysis.stats.rates import cohorts, compare_groups, rate_table

# The names above, each loaded from its room when first used: a script that only scans mail
# loads the mail room and what it needs, not the statistics (scipy) as well.
_HOMES = {"MailScan": "analysis.mail.scan", "scan_mailbox": "analysis.mail.scan",
          "scan_imap": "analysis.mail.server_scan",
          "Filters": "analysis.model.filters", "filter_applications": "analysis.model.filters",
          "empty_applications": "analysis.model.tables",
          "load_applications": "analysis.reading.importer",
          "LoadResult": "analysis.reading.result",
          "MissingColumnsError": "analysis.reading.result",
          "SpreadsheetError": "analysis.reading.sources",
          "generate_applications": "analysis.sample", "load_sample": "analysis.sample",
          "shift_to_end": "analysis.sample",
          **dict.fromkeys(("funnel_counts", "kpis", "outcome_flows", "response_curve",
                           "weekly_activity"), "analysis.stats.metrics"),
          **dict.fromkeys(("cohorts", "compare_groups", "rate_table"), "analysis.stats.rates")}

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
    "scan_imap",
    "scan_mailbox",
    "shift_to_end",
]

# Modules known by their earlier, flat names, for notebooks written against them.
_MOVED = {"metrics": "analysis.stats.metrics", "rates": "analysis.stats.rates",
          "survival": "analysis.maths.survival", "coverage": "analysis.stats.coverage",
          "reports": "analysis.outputs", "plan": "analysis.forecast.plan",
          "schema": "analysis.model.schema", "store": "analysis.model.store"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    if name in _MOVED:
        return importlib.import_module(_MOVED[name])
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
