"""The Reports page's Excel report button: a plain download for the usual search; from
``LARGE`` applications, a button that writes the workbook first with a progress bar and
then offers it."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from analysis.model.words import plural
from analysis.outputs import Report, report_workbook
from ui import state

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LARGE = 20_000  # from this many applications the Excel report is prepared with a progress bar
EXCEL_KEY = "prepared_excel_report"
EXCEL_HELP = ("Summary, Applications, Follow-ups, Offers, Interviews and Import issues sheets; "
              "overdue rows are shaded.")


def excel_report_button(column: DeltaGenerator, full_report: Callable[[], Report], *,
                        name: str, rows: int, made_for: Hashable) -> None:
    """The Excel report of ``rows`` applications, built by ``full_report`` when asked for;
    a workbook prepared for a large search is kept while ``made_for`` stays the same."""
    if rows < LARGE:
        column.download_button(
            "Excel report (.xlsx)", lambda: report_workbook(full_report()), name, XLSX,
            icon=":material/table_view:", on_click="ignore", width="stretch",
            disabled=rows == 0, help=EXCEL_HELP)
        return
    # Thousands of rows take seconds to write: prepared first, with a progress bar.
    prepared = st.session_state.get(EXCEL_KEY)
    with column:
        if prepared is not None and prepared[0] == made_for:
            st.download_button("Excel report (.xlsx)", prepared[1], name, XLSX,
                               icon=":material/table_view:", on_click="ignore",
                               width="stretch", help=EXCEL_HELP)
            st.caption(f"Prepared at {prepared[2]:%H:%M} for these "
                       f"{plural(rows, 'application')}.")
        elif st.button("Prepare the Excel report", icon=":material/table_view:",
                       width="stretch", help=f"{EXCEL_HELP} {rows:,} applications take a "
                                             "few seconds; a bar shows the progress."):
            bar = st.progress(0.0, "Writing the Excel report…")

            def advance(share: float) -> None:
                bar.progress(share, f"Writing the Excel report… {share:.0%}")

            data = report_workbook(full_report(), progress=advance)
            st.session_state[EXCEL_KEY] = (made_for, data, state.now())
            st.rerun()
