"""The day and time of a meeting a message names: the interview an invitation or a reschedule
sets ("would you be available on Friday 24 April at 14:00 instead?", "am 12.03. um 14 Uhr", a
form's "Date:" and "Time:" lines), and the slot the person takes ("Tuesday 1 December at 15:00
works best for me"); never a deadline, a start date or a promised decision."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from analysis.mail import day_words as dw
from analysis.mail import offer_words as offers
from analysis.mail import own_words as ow
from analysis.mail import phrases as ph
from analysis.mail.sentences import sentences
from analysis.mail.when import at, dates_in

_DEADLINE_BEFORE = re.compile(
    r"(?i)\b(?:by|until|before|no later than|deadline|bis(?: zum)?|spätestens|avant(?: le)?|d'ici|"
    r"antes del?|hasta(?: el)?|a más tardar|até(?: ao| à| a)?|entro(?: il)?)\W+(?:\w+\W+){0,2}$")

# A sentence about the meeting: it names one, or a slot offered or taken.
_ABOUT_A_MEETING = re.compile(rf"(?i)\b{ph.MEETING}|\b(?:available|verfügbar|disponible|works|"
                              r"passt|convient|instead|stattdessen|plutôt|en su lugar)\b")


def day_first(text: str) -> bool:
    """Whether a message is written in a language that puts the day first in "6/10": not
    English (whose British and American readers disagree)."""
    words = re.findall(r"(?i)\b(?:the|and|you|your|we|to|for|with|of|is|are|our)\b", text)
    return len(words) * 12 < len(text.split())


def interview_time(parts: list[str] | str, sent: dt.datetime, *, moved: bool = False,
                   dayfirst: bool = False) -> dt.datetime | None:
    """The interview's day and time as the invitation words it ("would you be available on
    Friday 24 April at 14:00 instead?", "am 12.03. um 14 Uhr"): a day in a sentence about
    the meeting, never a deadline ("please confirm by Friday"), a start date or a promised
    decision; a weekday alone only with a time of day; the moved-to day of a reschedule, not
    the one it replaces. None when the text names no such day, or offers several."""
    if isinstance(parts, str):
        parts = sentences(parts)
    chosen: list[tuple[dt.datetime, bool, bool]] = []
    beside: set[dt.date] = set()  # days of a call set around the interview
    for part, labelled in _with_labels(parts):
        about = labelled or bool(_ABOUT_A_MEETING.search(part))
        around = bool(_AROUND_THE_INTERVIEW.search(part))
        if offers.START.search(part) or (dw.STARTS.search(part) and not about) or (
                dw.PROMISE.search(part) and not about):
            continue
        # the slot a reschedule replaces ("instead of Thursday 26 November") is not the new one
        gone = [m.end() for m in dw.PAST_SLOT.finditer(part)] if moved else []
        named = [f for f in dates_in(part, sent.date(), dayfirst=dayfirst)
                 if not any(0 <= f.start - end <= 40 for end in gone)]
        if gone and not named:
            continue
        # "Donnerstag passt, dann am 15.10.": the weekday is the dated day's, not another
        dated = {f.day.weekday() for f in named if not f.weekday_only}
        named = [f for f in named if not (f.weekday_only and f.day.weekday() in dated)]
        lone = sum(f.weekday_only and f.time is None for f in named)
        for found in named:
            before = part[max(0, found.start - 30):found.start]
            if _DEADLINE_BEFORE.search(before) or dw.RANGE_END.search(before):
                continue
            if found.weekday_only and found.time is None and not (
                    about and lone == 1 and _DAY_POINTER.search(before[-14:])):
                continue
            if found.day < sent.date() or (found.time is not None
                                           and at(found, sent.tzinfo) < sent):
                continue  # a slot gone by ("today at 17:00", written at 18:20)
            if (found.day - sent.date()).days > 240:
                continue  # "the interview on 5 November", written on the 18th: gone by too
            if found.time is None and not about:
                continue
            chosen.append((at(found, sent.tzinfo), found.time is not None, labelled))
            if around:
                beside.add(found.day)
    timed = [when for when, has_time, _ in chosen if has_time] or [when for when, *_ in chosen]
    days = sorted({when.date() for when in timed})
    # a form's line ("First round: Thursday, November 5 at 4:00 PM") over a day said in
    # passing ("a prep call on Wednesday at 6 PM")
    laid_out = sorted({when for when, has_time, labelled in chosen if has_time and labelled})
    if len(days) > 1 and len({when.date() for when in laid_out}) == 1 and not moved:
        return laid_out[0]
    # "I'll brief you before the interview - free for a call on Wednesday at 6pm?": the
    # briefing's day is not the interview's
    if len(days) > 1 and len(set(days) - beside) == 1:
        days = sorted(set(days) - beside)
        timed = [when for when in timed if when.date() in days]
    if not days:
        return None
    if moved:
        return timed[-1]
    return timed[0] if len(days) == 1 else None


# A call set around the interview: "before the interview", "vor dem Gespräch", "avant
# l'entretien".
_AROUND_THE_INTERVIEW = re.compile(
    r"(?i)\b(?:before|ahead of|prior to|to prepare for|vor|avant|antes de|prima del?) (?:the|your|"
    r"our|dem|ihrem|deinem|unserem|l'|votre|ton|la|tu|su|nuestra|il|tuo|suo) ?(?:\w+ )?"
    r"(?:interview|meeting|gespräch\w*|entretien|entrevista|colloquio)")
# "next Tuesday", "on Thursday", "am Donnerstag", "jeudi prochain": a weekday meant as a day.
_DAY_POINTER = re.compile(r"(?i)\b(?:next|this|coming|on|nächsten|kommenden|diesen|am|ce|"
                          r"este|el|próximo)\s+$")
# Lines of an invitation laid out as a form: "Date: 12 March", "Time: 14:00", "Datum:", "Heure :"


def _with_labels(parts: list[str]) -> Iterator[tuple[str, bool]]:
    """The sentences, a form's day line joined to the time line after it; whether each is
    such a line (which speaks of the meeting by its place in the invitation)."""
    skip = False
    for i, part in enumerate(parts):
        if skip:
            skip = False
            continue
        if dw.DAY_LABEL.match(part):
            following = parts[i + 1] if i + 1 < len(parts) else ""
            if dw.TIME_LABEL.match(following):
                skip = True
                yield f"{part} {following}", True
            else:
                yield part, True
            continue
        yield part, False


def slot_chosen(parts: list[str], sent: dt.datetime) -> dt.datetime | None:
    """The one day and time the person says suits her ("Tuesday 1 December at 15:00 works
    best for me", "Donnerstag um 10 Uhr passt mir gut"), else None."""
    said = [p for p in parts if ow.SLOT_CHOSEN.search(p)]
    found = [(f, p) for p in said for f in dates_in(p, sent.date())
             if f.time is not None and f.day >= sent.date()]
    days = {f.day for f, _ in found}
    if len(days) != 1:
        return None
    return at(found[0][0], sent.tzinfo)
