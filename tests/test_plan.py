"""The weekly goal, the weeks against it, and the levers in the user's own rates."""

import datetime as dt

import pandas as pd
import pytest
from conftest import apps_frame

from analysis.forecast import plan
from analysis.interviews import empty_interviews

AS_OF = dt.date(2026, 6, 17)  # a Wednesday


def test_goal_from_setting_with_defaults_and_bad_values():
    assert plan.Goal.from_setting(None) == plan.Goal(10, 3)
    assert plan.Goal.from_setting({"applications": "7", "follow_ups": -2}) == plan.Goal(7, 0)
    assert plan.Goal.from_setting({"applications": "many"}) == plan.Goal(10, 3)
    goal = plan.Goal(5, 2)
    assert plan.Goal.from_setting(goal.as_setting()) == goal


def journal(rows: list[dict]) -> pd.DataFrame:
    table = empty_interviews().reindex(range(len(rows)))
    for i, row in enumerate(rows):
        for key, value in row.items():
            table.loc[i, key] = pd.Timestamp(value) if key == "date" else value
    return table


def test_follow_ups_done_counts_each_note_once():
    apps = apps_frame([
        {"company": "Acme", "thank_you_sent": "2026-06-02", "follow_up_sent": "2026-06-10"},
        {"company": "Globex", "rejection_thanks_sent": "2026-06-16"},
    ])
    notes = journal([
        # The application's thank-you is its latest interview's: one note, not two.
        {"company": "ACME ", "date": "2026-06-01", "thank_you_sent": "2026-06-02"},
        {"company": "Acme", "date": "2026-05-20", "thank_you_sent": "yes"},
        {"company": "Acme", "date": "2026-05-25", "thank_you_sent": "2026-05-26; 2026-05-27"},
    ])
    days = plan.follow_ups_done(apps, interviews=notes).sort_values().dt.strftime("%m-%d").tolist()
    assert days == ["05-20", "05-26", "05-27", "06-02", "06-10", "06-16"]


def test_each_interviewer_thanked_counts_toward_the_goal():
    """Two thank-you notes after a panel are two follow-ups, even sent the same day."""
    apps = apps_frame([{"company": "Acme", "thank_you_sent": "2026-06-02"}])
    panel = journal([{"company": "Acme", "date": "2026-06-01", "thank_you_sent": "2026-06-02",
                      "interviewers": "Ana Ruiz; Ben Okafor"}])
    assert len(plan.follow_ups_done(apps, interviews=panel)) == 2
    each = journal([{"company": "Acme", "date": "2026-06-01",
                     "thank_you_sent": "2026-06-02; 2026-06-02",
                     "interviewers": "Ana Ruiz; Ben Okafor"}])
    assert len(plan.follow_ups_done(apps, interviews=each)) == 2


def test_weekly_progress_against_the_goal():
    rows = [{"company": f"A{i}", "date_applied": "2026-06-15"} for i in range(3)]
    rows += [{"company": f"B{i}", "date_applied": "2026-06-08"} for i in range(5)]
    rows += [{"company": "Late", "date_applied": "2026-06-18"},  # after as_of
             {"company": "T", "date_applied": "2026-06-01", "thank_you_sent": "2026-06-09"}]
    progress = plan.weekly_progress(apps_frame(rows), as_of=AS_OF, goal=plan.Goal(4, 1),
                                    weeks=3)
    assert progress["week"].dt.strftime("%m-%d").tolist() == ["06-01", "06-08", "06-15"]
    assert progress["applications"].tolist() == [1, 5, 3]
    assert progress["follow_ups"].tolist() == [0, 1, 0]
    assert progress["applications_met"].tolist() == [False, True, False]
    assert progress["follow_ups_met"].tolist() == [False, True, False]
    assert plan.streak(progress) == 1


def test_streak_stops_at_the_first_missed_week():
    progress = pd.DataFrame({"applications_met": [True, False, True, True, False],
                             "follow_ups_met": [True, True, True, True, True]})
    assert plan.streak(progress) == 2  # the current (last) week does not count yet
    assert plan.streak(progress.iloc[:2]) == 1
    assert plan.streak(progress.iloc[:1]) == 0


def sources(referral: tuple[int, int], board: tuple[int, int]) -> pd.DataFrame:
    rows = []
    for source, (n, hits) in (("Referral", referral), ("Job board", board)):
        for i in range(n):
            rows.append({"company": f"{source}{i}", "source": source,
                         "date_applied": "2026-04-01",
                         "status": "interviewing" if i < hits else "rejected"})
    return apps_frame(rows)


def test_levers_compare_the_best_group_with_the_usual_one():
    found = plan.levers(sources((14, 9), (61, 10)), as_of=AS_OF, columns=["source"])
    row = found.iloc[0]
    assert (row["better"], row["usual"], row["n_better"], row["n_usual"]) == \
        ("Referral", "Job board", 14, 61)
    assert row["times"] == pytest.approx((9 / 14) / (10 / 61))
    assert row["p_value"] < 0.05
    assert row["sentence"].startswith("By source: Referral applications reach an interview "
                                      "3.9x as often as Job board ones (64% vs 16%; n=14 vs "
                                      "61;")
    assert "could be chance" not in row["sentence"]


def test_levers_say_plainly_when_the_numbers_are_too_few():
    found = plan.levers(sources((6, 2), (8, 2)), as_of=AS_OF, columns=["source"])
    sentence = found.iloc[0]["sentence"]
    assert "could be chance" in sentence and "too few to go on yet" in sentence
    assert plan.levers(sources((3, 2), (8, 2)), as_of=AS_OF, columns=["source"]).empty


def test_levers_when_the_usual_group_is_the_best():
    found = plan.levers(sources((6, 0), (20, 10)), as_of=AS_OF, columns=["source"],
                        outcome="interview")
    row = found.iloc[0]
    assert (row["better"], row["usual"]) == ("Job board", "Referral")
    assert "while none of Referral" in row["sentence"]


def test_follow_ups_of_different_kinds_on_one_day_all_count():
    apps = apps_frame([{"company": "Acme", "thank_you_sent": "2026-06-17",
                        "follow_up_sent": "2026-06-17", "rejection_thanks_sent": "2026-06-17"}])
    assert len(plan.follow_ups_done(apps)) == 3
    progress = plan.weekly_progress(apps, as_of=AS_OF, goal=plan.Goal(0, 3), weeks=1)
    # Done on the day itself still counts; meeting the goal exactly meets it.
    assert progress[["follow_ups", "follow_ups_met", "applications_met"]].values.tolist() == [
        [3, True, True]]
    later = plan.weekly_progress(apps, as_of=AS_OF - dt.timedelta(days=1), goal=plan.Goal(),
                                 weeks=1)
    assert later["follow_ups"].tolist() == [0]


def test_levers_leave_out_blanks_honour_min_n_and_sort_by_evidence():
    apps = pd.concat([sources((14, 9), (61, 10)),
                      apps_frame([{"company": f"X{i}", "date_applied": "2026-04-01",
                                   "status": "interviewing" if i == 40 else "rejected",
                                   "location": "Berlin" if i < 40 else
                                   "Remote" if i < 43 else None} for i in range(100)])],
                     ignore_index=True)
    found = plan.levers(apps, as_of=AS_OF, columns=["source", "location"], min_n=3)
    assert found["by"].tolist() == ["source", "location"]  # the stronger evidence first
    assert found.index.tolist() == [0, 1]
    location = found.iloc[1]
    assert "(blank)" not in (location["better"], location["usual"])
    assert location["n_better"] + location["n_usual"] == 43  # Remote's 3 count with min_n=3
    assert plan.levers(apps, as_of=AS_OF, columns=["location"], min_n=5).empty  # Berlin alone


def test_no_lever_where_no_reply_is_recorded():
    """LinkedIn's export (every application 'applied', no reply dates): 0% against 0% is no
    lever, though the groups are large enough."""
    apps = apps_frame([{"company": f"C{i}", "role": "Analyst" if i < 30 else "Manager",
                        "date_applied": "2026-04-01", "status": "applied"}
                       for i in range(50)])
    assert plan.levers(apps, as_of=AS_OF, columns=["role"]).empty


def test_no_lever_against_a_group_that_records_no_reply():
    """One role's applications record their outcomes, the other's none: no comparison."""
    rows = [{"company": f"A{i}", "role": "Analyst", "date_applied": "2026-04-01",
             "status": "interviewing" if i < 3 else "rejected"} for i in range(10)]
    rows += [{"company": f"M{i}", "role": "Manager", "date_applied": "2026-04-01",
              "status": "applied"} for i in range(30)]
    assert plan.levers(apps_frame(rows), as_of=AS_OF, columns=["role"]).empty
    assert plan.levers(apps_frame([]), as_of=AS_OF).empty


def test_a_column_without_a_lever_leaves_the_next_ones_looked_at():
    """A column missing, one with a single group, one whose groups never reached the outcome:
    each is passed over, and the source's lever is still found."""
    apps = pd.concat([sources((14, 9), (61, 10)),
                      apps_frame([{"company": f"X{i}", "date_applied": "2026-04-01",
                                   "status": "rejected",
                                   "location": "Berlin" if i < 20 else "Remote"}
                                  for i in range(40)])], ignore_index=True)
    found = plan.levers(apps, as_of=AS_OF, columns=["salary", "role", "location", "source"])
    assert found["by"].tolist() == ["source"]


def test_a_lever_counts_the_rounds_held_when_the_next_is_booked():
    """Five referral applications each held a first round in May and booked the next for
    July (their Interview date), with no reply date; five job-board ones wait. The Outcomes
    page counts the referrals as interviewed; the levers used to see 0% against 0% and found
    nothing to compare."""
    rows = [{"company": f"R{i}", "role": "Analyst", "source": "Referral",
             "status": "interviewing", "date_applied": "2026-05-01",
             "interview_date": "2026-07-01"} for i in range(5)]
    rows += [{"company": f"B{i}", "role": "Analyst", "source": "LinkedIn",
              "status": "rejected", "date_applied": "2026-05-01",
              "first_response_date": "2026-05-10"} for i in range(6)]
    apps = apps_frame(rows)
    journal = pd.DataFrame({"company": [f"R{i}" for i in range(5)] * 2,
                            "role": ["Analyst"] * 10,
                            "date": pd.to_datetime(["2026-05-20 10:00"] * 5
                                                   + ["2026-07-01 10:00"] * 5),
                            "round": [1.0] * 5 + [2.0] * 5})
    assert plan.levers(apps, as_of=AS_OF, columns=["source"]).empty
    found = plan.levers(apps, as_of=AS_OF, columns=["source"], interviews=journal)
    assert found[["better", "n_better", "rate_better", "usual", "rate_usual"]].values.tolist() \
        == [["Referral", 5, 1.0, "LinkedIn", 0.0]]
