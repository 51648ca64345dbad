"""The words of an acknowledgement: an application received, registered, passed on to the
employer, in the reader's languages ("thank you for applying", "wir haben Ihre Bewerbung
erhalten", "recebemos a sua candidatura", "Registramos tu postulación")."""

from __future__ import annotations

from analysis.mail.phrases import any_of

ACKNOWLEDGEMENT = any_of(
    r"\b(?:cv|sollicitatie|motivatie(?:brief)?)\b.{0,40}\b(?:goed|in goede orde|correct) ontvan"
    r"gen\b",
    r"\bthank(?:s| you) (?:so much |very much )?for (?:your |the )?(?:applying|application|"
    r"interest|submitting|taking the time to apply)", r"\bthanks? for applying\b",
    r"\b(?:we(?:'ve| have)?|has been|have been|was) (?:successfully )?received\b.{0,30}\b"
    r"(?:your|the) (?:application|cv|resume|submission)", r"\breceived your application\b",
    r"\byour application (?:has been|was|is) (?:successfully )?(?:received|submitted|sent|complete|"
    r"validated|registered)",
    r"\b(?:confirm|acknowledge) (?:the )?receipt of your (?:application|cv|resume|submission)\b",
    r"\bapplication (?:received|confirmation|submitted|sent)\b", r"\bwe got (?:it|your)\b",
    r"\b(?:we will|we'll|will) (?:now )?(?:review|be reviewing|carefully review|assess)\b",
    r"\b(?:are|is) (?:now |currently )?(?:reviewing|under review)\b",
    r"\bvastaanott\w* (?:\w+ ){0,3}hakemuksesi\b", r"\bhakemuksesi on (?:vastaanotettu|saapun"
    r"ut|tallennettu)\b",
    r"\bvielen dank für (?:ihre|deine) bewerbung\b", r"\bdanke für (?:ihre|deine) bewerbung\b",
    r"\b(?:wir haben|ist|sind)\b.{0,30}\b(?:bewerbung|unterlagen)\b.{0,20}\b(?:erhalten|"
    r"eingegangen)", r"\bbewerbung\b.{0,30}\beingegangen\b",
    r"\beingangsbestätigung\b(?!.{0,20}\b(?:anmeldung|bestellung|zahlung|anfrage|auftrag))",
    # "bestätigen wir den Eingang Ihrer Bewerbung", Austrian "ist bei uns eingelangt"
    r"\b(?:bestätigen|bestätige)\b.{0,30}\beingang\b", r"\bbewerbung\b.{0,30}\beingelangt\b",
    r"\b(?:confermiamo|confermo) (?:la )?ricezione\b", r"\bconfirmamos a rece(?:ç|pç)ão\b",
    r"\b(?:bewerbung|unterlagen) (?:ist |sind )?(?:gut |erfolgreich )?(?:bei uns )?"
    r"(?:angekommen|eingegangen)", r"\bwir (?:werden|prüfen)\b.{0,40}\b(?:prüfen|sichten|"
    r"unterlagen|bewerbung)\b",
    r"\bnous avons bien reçu\b", r"\bmerci (?:pour|de) votre (?:candidature|intérêt)\b",
    r"\baccus\w+ (?:de |bonne )?réception\b", r"\bcandidature a (?:bien )?été (?:reçue|envoyée|"
    r"transmise|enregistrée)", r"\bnous (?:allons|étudierons|examinerons)\b.{0,40}\b(?:étudier|"
    r"examiner|candidature|dossier)\b",
    r"\bhemos recibido (?:correctamente )?(?:tu|su) (?:candidatura|solicitud|cv|currículum|"
    r"postulación|inscripción)\b", r"\bgracias por (?:tu|su) (?:candidatura|solicitud|postulación|"
    r"interés)", r"\b(?:candidatura|solicitud) (?:ha sido|fue|se ha) (?:recibida|enviada|"
    r"registrada)", r"\b(?:revisaremos|estudiaremos|valoraremos|evaluaremos)\b",
    r"\bgracias por (?:postular(?:te|se)?|aplicar|tu aplicación|su aplicación)\b",
    r"\b(?:ya )?recibimos (?:tu|su) (?:perfil|postulación|candidatura|solicitud|cv|hoja de vida)"
    r"\b", r"\b(?:postulación|candidatura|solicitud) (?:\S+ ){0,8}(?:ha quedado|quedó) "
    r"registrada\b", r"\bpostulación (?:enviada|recibida|registrada)\b",
    # "Registramos tu postulación", "su registro en la Convocatoria 2026-041 fue recibido"
    r"\bregistramos (?:tu|su) (?:postulación|candidatura|solicitud|hoja de vida)\b",
    # Czech: "děkujeme za Váš zájem o pozici", "obdrželi jsme Vaši přihlášku"
    r"\bobdrželi jsme (?:vaši|váš|tvou|tvůj) (?:přihlášku|odpověď|reakci|životopis|cv)\b",
    r"\bděkujeme za (?:váš |vaši |zaslaný |zaslanou )?(?:zájem o (?:pozici|místo)|přihlášku|reak"
    r"ci|životopis)\b",
    r"\b(?:su|tu) (?:registro|inscripción) (?:\S+ ){0,8}(?:fue|ha sido) (?:recibid[oa]|"
    r"registrad[oa])\b",
    r"\bgrazie per la (?:tua|sua) candidatura\b", r"\bbedankt voor je sollicitatie\b",
    r"\babbiamo ricevuto (?:la tua|la sua)\b",
    r"\bgrazie per (?:la tua|la sua|il tuo|il suo|l'interesse|aver inviato)\b",
    r"\b(?:we|wij) hebben (?:je|jouw|uw) sollicitatie\b.{0,30}\bontvangen\b",
    r"\bbedankt voor (?:je|jouw|uw) (?:sollicitatie|interesse)\b",
    r"\bdank (?:je|u) (?:wel )?voor (?:je|jouw|uw) (?:sollicitatie|interesse)\b",
    r"\brecebemos (?:a sua|sua|a tua|o seu|seu)\b",
    r"\b(?:sua|a sua|tua|a tua) candidatura (?:foi )?(?:enviada|recebida|registada|registrada|"
    r"concluída|submetida)\b", r"\bcandidatura (?:enviada|recebida|concluída)\b",
    r"\bagradecemos (?:muito )?(?:a )?(?:sua|tua) (?:candidatura|inscrição)\b",
    r"\bconfirmamos o recebimento\b",
    r"\b(?:obrigad[oa]|agradecemos)\b.{0,20}\b(?:pela|por) (?:a )?(?:sua |tua )?(?:candidatura"
    r"|inscrição|interesse)\b",
    r"\bcandidatura (?:foi )?(?:recebida|registada|registrada)\b",
    # "Sua inscrição no processo seletivo ... foi registrada em 03/11/2026"
    r"\binscrição (?:\S+ ){0,12}(?:foi )?(?:recebida|registada|registrada|confirmada)\b",
    r"\bbewerbung\b.{0,80}\b(?:weitergeleitet|übermittelt|eingereicht|abgesendet|versendet)\b",
    r"\byour application (?:has been|was) (?:forwarded|passed on|sent) to\b",
    r"\bcandidature (?:a été )?(?:transmise|envoyée) (?:à|au)\b",
    r"\bcandidatura (?:ha sido|fue) (?:enviada|remitida|trasladada)\b",
    r"\backnowledge (?:the )?receipt of\b",
    r"\btack för (?:din|att du) (?:ansökan|ansökt|sökt|intresse)\b",
    r"\btak for (?:din ansøgning|at du (?:har )?søgt|din interesse)\b",
    r"\btakk for (?:din søknad|søknaden|at du (?:har )?søkt|din interesse)\b",
    r"\b(?:vi har|har vi) (?:nu )?(?:tagit emot|mottagit|modtaget|mottatt)\b.{0,30}\b(?:ansöka"
    r"n|ansøgning|søknad)\b",
    r"\b(?:ansökan|ansøgning|søknad)\w* (?:er|är|har) (?:nu )?(?:blevet |blitt |blivit )?(?:mo"
    r"dtaget|mottatt|mottagen|registrert|registreret|registrerad|skickad|sendt|kommit in)\b",
    r"\bdziękujemy za (?:\w+ ){0,2}(?:aplikacj|zgłoszeni|cv|zainteresowani|przesłani)\w*",
    r"\botrzymaliśmy (?:\w+ ){0,2}(?:aplikacj|zgłoszeni|cv|dokument)\w*",
    r"\b(?:aplikacja|zgłoszenie|kandydatura)\b.{0,30}\b(?:została|zostało) (?:\w+ )?(?:wysłan|"
    r"przesłan|złożon|przyjęt|zarejestrowan)\w*",
)

# an application begun and not sent: a job site's reminder ("You didn't finish your
# application", "Sie haben Ihre Bewerbung noch nicht abgeschlossen") acknowledges nothing
UNFINISHED = any_of(
    r"\b(?:didn't|did not|haven't|have not|never) (?:yet )?(?:finish|complete|submit|send)\w* ("
    r"?:your|the|this) application\b",
    r"\bstarted an application\b.{0,40}\b(?:not|n't) (?:yet )?(?:submitted|finished|sent)\b",
    r"\b(?:unfinished|incomplete) application\b", r"\bfinish (?:your|the) application\b",
    r"\bbewerbung\b.{0,30}\bnoch nicht (?:abgeschlossen|abgeschickt|gesendet|vollständig)\b",
    r"\bcandidature\b.{0,30}\b(?:n'est pas|pas encore) (?:terminée|finalisée|envoyée)\b",
    r"\b(?:solicitud|candidatura)\b.{0,30}\b(?:sin terminar|incompleta|no (?:has|ha) terminado)\b",
)
