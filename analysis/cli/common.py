"""What every command shares: the error a person can fix, reading the tracker (a file, or the
data the dashboard saved, read-only) and writing a file."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analysis.followups.log import ActionLog, carried_decisions
from analysis.followups.rules import RULES_SETTING, FollowUpRules, rules_from_settings
from analysis.forecast.channels import CHANNEL_SETTING, channels_from_setting
from analysis.interviews.journal import saved_or_derived
from analysis.model.cells import empty_issues
from analysis.model.stages import GHOST_DAYS
from analysis.model.store import GHOST_DAYS_SETTING, Workspace, WorkspaceError, default_path
from analysis.model.words import plural
from analysis.offers import scoring as o
from analysis.reading.importer import load_applications
from analysis.reading.result import LoadResult, MissingColumnsError
from analysis.reading.sources import SpreadsheetError

PROG = "jobsearch"

class CommandError(Exception):
    """A problem the user can fix, reported as one line and exit status 1."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


@dataclass(frozen=True)
class Input:
    """What a command works on: the applications and offers, and from the dashboard's saved
    data the follow-up decisions, offer criteria, ghosting threshold and the channels said
    for sources (defaults for a file)."""

    result: LoadResult
    log: ActionLog = field(default_factory=ActionLog)
    offer_settings: dict[str, object] = field(default_factory=dict)
    ghost_days: int = GHOST_DAYS
    rules: FollowUpRules = field(default_factory=FollowUpRules)
    channels: dict[str, str] = field(default_factory=dict)


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
        channels = channels_from_setting(workspace.setting(CHANNEL_SETTING, {}))
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
                 ghost_days if isinstance(ghost_days, int) else GHOST_DAYS, rules, channels)


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
