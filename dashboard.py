"""Job search dashboard: page configuration and navigation.

Run with ``streamlit run dashboard.py``. This file renders no widgets: each page draws the shared
sidebar itself through ``ui.shell.page_setup``.
"""

import streamlit as st

st.set_page_config(page_title="Job search dashboard", page_icon=":material/work:",
                   layout="wide", initial_sidebar_state="expanded")

PAGES = {
    "Analyse": [
        st.Page("pages/overview.py", title="Overview", icon=":material/insights:", default=True),
        st.Page("pages/response_times.py", title="Response times", icon=":material/schedule:"),
        st.Page("pages/outcomes.py", title="Outcomes", icon=":material/bar_chart:"),
    ],
    "Act": [
        st.Page("pages/follow_ups.py", title="Follow-ups", icon=":material/mark_email_unread:"),
        st.Page("pages/offers.py", title="Offers", icon=":material/balance:"),
    ],
    "Manage": [
        st.Page("pages/data.py", title="Data", icon=":material/table_view:"),
        st.Page("pages/reports.py", title="Reports", icon=":material/download:"),
    ],
}

st.navigation(PAGES).run()
