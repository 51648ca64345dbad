"""Keys that recognise the same thing written differently: names and headers (``plain``,
``name_key``), companies (``company_key``), job links (``url_key``), and text folded to plain
words for matching (``fold``). Every module that compares names uses these; none writes its
own."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

_NOT_ALNUM = re.compile(r"[\W_]+")


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


def plain(text: object) -> str:
    """A name or header as a key: ``fold``'s words without the spaces between them.

    >>> plain("  Job-Posting URL "), plain("Müller Logistik"), plain(None), plain("ДРИЦ ООД")
    ('jobpostingurl', 'mullerlogistik', '', 'дрицоод')
    """
    if text is None or text is pd.NA or (isinstance(text, float) and np.isnan(text)):
        return ""
    return "".join(fold(text).split())


def name_key(values: pd.Series) -> pd.Series:
    """``plain`` of each cell (company or role names as a key; "" for a blank), worked out
    once per distinct name: a column repeats a few hundred companies.

    >>> name_key(pd.Series(["Acme Inc.", None, "ACME inc"])).tolist()
    ['acmeinc', '', 'acmeinc']
    """
    codes, distinct = pd.factorize(values)
    keys = np.array([plain(value) for value in distinct] + [""], dtype=object)
    return pd.Series(keys[codes], index=values.index, dtype="str")  # code -1 picks ""


LEGAL_SUFFIXES = frozenset({
    "gmbh", "ag", "ltd", "limited", "inc", "incorporated", "llc", "llp", "plc", "sa", "sas",
    "sarl", "srl", "spa", "bv", "nv", "se", "co", "corp", "corporation", "company", "kg",
    "ohg", "ug", "oy", "ab", "as", "aps", "pty", "pvt", "kgaa", "mbh", "cie", "sl", "slu",
})


# Letters that Unicode does not decompose into a base letter and a mark ("ł" is no "l" with a
# stroke to drop): spelled with the plain letters a domain would use.
_WHOLE_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
                                "œ": "oe", "Œ": "Oe", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d",
                                "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i"})


def fold(text: object) -> str:
    """Lower case, diacritics folded, punctuation as spaces; letters of other scripts kept.

    >>> fold("Müller & Söhne GmbH"), fold("Wisła Logistics"), fold("Bølgen Æble")
    ('muller sohne gmbh', 'wisla logistics', 'bolgen aeble')
    >>> fold("ДРИЦ – Конкурсна комисия"), fold("Αθηνά Ενέργεια")
    ('дриц конкурсна комисия', 'αθηνα ενεργεια')
    """
    folded = unicodedata.normalize("NFKD", str(text).translate(_WHOLE_LETTERS))
    if not folded.isascii():  # the marks a letter was written with dropped, other signs too
        folded = "".join(c for c in folded if c.isascii() or c.isalnum())
    return _NOT_ALNUM.sub(" ", folded.lower()).strip()


TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                  "Ü": "Ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"})


def company_keys(name: object) -> list[str]:
    """The keys a company may be written under: diacritics folded ("Müller" as "muller") and
    spelled out ("mueller"), as domains spell them.

    >>> company_keys("Müller Logistik GmbH")
    ['mullerlogistik', 'muellerlogistik']
    >>> company_keys("Lumen & Hart")[:3]
    ['lumenhart', 'lumenandhart', 'lumenundhart']
    """
    keys = [company_key(name), company_key(str(name).translate(TRANSLITERATION))]
    if "&" in str(name) or "+" in str(name):  # "Lumen & Hart" at lumenandhart.com
        keys += [company_key(re.sub(r"[&+]", f" {word} ", str(name)))
                 for word in ("and", "und", "et", "y", "en", "e")]
    return list(dict.fromkeys(k for k in keys if k))


def company_key(name: object) -> str:
    """A company's name as a key: folded, legal suffixes dropped, spaces removed.

    >>> company_key("Acme Systems GmbH"), company_key("Société Générale S.A.")
    ('acmesystems', 'societegenerale')
    """
    # Initials written with dots ("S.A.", "B.V.") are one word.
    words = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", fold(name)).split()
    return "".join(w for w in words if w not in LEGAL_SUFFIXES)
