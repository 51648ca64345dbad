"""Date parsing for spreadsheet columns that hold dates in any shape a person types or Excel stores.

A column may mix Excel date cells, Excel serial numbers, ISO dates and timestamps, and typed dates
such as ``3/7/24, 2:22 PM`` or ``7 March 2024``. Whether ``03/04/2025`` is the 3rd of April or the
4th of March is decided once per file from the values themselves (a first part above 12 proves
day-first), or by the caller. Nothing is blanked silently: every cell that is not read as a date,
or is read by a guess, comes back as a problem with its position and value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final

import numpy as np
import pandas as pd

DATE_DTYPE: Final = "datetime64[us]"
# Excel's day zero (it counts 1900 as a leap year, hence the 30th rather than the 31st).
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
# Serial numbers outside 1 Jan 1930 .. 31 Dec 2099 are far more likely to be amounts than dates.
SERIAL_RANGE = (10959, 73050)
# Days a job search can be about: anything outside is a typing slip or hostile (year -1,
# 9999-12-31), and breaks what works with days (calendars, Excel serials, durations).
PLAUSIBLE = (pd.Timestamp("1900-01-01"), pd.Timestamp("2199-12-31"))

_NUMERIC = r"^-?\d+(?:\.\d+)?$"
_ISO = r"^\d{4}-\d{1,2}-\d{1,2}"
_DMY = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\d/.\-])"
# The same start without the look-ahead, which pyarrow's regex engine (RE2) runs vectorised.
_DMY_START = r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}"
PROBLEM_COLUMNS = ["position", "value", "problem", "severity"]
# Cell types a spreadsheet reader gives for dates and for numbers (bool is not a number here).
_DATE_TYPES = [dt.datetime, dt.date, pd.Timestamp, np.datetime64]
_NUMBER_TYPES = [int, float, np.int64, np.float64, np.int32, np.float32]


def format_days(dates: pd.Series, pattern: str = "%Y-%m-%d") -> pd.Series:
    """Dates as text in the strftime ``pattern``, blank where there is no date. strftime runs
    in Python, so each distinct day is formatted once, however many rows share it.

    >>> format_days(pd.Series(pd.to_datetime(["2026-03-07", None, "2026-03-07"])), "%-d %b")
    0    7 Mar
    1      NaN
    2    7 Mar
    dtype: str
    """
    return dates.map({day: day.strftime(pattern) for day in dates.dropna().unique()}
                     ).astype("str")


def _numeric_parts(values: pd.Series) -> pd.DataFrame:
    """Day-or-month, month-or-day and year of the cells written like 31/12/2024 (NaN for the
    others). The regex extraction runs in Python, so only the cells a vectorised match picks
    out are extracted: the others, ISO dates above all, cost nothing."""
    parts = pd.DataFrame(np.nan, index=values.index, columns=[0, 1, 2])
    candidates = values.str.match(_DMY_START).fillna(False).astype(bool)
    if candidates.any():
        parts[candidates] = values[candidates].str.extract(_DMY).astype("float64")
    return parts


def _cell_types(values: pd.Series) -> pd.Series:
    """Each cell's Python type: one pass of the built-in ``type`` over a column of mixed cells
    (a spreadsheet column holds text, numbers and dates), cheaper than one ``isinstance``
    pass per question."""
    return values.map(type, na_action="ignore")


def _text(values: pd.Series, types: pd.Series | None = None) -> pd.Series:
    """The cells that are text, stripped; other cells (numbers, dates, blanks) become NA."""
    if values.dtype == object:
        types = _cell_types(values) if types is None else types
        values = values.where(types.isin([str]))
    return values.astype("str").str.strip().where(values.notna())


def detect_dayfirst(columns: Iterable[pd.Series]) -> bool | None:
    """Decide from the values whether numeric dates are written day first.

    True when some value can only be day-first (``31/12/2024``), False when some value can only be
    month-first (``12/31/2024``), the majority when both occur, and None when nothing proves either.

    >>> detect_dayfirst([pd.Series(["01/02/2024", "25/02/2024"])])
    True
    >>> detect_dayfirst([pd.Series(["01/02/2024", "02/01/2024"])]) is None
    True
    """
    day_proofs = month_proofs = 0
    for column in columns:
        text = _text(column).dropna()
        if text.empty:
            continue
        parts = _numeric_parts(text)
        day_proofs += int(((parts[0] > 12) & (parts[1] <= 12)).sum())
        month_proofs += int(((parts[1] > 12) & (parts[0] <= 12)).sum())
    if day_proofs == month_proofs:
        return None
    return day_proofs > month_proofs


def _from_serials(numbers: pd.Series) -> pd.Series:
    days: pd.Series = np.floor(  # type: ignore[assignment]  # numpy stubs: a ufunc of a Series is a Series
        numbers.astype("float64").where(numbers.between(*SERIAL_RANGE)))
    return (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).astype(DATE_DTYPE)


def parse_dates(values: pd.Series, *, dayfirst: bool | None) -> tuple[pd.Series, pd.DataFrame]:
    """Parse one column into dates (midnight, no time zone) and list what could not be read.

    Returns the parsed series, with the caller's index, and a problem frame with the positional
    ``position`` of each cell, its ``value``, the ``problem`` and a ``severity`` ("error" when the
    cell is left blank, "warning" when it was read by a guess). With ``dayfirst=None`` ambiguous
    numeric dates are read month first and each one is reported.

    >>> parsed, problems = parse_dates(pd.Series(["2024-03-07", "31/09/2025", "45000"]),
    ...                                dayfirst=True)
    >>> [d.date().isoformat() if pd.notna(d) else None for d in parsed]
    ['2024-03-07', None, '2023-03-15']
    >>> problems["problem"].tolist()
    ['not a valid date']
    """
    index = values.index
    values = values.reset_index(drop=True)
    result = pd.Series(pd.NaT, index=values.index, dtype=DATE_DTYPE)
    problems: list[pd.DataFrame] = []

    def report(mask: pd.Series, problem: str | pd.Series, severity: str) -> None:
        if mask.any():
            bad = values[mask]
            problems.append(pd.DataFrame({
                "position": bad.index.to_numpy(), "value": bad.astype(str).to_numpy(),
                "problem": problem[mask].to_numpy() if isinstance(problem, pd.Series) else problem,
                "severity": severity,
            }))

    types = None
    if values.dtype == object:
        types = _cell_types(values)
        is_date = types.isin(_DATE_TYPES)
        if is_date.any():
            result[is_date] = pd.to_datetime(values[is_date], errors="coerce", utc=True)\
                .dt.tz_localize(None).dt.normalize()
        is_number = types.isin(_NUMBER_TYPES)
        if is_number.any():
            numbers = pd.to_numeric(values[is_number], errors="coerce")
            result[is_number] = _from_serials(numbers)
            report(is_number & result.isna(), "a number, not a date", "error")

    text = _text(values, types)
    text = text.where(text != "")
    todo = text.notna()
    if todo.any():
        serial = todo & text.str.fullmatch(_NUMERIC).fillna(False).astype(bool)
        if serial.any():
            result[serial] = _from_serials(pd.to_numeric(text[serial], errors="coerce"))
            report(serial & result.isna(), "a number, not a date", "error")
            todo &= ~serial

        iso = todo & text.str.match(_ISO).fillna(False).astype(bool)
        if iso.any():
            parsed = pd.to_datetime(text[iso], format="ISO8601", errors="coerce", utc=True)
            result[iso] = parsed.dt.tz_localize(None).dt.normalize()
            report(iso & result.isna(), "not a valid date", "error")
            todo &= ~iso

        parts = _numeric_parts(text.where(todo))
        numeric = todo & parts[0].notna()
        if numeric.any():
            first, second, year = parts[0], parts[1], parts[2]
            year = year.where(year >= 100, year + 2000)
            day_first = bool(dayfirst)
            day, month = (first, second) if day_first else (second, first)
            ymd = pd.DataFrame({"year": year, "month": month, "day": day})[numeric]
            result[numeric] = pd.to_datetime(ymd, errors="coerce")
            report(numeric & result.isna(), "not a valid date", "error")
            if dayfirst is None:
                guessed = numeric & result.notna() & (first <= 12) & (second <= 12) & \
                    (first != second)
                readable = result.dt.strftime("%-d %B %Y")
                report(guessed, "ambiguous day and month: read as " + readable +
                       " (month first); set the date order if you meant the other way", "warning")
            todo &= ~numeric

        if todo.any():
            parsed = pd.to_datetime(text[todo], format="mixed", dayfirst=bool(dayfirst), utc=True,
                                    errors="coerce")
            result[todo] = parsed.dt.tz_localize(None).dt.normalize()
            report(todo & result.isna(), "not a date", "error")

    outside = result.notna() & ((result < PLAUSIBLE[0]) | (result > PLAUSIBLE[1]))
    if outside.any():
        report(outside, "year " + result[outside].dt.year.astype("str") + " is not a plausible "
               f"date (read from {PLAUSIBLE[0].year} to {PLAUSIBLE[1].year}): left blank",
               "error")
        result[outside] = pd.NaT
    frame = (pd.concat(problems, ignore_index=True) if problems
             else pd.DataFrame(columns=PROBLEM_COLUMNS))
    result.index = index
    return result, frame.sort_values("position", kind="stable").reset_index(drop=True)


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple of": 2,
    "few": 3, "a few": 3, "a couple of": 2, "zwei": 2, "drei": 3, "vier": 4, "deux": 2,
    "trois": 3, "dos": 2, "tres": 3, "ein": 1, "eine": 1, "einer": 1, "un": 1, "une": 1,
    "una": 1, "uno": 1, "due": 2, "tre": 3, "quattro": 4, "dois": 2, "duas": 2, "três": 3,
    "quatro": 4, "um": 1, "uma": 1, "een": 1, "twee": 2, "drie": 3, "huit": 8, "dix": 10,
    # "quinze jours", "quince días", "quindici giorni": a fortnight
    "quinze": 14, "acht": 8, "zehn": 10, "vierzehn": 14, "ocho": 8, "diez": 10, "quince": 14,
    "otto": 8, "dieci": 10, "quindici": 14, "veertien": 14, "tien": 10, "oito": 8, "dez": 10,
    "två": 2, "fyra": 4, "fire": 4, "fem": 5, "dwa": 2, "dwóch": 2, "trzy": 3, "trzech": 3,
    "kilku": 3, "kilka": 3, "några": 3, "nogle": 3, "noen": 3, "to": 2, "dvou": 2, "dva": 2,
    "tří": 3, "tri": 3,
}
_UNITS = {"day": 1, "days": 1, "business day": 1.4, "business days": 1.4, "working days": 1.4,
          "week": 7, "weeks": 7, "month": 30, "months": 30, "tag": 1, "tage": 1, "tagen": 1,
          "woche": 7, "wochen": 7, "jour": 1, "jours": 1, "semaine": 7, "semaines": 7,
          "día": 1, "días": 1, "dia": 1, "dias": 1, "semana": 7, "semanas": 7,
          "giorno": 1, "giorni": 1, "settimana": 7, "settimane": 7, "dag": 1, "dagen": 1,
          "weken": 7, "werkdagen": 1.4, "dias úteis": 1.4, "giorni lavorativi": 1.4,
          "dagar": 1, "dage": 1, "dager": 1, "vecka": 7, "veckor": 7, "veckorna": 7, "uge": 7,
          "uger": 7, "uke": 7, "uker": 7, "arbetsdagar": 1.4, "arbejdsdage": 1.4,
          "virkedager": 1.4, "dni": 1, "dzień": 1, "dni roboczych": 1.4, "tydzień": 7,
          "tygodnie": 7, "tygodni": 7, "tygodnia": 7, "týden": 7, "týdny": 7, "týdnů": 7,
          "dny": 1, "dnů": 1, "dní": 1, "pracovních dnů": 1.4,
          # "within 48 hours": two days (not "heures", "horas", "uur": "à 10 heures" is a time)
          "hours": 1 / 24, "stunden": 1 / 24, "ore": 1 / 24, "timmar": 1 / 24, "timer": 1 / 24,
          "godzin": 1 / 24, "hodin": 1 / 24}
# Month and weekday names in the languages the mail reader knows (English, German, French,
# Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian, Polish, Czech, Finnish,
# Slovak, Romanian, Hungarian): one table
# for cells and for mail.
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan", "januar", "janvier", "enero", "gennaio", "januari", "janeiro",
     "stycznia", "styczeń", "styczen", "ledna", "leden", "tammikuuta", "tammikuu",
     "januára", "január", "ianuarie"),
    ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "februari",
     "fevereiro", "lutego", "luty", "února", "únor", "helmikuuta", "helmikuu",
     "februára", "február", "februarie"),
    ("march", "mar", "märz", "maerz", "mars", "marzo", "maart", "março", "marco", "marts",
     "marca", "marzec", "března", "březen", "maaliskuuta", "maaliskuu",
     "marec", "martie", "március"),
    ("april", "apr", "avril", "abril", "aprile", "kwietnia", "kwiecień", "dubna", "duben",
     "huhtikuuta", "huhtikuu",
     "apríla", "apríl", "aprilie", "április"),
    ("may", "mai", "mayo", "maggio", "mei", "maio", "maj", "maja", "května", "květen",
     "toukokuuta", "toukokuu",
     "mája", "máj", "május"),
    ("june", "jun", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec", "června",
     "červen", "kesäkuuta", "kesäkuu",
     "júna", "jún", "iunie", "június"),
    ("july", "jul", "juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec", "července",
     "červenec", "heinäkuuta", "heinäkuu",
     "júla", "júl", "iulie", "július"),
    ("august", "aug", "août", "aout", "agosto", "augustus", "augusti", "sierpnia", "sierpień",
     "srpna", "srpen", "elokuuta", "elokuu",
     "augusta", "augusztus"),
    ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro",
     "września", "wrzesnia", "wrzesień", "září", "syyskuuta", "syyskuu",
     "septembra", "septembrie", "szeptember"),
    ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt",
     "października", "pazdziernika", "październik", "října", "říjen", "lokakuuta", "lokakuu",
     "októbra", "október", "octombrie"),
    ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad",
     "listopadu", "marraskuuta", "marraskuu",
     "novembra", "noiembrie"),
    ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre",
     "dezembro", "desember", "grudnia", "grudzień", "grudzien", "prosince", "prosinec",
     "joulukuuta", "joulukuu",
     "decembra", "decembrie"))
WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("monday", "montag", "lundi", "lunes", "lunedì", "lunedi", "maandag", "segunda-feira",
     "måndag", "mandag", "poniedziałek", "poniedzialek", "poniedziałku", "pondělí", "maanantai",
     "maanantaina", "pondelok", "luni", "hétfő"),
    ("tuesday", "dienstag", "mardi", "martes", "martedì", "martedi", "dinsdag", "terça-feira",
     "terca-feira", "tisdag", "tirsdag", "wtorek", "wtorku", "úterý", "tiistai", "tiistaina",
     "utorok", "marți", "marţi", "kedd"),
    ("wednesday", "mittwoch", "mercredi", "miércoles", "miercoles", "mercoledì", "mercoledi",
     "woensdag", "quarta-feira", "onsdag", "środa", "środę", "sroda", "srode", "středa",
     "středu", "keskiviikko", "keskiviikkona", "stredu", "streda", "miercuri", "szerda"),
    ("thursday", "donnerstag", "jeudi", "jueves", "giovedì", "giovedi", "donderdag",
     "quinta-feira", "torsdag", "czwartek", "czwartku", "čtvrtek", "torstai", "torstaina",
     "štvrtok", "joi", "csütörtök"),
    ("friday", "freitag", "vendredi", "viernes", "venerdì", "venerdi", "vrijdag",
     "sexta-feira", "fredag", "piątek", "piatek", "piątku", "pátek", "pátku", "perjantai",
     "perjantaina", "piatok", "vineri", "péntek"),
    ("saturday", "samstag", "samedi", "sábado", "sabato", "zaterdag", "lördag", "lørdag",
     "sobota", "sobotę", "sobotu", "lauantai", "lauantaina", "sâmbătă", "szombat"),
    ("sunday", "sonntag", "dimanche", "domingo", "domenica", "zondag", "söndag", "søndag",
     "niedziela", "niedzielę", "neděle", "neděli", "sunnuntai", "sunnuntaina",
     "nedeľa", "nedeľu", "duminică", "vasárnap"))
MONTHS = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
WEEKDAYS = {name: number for number, names in enumerate(WEEKDAY_NAMES) for name in names}
_AMOUNT = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
# "two weeks", "10 days", "2-3 weeks" (the later end of a range counts)
_SPAN = re.compile(rf"(?i)\b(\d{{1,3}}|{_AMOUNT})\s*(?:(?:-|–|to|or|bis|à|a)\s*(\d{{1,3}})\s*)?"
                   rf"({_UNIT})\b")
_NEXT_WEEK = re.compile(r"(?i)\b(next week|nächste[nr]? woche|la semaine prochaine|"
                        r"la próxima semana|la semana que viene|la prossima settimana|"
                        r"na próxima semana|próxima semana|volgende week|nästa vecka|"
                        r"næste uge|neste uke|w przyszłym tygodniu)\b")
# "by the end of the week": its Friday
_END_OF_WEEK = re.compile(r"(?i)\b(end of (?:the|this) week|ende (?:der|dieser) woche|fin de (?:la|"
                          r"cette) semaine|(?:final|fin) de (?:la|esta) semana|fine settimana|"
                          r"(?:fim|final) da semana|eind van de(?:ze)? week|slutet av veckan|"
                          r"udgangen af ugen|slutten av uken|końca tygodnia|konce týdne)\b")
_END_OF_MONTH = re.compile(r"(?i)\b(end of (the|this) month|ende des monats|fin du mois|"
                           r"fin de mes|fine (?:del )?mese|fim do mês|eind van de maand|"
                           r"slutet av månaden|slutningen af måneden|utgangen av måneden|"
                           r"slutten av måneden|końca miesiąca)\b")
# "by fri", "next tues": the short names of working days (not "sat" or "sun", words too)
_SHORT_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                   "fri": 4}
_DAY_NAMES = sorted([*WEEKDAYS, *_SHORT_WEEKDAYS], key=len, reverse=True)
_WEEKDAY = re.compile(rf"(?i)\b({'|'.join(_DAY_NAMES)})\b\.?")
_MONTH_DAY = re.compile(rf"(?i)\b(?:({'|'.join(MONTHS)})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
                        rf"|(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?"
                        rf"({'|'.join(MONTHS)})\.?)\b")


def time_frame_end(text: object, start: dt.date) -> dt.date | None:
    """The day a time frame said on ``start`` ends: "within two weeks", "in 10 days", "next
    week" (its Friday), "by Friday" (the next one), "by November 6" / "6 November" (the next
    such day), "end of the month", in English, German, French or Spanish; an ISO date too.
    None when the text names no time.

    >>> start = dt.date(2026, 10, 28)  # a Wednesday
    >>> [time_frame_end(t, start) for t in ("within two weeks", "by Friday, November 6",
    ...     "next week", "in 10 days", "innerhalb von zwei Wochen", "soon")]  # doctest: +ELLIPSIS
    [datetime.date(2026, 11, 11), datetime.date(2026, 11, 6), datetime.date(2026, 11, 6), ...
    """
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    words = str(text).strip()
    if not words:
        return None
    iso = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", words)
    if iso:
        try:
            return dt.date(*(int(g) for g in iso.groups()))
        except ValueError:
            return None
    month_day = _MONTH_DAY.search(words)
    if month_day:
        month_name, day_a, day_b, month_b = month_day.groups()
        month = MONTHS[(month_name or month_b).lower()]
        day = int(day_a or day_b)
        for year in (start.year, start.year + 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                return None
            if candidate >= start:
                return candidate
    span = _SPAN.search(words)
    if span:
        amount, upper, unit = span.groups()
        count = int(upper) if upper else int(amount) if amount.isdigit() \
            else _NUMBER_WORDS[amount.lower()]
        return start + dt.timedelta(days=round(count * _UNITS[unit.lower()]))
    if _NEXT_WEEK.search(words):
        return start + dt.timedelta(days=7 - start.weekday() + 4)
    if _END_OF_WEEK.search(words):
        return start + dt.timedelta(days=(4 - start.weekday()) % 7)
    if _END_OF_MONTH.search(words):
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    weekday = _WEEKDAY.search(words)
    if weekday:
        name = weekday.group(1).lower()
        ahead = ((WEEKDAYS | _SHORT_WEEKDAYS)[name] - start.weekday()) % 7 or 7
        return start + dt.timedelta(days=ahead)
    return None
