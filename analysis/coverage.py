"""What the numbers stand on: for each headline number, the columns it needs and how many
applications have them, so a number the data cannot support is said to be unknown rather than
shown as 0% or 100%.

A *reply is known* for an application with a first response, interview or decision date, or a
status past applied (see ``metrics.reply_known``). LinkedIn's export has none of these: its
response rate is not 0%, it is not recorded. Nothing here modifies the frames it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from analysis import schema as s
from analysis.metrics import reply_known, response_dates, stage_codes, status_and_dates
from analysis.summary import plural

NO_REPLIES = "No replies recorded"
NEXT_STEP = ("Record them on the Data page: set the status (screening, interviewing, rejected, "
             "offer...) or the first response date of the applications that got an answer; "
             "or let the Mail page find them in an export of your mailbox.")
REPLY_COLUMNS = (s.STATUS, s.FIRST_RESPONSE_DATE, s.INTERVIEW_DATE, s.DECISION_DATE)


@dataclass(frozen=True)
class ReplyCoverage:
    """How many of the applications sent carry reply information."""

    applications: int
    known: int

    @property
    def none(self) -> bool:
        """Applications were sent and not one records a reply (or its absence)."""
        return self.applications > 0 and self.known == 0

    @property
    def partial(self) -> bool:
        return 0 < self.known < self.applications

    @property
    def note(self) -> str:
        """Words for the screen: "" when every application records its reply.

        >>> ReplyCoverage(43, 12).note
        'Replies recorded for 12 of 43 applications.'
        >>> ReplyCoverage(43, 0).note
        'No replies recorded for any of the 43 applications.'
        """
        if self.none:
            return f"{NO_REPLIES} for any of the {plural(self.applications, 'application')}."
        if self.partial:
            total = plural(self.applications, "application")
            return f"Replies recorded for {self.known:,} of {total}."
        return ""


def reply_coverage(apps: pd.DataFrame) -> ReplyCoverage:
    """How many applications sent (saved ones not counted) carry reply information.

    >>> apps = pd.DataFrame({"status": ["applied", "rejected", "saved"],
    ...     "date_applied": pd.to_datetime(["2025-01-01", "2025-01-02", None]),
    ...     "first_response_date": pd.to_datetime([None, None, None]),
    ...     "interview_date": pd.to_datetime([None, None, None]),
    ...     "decision_date": pd.to_datetime([None, None, None])})
    >>> reply_coverage(apps)
    ReplyCoverage(applications=2, known=1)
    """
    apps = status_and_dates(apps)
    sent = apps[stage_codes(apps) >= 1]
    return ReplyCoverage(applications=len(sent), known=int(reply_known(sent).sum()))


def _labels(columns: Iterable[str]) -> str:
    return ", ".join(s.LABELS[c] for c in columns)


def coverage_table(apps: pd.DataFrame) -> pd.DataFrame:
    """For each headline number, the columns it stands on (``stands_on``), how many of the
    applications sent have what it needs (``known``), out of how many (``of``) and the
    ``share``.

    >>> apps = pd.DataFrame({"status": ["applied", "rejected"],
    ...     "date_applied": pd.to_datetime(["2025-01-01", None]),
    ...     "first_response_date": pd.to_datetime([None, None]),
    ...     "interview_date": pd.to_datetime([None, None]),
    ...     "decision_date": pd.to_datetime([None, "2025-02-01"])})
    >>> coverage_table(apps).set_index("measure")["known"].to_dict()["Response rate"]
    1
    """
    apps = status_and_dates(apps)
    sent = apps[stage_codes(apps) >= 1]
    total = len(sent)
    replies = reply_known(sent)
    dated = sent[s.DATE_APPLIED].notna()
    dated_reply = dated & response_dates(sent).notna()
    reply_facts = _labels(REPLY_COLUMNS)
    rows = [
        ("Applications sent", _labels((s.DATE_APPLIED, s.STATUS)), total),
        ("Response rate", reply_facts, int(replies.sum())),
        ("Positive responses", reply_facts, int(replies.sum())),
        ("Interview rate", _labels((s.STATUS, s.INTERVIEW_DATE)), int(replies.sum())),
        ("Offer rate", _labels((s.STATUS, s.DECISION_DATE)), int(replies.sum())),
        ("Ghosted", f"{reply_facts}, {s.LABELS[s.DATE_APPLIED]}", int((replies & dated).sum())),
        ("Days to reply (response curve)",
         _labels((s.DATE_APPLIED, s.FIRST_RESPONSE_DATE, s.INTERVIEW_DATE, s.DECISION_DATE)),
         int(dated_reply.sum())),
    ]
    table = pd.DataFrame(rows, columns=["measure", "stands_on", "known"])
    table["of"] = total
    table["share"] = table["known"] / total if total else float("nan")
    return table.astype({"known": "int64", "of": "int64"})


# ---------------------------------------------------------------------------------------------
# The exports people bring, recognised by their headers

@dataclass(frozen=True)
class KnownExport:
    """A tracker export recognised by its headers (as ``schema.header_key`` spells them):
    ``needed`` of the ``signature`` headers, one of them among the ``markers`` only that export
    writes."""

    name: str
    signature: frozenset[str]
    needed: int
    markers: frozenset[str]


KNOWN_EXPORTS: tuple[KnownExport, ...] = (
    KnownExport("LinkedIn's Job Applications export", frozenset(
        {"applicationdate", "companyname", "jobtitle", "joburl", "resumename",
         "questionandanswers", "contactphonenumber"}), 5,
        frozenset({"resumename", "questionandanswers", "contactphonenumber"})),
    KnownExport("LinkedIn's Saved Jobs export", frozenset(
        {"saveddate", "joburl", "jobtitle", "companyname"}), 4, frozenset({"saveddate"})),
    KnownExport("Huntr's export", frozenset(
        {"companyname", "title", "listname", "createdat", "lastmovedat", "url"}), 4,
        frozenset({"listname", "lastmovedat"})),
    KnownExport("a Teal tracker", frozenset(
        {"jobposition", "company", "status", "datesaved", "dateapplied", "followup",
         "maxsalary", "minsalary", "excitement"}), 5,
        frozenset({"jobposition", "datesaved", "excitement"})),
    KnownExport("a Simplify tracker", frozenset(
        {"companyname", "jobtitle", "status", "dateapplied", "jobpostingurl"}), 5,
        frozenset({"jobpostingurl"})),
)


def known_export(headers: Iterable[str]) -> str | None:
    """The name of the export these headers come from, or None.

    >>> known_export(["Application Date", "Contact Email", "Contact Phone Number",
    ...               "Company Name", "Job Title", "Job Url", "Resume Name"])
    "LinkedIn's Job Applications export"
    >>> known_export(["Company", "Role"]) is None
    True
    """
    keys = {s.header_key(h) for h in headers}
    found = [e for e in KNOWN_EXPORTS if len(e.signature & keys) >= e.needed and e.markers & keys]
    return max(found, key=lambda e: len(e.signature & keys)).name if found else None


def missing_reply_columns(column_map: Mapping[str, str]) -> list[str]:
    """The columns that carry replies which a file does not have, as labels.

    >>> missing_reply_columns({"Company": "company", "Status": "status"})
    ['First response', 'Interview date', 'Decision date']
    """
    present = set(column_map.values())
    return [s.LABELS[c] for c in REPLY_COLUMNS if c not in present]


def _or(items: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def export_note(export: str | None, column_map: Mapping[str, str]) -> str:
    """What the import report says about a recognised export and what it lacks; for another
    file, a word only when it has no column for replies at all.

    >>> print(export_note("Huntr's export", {"A": "status"}))  # doctest: +NORMALIZE_WHITESPACE
    Recognised Huntr's export: it has no first response, interview date or decision date
    column, so reply times are not known until you record them.
    """
    missing = [m.lower() for m in missing_reply_columns(column_map)]
    if export is None:
        if len(missing) < len(REPLY_COLUMNS):
            return ""
        return (f"Your file has no {_or(missing)} column: replies are known only where you "
                "record them.")
    if not missing:
        return f"Recognised {export}."
    what = ("replies, interviews and decisions are" if s.LABELS[s.STATUS].lower() in missing
            else "reply times are")
    return (f"Recognised {export}: it has no {_or(missing)} column, so {what} not known until "
            "you record them.")
