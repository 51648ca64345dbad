"""Results computed once per dataset version and filter setting, then shared by every rerun:
switching pages, clicking a button or moving a slider does not recompute what the data and the
arguments have not changed.

A result is stored under the dataset's key (a new one each time its content changes) and a
token of the other arguments. Results are shared, not copied: the analysis functions never
modify their inputs, and pages only read what they get back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

T = TypeVar("T")
ENTRIES = 256  # results kept; the oldest go first
SECONDS = 3600  # and none is kept longer than an hour


def _token(value: object) -> object:
    """What identifies an argument: small frames by their content, other values by repr."""
    if isinstance(value, pd.DataFrame | pd.Series):
        rows = pd.util.hash_pandas_object(value, index=True).to_numpy()
        columns = tuple(value.columns) if isinstance(value, pd.DataFrame) else value.name
        return ("frame", columns, hashlib.sha1(rows.tobytes()).hexdigest())
    return repr(value)


@st.cache_resource(max_entries=ENTRIES, ttl=SECONDS, show_spinner="Computing…")
def _remembered(data_key: str, name: str, token: str, _compute: Callable[[], Any]) -> Any:
    return _compute()


def remembered(data_key: str | None, function: Callable[..., T], data: pd.DataFrame,
               *args: object, **kwargs: object) -> T:
    """``function(data, *args, **kwargs)``, computed once for the data known by ``data_key``
    and these arguments. Without a key (data whose identity is unknown) it is computed each
    time. ``function`` must be a module-level function: results are filed under its name."""
    if not data_key:
        return function(data, *args, **kwargs)
    try:
        token = repr((tuple(_token(a) for a in args),
                      tuple(sorted((k, _token(v)) for k, v in kwargs.items()))))
    except TypeError:  # an argument pandas cannot hash: compute it afresh
        return function(data, *args, **kwargs)
    name = f"{function.__module__}.{function.__qualname__}"
    return _remembered(data_key, name, token, lambda: function(data, *args, **kwargs))


def remembered_for(data_key: str, function: Callable[..., T], *data: object,
                   trusted: Mapping[str, object] | None = None, **options: object) -> T:
    """``function(*data, **trusted, **options)``, computed once per ``data_key`` and options.
    The frames in ``data`` and ``trusted`` are not hashed: ``data_key`` must identify them all
    (a dataset version with its filters identifies its applications and its interview
    journal)."""
    given = dict(trusted or {})
    try:
        token = repr(tuple(sorted((k, _token(v)) for k, v in options.items())))
    except TypeError:
        return function(*data, **given, **options)
    name = f"{function.__module__}.{function.__qualname__}"
    return _remembered(data_key, name, token, lambda: function(*data, **given, **options))
