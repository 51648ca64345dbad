"""Offer scoring and its robustness, by hand on two and three offers, and by property."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import apps_frame
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import offers as o
from analysis.forecast import Forecast

BASE = o.Criterion("base_salary", "Base", 3)
COMMUTE = o.Criterion("commute_minutes", "Commute", 1, higher_is_better=False)
PTO = o.Criterion("pto_days", "PTO", 1)

THREE = pd.DataFrame({"company": ["A", "B", "C"], "base_salary": [100.0, 80.0, 90.0],
                      "commute_minutes": [60.0, 20.0, 40.0], "pto_days": [25.0, 25.0, 25.0]})


def test_two_offers_by_hand():
    scores = o.score_offers(THREE.iloc[:2], [BASE, COMMUTE])
    # A: base best (1) x 3/4 + commute worst (0) x 1/4 = 75; B: 0 + 1/4 = 25.
    assert scores.score.to_dict() == {"A": 75.0, "B": 25.0}
    assert scores.contributions.loc["B", "Commute"] == 25.0


def test_three_offers_min_max_and_direction_by_hand():
    scores = o.score_offers(THREE, [BASE, COMMUTE])
    assert scores.normalised.loc["C"].tolist() == [0.5, 0.5]
    assert scores.score["C"] == pytest.approx(50.0)
    assert list(scores.ranking.index) == ["A", "C", "B"]


def test_an_all_equal_criterion_scores_the_same_and_says_so():
    scores = o.score_offers(THREE, [BASE, PTO])
    assert scores.normalised["PTO"].tolist() == [1.0, 1.0, 1.0]
    assert any("all offers are equal" in note for note in scores.notes)
    assert scores.score["A"] - scores.score["B"] == pytest.approx(75.0)


def test_zero_weights_and_switched_off_criteria_do_not_count():
    zero = o.score_offers(THREE, [BASE, o.Criterion("commute_minutes", "Commute", 0)])
    off = o.score_offers(THREE, [BASE, o.Criterion("commute_minutes", "C", 5, enabled=False)])
    assert zero.score.to_dict() == off.score.to_dict() == {"A": 100.0, "B": 0.0, "C": 50.0}
    assert list(zero.weights.index) == ["Base"]


def test_missing_values_count_as_worst_and_are_questions():
    offers = THREE.assign(base_salary=[100.0, np.nan, 90.0])
    scores = o.score_offers(offers, [BASE])
    assert scores.score["B"] == 0.0
    assert o.missing_facts(offers, [BASE, PTO]).tolist() == [[], ["base salary"], []]
    empty = o.score_offers(THREE.assign(pto_days=np.nan), [BASE, PTO])
    assert any("no offer has a value" in note for note in empty.notes)


def test_total_compensation_formula():
    offers = pd.DataFrame({"company": ["A"], "base_salary": [100.0], "bonus": [20.0],
                           "equity_per_year": [40.0], "benefits_value": [np.nan]})
    prepared = o.prepare_offers(offers, bonus_payout=0.5, equity_risk=0.75)
    assert prepared[o.TOTAL_COMPENSATION].iloc[0] == 100 + 10 + 10


def test_dominance():
    scores = o.score_offers(THREE.assign(commute_minutes=[20.0, 60.0, 40.0]), [BASE, COMMUTE])
    pairs = set(map(tuple, o.dominance(scores).to_numpy()))
    assert ("A", "B") in pairs and ("A", "C") in pairs and ("C", "B") in pairs
    assert not any(first == "B" for first, _ in pairs)


def test_weight_sensitivity_range_by_hand():
    scores = o.score_offers(THREE.iloc[:2], [BASE, COMMUTE])
    table = o.weight_sensitivity(scores).set_index("criterion")
    # A leads while the base share t satisfies t*1 + (1-t)*0 >= t*0 + (1-t)*1, i.e. t >= 0.5.
    assert table.loc["Base", "low"] == pytest.approx(0.5)
    assert table.loc["Base", "high"] == pytest.approx(1.0)
    assert table.loc["Commute", ["low", "high"]].tolist() == pytest.approx([0.0, 0.5])


def test_random_weights_are_seeded_and_favour_the_clear_winner():
    scores = o.score_offers(THREE, [BASE, COMMUTE])
    wins = o.random_weight_wins(scores, concentration=50, draws=5000, seed=1)
    assert wins.sum() == pytest.approx(1.0)
    assert wins.idxmax() == "A"
    pd.testing.assert_series_equal(wins, o.random_weight_wins(scores, concentration=50,
                                                              draws=5000, seed=1))


def test_break_even_salary_ties_the_scores():
    salary = o.break_even_salary(THREE, [BASE, COMMUTE], leader="A", runner_up="C")
    tied = THREE.assign(base_salary=[100.0, 80.0, salary])
    result = o.score_offers(tied, [BASE, COMMUTE]).score
    assert result["C"] >= result["A"]
    assert result["A"] - result["C"] == pytest.approx(0, abs=0.05)
    assert o.break_even_salary(THREE, [COMMUTE], leader="B", runner_up="A") is None


def test_offers_table_adds_applications_with_an_offer():
    apps = apps_frame([{"company": "Acme", "role": "Analyst", "status": "offer"},
                       {"company": "Globex", "role": "PM", "status": "offer"},
                       {"company": "Initech", "status": "applied"}])
    sheet = pd.DataFrame({"company": ["acme"], "base_salary": [90000.0]})
    table = o.offers_table(apps, sheet)
    assert table["company"].tolist() == ["acme", "Globex"]
    assert table.loc[1, "role"] == "PM"
    assert o.offers_table(apps, None)["company"].tolist() == ["Acme", "Globex"]
    assert o.offers_table(apps.iloc[[2]], None).empty


def test_a_row_that_holds_nothing_is_no_offer():
    """A row added to the offers table and saved empty (a click on the table's last row) is
    not counted as an offer; a row with anything in it is kept."""
    apps = apps_frame([{"company": "Initech", "status": "applied"}])
    saved = pd.DataFrame({"company": ["Acme", None, "  ", None],
                          "role": [None, None, None, "Analyst"],
                          "base_salary": [90000.0, np.nan, np.nan, np.nan]})
    table = o.offers_table(apps, saved)
    assert table["company"].tolist()[:1] == ["Acme"] and len(table) == 2
    assert table.loc[1, "role"] == "Analyst"
    assert o.offers_table(apps, saved.iloc[[1, 2]]).empty


OFFERS = st.lists(st.tuples(st.floats(0, 300_000), st.floats(0, 120), st.floats(1, 5)),
                  min_size=2, max_size=6)
CRITERIA = [o.Criterion("base_salary", "Base", 5), o.Criterion("commute_minutes", "C", 2, False),
            o.Criterion("growth", "G", 3)]


def frame(rows):
    return pd.DataFrame({"company": [f"O{i}" for i in range(len(rows))],
                         "base_salary": [r[0] for r in rows],
                         "commute_minutes": [r[1] for r in rows], "growth": [r[2] for r in rows]})


@settings(max_examples=100, deadline=None)
@given(OFFERS)
def test_scores_stay_within_0_and_100(rows):
    score = o.score_offers(frame(rows), CRITERIA).score
    assert ((score >= -1e-9) & (score <= 100 + 1e-9)).all()


@settings(max_examples=100, deadline=None)
@given(OFFERS, st.integers(0, 5), st.floats(0, 50_000))
def test_raising_a_higher_is_better_value_never_lowers_the_score(rows, which, raise_by):
    offers = frame(rows)
    which = which % len(offers)
    before = o.score_offers(offers, CRITERIA).score.iloc[which]
    raised = offers.copy()
    raised.loc[which, "base_salary"] += raise_by
    after = o.score_offers(raised, CRITERIA).score.iloc[which]
    assert after >= before - 1e-9


@settings(max_examples=25, deadline=None)
@given(OFFERS)
def test_break_even_salary_really_ties(rows):
    offers = frame(rows)
    ranking = o.score_offers(offers, CRITERIA).ranking
    leader, runner = ranking.index[0], ranking.index[1]
    salary = o.break_even_salary(offers, CRITERIA, leader=leader, runner_up=runner)
    if salary is None:
        return
    position = list(offers["company"]).index(runner)
    tied = offers.copy()
    tied.loc[position, "base_salary"] = salary
    result = o.score_offers(tied, CRITERIA).score
    assert result[runner] >= result[leader] - 1e-9  # level, or just ahead
    below = tied.copy()
    below.loc[position, "base_salary"] = max(salary - 1.0, offers.loc[position, "base_salary"])
    lower = o.score_offers(below, CRITERIA).score
    assert lower[runner] <= lower[leader] + 0.5  # a unit less and it would not be ahead


def test_compensation_and_values_beside_scores():
    prepared = o.prepare_offers(THREE)
    money = o.compensation_table(prepared)
    assert money["offer"].tolist() == ["A", "C", "B"]  # highest total first
    scores = o.score_offers(prepared, [BASE, COMMUTE])
    table = o.values_beside_scores(prepared, scores, [BASE, COMMUTE])
    assert table.loc["C", ("Value", "Base")] == 90.0
    assert table.loc["C", ("Normalised (0-1)", "Base")] == 0.5


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_break_even_on_many_offers_ties_on_the_whole_table(seed):
    """With dozens of offers the search scores only the rows that matter; the answer must
    still tie when the whole table is scored."""
    rng = np.random.default_rng(seed)
    offers = pd.DataFrame({"company": [f"Offer {i}" for i in range(40)],
                           "base_salary": rng.normal(70_000, 8_000, 40).round(),
                           "commute_minutes": rng.integers(0, 90, 40).astype(float),
                           "growth": rng.integers(1, 6, 40).astype(float)})
    offers.loc[rng.integers(0, 40, 5), "growth"] = np.nan
    ranking = o.score_offers(offers, CRITERIA).ranking
    leader, runner = ranking.index[0], ranking.index[1]
    salary = o.break_even_salary(offers, CRITERIA, leader=leader, runner_up=runner)
    assert salary is not None
    tied = offers.assign(base_salary=offers["base_salary"].where(offers["company"] != runner,
                                                                 salary))
    result = o.score_offers(tied, CRITERIA).score
    assert result[runner] >= result[leader] - 1e-9
    below = tied.assign(base_salary=tied["base_salary"].where(tied["company"] != runner,
                                                              salary - 1.0))
    lower = o.score_offers(below, CRITERIA).score
    assert lower[runner] < lower[leader] + 0.5


def test_an_unranked_comparison_says_why():
    off = [o.Criterion("base_salary", "Base", 0), o.Criterion("growth", "G", 3, enabled=False)]
    assert o.unranked_reason(off).startswith("Switch on at least one criterion")
    assert o.unranked_reason(o.DEFAULT_CRITERIA).startswith("Not ranked yet")


def test_a_blank_base_salary_takes_the_top_of_the_applications_range():
    """Teal's Max. Salary fills an offer's missing base salary, and the ranking says so."""
    import datetime as dt

    from analysis.model import schema as s
    from analysis.outputs.report_page import report_html
    from analysis.outputs.reports import build_report

    apps = apps_frame([
        {"company": "Acme", "role": "Analyst", "status": "offer"},
        {"company": "Acme", "role": "Lead", "status": "rejected"},
        {"company": "Globex", "role": "PM", "status": "offer"},
    ]).assign(salary_min=[90_000.0, 120_000.0, None], salary_max=[110_000.0, 140_000.0, None])
    table = o.offers_table(apps, None)
    filled, names = o.salaries_from_ranges(table, apps)
    assert filled[s.BASE_SALARY].tolist()[0] == 110_000  # Acme's Analyst role, not the Lead
    assert pd.isna(filled[s.BASE_SALARY].iloc[1])
    assert names == ["Acme"]
    kept, none = o.salaries_from_ranges(table.assign(base_salary=[100_000.0, 80_000.0]), apps)
    assert kept[s.BASE_SALARY].tolist() == [100_000, 80_000] and none == []
    report = build_report(apps, as_of=dt.date(2026, 1, 1))
    assert report.offers.salary_from_range == ["Acme"]
    assert "Base salary of Acme: the top of the advertised salary range" in report_html(report)
    assert o.salaries_from_ranges(table, apps.drop(columns=["salary_max"]))[1] == []


# --- negotiating with facts -----------------------------------------------------------------


AS_OF = dt.date(2026, 6, 1)
NEGOTIATE = pd.DataFrame({
    "company": ["A", "B", "C"], "role": ["Analyst", "Analyst", "Lead"],
    "base_salary": [100.0, 80.0, 90.0], "pto_days": [25.0, 30.0, 28.0],
    "remote_days_per_week": [2.0, 1.0, None], "bonus": [None, 5.0, 8.0],
    "deadline": pd.to_datetime(["2026-06-20", "2026-06-10", "2026-05-20"]),
})


def pipeline(rows: list[tuple[str, str, float]], p: float = 0.5, days: int = 14) -> Forecast:
    table = pd.DataFrame(rows, columns=["company", "stage", "chance"])
    return Forecast(as_of=AS_OF, horizon_days=days, expected=float(table["chance"].sum()),
                    low=0, high=1, p_at_least_one=p, by_application=table)


def test_negotiation_points_of_the_runner_up():
    points = o.negotiation_points(NEGOTIATE, [BASE, PTO], leader="B", as_of=AS_OF)
    # B (80, 30 days) comes last behind A (100, 25 days) and C: the target is its break-even
    # with the leader, rounded up to the next 100 so that it leads.
    tie = o.break_even_salary(o.prepare_offers(NEGOTIATE), [BASE, PTO], leader="A",
                              runner_up="B")
    assert points.rank == 3 and points.salary == 80.0
    assert points.target_salary == pytest.approx(np.ceil(tie / 100) * 100)
    # C's deadline has passed: it is neither leverage nor a comparison.
    assert points.competing["offer"].tolist() == ["A"]
    assert any("deadline having passed: C" in note for note in points.notes)
    assert points.weaker[["term", "best_other", "other_offer"]].values.tolist() == [
        ["remote days a week", "2", "A"]]
    assert points.deadline == dt.date(2026, 6, 10)


def test_negotiation_points_of_the_leader_name_the_weaker_terms():
    points = o.negotiation_points(NEGOTIATE, [BASE, PTO], leader="A", as_of=AS_OF)
    assert points.rank == 1 and points.target_salary is None
    assert "A already leads your ranking." in points.notes
    weaker = points.weaker.set_index("term")
    assert weaker.loc["paid days off", "this_offer"] == "25 days"
    assert weaker.loc["paid days off", "best_other"] == "30 days"
    assert pd.isna(weaker.loc["target bonus", "this_offer"])  # not stated: ask
    subject, body = o.negotiation_draft(points, contact="Dana", my_name="Sam")
    assert subject == "Your offer for the Analyst position" and body.startswith("Dear Dana,")
    assert "another offer with a base salary of 80" in body and "10 June" in body
    assert "paid days off (30 days elsewhere, 25 days here)" in body
    assert "target bonus (5 elsewhere, not stated here)" in body  # C's 8 has expired
    assert body.rstrip().endswith("Sam") and "[No competing offer" not in body


def test_the_pipeline_gives_leverage_from_late_stages_only():
    forecast = pipeline([("D", "interviewed", 0.3), ("E", "interviewed", 0.01),
                         ("F", "applied", 0.2), ("A", "interviewed", 0.4)])
    points = o.negotiation_points(NEGOTIATE.iloc[:1], [BASE], leader="A", pipeline=forecast)
    assert points.final_stage == ["D"]  # E is too unlikely, F too early, A is this offer
    assert points.pipeline_chance == 0.5 and points.pipeline_days == 14
    assert points.has_leverage
    body = o.negotiation_draft(points)[1]
    assert "final stages with 1 other company." in body


def test_other_processes_are_live_ones_not_offers_cited_nor_ones_to_move_on_from():
    """The counter-offer's "final stages with N other companies" counts neither the offers it
    already cites (B's offer is one), nor an application the routine says to move on from."""
    forecast = pipeline([("D", "interviewed", 0.3), ("B Ltd", "interviewed", 0.4),
                         ("G", "interviewed", 0.3), ("H", "interviewed", 0.3)])
    points = o.negotiation_points(NEGOTIATE, [BASE], leader="A", pipeline=forecast,
                                  as_of=AS_OF, moving_on=["g"])
    assert points.final_stage == ["D", "H"]
    assert "final stages with 2 other companies." in o.negotiation_draft(points)[1]


def test_without_competing_offer_or_pipeline_the_draft_claims_no_leverage():
    alone = NEGOTIATE.iloc[:1]
    points = o.negotiation_points(alone, [BASE, PTO], leader="A", as_of=AS_OF)
    assert not points.has_leverage and points.competing.empty
    assert any("without claiming leverage" in note for note in points.notes)
    body = o.negotiation_draft(points)[1]
    assert "[No competing offer or late-stage application to mention" in body
    assert "another offer" not in body and "final stages" not in body
    quiet = pipeline([("F", "applied", 0.01)], p=0.01)
    assert not o.negotiation_points(alone, [BASE], leader="A", pipeline=quiet).has_leverage


def test_negotiation_points_of_an_unknown_offer():
    with pytest.raises(KeyError, match="Z"):
        o.negotiation_points(NEGOTIATE, [BASE], leader="Z")


def test_negotiation_points_use_the_users_own_negotiable_columns():
    offers = NEGOTIATE.assign(signing_bonus=[0.0, 5000.0, 0.0])
    points = o.negotiation_points(offers, [BASE], leader="A", as_of=AS_OF)
    assert "signing bonus" in points.weaker["term"].tolist()


# --- the page's choices, in analysis -----------------------------------------------------------

def test_the_criteria_settings_read_back_as_the_same_criteria():
    """What the page keeps reads back as the criteria chosen, and compares equal once it has
    been through the workspace (JSON has no tuples), so an unchanged page writes nothing."""
    import json

    chosen = [o.Criterion("base_salary", "Base salary", 50, True, True),
              o.Criterion("commute_minutes", "Commute minutes", 0, False, False),
              o.Criterion("signing_bonus", "signing_bonus", 7)]
    settings = o.criteria_settings(chosen, payout=60, risk=25, extra=("signing_bonus",))
    assert settings["payout"] == 60 and settings["risk"] == 25
    assert settings["extra"] == ["signing_bonus"]
    assert json.loads(json.dumps(settings)) == settings
    back = {c.column: c for c in o.chosen_criteria(settings, settings["extra"])}
    assert back["base_salary"].weight == 50
    assert back["commute_minutes"].enabled is False
    assert back["commute_minutes"].higher_is_better is False
    assert back["signing_bonus"].weight == 7
    assert o.criteria_settings([], payout=80, risk=50) == {
        "payout": 80, "risk": 50, "extra": [], "criteria": {}}


def test_the_users_own_numeric_columns_can_become_criteria():
    offers = THREE.assign(signing_bonus=[5000.0, None, 0.0], perks=["gym", None, "bike"],
                          start=pd.to_datetime(["2026-05-01"] * 3))
    assert o.extra_numeric_columns(offers) == ["signing_bonus"]
    assert o.extra_numeric_columns(THREE) == []
    assert o.extra_numeric_columns(THREE.iloc[:0].assign(relocation=1.0)) == ["relocation"]


def test_an_offers_value_by_its_name():
    offers = pd.DataFrame({"company": ["A", "A", "B"], "role": ["x", "y", "z"],
                           "base_salary": [70_000.0, None, 90_000.0]})
    assert o.offer_value(offers, "A – x", "base_salary") == 70_000.0
    assert isinstance(o.offer_value(offers, "A – x", "base_salary"), float)
    assert o.offer_value(offers, "A – y", "base_salary") is None
    assert o.offer_value(offers, "B", "base_salary") == 90_000.0
    assert o.offer_value(offers, "C", "base_salary") is None
    assert o.offer_value(offers, "B", "pto_days") is None
    assert o.offer_value(offers.iloc[:0], "B", "base_salary") is None


@pytest.mark.parametrize(("deadline", "horizon"), [
    ("2026-04-15", (14, True)), ("2026-04-02", (1, True)), ("2026-04-01", (14, False)),
    ("2026-03-20", (14, False)), (None, (14, False))])
def test_the_negotiation_horizon_runs_to_a_deadline_ahead(deadline, horizon):
    offers = pd.DataFrame({"company": ["A", "B"], "base_salary": [1.0, 2.0],
                           "deadline": pd.to_datetime([deadline, "2026-05-01"])})
    assert o.negotiation_horizon(offers, "A", as_of=dt.date(2026, 4, 1)) == horizon
    assert o.negotiation_horizon(offers, "A", as_of=dt.date(2026, 4, 1), default_days=30)[0] \
        == (horizon[0] if horizon[1] else 30)


def test_the_negotiation_horizon_without_deadlines_or_offer():
    assert o.negotiation_horizon(THREE, "A", as_of=dt.date(2026, 4, 1)) == (14, False)
    assert o.negotiation_horizon(THREE, "Z", as_of=dt.date(2026, 4, 1)) == (14, False)


def test_comparable_offers_name_their_company_and_fill_salaries_from_ranges():
    apps = apps_frame([{"company": "Acme", "role": "Analyst", "date_applied": "2026-03-01"}])\
        .assign(salary_max=[110_000.0])
    table = pd.DataFrame({"company": ["Acme", None, "Globex"], "role": ["Analyst", "x", "PM"],
                          "base_salary": [None, 50_000.0, 95_000.0]})
    offers, filled = o.comparable_offers(table, apps)
    assert offers["company"].tolist() == ["Acme", "Globex"]
    assert offers["base_salary"].tolist() == [110_000.0, 95_000.0] and filled == ["Acme"]
    assert table["base_salary"].isna().sum() == 1  # the table given is left as it was
    none, filled = o.comparable_offers(table.iloc[:0], apps)
    assert none.empty and filled == []
    one, filled = o.comparable_offers(table.iloc[[1]], apps)
    assert one.empty and filled == []
