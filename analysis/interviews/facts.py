"""One home for each fact, whichever door it came in by (the imported file, a Data page edit,
the interview notes form, an accepted mail proposal, the Offers table):

- an interview is a round in the journal: an application's interview day that no round holds
  becomes one (or, when a day was corrected, its round moves with it), and the application's
  interview date, thank-you and expected decision are read back from the journal
  (``with_latest_interviews``);
- a promised decision is the application's expected decision, from whichever door said it;
- an offer belongs to its application: an application with an offer is at the offer stage,
  and one whose status says otherwise (rejected, withdrawn) is named for the person to decide.

Nothing here modifies the frames it is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.interviews.journal import interviews_from_applications, with_latest_interviews
from analysis.interviews.linking import APPLICATION, application_of, with_applications
from analysis.model import schema as s
from analysis.model.keys import name_key
from analysis.model.stages import Stage, stage_codes

# An offer moves an application to the offer stage from these statuses, by itself.
_BEFORE_OFFER = frozenset({s.SAVED, s.APPLIED, s.SCREENING, s.INTERVIEWING, s.GHOSTED})


@dataclass(frozen=True)
class Story:
    """The applications and the journal after a change, in step; ``offer_conflicts`` lists
    the applications with an offer whose status says they ended otherwise (company, role,
    status), for the person to decide."""

    applications: pd.DataFrame
    interviews: pd.DataFrame
    offer_conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)


def rounds_for_dates(apps: pd.DataFrame, journal: pd.DataFrame, *,
                     before: pd.DataFrame | None = None,
                     as_of: dt.date | None = None) -> pd.DataFrame:
    """The journal with a round for every application's interview day it lacks. Given the
    applications ``before`` a change, only the days the change wrote count (a round taken out
    of the journal is not put back from the application's old day), and a day that was
    corrected moves the round on the day the application had before instead of adding one: a
    day moved earlier, or one moved later while that round had not been held yet on ``as_of``
    (rescheduled). A later day after a round held is the next round (the Interview date column
    holds the most recent interview); without ``as_of`` the old round counts as held.

    >>> from analysis.interviews.journal import empty_interviews
    >>> from analysis.model.tables import empty_applications
    >>> apps = empty_applications().reindex([0]).assign(company="Acme", role="Analyst",
    ...     interview_date=pd.Timestamp("2026-03-12"))
    >>> rounds_for_dates(apps, empty_interviews())[["date", "round"]].values.tolist()
    [[Timestamp('2026-03-12 00:00:00'), 1.0]]
    """
    tied = with_applications(journal, apps) if APPLICATION not in journal else journal
    if apps.empty or s.INTERVIEW_DATE not in apps:
        return tied
    labels = application_of(tied, apps)
    days = tied[s.IV_DATE].dt.normalize()
    wanted = apps[s.INTERVIEW_DATE].dropna().dt.normalize()
    if before is not None and s.INTERVIEW_DATE in before:
        earlier = before[s.INTERVIEW_DATE].reindex(wanted.index).dt.normalize()
        wanted = wanted[(earlier != wanted).fillna(True).to_numpy()]
    held = pd.Series(list(zip(labels, days, strict=True)), dtype=object)
    have = set(held[labels.notna().to_numpy() & days.notna().to_numpy()])
    missing = [label for label, day in wanted.items() if (label, day) not in have]
    if not missing:
        return tied
    table = tied.copy()
    added = []
    for label in missing:
        new_day = wanted[label]
        old_day = before[s.INTERVIEW_DATE].get(label) if before is not None and \
            label in before.index else None
        mine = (labels == label).fillna(False).to_numpy()
        if old_day is not None and pd.notna(old_day) and mine.any() and \
                _corrected(pd.Timestamp(old_day).normalize(), new_day, as_of):
            on_old = mine & (days == pd.Timestamp(old_day).normalize()).fillna(False).to_numpy()
            if on_old.any():  # a correction: the round held that day moves
                position = int(np.flatnonzero(on_old)[-1])
                held = table[s.IV_DATE]
                time = (held - held.dt.normalize()).fillna(pd.Timedelta(0)).iloc[position]
                table[s.IV_DATE] = held.where(np.arange(len(held)) != position, new_day + time)
                continue
        rounds = table.loc[mine, s.IV_ROUND]
        row = interviews_from_applications(apps.loc[[label]])
        row[s.IV_ROUND] = float(rounds.max() + 1) if rounds.notna().any() else 1.0
        row[APPLICATION] = label
        if mine.any():  # a later round: its notes and thanks are its own, not the application's
            row[[s.IV_NOTES, s.IV_THANK_YOU_SENT, s.DECISION_EXPECTED]] = None
        added.append(row)
    if added:
        fresh = pd.concat(added, ignore_index=True).astype(
            {c: t for c, t in table.dtypes.items() if c != APPLICATION})
        table = pd.concat([table, fresh], ignore_index=True)
        table[APPLICATION] = table[APPLICATION].astype("Int64")
    return table


def rounds_in_order(journal: pd.DataFrame) -> pd.DataFrame:
    """The journal (tied to its applications) with each application's rounds numbered 1, 2,
    3... by their days where the numbers given do not follow the days: a number given twice,
    or a later round numbered lower (the second interview's day typed on the Data page, then
    the first's notes written as round 1). Numbers that rise with the days are kept, gaps
    included.

    >>> journal = pd.DataFrame({APPLICATION: [0, 0, 1, 1], "round": [1.0, 1.0, 2.0, 3.0],
    ...     "date": pd.to_datetime(["2026-05-11", "2026-05-01", "2026-05-02", "2026-05-09"])})
    >>> rounds_in_order(journal)["round"].tolist()
    [2.0, 1.0, 2.0, 3.0]
    """
    dated = journal[APPLICATION].notna() & journal[s.IV_DATE].notna() & \
        journal[s.IV_ROUND].notna()
    if not dated.any():
        return journal
    rounds = journal.loc[dated, [APPLICATION, s.IV_DATE, s.IV_ROUND]].sort_values(
        [APPLICATION, s.IV_DATE, s.IV_ROUND], kind="stable")
    earlier = rounds.groupby(APPLICATION, sort=False)[s.IV_ROUND].shift()
    apart = rounds.loc[rounds[s.IV_ROUND] <= earlier, APPLICATION].unique()
    if not len(apart):
        return journal
    renumbered = rounds[rounds[APPLICATION].isin(apart)]
    table = journal.copy()
    table.loc[renumbered.index, s.IV_ROUND] = (
        renumbered.groupby(APPLICATION, sort=False).cumcount() + 1).astype("float64")
    return table


def _corrected(old_day: pd.Timestamp, new_day: pd.Timestamp, as_of: dt.date | None) -> bool:
    """Whether an application's interview day changed from ``old_day`` to ``new_day`` says
    the old one was wrong (moved earlier, or rescheduled before it was held) rather than that
    a later round came."""
    return bool(new_day < old_day or (as_of is not None and old_day > pd.Timestamp(as_of)))


def offer_statuses(apps: pd.DataFrame, offers: pd.DataFrame | None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The applications with an offer moved to the offer stage, and those whose status says
    they ended otherwise (rejected, withdrawn), which are left for the person to decide. An
    offer belongs to the application of its company and role, or of its company when the
    company has one application.

    >>> from analysis.model.tables import empty_applications
    >>> apps = empty_applications().reindex([0, 1]).assign(company=["Acme", "Globex"],
    ...     role=["Analyst", "PM"], status=["interviewing", "rejected"])
    >>> offers = pd.DataFrame({"company": ["ACME", "Globex"], "role": [None, "PM"]})
    >>> moved, asked = offer_statuses(apps, offers)
    >>> moved["status"].tolist(), asked["company"].tolist()
    (['offer', 'rejected'], ['Globex'])
    """
    columns = [s.COMPANY, s.ROLE, s.STATUS]
    if offers is None or offers.empty or apps.empty:
        return apps, pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    owners = offer_applications(apps, offers).dropna()
    rows = apps.loc[owners.astype(apps.index.dtype).unique()]
    if rows.empty:
        return apps, pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    status = rows[s.STATUS].fillna(s.APPLIED)
    move = status.isin(list(_BEFORE_OFFER)) & (stage_codes(rows) < Stage.OFFER)
    conflict = status.isin([s.REJECTED, s.WITHDRAWN])
    moved = apps.copy()
    moved.loc[rows.index[move.to_numpy()], s.STATUS] = s.OFFER
    return moved, rows.loc[conflict.to_numpy(), columns].reset_index(drop=True)


def offer_applications(apps: pd.DataFrame, offers: pd.DataFrame) -> pd.Series:
    """The label of each offer's application (missing when none is sure): same company and
    role, else the company's only application when the offer or that application names no
    role (two roles named apart are two jobs: an offer for a role not in the tracker yet
    belongs to none until it is).

    >>> apps = pd.DataFrame({"company": ["Acme", "Globex"], "role": ["Analyst", None]})
    >>> offers = pd.DataFrame({"company": ["acme", "Acme", "Globex"],
    ...                        "role": [None, "Engineer", "Engineer"]})
    >>> offer_applications(apps, offers).tolist()
    [0, <NA>, 1]
    """
    company, role = name_key(apps[s.COMPANY]), name_key(apps[s.ROLE])
    offer_company = name_key(offers[s.OFFER_COMPANY])
    offer_role = name_key(offers[s.OFFER_ROLE]) if s.OFFER_ROLE in offers else \
        pd.Series("", index=offers.index, dtype="str")
    full = pd.Series(apps.index, index=(company + "|" + role).to_numpy())
    full = full[~full.index.duplicated(keep="last")]
    counts = company.value_counts()
    alone = company.isin(counts[counts == 1].index).to_numpy()
    only = pd.Series(apps.index[alone], index=company[alone].to_numpy())
    only_role = pd.Series(role[alone].to_numpy(), index=company[alone].to_numpy())
    found = (offer_company + "|" + offer_role).map(full)
    unnamed = (offer_role == "") | (offer_company.map(only_role) == "")
    return found.fillna(offer_company.map(only).where(unnamed)).astype("Int64")


def offer_rows(apps: pd.DataFrame, company: object, role: object) -> pd.Series:
    """Which applications an offer of ``company`` (and ``role``) belongs to, as a mask."""
    offer = pd.DataFrame({s.OFFER_COMPANY: [company], s.OFFER_ROLE: [role]})
    found = offer_applications(apps, offer).dropna()
    return pd.Series(apps.index.isin(found.tolist()), index=apps.index)


def one_story(apps: pd.DataFrame, journal: pd.DataFrame, offers: pd.DataFrame | None = None,
              *, before: pd.DataFrame | None = None, as_of: dt.date | None = None) -> Story:
    """The applications and the journal in step after a change from any door on ``as_of``:
    every interview day a round (``rounds_for_dates``), numbered in the order of their days
    (``rounds_in_order``), the applications' interview date,
    thank-you and expected decision read back from the journal, and the applications with an
    offer at the offer stage (``offer_statuses``)."""
    rounds = rounds_in_order(rounds_for_dates(apps, journal, before=before, as_of=as_of))
    moved, conflicts = offer_statuses(apps, offers)
    return Story(applications=with_latest_interviews(rounds, moved), interviews=rounds,
                 offer_conflicts=conflicts)

