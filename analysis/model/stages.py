"""The stages an application goes through (applied, responded, screening, interview,
offer, accepted) and what its status and dates say about them: the stage reached,
whether a reply is known, ghosting, the state of the table as known on a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum

import numpy as np
import pandas as pd

from analysis.model import schema as s

REPLY_COLUMNS = (s.STATUS, s.FIRST_RESPONSE_DATE, s.INTERVIEW_DATE, s.DECISION_DATE)


GHOST_DAYS = 30


class Stage(IntEnum):
    """The furthest stage an application reached, in order: each one implies those before it
    (an interview implies a reply). ``SAVED`` means never applied; a rejection is a reply."""

    SAVED = 0
    APPLIED = 1
    RESPONDED = 2
    SCREENING = 3
    INTERVIEW = 4
    OFFER = 5
    ACCEPTED = 6

    @property
    def key(self) -> str:
        """The stage's name in tables and exports ("interview")."""
        return self.name.lower()

    @property
    def label(self) -> str:
        """The stage's name on screen ("Interview")."""
        return self.name.capitalize()


STAGES = tuple(stage.key for stage in Stage)
STAGE_LABELS = {stage.key: stage.label for stage in Stage}
RESPONDED_STATUSES = {s.SCREENING, s.INTERVIEWING, s.OFFER, s.ACCEPTED, s.REJECTED}
_STATUS_STAGE = {s.SCREENING: Stage.SCREENING, s.INTERVIEWING: Stage.INTERVIEW,
                 s.OFFER: Stage.OFFER, s.ACCEPTED: Stage.ACCEPTED, s.REJECTED: Stage.RESPONDED}


def as_known_on(apps: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The applications sent (or saved) by ``as_of`` as the table looked that day: every date
    after it blanked, and a status that dates show came later wound back (an application
    rejected on the 20th was still waiting, or interviewing, on the 10th). Undated
    applications are kept."""
    day = pd.Timestamp(as_of)
    applied = apps[s.DATE_APPLIED]
    by_then = applied.isna() | (applied <= day)
    kept = apps if by_then.all() else apps[by_then]
    status = kept[s.STATUS]
    later_reply = response_dates(kept) > day
    later_interview = ~later_reply & (kept[s.INTERVIEW_DATE] > day)
    later_decision = ~later_reply & ~later_interview & (kept[s.DECISION_DATE] > day) & \
        status.isin([s.OFFER, s.ACCEPTED, s.REJECTED])
    status = status.mask(later_reply, s.APPLIED).mask(later_interview, s.SCREENING)\
        .mask(later_decision, s.INTERVIEWING)
    return kept.assign(**{c: kept[c].where(kept[c] <= day) for c in s.DATE_COLUMNS
                          if c != s.DATE_APPLIED}, **{s.STATUS: status})


def status_and_dates(apps: pd.DataFrame, keep: Sequence[str] = ()) -> pd.DataFrame:
    """Only the status and the date columns (and those in ``keep``): all that stages and
    replies are read from. Filtering the rows of these costs a fraction of filtering the
    whole table."""
    return apps[[c for c in apps.columns
                 if c == s.STATUS or c in s.DATE_COLUMNS or c in keep]]


def response_dates(apps: pd.DataFrame) -> pd.Series:
    """The day of the first reply: the earliest of first response, interview and decision."""
    columns = [apps[c].to_numpy() for c in (s.FIRST_RESPONSE_DATE, s.INTERVIEW_DATE,
                                            s.DECISION_DATE)]
    return pd.Series(np.fmin.reduce(columns), index=apps.index)  # fmin skips NaT


def lookup(values: pd.Series, table: dict[str, int], default: int = 0) -> np.ndarray:
    """``table[value]`` for each value (``default`` for others and blanks), looked up once per
    distinct value rather than once per row.

    >>> lookup(pd.Series(["b", None, "a", "b"]), {"a": 1, "b": 2}).tolist()
    [2, 0, 1, 2]
    """
    codes, distinct = pd.factorize(values)
    found = np.array([table.get(v, default) for v in distinct] + [default], dtype="int64")
    return found[codes]  # code -1 (a blank) picks the default at the end


def stage_codes(apps: pd.DataFrame) -> pd.Series:
    """The furthest stage reached, as a ``Stage`` number (compare with ``Stage.OFFER`` and the
    like; ``STAGES[code]`` names it)."""
    status = apps[s.STATUS]
    applied = apps[s.DATE_APPLIED].notna() | ~status.isin([s.SAVED])
    code = np.where(applied, Stage.APPLIED, Stage.SAVED)
    code = np.maximum(code, np.where(response_dates(apps).notna(), Stage.RESPONDED, 0))
    code = np.maximum(code, lookup(status, {k: int(v) for k, v in _STATUS_STAGE.items()}))
    code = np.maximum(code, np.where(apps[s.INTERVIEW_DATE].notna(), Stage.INTERVIEW, 0))
    return pd.Series(code, index=apps.index, dtype="int64")


def furthest_stage(apps: pd.DataFrame) -> pd.Series:
    """The furthest stage reached by each application, as a label from ``STAGES``.

    >>> apps = pd.DataFrame({"status": ["rejected", "applied", "saved"],
    ...     "date_applied": pd.to_datetime(["2025-01-01", "2025-01-02", None]),
    ...     "first_response_date": pd.to_datetime([None, None, None]),
    ...     "interview_date": pd.to_datetime(["2025-01-09", None, None]),
    ...     "decision_date": pd.to_datetime([None, None, None])})
    >>> furthest_stage(apps).tolist()
    ['interview', 'applied', 'saved']
    """
    return stage_codes(apps).map(dict(enumerate(STAGES)))


def responded(apps: pd.DataFrame) -> pd.Series:
    """Whether each application got any reply (a dated one, or a status that implies one)."""
    return response_dates(apps).notna() | apps[s.STATUS].isin(list(RESPONDED_STATUSES))


# Statuses that say something about the employer's answer (or its absence): past "applied".
_ANSWER_STATUSES = {s.SCREENING, s.INTERVIEWING, s.OFFER, s.ACCEPTED, s.REJECTED, s.WITHDRAWN,
                    s.GHOSTED}


def reply_known(apps: pd.DataFrame) -> pd.Series:
    """Whether each application carries any reply information: a first response, interview
    or decision date, or a status past applied. A table where no row does (LinkedIn's export:
    no status, no reply dates) cannot tell a reply rate; an application there is not
    "without a reply", its reply is unknown.

    >>> reply_known(pd.DataFrame({"status": ["applied", "rejected", "applied"],
    ...     "first_response_date": pd.to_datetime([None, None, "2025-01-05"]),
    ...     "interview_date": pd.to_datetime([None, None, None]),
    ...     "decision_date": pd.to_datetime([None, None, None])})).tolist()
    [False, True, True]
    """
    return response_dates(apps).notna() | apps[s.STATUS].isin(list(_ANSWER_STATUSES))


def ghosted(apps: pd.DataFrame, *, as_of: dt.date, ghost_days: int = GHOST_DAYS) -> pd.Series:
    """Status ghosted, or sent more than ``ghost_days`` days before ``as_of`` without a reply
    (withdrawn applications excepted). Silence is only read as ghosting where the table records
    replies at all: with no reply information anywhere, only the status says ghosted."""
    waited = (pd.Timestamp(as_of) - apps[s.DATE_APPLIED]).dt.days
    silent = ~responded(apps) & (waited > ghost_days) & (apps[s.STATUS] != s.WITHDRAWN)
    if not reply_known(apps).any():
        silent = pd.Series(False, index=apps.index)
    return (apps[s.STATUS] == s.GHOSTED) | silent


def active(apps: pd.DataFrame, *, as_of: dt.date, ghost_days: int = GHOST_DAYS) -> pd.Series:
    """Sent, not closed (accepted, rejected, withdrawn, ghosted) and not ghosted by the rule."""
    codes = stage_codes(apps)
    open_status = ~apps[s.STATUS].isin(list(s.CLOSED_STATUSES))
    silent = ghosted(apps, as_of=as_of, ghost_days=ghost_days)
    return (codes >= Stage.APPLIED) & open_status & ~silent
