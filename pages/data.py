"""Data: the applications, editable and saved with every change, their versions, the import
issues, and the download of the data in the user's own spreadsheet layout."""

import streamlit as st

from analysis.model import schema as s
from analysis.model.cells import issues_of, severities_in
from analysis.model.editing import EditError, apply_view_changes, history_warnings
from analysis.model.store import restorable, versions_table
from analysis.model.summary import link_columns, status_options
from analysis.outputs.roundtrip import to_csv, to_workbook
from ui import state, workspace
from ui.shell import page_setup
from ui.widgets import md

EDITOR = "editor"

view = page_setup("Data")
dataset = view.dataset
result = dataset.result


def _column_config() -> dict[str, object]:
    statuses, links = status_options(view.all_apps), link_columns(view.all_apps)
    config: dict[str, object] = {}
    for column in s.APPLICATION_COLUMNS:
        if column.kind == "date":
            config[column.name] = st.column_config.DateColumn(
                column.label, format="D MMM YYYY", help=column.description)
        elif column.kind == "number":
            config[column.name] = st.column_config.NumberColumn(
                column.label, format="localized", min_value=0, help=column.description)
        elif column.kind == "status":
            config[column.name] = st.column_config.SelectboxColumn(
                column.label, options=statuses, help=column.description)
        elif column.name in links:
            config[column.name] = st.column_config.LinkColumn(column.label,
                                                              help=column.description)
        else:
            config[column.name] = st.column_config.TextColumn(column.label,
                                                              help=column.description)
    return config


def _save_edits() -> bool:
    """Apply the editor's pending changes to the saved table, as one new version, before the
    page draws a fresh editor over it (an editor fed its own edits back loses every second
    one)."""
    key = f"{EDITOR}_{st.session_state.get('editor_round', 0)}"
    changes = st.session_state.get(key) or {}
    if not any(changes.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")):
        return False
    try:
        updated, description = apply_view_changes(view.all_apps, view.apps, changes)
    except EditError as exc:
        st.session_state["edit_error"] = str(exc)
    else:
        added = len(changes.get("added_rows") or [])
        if added:
            st.session_state["edit_warnings"] = history_warnings(
                view.all_apps, updated.tail(added), as_of=view.as_of, ghost_days=view.ghost_days)
        if description != "no change":
            state.save_applications(updated, description,
                                    based_on=st.session_state.get("editor_base"))
    st.session_state["editor_round"] = st.session_state.get("editor_round", 0) + 1
    return True


if not dataset.is_sample and _save_edits():
    st.rerun()  # draw the page again over the table as saved
st.subheader(f"Applications ({len(view.apps):,} shown)", anchor=False)
if message := st.session_state.pop("edit_error", None):
    st.error(md(message), icon=":material/error:")
for warning in st.session_state.pop("edit_warnings", []):
    st.warning(md(warning), icon=":material/history:")
if dataset.is_sample:
    st.caption("The sample data can be explored but not edited: import your own tracker to "
               "edit it here.")
    st.dataframe(view.apps, hide_index=True, column_config=_column_config(), height=420,
                 placeholder="")
else:
    st.caption("Edit cells, add rows at the bottom or select rows to delete them. Every change "
               "is saved at once as a new version below, so it can be undone.")
    st.session_state["editor_base"] = dataset.stored  # the version the edits are made on
    st.data_editor(view.apps, hide_index=True, column_config=_column_config(), height=420,
                   num_rows="dynamic", placeholder="",
                   key=f"{EDITOR}_{st.session_state.get('editor_round', 0)}")

if not dataset.is_sample:
    st.subheader("Versions", anchor=False)
    history = workspace.workspace().history()
    st.dataframe(versions_table(history), hide_index=True, height=220, column_config={
                     "version": st.column_config.NumberColumn("Version", format="%d"),
                     "created": st.column_config.DatetimeColumn("When (UTC)",
                                                                format="D MMM YYYY, HH:mm"),
                     "kind": "Kind", "description": "What changed",
                     "rows": st.column_config.NumberColumn("Rows", format="%d"),
                     "current": st.column_config.CheckboxColumn("Current")})
    older = restorable(history)
    if older:
        left, right = st.columns([2, 1], vertical_alignment="bottom")
        chosen = left.selectbox("Version to bring back", list(older), key="restore_version",
                                format_func=older.get)
        right.button("Restore it", on_click=state.restore, args=(chosen,),
                     icon=":material/restore:",
                     help="Restoring adds a new version, so it can be undone too.")

    st.subheader("Download", anchor=False)
    st.caption("Your columns, names and order, the extra columns, the offers and the interviews "
               "sheets, with real dates: go on editing in Excel or LibreOffice and import it "
               "again. (The CSV holds the applications only.)")
    options = {"headers": result.headers or list(view.all_apps.columns),
               "column_map": result.column_map}
    left, right = st.columns(2)
    left.download_button("Excel workbook (.xlsx)",
                         lambda: to_workbook(view.all_apps, offers=result.offers,
                                             interviews=result.interviews, **options),
                         "job-applications.xlsx", icon=":material/download:", on_click="ignore",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    # No rerun on click: a rerun could replace the button before its file is fetched.
    right.download_button("CSV", lambda: to_csv(view.all_apps, **options),
                          "job-applications.csv", "text/csv", icon=":material/download:",
                          on_click="ignore")

st.subheader("Import issues", anchor=False)
issues = result.issues
if issues.empty:
    st.success("The last import found no problems.", icon=":material/check_circle:")
else:
    severities = severities_in(issues)
    shown = st.segmented_control("Show", severities, default=severities, selection_mode="multi",
                                 key="issue_severity")
    st.dataframe(
        issues_of(issues, shown or severities),
        hide_index=True, placeholder="",
        column_config={
            "file": st.column_config.TextColumn("File"),
            "row": st.column_config.NumberColumn("Row", format="%d",
                                                 help="The row number in your spreadsheet."),
            "column": st.column_config.TextColumn("Column"),
            "value": st.column_config.TextColumn("Value"),
            "problem": st.column_config.TextColumn("Problem", width="large"),
            "severity": st.column_config.TextColumn(
                "Severity", help="error: the cell was left blank; warning: read by a guess or "
                                 "doubtful; info: something was skipped or assumed."),
        },
    )
