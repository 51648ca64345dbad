"""Offers: weighted comparison of job offers, and how sure the ranking is."""

import streamlit as st

from analysis import offers as o
from analysis.charts import contribution_chart, wins_chart
from analysis.model import schema as s
from ui import workspace
from ui.cache import remembered
from ui.offers_view import (
    criteria_controls,
    negotiate,
    offer_conflicts,
    offers_editor,
)
from ui.shell import page_setup
from ui.widgets import chart, in_percent, md, no_data, percent_column

DRAWS = 10_000
SHOWN_QUESTIONS = 10
SHOWN_PAIRS = 10

view = page_setup("Offers")
dataset = view.dataset
saved = workspace.setting(o.SETTINGS_KEY, {}) or {}

st.markdown("Evaluate an offer once you have all the facts: pay, benefits and what matters to "
            "you. Weigh what counts, see why one offer comes first, and how sure that is.")

# --- the offers --------------------------------------------------------------------------------
table = remembered(dataset.key, o.offers_table, view.all_apps, dataset.result.offers)
st.subheader(f"Your offers ({len(table)})", anchor=False)
offers_editor(view, table)
offer_conflicts(view)

offers, from_range = remembered(dataset.key, o.comparable_offers, table, view.all_apps)
if from_range:
    st.caption(f"Base salary of {md(', '.join(from_range))}: the top of the salary range in "
               "your tracker (Max. salary), as the offer has none yet. Enter the offer's own "
               "figure in the table to use it instead.")
if len(offers) < 2:
    no_data("Add at least two offers to compare them. With one offer, get all the facts "
            "before negotiating: the follow-ups page lists what to ask.")
    st.stop()

# --- criteria ----------------------------------------------------------------------------------
payout, risk, extra, chosen = criteria_controls(saved, o.extra_numeric_columns(table))
settings = o.criteria_settings(chosen, payout=payout, risk=risk, extra=extra)
if settings != saved:
    workspace.save_setting(o.SETTINGS_KEY, settings)

prepared = o.prepare_offers(offers, bonus_payout=payout / 100, equity_risk=risk / 100)
# The offers' results are kept per offers table, discounts and criteria (see ui.cache).
offers_key = f"{dataset.key}|{payout}|{risk}"
scored_key = f"{offers_key}|{chosen!r}"
scores = remembered(offers_key, o.score_offers, prepared, chosen)
if scores.weights.empty:
    no_data(o.unranked_reason(chosen))
    st.stop()
shares = ", ".join(f"{name} {share:.0%}" for name, share in scores.weights.items())
st.caption(f"Weights, as shares of 100%: {md(shares)}.")

# --- ranking -----------------------------------------------------------------------------------
st.subheader("Ranking", anchor=False)
ranking = scores.ranking
leader, runner_up = ranking.index[0], ranking.index[1]
st.markdown(f"**{md(leader)}** comes first with **{ranking.iloc[0]:.0f}** points out of 100, "
            f"ahead of {md(runner_up)} ({ranking.iloc[1]:.0f}).")
for note in scores.notes:
    st.caption(md(note))
chart(contribution_chart(scores.contributions))

names = o.offer_names(prepared)
st.markdown("**Total compensation** = " + o.TOTAL_FORMULA)
currency = {c: st.column_config.NumberColumn(label, format="localized")
            for c, label in ((s.BASE_SALARY, "Base salary"), (o.EXPECTED_BONUS, "Bonus × payout"),
                             (o.RISKED_EQUITY, "Equity × (1 − risk)"),
                             (s.BENEFITS_VALUE, "Benefits"), (o.TOTAL_COMPENSATION, "Total"))}
st.dataframe(o.compensation_table(prepared), hide_index=True, placeholder="",
             column_config={"offer": "Offer", **currency})

with st.expander("Raw values next to their normalised scores"):
    st.dataframe(o.values_beside_scores(prepared, scores, chosen), placeholder="")

missing = remembered(offers_key, o.missing_facts, prepared, chosen).set_axis(names)
questions = [f"Ask **{md(name)}** about: {', '.join(items)}." for name, items in missing.items()
             if items]
if questions:
    st.subheader("Facts to get before negotiating", anchor=False)
    st.caption("A blank value counts as the worst on that criterion until you know it.")
    for question in questions[:SHOWN_QUESTIONS]:
        st.markdown(question)
    if len(questions) > SHOWN_QUESTIONS:
        st.caption(f"And {len(questions) - SHOWN_QUESTIONS:,} more offers with facts missing: "
                   "see the blanks in the table above.")

# --- robustness --------------------------------------------------------------------------------
st.subheader("How sure is this ranking?", anchor=False)
dominated = remembered(scored_key, o.dominance, scores)
for row in dominated.head(SHOWN_PAIRS).itertuples():
    st.markdown(f"**{md(row.offer)}** is at least as good as **{md(row.dominated)}** on "
                "every criterion and better on one: whatever the weights, it ranks higher.")
if len(dominated) > SHOWN_PAIRS:
    st.caption(f"And {len(dominated) - SHOWN_PAIRS:,} more such pairs.")

concentration = st.slider("How close to your weights", 2, 200, int(saved.get("closeness", 20)),
                          key="concentration",
                          help="The random weightings are drawn around yours (a Dirichlet "
                               "distribution); higher keeps them closer.")
wins = remembered(scored_key, o.random_weight_wins, scores, concentration=concentration,
                  draws=DRAWS, seed=7)
st.markdown(f"**{md(wins.idxmax())}** wins in **{wins.max():.0%}** of {DRAWS:,} plausible "
            "weightings.")
chart(wins_chart(wins, draws=DRAWS))

sensitivity = remembered(scored_key, o.weight_sensitivity, scores)
st.markdown(f"**Each weight's safe range**: within it (the other weights keeping their "
            f"proportions) {md(leader)} stays first.")
st.dataframe(in_percent(sensitivity, "weight", "low", "high"), hide_index=True,
             placeholder="no range", column_config={
                 "criterion": "Criterion", "weight": percent_column("Your weight"),
                 "low": percent_column("From"), "high": percent_column("To")})

salary = remembered(offers_key, o.break_even_salary, prepared, chosen, leader=leader,
                    runner_up=runner_up)
current = o.offer_value(prepared, runner_up, s.BASE_SALARY)
if salary is None:
    st.markdown(f"No base salary alone would bring {md(runner_up)} level with {md(leader)}.")
else:
    gap = f" ({salary - current:+,.0f} on its {current:,.0f})" if current is not None else ""
    st.markdown(f"**Break-even**: {md(runner_up)} would tie with {md(leader)} at a base salary "
                f"of **{salary:,.0f}**{gap}, all else equal.")

# --- negotiate -----------------------------------------------------------------------------------
st.subheader("Negotiate with facts", anchor=False)
st.markdown("Get all the facts before you negotiate, know that more than the salary can move, "
            "and do not undervalue yourself. The draft below says only what your data holds.")
negotiate(view, prepared, chosen, list(ranking.index))
