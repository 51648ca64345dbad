"""Keys that recognise the same thing written differently: company and role names, job
links, names folded to plain letters. One normaliser per kind of value."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from analysis.model.cells import per_distinct


def url_key(values: pd.Series) -> pd.Series:
    """Job links as a key that two spellings of one posting share: no scheme, "www.", query,
    fragment or trailing slash, lower case ("" for a blank).

    >>> url_key(pd.Series(["https://www.LinkedIn.com/jobs/view/1/?ref=x", "a.example/2#top",
    ...                    None])).tolist()
    ['linkedin.com/jobs/view/1', 'a.example/2', '']
    """
    url = values.fillna("").astype("str").str.strip().str.lower()
    # Three vectorised replacements (pyarrow's regex engine); no per-row Python.
    url = url.str.replace(r"^https?://(?:www\.)?", "", regex=True)
    url = url.str.replace(r"[?#].*$", "", regex=True)
    return url.str.replace(r"/+$", "", regex=True)


def name_key(values: pd.Series) -> pd.Series:
    """Company or role names as a key: lower case, letters and digits only ("" for a blank).
    Worked out once per distinct name."""
    return per_distinct(values, name_keys)


def name_keys(values: pd.Series) -> pd.Series:
    return values.str.lower().str.replace(r"[^0-9a-z]+", "", regex=True)


LEGAL_SUFFIXES = frozenset({
    "gmbh", "ag", "ltd", "limited", "inc", "incorporated", "llc", "llp", "plc", "sa", "sas",
    "sarl", "srl", "spa", "bv", "nv", "se", "co", "corp", "corporation", "company", "kg",
    "ohg", "ug", "oy", "ab", "as", "aps", "pty", "pvt", "kgaa", "mbh", "cie", "sl", "slu",
})


def fold(text: object) -> str:
    """Lower case, diacritics folded, punctuation as spaces.

    >>> fold("Müller & Söhne GmbH")
    'muller sohne gmbh'
    """
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                  "Ü": "Ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"})


def company_keys(name: object) -> list[str]:
    """The keys a company may be written under: diacritics folded ("Müller" as "muller") and
    spelled out ("mueller"), as domains spell them.

    >>> company_keys("Müller Logistik GmbH")
    ['mullerlogistik', 'muellerlogistik']
    """
    keys = [company_key(name), company_key(str(name).translate(TRANSLITERATION))]
    return list(dict.fromkeys(k for k in keys if k))


def company_key(name: object) -> str:
    """A company's name as a key: folded, legal suffixes dropped, spaces removed.

    >>> company_key("Acme Systems GmbH"), company_key("Société Générale S.A.")
    ('acmesystems', 'societegenerale')
    """
    # Initials written with dots ("S.A.", "B.V.") are one word.
    words = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", fold(name)).split()
    return "".join(w for w in words if w not in LEGAL_SUFFIXES)
