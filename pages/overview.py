"""Overview: the headline numbers of the search, where applications went, and activity."""

import datetime as dt

import streamlit as st

from analysis.charts import activity_chart, empty_figure, flow_chart, funnel_chart
from analysis.followups import DUE_TODAY, OVERDUE, open_follow_ups, state_counts
from analysis.forecast import pipeline_forecast
from analysis.interviews import interviews_per_offer
from analysis.model.summary import status_counts
from analysis.model.words import chance_text, expected_text
from analysis.stats import metrics
from analysis.stats.coverage import NO_REPLIES, coverage_table, reply_coverage
from ui.shell import page_setup
from ui.widgets import (
    chart,
    definitions,
    no_data,
    no_replies_recorded,
    percent,
    points_change,
)
from ui.workspace import action_log, follow_up_rules

COMPARE_DAYS = 30
FORECAST_DAYS = 90

view = page_setup("Overview")
if view.apps.empty:
    no_data("No applications match the filters. Clear or widen them in the sidebar.")
    st.stop()

now = view.cached(metrics.kpis, as_of=view.as_of, ghost_days=view.ghost_days)
before = view.cached(metrics.kpis, as_of=view.as_of - dt.timedelta(days=COMPARE_DAYS),
                     ghost_days=view.ghost_days)
definitions()
st.caption(f"As of {view.as_of:%-d %B %Y}. Changes compare with the same numbers "
           f"{COMPARE_DAYS} days earlier.")


def rate_tile(column, label: str, now_count: int, before_count: int, help_text: str,
              *, inverse: bool = False) -> None:
    rate, earlier = now.rate(now_count), before.rate(before_count)
    # A month ago no reply may have been recorded yet: no change to show then.
    change = points_change(rate, earlier) if before.replies_recorded else None
    column.metric(label, percent(rate), change,
                  delta_color="inverse" if inverse else "normal",
                  help=f"{help_text} {now_count:,} of {now.applications:,} applications."
                       + (f" {replies.note}" if replies.partial else ""))


replies = view.cached(reply_coverage)
journal = view.dataset.result.interviews
actions = view.cached_with_journal(open_follow_ups, as_of=view.as_of, log=action_log(),
                                   rules=follow_up_rules(), offers=view.dataset.result.offers)
held, offers_received = view.with_journal(interviews_per_offer, as_of=view.as_of)
states = state_counts(actions)


def applications_tile(column) -> None:
    column.metric("Applications", f"{now.applications:,}",
                  f"{now.applications - before.applications:+,}",
                  help="Applications sent (saved ones not counted).")


def active_tile(column) -> None:
    column.metric("Active applications", f"{now.active:,}", f"{now.active - before.active:+,}",
                  delta_color="off", help="Sent, not closed, and not ghosted.")


def interviews_tile(column) -> None:
    column.metric(
        "Interviews per offer",
        f"{held / offers_received:.1f}" if offers_received else
        (f"{held:,}, no offer yet" if held else "No interview yet"),
        help=f"{held:,} interviews held (every round counts) and {offers_received:,} offers."
             + (" An offer has cost this many interviews so far." if offers_received else ""))


def forecast_tile(column) -> None:
    forecast = view.cached(pipeline_forecast, as_of=view.as_of, horizon_days=FORECAST_DAYS)
    value = (f"{expected_text(forecast.expected)} ({forecast.low}–{forecast.high})"
             if forecast.open else "0, none open")
    column.metric(f"Offers expected in {FORECAST_DAYS} days", value,
                  help=(f"From your {forecast.open:,} open applications, with an 80% interval in "
                        f"brackets and a {chance_text(forecast.p_at_least_one)} chance of at least "
                        "one. See the Plan page." if forecast.open else
                        "No open application to expect an offer from. See the Plan page."))


def follow_ups_tile(column) -> None:
    column.metric("Follow-ups due", f"{states[OVERDUE] + states[DUE_TODAY]:,}",
                  help=f"{states[OVERDUE]} overdue and {states[DUE_TODAY]} due today: notes, "
                       "thank-you notes and follow-ups. See the Follow-ups page.")


if replies.none:
    row = st.columns(5)
    applications_tile(row[0])
    active_tile(row[1])
    follow_ups_tile(row[2])
    no_replies_recorded(replies, "the response, interview and offer rates, ghosting, the "
                                 "time to a reply and the offers to expect are")
else:
    row = st.columns(5)
    applications_tile(row[0])
    rate_tile(row[1], "Response rate", now.responses, before.responses,
              "Any reply, a rejection included.")
    rate_tile(row[2], "Positive responses", now.positive, before.positive,
              "Reached screening, an interview or an offer.")
    rate_tile(row[3], "Interview rate", now.interviews, before.interviews,
              "Reached at least one interview.")
    rate_tile(row[4], "Offer rate", now.offers, before.offers, "Received an offer.")

    row = st.columns(5)
    rate_tile(row[0], "Ghosted", now.ghosted, before.ghosted,
              f"Status ghosted, or no reply after {view.ghost_days} days.", inverse=True)
    row[1].metric(
        "Median days to reply",
        f"{now.median_days} days" if now.median_days is not None else "Not yet",
        help="The day by which half of all applications heard back (Kaplan-Meier median, "
             "with waiting applications counted as waiting). 'Not yet': fewer than half have "
             "had any reply so far." + (f" {replies.note}" if replies.partial else ""))
    row[2].metric(
        "Half of replies within",
        f"{now.half_of_replies_days} days" if now.half_of_replies_days is not None
        else "No replies",
        help="Of the replies that came, half arrived within this many days of applying.")
    interviews_tile(row[3])
    follow_ups_tile(row[4])
    row = st.columns(5)
    active_tile(row[0])
    forecast_tile(row[1])
    if replies.partial:
        st.caption(f"{replies.note} The rates count the other "
                   f"{replies.applications - replies.known:,} as without a reply so far.")

with st.expander("What these numbers stand on", icon=":material/fact_check:"):
    st.dataframe(view.cached(coverage_table), hide_index=True, width="stretch", column_config={
        "measure": "Number", "stands_on": st.column_config.TextColumn("Needs", width="large"),
        "known": st.column_config.NumberColumn("Applications that have it", format="%d"),
        "of": st.column_config.NumberColumn("Of", format="%d"),
        "share": st.column_config.ProgressColumn("Share", format="percent", min_value=0,
                                                 max_value=1)})

st.divider()
left, right = st.columns(2)
if replies.none:
    unknown = f"{NO_REPLIES}: the stages after Applied are not known yet."
    with left:
        chart(empty_figure(unknown, title="Stages reached"))
    with right:
        chart(empty_figure(unknown, title="Where applications went"))
else:
    with left:
        chart(funnel_chart(view.cached_with_journal(metrics.funnel_counts)))
    with right:
        chart(flow_chart(view.cached_with_journal(metrics.outcome_flows, as_of=view.as_of,
                                                  ghost_days=view.ghost_days)))
chart(activity_chart(view.cached(metrics.weekly_activity, as_of=view.as_of),
                     replies=not replies.none))

with st.expander("Applications by current status"):
    st.dataframe(
        view.cached(status_counts), hide_index=True,
        column_config={
            "status": st.column_config.TextColumn("Status"),
            "applications": st.column_config.NumberColumn("Applications", format="%d"),
            "share": st.column_config.ProgressColumn("Share", format="percent", min_value=0,
                                                     max_value=1),
        },
    )
