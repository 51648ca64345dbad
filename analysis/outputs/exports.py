"""Files the user takes away: CSV that no spreadsheet will run as a formula, and calendar
reminders for follow-up actions."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
from icalendar import Alarm, Calendar, Event

from analysis.interviews.journal import upcoming
from analysis.interviews.lessons import preparation
from analysis.model import schema as s
from analysis.model.dates import PLAUSIBLE

# Cells starting with these can run as formulas in a spreadsheet (OWASP, CSV injection).
FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r", "\n")
PRODUCT_ID = "-//Job search dashboard//Follow-ups//EN"
UID_DOMAIN = "jobsearch-dashboard.local"


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading
    apostrophe; numbers and other cells unchanged.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-3"), neutralise(-3), neutralise("Acme")
    ("'=HYPERLINK(1)", "'-3", -3, 'Acme')
    """
    if isinstance(value, str) and value.startswith(FORMULA_LEADERS):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes (UTF-8 with BOM, so Excel reads accents) with every formula-like text cell
    neutralised and dates as ISO days."""
    text_columns = [c for c in frame.columns
                    if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object]
    safe = frame.assign(**{c: frame[c].map(neutralise) for c in text_columns})
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig")


PREPARATION = ("Reread the posting and your notes on this company.",
               "Have two questions ready for them.",
               "Ask by when they expect to decide.",
               "Get each interviewer's name and address (their card) for the thank-you notes.",
               "Right after: write your notes while they are fresh.")
INTERVIEW_HOURS = 1  # an interview's event lasts an hour where the journal has its time
QUESTIONS_LISTED = 5


def interview_events(interviews: pd.DataFrame, *, as_of: dt.date) -> list[Event]:
    """One event per interview from ``as_of`` on, at its time (an all-day event when the
    journal has only the day), with a preparation checklist: the questions asked before at
    this company and in similar roles, your notes on what to improve, and the routine."""
    events = []
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    ahead = upcoming(interviews, as_of=as_of)
    for label, row in ahead[ahead[s.IV_DATE] <= PLAUSIBLE[1]].iterrows():
        event = Event()
        start = row[s.IV_DATE].to_pydatetime()
        key = f"{row[s.IV_COMPANY]}|{row[s.IV_ROLE]}|{start:%Y-%m-%d}|{row[s.IV_ROUND]}"
        event.add("uid", f"interview-{hashlib.sha1(key.encode()).hexdigest()[:16]}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        if start.time() == dt.time(0, 0):
            event.add("dtstart", start.date())
            event.add("dtend", start.date() + dt.timedelta(days=1))
        else:
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(hours=INTERVIEW_HOURS))
        company = row[s.IV_COMPANY] if isinstance(row[s.IV_COMPANY], str) else "Interview"
        number = int(row[s.IV_ROUND]) if pd.notna(row[s.IV_ROUND]) else 1
        event.add("summary", f"Interview, round {number}: {company}"
                  + (f" ({row[s.IV_ROLE]})" if isinstance(row[s.IV_ROLE], str) else ""))
        sheet = preparation(interviews, label)  # type: ignore[arg-type]  # pandas-stubs: a row label is Hashable; the journal's are ints
        lines = []
        if isinstance(row[s.INTERVIEWERS], str):
            lines.append(f"With: {row[s.INTERVIEWERS]}.")
        for title, asked in (("Asked before at this company", sheet["company"]),
                             ("Asked in similar roles", sheet["similar_roles"])):
            listed = list(dict.fromkeys(asked["question"]))[:QUESTIONS_LISTED]
            if listed:
                lines += [f"{title}:", *(f"- {q}" for q in listed)]
        improve = list(dict.fromkeys(sheet["improve"][s.TO_IMPROVE]))[:3]
        if improve:
            lines += ["Your notes on what to improve:", *(f"- {n}" for n in improve)]
        lines += ["Checklist:", *(f"- {step}" for step in PREPARATION)]
        event.add("description", "\n".join(lines))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event["summary"])
        alarm.add("trigger", dt.timedelta(days=-1))
        event.add_component(alarm)
        events.append(event)
    return events


def actions_calendar(actions: pd.DataFrame, *, as_of: dt.date,
                     interviews: pd.DataFrame | None = None) -> bytes:
    """An iCalendar file with one all-day event per action, on its due day (today for those
    overdue), with a reminder at 9:00, and, with the interview journal, one event per
    upcoming interview with its preparation checklist (``interview_events``). Each event's
    UID comes from the application and the action (or interview), so importing a newer
    export updates the events instead of duplicating them."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Job search follow-ups")
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for interview in interview_events(interviews, as_of=as_of) if interviews is not None \
            else []:
        calendar.add_component(interview)
    listed = actions[actions["due"] <= PLAUSIBLE[1]]
    for action, due in zip(listed.itertuples(index=False), listed["due"].dt.date, strict=True):
        day = max(due, as_of)
        event = Event()
        event.add("uid", f"{action.action_id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        company = action.company if isinstance(action.company, str) else "Application"
        role = f" ({action.role})" if isinstance(action.role, str) else ""
        event.add("summary", f"{action.title}: {company}{role}")
        lines = [action.detail if isinstance(action.detail, str) else ""]
        if isinstance(action.channel, str) and action.channel:
            lines.append(f"Channel: {action.channel}.")
        if isinstance(action.contact_name, str):
            contact = action.contact_name + (f" <{action.contact_email}>"
                                             if isinstance(action.contact_email, str) else "")
            lines.append(f"Contact: {contact}.")
        event.add("description", "\n".join(line for line in lines if line))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event["summary"])
        alarm.add("trigger", dt.timedelta(hours=9))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
