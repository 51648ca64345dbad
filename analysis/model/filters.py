"""The filters a user sets in the sidebar, applied to the applications table in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd

from analysis.model import schema as s

SEARCHED_COLUMNS = (s.COMPANY, s.ROLE, s.LOCATION, s.NOTES, s.INTERVIEW_NOTES, s.CONTACT_NAME)


@dataclass(frozen=True)
class Filters:
    """What to keep: applications dated within ``start``..``end`` (inclusive), from the given
    sources and with the given statuses (empty means all), containing ``text`` (any case) in
    the company, role, location, contact or notes. Applications without a date are kept unless
    a date range is set."""

    start: dt.date | None = None
    end: dt.date | None = None
    sources: Collection[str] = ()
    statuses: Collection[str] = ()
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.start or self.end or self.sources or self.statuses or self.text.strip())

    def describe(self) -> str:
        """The filters in words, for a report's heading; "" when none is set.

        >>> Filters(start=dt.date(2026, 1, 1), sources=["Referral"], text="data").describe()
        "applied from 1 Jan 2026; source Referral; containing 'data'"
        """
        parts = []
        if self.start or self.end:
            parts.append(f"applied from {self.start:%-d %b %Y}" if self.start and not self.end
                         else f"applied until {self.end:%-d %b %Y}" if not self.start
                         else f"applied {self.start:%-d %b %Y} to {self.end:%-d %b %Y}")
        if self.sources:
            parts.append(("source " if len(self.sources) == 1 else "sources ")
                         + ", ".join(sorted(self.sources)))
        if self.statuses:
            parts.append(("status " if len(self.statuses) == 1 else "statuses ")
                         + ", ".join(sorted(self.statuses)))
        if self.text.strip():
            parts.append(f"containing '{self.text.strip()}'")
        return "; ".join(parts)


def filter_applications(apps: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of ``apps`` that pass ``filters``, in their original order.

    >>> apps = pd.DataFrame({"company": ["Acme", "Globex"], "role": ["Analyst", "Engineer"],
    ...                      "source": ["Referral", "LinkedIn"], "status": ["applied", "offer"],
    ...                      "date_applied": pd.to_datetime(["2025-01-02", "2025-02-03"])})
    >>> filter_applications(apps, Filters(text="glob"))["company"].tolist()
    ['Globex']
    """
    keep = pd.Series(True, index=apps.index)
    applied = apps[s.DATE_APPLIED]
    if filters.start is not None:
        keep &= applied >= pd.Timestamp(filters.start)
    if filters.end is not None:
        keep &= applied < pd.Timestamp(filters.end) + pd.Timedelta(days=1)
    if filters.sources:
        keep &= apps[s.SOURCE].fillna("(none)").isin(list(filters.sources))
    if filters.statuses:
        keep &= apps[s.STATUS].isin(list(filters.statuses))
    needle = filters.text.strip().lower()
    if needle:
        found = pd.Series(False, index=apps.index)
        for column in SEARCHED_COLUMNS:
            if column in apps:
                found |= apps[column].str.lower().str.contains(needle, regex=False, na=False)
        keep &= found
    return apps[keep]
