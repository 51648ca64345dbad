"""Who sent a message: a person (a name, a personal address), a company's team mailbox, an
applicant tracking system, a platform acting for the employer (scheduling, assessments,
e-signature), a job board relaying the person's own application, or a machine answering for
someone away (an auto-reply). The reader weighs a message's words by its sender."""

from __future__ import annotations

import functools
import re
from email.message import Message

from analysis.mail import message as msg
from analysis.model.keys import fold

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
    "sapsf.com", "sapsf.eu", "csod.com", "jobylon.com", "factorialhr.com", "flatchr.io",
    "welcomekit.co", "talentsoft.com", "phenom.com", "beamery.com", "eightfold.ai",
    "paylocity.com", "ultipro.com", "dayforcehcm.com", "manatal.com", "hirehive.com",
    "jobscore.com", "clearcompany.com", "gohire.io", "tribepad.com", "oleeo.com",
    "kenjo.io", "otys.nl", "carerix.com", "easycruit.com", "talentlink.com", "lumesse.com",
    "hiringroom.com", "bizneo.com", "zohorecruit.com", "zohorecruit.eu", "recruiterbox.com",
    "freshteam.com", "hireology.com", "trakstar.com", "pinpoint.email", "teamtailor.eu",
    "smartrecruiters.email", "jobvite-mail.com", "icims.email", "lever-mail.com",
    "ashby-mail.com", "workday-mail.com", "mysolution.nl", "connexys.nl", "jobdiva.com",
    "ceipal.com", "bullhornstaffing.com", "vincere.io", "erecruiter.pl", "successfactors.net",
    "smoothhiring.com", "quarksup.com", "taleez.com", "digitalrecruiters.com", "jobaffinity.fr",
    "cegid.com", "talentclue.com", "kombo.dev", "dvinci-easy.com", "coveto.de", "perbility.de",
    "gojobee.com", "talentview.io", "jobsoid.com", "recruitcrm.io", "loxo.co",
    "dayforce.com", "gupy.io", "reachmee.com", "webcruiter.no", "varbi.com", "hr-skyen.no",
    "emply.com", "jobtrain.co.uk", "trac.jobs", "networx.co.uk", "peoplehr.net",
    "hibob.com", "traffit.com", "elevato.net", "talentlyft.com", "recruitly.io",
    # hourly hiring, schools, hospitals and public bodies
    "harri.com", "workstream.us", "workstream.is", "fountain.com", "talentreef.com",
    "apploi.com", "paycor.com", "applitrack.com", "frontlineeducation.com", "brassring.com",
    "kenexa.com", "phenompeople.com", "jobappnetwork.com", "hirebridge.com",
    "healthcaresource.com", "neogov.com", "governmentjobs.com", "pageuppeople.com",
    "ciphr.com", "eploy.co.uk", "workforcenow.adp.com",
)
# Services that write for an employer: the company is in the display name ("Acme via
# HackerRank"), the subject or the body, never in the domain.
PLATFORM_DOMAINS = frozenset({
    "calendly.com", "goodtime.io", "modernloop.io", "cal.com", "doodle.com", "youcanbook.me",
    "zcal.co", "savvycal.com", "prelude.co", "gem.com", "hackerrank.com",
    "hackerrankforwork.com", "codility.com", "codesignal.com", "testgorilla.com",
    "hirevue.com", "coderbyte.com", "criteriacorp.com", "shl.com", "pymetrics.ai",
    "karat.com", "codinggame.com", "codingame.com", "qualified.io", "docusign.net",
    "docusign.com", "hellosign.com", "dropboxsign.com", "echosign.com", "adobesign.com",
    "yousign.com", "pandadoc.com", "signnow.com",
    # more scheduling, assessment, video interview, e-signature and background-check services
    "cronofy.com", "paradox.ai", "acuityscheduling.com", "setmore.com", "zoom.us",
    "calendar-notification.google.com", "centraltest.com", "cut-e.com", "aon.com",
    "talentlens.com", "mettl.com", "testdome.com", "hackerearth.com", "devskiller.com",
    "imocha.io", "harver.com", "arcticshores.com", "sova.ai", "wonderlic.com", "vervoe.com",
    "bryq.com", "assessfirst.com", "saville.com", "thomas.co", "predictiveindex.com",
    "sparkhire.com", "willo.video", "myinterview.com", "vidcruiter.com", "modernhire.com",
    "hireflix.com", "cammio.com", "easyinterview.com", "signrequest.com", "zohosign.com",
    "checkr.com", "sterlingcheck.com", "hireright.com", "fadv.com", "certn.co",
    "goodtime-mail.io", "interviewing.io", "bookings.microsoft.com", "criteria.com",
    "codesubmit.io", "xobin.com", "canditech.io", "glider.ai", "adaface.com", "testinvite.com",
    "hirevue-mail.com", "spark-hire.com", "talview.com", "eskill.com", "alooba.com",
    "pullrequest.com", "coderpad.io", "byteboard.dev", "woven-teams.com"})
# Job boards: their mail is about many jobs (alerts), or relays the person's own application.
BOARD_LABELS = frozenset({
    "linkedin", "indeed", "indeedmail", "glassdoor", "xing", "stepstone", "monster",
    "ziprecruiter", "welcometothejungle", "otta", "wellfound", "infojobs", "tecnoempleo",
    "jobteaser", "hellowork", "apec", "francetravail", "pole-emploi", "arbeitsagentur",
    "jobrapido", "jooble", "simplyhired", "dice", "kununu", "jobup", "inclusion", "joblift",
    "jobware", "meinestadt", "totaljobs", "reed", "cwjobs", "seek", "naukri", "jobsite",
    "computrabajo", "trabajando", "laboris", "infoempleo", "empleate", "studentjob",
    "nationale-vacaturebank", "werkzoeken", "simplify", "huntr", "tealhq", "jobleads",
    "stepstone-mail", "bumeran", "zonajobs", "catho", "vagas", "jobindex", "pracuj",
    "jobsdb", "jobstreet", "bayt", "naukrigulf", "foundit", "timesjobs", "irishjobs",
    "cv-library", "adzuna", "workopolis", "jora", "jobbank", "arbetsformedlingen",
    "nofluffjobs", "justjoin", "careerjet", "jobserve", "milkround", "gradcracker",
    "joinhandshake", "jobat", "occ", "occmundial", "trademe", "jobsireland", "instahyre",
    "kalibrr", "mycareersfuture", "jobted", "ethicaljobs", "workforceaustralia", "snagajob",
    "indeedflex", "instawork", "schoolspring", "edjoin", "k12jobspot", "usajobs",
    "careerbuilder", "theladders", "builtin", "handshake"})
# Job boards known by their whole host, whose labels alone say nothing ("landing.jobs")
BOARD_HOSTS = frozenset({"landing.jobs", "itjobs.pt", "net-empregos.com", "emprego.sapo.pt",
                         "jobmatchrh.com.br"})
# Mail providers where people keep personal addresses: a sender there is a person, never a
# company's domain (one list for the whole reader).
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "outlook.de", "outlook.fr", "outlook.es",
    "hotmail.com", "hotmail.fr", "hotmail.de", "hotmail.es", "hotmail.it", "hotmail.co.uk",
    "live.com", "live.co.uk", "live.fr", "msn.com", "yahoo.com", "yahoo.fr", "yahoo.es",
    "yahoo.de", "yahoo.it", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com",
    "aol.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "posteo.de",
    "posteo.net", "mailbox.org", "proton.me", "protonmail.com", "pm.me", "tutanota.com",
    "tuta.io", "mail.com", "yandex.com", "qq.com", "orange.fr", "free.fr", "laposte.net",
    "sfr.fr", "wanadoo.fr", "libero.it", "virgilio.it", "telenet.be", "bluewin.ch",
    "ziggo.nl", "kpnmail.nl", "sapo.pt", "terra.com.br", "uol.com.br", "bol.com.br"})
_GENERIC_LOCAL = re.compile(
    r"(?i)^(?:no-?reply|do-?not-?reply|noreply\w*|notifications?|alerts?|jobs?|careers?|career|"
    r"hr|rh|rrhh|recruit\w*|recrut\w*|reclut\w*|talent\w*|hiring|people|bewerbung\w*|"
    r"karriere|personal\w*|jobs?-\w+|team|hello|hallo|bonjour|hola|info|contact\w*|office|"
    r"admin|empleo\w*|trabajo|seleccio\w*|selecci[oó]n|candidat\w*|apply|applications?|"
    r"stellen\w*|emploi\w*|mail|support|service|news\w*|marketing|digest|receipts?|orders?|"
    r"billing|invoices?|account\w*|security|statements?|alerts?|ats|workflow|system|"
    r"mailer|bounce\w*|postmaster|[a-z0-9.-]*\.fa\.sender)$")
_ORG_WORDS = re.compile(
    r"(?i)\b(?:team|talent|careers?|hiring|recruit\w*|hr|people|jobs?|gmbh|ag|ltd|limited|inc|"
    r"corp|corporation|industries|labs?|systems|holdings?|partners|consulting|solutions|"
    r"llc|plc|sa|sas|sarl|sl|bv|nv|kg|co|company|group|groupe|grupo|bewerber\w*|personal\w*|"
    r"karriere|recrut\w*|rrhh|selecci\w+|equipo|équipe|agence|agency|fondation|fundaci\w+|"
    r"ville|stadt\w*|university|universität|bank|via|notifications?|service|services|"
    r"support|portal|bewerbungsportal|applications?|candidate|experience|acquisition|"
    r"department|abteilung|direction|ressources|humaines|humanos|recursos|resources|"
    r"human|the|de la|del|des|und|and|&)\b")


def _parents(domain: str) -> list[str]:
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


def is_platform(address: str) -> bool:
    """A scheduling, assessment or e-signature service writing for an employer."""
    domain = address.rsplit("@", 1)[-1].lower()
    return any(parent in PLATFORM_DOMAINS for parent in _parents(domain))


def is_board(address: str) -> bool:
    """A job board's address (LinkedIn, Indeed, XING, StepStone, InfoJobs...)."""
    domain = address.rsplit("@", 1)[-1].lower()
    return any(label in BOARD_LABELS for label in domain.split(".")[:-1]) or any(
        parent in BOARD_HOSTS for parent in _parents(domain))


# A machine's address: no one answers it. A calendar's notice names its organiser ("Gabriel
# Souza (Google Agenda)" at calendar-notification@google.com) but is not her mail.
AUTOMATIC_ADDRESS = re.compile(r"(?i)no-?reply|do-?not-?reply|mailer-daemon|calendar-notification|"
                               r"ne-?pas-?repondre|nao-?responda|no-?responder|non-?rispondere|"
                               r"nicht-?antworten|niet-?beantwoorden")


# Lowercase words inside a person's name: "Anneke de Vries", "Ludwig van Beethoven".
_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "der", "den", "van", "von",
                        "ten", "ter", "la", "le", "y", "e", "dos", "das", "zu", "bin", "al"})


# An assistant writing for someone: "Cortana pour Arnaud Vuilleumier", "Scheduler on behalf of
# Dana Lee", "Assistenz im Auftrag von Dr. Meier"
_ON_BEHALF = re.compile(r"(?i)\s(?:on behalf of|pour|im auftrag von|i\.\s?a\.|en nombre de|"
                        r"per conto di|namens|em nome de)\s+\S")


@functools.lru_cache(maxsize=65536)  # a mailbox hears from the same senders again and again
def is_person(name: str, address: str) -> bool:
    """Whether a person wrote from this sender: a display name of two to four words that
    name no organisation ("Ana Ruiz", "Dr. Carsten Mahler"), or none and an address like
    "first.last@"; never a no-reply or team mailbox with no person's name.

    >>> is_person("Ana Ruiz", "rrhh@acme.es"), is_person("Acme Careers", "jobs@acme.com")
    (True, False)
    >>> is_person("Anneke de Vries", "a.devries@erpo.eu")
    True
    >>> is_person("Laure Aubert", "l.aubert@aubert-conseil.fr")
    True
    >>> is_person("Camille Sorel", "camille@ateliersorel.fr")
    True
    >>> is_person("Cortana pour Arnaud Vuilleumier", "cortana@veriane-sante.ch")
    False
    >>> is_person("Gabriel Souza (Google Agenda)", "calendar-notification@google.com")
    False
    """
    local = address.split("@", 1)[0].lower()
    if AUTOMATIC_ADDRESS.search(local) or _ON_BEHALF.search(name):
        return False
    free = address.rsplit("@", 1)[-1].lower() in FREE_MAIL
    words = [w for w in re.split(r"[\s,]+", re.sub(r"\(.*?\)|\".*?\"", " ", name).strip())
             if w and not re.fullmatch(r"(?i)dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|mme|m\.", w)]
    domain = fold(address.rsplit("@", 1)[-1]).replace(" ", "")
    if len(words) >= 2 and _named_local(words, local):
        return True  # "Laure Aubert" <l.aubert@aubert-conseil.fr>: a founder at her firm
    if any(len(w) >= 4 and fold(w).replace(" ", "") in domain for w in words):
        return False  # the company's own name ("Soierie Vivante" at soierie-vivante.fr)
    if words:
        if (_ORG_WORDS.search(" ".join(words)) and not free) or len(words) > 4:
            return False
        if any(not w[0].isupper() for w in words if w[0].isalpha()
               and w.lower() not in _PARTICLES):
            return False
        if len(words) == 1:
            return fold(words[0]) in fold(local) and not _GENERIC_LOCAL.match(local)
        return True
    return bool(re.fullmatch(r"[a-z]+[._-][a-z]+\d*", local)) and not _GENERIC_LOCAL.match(local)


def _named_local(words: list[str], local: str) -> bool:
    """Whether an address's local part is the name's first name (or its initial) and last
    name, or the first name alone: "laure.aubert", "l.aubert", "laureaubert", "camille"."""
    first, last = fold(words[0]).replace(" ", ""), fold(words[-1]).replace(" ", "")
    if not first or len(last) < 2:
        return False
    plain = re.sub(r"[._-]", "", local)
    return plain in (first + last, first[0] + last) or (
        len(first) >= 3 and plain == first and not _GENERIC_LOCAL.match(local))


def is_auto_reply(head: Message | msg.Head) -> bool:
    """An auto-reply by its headers: Auto-Submitted: auto-replied, X-Autoreply,
    X-Autorespond, Precedence: auto_reply."""
    get = msg.header_text
    return bool(re.search(r"(?i)auto-replied", get(head, "Auto-Submitted"))
                or get(head, "X-Autoreply") or get(head, "X-Autorespond")
                or get(head, "Precedence").lower() == "auto_reply")
