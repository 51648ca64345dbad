"""The second pass of a scan: each message tied to an application (or that may be) read
whole, in date order, and turned into evidence: what it means, who sent it, which
application it concerns, and the days it names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from analysis.mail import learned
from analysis.mail import meaning as mm
from analysis.mail import message as msg
from analysis.mail import other_mail as om
from analysis.mail import phrases as ph
from analysis.mail.domains import domain_of, in_domains, is_ats
from analysis.mail.matching import BOARD_DOMAINS, Index
from analysis.mail.newapps import company_of, tracked_already
from analysis.mail.proposals import SNIPPET, pick_application
from analysis.mail.senders import FREE_MAIL, is_board, is_person, is_platform
from analysis.model import schema as s
from analysis.model.keys import fold

EVIDENCE_COLUMNS = ["message_id", "date", "direction", "kind", "confidence", "rows", "how",
                    "sender", "subject", "snippet", "interview_at", "promised", "screening",
                    "sender_name", "sender_address", "person", "why"]


@dataclass(frozen=True)
class Words:
    """What the reader takes from a whole message: its own words (the opening that is read),
    its calendar invitation (start, METHOD, organiser) and its attachments' names."""

    body: str
    event: tuple[dt.datetime, str, str] | None
    attachments: list[str]

    @classmethod
    def of(cls, raw: bytes) -> Words | None:
        """The words of a message's bytes; None when it cannot be decoded."""
        try:
            message = msg.full(raw)
            return cls(msg.body_text(message, limit=KEPT_CHARS), msg.calendar_event(message),
                       msg.attachment_names(message))
        except Exception:  # a message that cannot be decoded says nothing
            return None

    @property
    def size(self) -> int:
        return len(self.body) * 4 + 256


KEPT_CHARS = 8_000  # of a message's own words (the reader weighs the first 4,000)


@dataclass
class Candidate:
    """A message the header pass kept: how to get it whole, and what its headers said."""

    fetch: Callable[[], bytes]
    size: int
    message_id: str
    sender: tuple[str, str]
    recipients: list[tuple[str, str]]
    subject: str
    date: dt.datetime | None
    labels: str
    rows: list[int]
    how: str  # domain, contact, ats, platform, board, subject, thread
    automatic: bool
    references: list[str] = field(default_factory=list)
    words: Words | None = None  # read already (the whole message was in hand)

    def read(self) -> Words | None:
        """The message's words: those read already, else fetched and read now."""
        if self.words is not None:
            return self.words
        try:
            raw = self.fetch()
        except Exception:  # a source that cannot hand the message over
            return None
        return Words.of(raw)


def read_candidates(candidates: list[Candidate], index: Index, me: str | None
                    ) -> pd.DataFrame:
    """What each candidate message means and which application it concerns (one row of
    evidence per message that means something), oldest first."""
    records = []
    ordered = sorted(candidates, key=lambda c: c.date or dt.datetime.min.replace(tzinfo=dt.UTC))
    seen: dict[str, dict[int, dt.datetime]] = {"rejected": {}, "interviewed": {}, "offered": {}}
    rows_of: dict[str, list[int]] = {}
    heard: dict[str, set[int]] = {}  # the applications each sender wrote about already
    for candidate in ordered:
        if candidate.date is None:
            continue
        outgoing = me is not None and candidate.sender[1] == me
        earlier: set[int] = set()
        if candidate.how == "sender":
            # mail tied to nothing, from a person who wrote about one application already, or
            # the person's own to one: about that application, unless it names another
            earlier = _written_about(candidate, heard, outgoing)
            if len(earlier) != 1 or not (outgoing or _own_person(candidate.sender)):
                continue
            candidate.rows = sorted(earlier)  # tied, to be read
        words = candidate.read()
        if words is None:
            continue
        body, event = words.body, words.event
        if earlier and not _about_a_job(f"{candidate.subject}\n{body}", index, sorted(earlier),
                                        mine=outgoing):
            continue
        rows = _rows(candidate, index, body, event, rows_of)
        text = f"{candidate.subject}\n{body}"
        if not rows and not outgoing and candidate.how == "subject" and event is not None \
                and _own_person(candidate.sender):
            # an agency's recruiter's calendar naming no client ("Peruttu: Haastattelu Senior
            # Data Analyst"): the one application she wrote about, when its role is named
            earlier = _written_about(candidate, heard, outgoing)
            if len(earlier) == 1 and _names_role(text, index, sorted(earlier)):
                rows = sorted(earlier)
        person = not outgoing and candidate.how not in ("ats", "platform", "board") \
            and not candidate.automatic and is_person(*candidate.sender) \
            and not is_ats(domain_of(candidate.sender[1]))  # a system copying the recruiter
        # whom the message is from, or to, that wrote before: a person, never a system
        writers = [a for _, a in candidate.recipients] if outgoing else (
            [candidate.sender[1]] if person else [])
        picked, why = (_pick(candidate, candidate.date, index, rows, text, rows_of,
                             set().union(*(heard.get(a, set()) for a in writers)))
                       if rows else ([], ""))
        if outgoing:
            # what the person answers: the application the message is about, not every one
            # its address could be
            def after(kind: str, rows: list[int] = picked, when: dt.datetime = candidate.date
                      ) -> bool:
                return any(r in seen[kind] and seen[kind][r] <= when for r in rows)

            meaning = mm.sent_meaning(candidate.subject, body,
                                      after_rejection=after("rejected"),
                                      after_interview=after("interviewed"),
                                      after_offer=after("offered"),
                                      attachments=words.attachments, sent=candidate.date)
            meaning = learned.own_opinion(meaning, candidate.subject, body,
                                          after_rejection=after("rejected"),
                                          after_offer=after("offered"))
        else:
            board = is_board(candidate.sender[1])
            platform = is_platform(candidate.sender[1])
            meaning = mm.received_meaning(
                candidate.subject, body, sent=candidate.date,
                calendar=event[0] if event and event[1] != "CANCEL" else None,
                cancelled=bool(event and event[1] == "CANCEL"),
                automatic=candidate.automatic or candidate.how == "ats",
                from_company=candidate.how in ("domain", "contact", "thread") or person,
                person=person, board=board, platform=platform)
            if event and event[1] == "CANCEL" and meaning.kind == mm.INTERVIEW and (
                    meaning.interview_at is None
                    or meaning.interview_at.date() == event[0].date()):
                # "we'll find a new date": the slot called off is named, no new one
                meaning = mm.Meaning(mm.CANCELLED, 0.9)
            elif not (event and event[1] == "CANCEL") or meaning.kind != mm.CANCELLED:
                # a calendar's cancellation is sure; its words may still say more or less
                # ("leider muss ich Ihnen mitteilen": the interview, or the application?)
                meaning = learned.second_opinion(meaning, candidate.subject, body, person=person)
            meaning = learned.promised_day(meaning, candidate.subject, body,
                                           candidate.date.date())
            if event is None:  # a calendar's day is sure
                meaning = learned.interview_day(meaning, candidate.subject, body,
                                                candidate.date)
        # mail from the company's side that answers nothing the person wrote and names no
        # job may be its other mail: its product, its events, its shop's "unfortunately your
        # payment could not be processed"
        unasked = not outgoing and event is None and not _answers(candidate, rows_of) \
            and not heard.get(candidate.sender[1], set()) & set(rows)
        if meaning.kind is None or unasked and (
                meaning.kind in (mm.REPLY, mm.INTERVIEW) and candidate.how in ("domain", "subject")
                and not _about_a_job(text, index, rows, mine=meaning.kind == mm.REPLY)
                and not _asks_to_meet(meaning, person, text)
                or not person and meaning.kind in _DECISIVE and candidate.how == "domain"
                and not _about_a_job(text, index, rows, mine=False)):
            continue
        if not outgoing and candidate.how == "subject" and in_domains(
                domain_of(candidate.sender[1]), FREE_MAIL) and meaning.kind not in _DECISIVE:
            continue  # a personal address naming the company: only its decisive word counts
        if not rows and not outgoing and not person and candidate.how == "subject" \
                and meaning.kind in _DECISIVE and not is_board(candidate.sender[1]):
            # a public recruiting portal's step names the vacancy, not the employer (a
            # person elsewhere may name the same title for her own organisation)
            rows = picked = _by_role(candidate, text, index)
            candidate.how = "role" if rows else candidate.how
        if not rows and meaning.kind != (mm.SENT_APPLICATION if outgoing
                                         else mm.ACKNOWLEDGEMENT):
            continue  # only an acknowledgement or one's own application tells of a new one
        rows = picked
        rows_of[candidate.message_id] = rows
        if not outgoing:
            heard.setdefault(candidate.sender[1], set()).update(rows)
        for r in rows:
            if meaning.kind == mm.REJECTION:
                seen["rejected"].setdefault(r, candidate.date)
            if meaning.kind in (mm.INTERVIEW, mm.ASSESSMENT):
                seen["interviewed"].setdefault(r, candidate.date)
            if meaning.kind == mm.OFFER:
                seen["offered"].setdefault(r, candidate.date)
        snippet = re.sub(r"\s+", " ", body).strip()[:SNIPPET]
        records.append({
            "message_id": candidate.message_id, "date": candidate.date,
            "direction": "sent" if outgoing else "received", "kind": meaning.kind,
            "confidence": meaning.confidence, "rows": rows, "how": candidate.how,
            "sender": f"{candidate.sender[0]} <{candidate.sender[1]}>".strip(),
            "subject": candidate.subject[:300], "snippet": snippet,
            "interview_at": meaning.interview_at, "promised": meaning.promised,
            "screening": meaning.screening, "sender_name": candidate.sender[0],
            "sender_address": candidate.sender[1], "person": person, "why": why,
            "text": text[:3000],
            "recipient_name": candidate.recipients[0][0] if candidate.recipients else "",
            "recipient_address": candidate.recipients[0][1] if candidate.recipients else "",
        })
    return pd.DataFrame(records, columns=[*EVIDENCE_COLUMNS, "text", "recipient_name",
                                          "recipient_address"])


_DECISIVE = (mm.INTERVIEW, mm.REJECTION, mm.OFFER, mm.ASSESSMENT, mm.CANCELLED)


def _by_role(candidate: Candidate, text: str, index: Index) -> list[int]:
    """The application whose whole role title a system's mail names, when the mail names no
    other company ("Reporting Analyst at Pōhutukawa Health" is someone else's)."""
    # the company the words name, not the portal writing ("Werken voor Vlaanderen")
    if om.BULK_BODY.search(text):
        return []  # a newsletter's news of a competition, not the person's own step
    other = company_of({"subject": candidate.subject, "text": text, "direction": "received",
                        "sender_address": "", "sender_name": ""})
    tracked = [str(c) for c in index.apps[s.COMPANY].dropna()]
    if other and not tracked_already(other, tracked):
        return []
    return index.role_rows(text)


# What a company's person asks a customer or a guest to: its product, its events.
_NOT_HIRING = re.compile(r"(?i)\b(?:webinar|demo|product|event|meetup|conference|workshop|"
                         r"launch|customer|account|subscription|trial|onboarding|pricing|"
                         r"renewal|invoice|order|partnership|sponsor\w*|newsletter|podcast)\b")


def _asks_to_meet(meaning: mm.Meaning, person: bool, text: str) -> bool:
    """Whether a person at the company asks the person to meet on a day and time, about
    nothing a customer or a guest is asked to ("do you have 30 min next wed at 10:30 for a
    chat?" from a hiring manager who names no job)."""
    return person and meaning.kind == mm.INTERVIEW and meaning.interview_at is not None \
        and not _NOT_HIRING.search(text)


def _own_person(sender: tuple[str, str]) -> bool:
    """Whether a sender is a person writing from her own address, not a calendar's, a
    board's or a platform's that many people's mail comes from."""
    domain = domain_of(sender[1])
    return is_person(*sender) and not (is_ats(domain) or is_platform(sender[1])
                                       or is_board(sender[1]) or in_domains(domain, BOARD_DOMAINS))


def _written_about(candidate: Candidate, heard: dict[str, set[int]], outgoing: bool
                   ) -> set[int]:
    """The applications the people a message is from (or, the person's own, to) wrote about
    before."""
    addresses = [a for _, a in candidate.recipients] if outgoing else [candidate.sender[1]]
    return set().union(*(heard.get(a, set()) for a in addresses))


def _answers(candidate: Candidate, rows_of: dict[str, list[int]]) -> bool:
    """Whether a message answers one read before (its thread); a "Re:" alone, which sales
    follow-ups write too, is no answer."""
    return any(r in rows_of for r in candidate.references)


def _about_a_job(text: str, index: Index, rows: list[int], *, mine: bool) -> bool:
    """Whether a message speaks of a job search (an application, an interview, in any of the
    reader's languages; the person's ``mine``, for a mere reply) or names the role of one of
    ``rows`` (every word of it: "Data Analyst", not "analytics" in a webinar's title)."""
    if (ph.OWN_APPLICATION.search(text) or ph.INTERVIEW_WORD.search(text)) if mine else \
            om.APPLICATION_WORDS.search(text):
        return True
    return _names_role(text, index, rows)


def _names_role(text: str, index: Index, rows: list[int]) -> bool:
    """Whether a text names the role of one of ``rows``: every word of it of three letters or
    more ("Data Analyst", not "analytics")."""
    said = set(fold(text).split())
    return any(name <= said for r in rows for name in role_names(index.apps.at[r, s.ROLE]))


def role_names(role: object) -> list[set[str]]:
    """The words that name a role, three letters or more each: all of them, or, for a role
    with another name in brackets ("Vorständin Finanzen (CFO)"), those of either name (an
    acronym, or two words at least)."""
    if not isinstance(role, str):
        return []
    names = [{w for w in fold(role).split() if len(w) >= 3}]
    if "(" in role:
        for part in re.split(r"[()]", role):
            words = {w for w in fold(part).split() if len(w) >= 3}
            if len(words) >= 2 or re.fullmatch(r"\s*[A-Z][A-Z&]{1,5}\s*", part):
                names.append(words)
    # a German feminine title names the role in any form ("Projektleiterin" for
    # "Projektleiter/in", "Projektleiter:in", "Projektleiter (m/w/d)")
    names += [{w[:-2] if w.endswith("in") and len(w) >= 8 else w for w in name}
              for name in names if any(w.endswith("in") and len(w) >= 8 for w in name)]
    return [name for name in names if name]


def _pick(candidate: Candidate, when: dt.datetime, index: Index, rows: list[int], text: str,
          rows_of: dict[str, list[int]], known: set[int]) -> tuple[list[int], str]:
    """The application a message is about among ``rows``, and why none could be told apart;
    when the words tell none apart, the thread may."""
    # a reply in a thread is about the thread's application, whatever words it shares with
    # another role at the same company
    earlier = next((rows_of[r] for r in reversed(candidate.references) if rows_of.get(r)), [])
    if len(earlier) == 1 and set(earlier) <= set(rows):
        # unless its subject names another of the company's roles ("offer - design engineer"
        # in the thread of the frontend role's no)
        titled, why = pick_application(index.apps, rows, candidate.subject, when)
        return (titled if not why and titled and titled != earlier else earlier), ""
    picked, why = pick_application(index.apps, rows, text, when, known)
    if why and earlier and set(earlier) <= set(rows):
        picked, why = earlier, ""
    return picked, why


def _other_role(role: object, subject: str) -> bool:
    """Whether a subject names a role like ``role`` but not it: the role's last word (its
    kind: analyst, engineer) without all of its other words."""
    words = fold(role).split() if isinstance(role, str) else []
    said = set(fold(subject).split())
    if len(words) >= 2 and words[-1] in said and not any(
            name <= said for name in role_names(role)):
        return True
    # the same words a rank apart ("Lead Platform Engineer" for a Platform Engineer)
    ranked = _RANKED.search(fold(subject) + " ")
    if ranked is None:
        return False
    return not set(fold(ranked.group(1)).split()) & set(words) and any(
        name <= set(fold(ranked.group(2)).split()) for name in role_names(role))


_RANKED = re.compile(r"\b(senior|lead|principal|head of|staff|junior|chief|associate|"
                     r"director of|vp of|vp|sr|jr)\s+((?:\w+\s+){1,4})")


def _rows(candidate: Candidate, index: Index, body: str,
          event: tuple[dt.datetime, str, str] | None, rows_of: dict[str, list[int]]
          ) -> list[int]:
    """The applications a message may concern, now that its words can be read: those its
    headers tied it to; for a tracking system, a platform or a job board, the company it
    names (its display name, subject or body); for an agency's recruiter, the client it
    names, else the contact's applications whose kind of role the subject does not give to
    another; else the calendar invitation's organiser;
    else the thread it answers."""
    rows = candidate.rows
    heading = f"{candidate.sender[0]}\n{candidate.subject}"
    if candidate.how in ("ats", "platform", "board", "subject", "sender") or not rows:
        named = index.named_in(heading)
        if named and not index.says_whole(heading, named):
            # the first words of one name in the heading ("Civil Service Jobs"), another
            # tracked name whole in the body ("with the Office for Regional Statistics")
            whole = index.named_in(body[:3000], short=False)
            if whole and whole != named and index.says_whole(body[:3000], whole):
                named = whole
        rows = named or index.named_in(body[:3000], short=False) or rows
    elif candidate.how in ("domain", "contact") and any(
            index.is_agency(address) for _, address in [candidate.sender, *candidate.recipients]):
        # An agency recruits for several clients: its mail is about the client it names, and
        # not about this one when it names another role of the same kind ("Data Analyst"
        # for a tracked "Reporting Analyst").
        named = index.named_in(heading) or index.named_in(body[:3000], short=False)
        held = set(index.by_contact.get(candidate.sender[1], [])) & set(named)
        # the client named, and of its applications those this recruiter is the contact for
        # (not the one its own team handles)
        rows = sorted(held) or named or [
            r for r in rows if not _other_role(index.apps.at[r, s.ROLE], candidate.subject)]
        if not held and not any(address in index.by_contact or index.by_domain(address)
                                for _, address in [candidate.sender, *candidate.recipients]):
            # a firm the tracker names only as an application's source writes of its other
            # searches too ("a step up from the Marlow & Finch role"): its mail is about the
            # client it names or the application whose role its subject names (else the
            # thread it answers, below), never when the subject names another role
            titled = index.named_in(heading)
            rows = [r for r in rows if r in titled or (
                (r in named or _names_role(candidate.subject, index, [r]))
                and not _other_role(index.apps.at[r, s.ROLE], candidate.subject))]
            if not rows:
                candidate.how = "subject"  # a portal's: the vacancy its words name, if any
    if not rows and event is not None and event[2]:
        organiser = event[2]
        rows = index.by_contact.get(organiser, []) or (
            [] if in_domains(domain_of(organiser), FREE_MAIL) else index.by_domain(organiser))
    if not rows:
        rows = next((rows_of[r] for r in reversed(candidate.references) if rows_of.get(r)), [])
    return rows
