"""The dashboard's pages and page settings, declared once for dashboard.py and ui.shell.

Streamlit's own sectioned navigation puts ``<div>`` elements directly inside its ``<ul>`` and
``<li>`` elements outside a list, which screen readers announce wrongly (axe-core: "list",
"listitem"). The navigation is therefore declared hidden and drawn by ``draw_navigation`` with
``st.page_link`` under a heading per section, on every page.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

FAVICON = Path(__file__).with_name("favicon.png")  # served by the dashboard, never fetched


def configure_page() -> None:
    st.set_page_config(page_title="Job search dashboard", page_icon=str(FAVICON),
                       layout="wide", initial_sidebar_state="expanded")


def pages() -> dict[str, list[st.Page]]:
    """The navigation, by section. Paths are relative to dashboard.py."""
    return {
        "Analyse": [
            st.Page("pages/overview.py", title="Overview", icon=":material/insights:",
                    default=True),
            st.Page("pages/response_times.py", title="Response times",
                    icon=":material/schedule:"),
            st.Page("pages/outcomes.py", title="Outcomes", icon=":material/bar_chart:"),
        ],
        "Act": [
            st.Page("pages/follow_ups.py", title="Follow-ups",
                    icon=":material/mark_email_unread:"),
            st.Page("pages/interviews.py", title="Interviews", icon=":material/groups:"),
            st.Page("pages/offers.py", title="Offers", icon=":material/balance:"),
            st.Page("pages/plan.py", title="Plan", icon=":material/trending_up:"),
        ],
        "Manage": [
            st.Page("pages/data.py", title="Data", icon=":material/table_view:"),
            st.Page("pages/mail.py", title="Mail", icon=":material/mail:"),
            st.Page("pages/reports.py", title="Reports", icon=":material/download:"),
        ],
    }


def navigate() -> None:
    """Declare the pages, with Streamlit's own menu hidden (see ``draw_navigation``)."""
    st.navigation(pages(), position="hidden").run()


def draw_navigation() -> None:
    """The pages as links under their section headings, in the sidebar."""
    for section, section_pages in pages().items():
        st.markdown(f"**{section}**")
        for page in section_pages:
            st.page_link(page, label=page.title, icon=page.icon)
