"""Writing into the journal: notes on an interview, a new interview, a thank-you sent to
one interviewer. Each function returns a new table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.interviews.journal import SEPARATOR, empty_interviews, split_names, thank_you_days
from analysis.model import schema as s


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
        row = empty_interviews().reindex([0])
        for name, value in {**(new or {}), **notes}.items():
            row[name] = value  # type: ignore[call-overload]  # pandas-stubs: a cell takes any object
        table = pd.concat([table, row.astype(table.dtypes.to_dict())], ignore_index=True)
        return table
    for name, value in notes.items():
        table.loc[label, name] = value  # type: ignore[call-overload]  # pandas-stubs: a cell takes any object
    return table
