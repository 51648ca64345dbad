"""The company of an application the tracker does not hold yet, from the message that tells
of it: an acknowledgement from a tracking system or a job board ("Acme via Greenhouse",
"the Data Analyst position at Acme", InfoJobs' "Técnico de datos / Logística Besòs – Sant
Adrià"), or the person's own application (the company it was sent to). The role is never
taken for the company: a name followed by "position" or equal to the role named is none."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from typing import Any

from analysis.mail.domains import domain_labels, domain_of, in_domains, is_ats
from analysis.mail.matching import SENDER_WORDS
from analysis.mail.senders import FREE_MAIL, is_board, is_person, is_platform
from analysis.model.keys import company_key, fold

Evidence = Mapping[Hashable, Any]

_NAME = r"([A-Z0-9ÄÖÜÉÈÀÂÁÍÓÚÑÇ][\w&.'’\- ]{1,50}?)"
_ENDS = (r"(?=\s*(?:[.,!:;()\n|]|$|\s(?:for|as|in|und|and|et|y|-|–|—|·|is|has|team|hiring|"
         r"für|pour|para|als|was|wurde|ist|est|a bien|a été|ha sido|fue|è stata|foi|is)\b))")
# "the Data Analyst position at Acme", "la candidature au poste X chez Acme", "bei Acme"
_AT_COMPANY = re.compile(
    r"(?i:position|role|job|opportunity|opening|vacancy|team|stelle|position|poste|offre|puesto|"
    r"oferta|vacante)\b[^.\n]{0,60}?\b(?i:at|with|bei|chez|en|auprès de)\s+" + _NAME + _ENDS)
# "applying to Acme", "your application to Acme", "interest in Acme", "sent to Acme"
_TO_COMPANY = re.compile(
    r"(?i:applying (?:to|at|with)|application (?:to|at|with|was sent to|has been sent to)|"
    r"sent to|interest in|bewerbung bei|bewerbung an|candidature chez|candidature auprès de|"
    r"candidatura (?:en|a|para)|welcome to|(?:team|careers|talent|recruiting) at|"
    r"thank you for choosing|merci de l'intérêt porté à|interés en)\s+(?:the |der |die |la |le "
    r"|el )?" + _NAME + _ENDS)
# "publicada por Estudio Contable Iturbe & Asociados", "posted by Acme": a board's offer
_POSTED_BY = re.compile(r"(?i:publicad[ao] por|posted by|publiée? par|veröffentlicht von|"
                        r"ausgeschrieben von|pubblicat[ao] da|divulgad[ao] por)\s+" + _NAME + _ENDS)
# "your application has been sent to Acme" (a site writing in its own name)
_SENT_TO = re.compile(r"(?i:(?:application|cv|profile)\s+(?:has been |was )?(?:sent|forwarded|"
                      r"submitted|passed on) to)\s+(?:the )?" + _NAME + _ENDS)
# "the round we are running on behalf of Services Delivery Australia": an agency's client
_ON_BEHALF = re.compile(r"(?i:on behalf of|im auftrag (?:von|der|des)|pour le compte (?:de|d')|"
                        r"en nombre de|per conto di|namens|em nome de)\s+(?:the |der |die |la |"
                        r"le |el )?" + _NAME + _ENDS)
# "da empresa Ribeira Digital", "the company Acme", "de l'entreprise Acme": a site naming the
# employer it passed the application to
_COMPANY_WORD = re.compile(r"(?i:\b(?:empresa|company|employer|entreprise|firma|unternehmen|"
                           r"azienda|empregador|empleador))\s+" + _NAME + _ENDS)
# "Obrigado por utilizar o Net-Empregos": the sender is the site the person used, no employer
_THANKS_FOR_USING = re.compile(r"(?i)\b(?:thank(?:s| you) for using|obrigad[oa] por (?:utilizar|"
                               r"usar)|gracias por (?:utilizar|usar)|merci d'(?:avoir )?utilis|"
                               r"danke,? dass sie|grazie per (?:aver )?utilizzato)\b")
# What an acknowledgement of an untracked application speaks of (``of_a_job``): stricter than
# ``other_mail.APPLICATION_WORDS``, which reads mail already tied to a tracked company
# ("application" alone is a loan's, a visa's or a club's too; "offer" a shop's)
_OF_A_JOB = re.compile(
    r"(?i)\b(?:candida(?:tes?|cy|tures?|turas?|tos?)|shortlist\w*|the post of|bewerb\w*|"
    r"sollicit\w*|postula\w*|ans[öø]k\w*|ans[øo]gning\w*|s[øo]knad\w*|"
    r"vagas?|vacan\w*|vacature\w*|functie|positions?|posizion\w*|postes?|puestos?|"
    r"stellen?\w*|stanowisk\w*|pozic\w*|tjänst\w*|jobs?|roles?|rôles?|cv|resume|résumé|"
    r"curr[ií]cul\w*|lebenslauf|recruit\w*|hiring|emplois?|empleos?|emprego|lavoro|openings?|"
    r"processo seletivo|proceso de selección|selezione|careers?|karriere|talent\w*|rekrutac\w*|"
    r"recrut\w*|reclut\w*|selecci[oó]n|seleção|werving)\b")
# What else people apply for, whose receipts read like a job's ("your application to the
# Summer School", "your membership application", "your entry to the competition"); with no
# job, post or vacancy named beside it, such a receipt is no job application
_NOT_A_JOB = re.compile(
    r"(?i)\b(?:scholarships?|bursar(?:y|ies)|summer school|courses?|workshops?|training "
    r"programme|membership|member application|volunteer\w*|competitions?|contest|awards?|"
    r"grants?|funding|visas?|loans?|mortgage|tenancy|rental|flat|apartment|conference|"
    r"abstracts?|talk proposal|call for papers|admissions?|enrol(?:l)?ment|stipend|becas?|"
    r"stipendium|bourses?|formations?|cursos?|corsi|mitgliedschaft|wettbewerb|ehrenamt\w*|"
    r"bénévol\w*|voluntari\w*|inscri(?:ption|pción|zione)|adhésion|lidmaatschap|cursus|"
    r"vrijwillig\w*|beurs|medlemskap|medlemskab|trenings?tid|træningstid|halltid|kurs(?:er|en)?|"
    r"stipendi\w*|lån|bolig|lägenhet|leilighet|bostad|klubb\w*|klub|förening|forening|tävling|"
    r"konkurranse|konkurrence|frivillig\w*|antagning|opptak|optagelse|członkostw\w*|"
    # a stall at a market: "din ansökan till Loppis i Vasaparken"
    r"loppis|loppmarknad\w*|flohmarkt\w*|brocante|vide-grenier|mercadillo|rastrillo|mercatino|"
    r"flea market|craft fair|"
    # a day's help at an event: "din søknad som CFAD (crew for a day)", "Festivalhelfer"
    r"crew for a day|festival\w*|\w*helfer(?:in|innen)?|lan party)\b")
_A_JOB = re.compile(
    r"(?i)\b(?:jobs?|positions?|roles?|vacanc(?:y|ies)|posts?|stellen?|stelle|postes?|puestos?|"
    r"vagas?|vacatures?|functie|posizion[ei]|employment|candidature à l'offre|offre d'emploi|"
    r"oferta de empleo|stilling\w*|tjänst\w*|jobb\w*|stanowisk\w*)\b")
_ROLE_AFTER = re.compile(r"(?i)^\s*(?:position|role|job|opening|vacancy|stelle|poste|puesto|"
                         r"team|program|programme)\b")
# A job board's line naming the company and its town under the role: "Acme – Berlin".
_COMPANY_TOWN = re.compile(r"(?m)^\s*" + _NAME + r"\s+[–—·|-]\s+[A-ZÄÖÜÉ][\w'’ .\-]{1,40}?"
                           r"(?:\s+[–—·|-]\s+[^\n]{0,60})?\s*$")
# A signature naming the team: "The Acme Talent Team", "Acme Recruiting", "L'équipe Acme".
_SIGNATURE = re.compile(
    r"(?m)^\s*(?:(?i:the|ihr|dein|das|el|l'|la)\s*)?" + _NAME + r"\s+(?i:talent acquisition|"
    r"talent|recruiting|recruitment|hiring|people|hr|careers)?\s*(?i:team|recruiting|recruitment|"
    r"talent acquisition)\s*$"
    r"|^\s*(?i:l'équipe|équipe|el equipo de|equipo de|das team von|team)\s+" + _NAME + r"\s*$")
_VIA = re.compile(r"(?i)\s+(?:via|über|through|par|vía|a través de)\s+\S+\s*$")
_ORG_SPLIT = re.compile(r"\s+(?:[–—|:]|-)\s+")
_FROM_ORG = re.compile(r"(?i)\b(?:from|at|bei|de chez|chez|de|von)\s+(.+)$")


def _own_domain(name: str, address: str) -> bool:
    """Whether a display name is the sending domain's own ("Jobsbridge" at jobsbridge.co.uk)."""
    key = company_key(name.split(".")[0] if re.fullmatch(r"[\w-]+(?:\.[a-z]{2,})+", name.strip(),
                                                         re.I) else name)  # "reed.co.uk"
    return bool(key) and any(key == label or key in label for label in domain_labels(address))


def of_a_job(record: Evidence) -> bool:
    """Whether a message speaks of a job, a post, a candidate or a CV: the person's own mail
    always; received mail only in such words ("we have received your request" is a shop's or a
    bank's, "your application" a club's or a lender's too, not an employer's)."""
    if record.get("direction") == "sent":
        return True
    said = f"{record['subject']}\n{str(record.get('text', ''))[:3000]}"
    return bool(_OF_A_JOB.search(said)) and not (
        _NOT_A_JOB.search(said[:600]) and not _A_JOB.search(said))


def company_of(record: Evidence) -> str | None:
    """The company a message about an untracked application names, by the first of: the
    person's own application's recipient; the sender's display name when it names an
    organisation ("Acme via Greenhouse", "Acme Careers", "Ana from Acme"), not a person nor
    the tracking system or board itself; "the ... position at Acme"; "applying to Acme";
    a board's "Acme – Berlin" line; a signature ("The Acme Talent Team"); the sender's domain
    when it is the company's own."""
    subject, text = str(record["subject"]), str(record.get("text", ""))[:2000]
    role = _role_words(subject, text)
    if record.get("direction") == "sent":
        return _recipient_company(str(record.get("recipient_name", "")),
                                  str(record.get("recipient_address", "")))
    address = str(record["sender_address"])
    named = _display_company(str(record["sender_name"]), address)
    site = False  # the sender is the site the person applied through, not the employer
    if named and _own_domain(named, address):
        # a site writing in its own name ("Jobsbridge": "your application has been sent to
        # Harwick Labs", Net-Empregos: "da empresa Ribeira Digital"): the company the
        # application went to, when the text names another
        places = [(pattern, source) for pattern in (_SENT_TO, _COMPANY_WORD)
                  for source in (subject, text)]
        for pattern, source in places:
            for found in pattern.finditer(source):
                name = _clean(found.group(1))
                if name and company_key(name) != company_key(named) and \
                        company_key(name) not in role and \
                        not _ROLE_AFTER.match(source[found.end(1):]):
                    return name
        site = bool(_THANKS_FOR_USING.search(text))  # "thank you for using Net-Empregos"
        named = None if site else named
    if named:
        # an agency recruiting "on behalf of" its client: the client's application
        for found in _ON_BEHALF.finditer(text):
            name = _clean(found.group(1))
            if name and company_key(name) not in (company_key(named), *role):
                return name
        return named
    for pattern in (_AT_COMPANY, _TO_COMPANY, _POSTED_BY, _COMPANY_WORD):
        for source in (subject, text):
            for found in pattern.finditer(source):
                name = _clean(found.group(1))
                if name and not _ROLE_AFTER.match(source[found.end(1):]) and \
                        company_key(name) not in role:
                    return name
    if is_board(address):
        for found in _COMPANY_TOWN.finditer(text):
            name = _clean(found.group(1))
            if name and company_key(name) not in role:
                return name
    for found in _SIGNATURE.finditer(text):
        name = _clean(found.group(1) or found.group(2) or "")
        if name and not _own_domain(re.sub(r"(?i)^the\s+", "", name), address):
            return name  # not "The reed.co.uk team": the messenger's own name
    domain = domain_of(address)
    if site or is_ats(domain) or in_domains(domain, FREE_MAIL) or is_board(address) or \
            is_platform(address):
        return None
    labels = domain_labels(address)
    return labels[-1].capitalize() if labels else None


def _role_words(subject: str, text: str) -> set[str]:
    """Keys of what the message names as the role ("for the Data Analyst position")."""
    found = re.findall(r"(?i:position|role|job|stelle|poste|puesto|oferta)\s+(?:of |as |de |als "
                       r"|d[e']\s?)?[\"'“«]?([A-Z][\w/&+\- ]{2,60}?)[\"'”»]?(?=[.,!\n]|$|\s+at\b)",
                       f"{subject}\n{text}")
    found += re.findall(r"(?m)^\s*([A-Z][\w/&+\- ]{2,60}?)\s+(?i:position|role)\b", text)
    return {company_key(f) for f in found if f.strip()}


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" -–—.,'’")
    if len(name) < 2 or name.lower() in _NOT_NAMES:
        return ""
    return name


_NOT_NAMES = frozenset({"us", "you", "our", "the", "this", "our team", "the team", "we",
                        "uns", "nous", "nosotros", "a", "an", "it", "unfortunately", "dear",
                        "hello", "hi", "hallo", "bonjour", "hola", "thank you", "thanks"})


def _display_company(name: str, address: str) -> str | None:
    """The organisation a sender's display name names, if any."""
    if not name.strip():
        return None
    if is_person(name, address):
        return None
    person_from = _FROM_ORG.search(name)
    if person_from and is_person(name[:person_from.start()].strip(), address):
        name = person_from.group(1)
    name = _VIA.sub("", name)
    name = _ORG_SPLIT.split(name)[0]
    cleaned = re.sub(r"[|,:()\-–]+", " ", SENDER_WORDS.sub(" ", name))
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    if len(cleaned) < 2:
        return None
    key = company_key(cleaned)
    domain = domain_of(address)
    # the messenger's own name ("InfoJobs", "Greenhouse"), not a company on its subdomain
    # ("Hafenwerk Bremen GmbH" at hafenwerk-bremen.dvinci-hr.com)
    parts = domain.split(".")
    own = fold(parts[-3] if len(parts) >= 3 and len(parts[-2]) <= 3 else parts[-2] if len(
        parts) >= 2 else domain).replace(" ", "").replace("-", "")
    keys = [k for k in (key, company_key(name)) if k]  # "Welcome to the Jungle" whole too
    brand = len(own) >= 4 and any(k in own or own in k for k in keys)
    if brand and (is_ats(domain) or is_board(address) or is_platform(address)):
        return None
    if (is_board(address) or is_platform(address)) and key and any(
            key in label or label in key for label in domain_labels(address) if len(label) >= 4):
        return None  # a board on a shared domain: "Les emplois de l'inclusion"
    if fold(cleaned) in _NOT_NAMES:
        return None
    return cleaned


def _recipient_company(name: str, address: str) -> str | None:
    """The company the person's own application went to: the recipient's display name when
    it names an organisation, else its domain when it is not a free mail service."""
    if name.strip() and not is_person(name, address):
        first = _ORG_SPLIT.split(name)[0]
        cleaned = re.sub(r"\s+", " ", SENDER_WORDS.sub(" ", first)).strip(" -–")
        if len(cleaned) >= 2:
            return cleaned
    domain = domain_of(address)
    if not address or in_domains(domain, FREE_MAIL) or is_ats(domain) or is_board(address):
        return None
    labels = domain_labels(address)
    return labels[-1].capitalize() if labels else None


def tracked_already(name: str, tracked: list[str]) -> bool:
    """Whether a company named in a message is one the tracker holds written otherwise:
    longer or shorter ("Northwind" for "Northwind Analytics GmbH"), or shortened word by
    word ("TransMed Logística" for "Transportes Mediterráneos Logística, S.L.").

    >>> tracked_already("TransMed Logística", ["Transportes Mediterráneos Logística, S.L."])
    True
    >>> tracked_already("Trans Logistik", ["Transportes Mediterráneos Logística, S.L."])
    False
    """
    key = company_key(name)
    if not key:
        return False
    for other in tracked:
        known = company_key(other)
        if not known:
            continue
        if len(min(key, known, key=len)) >= 4 and (key in known or known in key):
            return True
        words = [w for w in re.split(r"[^a-z0-9]+", fold(other)) if w]
        if len(key) >= 6 and _prefixes(key, words, 0):
            return True
    return False


def _prefixes(letters: str, words: list[str], used: int) -> bool:
    """Whether ``letters`` is made of the openings (3 letters or more, or a whole word) of
    two or more of ``words``, in order."""
    if not letters:
        return used >= 2
    for i, word in enumerate(words):
        for cut in range(min(len(word), len(letters)), 2, -1):
            if letters.startswith(word[:cut]) and (cut >= 3 or cut == len(word)) and \
                    _prefixes(letters[cut:], words[i + 1:], used + 1):
                return True
    return False
