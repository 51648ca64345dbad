"""Drafted messages, every one the product writes: the follow-up routine's (thank-you notes,
follow-ups, thanks after a rejection) and the counter-offer, filled in from the application,
the interview, the user's notes and the offers' facts, and a mailto link that opens a draft
in the mail program."""

from __future__ import annotations

import re
import string
import urllib.parse
from collections.abc import Mapping
from typing import Protocol

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


class CounterOffer(Protocol):
    """What a counter-offer draft is written from (``analysis.offers.NegotiationPoints``)."""

    @property
    def company(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def salary(self) -> float | None: ...
    @property
    def target_salary(self) -> float | None: ...
    @property
    def competing(self) -> pd.DataFrame: ...
    @property
    def weaker(self) -> pd.DataFrame: ...
    @property
    def final_stage(self) -> list[str]: ...
    @property
    def has_leverage(self) -> bool: ...


NEGOTIATION_TEMPLATE = (
    "Your offer for the $role position",
    "Dear $contact,\n\nThank you for the offer for the $role position at $company. I am "
    "excited about the role and the team, and I would like to find a way to make it work."
    "\n\n$asks\n\nCould we talk about this? I would be glad to accept an offer that "
    "reflects it.\n\nBest regards,\n$my_name",
)


def negotiation_draft(points: CounterOffer, *, contact: str = "", my_name: str = "",
                      template: tuple[str, str] = NEGOTIATION_TEMPLATE) -> tuple[str, str]:
    """The subject and body of a counter-offer built from ``points``: the salary to ask for
    and why, the competing offer, the pipeline, the terms to improve. Placeholders are
    ``$contact``, ``$company``, ``$role``, ``$asks`` (the paragraphs) and ``$my_name``. Where
    the data holds no leverage the draft says so, in brackets for the user, and claims none.
    """
    paragraphs = []
    best = points.competing.dropna(subset=["base_salary"]).head(1)
    if points.target_salary is not None and points.salary is not None and \
            points.target_salary > points.salary:
        paragraphs.append(f"Having weighed the whole package, I would like to ask for a base "
                          f"salary of {points.target_salary:,.0f} (the offer is "
                          f"{points.salary:,.0f}).")
    elif not best.empty and points.salary is not None and \
            best["base_salary"].iloc[0] > points.salary:
        paragraphs.append(f"I would like to ask for a base salary of "
                          f"{best['base_salary'].iloc[0]:,.0f} (the offer is "
                          f"{points.salary:,.0f}).")
    if not best.empty:
        deadline = best["deadline"].iloc[0]
        by = f", which I need to answer by {pd.Timestamp(deadline):%-d %B}" \
            if pd.notna(deadline) else ""
        paragraphs.append(f"For transparency: I have another offer with a base salary of "
                          f"{best['base_salary'].iloc[0]:,.0f}{by}.")
    if points.final_stage:
        count = len(points.final_stage)
        paragraphs.append(f"I am also in the final stages with {count} other "
                          f"compan{'ies' if count != 1 else 'y'}.")
    if not points.weaker.empty:
        items = "; ".join(
            f"{row['term']} ({row['best_other']} elsewhere" +
            (f", {row['this_offer']} here)" if pd.notna(row["this_offer"])
             else ", not stated here)")
            for row in points.weaker.to_dict("records"))
        paragraphs.append(f"I would also like to discuss: {items}.")
    if not points.has_leverage:
        paragraphs.insert(0, "[No competing offer or late-stage application to mention: "
                             "this asks on the strength of the role and what you bring. "
                             "Delete this line before sending.]")
    if len(paragraphs) == (0 if points.has_leverage else 1):
        paragraphs.append("I would like to discuss the package before I give my answer.")
    values = {"contact": contact or "Hiring Manager", "company": points.company or "your "
              "company", "role": points.role or "open", "my_name": my_name or "[your name]",
              "asks": "\n\n".join(paragraphs)}
    subject, body = (string.Template(part).safe_substitute(values) for part in template)
    return subject, body
