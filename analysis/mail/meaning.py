"""What an application email means: an automatic acknowledgement, a rejection, an invitation
to an interview or an assessment, an offer, a human reply; and, in the user's own sent mail,
the application, the thank-you after an interview, the follow-up, the thanks after a
rejection. In English, German, French and Spanish.

Each kind is recognised by phrases, strong (the sentence says it) or weak (a word that
usually goes with it); the decisive kinds come first, so "unfortunately we are unable to offer
you the position" is a rejection and never an offer, and an acknowledgement that mentions a
future interview stays an acknowledgement. Only the message's own words count (quoted earlier
messages are cut off before this runs).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analysis.model.dates import time_frame_end

ACKNOWLEDGEMENT, REJECTION, INTERVIEW, ASSESSMENT, OFFER, REPLY = (
    "acknowledgement", "rejection", "interview", "assessment", "offer", "reply")
SENT_APPLICATION, SENT_THANK_YOU, SENT_FOLLOW_UP, SENT_REJECTION_THANKS = (
    "sent_application", "sent_thank_you", "sent_follow_up", "sent_rejection_thanks")
RECEIVED_KINDS = (ACKNOWLEDGEMENT, REJECTION, INTERVIEW, ASSESSMENT, OFFER, REPLY)
SENT_KINDS = (SENT_APPLICATION, SENT_THANK_YOU, SENT_FOLLOW_UP, SENT_REJECTION_THANKS)


def _any(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?i)(?:" + "|".join(phrases) + r")")


# The decisive "no": checked first, so that "unable to offer you" never reads as an offer.
_REJECTION = _any(
    r"unfortunately,? (?:we|after|at this (?:time|point)|this time|the (?:position|role))",
    r"we regret to (?:inform|let you know)", r"regret(?:fully)? (?:to )?inform",
    r"(?:not|n't) (?:to )?(?:be )?(?:mov(?:e|ing)|proceed(?:ing)?) forward with your",
    r"decided (?:not )?to (?:move|proceed|go) forward with (?:other|another|a different)",
    r"decided not to (?:proceed|move forward|progress|continue|pursue)",
    r"(?:other|another) (?:candidates?|applicants?) (?:whose|who|that)",
    r"(?:pursue|proceed with|move forward with|go with) (?:other|another|different) "
    r"(?:candidates?|applicants?|people|profiles?)",
    r"(?:not able|unable) to move (?:your application|you|your candidacy) forward",
    r"(?:have|has) (?:now )?filled the (?:position|role|vacancy)",
    r"(?:unable|not able|not in a position) to offer you",
    r"(?:will|have|has) not been (?:selected|successful)", r"not (?:been )?selected",
    r"(?:position|role|vacancy) has (?:now )?been filled", r"no longer (?:being )?considered",
    r"will not be (?:moving|progressing|taking your application)",
    r"not (?:be )?progress(?:ing)? your application", r"unsuccessful on this occasion",
    r"we (?:won't|will not) be (?:able to )?(?:moving|inviting|proceeding)",
    r"decided to go with (?:another|a different|other)",
    # German
    r"leider (?:müssen|haben|können) (?:wir|sie)", r"leider (?:ab|zu)sagen",
    r"(?:eine )?absage (?:erteilen|mitteilen)", r"nicht (?:weiter )?berücksichtigen",
    r"für (?:einen|eine|andere) (?:anderen|andere) (?:kandidat|bewerber)",
    r"uns für (?:einen )?andere[nr]? (?:kandidat|bewerber)",
    r"nicht in die engere auswahl", r"(?:können|werden) wir (?:ihnen )?(?:leider )?keine",
    # French
    r"malheureusement,? (?:nous|votre|après|le poste)", r"nous regrettons de",
    r"pas (?:pouvoir )?donner (?:une )?suite", r"suite (?:favorable|positive) à votre "
    r"candidature", r"(?:pas|non) (?:été )?retenue?",
    r"(?:pas|plus) en mesure de vous proposer", r"d'autres candidat(?:s|ures)",
    # Spanish
    r"lamentablemente,? (?:no|hemos|tu|su)", r"lamentamos (?:informarte|comunicarte|informarle)",
    r"(?:no ha|no has) sido seleccionad[oa]", r"hemos decidido (?:continuar|seguir) con otr",
    r"otros candidatos", r"no (?:podemos|continuaremos) con tu candidatura",
)
_OFFER = _any(
    r"(?:pleased|happy|delighted|excited|thrilled) to (?:extend|offer you|make you)",
    r"offer(?:ing)? you the (?:position|role|job)", r"(?:extend|make) (?:you )?an? (?:job )?offer",
    r"(?:job|employment) offer", r"offer (?:letter|of employment)",
    r"we(?:'d| would) like to offer you", r"formal offer",
    r"ihnen (?:die stelle|ein (?:vertrags)?angebot|einen arbeitsvertrag)",
    r"vertragsangebot", r"freuen uns,? ihnen (?:mitteilen|ein angebot|die stelle)",
    r"offre d'emploi", r"promesse d'embauche", r"(?:le plaisir|heureux) de vous proposer le poste",
    r"nos complace (?:ofrecerte|ofrecerle)", r"oferta de (?:trabajo|empleo)", r"carta oferta",
)
_ASSESSMENT = _any(
    r"(?:online |technical |coding |skills? )?assessment", r"coding (?:challenge|test|exercise)",
    r"take[- ]home", r"technical (?:test|exercise|task|challenge)", r"online test",
    r"hackerrank", r"codility", r"codesignal", r"testgorilla", r"case study (?:exercise|task)",
    r"online-test", r"testaufgabe", r"fachliche aufgabe", r"fallstudie",
    r"test technique", r"évaluation en ligne", r"exercice technique",
    r"prueba técnica", r"evaluación (?:online|en línea|técnica)",
)
_INTERVIEW = _any(
    r"invit(?:e|ing) you (?:to|for) (?:an? |a first |a second |the next )?"
    r"(?:interview|call|chat|conversation|meeting|video call)",
    r"(?:schedule|arrange|set up|book) (?:an? |the |your )?(?:[\w-]+ ){0,2}"
    r"(?:interview|call|chat|conversation|meeting|time to (?:talk|speak|chat))",
    r"your interview (?:is|has been) (?:scheduled|confirmed|booked)",
    r"interview (?:confirmation|invitation|scheduled)", r"invitation to (?:an? )?interview",
    r"(?:next|second|final|first) (?:round|interview|stage)",
    r"would like to (?:meet|speak|talk) (?:with )?you",
    r"\binterview (?:with|for|on|at)\b",
    r"(?:what|share your|your) availability", r"when (?:are|would) you (?:be )?(?:available|free)",
    r"are you (?:available|free) (?:for|to|on|this|next)",
    r"next step(?:s)?:? (?:is |would be |will be )?(?:an? )?(?:[\w-]+ ){0,2}(?:interview|call)",
    r"are you (?:available|free) (?:for|to|on|this|next)",
    r"next step(?:s)?:? (?:is |would be |will be )?(?:an? )?(?:[\w-]+ ){0,2}(?:interview|call)",
    r"phone screen", r"calendly\.com", r"meet the (?:team|hiring manager)",
    r"einladung zu(?:m)? (?:einem )?(?:vorstellungs|bewerbungs|kennenlern)?gespräch",
    r"(?:zu einem|zum) (?:persönlichen |telefonischen )?"
    r"(?:vorstellungs|bewerbungs|kennenlern)?gespräch",
    r"(?:vorstellungs|bewerbungs|kennenlern)gespräch", r"laden (?:wir )?sie (?:gerne )?(?:zu|ein)",
    r"convoquer? (?:à|pour) un entretien", r"(?:vous )?inviter? (?:à|pour) un entretien",
    r"entretien (?:téléphonique|vidéo|avec)", r"vos disponibilités",
    r"invitar(?:te|le) a una entrevista",
    r"(?:agendar|programar|coordinar) una (?:entrevista|llamada)",
    r"tu disponibilidad", r"entrevista (?:telefónica|por video|con)",
)
_CALL = _any(r"\b(?:phone|intro(?:ductory)?|recruiter|screening|quick|short) (?:call|chat|screen)",
             r"telefon(?:interview|gespräch|at)", r"entretien téléphonique",
             r"llamada (?:telefónica|breve)")
_ACKNOWLEDGEMENT = _any(
    r"thank(?:s| you) for (?:your )?(?:applying|application|interest in|submitting)",
    r"(?:we(?:'ve| have)|has been) received (?:your|the) application",
    r"your application (?:has been|was) (?:received|submitted|sent)", r"application received",
    r"(?:we will|we'll) (?:review|be reviewing) your (?:application|profile|resume)",
    r"vielen dank für ihre bewerbung", r"(?:wir haben|ist) ihre bewerbung (?:erhalten|eingegangen)",
    r"eingangsbestätigung", r"bewerbung (?:ist )?(?:bei uns )?eingegangen",
    r"nous avons bien reçu votre candidature", r"merci (?:pour|de) votre candidature",
    r"accusé de réception", r"votre candidature a (?:bien )?été (?:reçue|envoyée)",
    r"hemos recibido tu (?:candidatura|solicitud)",
    r"gracias por (?:tu|su) (?:candidatura|solicitud|postulación|interés)",
    r"tu (?:candidatura|solicitud) (?:ha sido|fue) (?:recibida|enviada)",
)
_AUTOMATIC = _any(r"do not reply", r"no-?reply",
r"this (?:is an|mailbox is) (?:automated|not monitored)",
                  r"automatically generated", r"bitte antworten sie nicht", r"ne pas répondre",
                  r"no responda")

_SENT_THANKS = _any(
    r"thank(?:s| you) (?:so much |again |very much )?for (?:taking the time|your time|"
    r"the (?:interview|conversation|chat|call|opportunity|great conversation|meeting)|"
    r"meeting|speaking|talking|having me)",
    r"(?:great|lovely|nice|a pleasure) (?:to (?:meet|speak|talk)|meeting|speaking|talking)",
    r"vielen dank für (?:das|unser|ihr) (?:nette |angenehme |interessante )?(?:gespräch|interview)",
    r"danke für das gespräch",
    r"merci (?:pour|de) (?:l'entretien|notre (?:échange|entretien)|votre temps)",
    r"gracias por (?:la entrevista|su tiempo|tu tiempo|la conversación)",
)
_SENT_REJECTION_THANKS = _any(
    r"thank(?:s| you) for (?:letting me know|informing me|your consideration|considering me|"
    r"the update|getting back to me)", r"(?:hope|keep me in mind) (?:for )?future",
    r"danke für (?:ihre|die) rückmeldung",
    r"vielen dank für (?:ihre|die) (?:rückmeldung|mitteilung)",
    r"merci (?:pour|de) votre retour",
    r"gracias por (?:avisarme|informarme|su respuesta|tu respuesta)",
)
_SENT_FOLLOW_UP = _any(
    r"follow(?:ing)?[- ]up", r"any (?:update|news)", r"checking in", r"status of my application",
    r"wanted to (?:check|ask) (?:in|whether|if|about)", r"still (?:very )?interested",
    r"nachfragen", r"stand (?:meiner|der) bewerbung", r"gibt es (?:schon )?neuigkeiten",
    r"(?:je me permets de )?(?:vous )?relancer", r"suivi de ma candidature", r"des nouvelles",
    r"seguimiento", r"alguna novedad", r"estado de mi (?:candidatura|solicitud)",
)
_SENT_APPLICATION = _any(
    r"(?:my )?application for", r"apply(?:ing)? (?:for|to)", r"(?:attached|enclosed|please find) "
    r"(?:is |are )?my (?:cv|resume|résumé|application)", r"\bcv\b", r"résumé|resume",
    r"bewerbung (?:als|für|um)", r"lebenslauf", r"candidature (?:pour|au poste|spontanée)",
    r"candidatura (?:para|al puesto)", r"solicitud (?:para|de empleo)",
)
_PROMISE = re.compile(
    r"(?i)(?:decide|decision|get back to you|be in touch|hear (?:back )?from us|let you know|"
    r"update you|come back to you|feedback|next steps|rückmeldung|entscheidung|melden uns|"
    r"décision|reviendrons vers vous|retour|respuesta|decisión|volveremos a contactar)"
    r"[^.\n]{0,80}?\b(?:by|within|in|before|until|bis|innerhalb|in den nächsten|d'ici|dans|sous|"
    r"avant|en|dentro de|antes del?)\s+([^.\n;]{3,45})")
_TIME_OF_DAY = re.compile(
    r"(?i)\b(?:at|um|à|a las)?\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|uhr|h\b)?")


@dataclass(frozen=True)
class Meaning:
    """What a message says: its ``kind``, how sure (``confidence``, 0-1), the interview's
    start when it invites to one, the decision day it promises, and whether it asks for a
    call with a recruiter rather than an interview (``screening``)."""

    kind: str | None
    confidence: float
    interview_at: dt.datetime | None = None
    promised: dt.date | None = None
    screening: bool = False


def received_meaning(subject: str, body: str, *, sent: dt.datetime,
                     calendar: dt.datetime | None = None, automatic: bool = False,
                     from_company: bool = True) -> Meaning:
    """The meaning of a message an employer sent. ``calendar`` is the start of an attached
    invitation; ``automatic`` says the headers mark it as sent by a machine (no-reply sender,
    Auto-Submitted); ``from_company`` that the sender is the company's own (not an applicant
    tracking system's), which makes a plain message a human reply."""
    text = f"{subject}\n{body}"
    promised = promised_decision(text, sent.date())
    if _REJECTION.search(text):
        return Meaning(REJECTION, 0.95, promised=promised)
    if _OFFER.search(text):
        return Meaning(OFFER, 0.9, promised=promised)
    acknowledged = bool(_ACKNOWLEDGEMENT.search(text))
    invited = calendar is not None or bool(_INTERVIEW.search(text))
    if invited and not (acknowledged and calendar is None and not _strong_invite(text)):
        at = calendar or interview_time(text, sent)
        return Meaning(INTERVIEW, 0.95 if calendar is not None else 0.9, interview_at=at,
                       promised=promised, screening=bool(_CALL.search(text)))
    if _ASSESSMENT.search(text) and not acknowledged:
        return Meaning(ASSESSMENT, 0.9, promised=promised)
    if acknowledged:
        return Meaning(ACKNOWLEDGEMENT, 0.9, promised=promised)
    if automatic or _AUTOMATIC.search(text) or not from_company:
        return Meaning(None, 0.0)
    return Meaning(REPLY, 0.75, promised=promised)


_PRESENT_INVITE = _any(
    r"(?:would like|'d like|are (?:pleased|happy|delighted|excited)|we(?:'re| are)) to invite",
    r"invitation to (?:an? )?(?:interview|call)", r"your interview (?:is|has been)",
    r"(?:what|share your|let us know your) availability", r"when (?:are|would) you be available",
    r"calendly\.com", r"(?:please )?(?:book|pick|choose) a (?:time|slot)",
    r"einladung zu", r"(?:möchten|würden) (?:wir )?sie (?:gerne )?(?:zu|einladen)",
    r"nous souhaitons vous (?:rencontrer|inviter)", r"(?:convocation|invitation) à un entretien",
    r"nos gustaría (?:invitarte|conocerte|invitarle)", r"te invitamos a",
)


def _strong_invite(text: str) -> bool:
    """An invitation that stands even in a message thanking for the application (which may
    say "we may invite you to an interview" without inviting anyone yet)."""
    return bool(_PRESENT_INVITE.search(text))


def sent_meaning(subject: str, body: str, *, after_rejection: bool, after_interview: bool,
                 attachments: list[str]) -> Meaning:
    """The meaning of a message the user sent to an employer: the thanks after a rejection,
    the thank-you after an interview, the follow-up, or the application itself."""
    text = f"{subject}\n{body}"
    if after_rejection and (_SENT_REJECTION_THANKS.search(text) or _SENT_THANKS.search(text)):
        return Meaning(SENT_REJECTION_THANKS, 0.9)
    if after_interview and _SENT_THANKS.search(text):
        return Meaning(SENT_THANK_YOU, 0.9)
    if _SENT_FOLLOW_UP.search(text):
        return Meaning(SENT_FOLLOW_UP, 0.85)
    applying = any(re.search(r"(?i)\b(?:cv|resume|résumé|lebenslauf|curriculum)\b", name)
                   for name in attachments)
    if applying or _SENT_APPLICATION.search(subject) or (
            not after_interview and _SENT_APPLICATION.search(body)):
        return Meaning(SENT_APPLICATION, 0.85 if applying else 0.75)
    return Meaning(None, 0.0)


def promised_decision(text: str, on: dt.date) -> dt.date | None:
    """The day a message says a decision will come by ("we expect to decide by Friday,
    November 6", "you will hear from us within two weeks"), counted from ``on``.

    >>> promised_decision("We expect to decide by Friday, November 6.", dt.date(2026, 10, 28))
    datetime.date(2026, 11, 6)
    >>> promised_decision("Thanks!", dt.date(2026, 10, 28)) is None
    True
    """
    for found in _PROMISE.finditer(text):
        end = time_frame_end(found.group(1), on)
        if end is not None and end >= on:
            return end
    return None


def interview_time(text: str, sent: dt.datetime) -> dt.datetime | None:
    """The interview's day and time as written in an invitation ("on Tuesday, November 10 at
    2pm", "am 10. November um 14 Uhr", an ISO date), or None when the text names no day."""
    candidates = re.finditer(
        r"(?i)(?:\d{4}-\d{1,2}-\d{1,2}|(?:on |am |le |el )?(?:(?:mon|tues|wednes|thurs|fri|satur|"
        r"sun)day|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|"
        r"vendredi|lunes|martes|miércoles|jueves|viernes)?[ ,]*(?:\d{1,2}(?:st|nd|rd|th|\.)? "
        r"(?:of |de )?[a-zéû]{3,10}|[a-z]{3,10} \d{1,2}(?:st|nd|rd|th)?)|"
        r"(?:(?:mon|tues|wednes|thurs|fri)day|montag|dienstag|mittwoch|donnerstag|freitag))"
        r"[^.\n]{0,30}", text)
    for found in candidates:
        day = time_frame_end(found.group(0), sent.date())
        if day is None:
            continue
        # The first number with a clock's mark (am/pm, Uhr, h, :30) is the time of day.
        clock = next((c for c in _TIME_OF_DAY.finditer(found.group(0))
                      if c.group(3) or c.group(2)), None)
        hour, minute = 9, 0
        if clock:
            hour = int(clock.group(1)) % 24
            minute = int(clock.group(2) or 0)
            if (clock.group(3) or "").lower() == "pm" and hour < 12:
                hour += 12
        return dt.datetime.combine(day, dt.time(min(hour, 23), min(minute, 59)),
                                   tzinfo=sent.tzinfo)
    return None
