"""One fact, one home (analysis.interviews.facts): an interview day from any door is a round,
a promised decision is the application's expected decision, an offer moves its application to
the offer stage; and everything that reads them (follow-ups, the forecast) tells the same."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import apps_frame

from analysis import followups as f
from analysis import interviews as iv
from analysis.forecast import pipeline_forecast
from analysis.interviews.facts import offer_statuses, one_story, rounds_for_dates

APPS = apps_frame([
    {"company": "Acme", "role": "Analyst", "date_applied": "2026-03-01", "status": "interviewing",
     "interview_date": "2026-03-10", "contact_name": "Rita Cole"},
    {"company": "Globex", "role": "Engineer", "date_applied": "2026-03-02", "status": "applied"},
    {"company": "Initech", "role": "PM", "date_applied": "2026-03-03", "status": "rejected",
     "decision_date": "2026-03-20"},
])
JOURNAL = iv.interviews_from_applications(APPS)


def test_an_interview_day_from_mail_is_a_new_round():
    accepted = APPS.assign(interview_date=pd.to_datetime(
        ["2026-03-17", "2026-03-12", None]).astype("datetime64[us]"))
    story = one_story(accepted, JOURNAL)
    rounds = story.interviews.sort_values("date")
    assert list(zip(rounds["company"], rounds["round"], rounds["date"].dt.day,
                    strict=True)) == [("Acme", 1.0, 10), ("Globex", 1.0, 12), ("Acme", 2.0, 17)]
    assert story.applications["interview_date"].dt.day.tolist()[:2] == [17, 12]
    assert rounds[rounds["round"] == 2.0]["interviewers"].tolist() == ["Rita Cole"]
    assert iv.rounds_summary(story.interviews, story.applications).tolist() == [2, 1, 0]


def interviewed_on(*days: str | None) -> pd.DataFrame:
    return APPS.assign(interview_date=pd.to_datetime(list(days)).astype("datetime64[us]"))


@pytest.mark.parametrize(("day", "as_of"), [("2026-03-11", dt.date(2026, 3, 5)),
                                            ("2026-03-09", dt.date(2026, 3, 25)),
                                            ("2026-03-09", None)])
def test_a_corrected_interview_day_moves_its_round(day, as_of):
    """Rescheduled before it was held, or moved earlier: the same round on another day."""
    rounds = rounds_for_dates(interviewed_on(day, None, None), JOURNAL, before=APPS, as_of=as_of)
    assert rounds["date"].tolist() == [pd.Timestamp(day)] and rounds["round"].tolist() == [1.0]


@pytest.mark.parametrize("as_of", [dt.date(2026, 3, 25), dt.date(2026, 3, 10), None])
def test_a_later_interview_day_after_a_round_held_is_the_next_round(as_of):
    """The second interview's day typed in the Data page's Interview date (or accepted from
    mail) once the first was held: the first round stays, with its interviewer, and the
    second is added after it."""
    rounds = rounds_for_dates(interviewed_on("2026-03-17", None, None), JOURNAL, before=APPS,
                              as_of=as_of)
    assert rounds["date"].dt.day.tolist() == [10, 17] and rounds["round"].tolist() == [1.0, 2.0]
    assert rounds["interviewers"].tolist() == ["Rita Cole", "Rita Cole"]
    story = one_story(interviewed_on("2026-03-17", None, None), JOURNAL, before=APPS,
                      as_of=as_of)
    assert iv.rounds_summary(story.interviews, story.applications).tolist() == [2, 0, 0]


def test_nothing_changes_when_every_day_has_its_round():
    story = one_story(APPS, JOURNAL)
    pd.testing.assert_frame_equal(story.interviews.drop(columns=iv.APPLICATION), JOURNAL)
    pd.testing.assert_frame_equal(story.applications, APPS)


def test_rounds_that_came_in_out_of_order_are_numbered_by_their_days():
    """The second interview typed on the Data page first (it became round 1), then the
    first's notes written as round 1 in the notes form: rounds 1 and 2 by their days, and
    the application reached round 2 on every page."""
    second = one_story(interviewed_on("2026-03-17", None, None), JOURNAL.iloc[:0]).interviews
    first = iv.record_notes(second, None, {"date": pd.Timestamp("2026-03-10 10:00"),
                                           "round": 1.0}, new={"company": "Acme",
                                                               "role": "Analyst"})
    story = one_story(interviewed_on("2026-03-17", None, None),
                      iv.with_applications(first, APPS))  # tied again, as in_step does
    rounds = story.interviews.sort_values("date")
    assert rounds["round"].tolist() == [1.0, 2.0]
    assert iv.rounds_summary(story.interviews, story.applications).tolist() == [2, 0, 0]


def test_only_dated_rounds_of_an_application_are_renumbered():
    """Two rounds numbered 1 on different days become 1 and 2; a round without a day, and
    one of no application, keep the numbers given."""
    from analysis.interviews.facts import rounds_in_order
    journal = pd.DataFrame({"application": pd.array([0, 0, 0, None], dtype="Int64"),
                            "date": pd.to_datetime(["2026-03-17", "2026-03-10", None,
                                                    "2026-03-01"]),
                            "round": [1.0, 1.0, 5.0, 1.0]})
    assert rounds_in_order(journal)["round"].tolist() == [2.0, 1.0, 5.0, 1.0]
    assert rounds_in_order(journal.iloc[2:])["round"].tolist() == [5.0, 1.0]


def test_rounds_numbered_in_the_order_of_their_days_keep_their_numbers():
    journal = iv.with_applications(pd.concat([JOURNAL.assign(round=2.0), JOURNAL.assign(
        date=pd.Timestamp("2026-03-19"), round=4.0)], ignore_index=True), APPS)
    assert one_story(APPS, journal).interviews["round"].tolist() == [2.0, 4.0]


def test_a_decision_promised_at_an_interview_is_the_applications_expected_decision():
    """"When will you hear back?" answered in the notes form: the application's expected
    decision, its follow-up a week after, and no longer "no next action"."""
    noted = iv.record_notes(JOURNAL, 0, {"decision_expected": pd.Timestamp("2026-03-20")})
    story = one_story(APPS, noted)
    assert story.applications.loc[0, "expected_decision_date"] == pd.Timestamp("2026-03-20")
    actions = f.due_follow_ups(story.applications, as_of=dt.date(2026, 3, 25),
                               interviews=story.interviews)
    decision = actions[actions["action"] == "decision_follow_up"]
    assert decision["due"].tolist() == [pd.Timestamp("2026-03-27")]
    assert 0 not in f.without_next_action(story.applications, actions).index


def test_no_decision_follow_up_while_the_next_round_is_booked():
    """The first round held on the 10th, the second's day (the 27th) typed in the Data page:
    the Follow-ups page no longer says to follow up on the decision on the 24th, three days
    before the next interview; it does two weeks after the second round."""
    story = one_story(interviewed_on("2026-03-27", None, None), JOURNAL, before=APPS,
                      as_of=dt.date(2026, 3, 20))
    actions = f.due_follow_ups(story.applications, as_of=dt.date(2026, 3, 20),
                               interviews=story.interviews)
    assert "decision_follow_up" not in actions["action"].tolist()
    later = f.due_follow_ups(story.applications, as_of=dt.date(2026, 4, 5),
                             interviews=story.interviews)
    decision = later[later["action"] == "decision_follow_up"]
    assert decision["due"].tolist() == [pd.Timestamp("2026-04-10")]


def test_a_later_promise_from_mail_is_kept():
    promised = APPS.assign(expected_decision_date=pd.to_datetime(
        ["2026-03-28", None, None]).astype("datetime64[us]"))
    noted = iv.record_notes(JOURNAL, 0, {"decision_expected": pd.Timestamp("2026-03-20")})
    assert one_story(promised, noted).applications.loc[0, "expected_decision_date"] == \
        pd.Timestamp("2026-03-28")


def test_an_offer_moves_its_application_and_a_contradiction_is_asked():
    offers = pd.DataFrame({"company": ["acme", "Initech", "Nobody"], "role": [None, "PM", None],
                           "base_salary": [90_000.0, 80_000.0, 1.0]})
    moved, asked = offer_statuses(APPS, offers)
    assert moved["status"].tolist() == ["offer", "applied", "rejected"]
    assert asked.to_dict("records") == [{"company": "Initech", "role": "PM",
                                         "status": "rejected"}]


def test_an_offer_for_another_role_at_a_company_waits_for_its_application():
    """An offer for Globex's Data Analyst job entered on the Offers page before that
    application is in the tracker: Globex's only application (Engineer) stays where it is,
    and the Data Analyst application, once added, is the one at the offer stage."""
    offers = pd.DataFrame({"company": ["Globex"], "role": ["Data Analyst"],
                           "base_salary": [9e4]})
    moved, asked = offer_statuses(APPS, offers)
    assert moved["status"].tolist() == APPS["status"].tolist() and asked.empty
    added = pd.concat([APPS, apps_frame([{"company": "Globex", "role": "Data Analyst",
                                          "date_applied": "2026-03-05"}])], ignore_index=True)
    assert offer_statuses(added, offers)[0]["status"].tolist() == [
        "interviewing", "applied", "rejected", "offer"]
    unnamed = offers.assign(role=None)
    assert offer_statuses(APPS, unnamed)[0]["status"].tolist()[1] == "offer"


def test_an_application_with_an_offer_is_no_longer_forecast_as_interviewing():
    offers = pd.DataFrame({"company": ["Acme"], "role": ["Analyst"], "base_salary": [9e4]})
    story = one_story(APPS, JOURNAL, offers)
    forecast = pipeline_forecast(story.applications, as_of=dt.date(2026, 3, 25))
    assert "Acme" not in forecast.by_application["company"].tolist()
    assert "Acme" in pipeline_forecast(APPS, as_of=dt.date(2026, 3, 25)).by_application[
        "company"].tolist()


def test_one_row_and_empty_tables():
    empty = APPS.iloc[:0]
    story = one_story(empty, JOURNAL.iloc[:0], None)
    assert story.applications.empty and story.interviews.empty and story.offer_conflicts.empty
    single = one_story(APPS.iloc[[1]].assign(interview_date=pd.Timestamp("2026-03-05")),
                       JOURNAL.iloc[:0])
    assert len(single.interviews) == 1 and single.interviews["round"].tolist() == [1.0]


def test_a_round_taken_out_of_the_journal_is_not_put_back():
    """The journal's own door (the Interviews page) is the home of rounds: a round deleted
    there stays deleted, whatever the application's day said before."""
    two = one_story(APPS.assign(interview_date=pd.to_datetime(
        ["2026-03-17", None, None]).astype("datetime64[us]")), JOURNAL).interviews
    kept = two[two["round"] == 1.0]
    story = one_story(APPS.assign(interview_date=pd.to_datetime(
        ["2026-03-17", None, None]).astype("datetime64[us]")), kept,
        before=APPS.assign(interview_date=pd.to_datetime(
            ["2026-03-17", None, None]).astype("datetime64[us]")))
    assert story.interviews["round"].tolist() == [1.0]
    assert story.applications.loc[0, "interview_date"] == pd.Timestamp("2026-03-10")
