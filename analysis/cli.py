"""The command line: reports, follow-ups, the application log and the blank tracker, without the
browser. Each command reads the spreadsheet with ``load_applications`` (or, given no file, the
data the dashboard saved, with the follow-ups marked done and the offer criteria) and calls the
same builders as the Reports page.

    jobsearch report tracker.xlsx --out report.html
    jobsearch follow-ups --ics follow-ups.ics        # the dashboard's saved data
    jobsearch log tracker.xlsx --from 2026-09-01 --to 2026-09-30 --out september.xlsx
    jobsearch template --out tracker.xlsx
    jobsearch forecast tracker.xlsx --by 2027-03-01
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pandas as pd

from analysis.followups.due import state_counts
from analysis.followups.log import ActionLog, carried_decisions, open_follow_ups
from analysis.followups.rules import RULES_SETTING, FollowUpRules, rules_from_settings
from analysis.forecast.needed import applications_needed
from analysis.forecast.pipeline import pipeline_forecast
from analysis.forecast.validation import backtest, backtest_lines
from analysis.interviews.journal import saved_or_derived
from analysis.mail.mailbox import MailboxError
from analysis.mail.scan import ScanProgress, scan_mailbox
from analysis.model.cells import empty_issues
from analysis.model.schema import LABELS
from analysis.model.stages import GHOST_DAYS
from analysis.model.store import (
    ENV_VAR,
    GHOST_DAYS_SETTING,
    Workspace,
    WorkspaceError,
    default_path,
)
from analysis.model.words import chance_text, plural, printable
from analysis.offers import scoring as o
from analysis.outputs import applog, report_book, report_page, reports
from analysis.outputs.exports import actions_calendar, safe_csv
from analysis.outputs.template import tracker_template
from analysis.reading.importer import load_applications
from analysis.reading.result import LoadResult, MissingColumnsError
from analysis.reading.sources import SpreadsheetError

PROG = "jobsearch"
FOLLOW_UP_COLUMNS = {"state": "State", "due": "Due", "title": "Action", "company": "Company",
                     "role": "Role", "contact_name": "To", "channel": "Channel"}


class CommandError(Exception):
    """A problem the user can fix, reported as one line and exit status 1."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog=PROG, description="Job search reports from your applications spreadsheet "
                               "(CSV, XLSX or ODS), on your own computer.")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_input(command: argparse.ArgumentParser) -> None:
        command.add_argument("input", nargs="*", metavar="INPUT", type=Path,
                             help="your spreadsheet (and, optionally, a separate offers file); "
                                  "without one, the data saved by the dashboard, with the "
                                  "follow-ups you marked done and your offer criteria")
        command.add_argument("--workspace", type=Path, metavar="PATH",
                             help="the dashboard's saved data to read when no INPUT is given "
                                  f"(default: ${ENV_VAR}, else {default_path()})")
        command.add_argument("--sheet", help="the sheet to read (default: the one whose "
                                             "columns are recognised best)")
        command.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                             help="the day to report on, as YYYY-MM-DD (default: today)")

    report = commands.add_parser(
        "report", help="the full report as Excel or one HTML file",
        description="Write the full report: Excel (Summary, Applications, Follow-ups, Offers, "
                    "Import issues) or a self-contained HTML file with every chart.")
    with_input(report)
    report.add_argument("--format", choices=["xlsx", "html"],
                        help="default: from the --out file's extension")
    report.add_argument("--out", type=Path, required=True, metavar="FILE")
    report.add_argument("--ghost-days", type=int, metavar="DAYS",
                        help="days without a reply after which an application counts as "
                             f"ghosted (default: the dashboard's setting, else {GHOST_DAYS})")

    follow = commands.add_parser(
        "follow-ups", help="print today's follow-up actions",
        description="Print the notes, thank-you notes and follow-ups due, overdue or coming "
                    "up; optionally save them as calendar reminders or a CSV table.")
    with_input(follow)
    follow.add_argument("--ics", type=Path, metavar="FILE", help="save calendar reminders")
    follow.add_argument("--csv", type=Path, metavar="FILE", help="save the actions as CSV")

    log = commands.add_parser(
        "log", help="the application log for a period (proof of job search)",
        description="Write every application sent in a period, with date, company, role, "
                    "channel, contact and outcome, as xlsx or printable HTML.")
    with_input(log)
    log.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    log.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    log.add_argument("--out", type=Path, required=True, metavar="FILE",
                     help="a .xlsx or .html file")
    log.add_argument("--name", default="", help="your name, printed in the title")

    mail = commands.add_parser(
        "mail", help="find replies, rejections and interviews in an exported mailbox",
        description="Read an exported mailbox (an .mbox file such as Google Takeout's, .eml "
                    "or .msg files, a zip of them) on this computer and list what it tells "
                    "that the tracker is missing: replies, rejections, interviews, thank-you "
                    "notes sent, promised decision dates. Nothing is changed; review the "
                    "proposals in the dashboard's Mail page, or in the --out CSV.")
    mail.add_argument("mailbox", type=Path, metavar="MAILBOX")
    mail.add_argument("input", nargs="*", metavar="TRACKER", type=Path,
                      help="your spreadsheet; without one, the data saved by the dashboard")
    mail.add_argument("--workspace", type=Path, metavar="PATH",
                      help="the dashboard's saved data to read when no TRACKER is given")
    mail.add_argument("--sheet", help="the tracker's sheet to read")
    mail.add_argument("--me", metavar="ADDRESS", help="your own address (default: inferred "
                                                      "from the mailbox)")
    mail.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                      help="leave out mail after this day, as YYYY-MM-DD (default: today)")
    mail.add_argument("--out", type=Path, metavar="FILE", help="save the proposals as CSV")

    forecast = commands.add_parser(
        "forecast", help="what the open applications will likely bring",
        description="Forecast the offers the open applications will likely bring within a "
                    "horizon (with an 80%% interval and the chance of at least one), from your "
                    "own history with waiting applications counted as waiting; check the same "
                    "forecast against your past; and, with --by, say how many applications a "
                    "week give an offer by a date.")
    with_input(forecast)
    forecast.add_argument("--horizon", type=int, default=90, metavar="DAYS",
                          help="days ahead to forecast (default: 90)")
    forecast.add_argument("--by", type=_date, metavar="DATE",
                          help="how many applications a week give an offer by this day")
    forecast.add_argument("--probability", type=float, default=0.8, metavar="P",
                          help="the chance to aim for with --by, between 0 and 1 "
                               "(default: 0.8)")
    forecast.add_argument("--seed", type=int, default=0, help="the simulation's seed")
    forecast.add_argument("--csv", type=Path, metavar="FILE",
                          help="save each open application's chance as CSV")

    template = commands.add_parser(
        "template", help="a blank tracker spreadsheet to fill in",
        description="Write a blank tracker (xlsx) with every column the dashboard reads, a "
                    "status drop-down, an Offers sheet and instructions.")
    template.add_argument("--out", type=Path, required=True, metavar="FILE")
    return main


@dataclass(frozen=True)
class Input:
    """What a command works on: the applications and offers, and from the dashboard's saved
    data the follow-up decisions, offer criteria and ghosting threshold (defaults for a
    file)."""

    result: LoadResult
    log: ActionLog = field(default_factory=ActionLog)
    offer_settings: dict[str, object] = field(default_factory=dict)
    ghost_days: int = GHOST_DAYS
    rules: FollowUpRules = field(default_factory=FollowUpRules)


def _load(args: argparse.Namespace) -> Input:
    if not args.input:
        return _load_saved(args.workspace or default_path())
    return Input(_load_file(args))


def _load_saved(path: Path) -> Input:
    if not path.is_file():
        raise CommandError(f"no saved data at {path}: give your spreadsheet, e.g. "
                           f"`{PROG} report tracker.xlsx --out report.html`.")
    try:  # read as it is: a command line report never upgrades or changes the file
        workspace = Workspace(path, read_only=True)
        snapshot = workspace.load()
        decisions = workspace.follow_up_decisions()
        offer_settings = workspace.setting(o.SETTINGS_KEY, {})
        ghost_days = workspace.setting(GHOST_DAYS_SETTING, GHOST_DAYS)
        rules = rules_from_settings(workspace.setting(RULES_SETTING, {}))
    except WorkspaceError as error:
        raise CommandError(str(error)) from None
    except (sqlite3.Error, RuntimeError, ValueError) as error:
        raise CommandError(f"{path}: the saved data could not be read ({error}).") from None
    if snapshot is None:
        raise CommandError(f"{path} holds no applications yet: import your tracker in the "
                           "dashboard first, or give the spreadsheet here.")
    files = snapshot.details.get("files")
    result = LoadResult(applications=snapshot.applications, issues=empty_issues(),
                        offers=snapshot.offers,
                        files=[str(f) for f in files] if isinstance(files, list) else [],
                        interviews=saved_or_derived(snapshot.interviews,
                                                    snapshot.applications)).linked()
    print(f"Read {plural(len(result.applications), 'application')} saved on "
          f"{snapshot.created:%-d %B %Y} (version {snapshot.version}).", file=sys.stderr)
    entries = {action: (state, until) for action, (state, until, _) in decisions.items()}
    entries.update(carried_decisions(decisions, result.applications,
                                     interviews=result.interviews))
    return Input(result, ActionLog(entries=entries),
                 dict(offer_settings) if isinstance(offer_settings, dict) else {},
                 ghost_days if isinstance(ghost_days, int) else GHOST_DAYS, rules)


def _load_file(args: argparse.Namespace) -> LoadResult:
    for path in args.input:
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
    try:
        result = load_applications([str(p) for p in args.input] if len(args.input) > 1
                                   else str(args.input[0]), sheet=args.sheet,
                                   as_of=args.as_of)
    except MissingColumnsError as error:
        shown = ", ".join(f"'{h}'" for h in error.headers[:12])
        raise CommandError(
            f"{error.file}: no Company column was recognised among the headers ({shown}). "
            f"Name the column that holds the employer 'Company', or start from "
            f"`{PROG} template`.") from None
    except SpreadsheetError as error:
        raise CommandError(str(error)) from None
    counts = result.issues["severity"].value_counts()
    problems = [plural(int(counts[k]), k) for k in ("error", "warning") if counts.get(k)]
    print(f"Read {plural(len(result.applications), 'application')} from "
          f"{', '.join(result.files)}" + (f" ({', '.join(problems)})" if problems else "")
          + ".", file=sys.stderr)
    return result


def _write(path: Path, data: bytes | str) -> None:
    try:
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    except OSError as error:
        raise CommandError(f"{path}: cannot write the file ({error.strerror}).") from None
    print(f"Wrote {path}.", file=sys.stderr)


def _format(args: argparse.Namespace, allowed: Sequence[str]) -> str:
    chosen = getattr(args, "format", None) or args.out.suffix.lower().lstrip(".")
    if chosen not in allowed:
        raise CommandError(f"{args.out}: give a file ending in "
                           f"{' or '.join('.' + a for a in allowed)}, or use --format.")
    return chosen


def run_report(args: argparse.Namespace) -> None:
    kind = _format(args, ("xlsx", "html"))
    given = _load(args)
    result = given.result
    report = reports.build_report(
        result.applications, as_of=args.as_of, issues=result.issues, offers=result.offers,
        action_log=given.log, rules=given.rules, offer_settings=given.offer_settings,
        ghost_days=args.ghost_days or given.ghost_days, source=", ".join(result.files),
        interviews=result.interviews)
    _write(args.out, report_book.report_workbook(report) if kind == "xlsx"
           else report_page.report_html(report))


def follow_up_listing(actions: pd.DataFrame, as_of: dt.date) -> str:
    """The actions as a plain-text table for the terminal."""
    if actions.empty:
        return (f"Nothing to do on {as_of:%A %-d %B %Y}: no notes, thank-you notes or "
                "follow-ups are due.")
    table = actions[list(FOLLOW_UP_COLUMNS)].rename(columns=FOLLOW_UP_COLUMNS)
    table["Due"] = table["Due"].dt.strftime("%a %-d %b")
    table = table.fillna("").replace("nan", "")
    heading = ", ".join(f"{n} {state}" for state, n in state_counts(actions).items() if n)
    return f"{heading} on {as_of:%A %-d %B %Y}.\n\n" + table.to_string(index=False,
                                                                       max_colwidth=40)


def run_follow_ups(args: argparse.Namespace) -> None:
    given = _load(args)
    actions = open_follow_ups(given.result.applications, as_of=args.as_of, log=given.log,
                              rules=given.rules, offers=given.result.offers,
                              interviews=given.result.interviews)
    print(follow_up_listing(actions, args.as_of))
    if args.ics:
        _write(args.ics, actions_calendar(actions, as_of=args.as_of,
                                          interviews=given.result.interviews))
    if args.csv:
        _write(args.csv, safe_csv(reports.actions_table(actions)))


def run_log(args: argparse.Namespace) -> None:
    kind = _format(args, ("xlsx", "html"))
    if args.end < args.start:
        raise CommandError(f"--to {args.end} is before --from {args.start}.")
    log = applog.application_log(_load(args).result.applications, start=args.start,
                                  end=args.end)
    build = applog.log_workbook if kind == "xlsx" else applog.log_html
    _write(args.out, build(log, start=args.start, end=args.end, name=args.name,
                           as_of=args.as_of))


def run_template(args: argparse.Namespace) -> None:
    _format(args, ("xlsx",))
    _write(args.out, tracker_template())


MAIL_COLUMNS = {"company": "Company", "role": "Role", "column": "Column", "value": "Value",
                "kind": "Found", "confidence": "Sure", "message_date": "Mail of"}


def run_mail(args: argparse.Namespace) -> None:
    given = _load(args)
    if not args.mailbox.exists():
        raise CommandError(f"{args.mailbox}: no such file or folder.")
    started = time.perf_counter()

    def report(progress: ScanProgress) -> None:
        print(f"\r{progress.messages:,} messages, {progress.mb_per_second:.0f} MB/s",
              end="", file=sys.stderr)

    try:
        scan = scan_mailbox(args.mailbox, given.result.applications, as_of=args.as_of,
                            me=args.me, progress=report)
    except MailboxError as error:
        raise CommandError(str(error)) from None
    stats = scan.stats
    print(f"\rRead {stats['messages read']:,.0f} messages in "
          f"{time.perf_counter() - started:.1f} s: {stats['matched']:,.0f} about your "
          f"applications, {stats['skipped as bulk']:,.0f} bulk (alerts, newsletters), "
          f"{stats['unreadable']:,.0f} unreadable. Your address: {scan.me or 'unknown'}.",
          file=sys.stderr)
    proposals = scan.proposals
    if proposals.empty:
        print("Nothing to add: the mailbox tells nothing the tracker does not already hold.")
    else:
        table = proposals[list(MAIL_COLUMNS)].rename(columns=MAIL_COLUMNS).copy()
        table["Value"] = [f"{v:%Y-%m-%d}" if isinstance(v, pd.Timestamp) else str(v)
                          for v in proposals["value"]]
        table["Mail of"] = table["Mail of"].dt.strftime("%-d %b %Y")
        table["Column"] = proposals["column"].map(LABELS).fillna(proposals["column"])
        table["Company"] = table["Company"].fillna("").replace("nan", "")
        table["Role"] = table["Role"].fillna("").replace("nan", "")
        print(f"{plural(len(proposals), 'proposal')} (review them in the dashboard's Mail "
              "page):\n")
        print(table.to_string(index=False, max_colwidth=40))
    if args.out:
        _write(args.out, safe_csv(proposals.assign(value=[
            f"{v:%Y-%m-%d}" if isinstance(v, pd.Timestamp) else v for v in proposals["value"]])))


FORECAST_SHOWN = 15


def run_forecast(args: argparse.Namespace) -> None:
    if args.horizon < 1:
        raise CommandError(f"--horizon {args.horizon}: give a number of days, at least 1.")
    if not 0 < args.probability < 1:
        raise CommandError(f"--probability {args.probability}: give a chance between 0 and 1, "
                           "such as 0.8.")
    apps = _load(args).result.applications
    forecast = pipeline_forecast(apps, as_of=args.as_of, horizon_days=args.horizon,
                                 seed=args.seed)
    print(forecast.summary())
    for note in forecast.notes:
        print(f"  {note}")
    if forecast.open:
        table = reports.forecast_table(forecast)
        shown = table.head(FORECAST_SHOWN).copy()
        for column in ("Chance of an offer", "Share of the offers expected"):
            shown[column] = shown[column].map(chance_text)
        shown = shown.fillna("").replace("nan", "")
        print(f"\nThe likeliest of {forecast.open:,} open applications:\n")
        print(shown.to_string(index=False, max_colwidth=36))
    print("\nYour history, stage by stage:")
    for rate in forecast.rates:
        print(f"  {rate.describe()}")
    print("\nChecked against your past:")
    for line in backtest_lines(backtest(apps, as_of=args.as_of, seed=args.seed)):
        print(f"  {line}")
    if args.by:
        needed = applications_needed(apps, as_of=args.as_of, by_date=args.by,
                                     probability=args.probability, seed=args.seed)
        print(f"\n{needed.summary(args.by, args.probability)}")
    if args.csv:
        _write(args.csv, safe_csv(reports.forecast_table(forecast)))


COMMANDS = {"report": run_report, "follow-ups": run_follow_ups, "log": run_log,
            "template": run_template, "mail": run_mail, "forecast": run_forecast}


class _Printable(io.TextIOBase):
    """A terminal stream that drops the control characters in what is printed: names and
    subjects come from files and mail written by others (see ``words.printable``)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "as_of", "absent") is None:
        args.as_of = dt.date.today()
    with redirect_stdout(_Printable(sys.stdout)), redirect_stderr(_Printable(sys.stderr)):
        try:
            COMMANDS[args.command](args)
        except CommandError as error:
            print(f"{PROG}: error: {error}", file=sys.stderr)
            return 1
        except Exception as error:  # a bug must not show a person a traceback
            if os.environ.get("JOBSEARCH_DEBUG"):
                raise
            print(f"{PROG}: error: an unexpected problem ({type(error).__name__}: {error}). "
                  f"Nothing was changed; set JOBSEARCH_DEBUG=1 to see the details.",
                  file=sys.stderr)
            return 2
    return 0
