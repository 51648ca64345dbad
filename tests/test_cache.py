"""Results kept per dataset key and arguments (ui.cache)."""

from __future__ import annotations

import uuid

import pandas as pd

from ui.cache import remembered

CALLS: list[tuple[object, ...]] = []


def counted(data: pd.DataFrame, *args: object, **kwargs: object) -> int:
    CALLS.append((args, tuple(sorted(kwargs.items()))))
    return len(data)


def test_a_result_is_computed_once_per_key_and_arguments():
    CALLS.clear()
    key, data = uuid.uuid4().hex, pd.DataFrame({"a": [1, 2, 3]})
    assert remembered(key, counted, data, 1, by="x") == 3
    assert remembered(key, counted, data, 1, by="x") == 3
    assert len(CALLS) == 1
    remembered(key, counted, data, 2, by="x")
    remembered(key, counted, data, 1, by="y")
    remembered(uuid.uuid4().hex, counted, data, 1, by="x")  # new data, new key
    assert len(CALLS) == 4


def test_frame_arguments_count_by_their_content():
    CALLS.clear()
    key, data = uuid.uuid4().hex, pd.DataFrame({"a": [1]})
    remembered(key, counted, data, pd.DataFrame({"offer": ["A", "B"]}))
    remembered(key, counted, data, pd.DataFrame({"offer": ["A", "B"]}))
    assert len(CALLS) == 1
    remembered(key, counted, data, pd.DataFrame({"offer": ["A", "C"]}))
    remembered(key, counted, data, pd.Series(["A", "B"], name="offer"))
    assert len(CALLS) == 3


def test_without_a_key_nothing_is_kept():
    CALLS.clear()
    data = pd.DataFrame({"a": [1]})
    remembered(None, counted, data)
    remembered("", counted, data)
    assert len(CALLS) == 2
