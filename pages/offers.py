"""Offers: weighted comparison of job offers, and how sure the ranking is."""

import dataclasses

import pandas as pd
import streamlit as st

from analysis import offers as o
from analysis.charts import contribution_chart, wins_chart
from analysis.followups import mailto_link
from analysis.forecast import pipeline_forecast
from analysis.model import schema as s
from analysis.model.words import chance_text
from ui import state, workspace
from ui.cache import remembered
from ui.shell import page_setup
from ui.widgets import chart, in_percent, md, no_data, percent_column

DRAWS = 10_000
SHOWN_QUESTIONS = 10
NEGOTIATION_DAYS = 14  # the pipeline's horizon for an offer without a deadline ahead
NEGOTIATION_SETTING = "negotiation_template"

view = page_setup("Offers")
dataset = view.dataset
saved = workspace.setting(o.SETTINGS_KEY, {}) or {}

st.markdown("Evaluate an offer once you have all the facts: pay, benefits and what matters to "
            "you. Weigh what counts, see why one offer comes first, and how sure that is.")

# --- the offers --------------------------------------------------------------------------------
table = remembered(dataset.key, o.offers_table, view.all_apps, dataset.result.offers)
st.subheader(f"Your offers ({len(table)})", anchor=False)
round_ = st.session_state.get("offers_round", 0)
config = {c.name: (st.column_config.NumberColumn(c.label, help=c.description, min_value=0)
                   if c.kind == "number" else
                   st.column_config.DateColumn(c.label, help=c.description, format="D MMM YYYY")
                   if c.kind == "date" else
                   st.column_config.TextColumn(c.label, help=c.description))
          for c in s.OFFER_COLUMNS}
editor_key = f"offers_editor_{round_}"
edited = st.data_editor(table, num_rows="dynamic", hide_index=True, column_config=config,
                        placeholder="",
                        key=editor_key)
changes = st.session_state.get(editor_key) or {}
if any(changes.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")):
    # Saved as a version; a fresh editor then shows the saved table.
    st.session_state["offers_round"] = round_ + 1
    if state.save_offers(edited.reset_index(drop=True), "edited the offers",
                         based_on=dataset.stored):
        st.rerun()
st.caption("Offers come from your spreadsheet's Offers sheet and from applications whose "
           "status is offer; add one with the + at the bottom. "
           + ("Changes here are kept in your workspace." if not dataset.is_sample else
              "The sample's offers can be changed for this visit only."))

offers, from_range = remembered(dataset.key, o.salaries_from_ranges,
                                table.dropna(subset=[s.OFFER_COMPANY]), view.all_apps)
if from_range:
    st.caption(f"Base salary of {md(', '.join(from_range))}: the top of the salary range in "
               "your tracker (Max. salary), as the offer has none yet. Enter the offer's own "
               "figure in the table to use it instead.")
if len(offers) < 2:
    no_data("Add at least two offers to compare them. With one offer, get all the facts "
            "before negotiating: the follow-ups page lists what to ask.")
    st.stop()

# --- criteria ----------------------------------------------------------------------------------
with st.expander("Criteria and weights", icon=":material/tune:", expanded=False):
    left, right = st.columns(2)
    payout = left.slider("Expected bonus payout", 0, 100,
                         int(saved.get("payout", o.DEFAULT_PAYOUT)), 5, format="%d%%",
                         key="bonus_payout",
                         help="The share of the target bonus you expect to be paid.")
    risk = right.slider("Equity risk discount", 0, 100,
                        int(saved.get("risk", o.DEFAULT_RISK)), 5, format="%d%%", key="equity_risk",
                        help="How much to knock off the equity's paper value for the risk it "
                             "is worth less or nothing.")
    extra = [c for c in table.columns if c not in s.OFFER_COLUMN_NAMES
             and pd.api.types.is_numeric_dtype(table[c])]
    chosen_extra = st.multiselect("More criteria from your columns", extra,
                                  default=[c for c in saved.get("extra", []) if c in extra],
                                  key="extra_criteria")
    chosen: list[o.Criterion] = []
    grid = st.columns(3)
    for i, criterion in enumerate(o.chosen_criteria(saved, chosen_extra)):
        weight, higher, enabled = criterion.weight, criterion.higher_is_better, criterion.enabled
        with grid[i % 3].container(border=True):
            on = st.toggle(md(criterion.label), value=bool(enabled),
                           key=f"on_{criterion.column}")
            value = st.slider("Weight", 0, 50, int(weight), key=f"weight_{criterion.column}",
                              disabled=not on)
            better = st.segmented_control("Better when", ["higher", "lower"],
                                          default="higher" if higher else "lower",
                                          key=f"direction_{criterion.column}",
                                          disabled=not on) or "higher"
        chosen.append(dataclasses.replace(criterion, weight=value, enabled=on,
                                          higher_is_better=better == "higher"))
    settings = {"payout": payout, "risk": risk, "extra": chosen_extra,
                "criteria": {c.column: (c.weight, c.higher_is_better, c.enabled) for c in chosen}}
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
SHOWN_PAIRS = 10
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
current = prepared.set_axis(names)[s.BASE_SALARY].get(runner_up)
if salary is None:
    st.markdown(f"No base salary alone would bring {md(runner_up)} level with {md(leader)}.")
else:
    gap = f" ({salary - current:+,.0f} on its {current:,.0f})" if pd.notna(current) else ""
    st.markdown(f"**Break-even**: {md(runner_up)} would tie with {md(leader)} at a base salary "
                f"of **{salary:,.0f}**{gap}, all else equal.")

# --- negotiate -----------------------------------------------------------------------------------
st.subheader("Negotiate with facts", anchor=False)
st.markdown("Get all the facts before you negotiate, know that more than the salary can move, "
            "and do not undervalue yourself. The draft below says only what your data holds.")
picked = st.selectbox("Offer to negotiate", list(ranking.index), index=0,
                      key="negotiate_offer",
                      help="The offer you would like to accept, if the terms were right.")
deadline = prepared.set_axis(names)[s.DEADLINE].get(picked)
ahead = (deadline.date() - view.as_of).days if pd.notna(deadline) else 0
days = ahead if ahead > 0 else NEGOTIATION_DAYS
pipeline = view.cached(pipeline_forecast, as_of=view.as_of, horizon_days=days)
points = o.negotiation_points(prepared, chosen, leader=picked, pipeline=pipeline,
                              as_of=view.as_of)
facts = []
if points.target_salary is not None and points.salary is not None:
    facts.append(f"At a base salary of **{points.target_salary:,.0f}** (it offers "
                 f"{points.salary:,.0f}), {md(picked)} would lead your ranking, all else equal.")
if points.pipeline_chance is not None:
    until = f"by its deadline, {deadline:%-d %B}" if ahead > 0 else f"within {days} days"
    facts.append(f"Your open applications: a **{chance_text(points.pipeline_chance)}** chance of "
                 f"another offer {until}"
                 + (f"; at the interview stage with {md(', '.join(points.final_stage))}."
                    if points.final_stage else "."))
for fact in facts:
    st.markdown(f"- {fact}")
for note in points.notes:
    st.caption(md(note))
if not points.competing.empty:
    st.dataframe(points.competing, hide_index=True, placeholder="", column_config={
        "offer": "Competing offer", "base_salary": st.column_config.NumberColumn(
            "Base salary", format="localized"),
        "total_compensation": st.column_config.NumberColumn("Total", format="localized"),
        "deadline": st.column_config.DateColumn("Deadline", format="D MMM YYYY")})
if not points.weaker.empty:
    st.markdown(f"**Where {md(picked)} is behind** (terms that are often negotiable):")
    st.dataframe(points.weaker, hide_index=True, placeholder="not stated",
                 column_order=["term", "this_offer", "best_other", "other_offer"],
                 column_config={"term": "Term", "this_offer": "This offer",
                                "best_other": "Best elsewhere", "other_offer": "At"})

template = workspace.setting(NEGOTIATION_SETTING, None) or o.NEGOTIATION_TEMPLATE
with st.expander("Edit the template", icon=":material/edit:"):
    new_subject = st.text_input("Subject", template[0], key="negotiation_subject")
    new_body = st.text_area("Message", template[1], height=220, key="negotiation_template",
                            help="Placeholders: $contact, $company, $role, $asks (the "
                                 "paragraphs built from your data) and $my_name. Kept for "
                                 "your next visit.")
    if [new_subject, new_body] != list(template):
        workspace.save_setting(NEGOTIATION_SETTING, [new_subject, new_body])
        template = (new_subject, new_body)
contact_name, contact_email = o.offer_contact(view.all_apps, points.company)
subject, body = o.negotiation_draft(points, contact=contact_name,
                                    my_name=str(workspace.setting("my_name", "")),
                                    template=(template[0], template[1]))
subject = st.text_input("Subject of the counter-offer", subject, key=f"counter_subject_{picked}")
body = st.text_area("Counter-offer draft", body, height=320, key=f"counter_body_{picked}",
                    help="Edit freely; nothing is sent from here.")
link = mailto_link(contact_email, subject, body)
if link:
    st.link_button(f"Open in your email program (to {contact_email})", link,
                   icon=":material/mail:")
else:
    st.caption("No contact email for this company in your tracker: copy the draft into your "
               "email program.")
