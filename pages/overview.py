"""Overview: the headline numbers of the search, where applications went, and activity."""

import streamlit as st

from analysis.charts import activity_chart, empty_figure, flow_chart, funnel_chart
from analysis.followups import open_follow_ups, state_counts
from analysis.forecast import channel_forecast
from analysis.interviews import interviews_per_offer
from analysis.model.summary import status_counts
from analysis.stats import metrics
from analysis.stats.coverage import NO_REPLIES, coverage_table, reply_coverage
from ui.overview_tiles import Tiles, forecast_tile
from ui.shell import page_setup
from ui.widgets import chart, definitions, no_data, no_replies_recorded
from ui.workspace import action_log, channels, follow_up_rules

COMPARE_DAYS = 30
FORECAST_DAYS = 90

view = page_setup("Overview")
if view.apps.empty:
    no_data("No applications match the filters. Clear or widen them in the sidebar.")
    st.stop()

now = view.cached_with_journal(metrics.kpis, as_of=view.as_of, ghost_days=view.ghost_days)
before = view.cached_with_journal(metrics.kpis_before, as_of=view.as_of, days=COMPARE_DAYS,
                                  ghost_days=view.ghost_days)
definitions()
st.caption(f"As of {view.as_of:%-d %B %Y}. Changes compare with the same numbers "
           f"{COMPARE_DAYS} days earlier.")

replies = view.cached(reply_coverage)
actions = view.cached_with_journal(open_follow_ups, as_of=view.as_of, log=action_log(),
                                   rules=follow_up_rules(), offers=view.dataset.result.offers)
tiles = Tiles(now=now, before=before, replies=replies, states=state_counts(actions),
              interviews=view.with_journal(interviews_per_offer, as_of=view.as_of))

row = st.columns(4)  # four a row: labels and values fit whole in a 1280 px window
tiles.applications(row[0])
if replies.none:
    tiles.active(row[1])
    tiles.follow_ups(row[2])
    no_replies_recorded(replies, "the response, interview and offer rates, ghosting, the "
                                 "time to a reply and the offers to expect are")
else:
    tiles.rate(row[1], "Response rate", "responses", "Any reply, a rejection included.")
    tiles.rate(row[2], "Positive responses", "positive",
               "Reached screening, an interview or an offer.")
    tiles.rate(row[3], "Interview rate", "interviews", "Reached at least one interview.",
               note=metrics.interviews_to_come_note(now))
    row = st.columns(4)
    tiles.rate(row[0], "Offer rate", "offers", "Received an offer.")
    tiles.rate(row[1], "Ghosted", "ghosted",
               f"Status ghosted, or no reply after {view.ghost_days} days.", inverse=True)
    tiles.median_days(row[2])
    tiles.half_of_replies(row[3])
    row = st.columns(4)
    tiles.interviews_per_offer(row[0])
    tiles.follow_ups(row[1])
    tiles.active(row[2])
    forecast_tile(row[3], view.cached_with_journal(channel_forecast, as_of=view.as_of,
                                                   horizon_days=FORECAST_DAYS,
                                                   channels=channels()))
    notes = [metrics.reply_times_note(now)]
    if replies.partial:
        notes.append(f"{replies.note} The rates count the other {replies.unknown:,} as without "
                     "a reply so far.")
    st.caption(" ".join(n for n in notes if n))

with st.expander("What these numbers stand on", icon=":material/fact_check:"):
    st.dataframe(view.cached(coverage_table), hide_index=True, width="stretch", column_config={
        "measure": "Number", "stands_on": st.column_config.TextColumn("Needs", width="large"),
        "known": st.column_config.NumberColumn("Applications that have it", format="%d"),
        "of": st.column_config.NumberColumn("Of", format="%d"),
        "share": st.column_config.ProgressColumn("Share", format="percent", min_value=0,
                                                 max_value=1)})

st.divider()
# One under the other: the flow diagram needs the page's width for its labels.
if replies.none:
    unknown = f"{NO_REPLIES}: the stages after Applied are not known yet."
    chart(empty_figure(unknown, title="Stages reached"))
    chart(empty_figure(unknown, title="Where applications went"))
else:
    chart(funnel_chart(view.cached_with_journal(metrics.funnel_counts, as_of=view.as_of)))
    chart(flow_chart(view.cached_with_journal(metrics.outcome_flows, as_of=view.as_of,
                                              ghost_days=view.ghost_days)))
chart(activity_chart(view.cached_with_journal(metrics.weekly_activity, as_of=view.as_of),
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
