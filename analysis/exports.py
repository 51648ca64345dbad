"""Files the user takes away: CSV that no spreadsheet will run as a formula, and calendar
reminders for follow-up actions."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from icalendar import Alarm, Calendar, Event

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


def actions_calendar(actions: pd.DataFrame, *, as_of: dt.date) -> bytes:
    """An iCalendar file with one all-day event per action, on its due day (today for those
    overdue), with a reminder at 9:00. Each event's UID comes from the application and the
    action, so importing a newer export updates the events instead of duplicating them."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Job search follow-ups")
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for action in actions.itertuples(index=False):
        day = max(action.due.date(), as_of)
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
