"""The actions due: every rule and every interview's own actions, as one table with
titles, channels and states."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analysis.followups.rules import (
    ACTION_COLUMNS,
    ACTIONS,
    DECISION_FOLLOW_UP,
    DUE_TODAY,
    INTERVIEW_NOTES_DONE,
    INTERVIEW_THANKS_DONE,
    MOVE_ON,
    NOTES,
    OFFER_FACTS,
    OVERDUE,
    REJECTION_THANKS,
    RULES,
    STATES,
    STATUS_CHECK,
    THANK_YOU,
    UPCOMING,
    FollowUpRules,
    _days,
    _no_decision,
    _open,
    _short,
    action_id,
    suggested_channel,
)
from analysis.interviews.journal import NOTE_COLUMNS, has_notes, interviewer_rows, latest_rounds
from analysis.interviews.linking import application_of
from analysis.model import schema as s
from analysis.model.stages import Stage, reply_known, stage_codes
from analysis.model.words import plural


def empty_actions() -> pd.DataFrame:
    types = {"row": "int64", "due": "datetime64[us]", "overdue_after": "datetime64[us]",
             "days_overdue": "int64", "interview": "Int64", "interviewer": "Int64"}
    return pd.DataFrame({c: pd.Series(dtype=types.get(c, "str")) for c in ACTION_COLUMNS})


def interview_suffixes(interviews: pd.DataFrame) -> pd.Series:
    """What tells apart the actions of one application about different interviews, in their
    ids (see ``action_id``): the interview's day and time and its round."""
    return ("|" + interviews[s.IV_DATE].dt.strftime("%Y-%m-%dT%H:%M") + "|"
            + interviews[s.IV_ROUND].fillna(0).astype("int64").astype("str"))


def interviewer_suffixes(people: pd.DataFrame) -> pd.Series:
    """What tells apart the thank-yous to the interviewers of one interview, in their ids:
    the name, in lower case (``people`` as ``interviewer_rows`` gives them)."""
    return "|" + people["name"].fillna("").str.lower()


def _interview_actions(apps: pd.DataFrame, journal: pd.DataFrame, labels: pd.Series,
                       day: pd.Timestamp, rules: FollowUpRules) -> list[pd.DataFrame]:
    """Notes for each interview held without notes, and a thank-you for each interviewer of
    each interview held who has not been thanked, while the application waits for a decision:
    (action key, mask over the rows, due, overdue after, detail, rows of ``apps``, contact
    name, contact email, interview label, interviewer position) frames ready to stack."""
    held = journal[s.IV_DATE].dt.normalize()
    recent = labels.notna() & (held <= day)
    if rules.forget_after is not None:  # older rounds' notes and thanks are past listing
        recent &= held >= day - _days(rules.forget_after + max(rules.thank_you_overdue, 0))
    recent = recent.fillna(False).astype(bool)
    if not recent.any():
        return []
    # Only the columns read here: the notes are long texts, slow to copy for every interview.
    written = has_notes(journal.loc[recent, list(NOTE_COLUMNS)])
    linked = journal.loc[recent, [s.IV_DATE, s.IV_ROUND, s.IV_KIND, s.INTERVIEWERS,
                                  s.INTERVIEWER_EMAILS, s.IV_THANK_YOU_SENT]]\
        .assign(_app=labels[recent], _written=written)
    rows = linked["_app"].astype("int64").to_numpy()
    owner = apps.loc[rows]
    waiting = (_open(owner) & _no_decision(owner)).to_numpy()
    linked, owner = linked[waiting], owner[waiting]
    if linked.empty:
        return []
    held = linked[s.IV_DATE].dt.normalize()
    names = linked[s.INTERVIEWERS].fillna("").str.replace(";", ",", regex=False)
    what = ("Round " + linked[s.IV_ROUND].fillna(1).astype("int64").astype("str")
            + (" (" + linked[s.IV_KIND] + ")").fillna("") + " on " + _short(held).fillna(""))
    with_whom = (" with " + names).where(names != "", "")
    frames = []
    unwritten = ~linked["_written"].to_numpy()
    if unwritten.any():
        chosen = linked[unwritten]
        frames.append(pd.DataFrame({
            "key": NOTES, "row": chosen["_app"].astype("int64").to_numpy(),
            "due": held[unwritten].to_numpy(), "overdue_after": held[unwritten].to_numpy(),
            "detail": (what + with_whom)[unwritten].to_numpy() + ": the questions asked, your "
            "answers, how they reacted, what went well and what to improve.",
            "contact_name": chosen[s.INTERVIEWERS].to_numpy(),
            "contact_email": chosen[s.INTERVIEWER_EMAILS].to_numpy(),
            "interview": chosen.index.to_numpy(), "interviewer": pd.NA,
            "suffix": interview_suffixes(chosen).to_numpy(),
        }))
    people = interviewer_rows(linked)
    owed = people[people["thanked"].isna()]
    if not owed.empty:
        interview = linked.loc[owed["interview"]]
        app_rows = interview["_app"].astype("int64").to_numpy()
        contact = apps.loc[app_rows]
        on = interview[s.IV_DATE].dt.normalize().to_numpy()
        frames.append(pd.DataFrame({
            "key": THANK_YOU, "row": app_rows, "due": on,
            "overdue_after": on + np.timedelta64(rules.thank_you_overdue, "D"),
            "detail": (what + with_whom).loc[owed["interview"]].to_numpy() + ". Within 24-48 "
            "hours: thank them, recall one thing you discussed, restate your interest.",
            "contact_name": owed["name"].fillna(pd.Series(contact[s.CONTACT_NAME].to_numpy(),
                                                          index=owed.index)).to_numpy(),
            "contact_email": owed["email"].fillna(pd.Series(
                contact[s.CONTACT_EMAIL].to_numpy(), index=owed.index)
                .where(owed["name"].isna())).to_numpy(),
            "interview": owed["interview"].to_numpy(), "interviewer": owed["position"].to_numpy(),
            "suffix": interview_suffixes(interview).to_numpy()
            + interviewer_suffixes(owed).to_numpy(),
        }))
    return frames


def due_follow_ups(apps: pd.DataFrame, *, as_of: dt.date, rules: FollowUpRules | None = None,
                   offers: pd.DataFrame | None = None,
                   interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every action due, overdue or coming up within ``rules.upcoming`` days, at ``as_of``.

    One row per application and action: the application's ``row`` (its index label in
    ``apps``), the action key and title, company and role, the ``due`` day, the day after
    which it is ``overdue_after``, ``days_overdue``, the ``state`` (overdue, due today,
    upcoming), the suggested ``channel``, a ``detail`` line, the contact, and the column that
    marking it done fills in. Ordered by state, then by due day.

    With the interview journal (``interviews``), an application that has interviews there
    gets its notes per interview (due on the interview day) and a thank-you per interviewer
    (``contact_name`` and ``contact_email`` are that person's; ``interview`` and
    ``interviewer`` say which), and its decision follow-up runs from the latest round's
    expected decision. A round held yesterday with two interviewers and no notes gives three
    actions.
    """
    rules = rules or FollowUpRules()
    day = pd.Timestamp(as_of)
    in_journal = pd.Series(False, index=apps.index)
    extra: list[pd.DataFrame] = []
    if interviews is not None and not interviews.empty and not apps.empty:
        labels = application_of(interviews, apps)
        in_journal = pd.Series(apps.index.isin(labels.dropna()), index=apps.index)
        apps = _latest_round_dates(apps, interviews, labels, day)
        extra = _interview_actions(apps, interviews, labels, day, rules)
    parts = []
    for key, rule in RULES.items():
        mask, due, overdue_after, detail = (rule(apps, day, rules, offers) if key == OFFER_FACTS
                                            else rule(apps, day, rules))
        mask = mask.fillna(False).astype(bool) & due.notna()
        if key in (NOTES, THANK_YOU):  # the journal has them per interview and per person
            mask &= ~in_journal
        mask &= due <= day + _days(rules.upcoming if ACTIONS[key].announce else 0)
        # Late notes and thanks do more harm than good; moving on is never too late.
        if rules.forget_after is not None and key != MOVE_ON:
            mask &= overdue_after >= day - _days(rules.forget_after)
        if not mask.any():
            continue
        chosen = apps[mask]
        parts.append(pd.DataFrame({
            "row": chosen.index.to_numpy(), "action": key,
            "due": due[mask].to_numpy(), "overdue_after": overdue_after[mask].to_numpy(),
            "detail": detail(chosen).to_numpy(), "contact_name": chosen[s.CONTACT_NAME].to_numpy(),
            "contact_email": chosen[s.CONTACT_EMAIL].to_numpy(),
            "done_column": ACTIONS[key].done_column or "", "interview": pd.NA,
            "interviewer": pd.NA, "suffix": ""}))
    for found in extra:
        found = found[found["due"] <= day + _days(rules.upcoming)]
        if rules.forget_after is not None:
            found = found[found["overdue_after"] >= day - _days(rules.forget_after)]
        if not found.empty:
            key = str(found["key"].iloc[0])
            parts.append(found.drop(columns="key").assign(
                action=key, done_column=INTERVIEW_NOTES_DONE if key == NOTES
                else INTERVIEW_THANKS_DONE))
    if not parts:
        return empty_actions()
    return _actions_table(apps, pd.concat(parts, ignore_index=True), day)


def _actions_table(apps: pd.DataFrame, found: pd.DataFrame, day: pd.Timestamp
                   ) -> pd.DataFrame:
    """The actions found by the rules and the journal as the table ``due_follow_ups``
    returns: ids, titles, the application's company and role, states and channels worked out
    once for all of them."""
    rows = apps.loc[found["row"].to_numpy(), [s.COMPANY, s.ROLE, s.DATE_APPLIED,
                                              s.CONTACT_CHANNEL, s.CONTACT_EMAIL]]\
        .reset_index(drop=True)
    due = found["due"].astype("datetime64[us]")
    overdue_after = found["overdue_after"].astype("datetime64[us]")
    late = (day - overdue_after).dt.days
    state = np.where(late > 0, OVERDUE, np.where(due <= day, DUE_TODAY, UPCOMING))
    # The action's name and its interview's suffix make one id (see ``action_id``).
    ids = action_id(rows, "", suffix=found["action"].astype("str") + found["suffix"])
    actions = pd.DataFrame({
        "action_id": ids, "row": found["row"].astype("int64"), "action": found["action"],
        "title": found["action"].map({k: a.title for k, a in ACTIONS.items()}),
        "company": rows[s.COMPANY], "role": rows[s.ROLE], "due": due,
        "overdue_after": overdue_after, "days_overdue": late.clip(lower=0).astype("int64"),
        "state": state, "channel": _channels(rows, found["action"]),
        "detail": found["detail"], "contact_name": found["contact_name"],
        "contact_email": found["contact_email"], "done_column": found["done_column"],
        "interview": found["interview"], "interviewer": found["interviewer"],
    })
    order = pd.Series(state).map({state: i for i, state in enumerate(STATES)})
    actions = actions.assign(_order=order).sort_values(["_order", "due", "company"],
                                                       kind="stable")
    return actions.drop(columns="_order").reset_index(drop=True).astype(
        {**{c: "str" for c in ("action_id", "action", "title", "company", "role", "state",
                               "channel", "detail", "contact_name", "contact_email",
                               "done_column")},
         "interview": "Int64", "interviewer": "Int64"})


def _channels(rows: pd.DataFrame, actions: pd.Series) -> pd.Series:
    """``suggested_channel`` for rows of different actions at once."""
    channel = pd.Series("", index=rows.index, dtype="str")
    for key in (THANK_YOU, REJECTION_THANKS, DECISION_FOLLOW_UP, STATUS_CHECK, OFFER_FACTS):
        these = (actions == key).to_numpy()
        if these.any():
            channel[these] = suggested_channel(rows[these], key).to_numpy()
    return channel


def _latest_round_dates(apps: pd.DataFrame, interviews: pd.DataFrame, labels: pd.Series,
                        day: pd.Timestamp) -> pd.DataFrame:
    """The applications as the decision follow-up sees them: the interview date of their
    latest round held, and the decision that round's interviewers said to expect. One with a
    round booked after ``day`` keeps that day: no decision is awaited while the next round
    is ahead."""
    held = interviews[[s.IV_DATE, s.DECISION_EXPECTED]].assign(_app=labels)\
        .dropna(subset=["_app", s.IV_DATE])
    ahead = held[s.IV_DATE].dt.normalize() > day
    held = held[~ahead & ~held["_app"].isin(held.loc[ahead, "_app"])]
    if held.empty:
        return apps
    latest = latest_rounds(held)
    latest.index = latest.index.astype("int64")
    updated = apps.copy()
    updated.loc[latest.index, s.INTERVIEW_DATE] = latest[s.IV_DATE].dt.normalize()\
        .astype("datetime64[us]").to_numpy()
    promised = latest[s.DECISION_EXPECTED].dropna()
    updated.loc[promised.index, s.EXPECTED_DECISION_DATE] = promised.astype(
        "datetime64[us]").to_numpy()
    return updated


def without_next_action(apps: pd.DataFrame, actions: pd.DataFrame, *,
                        as_of: dt.date | None = None,
                        rules: FollowUpRules | None = None) -> pd.DataFrame:
    """The open applications (sent, not closed) that no action in ``actions`` is about, oldest
    first: their company, role, status and application date, and, given ``as_of``, ``why`` in
    words: waiting within the routine's time (until its status check), past it while the table
    records no replies at all (so silence cannot be read), or an action snoozed or set aside.

    >>> apps = pd.DataFrame({"company": ["A", "B", "C"], "role": ["x", "y", "z"],
    ...     "status": ["applied", "rejected", "interviewing"],
    ...     "date_applied": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03"]),
    ...     "first_response_date": pd.to_datetime([None] * 3),
    ...     "interview_date": pd.to_datetime([None] * 3),
    ...     "decision_date": pd.to_datetime([None] * 3)})
    >>> without_next_action(apps, pd.DataFrame({"row": [0]}))["company"].tolist()
    ['C']
    """
    open_apps = (stage_codes(apps) >= Stage.APPLIED) & \
        ~apps[s.STATUS].isin(list(s.CLOSED_STATUSES))
    idle = open_apps & ~apps.index.isin(actions["row"])
    columns = [s.COMPANY, s.ROLE, s.STATUS, s.DATE_APPLIED]
    found = apps.loc[idle, columns].sort_values(s.DATE_APPLIED, kind="stable")
    if as_of is None:
        return found
    rules = rules or FollowUpRules()
    day = pd.Timestamp(as_of)
    check = found[s.DATE_APPLIED] + _days(rules.status_check or 0)
    waiting = "waiting: the status check is due " + _short(check)
    silent = apps.loc[found.index]
    no_replies = not bool(reply_known(apps).any())
    why = pd.Series("snoozed or set aside, or nothing the routine does at this stage",
                    index=found.index, dtype="str")
    replied_stage = stage_codes(silent) >= Stage.RESPONDED
    why = why.where(replied_stage, waiting.where(check > day, why))
    if no_replies:
        why = why.where(check > day, "past the routine's time, but your table records no "
                                     "replies: set the status of those that answered")
    return found.assign(why=why.fillna("").astype("str"))


def due_text(action: pd.Series) -> str:
    """When an action is due, in words for its card: how late an overdue one is, by when one
    due today must be done, the day of one coming up. An overdue one is late counting from
    the last day of its window, and names that day, as it did while it was due.

    >>> action = pd.Series({"state": OVERDUE, "due": pd.Timestamp("2026-03-02"),
    ...                     "days_overdue": 3, "overdue_after": pd.Timestamp("2026-03-04")})
    >>> due_text(action), due_text(action.replace({OVERDUE: DUE_TODAY}))
    ('Overdue by 3 days (due by 4 Mar)', 'Due now (by 4 Mar)')
    """
    due = action["due"]
    if action["state"] == OVERDUE:
        return (f"Overdue by {plural(action['days_overdue'], 'day')} "
                f"(due by {action['overdue_after']:%-d %b})")
    if action["state"] == DUE_TODAY:
        return f"Due now (by {action['overdue_after']:%-d %b})"
    return f"Due {due:%A %-d %b}"


def state_counts(actions: pd.DataFrame) -> dict[str, int]:
    """How many actions are overdue, due today and upcoming, in that order (zeros included).

    >>> state_counts(pd.DataFrame({"state": ["upcoming", "overdue", "overdue"]}))
    {'overdue': 2, 'due today': 0, 'upcoming': 1}
    """
    counts = actions["state"].value_counts()
    return {state: int(counts.get(state, 0)) for state in STATES}
