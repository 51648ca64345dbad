"""Job search dashboard: page configuration and navigation.

Run with ``streamlit run dashboard.py``. This file renders no widgets: each page draws the shared
sidebar itself through ``ui.shell.page_setup``.
"""

from ui.navigation import configure_page, navigate

configure_page()
navigate()
