"""What the numbers stand on: for each headline number, the columns it needs and how many
applications have them, so a number the data cannot support is said to be unknown rather than
shown as 0% or 100%.

A *reply is known* for an application with a first response, interview or decision date, or a
status past applied (see ``metrics.reply_known``). LinkedIn's export has none of these: its
response rate is not 0%, it is not recorded. Nothing here modifies the frames it is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.model import schema as s
from analysis.model.stages import (
    REPLY_COLUMNS,
    Stage,
    reply_known,
    responded,
    response_dates,
    stage_codes,
    status_and_dates,
)
from analysis.model.words import plural

NO_REPLIES = "No replies recorded"
NEXT_STEP = ("Record them on the Data page: set the status (screening, interviewing, rejected, "
             "offer...) or the first response date of the applications that got an answer; "
             "or let the Mail page find them in an export of your mailbox.")


@dataclass(frozen=True)
class ReplyCoverage:
    """How many of the applications sent carry reply information."""

    applications: int
    known: int
    replied: int | None = None  # of the known, those with a reply (the others: none came)

    @property
    def none(self) -> bool:
        """Applications were sent and not one records a reply (or its absence)."""
        return self.applications > 0 and self.known == 0

    @property
    def partial(self) -> bool:
        return 0 < self.known < self.applications

    @property
    def unknown(self) -> int:
        """The applications sent that record no reply (nor its absence).

        >>> ReplyCoverage(43, 12).unknown, ReplyCoverage(0, 0).unknown
        (31, 0)
        """
        return self.applications - self.known

    @property
    def note(self) -> str:
        """Words for the screen: "" when every application records its reply.

        >>> ReplyCoverage(43, 12).note
        'Whether a reply came is recorded for 12 of 43 applications.'
        >>> ReplyCoverage(120, 78, 56).note
        'Whether a reply came is recorded for 78 of 120 applications: 56 with a reply, 22 without.'
        >>> ReplyCoverage(43, 0).note
        'No replies recorded for any of the 43 applications.'
        """
        if self.none:
            return f"{NO_REPLIES} for any of the {plural(self.applications, 'application')}."
        if self.partial:
            total = plural(self.applications, "application")
            split = (f": {self.replied:,} with a reply, {self.known - self.replied:,} without"
                     if self.replied is not None else "")
            return f"Whether a reply came is recorded for {self.known:,} of {total}{split}."
        return ""


def reply_coverage(apps: pd.DataFrame) -> ReplyCoverage:
    """How many applications sent (saved ones not counted) carry reply information.

    >>> apps = pd.DataFrame({"status": ["applied", "rejected", "saved"],
    ...     "date_applied": pd.to_datetime(["2025-01-01", "2025-01-02", None]),
    ...     "first_response_date": pd.to_datetime([None, None, None]),
    ...     "interview_date": pd.to_datetime([None, None, None]),
    ...     "decision_date": pd.to_datetime([None, None, None])})
    >>> reply_coverage(apps)
    ReplyCoverage(applications=2, known=1, replied=1)
    """
    apps = status_and_dates(apps)
    sent = apps[stage_codes(apps) >= Stage.APPLIED]
    return ReplyCoverage(applications=len(sent), known=int(reply_known(sent).sum()),
                         replied=int(responded(sent).sum()))


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
    sent = apps[stage_codes(apps) >= Stage.APPLIED]
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
