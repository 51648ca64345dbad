"""Plan: what the open applications will likely bring, what it takes to reach an offer by a
date, what would change it most, and a weekly goal."""

import streamlit as st

from analysis import forecast as fc
from analysis.charts import goal_chart
from analysis.forecast import plan
from analysis.stats.coverage import NEXT_STEP, NO_REPLIES, reply_coverage
from ui import workspace
from ui.forecast import source_channels, what_it_takes
from ui.plan_view import forecast_view
from ui.shell import page_setup
from ui.widgets import chart, md, no_data

HORIZONS = {"30 days": 30, "60 days": 60, "90 days": 90, "6 months": 182}

view = page_setup("Plan")
apps = view.apps
st.markdown("What your open applications will likely bring, how many more it takes to have an "
            "offer by a date you choose, and what in your own numbers would change it most. "
            "Every figure comes from your history, with waiting applications counted as "
            "waiting, not as failures, and from published figures for each channel where your "
            "history is thin.")
if apps.empty:
    no_data("No applications match the filters. Clear or widen them in the sidebar.")
    st.stop()
replies = view.cached(reply_coverage)
if replies.none:  # said as the Overview says it; nothing below reads the silence as "no"
    st.info(f"{replies.note} So the forecast cannot tell an application still waiting from one "
            f"never answered, and rests on the published figures only. {NEXT_STEP}",
            icon=":material/help:")

# --- the forecast --------------------------------------------------------------------------------
st.subheader("What your open applications will likely bring", anchor=False)
channels = source_channels(view.all_apps)
forecast = None
if replies.none:  # the published figures alone: no horizon to choose, nothing of one's own
    st.markdown(md(view.cached(fc.published_outlook, channels=channels)))
else:
    choice = st.segmented_control("Within", list(HORIZONS), default="90 days",
                                  key="forecast_horizon") or "90 days"
    forecast = view.cached_with_journal(fc.channel_forecast, as_of=view.as_of,
                                        horizon_days=HORIZONS[choice], channels=channels)
    if forecast.open:
        forecast_view(forecast)
    else:
        no_data("No open applications: there is nothing to forecast, so 0 offers are expected "
                "from them. The plan below says how many to send.")

with st.expander("How the forecast works, and its prior", icon=":material/info:"):
    for paragraph in fc.method_paragraphs():
        st.markdown(paragraph)
    for rate in forecast.rates if forecast else []:
        st.markdown(f"- {md(rate.describe())}")
    st.dataframe(fc.published_table(), hide_index=True)

if not replies.none:
    back = view.cached_with_journal(fc.backtest, as_of=view.as_of, channels=channels)
    st.markdown("**Checked against your past**: the same forecast made on your data as it was "
                "then, against the offers that came since.")
    for line in fc.backtest_lines(back):
        st.markdown(f"- {line}")

# --- what it takes -------------------------------------------------------------------------------
st.subheader("What it takes to have an offer", anchor=False)
if replies.none:
    no_data("How many to send each week until a date depends on how soon replies come, and "
            "none is recorded: the count above, from the published figures alone, is what "
            "can be said.")
else:
    what_it_takes(view, channels)

# --- levers --------------------------------------------------------------------------------------
st.subheader("What would change it most", anchor=False)
outcome = st.segmented_control("Reaching", ["interview", "offer"], default="interview",
                               key="lever_outcome",
                               format_func=lambda o: {"interview": "an interview",
                                                      "offer": "an offer"}[o]) or "interview"
found = view.cached_with_journal(plan.levers, as_of=view.as_of, outcome=outcome)
if found.empty and replies.none:
    no_data(f"{NO_REPLIES}, so there is nothing to compare yet.")
elif found.empty:
    no_data("Not enough applications per source, location or role to compare (at least "
            "5 in each of two groups). As your search grows, this shows where your "
            "applications work best.")
else:
    for sentence in found["sentence"]:
        st.markdown(f"- {md(sentence)}")
    st.caption("Your own rates, 95% Wilson intervals, and Fisher's exact test for chance. A "
               "difference that could be chance is said to be one.")

# --- the weekly goal -----------------------------------------------------------------------------
st.subheader("Your weekly goal", anchor=False)
goal = plan.Goal.from_setting(workspace.setting(plan.GOAL_SETTING, {}))
inputs = st.columns(2)
wanted = plan.Goal(
    int(inputs[0].number_input("Applications a week", 0, 200, goal.applications,
                               key="goal_applications")),
    int(inputs[1].number_input("Follow-ups a week", 0, 100, goal.follow_ups,
                               key="goal_follow_ups",
                               help="Thank-you notes, follow-ups after the promised decision "
                                    "date and thanks after a rejection, as recorded in your "
                                    "tracker and journal.")))
if wanted != goal:
    workspace.save_setting(plan.GOAL_SETTING, wanted.as_setting())
    goal = wanted
progress = view.cached_with_journal(plan.weekly_progress, as_of=view.as_of, goal=goal)
week = progress.iloc[-1]
tiles = st.columns(3)
tiles[0].metric("Applications this week", f"{week['applications']} of {goal.applications}",
                help=f"Week starting Monday {week['week']:%-d %B}.")
tiles[1].metric("Follow-ups this week", f"{week['follow_ups']} of {goal.follow_ups}",
                help=f"Week starting Monday {week['week']:%-d %B}.")
tiles[2].metric("Weeks in a row on goal", f"{plan.streak(progress)}",
                help="Past weeks, before this one, in which both goals were met.")
chart(goal_chart(progress, applications_goal=goal.applications,
                 follow_ups_goal=goal.follow_ups))
st.caption("The goal is kept in your workspace. Weeks start on Monday; the current week is "
           "the last one.")
