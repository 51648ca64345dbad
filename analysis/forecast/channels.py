"""The channel an application went through (job board, company site, referral, recruiter or
agency, unknown), read from its source as trackers write it, in English, German, French and
Spanish, or as the person says.

The person's own word comes first: a mapping of source to channel (the dashboard keeps it as
the workspace setting ``CHANNEL_SETTING``). Otherwise the source's words decide, in order:
a referral ("Referred by Anna on LinkedIn") before a recruiter ("LinkedIn recruiter") before a
company site ("Careers page") before a job board ("LinkedIn Easy Apply", "Indeed"). A source
none of them names, or a blank one, is unknown: the forecast reads it as the usual mix.
Nothing here modifies its inputs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import pandas as pd

from analysis.model import schema as s

JOB_BOARD = "job_board"
COMPANY_SITE = "company_site"
REFERRAL = "referral"
RECRUITER = "recruiter"
UNKNOWN = "unknown"
NAMED_CHANNELS = (JOB_BOARD, COMPANY_SITE, REFERRAL, RECRUITER)
CHANNELS = (*NAMED_CHANNELS, UNKNOWN)
CHANNEL_LABELS = {JOB_BOARD: "Job board", COMPANY_SITE: "Company site", REFERRAL: "Referral",
                  RECRUITER: "Recruiter or agency", UNKNOWN: "Unknown (the usual mix)"}
# How many of them are said in a sentence: "12 job-board applications", "3 referrals".
CHANNEL_NOUNS = {
    JOB_BOARD: ("job-board application", "job-board applications"),
    COMPANY_SITE: ("application on a company site", "applications on company sites"),
    REFERRAL: ("referral", "referrals"),
    RECRUITER: ("recruiter approach", "recruiter approaches"),
    UNKNOWN: ("application from an unknown source", "applications from unknown sources"),
}
CHANNEL_SETTING = "source_channels"

# Words on normalised text (lower case, no accents, punctuation as spaces), per channel, in
# the order they are tried.
_VOCABULARY: tuple[tuple[str, str], ...] = (
    (REFERRAL, r"\brefer|\breferid|\breferencia|recommend|recommand|recomend|empfehl|"
               r"empfohl|\bcoopt|\bfriend|\bfreund|\bamig[oa]\b|colleague|kolleg|collegue|"
               r"\bcolega|\bvia a contact|\bthrough a contact|\binternal contact"),
    (RECRUITER, r"recruiter|\brecruiting (agency|firm)|\bagency\b|\bagentur|\bagence\b|"
                r"\bagencia\b|\bagenzia\b|head ?hunt|staffing|\bsourced\b|\binmail\b|"
                r"reached out|approached|\boutreach|personalvermitt|personalberat|"
                r"\bvermittler|zeitarbeit|recruteur|cabinet|chasseur|\binterim\b|"
                r"reclutador|cazatalentos|consultora|seleccion de personal|selezionat|"
                r"talent acquisition|\bhays\b|robert half|michael page|randstad|adecco|"
                r"manpower|\bkforce\b"),
    (COMPANY_SITE, r"company (web)?site|company page|career(s)? (site|page|portal|website)|"
                   r"corporate (web)?site|(?<!job )(?<!jobs )website|\bweb site\b|"
                   r"\bdirect(ly)?\b|\bkarriere ?seite|unternehmens ?(web)?seite|"
                   r"firmen ?(web)?seite|\bhomepage|\bwebseite|initiativbewerbung|"
                   r"\bsite (carriere|de l entreprise|entreprise|web|internet)\b|"
                   r"candidature spontanee|pagina (web )?de la empresa|"
                   r"\bweb de la empresa|\bsitio web|\bcold (e ?mail|email|application)|"
                   r"\be ?mail\b|\bworkday\b|\bgreenhouse\b|\blever\b|\bashby\b|"
                   r"smartrecruiters|\bpersonio\b"),
    (JOB_BOARD, r"linked ?in|easy ?apply|\bindeed|glassdoor|monster|ziprecruiter|\bdice\b|"
                r"stepstone|\bxing\b|job ?board|jobborse|jobboerse|stellenborse|"
                r"stellenboerse|stellen ?portal|stellenanzeige|job ?portal|job ?site|"
                r"job ?website|jobs ?website|jobs? ?ad\b|job posting|arbeitsagentur|"
                r"welcome to the jungle|\bwttj\b|\bapec\b|pole emploi|france travail|"
                r"hellowork|cadremploi|\bannonce|offre d emploi|infojobs|infoempleo|"
                r"tecnoempleo|portal de empleo|bolsa de (trabajo|empleo)|oferta de empleo|"
                r"\banuncio|totaljobs|\breed\b|cv ?library|\bseek\b|naukri|wellfound|"
                r"angel ?list|\botta\b|handshake|\bhired\b|simply ?hired|careerbuilder|"
                r"snagajob|jooble|adzuna|jobs ch|\bjobup\b|karriere at|hacker news|"
                r"who is hiring|remote ?ok|we work remotely|\bbuilt ?in\b|usajobs|"
                r"\bjobs? (site|board|platform)"),
)
_PATTERNS = tuple((channel, re.compile(words)) for channel, words in _VOCABULARY)


def normalised(source: object) -> str:
    """A source as the vocabulary reads it: lower case, accents and punctuation gone.

    >>> normalised("  Jobbörse / StepStone! "), normalised(None)
    ('jobborse stepstone', '')
    """
    if source is None or (not isinstance(source, str) and pd.isna(source)):  # type: ignore[call-overload]  # pandas-stubs: isna of an object is a bool
        return ""
    text = unicodedata.normalize("NFKD", str(source)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())


def channel_of(source: object) -> str:
    """The channel the vocabulary reads in a source (``UNKNOWN`` when it names none).

    >>> [channel_of(x) for x in ("LinkedIn Easy Apply", "Referred by Anna (LinkedIn)",
    ...                          "Karriereseite", "Headhunter", "Job fair", None)]
    ['job_board', 'referral', 'company_site', 'recruiter', 'unknown', 'unknown']
    """
    text = normalised(source)
    if not text:
        return UNKNOWN
    for channel, pattern in _PATTERNS:
        if pattern.search(text):
            return channel
    return UNKNOWN


def channels_from_setting(saved: object) -> dict[str, str]:
    """The person's mapping of source to channel as kept in the workspace: entries whose
    channel is not one of ``CHANNELS`` are dropped.

    >>> channels_from_setting({"Meetup": "referral", "X": "fax", 3: "job_board"})
    {'Meetup': 'referral'}
    """
    if not isinstance(saved, Mapping):
        return {}
    return {key: value for key, value in saved.items()
            if isinstance(key, str) and value in CHANNELS}


def source_channels(apps: pd.DataFrame, channels: Mapping[str, str] | None = None
                    ) -> pd.Series:
    """Each application's channel: the person's ``channels`` mapping (source to channel,
    matched on the source as written or as ``normalised``) first, then the vocabulary.

    >>> apps = pd.DataFrame({"source": ["Indeed", "Meetup", None, "Empfehlung"]})
    >>> source_channels(apps, {"meetup": "referral"}).tolist()
    ['job_board', 'referral', 'unknown', 'referral']
    """
    if s.SOURCE not in apps:
        return pd.Series(UNKNOWN, index=apps.index, dtype="str")
    said = {normalised(key): value for key, value in channels_from_setting(channels).items()}
    codes, distinct = pd.factorize(apps[s.SOURCE])
    found = [said.get(normalised(source)) or channel_of(source) for source in distinct]
    named = pd.array([*found, UNKNOWN], dtype="str")[codes]  # code -1 (a blank): unknown
    return pd.Series(named, index=apps.index, dtype="str")


def unrecognised_sources(apps: pd.DataFrame) -> list[str]:
    """The sources, as written, that the vocabulary reads no channel in (blanks left out),
    the most frequent first: the ones the person may say a channel for.

    >>> unrecognised_sources(pd.DataFrame({"source": ["Meetup", "Indeed", "Meetup", "Fair"]}))
    ['Meetup', 'Fair']
    """
    if s.SOURCE not in apps:
        return []
    written = apps[s.SOURCE].dropna().astype("str").str.strip()
    counts = written[written != ""].value_counts(sort=True)
    return [str(source) for source in counts.index if channel_of(source) == UNKNOWN]
