"""What an application email means, from its sentences and from who sent it: an automatic
acknowledgement, a job board's notice, a rejection, an invitation to an interview (or its
reschedule or cancellation) or to an assessment, an offer, a person's reply; and, in the
person's own mail, the application, the thank-you, the follow-up, the thanks after a
rejection, accepting or declining an offer, withdrawing, taking a slot offered. In English,
German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian, Polish and
Czech (the tables in ``phrases``, ``ack_words``, ``no_words``, ``own_words``, ``day_words``,
``other_mail``, ``assessment_words``, ``offer_words`` and ``conditions``; the meeting's day in
``meeting_day``; the sentences in ``sentences``).

The text is cut into sentences; a sentence that only says what would happen ("if you do not
hear from us within two weeks...") decides nothing, and an invitation hedged with "may" is
none. The decisive kinds are weighed in order (a rejection before an offer, so "unable to
offer you the role" is never an offer; a cancellation before an invitation), and who sent the
message settles the rest: the same "thank you for applying" is an acknowledgement from a
tracking system and a reply from a recruiter who goes on to ask a question. Only the message's
own words count (quoted earlier messages are cut off before this runs).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.mail import ack_words as ack
from analysis.mail import assessment_words as aw
from analysis.mail import conditions as cond
from analysis.mail import day_words as dw
from analysis.mail import no_words as no
from analysis.mail import offer_words as offers
from analysis.mail import other_mail as om
from analysis.mail import own_words as ow
from analysis.mail import phrases as ph
from analysis.mail import soft_words as soft
from analysis.mail.meeting_day import day_first, interview_time, slot_chosen
from analysis.mail.sentences import sentences
from analysis.mail.when import dates_in, frame_end

ACKNOWLEDGEMENT, REJECTION, INTERVIEW, ASSESSMENT, OFFER, REPLY = (
    "acknowledgement", "rejection", "interview", "assessment", "offer", "reply")
CANCELLED, NOTICE = "cancelled", "notice"
SENT_APPLICATION, SENT_THANK_YOU, SENT_FOLLOW_UP, SENT_REJECTION_THANKS = (
    "sent_application", "sent_thank_you", "sent_follow_up", "sent_rejection_thanks")
SENT_ACCEPT, SENT_DECLINE, SENT_WITHDRAW = "sent_accept", "sent_decline", "sent_withdraw"
SENT_SLOT = "sent_slot"  # the person choosing or confirming the interview's day and time
SENT_ANSWER = "sent_answer"  # the person answering an offer in words the reader cannot place
RECEIVED_KINDS = (ACKNOWLEDGEMENT, REJECTION, INTERVIEW, ASSESSMENT, OFFER, REPLY, CANCELLED,
                  NOTICE)
SENT_KINDS = (SENT_APPLICATION, SENT_THANK_YOU, SENT_FOLLOW_UP, SENT_REJECTION_THANKS,
              SENT_ACCEPT, SENT_DECLINE, SENT_WITHDRAW, SENT_SLOT, SENT_ANSWER)
NOT_RESPONSES = (ACKNOWLEDGEMENT, NOTICE)  # received, yet not an answer from the employer
READ_CHARS = 4000  # a message says what it means in its opening; footers and legal text after

_THANKS = re.compile(r"(?i)\b(?:thank|thanks|gratitude|grateful|danke?|dank|merci|remerci\w*|"
                     r"gracias|agradec\w*|enjoyed|pleasure)\b")
# the writer speaking for herself ("je" only as the French "I": the Dutch "je" is "you")
_PERSONAL = re.compile(r"(?i)\?|\b(?:i|i'm|i'd|i've|i'll|ich|j'ai|me gustaría|yo)\b|"
                       # an apology or a shortlist: a person answering, not a machine
                       r"\b(?:sorry|apologi[sz]e|entschuldig\w*|désolée?|disculp\w*|perdón|"
                       r"scusa\w*|shortlist\w*)\b|"
                       r"\bje (?:suis|vous|serai|reste|me|reviens|tiens|souhaite|vais|peux|"
                       r"voulais|serais|travaille|m'occupe|n'ai|ne)\b|"
                       r"\b(?:te|le|os) escribo\b|\bquería\b|\bme pongo en contacto\b|"
                       r"\bich (?:schreibe|wollte|melde)\b|\bvi scrivo\b|\bik schrijf\b|"
                       r"\bescrevo\b")
REPLYING = re.compile(r"(?i)\s*(?:re|aw|antw|rv|sv|fw|fwd|wg|tr)\s*:")
# "Thanks for your application - we'd love to have a first conversation": thanks for applying
# come before an invitation, not after a meeting
_THANKS_FOR_APPLYING = re.compile(
    r"(?i)\b(?:thank(?:s| you)|danke|vielen dank|merci|gracias|grazie|obrigad[oa]|bedankt)\b"
    r"[^.!?]{0,20}?\b(?:for|für|pour|por|per|pela|voor)\s+(?:\w+\s+){0,2}?(?:application|"
    r"applying|interest|bewerbung|interesse|candidature|candidatura|solicitud|sollicitatie)"
    r"[^.!?,;–-]*")
_MOVED = re.compile(rf"(?i)\bre-?schedul|{ph.MOVED_TO}|\b(?:push|move|bump)(?:ed)? "
                    r"(?:it |this |our \w+ |the \w+ )?(?:back |out )?(?:to|till|until) "
                    r"(?:\w+day|mon|tue|tues|wed|thu|thurs|fri)\b")
_PROMISE_HORIZON = dt.timedelta(days=240)
_PROMISE_REACH = 100  # characters between a promise's words and its time
# a time counted from a day still to come: "within a week of the final interviews", "within
# two weeks after the closing date" (not "within 14 days of the interview" just held)
_AFTER_ANOTHER_DAY = re.compile(
    r"(?i)(?:\S+ ){1,4}(?:of|after|following|from) (?:the|all|our) (?:(?:final|last|remaining|oth"
    r"er) (?:\w+ )?(?:interviews|rounds|meetings|conversations)|closing date|deadline|start)\b")
# what comes first: "vor der Entscheidung noch ein Gespräch am Mittwoch", "before the final
# decision we'll meet one more candidate on Wednesday": that day is not the decision's
_BEFORE_IT = re.compile(r"(?i)\b(?:vor (?:der|einer|unserer)|before (?:the|a|our|making (?:a|"
                        r"the|our)|we)|avant (?:la|de|notre)|antes de (?:la|tomar|nuestra)|"
                        r"prima (?:della|di)|voor (?:de|het|een)|innan (?:vi|beslut))"
                        r"(?: (?:final|finale[n]?|endgültigen|definitiv\w*))?\s*$")
# a promise kept, not made: "I promised you an answer today, so here is an update"
_KEPT_PROMISE = re.compile(r"(?i)\b(?:i|we) (?:had |have )?promised\b|\bas promised\b|\bwie ver"
                           r"sprochen\b|\bhatten (?:ihnen|dir) (?:\w+ ){0,3}versprochen\b|\bcomme "
                           r"promis\b|\bvous avions promis\b|\bcomo (?:prometido|prometimos)\b|"
                           r"\b(?:te|le|os) (?:habíamos|había|hemos) prometido\b|"
                           r"\b(?:te|le) dijimos que\b|\bcome promesso\b|\bavevamo promesso\b|"
                           r"\bzoals beloofd\b|\bconforme prometido\b")
_CONSIDERING = (r"\bconsiderati?on|\bconsidering\b|berücksichtigung|considération|"
                r"consideración")
# a sentence's words of consideration, to the next clause: "for considering me for the role"
_CONSIDERED = re.compile(rf"(?i)(?:{_CONSIDERING})[^,.;]*?(?=\band\b|\bund\b|\bet\b|\by\b|"
                         r"[,.;]|$)")


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


def _decisive(parts: list[str]) -> list[str]:
    return [p for p in parts if not cond.conditional(p)]


def _any(pattern: re.Pattern[str], parts: list[str]) -> bool:
    return any(pattern.search(p) for p in parts)


class Sentences:
    """A message's sentences, each looked at only as far as a question needs: a table of
    phrases is first tried on the whole text at once (a sentence it matches is a match in
    the whole text, so a miss there is a miss everywhere), and whether a sentence is a mere
    condition is asked only of the sentences a phrase was found in."""

    def __init__(self, parts: list[str]) -> None:
        self.parts = parts
        self.joined = "\n".join(parts)
        self.starts = list(itertools.accumulate((len(p) + 1 for p in parts[:-1]), initial=0))
        self._conditional: dict[int, bool] = {}
        self._hits: dict[tuple[re.Pattern[str], bool], list[int]] = {}

    def conditional(self, i: int) -> bool:
        if i not in self._conditional:
            # (a run-on "sentence" of a flattened layout is judged by its opening)
            self._conditional[i] = cond.conditional(self.parts[i][:600])
        return self._conditional[i]

    def _found(self, pattern: re.Pattern[str], decisive: bool) -> Iterator[int]:
        """The sentences ``pattern`` matches, in order, found by searching the whole text
        and confirming each find in its own sentence (a find across two sentences is
        none: the search goes on from the next one)."""
        position = 0
        while position <= len(self.joined):
            found = pattern.search(self.joined, position)
            if found is None:
                return
            i = bisect.bisect_right(self.starts, found.start()) - 1
            if pattern.search(self.parts[i]) and not (decisive and self.conditional(i)):
                yield i
            position = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.joined) + 1

    def first_hits(self, pattern: re.Pattern[str]) -> Iterator[int]:
        """The decisive sentences ``pattern`` matches, found one at a time (a caller that
        stops at the first one it wants searches no further)."""
        found = self._hits.get((pattern, True))
        return iter(found) if found is not None else self._found(pattern, True)

    def hits(self, pattern: re.Pattern[str], *, decisive: bool = True) -> list[int]:
        """The sentences ``pattern`` matches (those that only say what would happen left
        out, unless ``decisive`` is False), in order."""
        key = (pattern, decisive)
        if key not in self._hits:
            self._hits[key] = list(self._found(pattern, decisive))
        return self._hits[key]

    def any(self, pattern: re.Pattern[str], *, firm: bool = False, within: int | None = None
            ) -> bool:
        """Whether a decisive sentence matches (a ``firm`` one: not hedged with "may"; one of
        the first ``within`` decisive sentences); the search stops at the first."""
        first: set[int] | None = None
        found = self._hits.get((pattern, True))
        for i in found if found is not None else self._found(pattern, True):
            if within is not None and first is None:
                first = self.decisive_prefix(within)
            if first is not None and i not in first:
                if i > max(first, default=-1):
                    return False
                continue
            if firm and cond.HEDGE.search(self.parts[i]):
                continue
            return True
        return False

    def decisive_prefix(self, count: int) -> set[int]:
        """The first ``count`` sentences that are not mere conditions."""
        out: set[int] = set()
        for i in range(len(self.parts)):
            if len(out) >= count:
                break
            if not self.conditional(i):
                out.add(i)
        return out

    def decisive(self) -> list[str]:
        return [p for i, p in enumerate(self.parts) if not self.conditional(i)]


def _told(said: Sentences, pattern: re.Pattern[str]) -> bool:
    """Whether a decisive sentence states ``pattern`` rather than asking the person for it
    ("salary expectations", "available start date")."""
    return any(not offers.ASKED.search(said.parts[i]) for i in said.hits(pattern))


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
    body = ph.casual(body[:READ_CHARS])
    # A reply's subject ("RE: Offer letter") is the earlier message's, not what this one says.
    replying = bool(REPLYING.match(subject))
    if replying:
        subject = ""
    said = Sentences(sentences(subject) + sentences(body))
    text = f"{subject}\n{body}"
    meeting = ph.MEETING_SAID
    # "Leider müssen wir den Termin absagen", "I regret to inform you that the interview must
    # be rescheduled": a meeting called off or moved, not the application
    rejected = any(not _meeting_moved(said.parts[i], meeting)
                   and not soft.ASIDE.search(said.parts[i]) for i in said.first_hits(no.REJECTION))
    # "sorry für die kurzfristige Absage ... auf Dienstag verschieben", with the new
    # invitation attached: a meeting moved, not the application turned down
    rejected = rejected and not (calendar is not None and not cancelled
                                 and said.any(ph.RESCHEDULE))
    # "I'm travelling Monday, could you do Wednesday?" is a person, not an auto-reply: an
    # auto-reply never invites.
    if om.AUTO_REPLY.search(subject) or (
            not rejected and said.any(om.AUTO_REPLY_BODY, within=6)
            and not (person and said.any(ph.INVITE, firm=True))):
        return Meaning(None, 0.0)
    promised = _promised(said, sent.date())
    # an acknowledgement's "we aim to reply within two weeks" is boilerplate, not a promise:
    # only a day it names is one ("you will hear from us by Friday 16 October")
    named_promise = promised and _promised(said, sent.date(), named=True)
    if rejected or (
            said.any(soft.KEPT_ON_FILE) and said.any(soft.GOOD_WISHES)
            and not said.any(ph.INVITE, firm=True) and not said.any(ack.ACKNOWLEDGEMENT)):
        # a no decides: "I'll be in touch next week" beside it is about other roles
        return Meaning(REJECTION, 0.95 if rejected else 0.8)
    if any(not ph.NEXT_STAGE.search(said.parts[i])
           and not (offers.AFTER_OFFER.search(said.parts[i])
                    and not offers.ON_CONDITION.search(said.parts[i]))
           and not soft.NOT_AN_OFFER.search(said.parts[i]) for i in said.hits(offers.OFFER)) or (
            _told(said, offers.PAY) and _told(said, offers.START)):
        # the decision an offer waits for is the person's, whatever day it names
        return Meaning(OFFER, 0.9)
    moved = said.any(ph.RESCHEDULE) and bool(meeting.search(text) or _MOVED.search(text))
    called_off = cancelled or any(meeting.search(said.parts[i]) for i in said.hits(ph.CANCEL))
    # called off and moved to a day still to be found ("we will be in touch to find a new
    # time"): the day called off is gone, none is set yet
    moved = moved and (not called_off or calendar is not None or interview_time(
        [p for p in said.decisive() if not ph.CANCEL.search(p)], sent, moved=True,
        dayfirst=day_first(text)) is not None)
    if called_off and not (moved or (calendar is not None and not cancelled)):
        # a decision promised beside it ("whether the role reopens by Friday 4 December"), not
        # the day called off ("your interview on 12 November has been cancelled")
        kept = [part for part in said.parts if not ph.CANCEL.search(part)
                and not ph.RESCHEDULE.search(part)]
        return Meaning(CANCELLED, 0.9, promised=promised and _promised(Sentences(kept),
                                                                        sent.date()))
    if calendar is None and not moved and said.any(om.JOB_ALERT, within=6):
        return Meaning(None, 0.0)  # openings listed for the person: about no application
    invited = calendar is not None or moved or any(
        not cond.HEDGE.search(said.parts[i])
        and not _THANKS.search(_THANKS_FOR_APPLYING.sub("", said.parts[i]))
        and not aw.ONE_WAY.search(said.parts[i])  # answers recorded alone: an assessment
        for i in said.hits(ph.INVITE)) or _laid_out(said, text, sent)
    screening = said.any(ph.SCREENING)
    if invited:
        when = calendar or interview_time(said.decisive(), sent, moved=moved,
                                          dayfirst=day_first(text))
        sure = 0.95 if calendar is not None else 0.9
        return Meaning(INTERVIEW, sure, interview_at=when, promised=promised,
                       screening=screening)
    # "hemos recibido una solicitud para cambiar la contraseña": an account's notice
    acknowledged = said.any(ack.ACKNOWLEDGEMENT) and not (
        said.any(om.TRANSACTIONAL, within=4) and not said.any(ph.OWN_APPLICATION, within=3))
    if any(not cond.HEDGE.search(said.parts[i]) and aw.ASSESSMENT_ASK.search(said.parts[i])
           and not aw.DONE.search(said.parts[i]) for i in said.hits(aw.ASSESSMENT)) or (
            platform and any(aw.ASSESSMENT_ASK.search(said.parts[i])
                             for i in said.hits(aw.QUESTIONNAIRE))):
        return Meaning(ASSESSMENT, 0.9, promised=promised)
    if said.any(ack.UNFINISHED, within=3) and not person:
        return Meaning(None, 0.0)  # an application begun, not sent: a site's reminder
    if board or said.any(ph.NOTICE, within=4) and not person:
        if said.any(ph.NOTICE):
            return Meaning(NOTICE, 0.9, promised=promised)
        if acknowledged or any(i < 3 for i in said.hits(ph.OWN_APPLICATION, decisive=False)):
            return Meaning(ACKNOWLEDGEMENT, 0.9, promised=named_promise)
        return Meaning(None, 0.0)
    if acknowledged:
        # "Thanks for your interest" from a person answering in a thread, or speaking for
        # herself, is a reply; from a machine, an acknowledgement.
        if person and not automatic and (replying or _PERSONAL.search(body)):
            return Meaning(REPLY, 0.8, promised=promised)
        if not automatic and from_company and said.any(ph.REQUEST_INFO):
            return Meaning(REPLY, 0.75, promised=promised)
        return Meaning(ACKNOWLEDGEMENT, 0.9, promised=named_promise)
    if automatic or platform or not from_company or om.BULK_BODY.search(body) or (
            said.any(om.TRANSACTIONAL, within=4) and not said.any(ph.OWN_APPLICATION, within=3)
            and not (person and replying)):  # a person answering may name an invoice
        return Meaning(None, 0.0)  # a machine's, a list's, a receipt: no answer to anyone
    return Meaning(REPLY, 0.8 if person else 0.75, promised=promised)


def _meeting_moved(part: str, meeting: re.Pattern[str]) -> bool:
    """Whether the words of a no in ``part`` speak of a meeting called off or moved rather
    than of the application (read around the no itself, not across a page of text)."""
    found = no.REJECTION.search(part)
    near = part[max(0, found.start() - 200):found.end() + 200] if found else part[:400]
    return bool((ph.CANCEL.search(near) or ph.RESCHEDULE.search(near)) and meeting.search(near))


def _laid_out(said: Sentences, text: str, sent: dt.datetime) -> bool:
    """An interview laid out as a form ("Interview details / Date: Thursday, 26 November /
    Time: 9:30", a booking page's "Date/Time: 3:00pm, Thursday, November 19"): a day line
    naming a day to come, in a message about an interview."""
    # "those who pass will be invited to an interview" lays out the exam, not an interview
    return any(ph.INTERVIEW_WORD.search(part) and not cond.HEDGE.search(part)
               for part in said.parts) and any(
        dw.DAY_LABEL.match(part) for part in said.parts) and interview_time(
        said.decisive(), sent) is not None


def promised_decision(text: str, on: dt.date) -> dt.date | None:
    """The day a message says a decision will come by ("we expect to decide by Friday,
    November 6", "you will hear from us within two weeks", "bis spätestens Freitag"), counted
    from ``on``; never a deadline set for the person, nor a silence that means no.

    >>> promised_decision("We expect to decide by Friday, November 6.", dt.date(2026, 10, 28))
    datetime.date(2026, 11, 6)
    >>> promised_decision("Thanks!", dt.date(2026, 10, 28)) is None
    True
    """
    return _promised(Sentences(sentences(text)), on)


def _promised(said: Sentences, on: dt.date, *, named: bool = False) -> dt.date | None:
    """The day of the first promise whose time frame ends on or after ``on``; with ``named``,
    only a promise that names its day."""
    # a promise needs its time in the same sentence: the shorter table is searched first
    for i in said.hits(dw.PROMISE_TIME):
        part = said.parts[i]
        promise = next((p for p in dw.PROMISE.finditer(part)
                        if not _BEFORE_IT.search(part[:p.start()])), None)
        if not promise or dw.THEIR_DEADLINE.search(part) or om.AUTO_REPLY.search(part) or \
                _KEPT_PROMISE.search(part[:promise.start()]):
            continue
        times = list(dw.PROMISE_TIME.finditer(part))
        if not times:
            continue
        # the time the promise's own clause gives, not one a page further on ("I promised you
        # an answer today: the budget waits for our CFO, who starts next week")
        near = [t for t in times if -_PROMISE_REACH <= t.start() - promise.end() <= _PROMISE_REACH]
        after = [t for t in near if t.start() >= promise.start()]
        # the time after the promise first, then one before it ("bis zum 20. November
        # entscheiden ... und melden uns bis dahin": "bis dahin" names no day)
        for time in after + [t for t in near if t not in after]:
            frame = part[time.start():time.start() + _PROMISE_REACH]
            if (named and not dates_in(frame, on)) or _AFTER_ANOTHER_DAY.match(frame):
                break
            end = frame_end(frame, on)
            # a day gone by, named without its year ("further to your interview on 22
            # October"), is no promise for next year's
            if end is not None and on <= end <= on + _PROMISE_HORIZON:
                return end
            if end is not None:
                break
    return None


def sent_meaning(subject: str, body: str, *, after_rejection: bool, after_interview: bool,
                 attachments: list[str], after_offer: bool = False,
                 sent: dt.datetime | None = None) -> Meaning:
    """The meaning of a message the person sent to an employer: withdrawing, declining or
    accepting an offer, the thanks after a rejection, the thank-you after an interview (in
    everyday words too: "so glad we got to talk this morning"), the follow-up, or the
    application itself. After an offer, words that neither accept nor decline it as the reader
    knows them (thanks only, a follow-up, nothing it can place) answer the offer all the same:
    ``SENT_ANSWER``, how not known."""
    body = ph.casual(body[:READ_CHARS])
    # A reply's subject ("Re: Thank you for the interview") is the earlier message's.
    replying = bool(REPLYING.match(subject))
    parts = _decisive(([] if replying else sentences(subject)) + sentences(body))
    # after an offer, "I've accepted a role elsewhere, so I must decline" declines it
    declined = _any(ow.SENT_DECLINE, parts)
    if _any(ow.SENT_WITHDRAW, parts) and not (after_offer and declined):
        return Meaning(SENT_WITHDRAW, 0.9)
    if declined:
        return Meaning(SENT_DECLINE, 0.9)
    # accepting after a no with no offer since accepts something else ("votre proposition de
    # retour téléphonique")
    if _any(ow.SENT_ACCEPT, parts) and (after_offer or not after_rejection and re.search(
            r"(?i)offer|angebot|zusage|offre|proposition|propuesta|aanbod|voorstel|"
            r"tilbud|erbjudande|proposta|nabíd|ofert", subject + body)):
        return Meaning(SENT_ACCEPT, 0.9)
    applying = any(re.search(r"(?i)\b(?:cv|resume|résumé|lebenslauf|curriculum)\b", name)
                   for name in attachments)
    if not after_interview and not after_rejection and _any(ow.SENT_APPLY, parts):
        return Meaning(SENT_APPLICATION, 0.8)
    follow = [i for i, p in enumerate(parts) if ow.SENT_FOLLOW_UP.search(p)]
    if not after_interview and not after_rejection and not follow and not replying and (
            applying or ow.SENT_APPLICATION.search(subject)):
        return Meaning(SENT_APPLICATION, 0.85 if applying else 0.75)
    # work handed in, a slot taken or a meeting moved: its thanks are no note after a meeting
    courtesy = _any(ow.NOT_A_NOTE, parts) or (sent is not None and slot_chosen(parts, sent))
    # thanks for the consideration close a follow-up; beside them, thanks for the talk are a
    # note all the same ("thank you for considering me and for taking the time to speak")
    thanks = [] if courtesy else [i for i, p in enumerate(parts)
                                  if ow.SENT_THANKS.search(_CONSIDERED.sub("", p))]
    if after_rejection and (thanks or _any(ow.SENT_REJECTION_THANKS, parts)):
        return Meaning(SENT_REJECTION_THANKS, 0.9)
    answered = Meaning(SENT_ANSWER, 0.6) if after_offer else None
    if courtesy:  # "I won't be able to make our call; would Thursday work?" asks, not chases
        follow = []
    if thanks and (not follow or thanks[0] <= follow[0]):
        return answered or Meaning(SENT_THANK_YOU, 0.9 if after_interview else 0.8)
    if follow:
        return answered or Meaning(SENT_FOLLOW_UP, 0.85)
    if (ow.SENT_APPLICATION.search(subject) and not replying) or (
            not after_interview and _any(ow.SENT_APPLICATION, parts)):
        return Meaning(SENT_APPLICATION, 0.75)
    if after_interview and sent is not None:
        chosen = slot_chosen(parts, sent)
        if chosen is not None:
            return Meaning(SENT_SLOT, 0.85, interview_at=chosen)
    return answered or Meaning(None, 0.0)


