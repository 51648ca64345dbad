"""The words of an offer, in the reader's languages: the offer made ("we are pleased to offer
you", "Vertragsangebot", "voorstel van aanstelling"), what follows one already made (a
background check, the signed papers), an offer's terms said together (pay and a start), and the
terms asked of the person instead ("your salary expectations")."""

from __future__ import annotations

from analysis.mail.phrases import any_of

OFFER = any_of(
    r"\b(?:pleased|happy|delighted|excited|thrilled|glad) to (?:extend|offer you|make you|"
    r"present you)", r"\boffer(?:ing)? you the (?:position|role|job)\b",
    r"\b(?:extend|make|send|attach|enclose)(?:ing|ed)? (?:you )?(?:an?|the|our) (?:formal |"
    r"written |verbal |conditional )?(?:job )?offer\b", r"\b(?:job|employment) offer\b",
    r"\boffer (?:letter|of employment|details|package)\b", r"\b(?:like|want) to offer you\b",
    r"\bformal offer\b", r"\boffer from\b",
    r"\b(?:share|send|give) (?:you )?the (?:details|terms) of (?:our|your|the) (?:\w+ )?offer\b",
    r"\bcongratulations\b.{0,80}\boffer\b",
    r"\bvertragsangebot\b",
    # "please find attached your contract for signature", "your employment contract is ready
    # to sign"
    r"\b(?:attached|enclosed|find) (?:is |are )?(?:your|the) (?:\w+ )?(?:employment )?contract\b"
    r".{0,40}\b(?:sign\w*|signature|review)\b",
    r"\byour (?:employment )?contract is (?:ready|attached) (?:to|for) (?:sign|signature)\b",
    # the contract sent, not one spoken of ("Ihr Arbeitsvertrag wird mit uns geschlossen")
    r"\barbeitsvertrag\b.{0,40}\b(?:anbei|im anhang|beigefügt|zur unterschrift|zusenden|schick"
    r"en|übersenden|unterschreiben|vorbereitet)\b", r"\b(?:anbei|im anhang)\b.{0,40}\barbeitsver"
    r"trag\b",
    r"\bihnen (?:die stelle|die position|ein "
    r"angebot|einen vertrag) (?:anbieten|machen|geben)", r"\b(?:sie|dich) für die (?:stelle|"
    r"position)\b.{0,80}\bausgewählt\b", r"\bzusage für\b", r"\bangebot\b.{0,60}\bannehmen\b",
    r"(?<!éventuelle )(?<!possible )(?<!future )\boffre d'emploi\b", r"\bpromesse d'embauche\b",
    r"\bproposition d'embauche\b",
    r"\b(?:plaisir|heureux|heureuse|ravis?) de vous (?:proposer|offrir|annoncer que vous)"
    r"(?! (?:un |une |de |d')?(?:entretien|rendez-vous|échange|rencontre|visio|test|appel|"
    r"premier|première|second))",
    r"\bnous vous proposons un (?:contrat|cdi|cdd|poste)\b", r"\blettre d'offre\b",
    r"(?<!\ba )(?<!\ba la )(?<!\ben la )(?<!\bde la )(?<!\besta )(?<!\bla siguiente )"
    r"\boferta (?:de trabajo|de empleo|formal|laboral|económica)\b", r"\bcarta oferta\b",
    r"\b(?:ein|unser|das) (?:\w+ )?angebot\b.{0,80}\b(?:unterbreiten|vorlegen|zukommen|"
    r"machen)\b", r"\b(?:ihnen|dir|euch)\b(?:(?!\bnicht\b|\bkein).){0,60}\b(?:die|eine|"
    r"diese) (?:stelle|position|anstellung)\b.{0,60}\ban(?:zu)?bieten\b",
    r"\b(?:sie|dich|euch) für (?:die|den|das|diese[nrs]?) (?:\w+ ){1,3}"
    r"(?:(?!\bnicht\b|\bkein|\bgespräch|\binterview|\brunde|\bauswahlverfahren).){0,40}"
    r"\b(?:ausgewählt|ausgewaehlt|entschieden)\b",
    r"\b(?:you have|you've) been (?:selected|chosen) (?:for|as) (?:the |our )?(?:\w+ ){0,4}"
    r"(?:position|role|job|post|vacancy)\b(?! interview)",
    r"\b(?:selected|chosen|chose|select) you (?:for|as) (?:the |our )?(?:\w+ ){0,4}"
    r"(?:position|role|job|post|vacancy)\b(?! interview)",
    r"\bvous (?:avez été |êtes )(?:retenue?|choisie?|sélectionnée?) pour (?:le|ce) poste\b"
    r"(?!.{0,40}\b(?:entretien|entrevue|rendez-vous|échange|rencontre)\b)",
    r"\bnos complace ofrecer", r"\bofrecer(?:te|le) (?:el puesto|la "
    r"posición|un contrato)", r"\bhas sido seleccionad[oa] para (?:el|la|ocupar)\b",
    # French: "votre candidature a été retenue" for the post itself, a contract proposed
    # Italian
    # Dutch
    # Portuguese
    r"\bcandidature\b.{0,80}\b(?:a été|est) (?:définitivement )?retenue?\b(?!.{0,60}\b(?:entre"
    r"tien|entrevue|rendez-vous|échange|rencontre|étape|test|suite du processus|prochaine)\b)",
    r"\bproposition de contrat\b",
    r"\bvous accueillir (?:au sein de|dans) (?:notre|nos|l'|la|les) ?(?:équipe|effectifs|entre"
    r"prise|société)\b.{0,40}\b(?:à compter|à partir|dès)\b",
    r"\bofferta (?:di lavoro|di assunzione|economica)\b",
    r"\bproposta (?:di assunzione|contrattuale|di contratto)\b",
    r"\blettera di (?:assunzione|offerta|impegno all'assunzione)\b",
    r"\b(?:lieti|felici|piacere) di (?:offrirti|offrirle|proporti|proporle|comunicarti che sei"
    r" stat)",
    r"\b(?:blij|verheugd|graag)\b.{0,40}\b(?:aanbod|de functie|de baan)\b.{0,30}\b(?:doen|aanb"
    r"ieden|aan te bieden)\b",
    r"\barbeidsovereenkomst\b",
    r"\b(?:sie|dich) (?:gerne |gern )?(?:als \w+ (?:\w+ )?)?(?:einstellen|anstellen)\b",
    r"\b(?:ons |een )?(?:aanbod|contractvoorstel)\b.{0,60}\b(?:bijgevoegd|in de bijlage|toeges"
    r"tuurd)\b",
    r"\bproposta (?:de (?:trabalho|emprego|contratação)|formal|salarial)\b",
    r"\bcarta[- ](?:de )?oferta\b", r"\byou got the job\b",
    r"\b(?:has|have) offered you the (?:role|position|job)\b",
    r"\b(?:queremos|nos gustaría|deseamos) (?:incorporarte|contratarte|incorporarle|contratarle)\b",
    r"\b(?:le|te|les) ofrecemos (?:un |una |el |la )?(?:nombramiento|puesto|plaza|contrato|posición"
    r")\b",
    r"\b(?:můžeme|chceme|rádi bychom) (?:\w+ )?nabídnout (?:\w+ )?(?:pozici|místo|spolupráci)\b",
    r"\bthe (?:job|role|position) is yours\b",
    # Swedish, Danish, Norwegian, Polish: "erbjuda dig tjänsten", "tilby deg stillingen"
    r"\b(?:erbjuda|erbjuder|tilbyde|tilbyder|tilby|tilbyr) (?:dig|deg) (?:tjänsten|stillingen|jobb"
    r"et|en anställning|ansættelse|ansettelse|en fast anställning)\b",
    r"\b(?:erbjudande om anställning|tilbud om (?:ansættelse|ansettelse|stilling))\b",
    r"\b(?:oferujemy|zaproponować|proponujemy) (?:\w+ ){0,2}(?:stanowisko|zatrudnienie)\b",
    r"\b(?:oferecer|oferecer-lhe|oferecer-te) (?:a|o) (?:vaga|cargo|posição)\b",
    r"\bfoi (?:aprovad[oa]|selecionad[oa]) para (?:a|o) (?:vaga|cargo|posição)\b(?!.{0,40}\b(?"
    r":entrevista|próxima etapa|etapa)\b)",
    r"\b(?:like|love) (?:for )?you to join (?:us|the team|our team) as\b",
    r"\byour offer (?:is ready|letter|package|details|has been (?:sent|prepared|issued))",
    r"\bwelcome you (?:aboard|on board|to the team) as\b",
    r"\b(?:move|moving|proceed\w*|go(?:ing)?) (?:forward|ahead) with an offer\b",
    r"\b(?:ab|zum) (?:dem )?\d{1,2}\.\s*(?:\d{1,2}\.|\w+).{0,60}\b(?:team|als (?:neue[nr]? )?("
    r"?:mitarbeiter|kolleg))\w*\b.{0,30}\bbegrüßen",
    r"\bvotre (?:recrutement|embauche)\b",
    r"\bpropuesta (?:económica|salarial|de contratación)\b",
    r"\b(?:tu|su) contratación\b",
    r"\b(?:bieden|bied) (?:wij |we |ik )?(?:je|u|jou) (?:graag |met plezier )?(?:de|een) (?:vas"
    r"te |tijdelijke )?(?:functie|baan|positie|arbeidsovereenkomst|contract|aanstelling|dienstve"
    r"rband)\b",
    r"\bcontractvoorstel\b",
    r"\bbieten (?:wir )?(?:ihnen|dir) (?:eine|die|den|das) (?:\w+ ){0,3}(?:anstellung|stelle|p"
    r"osition|vertrag|arbeitsvertrag)\b",
    r"\bals\b.{0,60}\bin unserem team begrüßen\b(?!.{0,40}\b(?:gespräch|interview|termin)\b)",
    r"^\W*zusage\s*:",
    r"\bnos encantaría que te unieras\b",
    r"\b(?:te unas|te unieras|incorporarte) (?:a|al equipo de) .{0,40}\bcomo\b",
    r"\b(?:like|love) (?:for )?you to join\b.{0,40}\bas (?:a|an|our)\b",
    r"\b(?:formalizamos|formalizar|formalizando) a (?:sua )?proposta\b",
    r"\bcarta[- ]proposta\b",
    r"\bproposta (?:de trabalho|de emprego|de contratação|formal)\b",
    # "In bijlage vind je het aanbod", "beslist je aan te stellen", "voorstel van aanstelling"
    r"\b(?:in (?:de )?bijlage|bijgevoegd)\b.{0,30}\b(?:het |ons )?(?:aanbod|contractvoorstel)\b",
    r"\bbeslist (?:je|u|jou) aan te stellen\b", r"\bvoorstel (?:van|tot) aanstelling\b",
    # an offer revised: "we can move the base salary to £71,500"
    r"\b(?:revised|updated|improved) offer\b",
    # "gostaríamos de fazer uma proposta para você se juntar à Braza"
    r"\bproposta para (?:você|voce|ti) (?:se juntar|integrar|fazer parte)\b",
    # Polish: "chcemy, żebyś dołączył do zespołu", "chcielibyśmy zaproponować współpracę"
    r"\bchcemy,? (?:żeby|abyś|żebyś)\w* dołączył\w*\b",
    r"\b(?:chcielibyśmy|chcemy) (?:\w+ )?zaproponować (?:\w+ )?(?:współpracę|zatrudnienie|ofe"
    r"rtę)\b", r"\b(?:move|increase|raise|bump|lift)\b.{0,20}\b("
    r"?:the |your )?(?:base )?(?:salary|base|offer)\b.{0,10}\bto (?:[£$€]|\d)",
    # Romanian: "Suntem încântați să îți oferim postul"; Slovak, Czech: "ponúkame Vám pozíciu"
    r"\b(?:îți|vă|iti|va) (?:oferim|propunem) (?:postul|poziția|pozitia|un post|un contract)\b",
    r"\b(?:(?:ponúkame|ponúknuť|nabízíme|nabídnout) (?:vám|ti)|(?:vám|ti) (?:ponúkame|nabízíme))"
    r" (?:\w+ )?(?:pozíciu|pozici|miesto|"
    r"místo|prácu|práci)\b",
    # Finnish: "haluamme tarjota sinulle tehtävää"
    r"\b(?:haluamme|haluaisimme|voimme) tarjota (?:sinulle|teille) (?:\w+ )?(?:tehtäv|paik|työ|vi"
    r"rka)\w*",
)
# What follows an offer made already: a background check, references, the signed papers.
AFTER_OFFER = any_of(r"\bbackground (?:check|screening|verification)\b", r"\bscreening partner\b",
                     r"\b(?:hireright|sterling|checkr|first advantage)\b",
                     r"\b(?:envelope|document) (?:has been )?(?:completed|signed by all)\b")
# An offer made on conditions ("contingent upon a background check"): made now, not followed up.
ON_CONDITION = any_of(r"\b(?:contingent|conditional) (?:up)?on\b", r"\bsubject to\b")
# An offer's terms: pay and a start, said together.
PAY = any_of(r"\bsalary\b", r"\bcompensation\b", r"\bbase pay\b", r"\bgehalt\b",
             r"\b\d[\d,.]*\s*(?:k\s*)?(?:base|per annum|p\.a\.|a year|per year)\b",
             r"\bbruttojahresgehalt\b", r"\bvergütung\b", r"\brémunération\b", r"\bsalaire\b",
             r"\bsalario\b", r"\bretribución\b", r"\bremuneración\b",
    r"\b(?:salário|remuneração|stipendio|retribuzione|ral|salaris|lön|lønn|løn|wynagrodzenie)\b",
    r"\b(?:maandloon|maandsalaris|brutoloon|månedsløn|månedslønn|årslønn|månadslön)\b",
    r"\br\$\s?\d",
    r"\b(?:stawk\w+ \d|mzda|plat)\b", r"\d\s*(?:zł|pln|kč|czk)(?:/h| brutto| netto| hrubého|\b)",
)
START = any_of(r"\bstart(?:ing)? date\b", r"\bstart on\b", r"\beintritt\b", r"\bstarttermin\b",
               r"\barbeitsbeginn\b", r"\bab dem \d{1,2}\.",
               r"\bdate d'(?:embauche|entrée|arrivée)\b", r"\bprise de poste\b",
               r"\bfecha de (?:incorporación|inicio)\b", r"\bincorporación\b",
    r"\b(?:data de início|data di inizio|data inizio|startdatum|ingangsdatum|tiltrædelse|oppst"
    r"art|tillträde|data rozpoczęcia)\b",
    r"\b(?:nástup|datum nástupu|termin rozpoczęcia|início previsto)\b", r"\bstart\s*:\s*\d",
    r"\bstart(?:u|em)? (?:od )?\d{1,2}\.? [a-ząćęłńóśźż]+ \d{4}\b",
)

# Terms asked of the person ("your salary expectations", "available start date"): a request
# for information, not an offer's terms.
ASKED = any_of(r"\bexpect\w*\b", r"\bdesired\b", r"\bavailab\w+\b", r"\bearliest\b",
               r"\bplease (?:provide|send|share|let us know|include|tell)\b", r"\byour (?:salary|"
               r"current|notice)\b", r"\bgehaltsvorstellung\w*\b", r"\bgehaltswunsch\b",
               r"\bfrühestmöglich\w*\b", r"\bkündigungsfrist\b", r"\bprétentions?\b",
               r"\bdisponibilit\w+\b", r"\bsouhait\w*\b", r"\bpretensi\w+\b",
               r"\bexpectativas?\b", r"\baspiraci\w+\b", r"\bdisponibilidad\b")
