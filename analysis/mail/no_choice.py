"""A no told as what happened instead: someone else chosen ("we've offered the Resident Care
Aide position to a candidate who...", "has assigned the job to another candidate", "zugunsten
einer Mitbewerberin"), the post gone ("the recruitment has been cancelled", "we've filled the
shifts internally", "la mission est donc pourvue"), the person left out ("you're not on it",
"won't need you to come back in"). Built from parts, a choice and the other person, so that
any word order of the same two parts is read; no_words.py joins these into REJECTION."""

from __future__ import annotations

# the other person: "another candidate", "an alternative candidate", "the other finalist",
# "a candidate who/whose/with", "an internal applicant", "someone with more experience"
_OTHER = (r"(?:(?:another|other|a different|an alternative|alternative|the other|one other|an "
          r"internal|an external|the successful)\s(?:[\w-]+\s){0,2}?(?:candidate|applicant|"
          r"finalist|person|individual|profile)s?|an?\s(?:[\w-]+\s){0,2}?(?:candidate|applicant|"
          r"person|finalist)\s(?:who|whose|with|that|from)|someone\s(?:who|whose|with|else|more|"
          r"already))\b")
# a post named any way: "the post", "the Resident Care Aide position", "it"
_POST = (r"(?:it|(?:the|this|that|our)\s(?:[\w&'-]+\s){0,5}?(?:post|position|role|job|vacancy|"
         r"opening|mission|shifts?|contract))")
_EN = (
    # the choice made for the other person
    r"\b(?:offer(?:ed|ing)?|assign(?:ed|ing)?|giv(?:en|ing|e)|gave|award(?:ed|ing)?)\s" + _POST
    + r"\sto\s" + _OTHER,
    r"\b(?:extend(?:ed|ing)?|make|made|mak(?:ing))\s(?:an|the|our)\s(?:\w+\s)?offer\sto\s"
    + _OTHER,
    r"\b(?:mov(?:e|ed|ing)|go(?:ne|ing)?|went|proceed(?:ed|ing)?|continu(?:e|ed|ing)|"
    r"progress(?:ed|ing)?)(?:\s(?:forward|ahead|on))?\swith\s" + _OTHER,
    r"\b(?:an?|the|one)\s(?:[\w-]+\s)?(?:candidate|applicant|finalist)\s(?:has|had|was)\s(?:now"
    r"\s|already\s)?been\s(?:chosen|selected|appointed|hired|offered)\b",
    # the post gone: filled inside, cancelled, not to be filled
    r"\bfill(?:ed|ing)?\s(?:(?:the|this|that|these|those|our|all|both)\s)?(?:[\w-]+\s){0,4}?"
    r"(?:positions?|roles?|vacanc(?:y|ies)|shifts?|posts?|openings?|jobs?)\sinternally\b",
    r"\b(?:position|role|vacancy|post|job|recruitment|requisition|competition|search|posting)\s"
    r"(?:has|have|had)\s(?:now\s|since\s|just\s)?been\s(?:cancell?ed|withdrawn|pulled)\b",
    r"\bcancell?ed\s(?:the|this)\s(?:[\w-]+\s){0,3}?(?:position|role|vacancy|post|job|"
    r"requisition|recruitment|search)\b",
    r"\b(?:position|role|vacancy|post|job)\s(?:will|would)\snot\sbe\sfilled\b",
    r"\b(?:won't|will\snot)\sbe\sfilling\s(?:the|this|that)\b",
    r"\bno\slonger\s(?:be\s)?(?:seeking|looking\sfor|interviewing)\s(?:candidates|applicants|"
    r"for)\b",
    r"\bnot\s(?:interviewing|recruiting|hiring)\sfor\s(?:it|them|this|that|the\s\w+)(?:\s\w+)?"
    r"\sany\s?more\b",
    r"\b(?:won't|will\snot)\sbe\staking\s(?:any\s)?(?:external\s)?(?:candidates|applicants)\s"
    r"forward\b",
    # the person left out
    r"\b(?:you're|you\sare|your\sname\sis)\snot\son\s(?:it|the\s(?:final\s)?short\s?list)\b",
    r"\b(?:won't|will\snot|don't|do\snot)\sneed\syou\sto\s(?:come\s(?:back|in)|attend|interview)",
    r"\b(?:can't|cannot|can\snot|won't\sbe\sable\sto)\soffer\syou\s(?:the|this|a)\s"
    r"(?:[\w-]+\s){0,5}?(?:role|position|post|job)\b",
    r"\bnot\sbeen\soffered\s(?:the|this)\s(?:[\w-]+\s){0,3}?(?:post|position|role|job)\b",
    r"\bclos(?:e|ed|ing)\syour\sfile\b",
    r"\bare\snot\smoving\s(?:it|you|this)\sforward\b",
    r"\b(?:decision|choice)\sof\smoving\sforward\swith\s" + _OTHER,
)
_DE = (
    # "uns am Ende aber für eine Kandidatin mit längerer Erfahrung entschieden", "für Personen
    # entschieden, die ...", "zugunsten einer Mitbewerberin"
    r"\bfür\s(?:(?:eine[nr]?|die|den|andere[nr]?)\s)*(?:[\w-]+\s){0,2}?(?:kandidat|bewerber|"
    r"mitbewerber|personen)\w*\b.{0,80}\bentschieden\b",
    r"\bzugunsten\s(?:einer|eines|anderer|der|des)\s(?:anderen\s)?(?:\w+\s)?(?:mitbewerber|"
    r"bewerber|kandidat|person)\w*",
    r"\b(?:sie|dich)\snicht\s(?:\w+\s){0,4}(?:einzuladen|einladen\skönnen)\b",
    r"\bmit\s(?:anderen\s|weiteren\s)?(?:bewerber|kandidat)\w*(?:\sund\s\w+)?\b.{0,20}\b"
    r"fortzusetzen\b",
)
_OTHER_LANGUAGES = (
    r"\bne\s(?:vous|te)\s(?:retiendrons|retenons|retiendra|retient)\spas\b",
    r"\b(?:a|ont|avons|avez)\s(?:finalement\s|donc\s|toutefois\s)*(?:retenu|choisi|sélectionné|"
    r"privilégié)\s(?:un|une|des|d'autres|l'autre)\s(?:autres?\s)?(?:\w+\s)?(?:candidat|"
    r"candidature|profil|personne|intérimaire)",
    r"\b(?:poste|mission|offre)\s(?:est|a\sété)\s(?:donc\s|désormais\s|déjà\s)*pourvue?\b",
    r"\b(?:solicitud|candidatura|postulación)\b.{0,80}\bha\ssido\s(?:desestimada|rechazada|"
    r"descartada|excluida)",
    r"\bno\scontinuaremos\scon\sninguno\b", r"\bcongelar\s(?:la|el)\s(?:posición|vacante|"
    r"puesto|proceso)\b",
    r"\b(?:andere|een\sandere)\s(?:kandida\w+|sollicitant\w*)\b.{0,20}\b(?:uit\ste\snodigen|aan"
    r"\ste\snemen|gekozen)\b",
    r"\b(?:hanno|ha|abbiamo)\s(?:\w+\s)?(?:scelto|selezionato|individuato|preferito)\s(?:un|una|"
    r"un'altra|un\saltro|altri|altre)\s(?:\w+\s)?(?:candidat|profil|person)\w*",
    # Swedish, Danish, Norwegian and Finnish: the post filled, someone else hired
    r"\b(?:vi\shar|har\svi)\s(?:nu\s)?tillsatt\s(?:tjänsten|befattningen)\b",
    r"\b(?:ansat|ansatt|anställt|anställde|ansatte)\s(?:en|ei|et)\s(?:anden|annen|annan|anna"
    r"n)\b",
    r"\b(?:tehtävään|paikkaan|virkaan)\s(?:on\s)?valittu\s(?:toinen|muu)\b",
    r"\bjiní\suchazeči\b", r"\bobsazen[oa]\s(?:interním|jiným)\s(?:uchazečem|kandidátem)\b",
    # Polish: the post filled inside, another hired; Czech and Slovak: "ste neboli úspešná",
    # "úspešným uchádzačom sa stal"; Hungarian: "nem tudunk Önnek ajánlatot tenni"
    r"\bobsadzi\w*\s(?:to\s|tę\s)?(?:stanowisko|wakat|rolę)\b.{0,20}\bwewnętrzn",
    r"\b(?:zamknął|zamknęła|zamknęli|zamknęliśmy)\s(?:\w+\s)?rekrutacj",
    r"\bzdecydował\w*\ssię\s(?:\w+\s){0,2}?(?:zatrudnić|na|wybrać)\s(?:\w+\s){0,2}?(?:kandyda"
    r"t|kandydatk|osob)\w*,?\s(?:któr\w+|z|ze)\b",
    r"\b(?:neboli|nebol[ai]?|nebyl[ai]?|nebyli)\s(?:ste\s|jste\s)?(?:úspešn|úspěšn)\w*",
    r"\búspešn\w*\suchádzač\w*\ssa\sstal", r"\búspěšn\w*\suchazeč\w*\sse\sstal",
    r"\bsajnálattal\b.{0,160}\bnem\b", r"\bnem\studunk\s(?:\w+\s){0,2}ajánlatot\stenni\b",
    r"\b(?:olyan|más|másik)\s(?:\w+\s){0,2}?(?:kollégá|jelölte|pályázó)\w*\s(?:választottunk|me"
    r"llett\sdöntöttünk)\b",
)
CHOSEN_INSTEAD = (*_EN, *_DE, *_OTHER_LANGUAGES)
