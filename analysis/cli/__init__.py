"""The command line: reports, follow-ups, the application log and the blank tracker, without the
browser. Each command reads the spreadsheet with ``load_applications`` (or, given no file, the
data the dashboard saved, with the follow-ups marked done and the offer criteria) and calls the
same builders as the Reports page.

    jobsearch report tracker.xlsx --out report.html
    jobsearch follow-ups --ics follow-ups.ics        # the dashboard's saved data
    jobsearch log tracker.xlsx --from 2026-09-01 --to 2026-09-30 --out september.xlsx
    jobsearch template --out tracker.xlsx
    jobsearch mail --imap imap.gmail.com --user sam@gmail.com --out proposals.csv
    jobsearch forecast tracker.xlsx --by 2027-03-01

The top room: it may import every room below it. ``common`` holds what the commands share
(reading the tracker, writing files), ``mail`` the mail command (a file or an IMAP server).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import TextIO

import pandas as pd

from analysis.cli.common import PROG, CommandError, _date, _format, _load, _write
from analysis.cli.mail import add_mail_parser, run_mail
from analysis.followups.due import state_counts
from analysis.followups.log import open_follow_ups
from analysis.forecast.channels import CHANNELS
from analysis.forecast.needed import MIX, applications_needed
from analysis.forecast.pipeline import channel_forecast
from analysis.forecast.validation import backtest, backtest_lines
from analysis.model.stages import GHOST_DAYS
from analysis.model.store import ENV_VAR, default_path
from analysis.model.words import chance_text, printable
from analysis.outputs import applog, report_book, report_page, reports
from analysis.outputs.exports import actions_calendar, safe_csv
from analysis.outputs.template import tracker_template

FOLLOW_UP_COLUMNS = {"state": "State", "due": "Due", "title": "Action", "company": "Company",
                     "role": "Role", "contact_name": "To", "channel": "Channel"}


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

    add_mail_parser(commands)

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
    forecast.add_argument("--through", choices=[MIX, *CHANNELS], default=MIX,
                          help="with --by: the channel the next applications go through "
                               "(default: mix, as your history is split)")
    forecast.add_argument("--seed", type=int, default=0, help="the simulation's seed")
    forecast.add_argument("--csv", type=Path, metavar="FILE",
                          help="save each open application's chance as CSV")

    template = commands.add_parser(
        "template", help="a blank tracker spreadsheet to fill in",
        description="Write a blank tracker (xlsx) with every column the dashboard reads, a "
                    "status drop-down, an Offers sheet and instructions.")
    template.add_argument("--out", type=Path, required=True, metavar="FILE")
    return main


def run_report(args: argparse.Namespace) -> None:
    kind = _format(args, ("xlsx", "html"))
    given = _load(args)
    result = given.result
    report = reports.build_report(
        result.applications, as_of=args.as_of, issues=result.issues, offers=result.offers,
        action_log=given.log, rules=given.rules, offer_settings=given.offer_settings,
        ghost_days=args.ghost_days or given.ghost_days, source=", ".join(result.files),
        interviews=result.interviews, channels=given.channels)
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


FORECAST_SHOWN = 15


def run_forecast(args: argparse.Namespace) -> None:
    if args.horizon < 1:
        raise CommandError(f"--horizon {args.horizon}: give a number of days, at least 1.")
    if not 0 < args.probability < 1:
        raise CommandError(f"--probability {args.probability}: give a chance between 0 and 1, "
                           "such as 0.8.")
    given = _load(args)
    apps, channels = given.result.applications, given.channels
    forecast = channel_forecast(apps, as_of=args.as_of, channels=channels,
                                horizon_days=args.horizon, seed=args.seed,
                                interviews=given.result.interviews)
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
    for line in backtest_lines(backtest(apps, as_of=args.as_of, seed=args.seed,
                                        channels=channels,
                                        interviews=given.result.interviews)):
        print(f"  {line}")
    if args.by:
        needed = applications_needed(apps, as_of=args.as_of, by_date=args.by,
                                     probability=args.probability, seed=args.seed,
                                     channel=args.through, channels=channels,
                                     interviews=given.result.interviews)
        print(f"\n{needed.summary(args.by, args.probability)}")
        if needed.channel_summary():
            print(needed.channel_summary())
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
