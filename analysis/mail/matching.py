"""Which application a message is about: by the sender's domain, an applicant tracking
system's display name, the company named in the message, or the thread."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message

import pandas as pd

from analysis.mail import message as msg
from analysis.mail.domains import GENERIC_LABELS, domain_labels, domain_of, in_domains, is_ats
from analysis.mail.names import (
    BODIES,
    COMMON_WORDS,
    LINKING_WORDS,
    UNCOUNTED,
    abbreviates,
    may_name,
    name_words,
    other_names,
    pieces_fit,
    written,
)
from analysis.mail.senders import ATS_DOMAINS, FREE_MAIL, is_board, is_platform
from analysis.model import schema as s
from analysis.model.keys import TRANSLITERATION, company_key, company_keys, fold

_WORD_OF_LETTERS = re.compile(r"\b[^\W\d_]{3,8}\b")

# Job boards and alert senders: their mail is about many jobs, never one application.
# The addresses alerts and newsletters come from, whoever sends them.
ALERT_ADDRESS = (r"^(?:jobalerts?-noreply|jobs-noreply|jobs-listings|alert|alerts|jobalert|"
                 r"newsletter|news|marketing|digest|notifications?-noreply|recommendations)@")
ALERT_SENDERS = re.compile(
    rf"(?i){ALERT_ADDRESS}|"
    r"@(?:[a-z0-9-]+\.)*(?:indeedmail\.com|glassdoor\.com|ziprecruiter\.com|monster\.com|"
    r"stepstone\.[a-z.]+|xing\.com|welcometothejungle\.com|otta\.com|wellfound\.com|"
    r"angel\.co|jobleads\.com|talent\.com|jooble\.org|simplyhired\.com|dice\.com)$")
BOARD_DOMAINS = frozenset({
    "linkedin.com", "indeed.com", "glassdoor.com", "stepstone.de", "xing.com", "monster.com",
    "ziprecruiter.com", "welcometothejungle.com", "otta.com", "wellfound.com", "google.com",
    "simplify.jobs", "huntr.co", "tealhq.com",
    # public bodies' own boards: a job link there names no one employer
    "jobs.nhs.uk", "civilservicejobs.service.gov.uk", "teaching-vacancies.service.gov.uk",
    "jobs.ac.uk", "healthjobsuk.com", "usajobs.gov"})


# Words around a company name in a recruiting sender's display name.
SENDER_WORDS = re.compile(
    r"(?i)\b(?:talent(?: acquisition)?|recruiting|recruitment|careers?|jobs?|hiring|hr|"
    r"people|team|no-?reply|notifications?|via \w+|at|from|the|"
    # the same in the reader's other languages: "Búsquedas Estudio Ferreyra", "Acme Karriere"
    r"recrutamento|recrutement|reclutamiento|selección|seleção|búsquedas|busquedas|karriere|"
    r"vagas|talentos|rrhh|rh|recursos humanos|ressources humaines|werving|rekrytering|"
    r"rekruttering|rekrutacja)\b")


def _url_company(url: object) -> list[str]:
    """Company keys a job link tells: its domain (not a job board's), or the company's part
    of an applicant tracking system's link (boards.greenhouse.io/acme, acme.teamtailor.com)."""
    text = str(url or "").lower()
    found = re.match(r"^(?:https?://)?([^/?#]+)(/[^?#]*)?", text)
    if not found:
        return []
    host, path = found.group(1), found.group(2) or ""
    parts = [p for p in path.split("/") if p]
    if in_domains(host, ("greenhouse.io", "lever.co", "ashbyhq.com", "workable.com",
                  "smartrecruiters.com", "join.com", "recruitee.com")) and parts:
        return [company_key(parts[0].replace("-", " "))]
    if in_domains(host, ATS_DOMAINS) or in_domains(host, (
            "myworkdayjobs.com", "personio.de", "personio.com",
                                            "teamtailor.com", "bamboohr.com")):
        sub = host.split(".")[0]
        return [company_key(sub.replace("-", " "))] if sub not in GENERIC_LABELS else []
    if in_domains(host, BOARD_DOMAINS) or is_board("x@" + host) or is_platform("x@" + host):
        return []
    return domain_labels("x@" + host)


def writes_for_many(address: str) -> bool:
    """Whether an address's domain is no one company's: free mail, an applicant tracking
    system, a job board, or a platform writing for employers."""
    domain = domain_of(address)
    return in_domains(domain, FREE_MAIL) or is_ats(domain) or in_domains(
        domain, BOARD_DOMAINS) or is_board(address) or is_platform(address)


@dataclass
class Index:
    """The tracked applications, found by company key, domain label, contact address."""

    apps: pd.DataFrame
    by_key: dict[str, list[int]]
    by_label: dict[str, list[int]]
    by_contact: dict[str, list[int]]
    names: list[tuple[str, str]]  # (folded company name, key), longest first
    domains: dict[str, list[int]] = field(default_factory=dict)  # by_domain's answers
    short: frozenset[str] = frozenset()  # names that are a longer name's first word only
    initials: dict[str, str] = field(default_factory=dict)  # "erpo": European Rail Policy Office
    agencies: frozenset[str] = frozenset()  # domain labels of contacts not at the company
    # the ways a domain may spell the agency or search firm each application came through,
    # from its source in the tracker ("carlssonpartners" of "Headhunter (Carlsson Partners)")
    firms: dict[str, list[int]] = field(default_factory=dict)
    intermediaries: dict[str, list[int]] = field(default_factory=dict)  # by_source's answers
    # the names by their first word, for ``named_in`` (built on first use)
    _by_first: dict[str, list[tuple[int, str, str]]] | None = None

    @classmethod
    def of(cls, apps: pd.DataFrame) -> Index:
        by_key: dict[str, list[int]] = {}
        by_label: dict[str, list[int]] = {}
        by_contact: dict[str, list[int]] = {}
        names: dict[str, str] = {}
        agencies: set[str] = set()
        linked: dict[str, set[str]] = {}  # a job link's domain -> the companies it is given for
        alias: dict[str, set[tuple[int, str]]] = {}  # another name -> (row, key) giving it
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
            for spelling in (company, str(company).translate(TRANSLITERATION)):
                names[written(spelling)] = key
            for part in other_names(company):
                alias.setdefault(part, set()).add((label, key))
            for hint in _url_company(url):
                linked.setdefault(hint, set()).add(key)
                if hint and hint != key and label not in by_label.get(hint, []):
                    by_label.setdefault(hint, []).append(label)
            if isinstance(contact, str) and "@" in contact:
                address = contact.strip().lower()
                by_contact.setdefault(address, []).append(label)
                if not in_domains(domain_of(address), FREE_MAIL):
                    for hint in domain_labels(address):
                        if label not in by_label.get(hint, []):  # the job link's too
                            by_label.setdefault(hint, []).append(label)
                        if not may_name(hint, company, keys):
                            agencies.add(hint)  # an agency's recruiter, not the company's
        # A name the entry holds besides its whole one, when it is no other company's
        for part, givers in alias.items():
            if len({key for _, key in givers}) == 1:
                key = next(iter(givers))[1]
                names.setdefault(written(part), key)
                for spelling in company_keys(part):
                    held = by_key.setdefault(spelling, [])
                    held += [row for row, _ in sorted(givers) if row not in held]
        # A job link's domain given for two companies is a job board's, no company's
        # ("itjobs.pt/oferta/48213", "itjobs.pt/oferta/48790")
        for hint, owners in linked.items():
            if len(owners) > 1 and hint not in agencies:
                by_label.pop(hint, None)
        # A job link's or a contact's domain is the company's, all of its applications (not
        # only the one whose link gave it); an agency's stays with the contact's own.
        key_of = {label: keys[0] for label, keys in
                  ((row, [k for k, held in by_key.items() if row in held]) for row in
                   {r for held in by_label.values() for r in held}) if keys}
        for hint, held in by_label.items():
            if hint not in agencies:
                by_label[hint] = sorted({r for row in held if row in key_of
                                         for r in by_key[key_of[row]]} | set(held))
        # The first word of a longer name stands for it ("Northwind" for "Northwind Analytics
        # GmbH") when no other company starts with it and it is no common word.
        firsts: dict[str, set[str]] = {}
        for name, key in names.items():
            parts = name.split()
            if len(parts) >= 2 and len(parts[0]) >= 5 and parts[0] not in COMMON_WORDS:
                firsts.setdefault(parts[0], set()).add(key)
        short = set()
        for word, owners in firsts.items():
            if len(owners) == 1 and word not in names:
                names[word] = next(iter(owners))
                short.add(word)
        # Its first words, two or more, stand for it in a body too ("maple & mortar" for
        # Maple & Mortar Digital) when no other company starts with them and one of them is
        # no common word.
        heads: dict[str, set[str]] = {}
        for name, key in names.items():
            parts = name.split()
            for n in range(2, len(parts)):
                if any(len(w) >= 3 and w not in COMMON_WORDS for w in parts[:n]):
                    heads.setdefault(" ".join(parts[:n]), set()).add(key)
        for head, owners in heads.items():
            if len(owners) == 1 and head not in names:
                names[head] = next(iter(owners))
        # Without a common first word ("Vellardière" for Groupe Vellardière SA).
        tails: dict[str, set[str]] = {}
        for name, key in names.items():
            parts = name.split()
            if len(parts) >= 2 and parts[0] in COMMON_WORDS | {"the", "la", "le", "el", "die",
                                                               "der", "das", "les", "los"}:
                # "Centre de gestion du Val" is never "de gestion du Val"; "Ajuntament de Sant
                # Climent de Llobregat" is "Sant Climent de Llobregat"
                rest = parts[1:]
                while rest and rest[0] in LINKING_WORDS:
                    rest = rest[1:]
                tail = " ".join(rest)
                skipped = len(rest) < len(parts) - 1  # words left out: two at least remain
                if len(tail) >= 5 and tail not in COMMON_WORDS and not (skipped and (
                        len(rest) < 2 or rest[-1] in LINKING_WORDS)):
                    tails.setdefault(tail, set()).add(key)
        for tail, owners in tails.items():
            if len(owners) == 1 and tail not in names:
                names[tail] = next(iter(owners))
        # A domain may be the name's initials ("erpo.eu" for European Rail Policy Office).
        initials: dict[str, str] = {}
        for name, key in names.items():
            words = [w for w in name.split() if w[0].isalnum()]
            # with its linking words and without ("aqdf" for Agence québécoise des données
            # fiscales)
            # its first word whole and the others' initials ("mazowieckibs" for Mazowiecki Bank
            # Spółdzielczy)
            opening = words[0] + "".join(w[0] for w in words[1:]) if len(words) >= 3 else ""
            # a body's own initials after where it is ("dcs" for Victorian Department of
            # Customer Services)
            body = next((words[i:] for i in range(1, len(words)) if words[i] in BODIES), [])
            # the kind of body's initials before the rest of its name ("ccvaldazergues" for
            # Communauté de communes du Val d'Azergues)
            kinds = {lead + "".join(words[i:]) for i in range(2, len(words) - 1)
                     if words[i - 1] in UNCOUNTED and len(lead := "".join(
                         w[0] for w in words[:i] if w not in UNCOUNTED)) >= 2}
            for letters in {"".join(w[0] for w in words),
                            "".join(w[0] for w in words if w not in UNCOUNTED), opening,
                            "".join(w[0] for w in body if w not in UNCOUNTED), *kinds}:
                if len(letters) >= 3 and letters not in by_key:
                    initials[letters] = key if initials.get(letters, key) == key else ""
        ordered = sorted(names.items(), key=lambda kv: -len(kv[0]))
        return cls(apps, by_key, by_label, by_contact, ordered, short=frozenset(short),
                   initials={k: v for k, v in initials.items() if v},
                   agencies=frozenset(agencies),
                   firms=_firms(apps))

    def owns_domain(self, rows: list[int], sender: tuple[str, str]) -> bool:
        """Whether a sender whose mail named the company of ``rows`` writes from that
        company's own domain, not an agency's or a newsletter's: its display name is the
        company's, or the domain opens with its name or its initials, or holds the opening of
        one of its longer words ("bcl-leman" for Banque Cantonale Lémanique)."""
        keys = [key for key, held in self.by_key.items() if set(rows) & set(held)
                and len(key) >= 3]
        labels = domain_labels(sender[1])
        return self.named_in(sender[0]) == rows or any(
            label.startswith(key) for label in labels for key in keys) or any(
            _resembles(label, self.apps.at[r, s.COMPANY]) for label in labels for r in rows)

    def by_domain(self, address: str) -> list[int]:
        """``domain_rows``, remembered per domain (a mailbox has few domains, many times)."""
        domain = domain_of(address)
        if domain not in self.domains:
            self.domains[domain] = self.domain_rows(address)
        return self.domains[domain]

    def domain_rows(self, address: str) -> list[int]:
        """The applications whose company a sender's or recipient's domain names: a label
        equal to a company key ("acmesystems" for Acme Systems) or a job-link domain, or the
        first word of a company whose name has one word only beyond it ("acme" for Acme
        Systems, when no other company starts so)."""
        domain = domain_of(address)
        if writes_for_many(address):
            return []
        for label in domain_labels(address):
            if label in self.by_key:
                return self.by_key[label]
            if label in self.by_label:
                return self.by_label[label]
            if label in self.initials:
                return self.by_key[self.initials[label]]
        named = dict(self.names)
        for label in domain_labels(address):
            if len(label) < 4:
                continue
            # a word of one name only, not of two ("cascadia" for Cascadia Employment
            # Department and State of Cascadia - Department of Ecology): the name it opens, or
            # the name without its kind of body ("breda.nl" for Gemeente Breda)
            if len(self._holding(label)) == 1:
                starting = [k for k in self.by_key if k.startswith(label)]
                if starting:
                    return self.by_key[starting[0]]
                if label in named and label not in COMMON_WORDS:
                    return self.by_key[named[label]]
            # a longer name in the tracker ("Grupo Hostelero Sagrada Mar" at sagradamar.com)
            within = [k for k in self.by_key if len(label) >= 6 and label in k]
            if len(within) == 1:
                return self.by_key[within[0]]
            # a longer domain ("Almenara" at grupoalmenara.es, "Acme" at acmecareers.com)
            around = [k for k in self.by_key
                      if len(k) >= 5 and (label.endswith(k) or label.startswith(k))]
            if len(around) == 1:
                return self.by_key[around[0]]
            # the name cut short ("transmed-logistica" for Transportes Mediterráneos Logística)
            cut = {key for name, key in self.names if len(label) >= 5 and abbreviates(label, name)}
            if len(cut) == 1:
                return self.by_key[cut.pop()]
        # a hyphenated domain opening with the first word only one company's name opens with
        # ("hoefnagel-zv.nl" for Hoefnagel Zorgverzekeringen), or whose parts are words of
        # only one company's name in another order ("baumgartner-roesterei.at" for Café &
        # Rösterei Baumgartner)
        for part in domain.split("."):
            head = fold(part.split("-")[0]) if "-" in part else ""
            if head in self.short:
                return self.by_key[named[head]]
            pieces = {fold(p) for p in part.split("-")}
            if len(pieces) < 2 or any(len(p) < 3 for p in pieces):
                continue
            owners = {tuple(rows) for rows in self.by_key.values()
                      if pieces_fit(pieces, name_words(self.apps.at[rows[0], s.COMPANY]))}
            if len(owners) == 1:
                return list(owners.pop())
        # a word several names hold ("cascadia.gov" for two of one state's departments): one
        # of theirs, the role it names to tell which
        for label in domain_labels(address):
            owners = self._holding(label) if len(label) >= 5 else set()
            if 1 < len(owners) <= 3:
                return sorted({r for rows in owners for r in rows})
        return []

    def _holding(self, label: str) -> set[tuple[int, ...]]:
        """The applications of each company whose name holds a domain's word (one company
        may be under two keys, its umlauts folded two ways)."""
        return {tuple(rows) for key, rows in self.by_key.items() if label in key}

    def named_in(self, text: str, *, short: bool = True) -> list[int]:
        """The applications of the company named in a text (an ATS sender's display name,
        subject or body), the longest name found; a longer name's first word alone counts
        only when ``short`` (in a sender's name or a subject, not in a body, where "Brussels"
        is more often a place than Brussels Expo Services)."""
        if self._by_first is None:
            self._by_first = {}
            for rank, (name, key) in enumerate(self.names):
                if len(name) >= 3:
                    self._by_first.setdefault(name.split()[0], []).append((rank, name, key))
        words = fold(text).split()
        best: tuple[int, str] | None = None  # (rank among the names, longest first; key)
        for i, word in enumerate(words):
            for rank, name, key in self._by_first.get(word, ()):
                if (best is None or rank < best[0]) and (short or name not in self.short) \
                        and " ".join(words[i:i + name.count(" ") + 1]) == name:
                    best = (rank, key)
        if best is None and short and any(c.islower() for c in text):
            # initials written in capitals among other words ("ARRS – Komisija za provedbu
            # natječaja" for Agencija za regionalni razvoj Slavonije)
            for token in _WORD_OF_LETTERS.findall(text):
                letters = fold(token) if token.isupper() else ""
                if letters in self.initials and letters not in COMMON_WORDS:
                    return self.by_key[self.initials[letters]]
        return self.by_key[best[1]] if best else []

    def says_whole(self, text: str, rows: list[int]) -> bool:
        """Whether a text names the company of ``rows`` by its whole name, not only by the
        first words of it ("Civil Service Jobs" opens Civil Service Fast Stream's)."""
        keys = [key for key, held in self.by_key.items() if held == rows]
        whole = max((name for name, key in self.names if key in keys), key=len, default="")
        return bool(whole) and f" {whole} " in f" {' '.join(fold(text).split())} "

    def role_rows(self, text: str) -> list[int]:
        """The application whose role a text names in full, when the role is long enough to
        be no one else's (two words and fifteen letters at least) and no other application
        has it: a public recruiting portal names the vacancy, not the employer ("Vacature
        9712: Projectcoördinator digitalisering")."""
        words = f" {fold(text)} "
        found = [row for row, role in zip(self.apps.index, self.apps[s.ROLE], strict=True)
                 if isinstance(role, str) and len(fold(role)) >= 15 and len(role.split()) >= 2
                 and f" {fold(role)} " in words]
        roles = {fold(self.apps.at[row, s.ROLE]) for row in found}
        every = [row for row, role in zip(self.apps.index, self.apps[s.ROLE], strict=True)
                 if isinstance(role, str) and fold(role) in roles]
        return found if len(found) == 1 and len(every) == 1 else []

    def is_agency(self, address: str) -> bool:
        """Whether an address is an agency recruiter's the tracker holds as a contact (its
        domain names none of the companies the contact is held for), or an agency's the
        tracker names as an application's source."""
        return any(label in self.agencies for label in domain_labels(address)) or bool(
            self.by_source(address))

    def by_source(self, address: str) -> list[int]:
        """The applications whose source in the tracker is the firm an address's domain
        names: an agency or a search firm the person applied through ("Headhunter (Carlsson
        Partners)" for carlsson-partners.com, "Gi Group" for gigroup.com), one word of it
        only when long and no common word."""
        domain = domain_of(address)
        if domain not in self.intermediaries:
            self.intermediaries[domain] = [] if writes_for_many(address) else next(
                (self.firms[label] for label in domain_labels(address) if label in self.firms),
                [])
        return self.intermediaries[domain]


_NO_FIRM = frozenset({"agency", "agence", "agentur", "recruiter", "recruitment", "headhunter",
                      "personalberatung", "personalberater", "referral", "website", "company",
                      "careers", "career", "linkedin", "indeed", "staffing", "search"})


def _firms(apps: pd.DataFrame) -> dict[str, list[int]]:
    """The domain labels that spell the firm of each application's source: two to four of
    its words run together ("kesslerroth" for "Personalberatung Kessler & Roth"), or one
    long word that is no common one ("randstad"). A source written as a web address
    ("jobup.ch", "stelle.admin") is a job site, which speaks of many employers' vacancies,
    not a firm's."""
    firms: dict[str, set[int]] = {}
    sources = apps[s.SOURCE] if s.SOURCE in apps.columns else [None] * len(apps)
    for row, source in zip(apps.index, sources, strict=True):
        if not isinstance(source, str) or re.search(r"\w\.[a-z]{2,}", source):
            continue
        words = [w for w in fold(source).split() if w.isalnum()]
        spellings = {w for w in words if len(w) >= 5 and w not in COMMON_WORDS | _NO_FIRM}
        spellings |= {"".join(words[i:j]) for i in range(len(words))
                      for j in range(i + 2, min(len(words), i + 4) + 1)
                      if not set(words[i:j]) <= _NO_FIRM | COMMON_WORDS
                      and len("".join(words[i:j])) >= 5}
        for spelling in spellings:
            firms.setdefault(spelling, set()).add(row)
    return {spelling: sorted(rows) for spelling, rows in firms.items()}


def _resembles(label: str, company: object) -> bool:
    """Whether a domain label could be a company's: its initials open it, or it holds the
    opening of one of its longer, uncommon words."""
    words = fold(company).split()
    initials = "".join(w[0] for w in words)
    plain = label.replace("-", "")
    return (len(initials) >= 3 and plain.startswith(initials)) or any(
        len(w) >= 5 and w not in COMMON_WORDS and w[:5] in plain for w in words)


def is_bulk(message: Message | msg.Head, sender: str, labels: str) -> bool:
    """Job alerts, newsletters and marketing: never about one application."""
    get = msg.header_text
    if get(message, "List-Unsubscribe") or get(message, "List-Id"):
        return True
    if get(message, "Precedence").lower() in ("bulk", "list", "junk"):
        return True
    if "spam" in labels.lower() or "category promotions" in labels.lower():
        return True
    return bool(ALERT_SENDERS.search(sender))


def message_ids(text: str) -> list[str]:
    return re.findall(r"<[^<>\s]+>", text)


def match(index: Index, sender: tuple[str, str], to: list[tuple[str, str]]
           ) -> tuple[list[int], str]:
    """The applications a message may concern, from its headers, and how it was tied."""
    for _, address in [sender, *to]:
        if address in index.by_contact:
            return index.by_contact[address], "contact"
    for _, address in [sender, *to]:
        rows = index.by_domain(address)
        if rows:
            return rows, "domain"
    for _, address in [sender, *to]:
        rows = index.by_source(address)
        if rows:
            return rows, "domain"  # an agency's, read as one: the client it names
    if is_ats(domain_of(sender[1])):
        return index.named_in(sender[0]), "ats"  # the body may name it: decided on reading
    if is_platform(sender[1]):
        return index.named_in(sender[0]), "platform"
    if is_board(sender[1]):
        return index.named_in(sender[0]), "board"
    return [], ""
