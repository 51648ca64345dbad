"""How counts and chances are said in words, the same way on every page and report."""

from __future__ import annotations

import re

# Control characters a terminal would act on (escape sequences change its title, clear the
# screen, move the cursor): C0 but tab, new line and carriage return, DEL, and C1.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from a file or a mailbox made safe to print to a terminal: the control
    characters a terminal would act on are dropped.

    >>> printable("Acme\x1b]0;owned\x07 Ltd\x1b[2J")
    'Acme]0;owned Ltd[2J'
    """
    return _CONTROLS.sub("", text)


def plural(count: int, noun: str) -> str:
    """A count with its noun, singular or plural.

    >>> plural(1, "row"), plural(1200, "application")
    ('1 row', '1,200 applications')
    """
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def verb(count: int, singular: str, many: str) -> str:
    """The verb that agrees with a count.

    >>> f"{plural(1, 'row')} {verb(1, 'has', 'have')} no status"
    '1 row has no status'
    """
    return singular if count == 1 else many


def chance_text(value: float) -> str:
    """A probability in words for a tile or a report: "<1%" and ">99%" rather than a rounded
    0% or 100% that the numbers do not support.

    >>> chance_text(0.003), chance_text(0.4), chance_text(0.997), chance_text(1.0)
    ('<1%', '40%', '>99%', '100%')
    """
    if 0 < value < 0.005:
        return "<1%"
    if 0.995 <= value < 1:
        return ">99%"
    return f"{value:.0%}"


def expected_text(value: float) -> str:
    """An expected number of events: "<0.1" rather than a rounded 0.0 when it is not 0.

    >>> expected_text(0.02), expected_text(0.0), expected_text(2.345)
    ('<0.1', '0.0', '2.3')
    """
    return "<0.1" if 0 < value < 0.05 else f"{value:.1f}"
