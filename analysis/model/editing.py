"""Changes to the applications table: cell edits from the dashboard's editor, merging a new
import into the current table, and warnings about companies that did not treat the user well
before. Functions here return new frames and never modify the ones they are given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.model import schema as s
from analysis.model.amounts import parse_amount_range
from analysis.model.dates import format_days, parse_dates
from analysis.model.keys import company_key, name_key, url_key
from analysis.model.stages import GHOST_DAYS, reply_known, response_dates
from analysis.model.words import plural


class EditError(ValueError):
    """An edit that cannot be stored, with a message naming the row, column and value."""


def _cell(column: str, value: object) -> object:
    """An edited value converted to the column's type, or EditError."""
    if value is None or (isinstance(value, str) and not value.strip()) or (
            isinstance(value, float) and np.isnan(value)):
        return pd.NaT if column in s.DATE_COLUMNS else np.nan if column in s.NUMBER_COLUMNS \
            else None
    if column in s.DATE_COLUMNS:
        if isinstance(value, dt.date | pd.Timestamp):
            return pd.Timestamp(value).normalize()
        parsed, problems = parse_dates(pd.Series([str(value)]), dayfirst=None)
        if problems.empty or (problems["severity"] != "error").all():
            return parsed.iloc[0]
        raise EditError(f"'{value}' is not a date")
    if column in s.NUMBER_COLUMNS:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        low, high = parse_amount_range(pd.Series([str(value)]))
        if pd.isna(high.iloc[0]):
            raise EditError(f"'{value}' is not an amount")
        return float((low if column == s.SALARY_MIN else high).iloc[0])
    if column == s.STATUS:
        text = str(value).strip()
        return s.canonical_status(text) or text
    return value if not isinstance(value, str) else value.strip()


def apply_editor_changes(base: pd.DataFrame, changes: Mapping[str, object]
                         ) -> tuple[pd.DataFrame, str]:
    """Apply the changes Streamlit's data editor reports (``edited_rows`` by position,
    ``added_rows``, ``deleted_rows``) to ``base``; return the new table and a description such
    as "edited 3 cells, deleted 1 row". Raises EditError, naming the row (1-based), the column
    and the value, when a value does not fit its column; nothing is applied then.

    >>> base = pd.DataFrame({"company": ["Acme"], "date_applied": pd.to_datetime(["2025-01-02"])})
    >>> new, what = apply_editor_changes(base, {"edited_rows": {0: {"company": "Globex"}}})
    >>> new["company"].tolist(), what
    (['Globex'], 'edited 1 cell')
    """
    edited: Mapping[int, Mapping[str, object]] = changes.get("edited_rows") or {}  # type: ignore[assignment]
    added: Sequence[Mapping[str, object]] = changes.get("added_rows") or []  # type: ignore[assignment]
    deleted: Sequence[int] = changes.get("deleted_rows") or []  # type: ignore[assignment]
    table = base.copy()
    cells = 0
    for position, row_changes in edited.items():
        position = int(position)
        for column, value in row_changes.items():
            if column not in table.columns:
                continue
            try:
                table.iloc[position, table.columns.get_loc(column)] = _cell(column, value)  # type: ignore[call-overload]  # pandas-stubs: get_loc of a unique column is an int, a cell takes any object
            except EditError as exc:
                label = s.LABELS.get(column, column)
                raise EditError(f"Row {position + 1}, {label}: {exc}. Nothing was saved.") \
                    from exc
            cells += 1
    new_rows = []
    for number, row in enumerate(added, start=len(table) + 1):
        converted = {}
        for column, value in row.items():
            if column in table.columns:
                try:
                    converted[column] = _cell(column, value)
                except EditError as exc:
                    label = s.LABELS.get(column, column)
                    raise EditError(f"New row {number}, {label}: {exc}. Nothing was saved.") \
                        from exc
        new_rows.append(converted)
    if new_rows:
        addition = _conform(pd.DataFrame(new_rows, columns=table.columns), table.dtypes)
        sent = addition[s.DATE_APPLIED].notna()
        addition[s.STATUS] = addition[s.STATUS].fillna(
            pd.Series(np.where(sent, s.APPLIED, s.SAVED), index=addition.index))
        table = pd.concat([table, addition], ignore_index=True)
    if deleted:
        table = table.drop(index=table.index[[int(p) for p in deleted]]).reset_index(drop=True)
    counts = (("edited", cells, "cell"), ("added", len(new_rows), "row"),
              ("deleted", len(deleted), "row"))
    description = ", ".join(f"{verb} {plural(count, noun)}" for verb, count, noun in counts
                            if count)
    return _conform(table, base.dtypes), description or "no change"


def remap_positions(changes: Mapping[str, object], positions: Sequence[int]
                    ) -> dict[str, object]:
    """Editor changes made on a filtered view, with row positions translated to positions in
    the whole table (``positions[i]`` is where the view's row ``i`` sits in it).

    >>> remap_positions({"edited_rows": {1: {"role": "PM"}}, "deleted_rows": [0]}, [4, 7])
    {'edited_rows': {7: {'role': 'PM'}}, 'added_rows': [], 'deleted_rows': [4]}
    """
    edited: Mapping[int, object] = changes.get("edited_rows") or {}  # type: ignore[assignment]
    deleted: Sequence[int] = changes.get("deleted_rows") or []  # type: ignore[assignment]
    return {
        "edited_rows": {int(positions[int(p)]): v for p, v in edited.items()},
        "added_rows": list(changes.get("added_rows") or []),  # type: ignore[call-overload]
        "deleted_rows": [int(positions[int(p)]) for p in deleted],
    }


def apply_view_changes(whole: pd.DataFrame, shown: pd.DataFrame,
                       changes: Mapping[str, object]) -> tuple[pd.DataFrame, str]:
    """``apply_editor_changes`` for an editor that showed ``shown``, rows of ``whole`` (a
    filtered view): its row positions are translated to ``whole``'s first. Returns the new
    whole table and the description; raises EditError as ``apply_editor_changes`` does.

    >>> whole = pd.DataFrame({"company": ["Acme", "Globex", "Initech"]})
    >>> new, what = apply_view_changes(whole, whole.iloc[[2]],
    ...                                {"edited_rows": {0: {"company": "Hooli"}}})
    >>> new["company"].tolist(), what
    (['Acme', 'Globex', 'Hooli'], 'edited 1 cell')
    """
    positions = whole.index.get_indexer(shown.index)
    return apply_editor_changes(whole, remap_positions(changes, list(positions)))


def _conform(frame: pd.DataFrame, dtypes: pd.Series) -> pd.DataFrame:
    """``frame`` with the given dtypes where its values allow (an integer column that gained a
    blank becomes a float column rather than failing)."""
    result = frame.copy()
    for column, dtype in dtypes.items():
        if column in result.columns and result[column].dtype != dtype:
            try:
                result[column] = result[column].astype(dtype)
            except (TypeError, ValueError):
                if pd.api.types.is_integer_dtype(dtype):
                    result[column] = result[column].astype("float64")
    return result


def match_keys(apps: pd.DataFrame) -> pd.Series:
    """The key that says two rows are the same application: the job URL (without scheme,
    "www.", query or trailing slash), else company + role + application date, normalised."""
    url = url_key(apps[s.JOB_URL])
    fallback = "name:" + name_key(apps[s.COMPANY]) + "|" + name_key(apps[s.ROLE]) + "|" + \
        format_days(apps[s.DATE_APPLIED]).fillna("")
    return ("url:" + url).where(url != "", fallback)


@dataclass(frozen=True)
class MergePlan:
    """What merging ``incoming`` into ``current`` would do, before it is done."""

    added: pd.DataFrame  # incoming rows that match nothing
    updated: pd.DataFrame  # incoming rows that match a current row and change it
    updated_positions: list[int]  # the positions in current of the updated rows
    unchanged: int  # incoming rows identical to their match

    @property
    def summary(self) -> str:
        return (f"{plural(len(self.added), 'new application')}, "
                f"{plural(len(self.updated), 'updated application')}, "
                f"{self.unchanged} left as they are")


def _combined(current: pd.Series, incoming: pd.Series) -> pd.Series:
    """A row updated by an incoming one: the incoming values where it has any."""
    return incoming.where(incoming.notna(), current)


def merge_plan(current: pd.DataFrame, incoming: pd.DataFrame) -> MergePlan:
    """Match incoming rows to current ones (see ``match_keys``) and sort them into added,
    updated and unchanged. Blank incoming cells never blank a current value."""
    incoming = incoming.reindex(columns=list(dict.fromkeys([*current.columns,
                                                            *incoming.columns])))
    current_keys = match_keys(current)
    first_position = {key: i for i, key in reversed(list(enumerate(current_keys)))}
    added, updated, positions, unchanged = [], [], [], 0
    for key, (_, row) in zip(match_keys(incoming), incoming.iterrows(), strict=True):
        position = first_position.get(key)
        if position is None:
            added.append(row)
            continue
        before = current.iloc[position].reindex(incoming.columns)
        after = _combined(before, row)
        if after.equals(before):
            unchanged += 1
        else:
            updated.append(after)
            positions.append(position)
    columns = incoming.columns
    return MergePlan(
        added=pd.DataFrame(added, columns=columns).reset_index(drop=True),
        updated=pd.DataFrame(updated, columns=columns).reset_index(drop=True),
        updated_positions=positions, unchanged=unchanged)


def apply_merge(current: pd.DataFrame, plan: MergePlan) -> pd.DataFrame:
    """The current table with the plan's updates and additions (extra columns joined)."""
    columns = list(dict.fromkeys([*current.columns, *plan.added.columns]))
    merged = current.reindex(columns=columns)
    for position, (_, row) in zip(plan.updated_positions, plan.updated.iterrows(), strict=True):
        merged.iloc[position] = row.reindex(columns).to_numpy()
    merged = pd.concat([merged, plan.added.reindex(columns=columns)], ignore_index=True)
    return _conform(merged, current.dtypes)


def history_warnings(existing: pd.DataFrame, new_rows: pd.DataFrame, *, as_of: dt.date,
                     ghost_days: int = GHOST_DAYS) -> list[str]:
    """One sentence per new application to a company that earlier ghosted or rejected the
    user, e.g. "You applied to Initech on 3 Aug; no reply after 45 days.". Silence counts as
    ghosting only where ``existing`` records replies at all (see ``metrics.ghosted``)."""
    if existing.empty or new_rows.empty:
        return []
    keys = existing[s.COMPANY].map(company_key, na_action="ignore").fillna("")
    replied = response_dates(existing)
    # Silence means "no reply" only in a table that records replies at all.
    silence_counts = bool(reply_known(existing).any())
    warnings = []
    for company in dict.fromkeys(new_rows[s.COMPANY].dropna()):
        key = company_key(company)
        if not key:
            continue
        earlier = existing[keys == key]
        for position, row in earlier.iterrows():
            applied = row[s.DATE_APPLIED]
            on = f" on {applied:%-d %b %Y}" if pd.notna(applied) else ""
            if row[s.STATUS] == s.REJECTED:
                when = row[s.DECISION_DATE]
                after = f" on {when:%-d %b %Y}" if pd.notna(when) else ""
                warnings.append(f"You applied to {row[s.COMPANY]}{on}; they rejected that "
                                f"application{after}.")
            elif pd.isna(replied.loc[position]) and pd.notna(applied):  # type: ignore[call-overload]  # pandas-stubs: loc takes a Hashable label
                waited = (pd.Timestamp(as_of) - applied).days
                if row[s.STATUS] == s.GHOSTED or (silence_counts and waited > ghost_days):
                    warnings.append(f"You applied to {row[s.COMPANY]}{on}; no reply after "
                                    f"{waited} days.")
    return warnings
