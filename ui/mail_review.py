"""The Mail page's review of the proposals: one row per proposal with its evidence, and the
two choices the user makes on it (accept, decline)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

SHOWN = ["accept", "decline", "application", "change", "kind", "confidence", "message_date",
         "sender", "subject", "snippet"]


def review_editor(shown: pd.DataFrame, *, key: str) -> pd.DataFrame:
    """The proposals in an editor where only the two choices can be changed; returns the
    review as edited, row for row with ``shown``."""
    return st.data_editor(
        shown[SHOWN], hide_index=True, placeholder="", key=key,
        disabled=[c for c in SHOWN if c not in ("accept", "decline")],
        column_config={
            "accept": st.column_config.CheckboxColumn("Accept",
                                                      help="Write it into the tracker."),
            "decline": st.column_config.CheckboxColumn(
                "Decline", help="Never offered again, even after another scan."),
            "application": st.column_config.TextColumn("Application", width="medium"),
            "change": st.column_config.TextColumn("Change", width="medium"),
            "kind": "Found", "confidence": st.column_config.ProgressColumn(
                "Sure", min_value=0, max_value=1, format="percent"),
            "message_date": st.column_config.DatetimeColumn("Mail of", format="D MMM YYYY"),
            "sender": "From", "subject": "Subject",
            "snippet": st.column_config.TextColumn("Says", width="large")})
