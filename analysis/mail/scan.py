"""Replies from the mailbox: the facts a tracker is missing (replies, rejections, interviews,
thank-you notes sent, promised decision dates), found in an exported mailbox and proposed for
review. Nothing changes until the user accepts a proposal (``apply_proposals``).

The scan streams the mailbox once. From the headers alone it skips bulk mail (job alerts,
newsletters, marketing: List-Unsubscribe, Precedence: bulk, alert senders, spam) and keeps
the messages that may concern an application: a sender or recipient at a tracked company's
domain or job-link domain, the contact's address, an applicant tracking system's sender, or a
reply in a thread the user took part in. Only those are decoded and read (``mailmeaning``);
attachments never are, calendar invitations aside. Nothing here modifies the frames it is
given, and the mailbox itself is only read.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from analysis.mail import ack_words as ack
from analysis.mail import mailbox as mb
from analysis.mail import message as msg
from analysis.mail import other_mail as om
from analysis.mail import phrases as ph
from analysis.mail.domains import domain_of, in_domains, is_ats
from analysis.mail.matching import (
    ALERT_ADDRESS,
    BOARD_DOMAINS,
    Index,
    is_bulk,
    match,
    message_ids,
)
from analysis.mail.proposals import propose
from analysis.mail.reading import Candidate, read_candidates
from analysis.mail.senders import (
    AUTOMATIC_ADDRESS,
    FREE_MAIL,
    is_auto_reply,
    is_board,
    is_person,
    is_platform,
)

MAX_KEPT_BYTES = 400 * 1024 * 1024  # bytes of candidate messages held for reading
MAX_THREAD_BYTES = 100 * 1024 * 1024  # bytes of possible thread replies held
PROGRESS_SECONDS = 0.25  # between two progress reports, whatever is being read


class ScanCancelled(Exception):
    """The user stopped the scan."""


@dataclass(frozen=True)
class ScanProgress:
    """Where a scan stands: messages read, bytes read of the source, its size, seconds."""

    messages: int
    position: int
    size: int
    seconds: float

    @property
    def share(self) -> float:
        return min(self.position / self.size, 1.0) if self.size else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.position / 1e6 / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class MailScan:
    """What a mailbox scan found: ``proposals`` (one row per proposed change, see
    ``PROPOSAL_COLUMNS``), ``stats`` (messages read, matched, skipped as bulk, unreadable,
    seconds), the user's own address ``me`` (given or inferred), and ``evidence``: every
    message read and what it meant, for checking."""

    proposals: pd.DataFrame
    stats: dict[str, float]
    me: str | None
    evidence: pd.DataFrame = field(default_factory=pd.DataFrame)


@dataclass(frozen=True)
class Envelope:
    """One message as a source of mail hands it to the scan: its header block (``head``; the
    whole message will do), a way to get the whole message (``fetch``, called only for the
    messages worth reading: those tied to an application, and replies in their threads), its
    size in bytes (0 when unknown), and a name to know it by when it has no Message-ID.
    ``skipped`` names why a source could not hand a message over ("not mail", "unreadable");
    its other fields are then empty."""

    head: bytes
    fetch: Callable[[], bytes]
    size: int = 0
    where: str = ""
    skipped: str = ""


def scan_mailbox(source: mb.MailSource | mb.MailSources, applications: pd.DataFrame,
                 *, as_of: dt.date | None = None, me: str | None = None,
                 progress: Callable[[ScanProgress], bool | None] | None = None) -> MailScan:
    """Read a mailbox and propose what the tracker is missing.

    ``source`` is an mbox file, ``.eml`` or ``.msg`` files, a zip of them, or a folder (a
    path, bytes, a binary file object, or a list of them). Each proposal names the
    application (``row``, its index label in ``applications``; missing for an application
    the tracker does not hold yet), a canonical ``column`` and its ``value``, what the mail
    meant (``kind``), a ``confidence`` (0-1) and the evidence (``message_date``, ``sender``,
    ``subject``, a ``snippet`` of at most 200 characters, ``message_id``). There is at most
    one proposal per application and column: the net effect of the evidence. Nothing is
    proposed that the tracker already holds.

    ``me`` is the user's own address; without it, it is inferred (the Sent label of a Google
    Takeout mailbox, else the most common recipient). ``progress`` is called with a
    ``ScanProgress`` every quarter of a second while anything is read, a single huge message
    included; returning False stops the scan (``ScanCancelled``) within that time. Files in a
    folder or an archive that are not mail are skipped and counted (``stats["not mail"]``).
    ``as_of`` leaves out messages dated after it (without it, none is left out for its date).
    """
    started = time.perf_counter()
    counts = {"messages": 0, "size": 0}
    last_report = started

    def report(position: int, source_size: int) -> None:
        """Tell ``progress`` where the scan stands, every PROGRESS_SECONDS while anything
        is read (one huge message included), and stop when it says so."""
        nonlocal last_report
        now = time.perf_counter()
        if progress is None or now - last_report < PROGRESS_SECONDS:
            return
        last_report = now
        if progress(ScanProgress(counts["messages"], position, source_size,
                                 now - started)) is False:
            raise ScanCancelled

    def envelopes() -> Iterator[Envelope]:
        """The mailbox's messages as envelopes, the whole message in hand."""
        for raw in mb.iter_messages(source, tick=report):
            counts["size"] = max(counts["size"], raw.size)
            report(raw.position, raw.size)
            if raw.skipped:
                yield Envelope(b"", bytes, skipped=raw.skipped)
                continue
            counts["messages"] += 1
            data = raw.data
            yield Envelope(data, lambda data=data: data, len(data),  # type: ignore[misc]  # bound now, read later
                           f"<{raw.source}:{raw.position}>")
        if progress is not None:  # the last word: every message read
            progress(ScanProgress(counts["messages"], counts["size"], counts["size"],
                                  time.perf_counter() - started))

    found = scan_envelopes(envelopes(), applications, as_of=as_of, me=me, read_now=True)
    found.stats["seconds"] = round(time.perf_counter() - started, 3)
    found.stats["bytes read"] = float(counts["size"])
    return found


def scan_envelopes(envelopes: Iterable[Envelope], applications: pd.DataFrame, *,
                   as_of: dt.date | None = None, me: str | None = None,
                   read_now: bool = False) -> MailScan:
    """The scan of any source of mail: a pass over the headers of ``envelopes`` (bulk mail
    skipped, the rest tied to applications by address, sender or thread), then a read of the
    whole messages tied to an application only (``Envelope.fetch`` is called for those and
    no other), then the proposals. ``scan_mailbox`` feeds it a mailbox file; a mail server's
    reader feeds it headers by UID and fetches bodies by UID.

    ``read_now``: a message its headers tie to an application is read as soon as they do,
    and only its words are kept, not its bytes (for a source whose envelopes hold the whole
    message already, as a mailbox file's do: attachments are then never held)."""
    started = time.perf_counter()
    index = Index.of(applications)
    stats = Counter({"messages read": 0, "matched": 0, "skipped as bulk": 0, "unreadable": 0})
    recipients: Counter[str] = Counter()
    senders_sent: Counter[str] = Counter()
    candidates: dict[str, Candidate] = {}
    maybe: list[Candidate] = []
    kept = thread_bytes = 0
    limit = dt.datetime.combine(as_of, dt.time.max, tzinfo=dt.UTC) if as_of else None
    for envelope in envelopes:
        if envelope.skipped:
            stats["not mail" if envelope.skipped == "not mail" else "unreadable"] += 1
            continue
        stats["messages read"] += 1
        if not envelope.head:
            stats["unreadable"] += 1
            continue
        try:
            head = msg.quick_headers(envelope.head)
            sender_list = msg.addresses(head, "From")
            to = msg.addresses(head, "To", "Cc", "Delivered-To")
        except Exception:  # a header block nothing can parse
            stats["unreadable"] += 1
            continue
        if not sender_list:
            stats["unreadable"] += 1
            continue
        sender = sender_list[0]
        labels = msg.header_text(head, "X-Gmail-Labels")
        for _, address in to:
            recipients[address] += 1
        if "sent" in [part.strip().lower() for part in labels.split(",")]:
            senders_sent[sender[1]] += 1
        subject = msg.header_text(head, "Subject")
        if is_auto_reply(head):
            continue
        if is_bulk(head, sender[1], labels) and not _about_own_application(sender, subject):
            stats["skipped as bulk"] += 1
            continue
        when = msg.sent_at(head)
        if when is not None and limit is not None and when > limit:
            continue
        message_id = msg.header_text(head, "Message-ID") or envelope.where
        automatic = bool(re.search(r"(?i)auto-(?:generated|replied)",
                                   msg.header_text(head, "Auto-Submitted"))) or bool(
            AUTOMATIC_ADDRESS.search(sender[1]))
        rows, how = match(index, sender, to)
        if not how:
            named = index.named_in(f"{sender[0]}\n{subject}")
            if named or _APPLICATION_SUBJECT.search(subject):
                rows, how = named, "subject"  # read to see which application it is about
        references = message_ids(msg.header_text(head, "In-Reply-To") + " "
                                  + msg.header_text(head, "References"))
        size = envelope.size or len(envelope.head)
        entry = Candidate(envelope.fetch, size, message_id, sender, to, subject, when, labels,
                           rows, how, automatic, references)
        if how:
            if read_now:
                entry.words = entry.read()
                entry.fetch = _read_already
                size = entry.words.size if entry.words is not None else 0
            if kept + size <= MAX_KEPT_BYTES:
                candidates[message_id] = entry
                kept += size
            continue
        personal = in_domains(domain_of(sender[1]), FREE_MAIL)
        # a person on a domain no tracked company's name gives may be tied below by it
        if (references or personal or is_person(*sender)) and size <= 512 * 1024 and \
                thread_bytes + size <= MAX_THREAD_BYTES:
            maybe.append(entry)
            thread_bytes += size
    # Replies in a thread with a message already tied to an application (a recruiter writing
    # from another address), whatever the order they came in; and the later mail of a hiring
    # manager writing from a personal address once one of hers was tied ("I'm so sorry").
    mine = me.lower() if me else _infer_me(senders_sent, recipients)
    by_sender = {c.sender[1]: c for c in candidates.values()
                 if c.rows and c.sender[1] != mine and in_domains(domain_of(c.sender[1]),
                                                                   FREE_MAIL)}
    # A domain whose sender's display name is a tracked company's ("Rijksdienst voor
    # Bodemdata - Recruitment" at rvbd.nl) is that company's: the person's own mail to it too.
    # So is one a tracked name opens ("Caju" at cajufintech.com.br) once a subject named it.
    by_domain: dict[str, Candidate] = {}
    for c in candidates.values():
        if _names_its_domain(c, index):
            by_domain.setdefault(domain_of(c.sender[1]), c)
    # A reference number in the subject of mail tied to one company's applications
    # ("351-BI-0914", "R-20417") is theirs: the person's own answer quoting it, a person
    # writing from a shared domain (nhs.net) under it.
    by_code = _references(candidates.values())
    for entry in [*maybe, *(c for c in candidates.values() if not c.rows)]:
        how = "thread"
        tied = next((candidates[r] for r in reversed(entry.references)
                     if r in candidates and candidates[r].rows), None)
        if tied is None:  # from or to a personal address already tied
            tied = next((by_sender[a] for a in (entry.sender[1], *(t[1] for t in entry.recipients))
                         if a in by_sender), None)
        if tied is None:  # from, or the person's own mail to, a domain learned above
            addresses = [a for _, a in entry.recipients] if entry.sender[1] == mine \
                else [entry.sender[1]]
            tied = next((by_domain[domain_of(a)] for a in addresses
                         if domain_of(a) in by_domain), None)
            how = "subject"  # read for the company it names
        if tied is None:
            rows = next((by_code[code] for code in reference_codes(entry.subject)
                         if code in by_code), [])
            if rows:
                entry.rows, entry.how = rows, "reference"
                candidates[entry.message_id] = entry
            elif entry.message_id not in candidates:
                entry.how = "sender"  # tied on reading, if its sender wrote before
                candidates[entry.message_id] = entry
            continue
        # an agency's domain gives no client: its message is read for the one it names
        own = how != "subject" or index.owns_domain(tied.rows, tied.sender)
        entry.rows, entry.how = (tied.rows if own else []), how
        candidates[entry.message_id] = entry
    evidence = read_candidates(list(candidates.values()), index, mine)
    # those tied before reading, and those a sender's earlier mail tied on reading
    stats["matched"] = sum(c.how != "sender" or bool(c.rows) for c in candidates.values())
    proposals = propose(evidence, applications)
    figures = {k: float(v) for k, v in stats.items()}
    figures["seconds"] = round(time.perf_counter() - started, 3)
    return MailScan(proposals=proposals, stats=figures, me=mine, evidence=evidence)


def _names_its_domain(candidate: Candidate, index: Index) -> bool:
    """Whether a message tied by the company it names speaks for its sender's domain: no mail
    service, board, tracking system or platform; the domain is the company's own, or a
    person there (an agency's recruiter) wrote a subject naming it."""
    sender = candidate.sender
    domain = domain_of(sender[1])
    if not candidate.rows or candidate.how != "subject" or in_domains(
            domain, FREE_MAIL | BOARD_DOMAINS) or is_ats(domain) or is_board(sender[1]) \
            or is_platform(sender[1]):
        return False
    if index.owns_domain(candidate.rows, sender):
        return True
    return is_person(*sender) and index.named_in(candidate.subject) == candidate.rows


# A requisition's or a vacancy's reference: five or more letters, digits and dashes, a digit
# among them ("351-BI-0914", "R-20417", "JR0012345", "1934417"); no date.
_CODE = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?:[A-Za-z0-9]+-)*[A-Za-z0-9]+(?![\w-])")
_DATE_LIKE = re.compile(r"^\d{1,4}-\d{1,2}(?:-\d{1,4})?$")


def reference_codes(subject: str) -> set[str]:
    """The reference numbers a subject gives ("351-BI-0914" of "Offer - 351-BI-0914 BI
    Analyst"), upper-cased; never a date, a year or a short number.

    >>> sorted(reference_codes("Invitation - 351-BI-0914 Business Intelligence (ref R-2041)"))
    ['351-BI-0914', 'R-2041']
    >>> reference_codes("Interview on 2026-11-04 at 10:00, Band 6, 2026")
    set()
    """
    codes = {found.group(0).upper() for found in _CODE.finditer(subject)}
    return {code for code in codes if len(code) >= 5 and not _DATE_LIKE.match(code)}


def _references(candidates: Iterable[Candidate]) -> dict[str, list[int]]:
    """The reference numbers in the subjects of mail tied to one company's applications, each
    to those applications (a number two companies' mail gives is no one's)."""
    owners: dict[str, set[tuple[int, ...]]] = {}
    for candidate in candidates:
        if candidate.rows and candidate.how != "subject":
            for code in reference_codes(candidate.subject):
                owners.setdefault(code, set()).add(tuple(sorted(candidate.rows)))
    return {code: list(rows.pop()) for code, rows in owners.items() if len(rows) == 1}


def _read_already() -> bytes:
    return b""


def _about_own_application(sender: tuple[str, str], subject: str) -> bool:
    """A job board's, a tracking system's or a platform's mail about the person's own
    application (sent, viewed, its status), kept though it is sent in bulk; alerts are not."""
    if not (is_board(sender[1]) or is_ats(domain_of(sender[1])) or is_platform(sender[1])):
        return False
    # "Groupe Hélianthe – Invitation à un entretien" relayed by a board: an invitation too,
    # not an alert's "Interview invitations at Initech"
    return bool(ph.OWN_APPLICATION.search(subject) or ack.ACKNOWLEDGEMENT.search(subject)
                or (ph.INVITE.search(subject) and ph.INTERVIEW_WORD.search(subject)
                    and not re.match(f"(?i){ALERT_ADDRESS}", sender[1])))


def _infer_me(sent: Counter[str], recipients: Counter[str]) -> str | None:
    if sent:
        return sent.most_common(1)[0][0]
    return recipients.most_common(1)[0][0] if recipients else None


# Subjects of mail about an application, read even when the sender is not a tracked company:
# an acknowledgement from a company the tracker does not hold proposes a new application.
_APPLICATION_SUBJECT = re.compile(
    r"(?i)\b(?:your application|application|applying|interview|offer|bewerbung|"
    r"eingangsbestätigung|vorstellungsgespräch|candidature|entretien|candidatura|solicitud|"
    r"entrevista|hemos recibido|sollicitatie|colloquio|postulaci[oó]n|entrevue|intervju|"
    r"ansökan|ansøgning|søknad|rekrutacj\w*|aplikacj\w*|processo seletivo|selecci[oó]n|"
    r"auswahlverfahren|stellenbesetzung\w*|concours|concorso|oposici[oó]n|"
    r"sollicitatieprocedure|vacature|výběrové řízení|výberové konanie|razgovor|"
    rf"{om.STEP_WORDS_ELSEWHERE})\b")
