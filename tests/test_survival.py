"""Kaplan-Meier, quantiles and the log-rank test, against hand calculations and scipy."""

import math

import numpy as np
import pytest
from scipy import stats

from analysis.maths.intervals import Z95
from analysis.maths.survival import (
    chance_after_silence,
    half_of_replies_day,
    kaplan_meier,
    logrank,
    quantile,
    share_at,
)

# Durations with a tie of an event and a censoring on day 2 and on day 4.
DAYS = np.array([1, 2, 2, 3, 4, 4, 5])
EVENTS = np.array([1, 1, 0, 1, 1, 0, 0])


def test_kaplan_meier_by_hand_with_ties_and_censoring_on_event_days():
    curve = kaplan_meier(DAYS, EVENTS).set_index("day")
    survival = {1: 6 / 7, 2: 6 / 7 * 5 / 6, 3: 5 / 7 * 3 / 4, 4: 15 / 28 * 2 / 3}
    for day, s in survival.items():
        assert curve.loc[day, "share"] == pytest.approx(1 - s)
    assert curve.loc[5, "share"] == pytest.approx(1 - 10 / 28)  # censoring alone: no step
    # Censored on day 2 still counts as at risk on day 2.
    assert curve["at_risk"].to_dict() == {0: 7, 1: 7, 2: 6, 3: 4, 4: 3, 5: 1}
    assert curve.loc[2, ["events", "censored"]].tolist() == [1, 1]


def test_greenwood_log_log_bounds_by_hand():
    curve = kaplan_meier(DAYS, EVENTS).set_index("day")
    s = 5 / 7
    greenwood = 1 / (7 * 6) + 1 / (6 * 5)
    se = math.sqrt(greenwood) / abs(math.log(s))
    assert curve.loc[2, "low"] == pytest.approx(1 - s ** math.exp(-Z95 * se))
    assert curve.loc[2, "high"] == pytest.approx(1 - s ** math.exp(Z95 * se))


def test_matches_scipy_on_random_data():
    rng = np.random.default_rng(1)
    days = rng.integers(0, 40, 300)
    events = rng.random(300) < 0.5
    curve = kaplan_meier(days, events)
    reference = stats.ecdf(stats.CensoredData(uncensored=days[events], right=days[~events]))
    band = reference.sf.confidence_interval(method="log-log")
    later = curve["day"].to_numpy()[1:]
    np.testing.assert_allclose(curve["share"].to_numpy()[1:], 1 - reference.sf.evaluate(later))
    np.testing.assert_allclose(curve["low"].to_numpy()[1:], 1 - band.high.evaluate(later))
    np.testing.assert_allclose(curve["high"].to_numpy()[1:], 1 - band.low.evaluate(later))


def test_no_events_and_all_events():
    flat = kaplan_meier(np.array([3, 5]), np.array([0, 0]))
    assert flat["share"].tolist() == [0.0, 0.0, 0.0]
    full = kaplan_meier(np.array([2, 2]), np.array([1, 1]))
    assert full["share"].tolist() == [0.0, 1.0]
    assert full["low"].tolist() == [0.0, 1.0]  # no interval where the estimate is 0 or 1


def test_one_application_and_none():
    assert kaplan_meier(np.array([4]), np.array([1]))["share"].tolist() == [0.0, 1.0]
    assert kaplan_meier(np.array([], dtype=int), np.array([], dtype=bool))["day"].tolist() == [0]


def test_quantiles_and_their_interval():
    curve = kaplan_meier(DAYS, EVENTS)
    median = quantile(curve, 0.5)
    # Share heard back: 13/28 = 0.464 on day 3, 1 - 10/28 = 0.643 on day 4.
    assert median.day == 4
    assert quantile(curve, 0.46).day == 3
    assert median.low is not None and median.low <= median.day
    assert quantile(curve, 0.9).day is None


def test_log_rank_matches_scipy_for_two_groups():
    rng = np.random.default_rng(2)
    days = rng.integers(0, 30, 200)
    events = rng.random(200) < 0.6
    groups = np.where(rng.random(200) < 0.5, "a", "b")
    ours = logrank(days, events, groups)
    a, b = (stats.CensoredData(uncensored=days[events & (groups == g)],
                               right=days[~events & (groups == g)]) for g in ("a", "b"))
    reference = stats.logrank(a, b)
    assert ours.statistic == pytest.approx(reference.statistic**2)
    assert ours.p_value == pytest.approx(reference.pvalue)
    assert ours.df == 1


def test_log_rank_by_hand_and_for_three_groups():
    # Two groups, one event each at different days: O-E and V worked out by hand.
    result = logrank(np.array([1, 2]), np.array([1, 1]), np.array(["a", "b"]))
    # Day 1: n=2 (1 each), d=1: E_a = 1/2, V = 1*1/1 * 1/2 * 1/2 = 1/4. Day 2: only b at risk.
    assert result.statistic == pytest.approx((1 - 0.5) ** 2 / 0.25)
    rng = np.random.default_rng(3)
    days = rng.integers(0, 20, 90)
    events = rng.random(90) < 0.7
    labels = np.repeat(["x", "y", "z"], 30)
    three = logrank(days, events, labels)
    assert three.df == 2
    renamed = logrank(days, events, np.repeat(["q", "p", "o"], 30))
    assert renamed.statistic == pytest.approx(three.statistic)


def test_log_rank_needs_two_groups_and_an_event():
    assert logrank(np.array([1, 2]), np.array([1, 1]), np.array(["a", "a"])) is None
    assert logrank(np.array([1, 2]), np.array([0, 0]), np.array(["a", "b"])) is None


def test_chance_after_silence_and_half_of_replies():
    curve = kaplan_meier(np.array([2, 4, 10, 10]), np.array([1, 1, 0, 0]))
    silence = chance_after_silence(curve).set_index("day")["chance"]
    assert silence[0] == pytest.approx(0.5)
    assert silence[2] == pytest.approx((0.5 - 0.25) / 0.75)
    assert silence[10] == 0
    assert half_of_replies_day(curve) == 2
    assert half_of_replies_day(kaplan_meier(np.array([3]), np.array([0]))) is None


def test_share_at_reads_the_step_function():
    curve = kaplan_meier(DAYS, EVENTS)
    table = share_at(curve, [0, 2, 3, 10]).set_index("day")
    assert table.loc[2, "share"] == pytest.approx(1 - 5 / 7)
    assert table["at_risk"].to_dict() == {0: 7, 2: 6, 3: 4, 10: 0}
    assert np.isnan(table.loc[10, "share"])


def test_at_risk_table_has_a_row_per_group():
    from analysis.maths.survival import at_risk_table

    curve = kaplan_meier(DAYS, EVENTS, group="A")
    table = at_risk_table(curve, [0, 3, 10])
    assert table.loc["A"].tolist() == [7, 4, 0]


def test_chance_after_reads_the_silence_step_function():
    from analysis.maths.survival import chance_after

    silence = chance_after_silence(kaplan_meier(np.array([2, 4, 10, 10]),
                                                np.array([1, 1, 0, 0])))
    # Days 0..1 read day 0's chance, day 3 reads day 2's, after the last day nothing is left.
    assert [chance_after(silence, d) for d in (0, 1, 3, 4, 60)] == pytest.approx(
        [0.5, 0.5, 0.25 / 0.75, 0.0, 0.0])
    assert chance_after(silence, -1) is None
    assert chance_after(chance_after_silence(kaplan_meier(np.array([3]), np.array([1]))),
                        5) == 0.0
    from analysis.maths.survival import empty_curve

    assert chance_after(chance_after_silence(empty_curve()), 5) is None


def test_share_so_far_is_the_last_value_of_the_curve():
    from analysis.maths.survival import empty_curve, share_so_far

    assert share_so_far(kaplan_meier(DAYS, EVENTS)) == pytest.approx(1 - 10 / 28)
    assert share_so_far(kaplan_meier(np.array([3]), np.array([1]))) == 1.0
    assert share_so_far(empty_curve()) is None


def test_last_day_is_the_longest_wait_covered():
    from analysis.maths.survival import empty_curve, last_day

    curve = kaplan_meier(DAYS, EVENTS)
    assert last_day(curve) == 5 and last_day(chance_after_silence(curve)) == 5
    assert last_day(kaplan_meier(np.array([0]), np.array([1]))) == 0
    assert last_day(empty_curve()) == 0
    assert last_day(chance_after_silence(empty_curve())) == 0
