"""The data the dashboard shows, kept in the session and saved in the workspace store.

Every change (an import, an edit, an action marked done, a restore) becomes a version in the
workspace, so it survives a reload or a restart and can be undone. Each browser session
remembers which version it shows; when another tab saves a newer one, the next rerun shows it.
Every change is written by ``_write``: one path, one check that no other tab saved first, and
the interview journal tied again to the applications. What the user keeps besides the data
(settings, templates, decisions) lives in ``ui.workspace``.

The day the pages work with is read once per rerun (``start_run``, called by the page setup)
and read back everywhere else with ``as_of``, so one screen never mixes two days.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from analysis import (
    LoadResult,
    MissingColumnsError,
    SpreadsheetError,
    load_applications,
    load_sample,
)
from analysis.followups import carried_decisions
from analysis.interviews import (
    APPLICATION,
    merge_interviews,
    saved_or_derived,
    with_latest_interviews,
)
from analysis.model.cells import empty_issues
from analysis.model.editing import apply_merge, history_warnings, merge_plan
from analysis.model.store import StaleVersionError
from analysis.model.words import plural
from analysis.reading.sources import RawFile
from ui.workspace import action_log, workspace

_LOG = logging.getLogger(__name__)
DATASET_KEY = "dataset"
ERROR_KEY = "import_error"
NOTICE_KEY = "notice"
MAPPING_KEY = "pending_mapping"
PENDING_KEY = "pending_import"
NOW_KEY = "run_started"


def start_run() -> dt.date:
    """Read the clock for this rerun: the day (and moment) every page and cache key uses."""
    st.session_state[NOW_KEY] = dt.datetime.now()
    return as_of()


def now() -> dt.datetime:
    """The moment this rerun started (the clock read by ``start_run``)."""
    if NOW_KEY not in st.session_state:
        st.session_state[NOW_KEY] = dt.datetime.now()
    moment: dt.datetime = st.session_state[NOW_KEY]
    return moment


def as_of() -> dt.date:
    """The day this rerun works with."""
    return now().date()


@dataclass
class Dataset:
    """The data shown and where it came from: the files (while this session has them, so they
    can be read again with another sheet, date order or column mapping) and the workspace
    version it is (None for the sample, which is never saved)."""

    result: LoadResult
    label: str
    is_sample: bool
    files: tuple[RawFile, ...] = ()
    upload_signature: tuple[str, ...] = ()
    sheet: str | None = None
    dayfirst: bool | None = None
    column_map: dict[str, str | None] = field(default_factory=dict)
    stored: int | None = None
    generation: int = 0  # counts datasets shown in this session, for widget keys
    # Identifies the content for cached results; a new one whenever the content changes.
    key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def update(self, result: LoadResult, *, stored: int | None = None) -> None:
        """Show changed data (an edit, saved offers) under a new key."""
        self.result = result
        if stored is not None:
            self.stored = stored
        self.key = uuid.uuid4().hex


@dataclass(frozen=True)
class ImportOptions:
    """How files were read: which upload, the date order and the column mapping chosen."""

    signature: tuple[str, ...]
    dayfirst: bool | None
    column_map: Mapping[str, str | None]


@dataclass(frozen=True)
class PendingImport:
    """A file read while data is saved, waiting for the person to merge or replace."""

    result: LoadResult
    files: tuple[RawFile, ...]
    options: ImportOptions


@dataclass(frozen=True)
class PendingMapping:
    """Files whose columns the person is asked to map (or asked to map again)."""

    files: tuple[RawFile, ...]
    signature: tuple[str, ...]
    error: MissingColumnsError
    sheet: str | None
    dayfirst: bool | None
    reimport: bool


def label(files: tuple[RawFile, ...]) -> str:
    return files[0].name if len(files) == 1 else f"{files[0].name} and {len(files) - 1} more"


# --- loading ---------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_sample(end: dt.date) -> LoadResult:
    return load_sample(end=end)


@st.cache_data(show_spinner=False, max_entries=16)
def _cached_load(files: tuple[RawFile, ...], sheet: str | None, dayfirst: bool | None,
                 column_map: tuple[tuple[str, str | None], ...]) -> LoadResult:
    return load_applications(list(files), sheet=sheet, dayfirst=dayfirst,
                             column_map=dict(column_map), as_of=as_of())


def sample_dataset() -> Dataset:
    return Dataset(result=_cached_sample(as_of()), label="Sample data", is_sample=True)


def _stored_dataset() -> Dataset | None:
    snapshot = workspace().load()
    if snapshot is None:
        return None
    details = snapshot.details
    result = LoadResult(
        applications=snapshot.applications, offers=snapshot.offers, issues=empty_issues(),
        interviews=saved_or_derived(snapshot.interviews, snapshot.applications),
        column_map={str(k): str(v) for k, v in _mapping(details.get("column_map")).items()},
        extra_columns=_texts(details.get("extra_columns")),
        files=_texts(details.get("files")), headers=_texts(details.get("headers")),
        read_as=str(details.get("read_as", "")), sheet=_text_or_none(details.get("sheet")),
        export=_text_or_none(details.get("export")),
    ).linked()
    _carry_decisions(result)
    return Dataset(result=result, label=str(details.get("label", "your saved data")),
                   is_sample=False, stored=snapshot.version)


def _mapping(value: object) -> Mapping[object, object]:
    return value if isinstance(value, Mapping) else {}


def _texts(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _carry_decisions(result: LoadResult) -> None:
    """Decisions recorded before the interview journal, kept as decisions about the
    journal's actions they meant (see ``followups.carried_decisions``)."""
    store = workspace()
    carried = carried_decisions(store.follow_up_decisions(), result.applications,
                                interviews=result.interviews)
    log = action_log()
    for action_id, (decision, until) in carried.items():
        log.record(action_id, decision, until)


def current() -> Dataset:
    """The dataset this session shows: the newest saved version (another tab may have saved
    one since the last rerun), or the sample while nothing is saved."""
    dataset: Dataset | None = st.session_state.get(DATASET_KEY)
    if dataset is None:
        replace(_stored_dataset() or sample_dataset())
    elif not dataset.is_sample:
        newest = workspace().current_version()
        if newest != dataset.stored:
            newer = _stored_dataset()
            if newer is not None:
                newer.files, newer.upload_signature = dataset.files, dataset.upload_signature
                replace(newer, keep_filters=True)
                st.session_state[NOTICE_KEY] = (
                    f"Your data was changed in another tab or window: showing the newest "
                    f"version ({newest}).")
    return st.session_state[DATASET_KEY]


def replace(dataset: Dataset, *, keep_filters: bool = False) -> None:
    previous: Dataset | None = st.session_state.get(DATASET_KEY)
    dataset.generation = previous.generation + (0 if keep_filters else 1) if previous else 0
    st.session_state[DATASET_KEY] = dataset
    st.session_state.pop(ERROR_KEY, None)
    st.session_state.pop(MAPPING_KEY, None)


def _details(result: LoadResult, name: str) -> dict[str, object]:
    """What a version keeps besides the tables: how the file was read, for the import report
    and for writing the data back in the user's layout."""
    return {"column_map": result.column_map, "extra_columns": result.extra_columns,
            "files": result.files, "headers": result.headers, "read_as": result.read_as,
            "sheet": result.sheet, "export": result.export, "label": name}


def _write(result: LoadResult, *, kind: str, description: str, expected: int | None,
           label: str, settings: Mapping[str, object] | None = None) -> int:
    """Save ``result`` as a new version (the journal without its links, which are worked out
    again on loading), with ``settings`` that belong with the change in the same transaction;
    raises ``StaleVersionError`` when another tab saved since ``expected``."""
    return workspace().save(
        result.applications, offers=result.offers, kind=kind, description=description,
        expected=expected, details=_details(result, label),
        interviews=result.interviews.drop(columns=APPLICATION, errors="ignore"),
        settings=settings)


def _save_import(result: LoadResult, files: tuple[RawFile, ...], options: ImportOptions, *,
                 description: str) -> None:
    saved = result.in_step()
    version = _write(saved, kind="import", description=description,
                     expected=workspace().current_version(), label=label(files))
    replace(Dataset(result=saved, label=label(files), is_sample=False, files=files,
                    upload_signature=options.signature, sheet=result.sheet,
                    dayfirst=options.dayfirst, column_map=dict(options.column_map),
                    stored=version))


def _save_change(description: str, *, kind: str, based_on: int | None, stale: str,
                 settings: Mapping[str, object] | None = None,
                 **changes: pd.DataFrame | None) -> bool:
    """Save a change to the data shown (the sample is only changed in this session).
    ``based_on`` is the version the change was made on: when another tab saved since, nothing
    is written, the user is told (``stale``) and shown the newer data, and False is returned.
    ``settings`` are saved with the change, in one transaction."""
    dataset = current()
    result = dataclasses.replace(dataset.result, **changes)  # type: ignore[arg-type]
    result = result.in_step(before=dataset.result.applications, as_of=as_of())
    version = None
    if not dataset.is_sample:
        try:
            version = _write(result, kind=kind, description=description, expected=based_on,
                             label=dataset.label, settings=settings)
        except StaleVersionError:
            st.session_state[NOTICE_KEY] = stale
            return False
    else:
        for key, value in (settings or {}).items():
            workspace().set_setting(key, value)
    dataset.update(result, stored=version)
    return True


def try_load(files: tuple[RawFile, ...], *, signature: tuple[str, ...], sheet: str | None,
             dayfirst: bool | None, column_map: Mapping[str, str | None],
             reimport: bool = False) -> None:
    """Read files. On success, a first import (or a re-read of the files just imported with
    other options) is saved at once; otherwise the user chooses to replace or merge. On failure
    the data shown stays and the reason is kept for the page to show."""
    try:
        with st.spinner(f"Reading {label(files)}…"):
            result = _cached_load(files, sheet, dayfirst, tuple(column_map.items()))
    except MissingColumnsError as exc:
        st.session_state[MAPPING_KEY] = PendingMapping(files, signature, exc, sheet, dayfirst,
                                                       reimport)
        st.session_state.pop(ERROR_KEY, None)
        return
    except SpreadsheetError as exc:
        st.session_state[ERROR_KEY] = {"message": str(exc)}
        return
    except Exception:  # a bug must not cost the user their data or show them a traceback
        _LOG.exception("Unexpected error while importing %s", label(files))
        st.session_state[ERROR_KEY] = {
            "message": f"{label(files)}: the dashboard hit an unexpected problem while reading "
                       "this file. The details are in the terminal where the dashboard runs."}
        return
    rows = plural(len(result.applications), "row")
    options = ImportOptions(signature, dayfirst, column_map)
    if reimport or workspace().current_version() is None:
        how = "read again" if reimport else "imported"
        _save_import(result, files, options, description=f"{how} {label(files)}, {rows}")
        return
    st.session_state[PENDING_KEY] = PendingImport(result, files, options)
    st.session_state.pop(ERROR_KEY, None)


def pending_import() -> PendingImport | None:
    pending: PendingImport | None = st.session_state.get(PENDING_KEY)
    return pending


def pending_mapping() -> PendingMapping | None:
    pending: PendingMapping | None = st.session_state.get(MAPPING_KEY)
    return pending


def resolve_import(choice: str) -> None:
    """Apply the pending import: "replace" the saved table, "merge" into it, or "cancel"."""
    pending: PendingImport | None = st.session_state.pop(PENDING_KEY, None)
    if pending is None or choice == "cancel":
        return
    result, files = pending.result, pending.files
    rows = plural(len(result.applications), "row")
    try:
        if choice == "replace":
            _save_import(result, files, pending.options,
                         description=f"imported {label(files)}, {rows} (replaced the table)")
        else:
            saved = current().result
            plan = merge_plan(saved.applications, result.applications)
            journal = merge_interviews(saved.interviews, result.interviews)
            merged = with_latest_interviews(journal, apply_merge(saved.applications, plan))
            _save_import(dataclasses.replace(result, applications=merged, interviews=journal),
                         files, pending.options,
                         description=f"merged {label(files)}: {plan.summary}")
    except StaleVersionError:
        st.session_state[ERROR_KEY] = {"message": "Your data changed in another tab while you "
                                                  "chose; import the file again."}


def import_preview(pending: PendingImport) -> tuple[str, list[str]]:
    """What merging the pending import would do, and the warnings about companies."""
    saved = current().result.applications
    plan = merge_plan(saved, pending.result.applications)
    warnings = history_warnings(saved, plan.added, as_of=as_of())
    return plan.summary, warnings


def save_applications(apps: pd.DataFrame, description: str, *, based_on: int | None,
                      kind: str = "edit", settings: Mapping[str, object] | None = None) -> bool:
    """Save a changed applications table as a new version (with ``settings`` that belong
    with it, in one transaction); False, with a notice, when another tab saved first."""
    return _save_change(description, kind=kind, based_on=based_on, applications=apps,
                        settings=settings,
                        stale="Not saved: your data was changed in another tab or window "
                              "first. This is the newer data; make your change again.")


def save_interviews(interviews: pd.DataFrame, description: str, *,
                    based_on: int | None) -> bool:
    """Save a changed interview journal as a new version, with each application's interview
    date set to its latest interview; False, with a notice, on a stale write."""
    return _save_change(description, kind="interviews", based_on=based_on,
                        interviews=interviews,
                        stale="Not saved: your data was changed in another tab first. This "
                              "is the newer data; write it again.")


def save_offers(offers: pd.DataFrame, description: str, *, based_on: int | None) -> bool:
    """Save a changed offers table as a new version, with the applications unchanged; False,
    with a notice, on a stale write."""
    return _save_change(description, kind="offers", based_on=based_on, offers=offers,
                        stale="Not saved: your data was changed in another tab first. This "
                              "is the newer data.")


def restore(version: int) -> None:
    """Bring an earlier version back as a new one, and show it: this tab's own change, so
    nothing is said about another tab (which ``current`` says of any version it did not
    write)."""
    dataset = current()
    try:
        workspace().restore(version, expected=dataset.stored)
    except StaleVersionError:
        st.session_state[NOTICE_KEY] = "Not restored: your data was changed in another tab first."
        current()
        return
    restored = _stored_dataset()
    if restored is not None:
        restored.files, restored.upload_signature = dataset.files, dataset.upload_signature
        replace(restored, keep_filters=True)


def use_sample() -> None:
    replace(sample_dataset())


def use_saved() -> None:
    stored = _stored_dataset()
    if stored is not None:
        replace(stored)
