"""A no said another way: the politer, rarer and newer phrasings of a rejection in each of
the reader's languages ("we won't be taking your application further", "im weiteren Verfahren
nicht berücksichtigt", "the position will remain unfilled"), beside the outright ones of
no_words.py, which joins both into REJECTION."""

from __future__ import annotations

OTHER_WAYS = (
    # English, said another way
    # German, "nicht zu berücksichtigen", "im weiteren Verfahren nicht"
    # Italian
    # Dutch
    # Portuguese
    r"\b(?:go|going|went|move|moving)(?: forward)? in (?:a|another) (?:different )?direction\b",
    # "your application for Senior Data Scientist has been declined"
    r"\b(?:application|candidacy) (?:for|to) (?:the )?(?:[\w-]+ ){1,5}(?:was|has been) (?:rejected"
    r"|declined|unsuccessful)\b",
    r"\b(?:unable|not able) to move forward with (?:you|your)\b",
    r"\b(?:position|role|vacancy|job) is no longer (?:available|open)\b",
    r"\bnicht (?:mehr |weiter |länger )?zu berücksichtig",
    # "there were applicants whose qualifications more closely matched our requirements"
    r"\b(?:applicants|candidates)\b whose\b.{0,80}\b(?:more closely|better|closer)\b",
    # "den Prozess mit einer internen Kandidatin fortzusetzen"
    r"\bmit (?:einer?|einem|anderen?) (?:internen |externen |anderen |weiteren )?(?:kandidat|"
    r"bewerber)\w*\b.{0,40}\b(?:fortzusetzen|fortsetzen|weiterzugehen|weitergehen|zu besetzen|"
    r"besetzen|weiterzumachen)\b",
    r"\bim weiteren (?:auswahl|bewerbungs)?verfahren (?:leider )?nicht\b",
    r"\b(?:für|zugunsten) (?:eine[nr]?|die) (?:andere[nr]?|weitere[nr]?) (?:bewerber|kandidat)",
    r"\b(?:deciso|scelto) di (?:proseguire|procedere|andare avanti) con (?:altr|un altr|un'altr)",
    # "abbiamo scelto di proseguire con profili che...", "la tua candidatura non proseguirà",
    # "Stato della candidatura: Non selezionata", "abbiamo individuato un profilo con"
    r"\b(?:deciso|scelto) di (?:proseguire|procedere) con (?:i |dei )?(?:profili|candidat[ie])"
    r" (?:che|con|dal|più)\b", r"\bcandidatura\b.{0,40}\bnon (?:proseguirà|prosegue)\b",
    r"\bstato(?: della candidatura)?: non selezionat[oa]\b",
    r"\babbiamo individuato (?:un altro |un |altri )?(?:profil[oi]|candidat[oi])\b",
    r"\baltri (?:candidati|profili)\b.{0,60}\b(?:più|maggiormente|meglio)\b",
    r"\bnon (?:\w+ ){0,3}(?:proseguire|procedere|andare avanti) con (?:la tua|la sua|te|lei)\b",
    r"\besito (?:negativo|non positivo)\b",
    r"\b(?:posizione|ruolo)\b.{0,30}\b(?:già )?(?:stat[ao] )?(?:coperta|coperto|chiusa)\b",
    r"\bci dispiace\b.{0,80}\bnon\b",
    r"\bniet (?:\w+ ){0,3}(?:verder|door)(?:gaan)? met (?:je|jouw|uw)\b",
    # "voor een andere kandidaat" (not "we spreken nog twee andere kandidaten")
    r"\b(?:voor|met) (?:een )?andere (?:kandidaat|kandidate|sollicitant)\b",
    r"\b(?:keuze|keus)\b.{0,30}\bandere (?:kandidaat|kandidate|sollicitant)\b",
    r"\bgeen vervolg\b",
    r"\bniet (?:\w+ ){0,3}(?:uitnodigen|aannemen|selecteren)\b",
    r"\binfelizmente\b.{0,160}\b(?:não|outr[oa]s?)\b",
    r"\b(?:decidimos|optamos|escolhemos|resolvemos)\b.{0,40}\b(?:com|por) (?:um |uma )?outr[oa"
    r"]s?\b",
    r"\boutr[oa]s? (?:candidat|perfis?\b|profissiona)",
    r"\bnão (?:\w+ ){0,2}(?:foi|foste|fostes|ter sido) (?:selecionad|aprovad|escolhid)",
    r"\bnão (?:\w+ ){0,3}(?:seguir|prosseguir|avançar|continuar) com (?:a sua|sua|tua|a tua|vo"
    r"cê)\b",
    r"\bvaga\b.{0,30}\b(?:foi )?(?:preenchida|encerrada)\b",
    # "Processo encerrado para você", "seguimos com candidatos com experiência no setor"
    r"\bprocesso (?:seletivo )?(?:foi )?encerrado para (?:você|ti|si|a senhora|o senhor)\b",
    r"\b(?:seguimos|seguiremos|prosseguimos|prosseguiremos|avançamos|avançaremos|continuamos|"
    r"continuaremos|seguimos adiante) com (?:os |as |outr[oa]s )?(?:candidat|perfis|profissiona)\w*"
    r" (?:com|cuj|mais)\b",
    r"\b(?:lamentamos|sentimos muito)\b.{0,80}\b(?:não|informar|comunicar)\b",
    r"\boffer(?:ed)? (?:the (?:position|role|job) )?to (?:another|a different|an other|other) "
    r"(?:candidate|applicant|person)",
    r"\bpursue (?:candidates|applicants|profiles) (?:whose|who|with)\b",
    r"\b(?:won't|will not|wouldn't|would not) be able to (?:offer you|progress|proceed|move fo"
    r"rward|take (?:your|you))",
    r"\bclose (?:this|the) (?:position|role|requisition|search|vacancy)\b",
    # a profile that does not fit: "tu perfil no se ajusta", "seu perfil não está alinhado",
    # "non è stata ritenuta idonea", "sluit onvoldoende aan", "processus clôturé pour ce poste"
    r"\b(?:tu|su|seu|teu) perfil (?:no|não) (?:se ajusta|encaja|corresponde|coincide|está alinh"
    r"ado|se alinha|se encaixa|atende)\b",
    r"\bnon (?:è stat[ao]|è|sei stat[ao]) (?:ritenut[ao] )?idone[ao]\b",
    r"\b(?:sluit|sluiten|aansluit)\w*\b.{0,20}\bonvoldoende\b", r"\bonvoldoende aan(?:sluit)?\b",
    r"\bpas en mesure de (?:poursuivre|donner suite|retenir|vous proposer)\b",
    r"\b(?:scelto|selezionato|individuato) (?:un |un'|una )?altr[oa] (?:candidat|profil|persona)",
    r"\b(?:processus|recrutement)\b.{0,40}\b(?:clôturé|clos)\b.{0,20}\b(?:pour ce poste|pour "
    r"vous)\b",
    # an agency's word: "my client has gone with another candidate", "didn't feel it was the
    # right fit"
    r"\b(?:has|have|'ve|'s) gone with (?:another|a different|an internal|other) (?:candidate|applic"
    r"ant|person|profile)", r"\b(?:didn't|did not|don't|do not) (?:feel|think) (?:it was|it's|it "
    r"is|you were|you're) (?:the|a) (?:right|good) (?:fit|match)\b",
    # "we won't be extending an offer", "no longer under consideration", "hire internally"
    r"\b(?:won't|will not|are not|aren't|not) (?:be )?(?:extending|making|able to extend) (?:you "
    r")?an? (?:\w+ )?offer\b",
    r"\bno longer (?:considering (?:your|you)|under consideration|being considered|in consider"
    r"ation)\b",
    r"\b(?:decided|chosen|opted|going) to (?:hire|fill (?:the|this) (?:role|position)) internal"
    r"ly\b", r"\b(?:decided|chosen) not to fill (?:the|this) (?:position|role|vacancy)\b",
    r"\b(?:weren't|wasn't|haven't been|hasn't been) (?:selected|shortlisted|successful)\b",
    r"\b(?:don't|do not) (?:currently )?have (?:a |any )?(?:roles?|positions?|openings?|vacanc"
    r"(?:y|ies)) (?:that )?(?:match\w*|fit\w*|suit\w*)\b",
    r"\b(?:selected|chosen|identified|hired|found|appointed) (?:a |an(?:other)? |other |the )?"
    r"(?:candidates?|applicants?|individuals?|person|people) (?:whose|who|that|with)\b.{0,80}"
    r"\b(?:closer|closely|better|more|match|align|fit)",
    r"\bnot (?:\w+ ){0,3}(?:tak(?:e|ing)) (?:your (?:application|candidacy)|you|this) any (?:f"
    r"urther|forward)\b",
    r"\b(?:stelle|position|vakanz)\b.{0,80}\bvergeben\b",
    r"\b(?:un autre|une autre|d'autres) (?:candidat|profil|personne)",
    r"\bne (?:pouvoir|pouvons|pourrons) (?:pas )?(?:\w+ )?donner suite\b",
    r"\bau regret de\b",
    r"\bdecidido no (?:avanzar|continuar|seguir|seleccionar|proceder|contar)",
    r"\bno encaja\b",
    r"\bno (?:has|ha) resultado seleccionad",
    r"\b(?:scelto|selezionato|individuato) (?:un altro |un'altra |altri |un |una )?(?:candidat"
    r"|profil)\w*\b.{0,40}\b(?:più|maggiormente)\b",
    r"\bniet uit te nodigen\b",
    r"\bbesloten (?:\w+ ){0,3}niet\b",
    # chosen others "whose profile fits better", the post filled with someone else
    r"\bfür (?:\w+ ){0,4}(?:kandidat|bewerber)\w*\b(?:(?!\bsie\b|\bdich\b).){0,40}\bentschiede"
    r"n\b.{0,30}\b(?:deren|dessen|die|der)\b",
    r"\b(?:position|stelle|vakanz)\b.{0,20}\bmit (?:einer|einem) (?:anderen? )?(?:bewerber|kan"
    r"didat|person)\w*\b.{0,10}\bzu besetzen\b",
    r"\bfill (?:the|this) (?:position|role|vacancy) (?:internally )?(?:with|by) (?:a|another|"
    r"an(?:other)?|someone)\b",
    r"\bpourvoir (?:le|ce) poste (?:avec|par) (?:un|une) (?:autre )?(?:candidat|personne|profil)",
    r"\bcubrir (?:el puesto|la vacante|la posición) con (?:otr|un|una)",
    # the choice fell on someone else
    r"\b(?:die )?wahl (?:ist |fiel )?(?:\w+ ){0,3}(?:auf|gefallen auf) (?:eine[nr]?|die|den) ("
    r"?:andere[nr]? )?(?:bewerber|kandidat|person)",
    r"\b(?:the|our) choice (?:fell|has fallen|went) (?:on|to) (?:another|a different|an(?:othe"
    r"r)?)\b",
    r"\bnotre choix s'est (?:porté|arrêté) sur (?:un|une) (?:autre )?(?:candidat|profil|personne)",
    r"\b(?:nos hemos decantado|hemos optado) por (?:otr[oa]|un|una) (?:candidat|perfil|persona)",
    r"\bla (?:elección|decisión) (?:ha )?recaído en\b",
    r"\bla scelta (?:è )?(?:ricaduta|caduta) su\b",
    r"\bde keuze is gevallen op (?:een )?andere\b",
    r"\bne (?:donnerons|donnerai|donnera|pouvons|pourrons|pouvions) (?:pas|plus) (?:de )?suite\b",
    r"\b(?:deciso|scelto) di (?:proseguire|procedere|andare avanti) con (?:un|una|altr)\w* (?:"
    r"\w+ )?(?:profil|candidat|person)",
    r"\b(?:decision|choice) has gone to (?:another|other|a different|candidates?|applicants?|s"
    r"omeone)\b",
    r"\b(?:candidates?|applicants?|profiles?) whose (?:\w+ ){0,4}(?:were|was|are|is) (?:a )?(?"
    r":closer|better|stronger|more closely)\b",
    # "we have offered the post to a candidate whose ...", "will not be able to make an
    # appointment this year", "the position will remain unfilled"
    r"\boffered the (?:post|position|role|job) to (?:another|a|an|the other) (?:\w+ )?(?:cand"
    r"idate|applicant)", r"\b(?:not|unable to) (?:be able to )?make an appointment\b",
    r"\bremain unfilled\b",
    r"\bdidn't go your way\b",
    r"\bnot (?:be )?the news you\b",
    r"\b(?:choisi|décidé) de (?:poursuivre|continuer|avancer) avec (?:un|une|d')\s?(?:autres? "
    r")?(?:candidat|personne|profil)",
    r"\b(?:choisi|décidé|pris la décision) de ne pas (?:poursuivre|continuer|retenir|avancer)\b",
    r"\b(?:have|had|got) to (?:say|tell you) no\b",
    r"\b(?:requisition|req|position|role|vacancy)\b.{0,20}\b(?:has been|was|is) (?:now )?(?:cl"
    r"osed|cancell?ed|withdrawn)\b",
    r"\b(?:searches|positions|roles|vacancies|requisitions|openings)\b.{0,60}\b(?:have been|were"
    r"|are) (?:now )?(?:closed|cancell?ed|withdrawn)\b",
    r"\b(?:stellenbesetzungs|auswahl|besetzungs|bewerbungs)?verfahren\w*\b.{0,60}\b(?:abbrechen"
    r"|abzubrechen|einstellen|einzustellen|eingestellt)\b",
    r"\bwird (?:\w+ ){0,6}nicht (?:mehr )?(?:neu |nach)?besetzt\b",
    r"\bclosing out (?:all )?(?:candidates|applicants|the search)\b",
    r"\b(?:withdraw|rescind|revoke|retract)\w*\b.{0,20}\b(?:the|our|your) (?:job |verbal |writ"
    r"ten |employment )?offer\b",
    r"\b(?:going to|decided to|will|we'll|have to|had to|'re going to|are going to) pass\b(?! "
    r"(?:it|this|that|them|along|on (?:your|the) (?:details|cv|resume|info)))",
    r"\bpass on (?:your|this) (?:application|candidacy|profile)\b",
    r"\b(?:go|going|went) (?:another|a different) way\b",
    r"\blooking for (?:someone|a candidate|candidates) (?:with|who has|who have)\b.{0,20}\b(?:"
    r"more|stronger|deeper|different|specific)\b",
    r"(?:\bnot|n't)\b.{0,40}\btak(?:e|ing) (?:yours|it|your (?:candidacy|profile)) (?:any )?(?"
    r":forward|further)\b",
    r"\bmit (?:einer|einem) (?:anderen|weiteren) (?:bewerber|kandidat|person)\w*\b.{0,40}\b(?:"
    r"fortzusetzen|fortsetzen|weiterzugehen|weitergehen|zu besetzen|besetzen)\b",
    r"\bmitbewerber\w*\b.{0,30}\bentschieden\b",
    r"\bnot been (?:taken|moved|progressed|put) (?:forward |through )?to the next (?:round|sta"
    r"ge|step)\b",
    r"\bprogressing with (?:other )?candidates (?:with|who|whose)\b",
    # "não daremos continuidade à sua candidatura", "no seguimos adelante con tu postulación",
    # "Status: Não selecionada"
    r"\bnão (?:\w+ ){0,2}(?:daremos|dar|vamos dar|iremos dar|seguiremos|vamos seguir) (?:com )?(?"
    r":continuidade|seguimento|sequência|andamento)\b",
    r"\bno (?:seguimos|seguiremos|vamos a seguir|continuamos|continuaremos|avanzamos|avanzarem"
    r"os|vamos a avanzar) (?:adelante )?con (?:tu|su) (?:postulación|candidatura|solicitud|pro"
    r"ceso)\b",
    r"\bnão (?:seguirá|seguira|avançará|continuará|passará) para\b",
    r"\b(?:perfil|candidatura|candidat[oa]) não selecionad[oa]\b",
    r"\bseguimos com outr[oa]s (?:pessoas candidatas|candidat[oa]s|perfis)\b",
    r"\b(?:status|situação|estado|stato)\s*:\s*(?:não|no|not|non|niet|nicht) (?:selecionad[oa]|"
    r"seleccionad[oa]|selected|selezionat[oa]|geselecteerd|ausgewählt|berücksichtigt)\b",
    # "we've decided to keep looking", "the client has opted for a candidate with more ..."
    r"\b(?:decided|going|have|need|continue) to (?:keep|continue) (?:looking|searching)\b",
    r"\b(?:opted|gone|went|decided|settled) for (?:a|another|an other|a different) (?:candid"
    r"ate|applicant|profile|person)\b",
    r"\b(?:afraid|sorry|unfortunately)\b.{0,30}\bnot (?:good|great|the best) news\b",
    r"\bon hold indefinitely\b",
    r"\b(?:position|role|vacancy|job|post|opening)\b.{0,40}\bhas (?:now |already )?been filled\b",
    r"\b(?:will|can|could) not be (?:considered|taken|progressed) (?:any )?further\b",
    r"\bnot (?:reach|achieve|meet) the (?:\w+ )?(?:score|mark|threshold|pass mark)\b",
    r"\b(?:new )?status(?: is| has changed to|:)? (?:now )?not in consideration\b",
    r"\b(?:decided|have|had) to close (?:your|the) (?:application|candidacy|file)\b",
    r"\boffer(?:ed)? (?:the|this) (?:position|role|job) to (?:a|another|an other) (?:candidate|ap"
    r"plicant|person)\b", r"\bnicht zu (?:ihren|deinen) gunsten\b",
    r"\bne (?:retiendrons|retenons|pourrons retenir|pouvons retenir) pas (?:votre|ta) candida"
    r"ture\b",
    r"\b(?:uns|sich) (?:\w+ ){0,3}gegen (?:ihre|deine|eine weitere) (?:bewerbung|kandidatur|be"
    r"rücksichtigung)\b",
    r"\bne (?:poursuivrons|poursuivons|continuerons|continuons|pourrons poursuivre|pouvons pours"
    r"uivre) pas\b",
    r"\b(?:ended up|are|we're|we are|have been|will be) (?:moving|going|proceeding) (?:forward"
    r" |ahead )?with (?:another|other|a different|an(?:other)? (?:internal |external )?candida"
    r"te)",
    # Swedish, Danish, Norwegian
    # Polish
    # French, Spanish, English said another way
    # Finnish: "valitettavasti emme voi edetä", "olla etenemättä", "valitsimme toisen hakijan"
    r"\bvalitettavasti\b.{0,160}\b(?:emme|ei|toisen|toista|muiden|muita)\b", r"\betenemättä\b",
    r"\b(?:vali(?:n|ts)\w*|päätyneet|päädyimme) (?:\w+ )?toise\w* (?:hakija|ehdokka|henkilö)\w*\b",
    r"\b(?:gå|går|gått) (?:vidare|videre) med (?:\w+ )?(?:kandidater|sökande|søkere|ansøgere) "
    r"(?:som|med|der)\b",
    r"\b(?:tyvärr|desværre|dessverre|beklageligvis)\b.{0,160}\b(?:inte|ikke|ej|annan|andra|and"
    r"en|andre|annen|nej|nei)\b",
    r"\b(?:gå|gått|går|gå) (?:vidare|videre) med (?:en |ett )?(?:annan|andra|anden|andre|annen"
    r"|någon annan)\b",
    r"\b(?:valt|valgt|besluttet|beslutat|bestämt) (?:at |att |å )?(?:gå vidare|gå videre|forts"
    r"ætte|fortsätta|fortsette) med (?:en |ett |de |andre |andra )?(?:\w+ )?(?:kandidat|kandid"
    r"ater|sökande|ansøger|ansøgere|søker|søkere)\b",
    r"\b(?:inte|ikke) (?:\w+ ){0,3}(?:gå|går|gått) (?:vidare|videre) med (?:din|dig|deg|dine|d"
    r"ina)\b",
    r"\b(?:inte|ikke|ej) (?:\w+ ){0,2}(?:blivit|blevet|blitt|gått|nådd) (?:vidare|videre|opp|u"
    r"dvalgt|utvalgt|utvald|valgt|valt)\b",
    r"(?<!och )(?<!og )\b(?:en annan|en anden|en annen|ein annan) (?:kandidat|sökande|ansøger|sø"
    r"ker|søkjar)\b",
    r"\b(?:tjänsten|stillingen|stillinga|jobbet)\b.{0,80}\b(?:är|er) (?:nu |nå |no )?(?:tillsatt|"
    r"besat|besatt|tilsett)\b",
    r"\bvacature is (?:\w+ )?(?:ingevuld|vervuld)\b", r"\b(?:stanowisko|wakat)\b.{0,20}\bobsadzon",
    r"\b(?:won't|will not|wouldn't|would not) be taking (?:things|this|it|your application|you"
    r"r candidacy|matters) (?:any )?further\b",
    # "uns entschieden, mit Kandidat:innen weiterzumachen, deren Erfahrung noch besser passt"
    r"\bmit (?:anderen |einer anderen |einem anderen )?(?:kandidat|bewerber)\S* (?:weiterzumachen|w"
    r"eiter zu machen|fortzufahren|weiterzugehen)\b",
    r"\b(?:kandidat|bewerber)\S*,? deren (?:profil|erfahrung|qualifikation)\w* (?:noch )?besser\b",
    # Dutch "verder te gaan met een kandidaat die...": with someone else
    r"\b(?:verder|door) (?:te )?gaan met (?:een )?(?:andere )?(?:kandida(?:at|te|ten)|sollicitant)"
    r"\b",
    r"\bniestety\b.{0,160}\b(?:nie|inn\w+)\b",
    # Czech: "bohužel jsme se rozhodli pro jiného uchazeče", "pokračovat s jiným kandidátem"
    r"\bbohužel\b.{0,160}\b(?:ne\w+|jin(?:ého|ým|ou|é|ými|í))\b",
    r"\b(?:rozhodli|rozhodl|rozhodla)\b.{0,40}\b(?:pro jiného|pro jinou|s jiným|s jinou)\b",
    r"\b(?:dát|dali|dáváme|dávám) přednost (?:jiné\w*|uchazeč\w*|kandidát\w*)\b",
    r"\bnebyl[ao]? (?:jste )?(?:\w+ )?vybrán\w*\b",
    # "rozhodli nabídnout pozici uchazeči s delší praxí", "klient sa rozhodol pre uchádzača,
    # ktorý", "tentoraz pokračovať nebudeme", "nemůžeme dále posuzovat"
    r"\brozhodl\w* (?:jsme |sme )?(?:se |sa )?(?:nabídnout|ponúknuť) (?:\w+ )?(?:pozici|místo|"
    r"pozíciu|miesto) (?:jinému |inému )?(?:uchazeč|kandidát|uchádzač)\w*",
    r"\brozhod(?:ol|la|li)\w* (?:sa )?pre (?:iného |inú )?(?:uchádzač|kandidát)\w*",
    r"\b(?:tentokrát|tentoraz)\b.{0,40}\b(?:nebudeme|nemůžeme|nemôžeme)\b",
    r"\b(?:nemůžeme|nemôžeme) (?:\w+ ){0,2}(?:dále |ďalej )?(?:posuzovat|posudzovať)\b",
    # Romanian: "candidatura dumneavoastră nu a fost admisă", "Postul a fost ocupat de"
    r"\bnu a(?:ți)? fost (?:admis|acceptat|selectat|reținut|declarat\w* admis)\w*\b",
    r"\b(?:postul|poziția|pozitia) a fost (?:ocupat|ocupată)\b",
    r"\bnu (?:\w+ ){0,2}(?:vom continua|putem continua|vom merge mai departe)\b",
    # Hungarian: "sajnos ... nem", "más jelöltet választottunk"
    r"\bsajnos\b.{0,160}\b(?:nem|másik|más)\b", r"\b(?:másik|más) jelölte?t\b",
    r"\b(?:pozice|místo)\b.{0,20}\b(?:obsazen[aoé]|obsadili)\b",
    r"\b(?:z|ze) (?:inną|innym|innymi) (?:osob|kandydat)\w*",
    r"\bkontynuować (?:\w+ ){0,2}(?:z|ze) (?:osobą|kandydat\w*|inn\w+)\b",
    r"\bnie (?:\w+ ){0,3}(?:kontynuować|kontynuowali|kontynuujemy|zaprosić|zaprosimy|zapropono"
    r"wać|zaoferować)\b",
    r"\bnie (?:\w+ ){0,2}(?:została|został|zostałaś|zostałeś)\b.{0,20}\b(?:wybran|zakwalifikow"
    r"an|zaakceptowan)",
    r"\bnie zakwalifikował\w*\b",
    r"\b(?:wybraliśmy|zdecydowaliśmy się na) (?:\w+ ){0,2}(?:inn\w+|kandydat\w*|osob\w+)\b",
    r"\b(?:avons|a) (?:\w+ ){0,2}retenu (?:une autre |un autre |d'autres |des |une |un )?(?:pe"
    r"rsonne|candidat|candidate|candidature|profil)s?\b.{0,80}\b(?:qui|dont|plus|mieux|corresp"
    r"ond)",
    r"\b(?:choisi|décidé|préféré) de (?:poursuivre|continuer|avancer|aller de l'avant) avec (?"
    r":un|une|d'autres|des) (?:autre )?(?:profil|candidat|candidate|personne|candidature)s?\b",
    r"\b(?:le|au) regret de vous (?:informer|annoncer|faire savoir|faire part)\b",
    r"\bne (?:donnerons|donnerai|donnera|pourrons|pouvons) (?:\w+ ){0,2}(?:pas|plus) (?:\w+ ){"
    r"0,2}suite\b",
    r"\bno (?:\w+ ){0,2}(?:fue|fuiste|resultó|quedó|resultaste|quedaste) (?:seleccionad|elegid"
    r"|preseleccionad)",
    r"\b(?:take|taking|took|taken) (?:a|the role in a|the \w+ in a) (?:different|new|another) "
    r"direction\b",
    r"\b(?:we|we've|we have|we're|we are|they|they've|they have|ended up|decided to) (?:\w+ ){"
    r"0,2}(?:went|going|gone|go) with (?:someone|somebody|another|a different)\b",
    r"\b(?:gonna|going to|have to|decided to|we'll|we will|'re going to) pass on (?:you|your ("
    r"?:application|candidacy|profile))\b(?! to)",
    r"\b(?:it's|it is|that's) a (?:no|pass) (?:from us|for now|this time|from me|from the team)\b",
    r"\b(?:met|seen|found|interviewed|spoke (?:to|with)|talked to) (?:\w+ ){0,3}(?:people|cand"
    r"idates|others|folks|applicants|someone) (?:with|who(?:'ve| have| had)?) (?:\w+ ){0,2}(?:"
    r"more|stronger|closer|deeper|better)\b",
    r"\b(?:posto|posizione|incarico)\b.{0,60}\b(?:è stat[oa]|viene) assegnat[oa] (?:ad? |alla "
    r"|al )(?:altr|candidat)",
    r"\bidone[oa] non vincit\w*\b",
    r"\bdenegad[oa]\b",
    r"\bno ha obtenido (?:una )?(?:evaluación|valoración|calificación) favorable\b",
    r"\b(?:stellenbesetzungs|auswahl|besetzungs)?verfahren\b.{0,40}\babgebrochen\b",
    r"\bprocédure\b.{0,40}\b(?:annulée|interrompue|abandonnée)\b",
    r"\b(?:proceso|convocatoria)\b.{0,40}\b(?:cancelad[oa]|anulad[oa]|desiert[oa])\b",
    r"\bnão (?:\w+ ){0,3}(?:segui|prossegui|avança|continua)\w* com (?:a sua|sua|tua|a tua|voc"
    r"ê|o seu|seu)\b",
    r"\b(?:decid\w+|opt\w+|escolh\w+|resolv\w+)\b.{0,40}\b(?:seguir|prosseguir|continuar|avanç"
    r"ar)? ?(?:com|por) (?:um |uma )?outr[oa]s? (?:pessoa|candidat|perfi|profissiona)",
    r"\bcubri\w* (?:el puesto |la (?:búsqueda|vacante|posición) )?(?:de forma )?internamente\b",
    r"\b(?:búsqueda|vacante|posición|puesto) (?:la |lo )?(?:cubrimos|cubrieron|hemos cubierto|"
    r"ha sido cubiert[oa])\b",
    r"\bno vamos a avanzar con (?:tu|su|perfiles|otros|candidatos)\b",
    r"\b(?:seguimos|continuamos|avanzamos|nos quedamos|elegimos|optamos por|decidimos seguir) "
    r"con (?:una|otra|otro) (?:persona|candidat[oa]|perfil)\b",
    r"\bcerramos la búsqueda\b",
    r"\bno (?:\w+ ){0,2}(?:continuará|continúa|avanzará|avanza|sigue|seguirá|continuarás|segui"
    r"rás) (?:\w+ ){0,2}(?:en el proceso|adelante|con el proceso)\b",
    # someone else chosen, in any tense: "we have selected another candidate", "the panel
    # appointed another applicant", "another finalist has been successful"
    r"\b(?:selected|chosen|appointed|hired|picked|recommended|decided on|settled on|extended (?:an|"
    r"the) "
    r"offer to|made (?:an|the) offer to|offered (?:it|the \w+) to) (?:another|a different|one "
    r"other|an other|the other) (?:\w+ )?(?:candidate|applicant|finalist|person|individual)\b",
    r"\b(?:hire|hired|hiring|chose|chosen|selected|appoint|appointed|go with|went with|going wit"
    r"h) someone (?:\w+ ){0,2}(?:more|with|who|whose|else|better|stronger|closer)\b",
    r"\b(?:another|a different|the successful|an internal) (?:\w+ )?(?:candidate|applicant|fin"
    r"alist)\b.{0,30}\b(?:has|have|was|were|had) (?:now |been |since |already )*(?:successfu"
    r"l|selected|chosen|appointed|accepted|offered|hired)\b",
    r"\b(?:made|completed) (?:a|the|our) hire\b", r"\bhave (?:now )?hired for (?:this|the) "
    r"(?:role|position|vacancy)\b",
    # the candidate not chosen, said with any auxiliary: "did not select you for further
    # consideration", "you have not been chosen to continue"
    r"(?:\bnot|n't) (?:\w+ ){0,2}(?:select|choose|chosen|shortlist|advance|progress) (?:you|y"
    r"our (?:application|candidacy|profile))\b",
    r"(?:\bnot|n't) been (?:chosen|picked|invited) (?:to|for)\b",
    r"\b(?:won't|will not|not) be (?:continuing|carrying on|going ahead|proceeding) with (?:you|y"
    r"our)\b",
    r"(?:\bnot|n't) (?:\w+ ){0,2}(?:progress|advance|proceed|move on|go through) to (?:t"
    r"he )?(?:next|following|final|second|third) (?:round|stage|step|phase)\b",
    r"(?:\bnot|n't) (?:be )?(?:scheduling|arranging|inviting you to|offering) (?:any )?(?:furt"
    r"her|more|additional|another) (?:interviews?|rounds?|conversations?)\b",
    r"\b(?:clos(?:ed|ing)|(?:will|'ll|must|going to|have to) (?:\w+ )?close) your (?:applicat"
    r"ion|candidacy)\b",
    r"(?:\bnot|n't) (?:our|the) (?:final |first |preferred )?choice\b",
    r"\bhir(?:e|ed|ing) (?:an internal|another|a different|one other) (?:\w+ )?(?:candidate|"
    r"applicant|person)\b",
    r"\banderweitig (?:zu )?(?:besetzen|besetzt|vergeben)\b",
    r"\b(?:prozess|verfahren)\b (?:\w+ ){0,3}nicht (?:weiter )?(?:fortsetzen|fortzusetzen|fortf"
    r"ühren|fortzuführen)\b",
    r"\bnon (?:\w+ ){0,4}(?:proseguire|procedere) con (?:la tua|la sua|te|lei)\b",
    r"\b(?:optato|scelto|deciso) per (?:un altro|un'altra|altri|altre) (?:\w+ )?(?:candidat|pro"
    r"fil|person)",
    r"\bnão (?:seguirá|continuará|avançará|prosseguirá) (?:no|em|para|com)\b",
    r"\b(?:status|outcome|result|decision)\s*:\s*(?:rejected|declined|unsuccessful|not (?:sele"
    r"cted|progressing|successful|shortlisted))\b",
    r"\bdecided against (?:moving|proceeding|progressing|taking|your|you|offering|extending)\b",
    r"\bdecided not to (?:extend|make|advance|hire|invite|schedule|interview|recommend|shortlis"
    r"t|forward)\b", r"\bunlikely to (?:progress|proceed|advance|move forward|be (?:successful|"
    r"shortlisted|selected))\b",
    r"\b(?:haven't|have not|didn't|did not|hasn't|has not) made it (?:through|to the (?:next|fi"
    r"nal|shortlist|interview))",
    r"\b(?:no longer|not currently) (?:recruiting|hiring) for (?:this|the) (?:role|position|vac"
    r"ancy)\b",
    r"\b(?:decided|going|chosen) to (?:continue|keep) (?:our |the )?(?:search|interviewing)\b",
    r"\bfeedback\b.{0,40}\b(?:wasn't|was not|isn't|is not|hasn't been|has not been) (?:pos"
    r"itive|favourable|favorable)\b", r"\b(?:it's|it is) a no\b",
    r"\b(?:don't|do not|didn't|did not) (?:\w+ ){0,2}(?:feel|think|believe) (?:that )?(?:you|yo"
    r"ur (?:experience|profile|background|skills)) (?:are|is|were|was|would be|match|fit)\b",
    r"\b(?:experience|profile|background|skills) (?:does not|doesn't|did not|didn't) (?:quite "
    r")?(?:match|fit|align with|meet) (?:what|our|the)\b",
    # German: "für jemanden entschieden, der...", "gegen eine Zusammenarbeit entschieden", "die
    # Entscheidung ist auf eine andere Kandidatin gefallen", "Sie sind nicht vorgesehen"
    r"\bfür (?:jemand(?:en)?|eine[nr]? (?:kollegin|kollegen|person|andere\w*)|einen anderen\w*"
    r")\b(?:(?!\bsie\b|\bdich\b).){0,60}\bentschieden\b",
    r"\bgegen (?:eine|die) (?:zusammenarbeit|einstellung|weitere berücksichtigung)\b",
    r"\bentscheidung (?:ist |fiel )?(?:\w+ ){0,2}(?:auf|zugunsten) (?:eine[nr]?|die|den) (?:and"
    r"ere[nr]?|weitere[nr]?) \w+",
    r"\bmit (?:einer|einem) (?:anderen|weiteren) (?:person|kandidat\w*|bewerber\w*)\b.{0,20}"
    r"\bweiter",
    r"\b(?:keine|nicht die) (?:stelle|position|anstellung) (?:\w+ ){0,2}anbieten\b",
    r"\bnicht (?:mehr |weiter )?(?:vorgesehen|eingeplant)\b",
    r"\bdie stelle (?:\w+ ){0,3}nicht (?:zu )?(?:besetzen|nachbesetzen)\b",
    # French: "fait le choix d'un profil plus expérimenté", "ne nous permettent pas de
    # poursuivre", "n'a pas été sélectionnée", "ne pas aller plus loin"
    r"\b(?:fait le choix|opté pour|privilégié) (?:d'un|d'une|un|une) (?:autre |profil|candidat"
    r"|candidate|personne)", r"\bpas (?:de |à )?(?:poursuivre|continuer) (?:le processus|avec "
    r"vous|votre candidature)\b", r"\bpas (?:été )?(?:sélectionnée?s?|choisie?s?)\b",
    r"\bpas (?:aller|avancer) plus loin\b",
    # Spanish, Italian, Dutch, Czech
    r"\bcon (?:otr[oa]s?|un[oa]) (?:de (?:l[oa]s )?)?(?:finalistas?|candidat[oa]s|personas)\b",
    r"\bno (?:\w+ ){0,2}(?:podemos|podremos|vamos a) (?:ofrecer(?:te|le)|seleccionar(?:te|le))\b",
    r"\bnon (?:\w+ ){0,2}(?:proseguiremo|procederemo|continueremo|andremo avanti)\b",
    r"\bniet (?:\w+ ){0,2}(?:geselecteerd|gekozen|voort te zetten|voortzetten)\b",
    r"\bvybrali jsme (?:\w+ )?(?:jiného|jinou|jiné)\b",
    # the post taken meanwhile, the application archived: "la posizione è stata nel frattempo
    # occupata", "deze vacature is intern ingevuld", "o procedimento concursal foi cancelado"
    r"\b(?:posizione|posto|ruolo)\b.{0,20}\bstat[oa] (?:\w+ ){0,3}occupat[oa]\b",
    r"\b(?:candidatura|application|candidacy|sollicitatie)\b.{0,20}\b(?:stata |been |is )?(?:ar"
    r"chiviata|archived|gearchiveerd)\b", r"\bintern (?:is )?(?:ingevuld|vervuld)\b",
    r"\bniet (?:verder )?in behandeling\b",
    r"\b(?:procedimento|concurso)\b.{0,160}\bfoi (?:cancelad|anulad|encerrad)[oa]\b",
)
