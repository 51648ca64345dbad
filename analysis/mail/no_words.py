"""The phrases of a no, sentence by sentence, in the reader's languages: a rejection
said outright or politely ("we have decided to move forward with other candidates", "die Wahl
fiel auf", "nous ne donnerons pas suite", "hemos decidido no avanzar contigo", a withdrawn
offer, a closed requisition). What softens or undoes a no is in soft_words.py."""

from __future__ import annotations

from analysis.mail.no_choice import CHOSEN_INSTEAD
from analysis.mail.no_other_ways import OTHER_WAYS
from analysis.mail.phrases import any_of

REJECTION = any_of(
    # English
    r"\b(?:unfortunately|regrettably)\b.{0,120}\b(?:not|unable|unsuccessful|no longer|decided|anoth"
    r"er|"
    r"other candidates?|filled|closed|cannot|can't|won't|weren't|wasn't|didn't|couldn't)\b",
    r"(?:n't|\b(?:not|unable to|no longer|will not))\b.{0,40}\b(?:mov(?:e|ing) (?:you |your "
    r"\w+ )?forward|proceed(?:ing)? (?:with|further)|progress(?:ing)? (?:with )?your|"
    r"selected|successful|shortlisted|tak(?:e|ing) (?:your application|you|this) (?:forward|"
    r"further)|advanc(?:e|ing) (?:your|you)|consider(?:ing|ed)? (?:you|your) (?:further|for))",
    r"\bdecided not to (?:select|proceed|move|progress|continue|pursue|offer|invite|take)",
    r"\b(?:decided|chosen|chose|opted|elected|going|selected|decision) to (?:move|go|proceed|"
    r"continue|progress|pursue)(?: forward| ahead| on)? with (?:another|other|a different|someone|"
    r"an? (?:internal |other |external )?(?:candidate|applicant)|candidates|applicants|the can"
    r"didate|a person|one)",
    r"\b(?:another|other|different) (?:candidates?|applicants?|profiles?)\b.{0,40}\b(?:whose|"
    r"who|that|with|more closely|better|stronger|more strongly|more fully)\b",
    # "the post has been offered to and accepted by another candidate"
    r"\baccepted by (?:another|a different|an internal|the other) (?:candidate|applicant|person)",
    # "we have decided to focus on candidates with more direct experience"
    r"\b(?:decided|chosen|going|opted) to focus on (?:other )?(?:candidates|applicants|profiles) "
    r"(?:with|who|whose)\b",
    # someone else chosen (not "you, or someone else, asked to reset the password")
    r"\b(?:hire[ds]?|hiring|offer(?:ed)?|chose|chosen|go(?:ing)? with|went with|selected|"
    r"appoint\w*|proceed\w* with|mov\w* (?:forward|ahead|on) with|fill\w*)\b.{0,30}\bsomeone ("
    r"?:else|whose|"
    r"who|with)\b", r"\bsomeone (?:whose|who) (?:has|had|is|was) (?:more|better|closer|a closer|"
    r"stronger|already)\b",
    r"\bpursue (?:other|another|different) (?:candidates?|applicants?|profiles?)\b",
    r"\b(?:position|role|vacancy|job|opening) "
    r"(?:has|have|had) (?:now |since |already )?been (?:filled|closed|cancelled|withdrawn)",
    r"\b(?:filled|closed) (?:all (?:of )?)?(?:the|our) (?:\w+ )?(?:positions?|roles?|vacanc)",
    # a public body's list: "Status: Not Referred", "not among the best qualified candidates"
    r"\bnot referred\b", r"\bnot (?:be )?considered (?:any )?further\b",
    r"\b(?:does|do|did) not (?:demonstrate|meet|show) (?:the )?minimum (?:qualifications|requi"
    r"rements)\b", r"\bfilled by (?:other|another|a different|an internal) (?:\w+ )?(?:candidat"
    r"es?|applicants?|person)\b",
    r"\b(?:cancell?ed|withdrawn|closed) (?:this|the) (?:recruitment|requisition|posting|competi"
    r"tion|search)\b", r"\bwill not (?:be )?fill(?:ing)? (?:the|this) (?:position|role|vacancy)\b",
    r"\bnot (?:among|one of) the (?:best|most|highest|top)[- ](?:\w+ )?"
    r"(?:qualified|ranked|scoring)\b",
    r"\bunsuccessful\b", r"\bregret (?:to|that)\b", r"\bregretfully\b",
    r"\bnot (?:been )?(?:selected|shortlisted)\b", r"\b(?:application|candidacy) (?:was|has been) "
    r"(?:rejected|declined|unsuccessful)", r"\bno longer (?:being )?considered\b",
    r"\b(?:will not|won't) be (?:moving|progressing|proceeding|inviting|offering|advancing)\b",
    r"\bnot (?:a|the right) (?:match|fit)\b", r"\bnot to (?:progress|proceed)\b",
    r"\b(?:unable|not able|not in a position) to (?:offer you|extend (?:you )?an offer)",
    r"\b(?:unable|not able|not in a position|cannot|can't|could not|couldn't|will not|won't)"
    r" (?:to )?(?:select|choose|shortlist|advance|progress|invite|consider) (?:you|your)\b",
    r"\b(?:have|has|had) not (?:been able to )?(?:select|chos|shortlist)\w*\b",
    # German
    r"\bleider\b.{0,160}\b(?:nicht|keine?n?|absagen?|abgesagt|andere[nr]?|besetzt|"
    r"geschlossen|ab)\b", r"\babsage\b(?! des termins| unseres termins| des gesprächs)",
    r"\bsagen? (?:wir |ihnen |dir |euch )+.{0,60}\bab\b", r"\bnicht (?:mehr |weiter |länger )?"
    r"berücksichtig",
    r"\b(?:für|uns für) (?:(?:eine[nr]?|die|den) )?(?:andere|anderen) (?:kandidat|"
    r"bewerb|person|profil)", r"\bandere (?:bewerbungen|kandidat\w*|profile)\b.{0,60}\b(?:näher|"
    r"besser|passender|mehr)", r"\b(?:stelle|position|vakanz)\b(?:(?!\bnicht\b).){0,80}\b(?:be"
    r"setzt|"
    r"geschlossen|gestrichen|zurückgezogen)\b", r"\bkeine positive (?:nachricht|rückmeldung|en"
    r"tscheidung)",
    r"\bnicht in die engere auswahl", r"\bnicht weiter ?(?:verfolgen|berücksichtigen)",
    r"\babgelehnt\b", r"\bkeine\b.{0,60}\bberücksichtig",
    r"\b(?:nicht|keine?n?) (?:\w+ ){0,4}(?:ausgewählt|zusagen|zusage geben|weiterverfolgen|"
    r"weiter verfolgen|anbieten können)\b",
    r"\bbedauer\w*\b.{0,80}\b(?:nicht|keine?)\b",
    r"\b(?:eine[nr]? (?:andere[nr]? )?(?:person|kandidat\w*|bewerber\w*))\b.{0,80}\b(?:besser|"
    r"passender|näher)\b.{0,40}\bpasst", r"\bkeine bessere nachricht\b",
    # French
    r"\bmalheureusement\b.{0,160}\b(?:pas|plus|ne|n'|pourvu|autre|aboutir|négative)\b",
    r"\b(?:pas|plus) (?:pu |pouvoir |possible de |en mesure de )?(?:lui |y )?donner (?:une )?"
    r"suite (?:favorable|positive)", r"\bne (?:pas|plus) (?:pouvoir )?donner suite\b",
    r"\bne (?:\w+ ){1,3}(?:pas|plus) (?:\w+ ){0,2}donner (?:une )?suite\b",
    r"\b(?:pas|plus) (?:en mesure de |pu |pouvoir )?retenir (?:votre|ta) candidature\b",
    r"\bnous (?:le )?regrettons\b",
    r"\b(?:n'a|n'avons|n'ont|n'est|ne sera|pas été)\b.{0,30}\bretenue?s?\b",
    r"\bd'autres (?:candidat|profil)", r"\b(?:poste|offre)\b.{0,30}\b(?:a été|est) (?:déjà )?"
    r"pourvue?\b", r"\bpourvu en interne\b", r"\brefus\b", r"\brejet\b", r"\bdéclinée\b",
    r"\bnous regrettons\b", r"\bpas (?:été )?retenue?s?\b",
    r"\bne (?:correspond|correspondent) pas\b", r"\bnon retenue?\b",
    r"\bune suite (?:défavorable|négative)\b", r"\bpas pu aboutir\b",
    # Spanish
    r"\b(?:lamentablemente|desafortunadamente|por desgracia|lamentamos|sentimos)\b.{0,160}"
    r"\b(?:no|otr[oa]s?|cubiert[oa]|descartad|negativ)\b", r"\bno (?:has|ha) sido seleccionad",
    r"\b(?:decidido|optado|elegido|decantado|seleccionado|continuar|continuaremos|seguir|"
    r"seguiremos|avanzar|avanzaremos|avanzamos|contratado|incorporado|cubierto|quedamos)\b.{0,40}"
    r"\b(?:con|por|a) (?:otr[oa]s?|un[oa]?) (?:\w+ )?(?:candidat|perfil|persona|aspirante)",
    r"\b(?:otr[oa]s?) (?:candidat|perfil|persona|aspirante)\w*\b.{0,60}\b(?:más|mejor|cuy[oa]s?|"
    r"que se (?:ajust|adecu))",
    # a tracking system's status: "el estado de su postulación cambió a: No seleccionado"
    r"\b(?:estado|status|statut)\b.{0,50}\b(?:no seleccionad[oa]|not selected|unsuccessful|"
    r"non retenue?|rechazad[oa]|descartad[oa]|nicht berücksichtigt|abgelehnt|no admitid[oa]|"
    r"not admitted)\b",
    # "No admitida a la fase de entrevista", "la puntuación no alcanza el mínimo"
    r"\bno admitid[oa]s? (?:a|en) (?:la )?(?:fase|siguiente|prueba|entrevista)",
    r"\bno (?:alcanza|supera|reúne|alcanzó|superó)\b.{0,40}\b(?:mínim[oa]|requisitos|corte)\b",
    r"\b(?:puesto|vacante|posición|plaza)\b.{0,30}\b(?:ha sido |fue |está |ya )?(?:cubiert[oa]|ocup"
    r"ad[oa])",
    # "they have decided to give her the role", "this is a no for now"
    r"\b(?:decided|chosen|going|opted) to give (?:her|him|them|it|the (?:role|job|position|post) to"
    r") (?:the )?(?:role|job|position|post|offer|someone|another|an? (?:internal|other))",
    r"\b(?:this|it) is a no\b(?!-)", r"\bit'?s a no\b(?!-)",
    # "für diese Stelle haben wir uns anders entschieden", "jemanden ... gefunden", "das
    # Bewerbungsverfahren ist abgeschlossen"
    r"\b(?:uns|sich)\b.{0,40}\banders entschieden\b", r"\bjemand(?:en)? (?:\w+ ){0,8}gefunden\b",
    r"\b(?:bewerbungs|auswahl|besetzungs)verfahren (?:ist|wurde) (?:nun |jetzt |inzwischen |leider "
    r")"
    r"?abgeschlossen\b(?! (?:und|sobald))",
    r"\b(?:prozess|verfahren|bewerbungsprozess|auswahlprozess)\b.{0,30}\bnicht (?:mit (?:ihnen|di"
    r"r) )?(?:fortzusetzen|fortsetzen|weiterzuführen|weiterführen)\b",
    r"\brechazad[oa]\b", r"\bdescartad[oa]\b", r"\bno (?:podemos|vamos a|continuaremos|"
    r"seguiremos|avanzaremos)\b.{0,40}\b(?:candidatura|proceso|solicitud|adelante|contigo)\b",
    r"\bno (?:ha|has) superado\b", r"\bno (?:\w+ ){0,2}ha[ns]? (?:sido )?seleccionad",
    r"\bno seguir adelante\b", r"\bno continuar con tu\b",
    # "han decidido continuar con perfiles que ya viven en...", "no ha pasado a la fase de"
    r"\b(?:decidido|optado) (?:continuar|seguir|avanzar) con (?:los |las |otros |otras )?(?:perfil"
    r"es|candidat\w+|personas) (?:que|con|cuy)",
    r"\bno ha(?:s)? pasado a la (?:siguiente |próxima )?fase\b",
    r"\bno (?:\w+ ){0,3}(?:seleccionar(?:te|le)|elegir(?:te|le)|avanzar con (?:tu|su))\b",
    # Italian, Dutch
    r"\bpurtroppo\b.{0,120}\bnon\b",
    # "al momento non ci è possibile accogliere la tua candidatura"
    r"\bnon (?:ci )?(?:è possibile|possiamo|potremo|siamo in grado di) (?:\w+ )?(?:accogliere|pros"
    r"eguire|procedere|dare seguito|andare avanti)\b", r"\bcandidatura non (?:è|e') stata (?:accolt"
    r"a|selezionata)",
    r"\b(?:domanda|candidatura)\b.{0,120}\bè stata (?:\w+ )?respinta\b", r"\besito negativo\b",
    r"\bnon (?:è stat[ao]|sei stat[ao]) selezionat",
    r"\bhelaas\b.{0,120}\b(?:niet|geen|andere)\b", r"\bafgewezen\b",
    r"\b(?:kiezen|gekozen|kozen)\b.{0,20}\bvoor (?:een )?(?:andere )?(?:kandidaat|kandidate|"
    r"sollicitant)", r"\b(?:keus|keuze) is\b.{0,20}\bniet op (?:u|jou|je) gevallen\b",
    *OTHER_WAYS, *CHOSEN_INSTEAD,
)
