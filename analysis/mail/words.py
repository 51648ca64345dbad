"""What the reader found, in the person's words: the kinds of message (``meaning``'s codes)
as the review, the command line and the reports show them."""

from __future__ import annotations

from analysis.mail import meaning as mm

KIND_LABELS = {
    mm.ACKNOWLEDGEMENT: "Acknowledgement", mm.REJECTION: "Rejection",
    mm.INTERVIEW: "Interview invitation", mm.ASSESSMENT: "Assessment", mm.OFFER: "Offer",
    mm.REPLY: "Reply", mm.CANCELLED: "Cancelled interview", mm.NOTICE: "Job board notice",
    mm.SENT_APPLICATION: "Your application", mm.SENT_THANK_YOU: "Your thank-you note",
    mm.SENT_FOLLOW_UP: "Your follow-up", mm.SENT_REJECTION_THANKS: "Your thanks after a rejection",
    mm.SENT_ACCEPT: "Your acceptance", mm.SENT_DECLINE: "Your decline",
    mm.SENT_WITHDRAW: "Your withdrawal", mm.SENT_SLOT: "Your choice of interview time",
    mm.SENT_ANSWER: "Your answer to an offer",
}


def kind_label(kind: object) -> str:
    """A kind of message in words; an unknown code with its underscores as spaces.

    >>> kind_label("sent_thank_you"), kind_label("offer"), kind_label("sent_new_thing")
    ('Your thank-you note', 'Offer', 'Sent new thing')
    """
    text = str(kind)
    return KIND_LABELS.get(text, text.replace("_", " ").capitalize())


TIE_LABELS = {
    "contact": "Tied by its address: the contact your tracker holds",
    "domain": "Tied by its sender's domain, the company's own",
    "ats": "Tied by the company it names, sent by a tracking system",
    "platform": "Tied by the company it names, sent by a scheduling or assessment service",
    "board": "Tied by the company it names, relayed by a job board",
    "subject": "Tied by the company it names",
    "role": "Tied by the vacancy it names, no other application's title",
    "thread": "Tied as a reply in a thread about this application",
    "reference": "Tied by the reference number it quotes, seen in earlier mail about this "
                 "application",
    "sender": "Tied by its sender, who wrote about this application before",
}
"""How a message was tied to an application (the evidence's ``how``), in words."""


def tie_label(how: object) -> str:
    """Why a message is about the application it was tied to; blank when not known.

    >>> tie_label("sender")
    'Tied by its sender, who wrote about this application before'
    >>> tie_label(""), tie_label(None)
    ('', '')
    """
    return TIE_LABELS.get(str(how), "")
