"""The phrases of the person's own mail to an employer, sentence by sentence, in English,
German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian, Polish, Czech:
the thank-you after an interview (in everyday words too), the thanks after a rejection, the
follow-up, accepting or declining an offer, withdrawing, the application itself."""

from __future__ import annotations

from analysis.mail.phrases import any_of

SENT_THANKS = any_of(
    r"\bthank(?:s| you)\b.{0,30}\bfor (?:taking the time|your time|the time|the (?:interview|"
    r"conversation|chat|call|opportunity|meeting|discussion)|(?:meeting|speaking|talking|chatting)"
    r" (?:with )?(?:me|today|yesterday|earlier)|having me|a great (?:conversation|chat)|"
    r"(?:the |our )?(?:great |lovely |interesting )?(?:conversation|chat|call|talk))",
    r"\b(?:great|lovely|nice|a pleasure|good|wonderful) (?:to (?:meet|speak|talk|chat)|meeting|"
    r"speaking|talking|chatting)\b", r"\b(?:so )?glad (?:we|to have) (?:got|had|were able) to "
    r"(?:talk|speak|meet|chat)\b", r"\bgrateful for (?:your|the) time\b", r"\benjoyed "
    r"(?:our|the|meeting|speaking|talking|learning)\b", r"\bappreciate(?:d)? (?:your|the) time\b",
    r"\bthanks for (?:today|yesterday|this morning|this afternoon|chatting)\b",
    # compounds too: "das Videointerview", "das Auswahlgespräch"
    r"\b(?:danke|vielen dank|herzlichen dank)\b.{0,30}(?:gespräch|interview|austausch|"
    r"ihre zeit|die zeit|kennenlernen|telefonat)\b",
    r"\bfür (?:das|den|die|unser\w*) (?:\w+ ){0,2}\w*(?:gespräch|interview|telefonat|kennenlern"
    r"en|austausch)\w*\b.{0,20}\bbedanken\b", r"\bhat mir (?:sehr )?(?:gut )?gefallen\b",
    r"\b(?:vous )?remercier?\b.{0,60}\b(?:entretien|échange|temps|rencontre)\b",
    r"\bremerciements?\b", r"\bmerci (?:pour|de) (?:l'entretien|notre (?:échange|entretien)|"
    r"votre temps|cet échange|ce moment)",
    r"\bgracias por (?:la entrevista|su tiempo|tu tiempo|la conversación|la charla|"
    r"recibirme|el tiempo|la oportunidad)", r"\bmerci pour l'opportunité\b",
    r"\b(?:danke|vielen dank)\b.{0,20}\bfür die (?:gelegenheit|möglichkeit)\b",
    r"\bagradec\w+\b.{0,60}\b(?:entrevista|tiempo|conversación|"
    r"reunión)\b", r"\bfue un placer\b",
    r"\bgrazie\b.{0,30}\b(?:colloquio|incontro|tempo|piacevole|opportunità|chiacchierata)\b",
    r"\bringrazi\w+\b.{0,60}\b(?:colloquio|incontro|tempo|opportunità)\b",
    r"\bobrigad[oa]\b.{0,30}\b(?:entrevista|conversa|oportunidade|tempo|reunião)\b",
    r"\bagradeç\w*\b.{0,60}\b(?:entrevista|conversa|oportunidade|tempo|reunião)\b",
    r"\b(?:bedankt|dank (?:je|u) (?:wel )?)\b.{0,30}\b(?:gesprek|tijd|kennismaking|mogelijkheid)\b",
    r"\bbedanke mich\b.{0,60}\b(?:gespräch|interview|austausch|zeit|kennenlernen|telefonat)",
    r"\bbedanken\b.{0,40}\b(?:gesprek\w*|tijd|kennismaking|rondleiding|mogelijkheid)",
    r"\bmerci\b.{0,20}\b(?:pour|de) (?:cet|cette|notre|l'|le|ce|votre) ?(?:\w+ )?(?:échange|en"
    r"tretien|rencontre|temps|accueil)",
    r"\b(?:hartelijk |heel erg |nogmaals )?(?:dank|bedankt)\b.{0,40}\b(?:gesprek|tijd|kennisma"
    r"king)\b",
    r"\bthanks? (?:to (?:him|her|them) )?for (?:his|her|their) time\b",
    r"\bpass on my (?:thanks|gratitude)\b",
    r"\benjoyed (?:hearing|getting to know|learning about)\b",
    r"\bthank(?:s| you)\b.{0,20}\bfor (?:organi[sz]ing|arranging|setting up|hosting|coordinati"
    r"ng)\b",
    r"\bthank(?:s| you)\b.{0,30}\btoday's (?:panel|interview|call|chat|conversation|meeting|vi"
    r"sit)\b",
    r"\bappreciated? (?:the chance|the opportunity|your time|meeting|speaking|talking)\b",
    r"\bthank(?:s| you)\b.{0,20}\bfor (?:taking me through|walking me through|showing me|the ("
    r"?:warm )?welcome|your (?:warm )?welcome|your hospitality|the tour)\b",
    r"\bthank(?:s| you)\b.{0,30}\bfor (?:the|our|today's|yesterday's|this morning's|this after"
    r"noon's) (?:[\w-]+ ){0,2}(?:interview|conversation|chat|call|meeting|discussion|talk|coff"
    r"ee|visit)\b",
    r"\b(?:tack|tak|takk)\b.{0,30}\b(?:för|for) (?:\w+ ){0,2}(?:intervjun|intervjuet|interview"
    r"et|samtalet|samtalen|mötet|mødet|møtet|praten|i dag|idag|er tid|jeres tid|deres tid|din "
    r"tid|tiden)\b",
    r"\bdziękuj\w+\b.{0,40}\b(?:spotkanie|rozmow\w+|czas|poświęcony)\b",
    r"\b(?:děkuj|poděkoval)\w*\b.{0,40}\bza (?:\w+ ){0,2}(?:pohovor|rozhovor|schůzku|setkání|"
    r"čas)\b",
    r"\bmerci\b.{0,50}\b(?:pour|de) (?:l'|notre |cette |le |ce )?(?:entrevue|café|rencontre|vi"
    r"site)\b",
    r"\bmerci de m'avoir (?:consacré|accordé|reçue?|rencontrée?)\b",
    r"\bobrigad[oa]\b.{0,30}\b(?:papo|bate-papo|conversa de hoje|encontro)\b",
    r"\bgracias\b.{0,40}\bpor (?:la|el|nuestra|nuestro) (?:entrevista|reunión|charla|conversac"
    r"ión|llamada|videollamada|encuentro)\b",
    # Finnish: "kiitos haastattelusta", "kiitos tapaamisesta"
    r"\bkiitos (?:\w+ )?(?:haastattelusta|tapaamisesta|keskustelusta)\b",
)
SENT_REJECTION_THANKS = any_of(
    r"\bthank(?:s| you)\b.{0,20}\bfor (?:letting me know|informing me|your consideration|"
    r"considering me|the update|getting back to me|the feedback|your (?:decision|reply|"
    r"response|message|note|feedback))", r"\b(?:hope|keep me in mind|consider me) "
    r"(?:for )?(?:future|other)", r"\bfuture (?:opportunities|openings|roles)\b",
    r"\bdisappointed\b", r"\b(?:danke|vielen dank|herzlichen dank)\b.{0,60}\b(?:rückmeldung|"
    r"mitteilung|nachricht|absage)\b", r"\bzukünftig\w*\b", r"\bbedauere\b",
    r"\bmerci (?:pour|de) votre (?:retour|réponse|message)\b", r"\bdéçue?\b",
    r"\bgracias por (?:avisarme|informarme|su respuesta|tu respuesta|la respuesta|"
    r"comunicármelo|tu mensaje|su mensaje)", r"\bfuturas? (?:oportunidades|vacantes|procesos)\b",
    r"\bobrigad[oa]\b.{0,20}\b(?:pelo|pela) (?:retorno|resposta|feedback|aviso)\b",
    r"\bgrazie per (?:avermi informat\w*|la risposta|il riscontro|il feedback)\b",
    r"\bbedankt voor (?:uw|je|jouw) (?:bericht|terugkoppeling|reactie|feedback)\b",
    r"\bappreciate (?:you )?(?:letting me know|the update|the feedback|you getting back|the he"
    r"ads[- ]up)\b",
    r"\bkeep me in mind\b",
    r"\bgutted\b",
    r"\bgracias por (?:tomarte|tomarse|tomaros) (?:el|la) (?:tiempo|molestia)\b",
    r"\bgracias por (?:escribirme|explicarme|contestarme|responderme)\b",
    r"\bagradec\w+\b.{0,40}\b(?:responderme|contestarme|explicarme|escribirme)\b",
    r"\b(?:tack|tak|takk)\b.{0,20}\b(?:för|for) (?:beskedet|besked|beskeden|beskjeden|svaret|t"
    r"ilbakemeldingen|tilbagemeldingen|återkopplingen)\b",
    r"\bdziękuj\w+ za (?:informacj\w+|odpowiedź|wiadomość)\b",
    r"\bděkuj\w* za (?:\w+ ){0,3}(?:informaci|odpověď|zprávu|zpětnou vazbu)\b",
    r"\b(?:besten |vielen |herzlichen )?dank für (?:ihre|deine|die) (?:rückmeldung|nachricht|antwo"
    r"rt|information|absage)\b",
)
SENT_FOLLOW_UP = any_of(
    r"\bfollow(?:ing)?[- ]up\b", r"\bany (?:update|news)\b", r"\bchecking in\b",
    r"\bstatus of my application\b", r"\bwanted to (?:check|ask) (?:in|whether|if|about|on)\b",
    r"\bstill (?:very )?(?:interested|keen|excited)\b", r"\breaffirm\b",
    r"\bnachfrag\w*\b", r"\bstand (?:meiner|der) bewerbung\b", r"\bgibt es (?:schon )?"
    r"(?:neuigkeiten|etwas neues)\b", r"\b(?:je me permets de )?(?:vous )?relanc\w+\b",
    r"\brevenir vers vous\b", r"\bsuivi de ma candidature\b", r"\bdes nouvelles\b",
    # "hago seguimiento a mi candidatura", not "el seguimiento de expedientes"
    r"^\W*seguimiento\b", r"\b(?:hacer|hago|dar|doy|hacerle|darle) (?:un )?seguimiento\b",
    r"\bseguimiento (?:a|de) (?:mi|la|nuestra|su) (?:candidatura|solicitud|postulación|entrevi"
    r"sta|conversación|proceso)\b", r"\balguna novedad\b",
    r"\bestado de mi (?:candidatura|solicitud)\b",
    r"\bc[oó]mo (?:sigue|va|avanza|contin[uú]a) el proceso\b",
    r"\baggiornament\w+\b.{0,30}\b(?:mia candidatura|selezione)\b",
    r"\b(?:alguma novidade|atualização sobre (?:a )?minha candidatura)\b",
    # "escrevo para acompanhar o processo" (not "sigo interesada", which a request to move
    # an interview says too)
    r"\bacompanhar (?:o|a) (?:processo|candidatura|minha candidatura|andamento)\b",
    r"\bstand van zaken\b", r"\b(?:v jaké fázi|kdy (?:mohu|můžu) očekávat|dotaz na stav)\b",
    r"\b(?:saber|preguntar) si (?:hay|había|tienen) (?:alguna )?novedad",
    r"\bcircl(?:e|ing) back\b",
    r"\btouch(?:ing)? base\b",
    r"\bchecking on\b",
    r"\bupdate on (?:my|the) (?:application|candidacy|interview|process)\b",
    r"\bwhether (?:a|any) decision\b", r"\bwhether there(?:'s| has) been (?:a|any) (?:decision|"
    r"update|news|progress)\b",
    r"\bwanted to (?:check|confirm|make sure) (?:that )?(?:my|the) application\b",
    r"\bcame through (?:ok|okay|alright|fine)\b",
    r"\b(?:ci sono|c'è qualche|ci sono delle) novità\b",
    r"\bper sapere se\b",
    r"\b(?:några nyheter|hur det går med|nyt om|status på min|noe nytt|hvordan det går med)\b",
    r"\b(?:czy są (?:już )?jakieś (?:informacje|nowości|wieści)|na jakim etapie)\b",
    r"\b(?:has|have) (?:the team|you|anyone) (?:started|had a chance|been able|made)\b",
    r"\banything else you need from me\b",
    r"\b(?:should|shall) i consider (?:it|this|the role|my application) closed\b",
    r"\bjust (?:bumping|following up|checking in|nudging)\b",
    r"\bbump(?:ing)? this\b",
    r"\bwhere things stand\b",
    r"\b(?:any|an) (?:news|word|update) on (?:my|the) (?:application|candidacy|interview|role)\b",
    r"\b(?:reforçar|reiterar|réitérer|ribadire|bekräfta|bekræfte) (?:o |mi |mon |il )?(?:meu |"
    r"mio |mitt |min )?(?:interesse|interés|intérêt|intresse)\b",
    r"\bprevisão (?:para|sobre) (?:as )?próximas etapas\b",
    r"\b(?:si el proceso sigue abierto|en qué (?:fase|punto|etapa) se encuentra|en qué (?:fase"
    r"|punto|etapa) está)\b",
    r"\b(?:où en est|où en sont|wie der (?:aktuelle )?stand|a che punto|em que fase|em que pé)\b",
    # "Opfølgning på min ansøgning", "om ansøgningen er kommet frem", "nagaan of mijn cv goed is
    # aangekomen"
    r"\b(?:opfølgning|oppfølging|uppföljning)\b", r"\b(?:er|är|har) (?:kommet|kommit) frem\b",
    r"\bnagaan of\b", r"\b(?:goed|wel) (?:is|zijn) (?:aangekomen|ontvangen)\b",
)
SENT_ACCEPT = any_of(
    r"\b(?:formally |happy to |delighted to |pleased to )?accept(?:ing)? (?:the|your|this) "
    r"(?:job |formal |kind )?offer\b", r"\baccept the (?:position|role)\b",
    r"\boffer acceptance\b", r"\bi accept\b", r"\bmy (?:formal )?acceptance\b",
    r"\bnehme\b.{0,80}\b(?:an|angebot)\b",
    r"\b(?:stelle|angebot|position)\b.{0,80}\bannehme\b", r"\bsage (?:ihnen |dir )?(?:gerne )?zu\b",
    r"\bj'accepte\b", r"\baccepter (?:votre|cette) (?:offre|proposition)\b",
    r"\bacceptation\b", r"\bacepto\b", r"\baceptar (?:la|su|tu|vuestra) (?:oferta|propuesta)\b",
    r"\baceptación\b",
    r"\baccetto\b",
    r"\baccettare (?:la|l'|vostra|la vostra) ?(?:offerta|proposta)\b",
    r"\baceito\b",
    r"\baceitar (?:a|vossa|sua) (?:proposta|oferta)\b",
    r"\b(?:tackar|tacka|takker|takke) (?:\w+ ){0,2}(?:ja|jo) till?\b",
    r"\baccettare\b.{0,20}\b(?:la |l')?(?:proposta|offerta)\b",
    r"\b(?:s radostí |rád[a]? )?(?:ji |nabídku )?přijímám\b",
    r"\bneem\b.{0,40}\baanbod\b.{0,20}\baan\b",
    r"\b(?:ik )?(?:aanvaard|accepteer)\b.{0,30}\b(?:het aanbod|de functie|het voorstel|je voorst"
    r"el|uw voorstel|de job)\b",
    r"\baccepteer\b.{0,30}\baanbod\b",
    r"\b(?:accepter|aceptar|accettare|aceitar) (?:\w+(?:ment|mente) )?(?:votre|cette|la|su|tu|"
    r"vuestra|l'|a) ?(?:offre|proposition|oferta|propuesta|offerta|proposta)\b",
    r"\baccept (?:the|your) (?:\w+ ){0,4}(?:position|role|offer|job)\b",
    r"\b(?:plaisir|heureuse?|ravie?|joie) d'accepter\b", r"\baccepter (?:le|ce|votre) poste\b",
    r"\baceptar (?:el|este|su) (?:puesto|cargo)\b", r"\baccettare (?:il|questo) (?:ruolo|posto)\b",
    r"\b(?:tackar|takker|tacka|takke) ja\b",
    r"\bprzyjmuję (?:\w+ )?(?:ofertę|propozycję)\b",
    r"\b(?:ją|ofertę|propozycję) (?:z przyjemnością |chętnie )?przyjmuję\b|\bz przyjemnością "
    r"(?:ją )?przyjmuję\b",
    r"\b(?:so |really )?(?:excited|thrilled|delighted|happy) to (?:officially )?(?:join|accept"
    r"|say yes)\b",
    r"\bi'm in\b",
    r"\bi'm accepting\b",
    r"\b(?:i've |i have |i )?(?:just )?signed (?:the |your )?(?:offer|docusign|contract|letter"
    r"|paperwork)\b",
    r"\botan (?:\w+ ){0,2}(?:tarjouksen|paikan|tehtävän) (?:\w+ )?vastaan\b",
    r"\bhyväksyn (?:\w+ )?(?:tarjouksen|työtarjouksen)\b",
)
SENT_DECLINE = any_of(
    r"\bdecline (?:the|your|this)\b.{0,30}\boffer\b", r"\b(?:declining|turn down|turning down)"
    r"\b.{0,30}\boffer\b", r"\bnot (?:be )?(?:able to )?accept(?:ing)? (?:the|your|this) offer\b",
    r"\b(?:angebot|stelle)\b.{0,60}\b(?:ablehnen|nicht annehmen|absagen)\b", r"\blehne\b.{0,60}"
    r"\bab\b", r"\bdécliner (?:votre|cette) (?:offre|proposition)\b", r"\bne pas donner suite "
    r"à votre (?:offre|proposition)\b", r"\brechazar (?:la|su|tu|vuestra) (?:oferta|propuesta)\b",
    r"\bdeclinar (?:la|su|tu) (?:oferta|propuesta)\b",
    r"\b(?:declinare|rifiutare|rinunciare)\b.{0,30}\b(?:offerta|proposta)\b",
    r"\b(?:recusar|declinar)\b.{0,30}\b(?:proposta|oferta)\b",
    r"\baanbod\b.{0,40}\b(?:af te wijzen|afwijzen|afslaan|af te slaan|niet aannemen)\b",
    r"\b(?:angebot|stelle|position)\b.{0,80}\b(?:nicht anzunehmen|abzulehnen|abzusagen)\b",
    r"\bnão (?:\w+ ){0,2}aceitar (?:a|sua|vossa) (?:proposta|oferta)\b",
    r"\bnon (?:\w+ ){0,2}accettare\b.{0,20}\b(?:offerta|proposta)\b",
    r"\bno (?:\w+ ){0,2}aceptar (?:la|su|tu|vuestra) (?:oferta|propuesta)\b",
    r"\bne (?:\w+ ){0,2}(?:pas )?accepter (?:votre|cette) (?:offre|proposition)\b",
    # "I won't be able to accept the offer", "je ne peux pas accepter", "kann ... nicht annehmen"
    r"(?:n't|\b(?:not|cannot|unable to))\b.{0,30}\baccept(?:ing)?\b",
    r"\bnicht\b.{0,30}\b(?:annehmen|zusagen)\b",
    # the separable verb: "nehme ich das Angebot als Teamleitung Lager nicht an"
    r"\bnehme\b.{0,60}\bnicht an\b",
    r"\bne\b.{0,30}\baccepter\b",
    r"\b(?:să|sa) nu accept\b|\bnu (?:pot )?accepta?\b.{0,20}\bofert",
    r"\bno\b.{0,30}\baceptar\b",
    r"\bnon\b.{0,30}\baccettar(?:e|la|lo)\b",
    r"\bniet\b.{0,30}\b(?:aannemen|accepteren)\b",
    r"\bnão\b.{0,30}\baceitar\b",
    r"\b(?:ne pas pouvoir|ne peux pas|ne pourrai pas) (?:y )?donner (?:une )?suite\b",
    r"\bno (?:\w+ ){0,2}aceptarla\b",
    r"\bdecidido no aceptar\w*\b",
    r"\bne pas (?:l'|la |les )?accepter\b",
    r"\bdecline (?:the|your|this) (?:\w+ ){0,4}(?:position|role|offer|opportunity)\b",
    r"\b(?:(?:decided|have|going|need) to|must) (?:respectfully |regretfully |politely )?decline"
    r"\b(?! (?:the |your |this )?(?:\w+ )?(?:invitation|interview|meeting|call)\b)",
    r"\b(?:must|will|shall|'ll|have to|need to) (?:respectfully |regretfully |politely |unfort"
    r"unately |therefore )?decline (?:yours|it|the|your|this)\b",
    r"\b(?:tacka|tackar|takke|takker) (?:nej|nei)\b",
    r"\bpass on (?:the|your|this) (?:\w+ )?offer\b",
    r"\brenuncio (?:al|a la|a el) (?:nombramiento|puesto|plaza|oferta|contrato)\b",
    r"\b(?:go|going) with (?:another|a different) offer\b",
    # "thank you for the offer, but I've decided to accept a different opportunity"
    r"\b(?:decided|chosen|going) to (?:accept|take|go with|pursue) (?:another|a different|an oth"
    r"er) (?:\w+ )?(?:opportunity|offer|position|role|job)\b",
    r"\b(?:avböja|avböjer|avslå|avslår|afslå|afslår)\b.{0,30}\b(?:erbjudande\w*|tilbud\w*)\b",
    # Polish "muszę ją jednak odrzucić", Czech "nabídku musím odmítnout"
    r"\bmusz[ęe] (?:\w+ ){0,3}(?:odrzucić|odmówić|zrezygnować)\b",
    r"\bzdecydował\w* się na inn\w+ (?:propozycj|ofert)\w*",
    r"\bnabídk\w+\b.{0,30}\b(?:odmítnout|odmítám)\b",
    r"\b(?:odmítnout|odmítám)\b.{0,30}\bnabídk\w+\b",
    # "I've decided to turn down the position", "j'ai décidé de ne pas y donner suite"
    r"\b(?:turn|turning) down (?:the|this|your) (?:\w+ ){0,3}(?:position|role|post|job|"
    r"opportunity)\b",
    r"\b(?:j'ai (?:\w+ )?décidé|ma décision) de ne pas (?:y )?donner suite\b",
    r"\bne (?:donnerai|vais|pourrai|peux) pas (?:\w+ )?(?:donner )?suite à (?:votre|cette|la|ta)"
    r" (?:\w+ )?(?:offre|proposition|promesse)\b",
    r"\b(?:aanbod|voorstel)\b.{0,40}\bniet (?:aan te nemen|te accepteren|aannemen)\b",
    # "it isn't the right move for me", "decided to stay in my current role", "won't be able to
    # take up the offer", "will not be joining the team", "no podré incorporarme"
    r"\b(?:isn't|is not|wasn't) the right (?:move|step|fit|time) for me\b",
    r"\bstay(?:ing)? (?:in|at|with) my current (?:role|position|job|company|employer|team)\b",
    r"(?:\bnot|n't|\bunable to)\b.{0,20}\btake up (?:the|your|this) (?:offer|position|role)\b",
    r"\b(?:will not|won't) be joining\b", r"\bturn (?:it|this) down\b",
    r"\brefuser (?:votre|cette|la) (?:offre|proposition)\b",
    r"\bno (?:podré|voy a poder|puedo) incorporarme\b",
    r"\bsage\b.{0,40}\b(?:die stelle|das angebot|die position)\b.{0,10}\bab\b",
    r"\b(?:odrzuc\w+|nie przyjm\w+|zrezygn\w+ z) (?:\w+ )?(?:ofert\w*|propozycj\w*)\b",
    r"\b(?:kieltäytymään|kieltäydyn|kieltäytyä)\b.{0,20}\b(?:tarjouksesta|työtarjouksesta|paikasta)\b",
)
SENT_WITHDRAW = any_of(
    r"\bwithdraw\w*\b.{0,40}\b(?:application|candidacy|candidature|from (?:the|your) "
    r"(?:process|consideration))", r"\bremove (?:me|myself) from (?:consideration|the process)\b",
    r"\bziehe\b.{0,60}\bbewerbung\b.{0,30}\bzurück\b", r"\b(?:rückzug|zurückziehen)\b.{0,40}"
    r"\bbewerbung\b", r"\bbewerbung\b.{0,40}\b(?:zurückziehen|zurückzuziehen|zurück)\b",
    r"\bretir\w+ (?:ma|mi) (?:candidature|candidatura|solicitud|postulación|postulacion)\b",
    r"\bretrait de (?:ma|la) candidature\b", r"\bdesist\w*\b",
    r"\bretirar(?:me)? (?:del proceso|mi candidatura)\b",
    r"\b(?:retir|ritir)\w+ (?:la |a )?(?:mia|minha) (?:candidatura|domanda)\b",
    r"\b(?:trek|trekken)\b.{0,40}\bsollicitatie\b.{0,20}\bin\b",
    r"\b(?:sollicitatie|kandidatuur|kandidatuurstelling) (?:\w+ ){0,5}(?:in te trekken|intrekke"
    r"n|intrek)\b",
    # "dat ik mij terugtrek uit de procedure", "me terug te trekken uit de selectie"
    r"\b(?:mij|me) (?:\w+ )?(?:terugtrek|terug te trekken|terugtrekken)\b.{0,20}\buit\b",
    # "inmiddels heb ik een andere functie geaccepteerd", "jeg har takket ja til en anden stilling"
    r"\b(?:andere|nieuwe) (?:functie|baan|baan aangeboden|positie)\b.{0,20}\b(?:geaccepteerd|aangen"
    r"omen)\b",
    r"\b(?:besloten|beslist|wil|wens)\b.{0,20}\bsollicitatie\b.{0,70}\bin te trekken\b",
    r"\bdesistir\w*\b.{0,30}\b(?:processo|candidatura|vaga)\b",
    r"\bziehe\b.{0,60}\bbewerbung\b.{0,80}\bzurück\b",
    r"\b(?:rücknahme|zurücknahme)\b.{0,30}\bbewerbung\b",
    r"\bnicht (?:mehr |weiter )?(?:am|an dem) (?:auswahlverfahren|bewerbungsprozess|prozess|verfa"
    r"hren) teil",
    r"\bwithdraw\w*\b.{0,10}\bfrom (?:the|your) (?:\w+ ){0,5}(?:process|consideration|recruitm"
    r"ent|search|selection)\b",
    r"\b(?:trek|trekken)\b.{0,40}\bsollicitatie\b.{0,60}\bin\b",
    r"\bwithdraw me\b",
    # "would like to withdraw", "pull out of the process", "accepted a position elsewhere"
    r"\b(?:would like|'d like|want|wish|need|have|must|will|going) to withdraw\b",
    r"\b(?:i|we) (?:must|will|hereby|now) withdraw\b",
    r"\bwithdraw\w* (?:myself )?from (?:further )?consideration\b",
    r"\bpull(?:ing)? out of (?:the|your) (?:\w+ )?(?:process|running|recruitment)\b",
    r"\baccept(?:ed|ing)? (?:a |an )?(?:position|role|job|offer) elsewhere\b",
    r"\b(?:accepted|accept|accepting) (?:another|a different|an other) (?:\w+ )?offer\b",
    r"\b(?:me retirer|je me retire|me désister)\b.{0,40}\b(?:processus|recrutement|candidature|"
    r"sélection)\b",
    r"\b(?:i'm|i am) no longer (?:available|interested)\b",
    r"\bno longer (?:wish|want) to (?:be considered|proceed|continue)\b",
    r"\btake me out of (?:the running|consideration|the process|your process)\b",
    r"\bretir\w+ (?:\w+ ){1,2}(?:ma|mi|la) (?:candidature|candidatura|solicitud)\b",
    r"\b(?:dra tillbaka|drar tillbaka|trække|trækker|trekke|trekker)\b.{0,30}\b(?:ansökan|ansø"
    r"gning|søknad)\w*\b",
    # "trekke meg fra prosessen", "trække mig fra processen", "dra mig ur processen"
    r"\b(?:trekke|trekker|trække|trækker) (?:meg|mig) (?:fra|ut av|ud af)\b",
    r"\b(?:dra|drar) mig ur\b",
    # "rezygnuję z dalszego udziału w procesie", "przyjąłem inną ofertę"
    r"\brezygnuj\w* z (?:dalszego )?udziału\b", r"\bprzyjął\w* inn\w+ ofert\w*",
    r"\bwycof\w+\b.{0,30}\b(?:kandydatur\w+|aplikacj\w+|zgłoszeni\w+|z procesu)\b",
    # Czech: "odhlásit z výběrového řízení", "svou přihlášku stahuji"
    r"\b(?:odhlásit|odstoupit|odstupuji|odhlašuji)\b.{0,30}\b(?:výběrového řízení|řízení|pro"
    r"cesu)\b",
    r"\bpřihlášk\w+ (?:stahuji|stáhnout|ruším)\b",
    r"\b(?:z|zo) (?:výběrového řízení|výberového konania|řízení|konania|procesu)\b.{0,60}\b(?"
    r":odhlásit|odstoupit|odstupuji|odhlašuji|odstupujem|odhlasujem|odstúpiť|odhlásiť)\b",
    # "přijala jsem nabídku jiné společnosti", "prijala som ponuku inej spoločnosti"
    r"\b(?:přijal|prijal)\w* (?:jsem |som )?(?:nabídku|ponuku) (?:jiné|inej|od jiné|od inej)\b",
    r"\b(?:stahuji|stáhnout) (?:svou |svoji )?přihlášk",
    # "prefiro não seguir no processo", "prefiero no continuar en el proceso"
    r"\b(?:prefiro|decidi|vou) não (?:seguir|continuar|prosseguir) (?:no|com o) processo\b",
    r"\b(?:prefiero|decidí|voy a) no (?:seguir|continuar) (?:en|con) el proceso\b",
    r"\brenuncio a (?:seguir )?particip\w+\b", r"\brenuncia a (?:la )?participación\b",
    r"\b(?:aceitei|acepté|he aceptado|ho accettato|j'ai accepté) (?:\w+ ){0,2}(?:outra|otra|un'a"
    r"ltra|une autre) (?:proposta|oferta|offerta|offre)\b",
    r"\b(?:me retiro|me bajo|me retiro formalmente) (?:del proceso|de la (?:búsqueda|selección"
    r"|convocatoria))\b",
    r"\bje me retire (?:du processus|de la procédure|du recrutement)\b",
    r"\bj'ai (?:\w+ ){0,2}accepté (?:un|une) (?:autre )?(?:poste|offre|proposition)\b",
    r"\bme retiro do processo\b",
    # "step back from the process", "decided not to continue with my application", "won't be
    # moving forward with the next interview", in the reader's languages
    r"\b(?:step(?:ping)?|stepped) (?:back|away|out) (?:from|of) (?:the|your|this)\b",
    r"\bbow(?:ing)? out\b",
    r"\b(?:decided|chosen|prefer|going) not to (?:continue|proceed|move forward|pursue|go ahead)"
    r" (?:with )?(?:my|the|this|your)\b",
    r"(?:\bnot|n't) (?:be )?(?:moving forward|proceeding|continuing|going ahead) with (?:the|my|"
    r"this|your)\b", r"\band withdraw\b", r"(?:\bnot|n't) be continuing\b",
    r"\b(?:verfahren|prozess|stelle|position)\b.{0,40}\bnicht (?:mehr|länger) zur verfügung\b",
    r"\bne (?:souhaite|désire|veux|souhaiterais) (?:pas|plus) (?:poursuivre|continuer)\b",
    r"\b(?:decid\w*|prefier\w*|voy a) no (?:seguir|continuar|avanzar) (?:en|con) (?:el|este) p"
    r"roceso\b",
    r"\b(?:deciso|preferisco|scelto) di non (?:proseguire|continuare|andare avanti)\b",
    r"\btrek (?:me|mij|mijzelf) (?:\w+ ){0,3}terug\b",
    # Finnish: "haluan perua hakemukseni", "vedän hakemukseni pois"
    r"\b(?:perua|perun|peruutan|peruuttaa|vedän|vetää)\b.{0,20}\bhakemu\w*",
)
SENT_APPLICATION = any_of(
    r"\b(?:my )?application for\b", r"\bapply(?:ing)? (?:for|to)\b", r"\b(?:attached|enclosed|"
    r"please find)\b.{0,20}\b(?:cv|resume|résumé|application|cover letter)\b",
    r"\binterest in the\b.{0,40}\b(?:position|role)\b", r"\bbewerbung (?:als|für|um)\b",
    r"\blebenslauf\b", r"\bcandidature (?:pour|au poste|spontanée)\b",
    r"\bcandidatura (?:para|al puesto|espont[áâ]nea)\b", r"\bsolicitud (?:para|de empleo)\b",
    r"\bme presento (?:a la (?:vacante|oferta|posición|plaza)|como candidat[oa])\b",
    r"\b(?:envio|segue|seguem|anexo|em anexo)\b.{0,20}\b(?:cv|currículo|curriculo|candidatura)\b",
    r"\b(?:vous trouverez )?ci-joint\w*\b.{0,20}\b(?:cv|candidature|lettre de motivation)\b",
    r"\b(?:anbei|im anhang)\b.{0,30}\b(?:lebenslauf|bewerbung|unterlagen)\b",
    r"\b(?:adjunto|te envío|le envío|os envío)\b.{0,20}\b(?:cv|currículum|curriculum|"
    r"candidatura)\b", r"^\W*(?:application|candidature|bewerbung|candidatura|solicitud|postula"
    r"ción)\s*(?:[-–:]|para\b)", r"\b(?:postularme|me postulo|candidatar-me|me candidatar)\b",
    r"\b(?:söka|ansöka om|søge|søke på|aplikować na|aplikuję na|zgłosić swoją kandydaturę)\b.{"
    r"0,30}\b(?:tjänsten|stillingen|stanowisko|jobbet)\b",
    r"\b(?:bifogar|vedhæftet|vedlagt|w załączniku przesyłam|przesyłam)\b.{0,30}\b(?:cv|ansökan"
    r"|ansøgning|søknad|list motywacyjny)\b",
)
# The person taking a slot offered: "works (best) for me", "suits me", "passt mir", "me
# convient", "me viene bien", "va bene", "past mij", "funciona para mim", "I'll take".
SLOT_CHOSEN = any_of(
    r"\b(?:works|suits|would work|would suit|is perfect|would be perfect|sounds (?:good|"
    r"great|perfect)|is (?:great|fine|good)|would be (?:great|fine|good))\b.{0,20}"
    r"\b(?:for me|me)\b", r"\b(?:works|suits) (?:best|well|perfectly)\b", r"\bi'll take\b",
    r"\b(?:i(?:'d| would) (?:like|prefer) to (?:take|book|go with)|i (?:can|could) (?:do|make))"
    r"\b", r"\bpasst (?:mir|uns)\b", r"\bpasst (?:gut|perfekt|prima)\b",
    r"\bnehme (?:gerne )?(?:den|das)\b", r"\b(?:me|nous) convient\b",
    r"\bje (?:suis|serai) disponible\b", r"\bme (?:viene|va) (?:bien|perfecto)\b",
    r"\bme (?:encaja|sirve)\b", r"\b(?:mi )?va bene\b", r"\b(?:komt|past) (?:mij|me) "
    r"(?:goed|prima)\b", r"\bfunciona (?:bem )?(?:para mim|pra mim)\b",
    r"\b(?:vous |te )?confirm(?:e|o) (?:ma|mi) (?:présence|presencia|asistencia|participation|"
    r"participación)\b",
    r"\bich bestätige (?:gerne )?(?:den|meine)\b",
    r"\bi (?:can )?confirm (?:my attendance|i will attend|the (?:slot|time|interview))\b",
    r"\b(?:gern(?:e)? )?bestätige ich\b",
    r"\b(?:works|suits|is perfect|sounds good|is great)\s*(?:great|perfectly|well|fine)?\s*(?:"
    r"[.!,]|👍|$)",
    r"\b(?:i(?:'ve| have)? )?(?:just )?booked\b.{0,40}\b(?:through|via|on|with|using) (?:your|"
    r"the) (?:cal|calendar|calendly|link|booking)",
)
# Asking to be put forward: an application even in a thread, even with thanks for a call.
SENT_APPLY = any_of(
    r"\b(?:please )?submit me (?:for|to)\b", r"\bput me forward\b",
    r"\bsubmit my (?:application|cv|resume|profile)\b", r"\bi(?:'d| would) like to apply\b",
    r"\bich (?:möchte|würde) mich (?:gerne )?(?:\w+ ){0,4}bewerben\b",
    r"\bje (?:souhaite|voudrais) (?:postuler|présenter ma candidature)\b",
    r"\b(?:me gustaría|quisiera) (?:postular|presentar mi candidatura)\b",
    r"\b(?:gostaria de|venho) (?:me candidatar|candidatar-me|apresentar (?:a )?(?:minha|uma) candi"
    r"datura)\b")
# Work handed in ("Segue minha entrega do teste técnico", "here is my completed take-home"), or
# a meeting asked to be moved ("would it be possible to reschedule", "I won't be able to take
# the call"): their thanks for the chance are courtesy, no thank-you note after a meeting.
NOT_A_NOTE = any_of(
    r"\b(?:segue|seguem|envio|anexo) (?:a )?(?:minha|a) (?:entrega|solução|resolução)\b",
    r"\b(?:here is|here's|attached is|please find attached|i've attached|i have attached|submit"
    r"ting|sharing) (?:my|the) (?:completed |finished )?(?:submission|solution|assignment|take-"
    r"home|case study|task|exercise|test)\b",
    r"\b(?:adjunto|te envío|le envío|envío|te comparto|le comparto|comparto) (?:mi|la) (?:entrega|"
    r"solución|resolución|prueba)\b",
    r"\banbei (?:meine|die) (?:lösung|ausarbeitung|bearbeitung)\b",
    r"\b(?:ci-joint|voici) mon (?:rendu|travail|exercice|test)\b",
    r"\bin (?:de )?bijlage (?:mijn|de) (?:uitwerking|oplossing)\b",
    r"\bin allegato (?:la mia|il mio) (?:soluzione|elaborato|esercizio)\b",
    r"\b(?:possible|could we|can we|would it be possible|is it possible) to (?:reschedule|move|"
    r"push|shift|change)\b", r"(?:\bnot|n't) be able to (?:make|attend|take|join)\b",
    r"\b(?:reprogramar|reagendar|remarcar|verschieben|décaler|reporter|spostare|verzetten)\b",
)
