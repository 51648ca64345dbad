"""The command line, run as a user runs it: a subprocess per command."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import openpyxl
import pandas as pd
import pytest
from conftest import ROOT

from analysis import load_applications
from analysis.followups import RULES_SETTING, STATES, due_follow_ups
from analysis.model.store import Workspace
from analysis.outputs.applog import application_log

SAMPLE = ROOT / "data" / "sample.csv"
AS_OF = "2026-11-20"


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", ["", "report", "follow-ups", "log", "template", "mail",
                                     "forecast"])
def test_every_command_has_help(command):
    done = run(*([command] if command else []), "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: jobsearch {command}".rstrip())
    if not command:
        assert all(c in done.stdout for c in ("report", "follow-ups", "log", "template"))


def test_report_writes_excel_and_html(tmp_path):
    done = run("report", SAMPLE, "--out", tmp_path / "report.xlsx", "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr
    assert "Read 150 applications from sample.csv" in done.stderr
    workbook = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert workbook["Applications"].max_row == 151
    assert workbook["Summary"]["B2"].value == dt.datetime(2026, 11, 20)
    done = run("report", SAMPLE, "--format", "html", "--out", tmp_path / "report.htm")
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "report.htm").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and 'id="offers"' in html


def test_follow_ups_prints_todays_actions_and_saves_them(tmp_path):
    done = run("follow-ups", SAMPLE, "--as-of", AS_OF, "--ics", tmp_path / "f.ics",
               "--csv", tmp_path / "f.csv")
    assert done.returncode == 0, done.stderr
    result = load_applications(str(SAMPLE))
    actions = due_follow_ups(result.applications, as_of=dt.date.fromisoformat(AS_OF),
                             offers=result.offers)
    counts = actions["state"].value_counts()
    heading = done.stdout.splitlines()[0]
    assert heading.endswith("on Friday 20 November 2026.")
    assert all(f"{counts[k]} {k}" in heading for k in STATES if k in counts)
    assert len(done.stdout.splitlines()) == 3 + len(actions)  # heading, blank, header
    events = icalendar.Calendar.from_ical((tmp_path / "f.ics").read_bytes()).walk("VEVENT")
    assert len(events) == len(actions)
    assert len(pd.read_csv(tmp_path / "f.csv")) == len(actions)


def test_log_writes_the_period(tmp_path):
    done = run("log", SAMPLE, "--from", "2026-10-01", "--to", "2026-10-31", "--out",
               tmp_path / "october.xlsx", "--name", "Sam Doe")
    assert done.returncode == 0, done.stderr
    expected = application_log(load_applications(str(SAMPLE)).applications,
                               start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))
    sheet = openpyxl.load_workbook(tmp_path / "october.xlsx")["Application log"]
    assert sheet.max_row == 5 + len(expected)
    assert sheet["A1"].value == "Job applications by Sam Doe"


def test_template_writes_an_importable_tracker(tmp_path):
    done = run("template", "--out", tmp_path / "tracker.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    workbook = openpyxl.load_workbook(tmp_path / "tracker.xlsx")
    workbook["Applications"].append(["Acme", "Analyst", dt.datetime(2026, 3, 2), "applied"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert load_applications(buffer.getvalue(), name="t.xlsx").applications["company"]\
        .tolist() == ["Acme"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["report", "missing.csv", "--out", "r.xlsx"], 1, "missing.csv: no such file."),
    (["report", "junk.xlsx", "--out", "r.xlsx"], 1, "junk.xlsx: "),
    (["report", "nocompany.csv", "--out", "r.html"], 1, "no Company column was recognised"),
    (["report", "tracker.csv", "--out", "r.pdf"], 1, "give a file ending in .xlsx or .html"),
    (["log", "tracker.csv", "--from", "2026-02-30", "--to", "2026-03-01", "--out", "l.xlsx"], 2,
     "'2026-02-30' is not a date"),
    (["log", "tracker.csv", "--from", "2026-03-09", "--to", "2026-03-01", "--out", "l.xlsx"], 1,
     "is before --from"),
    (["report", "tracker.csv", "--out", "no/such/dir/r.xlsx"], 1, "cannot write the file"),
    (["frobnicate"], 2, "invalid choice"),
])
def test_bad_input_gets_a_message_and_a_non_zero_exit(tmp_path, args, code, message):
    (tmp_path / "junk.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (tmp_path / "nocompany.csv").write_text("Employer name,Job\nAcme,Analyst\n")
    shutil.copy(SAMPLE, tmp_path / "tracker.csv")
    done = run(*args, cwd=tmp_path)
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(shutil.which("jobsearch") is None, reason="the package is not installed")
def test_the_console_script_is_installed(tmp_path):
    done = subprocess.run(["jobsearch", "template", "--out", str(tmp_path / "t.xlsx")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "t.xlsx").stat().st_size > 5_000


def test_without_a_file_the_commands_read_the_dashboards_saved_data(tmp_path):
    """What the user marked done in the dashboard stays done on the command line."""
    result = load_applications(str(SAMPLE))
    workspace = Workspace(tmp_path / "workspace.sqlite3")
    workspace.save(result.applications, offers=result.offers, kind="import",
                   description="sample", expected=None)
    actions = due_follow_ups(result.applications, as_of=dt.date.fromisoformat(AS_OF),
                             offers=result.offers)
    workspace.set_follow_up_state(str(actions["action_id"].iloc[0]), "done")
    done = run("follow-ups", "--workspace", tmp_path / "workspace.sqlite3", "--as-of", AS_OF,
               "--csv", tmp_path / "f.csv")
    assert done.returncode == 0, done.stderr
    assert "Read 150 applications saved on" in done.stderr
    assert len(pd.read_csv(tmp_path / "f.csv")) == len(actions) - 1
    done = run("report", "--workspace", tmp_path / "workspace.sqlite3", "--out",
               tmp_path / "r.xlsx")
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(tmp_path / "r.xlsx")["Applications"].max_row == 151
    # The status check switched off on the Follow-ups page is off here too.
    workspace.set_setting(RULES_SETTING, {"status_check": None})
    done = run("follow-ups", "--workspace", tmp_path / "workspace.sqlite3", "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr
    assert "Check on the status" not in done.stdout
    assert "Check on the status" in run("follow-ups", SAMPLE, "--as-of", AS_OF).stdout


def test_without_a_file_or_saved_data_the_command_says_what_to_give(tmp_path):
    done = run("report", "--workspace", tmp_path / "none.sqlite3", "--out", tmp_path / "r.html")
    assert done.returncode == 1
    assert "no saved data at" in done.stderr and "give your spreadsheet" in done.stderr


def test_follow_ups_list_one_thank_you_per_interviewer(tmp_path):
    """A tracker with an Interviews sheet: a panel of two gets two thank-you lines, and the
    calendar an event for the interview to come."""
    from conftest import xlsx_bytes

    path = tmp_path / "tracker.xlsx"
    path.write_bytes(xlsx_bytes({
        "Applications": [["Company", "Role", "Status", "Date applied"],
                         ["Acme", "Analyst", "Interviewing", dt.date(2026, 11, 2)]],
        "Interviews": [["Company", "Role", "Date", "Interviewers", "Interviewer emails"],
                       ["Acme", "Analyst", dt.datetime(2026, 11, 19, 14, 0),
                        "Ana Ruiz; Ben Okafor", "ana@acme.example; ben@acme.example"],
                       ["Acme", "Analyst", dt.datetime(2026, 11, 24, 10, 0), "Cleo Park", ""]],
    }))
    done = run("follow-ups", path, "--as-of", AS_OF, "--ics", tmp_path / "f.ics")
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if "thank-you" in line.lower()]
    assert len(lines) == 2
    assert any("Ana Ruiz" in line for line in lines) and any("Ben Okafor" in line for line in lines)
    events = icalendar.Calendar.from_ical((tmp_path / "f.ics").read_bytes()).walk("VEVENT")
    interview = [e for e in events if str(e["summary"]).startswith("Interview, round 2")]
    assert len(interview) == 1 and "Checklist:" in str(interview[0]["description"])


def test_mail_lists_what_the_mailbox_tells_and_saves_it(tmp_path):
    """`jobsearch mail MAILBOX TRACKER --out proposals.csv`: a table, a CSV, no change."""
    import mailcorpus

    corpus = mailcorpus.build()
    mailbox = tmp_path / "All mail Including Spam and Trash.mbox"
    mailbox.write_bytes(corpus.mbox())
    tracker = tmp_path / "tracker.csv"
    corpus.tracker().rename(columns={"company": "Company", "role": "Role",
                                     "date_applied": "Date applied", "status": "Status",
                                     "job_url": "Job URL"})[
        ["Company", "Role", "Date applied", "Status", "Job URL"]].to_csv(tracker, index=False)
    before = tracker.read_bytes()
    done = run("mail", mailbox, tracker, "--as-of", "2026-12-31", "--out", tmp_path / "p.csv")
    assert done.returncode == 0, done.stderr
    assert "Read 303 messages" in done.stderr and "sam.taylor@gmail.com" in done.stderr
    assert "MB/s" not in done.stderr  # the running count only on a terminal, not in a log
    assert "proposals (review them in the dashboard's Mail page)" in done.stdout
    assert "Decision date" in done.stdout and "rejected" in done.stdout
    saved = pd.read_csv(tmp_path / "p.csv")
    assert len(saved) >= 100 and {"row", "column", "value", "message_id"} <= set(saved.columns)
    assert tracker.read_bytes() == before


def test_nothing_from_a_mailbox_reaches_the_terminal_as_a_control_sequence(tmp_path):
    """A sender's name that would retitle the terminal and clear the screen prints as text."""
    tracker = tmp_path / "tracker.csv"
    tracker.write_text("Company,Role,Date applied\nAcme,Analyst,2026-10-01\n")
    name = "Jane\x1b]0;pwned\x07\x1b[2J\x9b31m Doe"
    mailbox = tmp_path / "mail.mbox"
    mailbox.write_bytes(
        b"From x Tue Nov 03 10:00:00 2026\n"
        + f'From: "{name}" <jane.doe@acme.example>\nTo: me@mail.example\n'
          "Subject: Interview\nDate: Tue, 03 Nov 2026 10:00:00 +0000\n\n"
          "We would like to invite you to an interview on 10 November at 2pm.\n".encode())
    done = run("mail", mailbox, tracker, "--as-of", "2026-12-31")
    assert done.returncode == 0, done.stderr
    assert "Jane]0;pwned[2J" in done.stdout  # the contact's name, as text
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in done.stdout + done.stderr


def test_an_unexpected_problem_is_a_sentence_not_a_traceback(tmp_path, monkeypatch):
    from analysis import cli

    def broken(args):
        raise OverflowError("date value out of range")

    monkeypatch.setitem(cli.COMMANDS, "template", broken)
    monkeypatch.delenv("JOBSEARCH_DEBUG", raising=False)
    assert cli.main(["template", "--out", str(tmp_path / "t.xlsx")]) == 2


def test_mail_refuses_what_is_not_a_mailbox(tmp_path):
    done = run("mail", SAMPLE, SAMPLE)
    assert done.returncode == 1
    assert "this is a spreadsheet" in done.stderr and "Traceback" not in done.stderr
    done = run("mail", tmp_path / "missing.mbox", SAMPLE)
    assert done.returncode == 1 and "no such file" in done.stderr


def test_forecast_prints_the_forecast_the_check_and_the_plan(tmp_path):
    done = run("forecast", SAMPLE, "--as-of", AS_OF, "--by", "2027-03-01", "--csv",
               tmp_path / "forecast.csv")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "offers expected within 90 days (80% interval" in out
    assert "Interviewed:" in out and "60 days ago" in out and "90 days ago" in out
    assert "by 1 March 2027" in out
    table = pd.read_csv(tmp_path / "forecast.csv")
    assert list(table.columns)[:3] == ["Company", "Role", "Stage"]
    assert table["Chance of an offer"].is_monotonic_decreasing
    assert f"The likeliest of {len(table):,} open applications" in out


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--horizon", "0", "at least 1"), ("--probability", "1.5", "between 0 and 1")])
def test_forecast_refuses_bad_options(option, value, message):
    done = run("forecast", SAMPLE, option, value)
    assert done.returncode == 1 and message in done.stderr
