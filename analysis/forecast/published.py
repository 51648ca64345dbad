"""What job searches yield by channel, from published figures: the prior the forecast starts
from before a person's own history speaks, each figure with its sources, years and the
strength of the evidence behind it (an assumption is called one).

Stages as the forecast reads a tracker: a reply is any human answer, a rejection included
(an automatic acknowledgement is not); an interview is the first live conversation of any
kind; the offer is counted from that first interview. A chance is the mean of the published
plausible range read as a 90% interval (a Beta distribution through its ends), so that a
person drawn from anywhere in that range is expected right on average; the published central
figure is listed beside it. The weight is how many made-up applications the figure is worth
against the person's own: 25 for several consistent first-hand sources, 10 to 15 for a few,
8 to 10 for thin or derived figures. Times are medians of a lognormal.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.forecast.channels import (
    CHANNEL_LABELS,
    COMPANY_SITE,
    JOB_BOARD,
    NAMED_CHANNELS,
    RECRUITER,
    REFERRAL,
    UNKNOWN,
    source_channels,
)
from analysis.forecast.prior import Parts, Prior
from analysis.model.words import plural


@dataclass(frozen=True)
class Figure:
    """One cell of the published table: a channel's ``stage`` (``reply``, ``interview``,
    ``offer``: chances; ``reply_days``, ``interview_days``, ``offer_days``: median days), the
    ``value`` the forecast uses, the published ``central`` figure and plausible range
    ``low``-``high``, the ``weight`` in made-up applications (chances only), the strength of
    the ``evidence`` and its ``sources`` with their years."""

    channel: str
    stage: str
    value: float
    central: float
    low: float
    high: float
    weight: float
    evidence: str
    sources: str

    @property
    def assumption(self) -> bool:
        return self.evidence.startswith("ASSUMPTION")


STAGE_NAMES = {"reply": "reply per application", "interview": "interview given a reply",
               "offer": "offer given an interview", "reply_days": "days to a reply",
               "interview_days": "days from reply to interview",
               "offer_days": "days from interview to offer"}
CHANCES = ("reply", "interview", "offer")

_REPLY_DAYS = ("Employ (Jobvite, Lever, JazzHR) 2026: 7.2 days to the first screen, 6 at "
               "enterprises, 8 at small businesses; Sprockets: 8.8 days to contact; Hireology "
               "c. 2018: 10 days. The spread (lognormal, 0.8) is an assumption fitted to "
               "those means")
_INTERVIEW_DAYS = ("No published figure: an assumption, near Glassdoor 2015's 'phone "
                   "interviews add 8 to 8.2 days'")
_OFFER_DAYS = ("Glassdoor 2015: 13.6-17.7 days from first hearing back to the end of the "
               "process; Glassdoor 2017: 23.8 days from application to offer or rejection "
               "(US), less about 7 to first contact")

FIGURES: tuple[Figure, ...] = (
    # Job boards (LinkedIn, Easy Apply, Indeed and the like).
    Figure(JOB_BOARD, "reply", 0.265, 0.25, 0.15, 0.40, 20, "moderate (job seekers' counts; "
           "old)", "StepStone Belgium 2016-19: 24.1% answered within 45 days; CareerBuilder/"
           "Harris 2013: 75% of seekers never heard back; Sprockets: 82% of applications "
           "never viewed; StepStone 2025: 54% of seekers got no answer at all"),
    Figure(JOB_BOARD, "interview", 0.20, 0.16, 0.08, 0.35, 15, "moderate", "CareerPlug 2025 "
           "(2024 data): 3% of applicants interviewed; Ashby: 7-8% (2021) to 3.6-4.7% "
           "(2024-25); Jobvite: 12% (2014), 8.4% later; Lever 2017 (SMB): 13% of applicants "
           "screened; StepStone Belgium 2018-19: 6.4% per application, 27% of replies"),
    Figure(JOB_BOARD, "offer", 0.195, 0.20, 0.10, 0.31, 25, "moderate to strong", "Jobvite: "
           "offers per interview 17% (2015), 20% (2016), 28% (2017); CareerPlug 2025: 27% "
           "of interviews hired; StepStone Belgium 2018-19: 2.0/6.4 = 31%; Lever 2017 (SMB): "
           "10% of first screens, 32% of onsites; Glassdoor 2025: online applications 66% of "
           "interviews but 60% of offers"),
    Figure(JOB_BOARD, "reply_days", 7, 7, 6, 10, 0, "moderate on the mean, weak on the "
           "spread", _REPLY_DAYS),
    Figure(JOB_BOARD, "interview_days", 7, 7, 3, 14, 0, "ASSUMPTION", _INTERVIEW_DAYS),
    Figure(JOB_BOARD, "offer_days", 15, 15, 7, 30, 0, "moderate (derived)", _OFFER_DAYS),
    # Company career sites.
    Figure(COMPANY_SITE, "reply", 0.32, 0.30, 0.20, 0.45, 12, "weak to moderate",
           "Kline, Rose & Walters 2021 (83,000 applications to 108 large US employers): "
           "employer contact for about 20-22% (derived), rejections not counted; Talent "
           "Board 2013: 78% acknowledged (not replies)"),
    Figure(COMPANY_SITE, "interview", 0.25, 0.20, 0.12, 0.40, 10, "weak (derived from "
           "channel multiples)", "CareerPlug 2025: career pages 2.0x the average hires per "
           "applicant, 2.9x job boards; Jobvite 2014: career sites 34% of applications, 22% "
           "of hires (1.6x job boards)"),
    Figure(COMPANY_SITE, "offer", 0.21, 0.22, 0.12, 0.32, 15, "weak (as job boards; no "
           "published split)", "As job boards; CareerPlug 2025's career-page hiring "
           "advantage suggests a little more at this stage"),
    Figure(COMPANY_SITE, "reply_days", 7, 7, 5, 10, 0, "weak", "No figure by channel: "
           "Employ 2026, 6-8 days to interviews"),
    Figure(COMPANY_SITE, "interview_days", 7, 7, 3, 14, 0, "ASSUMPTION", _INTERVIEW_DAYS),
    Figure(COMPANY_SITE, "offer_days", 15, 15, 7, 30, 0, "weak", "As job boards; Jobvite "
           "2012: career-site hires 55 days from application, job boards 39"),
    # Referrals by an employee.
    Figure(REFERRAL, "reply", 0.74, 0.75, 0.55, 0.90, 10, "weak as a reply figure, strong "
           "that it is far above job boards", "Lever 2017 (SMB): 57% of referred candidates "
           "screened; Greenhouse (c. 2023-24): 50% pass the resume review against 12%; Ashby "
           "2026: 52% pass initial screens against 35%; the reply including rejections is an "
           "assumption of about 75%"),
    Figure(REFERRAL, "interview", 0.555, 0.53, 0.35, 0.75, 12, "moderate", "Ashby 2024: 40% "
           "of referred candidates go from application to interview; Lever 2017 (SMB): 57% "
           "get a preliminary conversation"),
    Figure(REFERRAL, "offer", 0.205, 0.17, 0.12, 0.30, 15, "moderate", "Ashby 2024: 16% of "
           "referred interviewees reach an offer; Lever 2016 (derived): 11% hired per screen; "
           "Glassdoor 2025: referred candidates 35% more likely to get an offer than online "
           "applicants (about 27%)"),
    Figure(REFERRAL, "reply_days", 4, 4, 1, 10, 0, "ASSUMPTION (no published first-reply "
           "figure)", "Indirect: Jobvite 2012, referral hires 29 days from application "
           "against 39 (job boards) and 55 (career sites); Jobvite Index c. 2013: hired 55% "
           "faster than from career sites"),
    Figure(REFERRAL, "interview_days", 7, 7, 3, 14, 0, "ASSUMPTION", _INTERVIEW_DAYS),
    Figure(REFERRAL, "offer_days", 14, 14, 7, 25, 0, "weak", "As job boards, a little faster "
           "(Jobvite 2012)"),
    # Recruiters and agencies that approach the person (the application: saying yes).
    Figure(RECRUITER, "reply", 0.91, 1.0, 0.80, 0.98, 10, "ASSUMPTION (1.0 by construction: "
           "the recruiter made contact; lowered because trackers often log the submission "
           "to a client, which may go unanswered)", "Lever 2018: 35-59% of people reply to "
           "recruiters' cold contact (44.7% at companies over 1,000 employees); context "
           "only"),
    Figure(RECRUITER, "interview", 0.39, 0.45, 0.20, 0.60, 8, "weak to moderate (derived)",
           "Lever 2017 (SMB): agency candidates screened 59% of the time; sourced candidates "
           "21% of all sourced, about 47% of those who replied (derived)"),
    Figure(RECRUITER, "offer", 0.13, 0.12, 0.07, 0.20, 10, "weak (derived)", "Lever 2016: "
           "agency candidates 1 in 22 hired, 7.7% hired per screen (derived); Glassdoor 2015: "
           "recruiter-sourced interviews 7.4-11.4% less likely to end in an accepted offer"),
    Figure(RECRUITER, "reply_days", 3, 3, 1, 7, 0, "ASSUMPTION", "Only indirect: Lever 2018, "
           "about 85% of candidates' replies come by the recruiter's second email"),
    Figure(RECRUITER, "interview_days", 7, 7, 3, 14, 0, "ASSUMPTION", _INTERVIEW_DAYS),
    Figure(RECRUITER, "offer_days", 15, 15, 7, 30, 0, "weak", "As job boards; Gem 2023: "
           "time to hire lags for sourced candidates (no figure)"),
)

# A typical active searcher's applications by channel: derived from employer-side shares of
# applications and hires (CareerPlug 2025: job boards 61% of applications, career pages 13%,
# referrals 2%; Jobvite 2014: 43% and 34%; Glassdoor 2025: recruiter outreach 14.8% of
# interviews), not a published figure. The unknown channel is this blend.
MIX = {JOB_BOARD: 0.65, COMPANY_SITE: 0.22, REFERRAL: 0.05, RECRUITER: 0.08}

# Reading of the stages where nothing is published (ASSUMPTIONS): before a reply, 3% end
# (withdrawn, or marked ghosted with a date) about 30 days on; a reply that leads to no
# interview is mostly the rejection itself (85% of them, that day; the rest fall silent);
# after an interview, 80% of those without an offer hear a no, as long after as an offer
# would come (the rest are ghosted).
ENDED_BEFORE_REPLY, ENDED_BEFORE_REPLY_DAYS = 0.03, 30
REJECTED_AT_REPLY = 0.85
REJECTED_AFTER_INTERVIEW = 0.8
REPLY_SPREAD, INTERVIEW_SPREAD, OFFER_SPREAD = 0.8, 0.6, 0.5

_BY_CELL = {(f.channel, f.stage): f for f in FIGURES}


def figure(channel: str, stage: str) -> Figure:
    return _BY_CELL[(channel, stage)]


def _channel_prior(channel: str) -> dict[str, Prior]:
    def value(stage: str) -> float:
        return figure(channel, stage).value

    def weight(stage: str) -> float:
        return figure(channel, stage).weight

    interview, offer = value("interview"), value("offer")
    return {
        "applied": Prior(value("reply"), value("reply_days"), ENDED_BEFORE_REPLY,
                         ENDED_BEFORE_REPLY_DAYS, REPLY_SPREAD, weight("reply")),
        "replied": Prior(interview, value("interview_days"),
                         REJECTED_AT_REPLY * (1 - interview), 0, INTERVIEW_SPREAD,
                         weight("interview")),
        "interviewed": Prior(offer, value("offer_days"), REJECTED_AFTER_INTERVIEW * (1 - offer),
                             value("offer_days"), OFFER_SPREAD, weight("offer")),
    }


CHANNEL_PRIOR: dict[str, dict[str, Prior]] = {c: _channel_prior(c) for c in NAMED_CHANNELS}
_REACHING = {"applied": (), "replied": ("applied",), "interviewed": ("applied", "replied")}


def channel_parts(channel: str, stage: str, mix: Mapping[str, float] | None = None) -> Parts:
    """The prior of a channel's stage as shares of named channels' priors: one for a named
    channel; for ``UNKNOWN``, the channels weighted as searches are (``mix``, by default the
    typical ``MIX``) and by how many of each reach the stage.

    >>> [(round(share, 3), prior.forward) for share, prior in channel_parts("referral",
    ...                                                                       "replied")]
    [(1.0, 0.555)]
    """
    if channel != UNKNOWN:
        return ((1.0, CHANNEL_PRIOR[channel][stage]),)
    shares = {c: (mix or MIX).get(c, 0.0) for c in NAMED_CHANNELS}
    for before in _REACHING[stage]:
        shares = {c: share * CHANNEL_PRIOR[c][before].forward for c, share in shares.items()}
    total = sum(shares.values())
    return tuple((share / total, CHANNEL_PRIOR[c][stage]) for c, share in shares.items())


def offers_per_100(channel: str) -> float:
    """The offers per 100 applications the published figures give a channel (the chance of
    a reply, times an interview, times an offer).

    >>> round(offers_per_100("job_board"), 1), round(offers_per_100("referral"), 1)
    (1.0, 8.4)
    """
    chances = []
    for stage in ("applied", "replied", "interviewed"):
        parts = channel_parts(channel, stage)
        chances.append(sum(share * prior.forward for share, prior in parts))
    return 100 * chances[0] * chances[1] * chances[2]


def published_table() -> pd.DataFrame:
    """The published figures, one row per channel and stage: ``channel``, ``stage``,
    ``used`` (what the forecast uses), ``central``, ``low``, ``high``, ``weight``,
    ``evidence``, ``sources``."""
    return pd.DataFrame([{
        "channel": CHANNEL_LABELS[f.channel], "stage": STAGE_NAMES[f.stage], "used": f.value,
        "central": f.central, "low": f.low, "high": f.high, "weight": f.weight,
        "evidence": f.evidence, "sources": f.sources} for f in FIGURES])


def published_markdown() -> str:
    """The published figures as the README's table (Markdown), with the offers per 100
    applications each channel's figures give."""
    lines = ["| channel | stage | used | published (range) | weight | evidence | sources |",
             "|---|---|---|---|---|---|---|"]
    for f in FIGURES:
        chance = f.stage in CHANCES
        used = f"{f.value:.1%}" if chance else f"{f.value:g} days"
        said = (f"{f.central:.0%} ({f.low:.0%}-{f.high:.0%})" if chance else
                f"{f.central:g} ({f.low:g}-{f.high:g})")
        lines.append(f"| {CHANNEL_LABELS[f.channel]} | {STAGE_NAMES[f.stage]} | {used} | "
                     f"{said} | {f'{f.weight:g}' if chance else '-'} | {f.evidence} | "
                     f"{f.sources} |")
    lines += ["", "| channel | offers per 100 applications | share of a typical search |",
              "|---|---|---|"]
    lines += [f"| {CHANNEL_LABELS[c]} | {offers_per_100(c):.1f} | "
              f"{MIX[c]:.0%} |" for c in NAMED_CHANNELS]
    lines.append(f"| {CHANNEL_LABELS[UNKNOWN]} | {offers_per_100(UNKNOWN):.1f} | - |")
    return "\n".join(lines)


def published_outlook(apps: pd.DataFrame, *, channels: Mapping[str, str] | None = None,
                      probability: float = 0.8) -> str:
    """What the published figures alone say of the person's applications, in words, for a
    tracker that records no reply: the channels they went through with each one's offers per
    100 applications, and how many applications in that mix bring an offer with
    ``probability`` (however long the replies take: times are not counted).

    >>> published_outlook(pd.DataFrame({"source": ["Indeed"] * 3 + ["Referral"]}))[-141:-53]
    'About 2.9 offers per 100 in that mix, so about 56 applications like these bring an offer'
    """
    if apps.empty:
        return ""
    counts = source_channels(apps, channels).value_counts()
    parts = [f"{CHANNEL_LABELS[str(c)].lower()} {n:,} (about {offers_per_100(str(c)):.1f} "
             "offers per 100)" for c, n in counts.items()]
    per_100 = sum(offers_per_100(str(c)) * n for c, n in counts.items()) / counts.sum()
    needed = math.ceil(math.log(1 - probability) / math.log(1 - per_100 / 100))
    return (f"On the published figures alone, your {plural(len(apps), 'application')} by "
            f"channel: "
            f"{'; '.join(parts)}. About {per_100:.1f} offers per 100 in that mix, so about "
            f"{needed:,} applications like these bring an offer with {probability:.0%} "
            "probability, however long the replies take.")
