"""Data: the applications as loaded, and every problem the import found."""

import streamlit as st

from analysis import schema as s
from analysis.summary import is_web_url
from ui.shell import page_setup

view = page_setup("Data")
result = view.dataset.result


def _column_config() -> dict[str, object]:
    config: dict[str, object] = {}
    for column in s.APPLICATION_COLUMNS:
        if column.kind == "date":
            config[column.name] = st.column_config.DateColumn(
                column.label, format="D MMM YYYY", help=column.description)
        elif column.kind == "url" and is_web_url(view.apps[column.name].dropna()).all():
            config[column.name] = st.column_config.LinkColumn(column.label,
                                                              help=column.description)
        else:
            config[column.name] = st.column_config.TextColumn(column.label,
                                                              help=column.description)
    return config


st.subheader(f"Applications ({len(view.apps):,} shown)", anchor=False)
if view.apps.empty:
    st.info("No applications match the filters. Clear or widen them in the sidebar.",
            icon=":material/filter_alt_off:")
else:
    st.dataframe(view.apps, hide_index=True, column_config=_column_config(), height=420)
st.caption("Editing in the dashboard is not built yet: change your spreadsheet and import it "
           "again. Columns the dashboard does not know are shown at the right, as you named them.")

st.subheader("Import issues", anchor=False)
issues = result.issues
if issues.empty:
    st.success("The import found no problems.", icon=":material/check_circle:")
else:
    severities = [x for x in ("error", "warning", "info") if x in set(issues["severity"])]
    shown = st.segmented_control("Show", severities, default=severities, selection_mode="multi",
                                 key="issue_severity")
    st.dataframe(
        issues[issues["severity"].isin(shown or severities)],
        hide_index=True,
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
