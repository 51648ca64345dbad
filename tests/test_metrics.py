"""Stages reached, waiting times and the headline numbers, on small tables worked out by hand."""

import datetime as dt

import pandas as pd
import pytest
from conftest import apps_frame

from analysis import empty_applications, generate_applications
from analysis.model import stages
from analysis.stats import metrics as m
from analysis.stats import rates

AS_OF = dt.date(2025, 3, 31)
APPS = apps_frame([
    # Interviewed, then rejected: reached the interview.
    {"company": "A", "status": "rejected", "date_applied": "2025-03-01",
     "first_response_date": "2025-03-05", "interview_date": "2025-03-10",
     "decision_date": "2025-03-20"},
    # Rejected at the first reply.
    {"company": "B", "status": "rejected", "date_applied": "2025-03-01",
     "decision_date": "2025-03-04"},
    # Waiting for 30 days: ghosted by the 30-day rule only after day 30.
    {"company": "C", "status": "applied", "date_applied": "2025-03-01"},
    # An offer.
    {"company": "D", "status": "offer", "date_applied": "2025-03-02",
     "first_response_date": "2025-03-03", "interview_date": "2025-03-08",
     "decision_date": "2025-03-15"},
    # Saved, never sent.
    {"company": "E", "status": "saved"},
    # Screening without any date on the reply.
    {"company": "F", "status": "screening", "date_applied": "2025-03-20"},
    # Marked ghosted.
    {"company": "G", "status": "ghosted", "date_applied": "2025-03-25"},
])


def test_furthest_stage_uses_dates_and_status_together():
    assert stages.furthest_stage(APPS).tolist() == [
        "interview", "responded", "applied", "offer", "saved", "screening", "applied"]


def test_response_dates_take_the_earliest_sign_of_a_reply():
    assert stages.response_dates(APPS).iloc[1] == pd.Timestamp("2025-03-04")
    assert pd.isna(stages.response_dates(APPS).iloc[5])
    assert stages.responded(APPS).tolist() == [True, True, False, True, False, True, False]


@pytest.mark.parametrize(("as_of", "ghost_days", "expected"), [
    (dt.date(2025, 3, 31), 30, [False, False, False, False, False, False, True]),
    (dt.date(2025, 4, 1), 30, [False, False, True, False, False, False, True]),
    (dt.date(2025, 3, 31), 10, [False, False, True, False, False, False, True]),
])
def test_ghosted_by_status_or_by_silence(as_of, ghost_days, expected):
    assert stages.ghosted(APPS, as_of=as_of, ghost_days=ghost_days).tolist() == expected


def test_durations_censor_waiting_applications_and_leave_out_what_cannot_be_placed():
    durations = m.response_durations(APPS, as_of=AS_OF)
    assert durations.loc[0].tolist() == [4, True]  # first response 4 days after applying
    assert durations.loc[1].tolist() == [3, True]  # decision date is the first reply
    assert durations.loc[2].tolist() == [30, False]  # still waiting: censored at as_of
    assert 4 not in durations.index and 5 not in durations.index
    assert durations.attrs["left_out"] == {"no application date": 1,
                                           "reply without a date": 1,
                                           "reply before the application": 0}


def test_as_of_hides_what_had_not_happened_yet():
    earlier = m.response_durations(APPS, as_of=dt.date(2025, 3, 4))
    # On 4 March, A had not heard back yet (its reply came on the 5th): censored at 3 days.
    assert earlier.loc[0].tolist() == [3, False]
    assert 5 not in earlier.index  # F was sent on the 20th
    assert stages.as_known_on(APPS, dt.date(2025, 3, 4))["status"].tolist()[:4] == [
        "applied", "rejected", "applied", "screening"]


def test_kpis_by_hand():
    k = m.kpis(APPS, as_of=AS_OF)
    assert (k.applications, k.responses, k.positive, k.interviews, k.offers) == (6, 4, 3, 2, 1)
    assert k.ghosted == 1 and k.active == 3  # C, D (offer), F
    assert k.rate(k.responses) == pytest.approx(4 / 6)
    # Curve over the 5 placed applications: replies on days 1, 3, 4; C and G waiting.
    assert k.median_days == 4


def test_kpis_earlier_snapshot():
    k = m.kpis(APPS, as_of=dt.date(2025, 3, 10))
    assert k.applications == 4  # F and G were sent later, E was never sent
    assert k.offers == 0  # D's offer came on the 15th: on the 10th it was interviewing
    assert k.interviews == 2


def test_an_interview_still_to_come_is_not_in_the_interview_rate_and_says_so():
    """An invitation accepted from mail (status interviewing, the interview next week): the
    stages reached count the application as interviewed, the interview rate not yet, and the
    rate's note says why the two differ; once the day has come, both count it."""
    apps = apps_frame([
        {"company": "Acme", "date_applied": "2026-03-01", "status": "interviewing",
         "first_response_date": "2026-03-05", "interview_date": "2026-03-10"},
        {"company": "Initech", "date_applied": "2026-03-02", "status": "interviewing",
         "first_response_date": "2026-03-12", "interview_date": "2026-03-20"},
        {"company": "Globex", "date_applied": "2026-03-03"}])
    assert m.funnel_counts(apps).set_index("stage").loc["Interview", "applications"] == 2
    before = m.kpis(apps, as_of=dt.date(2026, 3, 15))
    assert (before.interviews, before.interviews_to_come, before.positive) == (1, 1, 2)
    assert m.interviews_to_come_note(before).startswith("Not counted yet: 1 application whose")
    after = m.kpis(apps, as_of=dt.date(2026, 3, 20))
    assert (after.interviews, after.interviews_to_come) == (2, 0)
    assert m.interviews_to_come_note(after) == ""
    assert m.kpis(apps.iloc[:0], as_of=dt.date(2026, 3, 15)).interviews_to_come == 0


def test_funnel_counts_stages_reached():
    funnel = m.funnel_counts(APPS)
    assert funnel["applications"].tolist() == [6, 4, 2, 1, 0]
    assert funnel["from_previous"].tolist()[:4] == pytest.approx([1, 4 / 6, 2 / 4, 1 / 2])


def test_a_round_booked_ahead_neither_counts_nor_undoes_the_rounds_held():
    """A's first interview is next week: not an interview yet on the Overview's tile, nor in
    the funnel beside it (which used to count it); the invitation is a reply. B held its
    first round and booked the second for next week (its Interview date): it reached an
    interview on the tile, in the funnel and on the Outcomes page (it used to count as merely
    invited once the second day was typed), and Round 2 only once that round is held."""
    apps = apps_frame([
        {"company": "A", "role": "R", "status": "interviewing", "date_applied": "2025-03-01",
         "first_response_date": "2025-03-05", "interview_date": "2025-04-07"},
        {"company": "B", "role": "R", "status": "interviewing", "date_applied": "2025-03-01",
         "interview_date": "2025-04-08"}])
    journal = pd.DataFrame({"company": ["A", "B", "B"], "role": ["R", "R", "R"],
                            "date": pd.to_datetime(["2025-04-07 10:00", "2025-03-20 10:00",
                                                    "2025-04-08 10:00"]),
                            "round": [1.0, 1.0, 2.0]})
    funnel = m.funnel_counts(apps, interviews=journal, as_of=AS_OF).set_index("stage")
    assert funnel["applications"].to_dict() == {
        "Applied": 2, "Responded": 2, "Interview": 1, "Offer": 0, "Accepted": 0}
    assert m.kpis(apps, as_of=AS_OF, interviews=journal).interviews == 1
    assert m.kpis_before(apps, as_of=dt.date(2025, 4, 10), days=10,
                         interviews=journal).interviews == 1
    table = rates.rate_table(apps, by=None, outcome="interview", as_of=AS_OF,
                             interviews=journal, show_small=True)
    assert table[["n", "successes"]].values.tolist() == [[2, 1]]
    later = m.funnel_counts(apps, interviews=journal, as_of=dt.date(2025, 4, 8))
    assert later.set_index("stage")["applications"].to_dict() == {
        "Applied": 2, "Responded": 2, "Interview": 2, "Round 2": 1, "Offer": 0, "Accepted": 0}


def test_flows_add_up():
    flows = m.outcome_flows(APPS, as_of=AS_OF)
    out_of = flows.groupby("source")["count"].sum()
    into = flows.groupby("target")["count"].sum()
    assert out_of["Applied"] == 6
    assert out_of["Replied"] == into["Replied"] == 4
    assert out_of["Interview"] == into["Interview"] == 2
    assert set(flows["target"]) >= {"Waiting", "Ghosted", "Rejected", "Offer"}


def test_weekly_activity():
    weekly = m.weekly_activity(APPS, as_of=AS_OF)
    assert weekly["week"].iloc[0] == pd.Timestamp("2025-02-24")  # Monday before 1 March
    assert weekly["applications"].sum() == 6
    assert weekly["cumulative"].iloc[-1] == 6
    assert weekly["responses"].sum() == 3  # F's reply has no date
    assert (weekly["week"].dt.day_of_week == 0).all()


def test_grouped_curves_and_log_rank():
    apps = generate_applications(400, seed=5, end=AS_OF)
    curves = m.response_curve(apps, as_of=AS_OF, by="source")
    assert set(curves["group"]) == set(apps["source"])
    test = m.response_logrank(apps, as_of=AS_OF, by="source")
    assert test.df == apps["source"].nunique() - 1
    assert 0 <= test.p_value <= 1


def test_delays_and_histogram():
    delays = m.response_delays(APPS, as_of=AS_OF)
    to_decision = delays.loc[delays["kind"] == "Interview to decision", "days"].tolist()
    assert sorted(to_decision) == [7, 10]
    histogram = m.histogram(pd.Series([0, 6, 7, 20]))
    assert histogram.values.tolist() == [[0, 2], [7, 1], [14, 1]]


@pytest.mark.parametrize("apps", [empty_applications(), APPS.iloc[[2]]], ids=["empty", "one"])
def test_empty_and_one_row(apps):
    k = m.kpis(apps, as_of=AS_OF)
    assert k.responses == 0 and k.median_days is None
    assert m.funnel_counts(apps)["applications"].iloc[0] == len(apps)
    assert m.response_curve(apps, as_of=AS_OF)["events"].sum() == 0
    assert m.weekly_activity(apps, as_of=AS_OF)["applications"].sum() == len(apps)
    assert m.outcome_flows(apps, as_of=AS_OF)["count"].sum() == len(apps)


def test_quantile_text_says_the_day_its_interval_and_what_is_not_reached():
    from analysis.maths.survival import Quantile

    assert m.quantile_text(Quantile(0.5, 4, 3, 9)) == "day 4 (95% CI 3–9)"
    assert m.quantile_text(Quantile(0.5, 4, None, None)) == "day 4 (95% CI None–not reached)"
    assert m.quantile_text(Quantile(0.75, None, None, None)) == "not reached yet"


def test_response_summary_counts_replies_waiting_and_left_out():
    from analysis.stats.coverage import ReplyCoverage

    durations = m.response_durations(APPS, as_of=AS_OF)
    curve = m.response_curve(APPS, as_of=AS_OF)
    text = m.response_summary(durations, curve)
    assert text.startswith("Median: day 4 (95% CI ")
    # A, B and D replied on dated days; C and G wait; F's reply has no date; E was never sent.
    assert "3 replies, 2 applications still waiting (counted up to today)." in text
    assert text.endswith("Left out: 1 with no application date, 1 with reply without a date.")
    partial = m.response_summary(durations, curve, replies=ReplyCoverage(6, 4))
    assert "Whether a reply came is recorded for 4 of 6 applications" in partial
    assert partial.endswith("The others count as "
                            "still waiting.")
    assert "Replies recorded" not in m.response_summary(durations, curve,
                                                        replies=ReplyCoverage(6, 6))


@pytest.mark.parametrize("apps", [empty_applications(), APPS.iloc[[2]]], ids=["empty", "one"])
def test_response_summary_of_nothing_and_of_one_waiting_application(apps):
    durations = m.response_durations(apps, as_of=AS_OF)
    text = m.response_summary(durations, m.response_curve(apps, as_of=AS_OF))
    assert text.startswith("Median: not reached yet. 75%: not reached yet. 0 replies, ")
    assert f"{len(apps)} applications still waiting" in text


@pytest.mark.parametrize(("p_value", "verdict"), [
    (0.049, "the groups differ more than chance would explain."),
    (0.05, "the difference could be chance."),
    (float("nan"), "the difference could be chance.")])
def test_logrank_verdict_reads_the_p_value_at_five_percent(p_value, verdict):
    from analysis.maths.survival import LogRank

    text = m.logrank_verdict(LogRank(statistic=3.84, df=1, p_value=p_value, groups=("a", "b")))
    assert text.startswith("Log-rank test across 2 groups: χ² = 3.84 with 1 degrees of freedom")
    assert text.endswith(verdict)


def test_delay_histograms_have_both_kinds_even_when_one_is_empty():
    delays = m.response_delays(APPS, as_of=AS_OF)
    histograms = m.delay_histograms(delays)
    assert list(histograms) == ["Application to first reply", "Interview to decision"]
    decisions = histograms["Interview to decision"]
    assert decisions.values.tolist() == [[0, 0], [7, 2]]  # 7 and 10 days
    one = m.delay_histograms(delays[delays["kind"] == "Application to first reply"].head(1))
    assert one["Application to first reply"]["count"].sum() == 1
    assert one["Interview to decision"].empty
    empty = m.delay_histograms(m.response_delays(empty_applications(), as_of=AS_OF))
    assert all(table.empty for table in empty.values())


def test_kpis_before_are_the_numbers_some_days_earlier():
    assert m.kpis_before(APPS, as_of=AS_OF, days=21) == m.kpis(APPS, as_of=dt.date(2025, 3, 10))
    assert m.kpis_before(APPS, as_of=AS_OF, days=21, ghost_days=5).ghosted == 1  # C by day 9
    assert m.kpis_before(APPS, as_of=AS_OF, days=0) == m.kpis(APPS, as_of=AS_OF)


@pytest.mark.parametrize("apps", [empty_applications(), APPS.iloc[[2]]], ids=["empty", "one"])
def test_kpis_before_of_nothing_and_of_one_row(apps):
    before = m.kpis_before(apps, as_of=AS_OF, days=30)
    assert before.as_of == dt.date(2025, 3, 1)
    assert before.applications == len(apps) and before.responses == 0


def test_a_reply_known_from_a_round_held_counts_on_every_response_measure():
    """B records no reply date: its first round was held on 20 March and its second is booked
    for 8 April (its Interview date). The Overview counts it as replied on 20 March; the
    Response times page, its delays and the weekly replies used to leave it out (a reply
    without a date), so the page's median disagreed with the tile's."""
    apps = apps_frame([
        {"company": "A", "role": "R", "status": "applied", "date_applied": "2025-03-01"},
        {"company": "B", "role": "R", "status": "interviewing", "date_applied": "2025-03-01",
         "interview_date": "2025-04-08"}])
    journal = pd.DataFrame({"company": ["B", "B"], "role": ["R", "R"],
                            "date": pd.to_datetime(["2025-03-20 10:00", "2025-04-08 10:00"]),
                            "round": [1.0, 2.0]})
    durations = m.response_durations(apps, as_of=AS_OF, interviews=journal)
    assert durations[["days", "event"]].values.tolist() == [[AS_OF.toordinal()
                                                            - dt.date(2025, 3, 1).toordinal(),
                                                            False], [19, True]]
    assert m.response_durations(apps, as_of=AS_OF)["event"].sum() == 0
    curve = m.response_curve(apps, as_of=AS_OF, interviews=journal)
    assert m.quantile(curve, 0.5).day == m.kpis(apps, as_of=AS_OF,
                                                 interviews=journal).median_days
    delays = m.response_delays(apps, as_of=AS_OF, interviews=journal)
    assert delays.loc[delays["kind"] == m.REPLY_DELAY, "days"].tolist() == [19]
    weekly = m.weekly_activity(apps, as_of=AS_OF, interviews=journal)
    assert weekly["responses"].sum() == 1
