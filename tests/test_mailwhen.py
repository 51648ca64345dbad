"""Days and times as mail writes them (analysis.mail.when): numeric dates read the way the
writer meant them, a time of day kept apart from a day written "15.10.", the start of a
time range, and the words of Italian, Dutch and Portuguese mail."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.mail.when import dates_in, frame_end

WRITTEN = dt.date(2026, 10, 5)  # a Monday


def _read(text: str, *, dayfirst: bool = False) -> list[tuple[str, str | None]]:
    return [(f.day.isoformat(), f.time.strftime("%H:%M") if f.time else None)
            for f in dates_in(text, WRITTEN, dayfirst=dayfirst) if not f.weekday_only]


@pytest.mark.parametrize(("text", "found"), [
    ("Are you free Friday 10/16?", [("2026-10-16", None)]),  # 16 is no month
    ("Monday 10/12 at 2pm CT instead?", [("2026-10-12", "14:00")]),  # the weekday decides
    ("Thursday 12/3 at 2pm", [("2026-12-03", "14:00")]),
    ("by Friday 11/6 at the latest", [("2026-11-06", None)]),  # June 11 2027 is a Friday too
    ("on 3/12 or so", []),  # March 12 or 3 December: English writers disagree
    ("le 6/10 à 10h", [("2026-10-06", "10:00")]),
    ("Donnerstag passt, dann am 15.10. um 10:00 Uhr.", [("2026-10-15", "10:00")]),
    ("Termin: 09.10. um 10.30. Bis dann", [("2026-10-09", "10:30")]),
    ("3:00pm - 3:30pm, Thursday, November 19, 2026", [("2026-11-19", "15:00")]),
    ("martedì 24 novembre 2026 alle ore 15:00", [("2026-11-24", "15:00")]),
    ("op dinsdag 8 december om 10 uur", [("2026-12-08", "10:00")]),
    ("na terça-feira, 8 de dezembro, às 14h30", [("2026-12-08", "14:30")]),
    ("no dia 25 de novembro de 2026, às 10h", [("2026-11-25", "10:00")]),
    ("Interview: 2026-12-03 at 10:00", [("2026-12-03", "10:00")]),
    ("Reference 2026-13-45 is no day", []),
    ("am 15.01.2027 um 9 Uhr", [("2027-01-15", "09:00")]),
    ("am 31.12. um 9 Uhr", [("2026-12-31", "09:00")]),
    ("um 10.30. am Freitag", []),
    ("tirsdag den 10. november 2026 kl. 13.00", [("2026-11-10", "13:00")]),
    ("på torsdag den 3 december kl. 10", [("2026-12-03", "10:00")]),
    ("mandag 7. desember klokken 14", [("2026-12-07", "14:00")]),
    ("w czwartek, 8 października 2026 r., o godz. 11:00", [("2026-10-08", "11:00")]),
    ("w środę, 9 grudnia o godz. 11", [("2026-12-09", "11:00")]),
])
def test_days_as_mail_writes_them(text, found):
    dayfirst = not any(w in text for w in ("free", "Monday", "Thursday 12", "by Friday",
                                            "on 3/12", "pm"))
    assert _read(text, dayfirst=dayfirst) == found


@pytest.mark.parametrize(("text", "days"), [
    ("domani alle 11", 1), ("amanhã às 15h", 1), ("vandaag om 16 uur", 0),
    ("i morgon kl. 10", 1), ("i morgen kl. 14.30", 1), ("jutro o godz. 9:00", 1),
])
def test_tomorrow_and_today_in_other_languages(text, days):
    found = dates_in(text, WRITTEN)
    assert found and found[0].day == WRITTEN + dt.timedelta(days=days)
    assert found[0].time is not None


@pytest.mark.parametrize(("text", "day"), [
    ("sous quinze jours", "2026-10-19"),  # a fortnight
    ("entro due settimane", "2026-10-19"),
    ("binnen twee weken", "2026-10-19"),
    ("na próxima semana", "2026-10-16"),
    ("inom två veckor", "2026-10-19"), ("innen 14 dager", "2026-10-19"),
    ("w ciągu dwóch tygodni", "2026-10-19"), ("næste uge", "2026-10-16"),
    ("within 48 hours", "2026-10-07"), ("innerhalb von 72 Stunden", "2026-10-08"),
    ("vendredi à 10 heures", "2026-10-09"),  # a time of day, not ten hours
])
def test_time_frames_in_other_languages(text, day):
    assert frame_end(text, WRITTEN).isoformat() == day
