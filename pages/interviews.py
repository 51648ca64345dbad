"""Interviews: prepare for the next one, write the notes after each, and learn across them."""

import datetime as dt

import pandas as pd
import streamlit as st

from analysis import interviews as iv
from analysis.charts import delay_histogram, rounds_chart
from analysis.model import schema as s
from analysis.model.dates import time_frame_end
from analysis.model.words import plural
from analysis.stats.metrics import histogram
from ui import state
from ui.cache import remembered_for
from ui.shell import page_setup
from ui.widgets import chart, in_percent, md, no_data, percent_column

QUESTIONS_SHOWN = 8
RECENT = 40  # interviews held offered for notes, most recent first
NEW = "new"
# The seed's prompts for the notes, written while the interview is fresh.
PROMPTS = {
    s.QUESTIONS_ASKED: "The questions they asked, one per line.",
    s.MY_ANSWERS: "What you answered, and the answer you wish you had given.",
    s.THEIR_RESPONSES: "How the interviewers responded to your answers.",
    s.MY_QUESTIONS: "What you asked them, and what you learnt.",
    s.WENT_WELL: "What went well.",
    s.TO_IMPROVE: "What to do better next time.",
}
LABELS = {c.name: c.label for c in s.INTERVIEW_COLUMNS}

view = page_setup("Interviews")
journal = view.dataset.result.interviews
apps = view.apps
now = pd.Timestamp(state.now())
mine = view.with_journal(iv.of_applications)  # the interviews of the applications shown
st.markdown("Every round with its interviewers and notes. Write the notes while the interview "
            "is fresh: the questions, your answers, how they responded. The Follow-ups page "
            "then asks for one thank-you per interviewer within 24-48 hours.")


def describe(row: pd.Series) -> str:
    when = f"{row[s.IV_DATE]:%a %-d %b %Y, %H:%M}".replace(", 00:00", "") \
        if pd.notna(row[s.IV_DATE]) else "no date"
    kind = f" ({row[s.IV_KIND]})" if pd.notna(row[s.IV_KIND]) else ""
    number = int(row[s.IV_ROUND]) if pd.notna(row[s.IV_ROUND]) else 1
    return f"{row[s.IV_COMPANY]} – round {number}{kind}, {when}"


# --- the next interview --------------------------------------------------------------------------
st.subheader("Next interview", anchor=False)
ahead = remembered_for(f"{view.key}|journal", iv.upcoming, mine, as_of=view.as_of)
if ahead.empty:
    no_data("No interview coming up. When one is set, add it below with its date and time: "
            "this page then gathers what to prepare.")
else:
    label = ahead.index[0]
    nxt = ahead.loc[label]
    st.markdown(f"**{md(describe(nxt))}**"
                + (f" with {md(nxt[s.INTERVIEWERS])}" if pd.notna(nxt[s.INTERVIEWERS]) else "")
                + (f" · {len(ahead) - 1} more coming up" if len(ahead) > 1 else ""))
    sheet = remembered_for(f"{view.key}|journal", iv.preparation, journal, interview=label)
    left, right = st.columns(2)
    for column, key, title in ((left, "company", "Asked before at this company"),
                               (right, "similar_roles", "Asked in similar roles")):
        with column:
            st.markdown(f"**{title}**")
            asked = list(dict.fromkeys(sheet[key]["question"]))[:QUESTIONS_SHOWN]
            if asked:
                st.markdown("\n".join(f"- {md(q)}" for q in asked))
            else:
                st.caption("Nothing in your notes yet.")
    improve = list(dict.fromkeys(sheet["improve"][s.TO_IMPROVE]))[:5]
    if improve:
        st.markdown("**Your notes on what to improve**\n\n"
                    + "\n".join(f"- {md(note)}" for note in improve))
    st.caption("Bring: two questions for them; ask by when they expect to decide; get each "
               "interviewer's name and address for the thank-you notes.")

# --- notes after an interview --------------------------------------------------------------------
st.subheader("Write your notes", anchor=False)
held = iv.held_by(mine, now).head(RECENT)
choices = [*held.index.tolist(), *ahead.index.tolist(), NEW]
if apps.empty:
    no_data("No applications match the filters. Clear or widen them in the sidebar.")
    st.stop()
picked = st.selectbox(
    "Interview", choices, key="notes_interview",
    format_func=lambda c: "A new interview…" if c == NEW else describe(journal.loc[c]),
    help=f"The {RECENT} interviews held most recently, then those to come.")
row = journal.loc[picked] if picked != NEW else None


def current(name: str) -> object:
    value = row[name] if row is not None else None
    return None if value is None or pd.isna(value) else value


with st.form("interview_notes", border=True):
    if picked == NEW:
        names = (apps[s.COMPANY].fillna("(no company)") + (" – " + apps[s.ROLE]).fillna(""))
        application = st.selectbox("Application", apps.index.tolist(),
                                   format_func=lambda i: names.loc[i], key="new_application")
    top = st.columns(4)
    held_on = current(s.IV_DATE)
    day = top[0].date_input("Day", value=held_on.date() if held_on else view.as_of,
                            format="YYYY-MM-DD")
    time = top[1].time_input("Time", value=held_on.time() if held_on else dt.time(10, 0),
                             step=900)
    number = top[2].number_input("Round", 1, 20, int(current(s.IV_ROUND) or 1))
    kinds = list(s.INTERVIEW_KINDS)
    kind = top[3].selectbox("Kind", kinds, index=kinds.index(current(s.IV_KIND))
                            if current(s.IV_KIND) in kinds else None, placeholder="Pick one")
    people = st.columns(2)
    interviewers = people[0].text_input(
        "Interviewers", str(current(s.INTERVIEWERS) or ""),
        help="Several separated by ;. Each gets a thank-you action.")
    emails = people[1].text_input(
        "Their email addresses", str(current(s.INTERVIEWER_EMAILS) or ""),
        help="In the same order, separated by ;. From the business cards you collected.")
    texts = {}
    for name, prompt in PROMPTS.items():
        texts[name] = st.text_area(LABELS[name], str(current(name) or ""), placeholder=prompt,
                                   height=90)
    bottom = st.columns(2)
    rating = bottom[0].select_slider(
        "How did it go?", options=[1, 2, 3, 4, 5], value=int(current(s.RATING) or 3),
        format_func={1: "1 badly", 2: "2", 3: "3 so-so", 4: "4", 5: "5 very well"}.get)
    promised = current(s.DECISION_EXPECTED)
    decision = bottom[1].text_input(
        "When will you hear back?", f"{promised:%Y-%m-%d}" if promised else "",
        help="The time frame they gave: a date, or 'within two weeks', 'by Friday'... The "
             "follow-up comes a week after it.")
    saved = st.form_submit_button("Save the notes", type="primary", icon=":material/save:")

if saved:
    start = pd.Timestamp(dt.datetime.combine(day, time))
    expected = time_frame_end(decision, day) if decision.strip() else None
    if decision.strip() and expected is None:
        st.error(f"'{md(decision)}' is not a date or a time frame: write a date "
                 "(2026-12-04) or a time frame such as 'within two weeks'. Nothing was saved.",
                 icon=":material/error:")
        st.stop()
    notes = {**{k: (v.strip() or None) for k, v in texts.items()},
             s.IV_DATE: start, s.IV_ROUND: float(number), s.IV_KIND: kind,
             s.INTERVIEWERS: iv.SEPARATOR.join(iv.split_names(interviewers)) or None,
             s.INTERVIEWER_EMAILS: iv.SEPARATOR.join(iv.split_names(emails)) or None,
             s.RATING: float(rating),
             s.DECISION_EXPECTED: pd.Timestamp(expected) if expected else pd.NaT}
    if picked == NEW:
        owner = apps.loc[application]
        updated = iv.record_notes(journal, None, notes, new={
            s.IV_COMPANY: owner[s.COMPANY], s.IV_ROLE: owner[s.ROLE],
            s.IV_DATE_APPLIED: owner[s.DATE_APPLIED], s.IV_JOB_URL: owner[s.JOB_URL]})
        company = owner[s.COMPANY]
    else:
        updated = iv.record_notes(journal, picked, notes)
        company = journal.loc[picked, s.IV_COMPANY]
    if state.save_interviews(updated, f"interview notes: {company}, round {number}",
                             based_on=view.dataset.stored):
        st.success("Saved as a new version.", icon=":material/check_circle:")
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
    st.dataframe(recurring.head(20), hide_index=True, placeholder="", column_config={
        "question": st.column_config.TextColumn("Question", width="large"),
        "count": st.column_config.NumberColumn("Times asked", format="%d", width="small"),
        "companies": st.column_config.TextColumn("Where", width="medium"),
        "wordings": st.column_config.TextColumn("As written", width="medium")})

st.markdown("**How often each round leads to the next, and to an offer**")
progression = view.with_journal(iv.round_progression, as_of=view.as_of)
if progression.empty:
    st.caption("No interview held yet.")
else:
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

left, right = st.columns(2)
with left:
    st.markdown("**Does your own rating predict moving on?**")
    ratings, verdict = view.with_journal(iv.rating_outcomes, as_of=view.as_of)
    st.markdown(md(verdict))
    if len(ratings):
        st.dataframe(in_percent(ratings, "rate", "low", "high"), hide_index=True,
                     column_config={
                         "rating": st.column_config.NumberColumn("Your rating", format="%d"),
                         "n": st.column_config.NumberColumn("Interviews", format="%d"),
                         "moved_on": st.column_config.NumberColumn("Moved on", format="%d"),
                         "rate": percent_column("Rate"), "low": percent_column("95% low"),
                         "high": percent_column("95% high")})
with right:
    gaps = view.with_journal(iv.days_between_rounds)
    st.markdown("**Days between rounds**")
    if gaps.empty:
        st.caption("Needs two rounds of one application.")
    else:
        st.markdown(f"Median **{int(gaps['days'].median())} days** between one round and the "
                    f"next ({plural(len(gaps), 'gap')}).")
        chart(delay_histogram(histogram(gaps["days"]), title="Days from one round to the next"))

st.markdown("**Your notes on what to improve**")
notes = remembered_for(f"{view.key}|journal", iv.improvements, mine)
if notes.empty:
    st.caption("None yet: the 'To improve' box above gathers here.")
else:
    st.dataframe(notes, hide_index=True, column_config={
        s.IV_DATE: st.column_config.DateColumn("Interview", format="D MMM YYYY"),
        s.IV_COMPANY: "Company", s.IV_ROUND: st.column_config.NumberColumn("Round", format="%d"),
        s.TO_IMPROVE: st.column_config.TextColumn("To improve", width="large")})
