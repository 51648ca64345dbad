"""Money amounts as people type them ("80k", "€65,000", "70-80k"), read as numbers."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

_MONEY = re.compile(r"[^\d.\-kKmM]")


def parse_amounts(text: pd.Series) -> pd.Series:
    """Numbers written as people write them: "$120,000", "120k", "85 000 €", "4.5"."""
    cleaned = text.str.replace(",", "", regex=False).str.replace(_MONEY, "", regex=True)
    multiplier = np.where(cleaned.str.lower().str.endswith("k"), 1_000,
                          np.where(cleaned.str.lower().str.endswith("m"), 1_000_000, 1))
    number = pd.to_numeric(cleaned.str.rstrip("kKmM"), errors="coerce")
    return number * multiplier


_RANGE_SEPARATOR = re.compile(r"(?i)\s*(?:–|—|-|\bto\b|\bbis\b|\ba\b|\bà\b)\s*")


def parse_amount_range(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The low and high ends of amounts written as one number or a range ("90k-110k",
    "$90,000 – $110,000", "90 to 110k": a bare first number takes the second's k or m). Both
    ends are the number when there is one; NaN when the cell is not an amount.

    >>> low, high = parse_amount_range(pd.Series(["90k-110k", "$120,000", "90 to 110k", "lots"]))
    >>> low.tolist(), high.tolist()
    ([90000.0, 120000.0, 90000.0, nan], [110000.0, 120000.0, 110000.0, nan])
    """
    cells = text.fillna("").astype("str")
    low = pd.Series(np.nan, index=text.index, dtype="float64")
    high = low.copy()
    given = cells.str.strip() != ""
    if not given.any():  # a salary column is mostly blank: parse only what is there
        return low, high
    parts = cells[given].str.split(_RANGE_SEPARATOR, n=1, regex=True)
    first = parts.str[0].fillna("").astype("str")
    second = parts.str[1].astype("str").fillna(first)
    bottom, top = parse_amounts(first), parse_amounts(second)
    suffix = second.str.strip().str.lower().str[-1:]
    bare = ~first.str.strip().str.lower().str.endswith(("k", "m")) & suffix.isin(["k", "m"])
    bottom = bottom.where(~bare, bottom * np.where(suffix == "k", 1_000, 1_000_000))
    swapped = bottom > top
    low[given] = bottom.where(~swapped, top).astype("float64")
    high[given] = top.where(~swapped, bottom).astype("float64")
    return low, high
