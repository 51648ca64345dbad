"""Outcomes: what works, by source, role and month, each rate with its uncertainty."""

import streamlit as st

from analysis.charts import cohort_chart, rate_chart
from analysis.model.summary import column_label, grouping_columns
from analysis.model.words import plural, verb
from analysis.stats import rates
from analysis.stats.coverage import reply_coverage
from ui.shell import page_setup
from ui.widgets import (
    chart,
    definitions,
    in_percent,
    no_data,
    no_replies_recorded,
    percent_column,
)

view = page_setup("Outcomes")
if view.apps.empty:
    no_data("No applications match the filters. Clear or widen them in the sidebar.")
    st.stop()
definitions("Response", "Positive response", "Stage reached", "95% interval")
replies = view.cached(reply_coverage)
if replies.none:
    no_replies_recorded(replies, "the response, interview and offer rates are")
    st.stop()
if replies.partial:
    st.caption(f"{replies.note} The rates below count the others as without a reply so far.")

controls = st.columns([3, 1, 1])
outcome = controls[0].segmented_control("Outcome", list(rates.OUTCOMES),
                                        format_func=rates.OUTCOMES.get, default="response",
                                        key="outcome") or "response"
top = controls[1].number_input("Roles shown", 2, 30, 8, key="top_roles",
                               help="The most frequent job titles; the rest are grouped as "
                                    "Other.")
show_small = controls[2].toggle(f"Groups under {rates.MIN_GROUP}", key="show_small",
                                help=f"Show groups with fewer than {rates.MIN_GROUP} "
                                     "applications. Their intervals are very wide.")


def by_group(by, label: str, *, key: str, order: str = "size") -> None:
    table = view.cached_with_journal(rates.rate_table, by=by, outcome=outcome,
                                     as_of=view.as_of, show_small=show_small, order=order)
    chart(rate_chart(table, outcome=outcome, by_label=label), key=key)
    if table.attrs["hidden"]:
        st.caption(f"{plural(table.attrs['hidden'], 'group')} with fewer than {rates.MIN_GROUP} "
                   "applications hidden.")


left, right = st.columns(2)
with left:
    by_group("source", "Source", key="rates by source")
with right:
    by_group(view.cached(rates.top_values_of, "role", int(top)), "Role", key="rates by role")
left, right = st.columns(2)
with left:
    by_group(view.cached(rates.month_applied), "Month applied", key="rates by month",
             order="name")
with right:
    choices = view.cached(grouping_columns)
    picked = st.selectbox("Any column", choices, format_func=column_label, key="rate_column",
                          index=choices.index("location") if "location" in choices else 0)
    if picked:
        by_group(picked, column_label(picked), key="rates by any column")

st.subheader("Cohorts by week applied", anchor=False)
cohorts = view.cached(rates.cohorts, as_of=view.as_of, outcome=outcome)
chart(cohort_chart(cohorts, outcome=outcome))
maturing = rates.maturing_weeks(cohorts)
if maturing:
    weeks = "most recent week" if maturing == 1 else f"{maturing} most recent weeks"
    st.caption(f"The {weeks}, hatched, {verb(maturing, 'is', 'are')} younger than the time by "
               "which 75% of replies usually arrive: their rates will still rise.")

st.subheader("Compare two groups", anchor=False)
columns = st.columns(3)
column = columns[0].selectbox("Column", choices, format_func=column_label, key="compare_column",
                              index=choices.index("source") if "source" in choices else 0)
values = rates.group_values(view.apps, column) if column else []
if len(values) < 2:
    st.info("Pick a column with at least two values to compare.")
    st.stop()
first = columns[1].selectbox("First group", values, key="compare_first",
                             index=values.index("Referral") if "Referral" in values else 0)
others = [v for v in values if v != first]
second = columns[2].selectbox("Second group", others, key="compare_second",
                              index=others.index("Job board") if "Job board" in others else 0)
result = view.cached(rates.compare_groups, by=column, first=first, second=second,
                     outcome=outcome, as_of=view.as_of)
table = result.table
st.dataframe(in_percent(table.reset_index(), "rate", "low", "high"), hide_index=True,
             column_config={
                 "group": "Group", "n": st.column_config.NumberColumn("Applications", format="%d"),
                 "successes": st.column_config.NumberColumn(
                     rates.OUTCOMES[outcome].replace(" rate", ""), format="%d"),
                 "rate": percent_column("Rate"), "low": percent_column("95% low"),
                 "high": percent_column("95% high")})
st.markdown(rates.comparison_verdict(result))
