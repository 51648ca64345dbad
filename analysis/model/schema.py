"""The data model: canonical column names, their labels and aliases, and the status vocabulary.

Every other module refers to columns through the constants defined here, never through string
literals, so renaming a column or adding an alias is a one-line change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from analysis.model.keys import plain

Kind = Literal["text", "date", "status", "url", "email", "number"]


@dataclass(frozen=True)
class Column:
    """One canonical column: internal name, screen label, meaning and accepted header aliases."""

    name: str
    label: str
    kind: Kind
    description: str
    aliases: tuple[str, ...] = ()
    required: bool = False


COMPANY = "company"
ROLE = "role"
DATE_APPLIED = "date_applied"
STATUS = "status"
SOURCE = "source"
LOCATION = "location"
JOB_URL = "job_url"
CONTACT_NAME = "contact_name"
CONTACT_EMAIL = "contact_email"
CONTACT_CHANNEL = "contact_channel"
FIRST_RESPONSE_DATE = "first_response_date"
INTERVIEW_DATE = "interview_date"
INTERVIEW_NOTES = "interview_notes"
THANK_YOU_SENT = "thank_you_sent"
EXPECTED_DECISION_DATE = "expected_decision_date"
FOLLOW_UP_SENT = "follow_up_sent"
DECISION_DATE = "decision_date"
REJECTION_THANKS_SENT = "rejection_thanks_sent"
NOTES = "notes"
SALARY_MIN = "salary_min"
SALARY_MAX = "salary_max"

APPLICATION_COLUMNS: tuple[Column, ...] = (
    Column(
        COMPANY, "Company", "text", "The employer's name.",
        ("company name", "companyname", "employer", "organisation", "organization",
         "firm", "company applied to"),
        required=True,
    ),
    Column(
        ROLE, "Role", "text", "The job title applied for.",
        ("job title", "title", "position", "job position", "job", "job role",
         "role title", "position title", "jobtitle"),
    ),
    Column(
        DATE_APPLIED, "Date applied", "date", "The day the application was sent.",
        ("application date", "applied", "applied on", "applied date", "date of application",
         "date submitted", "submitted", "submission date", "createdat", "created at", "date"),
    ),
    Column(
        STATUS, "Status", "status",
        "Where the application stands, mapped onto the status vocabulary below.",
        ("stage", "application status", "current status", "state", "listname", "list name",
         "outcome", "result"),
    ),
    Column(
        SOURCE, "Source", "text",
        "How the job was found or applied through: referral, LinkedIn, company site, recruiter, "
        "job board...",
        ("channel", "found via", "found on", "where found", "job board", "platform", "via",
         "referral source", "lead source", "application source"),
    ),
    Column(
        LOCATION, "Location", "text", "City, region or 'Remote'.",
        ("city", "place", "job location", "work location"),
    ),
    Column(
        JOB_URL, "Job URL", "url", "Link to the job posting.",
        ("url", "link", "job link", "posting url", "job posting url", "posting", "job posting",
         "listing url", "job url", "joburl", "posting link", "application link"),
    ),
    Column(
        CONTACT_NAME, "Contact name", "text", "The recruiter or hiring manager you deal with.",
        ("contact", "recruiter", "hiring manager", "contact person", "recruiter name",
         "point of contact", "interviewer"),
    ),
    Column(
        CONTACT_EMAIL, "Contact email", "email", "Your contact's email address.",
        ("email", "recruiter email", "contact e mail", "e mail", "email address"),
    ),
    Column(
        CONTACT_CHANNEL, "Contact channel", "text",
        "The medium last used with the employer: email, phone, LinkedIn or letter.",
        ("contact method", "medium", "communication channel", "contacted via",
         "contact via", "preferred contact"),
    ),
    Column(
        FIRST_RESPONSE_DATE, "First response", "date",
        "The day of the employer's first reply of any kind, a rejection included.",
        ("response date", "response", "responded", "reply", "first response",
         "date of first response", "heard back",
         "heard back on", "reply date", "date responded", "first reply"),
    ),
    Column(
        INTERVIEW_DATE, "Interview date", "date", "The day of the most recent interview.",
        ("interview", "interviewed on", "last interview", "interview on",
         "last interview date", "date of interview"),
    ),
    Column(
        INTERVIEW_NOTES, "Interview notes", "text",
        "What was asked and answered, written while it is fresh.",
        ("notes from interview", "interview feedback", "post interview notes",
         "after interview notes"),
    ),
    Column(
        THANK_YOU_SENT, "Thank-you sent", "date",
        "The day the thank-you note after the interview was sent ('yes' is accepted too).",
        ("thank you", "thank you note", "thank you sent on", "thank you note sent",
         "thanks sent", "thank you email"),
    ),
    Column(
        EXPECTED_DECISION_DATE, "Expected decision", "date",
        "The date the employer said they would decide by.",
        ("decision expected", "expected decision", "expected response date",
         "hear back by", "decision by", "expected answer"),
    ),
    Column(
        FOLLOW_UP_SENT, "Follow-up sent", "date",
        "The day a follow-up about the decision was sent ('yes' is accepted too).",
        ("followed up", "follow up sent on", "followed up on", "follow up date sent",
         "date followed up"),
    ),
    Column(
        DECISION_DATE, "Decision date", "date", "The day of the final answer: offer or rejection.",
        ("decision", "date of decision", "outcome date", "rejected on", "offer date",
         "closed on"),
    ),
    Column(
        REJECTION_THANKS_SENT, "Rejection thank-you sent", "date",
        "The day a thank-you note was sent after a rejection ('yes' is accepted too).",
        ("rejection thank you", "rejection thanks", "rejection thank you sent",
         "thanks after rejection"),
    ),
    Column(
        NOTES, "Notes", "text", "Anything else.",
        ("note", "comments", "comment", "remarks", "details", "description"),
    ),
    Column(
        SALARY_MIN, "Min. salary", "number",
        "The bottom of the advertised yearly salary range.",
        ("minimum salary", "salary min", "salary minimum", "min salary", "salary from",
         "salary low", "lower salary", "min pay", "minimum pay", "min compensation"),
    ),
    Column(
        SALARY_MAX, "Max. salary", "number",
        "The top of the advertised yearly salary range; a range like '90k-110k' in one cell "
        "fills both ends.",
        ("maximum salary", "salary max", "salary maximum", "max salary", "salary to",
         "salary high", "upper salary", "max pay", "maximum pay", "max compensation",
         "salary", "salary range", "pay range", "compensation range", "advertised salary"),
    ),
)

APPLICATION_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in APPLICATION_COLUMNS)
COLUMNS_BY_NAME: dict[str, Column] = {c.name: c for c in APPLICATION_COLUMNS}
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in APPLICATION_COLUMNS if c.kind == "date")
NUMBER_COLUMNS: tuple[str, ...] = tuple(c.name for c in APPLICATION_COLUMNS
                                        if c.kind == "number")
TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in APPLICATION_COLUMNS
                                      if c.kind not in ("date", "number"))
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in APPLICATION_COLUMNS if c.required)
# "Sent" markers may hold a date or just a yes: the date they default to when only a yes is given.
SENT_MARKER_FALLBACK: dict[str, tuple[str, ...]] = {
    THANK_YOU_SENT: (INTERVIEW_DATE,),
    FOLLOW_UP_SENT: (EXPECTED_DECISION_DATE, INTERVIEW_DATE),
    REJECTION_THANKS_SENT: (DECISION_DATE,),
}
LABELS: dict[str, str] = {c.name: c.label for c in APPLICATION_COLUMNS}

# Status vocabulary, in the order an application moves through it.
SAVED = "saved"
APPLIED = "applied"
SCREENING = "screening"
INTERVIEWING = "interviewing"
OFFER = "offer"
ACCEPTED = "accepted"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"
GHOSTED = "ghosted"

STATUSES: dict[str, str] = {
    SAVED: "Found and saved, not applied yet.",
    APPLIED: "Application sent, no reply yet.",
    SCREENING: "A first call or screening with a recruiter.",
    INTERVIEWING: "Interviews under way.",
    OFFER: "An offer was made and is being considered.",
    ACCEPTED: "The offer was accepted.",
    REJECTED: "The employer said no.",
    WITHDRAWN: "You withdrew, or declined the offer.",
    GHOSTED: "No reply, and you have moved on.",
}
CLOSED_STATUSES = frozenset({ACCEPTED, REJECTED, WITHDRAWN, GHOSTED})

STATUS_ALIASES: dict[str, str] = {
    **{s: s for s in STATUSES},
    "bookmarked": SAVED, "wishlist": SAVED, "wish list": SAVED, "interested": SAVED,
    "to apply": SAVED, "not applied": SAVED, "not yet applied": SAVED, "planned": SAVED,
    "draft": SAVED, "prospect": SAVED,
    "submitted": APPLIED, "application submitted": APPLIED, "application sent": APPLIED,
    "sent": APPLIED, "pending": APPLIED, "in review": APPLIED, "under review": APPLIED,
    "waiting": APPLIED, "awaiting response": APPLIED, "in progress": APPLIED,
    "phone screen": SCREENING, "screen": SCREENING, "screened": SCREENING,
    "phone interview": SCREENING, "recruiter call": SCREENING, "recruiter screen": SCREENING,
    "hr screen": SCREENING, "initial call": SCREENING, "intro call": SCREENING,
    "assessment": SCREENING, "online assessment": SCREENING, "take home": SCREENING,
    "interview": INTERVIEWING, "interviewed": INTERVIEWING, "interview scheduled": INTERVIEWING,
    "onsite": INTERVIEWING, "on site": INTERVIEWING, "technical interview": INTERVIEWING,
    "final interview": INTERVIEWING, "final round": INTERVIEWING, "second interview": INTERVIEWING,
    "first interview": INTERVIEWING, "panel interview": INTERVIEWING,
    "offer received": OFFER, "offered": OFFER, "offer extended": OFFER, "got offer": OFFER,
    "negotiating": OFFER, "negotiation": OFFER,
    "offer accepted": ACCEPTED, "hired": ACCEPTED, "signed": ACCEPTED, "accepted offer": ACCEPTED,
    "rejection": REJECTED, "declined": REJECTED, "not selected": REJECTED, "no": REJECTED,
    "turned down": REJECTED, "unsuccessful": REJECTED, "rejected after interview": REJECTED,
    "application declined": REJECTED, "position filled": REJECTED, "closed": REJECTED,
    "withdrew": WITHDRAWN, "offer declined": WITHDRAWN, "declined offer": WITHDRAWN,
    "not interested": WITHDRAWN, "cancelled": WITHDRAWN, "canceled": WITHDRAWN,
    "no response": GHOSTED, "no reply": GHOSTED, "no answer": GHOSTED, "never heard back": GHOSTED,
    "ghost": GHOSTED, "silent": GHOSTED, "no news": GHOSTED,
}

# Offers: one row per offer, read from a sheet or table called "offers" when there is one.
OFFER_COMPANY = "company"
OFFER_ROLE = "role"
BASE_SALARY = "base_salary"
BONUS = "bonus"
EQUITY_PER_YEAR = "equity_per_year"
BENEFITS_VALUE = "benefits_value"
PTO_DAYS = "pto_days"
REMOTE_DAYS = "remote_days_per_week"
COMMUTE_MINUTES = "commute_minutes"
GROWTH = "growth"
CULTURE = "culture"
DEADLINE = "deadline"

OFFER_COLUMNS: tuple[Column, ...] = (
    Column(OFFER_COMPANY, "Company", "text", "The employer making the offer.",
           ("company name", "employer", "organisation", "organization"), required=True),
    Column(OFFER_ROLE, "Role", "text", "The job title offered.",
           ("job title", "title", "position", "job position")),
    Column(BASE_SALARY, "Base salary", "number", "Yearly base pay.",
           ("base", "salary", "base pay", "annual salary", "yearly salary",
            "base salary per year")),
    Column(BONUS, "Bonus", "number", "Target yearly bonus.",
           ("target bonus", "annual bonus", "bonus target", "yearly bonus")),
    Column(EQUITY_PER_YEAR, "Equity per year", "number",
           "Stock or options value vesting per year.",
           ("equity", "stock", "rsu", "rsus", "equity yearly", "stock per year", "options")),
    Column(BENEFITS_VALUE, "Benefits value", "number",
           "Yearly value of benefits: pension, health...",
           ("benefits", "benefit value", "perks")),
    Column(PTO_DAYS, "PTO days", "number", "Paid days off per year.",
           ("pto", "vacation days", "holiday", "holidays", "annual leave", "paid time off",
            "vacation")),
    Column(REMOTE_DAYS, "Remote days per week", "number", "Days per week working from home.",
           ("remote days", "wfh days", "remote", "days remote", "home office days")),
    Column(COMMUTE_MINUTES, "Commute minutes", "number", "One-way commute time in minutes.",
           ("commute", "commute time", "commute min", "travel time")),
    Column(GROWTH, "Growth (1-5)", "number", "Your rating of learning and career growth.",
           ("growth rating", "career growth", "learning")),
    Column(CULTURE, "Culture (1-5)", "number", "Your rating of the team and culture.",
           ("culture rating", "team", "team fit")),
    Column(DEADLINE, "Deadline", "date", "The date the offer must be answered by.",
           ("offer deadline", "respond by", "answer by", "expires", "expiry")),
)
OFFER_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in OFFER_COLUMNS)

# Interviews: one row per interview (round), read from a sheet or file called "interviews".
# An interview belongs to the application with the same company and role (and date applied
# or job link, when the sheet has them).
IV_COMPANY = "company"
IV_ROLE = "role"
IV_DATE_APPLIED = "date_applied"
IV_JOB_URL = "job_url"
IV_DATE = "date"
IV_ROUND = "round"
IV_KIND = "kind"
INTERVIEWERS = "interviewers"
INTERVIEWER_EMAILS = "interviewer_emails"
QUESTIONS_ASKED = "questions_asked"
MY_ANSWERS = "my_answers"
THEIR_RESPONSES = "their_responses"
MY_QUESTIONS = "my_questions"
WENT_WELL = "went_well"
TO_IMPROVE = "to_improve"
RATING = "rating"
IV_THANK_YOU_SENT = "thank_you_sent"
DECISION_EXPECTED = "decision_expected"
IV_NOTES = "notes"

INTERVIEW_KINDS = ("phone screen", "video", "onsite", "panel", "technical", "case", "final")
INTERVIEW_COLUMNS: tuple[Column, ...] = (
    Column(IV_COMPANY, "Company", "text", "The employer, as in the applications sheet.",
           ("company name", "employer", "organisation", "organization"), required=True),
    Column(IV_ROLE, "Role", "text", "The job title, as in the applications sheet.",
           ("job title", "title", "position", "job position", "job")),
    Column(IV_DATE_APPLIED, "Date applied", "date",
           "The application's date, when one company has two applications for one role.",
           ("application date", "applied", "applied on")),
    Column(IV_JOB_URL, "Job URL", "url", "The posting's link, to match the application by it.",
           ("url", "link", "job link", "posting url", "job posting url", "application id", "id",
            "job id")),
    Column(IV_DATE, "Interview date", "date", "The day (and time, when known) of the interview.",
           ("date", "interview", "when", "date and time", "interview date and time", "time",
            "interviewed on", "scheduled")),
    Column(IV_ROUND, "Round", "number", "1 for the first interview, 2 for the second...",
           ("round number", "interview round", "no", "number", "step")),
    Column(IV_KIND, "Kind", "text",
           "Phone screen, video, onsite, panel, technical, case or final.",
           ("type", "stage", "format", "interview type", "interview kind", "mode")),
    Column(INTERVIEWERS, "Interviewers", "text",
           "Who interviewed you, several separated by ; or a new line.",
           ("interviewer", "interviewer s", "panel", "interviewed by", "with", "people",
            "interviewer names", "names")),
    Column(INTERVIEWER_EMAILS, "Interviewer emails", "text",
           "Their addresses, in the same order, for the thank-you notes.",
           ("interviewer email", "emails", "email", "interviewer e mails", "contact emails",
            "email addresses")),
    Column(QUESTIONS_ASKED, "Questions asked", "text",
           "The questions you were asked, one per line or separated by ;.",
           ("questions", "questions they asked", "interview questions", "asked")),
    Column(MY_ANSWERS, "My answers", "text", "What you answered.",
           ("answers", "your answers", "my answer", "how i answered")),
    Column(THEIR_RESPONSES, "Their responses", "text",
           "How the interviewers responded to your answers.",
           ("their reactions", "reactions", "interviewer responses", "their response",
            "feedback", "interviewer feedback")),
    Column(MY_QUESTIONS, "My questions", "text", "What you asked them.",
           ("questions i asked", "your questions", "questions for them")),
    Column(WENT_WELL, "Went well", "text", "What went well.",
           ("what went well", "good", "strengths", "highlights")),
    Column(TO_IMPROVE, "To improve", "text", "What to do better next time.",
           ("what to improve", "improve", "improvements", "next time", "lessons",
            "do better")),
    Column(RATING, "Rating (1-5)", "number", "How it went, from 1 (badly) to 5 (very well).",
           ("rating", "score", "how it went", "self rating", "my rating", "feeling")),
    Column(IV_THANK_YOU_SENT, "Thank-you sent", "text",
           "The day the thank-you went out ('yes' is accepted too); one per interviewer, in "
           "their order, where they differ.",
           ("thank you", "thank you sent", "thank you note", "thanks sent", "thank you notes",
            "thank you email")),
    Column(DECISION_EXPECTED, "Decision expected", "date",
           "When they said you would hear back: a date, or a time frame such as 'within two "
           "weeks' (counted from the interview).",
           ("decision by", "hear back by", "expected decision", "expected answer",
            "next steps by", "time frame", "timeframe", "decision date expected")),
    Column(IV_NOTES, "Notes", "text", "Anything else about the interview.",
           ("note", "comments", "comment", "remarks", "interview notes")),
)
INTERVIEW_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in INTERVIEW_COLUMNS)

def header_key(header: object) -> str:
    """A column header as a key, for case- and punctuation-blind comparison (``keys.plain``).

    >>> header_key("  Job-Posting URL "), header_key("Max. Salary")
    ('jobpostingurl', 'maxsalary')
    """
    return plain(header)


def _alias_table(columns: tuple[Column, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for column in columns:
        for spelling in (column.name, column.label, *column.aliases):
            table.setdefault(header_key(spelling), column.name)
    return table


APPLICATION_ALIASES: dict[str, str] = _alias_table(APPLICATION_COLUMNS)
OFFER_ALIASES: dict[str, str] = _alias_table(OFFER_COLUMNS)
INTERVIEW_ALIASES: dict[str, str] = _alias_table(INTERVIEW_COLUMNS)
STATUS_KEYS: dict[str, str] = {header_key(k): v for k, v in STATUS_ALIASES.items()}


def canonical_status(value: str) -> str | None:
    """The vocabulary status a spelling stands for, or None when it is not recognised.

    >>> canonical_status("Phone Screen"), canonical_status("OFFER RECEIVED"), canonical_status("?")
    ('screening', 'offer', None)
    """
    return STATUS_KEYS.get(header_key(value))
