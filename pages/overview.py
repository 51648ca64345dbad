"""Overview: how many applications there are and where they stand."""

import streamlit as st

from analysis.summary import date_span, status_counts
from ui.shell import not_built, page_setup

view = page_setup("Overview")

if view.apps.empty:
    st.info("No applications match the filters. Clear or widen them in the sidebar.",
            icon=":material/filter_alt_off:")
    st.stop()

span = date_span(view.apps)
left, middle, right = st.columns(3)
left.metric("Applications", f"{len(view.apps):,}",
            help="Applications shown after the sidebar filters.")
middle.metric("First application", span[0].strftime("%-d %b %Y") if span else "No dates")
right.metric("Latest application", span[1].strftime("%-d %b %Y") if span else "No dates")

st.subheader("Where your applications stand", anchor=False)
counts = status_counts(view.apps)
st.dataframe(
    counts,
    hide_index=True,
    column_config={
        "status": st.column_config.TextColumn("Status"),
        "applications": st.column_config.NumberColumn("Applications", format="%d"),
        "share": st.column_config.ProgressColumn("Share", format="percent", min_value=0,
                                                 max_value=1),
    },
)

not_built("Response and interview rates with their uncertainty, the funnel of stages reached, "
          "the flow of applications and activity over time will appear here.")
