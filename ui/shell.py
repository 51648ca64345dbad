"""The frame every page shares: the sidebar (data source, import report, filters, settings),
the import dialogs and the page heading. The data itself lives in ``ui.state``.

Every page starts with ``view = page_setup("Title")``. The entrypoint renders no widgets itself:
with a ``pages/`` folder, widgets rendered by the entrypoint stop taking effect.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd
import streamlit as st

from analysis import Filters, MissingColumnsError, filter_applications
from analysis.model import schema as s
from analysis.model.stages import GHOST_DAYS
from analysis.model.store import GHOST_DAYS_SETTING, WorkspaceError
from analysis.model.words import plural
from analysis.reading.sources import RawFile
from ui import state, workspace
from ui.cache import remembered, remembered_for
from ui.navigation import configure_page, draw_navigation, pages
from ui.widgets import emphasis, md

T = TypeVar("T")
UPLOAD_KEY = "uploader"
GHOST_KEY = GHOST_DAYS_SETTING
HANDLED_KEY = "handled_upload"  # the files in the uploader that were already read
FILTERS = ("dates", "sources", "statuses", "text")
UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods", "zip"]
DATE_ORDERS = {"Automatic": None, "Day first (31/12/2025)": True, "Month first (12/31/2025)": False}
NO_COLUMN = "(not in my file)"


@dataclass(frozen=True)
class View:
    """What a page draws from: the filtered applications, all of them, and the import result."""

    apps: pd.DataFrame
    all_apps: pd.DataFrame
    dataset: state.Dataset
    filters: Filters
    as_of: dt.date
    ghost_days: int

    @property
    def key(self) -> str:
        """Identifies ``apps``: the dataset's content and the filters."""
        return f"{self.dataset.key}|{self.filters!r}"

    def cached(self, function: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``function(self.apps, *args, **kwargs)``, computed once per dataset version,
        filters and arguments (see ``ui.cache``)."""
        return remembered(self.key, function, self.apps, *args, **kwargs)

    @property
    def journal(self) -> pd.DataFrame:
        """The interview journal of the dataset (all of it; ``link`` picks the applications')."""
        return self.dataset.result.interviews

    def with_journal(self, function: Callable[..., T], **kwargs: object) -> T:
        """``function(self.journal, self.apps, **kwargs)``, computed once per dataset version
        (the journal is part of it), filters and options."""
        return remembered_for(f"{self.key}|journal", function, self.journal, self.apps,
                              trusted=None, **kwargs)

    def cached_with_journal(self, function: Callable[..., T], **kwargs: object) -> T:
        """``function(self.apps, interviews=self.journal, **kwargs)``, computed once per
        dataset version, filters and options (the journal is not hashed on every rerun)."""
        return remembered_for(f"{self.key}|journal", function, self.apps,
                              trusted={"interviews": self.journal}, **kwargs)


def filter_key(name: str, generation: int) -> str:
    """The widget key of one sidebar filter. Keys change with each dataset, so a new table
    starts unfiltered with its own date range and values."""
    return f"filter_{name}_{generation}"


def _handle_upload() -> None:
    uploads = st.session_state.get(UPLOAD_KEY) or []
    if not uploads:
        return
    signature = tuple(u.file_id for u in uploads)
    if st.session_state.get(HANDLED_KEY) == signature:
        return
    st.session_state[HANDLED_KEY] = signature
    files = tuple(RawFile(u.name, u.getvalue()) for u in uploads)
    state.try_load(files, signature=signature, sheet=None, dayfirst=None, column_map={})


def _reload(**changes: object) -> None:
    """Read the files just imported again with another sheet or date order."""
    dataset = state.current()
    options = {"sheet": dataset.sheet, "dayfirst": dataset.dayfirst,
               "column_map": dataset.column_map, **changes}
    state.try_load(dataset.files, signature=dataset.upload_signature, reimport=True,
                   **options)  # type: ignore[arg-type]


def _keep(key: str) -> None:
    """Carry a widget's value over to the next page (widgets are rebuilt on each page)."""
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]


def _data_source() -> None:
    st.file_uploader(
        "Import your tracker", type=UPLOAD_TYPES, accept_multiple_files=True, key=UPLOAD_KEY,
        help="CSV, Excel (xlsx, xls) or OpenDocument (ods), with any column names, or "
             "LinkedIn's data export as it comes (the zip). Several files are read as one "
             "table, e.g. LinkedIn's Job Applications_1.csv and _2.csv.",
    )
    _handle_upload()
    dataset = state.current()
    count = len(dataset.result.applications)
    if dataset.is_sample:
        st.caption(f"Showing **sample data**: {count} made-up applications ending today.")
        if workspace.workspace().current_version() is not None:
            st.button("Back to your saved data", on_click=state.use_saved, type="tertiary",
                      icon=":material/undo:")
    else:
        st.caption(f"**{plural(count, 'application')}** from {md(dataset.label)}, saved "
                   "on this computer.")
        st.button("Use the sample data instead", on_click=state.use_sample, type="tertiary",
                  icon=":material/science:")
    if dataset.files:
        if len(dataset.result.sheets) > 1:
            sheets = dataset.result.sheets
            st.selectbox("Sheet", sheets, index=sheets.index(dataset.result.sheet or sheets[0]),
                         key=f"sheet_{dataset.generation}",
                         on_change=lambda: _reload(sheet=st.session_state[
                             f"sheet_{state.current().generation}"]))
        orders = list(DATE_ORDERS)
        chosen = next(k for k, v in DATE_ORDERS.items() if v == dataset.dayfirst)
        st.selectbox("Date order", orders, index=orders.index(chosen),
                     key=f"dayfirst_{dataset.generation}",
                     help="How numeric dates like 03/04/2025 are read. Automatic decides from "
                          "dates such as 25/04/2025 that can only be read one way.",
                     on_change=lambda: _reload(dayfirst=DATE_ORDERS[st.session_state[
                         f"dayfirst_{state.current().generation}"]]))
    _import_report(dataset)


def _import_report(dataset: state.Dataset) -> None:
    result = dataset.result
    issues = result.issues
    counts = issues["severity"].value_counts()
    parts = [plural(int(counts[k]), name) for k, name in
             (("error", "error"), ("warning", "warning"), ("info", "note")) if counts.get(k, 0)]
    title = "Import report" + (f" ({', '.join(parts)})" if parts else "")
    with st.expander(title, icon=":material/fact_check:"):
        if result.read_as:
            st.caption(f"Read as {md(result.read_as)}.")
        if result.export_note:
            st.markdown(md(result.export_note))
        recognised = pd.DataFrame(
            [(header, s.LABELS.get(canonical, canonical))
             for header, canonical in result.column_map.items()],
            columns=["Your column", "Read as"])
        st.dataframe(recognised, hide_index=True, width="stretch")
        if result.extra_columns:
            st.caption("Kept as they are: " + md(", ".join(result.extra_columns)))
        if issues.empty:
            st.caption("No problems found.")
        else:
            st.dataframe(issues[["row", "column", "problem"]], hide_index=True, height=180,
                         column_config={"row": st.column_config.NumberColumn("Row", format="%d"),
                                        "column": "Column", "problem": "Problem"})
            st.page_link("pages/data.py", label="All issues with their values",
                         icon=":material/table_view:")
        if dataset.files:
            st.button("Correct the column mapping", on_click=_start_remap, type="tertiary",
                      icon=":material/swap_horiz:")


def _start_remap() -> None:
    dataset = state.current()
    result = dataset.result
    headers = [*result.column_map, *result.extra_columns]
    st.session_state[state.MAPPING_KEY] = state.PendingMapping(
        dataset.files, dataset.upload_signature,
        MissingColumnsError("", file=dataset.label, headers=headers, missing=[],
                            recognised=dict(result.column_map)),
        dataset.sheet, dataset.dayfirst, reimport=True)


def _filters(apps: pd.DataFrame, generation: int) -> Filters:
    keys = {name: filter_key(name, generation) for name in FILTERS}
    for key in keys.values():
        _keep(key)
    st.subheader("Filters", divider="gray")
    applied = apps[s.DATE_APPLIED].dropna()
    start = end = None
    if not applied.empty:
        low, high = applied.min().date(), applied.max().date()
        # A default and a carried-over value together make Streamlit warn: give one of them.
        carried = st.session_state.get(keys["dates"])
        if isinstance(carried, tuple | list) and carried:
            # Newer data (another tab's) may span fewer days: keep the range inside them.
            kept = tuple(min(max(day, low), high) for day in carried)
            if kept != tuple(carried):
                st.session_state[keys["dates"]] = kept
        default = {} if keys["dates"] in st.session_state else {"value": (low, high)}
        # Streamlit's overloads cannot see the value given through **default.
        chosen = st.date_input(  # type: ignore[call-overload]
            "Applied between", min_value=low, max_value=high, key=keys["dates"],
            format="YYYY-MM-DD", **default)
        if isinstance(chosen, tuple) and len(chosen) == 2:
            start = chosen[0] if chosen[0] != low else None
            end = chosen[1] if chosen[1] != high else None
    sources = sorted(apps[s.SOURCE].fillna("(none)").unique())
    chosen_sources = st.multiselect("Source", sources, key=keys["sources"],
                                    placeholder="All sources")
    present = set(apps[s.STATUS].dropna().unique())
    statuses = [x for x in s.STATUSES if x in present] + sorted(present - set(s.STATUSES))
    chosen_statuses = st.multiselect("Status", statuses, key=keys["statuses"],
                                     placeholder="All statuses")
    text = st.text_input("Search", key=keys["text"], placeholder="Company, role, notes…",
                         help="Finds the text, in any case, in company, role, location, "
                              "contact and notes.")
    filters = Filters(start=start, end=end, sources=tuple(chosen_sources),
                      statuses=tuple(chosen_statuses), text=text)
    if filters.active:
        st.button("Clear filters", on_click=_clear_filters, icon=":material/filter_alt_off:")
    return filters


def _settings() -> int:
    _keep(GHOST_KEY)
    st.subheader("Settings", divider="gray")
    default = {} if GHOST_KEY in st.session_state else {
        "value": workspace.whole_setting(GHOST_KEY, GHOST_DAYS)}
    # Streamlit's overloads cannot see the value given through **default.
    return int(st.number_input(  # type: ignore[call-overload]
        "Ghosted after (days without a reply)", min_value=1, max_value=365, step=1,
        key=GHOST_KEY, help="An application with no reply after this many days counts as "
                            "ghosted, whatever its status says. Kept for your next visit.",
        on_change=lambda: workspace.save_setting(GHOST_KEY, int(st.session_state[GHOST_KEY])),
        **default))


def _clear_filters() -> None:
    for key in [k for k in st.session_state if str(k).startswith("filter_")]:
        with contextlib.suppress(KeyError):  # see _forget_old_filters
            del st.session_state[key]


def _forget_old_filters(generation: int) -> None:
    """Drop the filter values of datasets no longer shown."""
    suffix = f"_{generation}"
    for key in [k for k in st.session_state
                if str(k).startswith("filter_") and not str(k).endswith(suffix)]:
        # A widget's value listed but not yet kept in the session cannot be deleted: skip it.
        with contextlib.suppress(KeyError):
            del st.session_state[key]


def _column_mapper(pending: state.PendingMapping) -> None:
    """Let the user say which of their columns holds what, when recognition was not enough."""
    error = pending.error
    with st.container(border=True):
        if error.missing:
            st.warning(f"**{md(error.file)}**: {md(error.problem)}",
                       icon=":material/table_view:")
        else:
            st.markdown("**Correct the column mapping**")
        options = [NO_COLUMN, *error.headers]
        by_canonical = {c: h for h, c in error.recognised.items()}
        with st.form("column_mapping"):
            cols = st.columns(3)
            for i, column in enumerate(s.APPLICATION_COLUMNS):
                current = by_canonical.get(column.name, NO_COLUMN)
                cols[i % 3].selectbox(
                    column.label + (" (required)" if column.required else ""), options,
                    index=options.index(current), key=f"map_{column.name}",
                    help=column.description)
            submitted = st.form_submit_button("Import with these columns", type=emphasis())
        st.button("Cancel", on_click=lambda: st.session_state.pop(state.MAPPING_KEY, None))
    if submitted:
        chosen = {c.name: st.session_state[f"map_{c.name}"] for c in s.APPLICATION_COLUMNS}
        column_map: dict[str, str | None] = {h: None for h in error.headers}
        column_map.update({h: c for c, h in chosen.items() if h != NO_COLUMN})
        state.try_load(pending.files, signature=pending.signature, sheet=pending.sheet,
                       dayfirst=pending.dayfirst, column_map=column_map,
                       reimport=pending.reimport)
        st.rerun()


def _import_choice(pending: state.PendingImport) -> None:
    """A new file while data is saved: replace the saved table, or merge the file into it."""
    result, files = pending.result, pending.files
    summary, warnings = state.import_preview(pending)
    saved = len(state.current().result.applications)
    with st.container(border=True):
        st.markdown(f"**{md(state.label(files))}** holds "
                    f"{plural(len(result.applications), 'application')}; your saved data "
                    f"has {plural(saved, 'application')}. What should happen?")
        st.caption(f"Merging (matched by job URL, else company, role and date): {summary}.")
        columns = st.columns(3)
        columns[0].button("Merge into my data", type=emphasis(), on_click=state.resolve_import,
                          args=("merge",), icon=":material/merge:")
        columns[1].button("Replace my data", on_click=state.resolve_import, args=("replace",),
                          icon=":material/swap_vert:",
                          help="The data saved now stays in the version list and can be "
                               "restored.")
        columns[2].button("Cancel", on_click=state.resolve_import, args=("cancel",))
        if warnings:
            with st.expander(f"{plural(len(warnings), 'earlier application')} to these "
                             "companies got a rejection or no reply", icon=":material/history:"):
                for warning in warnings:
                    st.markdown(f"- {md(warning)}")


def _ensure_navigation() -> None:
    """Show the page inside the navigation that dashboard.py declares.

    With a ``pages/`` folder beside the entrypoint, Streamlit starts in its older multipage mode:
    when the first visit after the server starts opens a page's own address (a bookmark, a
    reload), it runs that page alone, with a navigation made from file names and without
    dashboard.py. Declaring the real navigation here replaces that one and leaves the older mode
    for good; the page itself goes on running, so no click is lost to a rerun.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

    if PagesManager.uses_pages_directory:
        # st.navigation marks the entrypoint as the running script; widgets on this page must
        # keep the identity they get when the page runs from dashboard.py.
        running = ThreadState.get().active_script_hash
        configure_page()
        st.navigation(pages(), position="hidden")
        ThreadState.update(active_script_hash=running)


def _workspace_problem(problem: WorkspaceError) -> None:
    """The page shown instead of any other when the workspace cannot be opened: what is wrong
    with which file, and what the person can do. The file itself is never changed."""
    st.title("Your saved data could not be opened", anchor=False)
    st.error(md(str(problem)), icon=":material/error:")
    path = problem.path
    st.markdown("Nothing has been changed. You can:")
    kept = workspace.backups(path)
    if kept and not problem.newer:
        newest = kept[0]
        if st.button(f"Restore the copy kept before the last upgrade ({md(newest.name)})",
                     type=emphasis(), icon=":material/restore:"):
            aside = workspace.restore_backup(path, newest)
            st.session_state[state.NOTICE_KEY] = (f"Restored {newest.name}; the file that could "
                                                  f"not be opened is kept as {aside.name}.")
            st.rerun()
    if not path.is_dir() and st.button(
            "Start a new, empty workspace", icon=":material/note_add:",
            help="The file that could not be opened is renamed, not deleted: it stays in the "
                 "same folder."):
        aside = workspace.set_aside(path)
        st.session_state[state.NOTICE_KEY] = (f"Started a new workspace; the file that could "
                                              f"not be opened is kept as {aside.name}.")
        st.rerun()
    st.markdown("Or open the dashboard on another workspace file: "
                "`streamlit run dashboard.py -- --workspace PATH`"
                + (", or update the dashboard to the version that wrote this file."
                   if problem.newer else "."))
    st.stop()


def page_setup(title: str) -> View:
    """Render the shared sidebar and the page heading, and return the data the page shows."""
    as_of = state.start_run()
    _ensure_navigation()
    problem = workspace.opening_problem()
    if problem is not None:
        _workspace_problem(problem)
    with st.sidebar:
        draw_navigation()
        st.divider()
        _data_source()
    dataset = state.current()
    _forget_old_filters(dataset.generation)
    with st.sidebar:
        filters = _filters(dataset.result.applications, dataset.generation)
    apps = remembered(dataset.key, filter_applications, dataset.result.applications, filters)
    total = len(dataset.result.applications)
    with st.sidebar:
        st.caption(f"Showing {len(apps):,} of {plural(total, 'application')}."
                   if filters.active else f"Showing all {plural(total, 'application')}.")
        ghost_days = _settings()

    st.title(title, anchor=False)
    notice = st.session_state.pop(state.NOTICE_KEY, None) or workspace.upgrade_notice()
    if notice:
        st.warning(notice, icon=":material/sync:")
    error = st.session_state.get(state.ERROR_KEY)
    if error:
        st.error(f"{md(error['message'])}\n\nNothing was changed: the dashboard still shows "
                 f"{dataset.label.lower() if dataset.is_sample else md(dataset.label)} "
                 f"({plural(total, 'application')}).", icon=":material/error:")
    mapping = state.pending_mapping()
    if mapping:
        _column_mapper(mapping)
    pending = state.pending_import()
    if pending:
        _import_choice(pending)
    if dataset.is_sample:
        st.info("You are looking at **sample data**: made-up applications whose dates end "
                "today. Import your own tracker in the sidebar; it stays on this computer.",
                icon=":material/science:")
    return View(apps=apps, all_apps=dataset.result.applications, dataset=dataset,
                filters=filters, as_of=as_of, ghost_days=ghost_days)
