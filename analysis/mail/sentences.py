"""A message's text cut into sentences (and lines), the unit every table of the mail reader
is matched within."""

from __future__ import annotations

import re

# A sentence ends before a capital; before a small letter too (mail written all in lower case)
# after a word of three letters or more that is no abbreviation ("etc.", "approx.", "tues.").
_NOT_ENDS = ("etc", "approx", "incl", "excl", "bzw", "usw", "ggf", "resp", "min", "max", "env",
             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan",
             "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel",
             "inkl", "evtl", "vgl", "sog", "aprox", "pág", "art", "abs", "str")
# nor after a title or an initial ("M. Gagnon", "Dr. Ruiz", "Hr. Weber", "J. Smith")
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Hr", "Fr", "St", "Mme", "Mlle", "Prof", "Sr", "Sra",
           "Dra", "Dott", "Sig", "Ing")
_SPLIT = re.compile(r"(?<=[^\d\s][.!?])(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{w}\.)" for w in _TITLES)
                    + r"\s+(?=[\"'(¿¡]?[A-ZÄÖÜÉÈÀÂÁÍÓÚÑÇ])|\n+|(?<=[.!?;])\s+-\s+|"
                    # after a time of day or a year ("at 10:00. I'll call", "2026. Please")
                    r"(?<=\d[.!?])(?:(?<=:\d\d[.!?])|(?<=\b\d{4}[.!?]))\s+(?=[A-ZÄÖÜÉÈÀÂÁÍÓÚÑÇ])|"
                    r"(?<=[a-zà-ÿß]{3}[.!?])" + "".join(rf"(?<!\b{w}\.)" for w in _NOT_ENDS)
                    + r"\s+(?=[a-zà-ÿ])")


def sentences(text: str) -> list[str]:
    """The text's sentences (and lines), stripped, in order.

    >>> sentences("Hi Ana,\\nThanks. We will not proceed. Best")
    ['Hi Ana,', 'Thanks.', 'We will not proceed.', 'Best']
    """
    return [part.strip() for part in _SPLIT.split(text) if part and part.strip()]
