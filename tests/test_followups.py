"""Every follow-up rule at its boundaries, the drafted messages, and the calendar export."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest
from conftest import apps_frame
from icalendar import Calendar

from analysis import empty_applications, generate_applications
from analysis import followups as f
from analysis.outputs.exports import actions_calendar, safe_csv

INTERVIEW = "2025-03-10"
BASE = {"company": "Acme", "role": "Analyst", "date_applied": "2025-03-01",
        "first_response_date": "2025-03-04", "status": "interviewing",
        "interview_date": INTERVIEW, "interview_notes": "Good chat",
        "thank_you_sent": "2025-03-10", "contact_channel": "email",
        "contact_name": "Ines Dubois", "contact_email": "ines@acme.example"}


def actions_for(row: dict, as_of: str, rules: f.FollowUpRules | None = None,
                offers: pd.DataFrame | None = None) -> pd.DataFrame:
    apps = apps_frame([row])
    return f.due_follow_ups(apps, as_of=dt.date.fromisoformat(as_of), rules=rules,
                            offers=offers)


def one(actions: pd.DataFrame, action: str) -> pd.Series | None:
    found = actions[actions["action"] == action]
    assert len(found) <= 1
    return None if found.empty else found.iloc[0]


# --- rule 1: notes ---------------------------------------------------------------------------

@pytest.mark.parametrize(("as_of", "state", "overdue"), [
    ("2025-03-09", None, None),  # before the interview: nothing to write yet
    ("2025-03-10", f.DUE_TODAY, 0),  # the interview day
    ("2025-03-11", f.OVERDUE, 1),
])
def test_interview_notes(as_of, state, overdue):
    action = one(actions_for({**BASE, "interview_notes": None}, as_of), f.NOTES)
    if state is None:
        assert action is None
    else:
        assert (action["state"], action["days_overdue"]) == (state, overdue)
        assert action["due"] == pd.Timestamp(INTERVIEW)


def test_notes_written_means_no_action():
    assert one(actions_for(BASE, "2025-03-11"), f.NOTES) is None


# --- rule 2: thank-you -----------------------------------------------------------------------

@pytest.mark.parametrize(("as_of", "state", "overdue"), [
    ("2025-03-10", f.DUE_TODAY, 0),  # interview day
    ("2025-03-11", f.DUE_TODAY, 0),  # exactly 24 hours after
    ("2025-03-12", f.DUE_TODAY, 0),  # exactly 48 hours after: the last day
    ("2025-03-13", f.OVERDUE, 1),
])
def test_thank_you_within_24_to_48_hours(as_of, state, overdue):
    action = one(actions_for({**BASE, "thank_you_sent": None}, as_of), f.THANK_YOU)
    assert (action["state"], action["days_overdue"]) == (state, overdue)
    assert action["due"] == pd.Timestamp(INTERVIEW)
    assert action["overdue_after"] == pd.Timestamp("2025-03-12")
    assert action["channel"] == "email"
    assert action["done_column"] == "thank_you_sent"


def test_thank_you_for_an_earlier_interview_does_not_count():
    row = {**BASE, "thank_you_sent": "2025-03-06", "interview_date": INTERVIEW}
    assert one(actions_for(row, "2025-03-11"), f.THANK_YOU) is not None


def test_letter_writers_are_advised_email_and_a_typed_letter():
    row = {**BASE, "thank_you_sent": None, "contact_channel": "Letter"}
    assert one(actions_for(row, "2025-03-11"), f.THANK_YOU)["channel"] == \
        "email and a typed letter"


# --- rule 3: decision follow-up and status check --------------------------------------------

@pytest.mark.parametrize(("expected", "as_of", "state"), [
    ("2025-03-20", "2025-03-20", f.UPCOMING),  # decision date today: follow up in a week
    ("2025-03-20", "2025-03-26", f.UPCOMING),
    ("2025-03-20", "2025-03-27", f.DUE_TODAY),  # one week after the promised date
    ("2025-03-20", "2025-03-28", f.OVERDUE),
    (None, "2025-03-24", f.DUE_TODAY),  # no date given: 14 days after the interview
    (None, "2025-03-16", None),  # more than a week ahead: not listed yet
])
def test_decision_follow_up(expected, as_of, state):
    row = {**BASE, "expected_decision_date": expected}
    action = one(actions_for(row, as_of), f.DECISION_FOLLOW_UP)
    assert (None if action is None else action["state"]) == state


def test_decision_follow_up_uses_the_medium_used_so_far():
    row = {**BASE, "expected_decision_date": "2025-03-20", "contact_channel": "phone"}
    assert one(actions_for(row, "2025-03-27"), f.DECISION_FOLLOW_UP)["channel"] == "phone"


def test_a_decision_ends_the_follow_ups():
    row = {**BASE, "expected_decision_date": "2025-03-20", "decision_date": "2025-03-25",
           "status": "rejected"}
    actions = actions_for(row, "2025-03-27")
    assert one(actions, f.DECISION_FOLLOW_UP) is None


@pytest.mark.parametrize(("as_of", "state"), [
    ("2025-03-14", None), ("2025-03-15", f.UPCOMING), ("2025-03-22", f.DUE_TODAY),
    ("2025-04-05", f.OVERDUE), ("2025-04-06", None),  # past the 14-day window: ghosted
])
def test_status_check_after_three_weeks_of_silence(as_of, state):
    row = {"company": "Quiet", "date_applied": "2025-03-01", "status": "applied"}
    action = one(actions_for(row, as_of), f.STATUS_CHECK)
    assert (None if action is None else action["state"]) == state


def test_status_check_can_be_switched_off():
    row = {"company": "Quiet", "date_applied": "2025-03-01", "status": "applied"}
    rules = dataclasses.replace(f.FollowUpRules(), status_check=None)
    assert actions_for(row, "2025-03-22", rules).empty


# --- rule 4: only once, then move on --------------------------------------------------------

@pytest.mark.parametrize(("as_of", "state"), [
    ("2025-03-29", None),  # follow-up sent yesterday: wait
    ("2025-04-03", None),  # moving on is not announced ahead
    ("2025-04-04", f.DUE_TODAY),  # seven days without an answer
    ("2025-04-05", f.OVERDUE),
])
def test_move_on_after_one_unanswered_follow_up(as_of, state):
    row = {**BASE, "expected_decision_date": "2025-03-20", "follow_up_sent": "2025-03-28"}
    actions = actions_for(row, as_of)
    assert one(actions, f.DECISION_FOLLOW_UP) is None  # never a second follow-up
    move_on = one(actions, f.MOVE_ON)
    assert (None if move_on is None else move_on["state"]) == state


QUIET = {"company": "Quiet", "date_applied": "2025-03-01", "status": "applied"}
ANSWERED = {"company": "Other", "date_applied": "2025-03-01", "status": "rejected",
            "decision_date": "2025-03-05"}


def quiet_actions(as_of: str, rules: f.FollowUpRules | None = None) -> pd.DataFrame:
    """Actions for an application without any reply, in a table that records replies."""
    actions = f.due_follow_ups(apps_frame([QUIET, ANSWERED]),
                               as_of=dt.date.fromisoformat(as_of), rules=rules)
    return actions[actions["company"] == "Quiet"]


@pytest.mark.parametrize(("as_of", "check", "move_on"), [
    ("2025-04-05", f.OVERDUE, None),  # the status check's last day
    ("2025-04-06", None, f.DUE_TODAY),  # its window has closed: move on
    ("2025-04-20", None, f.OVERDUE),  # 50 days after applying: still offered
    ("2025-09-01", None, f.OVERDUE),  # moving on is never too late to suggest
])
def test_an_application_never_answered_is_offered_to_move_on(as_of, check, move_on):
    actions = quiet_actions(as_of)
    assert [None if (a := one(actions, key)) is None else a["state"]
            for key in (f.STATUS_CHECK, f.MOVE_ON)] == [check, move_on]
    if move_on:
        action = one(actions, f.MOVE_ON)
        assert action["title"] == "Move on: mark as ghosted"
        assert action["detail"].startswith("No reply since you applied on 1 Mar")
        assert action["done_column"] == "status"


def test_moving_on_from_silence_follows_the_status_check_days():
    rules = dataclasses.replace(f.FollowUpRules(), status_check=30)
    assert one(quiet_actions("2025-04-14", rules), f.MOVE_ON) is None
    assert one(quiet_actions("2025-04-15", rules), f.MOVE_ON) is not None
    off = dataclasses.replace(f.FollowUpRules(), status_check=None)
    assert one(quiet_actions("2025-04-06", off), f.MOVE_ON) is not None


def test_no_move_on_from_silence_where_no_reply_is_recorded_at_all():
    """LinkedIn's export records no replies: silence there is not a fact to act on."""
    assert one(actions_for(QUIET, "2025-04-20"), f.MOVE_ON) is None


def test_marking_moved_on_sets_ghosted():
    apps = apps_frame([QUIET, ANSWERED])
    action = one(quiet_actions("2025-04-20"), f.MOVE_ON)
    assert f.mark_done(apps, action, on=dt.date(2025, 4, 20)).loc[0, "status"] == "ghosted"


def test_open_applications_without_a_next_action():
    apps = apps_frame([QUIET, ANSWERED, {"company": "Fresh", "date_applied": "2025-04-01",
                                         "status": "applied"}, {"company": "Saved",
                                                                "status": "saved"}])
    actions = f.due_follow_ups(apps, as_of=dt.date(2025, 4, 2))
    idle = f.without_next_action(apps, actions)
    assert idle["company"].tolist() == ["Fresh"]  # waiting within the routine
    assert f.without_next_action(apps, actions[actions["company"] != "Quiet"])["company"]\
        .tolist() == ["Quiet", "Fresh"]  # its status check set aside
    assert f.without_next_action(empty_applications(), f.empty_actions()).empty


def test_an_answer_after_the_follow_up_cancels_moving_on():
    row = {**BASE, "follow_up_sent": "2025-03-28", "decision_date": "2025-03-30",
           "status": "offer"}
    assert one(actions_for(row, "2025-04-10"), f.MOVE_ON) is None


# --- rule 5: thank-you after a rejection ----------------------------------------------------

@pytest.mark.parametrize(("row", "as_of", "state"), [
    ({"decision_date": "2025-03-20"}, "2025-03-22", f.UPCOMING),
    ({"decision_date": "2025-03-20"}, "2025-03-23", f.DUE_TODAY),  # within 3 days
    ({"decision_date": "2025-03-20"}, "2025-03-24", f.OVERDUE),
    ({"decision_date": "2025-03-20", "rejection_thanks_sent": "2025-03-21"}, "2025-03-24", None),
])
def test_rejection_thank_you(row, as_of, state):
    rejected = {**BASE, "status": "rejected", **row}
    actions = actions_for(rejected, as_of)
    action = one(actions, f.REJECTION_THANKS)
    assert (None if action is None else action["state"]) == state
    # A closed application gets nothing else.
    assert set(actions["action"]) <= {f.REJECTION_THANKS}


def test_rejection_at_the_first_reply_gets_no_thank_you_unless_asked():
    row = {"company": "Big", "status": "rejected", "date_applied": "2025-03-01",
           "decision_date": "2025-03-05"}
    assert actions_for(row, "2025-03-06").empty
    rules = dataclasses.replace(f.FollowUpRules(), rejection_thanks_for_all=True)
    assert one(actions_for(row, "2025-03-06", rules), f.REJECTION_THANKS) is not None


# --- rule 6: offers --------------------------------------------------------------------------

def test_offer_names_the_missing_facts_and_warns_of_the_deadline():
    offers = pd.DataFrame({"company": ["acme "], "base_salary": [90000.0], "bonus": [None],
                           "equity_per_year": [None], "benefits_value": [3000.0],
                           "pto_days": [None], "remote_days_per_week": [2.0],
                           "deadline": pd.to_datetime(["2025-04-10"])})
    row = {**BASE, "status": "offer", "decision_date": "2025-04-01"}
    action = one(actions_for(row, "2025-04-07", offers=offers), f.OFFER_FACTS)
    assert action["detail"].startswith("Ask about: bonus, equity, PTO days.")
    assert "Answer due by 10 Apr" in action["detail"]
    assert action["due"] == pd.Timestamp("2025-04-07")  # three days before the deadline
    assert action["state"] == f.DUE_TODAY
    late = one(actions_for(row, "2025-04-11", offers=offers), f.OFFER_FACTS)
    assert late["state"] == f.OVERDUE


def test_offer_without_an_offers_table_asks_for_everything():
    row = {**BASE, "status": "offer", "decision_date": "2025-04-01"}
    action = one(actions_for(row, "2025-04-01"), f.OFFER_FACTS)
    assert "base salary" in action["detail"] and "Ask by when" in action["detail"]


# --- closed applications, missing dates, empty tables ---------------------------------------

@pytest.mark.parametrize("status", ["accepted", "withdrawn", "ghosted"])
def test_closed_applications_produce_no_actions(status):
    row = {**BASE, "status": status, "interview_notes": None, "thank_you_sent": None}
    assert actions_for(row, "2025-03-11").empty


def test_missing_dates_produce_no_false_alarms():
    row = {"company": "Undated", "status": "interviewing"}
    assert actions_for(row, "2025-03-11").empty


def test_empty_table():
    assert f.due_follow_ups(empty_applications(), as_of=dt.date(2025, 1, 1)).empty


def test_old_overdue_actions_are_forgotten():
    row = {**BASE, "thank_you_sent": None}
    assert one(actions_for(row, "2025-05-30"), f.THANK_YOU) is None
    rules = dataclasses.replace(f.FollowUpRules(), forget_after=None)
    assert one(actions_for(row, "2025-05-30", rules), f.THANK_YOU)["days_overdue"] == 79


# --- done, snoozed, not applicable ----------------------------------------------------------

def test_done_writes_the_date_and_the_action_goes_away():
    apps = apps_frame([{**BASE, "thank_you_sent": None}])
    today = dt.date(2025, 3, 11)
    action = one(f.due_follow_ups(apps, as_of=today), f.THANK_YOU)
    updated = f.mark_done(apps, action, on=today)
    assert updated.loc[0, "thank_you_sent"] == pd.Timestamp(today)
    assert pd.isna(apps.loc[0, "thank_you_sent"])  # the caller's frame is untouched
    assert one(f.due_follow_ups(updated, as_of=today), f.THANK_YOU) is None


def test_log_hides_done_and_snoozed_until_the_day():
    apps = generate_applications(150, seed=2026, end=dt.date(2026, 11, 20))
    today = dt.date(2026, 11, 20)
    actions = f.due_follow_ups(apps, as_of=today)
    log = f.ActionLog()
    first, second = actions["action_id"].iloc[0], actions["action_id"].iloc[1]
    log.entries[first] = (f.DONE, None)
    log.entries[second] = (f.SNOOZED, today + dt.timedelta(days=3))
    assert len(f.open_actions(actions, log, as_of=today)) == len(actions) - 2
    later = f.open_actions(actions, log, as_of=today + dt.timedelta(days=3))
    assert second in set(later["action_id"]) and first not in set(later["action_id"])


def test_action_ids_are_stable_and_distinct():
    apps = generate_applications(150, seed=2026, end=dt.date(2026, 11, 20))
    actions = f.due_follow_ups(apps, as_of=dt.date(2026, 11, 20))
    assert actions["action_id"].is_unique
    shuffled = apps.sample(frac=1, random_state=1)
    again = f.due_follow_ups(shuffled, as_of=dt.date(2026, 11, 20))
    assert set(again["action_id"]) == set(actions["action_id"])


def test_sample_has_a_realistic_mix():
    today = dt.date(2026, 11, 20)
    actions = f.due_follow_ups(generate_applications(150, seed=2026, end=today), as_of=today)
    assert set(actions["state"]) == set(f.STATES)
    assert {f.THANK_YOU, f.NOTES, f.STATUS_CHECK} <= set(actions["action"])


# --- drafts and links -----------------------------------------------------------------------

def test_drafts_are_filled_from_the_row_and_never_interpreted():
    row = {**BASE, "thank_you_sent": None, "company": "$role {0} ${company}"}
    apps = apps_frame([row])
    action = one(f.due_follow_ups(apps, as_of=dt.date(2025, 3, 11)), f.THANK_YOU)
    subject, body = f.draft_message(action, apps, my_name="Sam")
    assert subject == "Thank you for the interview: Analyst"
    assert body.startswith("Dear Ines Dubois,")
    assert "on 10 March about the Analyst position at $role {0} ${company}." in body
    assert body.endswith("Sam")
    assert f.draft_message(one(f.due_follow_ups(
        apps_frame([{**BASE, "interview_notes": None}]), as_of=dt.date(2025, 3, 11)), f.NOTES),
        apps) is None


def test_mailto_link():
    link = f.mailto_link("ines@acme.example", "Hi & bye", "Line 1\nLine 2")
    assert link == "mailto:ines@acme.example?subject=Hi%20%26%20bye&body=Line%201%0ALine%202"
    assert f.mailto_link("not an address", "a", "b") is None
    assert f.mailto_link("x@y.example?cc=evil@z.example", "a", "b") is None


# --- exports ---------------------------------------------------------------------------------

def test_calendar_has_one_event_per_action_with_stable_uids():
    today = dt.date(2026, 11, 20)
    actions = f.due_follow_ups(generate_applications(150, seed=2026, end=today), as_of=today)
    first = Calendar.from_ical(actions_calendar(actions, as_of=today))
    events = first.walk("VEVENT")
    assert len(events) == len(actions)
    assert all(e.get("dtstart").dt >= today for e in events)
    assert all(e.walk("VALARM") for e in events)
    again = Calendar.from_ical(actions_calendar(actions, as_of=today))
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(e["uid"]) for e in events]
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_csv_neutralises_formulas():
    import csv
    import io

    frame = pd.DataFrame({"company": ["=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
                                      "-2", "Acme"], "n": [1, -2, 3, 4, 5]})
    rows = list(csv.reader(io.StringIO(safe_csv(frame).decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"x\")", "'+cmd|' /C calc'!A0",
                                        "'@SUM(1+1)", "'-2", "Acme"]
    assert [r[1] for r in rows[1:]] == ["1", "-2", "3", "4", "5"]  # numbers stay numbers


def test_action_ids_keep_their_documented_form():
    """Ids are stored in the action log and are calendar event UIDs: the first 16 hex digits
    of the SHA-1 of company, role, day applied and action (lower case, "|"-joined), then the
    interview's time, round and the interviewer for the journal's actions, and "|1" for a
    second identical application. A change here would bring back actions marked done."""
    import hashlib

    def sha(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    row = {**BASE, "company": " Acme ", "thank_you_sent": None}
    ids = f.due_follow_ups(apps_frame([row, row]), as_of=dt.date(2025, 3, 11))
    thanks = ids[ids["action"] == f.THANK_YOU]["action_id"].tolist()
    assert thanks == [sha("acme|analyst|2025-03-01|thank_you"),
                      sha("acme|analyst|2025-03-01|thank_you|1")]
    from analysis import interviews as iv
    from analysis.model import schema as s

    journal = iv.empty_interviews().reindex(range(1)).astype(
        {s.IV_DATE: "datetime64[us]", s.IV_ROUND: "float64"})
    journal[s.IV_COMPANY], journal[s.IV_ROLE] = "Acme", "Analyst"
    journal[s.IV_DATE] = pd.Timestamp("2025-03-10 14:30")
    journal[s.IV_ROUND] = 2.0
    journal[s.INTERVIEWERS] = "Ana Ruiz"
    per_person = f.due_follow_ups(apps_frame([{**BASE, "interview_notes": None}]),
                                  as_of=dt.date(2025, 3, 11), interviews=journal)
    found = dict(zip(per_person["action"], per_person["action_id"], strict=True))
    assert found[f.THANK_YOU] == sha(
        "acme|analyst|2025-03-01|thank_you|2025-03-10T14:30|2|ana ruiz")
    assert found[f.NOTES] == sha("acme|analyst|2025-03-01|interview_notes|2025-03-10T14:30|2")


def test_overdue_actions_come_first_even_when_due_later():
    """A thank-you due two days ago is still within its 48 hours (due today); a status check
    due yesterday is overdue: the overdue one is listed first."""
    thanks = {**BASE, "company": "Thanks Ltd", "interview_date": "2025-03-23",
              "thank_you_sent": None}
    check = {**BASE, "company": "Check Corp", "status": "applied", "date_applied": "2025-03-03",
             "first_response_date": None, "interview_date": None, "thank_you_sent": None}
    actions = f.due_follow_ups(apps_frame([thanks, check]), as_of=dt.date(2025, 3, 25))
    listed = actions[actions["action"].isin([f.THANK_YOU, f.STATUS_CHECK])]
    assert listed[["company", "state"]].values.tolist() == [
        ["Check Corp", f.OVERDUE], ["Thanks Ltd", f.DUE_TODAY]]


def test_applications_entered_twice_get_distinct_action_ids():
    row = {**BASE, "thank_you_sent": None}
    actions = f.due_follow_ups(apps_frame([row, row]), as_of=dt.date(2025, 3, 11))
    thanks = actions[actions["action"] == f.THANK_YOU]
    assert len(thanks) == 2 and thanks["action_id"].is_unique


# --- the page's choices, in analysis -----------------------------------------------------------

@pytest.mark.parametrize("days", [None, 7, 21, 90])
def test_the_rules_setting_reads_back_as_the_same_rules(days):
    saved = f.rules_setting(status_check=days)
    assert saved == {"status_check": days}
    assert f.rules_from_settings(saved).status_check == days
    assert f.rules_from_settings(saved).upcoming == f.FollowUpRules().upcoming


@pytest.mark.parametrize(("decision", "until"), [
    (f.SNOOZED, dt.date(2026, 4, 2)), (f.DONE, None), (f.NOT_APPLICABLE, None)])
def test_a_snooze_lasts_three_days_and_other_decisions_for_good(decision, until):
    assert f.snoozed_until(decision, as_of=dt.date(2026, 3, 30)) == until
    assert f.snoozed_until(f.SNOOZED, as_of=dt.date(2026, 3, 30), days=10) == \
        dt.date(2026, 4, 9)


def test_a_snoozed_action_is_hidden_until_the_day_it_comes_back():
    until = f.snoozed_until(f.SNOOZED, as_of=dt.date(2026, 3, 30))
    log = f.ActionLog(entries={"a1": (f.SNOOZED, until)})
    ids = pd.Series(["a1"])
    assert log.hidden(ids, as_of=dt.date(2026, 4, 1)).tolist() == [True]
    assert log.hidden(ids, as_of=dt.date(2026, 4, 2)).tolist() == [False]


def test_when_an_action_is_due_in_words():
    """A thank-you due within 48 hours of a 10 March interview: 'Due now (by 12 Mar)' on the
    11th, and on the 14th 'Overdue by 2 days (due by 12 Mar)', not '(due 10 Mar)', four days
    before, beside a count of two."""
    found = f.due_follow_ups(apps_frame([
        {"company": "A", "status": "interviewing", "date_applied": "2026-03-01",
         "interview_date": "2026-03-10"}]), as_of=dt.date(2026, 3, 11))
    by_action = found.set_index("action")
    assert f.due_text(by_action.loc[f.THANK_YOU]) == "Due now (by 12 Mar)"
    later = f.due_follow_ups(apps_frame([
        {"company": "A", "status": "interviewing", "date_applied": "2026-03-01",
         "interview_date": "2026-03-10"}]), as_of=dt.date(2026, 3, 14)).set_index("action")
    # Late by two days counting from the 12th, the day it was due by the day before.
    assert f.due_text(later.loc[f.THANK_YOU]) == "Overdue by 2 days (due by 12 Mar)"
    coming = pd.Series({"state": f.UPCOMING, "due": pd.Timestamp("2026-03-20"),
                        "days_overdue": 0, "overdue_after": pd.Timestamp("2026-03-22")})
    assert f.due_text(coming) == "Due Friday 20 Mar"


def test_an_application_with_nothing_to_do_says_why():
    """A LinkedIn export records no replies: a July application in November is not "within
    the routine's time", it is past it with silence that cannot be read."""
    apps = apps_frame([{"company": "Old", "date_applied": "2026-07-01", "status": "applied"},
                       {"company": "New", "date_applied": "2026-11-20", "status": "applied"}])
    as_of = dt.date(2026, 11, 25)
    idle = f.without_next_action(apps, f.due_follow_ups(apps, as_of=as_of), as_of=as_of)
    why = idle.set_index("company")["why"]
    assert why["New"].startswith("waiting: the status check is due")
    assert "records no replies" in why["Old"]
