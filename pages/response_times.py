"""Response times: how long employers take to reply, with waiting applications counted honestly."""

import streamlit as st

from analysis.charts import delay_histogram, response_curve_chart, silence_chart
from analysis.maths.survival import (
    at_risk_table,
    chance_after,
    chance_after_silence,
    last_day,
    share_so_far,
)
from analysis.model.summary import column_label, grouping_columns
from analysis.stats import metrics
from analysis.stats.coverage import reply_coverage
from ui.shell import page_setup
from ui.widgets import chart, definitions, no_data, no_replies_recorded, percent

AT_RISK_DAYS = [0, 7, 14, 21, 28, 42, 56, 90]

view = page_setup("Response times")
if view.apps.empty:
    no_data("No applications match the filters. Clear or widen them in the sidebar.")
    st.stop()
definitions("Response", "Waiting applications", "95% interval")

options = [None, *view.cached(grouping_columns)]
by = st.selectbox("Split by", options, format_func=lambda c: "Nothing (all together)"
                  if c is None else column_label(c), key="response_split",
                  help="Draw one curve per value of a column, e.g. per source.")

durations = view.cached_with_journal(metrics.response_durations, as_of=view.as_of)
curve = view.cached_with_journal(metrics.response_curve, as_of=view.as_of, by=by)
overall = curve if by is None else view.cached_with_journal(metrics.response_curve,
                                                           as_of=view.as_of)

replies = view.cached(reply_coverage)
if replies.none:
    no_replies_recorded(replies, "how long employers take to reply is")
    st.stop()
if durations.empty:
    no_data("No application has a date yet: the curve needs the day each one was sent.")
    st.stop()
if not durations["event"].any():
    st.info("No responses yet: the curve starts after your first reply. "
            f"{len(durations):,} applications are waiting.", icon=":material/hourglass_top:")
    st.stop()

median, p75 = metrics.response_quantiles(overall)
columns = st.columns(3)
columns[0].metric("Half heard back by", f"day {median.day}" if median.day is not None else
                  "Not yet", help=f"Median: {metrics.quantile_text(median)}.")
columns[1].metric("75% heard back by", f"day {p75.day}" if p75.day is not None else "Not yet",
                  help=f"75th percentile: {metrics.quantile_text(p75)}.")
columns[2].metric("Heard back so far", percent(share_so_far(overall)),
                  help="The curve's last value: the share that heard back within the longest "
                       "wait in your data.")
st.caption(metrics.response_summary(durations, overall, replies=replies) + " "
           + metrics.heard_back_note(share_so_far(overall),
                                     view.cached_with_journal(
                                         metrics.kpis, as_of=view.as_of,
                                         ghost_days=view.ghost_days)))

chart(response_curve_chart(curve))
if by is not None:
    test = view.cached_with_journal(metrics.response_logrank, as_of=view.as_of, by=by)
    if test is None:
        st.caption("The log-rank test needs at least two groups with replies.")
    else:
        st.markdown(metrics.logrank_verdict(test))

st.markdown("**Still waiting before each day** (the number at risk)")
st.dataframe(at_risk_table(curve, AT_RISK_DAYS).rename_axis(index="Group", columns=None)
             .rename(columns=lambda d: f"Day {d}"), width="stretch")

st.subheader("When to move on", anchor=False)
silence = chance_after_silence(overall)
longest = last_day(silence)
days = st.slider("Days of silence", 0, max(longest, 1), min(21, longest), key="silence_days",
                 help="Days since applying without any reply.")
chance = chance_after(silence, days)
st.markdown(f"After **{days} days of silence**, **{chance:.0%}** of your applications still "
            f"got a reply (within the {longest} days your data covers).")
chart(silence_chart(silence))

st.subheader("Observed delays", anchor=False)
delays = view.cached_with_journal(metrics.response_delays, as_of=view.as_of)
for column, (kind, counts) in zip(st.columns(2), metrics.delay_histograms(delays).items(),
                                  strict=True):
    with column:
        chart(delay_histogram(counts, title=kind))
st.caption("Only the delays that were observed: applications still waiting are not in these "
           "histograms, which is why the curve above is the better guide.")
