"""Sentences that decide nothing: those that only say what would happen ("if you do not hear
from us within two weeks...", "falls", "si vous", "se non", "als u") and those hedged with
"may" ("we may invite you"), in the reader's languages."""

from __future__ import annotations

import re

from analysis.mail.phrases import any_of

# A sentence that only says what would happen ("if you do not hear from us within two weeks,
# we will not be progressing your application") decides nothing.
CONDITIONAL_OPENING = re.compile(
    r"(?i)\W*(?:if|should|unless|in case|in the event|once|whether|falls|sollten|sollte|wenn|"
    r"sofern|ob|si|sans (?:nouvelles|réponse|retour)|au cas|en l'absence|à défaut|en caso|de no|"
    r"sin (?:noticias|respuesta)|cuando|qualora|indien|caso|hvis|dersom|ifall|"
    # Italian and Portuguese "se", Dutch "als": not the Spanish pronoun nor the German "as"
    r"se (?:non|não|nao|você|voce|lei|tu|vuoi|desidera|hai|avete|tiver|houver|precisar|quiser|"
    r"for|o candidato|la candidatura|a candidatura)|als (?:je|jij|u|we|wij|er|het|jouw|uw))\b")
CONDITIONAL_WITHIN = any_of(
    # "see if there are any updates" asks, it does not set a condition
    r"\bif(?<!see if)(?<!know if)(?<!wonder if)(?<!wondering if)(?<!ask if)(?<!check if) "
    r"(?:you|we|your|there|the|this|an?|no)\b", r"\bshould (?:you|we)\b",
    r"\b(?:falls|sofern|sollten) (?:sie|du|wir)\b", r"\bwenn (?:sie|du|wir|ihr)\b",
    r"\bsi (?:vous|nous|votre|aucun|cette|ce|ces)\b", r"\bsans (?:nouvelles|réponse|retour)\b",
    r"\bsi(?<!\bcomo si) (?:no|tu|su|usted|en|pasad)\b", r"\ben caso de\b",
    r"\bde no (?:recibir|tener)\b",
    # "we will let you know when the status changes": a notice to come, not one
    r"\b(?:te avisaremos|te informaremos|le informaremos|we(?:'ll| will) (?:let you know|notify "
    r"you|email you|inform you|update you)|wir (?:informieren|benachrichtigen) (?:sie|dich)|"
    r"nous vous (?:informerons|préviendrons)|vous serez (?:informée?|prévenue?)|you(?:'ll| will) "
    r"be (?:told|informed|notified|advised))\b.{0,40}"
    r"\b(?:cuando|when|once|as soon as|sobald|wenn|dès que|lorsque|quand)\b",
    # "only if", "in case of", in every language the reader knows
    r"\bonly if\b",
    # "we are unable to progress your application until they are complete": a step asked for
    r"\b(?:unable|not able|cannot|can't|won't|will not)\b.{0,60}\buntil (?:they|these|this|th"
    r"at|we|you|your|the|all)\b",
    r"\bin case (?:of|you|we)\b",
    r"\b(?:en|dans le) cas (?:de|où)\b",
    r"\bim falle?\b",
    r"\bsolo si\b",
    r"\bin caso (?:di|in cui)\b",
    r"\bnel caso\b",
    r"\bsolo se\b",
    r"\bem caso de\b",
    r"\b(?:apenas|somente|só) se\b",
    r"\bcaso (?:você|seja|o|a|não)\b",
    r"\balleen (?:als|indien)\b",
    r"\bin het geval\b",
    r"\bmocht(?:en)? (?:je|u|wij|we|er)\b",
    r"\bif (?:selected|shortlisted|successful|chosen|invited)\b",
    # Swedish, Danish, Norwegian: "alla sökande meddelas när tjänsten är tillsatt", "hvis du"
    r"\b(?:meddelas|underrättas|kontaktas|informeras|underrettes|informeres|kontaktes|besked)\b"
    r".{0,20}\b(?:när|når)\b",
    r"\b(?:hvis|dersom|ifall) (?:du|vi|der|det|jeg|ni|dig|deg|din|ditt)\b",
    # "Når stillingen er besatt, får alle søkere en e-post", "once the role has been filled"
    r"\b(?:når|när) (?:stillingen|stillinga|tjänsten|jobbet|prosessen|processen|rekrutteringen|"
    r"rekryteringen)\b", r"\b(?:when|once) (?:the|this) (?:position|role|vacancy|post) (?:is|has "
    r"been) filled\b",
    r"\bfalls (?:sie|du) (?:\w+ ){0,3}(?:ausgewählt|eingeladen)\b",
    r"\bsi (?:vous êtes|tu es) (?:retenue?|sélectionnée?)\b",
    r"\bsi (?:eres|es|resultas|resulta) (?:seleccionad[oa]|preseleccionad[oa])\b",
    r"\bse (?:sarai|sarà|verrai|verrà) selezionat[oa]\b",
    r"\b(?:a quienes|à ceux qui|à celles qui|those (?:who|whom))\b.{0,40}\b(?:invitaremos|"
    r"contactaremos|inviterons|contacterons|will (?:then )?(?:be )?invit\w*|will contact)\b",
    r"\bbefore (?:we|you|i) (?:schedule|arrange|book|invite|move|set up)\b",
    # "to cancel your appointment, visit ...", "om je afspraak te annuleren ga je naar": how to
    # call it off, not calling it off
    r"\b(?:to (?:cancel|reschedule)|om (?:\w+ ){0,3}te (?:annuleren|wijzigen|verzetten)|um (?:\w+ )"
    r"{0,3}(?:abzusagen|zu stornieren|zu verschieben)|pour (?:annuler|modifier|déplacer)|para "
    r"(?:cancelar|anular|modificar)|per (?:annullare|disdire|spostare))\b.{0,80}\b(?:visit|cli"
    r"ck|go to|use the|link|ga (?:je )?naar|klik|besuche|klicken|cliquez|rendez-vous sur|visite"
    r"z?|haz clic|clicca|https?)\b",
    r"\b(?:visit|click|use the link|go to)\b.{0,60}\bto (?:cancel|reschedule)\b",
    # "candidates who are not shortlisted will be notified": what befalls some, said to all
    r"\b(?:candidates|applicants|those|people|anyone|everyone) (?:who|that|whose applications) "
    r"(?:are|were|have|has|do|did|will|is) (?:not|n't)\b",
    # "Applicants not shortlisted will be notified", "every applicant who is not shortlisted"
    r"\b(?:candidates?|applicants?)\b (?:who (?:is|are|was|were|has been|have been) )?not "
    r"(?:shortlisted|short-listed|successful|selected|invited|progressed|chosen|retained)\b",
)


# "Si te parece bien, te llamo el jueves": a courtesy, not a condition.
POLITE_IF = re.compile(
    r"(?i)\W*(?:if (?:that|this|it) (?:works|suits)|if you(?:'re| are) (?:free|available|ok)|"
    r"si (?:te|le|os) (?:parece|viene|va)|si (?:cela|ça) (?:vous|te) (?:convient|va)|"
    r"wenn es (?:ihnen|dir|euch) passt|se (?:ti|le|vi) va bene|als het (?:je|u) uitkomt|"
    r"se (?:for|estiver) (?:bom|conveniente) para (?:você|si))\b[^,;]*,")


def conditional(sentence: str) -> bool:
    """Whether a sentence only says what would happen: it opens with "if", "falls", "si"...
    or holds "if you", "wenn Sie", "si vous"... (a courtesy such as "si te parece bien, ..."
    sets no condition)."""
    polite = POLITE_IF.match(sentence)
    if polite:
        sentence = sentence[polite.end():]
    return bool(CONDITIONAL_OPENING.match(sentence) or CONDITIONAL_WITHIN.search(sentence))
# "may invite you", "will be in touch if": a possibility, not an invitation ("May 28" is a day).
HEDGE = any_of(r"(?<!\d\s)\bmay\b(?!\s*\d)", r"\bmight\b",
               r"(?:\bwill|'ll) (?:be in touch|contact you|reach out)\b",
               r"\beventuell\b", r"\bgegebenenfalls\b", r"\bpourr(?:ons|ions|ait)\b",
               r"\bpodr(?:íamos|ía)\b", r"\bshortlisted candidates\b",
               r"\bcandidates? (?:who|that) (?:are|have been) (?:shortlisted|selected)\b",
               r"\bselected candidates\b",
               # "les candidats dont le profil aura été retenu", "i candidati ammessi"
               r"\bcandidats? (?:dont (?:le|la|les) \w+ (?:aura|auront|sera|seront) été |"
               r"(?:qui seront |)(?:retenus|présélectionnés|sélectionnés)\b)",
               r"\bcandidati (?:selezionati|ammessi|idonei)\b",
               r"\bcandidatos (?:seleccionados|preseleccionados)\b",
               r"\b(?:ausgewählte|geeignete) (?:bewerber|kandidat)\w*\b",
               r"\bgeselecteerde kandidaten\b", r"\bnext steps? (?:may|will) include\b",
               r"\b(?:wybran\w+ kandydat\w*|vybran\w+ uchazeč\w*)\b",
               # "whether we would like you to come in": a question still open
               r"\bwhether (?:we|you|they) (?:would|will|want|'d|invite|move|progress|can)\b",
               r"\b(?:will|would) be contacted\b",
               # the interviews in general, a step held up: "we'll be scheduling interviews in
               # the coming weeks", "waiting for budget approval before we can move forward"
               r"\b(?:scheduling|arranging|holding|conducting|running) (?:the |all )?(?:first|"
               r"second|final|first-round|second-round|final-round|\w+ round )?\s?interviews\b"
               r"(?!.{0,20}\b(?:with you|for you)\b)",
               r"\bwaiting (?:for|on) (?:\w+ ){0,3}(?:approval|sign-off|budget|confirmation)\b",
               # "entscheiden, wen wir zu Gesprächen einladen", "decide who we invite"
               r"\b(?:wen|who|whom|which candidates|qui|a quién(?:es)?|chi|wie) (?:wir|we|we'll|"
               r"we will|nous|to|invitaremos|inviteremo|we gaan)\b.{0,40}\b(?:einlad|invit|convoqu|"
               r"uitnodig)\w*",
               r"\b(?:which|what|whom) (?:candidates|applicants)\b.{0,30}\b(?:invit|shortlist|"
               r"select|interview)\w*",
               # the procedure told: "invitations to interview are sent in order of the
               # ranking", "die Einladung zu den Vorstellungsgesprächen erfolgt nach der
               # Rangliste"
               r"\binvitations (?:to|for) (?:an? |the )?interviews?\b.{0,40}\b(?:will be|are) (?:se"
               r"nt|"
               r"issued|made)\b", r"\beinladung(?:en)? zu(?:m| den)\b.{0,40}\berfolg(?:t|en)\b",
               # "te laten weten of we je uitnodigen voor een gesprek", "se è stata
               # selezionata per il colloquio finale": whether, not yet
               r"\b(?:of|ob|si) (?:we|wij|wir|nous) (?:je|u|jou|sie|dich|vous) (?:\w+ ){0,4}(?:uit"
               r"nodig|einlad|invit|convoqu|auswähl|selecteer|sélectionn)\w*",
               r"\bse (?:è|sei|é) stat[oa] (?:selezionat[oa]|ammess[oa])\b",
               # "hoor je van mij of we een gesprek inplannen": whether, not yet
               r"\b(?:of|ob|whether|si) (?:we|wij|wir|nous)\b.{0,30}\b(?:inplannen|plannen|"
               r"einplanen|planen|schedule|arrange|organiser|programmer)\b",
               r"\b(?:ob|whether) (?:sie|du|you|their|your)\b.{0,40}\b(?:eingeladen|ausgewählt|"
               r"invited|selected|shortlisted)\b",
               # "either with an invitation to an interview or an answer": not yet either
               r"\b(?:enten|either|entweder|antingen)\b.{0,60}\b(?:eller|or|oder)\b",
               # those who pass, in general: "Les candidat(e)s qui obtiendront la note de
               # passage seront convoqué(e)s en entrevue", "successful candidates will be"
               r"\b(?:candidates|applicants|those|people) (?:who|that) (?:pass|succeed|are "
               r"successful|progress|meet|achieve)\b", r"\bsuccessful (?:candidates|applicants)\b",
               r"\b(?:candidat\S*|personnes) (?:qui|ayant) (?:obtiendront|réussi\w*|réussiront|"
               r"seront retenu\S*|auront)\b", r"\b(?:candidat\S*|personnes) (?:retenu|"
               r"sélectionné|présélectionné)\S*\b",
               # the suitable ones, in general: "Suitable candidates will be invited",
               # "Geeignete Kandidatinnen und Kandidaten laden wir zu einem Gespräch ein",
               # "die Kandidaten aus, die wir zu einem Gespräch einladen"
               r"\b(?:suitable|qualified|eligible|promising|relevant) (?:candidates|applicants)\b",
               r"\b(?:geeignete|passende|interessante|qualifizierte) (?:bewerber|kandidat)\w*",
               r"\b(?:aktuelle|aktuella|egnede|egnade|lämpliga|relevante|relevanta) (?:kandidat"
               r"\w*|søkere|sökande|ansøgere)\b",
               r"\b(?:kandidat|bewerber)\w*\b.{0,12}\bdie wir\b.{0,40}\beinlad\w*",
               r"\b(?:candidat\w*|candidatos|candidati|kandidaten) (?:idóne\w+|adecuad\w+|adéquat"
               r"\w*|pertinent\w*|idone\w*|adatt\w*|qualifi\w+)\b", r"\bgeschikte kandidaten\b",
               r"\b(?:bewerber\w*|kandidat\w*),? die\b.{0,40}\b(?:bestehen|bestanden|"
               r"erfolgreich|ausgewählt)\b", r"\bausgewählte (?:bewerber|kandidat)\w*\b",
               r"\b(?:candidat\w+|personas|aspirantes) (?:que (?:superen|aprueben|resulten|sean "
               r"seleccionad)|seleccionad[oa]s|preseleccionad[oa]s)\b",
               r"\b(?:pessoas|candidat\w+) (?:que (?:forem|passarem)|selecionad[oa]s|"
               r"pré-selecionad[oa]s|aprovad[oa]s)\b",
               # "Se o seu perfil corresponder à posição, iremos convidá-la", "si tu perfil encaja"
               r"\b(?:se|caso|si) (?:o |el )?(?:seu|sua|tu|su) (?:perfil|candidatura|cv)\b",
               # "Seules les candidatures jugées recevables seront invitées", "only shortlisted
               # candidates will be contacted", "L'employeur prendra contact s'il souhaite"
               r"\bseul(?:e)?s? les (?:candidatures|candidat\S*|personnes)\b.{0,60}\bseront\b",
               r"\bonly (?:those|candidates|applicants|shortlisted)\b.{0,60}\bwill be\b",
               r"\bs'(?:il|ils) (?:souhait|désir|veu)\w*\b",
               # "Wer das Anforderungsprofil erfüllt, erhält eine Einladung zum Gespräch"
               r"\bwer\b.{0,80}\b(?:erhält|bekommt|wird)\b.{0,30}\b(?:einladung|eingeladen)\b",
               # "must clear the cut-off to be called for the interview"
               r"\b(?:must|need to|have to|should) (?:\w+ ){0,3}(?:clear|pass|qualify|score)\b"
               r".{0,60}\b(?:to be|before being) (?:called|invited|shortlisted|considered)\b",
               # "the offer is subject to internal approvals": an offer to come, not made
               r"\b(?:offer|selection|appointment) (?:is|will be) subject to (?:internal |final |"
               r"management )?approvals?\b")
