"""Empty tables with the canonical columns and their dtypes."""

from __future__ import annotations

import pandas as pd

from analysis.model import schema as s
from analysis.model.dates import DATE_DTYPE


def empty_applications() -> pd.DataFrame:
    """A frame with the canonical columns and dtypes and no rows."""
    return pd.DataFrame({
        name: pd.Series(dtype=DATE_DTYPE if name in s.DATE_COLUMNS else
                        "float64" if name in s.NUMBER_COLUMNS else "str")
        for name in s.APPLICATION_COLUMN_NAMES
    })
