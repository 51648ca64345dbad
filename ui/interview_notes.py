"""The form for the notes after an interview, with the routine's prompts. It only asks: the
page turns the answers into the journal's cells with ``analysis.interviews.notes_record``.
After a save, the interview saved is the one picked and the page says it was saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from analysis.model import schema as s
from analysis.model.summary import application_names
from ui.widgets import emphasis, md

# The prompts for the notes, written while the interview is fresh.
PROMPTS = {
    s.QUESTIONS_ASKED: "The questions they asked, one per line.",
    s.MY_ANSWERS: "What you answered, and the answer you wish you had given.",
    s.THEIR_RESPONSES: "How the interviewers responded to your answers.",
    s.MY_QUESTIONS: "What you asked them, and what you learnt.",
    s.WENT_WELL: "What went well.",
    s.TO_IMPROVE: "What to do better next time.",
}
LABELS = {c.name: c.label for c in s.INTERVIEW_COLUMNS}
RATINGS = {1: "1 badly", 2: "2", 3: "3 so-so", 4: "4", 5: "5 very well"}
PICK_KEY = "notes_interview"  # the interview whose notes the form shows
SAVED_KEY = "notes_saved"  # the interview just saved and the version's description


def notes_saved(interview: int, description: str) -> None:
    """Remember, for the next run, that the notes of ``interview`` (its journal label) were
    saved: it is picked again (a new interview is no longer "new", so a second click cannot
    add it twice) and the page says what was saved."""
    st.session_state[SAVED_KEY] = (interview, description)


def pick_saved(choices: list[Any]) -> None:
    """Before the picker is drawn: pick the interview just saved and say it was saved."""
    saved = st.session_state.pop(SAVED_KEY, None)
    if saved is None:
        return
    interview, description = saved
    if interview in choices:
        st.session_state[PICK_KEY] = interview
    st.success(f"Saved as a new version: {md(description)}.", icon=":material/check_circle:")


def _current(row: pd.Series | None, name: str) -> Any:
    value = row[name] if row is not None else None
    return None if value is None or pd.isna(value) else value


def notes_form(row: pd.Series | None, apps: pd.DataFrame, *, as_of: dt.date
               ) -> tuple[bool, Any, dict[str, Any]]:
    """Draw the form, filled in from the interview ``row``, or empty for a new interview
    (``row`` None), which then asks which of ``apps`` it belongs to. Returns whether it was
    submitted, the application picked (its label in ``apps``; None for a known interview)
    and the answers as ``notes_record``'s arguments."""
    application = None
    with st.form("interview_notes", border=True):
        if row is None:
            names = application_names(apps)
            application = st.selectbox("Application", apps.index.tolist(),
                                       format_func=lambda i: names.loc[i],
                                       key="new_application")
        top = st.columns(4)
        held_on = _current(row, s.IV_DATE)
        day = top[0].date_input("Day", value=held_on.date() if held_on else as_of,
                                format="YYYY-MM-DD")
        time = top[1].time_input("Time", value=held_on.time() if held_on else dt.time(10, 0),
                                 step=900)
        number = top[2].number_input("Round", 1, 20, int(_current(row, s.IV_ROUND) or 1))
        kinds = list(s.INTERVIEW_KINDS)
        kind = top[3].selectbox("Kind", kinds, index=kinds.index(_current(row, s.IV_KIND))
                                if _current(row, s.IV_KIND) in kinds else None,
                                placeholder="Pick one")
        people = st.columns(2)
        interviewers = people[0].text_input(
            "Interviewers", str(_current(row, s.INTERVIEWERS) or ""),
            help="Several separated by ;. Each gets a thank-you action.")
        emails = people[1].text_input(
            "Their email addresses", str(_current(row, s.INTERVIEWER_EMAILS) or ""),
            help="In the same order, separated by ;. From the business cards you collected.")
        texts = {name: st.text_area(LABELS[name], str(_current(row, name) or ""),
                                    placeholder=prompt, height=90)
                 for name, prompt in PROMPTS.items()}
        bottom = st.columns(2)
        rating = bottom[0].select_slider(
            "How did it go?", options=[1, 2, 3, 4, 5],
            value=int(_current(row, s.RATING) or 3), format_func=RATINGS.get)
        promised = _current(row, s.DECISION_EXPECTED)
        decision = bottom[1].text_input(
            "When will you hear back?", f"{promised:%Y-%m-%d}" if promised else "",
            help="The time frame they gave: a date, or 'within two weeks', 'by Friday'... The "
                 "follow-up comes a week after it.")
        submitted = st.form_submit_button("Save the notes", type=emphasis(),
                                          icon=":material/save:")
    return submitted, application, {
        "texts": texts, "day": day, "time": time, "round_number": int(number), "kind": kind,
        "interviewers": interviewers, "emails": emails, "rating": int(rating),
        "decision": decision}
