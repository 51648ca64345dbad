"""What an application email means, from its sentences and from who sent it: an automatic
acknowledgement, a job board's notice, a rejection, an invitation to an interview (or its
reschedule or cancellation) or to an assessment, an offer, a person's reply; and, in the
person's own mail, the application, the thank-you, the follow-up, the thanks after a
rejection, accepting or declining an offer, withdrawing. In English, German, French and
Spanish (phrases in ``phrases``).

The text is cut into sentences; a sentence that only says what would happen ("if you do not
hear from us within two weeks...") decides nothing, and an invitation hedged with "may" is
none. The decisive kinds are weighed in order (a rejection before an offer, so "unable to
offer you the role" is never an offer; a cancellation before an invitation), and who sent the
message settles the rest: the same "thank you for applying" is an acknowledgement from a
tracking system and a reply from a recruiter who goes on to ask a question. Only the message's
own words count (quoted earlier messages are cut off before this runs).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analysis.mail import phrases as ph
from analysis.mail.when import at, dates_in, frame_end

ACKNOWLEDGEMENT, REJECTION, INTERVIEW, ASSESSMENT, OFFER, REPLY = (
    "acknowledgement", "rejection", "interview", "assessment", "offer", "reply")
CANCELLED, NOTICE = "cancelled", "notice"
SENT_APPLICATION, SENT_THANK_YOU, SENT_FOLLOW_UP, SENT_REJECTION_THANKS = (
    "sent_application", "sent_thank_you", "sent_follow_up", "sent_rejection_thanks")
SENT_ACCEPT, SENT_DECLINE, SENT_WITHDRAW = "sent_accept", "sent_decline", "sent_withdraw"
RECEIVED_KINDS = (ACKNOWLEDGEMENT, REJECTION, INTERVIEW, ASSESSMENT, OFFER, REPLY, CANCELLED,
                  NOTICE)
SENT_KINDS = (SENT_APPLICATION, SENT_THANK_YOU, SENT_FOLLOW_UP, SENT_REJECTION_THANKS,
              SENT_ACCEPT, SENT_DECLINE, SENT_WITHDRAW)
NOT_RESPONSES = (ACKNOWLEDGEMENT, NOTICE)  # received, yet not an answer from the employer
READ_CHARS = 4000  # a message says what it means in its opening; footers and legal text after

_SPLIT = re.compile(r"(?<=[^\d\s][.!?])\s+(?=[\"'(¿¡]?[A-ZÄÖÜÉÈÀÂÁÍÓÚÑÇ])|\n+|(?<=[.!?;])\s+-\s+")
_THANKS = re.compile(r"(?i)\b(?:thank|thanks|gratitude|grateful|danke?|dank|merci|remerci\w*|"
                     r"gracias|agradec\w*|enjoyed|pleasure)\b")
_DEADLINE_BEFORE = re.compile(
    r"(?i)\b(?:by|until|before|no later than|deadline|bis(?: zum)?|spätestens|avant(?: le)?|"
    r"d'ici|antes del?|hasta(?: el)?|a más tardar)\W+(?:\w+\W+){0,2}$")
_PERSONAL = re.compile(r"(?i)\?|\b(?:i|i'm|i'd|i've|i'll|ich|je|j'ai|me gustaría|yo)\b")
_CONSIDERATION = re.compile(r"(?i)\bconsiderati?on|\bconsidering\b|berücksichtigung|"
                            r"considération|consideración")


@dataclass(frozen=True)
class Meaning:
    """What a message says: its ``kind``, how sure (``confidence``, 0-1), the interview's
    start when it invites to one (or moves it), the decision day it promises, and whether it
    asks for a call with a recruiter rather than an interview (``screening``)."""

    kind: str | None
    confidence: float
    interview_at: dt.datetime | None = None
    promised: dt.date | None = None
    screening: bool = False


def sentences(text: str) -> list[str]:
    """The text's sentences (and lines), stripped, in order.

    >>> sentences("Hi Ana,\\nThanks. We will not proceed. Best")
    ['Hi Ana,', 'Thanks.', 'We will not proceed.', 'Best']
    """
    return [part.strip() for part in _SPLIT.split(text) if part and part.strip()]


def _decisive(parts: list[str]) -> list[str]:
    return [p for p in parts if not ph.CONDITIONAL.search(p)]


def _any(pattern: re.Pattern[str], parts: list[str]) -> bool:
    return any(pattern.search(p) for p in parts)


def received_meaning(subject: str, body: str, *, sent: dt.datetime,
                     calendar: dt.datetime | None = None, automatic: bool = False,
                     from_company: bool = True, person: bool = False, board: bool = False,
                     platform: bool = False, cancelled: bool = False) -> Meaning:
    """The meaning of a message someone else sent. ``calendar`` is the start of an attached
    invitation (``cancelled`` when its METHOD is CANCEL); ``automatic`` says the headers mark
    it as sent by a machine; ``from_company`` that the sender is the company's own (not a
    tracking system's); ``person`` that a person wrote it (a name, a personal address);
    ``board`` that a job board relays it; ``platform`` that a scheduling, assessment or
    e-signature service sends it for the employer."""
    body = body[:READ_CHARS]
    parts = sentences(subject) + sentences(body)
    decisive = _decisive(parts)
    text = f"{subject}\n{body}"
    if ph.AUTO_REPLY.search(subject) or (_any(ph.AUTO_REPLY_BODY, decisive[:6])
                                         and not _any(ph.REJECTION, decisive)):
        return Meaning(None, 0.0)
    promised = promised_decision(text, sent.date())
    firm = [p for p in decisive if not ph.HEDGE.search(p)]
    meeting = re.compile(rf"(?i)\b{ph.MEETING}")
    if _any(ph.REJECTION, decisive) or (
            _any(ph.KEPT_ON_FILE, decisive) and _any(ph.GOOD_WISHES, decisive)
            and not _any(ph.INVITE, firm) and not _any(ph.ACKNOWLEDGEMENT, decisive)):
        sure = 0.95 if _any(ph.REJECTION, decisive) else 0.8
        return Meaning(REJECTION, sure, promised=promised)
    if _any(ph.OFFER, decisive) or (_any(ph.PAY, decisive) and _any(ph.START, decisive)):
        return Meaning(OFFER, 0.9, promised=promised)
    moved = _any(ph.RESCHEDULE, decisive) and bool(meeting.search(text))
    called_off = cancelled or any(ph.CANCEL.search(p) and meeting.search(p) for p in decisive)
    if called_off and not (moved or (calendar is not None and not cancelled)):
        return Meaning(CANCELLED, 0.9)
    invited = calendar is not None or moved or any(
        ph.INVITE.search(p) and not _THANKS.search(p) for p in firm)
    screening = _any(ph.SCREENING, decisive)
    if invited:
        when = calendar or interview_time(decisive, sent, moved=moved)
        sure = 0.95 if calendar is not None else 0.9
        return Meaning(INTERVIEW, sure, interview_at=when, promised=promised,
                       screening=screening)
    acknowledged = _any(ph.ACKNOWLEDGEMENT, decisive)
    if any(ph.ASSESSMENT.search(p) and ph.ASSESSMENT_ASK.search(p) for p in firm):
        return Meaning(ASSESSMENT, 0.9, promised=promised)
    if board or _any(ph.NOTICE, decisive[:4]) and not person:
        if _any(ph.NOTICE, decisive):
            return Meaning(NOTICE, 0.9, promised=promised)
        if acknowledged or _any(ph.OWN_APPLICATION, parts[:3]):
            return Meaning(ACKNOWLEDGEMENT, 0.9, promised=promised)
        return Meaning(None, 0.0)
    if acknowledged:
        if person and not automatic and _PERSONAL.search(body):
            return Meaning(REPLY, 0.8, promised=promised)
        return Meaning(ACKNOWLEDGEMENT, 0.9, promised=promised)
    if automatic or platform or not from_company:
        return Meaning(None, 0.0)
    return Meaning(REPLY, 0.8 if person else 0.75, promised=promised)


def interview_time(parts: list[str] | str, sent: dt.datetime, *, moved: bool = False
                   ) -> dt.datetime | None:
    """The interview's day and time as the invitation words it ("would you be available on
    Friday 24 April at 14:00 instead?", "am 12.03. um 14 Uhr"): a day in a sentence about
    the meeting, never a deadline ("please confirm by Friday"), a start date or a promised
    decision; a weekday alone only with a time of day; the moved-to day of a reschedule, not
    the one it replaces. None when the text names no such day, or offers several."""
    if isinstance(parts, str):
        parts = sentences(parts)
    meeting = re.compile(rf"(?i)\b{ph.MEETING}|\b(?:available|verfügbar|disponible|works|"
                         r"passt|convient|instead|stattdessen|plutôt|en su lugar)\b")
    chosen: list[tuple[dt.datetime, bool]] = []
    for part in parts:
        if ph.STARTS.search(part) or (ph.PROMISE.search(part) and not meeting.search(part)):
            continue
        if moved and ph.PAST_SLOT.search(part):
            continue
        for found in dates_in(part, sent.date()):
            if _DEADLINE_BEFORE.search(part[max(0, found.start - 30):found.start]):
                continue
            if found.weekday_only and found.time is None:
                continue
            if found.day < sent.date():
                continue
            if found.time is None and not meeting.search(part):
                continue
            chosen.append((at(found, sent.tzinfo), found.time is not None))
    timed = [when for when, has_time in chosen if has_time] or [when for when, _ in chosen]
    days = sorted({when.date() for when in timed})
    if not days:
        return None
    if moved:
        return timed[-1]
    return timed[0] if len(days) == 1 else None


def promised_decision(text: str, on: dt.date) -> dt.date | None:
    """The day a message says a decision will come by ("we expect to decide by Friday,
    November 6", "you will hear from us within two weeks", "bis spätestens Freitag"), counted
    from ``on``; never a deadline set for the person, nor a silence that means no.

    >>> promised_decision("We expect to decide by Friday, November 6.", dt.date(2026, 10, 28))
    datetime.date(2026, 11, 6)
    >>> promised_decision("Thanks!", dt.date(2026, 10, 28)) is None
    True
    """
    for part in _decisive(sentences(text)):
        promise = ph.PROMISE.search(part)
        if not promise or ph.THEIR_DEADLINE.search(part) or ph.AUTO_REPLY.search(part):
            continue
        times = list(ph.PROMISE_TIME.finditer(part))
        if not times:
            continue
        after = [t for t in times if t.start() >= promise.start()] or times
        end = frame_end(part[after[0].start():], on)
        if end is not None and end >= on:
            return end
    return None


def sent_meaning(subject: str, body: str, *, after_rejection: bool, after_interview: bool,
                 attachments: list[str], after_offer: bool = False) -> Meaning:
    """The meaning of a message the person sent to an employer: withdrawing, declining or
    accepting an offer, the thanks after a rejection, the thank-you after an interview (in
    everyday words too: "so glad we got to talk this morning"), the follow-up, or the
    application itself."""
    body = body[:READ_CHARS]
    # A reply's subject ("Re: Thank you for the interview") is the earlier message's.
    replying = bool(re.match(r"(?i)\s*(?:re|aw|antw|rv|sv|fw|fwd|wg|tr)\s*:", subject))
    parts = _decisive(([] if replying else sentences(subject)) + sentences(body))
    if _any(ph.SENT_WITHDRAW, parts):
        return Meaning(SENT_WITHDRAW, 0.9)
    if _any(ph.SENT_DECLINE, parts):
        return Meaning(SENT_DECLINE, 0.9)
    if _any(ph.SENT_ACCEPT, parts) and (after_offer or re.search(
            r"(?i)offer|angebot|zusage|offre|proposition|oferta|propuesta", subject + body)):
        return Meaning(SENT_ACCEPT, 0.9)
    applying = any(re.search(r"(?i)\b(?:cv|resume|résumé|lebenslauf|curriculum)\b", name)
                   for name in attachments)
    follow = [i for i, p in enumerate(parts) if ph.SENT_FOLLOW_UP.search(p)]
    if not after_interview and not after_rejection and not follow and not replying and (
            applying or ph.SENT_APPLICATION.search(subject)):
        return Meaning(SENT_APPLICATION, 0.85 if applying else 0.75)
    thanks = [i for i, p in enumerate(parts)
              if ph.SENT_THANKS.search(p) and not _CONSIDERATION.search(p)]
    if after_rejection and (thanks or _any(ph.SENT_REJECTION_THANKS, parts)):
        return Meaning(SENT_REJECTION_THANKS, 0.9)
    if thanks and (not follow or thanks[0] <= follow[0]):
        return Meaning(SENT_THANK_YOU, 0.9 if after_interview else 0.8)
    if follow:
        return Meaning(SENT_FOLLOW_UP, 0.85)
    if (ph.SENT_APPLICATION.search(subject) and not replying) or (
            not after_interview and _any(ph.SENT_APPLICATION, parts)):
        return Meaning(SENT_APPLICATION, 0.75)
    return Meaning(None, 0.0)
