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


# A question as the interviewer asked it, and the clause a thank-you recalls it by: the
# question's verb in the candidate's words ("How would you measure..." -> "how I would
# measure...", "Walk me through..." -> "walking you through...").
_QUESTION_FORMS = [
    (re.compile(r"(?i)^how (would|could|should|will|can) you\b\s*"), r"how I \1 "),
    (re.compile(r"(?i)^how do you\b\s*"), "how I "),
    (re.compile(r"(?i)^(what|why|when|where|which) (would|could|should|will|can) you\b\s*"),
     r"\1 I \2 "),
    (re.compile(r"(?i)^(what|why|when|where|which) do you\b\s*"), r"\1 I "),
    (re.compile(r"(?i)^(?:can|could|would) you (?:please )?walk me through\b\s*"),
     "walking you through "),
    (re.compile(r"(?i)^walk (?:me|us) through\b\s*"), "walking you through "),
    (re.compile(r"(?i)^(?:can|could|would) you (?:please )?tell (?:me|us) about\b\s*"),
     "telling you about "),
    (re.compile(r"(?i)^tell (?:me|us) about\b\s*"), "telling you about "),
    (re.compile(r"(?i)^(?:please )?describe\b\s*"), "describing "),
    (re.compile(r"(?i)^(?:please )?explain\b\s*"), "explaining "),
]
_PRONOUNS = {"you": "I", "your": "my", "yours": "mine", "yourself": "myself", "you've": "I've",
             "you're": "I'm", "you'd": "I'd", "me": "you", "my": "your", "us": "you",
             "our": "your"}
_PRONOUN = re.compile(r"(?i)\b(" + "|".join(sorted(map(re.escape, _PRONOUNS), key=len,
                                                   reverse=True)) + r")\b")
_ASKED_BY = re.compile(r"^\s*([A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?)\s*[:\-–]\s+(.+)$")


def _in_my_words(rest: str) -> str:
    """The rest of a question with the pronouns turned round (the interviewer's "you" is
    the candidate's "I")."""
    return _PRONOUN.sub(lambda m: _PRONOUNS[m.group(1).lower()], rest)


def topic_sentence(question: str) -> str:
    """A sentence for a thank-you note that recalls ``question``: in the candidate's words
    where its form is a common one, else the question quoted, so it always reads well.

    >>> topic_sentence("How would you measure a feature's success?")
    " I especially enjoyed discussing how I would measure a feature's success."
    >>> topic_sentence("Walk me through a SQL query you optimised")
    ' I especially enjoyed walking you through a SQL query I optimised.'
    >>> topic_sentence("SQL window functions")
    ' I especially enjoyed our discussion of SQL window functions.'
    >>> topic_sentence("Is remote work possible?")
    ' I especially enjoyed your question, "Is remote work possible?"'
    """
    text = " ".join(question.split()).strip()
    if not text:
        return ""
    bare = text.rstrip("?.! ")
    for pattern, lead in _QUESTION_FORMS:
        found = pattern.match(bare)
        if found:
            clause = found.expand(lead) + _in_my_words(bare[found.end():])
            verb = "" if clause.startswith(("walking", "telling", "describing", "explaining")) \
                else "discussing "
            return f" I especially enjoyed {verb}{clause[0].lower() + clause[1:]}."
    if text.endswith("?") or re.match(r"(?i)^(is|are|do|does|did|can|could|would|will|have|"
                                      r"has|what|why|how|when|where|which|who)\b", text):
        asked = text if text.endswith("?") else text + "?"
        return f' I especially enjoyed your question, "{asked}"'
    return f" I especially enjoyed our discussion of {bare[0].lower() + bare[1:]}." \
        if bare[:1].isupper() and not bare[1:2].isupper() else \
        f" I especially enjoyed our discussion of {bare}."


def asked_by(interview: pd.Series, interviewer: object = None) -> list[str]:
    """The questions noted for an interview, those of ``interviewer`` first when the notes
    say who asked what ("Ana: How would you...", or a name on a line of its own)."""
    asked = split_questions(interview.get(s.QUESTIONS_ASKED))
    name = str(interviewer or "").strip().lower()
    if not name:
        return asked
    theirs: list[str] = []
    others: list[str] = []
    for question in asked:
        who = _ASKED_BY.match(question)
        if who is None:
            others.append(question)
            continue
        speaker = who.group(1).strip().lower()
        mine = speaker in (name, name.split()[0]) or name.startswith(speaker)
        (theirs if mine else others).append(who.group(2))
    return theirs + others


def discussion_topic(interview: pd.Series, interviewer: object = None) -> str:
    """One thing discussed in an interview, for a thank-you note: the first question asked
    (by ``interviewer``, where the notes say who asked what) that is not one every interview
    has, else the first question, else what went well; "" when the notes hold nothing.

    >>> discussion_topic(pd.Series({"questions_asked": "Tell me about yourself; How would "
    ...     "you measure a feature's success?", "went_well": None}))
    "How would you measure a feature's success"
    """
    asked = asked_by(interview, interviewer)
    specific = [q for q in asked if not classic_question(q)]
    chosen = (specific or asked or [str(interview.get(s.WENT_WELL) or "").strip()])[0]
    chosen = chosen.strip().rstrip("?.!").strip()
    return "" if not chosen or chosen.lower() in ("nan", "none") else chosen


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
        subject = discussion_topic(interview, contact)  # type: ignore[arg-type]  # pandas-stubs: one label of a unique index is a row
        topic = topic_sentence(subject) if subject else ""
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
