"""Hostile and broken files, hostile text, and the private server settings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
import tomllib

import openpyxl
import pytest
from conftest import ROOT, csv_bytes
from corpus import CORPUS, XSS, zip_bomb
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import SpreadsheetError, generate_applications, load_applications
from analysis import followups as f
from analysis.model import schema as s
from analysis.outputs.exports import safe_csv
from analysis.outputs.roundtrip import to_workbook
from analysis.reading.sources import MAX_FILE_BYTES, RawFile

AS_OF = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return {name: builder() for name, (_, builder, _) in CORPUS.items()}


@pytest.mark.parametrize("case", list(CORPUS))
def test_each_file_loads_or_gets_its_message(case, built):
    file_name, _, (outcome, text) = CORPUS[case]
    raw = RawFile(file_name, built[case])
    if outcome == "refused":
        with pytest.raises(SpreadsheetError, match=text) as caught:
            load_applications(raw, as_of=AS_OF)
        assert file_name in str(caught.value)
        return
    result = load_applications(raw, as_of=AS_OF)
    assert len(result.applications) >= 1
    if case == "10,000 columns":  # every column is kept, under its own name
        assert len(result.applications.columns) == len(s.APPLICATION_COLUMNS) + 10_000
    problems = result.issues.loc[result.issues["severity"] != "info", "problem"].tolist()
    if text:
        assert any(text in p for p in problems), problems
    else:
        assert not problems, problems


def test_a_single_column_file_is_enough(built):
    single = load_applications(RawFile("single.csv", built["single column"]))
    assert single.applications["company"].tolist() == ["Acme", "Globex"]


def test_hostile_text_is_kept_literally(built):
    apps = load_applications(RawFile("hostile.csv", built["hostile text"])).applications
    assert apps["company"].tolist() == XSS
    assert apps["notes"].tolist() == XSS


def test_a_file_far_above_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 4)  # sparse: nothing is written
    with pytest.raises(SpreadsheetError, match="above the 200 MB"):
        load_applications(path)


# The peak is read from /proc/self/status (VmHWM), which starts afresh with the new program:
# getrusage's ru_maxrss would carry over the size of the forking test process.
MEASURE = """
import sys
from analysis import SpreadsheetError, load_applications
from analysis.reading.sources import RawFile
data = open(sys.argv[1], "rb").read()
try:
    load_applications(RawFile("bomb.xlsx", data))
except SpreadsheetError as exc:
    peak = next(int(line.split()[1]) for line in open("/proc/self/status")
                if line.startswith("VmHWM:"))
    print("refused", peak // 1024, flush=True)
"""


def test_refusing_a_zip_bomb_keeps_memory_low(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(zip_bomb(800))
    run = subprocess.run([sys.executable, "-c", MEASURE, str(bomb)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.stdout.startswith("refused"), (run.stdout, run.stderr[-2000:])
    verdict, peak_mb = run.stdout.split()
    assert int(peak_mb) < 500, f"peak {peak_mb} MB"


def test_exports_write_hostile_text_as_text():
    apps = load_applications(csv_bytes([["Company", "Notes"], *([t, t] for t in XSS)]),
                             name="h.csv")
    workbook = openpyxl.load_workbook(io.BytesIO(to_workbook(
        apps.applications, headers=apps.headers, column_map=apps.column_map)))
    cells = [c for c in workbook.active["A"][1:]]
    assert [c.value for c in cells] == XSS
    assert all(c.data_type == "s" for c in cells)
    rows = list(csv.reader(io.StringIO(safe_csv(apps.applications).decode("utf-8-sig"))))
    for row in rows[1:]:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))


def test_server_settings_keep_the_dashboard_private():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server, browser, client = config["server"], config["browser"], config["client"]
    assert server["address"] == "127.0.0.1"  # loopback only, no public-IP lookup
    assert browser["gatherUsageStats"] is False
    assert server["enableXsrfProtection"] is True
    assert server["maxUploadSize"] == 25
    assert server["showEmailPrompt"] is False
    assert client["toolbarMode"] == "viewer"  # no Deploy button
    assert client["showErrorDetails"] == "none"  # details go to the terminal log


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 200), st.integers(5, 120))
def test_follow_up_invariants(seed, days_later, n):
    """Whatever the data and the day: states agree with the dates, nothing is listed twice,
    closed applications only ever get the rejection thank-you, no second follow-up."""
    end = dt.date(2025, 6, 30)
    apps = generate_applications(n, seed=seed, end=end)
    as_of = end + dt.timedelta(days=days_later)
    actions = f.due_follow_ups(apps, as_of=as_of)
    day = actions["due"].dt.date
    assert actions["action_id"].is_unique
    assert (actions.loc[actions["state"] == f.UPCOMING, "due"].dt.date > as_of).all()
    assert (actions.loc[actions["state"] == f.OVERDUE, "days_overdue"] > 0).all()
    assert (actions.loc[actions["state"] != f.OVERDUE, "days_overdue"] == 0).all()
    assert (day <= as_of + dt.timedelta(days=7)).all()
    closed = apps.loc[actions["row"], "status"].isin(["accepted", "withdrawn", "ghosted",
                                                       "rejected"]).to_numpy()
    assert set(actions.loc[closed, "action"]) <= {f.REJECTION_THANKS}
    followed = apps.loc[actions["row"], "follow_up_sent"].notna().to_numpy()
    assert not set(actions.loc[followed, "action"]) & {f.DECISION_FOLLOW_UP, f.STATUS_CHECK}


REFUSED = [name for name, (_, _, (outcome, _)) in CORPUS.items()
           if outcome == "refused" and name != "zip bomb"]


@pytest.mark.parametrize("case", REFUSED)
def test_the_data_loaded_before_stays_loaded(case, built):
    """After a good import, each broken file gets its message and changes nothing."""
    from test_pages import TRACKER, captions, start, upload

    file_name, _, (_, text) = CORPUS[case]
    at = upload(start(), "tracker.csv", csv_bytes(TRACKER))
    at = upload(at, file_name, built[case], "application/octet-stream")
    messages = " ".join(e.value for e in at.error) + " ".join(w.value for w in at.warning)
    assert text in messages.replace("\\", "")
    assert "**3 applications** from tracker.csv" in captions(at)
    assert at.metric[0].value == "3"


# --- a sentence where a crash was ------------------------------------------------------------

def test_impossible_interview_dates_are_named_and_the_calendar_still_exports():
    """An Interviews sheet with -1, 9999-12-31 and 0001-01-01 as dates, and 1e300 as a round:
    each is an issue naming its row, column and value; the calendar and follow-ups work."""
    from conftest import xlsx_bytes

    from analysis.outputs.exports import actions_calendar

    result = load_applications(xlsx_bytes({
        "Applications": [["Company", "Role", "Date applied"], ["Acme", "Analyst", "2026-03-01"]],
        "Interviews": [["Company", "Role", "Date", "Round"], ["Acme", "Analyst", -1, 1],
                       ["Acme", "Analyst", "9999-12-31", 2], ["Acme", "Analyst", "0001-01-01", 3],
                       ["Acme", "Analyst", "2026-03-10", 1e300]]}), as_of=AS_OF)
    issues = result.issues
    problems = issues[issues["file"].str.endswith("[Interviews]")].set_index("row")
    assert problems.loc[2, "problem"] == "a number, not a date"
    assert "year 9999 is not a plausible date" in problems.loc[3, "problem"]
    assert "year 1 is not a plausible date" in problems.loc[4, "problem"]
    assert problems.loc[5, "value"] == "1e+300" and "not a round" in problems.loc[5, "problem"]
    assert result.interviews["date"].dropna().dt.year.tolist() == [2026]
    actions = f.due_follow_ups(result.applications, as_of=dt.date(2026, 3, 11),
                               interviews=result.interviews)
    assert b"BEGIN:VCALENDAR" in actions_calendar(actions, as_of=dt.date(2026, 3, 11),
                                                   interviews=result.interviews)


def test_a_cell_longer_than_the_csv_modules_limit_is_read():
    notes = "A whole job posting pasted into a cell. " * 5_000  # 200,000 characters
    result = load_applications(csv_bytes([["Company", "Role", "Notes"],
                                          ["Acme", "Analyst", notes], ["Globex", "PM", "x"]]))
    assert result.applications["notes"].str.len().tolist() == [len(notes.strip()), 1]


def test_a_day_excel_cannot_hold_is_left_blank_in_a_workbook():
    apps = generate_applications(3, seed=1, end=AS_OF)
    apps.loc[0, s.DATE_APPLIED] = dt.datetime(1, 1, 1)
    data = to_workbook(apps, headers=list(apps.columns), column_map={}, offers=None)
    cells = [row[list(apps.columns).index(s.DATE_APPLIED)] for row in
             openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2, values_only=True)]
    assert cells[0] is None and all(isinstance(c, dt.datetime) for c in cells[1:])
