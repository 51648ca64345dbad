"""The Plan page's forecast controls: which channel each unrecognised source is (kept in the
workspace), and what it takes to have an offer by a date, through the usual mix of channels
or one of them. Everything is computed in ``analysis.forecast``."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analysis import forecast as fc
from ui import workspace
from ui.shell import View
from ui.widgets import md, no_data, percent

THROUGH = {fc.MIX: "Your usual mix of channels",
           **{c: fc.CHANNEL_LABELS[c] for c in fc.NAMED_CHANNELS}}


def source_channels(apps: pd.DataFrame) -> dict[str, str]:
    """The person's mapping of source to channel, from the workspace, with a selectbox for
    each source the vocabulary does not recognise (saved the moment it changes)."""
    saved = workspace.channels()
    unknown = fc.unrecognised_sources(apps)
    if not unknown:
        return saved
    with st.expander(f"Which channel is each source? ({len(unknown)} not recognised)",
                     icon=":material/alt_route:"):
        st.caption("Sources the dashboard cannot place are read as the usual mix of "
                   "channels. Say which channel each is, and its published figures are used.")
        chosen = dict(saved)
        for number, source in enumerate(unknown[:20]):
            chosen[source] = st.selectbox(
                md(source), list(fc.CHANNELS), key=f"source_channel_{number}",
                index=fc.CHANNELS.index(saved.get(source, fc.UNKNOWN)),
                format_func=lambda c: fc.CHANNEL_LABELS[c]) or fc.UNKNOWN
    chosen = {source: channel for source, channel in chosen.items()
              if channel != fc.UNKNOWN or source in saved}
    if chosen != saved:
        workspace.save_setting(fc.CHANNEL_SETTING, chosen)
    return dict(sorted(chosen.items()))


def what_it_takes(view: View, channels: dict[str, str]) -> None:
    """How many applications a week give an offer by a chosen date, through a chosen
    channel, and through each channel instead."""
    controls = st.columns(3)
    target = controls[0].date_input("Offer by", value=fc.default_offer_by(view.as_of),
                                    key="offer_by")
    probability = controls[1].slider("With probability", 50, 95, 80, 5, format="%d%%",
                                     key="offer_probability") / 100
    through = controls[2].selectbox("Through", list(THROUGH), format_func=lambda c: THROUGH[c],
                                    key="offer_through",
                                    help="The channel your next applications go through.")
    if not isinstance(target, dt.date):
        no_data("Pick the day by which you would like an offer.")
        return
    needed = view.cached_with_journal(fc.applications_needed, as_of=view.as_of,
                                      by_date=target, probability=probability,
                                      channel=through, channels=channels)
    if needed.count is None:
        st.warning(needed.reason, icon=":material/event_busy:")
    else:
        st.markdown(f"**{md(needed.summary(target, probability))}** "
                    f"{md(needed.channel_summary())}")
    if needed.weeks > 0:
        st.caption(
            f"Assumes new applications go out evenly over the {needed.weeks:.0f} weeks left, "
            f"each with your current chance for a new application through that channel "
            f"({percent(needed.fresh_chance, 1)} of an offer by {target:%-d %B} for one sent "
            f"today, less for later ones), on top of your open applications "
            f"({percent(needed.pipeline_chance)} chance of an offer by then on their own), and "
            "that your rates stay as they have been; their uncertainty is carried through.")
