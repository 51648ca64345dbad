"""The words that soften or undo a reading of a no or an offer: a no said only between the
lines (the CV kept on file beside good wishes), a no about something else than the application
(travel costs, a search paused, what a notice is not), and an offer said not to be one (a
trial shift offered, an offer that "may" come, "this is not an offer of employment")."""

from __future__ import annotations

from analysis.mail.phrases import any_of

# A rejection said only between the lines: the CV kept for the future and good wishes.
KEPT_ON_FILE = any_of(
    r"\b(?:keep|retain|hold)\b.{0,30}\b(?:cv|resume|résumé|details|profile|application)\b.{0,30}"
    r"\b(?:on file|for future|in mind|in our database)",
    r"\bconserv\w+\b.{0,40}\b(?:cv|candidature|dossier|profil)\b.{0,80}\bfutur",
    r"\b(?:guardar|mantendremos|conservaremos)\w*\b.{0,40}\b(?:cv|currículum|candidatura|"
    r"perfil)\b.{0,60}\bfutur", r"\b(?:unterlagen|profil)\b.{0,40}\b(?:gespeichert|aufbewahren|"
    r"in evidenz|im pool)\b",
    r"\bconserv\w+ (?:votre|ton) (?:cv|candidature|dossier|profil) dans (?:notre|nos) (?:vivie"
    r"r|base|cvthèque|fichier)",
    r"\b(?:sparar|spara|gemmer|gemme|lagrer|lagre|beholde|behåller)\b.{0,40}\b(?:cv|profil|ans"
    r"ökan|ansøgning|søknad)\b",
    r"\bzachow\w+\b.{0,30}\bcv\b",
    # "We interviewed several people and have made a choice" (with good wishes: someone else)
    r"\b(?:have|we've|we have) made (?:a|our) (?:choice|selection|decision)\b",
)
GOOD_WISHES = any_of(
    r"\bwish(?:ing)? you (?:all )?(?:the )?(?:best|every success|luck|well)\b",
    r"\bbest of luck\b", r"\bviel erfolg\b", r"\balles gute\b",
    r"\bsouhaitons (?:le meilleur|bonne continuation|plein succès|bonne chance|pleine réussite|"
    r"bon courage)", r"\bbonne continuation\b", r"\b(?:deseamos|te deseamos|le deseamos)\b.{0,40}"
    r"\b(?:éxito|suerte|lo mejor)\b",
    r"\bsouhait\w+ (?:une |un )?(?:belle|bonne|pleine|plein) (?:réussite|succès|chance|continu"
    r"ation)\b",
    r"\b(?:lycka till|lykke til|held og lykke)\b",
    r"\bżyczymy (?:\w+ )?(?:powodzenia|sukcesów)\b",
    r"\b(?:augur\w+|auguriamo)\b.{0,30}\b(?:successo|fortuna|meglio)\b",
    r"\b(?:desejamos|desejo)\b.{0,30}\b(?:sucesso|sorte)\b",
    r"\b(?:veel succes|succes gewenst)\b",
)
# A no about something else than the application: travel costs, parking, a room; or what a
# notice is not ("this does not mean you have been selected").
ASIDE = any_of(
    # a search paused, not ended: "la gerencia congeló temporalmente la vacante y por ahora no
    # seguiremos con el proceso", "on hold for now"
    r"(?<!rather than )(?<!instead of )\b(?:on hold|paused?|pausing|frozen|freeze|congel\w+|"
    r"pausiert|auf eis|ausgesetzt|vorerst nicht|vorläufig nicht|gel[ée]e?|suspendu\w*|sospes\w*|en "
    r"pausa|in pausa|bevroren|on ice)\b"
    r"(?!.*\b(?:indefinitely|withdraw\w*|rescind\w*|clos(?:ed|ing)|cancel\w*|annul\w*|zurückgez"
    r"ogen|abgesagt)\b)",
    # "this doesn't mean you've been selected": what a notice is not
    r"\b(?:doesn't|does not|don't|do not|isn't|is not) (?:necessarily )?(?:mean|guarantee|imply)"
    r"\b",
    r"\b(?:reisekosten|fahrtkosten|kosten|erstatt\w*|parkplätze?|parken)\b",
    r"\b(?:travel (?:costs|expenses)|expenses|reimburs\w*|parking|accommodation)\b",
    r"\b(?:frais|rembours\w*|stationnement)\b", r"\b(?:gastos|reembols\w*|aparcamiento)\b",
    r"\b(?:spese|rimbors\w*|parcheggio)\b", r"\b(?:reiskosten|vergoed\w*|parkeren)\b",
    r"\b(?:despesas|reembols\w*|estacionamento)\b",
    # no news yet: "leider gibt es noch keine Neuigkeiten", "malheureusement, nous n'avons pas
    # encore de retour", "aún no tenemos novedades", "helaas hebben we nog geen nieuws"
    r"\b(?:no|any) (?:news|updates?|feedback|decision) (?:yet|so far|to share)\b",
    r"(?:n't|\bnot) (?:yet )?(?:have|heard|got|received|had) (?:any |an? )?(?:news|updates?|feedb"
    r"ack|decision)\b(?!.{0,40}\b(?:candidates?|applicants?)\b)",
    r"\bnoch (?:keine (?:neuigkeiten|neuen|rückmeldung|entscheidung|nachricht|antwort)|nichts ne"
    r"ues|nicht (?:entschieden|getroffen|gefallen))\b", r"\bkeine neuigkeiten\b",
    r"\bpas encore (?:de |d'|eu |reçu |pris )?(?:retour|nouvelles?|réponse|décision|informations?)"
    r"\b", r"\b(?:aún|todavía) no (?:tenemos|hay|hemos)\b", r"\bsin novedades\b",
    r"\bancora (?:nessuna |alcuna )?(?:novità|notizie|aggiornament\w|riscontr\w|decisione)\b",
    r"\bnog (?:geen|niet) (?:nieuws|beslissing|terugkoppeling|uitsluitsel|besluit|bekend)\b",
    r"\bainda (?:não|sem) (?:temos|há|houve|novidades|retorno|decisão)\b",
    # interviews still going on with others: "en phase d'entretiens avec d'autres candidats"
    r"\b(?:phase d'entretiens|entretiens|entrevistas|gespräche|interviews|colloqui|gesprekken)\b.{0"
    r",12}\b(?:avec|con|mit|with|met) (?:d'autres|otros|otras|anderen|weiteren|other|altri|andere)"
    r"\b"
    r"(?!.{0,40}\b(?:retenu|choisi|elegido|seleccionado|entschieden|chosen|selected)\b)",
    # the steps a tracking system may show, listed: "(CV leído, En proceso, Finalista,
    # Descartado)"
    r"\b(?:status|estado|statut|stand|steps?|stages?|etapas?|fases?|étapes?|schritte?)\b[^.]{0,40}\("
    r"(?:[^(),]{1,25}, ){2,}[^(),]{1,25}\)",
    # or after a colon: "Statuses change as the recruiter acts: Applied, Viewed, Shortlisted,
    # Not selected."
    r"\b(?:status(?:es)?|stages?|steps?|estados?|etapas?|statuts?)\b[^.]{0,60}:\s*(?:[^(),.:]"
    r"{1,25}, ){2,}[^(),.:]{1,25}(?:\.|$)",
    # the person's meeting missed, not the application: "I won't be able to make our call"
    r"\b(?:can't|cannot|won't be able to|will not be able to|unable to|not be able to) (?:make|do|"
    r"hold|attend|keep) (?:it|"
    r"our|the|this|that|tomorrow|today|\w+day)\b(?!.{0,20}\boffer)")
# An offer said not to be one: "inclusion on the reserve list does not guarantee an offer of
# employment", "Ceci ne constitue pas une offre d'emploi".
NOT_AN_OFFER = any_of(
    # a step offered, not the job: "I'd like to offer you a paid trial shift"
    r"\boffer you (?:a|an) (?:paid |unpaid |short |quick |first |second )?(?:trial|interview|call|"
    r"chat|meeting|slot|test|assessment|place (?:in|at|on) (?:our|the|a) (?:[\w-]+ ){0,3}(?:assessm"
    r"ent|interview|event|open day|webinar|session|shortlist|workshop|course|day)s?)\b",
    # "if it's a match, we may make a conditional offer on the spot"
    r"\b(?:may|might|could possibly)\b.{0,20}\b(?:make|extend|give)\b.{0,30}\boffer\b",
    r"(?:n't|\b(?:not|no|never))\b.{0,30}\b(?:guarantee|constitute|mean|imply|represent|promise)"
    r"\w*\b.{0,20}\boffer", r"\bis not (?:an?|any) (?:job |formal )?offer\b",
    r"\bne (?:constitue|garantit|vaut|signifie) pas\b.{0,20}\boffre\b",
    r"\b(?:stellt|ist)\b.{0,20}\bkein(?:e|en)? (?:\w+)?angebot\b",
    r"\bno (?:constituye|garantiza|supone|implica)\b.{0,20}\boferta\b",
    r"\bnon (?:costituisce|garantisce)\b.{0,20}\bofferta\b",
    r"(?:n't|\b(?:not|no longer)) (?:be )?(?:extend|make|making|extending)\w* (?:you )?an? "
    r"(?:\w+ )?offer\b", r"\bnot yet an? (?:\w+ )?offer\b",
    r"\bbefore we (?:can )?(?:issue|make|extend|send)\b.{0,30}\boffer\b")
