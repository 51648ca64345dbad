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
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.message import Message

import pandas as pd

from analysis import mailbox as mb
from analysis import mailmeaning as mm
from analysis import schema as s

PROPOSAL_COLUMNS = ["row", "company", "role", "column", "value", "kind", "confidence",
                    "message_date", "sender", "subject", "snippet", "message_id"]
SNIPPET = 200
MAX_KEPT_BYTES = 400 * 1024 * 1024  # bytes of candidate messages held for reading
MAX_THREAD_BYTES = 100 * 1024 * 1024  # bytes of possible thread replies held
PROGRESS_EVERY = 2_000  # messages between two progress reports

# Applicant tracking systems send for many companies; the company is in the display name,
# subject or body, never in the domain.
ATS_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com",
    "workday.com", "myworkdayjobs.com", "ashbyhq.com", "smartrecruiters.com", "icims.com",
    "teamtailor.com", "teamtailor-mail.com", "personio.de", "personio.com", "jobvite.com",
    "workable.com", "workablemail.com", "recruitee.com", "bamboohr.com", "successfactors.com",
    "successfactors.eu", "taleo.net", "breezy.hr", "jazzhr.com", "applytojob.com",
    "pinpointhq.com", "join.com", "softgarden.io", "softgarden.de", "rexx-systems.com",
    "d.vinci.de", "dvinci-hr.com", "onlyfy.jobs", "prescreen.io", "comeet.co", "rippling.com",
    "gem.com", "homerun.co", "oracle.com", "oraclecloud.com", "avature.net",
    "hr-manager.net", "umantis.com", "concludis.de", "cornerstoneondemand.com",
)
# Job boards and alert senders: their mail is about many jobs, never one application.
ALERT_SENDERS = re.compile(
    r"(?i)^(?:jobalerts?-noreply|jobs-noreply|jobs-listings|alert|alerts|jobalert|"
    r"newsletter|news|marketing|digest|notifications?-noreply|recommendations)@|"
    r"@(?:[a-z0-9-]+\.)*(?:indeedmail\.com|glassdoor\.com|ziprecruiter\.com|monster\.com|"
    r"stepstone\.[a-z.]+|xing\.com|welcometothejungle\.com|otta\.com|wellfound\.com|"
    r"angel\.co|jobleads\.com|talent\.com|jooble\.org|simplyhired\.com|dice\.com)$")
BOARD_DOMAINS = frozenset({
    "linkedin.com", "indeed.com", "glassdoor.com", "stepstone.de", "xing.com", "monster.com",
    "ziprecruiter.com", "welcometothejungle.com", "otta.com", "wellfound.com", "google.com",
    "simplify.jobs", "huntr.co", "tealhq.com"})
FREE_MAIL = frozenset({"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
             "yahoo.com", "icloud.com", "me.com", "gmx.de", "gmx.net", "web.de", "aol.com",
             "proton.me", "protonmail.com", "mail.com", "t-online.de", "yandex.com",
             "orange.fr", "free.fr", "hotmail.fr", "yahoo.fr", "libero.it", "qq.com"})
LEGAL_SUFFIXES = frozenset({
    "gmbh", "ag", "ltd", "limited", "inc", "incorporated", "llc", "llp", "plc", "sa", "sas",
    "sarl", "srl", "spa", "bv", "nv", "se", "co", "corp", "corporation", "company", "kg",
    "ohg", "ug", "oy", "ab", "as", "aps", "pty", "pvt", "kgaa", "mbh", "cie", "sl", "slu",
})
# Words around a company name in a recruiting sender's display name.
_SENDER_WORDS = re.compile(
    r"(?i)\b(?:talent(?: acquisition)?|recruiting|recruitment|careers?|jobs?|hiring|hr|"
    r"people|team|no-?reply|notifications?|via \w+|at|from|the)\b")
_PUBLIC_SUFFIXES = frozenset({"com", "net", "org", "io", "co", "uk", "de", "fr", "es", "eu",
                              "us", "ai", "app", "dev", "biz", "info", "ch", "at", "nl", "be",
                              "it", "se", "dk", "no", "fi", "ie", "pl", "pt", "ca", "au",
                              "jobs", "careers", "hr", "tech", "gov", "edu", "ac"})
_GENERIC_LABELS = frozenset({"mail", "email", "e-mail", "careers", "career", "jobs", "job", "hr",
                             "talent", "recruiting", "recruitment", "notifications", "noreply",
                             "no-reply", "info", "news", "mx", "smtp", "apply", "join", "team",
                             "people", "www", "em", "bounce", "mailer", "send", "msg", "mg"})
_STATUS_OF = {mm.REJECTION: s.REJECTED, mm.OFFER: s.OFFER, mm.INTERVIEW: s.INTERVIEWING,
              mm.ASSESSMENT: s.SCREENING}
_RANK = {s.SAVED: 0, s.APPLIED: 1, s.SCREENING: 2, s.INTERVIEWING: 3, s.OFFER: 4,
         s.ACCEPTED: 5, s.REJECTED: 5, s.WITHDRAWN: 5, s.GHOSTED: 1}
# A role and a company named in an acknowledgement ("Thank you for applying to Acme for the
# Data Analyst position"): the introducing words in any case, the name with a capital.
_NEW_ROLE = re.compile(
    r"(?i:for|as|für|als|pour|para|au poste de|el puesto de)\s+"
    r"(?i:the|our|a|an|die|den|le|la|el)?\s*(?i:position|role|job|stelle|poste|puesto)?\s*"
    r"(?i:of|as|de)?\s*[\"'“«]?([A-Z][\w/&+\- ]{2,60}?)[\"'”»]?"
    r"(?:\s+(?i:position|role|job|at|bei|chez|en)\b|[.,!\n]|$)")
_NEW_COMPANY = re.compile(
    r"(?i:applying to|applying at|applying with|application to|application at|"
    r"application with|interest in|bewerbung bei|candidature chez|candidatura en|"
    r"(?:team|careers|talent) at|welcome to)\s+([A-Z][\w&.\- ]{1,50}?)"
    r"(?:[.,!:\n]|\s+(?i:for|as|-)\b|$)")


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


# ---------------------------------------------------------------------------------------------
# Knowing companies by their names and domains


def fold(text: object) -> str:
    """Lower case, diacritics folded, punctuation as spaces.

    >>> fold("Müller & Söhne GmbH")
    'muller sohne gmbh'
    """
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                  "Ü": "Ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"})


def company_keys(name: object) -> list[str]:
    """The keys a company may be written under: diacritics folded ("Müller" as "muller") and
    spelled out ("mueller"), as domains spell them.

    >>> company_keys("Müller Logistik GmbH")
    ['mullerlogistik', 'muellerlogistik']
    """
    keys = [company_key(name), company_key(str(name).translate(_TRANSLITERATION))]
    return list(dict.fromkeys(k for k in keys if k))


def company_key(name: object) -> str:
    """A company's name as a key: folded, legal suffixes dropped, spaces removed.

    >>> company_key("Acme Systems GmbH"), company_key("Société Générale S.A.")
    ('acmesystems', 'societegenerale')
    """
    # Initials written with dots ("S.A.", "B.V.") are one word.
    words = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", fold(name)).split()
    return "".join(w for w in words if w not in LEGAL_SUFFIXES)


def domain_labels(address: str) -> list[str]:
    """The labels of an address's domain that can name a company ("acme-systems" of
    "jobs.acme-systems.co.uk"), generic ones ("mail", "careers") and public suffixes left out.

    >>> domain_labels("ana@talent.acme-systems.co.uk")
    ['acmesystems']
    """
    domain = address.rsplit("@", 1)[-1].lower()
    labels = [part for part in domain.split(".")[:-1] if part not in _PUBLIC_SUFFIXES
              and part not in _GENERIC_LABELS]
    return [re.sub(r"[^a-z0-9]", "", label) for label in labels if label]


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower()


def _parents(domain: str) -> list[str]:
    """A domain and the domains above it: "a.b.c.com", "b.c.com", "c.com", "com"."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


_ATS_SET = frozenset(ATS_DOMAINS)


def _is_ats(domain: str) -> bool:
    return any(parent in _ATS_SET for parent in _parents(domain))


def _in(domain: str, domains: Iterable[str]) -> bool:
    known = domains if isinstance(domains, frozenset) else frozenset(domains)
    return any(parent in known for parent in _parents(domain))


def _url_company(url: object) -> list[str]:
    """Company keys a job link tells: its domain (not a job board's), or the company's part
    of an applicant tracking system's link (boards.greenhouse.io/acme, acme.teamtailor.com)."""
    text = str(url or "").lower()
    found = re.match(r"^(?:https?://)?([^/?#]+)(/[^?#]*)?", text)
    if not found:
        return []
    host, path = found.group(1), found.group(2) or ""
    parts = [p for p in path.split("/") if p]
    if _in(host, ("greenhouse.io", "lever.co", "ashbyhq.com", "workable.com",
                  "smartrecruiters.com", "join.com", "recruitee.com")) and parts:
        return [company_key(parts[0].replace("-", " "))]
    if _in(host, ATS_DOMAINS) or _in(host, ("myworkdayjobs.com", "personio.de", "personio.com",
                                            "teamtailor.com", "bamboohr.com")):
        sub = host.split(".")[0]
        return [company_key(sub.replace("-", " "))] if sub not in _GENERIC_LABELS else []
    if _in(host, BOARD_DOMAINS):
        return []
    return domain_labels("x@" + host)


@dataclass
class _Index:
    """The tracked applications, found by company key, domain label, contact address."""

    apps: pd.DataFrame
    by_key: dict[str, list[int]]
    by_label: dict[str, list[int]]
    by_contact: dict[str, list[int]]
    names: list[tuple[str, str]]  # (folded company name, key), longest first

    @classmethod
    def of(cls, apps: pd.DataFrame) -> _Index:
        by_key: dict[str, list[int]] = {}
        by_label: dict[str, list[int]] = {}
        by_contact: dict[str, list[int]] = {}
        names: dict[str, str] = {}
        for label, company, url, contact in zip(apps.index, apps[s.COMPANY], apps[s.JOB_URL],
                                                apps[s.CONTACT_EMAIL], strict=True):
            if pd.isna(company):
                continue
            keys = company_keys(company)
            if not keys:
                continue
            key = keys[0]
            for spelling in keys:
                by_key.setdefault(spelling, []).append(label)
            for spelling in (company, str(company).translate(_TRANSLITERATION)):
                names[" ".join(w for w in fold(spelling).split()
                               if w not in LEGAL_SUFFIXES)] = key
            for hint in _url_company(url):
                if hint and hint != key:
                    by_label.setdefault(hint, []).append(label)
            if isinstance(contact, str) and "@" in contact:
                address = contact.strip().lower()
                by_contact.setdefault(address, []).append(label)
                if not _in(_domain(address), FREE_MAIL):
                    for hint in domain_labels(address):
                        by_label.setdefault(hint, []).append(label)
        ordered = sorted(names.items(), key=lambda kv: -len(kv[0]))
        return cls(apps, by_key, by_label, by_contact, ordered)

    def by_domain(self, address: str) -> list[int]:
        """The applications whose company a sender's or recipient's domain names: a label
        equal to a company key ("acmesystems" for Acme Systems) or a job-link domain, or the
        first word of a company whose name has one word only beyond it ("acme" for Acme
        Systems, when no other company starts so)."""
        domain = _domain(address)
        if _in(domain, FREE_MAIL) or _is_ats(domain) or _in(domain, BOARD_DOMAINS):
            return []
        for label in domain_labels(address):
            if label in self.by_key:
                return self.by_key[label]
            if label in self.by_label:
                return self.by_label[label]
        for label in domain_labels(address):
            if len(label) < 4:
                continue
            starting = [k for k in self.by_key if k.startswith(label)]
            if len(starting) == 1:
                return self.by_key[starting[0]]
        return []

    def named_in(self, text: str) -> list[int]:
        """The applications of the company named in a text (an ATS sender's display name,
        subject or body), the longest name found."""
        folded = f" {fold(text)} "
        for name, key in self.names:
            if len(name) >= 3 and f" {name} " in folded:
                return self.by_key[key]
        return []


# ---------------------------------------------------------------------------------------------
# One pass over the mailbox


@dataclass
class _Candidate:
    raw: bytes
    message_id: str
    sender: tuple[str, str]
    recipients: list[tuple[str, str]]
    subject: str
    date: dt.datetime | None
    labels: str
    rows: list[int]
    how: str  # domain, contact, ats, subject, thread
    automatic: bool
    references: list[str] = field(default_factory=list)


def _is_bulk(message: Message, sender: str, labels: str) -> bool:
    """Job alerts, newsletters and marketing: never about one application."""
    get = mb.header_text
    if get(message, "List-Unsubscribe") or get(message, "List-Id"):
        return True
    if get(message, "Precedence").lower() in ("bulk", "list", "junk"):
        return True
    if "spam" in labels.lower() or "category promotions" in labels.lower():
        return True
    return bool(ALERT_SENDERS.search(sender))


def _message_ids(text: str) -> list[str]:
    return re.findall(r"<[^<>\s]+>", text)


def scan_mailbox(source: mb.MailSource | Iterable[mb.MailSource], applications: pd.DataFrame,
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
    Takeout mailbox, else the most common recipient). ``progress`` is called every few
    thousand messages with a ``ScanProgress``; returning False stops the scan
    (``ScanCancelled``). ``as_of`` (default today) leaves out messages dated after it.
    """
    started = time.perf_counter()
    as_of = as_of or dt.date.today()
    index = _Index.of(applications)
    stats = Counter({"messages read": 0, "matched": 0, "skipped as bulk": 0, "unreadable": 0})
    recipients: Counter[str] = Counter()
    senders_sent: Counter[str] = Counter()
    candidates: dict[str, _Candidate] = {}
    maybe: list[_Candidate] = []
    kept = thread_bytes = 0
    limit = dt.datetime.combine(as_of, dt.time.max, tzinfo=dt.UTC)
    size = 0
    for raw in mb.iter_messages(source):
        stats["messages read"] += 1
        size = max(size, raw.size)
        if progress is not None and stats["messages read"] % PROGRESS_EVERY == 0:
            report = ScanProgress(stats["messages read"], raw.position, raw.size,
                                  time.perf_counter() - started)
            if progress(report) is False:
                raise ScanCancelled
        if not raw.data:
            stats["unreadable"] += 1
            continue
        try:
            head = mb.headers(raw.data)
            sender_list = mb.addresses(head, "From")
            to = mb.addresses(head, "To", "Cc", "Delivered-To")
        except Exception:  # a header block nothing can parse
            stats["unreadable"] += 1
            continue
        if not sender_list:
            stats["unreadable"] += 1
            continue
        sender = sender_list[0]
        labels = mb.header_text(head, "X-Gmail-Labels")
        for _, address in to:
            recipients[address] += 1
        if "sent" in [part.strip().lower() for part in labels.split(",")]:
            senders_sent[sender[1]] += 1
        if _is_bulk(head, sender[1], labels):
            stats["skipped as bulk"] += 1
            continue
        when = mb.sent_at(head)
        if when is not None and when > limit:
            continue
        message_id = mb.header_text(head, "Message-ID") or f"<{raw.source}:{raw.position}>"
        automatic = bool(re.search(r"(?i)auto-(?:generated|replied)",
                                   mb.header_text(head, "Auto-Submitted"))) or bool(
            re.search(r"(?i)no-?reply|do-?not-?reply|mailer-daemon", sender[1]))
        rows, how = _match(index, sender, to)
        subject = mb.header_text(head, "Subject")
        if not how and _APPLICATION_SUBJECT.search(subject):
            how = "subject"
        references = _message_ids(mb.header_text(head, "In-Reply-To") + " "
                                  + mb.header_text(head, "References"))
        entry = _Candidate(raw.data, message_id, sender, to, subject, when, labels, rows, how,
                           automatic, references)
        if how:
            if kept + len(raw.data) <= MAX_KEPT_BYTES:
                candidates[message_id] = entry
                kept += len(raw.data)
            continue
        if references and len(raw.data) <= 512 * 1024 and \
                thread_bytes + len(raw.data) <= MAX_THREAD_BYTES:
            maybe.append(entry)
            thread_bytes += len(raw.data)
    # Replies in a thread with a message already tied to an application (a recruiter writing
    # from another address), whatever the order they came in.
    for entry in [*maybe, *(c for c in candidates.values() if not c.rows)]:
        tied = next((candidates[r] for r in reversed(entry.references)
                     if r in candidates and candidates[r].rows), None)
        if tied is not None:
            entry.rows, entry.how = tied.rows, "thread"
            candidates[entry.message_id] = entry
    mine = me.lower() if me else _infer_me(senders_sent, recipients)
    evidence = _read(list(candidates.values()), index, mine)
    stats["matched"] = len(candidates)
    proposals = _propose(evidence, applications, as_of=as_of)
    figures = {k: float(v) for k, v in stats.items()}
    figures["seconds"] = round(time.perf_counter() - started, 3)
    figures["bytes read"] = float(size)
    return MailScan(proposals=proposals, stats=figures, me=mine, evidence=evidence)


def _infer_me(sent: Counter[str], recipients: Counter[str]) -> str | None:
    if sent:
        return sent.most_common(1)[0][0]
    return recipients.most_common(1)[0][0] if recipients else None


def _match(index: _Index, sender: tuple[str, str], to: list[tuple[str, str]]
           ) -> tuple[list[int], str]:
    """The applications a message may concern, from its headers, and how it was tied."""
    for _, address in [sender, *to]:
        if address in index.by_contact:
            return index.by_contact[address], "contact"
    for _, address in [sender, *to]:
        rows = index.by_domain(address)
        if rows:
            return rows, "domain"
    if _is_ats(_domain(sender[1])):
        return index.named_in(sender[0]), "ats"  # the body may name it: decided on reading
    return [], ""


# Subjects of mail about an application, read even when the sender is not a tracked company:
# an acknowledgement from a company the tracker does not hold proposes a new application.
_APPLICATION_SUBJECT = re.compile(
    r"(?i)\b(?:your application|application (?:received|for|to)|thank(?:s| you) for applying|"
    r"ihre bewerbung|bewerbung (?:als|bei|eingegangen)|eingangsbestätigung|votre candidature|"
    r"candidature (?:reçue|pour)|tu candidatura|tu solicitud|hemos recibido)")


# ---------------------------------------------------------------------------------------------
# Reading the candidates

EVIDENCE_COLUMNS = ["message_id", "date", "direction", "kind", "confidence", "rows", "how",
                    "sender", "subject", "snippet", "interview_at", "promised", "screening",
                    "sender_name", "sender_address"]


def _read(candidates: list[_Candidate], index: _Index, me: str | None) -> pd.DataFrame:
    """What each candidate message means and which application it concerns."""
    records = []
    ordered = sorted(candidates, key=lambda c: c.date or dt.datetime.min.replace(tzinfo=dt.UTC))
    rejected_at: dict[int, dt.datetime] = {}
    interviewed_at: dict[int, dt.datetime] = {}
    for candidate in ordered:
        if candidate.date is None:
            continue
        try:
            message = mb.full(candidate.raw)
            body = mb.body_text(message)
            calendar = mb.calendar_start(message)
        except Exception:  # a message that cannot be decoded says nothing
            continue
        outgoing = me is not None and candidate.sender[1] == me
        rows = candidate.rows
        if candidate.how == "ats" or not rows:
            rows = rows or index.named_in(f"{candidate.sender[0]}\n{candidate.subject}\n"
                                          f"{body[:2000]}")
        text = f"{candidate.subject}\n{body}"
        if outgoing:
            after_rejection = any(r in rejected_at and rejected_at[r] <= candidate.date
                                  for r in rows)
            after_interview = any(r in interviewed_at and interviewed_at[r] <= candidate.date
                                  for r in rows)
            meaning = mm.sent_meaning(candidate.subject, body, after_rejection=after_rejection,
                                      after_interview=after_interview,
                                      attachments=mb.attachment_names(message))
        else:
            company_sender = candidate.how in ("domain", "contact", "thread")
            meaning = mm.received_meaning(candidate.subject, body, sent=candidate.date,
                                          calendar=calendar, automatic=candidate.automatic,
                                          from_company=company_sender)
            for r in rows:
                if meaning.kind == mm.REJECTION:
                    rejected_at.setdefault(r, candidate.date)
                if meaning.kind == mm.INTERVIEW:
                    interviewed_at[r] = meaning.interview_at or candidate.date
        if meaning.kind is None:
            continue
        if not rows and not (meaning.kind == mm.ACKNOWLEDGEMENT and not outgoing):
            continue
        rows = _pick(index.apps, rows, text, candidate.date)
        snippet = re.sub(r"\s+", " ", body).strip()[:SNIPPET]
        records.append({
            "message_id": candidate.message_id, "date": candidate.date,
            "direction": "sent" if outgoing else "received", "kind": meaning.kind,
            "confidence": meaning.confidence, "rows": rows, "how": candidate.how,
            "sender": f"{candidate.sender[0]} <{candidate.sender[1]}>".strip(),
            "subject": candidate.subject[:300], "snippet": snippet,
            "interview_at": meaning.interview_at, "promised": meaning.promised,
            "screening": meaning.screening, "sender_name": candidate.sender[0],
            "sender_address": candidate.sender[1], "text": text[:3000],
        })
    return pd.DataFrame(records, columns=[*EVIDENCE_COLUMNS, "text"])


def _pick(apps: pd.DataFrame, rows: list[int], text: str, when: dt.datetime) -> list[int]:
    """The application a message concerns among a company's: the one whose role the text
    names best, of those applied for by the message's day (nothing before an application
    counts); all of them when the text does not tell."""
    if len(rows) <= 1:
        day = pd.Timestamp(when.date())
        return [r for r in rows if not (pd.notna(apps.at[r, s.DATE_APPLIED])
                                        and apps.at[r, s.DATE_APPLIED] > day)]
    from rapidfuzz import fuzz

    day = pd.Timestamp(when.date())
    open_rows = [r for r in rows if pd.isna(apps.at[r, s.DATE_APPLIED])
                 or apps.at[r, s.DATE_APPLIED] <= day]
    if not open_rows:
        return []
    scored = [(fuzz.partial_token_set_ratio(fold(apps.at[r, s.ROLE]), fold(text[:1500]))
               if pd.notna(apps.at[r, s.ROLE]) else 0, r) for r in open_rows]
    best = max(score for score, _ in scored)
    chosen = [r for score, r in scored if score == best]
    if best >= 80 or len(chosen) == 1:
        return chosen[-1:]
    latest = max(open_rows, key=lambda r: apps.at[r, s.DATE_APPLIED]
                 if pd.notna(apps.at[r, s.DATE_APPLIED]) else pd.Timestamp.min)
    return [latest]


# ---------------------------------------------------------------------------------------------
# From evidence to proposals


def _propose(evidence: pd.DataFrame, apps: pd.DataFrame, *, as_of: dt.date) -> pd.DataFrame:
    proposals: list[dict[str, object]] = []
    if evidence.empty:
        return _frame(proposals)
    per_row: dict[int, list[dict[str, object]]] = {}
    unknown: list[dict[str, object]] = []
    for record in evidence.to_dict("records"):
        if record["rows"]:
            for row in record["rows"]:
                per_row.setdefault(row, []).append(record)
        elif record["kind"] == mm.ACKNOWLEDGEMENT:
            unknown.append(record)
    for row, records in per_row.items():
        proposals += _for_application(apps.loc[row], row, records)
    proposals += _new_applications(unknown, apps)
    return _frame(proposals)


def _frame(proposals: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(proposals, columns=PROPOSAL_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    frame["message_date"] = pd.to_datetime(frame["message_date"], utc=True)\
        .dt.tz_convert(None).astype("datetime64[us]")
    for column in ("company", "role", "column", "kind", "sender", "subject", "snippet",
                   "message_id"):
        frame[column] = frame[column].astype("str")
    return frame.sort_values(["row", "column"], na_position="last", kind="stable")\
        .reset_index(drop=True)


def _day(value: dt.datetime | dt.date) -> pd.Timestamp:
    return pd.Timestamp(value.date() if isinstance(value, dt.datetime) else value)


def _proposal(app: pd.Series, row: int | None, column: str, value: object,
              record: Mapping[str, object], confidence: float | None = None) -> dict[str, object]:
    return {"row": row, "company": app.get(s.COMPANY) if app is not None else None,
            "role": app.get(s.ROLE) if app is not None else None, "column": column,
            "value": value, "kind": record["kind"],
            "confidence": round(float(confidence if confidence is not None
                                      else record["confidence"]), 3),
            "message_date": record["date"], "sender": record["sender"],
            "subject": record["subject"], "snippet": record["snippet"],
            "message_id": record["message_id"]}


def _for_application(app: pd.Series, row: int, records: list[dict[str, object]]
                     ) -> list[dict[str, object]]:
    """The net effect of an application's mail on its columns."""
    records = sorted(records, key=lambda r: r["date"])
    received = [r for r in records if r["direction"] == "received"]
    sent = [r for r in records if r["direction"] == "sent"]
    out: list[dict[str, object]] = []
    blank = {c: pd.isna(app.get(c)) for c in (*s.DATE_COLUMNS, s.CONTACT_NAME,
                                               s.CONTACT_EMAIL)}
    # Status: the latest status the mail supports, never a step back.
    deciding = [r for r in received if r["kind"] in _STATUS_OF]
    if deciding:
        last = deciding[-1]
        status = _STATUS_OF[str(last["kind"])]
        if last["kind"] == mm.INTERVIEW and last["screening"]:
            status = s.SCREENING
        current = app.get(s.STATUS)
        forward = _RANK.get(status, 0) > _RANK.get(current, 0) or (
            status in (s.REJECTED, s.OFFER) and current not in (s.ACCEPTED, s.WITHDRAWN,
                                                                 s.REJECTED, s.OFFER))
        if status != current and current not in (s.ACCEPTED, s.WITHDRAWN) and forward:
            out.append(_proposal(app, row, s.STATUS, status, last))
        if status in (s.REJECTED, s.OFFER) and blank[s.DECISION_DATE]:
            out.append(_proposal(app, row, s.DECISION_DATE, _day(last["date"]), last))
    # First response: the earliest reply of any kind (an acknowledgement is not one), never
    # later than a stage the tracker already dates.
    replies = [r for r in received if r["kind"] != mm.ACKNOWLEDGEMENT]
    if replies and blank[s.FIRST_RESPONSE_DATE]:
        first = replies[0]
        day = _day(first["date"])
        dated = [app.get(c) for c in (s.INTERVIEW_DATE, s.DECISION_DATE)
                 if pd.notna(app.get(c))]
        day = min([day, *dated])
        out.append(_proposal(app, row, s.FIRST_RESPONSE_DATE, day, first))
    # The interview: the latest invitation's day.
    invitations = [r for r in received if r["kind"] == mm.INTERVIEW]
    if invitations:
        latest = invitations[-1]
        when = latest["interview_at"] if isinstance(latest["interview_at"], dt.datetime) and \
            not pd.isna(latest["interview_at"]) else latest["date"]
        day = _day(when)
        if blank[s.INTERVIEW_DATE] or app.get(s.INTERVIEW_DATE) < day:
            confidence = latest["confidence"] if latest["interview_at"] is not None and \
                not pd.isna(latest["interview_at"]) else 0.7
            out.append(_proposal(app, row, s.INTERVIEW_DATE, day, latest, confidence))
    # A promised decision date, the latest said.
    promises = [r for r in received if r["promised"] is not None and not pd.isna(r["promised"])]
    if promises:
        latest = promises[-1]
        day = pd.Timestamp(latest["promised"])
        if blank[s.EXPECTED_DECISION_DATE] or app.get(s.EXPECTED_DECISION_DATE) != day:
            out.append(_proposal(app, row, s.EXPECTED_DECISION_DATE, day, latest, 0.85))
    # What the user sent: the thank-you, the one follow-up, the thanks after a rejection.
    for kind, column in ((mm.SENT_THANK_YOU, s.THANK_YOU_SENT),
                         (mm.SENT_FOLLOW_UP, s.FOLLOW_UP_SENT),
                         (mm.SENT_REJECTION_THANKS, s.REJECTION_THANKS_SENT)):
        found = [r for r in sent if r["kind"] == kind]
        if found and blank[column]:
            out.append(_proposal(app, row, column, _day(found[0]["date"]), found[0]))
    # The person who answered, when the tracker names nobody.
    human = [r for r in received if r["kind"] != mm.ACKNOWLEDGEMENT and r["how"] != "ats"
             and not re.search(r"(?i)no-?reply|notifications?|jobs?@|careers?@|recruiting@|"
                               r"talent@|hr@|info@", str(r["sender_address"]))]
    if human:
        person = human[-1]
        if blank[s.CONTACT_EMAIL]:
            out.append(_proposal(app, row, s.CONTACT_EMAIL, person["sender_address"], person,
                                 0.8))
        if blank[s.CONTACT_NAME] and str(person["sender_name"]).strip():
            out.append(_proposal(app, row, s.CONTACT_NAME, person["sender_name"], person, 0.8))
    return out


def _new_applications(records: list[dict[str, object]], apps: pd.DataFrame
                      ) -> list[dict[str, object]]:
    """An acknowledgement from a company the tracker does not hold proposes a new
    application: the company, the role and the day applied, from the message."""
    out = []
    seen: set[str] = set()
    for record in records:
        company = _company_of(record)
        if not company:
            continue
        key = company_key(company)
        if not key or key in seen:
            continue
        seen.add(key)
        role = _NEW_ROLE.search(str(record["subject"]))
        app = pd.Series({s.COMPANY: company, s.ROLE: role.group(1).strip() if role else None})
        out.append(_proposal(app, None, s.DATE_APPLIED, _day(record["date"]), record, 0.8))
    return out


def _company_of(record: Mapping[str, object]) -> str | None:
    """The company an acknowledgement comes from: named in the subject or text ("thank you
    for applying to Acme"), else in the sender's display name, else the sender's domain."""
    for text in (str(record["subject"]), str(record.get("text", ""))[:1500]):
        found = _NEW_COMPANY.search(text)
        if found:
            return found.group(1).strip(" -")
    name = _SENDER_WORDS.sub(" ", str(record["sender_name"]))
    name = re.sub(r"[|,:()\-–]+", " ", name).strip()
    if name and len(name) >= 2:
        return re.sub(r"\s+", " ", name)
    address = str(record["sender_address"])
    if _is_ats(_domain(address)) or _in(_domain(address), FREE_MAIL):
        return None
    labels = domain_labels(address)
    return labels[-1].capitalize() if labels else None


# ---------------------------------------------------------------------------------------------
# Accepting proposals


def apply_proposals(apps: pd.DataFrame, proposals: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``apps`` with the accepted ``proposals`` written in: values into their rows
    and columns, and new applications (no ``row``) added at the end as applied on the day
    their acknowledgement came."""
    from analysis.importer import empty_applications

    updated = apps.copy()
    known = proposals[proposals["row"].notna()]
    for proposal in known.itertuples(index=False):
        value = proposal.value
        if proposal.column in s.DATE_COLUMNS:
            value = pd.Timestamp(value)
        updated.loc[int(proposal.row), proposal.column] = value
    fresh = proposals[proposals["row"].isna() & (proposals["column"] == s.DATE_APPLIED)]
    if fresh.empty:
        return updated
    rows = empty_applications().reindex(range(len(fresh)))
    rows[s.COMPANY] = fresh["company"].to_numpy()
    rows[s.ROLE] = fresh["role"].to_numpy()
    rows[s.DATE_APPLIED] = pd.to_datetime(fresh["value"]).astype("datetime64[us]").to_numpy()
    rows[s.STATUS] = s.APPLIED
    rows[s.NOTES] = "Added from the mailbox: " + fresh["subject"].astype(str).to_numpy()
    added = rows.reindex(columns=updated.columns)
    combined = pd.concat([updated, added], ignore_index=True)
    return combined.astype({c: t for c, t in apps.dtypes.items() if c in combined})


def proposal_key(proposals: pd.DataFrame) -> pd.Series:
    """What identifies a proposal across scans (to remember those declined): the message
    and the column."""
    return proposals["message_id"].astype(str) + "|" + proposals["column"].astype(str)



DECLINED_SETTING = "mail_declined"  # the workspace setting that remembers declined proposals


def review_table(proposals: pd.DataFrame, *, declined: Iterable[str] = ()) -> pd.DataFrame:
    """The proposals to review, the ones declined before left out: each with its ``key``,
    the ``application`` ("Company – Role", "New: Company" for one the tracker lacks), the
    ``change`` in words ("Status: rejected", "Decision date: 2026-11-03"), and its evidence,
    most sure first within each application."""
    shown = proposals[~proposal_key(proposals).isin(set(declined))]
    if shown.empty:
        return shown.assign(key=pd.Series(dtype="str"), application=pd.Series(dtype="str"),
                            change=pd.Series(dtype="str"))
    values = [f"{v:%Y-%m-%d}" if isinstance(v, pd.Timestamp | dt.datetime) else str(v)
              for v in shown["value"]]
    labels = shown["column"].map(s.LABELS).fillna(shown["column"])
    company = shown["company"].fillna("(no company)").astype("str")
    role = shown["role"].astype("str").where(shown["role"].notna(), "")
    application = (company + (" – " + role).where(role != "", "")).where(
        shown["row"].notna(), "New: " + company + (" – " + role).where(role != "", ""))
    table = shown.assign(key=proposal_key(shown).to_numpy(), application=application,
                         change=labels + ": " + pd.Series(values, index=shown.index))
    return table.sort_values(["application", "confidence"], ascending=[True, False],
                             kind="stable").reset_index(drop=True)


def updates_description(count: int, source: str) -> str:
    """The version's description when proposals are accepted.

    >>> updates_description(14, "takeout.mbox")
    '14 updates from takeout.mbox'
    """
    return f"{count:,} update{'' if count == 1 else 's'} from {source}"
