"""The words of mail that is about no application even when it comes from a tracked
company's domain: no word of a job search at all, a list of openings (a job alert), a line
that only mail sent to a list carries, a receipt or an account's notice; and an
auto-reply."""

from __future__ import annotations

from analysis.mail.phrases import any_of

# Words of a job search in the languages that write a step in one word, a subject's or a
# body's (an interview, a public competition, an application): Czech and Slovak, Hungarian,
# Romanian, Croatian and Slovene, Finnish, Baltic, Turkish, Cyrillic.
STEP_WORDS_ELSEWHERE = (
    r"pohovor\w*|pályáz\w*|állásinterjú\w*|interjú\w*|kiválasztás\w*|interviu\w*|candidatur\w*|"
    r"natječaj\w*|natečaj\w*|haastattelu\w*|hakemu\w*|konkursa|konkurso|atrank\w*|"
    r"başvuru\w*|mülakat\w*|конкурс\w*|интервю\w*|собеседовани\w*")

# Words of a job search: a message from a company's domain that names none of them (and
# answers nothing the person wrote) is the company's other mail: its product, its events.
APPLICATION_WORDS = any_of(
    r"\b(?:application|applied|applying|apply|candidacy|candidate|interview\w*|position|role|"
    r"vacancy|opening|job|hiring|recruit\w*|cv|resume|résumé|talent acquisition|offer)\b",
    r"\b(?:bewerbung\w*|beworben|stelle|position|vorstellungsgespräch|kandidat\w*|lebenslauf|"
    r"personalabteilung|recruiting|einstellung|angebot|gespräch)\b",
    r"\b(?:candidature|candidat\w*|poste|entretien|recrutement|embauche|offre)\b",
    r"\b(?:candidatura|candidat[oa]|puesto|vacante|entrevista|selección|oferta|proceso)\b",
    r"\b(?:colloquio|posizione|selezione|assunzione|offerta)\b",
    r"\b(?:sollicitatie\w*|vacature|functie|kandida\w*|aanbod|gesprek)\b",
    r"\b(?:vaga|cargo|processo seletivo|proposta)\b",
    # a public employer's competition: "procés selectiu", "convocatoria", "bolsa de trabajo"
    r"\b(?:procés selectiu|proceso selectivo|convocatòria|convocatoria|concurs-oposició|concurso"
    r"-oposición|oposici(?:ó|ón)|borsa de treball|bolsa de (?:trabajo|empleo))\b",
    r"\b(?:your|ihr|dein|votre|ton|tu|su|il tuo|je|seu) (?:profile|profil|perfil|profilo|"
    r"profiel|background|experience|erfahrung|expérience|experiencia|esperienza|ervaring|"
    r"experiência|lebenslauf|curriculum)\b", r"\bhiring manager\b",
    r"\b(?:your|ihr|dein|votre|ton|tu|su) (?:portfolio|portfolio review|case stud(?:y|ies)|wor"
    r"k samples?)\b",
    r"\b(?:next|final|second|third) (?:round|stage|panel|step)\b",
    r"\b(?:ansökan|ansøgning|søknad\w*|tjänsten|stilling\w*|intervju\w*|rekrytering\w*|rekrutt"
    r"ering\w*|kandidat\w*|jobsamtale|anställning|ansættelse|ansettelse)\b",
    r"\b(?:rekrutacj\w*|stanowisk\w*|aplikacj\w*|kandydat\w*|kandydatur\w*|rozmow\w* rekrutacy"
    r"jn\w*|zatrudnieni\w*)\b",
    rf"\b(?:{STEP_WORDS_ELSEWHERE})\b",
    # Czech and Slovak; Hungarian; Romanian; Croatian, Serbian and Slovene
    r"\b(?:uchaze\w*|uchádza\w*|výběrov\w* řízení|výberov\w* konani\w*|životopis\w*|"
    r"pracovní pozic\w*|pracovnú pozíci\w*)\b",
    r"\b(?:önéletrajz\w*|munkakör\w*|állásajánlat\w*|jelölt\w*)\b",
    r"\b(?:selecți\w*|selecţi\w*|recrutar\w*|angajar\w*)\b",
    r"\b(?:razgovor za posao|razgovor\w* s kandidat\w*|radno mjesto|radnog mjesta|delovno mesto|"
    r"delovnega mesta|zaposlitv\w*|zapošljavanj\w*|prijav\w* na (?:natječaj|oglas|razpis))\b",
    # Baltic; Finnish and Estonian; Greek; Turkish; Cyrillic
    r"\b(?:pretendent\w*|pareig\w*|kandidāt\w*|intervij\w*|pieteikum\w*|amata konkurs\w*|"
    r"kandidee\w*|tööintervjuu\w*|värbami\w*)\b",
    r"\b(?:rekrytoin\w*|työpaik\w*)\b",
    r"(?:αίτησ\w*|συνέντευξ\w*|υποψήφι\w*)", r"\b(?:işe alım\w*)\b",
    r"(?:кандидат\w*|длъжност\w*|співбесід\w*|ваканси\w*|вакансі\w*|резюме)",
)
# A job site's or a company's list of openings for the person: never about one application.
JOB_ALERT = any_of(
    r"\b(?:new |recommended |\d+ )?jobs? (?:that )?(?:match(?:es|ing)?|fit(?:ting)?) your "
    r"(?:profile|search|preferences|skills|alert)", r"\bjobs? you (?:may|might) (?:be "
    r"interested in|like)\b", r"\bjob alert\b", r"\bnew jobs? (?:at|for you|posted)\b",
    r"\bjobagent\b", r"\bpassende (?:jobs|stellen(?:angebote)?)\b", r"\bneue (?:jobs|stellen"
    r"(?:angebote)?) (?:für sie|für dich|bei)\b", r"\balerte[- ]emploi\b",
    r"\boffres? (?:d'emploi )?(?:qui )?(?:correspond\w*|pourrai\w*) (?:à|a) (?:votre|ton) "
    r"profil\b", r"\bnouvelles offres\b", r"\bofertas? (?:de empleo )?que (?:encajan|"
    r"coinciden|te pueden interesar)\b", r"\bnuevas ofertas\b", r"\bofferte di lavoro "
    r"(?:per te|in linea)\b", r"\bnieuwe vacatures\b", r"\bvagas (?:para você|recomendadas)\b")
# Mail sent to a list: an unsubscribe line, "you are receiving this email because".
BULK_BODY = any_of(
    r"\bunsubscribe\b", r"\byou(?:'re| are) receiving this (?:e-?mail|message|newsletter)\b",
    r"\bview (?:this email )?in (?:your |a )?browser\b", r"\bmanage (?:your )?(?:e-?mail )?"
    r"preferences\b", r"\b(?:newsletter )?abbestellen\b", r"\bvom newsletter abmelden\b",
    r"\bse désinscrire\b", r"\bdésabonner\b", r"\bdarse de baja\b", r"\bdarte de baja\b",
    r"\bcancelar (?:a )?(?:sua )?inscrição\b", r"\bannulla(?:re)? l'iscrizione\b",
    r"\buitschrijven\b", r"\bafmelden voor (?:de|deze) nieuwsbrief\b",
    r"\bricevi questa (?:newsletter|e-?mail) perché\b", r"\bdisiscriviti\b")
# A receipt, a statement, an account's security notice.
TRANSACTIONAL = any_of(
    r"\b(?:reset|change) (?:your |the )?password\b", r"\bnew sign-?in\b", r"\bsign-?in "
    r"(?:attempt|code)\b", r"\bverification code\b", r"\bverify your (?:e-?mail|account)\b",
    r"\b(?:invoice|receipt|statement|order confirmation|your order|payment of)\b",
    r"\bpasswort\b", r"\b(?:rechnung|bestellung|kontoauszug)\b", r"\bmot de passe\b",
    r"\b(?:facture|commande)\b", r"\bcontraseña\b", r"\b(?:factura|pedido|recibo)\b",
    r"\b(?:fattura|ordine)\b", r"\b(?:wachtwoord|factuur|bestelling)\b",
    r"\b(?:senha|fatura)\b", r"\bregistration (?:confirmation|confirmed)\b",
    r"\byou(?:'ve| have) (?:been |successfully )?registered\b",
    r"\b(?:webinar|livestream|event) registration\b", r"\bsafe senders? list\b",
    r"\bpassword\b.{0,40}\b(?:reset|changed|expire[sd]?)\b",
    r"\b(?:account|cuenta|konto|compte|conta|profilo|profile) (?:\w+ ){0,8}(?:created|creada|e"
    r"rstellt|angelegt|créé|criada|creato|activated|activada|aktiviert|activé)\b",
    r"\b(?:registration|registro|registrierung|inscription|inscrição) (?:\w+ ){0,10}(?:complete"
    r"d?|completado|abgeschlossen|terminée|concluíd[oa])\b",
)
# An auto-reply: out of office, away, an automatic answer.
AUTO_REPLY_BODY = any_of(
    r"\b(?:i am|i'm|i will be|i'll be)\b.{0,30}\b(?:out of (?:the )?office|away|on (?:annual |"
    r"parental )?(?:holiday|vacation|leave)|travell?ing|off)\b", r"\bautomatic reply\b",
    r"\bich bin\b.{0,60}\b(?:abwesend|nicht im büro|im urlaub|nicht erreichbar)",
    r"\bje suis\b.{0,40}\b(?:absente?|en congés?)\b", r"\bestoy\b.{0,40}\b(?:fuera|"
    r"de vacaciones|ausente)\b", r"\b(?:réponse|respuesta|antwort) automática|automatische "
    r"antwort|réponse automatique\b", r"\bben (?:ik )?afwezig\b", r"\bsono fuori ufficio\b")
AUTO_REPLY = any_of(
    r"\bout of (?:the )?office\b", r"\bautomatic reply\b", r"\bauto(?:matic)?[- ]?reply\b",
    r"\bautoreply\b", r"\baway from (?:the office|my desk)\b", r"\bon (?:annual |parental )?"
    r"leave\b", r"\bi am (?:currently )?(?:away|out|on holiday|on vacation)\b",
    r"\bi'm (?:currently )?(?:away|out|on holiday|on vacation)\b",
    r"\babwesenheit\w*\b", r"\bbin (?:ich )?(?:bis|vom)\b.{0,40}\b(?:abwesend|nicht im büro|"
    r"im urlaub|nicht erreichbar)", r"\b(?:abwesend|nicht im büro|außer haus)\b",
    r"\bautomatische antwort\b", r"\babsent(?:e)?\b.{0,40}\b(?:jusqu|du|bureau)\b",
    r"\bréponse automatique\b", r"\bmessage d'absence\b", r"\ben congés?\b",
    r"\bfuera de la oficina\b", r"\brespuesta automática\b", r"\bausente\b",
    r"\bde vacaciones\b", r"\bfuori ufficio\b", r"\bafwezig\b",
    r"\bfora do escritório\b",
    r"\bresposta automática\b",
    r"\brisposta automatica\b",
    r"\bautomatisch antwoord\b",
    r"\bafwezigheidsbericht\b",
)
