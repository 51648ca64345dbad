"""The words of a test set for the person: an assessment (a coding challenge, a case study, a
written exam, a questionnaire from an assessment platform, a video interview answered alone)
and the words that ask the person to take it, in the reader's languages."""

from __future__ import annotations

from analysis.mail.phrases import any_of

# "complete a HireVue video interview": a video interview recorded alone, whichever platform
_RECORDED_ALONE = (
    r"\b(?:complete|record|take) (?:a|an|the|your) (?:\w+ )?(?:video|digital|online) interview\b",
    r"\b(?:hirevue|sonru|vieple|spark hire|willo|modern hire|harver|launchpad recruits)\b.{0,30}"
    r"\binterview\b",
    r"\b(?:entrevista|entretien|interview|colloquio) (?:vidéo |video |en vídeo )?(?:grabad[oa]"
    r"|enregistrée?|aufgezeichnet\w*|registrat[oa]|différée?|diferid[oa])\b",
    r"\bzeitversetzte\w* (?:video)?interview\b")
ASSESSMENT = any_of(
    *_RECORDED_ALONE,
    r"\b(?:online |technical |coding |skills? |cognitive |personality )?assessment\b(?! (?:commi"
    r"ttee|panel|board|criteria|process))",
    r"\bcoding (?:challenge|test|exercise)\b", r"\btake[- ]home\b", r"\btechnical (?:test|"
    r"exercise|task|challenge)\b", r"\bonline test\b", r"\bhackerrank\b", r"\bcodility\b",
    r"\bcodesignal\b", r"\btestgorilla\b", r"\bcase study\b", r"\bassessments\b",
    r"\bstart (?:the )?test\b",
    r"\bonline-test\b", r"\btestaufgabe\b", r"\bfachliche aufgabe\b", r"\bfallstudie\b",
    r"\beinstellungstest\b", r"\btests? techniques?\b", r"\bévaluations?\b",
    r"\b(?:online-)?(?:eignungstest|auswahltest|wissenstest|leistungstest)\w*\b",
    r"\bexercice technique\b", r"\b(?:étude|estudio|caso) de (?:cas|caso)\b", r"\bcaso pr[áa]"
    r"ctico\b", r"\bcaso di studio\b", r"\bcasus(?:opdracht)?\b",
    r"\btests? (?:en ligne|de (?:logique|personnalité|raisonnement|compétences|aptitudes?))\b",
    r"\bpruebas? (?:técnicas?|online|prácticas?|teórico-prácticas?|teóricas?|de conocimiento)\b",
    r"\b(?:tests?|testes) de (?:conocimientos|conhecimentos|aptitud|habilidades|competencias|"
    r"competências)\b", r"\bevaluaci(?:ón|ones)\b",
    r"\bcuestionario\b", r"\b(?:online|values|skills?|pre-employment|screening|short) quiz\b",
    r"\bcoding[- ]aufgabe\b",
    r"\bprogrammieraufgabe\b",
    r"\b(?:\w+[- ])?(?:test|case)[- ]?aufgabe\b",
    r"\bcode challenge\b",
    r"\bcoding assignment\b",
    r"\b(?:færdighedstest|ferdighetstest|soveltuvuus(?:testi|arvio)\w*|ennakkotehtävä\w*)\b",
    r"\b(?:arbetsprov|färdighetstest|personlighetstest|logiktest|personlighedstest|personlighe"
    r"tstest|kodtest|case-?opgave|caseoppgave|caseuppgift)\b",
    r"\b(?:test (?:techniczny|kompetencji|online|wiedzy)|zadani\w+ (?:rekrutacyjn|techniczn|do"
    r"mow)\w*)\b",
    r"\btest\w* (?:techniczn|online|kompetencj|wiedzy)\w*",
    r"\bteste (?:online|técnico|tecnico|de lógica|de raciocínio|prático)\b",
    r"\bavaliaç(?:ão|ões) (?:online|técnica|técnicas)\b",
    r"\bprova (?:online|tecnica|técnica|pratica|prática)\b",
    r"\btest (?:tecnico|attitudinale|di valutazione)\b",
    r"\b(?:case-?opdracht|thuisopdracht|praktijkopdracht)\b",
    r"\b(?:épreuves? écrites?|prova scritta|prove scritte|prueba escrita|ejercicio escrito|exa"
    r"men escrito|schriftliche (?:prüfung|arbeitsprobe|aufgabe)|schriftelijke (?:toets|test))"
    r"\b",
    r"\btestes (?:online|técnicos?|de lógica|de raciocínio|práticos?)\b",
    # "los test psicotécnicos", "pruebas psicométricas", "psychometric tests"
    r"\b(?:tests?|pruebas?|evaluaciones|testes?|tests? psycho\w*)\s(?:psicot[ée]cnic\w*|psicom[ée]"
    r"tric\w*|de personalidad|de aptitud\w*|de inteligencia)\b",
    r"\b(?:computer-based|multiple-choice|reasoning|numerical|verbal|situational judgement) "
    r"(?:\w+ )?tests?\b",
    r"\b(?:psychometric|psychotechnical|aptitude|personality|cognitive ability) (?:tests?|"
    r"assessments?|questionnaires?)\b", r"\btests? (?:psychotechniques?|psychométriques?)\b",
    r"\bpsychometrische[nr]? (?:tests?|verfahren)\b",
    # a public body's exam: "l'examen de qualification", "a written exam"
    r"\bexamens? (?:de (?:qualification|connaissances|sélection|aptitudes?|compétences)|écrits?"
    r"|en ligne)\b", r"\b(?:written|online|qualifying|qualification|aptitude) exam(?:ination)?s?"
    r"\b", r"\bépreuves? (?:informatisées?|en ligne|de sélection)\b",
    r"\bex[áa]men(?:es)? (?:en línea|online|de conocimientos|psicom[ée]tricos?|t[ée]cnicos?)\b",
    r"\b(?:aplicación|presentación) de (?:los |las )?(?:exámenes|examenes|pruebas)\b",
    r"\bprueba (?:de )?(?:programación|código|conocimientos|nivel)\b",
    r"\b(?:primer|segundo|tercer) ejercicio\b", r"\bejercicio tipo test\b",
    r"\bprova (?:pràctica|escrita|teòrica)\b",
    r"\b(?:recorded|one-way|one way|asynchronous|async|on-demand|pre-recorded) (?:video )?(?:i"
    r"nterview|questions)\b",
    r"\b(?:led|run|conducted) by an? (?:ai|a\.i\.|artificial intelligence|virtual) (?:intervie"
    r"wer|assistant|recruiter)\b",
    r"\bai[- ](?:led|powered|run) interview\b",
    r"\b(?:voice-based|automated|chatbot)(?: ai)? interview\b",
    r"\b(?:spille inn|spela in|optage|indspille|opnemen)\b.{0,30}\bvideo\w*",
    r"\bvideopr(?:esentasjon|æsentation|esentation|esentatie)\b",
    # a trade's test: "a practical welding test", "trade test", "skills test", "test day"
    r"\b(?:practical|trade|skills?|welding|driving|forklift|typing|hands-on|bench|physical|"
    r"agility|fitness) (?:\w+ )?(?:te"
    r"sts?|assessments?|trials?)\b", r"\btest day\b", r"\bwritten (?:exercise|test|assignment)s?\b",
    # "zum schriftlichen Auswahlverfahren", a public employer's written test
    r"\bschriftliche[nms]? (?:auswahlverfahren|auswahlprüfung|eignungsprüfung|test)\b",
    r"\b\w*(?:persönlichkeits|eignungs|auswahl|wissens|leistungs|logik|kompetenz|fähigkeits)-?te"
    r"sts?\b", r"\btest starten\b",
)
# A video interview answered alone, recorded: an assessment, not a meeting.
ONE_WAY = any_of(
    # "complete a voice-based AI interview", "start your interview here"
    r"\b(?:voice-based|voice|automated|chatbot|ai)\b(?:[- ]\w+)?[- ]interview\b",
    *_RECORDED_ALONE,
    r"\b(?:complete|start) (?:the|your|this) interview (?:by|before|within|here|now)\b",
    r"\b(?:recorded|one-way|one way|asynchronous|async|on-demand|pre-recorded|self-recorded) "
    r"(?:video )?(?:interview|questions|assessment)\b", r"\brecord (?:your|the) (?:answers|res"
    r"ponses|video)\b",
    # "spille inn en 3-minutters video", "spela in en videopresentation"
    r"\b(?:spille inn|spela in|optage|indspille|opnemen)\b.{0,30}\bvideo\w*",
    r"\bvideopr(?:esentasjon|æsentation|esentation|esentatie)\b",
    r"\b(?:responde|responda|responder|grava|grave|gravar|graba|grabe|grabar)\b.{0,20}\b(?:por"
    r"|em|en) vídeo\b", r"\bao seu ritmo\b", r"\ba tu ritmo\b",
    r"\b(?:led|run|conducted) by an? (?:ai|a\.i\.|artificial intelligence|virtual) "
    r"(?:interviewer|assistant|recruiter)\b", r"\bai[- ](?:led|powered|run) interview\b")
# A questionnaire counts as an assessment only from an assessment platform (from anyone else it
# may be a survey about the process).
QUESTIONNAIRE = any_of(r"\bquestionnaires?\b", r"\bfragebögen\b", r"\bfragebogen\b",
                       r"\bcuestionarios?\b", r"\bquestionari[o]?\b", r"\bvragenlijst\w*\b",
                       r"\bquestionários?\b")
# A test already taken: "thanks for completing the assessment", "we have received your
# completed assessment", "the team has reviewed your take-home"
DONE = any_of(
    r"\bthank(?:s| you) (?:\w+ )?for (?:completing|submitting|taking|doing|finishing|sending)\b",
    r"\b(?:received|reviewed|reviewing|assessed|evaluated|marked|graded) (?:your|the) (?:completed "
    r"|"
    r"submitted |finished )?(?:[\w-]+ )?(?:assessment|test|take-home|exercise|task|challenge|case)",
    r"\byou(?:'ve| have) (?:completed|submitted|finished|passed)\b", r"\byour completed\b")
ASSESSMENT_ASK = any_of(
    r"\b(?:invit\w*|complete|take(?! place)|start|begin|finish|attempt|sit)\b", r"\bplease\b",
    r"\blink\b", r"\bbearbeiten\b", r"\babsolvieren\b", r"\bdurchführen\b", r"\beinladung\b",
    r"\bcompléter\b", r"\bréaliser\b", r"\bpasser\b", r"\bcompletar\b", r"\brealizar\b",
    r"\bresponder\b", r"\bsend you\b", r"\bschicken\b", r"\bsenden (?:wir|ihnen)\b",
    r"\bvous envoy\w*\b", r"\b(?:te|le) enviar\w*\b", r"\bnext step\b",
    r"\bnächste[nr]? schritt\b", r"\bprochaine étape\b", r"\bsiguiente paso\b", r"\bcomplet\w*"
    r"\b", r"\brealic\w*\b", r"\babsolvier\w*\b",
    r"\bbearbeit\w*\b", r"\breminder\b", r"\brappel\b", r"\berinnerung\b", r"\brecordatorio\b",
    r"\b(?:is|are) (?:ready|waiting|available)\b", r"\bclick\b",
    r"\bdeadline\b", r"\bexpires?\b", r"\bdue\b",
    r"\b(?:genomför\w*|gennemfør\w*|gjennomfør\w*|wykona\w*|rozwiąza\w*|wypełni\w*)\b",
    r"\b(?:nästa steg|næste skridt|neste steg|następn\w+ etap\w*|kolejn\w+ etap\w*)\b",
    r"\b(?:länk\w*|link\w*)\b",
    r"\b(?:acessar|acesse|concluíd\w*|conclua|fazer o teste|svolgere|accedere|completare|rozpo"
    r"cznij|uitvoeren|maken)\b",
    r"\b(?:convoc\w*|convoqu\w*|ammess\w*|téléchargeable|zugelassen)\b",
    r"\b(?:próxima etapa|prossima fase|prossimo passo|volgende stap|próximo paso|próximo passo)\b",
    r"\b(?:responda|realize|faça|pedimos que|solicitamos que|(?:te|le|lhe) pedimos)\b",
    r"\b(?:pasos a seguir|concluir|ingrese|ingresa|ingresar|tiene hasta|tienes hasta)\b",
    r"\b(?:admitted|call letter|hall ticket|admit card)\b", r"\b(?:te ha invitado|te invita)\b",
    r"\b(?:se convoca|convoquem|us convoquem|le convocamos|te convocamos)\b",
    r"\blade\w* (?:wir |ich )?(?:sie|dich)\b", r"\blädt (?:sie|dich|euch)\b",
    r"\bnodigen\b.{0,20}\buit\b", r"\buitnodig\w*\b",
    r"\b(?:pendiente|pendente|pending|ausstehend|en attente)\b",
    r"\b(?:nous vous demandons|merci de nous (?:renvoyer|retourner)|vous demandons de)\b",
    # "Esta etapa é composta por testes online", "this stage consists of two tests"
    r"\b(?:esta|nesta|this|en esta|in dieser|cette) (?:etapa|fase|stage|step|phase|stufe|étape)\b",
    # a test booked: "your written exercise appointment ... is now confirmed"
    r"\b(?:scheduled|confirmed|booked|gepland|bevestigd|confirmée?|bestätigt|programad[oa])\b",
    r"\b(?:ask|asks|invite|need) (?:you|every candidate|all candidates|each candidate|candidates)"
    r" to (?:do|sit|take|complete)\b",
)
