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
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.model import schema as s
from analysis.model.cells import per_distinct
from analysis.model.dates import format_days
from analysis.model.stages import Stage, reply_known, response_dates, stage_codes

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


def rules_setting(*, status_check: int | None) -> dict[str, object]:
    """The user's rule choices as the workspace keeps them (``rules_from_settings`` reads
    them back): the days after applying before a status check, None for none.

    >>> rules_from_settings(rules_setting(status_check=30)).status_check
    30
    """
    return {"status_check": int(status_check) if status_check is not None else None}


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
    mask = (_open(apps) & applied.notna() & (stage_codes(apps) == Stage.APPLIED)
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
    silent = (_open(apps) & applied.notna() & followed.isna() & (stage_codes(apps) == Stage.APPLIED)
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
        mask &= stage_codes(apps) >= Stage.SCREENING
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


DONE, SNOOZED, NOT_APPLICABLE = "done", "snoozed", "not applicable"
