"""The phrases the mail reader weighs in a message someone else sent, sentence by sentence,
in English, German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian,
Polish and Czech: what decides an invitation, a reschedule or a cancellation, a job board's
notice; words texted short are spelled out first. Each table matches within one sentence, so a
word that goes with a meaning only counts beside the words that make it one ("interview" with
"invite" or a day). The person's own mail has its own tables (``own_words``), so do the words
around a day (``day_words``), mail about no application (``other_mail``), sentences that
decide nothing (``conditions``), the ways of saying no (``no_words``), the words of an
assessment (``assessment_words``), of an acknowledgement (``ack_words``) and of an offer
(``offer_words``)."""

from __future__ import annotations

import re


def any_of(*phrases: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``phrases``; those that begin at a word
    boundary share one ``\\b`` in front, so the search skips the middle of every word at once
    instead of trying each phrase there; and those that open with a letter are grouped by it
    behind a lookahead, so a word tries only the phrases that can start with its letter.

    >>> any_of(r"\\bno\\b", r"nicht").pattern
    '(?i)(?:\\\\b(?:(?=n)(?:no\\\\b))|nicht)'
    """
    bounded = [p[2:] for p in phrases if p.startswith(r"\b")]
    others = [p for p in phrases if not p.startswith(r"\b")]
    parts = ([r"\b(?:" + "|".join(_by_first_letter(bounded)) + ")"] if bounded else []) + others
    return re.compile(r"(?i)(?:" + "|".join(parts) + r")")


def _by_first_letter(phrases: list[str]) -> list[str]:
    """The phrases, those opening with a plain letter grouped by it behind a lookahead
    ("(?=a)(?:apply|ask)"), the rest as they are; in their order within each group. (A phrase
    is one alternative: no "|" outside its brackets, no quantifier on its first letter.)"""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for phrase in phrases:
        first = phrase[:1].lower()
        if first.isalpha() and first.isascii() or first in "äöüéèàâáíóúñçå":
            groups.setdefault(first, []).append(phrase)
        else:
            rest.append(phrase)
    return [f"(?={letter})(?:{'|'.join(group)})" for letter, group in groups.items()] + rest


# Words texted short, spelled out for the tables ("moving fwd w/ someone else", "free tmrw?").
_SHORT = {"w/": "with", "w/o": "without", "fwd": "forward", "tmrw": "tomorrow",
          "tmr": "tomorrow", "tomo": "tomorrow", "thru": "through", "ppl": "people",
          "pls": "please", "plz": "please", "abt": "about", "bc": "because", "b/c": "because",
          "rn": "right now", "asap": "as soon as possible", "thx": "thanks",
          "convo": "conversation", "mins": "minutes", "hrs": "hours"}
_SHORT_WORDS = re.compile(r"(?i)(?<![\w/])(w/o|w/|b/c|fwd|tmrw|tmr|tomo|thru|ppl|pls|plz|abt|bc|"
                          r"rn|asap|thx|convo|mins|hrs)(?![\w/])")


def casual(text: str) -> str:
    """The text with words texted short spelled out.

    >>> casual("ok we're moving fwd w/ someone else, free tmrw?")
    "ok we're moving forward with someone else, free tomorrow?"
    """
    return _SHORT_WORDS.sub(lambda m: _SHORT[m.group(1).lower()], text)


# A step of the process still to come: a sentence naming one chooses the person for it, not for
# the job ("has sido seleccionada para la siguiente fase").
_NEXT_STAGES = (
    r"\bnext (?:stage|step|phase|round)", r"\b(?:siguiente|próxima|proxima|segunda) "
    r"(?:fase|etapa|ronda)", r"\bnächste[nr]? (?:runde|schritt|phase|stufe)",
    r"\bprochaine (?:étape|phase)", r"\bfase successiva\b", r"\bprossima fase\b",
    r"\bvolgende (?:ronde|fase|stap)", r"\bpróxima etapa\b", r"\bnext steps? in the process")
NEXT_STAGE = any_of(*_NEXT_STAGES)

# A request for more from the person ("we need some additional information", "please send us
# the following"): somebody read the application, so a reply even under "thank you for
# applying".
REQUEST_INFO = any_of(
    r"\bneed (?:some |a few )?(?:additional|more|further|some) (?:information|details|documents)",
    r"\bplease (?:provide|send us|submit|forward)\b.{0,40}\b(?:following|these|materials|"
    r"documents|references|examples)\b",
    r"\b(?:benötigen|brauchen) wir (?:noch )?(?:weitere|folgende|zusätzliche|ergänzende)\b",
    r"\bwir (?:benötigen|brauchen) (?:noch )?(?:weitere|folgende|zusätzliche|ergänzende) "
    r"(?:unterlagen|informationen|angaben|dokumente)",
    r"\b(?:besoin|manque)\b.{0,30}\b(?:informations?|documents?|pièces?) "
    r"(?:complémentaires?|supplémentaires?|manquant)",
    r"\bmerci de nous (?:faire parvenir|transmettre|envoyer)\b.{0,40}\b(?:suivant|documents?|"
    r"pièces?|références)",
    r"\bnecesitamos (?:que nos (?:envíes|envíe|remitas)|(?:algo de |más )?información "
    r"adicional|los siguientes documentos|(?:algunos|más) datos)\b",
)

CANCEL = any_of(
    r"\bcancel(?:l?ed|l?ing)?\b.{0,40}\b(?:interview|call|meeting|chat|appointment|event)\b",
    r"\b(?:interview|call|meeting|event|appointment)\b.{0,100}\b(?:cancel(?:l?ed)?|called off)\b",
    r"\babsagen\b.{0,40}\b(?:termin|gespräch|interview)\b",
    r"\b\w*(?:termin|gespräch|interview|call|meeting|telefonat|treffen)\w*\b.{0,40}\b(?:abgesagt|ab"
    r"sagen|entfällt|entfallen|fällt .{0,10}aus|streichen|nicht stattfinden|findet nicht statt)\b",
    r"\babsage (?:des|unseres|ihres) \w*(?:termins|gesprächs|interviews)\b",
    r"\bannul\w*\b", r"\bcancela\w*\b", r"\banula\w*\b",
    r"\bannull\w*\b",
    r"\bgeannuleerd\b",
    r"\bafgezegd\b",
    r"\bdesmarc\w*\b",
    r"\btermin\w*\b.{0,60}\bnicht wahrnehmen\b",
    r"\b(?:ställa in|inställ\w*|aflys\w*|avlys\w*|odwoła\w*)\b",
    r"\b(?:perumaan|perua|perumme|peruttu|peruutettu|peruuntuu|peruttava)\b",
)
# "move Wednesday's session to Friday 30 October": a meeting moved, whatever it is called
MOVED_TO = (r"\b(?:move|push|shift) (?:\w+'s |the |our |your |this )(?:\w+ )?(?:session|interview|"
            r"call|meeting|chat|conversation)s? to\b")
RESCHEDULE = any_of(
    r"\bre-?schedul\w*\b", r"\b(?:new|another|alternative|different) (?:time|date|slot)s?\b",
    r"\bmove (?:our|the|your) (?:\w+ )?(?:interview|call|meeting|chat)\b", r"\bmoved to\b",
    r"\bverschieb\w*\b", r"\bverschoben\b", r"\bverleg\w*\b", r"\bneue[nr]? termin\w*\b",
    r"\bumplan\w*\b",
    r"\breport(?:er|é|ée|ons)\b", r"\bdécal(?:e|es|er|é|ée|és|ées|ons|ez|erons|erait)\b", r"\b"
    r"nouve(?:au|lle) (?:créneau|date|horaire)\b",
    r"\breprogram\w*\b", r"\bcambi\w+ (?:la fecha|el horario|la hora|la entrevista)\b",
    r"\baplaz\w*\b", r"\bpospon\w*\b", r"\bnueva (?:fecha|hora)\b",
    r"\bspost\w*\b",
    r"\brinvi\w*\b",
    r"\bnuov[oa] (?:data|orario)\b",
    r"\bremarc\w*\b",
    r"\breagend\w*\b",
    r"\bnov[oa] (?:data|horário)\b",
    r"\btraslad\w*\b",
    r"\bverzet\w*\b",
    r"\bverplaats\w*\b",
    r"\bnieuwe (?:datum|tijd|afspraak)\b",
    r"\b(?:boka om|ombok\w*|flytta|flytte|ny tid|nytt tidspunkt|nyt tidspunkt|przełoż\w*|przes"
    r"un\w*|nowy termin|inny termin)\b",
    r"\b(?:déplacer|reporter|devancer) (?:notre|l'|votre|la|cette|le) ?(?:entrevue|entretien|r"
    r"endez-vous|rencontre|échange)?\b",
    r"\bchangement d'horaire\b",
    r"\b(?:push|move|bump) (?:it |this |our \w+ |the \w+ )?(?:back |out )?(?:to|till|until) (?"
    r":\w+day|mon|tue|tues|wed|thu|thurs|fri|next|tomorrow|the \d)",
    r"\bmover (?:la|nuestra|su|tu) (?:entrevista|reunión|cita|llamada)\b", r"\bnueva cita\b",
    # a booking tool's notice: "[Appointment Changed]", "Updated invitation:", "RDV modifié"
    r"\b(?:appointment|booking|meeting|interview|event|rdv|termin|afspraak|rendez-vous|cita)\b.{0,"
    r"30}\b(?:changed|updated|modified|modifiée?|geändert|gewijzigd|modificad[oa])\b",
    r"\b(?:changed|updated) (?:appointment|booking|invitation|event)\b",
    MOVED_TO,
)
MEETING = (
    # compounds too: "Telefoninterview", "Bewerbungsgespräch", "videoentrevista"
    r"(?:(?:telefon|video|bewerbungs|vorstellungs|kennenlern|einzel|gruppen|online|erst|zweit|"
    r"abschluss|fach|job|panel)?interview\w*|(?:vorstellungs|bewerbungs|telefon|kennenlern|"
    r"einzel|erst|zweit|abschluss|personal|informations|fach|vor|video)?gespräch\w*|"
    r"(?:video)?entrevista|call|phone screen|screening|chat|"
    r"conversation|meeting|video ?call|zoom|"
    r"teams|google meet|onsite|on-site|catch[- ]up|discussion|talk|speak|meet\b|"
    r"gespräch\w*|vorstellungsgespräch|kennenlern\w*|telefonat|termin|videocall|"
    r"entretien|échange|rendez-vous|rdv\b|rencontre\w*|visio(?:-?conf\w*|\b)|entrevista|llamada|reunión|"
    r"videollamada|charla|conversación|colloquio|sollicitatiegesprek|gesprek|\w+gesprek|"
    r"walk-?in(?: drive| interview)?|campus visit|job talk|fly-?out|interviu\w*|interjú\w*|"
    r"präsentation vor (?:dem|der) \w+|presentation to the (?:board|panel|committee)|"
    r"állásinterjú\w*|"
    r"videochiamata|incontro|reunião|conversa|videochamada|afspraak|entrevue|"
    r"(?:video|job|telefon|anställnings)?intervju\w*|(?:job|telefon|video)?samtal\w*|möte|"
    r"møde|møte|rozmow\w+|spotkani\w+|wideorozmow\w+|coffee|café|\w+gespräch\w*|pohovor\w*|"
    r"auswahltag|assessment[- ]?cent(?:er|re)|prova orale|esame orale|schnuppertag\w*|oral board|"
    r"probearbeit\w*|hospitation|trial (?:day|shift)|"
    r"épreuves? orales?|oral d'admission|prueba oral|ejercicio oral|examen oral|"
    r"din[âá]micas? de grupo|group discussion|"
    r"mondelinge (?:toets|proef)|\w*haastattel\w*)")
MEETING_SAID = re.compile(rf"(?i)\b{MEETING}")  # a sentence that speaks of a meeting
# chosen for the next stage ("seleccionada para la siguiente fase", "moved to the next round")
_ONWARD = (r"\b(?:selected|shortlisted|chosen|moved|move|moving|advanced?|progress(?:ed)?|"
           r"seleccionad[oa]|preseleccionad[oa]|ausgewählt|retenue?|sélectionnée?|selezionat[oa]|"
           r"geselecteerd|selecionad[oa])\b(?!.{0,20}\bnot\b).{0,40}")
INVITE = any_of(
    rf"\b(?:invit\w*|schedul\w*|arrang\w*|set up|book\w*|organi[sz]\w*|confirm\w*|propos\w*|"
    rf"availab\w*|(?<!tot )slot|einlad\w*|einladung|laden (?:wir )?(?:sie|dich)|bestätig\w*|"
    rf"vereinbar\w*|vorschlag\w*|vorschlagen|convi\w+|convoqu\w*|confirm\w*|disponib\w*|"
    rf"invitar\w*|agendar|programar|coordinar|confirmar\w*|disponib\w*|citar\w*|programad[oa]|"
    rf"programamos|agendad[oa]|agendamos|"
    rf"would (?:like|love) to|'d (?:like|love) to|could we|can we|let's|lass(?:en)? uns|"
    rf"möchten (?:wir )?(?:sie|dich)|würden (?:wir )?(?:sie|dich)|"
    rf"aimerions|souhaitons|aimerais|souhaiterais|voudrais|nos gustaría|me gustaría|"
    rf"gostaríamos|convoc\w*|vorremmo|vorrei|"
    rf"fissare|conferm(?:o|iamo)\b|uitnodig\w*|nodigen (?:je|u) (?:graag )?uit|inplannen|"
    rf"willen (?:je|u) graag|"
    rf"kutsu\w*|haluaisimme|sopisiko)"
    rf"\b.{{0,80}}\b{MEETING}",
    rf"\b{MEETING}\b.{{0,60}}\b(?:invit\w*|schedul\w*|confirm\w*|booked|arranged|is set|"
    rf"eingeladen|einladen|bestätigt|vereinbart|confirmé\w*|prévu\w*|programad\w*|confirmad\w*|"
    rf"agendad\w*|eingeplant|festgelegt|fixiert|eingetragen|marcad[oa]|fissat[oa]|"
    rf"confermat[oa]|(?:in)?gepland|bevestigd|(?:in)?plannen)",
    r"\b(?:would like|'d like|want|wish) to (?:interview|meet|speak with|talk (?:to|with))\b",
    r"\b(?:can|could|would) you (?:come (?:in|by|over|to)|stop by|drop by|pop (?:in|by)|join us|"
    r"make it|do)\b", r"\b(?:join us|come in) for (?:a|an|the|your|our)\b",
    rf"\b(?:can|could|would) you join (?:a|an|our|the|us for)\b.{{0,40}}\b{MEETING}",
    r"\blook(?:ing)? forward to (?:seeing|meeting|speaking|talking) "
    r"(?:with )?you\b.{0,40}\b(?:on|at|tomorrow|next)\b",
    r"\b(?:new )?event\b.{0,30}\b(?:scheduled|booked|confirmed)\b",
    r"\bwould you (?:be )?(?:available|free)\b",
    r"\blet's (?:say|do|go with|book|pencil)\b",
    r"\bi'll (?:call|ring|phone) you\b(?! (?:the moment|as soon as|once|when|the minute|back|"
    r"with (?:news|the|an?|our) ))",
    r"\bare you (?:available|free)\b",
    r"\b(?:what|share your|your) availability\b", r"\bwhen (?:are|would) you be (?:available|"
    r"free)\b", r"\b(?:pick|choose|select|book) (?:a|your) (?:time|slot)\b",
    r"\b(?:escolher|escolha|elegir|elige|elija|choisir|choisissez|wählen sie|buchen sie) (?:o |el "
    r"|un |une |einen )?(?:melhor )?(?:horário|horario|créneau|termin|slot)\b",
    rf"\b(?:der )?nächste(?:r)? schritt (?:ist|wäre|wird)\b.{{0,40}}\b{MEETING}",
    r"\b(?:would|'d) (?:like|love) to see you\b.{0,30}\b(?:round|stage|interview|in person)\b",
    r"\bnext (?:step|round|stage|up) (?:is|will be|would be)\b.{0,40}\b(?:interview|call|chat|"
    r"meeting|(?:technical|final|onsite|panel|second|third) round)",
    # "I've sent over a calendar invite for Monday at 11"
    r"\bcalendar invit\w*\b.{0,30}\b(?:for|on) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"tomorrow|\d)",
    # "they'd like you back for a second stage"
    r"\b(?:like|love|want) (?:to (?:have|see|bring) )?you back\b.{0,30}\b(?:for|to)\b",
    r"\bhätten sie\b.{0,40}\bzeit\b",
    # "a reminder that your interview will start in 24 hours"
    rf"\b(?:reminder|erinnerung|rappel|recordatorio|promemoria|herinnering)\b.{{0,40}}\b(?:your|"
    rf"ihr|dein|votre|ton|tu|su|il tuo|il suo|je|uw) {MEETING}",
    rf"\b(?:your|the) {MEETING}\b.{{0,20}}\b(?:will start|starts|begins|is (?:tomorrow|today|in "
    rf"\d+ hours))\b",
    # time asked for a meeting: "would you have time for a video chat", "hättest du Zeit für
    # ein Gespräch", "tendrías un rato para una llamada", "heb je tijd voor een gesprek"
    rf"\b(?:do|would|will|did) you (?:still )?have (?:some |any |a few |a little )?(?:time|minu"
    rf"tes|a moment)\b.{{0,40}}\b{MEETING}",
    rf"\bcan you make (?:a|the|our|this)\b.{{0,20}}\b{MEETING}",
    r"\b(?:hättest|hast) du\b.{0,40}\bzeit\b",
    rf"\b(?:tendrías|tienes|tendría|tiene|tendrían|avresti|hai|avrebbe|ha|teria|tem|terias|tens)"
    rf" (?:un rato|tiempo|un momento|disponibilidad|tempo|un momento|disponibilidade)\b.{{0,20}}"
    rf"\b(?:para|per)\b.{{0,30}}\b{MEETING}",
    rf"\b(?:heb je|hebt u|heeft u|hebben jullie)\b.{{0,50}}\btijd voor\b.{{0,30}}{MEETING}",
    rf"\blade (?:ich|wir) (?:sie|dich|euch)\b.{{0,80}}\b{MEETING}.{{0,40}}\bein\b",
    rf"\b(?:sie|dich)\b.{{0,60}}\bzu (?:einem|unserem|einem ersten)\b.{{0,40}}{MEETING}"
    r".{0,40}\b(?:begrüßen|einladen|einzuladen|kennenzulernen)\b",
    # "jetzt möchten wir dich auch persönlich treffen"
    r"\b(?:möchten|würden|wollen) (?:wir )?(?:sie|dich|euch)\b.{0,30}\b(?:persönlich )?"
    r"(?:treffen|kennenlernen)\b",
    # Hungarian: "személyes interjúra hívja", "meghívjuk egy interjúra"
    r"\b(?:interjúra|beszélgetésre|elbeszélgetésre)\b.{0,20}\b(?:hív|meghív)\w*|\bmeghív\w*\b"
    r".{0,40}\b(?:interjú|beszélgetés)\w*",
    # "Kommen Sie doch am Dienstag um 9 Uhr zu einem Vorstellungsgespräch zu uns"
    rf"\b(?:kommen sie|komm|kommt ihr)\b.{{0,60}}\bzu (?:einem|unserem|dem|einer)\b.{{0,20}}"
    rf"{MEETING}",
    r"\b(?:können|könnten|wollen) wir\b.{0,60}"
    r"\b(?:telefonieren|sprechen|treffen)\b", r"\bpasst (?:ihnen|dir)\b",
    r"\bseriez-vous disponible\b",
    r"\bêtes-vous disponible\b", r"\bestarías disponible\b", r"\bestaría disponible\b",
    r"\btienes disponibilidad\b", r"\bte viene bien\b",
    # chosen for the meeting ("selected for an interview", "für ein Gespräch ausgewählt")
    rf"\b(?:selected|shortlisted|chosen|ausgewählt|retenue?|sélectionnée?|seleccionad[oa]|"
    rf"preseleccionad[oa])\b.{{0,30}}\b(?:for|to|für|zu|pour|para)\b.{{0,30}}\b{MEETING}",
    rf"\b(?:für|zu) (?:ein|einem|das|den) (?:\w+ )?{MEETING}\w*\b.{{0,30}}\bausgewählt\b",
    r"\b(?:would|'d) (?:like|love) (?:for )?you to (?:meet|speak|talk|come in|join us for|inte"
    r"rview)\b",
    r"\b(?:souhaiterions|voudrions|aimerions) vous (?:rencontrer|recevoir|voir|parler)\b",
    # the manager, the client wishes to meet the person: "souhaite vous rencontrer"
    r"\b(?:souhaite|souhaitent|aimerait|aimeraient|voudrait|voudraient) (?:vous|te) (?:rencontrer|"
    r"recevoir|voir|parler)\b",
    # "Brezo Farma quiere conocerte", "Lo dejamos el viernes 30 de octubre a las 9:30"
    r"\b(?:quiere|quieren|querría|querrían|desea|desean) conocer(?:te|le|la)\b",
    r"\blo dejamos (?:para )?el (?:lunes|martes|miércoles|jueves|viernes)\b.{0,30}\ba las \d",
    # "L'entrevue aura lieu le jeudi 15 octobre", "the interview will take place on"
    rf"\b{MEETING}\w*\b.{{0,12}}\b(?:aura lieu|se tiendra|se déroulera|tendrá lugar|se realizará|"
    rf"se llevará a cabo|will take place|will be held|findet|avrà luogo|si terrà|vindt|est fixée?|"
    rf"est prévue?|sera|será|sarà|äger rum|finder sted|finner sted|foregår|odbędzie się|proběhne|"
    rf"se uskuteční|staat gepland)\b.{{0,40}}\d",
    # "te esperamos el martes 24 ... para la entrevista" (not "a las 9:00 en recepción": a start)
    r"\b(?:te|le|os|les) esperamos\b.{0,60}\b(?:entrevista|reunión|videollamada)",
    r"\b(?:te|le|os) propon\w+\b.{0,60}\b(?:entrevista|llamada|reunión|videollamada|charla)",
    # "ti propongo un colloquio", "zullen we een videogesprek plannen?", "podemos fazer uma
    # videochamada na quinta?"
    r"\b(?:ti|le|vi) propong\w*\b.{0,30}\b(?:colloquio|incontro|videochiamata|chiamata)\b",
    r"\bzullen we\b.{0,60}\b(?:\w*gesprek|afspraak|videocall|kennismaking)\b",
    r"\bpodemos (?:fazer|ter|marcar|agendar)\b.{0,20}\b(?:videochamada|chamada|conversa|entrevista"
    r"|reunião|call|papo)\b",
    r"\b(?:queremos|quisiéramos|nos encantaría)\b.{0,40}\b(?:conocerte|conocerle|entrevistarte"
    r"|hablar contigo)\b",
    r"\bnodigen (?:we |wij )?(?:je|u|jou) (?:graag )?uit\b(?!.{0,30}\b(?:assessment|test|opdracht)"
    r"\b)",
    r"\bbeschikbaar\b.{0,60}\b(?:gesprek|\w+gesprek|afspraak|kennismaking|videocall)",
    r"\bbooked (?:you|us) in\b",
    r"\blade\w* (?:wir |ich )?(?:sie|dich)\b.{0,20}\b(?:zum|zu einem) hearing\b",
    # "Hast du Lust auf einen kurzen Call?", "Such dir einfach einen Slot aus"
    r"\b(?:möchte|möchten|würde|würden) (?:dich|sie) (?:gerne? )?(?:persönlich )?kennenlernen\b",
    rf"\bvorgeschlagen (?:ist|wird|wurde) (?:ein|eine|der|das) (?:\w+ )?{MEETING}",
    r"\b(?:hast du|haben sie) lust auf (?:einen|ein) (?:\w+ )?(?:call|gespräch|kennenlernen|telef"
    r"onat|kaffee|austausch)\b", r"\bsuch (?:dir|ihnen) (?:\w+ )?einen (?:slot|termin) aus\b",
    # "Ich lade Sie zu einem Vorstellungsgespräch ... ein", "¿te vendría bien una llamada?",
    # "ti confermo il colloquio", "kan du komma på intervju", "har du mulighed for en samtale"
    rf"\b(?:ich|wir) lade\w* (?:sie|dich|euch)\b.{{0,80}}\b{MEETING}",
    r"\b(?:te|le|os) (?:vendría|viene|va|iría) bien\b.{0,30}\b(?:llamada|entrevista|reunión|char"
    r"la|videollamada)\b",
    r"\b(?:ti|le|vi|gli) conferm(?:o|iamo) (?:il|l'|la) ?(?:colloquio|incontro|appuntamento|videoch"
    r"iamata)\b",
    r"\bkan du komma (?:på|till) (?:en )?(?:intervju|samtal|möte)\b", r"\b(?:vill|vil|ønsker å|øn"
    r"sker at) (?:gärna |gjerne |gerne )?(?:träffa|møde|møte|treffe|mødes med) (?:dig|deg)\b",
    # "ik nodig je graag uit", "quiere conversar contigo", "gerne lerne ich Sie kennen", Czech
    # "rád by Vás viděl na prvním kole pohovoru"
    r"\b(?:ik |wij |we )?nodig (?:je|u|jou) (?:graag |hierbij |van harte )?uit\b",
    r"\b(?:quiere|quieren|querría|desea|desean) (?:conversar|hablar|charlar|reunirse) (?:conti"
    r"go|con usted)\b",
    r"\blerne(?:n)? (?:ich|wir) (?:sie|dich) (?:gerne? )?(?:persönlich )?kennen\b",
    r"\b(?:rád|ráda|rádi) by (?:vás|tě) (?:viděl\w*|poznal\w*|pozval\w*)\b",
    r"\bzveme (?:vás|tě)\b",
    r"\b(?:vous|te) (?:donner|accorder|offrir|proposer) (?:une|un) (?:entrevue|entretien)\b",
    # "we'd like you to come to our on-site hiring event", "Your interview with Chef Leo Park is
    # at 4:00 PM on Thursday, 10/15"
    r"\bcome (?:to|in for) (?:our|an?|the) (?:[\w-]+ ){0,2}(?:hiring event|hiring day|open intervi"
    r"ews?|career fair)\b",
    rf"\byour {MEETING}\b.{{0,40}}\b(?:is|will be|has been (?:scheduled|booked|set)) (?:at|on|"
    rf"for)\b.{{0,30}}\d",
    # "nos gustaría que conocieras a Ignacio", "te llamo mañana a las 11:00"
    r"\bnos gustaría que (?:conozcas|conocieras|hables|hablaras|vengas|vinieras)\b",
    r"\b(?:te|le) (?:llamo|llamaré|llamaremos)\b.{0,60}\b(?:entrevista|a las \d)",
    r"\b(?:se|møde|treffe|träffa) (?:dig|deg) (?:igen |igjen )?til (?:en |et |\d\. )?(?:\w+ )?(?:sa"
    r"mtale|samtal|intervju|interview|møde|møte)\b",
    r"\bhar du mulighe[dt] for (?:en |et )?(?:samtale|møde|møte|interview|intervju)\b",
    # "me gustaría que charlemos", "te agendé para el jueves 15/10 a las 10 hs"
    r"\bme gustaría que (?:charlemos|conversemos|hablemos|nos reunamos)\b",
    r"\bte (?:agendé|agendo|agendamos|anoté|reservé)\b.{0,20}\b(?:lunes|martes|miércoles|jueves|"
    r"viernes|sábado|\d)",
    # "Você avançou para a entrevista com a gestão", "pasaste a la entrevista final"
    rf"\b(?:avançou|avançaste|avanzaste|avanzó|passou|pasaste) (?:para|a) (?:a |la |uma |una )?"
    rf"(?:\w+ ){{0,2}}{MEETING}",
    _ONWARD + "(?:" + "|".join(_NEXT_STAGES) + ")",
    # a day confirmed: "see you on Thursday", "dann sehen wir uns am 15.10."
    r"\b(?:see you|sehen wir uns|sehen uns|nos vemos|ci vediamo|on se voit|zien we (?:je|u|elk"
    r"aar))\b.{0,20}\b(?:on|at|next|tomorrow|then|am|le|el|il|op|morgen|demain|mañana|domani)"
    r"\b",
    r"\byou(?:'re| are) free\b",
    r"\bany chance you(?:'re| are| might be| could)\b",
    r"\b(?:ravis|heureux|heureuse|plaisir) de vous (?:rencontrer|recevoir|inviter|accueillir p"
    r"our)\b",
    r"\bwork for (?:a|an) (?:\d+[- ]?min(?:ute)?s? )?(?:video |phone |quick |short |zoom |team"
    r"s )?(?:chat|call|interview|meeting|conversation)\b",
    r"\b(?:be )?up for (?:a|an)\b.{0,30}\b(?:chat|call|coffee|meeting|conversation)\b",
    r"\b(?:want|like|love) to (?:do|have|set up|book|schedule|grab) (?:a|an) (?:quick |short |"
    r"brief |first )?(?:\d+[- ]?min(?:ute)?s? )?(?:intro|chat|call|catch[- ]up|conversation|co"
    r"ffee)\b",
    r"\bgrab (?:a|whatever|any) (?:time|slot)\b.{0,40}\b(?:works|calendly|calendar)\b",
    r"\b(?:würden? (?:wir |ich )?gern(?:e)?|gerne? würden? (?:wir|ich))\b.{0,80}\b(?:gespräch|"
    r"interview|telefoninterview|telefonat|kennenlernen|treffen|telefonieren|sprechen)",
    # casual: "wanna do a 30 min call?", "want to swing by the studio fri nov 6 at 3pm?",
    # "mon oct 26 at 1pm ET work?"
    r"\b(?:wanna|want to|down to) (?:do|hop on|jump on|have|grab|set up) (?:a|an) (?:quick |"
    r"short |brief |\d+[- ]?min(?:ute)?s? )*(?:call|chat|zoom|meet|video call|phone call)\b",
    r"\b(?:swing|stop|drop|come|pop) (?:by|in|over)\b.{0,40}\b(?:mon|tue|tues|wed|thu|thurs|fri|"
    r"monday|tuesday|wednesday|thursday|friday|tomorrow)\b.{0,30}\d",
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|monday|tuesday|wednesday|thursday|friday)\b.{0,20}"
    r"\bat \d{1,2}(?::\d\d)? ?(?:am|pm)\b.{0,12}\b(?:work|works|ok|good)\b.{0,6}\?",
    # a day and time put forward: "Wie wäre es mit Dienstag, 13. Oktober, um 9:30 Uhr?"
    r"\b(?:how about|would|does|could we do)\b.{0,10}\b(?:monday|tuesday|wednesday|thursday|"
    r"friday)\b.{0,30}\b(?:at \d|\d{1,2}(?::\d\d)? ?(?:am|pm))\b.{0,30}\b(?:work|suit|be ok)",
    r"\bhow about (?:monday|tuesday|wednesday|thursday|friday)\b.{0,30}\bat \d",
    r"\bwie wäre(?: es mit)?\b.{0,12}\b(?:montag|dienstag|mittwoch|donnerstag|freitag)\b.{0,30}"
    r"\bum \d", r"\bque (?:diriez|dirais)[- ]vous\b.{0,12}\b(?:lundi|mardi|mercredi|jeudi|"
    r"vendredi)\b.{0,30}\bà \d",
    r"\bqué (?:te|le) parece\b.{0,12}\b(?:el )?(?:lunes|martes|miércoles|jueves|viernes)\b."
    r"{0,30}\ba las \d",
    r"\btermine?\b.{0,40}\b(?:anbieten|vorschlagen)\b",
    r"\b(?:bjuda in|bjuder in|inbjudan|kalla(?:r)? (?:dig )?till|invitere\w*|indkald\w*|innkal"
    r"l\w*|zaprasza\w*|zaproszeni\w*|umówić|umówmy)\b.{0,80}\b(?:intervju\w*|\w*samtal\w*|möte"
    r"|møde|møte|rozmow\w+|spotkani\w+)",
    # Czech: "rádi bychom Vás pozvali na osobní pohovor", "Pozvánka na pohovor"; Polish: "klient
    # chętnie się z Panią spotka"
    r"\b(?:pozv\w*|pozvánk\w*|pozvání|pozýv\w*)\b.{0,80}\b(?:pohovor\w*|schůzk\w*|rozhovor\w*|setkání|vid"
    r"eohovor\w*)",
    r"\b(?:pohovor\w*|schůzk\w*)\b.{0,40}\b(?:proběhne|se uskuteční|je naplánován\w*)\b",
    r"\bsię (?:z (?:panią|panem|tobą) )?spotka(?:ć|)\b.{0,40}\b(?:poniedziałek|wtorek|środ\w|czwa"
    r"rtek|piątek|\d)",
    r"\b(?:chce|chcą|chciałby|chcieliby|chętnie)\b.{0,20}\bsię (?:z (?:panią|panem|tobą) )?spotka",
    r"\b(?:vill|vil|ønsker|önskar) (?:\w+ ){0,2}(?:gärna|gerne|gjerne) (?:\w+ ){0,2}(?:träffa|"
    r"møde|møte|treffe|tala|snakke|prate)\b",
    r"\b(?:chcielibyśmy|chciałabym|chciałbym) (?:\w+ ){0,2}(?:zaprosić|porozmawiać|spotkać)\b",
    r"\b(?:do you have|got|have you got) (?:\d+|a few|a couple of|some|fifteen|twenty|thirty|h"
    r"alf an hour)\b.{0,60}\bfor (?:a|an) (?:quick |short |brief |casual |video |phone |zoom )"
    r"?(?:chat|call|coffee|conversation|intro|meeting)\b",
    r"\b(?:free|around|available) for (?:a|an) (?:quick |short |brief |casual |first |video |p"
    r"hone |zoom |intro )*(?:chat|call|coffee|conversation|intro|meeting|interview)\b",
    r"\bwants? to (?:meet|interview|chat with|speak with|talk (?:to|with)) you\b",
    r"\b(?:move|moving|advance|advancing|invite|inviting|bring|bringing) you (?:forward )?(?:t"
    r"o|into|onto) (?:the |a |our )?(?:final |next |second |third |last |onsite |on-site )?(?:"
    r"panel|round|stage|loop|onsite|on-site|interview)\b",
    r"\b(?:serais|seriez|es|êtes|serait) (?:\w+ )?dispo(?:nible)?s? (?:pour|à|le|ce|demain|jeu"
    r"di|lundi|mardi|mercredi|vendredi)\b",
    r"\b(?:la|lo|te|le|los|las) cit(?:amos|o|a|aremos)\b.{0,40}\b(?:entrevista|reunión|llamada"
    r"|videollamada)\b",
    r"\b(?:down|up|around|keen) for (?:a|an)\b.{0,40}\b(?:chat|call|coffee|meeting|conversatio"
    r"n|intro|interview|screen)\b",
    r"\bfancy (?:a|an|grabbing|meeting|popping)\b.{0,40}\b(?:chat|call|coffee|meeting|conversa"
    r"tion|intro)\b",
    r"\b(?:free|around|available|got|have you got) (?:for )?(?:\d+|fifteen|twenty|thirty|half "
    r"an hour)[- ]?(?:min|mins|minutes)?\b.{0,40}\b(?:mon|tue|tues|wed|thu|thurs|fri|\w+day|to"
    r"morrow|next week|\d{1,2}(?:st|nd|rd|th)?)\b",
    r"\b(?:love|like|want) to (?:grab|get|find|book|have) (?:\d+|fifteen|twenty|thirty|half an"
    r" hour) ?(?:min|mins|minutes)?\b",
    r"\bdoes (?:[\w/:]+ ){1,6}work(?: for you)?\s*\?",
    r"\b(?:it's|it is|it'll be|it will be|this will be) (?:a|an) (?:[\w-]+ ){0,3}(?:conversati"
    r"on|chat|call|interview|meeting|panel|session)\b.{0,80}\b(?:on|at) (?:\w+day|mon|tue|wed|"
    r"thu|fri|\d)",
    r"\b(?:ammess[oa]|convocat[oa]|convocad[oa]|convoqué|convoquée|admis|admise|zugelassen|toe"
    r"gelaten) (?:\w+ ){0,3}(?:a sostenere |alla |a la |para la |à l'|à |zur |zum |tot de )?(?"
    r":prova orale|esame orale|colloquio|prueba oral|entrevista|épreuves? orales?|oral|entreti"
    r"en|mündlichen|auswahlgespräch|gesprek)",
    r"\b(?:laden|lädt) (?:wir|ich|sie|euch|er|die \w+) (?:sie|dich|euch|ihnen)? ?(?:\w+ ){0,6}"
    r"(?<!schriftlichen )(?<!schriftliche )\w*(?:gespräch|interview|auswahlverfahren|auswahltag|"
    r"kennenlernen)\w* ein\b",
    r"\b(?:bater|batermos) um papo\b",
    r"\bpode ser (?:\w+-feira|amanhã|hoje|dia \d|na \w+-feira|no dia)\b",
    r"\b(?:quer|queremos|gostaria|gostaríamos|quero) (?:muito )?(?:de )?(?:te |lhe |a )?conhecer\b",
    r"\b(?:vamos|podemos) (?:marcar|agendar)\b.{0,40}\b(?:conversa|entrevista|papo|reunião|call)\b",
    r"\b(?:te|le|les) (?:viene|queda|parece) bien\b.{0,40}\b(?:lunes|martes|miércoles|jueves|v"
    r"iernes|mañana|el \d)",
    r"\b(?:puedes|podrías|puede|podría) (?:el |este |esta |mañana)(?:\w+ )?(?:lunes|martes|mié"
    r"rcoles|jueves|viernes|día|a las)\b",
    r"\b(?:free|around|available|open)\s+(?:(?:this|next|on)\s+)?(?:mon|tue|tues|wed|thu|thur|"
    r"thurs|fri|\w+day|tomorrow)\b[^.?!]{0,40}\?",
    r"\bqueda(?:mos)? (?:para|agendad[oa] para|fijad[oa] para|confirmad[oa] para) (?:el |este "
    r"|mañana)",
    r"\b(?:siguiente|última|próxima) instancia\b.{0,60}\b(?:entrevista|reunión|charla|llamada)\b",
    r"\b(?:would|'d) (?:like|love) to (?:move|go) (?:forward|ahead) with you\b",
)
# What only an interview is called (not a "talk" or a "meeting" in a newsletter).
INTERVIEW_WORD = any_of(
    r"\b(?:first|second|third|final|next|last) round\b", r"\b(?:eerste|tweede|derde|laatste|vol"
    r"gende) ronde\b", r"\b(?:zweite|dritte|letzte|nächste) runde\b",
    r"\binterview", r"\bphone screen", r"\b(?:screening|intro|recruiter) call\b",
    r"\bvorstellungsgespräch", r"\bbewerbungsgespräch", r"\bkennenlerngespräch",
    r"\bentretien\b", r"\bentrevista\b", r"\bcolloquio\b", r"\bsollicitatiegesprek",
    r"\bkennismakingsgesprek",
    r"\bentrevue\b",
    r"\b(?:job|anställnings|video|telefon)?intervju\w*\b",
    r"\bjobsamtale\b",
    r"\brozmow\w+ (?:rekrutacyjn|kwalifikacyjn)\w*\b",
    r"\b\w*(?:auswahl|vorstellungs)gespräch\w*\b",
    r"\b(?:prova orale|épreuves? orales?|prueba oral|entretien avec le jury)\b",
    r"\b(?:din[âá]micas? de grupo|group discussion)\b",
)
SCREENING = any_of(
    r"\b(?:phone|intro(?:ductory)?|recruiter|screening|quick|short|initial|first) (?:call|chat|"
    r"screen|conversation)\b", r"\btelefon\w*\b", r"\bkennenlern\w*\b",
    r"\bentretien téléphonique\b", r"\béchange téléphonique\b", r"\bpréqualification\b",
    r"\bllamada (?:telefónica|breve|inicial)\b", r"\bentrevista telefónica\b",
    r"\btelefonintervju\w*\b",
    r"\btelefonsamtal\w*\b",
    r"\brozmow\w+ telefoniczn\w+\b",
)
# A job board's word about the person's own application: sent, viewed, its status changed.
NOTICE = any_of(
    r"\b(?:application|cv|profile|resume) (?:was|has been) (?:viewed|seen|opened|downloaded)\b",
    r"\bviewed your (?:application|profile|cv)\b", r"\bstatus (?:of your application )?"
    r"(?:has )?(?:changed|updated)\b", r"\bapplication status\b",
    r"\b(?:angesehen|gesehen|aufgerufen)\b", r"\bstatus\w* (?:ihrer|deiner) bewerbung\b",
    r"\b(?:consulté|vue|lue)\b", r"\bstatut de (?:votre|ta) candidature\b",
    r"\b(?:ha (?:visto|leído|visualizado)|han visto)\b", r"\bcambio de estado\b",
    r"\bha cambiado de estado\b", r"\bestado de (?:tu|su) candidatura\b",
    r"\bin (?:bearbeitung|prüfung)\b", r"\ben cours d'(?:étude|examen)\b", r"\ben proceso\b",
    r"\bstatus (?:på )?(?:din|twojej) (?:ansökan|ansøgning|søknad|aplikacji)\b",
)
OWN_APPLICATION = any_of(
    r"\byour application\b", r"\bapplication (?:was |has been )?(?:sent|submitted|viewed)\b",
    r"\byou applied\b", r"\bapplied to\b", r"\b(?:ihre|deine) bewerbung\b",
    r"\bbewerbung (?:bei|als|für|an)\b", r"\b(?:votre|ta) candidature\b",
    r"\bcandidature (?:chez|pour|envoyée|déclinée|acceptée)\b", r"\b(?:tu|su) candidatura\b",
    r"\bcandidatura (?:en|a|para)\b", r"\binscripción\b", r"\bla tua candidatura\b",
    r"\bje sollicitatie\b", r"\bte has inscrito\b", r"\bhas aplicado\b", r"\bte postulaste\b",
    r"\bte has postulado\b", r"\bvous avez postulé\b", r"\bdu hast dich\b.{0,40}\bbeworben\b",
    r"\bsie haben sich\b.{0,40}\bbeworben\b",
    r"\b(?:din ansökan|din ansøgning|din søknad|twoja aplikacja|twoją aplikację|pani aplikacj"
    r"\w+|pana aplikacj\w+|twoje zgłoszenie)\b",
)
