"""Days and times written in a message's sentences ("Tuesday 21 April at 4pm", "am 12.03.
um 14 Uhr", "le mardi 3 mars 2026 à 10h30", "el 20 de marzo a las 11:00", an ISO date), each
with where it stands, so that the reader can take the day a phrase points at (the interview's,
a promised decision's) rather than the first day the message names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analysis.model.dates import MONTHS, WEEKDAYS, time_frame_end

# abbreviations too in mail ("Tue 12 May"); a short one alone counts only capitalised
_WEEKDAYS = {**WEEKDAYS, **{short: number for number, names in enumerate((
    ("mon",), ("tue", "tues"), ("wed",), ("thu", "thurs"), ("fri",), ("sat",), ("sun",)))
    for short in names}}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_DATE = re.compile(
    rf"(?i)(?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b)"
    rf"|(?P<num>\b(?P<nd>\d{{1,2}})(?:[./]|-(?=\d{{1,2}}-\d{{4}}\b))(?P<nm>\d{{1,2}})\.?"
    rf"(?:[./-]?(?P<ny>\d{{4}}|\d{{2}}))?"
    rf"(?![\d.,]*\d))"
    rf"|(?P<md>\b(?P<mm>{_MONTH})\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b,?"
    rf"(?:\s+(?P<mdy>\d{{4}}))?)"
    rf"|(?P<dm>\b(?P<dmd>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:of\s+|de\s+)?"
    rf"(?P<dmm>{_MONTH})\.?(?:,?\s+(?:de\s+)?(?P<dmy>\d{{4}}))?\b)"
    rf"|(?P<wdd>\b(?P<wddn>{_WEEKDAY})\b\.?,?\s+(?:the\s+|den\s+|le\s+|el\s+|der\s+)?"
    rf"(?P<wddd>\d{{1,2}})(?:st|nd|rd|th|er|º|\.(?!\d))?(?![\d:./h]|\s*(?:[ap]\.?m\b|uhr\b|h\b|"
    rf"[:.,/]\d|(?:of\s+|de\s+)?(?:{_MONTH})\b)))"
    rf"|(?P<wd>\b(?P<wdn>{_WEEKDAY})\b\.?)"
    r"|(?P<rel>\b(?:the )?(?:day after tomorrow|tomorrow|übermorgen|morgen|après-demain|demain|"
    r"pasado mañana|mañana|today|heute|aujourd'hui|hoy|dopodomani|domani|oggi|depois de amanhã|"
    r"amanhã|hoje|overmorgen|vandaag|i övermorgon|i overmorgen|imorgon|i morgon|idag|i dag|"
    r"pojutrze|jutro|dzisiaj|dziś)\b)")
_RELATIVE = {"day after tomorrow": 2, "tomorrow": 1, "übermorgen": 2, "morgen": 1,
             "après-demain": 2, "demain": 1, "pasado mañana": 2, "mañana": 1, "today": 0,
             "heute": 0, "aujourd'hui": 0, "hoy": 0, "dopodomani": 2, "domani": 1, "oggi": 0,
             "depois de amanhã": 2, "amanhã": 1, "hoje": 0, "overmorgen": 2, "vandaag": 0,
             "i övermorgon": 2, "i overmorgen": 2, "imorgon": 1, "i morgon": 1, "idag": 0,
             "i dag": 0, "pojutrze": 2, "jutro": 1, "dzisiaj": 0, "dziś": 0}
# "morgen" is tomorrow, not "Guten Morgen"; "mañana" is tomorrow, not "por la mañana".
_NOT_RELATIVE = re.compile(r"(?i)(?:guten|heute|gestern|am|jeden|de la|por la|esta|la|"
                           r"cada|good)\s+$")
_CLOCK = re.compile(
    r"(?i)(?:\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)(?![a-z])"
    r"|\b(?P<h2>\d{1,2})(?:[:.]|\s?h\s?)(?P<m2>\d{2})\b(?!\.\d)(?:\s*(?:uhr|h\b))?"
    r"|\b(?P<h3>\d{1,2})\s*(?:uhr|h|hrs?|horas|uur|ore)\b"
    r"|(?:\ba las|\bà|\bàs|\bum|\bat|\balle(?: ore)?|\bom|\bkl\.?|\bklockan|\bklokken|\bgodz\.?|"
    r"\bgodzinie) (?P<h4>\d{1,2})\b"
    r"(?![:.]?\d|\s*(?:h\b|h\s?\d|uhr|[ap]\.?m))"
    r"|\b(?P<noon>noon|midday|mittag|midi|mediodía)\b)")
# The word before a time of day written like a day ("um 10.30.", "à 10.30").
_CLOCK_WORD = re.compile(r"(?i)\b(?:um|at|à|a las|alle(?: ore)?|om|às|ab|gegen|vers|kl|klockan|"
                         r"klokken|godz|godzinie)\.?\s*$")
# A time of day just before the day it belongs to ("10:00am - Thursday, March 12", "at 2pm on
# Tuesday", "um 14 Uhr am Donnerstag").
_JUST_BEFORE = re.compile(r"(?i)\s*(?:-|–|,|on|am|le|el|the)?\s*(?:on|am|le|el|the)?\s*$")


@dataclass(frozen=True)
class Found:
    """A day named in a text, where it stands, and the time of day said with it."""

    day: dt.date
    start: int
    end: int
    time: dt.time | None
    weekday_only: bool = False


def _next(day: int, month: int, year: int | None, anchor: dt.date) -> dt.date | None:
    years = [year] if year else [anchor.year, anchor.year + 1]
    for candidate_year in years:
        try:
            candidate = dt.date(candidate_year, month, day)
        except ValueError:
            return None
        # a day written without its year is the next such day (a few days back allowed: a
        # thank-you names the interview just held)
        if year or candidate >= anchor - dt.timedelta(days=7):
            return candidate
    return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def dates_in(text: str, anchor: dt.date, *, dayfirst: bool = False) -> list[Found]:
    """Every day named in ``text`` (written on ``anchor``), in order, with the time of day
    that follows it within a few words. "6/10" without a year counts only when ``dayfirst``
    (mail in a language that writes the day first; in English it may be June 10 or 6
    October); "6.10." always.

    >>> found = dates_in("Tuesday 21 April at 4pm or 12.05.", dt.date(2026, 4, 16))
    >>> [f.day.isoformat() for f in found]
    ['2026-04-21', '2026-05-12']
    >>> dates_in("Tuesday 21 April at 4pm", dt.date(2026, 4, 16))[0].time
    datetime.time(16, 0)
    """
    found: list[Found] = []
    for match in _DATE.finditer(text):
        day: dt.date | None = None
        weekday_only = False
        if match.group("iso"):
            try:
                day = dt.date(int(match.group("iy")), int(match.group("im")),
                              int(match.group("id")))
            except ValueError:
                day = None
        elif match.group("num"):
            if len(match.group("ny") or "") != 4 and _CLOCK_WORD.search(
                    text[max(0, match.start() - 12):match.start()]):
                continue  # "um 10.30.": a time of day (not "à 13-11-2026")
            d, m = int(match.group("nd")), int(match.group("nm"))
            if 1 <= m <= 12 and 1 <= d <= 31 and (match.group("ny") or "." in match.group(0)
                                                  or dayfirst):
                day = _next(d, m, _year(match.group("ny")), anchor)
            else:
                day = _either_way(d, m, _year(match.group("ny")), anchor, text, match.start(),
                                  found)
        elif match.group("md"):
            day = _next(int(match.group("mdd")), MONTHS[match.group("mm").lower()],
                        _year(match.group("mdy")), anchor)
        elif match.group("dm"):
            day = _next(int(match.group("dmd")), MONTHS[match.group("dmm").lower()],
                        _year(match.group("dmy")), anchor)
        elif match.group("wdd"):
            day = _weekday_and_day(_WEEKDAYS[match.group("wddn").lower()],
                                   int(match.group("wddd")), anchor)
        elif match.group("rel"):
            word = match.group("rel").lower().removeprefix("the ")
            if word == "morgen" and not match.group("rel").startswith("m") or \
                    _NOT_RELATIVE.search(text[max(0, match.start() - 12):match.start()]):
                continue
            day = anchor + dt.timedelta(days=_RELATIVE[word])
            weekday_only = _RELATIVE[word] == 0  # "today" counts only with a time of day
        else:
            name = match.group("wdn").lower()
            if len(name) <= 4 and not match.group("wdn")[0].isupper():
                continue  # "sat", "sun", "wed" in running text
            ahead = (_WEEKDAYS[name] - anchor.weekday()) % 7 or 7
            day = anchor + dt.timedelta(days=ahead)
            weekday_only = True
        if day is None:
            continue
        begins = match.start()
        if found and weekday_only is False and found[-1].weekday_only and \
                match.start() - found[-1].end <= 3:
            begins = found.pop().start  # "Tuesday, 21 April": the weekday belongs to the date
        clock = _clock(text[match.end():][:40]) or _clock_before(text[:begins][-30:])
        found.append(Found(day, match.start(), match.end(), clock, weekday_only))
    return found


def _either_way(first: int, second: int, year: int | None, anchor: dt.date, text: str,
                start: int, found: list[Found]) -> dt.date | None:
    """"10/16" in English mail: the one reading that is a date (16 is no month), else the one
    whose weekday the text gives just before ("Friday 10/16"); None when both could be."""
    readings = [r for r in (_next(second, first, year, anchor) if first <= 12 else None,
                            _next(first, second, year, anchor) if second <= 12 else None)
                if r is not None]
    if len(set(readings)) == 1:
        return readings[0]
    if found and found[-1].weekday_only and start - found[-1].end <= 3:
        named = [r for r in readings if r.weekday() == found[-1].day.weekday()]
        if named:
            return min(named)  # both that weekday: the nearer one
    return None


def _weekday_and_day(weekday: int, day: int, anchor: dt.date) -> dt.date | None:
    """The next day numbered ``day`` ("Thursday the 12th") from ``anchor`` on, the one on
    that weekday if a month soon has it."""
    first = None
    year, month = anchor.year, anchor.month
    for _ in range(4):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= anchor:
            if candidate.weekday() == weekday:
                return candidate
            first = first or candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return first


def _clock_before(text: str) -> dt.time | None:
    """A time of day that ends ``text``, but for a joining word ("10:00am - ", "at 2pm on "):
    the start of a range ("3:00pm - 3:30pm, Thursday")."""
    clocks = list(_CLOCK.finditer(text))
    if not clocks or not _JUST_BEFORE.fullmatch(text[clocks[-1].end():]):
        return None
    last = clocks[-1]
    if len(clocks) > 1 and re.fullmatch(r"\s*(?:-|–|to|bis|à|a)\s*",
                                        text[clocks[-2].end():last.start()]):
        last = clocks[-2]
    return _clock(text[last.start():])


def _clock(text: str) -> dt.time | None:
    """The time of day at the start of ``text`` ("at 4pm", "um 14:30 Uhr", "à 10h30")."""
    # a sentence ends at a stop, but not "kl." (klockan, klokken), "godz." (godzina) or the
    # year's "r." (roku)
    full, text = text, re.split(r"(?<!\bkl)(?<!\bgodz)(?<!\br)[.;!?\n](?!\d)", text,
                                maxsplit=1)[0]
    for match in _CLOCK.finditer(text):
        if match.group("h"):
            hour, minute = int(match.group("h")), int(match.group("m") or 0)
            if match.group("ap").lower().startswith("p") and hour < 12:
                hour += 12
        elif match.group("h2"):
            if re.match(r"\d{1,2}\.\d{2}\.(?!\d)", full[match.start():]) and \
                    not _CLOCK_WORD.search(text[:match.start()]):
                continue  # "15.10." is a day, not ten past three
            hour, minute = int(match.group("h2")), int(match.group("m2"))
        elif match.group("noon"):
            hour, minute = 12, 0
        else:
            hour, minute = int(match.group("h3") or match.group("h4")), 0
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    return None


def at(found: Found, tz: dt.tzinfo | None) -> dt.datetime:
    """The moment a found day stands for: its time of day, else 09:00."""
    return dt.datetime.combine(found.day, found.time or dt.time(9, 0), tzinfo=tz)


_END_OF_NAMED_MONTH = re.compile(rf"(?i)\b(?:end of|ende|fin (?:du mois )?(?:de |d')?|finales de|"
                                 rf"fin de)\s*(?:the month of\s+)?({_MONTH})\b")


_MIDDLE_OF_MONTH = re.compile(rf"(?i)\b(?:mid|middle of|mitte|mi|mediados de)[- ]?({_MONTH})\b")


def frame_end(text: str, anchor: dt.date) -> dt.date | None:
    """The day a time frame ends ("within two weeks", "next week", "by Friday 8 May", "bis
    spätestens Freitag", "d'ici la fin du mois de mars", "12.03."), counted from ``anchor``.

    >>> frame_end("d'ici la fin du mois de mars", dt.date(2026, 2, 17))
    datetime.date(2026, 3, 31)
    """
    month = _END_OF_NAMED_MONTH.search(text)
    if month:
        number = MONTHS[month.group(1).lower()]
        year = anchor.year + (number < anchor.month)
        following = dt.date(year + (number == 12), number % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    middle = _MIDDLE_OF_MONTH.search(text)
    if middle:
        number = MONTHS[middle.group(1).lower()]
        return dt.date(anchor.year + (number < anchor.month), number, 15)
    named = [f for f in dates_in(text, anchor) if not f.weekday_only]
    if named:
        return named[0].day
    return time_frame_end(text, anchor)
