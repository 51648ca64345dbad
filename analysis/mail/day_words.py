"""The words around a day that say whose it is: a deadline set for the person or a start
(neither the interview's day nor a promised decision), the slot a reschedule replaces, and a
promised answer with the time it is promised within; a day or a time laid out under a label."""

from __future__ import annotations

import re

from analysis.mail.phrases import any_of

# Words of a deadline set for the person, or of a start: a day in such a sentence is neither
# the interview's nor a promised decision.
THEIR_DEADLINE = any_of(
    r"\b(?:let us know|(?<!to )(?<!will )(?<!we )(?<!'ll )(?<!shall )confirm|reply|respond|"
    r"get back to us|your (?:answer|reply|decision|"
    r"response)|accept|deadline|sign|return)\b", r"\bgeben sie uns\b", r"\b(?:ihre|deine) "
    r"(?:antwort|rückmeldung|entscheidung)\b",
    r"\b(?:geben sie|gib) (?:uns|mir)\b.{0,60}\bbescheid\b", r"\bbestätigen sie\b",
    r"\bfaire part\b", r"\bvotre (?:réponse|retour|décision|confirmation)\b", r"\bconfirmer\b",
    r"\btu (?:respuesta|decisión|confirmación)\b", r"\bsu (?:respuesta|decisión)\b",
    r"\bconfirm(?:a|ar|es|e)\b", r"\bresponder\b", r"\bindícanos\b",
    r"\b(?:la tua|la sua|vostra) (?:risposta|decisione|conferma)\b",
    r"\b(?:facci|fateci|ci faccia) sapere\b",
    r"\bconferm(?:a|are|i)\b",
    r"\b(?:uw|je|jouw) (?:reactie|antwoord|beslissing|bevestiging)\b",
    r"\blaat (?:ons|het ons) (?:\w+ )?weten\b",
    r"\bbevestig\w*\b",
    r"\b(?:sua|tua) (?:resposta|decisão|confirmação)\b",
    r"\b(?:nos )?inform(?:e|ar)-nos\b",
    r"\bconfirm(?:e|ar)\b",
    r"\b(?:get|have|hear) (?:an? |your )?(?:answer|decision|reply|response|yes|thoughts) (?:fr"
    r"om you|back from you)\b",
    r"\b(?:ditt|dit|din) (?:svar|besked|beskjed|beslut|beslutning|bekräftelse|bekræftelse|bekr"
    r"eftelse)\b",
    r"\b(?:bekräfta|bekræft\w*|bekreft\w*|potwierdz\w*)\b",
    r"\bodpowied\w* od (?:pani|pana|ciebie)\b",
)
STARTS = any_of(r"\bstart\w*\b", r"\bfirst day\b", r"\bjoin(?:ing)? (?:us|the team|date)\b",
                r"\beintritt\b", r"\bstart am\b", r"\barbeitsbeginn\b", r"\bdate d'(?:embauche|"
                r"entrée|arrivée)\b", r"\bprise de poste\b", r"\bincorpora\w*\b",
                r"\bfecha de inicio\b", r"\bempezar\b", r"\bbegin\b")
PAST_SLOT = any_of(r"\b(?:had|originally|previously|initially|was) (?:arranged|scheduled|planned|"
                   r"booked|set)\b", r"\binstead of\b", r"\bursprünglich\b", r"\bstatt\b",
                   r"\banstelle\b", r"\binitialement\b", r"\bprévu(?:e)? (?:le|pour)\b",
                   r"\bau lieu de\b", r"\bprevist[oa]\b", r"\ben lugar de\b",
                   r"\binicialmente\b", r"\bwe had\b", r"\bthat we had\b",
    r"\b(?:programad[oa]|previst[oa]|agendad[oa]|marcad[oa]) (?:para|el|pour|le)\b",
    r"\boriginalmente\b",
)
# Words of a promised answer ("we will get back to you by Friday 8 May").
PROMISE = any_of(
    r"\b(?:decide|decision|get back to you|be in touch|hear (?:back )?from (?:us|me)|let you know|"
    r"update you|come back to you|contact you|reach out|feedback|answer|respond to you|"
    r"news from us|next steps|hear back|outcome|where (?:you|they|everyone) stands?|"
    r"let (?:everyone|all|each|every \w+) know|(?:an?|any|the|further) update|inform (?:you|"
    r"all|every|each|candidates|applicants))\b", r"\bi'll (?:write|reply|respond)\b",
    r"\b(?:entscheid|auswahlentscheid|teilen wir (?:ihnen|dir))\b",
    r"\b(?:rückmeldung|entscheidung|entscheiden|melden (?:uns|wir uns|mich)|antwort|mitteilen|"
    r"mitzuteilen|"
    r"geben (?:ihnen|dir|euch)\b.{0,60}\bbescheid|"
    r"bescheid geben|informieren)\b", r"\b(?:décision|reviendr\w+ vers vous|retour|réponse|"
    r"je vous réponds|vous répondr\w+|recontacter\w*|informer\w*|vous tenir informée?|"
    r"de nos nouvelles)\b",
    r"\b(?:respuesta|decisión|noticias|resultado|volveremos a contactar|contactaremos|"
    r"te (?:diremos|informaremos|escribiremos)|nos pondremos en contacto|daremos respuesta)\b",
    r"\bget back to (?:all|every|each|the) (?:\w+ )?(?:candidates|applicants|of you)\b",
    r"\b(?:have|get|share|send) (?:some |any |more |the )?news\b",
    r"\b(?:la|ti|vi|li|le) contatter(?:emo|ò|anno)\b", r"\bcontatteremo\b",
    r"\b(?:je|u|jou) (?:\w+ ){0,6}te laten weten\b", r"\btoegezegd\b.{0,60}\blaten weten\b",
    r"\b(?:ti|vi|le) (?:faremo|farò|faremo) sapere\b",
    r"\b(?:dare|darti|darle|darvi|daremo|darò) (?:una |la )?(?:risposta|riscontro|notizia)\b",
    r"\b(?:riceverai|riceverà|riceverete)\b.{0,30}\b(?:risposta|riscontro|notizie|esito|comun"
    r"icazione)\b",
    r"\blaten (?:we|wij) (?:je|u|jou)\b.{0,60}\bweten\b",
    r"\b(?:je|u) (?:hoort|hoor|ontvangt)\b.{0,40}\b(?:van ons|bericht|reactie|antwoord)\b",
    r"\b(?:entraremos|entrarei) em contato\b",
    r"\b(?:daremos|darei|darmos|dar|damos|dou) (?:um |uma )?(?:retorno|resposta|feedback|"
    r"devolutiva)\b",
    r"\b(?:receberá|receberás|vai receber)\b.{0,30}\b(?:retorno|resposta|feedback)\b",
    r"\bprevisão de (?:retorno|resposta|feedback|devolutiva)\b",
    r"\b(?:budeme (?:vás |tě )?informovat|ozveme se|dáme (?:\w+ ){0,2}vědět|odezwiemy się|"
    r"poinformujemy|damy (?:pani|panu|znać))\b",
    r"\b(?:make|made|reach|take) (?:a |the |our |final )?decisions\b",
    # "decisions will be communicated", "ich melde mich", "Sie hören von uns", "Bescheid",
    # "ti daremo un riscontro", "we laten je weten", "ontvang je bericht", "retornaremos"
    r"\b(?:decisions?|outcomes?|results?) (?:will|shall) be (?:communicated|shared|announced|se"
    r"nt)\b", r"\bmelde (?:ich )?mich\b",
    r"\b(?:geben|sagen) (?:wir|ich) (?:ihnen|dir|euch)\b.{0,30}\bbescheid\b",
    r"\b(?:ich|wir) (?:sage|gebe|sagen|geben) (?:ihnen|dir|euch)\b.{0,40}\bbescheid\b",
    r"\b(?:sie|du) (?:hören|hörst)\b.{0,40}\bvon (?:uns|mir)\b",
    r"\b(?:daremo|darò|daremo) (?:un |una )?(?:riscontro|risposta|feedback|notizie)\b",
    r"\b(?:le|ti|vi) (?:faremo|farò) avere\b",
    r"\b(?:decisione|esito|decisão|beslissing|uitslag)\b",
    r"\b(?:we|wij|ik) (?:laten|laat) (?:je|u|jou)\b.{0,60}\bweten\b",
    r"\b(?:ontvang|ontvangt|hoor|hoort) (?:je|u)\b.{0,40}\b(?:van ons|bericht|reactie|antwoord)\b",
    r"\b(?:retornaremos|retornarei|odpowiemy|odpiszemy|odezwę się)\b",
    r"\bmake (?:a|our|the) (?:final )?(?:call|choice)\b",
    r"\b(?:uns|mich)\b.{0,80}\bmelden\b",
    r"\bbe back (?:to|in touch with) you\b",
    r"\b(?:återkommer|återkomma|hör av oss|höra av oss|besked|beslut|vender tilbage|vende tilb"
    r"age|hører fra os|høre fra os|beslutning|kommer tilbake|komme tilbake|hører fra oss|høre "
    r"fra oss|beskjed|tilbakemelding|avgjørelse|avgjerd\w*|svar (?:til|på|fra)|tilbagemelding|"
    r"återkoppling)\b",
    r"\b(?:giver|gir|ger) (?:dig|deg) (?:et )?(?:svar|besked|beskjed)\b",
    r"\b(?:odezwiemy|odezwę|odezwać|skontaktujemy|skontaktuję|poinformujemy|poinformuję|przeka"
    r"żemy)\b",
    r"\b(?:decyzj\w+|informacj\w+ zwrotn\w+|odpowiedź)\b",
    # "przekażę", "ozvu se", "ozveme sa", "dáme vám vedieť", "értesítjük", "visszajelzünk"
    r"\b(?:przekażę|dam znać|ozvu se|ozvem sa|ozveme sa|dám vědět|dáme (?:vám |ti )?vedieť|bud"
    r"eme (?:vás |ťa )?informovať|oznámime|értesítjük|értesíteni fogjuk|tájékoztatjuk|tájékoztat"
    r"ni fogjuk|visszajelzünk|visszajelzést|jelentkezünk|döntés\w*)\b",
    r"\b(?:we|i) should (?:know|have (?:an answer|news|a decision))\b",
    r"\bi'll (?:email|write|ping|text|message) you\b",
    r"\b(?:hörst|hören sie|hörst du|hört ihr)\b.{0,60}\bvon (?:uns|mir)\b",
    # the future only: "te escribo porque..." and "te confirmo la entrevista" promise nothing
    r"\b(?:te|le|les) (?:escribiré|avisaré|avisamos|avisaremos|contactaré|confirmaré)\b",
)
PROMISE_TIME = any_of(
    r"\b(?:by|within|before|until|no later than|next week|end of|in the next|over the next|"
    r"in (?:\w+ )?(?:days|weeks))\b", r"\bon (?=(?:\w+day|the \d|\d))",
    # "el lunes 16 de noviembre", "le vendredi 13", "am Freitag", "op vrijdag"
    r"\b(?:el|le|il|am|op) (?=(?:lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi|jeu"
    r"di|vendredi|lunedì|martedì|mercoledì|giovedì|venerdì|montag|dienstag|mittwoch|donnersta"
    r"g|freitag|maandag|dinsdag|woensdag|donderdag|vrijdag)\b)",
    r"\b(?:bis|innerhalb|spätestens|nächste[nr]? woche|"
    r"in den nächsten|binnen|ende)\b",
    r"\b(?:d'ici|dans les|sous|avant|au plus tard|"
    r"la semaine prochaine|fin)\b", r"\b(?:dentro de|antes del?|la próxima semana|la semana "
    r"que viene|como muy tarde|a más tardar|en los próximos|finales|en un plazo|en el plazo|"
    r"plazo máximo|en las próximas)\b",
    r"\b(?:entro|prima di|la prossima settimana|fine mese)\b",
    r"\b(?:uiterlijk|binnen|volgende week|voor het einde)\b",
    r"\b(?:até|no prazo de|na próxima semana|dentro de)\b",
    r"\b(?:inom|senast|innan|inden|senest|innen|nästa vecka|næste uge|neste uke|"
    r"w przyszłym tygodniu|najpóźniej|w ciągu|do (?:piątku|poniedziałku|w"
    r"torku|środy|czwartku|końca))\b",
    # Czech: "nejpozději do pátku 6. listopadu", "do 6. listopadu", "během dvou týdnů"
    r"\b(?:nejpozději|během|do (?:pondělí|úterý|středy|čtvrtka|pátku|konce|\d))",
    r"\bdo (?:\w+ )?(?:týdn|dn)\w*",
    # Slovak and Hungarian: "najneskôr do piatku", "legkésőbb 2026. október 30-ig"
    r"\b(?:najneskôr|budúci týždeň|legkésőbb|jövő héten|a jövő hét\w*|napon belül)\b",
    # "Svar til alle kandidatane kjem fredag 20. november", "kommer på fredag"
    r"\b(?:kjem|kommer|kommer) (?:på )?(?=(?:mån|tis|tirs|ons|tors|fre|lør|lör|søn|sön)dag\b|\d)",
)
# The end of a span of days offered ("Slots zwischen dem 9. und 13. November", "between the 9th
# and 13 November", "du 9 au 13 novembre", "9.–13. November"): no day set.
RANGE_END = re.compile(
    r"(?i)(?:\b(?:zwischen(?: dem)?|between(?: the)?|from(?: the)?|vom|von|du|del|entre(?: el"
    r"| le)?|tra il|fra il|tussen|mellan)\s+\d{1,2}(?:st|nd|rd|th|\.)?\s*(?:und|and|to|bis|au|"
    r"al|y|et|e|en|och|og)\s+(?:dem |the |el |le )?|\b\d{1,2}\.?\s*[-–]\s*)$")
# A day or a time laid out as a form's label ("Date:", "Wann:", "Second interview:").
DAY_LABEL = re.compile(r"(?i)^\W*(?:(?:new|nueva|nouvelle|neue[rs]?|nuova|nova|nieuwe)\s+)?"
                       r"(?:date|day|when|datum|tag|termin|wann|jour|quand|fecha|"
                       r"día|dia|cuándo|event date|start|starts|beginn|début|inicio|inizio|"
                       r"data|quando|wanneer|datum en tijd|kdy|kiedy|"
                       r"rozmowa(?: techniczna| kwalifikacyjna)?|pohovor|"
                       r"(?:(?:first|second|third|final|"
                       r"panel|phone|video|1st|2nd|3rd)\s+)?(?:interview|round))(?:\s*(?:/|&|"
                       r"and|und|et|y)"
                       r"\s*(?:time|"
                       r"uhrzeit|heure|hora))?\s*:")
TIME_LABEL = re.compile(r"(?i)^\W*(?:(?:new|nueva|nouvelle|neue|nuova|nova|nieuwe|reporting)\s+)?"
                        r"(?:time|uhrzeit|zeit|heure|horaire|hora|horario|orario|tijd)\s*:")
