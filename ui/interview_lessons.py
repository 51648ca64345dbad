"""The tables of what the interview journal teaches, with their columns' labels: the
questions that come back, how each round leads on, ratings against moving on, and the notes
on what to improve."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.model import schema as s
from ui.widgets import in_percent, percent_column


def recurring_table(recurring: pd.DataFrame, *, rows: int = 20) -> None:
    st.dataframe(recurring.head(rows), hide_index=True, placeholder="", column_config={
        "question": st.column_config.TextColumn("Question", width="large"),
        "count": st.column_config.NumberColumn("Times asked", format="%d", width="small"),
        "companies": st.column_config.TextColumn("Where", width="medium"),
        "wordings": st.column_config.TextColumn("As written", width="medium")})


def progression_table(progression: pd.DataFrame) -> None:
    shares = ("next_rate", "next_low", "next_high", "offer_rate", "offer_low", "offer_high")
    st.dataframe(in_percent(progression, *shares), hide_index=True, placeholder="too few",
                 column_config={
                     "round": st.column_config.NumberColumn("Round", format="%d"),
                     "n": st.column_config.NumberColumn("Applications", format="%d",
                                                        help="That reached this round and "
                                                             "are decided or went on."),
                     "next": st.column_config.NumberColumn("Went on", format="%d"),
                     "next_rate": percent_column("To next round"),
                     "next_low": percent_column("95% low"),
                     "next_high": percent_column("95% high"),
                     "offer": st.column_config.NumberColumn("Offers", format="%d"),
                     "offer_rate": percent_column("To an offer"),
                     "offer_low": percent_column("Offer 95% low"),
                     "offer_high": percent_column("Offer 95% high"),
                     "open": st.column_config.NumberColumn(
                         "Still open", format="%d", help="Waiting for news after this round: "
                                                         "left out of the rates.")})


def ratings_table(ratings: pd.DataFrame) -> None:
    st.dataframe(in_percent(ratings, "rate", "low", "high"), hide_index=True,
                 column_config={
                     "rating": st.column_config.NumberColumn("Your rating", format="%d"),
                     "n": st.column_config.NumberColumn("Interviews", format="%d"),
                     "moved_on": st.column_config.NumberColumn("Moved on", format="%d"),
                     "rate": percent_column("Rate"), "low": percent_column("95% low"),
                     "high": percent_column("95% high")})


def improvements_table(notes: pd.DataFrame) -> None:
    st.dataframe(notes, hide_index=True, column_config={
        s.IV_DATE: st.column_config.DateColumn("Interview", format="D MMM YYYY"),
        s.IV_COMPANY: "Company", s.IV_ROUND: st.column_config.NumberColumn("Round", format="%d"),
        s.TO_IMPROVE: st.column_config.TextColumn("To improve", width="large")})
