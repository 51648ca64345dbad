"""What the user did with each action (done, snoozed, not applicable), and the open
actions that remain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from analysis.followups.due import due_follow_ups, interview_suffixes, interviewer_suffixes
from analysis.followups.rules import (
    DONE,
    INTERVIEW_THANKS_DONE,
    MOVE_ON,
    NOT_APPLICABLE,
    NOTES,
    SNOOZED,
    THANK_YOU,
    FollowUpRules,
    action_id,
)
from analysis.interviews.journal import interviewer_rows, saved_or_derived
from analysis.interviews.linking import application_of
from analysis.interviews.notes import mark_thanked, record_notes
from analysis.model import schema as s

SNOOZE_DAYS = 3  # a snoozed action comes back after this many days


@dataclass
class ActionLog:
    """Decisions about actions, by action id: "done", "not applicable", or "snoozed" until a
    day. Kept by the dashboard (in the session, or in the saved workspace)."""

    entries: dict[str, tuple[str, dt.date | None]] = field(default_factory=dict)

    def hidden(self, action_ids: pd.Series, *, as_of: dt.date) -> pd.Series:
        def is_hidden(action: str) -> bool:
            state, until = self.entries.get(action, ("", None))
            if state == SNOOZED:
                return until is not None and as_of < until
            return state in (DONE, NOT_APPLICABLE)

        return action_ids.map(is_hidden).astype(bool)


def snoozed_until(decision: str, *, as_of: dt.date, days: int = SNOOZE_DAYS
                  ) -> dt.date | None:
    """The day a decision about an action lasts until: a snooze ``days`` after ``as_of``;
    done and not applicable for good (None).

    >>> day = dt.date(2026, 3, 30)
    >>> snoozed_until(SNOOZED, as_of=day), snoozed_until(DONE, as_of=day)
    (datetime.date(2026, 4, 2), None)
    """
    return as_of + dt.timedelta(days=days) if decision == SNOOZED else None


def open_actions(actions: pd.DataFrame, log: ActionLog, *, as_of: dt.date) -> pd.DataFrame:
    """The actions the user has not marked done, not applicable, or snoozed past ``as_of``."""
    return actions[~log.hidden(actions["action_id"], as_of=as_of)].reset_index(drop=True)


def open_follow_ups(apps: pd.DataFrame, *, as_of: dt.date, log: ActionLog | None = None,
                    rules: FollowUpRules | None = None, offers: pd.DataFrame | None = None,
                    interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """The follow-up actions open on ``as_of``: what ``due_follow_ups`` finds for ``apps``
    (with the journal's per-interview actions and the offers' missing facts), less what the
    user marked done, not applicable, or snoozed past ``as_of`` in ``log``. The one way every
    page, report and command counts what is left to do."""
    found = due_follow_ups(apps, as_of=as_of, rules=rules, offers=offers, interviews=interviews)
    return open_actions(found, log or ActionLog(), as_of=as_of)


def moving_on_companies(apps: pd.DataFrame, *, as_of: dt.date, log: ActionLog | None = None,
                        rules: FollowUpRules | None = None,
                        interviews: pd.DataFrame | None = None) -> list[str]:
    """The companies the follow-up routine says to move on from (a move-on action open on
    ``as_of``): not a process to cite as leverage, whatever their status says."""
    actions = open_follow_ups(apps, as_of=as_of, log=log, rules=rules, interviews=interviews)
    return sorted(set(actions.loc[actions["action"] == MOVE_ON, "company"].dropna()))


def carried_decisions(decisions: Mapping[str, tuple[str, dt.date | None, dt.date | None]],
                      apps: pd.DataFrame, *, interviews: pd.DataFrame | None = None
                      ) -> dict[str, tuple[str, dt.date | None]]:
    """Decisions about a thank-you or interview notes recorded before the interview journal,
    when each application had one such action (known by its company, role and day applied), as
    decisions about the actions they meant today: the notes of each of its interviews, and the
    thank-you to each interviewer, held by the day the decision was recorded (a later round
    is a new action). ``decisions`` maps action ids to (state, until, day recorded); the
    result maps the journal's action ids to (state, until), those decided already left out.
    The journal is derived from the applications when none is given, as for a workspace saved
    before it."""
    journal = saved_or_derived(interviews, apps)
    if journal.empty or apps.empty or not decisions:
        return {}
    former: dict[str, tuple[str, int]] = {}
    for key in (NOTES, THANK_YOU):
        former.update({i: (key, label) for label, i in action_id(apps, key).items()})
    wanted = [i for i in decisions if i in former]
    if not wanted:
        return {}
    labels = application_of(journal, apps)
    carried: dict[str, tuple[str, dt.date | None]] = {}
    for old in wanted:
        state, until, recorded = decisions[old]
        key, label = former[old]
        rounds = journal[(labels == label).fillna(False).to_numpy()
                         & journal[s.IV_DATE].notna().to_numpy()]
        if recorded is not None:
            rounds = rounds[rounds[s.IV_DATE].dt.normalize() <= pd.Timestamp(recorded)]
        if rounds.empty:
            continue
        if key == NOTES:
            suffix = interview_suffixes(rounds)
        else:
            people = interviewer_rows(rounds)
            suffix = pd.Series(interview_suffixes(rounds.loc[people["interview"]]).to_numpy()
                               + interviewer_suffixes(people).to_numpy())
        owner = apps.loc[[label] * len(suffix)]
        for new in action_id(owner, "", suffix=pd.Series(key + suffix.to_numpy(),
                                                         index=owner.index)):
            if new not in decisions:
                carried[new] = (state, until)
    return carried


def mark_done(apps: pd.DataFrame, action: pd.Series, *, on: dt.date,
              notes: str | None = None) -> pd.DataFrame:
    """A copy of ``apps`` with the action recorded in its column: the day ``on`` in the sent
    columns, the status "ghosted" for moving on, the notes text for interview notes. ``apps``
    may be the whole table the action's (possibly filtered) rows came from."""
    column = action["done_column"]
    updated = apps.copy()
    label = action["row"]
    if column == s.INTERVIEW_NOTES:
        updated.loc[label, column] = notes or f"Notes written on {on:%Y-%m-%d}."
    elif column == s.STATUS:
        updated.loc[label, column] = s.GHOSTED
    elif column:
        updated.loc[label, column] = pd.Timestamp(on)
    return updated


def mark_interview_done(interviews: pd.DataFrame, action: pd.Series, *, on: dt.date,
                        notes: str | None = None) -> pd.DataFrame:
    """A copy of the journal with an action about one interview recorded: the interviewer
    thanked on ``on``, or the notes written (as the interview's notes, when the Follow-ups
    page takes them in one box)."""
    label = int(action["interview"])
    if action["done_column"] == INTERVIEW_THANKS_DONE:
        return mark_thanked(interviews, label, int(action["interviewer"]), on=on)
    return record_notes(interviews, label,
                        {s.IV_NOTES: notes or f"Notes written on {on:%Y-%m-%d}."})
