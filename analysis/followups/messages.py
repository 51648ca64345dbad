"""Drafted messages: the templates, filled in from the application, the interview and
the user's notes, and a mailto link that opens them in the mail program."""

from __future__ import annotations

import re
import string
import urllib.parse
from collections.abc import Mapping

import pandas as pd

from analysis.followups.rules import DECISION_FOLLOW_UP, REJECTION_THANKS, STATUS_CHECK, THANK_YOU
from analysis.interviews.lessons import classic_question, split_questions
from analysis.model import schema as s

DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    THANK_YOU: (
        "Thank you for the interview: $role",
        "Dear $contact,\n\nThank you for taking the time to meet with me on $interview_date "
        "about the $role position at $company. I enjoyed our conversation and learning more "
        "about the team.$topic\n\nIt confirmed my interest in the role, and I am confident I can "
        "contribute from the start. Please let me know if you need anything else from me.\n\n"
        "Kind regards,\n$my_name",
    ),
    DECISION_FOLLOW_UP: (
        "Following up: $role",
        "Dear $contact,\n\nI hope you are well. I am following up on my interview on "
        "$interview_date for the $role position at $company. I remain very interested in the "
        "role and would be glad to hear of any update on your decision.\n\nThank you again for "
        "your time.\n\nKind regards,\n$my_name",
    ),
    STATUS_CHECK: (
        "My application for $role",
        "Dear $contact,\n\nI applied for the $role position at $company on $date_applied and "
        "wanted to confirm that my application arrived and ask whether there is any update. I "
        "am still very interested in the role.\n\nKind regards,\n$my_name",
    ),
    REJECTION_THANKS: (
        "Thank you: $role",
        "Dear $contact,\n\nThank you for letting me know your decision about the $role "
        "position. Although I am disappointed, I appreciated the chance to meet the team and "
        "learn about $company. I would welcome being considered for future openings.\n\n"
        "Kind regards,\n$my_name",
    ),
}


def discussion_topic(interview: pd.Series) -> str:
    """One thing discussed in an interview, for a thank-you note: the first question asked
    that is not one every interview has (else the first question, else what went well), or ""
    when the notes hold nothing.

    >>> discussion_topic(pd.Series({"questions_asked": "Tell me about yourself; How would "
    ...     "you measure a feature's success?", "went_well": None}))
    "how you would measure a feature's success"
    """
    asked = split_questions(interview.get(s.QUESTIONS_ASKED))
    specific = [q for q in asked if not classic_question(q)]
    chosen = (specific or asked or [str(interview.get(s.WENT_WELL) or "").strip()])[0]
    chosen = chosen.strip().rstrip("?.!").strip()
    if not chosen or chosen.lower() in ("nan", "none"):
        return ""
    return re.sub(r"(?i)^how would you\b", "how you would", chosen[0].lower() + chosen[1:]) \
        if chosen[:1].isupper() and not chosen[1:2].isupper() else chosen


def draft_message(action: pd.Series, apps: pd.DataFrame, *,
                  templates: Mapping[str, tuple[str, str]] | None = None,
                  my_name: str = "", interviews: pd.DataFrame | None = None
                  ) -> tuple[str, str] | None:
    """The subject and body for an action that calls for a message, filled from the
    application (contact name, company, role, dates); None for actions without one. An
    action about one interview is addressed to its interviewer, dated on its day, and, with
    ``interviews``, mentions a topic from its notes when there is one.

    Placeholders are ``$contact``, ``$company``, ``$role``, ``$interview_date``,
    ``$date_applied``, ``$topic`` (a sentence about a topic discussed, or nothing) and
    ``$my_name``; text in the application is inserted as it is, never interpreted.
    """
    chosen = (templates or DEFAULT_TEMPLATES).get(str(action["action"]))
    if chosen is None:
        return None
    row = apps.loc[action["row"]]

    def day(value: object) -> str:
        return f"{value:%-d %B}" if pd.notna(value) else "recently"  # type: ignore[call-overload]  # pandas-stubs: notna takes any object

    contact = action.get("contact_name")
    if contact is None or pd.isna(contact) or not str(contact).strip():
        contact = row[s.CONTACT_NAME] if pd.notna(row[s.CONTACT_NAME]) else "Hiring Manager"
    interview_day, topic = row[s.INTERVIEW_DATE], ""
    label = action.get("interview")
    if interviews is not None and label is not None and pd.notna(label) and \
            int(label) in interviews.index:
        interview = interviews.loc[int(label)]
        interview_day = interview[s.IV_DATE]
        subject = discussion_topic(interview)  # type: ignore[arg-type]  # pandas-stubs: one label of a unique index is a row
        topic = f" I especially enjoyed discussing {subject}." if subject else ""
    values = {
        "contact": contact,
        "company": row[s.COMPANY] if pd.notna(row[s.COMPANY]) else "your company",
        "role": row[s.ROLE] if pd.notna(row[s.ROLE]) else "open",
        "interview_date": day(interview_day), "date_applied": day(row[s.DATE_APPLIED]),
        "my_name": my_name or "[your name]", "topic": topic,
    }
    subject, body = (string.Template(part).safe_substitute(values) for part in chosen)
    return subject, body


def mailto_link(address: str, subject: str, body: str) -> str | None:
    """A ``mailto:`` link with the subject and body filled in, or None when the address does
    not look like one."""
    address = (address or "").strip()
    if not address or "@" not in address or any(c in address for c in " <>\"'?&#\n"):
        return None
    query = urllib.parse.urlencode({"subject": subject, "body": body},
                                   quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(address, safe='@.+-_')}?{query}"
