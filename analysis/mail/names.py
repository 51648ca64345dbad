"""How a company's name is written where a message can show it: the words it shares with
other names, the words linking a body to its name, its initials, and a domain's spelling of
it ("transmed-logistica" for Transportes Mediterráneos Logística, "hollerbach-buch" for
Buchhandlung Hollerbach), and the other names a tracker's entry holds ("Ministry for
Harbours" in "Te Manatū Ara Moana – Ministry for Harbours")."""

from __future__ import annotations

import re

from analysis.model.keys import LEGAL_SUFFIXES, TRANSLITERATION, company_key, fold

COMMON_WORDS = frozenset({
    "global", "digital", "group", "first", "united", "general", "national", "international",
    "city", "stadt", "ville", "grupo", "groupe", "fundacion", "fondation", "stiftung",
    "agence", "agency", "health", "media", "energy", "solutions", "systems", "software",
    "analytics", "consulting", "partners", "services", "studio", "capital", "north", "south",
    "smart", "green", "blue", "data", "tech", "bank", "royal", "central", "universal", "urban",
    "social", "public", "mobile", "cloud", "future", "world", "great", "british", "american",
    "european", "deutsche", "banco", "hotel", "instituto", "institut", "institute",
    "university", "universite", "universidad", "hospital", "clinica", "klinik", "ecole",
    "escuela", "editions", "editorial", "ayuntamiento", "grand", "grande", "gruppo", "office",
    # the kinds of public and private bodies ("Bureau canadien de ...", "Department for ...")
    "bureau", "department", "departement", "ministry", "ministere", "ministerio",
    "ministerium", "council", "conseil", "service", "servicio", "agencia", "agenzia",
    "commune", "comune", "gemeinde", "county", "federal", "regional", "municipal",
    "provincial", "canadian", "canadien", "centre", "center", "centro", "zentrum", "college",
    "school", "trust", "association", "society", "foundation", "company", "compagnie",
    "banque", "caisse", "mutual", "insurance", "assurances", "network", "industries",
    "holding", "holdings", "consultants", "consultores", "cooperativa", "cooperative",
    "inmobiliaria", "transportes", "almacenes", "laboratoires", "laboratorios", "atelier",
    "workshop", "maison", "cabinet", "ajuntament", "consorci", "consorcio", "diputacio",
    "diputacion", "comunidad", "landkreis", "kreis", "gemeente", "provincie", "kommune"})


# Words that link a kind of body to its name: a name never starts with one.
LINKING_WORDS = frozenset({"de", "du", "des", "d", "of", "for", "fur", "di", "del", "della",
                            "van", "voor", "der", "den", "dos", "da", "do"})
# The kinds of public body whose initials may leave out where they are.
BODIES = frozenset({"department", "ministry", "agency", "office", "bureau", "authority",
                     "commission", "directorate"})
# Words an organisation's initials leave out.
UNCOUNTED = LINKING_WORDS | {"and", "et", "und", "y", "e", "en", "the", "la", "le", "les",
                               "el", "los", "las", "l",
                               # Italian, Dutch, German, Nordic, Slavic, Romanian, Hungarian
                               "per", "dei", "degli", "delle", "het", "zur", "zum", "og",
                               "och", "i", "za", "na", "pro", "pod", "w", "z", "a", "v", "ve",
                               "pentru", "si", "din", "al", "es", "az", "и", "за", "на", "по"}


def written(name: object) -> str:
    """A company's name as a message may write it: folded, its legal form left out.

    >>> written("Müller & Söhne GmbH")
    'muller sohne'
    """
    return " ".join(w for w in fold(name).split() if w not in LEGAL_SUFFIXES)


def may_name(label: str, company: str, keys: list[str]) -> bool:
    """Whether a domain label may be the company's own: a key within it or it within a key,
    a word of the name within it ("alderandpine" for Alder & Pine), or the name's initials."""
    words = written(str(company).translate(TRANSLITERATION)).split()
    return any(label in k or k in label for k in keys) or any(
        len(w) >= 3 and w in label for w in words) or label == "".join(w[0] for w in words)


def name_words(company: object) -> set[str]:
    """The words of a company's name, spelled as written and as a domain spells them."""
    return set(fold(company).split()) | set(fold(str(company).translate(TRANSLITERATION)).split())


# Words a domain shortens to their initial ("uoostmaas.nl" for Universiteit van Oostmaas)
_INSTITUTIONS = frozenset({"universiteit", "university", "universidad", "universite",
                           "universitat", "universita", "universidade", "uniwersytet",
                           "univerzita", "universitet"})


def pieces_fit(pieces: set[str], words: set[str]) -> bool:
    """Whether a hyphenated domain's parts are a name's words, one of them perhaps cut short
    ("hollerbach-buch.de" for Buchhandlung Hollerbach: "buch" opens "buchhandlung")."""
    if pieces <= words:
        return True
    return any(p in words and len(p) >= 5 for p in pieces) and all(
        p in words or any(w.startswith(p) for w in words) for p in pieces)


def abbreviates(label: str, name: str) -> bool:
    """Whether a domain label is a name cut short: the starts of some of its words, in
    order, the first word's among them (three letters at least), two words at least.

    >>> abbreviates("transmedlogistica", "transportes mediterraneos logistica")
    True
    >>> abbreviates("lumiereco", "lumiere et compagnie")
    True
    >>> abbreviates("lumiere", "lumiere et compagnie")
    False
    >>> abbreviates("uoostmaas", "universiteit van oostmaas")  # a university by its initial
    True
    """
    words = [w for w in name.split() if w.isalnum()]

    def fits(rest: str, i: int, used: int) -> bool:
        if not rest:
            return used >= 2
        for j in range(i, len(words)):
            word = words[j]
            least = (1 if word in _INSTITUTIONS else 3) if used == 0 else 2
            for size in range(min(len(word), len(rest)), least - 1, -1):
                if rest[:size] == word[:size] and fits(rest[size:], j + 1, used + 1):
                    return True
            if used == 0:
                return False  # the first word's start opens the label
        return False

    return len(words) >= 2 and fits(label, 0, 0)


_DASH = re.compile(r"\s+[-–—]\s+")
_BRACKETED = re.compile(r"\(([^()]*)\)")


def other_names(company: object) -> list[str]:
    """The names a tracker's company holds besides its whole one: each side of a dash, the
    name without what its brackets hold, and what they hold when it is a name of its own
    (initials, or three words and more), never a place or a legal form.

    >>> other_names("Te Manatū Ara Moana – Ministry for Harbours")
    ['Te Manatū Ara Moana', 'Ministry for Harbours']
    >>> other_names("European Network Resilience Agency (ENRA)")
    ['European Network Resilience Agency', 'ENRA']
    >>> other_names("Department of Transport Planning (Victoria)"), other_names("Acme GmbH")
    (['Department of Transport Planning'], [])
    """
    text = str(company)
    inside = [part.strip() for part in _BRACKETED.findall(text)]
    outside = " ".join(_BRACKETED.sub(" ", text).split())
    found = [outside] if inside else []
    found += [part for part in inside
              if re.fullmatch(r"[A-Z]{2,}(?:\s+\w+)?", part) or len(part.split()) >= 3]
    sides = _DASH.split(outside)
    if len(sides) > 1:
        found += sides
    return [name for name in dict.fromkeys(found) if len(name) >= 4
            and fold(name) not in COMMON_WORDS and company_key(name) not in LEGAL_SUFFIXES]
