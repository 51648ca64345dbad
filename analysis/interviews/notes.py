"""Writing into the journal: notes on an interview, a new interview, a thank-you sent to
one interviewer. Each function returns a new table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.interviews.journal import SEPARATOR, empty_interviews, split_names, thank_you_days
from analysis.model import schema as s
from analysis.model.dates import time_frame_end


def mark_thanked(interviews: pd.DataFrame, label: int, position: int, *, on: dt.date
                 ) -> pd.DataFrame:
    """A copy of ``interviews`` recording that the interviewer at ``position`` of interview
    ``label`` was thanked ``on`` that day (the others keep theirs)."""
    table = interviews.copy()
    row = table.loc[label]
    names = split_names(row[s.INTERVIEWERS])
    held = row[s.IV_DATE].normalize() if pd.notna(row[s.IV_DATE]) else None
    days = thank_you_days(row[s.IV_THANK_YOU_SENT], len(names), held)
    days[min(position, len(days) - 1)] = pd.Timestamp(on)
    text = [f"{d:%Y-%m-%d}" if d is not None else "" for d in days]
    table.loc[label, s.IV_THANK_YOU_SENT] = text[0] if len(set(text)) == 1 else \
        thanks_text(text)
    return table


def thanks_text(parts: Sequence[str]) -> str:
    """A thank-you cell as the journal writes it: one value per interviewer, "; "-joined,
    without trailing spaces, so it reads back the same.

    >>> thanks_text(["2026-03-11", ""]), thanks_text([" yes "])
    ('2026-03-11;', 'yes')
    """
    return SEPARATOR.join(p.strip() for p in parts).strip()


def record_notes(interviews: pd.DataFrame, label: int | None, notes: Mapping[str, object],
                 *, new: Mapping[str, object] | None = None) -> pd.DataFrame:
    """A copy of ``interviews`` with the notes (any of the note columns, interviewers,
    rating...) written into interview ``label``, or, with ``label`` None, a new interview
    made of ``new`` and the notes."""
    table = interviews.copy()
    if label is None:
        # The journal's own columns (a tied journal has its ``application`` link, worked out
        # again when the change is saved): the new row has them, blank.
        row = empty_interviews().reindex(index=[0], columns=table.columns)
        for name, value in {**(new or {}), **notes}.items():
            row[name] = value  # type: ignore[call-overload]  # pandas-stubs: a cell takes any object
        table = pd.concat([table, row.astype(table.dtypes.to_dict())], ignore_index=True)
        return table
    for name, value in notes.items():
        table.loc[label, name] = value  # type: ignore[call-overload]  # pandas-stubs: a cell takes any object
    return table


def notes_record(texts: Mapping[str, str], *, day: dt.date, time: dt.time, round_number: int,
                 kind: str | None, interviewers: str, emails: str, rating: int,
                 decision: str) -> dict[str, object]:
    """The journal's cells for the notes written after an interview: each note text (blank
    as None), the moment it was held, the round, the kind, the interviewers and their
    addresses ("; "-separated), the rating, and the day the decision is expected from what
    was said (a date, or a time frame counted from ``day``). Raises ``ValueError`` when
    ``decision`` is neither blank nor a date or time frame.

    >>> record = notes_record({"to_improve": " Shorter intro. "}, day=dt.date(2026, 1, 20),
    ...     time=dt.time(10), round_number=1, kind=None, interviewers="Ana Ruiz, Ben Okafor",
    ...     emails="", rating=4, decision="within two weeks")
    >>> record["to_improve"], record["interviewers"], record["decision_expected"]
    ('Shorter intro.', 'Ana Ruiz; Ben Okafor', Timestamp('2026-02-03 00:00:00'))
    """
    expected = time_frame_end(decision, day) if decision.strip() else None
    if decision.strip() and expected is None:
        raise ValueError(f"{decision!r} is not a date or a time frame")
    return {**{name: (text.strip() or None) for name, text in texts.items()},
            s.IV_DATE: pd.Timestamp(dt.datetime.combine(day, time)),
            s.IV_ROUND: float(round_number), s.IV_KIND: kind,
            s.INTERVIEWERS: SEPARATOR.join(split_names(interviewers)) or None,
            s.INTERVIEWER_EMAILS: SEPARATOR.join(split_names(emails)) or None,
            s.RATING: float(rating),
            s.DECISION_EXPECTED: pd.Timestamp(expected) if expected else pd.NaT}


def write_notes(interviews: pd.DataFrame, notes: Mapping[str, object], *,
                interview: int | None = None, application: pd.Series | None = None
                ) -> tuple[pd.DataFrame, str]:
    """A copy of ``interviews`` with ``notes`` (see ``notes_record``) written into interview
    ``interview``, or, with ``interview`` None, into a new interview of ``application`` (its
    row in the applications table); and the saved version's description ("interview notes:
    Acme, round 2"). Raises ``ValueError`` for a new interview without its application."""
    if interview is None:
        if application is None:
            raise ValueError("a new interview needs the application it belongs to")
        updated = record_notes(interviews, None, notes, new={
            s.IV_COMPANY: application[s.COMPANY], s.IV_ROLE: application[s.ROLE],
            s.IV_DATE_APPLIED: application[s.DATE_APPLIED],
            s.IV_JOB_URL: application[s.JOB_URL]})
        company = application[s.COMPANY]
    else:
        updated = record_notes(interviews, interview, notes)
        company = interviews.loc[interview, s.IV_COMPANY]
    number = notes.get(s.IV_ROUND)
    number = int(number) if isinstance(number, int | float) and pd.notna(number) else 1
    return updated, f"interview notes: {company}, round {number}"
