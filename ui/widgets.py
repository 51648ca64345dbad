"""Small display helpers shared by the pages: number formats, KPI tiles, definitions and
charts drawn the same way everywhere."""

from __future__ import annotations

import re
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from analysis.model.words import plural
from analysis.stats.coverage import NEXT_STEP, NO_REPLIES, ReplyCoverage
from analysis.stats.metrics import DEFINITIONS

# Everything Markdown (with Streamlit's extensions) could turn into a link, an image, HTML,
# emphasis, code, a table, maths or a heading.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|<>$~:@.])")
# GitHub-flavoured Markdown links bare "https://...", "mailto:", "www.x.example" and
# "a@b.example" after escapes are undone, so an invisible word joiner follows each "@", each
# "www" and the colon of each such scheme.
_BARE_LINK = re.compile(r"(\\@|www|(?<=https)\\:|(?<=http)\\:|(?<=mailto)\\:|(?<=xmpp)\\:)",
                        re.IGNORECASE)
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """User text made literal inside Markdown: every character Markdown could act on is
    escaped, so a company called "[x](javascript:...)" shows as typed and never as a link, and
    a bare address in a note is text, not a link. File names and labels go through it too."""
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", str(text)).replace("\n", " ")
    return _BARE_LINK.sub(rf"\1{WORD_JOINER}", escaped)


def emphasis() -> Literal["primary", "secondary"]:
    """The type of the button a page leads to: filled in the primary colour in the light
    theme; outlined in the dark one, where Streamlit's white label on the light primary colour
    (which links and selected controls need there) would read at under 2:1."""
    return "secondary" if st.context.theme.type == "dark" else "primary"


def percent(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:.{digits}%}"


PERCENT_FORMAT = "%.1f%%"  # one format for every percentage in a table: "70.0%", "27.3%"


def in_percent(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """The table with shares (0-1) in ``columns`` as percentages, for ``percent_column``:
    Streamlit's own "percent" format prints as many decimals as each value has."""
    return frame.assign(**{c: frame[c] * 100 for c in columns})


def percent_column(label: str, **options: Any) -> ColumnConfig:
    return st.column_config.NumberColumn(label, format=PERCENT_FORMAT, **options)


def arrow(change: str | None) -> Literal["auto", "off"]:
    """No arrow beside a change of nothing ("+0", "+0.0 pp"): ``st.metric``'s delta_arrow.

    >>> arrow("+0"), arrow("+0.0 pp"), arrow("+3"), arrow(None)
    ('off', 'off', 'auto', 'auto')
    """
    if change is None:
        return "auto"
    return "off" if re.fullmatch(r"[+-]?0(?:\.0+)?(?: pp)?", change.strip()) else "auto"


def points_change(now: float | None, before: float | None) -> str | None:
    """A change between two rates in percentage points, for a metric's delta."""
    if now is None or before is None:
        return None
    return f"{(now - before) * 100:+.1f} pp"


def definitions(*names: str) -> None:
    """The definitions behind the numbers, next to them."""
    with st.expander("How these numbers are defined", icon=":material/info:"):
        for name in names or tuple(DEFINITIONS):
            st.markdown(f"**{name}**: {DEFINITIONS[name]}")


def chart(figure: go.Figure, *, key: str | None = None) -> None:
    """Draw a figure full width. Its key defaults to its title, so two figures that look
    alike (two empty states) can stand on one page."""
    st.plotly_chart(figure, width="stretch", key=key or f"chart {figure.layout.title.text}",
                    config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d",
                                                                             "select2d"]})


def no_data(message: str) -> None:
    st.info(message, icon=":material/filter_alt_off:")


def no_replies_recorded(replies: ReplyCoverage, unknown: str) -> None:
    """Say that no application records a reply, so what is ``unknown`` ("the response rate
    is") cannot be shown, and where to record replies."""
    st.info(f"**{NO_REPLIES}.** None of your {plural(replies.applications, 'application')} has "
            f"a reply date, a decision date or a status past applied, so {unknown} not known "
            f"yet (not 0%). {NEXT_STEP}", icon=":material/help:")
    left, right = st.columns(2)
    left.page_link("pages/data.py", label="Record replies on the Data page",
                   icon=":material/edit_note:")
    right.page_link("pages/mail.py", label="Find them in your mailbox", icon=":material/mail:")


def restore_field(key: str, default: object) -> None:
    """A field's value again after a visit to another page (Streamlit forgets the values of
    widgets it did not draw): put back before drawing what ``remember_fields`` kept."""
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(f"{key}_kept", default)


def remember_fields(*keys: str) -> None:
    """Keep the fields' values aside after drawing them, for ``restore_field``."""
    for key in keys:
        st.session_state[f"{key}_kept"] = st.session_state.get(key)
