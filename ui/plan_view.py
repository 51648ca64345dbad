"""The Plan page's forecast: the offers expected with their interval and the chance of at
least one, the distribution and each application's share, and the table of chances."""

from __future__ import annotations

import streamlit as st

from analysis.charts import contribution_share_chart, offers_distribution_chart
from analysis.forecast import Forecast, open_chances
from analysis.model.words import chance_text, expected_text, plural
from ui.widgets import chart, in_percent, md, percent_column

ROWS_SHOWN = 50


def forecast_view(forecast: Forecast) -> None:
    """Draw what the open applications will likely bring within the forecast's horizon."""
    horizon = forecast.horizon_days
    tiles = st.columns(3)
    tiles[0].metric("Offers expected", expected_text(forecast.expected),
                    help=f"The average number of offers from your "
                         f"{plural(forecast.open, 'open application')} within {horizon} days, "
                         "over 5,000 simulations.")
    tiles[1].metric("80% interval", f"{forecast.low}–{forecast.high}",
                    help="In 8 of 10 simulations the number of offers falls in this range; "
                         "they carry both each application's chance and how unsure your "
                         "rates are.")
    tiles[2].metric("Chance of at least one", chance_text(forecast.p_at_least_one),
                    help=f"The chance that at least one open application turns into an offer "
                         f"within {horizon} days.")
    for note in forecast.notes:
        st.caption(md(note))
    left, right = st.columns(2)
    with left:
        chart(offers_distribution_chart(forecast.draws, low=forecast.low, high=forecast.high,
                                        horizon_days=horizon))
    with right:
        chart(contribution_share_chart(forecast.by_application))
    with st.expander(f"Each open application's chance ({forecast.open:,})",
                     icon=":material/list:"):
        st.dataframe(in_percent(open_chances(forecast, rows=ROWS_SHOWN), "chance", "share"),
                     hide_index=True, placeholder="",
                     column_order=["company", "role", "stage", "days_waiting", "chance",
                                   "share"],
                     column_config={
                         "company": "Company", "role": "Role", "stage": "Stage",
                         "days_waiting": st.column_config.NumberColumn(
                             "Days at this stage", format="%d"),
                         "chance": percent_column("Chance of an offer"),
                         "share": percent_column("Share of the offers expected")})
        if forecast.open > ROWS_SHOWN:
            st.caption(f"The {ROWS_SHOWN} likeliest of {forecast.open:,}.")
