"""Date parsing: every shape, the day/month order, and nothing blanked silently."""

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.model.dates import DATE_DTYPE, detect_dayfirst, parse_dates


def test_mixed_cells_from_a_workbook():
    cells = pd.Series([dt.datetime(2025, 1, 2, 13, 0), 45000.0, "x", None, 3.5, "2025-02-02",
                       pd.Timestamp("2025-03-03")], dtype=object)
    parsed, problems = parse_dates(cells, dayfirst=None)
    assert parsed.dtype == DATE_DTYPE
    assert parsed.tolist()[:2] == [pd.Timestamp("2025-01-02"), pd.Timestamp("2023-03-15")]
    assert parsed.iloc[5] == pd.Timestamp("2025-02-02")
    assert parsed.iloc[6] == pd.Timestamp("2025-03-03")
    assert problems[["position", "value"]].values.tolist() == [[2, "x"], [4, "3.5"]]


def test_index_is_kept():
    parsed, _ = parse_dates(pd.Series(["2025-01-01"], index=[7]), dayfirst=None)
    assert parsed.index.tolist() == [7]


def test_detect_dayfirst():
    assert detect_dayfirst([pd.Series(["12/31/2024"])]) is False
    assert detect_dayfirst([pd.Series(["31/12/2024"]), pd.Series(["01/02/2024"])]) is True
    assert detect_dayfirst([pd.Series([], dtype="str")]) is None
    # Two proofs of day-first outweigh one of month-first.
    assert detect_dayfirst([pd.Series(["31/12/2024", "30/12/2024", "12/31/2024"])]) is True


def test_timezones_are_dropped_after_conversion_to_utc():
    parsed, problems = parse_dates(pd.Series(["2025-01-02T23:30:00-02:00"]), dayfirst=None)
    assert parsed.iloc[0] == pd.Timestamp("2025-01-03")
    assert problems.empty


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=20), st.dates(dt.date(1950, 1, 1)),
                          st.floats(allow_nan=True), st.integers(-10**6, 10**6)), max_size=20),
       st.sampled_from([None, True, False]))
def test_every_cell_is_either_read_or_reported(cells, dayfirst):
    values = pd.Series(cells, dtype=object)
    parsed, problems = parse_dates(values, dayfirst=dayfirst)
    assert parsed.dtype == DATE_DTYPE and len(parsed) == len(values)
    errors = set(problems.loc[problems["severity"] == "error", "position"])
    for position, cell in enumerate(cells):
        blank = cell is None or (isinstance(cell, float) and cell != cell) or \
            (isinstance(cell, str) and not cell.strip())
        if pd.isna(parsed.iloc[position]) and not blank:
            assert position in errors, (cell, problems)
        if position in errors:
            assert pd.isna(parsed.iloc[position])
