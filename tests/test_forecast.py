"""The pipeline forecast: censoring, the prior, the simulation, what it takes to reach an offer,
the back-test. (Calibration on simulated searches is a benchmark: benchmarks/forecast.py.)"""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import apps_frame

from analysis import empty_applications, generate_applications
from analysis import forecast as f
from analysis.forecast import needed

AS_OF = dt.date(2026, 6, 30)


def day(offset: int) -> str:
    return (AS_OF + dt.timedelta(days=offset)).isoformat()


def interviewed_history(n: int, offers: int, *, after: int = 14, start: int = -400) -> list:
    """``n`` applications interviewed long ago, ``offers`` of them offered ``after`` days after
    the interview, the rest rejected then."""
    rows = []
    for i in range(n):
        applied = start + i % 100
        rows.append({"company": f"H{i}", "date_applied": day(applied),
                     "first_response_date": day(applied + 5),
                     "interview_date": day(applied + 10),
                     "decision_date": day(applied + 10 + after),
                     "status": "offer" if i < offers else "rejected"})
    return rows


def open_interviews(n: int, waited: int = 3) -> list:
    return [{"company": f"O{i}", "date_applied": day(-waited - 20),
             "first_response_date": day(-waited - 10), "interview_date": day(-waited),
             "status": "interviewing"} for i in range(n)]


def test_known_rates_are_recovered_with_censoring():
    """With 400 resolved interviews, 40% offered two weeks after the interview, an open
    interview has about a 40% chance within 90 days, and none within a week after the
    offers' usual day has passed... while within 7 days of a 3-day-old interview it is
    still small."""
    apps = apps_frame(interviewed_history(400, 160) + open_interviews(10))
    forecast = f.pipeline_forecast(apps, as_of=AS_OF, draws=4000)
    assert forecast.expected == pytest.approx(4.0, abs=0.4)
    assert forecast.by_application["chance"].to_numpy() == pytest.approx(0.4, abs=0.04)
    assert forecast.low <= 4 <= forecast.high
    assert forecast.p_at_least_one == pytest.approx(1 - 0.6**10, abs=0.03)
    soon = f.pipeline_forecast(apps, as_of=AS_OF, horizon_days=3, draws=500)
    assert soon.expected < 0.5


def test_an_interview_long_past_the_usual_answer_counts_for_little():
    history = interviewed_history(400, 160)
    fresh = f.pipeline_forecast(apps_frame(history + open_interviews(1, waited=3)),
                                as_of=AS_OF, draws=500)
    stale = f.pipeline_forecast(apps_frame(history + open_interviews(1, waited=120)),
                                as_of=AS_OF, draws=500)
    assert stale.expected < fresh.expected / 4


def test_applications_still_waiting_are_not_failures():
    """Half the interviews are still open: the offer chance is read from the resolved ones
    (50%), not diluted by the waiting ones (which would give 25%)."""
    rows = interviewed_history(200, 100, start=-200) + open_interviews(200, waited=1)
    rates = {r.stage: r for r in f.stage_rates(apps_frame(rows), as_of=AS_OF)}
    interviewed = rates["interviewed"]
    assert interviewed.chance == pytest.approx(0.5, abs=0.05)
    assert (interviewed.forward, interviewed.ended, interviewed.waiting) == (100, 100, 200)


def test_later_stages_have_better_chances_in_the_sample():
    forecast = f.pipeline_forecast(generate_applications(), as_of=dt.date(2026, 11, 20),
                                   draws=1000)
    by_stage = forecast.by_application.groupby("stage")["chance"].max()
    assert by_stage["applied"] < by_stage["replied"] < by_stage["interviewed"]
    assert forecast.by_application["share"].sum() == pytest.approx(1.0)
    assert forecast.by_application["chance"].is_monotonic_decreasing
    assert forecast.expected > 0 and forecast.low <= forecast.expected <= forecast.high + 1


def test_no_open_applications_expect_nothing():
    apps = apps_frame(interviewed_history(20, 5))
    forecast = f.pipeline_forecast(apps, as_of=AS_OF)
    assert (forecast.expected, forecast.low, forecast.high, forecast.p_at_least_one) == \
        (0.0, 0, 0, 0.0)
    assert forecast.by_application.empty and forecast.open == 0
    assert forecast.summary().startswith("No open applications")


def test_an_empty_table_expects_nothing():
    forecast = f.pipeline_forecast(empty_applications(), as_of=AS_OF, draws=100)
    assert forecast.expected == 0 and forecast.by_application.empty
    needed = f.applications_needed(empty_applications(), as_of=AS_OF,
                                   by_date=AS_OF + dt.timedelta(days=60))
    assert needed.count is None and "No application sent yet" in needed.reason


def test_with_no_offer_ever_the_prior_speaks_and_says_so():
    rows = [{"company": f"R{i}", "date_applied": day(-100), "decision_date": day(-90),
             "first_response_date": day(-90), "status": "rejected"} for i in range(5)]
    apps = apps_frame(rows + open_interviews(2))
    forecast = f.pipeline_forecast(apps, as_of=AS_OF, draws=1000)
    assert forecast.expected > 0.2  # the prior's third of interviews, not 0%
    assert forecast.prior_dominates
    assert any("No offer in your history yet" in note for note in forecast.notes)
    assert any("the prior dominates" in note for note in forecast.notes)


def test_a_rejection_without_its_day_has_ended_not_still_waiting():
    """A status set to rejected by hand (no decision date, maybe no reply date): the Plan
    counted it as still waiting while every other page called it rejected; it has ended, on
    the day its stage began, and only the open applications wait."""
    apps = apps_frame([
        {"company": "Umbrella", "date_applied": day(-30), "first_response_date": day(-22),
         "status": "rejected"},
        {"company": "Wayne", "date_applied": day(-12), "status": "rejected"},
        {"company": "Vandelay", "date_applied": day(-15), "first_response_date": day(-1),
         "decision_date": day(-1), "status": "rejected"},
        {"company": "Pied Piper", "date_applied": day(-16), "first_response_date": day(-10),
         "status": "screening"},
    ])
    rates = {r.stage: r for r in f.stage_rates(apps, as_of=AS_OF)}
    replied = rates["replied"]
    assert (replied.n, replied.forward, replied.ended, replied.waiting) == (4, 0, 3, 1)
    assert "0 of 4 went on to an interview, 3 ended without one, 1 still waiting" in \
        replied.describe()
    assert f.pipeline_forecast(apps, as_of=AS_OF, draws=50).open == 1


def test_a_rejection_without_its_day_on_an_empty_and_a_one_row_table():
    assert all(r.n == 0 for r in f.stage_rates(empty_applications(), as_of=AS_OF))
    one = apps_frame([{"company": "Wayne", "date_applied": day(-12), "status": "rejected"}])
    rates = {r.stage: r for r in f.stage_rates(one, as_of=AS_OF)}
    assert (rates["replied"].ended, rates["replied"].waiting) == (1, 0)


def test_every_application_still_waiting_uses_the_prior():
    apps = apps_frame([{"company": f"W{i}", "date_applied": day(-i)} for i in range(30)])
    forecast = f.pipeline_forecast(apps, as_of=AS_OF, draws=1000)
    assert forecast.open == 30
    assert 0 < forecast.expected < 30 * 0.1
    rates = {r.stage: r for r in forecast.rates}
    assert rates["applied"].prior_dominates and rates["applied"].waiting == 30


def test_dates_after_as_of_are_ignored():
    rows = open_interviews(3) + [{"company": "Future", "date_applied": day(5)}]
    rows[0]["decision_date"] = day(10)
    rows[0]["status"] = "offer"
    forecast = f.pipeline_forecast(apps_frame(rows), as_of=AS_OF, draws=200)
    assert set(forecast.by_application["company"]) == {"O0", "O1", "O2"}


def test_a_second_round_booked_ahead_keeps_the_application_interviewed():
    """The first round held, the second booked for next week (the application's Interview
    date): the Plan page and the Overview's forecast tile count it among the interviewed,
    not back among those that merely replied."""
    apps = apps_frame([{"company": "Acme", "role": "Analyst", "status": "interviewing",
                        "date_applied": day(-30), "first_response_date": day(-25),
                        "interview_date": day(5)}])
    journal = pd.DataFrame({"company": ["Acme"] * 2, "role": ["Analyst"] * 2,
                            "date": pd.to_datetime([day(-10), day(5)]) + pd.Timedelta("10h"),
                            "round": [1.0, 2.0]})
    forecast = f.channel_forecast(apps, as_of=AS_OF, draws=200, interviews=journal)
    assert forecast.by_application["stage"].tolist() == ["interviewed"]
    alone = f.pipeline_forecast(apps, as_of=AS_OF, draws=200)
    assert alone.by_application["stage"].tolist() == ["replied"]


def test_undated_open_applications_count_as_sent_today():
    apps = apps_frame([{"company": "Undated", "status": "applied"}])
    forecast = f.pipeline_forecast(apps, as_of=AS_OF, draws=200)
    assert forecast.by_application["days_waiting"].tolist() == [0]
    assert any("without a date" in note for note in forecast.notes)


def test_reproducible_with_seed_and_inputs_untouched():
    apps = generate_applications(120, seed=4, end=AS_OF)
    before = apps.copy()
    one = f.pipeline_forecast(apps, as_of=AS_OF, draws=800, seed=7)
    two = f.pipeline_forecast(apps, as_of=AS_OF, draws=800, seed=7)
    other = f.pipeline_forecast(apps, as_of=AS_OF, draws=800, seed=8)
    assert np.array_equal(one.draws, two.draws) and one.expected == two.expected
    assert not np.array_equal(one.draws, other.draws)
    pd.testing.assert_frame_equal(apps, before)


def test_rate_uncertainty_widens_the_interval():
    """The same open pipeline over a thin history gives a wider interval than over a rich
    history with the same rates: the simulation carries the rates' uncertainty."""
    thin = apps_frame(interviewed_history(10, 4) + open_interviews(40))
    rich = apps_frame(interviewed_history(1000, 400) + open_interviews(40))
    thin_forecast = f.pipeline_forecast(thin, as_of=AS_OF)
    rich_forecast = f.pipeline_forecast(rich, as_of=AS_OF)
    assert (thin_forecast.high - thin_forecast.low) > (rich_forecast.high - rich_forecast.low)
    assert thin_forecast.draws.std() > 1.3 * rich_forecast.draws.std()


@pytest.mark.parametrize(("counts", "level", "expected"), [
    ([0] * 50 + [1] * 30 + [2] * 15 + [3] * 5, 0.8, (0, 1)),
    ([5] * 100, 0.8, (5, 5)),
    ([0] * 10 + [1] * 10 + [2] * 60 + [3] * 10 + [4] * 10, 0.8, (1, 3)),
    ([], 0.8, (0, 0)),
])
def test_discrete_interval(counts, level, expected):
    assert f.discrete_interval(np.array(counts, dtype=int), level) == expected


def test_applications_needed_grows_with_the_goal_and_shrinks_with_time():
    apps = generate_applications(150, seed=2, end=AS_OF)
    rows = apps[apps["status"].isin(["applied", "rejected", "ghosted"])]  # no pipeline left
    soon = f.applications_needed(rows, as_of=AS_OF, by_date=AS_OF + dt.timedelta(days=60))
    later = f.applications_needed(rows, as_of=AS_OF, by_date=AS_OF + dt.timedelta(days=150))
    surer = f.applications_needed(rows, as_of=AS_OF, by_date=AS_OF + dt.timedelta(days=60),
                                  probability=0.95)
    assert soon.count and later.count and surer.count
    assert later.count < soon.count < surer.count
    assert "applications a week" in soon.summary(AS_OF + dt.timedelta(days=60))
    total = f.applications_needed(rows, as_of=AS_OF, by_date=AS_OF + dt.timedelta(days=60),
                                  per_week=False)
    assert total.count == pytest.approx(soon.count * 9, rel=0.25)
    assert 0 < soon.fresh_chance < 0.2


def test_applications_needed_when_the_pipeline_suffices():
    apps = apps_frame(interviewed_history(400, 200) + open_interviews(10))
    needed = f.applications_needed(apps, as_of=AS_OF, by_date=AS_OF + dt.timedelta(days=60))
    assert needed.count == 0 and needed.pipeline_chance > 0.99
    assert "no more are needed" in needed.summary(AS_OF + dt.timedelta(days=60))


@pytest.mark.parametrize("offset", [0, -10])
def test_applications_needed_by_a_date_not_ahead(offset):
    apps = generate_applications(50, seed=1, end=AS_OF)
    needed = f.applications_needed(apps, as_of=AS_OF, by_date=AS_OF + dt.timedelta(offset))
    assert needed.count is None and "pick a later date" in needed.reason


def test_applications_needed_out_of_reach():
    apps = generate_applications(150, seed=2, end=AS_OF)
    needed = f.applications_needed(apps[apps["status"] == "rejected"], as_of=AS_OF,
                                   by_date=AS_OF + dt.timedelta(days=2))
    assert needed.count is None and needed.reason.startswith("Out of reach")


def test_backtest_counts_the_offers_that_came():
    rows = interviewed_history(300, 120, start=-500) + [
        {"company": f"B{i}", "date_applied": day(-80), "first_response_date": day(-75),
         "interview_date": day(-70), "decision_date": day(-50),
         "status": "offer" if i < 3 else "rejected"} for i in range(8)]
    table = f.backtest(apps_frame(rows), as_of=AS_OF, days_back=(60, 90), draws=500)
    assert table["days_back"].tolist() == [60, 90]
    sixty = table.iloc[0]
    assert (sixty["open"], sixty["actual"]) == (8, 3)  # interviewed then, decided since
    assert sixty["expected"] == pytest.approx(8 * 0.4, abs=0.6)
    ninety = table.iloc[1]  # before they were sent: nothing open, nothing expected
    assert (ninety["open"], ninety["actual"], ninety["expected"]) == (0, 0, 0.0)


def test_stage_rate_in_words():
    rate = f.StageRate("interviewed", 12, 3, 5, 4, 0.24, 0.12, 0.38)
    text = rate.describe()
    assert text.startswith("Interviewed: 3 of 12 went on to an offer, 5 ended")
    assert "24% (80% interval 12%-38%)" in text and "the prior dominates" in text
    assert "prior dominates" not in f.StageRate("applied", 90, 30, 30, 30, .05, .04,
                                                .06).describe()


def test_a_far_horizon_counts_as_two_years_and_stays_quick():
    apps = generate_applications(100, seed=5, end=AS_OF)
    far = f.pipeline_forecast(apps, as_of=AS_OF, horizon_days=365 * 40, draws=200)
    assert far.horizon_days == f.MAX_HORIZON
    needed = f.applications_needed(apps, as_of=AS_OF, by_date=dt.date(2070, 1, 1))
    assert needed.count == 0 or needed.count == 1  # decades ahead: the pipeline, or one


def timed_history(n: int = 1000, offers: int = 200) -> pd.DataFrame:
    """Applications that all reply 5 days after applying, are interviewed 5 days later and
    hear 20 days after that: ``offers`` of them an offer, the rest a rejection."""
    rows = []
    for i in range(n):
        applied = -400 + i % 300
        rows.append({"company": f"H{i}", "date_applied": day(applied),
                     "first_response_date": day(applied + 5),
                     "interview_date": day(applied + 10), "decision_date": day(applied + 30),
                     "status": "offer" if i < offers else "rejected"})
    return apps_frame(rows)


def test_a_new_application_needs_the_usual_time_to_an_offer():
    apps = timed_history()

    def needed(days: int, **options) -> f.Needed:
        return f.applications_needed(apps, as_of=AS_OF, by_date=AS_OF + dt.timedelta(days),
                                     **options)

    # Offers come 30 days after applying, to 20% of applications.
    assert needed(14).fresh_chance < 0.01
    assert needed(21).fresh_chance < needed(28).fresh_chance < needed(35).fresh_chance
    assert needed(42).fresh_chance == pytest.approx(0.2, abs=0.02)
    # Five weeks ahead only the first week's applications have the time: 1 - 0.8^c >= 80%
    # needs c = 8 of them, fewer with the weeks' smoothing; never the 2 a week that would
    # do if every week's applications had five weeks.
    assert 5 <= needed(35).count <= 8
    assert needed(56).count < needed(35).count
    one_day = needed(1)
    assert one_day.reason.startswith("Out of reach") and one_day.weeks == pytest.approx(1 / 7)


def test_needed_reports_what_it_stands_on():
    apps = timed_history()
    past = f.applications_needed(apps, as_of=AS_OF, by_date=AS_OF, per_week=False)
    assert (past.count, past.per_week, past.weeks, past.pipeline_chance) == (None, False, 0, 0)
    empty = f.applications_needed(empty_applications(), as_of=AS_OF,
                                  by_date=AS_OF + dt.timedelta(days=70), per_week=False)
    assert (empty.per_week, empty.weeks, empty.pipeline_chance) == (False, 10.0, 0.0)
    enough = f.applications_needed(apps_frame(interviewed_history(400, 200)
                                              + open_interviews(10)),
                                   as_of=AS_OF, by_date=AS_OF + dt.timedelta(days=70))
    assert (enough.count, enough.reason, enough.per_week, enough.weeks) == (0, "", True, 10.0)
    assert 0 < enough.fresh_chance < enough.pipeline_chance


def test_offer_chances_read_between_whole_weeks():
    offer_by = np.array([[0.0, 0.1, 0.3, 0.6]])
    read = needed._interpolate(offer_by, np.array([-1.0, 0.0, 0.5, 1.5, 2.25, 3.0, 5.0]))
    assert read[0].tolist() == pytest.approx([0.0, 0.0, 0.05, 0.2, 0.375, 0.6, 0.6])


def test_backtest_in_words():
    table = pd.DataFrame({"days_back": [60, 90], "as_known_on": [dt.date(2026, 9, 28)] * 2,
                          "open": [22, 0], "expected": [1.24, 0.0], "low": [0, 0],
                          "high": [2, 0], "actual": [3, 0], "inside": [False, True]})
    assert f.backtest_lines(table) == [
        "60 days ago (28 Sep): 1.2 offers expected, 80% interval 0-2; you got 3 (outside the "
        "interval).", "90 days ago: nothing was open, so nothing to check."]


# --- the forecast for a reader ----------------------------------------------------------------

def test_the_open_chances_name_each_stage_and_keep_the_likeliest():
    apps = apps_frame(interviewed_history(40, 10) + open_interviews(3)
                      + [{"company": "W", "date_applied": day(-3), "status": "applied"}])
    forecast = f.pipeline_forecast(apps, as_of=AS_OF, draws=500)
    table = f.open_chances(forecast)
    assert len(table) == 4 and table["chance"].is_monotonic_decreasing
    assert set(table["stage"]) == {"Applied, no reply yet", f.WAITING_LABELS["interviewed"]}
    assert table.iloc[0]["company"].startswith("O")  # an interviewed one comes first
    assert f.open_chances(forecast, rows=2).equals(table.head(2))
    assert set(forecast.by_application["stage"]) == {"applied", "interviewed"}  # untouched
    one = f.open_chances(f.pipeline_forecast(apps_frame(open_interviews(1)), as_of=AS_OF,
                                             draws=100))
    assert one["stage"].tolist() == [f.WAITING_LABELS["interviewed"]]
    nothing = f.open_chances(f.pipeline_forecast(empty_applications(), as_of=AS_OF, draws=100))
    assert nothing.empty and "stage" in nothing


def test_the_default_day_to_have_an_offer_by():
    assert f.default_offer_by(AS_OF) == dt.date(2026, 9, 28)
    assert f.default_offer_by(AS_OF, days=1) == dt.date(2026, 7, 1)
    assert f.DEFAULT_TARGET_DAYS == 90


def test_what_the_applications_needed_assume():
    text = f.Needed(4, "", True, 8.6, 0.123, 0.0456).assumptions(dt.date(2026, 9, 1))
    assert text.startswith("Assumes new applications go out evenly over the 9 weeks left, ")
    assert "(4.6% of an offer by 1 September for one sent today, less for later ones)" in text
    assert "(12% chance of an offer by then on their own)" in text
    assert f.Needed(None, "past", True, 0.0, 0.0).assumptions(dt.date(2026, 6, 1)) == ""
    empty = f.applications_needed(empty_applications(), as_of=AS_OF,
                                  by_date=AS_OF + dt.timedelta(days=70))
    assert "(0.0% of an offer by 8 September" in empty.assumptions(AS_OF + dt.timedelta(days=70))


def test_the_prior_in_words_follows_the_prior():
    text = f.prior_description()
    assert text.startswith(f"worth {f.PRIOR_WEIGHT} made-up applications per stage")
    assert "45% of applications get a reply (in about 8 days)" in text
    assert "33% of interviewed applications to an offer (about 28 days later)" in text


def test_what_it_takes_counts_the_rounds_held_when_the_next_is_booked():
    """An application that held its first round and booked the next (its Interview date,
    no reply date) is in the pipeline as interviewed, as on the Plan's forecast: what it
    takes counts on it more than on one merely sent."""
    as_of = dt.date(2026, 6, 17)
    apps = apps_frame([{"company": "Acme", "role": "Analyst", "status": "interviewing",
                        "date_applied": "2026-05-01", "interview_date": "2026-07-01"},
                       *({"company": f"C{i}", "role": "Analyst", "status": "rejected",
                          "date_applied": "2026-04-01", "first_response_date": "2026-04-09"}
                         for i in range(5))])
    journal = pd.DataFrame({"company": ["Acme", "Acme"], "role": ["Analyst"] * 2,
                            "date": pd.to_datetime(["2026-05-20 10:00", "2026-07-01 10:00"]),
                            "round": [1.0, 2.0]})
    by = dt.date(2026, 9, 15)
    alone = needed.applications_needed(apps, as_of=as_of, by_date=by, draws=500)
    held = needed.applications_needed(apps, as_of=as_of, by_date=by, draws=500,
                                      interviews=journal)
    forecast = f.channel_forecast(apps, as_of=as_of, horizon_days=90, draws=500,
                                  interviews=journal)
    assert held.pipeline_chance > alone.pipeline_chance
    assert held.pipeline_chance == pytest.approx(forecast.p_at_least_one, abs=0.05)


def test_the_backtest_sees_the_rounds_held_by_its_own_day():
    """Sixty days ago Acme had held its first round (its second, the Interview date, came
    later): the back-test's forecast of then counts it among the interviewed, as the Plan's
    forecast of today would have, not as an application merely sent."""
    apps = apps_frame([{"company": "Acme", "role": "Analyst", "status": "interviewing",
                        "date_applied": day(-90), "interview_date": day(-20)}])
    journal = pd.DataFrame({"company": ["Acme"] * 2, "role": ["Analyst"] * 2,
                            "date": pd.to_datetime([day(-70), day(-20)]) + pd.Timedelta("10h"),
                            "round": [1.0, 2.0]})
    alone = f.backtest(apps, as_of=AS_OF, days_back=(60,), draws=300)
    held = f.backtest(apps, as_of=AS_OF, days_back=(60,), draws=300, interviews=journal)
    then = f.channel_forecast(apps, as_of=dt.date(2026, 5, 1), horizon_days=60, draws=300,
                              interviews=journal)
    assert held["expected"].iloc[0] == pytest.approx(then.expected)
    assert held["expected"].iloc[0] > alone["expected"].iloc[0]
