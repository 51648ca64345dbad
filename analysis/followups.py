"""The after-interview routine, as actions that fall due: what to do today, for which
application, through which channel, with a drafted message.

The routine follows the advice the product is built on: take notes while the interview is
fresh; send a thank-you note within 24-48 hours; if the promised decision date passes, follow up
about a week later, once, through the medium used so far, then move on; thank the employer even
after a rejection; and on an offer, get all the facts before negotiating. Each rule is a small
function of the applications and the settings, so each can be tested at its boundaries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import string
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis import schema as s
from analysis.dates import format_days
from analysis.grids import per_distinct
from analysis.interviews import (
    NOTE_COLUMNS,
    classic_question,
    has_notes,
    interviewer_rows,
    latest_rounds,
    link,
    mark_thanked,
    record_notes,
    split_questions,
)
from analysis.metrics import reply_known, response_dates, stage_codes

NOTES = "interview_notes"
THANK_YOU = "thank_you"
DECISION_FOLLOW_UP = "decision_follow_up"
STATUS_CHECK = "status_check"
MOVE_ON = "move_on"
REJECTION_THANKS = "rejection_thanks"
OFFER_FACTS = "offer_facts"

OVERDUE, DUE_TODAY, UPCOMING = "overdue", "due today", "upcoming"
STATES = (OVERDUE, DUE_TODAY, UPCOMING)
ACTION_COLUMNS = ["action_id", "row", "action", "title", "company", "role", "due",
                  "overdue_after", "days_overdue", "state", "channel", "detail",
                  "contact_name", "contact_email", "done_column", "interview", "interviewer"]
# What "Done" fills in for an action about one interview of the journal (not a column of the
# applications): its notes, or one interviewer's thank-you.
INTERVIEW_NOTES_DONE = "interview: notes"
INTERVIEW_THANKS_DONE = "interview: thank-you"
# Applications that are over produce no actions but the thank-you after a rejection.
_FINISHED = {s.ACCEPTED, s.WITHDRAWN, s.GHOSTED, s.REJECTED}


@dataclass(frozen=True)
class FollowUpRules:
    """The thresholds of the routine, in days. Change any of them with ``dataclasses.replace``.

    - ``thank_you_overdue``: the thank-you note is due from the interview day and overdue
      after this many days (2: within 24-48 hours).
    - ``after_expected_decision``: follow up this many days after the promised decision date;
      ``after_interview`` when no date was promised.
    - ``status_check``: days after applying without any reply before a short status check;
      None switches it off. ``status_check_window``: days after that before the chance is gone
      and the application is better counted as ghosted.
    - ``move_on``: days after the one follow-up without an answer before moving on.
    - ``rejection_thanks``: days after a rejection to send a thank-you note;
      ``rejection_thanks_for_all`` also asks it after rejections without any conversation.
    - ``upcoming``: how far ahead actions are listed as upcoming.
    - ``forget_after``: actions overdue by more than this many days are no longer listed
      (a thank-you note a month late does more harm than good); None lists them all.
    """

    thank_you_overdue: int = 2
    after_expected_decision: int = 7
    after_interview: int = 14
    status_check: int | None = 21
    status_check_window: int = 14
    move_on: int = 7
    rejection_thanks: int = 3
    rejection_thanks_for_all: bool = False
    upcoming: int = 7
    forget_after: int | None = 30


# Where the Follow-ups page keeps the user's rule choices in the workspace settings.
RULES_SETTING = "follow_up_rules"


def rules_from_settings(saved: object) -> FollowUpRules:
    """The rules with the user's saved choices (``{"status_check": days or None}``) applied
    to the defaults, so the reports and the command line follow the same routine as the page.

    >>> rules_from_settings({"status_check": None}).status_check is None
    True
    >>> rules_from_settings({}).status_check
    21
    """
    rules = FollowUpRules()
    if isinstance(saved, Mapping) and "status_check" in saved:
        days = saved["status_check"]
        rules = dataclasses.replace(rules, status_check=int(days) if isinstance(days, int)
                                    else None)
    return rules


@dataclass(frozen=True)
class Action:
    """One kind of action: its title, the column that "Done" fills in, and whether it is
    announced as upcoming before it falls due (moving on is only suggested once it is due)."""

    key: str
    title: str
    done_column: str | None
    announce: bool = True


ACTIONS: dict[str, Action] = {a.key: a for a in (
    Action(NOTES, "Write your interview notes while they are fresh", s.INTERVIEW_NOTES),
    Action(THANK_YOU, "Send a thank-you note", s.THANK_YOU_SENT),
    Action(DECISION_FOLLOW_UP, "Follow up on the decision (once)", s.FOLLOW_UP_SENT),
    Action(STATUS_CHECK, "Check on the status of your application (once)", s.FOLLOW_UP_SENT),
    Action(MOVE_ON, "Move on: mark as ghosted", s.STATUS, announce=False),
    Action(REJECTION_THANKS, "Send a thank-you note after the rejection",
           s.REJECTION_THANKS_SENT),
    Action(OFFER_FACTS, "Get the facts before negotiating: pay, benefits, start date", None),
)}


def action_id(apps: pd.DataFrame, action: str, *, suffix: pd.Series | None = None
              ) -> pd.Series:
    """A stable identifier for each application's action, from the company, role and
    application date (and, for applications alike in all three, their order), so the same
    action keeps its identity across imports and calendar exports. ``suffix`` tells apart
    actions of one application about different interviews or interviewers."""
    parts = [per_distinct(apps[s.COMPANY], _lowered).tolist(),
             per_distinct(apps[s.ROLE], _lowered).tolist(),
             format_days(apps[s.DATE_APPLIED]).fillna("").tolist()]
    ends = suffix.astype("str").tolist() if suffix is not None else [""] * len(apps)
    keys = [f"{company}|{role}|{day}|{action}{end}"
            for company, role, day, end in zip(*parts, ends, strict=True)]
    # Two applications alike in all three (a row entered twice) still get distinct ids.
    if len(set(keys)) < len(keys):
        seen: dict[str, int] = {}
        for position, key in enumerate(keys):
            repeat = seen.get(key, 0)
            seen[key] = repeat + 1
            if repeat:
                keys[position] = f"{key}|{repeat}"
    sha1 = hashlib.sha1
    return pd.Series([sha1(key.encode("utf-8")).hexdigest()[:16] for key in keys],
                     index=apps.index, dtype="str")


def _lowered(values: pd.Series) -> pd.Series:
    return values.str.strip().str.lower()


def suggested_channel(apps: pd.DataFrame, action: str) -> pd.Series:
    """How to send each message. Thank-you notes go by email, the fastest, plus a typed
    letter for an employer you write to by letter; follow-ups use the medium used so far;
    notes and moving on need no channel."""
    used = apps[s.CONTACT_CHANNEL].fillna("").str.strip().str.lower()
    used = used.where(used != "", "email")
    if action in (THANK_YOU, REJECTION_THANKS):
        no_email = apps[s.CONTACT_EMAIL].isna()
        channel = pd.Series("email", index=apps.index, dtype="str")
        channel = channel.mask(used == "letter", "email and a typed letter")
        return channel.mask((used == "linkedin") & no_email, "LinkedIn message")
    if action in (DECISION_FOLLOW_UP, STATUS_CHECK, OFFER_FACTS):
        return used.replace({"linkedin": "LinkedIn"}).astype("str")
    return pd.Series("", index=apps.index, dtype="str")


# ---------------------------------------------------------------------------------------------
# Rules: each returns (mask, due, overdue_after, detail) for the applications it applies to.
# ``detail`` makes the text for the rows finally listed (a few among many: text for every
# application would cost more than the rest of the rule).

Detail = Callable[[pd.DataFrame], pd.Series]
RuleResult = tuple[pd.Series, pd.Series, pd.Series, Detail]


def _text(texts: str) -> Detail:
    """The same detail for every row."""
    return lambda rows: pd.Series(texts, index=rows.index, dtype="str")


def _days(n: int) -> pd.Timedelta:
    return pd.Timedelta(days=n)


def _short(dates: pd.Series) -> pd.Series:
    """Dates as text like "7 Mar"."""
    return format_days(dates, "%-d %b")


def _open(apps: pd.DataFrame) -> pd.Series:
    return ~apps[s.STATUS].isin(list(_FINISHED))


def _interviewed(apps: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    return apps[s.INTERVIEW_DATE].notna() & (apps[s.INTERVIEW_DATE] <= day)


def rule_interview_notes(apps: pd.DataFrame, day: pd.Timestamp, rules: FollowUpRules
                         ) -> RuleResult:
    """An interview has happened and there are no notes: due on the interview day."""
    mask = _open(apps) & _interviewed(apps, day) & _no_decision(apps) & \
        apps[s.INTERVIEW_NOTES].fillna("").str.strip().eq("")
    due = apps[s.INTERVIEW_DATE]

    def detail(rows: pd.DataFrame) -> pd.Series:
        return ("Interviewed on " + _short(rows[s.INTERVIEW_DATE]) + ": questions asked, your "
                "answers, how the interviewer reacted, what to ask next time.")
    return mask, due, due, detail


def rule_thank_you(apps: pd.DataFrame, day: pd.Timestamp, rules: FollowUpRules) -> RuleResult:
    """An interview has happened and no thank-you note was sent since: due within 24 hours,
    overdue after 48."""
    interview = apps[s.INTERVIEW_DATE]
    sent = apps[s.THANK_YOU_SENT]
    mask = _open(apps) & _interviewed(apps, day) & _no_decision(apps) & \
        (sent.isna() | (sent < interview))

    def detail(rows: pd.DataFrame) -> pd.Series:
        return ("Interviewed on " + _short(rows[s.INTERVIEW_DATE]) + ". Within 24-48 hours: "
                "thank them, recall one thing you discussed, restate your interest.")
    return mask, interview, interview + _days(rules.thank_you_overdue), detail


def _no_decision(apps: pd.DataFrame) -> pd.Series:
    return apps[s.DECISION_DATE].isna() & apps[s.STATUS].isin(
        [s.APPLIED, s.SCREENING, s.INTERVIEWING])


def rule_decision_follow_up(apps: pd.DataFrame, day: pd.Timestamp, rules: FollowUpRules
                            ) -> RuleResult:
    """No decision after an interview: follow up a week after the promised decision date, or
    ``after_interview`` days after the interview when no date was promised. Once only."""
    interview = apps[s.INTERVIEW_DATE]
    expected = apps[s.EXPECTED_DECISION_DATE]
    followed = apps[s.FOLLOW_UP_SENT]
    mask = _open(apps) & _interviewed(apps, day) & _no_decision(apps) & \
        (followed.isna() | (followed < interview))
    due = (expected + _days(rules.after_expected_decision)).fillna(
        interview + _days(rules.after_interview))

    def detail(rows: pd.DataFrame) -> pd.Series:
        expected = rows[s.EXPECTED_DECISION_DATE]
        return pd.Series(np.where(
            expected.notna(), "They said they would decide by " + _short(expected)
            .fillna("") + ". One short note: your interest, your strengths, any news?",
            "No decision date was given; interviewed on " + _short(rows[s.INTERVIEW_DATE])
            .fillna("") + ". One short note: your interest, your strengths, any news?"),
            index=rows.index, dtype="str")
    return mask, due, due, detail


def rule_status_check(apps: pd.DataFrame, day: pd.Timestamp, rules: FollowUpRules
                      ) -> RuleResult:
    """No reply at all ``status_check`` days after applying: one short status check."""
    if rules.status_check is None:
        nothing = pd.Series(False, index=apps.index)
        return nothing, apps[s.DATE_APPLIED], apps[s.DATE_APPLIED], _text("")
    applied = apps[s.DATE_APPLIED]
    due = applied + _days(rules.status_check)
    mask = (_open(apps) & applied.notna() & (stage_codes(apps) == 1)
            & apps[s.FOLLOW_UP_SENT].isna() & (apps[s.STATUS] == s.APPLIED)
            & (day <= due + _days(rules.status_check_window)))

    def detail(rows: pd.DataFrame) -> pd.Series:
        return "Applied on " + _short(rows[s.DATE_APPLIED]) + " and no reply since."
    return mask, due, due, detail


def rule_move_on(apps: pd.DataFrame, day: pd.Timestamp, rules: FollowUpRules) -> RuleResult:
    """Suggest closing an application as ghosted: a follow-up was sent and nothing came back
    within ``move_on`` days (a second follow-up is never suggested), or no reply at all came
    and the status check's window has closed (``status_check`` + ``status_check_window`` days
    after applying; 21 + 14 when the status check is switched off). Silence only counts in a
    table that records replies at all (see ``metrics.ghosted``)."""
    followed = apps[s.FOLLOW_UP_SENT]
    replied_since = (apps[s.DECISION_DATE] >= followed) | (response_dates(apps) >= followed)
    waiting = _no_decision(apps) & ~replied_since.fillna(False)
    after_follow_up = _open(apps) & followed.notna() & (followed <= day) & waiting
    applied = apps[s.DATE_APPLIED]
    window = (rules.status_check or FollowUpRules.status_check or 0) + rules.status_check_window
    silent = (_open(apps) & applied.notna() & followed.isna() & (stage_codes(apps) == 1)
              & (apps[s.STATUS] == s.APPLIED) & bool(reply_known(apps).any()))
    # The day after the status check's last day.
    due = (followed + _days(rules.move_on)).where(after_follow_up, applied + _days(window + 1))

    def detail(rows: pd.DataFrame) -> pd.Series:
        followed = rows[s.FOLLOW_UP_SENT]  # listed after a follow-up, or silent without one
        return pd.Series(np.where(
            followed.notna(),
            "You followed up on " + _short(followed).fillna("") + " without an answer. Mark "
            "it as ghosted and put the energy into new applications.",
            "No reply since you applied on " + _short(rows[s.DATE_APPLIED]).fillna("") + ", "
            "and the time for a status check has passed. Mark it as ghosted and put the "
            "energy into new applications."), index=rows.index, dtype="str")
    return after_follow_up | silent, due, due, detail


def rule_rejection_thanks(apps: pd.DataFrame, day: pd.Timestamp, rules: FollowUpRules
                          ) -> RuleResult:
    """Rejected and no thank-you note sent: due within ``rejection_thanks`` days of the
    decision. By default only after a screening or interview, where someone spoke with you."""
    rejected_on = apps[s.DECISION_DATE].fillna(apps[s.FIRST_RESPONSE_DATE])
    mask = (apps[s.STATUS] == s.REJECTED) & apps[s.REJECTION_THANKS_SENT].isna()
    if not rules.rejection_thanks_for_all:
        mask &= stage_codes(apps) >= 3
    due = (rejected_on + _days(rules.rejection_thanks)).fillna(day)
    return mask, due, due, _text("A short, gracious note keeps the door open for the next "
                                 "opening.")


def rule_offer_facts(apps: pd.DataFrame, day: pd.Timestamp, rules: FollowUpRules,
                     offers: pd.DataFrame | None = None) -> RuleResult:
    """An offer: get the facts (pay, benefits, start date) before negotiating, naming the
    blank offer fields, with a warning from the offer's deadline."""
    mask = apps[s.STATUS] == s.OFFER
    facts = _offer_facts(apps[mask], offers).reindex(apps.index)
    deadline = facts["deadline"].astype("datetime64[us]")
    due = (deadline - _days(3)).fillna(apps[s.DECISION_DATE]).fillna(day)
    overdue_after = deadline.fillna(due)
    texts = facts["detail"].astype("str")
    return mask, due.where(due <= overdue_after, overdue_after), overdue_after, \
        lambda rows: texts.loc[rows.index]


_FACT_COLUMNS = (s.BASE_SALARY, s.BONUS, s.EQUITY_PER_YEAR, s.BENEFITS_VALUE, s.PTO_DAYS,
                 s.REMOTE_DAYS)
_FACT_LABELS = {s.BASE_SALARY: "base salary", s.BONUS: "bonus", s.EQUITY_PER_YEAR: "equity",
                s.BENEFITS_VALUE: "benefits", s.PTO_DAYS: "PTO days",
                s.REMOTE_DAYS: "remote days per week"}


def _offer_facts(apps: pd.DataFrame, offers: pd.DataFrame | None) -> pd.DataFrame:
    """For each application with an offer, the offer's deadline (when known) and which facts
    are missing, matched to the offers table by company name."""
    key = apps[s.COMPANY].fillna("").str.strip().str.lower()
    if offers is not None and not offers.empty:
        table = offers.assign(_key=offers[s.OFFER_COMPANY].fillna("").str.strip().str.lower())\
            .drop_duplicates("_key").set_index("_key")
        matched = table.reindex(key.to_numpy())
        matched.index = apps.index
    else:
        matched = pd.DataFrame(index=apps.index, columns=[*_FACT_COLUMNS, s.DEADLINE])
    deadline = pd.to_datetime(matched[s.DEADLINE]).astype("datetime64[us]")
    gaps = pd.Series("", index=apps.index, dtype="str")
    for column in _FACT_COLUMNS:
        blank = matched[column].isna()
        gaps = gaps.mask(blank, gaps.where(gaps == "", gaps + ", ") + _FACT_LABELS[column])
    asked = ("Ask about: " + gaps + ".").where(gaps != "", "All the main facts are in.")
    answer = (" Answer due by " + _short(deadline) + ".").fillna(
        " Ask by when they need an answer.")
    return pd.DataFrame({"deadline": deadline, "detail": asked + answer}, index=apps.index)


RULES: dict[str, Callable[..., RuleResult]] = {
    NOTES: rule_interview_notes, THANK_YOU: rule_thank_you,
    DECISION_FOLLOW_UP: rule_decision_follow_up, STATUS_CHECK: rule_status_check,
    MOVE_ON: rule_move_on, REJECTION_THANKS: rule_rejection_thanks,
    OFFER_FACTS: rule_offer_facts,
}


def empty_actions() -> pd.DataFrame:
    types = {"row": "int64", "due": "datetime64[us]", "overdue_after": "datetime64[us]",
             "days_overdue": "int64", "interview": "Int64", "interviewer": "Int64"}
    return pd.DataFrame({c: pd.Series(dtype=types.get(c, "str")) for c in ACTION_COLUMNS})


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
            "suffix": "|" + chosen[s.IV_DATE].dt.strftime("%Y-%m-%dT%H:%M").to_numpy() + "|"
            + chosen[s.IV_ROUND].fillna(0).astype("int64").astype("str").to_numpy(),
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
            "suffix": "|" + interview[s.IV_DATE].dt.strftime("%Y-%m-%dT%H:%M").to_numpy() + "|"
            + interview[s.IV_ROUND].fillna(0).astype("int64").astype("str").to_numpy() + "|"
            + owed["name"].fillna("").str.lower().to_numpy(),
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
        labels = link(interviews, apps)
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
    latest round held, and the decision that round's interviewers said to expect."""
    held = interviews[[s.IV_DATE, s.DECISION_EXPECTED]].assign(_app=labels)\
        .dropna(subset=["_app", s.IV_DATE])
    held = held[held[s.IV_DATE].dt.normalize() <= day]
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


def without_next_action(apps: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """The open applications (sent, not closed) that no action in ``actions`` is about: those
    waiting within the routine's time, or whose actions the user snoozed or set aside. Their
    company, role, status and application date, oldest first.

    >>> apps = pd.DataFrame({"company": ["A", "B", "C"], "role": ["x", "y", "z"],
    ...     "status": ["applied", "rejected", "interviewing"],
    ...     "date_applied": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03"]),
    ...     "first_response_date": pd.to_datetime([None] * 3),
    ...     "interview_date": pd.to_datetime([None] * 3),
    ...     "decision_date": pd.to_datetime([None] * 3)})
    >>> without_next_action(apps, pd.DataFrame({"row": [0]}))["company"].tolist()
    ['C']
    """
    open_apps = (stage_codes(apps) >= 1) & ~apps[s.STATUS].isin(list(s.CLOSED_STATUSES))
    idle = open_apps & ~apps.index.isin(actions["row"])
    columns = [s.COMPANY, s.ROLE, s.STATUS, s.DATE_APPLIED]
    return apps.loc[idle, columns].sort_values(s.DATE_APPLIED, kind="stable")


def state_counts(actions: pd.DataFrame) -> dict[str, int]:
    """How many actions are overdue, due today and upcoming, in that order (zeros included).

    >>> state_counts(pd.DataFrame({"state": ["upcoming", "overdue", "overdue"]}))
    {'overdue': 2, 'due today': 0, 'upcoming': 1}
    """
    counts = actions["state"].value_counts()
    return {state: int(counts.get(state, 0)) for state in STATES}


# ---------------------------------------------------------------------------------------------
# What the user said about actions: done, snoozed, not applicable.

DONE, SNOOZED, NOT_APPLICABLE = "done", "snoozed", "not applicable"


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


def open_actions(actions: pd.DataFrame, log: ActionLog, *, as_of: dt.date) -> pd.DataFrame:
    """The actions the user has not marked done, not applicable, or snoozed past ``as_of``."""
    return actions[~log.hidden(actions["action_id"], as_of=as_of)].reset_index(drop=True)


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


# ---------------------------------------------------------------------------------------------
# Drafted messages

DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    THANK_YOU: (
        "Thank you for the interview: $role",
        "Dear $contact,\n\nThank you for taking the time to meet with me on $interview_date "
        "about the $role position at $company. I enjoyed our conversation and learning more "
        "about the team.$topic\n\nIt confirmed my interest in the role, and I am confident I can "
        "contribute from the start. Please let me know if you need anything else from me.\n\n"
        "Kind regards,\n$my_name",
    ),
    DECISION_FOLLOW_UP: (
        "Following up: $role",
        "Dear $contact,\n\nI hope you are well. I am following up on my interview on "
        "$interview_date for the $role position at $company. I remain very interested in the "
        "role and would be glad to hear of any update on your decision.\n\nThank you again for "
        "your time.\n\nKind regards,\n$my_name",
    ),
    STATUS_CHECK: (
        "My application for $role",
        "Dear $contact,\n\nI applied for the $role position at $company on $date_applied and "
        "wanted to confirm that my application arrived and ask whether there is any update. I "
        "am still very interested in the role.\n\nKind regards,\n$my_name",
    ),
    REJECTION_THANKS: (
        "Thank you: $role",
        "Dear $contact,\n\nThank you for letting me know your decision about the $role "
        "position. Although I am disappointed, I appreciated the chance to meet the team and "
        "learn about $company. I would welcome being considered for future openings.\n\n"
        "Kind regards,\n$my_name",
    ),
}


def discussion_topic(interview: pd.Series) -> str:
    """One thing discussed in an interview, for a thank-you note: the first question asked
    that is not one every interview has (else the first question, else what went well), or ""
    when the notes hold nothing.

    >>> discussion_topic(pd.Series({"questions_asked": "Tell me about yourself; How would "
    ...     "you measure a feature's success?", "went_well": None}))
    "how you would measure a feature's success"
    """
    asked = split_questions(interview.get(s.QUESTIONS_ASKED))
    specific = [q for q in asked if not classic_question(q)]
    chosen = (specific or asked or [str(interview.get(s.WENT_WELL) or "").strip()])[0]
    chosen = chosen.strip().rstrip("?.!").strip()
    if not chosen or chosen.lower() in ("nan", "none"):
        return ""
    return re.sub(r"(?i)^how would you\b", "how you would", chosen[0].lower() + chosen[1:]) \
        if chosen[:1].isupper() and not chosen[1:2].isupper() else chosen


def draft_message(action: pd.Series, apps: pd.DataFrame, *,
                  templates: Mapping[str, tuple[str, str]] | None = None,
                  my_name: str = "", interviews: pd.DataFrame | None = None
                  ) -> tuple[str, str] | None:
    """The subject and body for an action that calls for a message, filled from the
    application (contact name, company, role, dates); None for actions without one. An
    action about one interview is addressed to its interviewer, dated on its day, and, with
    ``interviews``, mentions a topic from its notes when there is one.

    Placeholders are ``$contact``, ``$company``, ``$role``, ``$interview_date``,
    ``$date_applied``, ``$topic`` (a sentence about a topic discussed, or nothing) and
    ``$my_name``; text in the application is inserted as it is, never interpreted.
    """
    chosen = (templates or DEFAULT_TEMPLATES).get(str(action["action"]))
    if chosen is None:
        return None
    row = apps.loc[action["row"]]

    def day(value: object) -> str:
        return f"{value:%-d %B}" if pd.notna(value) else "recently"

    contact = action.get("contact_name")
    if contact is None or pd.isna(contact) or not str(contact).strip():
        contact = row[s.CONTACT_NAME] if pd.notna(row[s.CONTACT_NAME]) else "Hiring Manager"
    interview_day, topic = row[s.INTERVIEW_DATE], ""
    label = action.get("interview")
    if interviews is not None and label is not None and pd.notna(label) and \
            int(label) in interviews.index:
        interview = interviews.loc[int(label)]
        interview_day = interview[s.IV_DATE]
        subject = discussion_topic(interview)
        topic = f" I especially enjoyed discussing {subject}." if subject else ""
    values = {
        "contact": contact,
        "company": row[s.COMPANY] if pd.notna(row[s.COMPANY]) else "your company",
        "role": row[s.ROLE] if pd.notna(row[s.ROLE]) else "open",
        "interview_date": day(interview_day), "date_applied": day(row[s.DATE_APPLIED]),
        "my_name": my_name or "[your name]", "topic": topic,
    }
    subject, body = (string.Template(part).safe_substitute(values) for part in chosen)
    return subject, body


def mailto_link(address: str, subject: str, body: str) -> str | None:
    """A ``mailto:`` link with the subject and body filled in, or None when the address does
    not look like one."""
    address = (address or "").strip()
    if not address or "@" not in address or any(c in address for c in " <>\"'?&#\n"):
        return None
    query = urllib.parse.urlencode({"subject": subject, "body": body},
                                   quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(address, safe='@.+-_')}?{query}"
