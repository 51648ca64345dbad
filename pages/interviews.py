"""Interviews: prepare for the next one, write the notes after each, and learn across them."""

import pandas as pd
import streamlit as st

from analysis import interviews as iv
from analysis.charts import delay_histogram, rounds_chart
from analysis.model import schema as s
from analysis.model.words import plural
from analysis.stats.metrics import histogram
from ui import state
from ui.cache import remembered_for
from ui.interview_lessons import (
    improvements_table,
    progression_table,
    ratings_table,
    recurring_table,
)
from ui.interview_notes import PICK_KEY, notes_form, notes_saved, pick_saved
from ui.shell import page_setup
from ui.widgets import chart, md, no_data

QUESTIONS_SHOWN = 8
RECENT = 40  # interviews held offered for notes, most recent first
NEW = "new"

view = page_setup("Interviews")
journal = view.dataset.result.interviews
apps = view.apps
now = pd.Timestamp(state.now())
mine = view.with_journal(iv.of_applications)  # the interviews of the applications shown
st.markdown("Every round with its interviewers and notes. Write the notes while the interview "
            "is fresh: the questions, your answers, how they responded. The Follow-ups page "
            "then asks for one thank-you per interviewer within 24-48 hours.")

# --- the next interview --------------------------------------------------------------------------
st.subheader("Next interview", anchor=False)
ahead = iv.upcoming(mine, as_of=view.as_of, now=now)  # one held earlier today is not next
if ahead.empty:
    no_data("No interview coming up. When one is set, add it below with its date and time: "
            "this page then gathers what to prepare.")
else:
    label = ahead.index[0]
    nxt = ahead.loc[label]
    st.markdown(f"**{md(iv.interview_label(nxt))}**"
                + (f" with {md(nxt[s.INTERVIEWERS])}" if pd.notna(nxt[s.INTERVIEWERS]) else "")
                + (f" · {len(ahead) - 1} more coming up" if len(ahead) > 1 else ""))
    sheet = iv.preparation_lists(
        remembered_for(f"{view.key}|journal", iv.preparation, journal, interview=label),
        questions=QUESTIONS_SHOWN)
    left, right = st.columns(2)
    for column, key, title in ((left, "company", "Asked before at this company"),
                               (right, "similar_roles", "Asked in similar roles")):
        with column:
            st.markdown(f"**{title}**")
            if sheet[key]:
                st.markdown("\n".join(f"- {md(q)}" for q in sheet[key]))
            else:
                st.caption("Nothing in your notes yet.")
    if sheet["improve"]:
        st.markdown("**Your notes on what to improve**\n\n"
                    + "\n".join(f"- {md(note)}" for note in sheet["improve"]))
    st.caption("Bring: two questions for them; ask by when they expect to decide; get each "
               "interviewer's name and address for the thank-you notes.")

# --- notes after an interview --------------------------------------------------------------------
st.subheader("Write your notes", anchor=False)
choices = [*iv.for_notes(mine, now=now, as_of=view.as_of, recent=RECENT), NEW]
if apps.empty:
    no_data("No applications match the filters. Clear or widen them in the sidebar.")
    st.stop()
pick_saved(choices)
picked = st.selectbox(
    "Interview", choices, key=PICK_KEY,
    format_func=lambda c: "A new interview…" if c == NEW else iv.interview_label(journal.loc[c]),
    help=f"The {RECENT} interviews held most recently, then those to come.")
submitted, application, answers = notes_form(journal.loc[picked] if picked != NEW else None,
                                             apps, as_of=view.as_of)
if submitted:
    try:
        notes = iv.notes_record(**answers)
    except ValueError:
        st.error(f"'{md(answers['decision'])}' is not a date or a time frame: write a date "
                 "(2026-12-04) or a time frame such as 'within two weeks'. Nothing was saved.",
                 icon=":material/error:")
        st.stop()
    updated, description = iv.write_notes(
        journal, notes, interview=None if picked == NEW else picked,
        application=apps.loc[application] if picked == NEW else None)
    if state.save_interviews(updated, description, based_on=view.dataset.stored):
        notes_saved(picked if picked != NEW else int(updated.index[-1]), description)
        st.rerun()

# --- rounds --------------------------------------------------------------------------------------
st.subheader("Rounds by application", anchor=False)
chart(rounds_chart(view.with_journal(iv.timeline), as_of=now))

# --- what the journal teaches --------------------------------------------------------------------
st.subheader("What your interviews teach", anchor=False)
if mine.empty:
    no_data("Lessons appear once the journal holds interviews: add them above, or import a "
            "tracker with an Interviews sheet.")
    st.stop()

st.markdown("**Questions that come back**")
recurring = remembered_for(f"{view.key}|journal", iv.recurring_questions, mine)
if recurring.empty:
    st.caption("No questions written down yet: note them after each interview.")
else:
    st.caption("Asked in other words at other companies, grouped (the classic questions "
               "know their usual rewordings).")
    recurring_table(recurring)

st.markdown("**How often each round leads to the next, and to an offer**")
progression = view.with_journal(iv.round_progression, as_of=view.as_of)
if progression.empty:
    st.caption("No interview held yet.")
else:
    progression_table(progression)

left, right = st.columns(2)
with left:
    st.markdown("**Does your own rating predict moving on?**")
    ratings, verdict = view.with_journal(iv.rating_outcomes, as_of=view.as_of)
    st.markdown(md(verdict))
    if len(ratings):
        ratings_table(ratings)
with right:
    gaps = view.with_journal(iv.days_between_rounds)
    st.markdown("**Days between rounds**")
    if gaps.empty:
        st.caption("Needs two rounds of one application.")
    else:
        st.markdown(f"Median **{iv.median_gap(gaps):g} days** between one round and the "
                    f"next ({plural(len(gaps), 'gap')}).")
        chart(delay_histogram(histogram(gaps["days"]), title="Days from one round to the next"))

st.markdown("**Your notes on what to improve**")
to_improve = remembered_for(f"{view.key}|journal", iv.improvements, mine)
if to_improve.empty:
    st.caption("None yet: the 'To improve' box above gathers here.")
else:
    improvements_table(to_improve)
