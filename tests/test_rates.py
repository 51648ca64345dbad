"""Rates with Wilson intervals, cohorts and Fisher's exact test, against textbook values."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import apps_frame

from analysis import empty_applications, generate_applications
from analysis.maths import intervals
from analysis.stats import rates as r

AS_OF = dt.date(2025, 6, 30)


@pytest.mark.parametrize(("k", "n", "low", "high"), [
    (81, 263, 0.2553, 0.3662),  # Newcombe (1998), method 3
    (0, 10, 0.0, 0.2775),
    (10, 10, 0.7225, 1.0),
    (8, 10, 0.4902, 0.9433),
])
def test_wilson_interval_textbook_values(k, n, low, high):
    lower, upper = intervals.wilson_interval(k, n)
    assert float(lower) == pytest.approx(low, abs=5e-5)
    assert float(upper) == pytest.approx(high, abs=5e-5)


def test_wilson_interval_of_nothing_is_undefined():
    lower, upper = intervals.wilson_interval(np.array([0]), np.array([0]))
    assert np.isnan(lower[0]) and np.isnan(upper[0])


SOURCES = apps_frame(
    [{"company": f"R{i}", "source": "Referral", "date_applied": "2025-06-01",
      "status": "interviewing" if i < 4 else "rejected"} for i in range(6)]
    + [{"company": f"J{i}", "source": "Job board", "date_applied": "2025-06-02",
        "status": "rejected" if i < 2 else "applied"} for i in range(8)]
    + [{"company": "X", "source": "Recruiter", "date_applied": "2025-06-03"}]
)


def test_rate_table_counts_rates_and_hides_small_groups():
    table = r.rate_table(SOURCES, by="source", outcome="interview", as_of=AS_OF)
    assert table["group"].tolist() == ["Job board", "Referral"]
    assert table[["n", "successes"]].values.tolist() == [[8, 0], [6, 4]]
    assert table["rate"].tolist() == [0.0, 4 / 6]
    low, high = intervals.wilson_interval(4, 6)
    assert table.loc[1, "low"] == pytest.approx(float(low))
    assert table.attrs["hidden"] == 1
    shown = r.rate_table(SOURCES, by="source", outcome="interview", as_of=AS_OF,
                         show_small=True, order="name")
    assert shown["group"].tolist() == ["Job board", "Recruiter", "Referral"]


def test_response_counts_rejections_and_positive_does_not():
    response = r.rate_table(SOURCES, by=None, outcome="response", as_of=AS_OF)
    positive = r.rate_table(SOURCES, by=None, outcome="positive", as_of=AS_OF)
    assert response[["n", "successes"]].values.tolist() == [[15, 8]]
    assert positive[["n", "successes"]].values.tolist() == [[15, 4]]


def test_unknown_outcome_is_refused():
    with pytest.raises(ValueError, match="unknown outcome"):
        r.outcome_flags(SOURCES, "hired")


def test_top_values_and_months():
    apps = SOURCES.assign(role=["Analyst"] * 10 + ["Engineer"] * 4 + [None])
    assert r.top_values(apps["role"], 1).value_counts().to_dict() == {"Analyst": 10, "Other": 5}
    assert set(r.month_applied(SOURCES)) == {"Jun 2025"}


def test_cohorts_flag_the_recent_weeks():
    apps = generate_applications(600, seed=4, end=AS_OF)
    cohorts = r.cohorts(apps, as_of=AS_OF)
    assert cohorts["n"].sum() == apps["date_applied"].notna().sum()
    assert (cohorts["week"].dt.day_of_week == 0).all()
    assert cohorts["maturing"].iloc[-1]
    assert not cohorts["maturing"].iloc[0]
    # Maturing cohorts are exactly the youngest ones.
    flags = cohorts["maturing"].tolist()
    assert flags == sorted(flags)


def test_fisher_exact_on_the_tea_tasting_table():
    # Fisher's lady tasting tea: 3 of 4 right in each group -> p = 0.4857, odds ratio 9.
    rows = ([{"company": "a", "source": "Referral", "status": "screening",
              "date_applied": "2025-06-01"}] * 3
            + [{"company": "b", "source": "Referral", "date_applied": "2025-06-01"}]
            + [{"company": "c", "source": "Job board", "status": "screening",
                "date_applied": "2025-06-01"}]
            + [{"company": "d", "source": "Job board", "date_applied": "2025-06-01"}] * 3)
    result = r.compare_groups(apps_frame(rows), by="source", first="Referral",
                              second="Job board", outcome="positive", as_of=AS_OF)
    assert result.p_value == pytest.approx(0.4857, abs=1e-4)
    assert result.odds_ratio == pytest.approx(9.0)
    assert result.table["rate"].tolist() == [0.75, 0.25]


@pytest.mark.parametrize("apps", [empty_applications(), SOURCES.iloc[[0]]], ids=["empty", "one"])
def test_empty_and_one_row(apps):
    table = r.rate_table(apps, by="source", outcome="response", as_of=AS_OF, show_small=True)
    assert table["n"].sum() == len(apps)
    assert r.cohorts(apps, as_of=AS_OF)["n"].sum() == len(apps)
    assert isinstance(r.rate_table(apps, by=None, outcome="offer", as_of=AS_OF), pd.DataFrame)


@pytest.mark.parametrize(("p_value", "verdict"), [
    (0.01, "so a difference this large would rarely happen by chance."),
    (0.05, "so the difference could well be chance."),
    (1.0, "so the difference could well be chance.")])
def test_comparison_verdict_reads_the_p_value_at_five_percent(p_value, verdict):
    comparison = r.Comparison(("Referral", "Job board"), pd.DataFrame(), odds_ratio=2.0,
                              p_value=p_value)
    assert r.comparison_verdict(comparison) == f"Fisher's exact test: p = {p_value:.3f}, {verdict}"


def test_comparison_verdict_of_empty_groups():
    result = r.compare_groups(empty_applications(), by="source", first="a", second="b",
                              outcome="response", as_of=AS_OF)
    assert r.comparison_verdict(result) == ("Fisher's exact test: p = 1.000, so the difference "
                                            "could well be chance.")


def test_group_values_are_the_distinct_named_values_sorted():
    assert r.group_values(SOURCES, "source") == sorted(SOURCES["source"].dropna().unique())
    assert r.group_values(empty_applications(), "source") == []
    assert r.group_values(SOURCES.iloc[[0]], "source") == [SOURCES["source"].iloc[0]]
    with_blank = pd.DataFrame({"source": ["Referral", None, "", "Agency"]})
    assert r.group_values(with_blank, "source") == ["Agency", "Referral"]


def test_maturing_weeks_count_the_weeks_too_recent_to_judge():
    cohorts = r.cohorts(SOURCES, as_of=AS_OF)
    assert r.maturing_weeks(cohorts) == int(cohorts["maturing"].sum())
    assert r.maturing_weeks(r.cohorts(empty_applications(), as_of=AS_OF)) == 0
    assert r.maturing_weeks(pd.DataFrame({"maturing": [True]})) == 1


def test_months_named_in_words_stay_in_time_order():
    apps = apps_frame([{"company": c, "date_applied": d, "status": "applied"}
                       for c, d in (("A", "2025-12-03"), ("B", "2026-01-05"), ("C", "2025-02-01"),
                                    ("D", "2025-12-09"))])
    table = r.rate_table(apps, by=r.month_applied(apps), outcome="response",
                         as_of=dt.date(2026, 2, 1), min_n=1, order="name")
    assert table["group"].tolist() == ["Feb 2025", "Dec 2025", "Jan 2026"]
