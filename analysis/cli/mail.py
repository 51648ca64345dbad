"""``jobsearch mail``: the proposals an exported mailbox or the person's IMAP server makes for
the tracker, printed and saved as CSV; nothing is changed, the dashboard's workspace is only
read (its declined proposals left out of what the server gives)."""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.cli.common import PROG, CommandError, _date, _load, _write
from analysis.mail.imap import MailServerError, SyncState
from analysis.mail.keychain import ENV_PASSWORD, saved_password
from analysis.mail.mailbox import MailboxError
from analysis.mail.proposals import DECLINED_SETTING, proposal_key
from analysis.mail.scan import ScanProgress, scan_mailbox
from analysis.mail.server_scan import mail_since, scan_imap
from analysis.mail.words import kind_label
from analysis.model.schema import LABELS
from analysis.model.store import Workspace, WorkspaceError, default_path
from analysis.model.words import plural
from analysis.outputs.exports import safe_csv


def add_mail_parser(commands: Any) -> None:
    mail = commands.add_parser(
        "mail", help="find replies, rejections and interviews in your mail",
        usage=f"{PROG} mail [MAILBOX | --imap HOST[:PORT] --user ADDRESS] [TRACKER ...] "
              "[options]",
        description="Read an exported mailbox (an .mbox file such as Google Takeout's, .eml "
                    "or .msg files, a zip of them) on this computer, or your mail server over "
                    "IMAP (--imap: read-only, only the mail since your first application), and "
                    "list what it tells that the tracker is missing: replies, rejections, "
                    "interviews, thank-you notes sent, promised decision dates. Nothing is "
                    "changed; review the proposals in the dashboard's Mail page, or in the "
                    "--out CSV. The server's password comes from the keyring (kept there by "
                    "the dashboard's \"Remember the password\"), else $"
                    f"{ENV_PASSWORD}, else a prompt.")
    mail.add_argument("mailbox", type=Path, nargs="?", metavar="MAILBOX",
                      help="an exported mailbox (not with --imap)")
    mail.add_argument("input", nargs="*", metavar="TRACKER", type=Path,
                      help="your spreadsheet; without one, the data saved by the dashboard")
    mail.add_argument("--imap", metavar="HOST[:PORT]",
                      help="read this IMAP server instead of a file (port 993, or 143 with "
                           "--starttls)")
    mail.add_argument("--user", metavar="ADDRESS", help="the account on the server (--imap)")
    mail.add_argument("--folder", action="append", default=[], metavar="NAME",
                      help="a folder to read, or a role such as \\Sent; repeat for more "
                           "(default: All Mail where the server has it, else INBOX, Sent "
                           "and Archive)")
    mail.add_argument("--trust-fingerprint", metavar="SHA256",
                      help="trust the server's own certificate by its SHA-256 fingerprint "
                           "(AB:CD:...), checked against the one your server shows")
    mail.add_argument("--starttls", action="store_true",
                      help="plain IMAP upgraded with STARTTLS (port 143) instead of TLS")
    mail.add_argument("--state", type=Path, metavar="FILE",
                      help="with --imap: where this command keeps how far it has read (JSON, "
                           "no secret), to read only new mail next time; without it every "
                           "run reads all mail since your first application")
    mail.add_argument("--workspace", type=Path, metavar="PATH",
                      help="the dashboard's saved data to read when no TRACKER is given")
    mail.add_argument("--sheet", help="the tracker's sheet to read")
    mail.add_argument("--me", metavar="ADDRESS", help="your own address (default: the "
                                                      "account's, else inferred)")
    mail.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                      help="leave out mail after this day, as YYYY-MM-DD (default: today)")
    mail.add_argument("--out", type=Path, metavar="FILE", help="save the proposals as CSV")


MAIL_COLUMNS = {"company": "Company", "role": "Role", "column": "Column", "value": "Value",
                "kind": "Found", "confidence": "Sure", "message_date": "Mail of"}


def run_mail(args: argparse.Namespace) -> None:
    if args.imap:
        run_mail_server(args)
        return
    if args.mailbox is None:
        raise CommandError("give a mailbox file, or --imap HOST --user ADDRESS to read your "
                           "mail server.")
    given = _load(args)
    if not args.mailbox.exists():
        raise CommandError(f"{args.mailbox}: no such file or folder.")
    started = time.perf_counter()
    try:
        scan = scan_mailbox(args.mailbox, given.result.applications, as_of=args.as_of,
                            me=args.me, progress=_mail_progress)
    except MailboxError as error:
        raise CommandError(str(error)) from None
    stats = scan.stats
    print(f"\rRead {stats['messages read']:,.0f} messages in "
          f"{time.perf_counter() - started:.1f} s: {stats['matched']:,.0f} about your "
          f"applications, {stats['skipped as bulk']:,.0f} bulk (alerts, newsletters), "
          f"{stats['unreadable']:,.0f} unreadable. Your address: {scan.me or 'unknown'}.",
          file=sys.stderr)
    _print_proposals(scan.proposals, args.out)


def _mail_progress(progress: ScanProgress) -> None:
    """The running count on a terminal (rewritten in place); nothing in a log or a pipe."""
    if sys.stderr.isatty():
        print(f"\r{progress.messages:,} messages, {progress.mb_per_second:.1f} MB/s", end="",
              file=sys.stderr)


def _print_proposals(proposals: pd.DataFrame, out: Path | None) -> None:
    if proposals.empty:
        print("Nothing to add: the mail tells nothing the tracker does not already hold.")
    else:
        table = proposals[list(MAIL_COLUMNS)].rename(columns=MAIL_COLUMNS).copy()
        table["Value"] = [f"{v:%Y-%m-%d}" if isinstance(v, pd.Timestamp) else str(v)
                          for v in proposals["value"]]
        table["Mail of"] = table["Mail of"].dt.strftime("%-d %b %Y")
        table["Column"] = proposals["column"].map(LABELS).fillna(proposals["column"])
        table["Found"] = proposals["kind"].map(kind_label)
        table["Company"] = table["Company"].fillna("").replace("nan", "")
        table["Role"] = table["Role"].fillna("").replace("nan", "")
        print(f"{plural(len(proposals), 'proposal')} (review them in the dashboard's Mail "
              "page):\n")
        print(table.to_string(index=False, max_colwidth=40))
    if out:
        _write(out, safe_csv(proposals.assign(value=[
            f"{v:%Y-%m-%d}" if isinstance(v, pd.Timestamp) else v for v in proposals["value"]])))


def server_address(text: str, *, starttls: bool) -> tuple[str, int]:
    """HOST[:PORT] (an IPv6 address in brackets) as host and port; the port 993, or 143
    with STARTTLS, when none is given.

    >>> server_address("imap.example.com", starttls=False)
    ('imap.example.com', 993)
    >>> server_address("[::1]:1143", starttls=True)
    ('::1', 1143)
    """
    host, port = text.strip(), ""
    if host.startswith("["):
        host, _, rest = host[1:].partition("]")
        port = rest.lstrip(":")
    elif host.count(":") == 1:
        host, port = host.split(":")
    if port and not port.isdigit():
        raise CommandError(f"--imap {text}: the port after the colon must be a number.")
    return host, int(port) if port else (143 if starttls else 993)


def _imap_password(host: str, user: str) -> str:
    """The password from the keyring, else the environment, else a prompt (never echoed)."""
    password = saved_password(host, user) or os.environ.get(ENV_PASSWORD)
    if password:
        return password
    if not sys.stdin.isatty():
        raise CommandError(f"no password for {user} at {host}: set {ENV_PASSWORD}, keep it "
                           "in the keyring (the dashboard's \"Remember the password\"), or run "
                           "this in a terminal to be asked.")
    return getpass.getpass(f"Password for {user} at {host}: ")


def run_mail_server(args: argparse.Namespace) -> None:
    """``jobsearch mail --imap HOST --user ADDRESS``: the same proposals from the server. The
    dashboard's workspace is only read (its declined proposals left out); how far the server
    was read is kept only in ``--state FILE``."""
    if not args.user:
        raise CommandError("--imap needs --user ADDRESS: the account on the server.")
    if args.mailbox is not None:
        args.input = [args.mailbox, *args.input]
    host, port = server_address(args.imap, starttls=args.starttls)
    given = _load(args)
    declined = _declined(args)
    state = SyncState()
    if args.state and args.state.exists():
        try:
            state = SyncState.from_json(args.state.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{args.state}: {error}") from None
    password = _imap_password(host, user=args.user)
    started = time.perf_counter()
    try:
        scan = scan_imap(host, args.user, password, given.result.applications, port=port,
                         starttls=args.starttls, folders=args.folder or None,
                         fingerprint=args.trust_fingerprint, as_of=args.as_of, me=args.me,
                         progress=_mail_progress, state=state)
    except (MailServerError, ValueError) as error:
        raise CommandError(str(error)) from None
    finally:
        del password
        if args.state:
            _write(args.state, state.to_json())
    stats = scan.stats
    since = mail_since(given.result.applications, as_of=args.as_of)
    print(f"\rRead {stats['messages read']:,.0f} new messages on {host} in "
          f"{time.perf_counter() - started:.1f} s"
          + (f" (received since {since:%-d %B %Y})" if since else "")
          + f": {stats['read in full']:,.0f} about your applications read in full, "
          f"{stats['skipped as bulk']:,.0f} bulk. Your address: {scan.me or 'unknown'}."
          + ("" if args.state else " Nothing was kept: give --state FILE to read only new "
             "mail next time."), file=sys.stderr)
    proposals = scan.proposals
    _print_proposals(proposals[~proposal_key(proposals).isin(declined)], args.out)


def _declined(args: argparse.Namespace) -> set[str]:
    """The proposals declined in the dashboard (read from its workspace, when it is used)."""
    path = args.workspace or default_path()
    if args.input or not path.is_file():
        return set()
    try:
        keys = Workspace(path, read_only=True).setting(DECLINED_SETTING, [])
    except (WorkspaceError, sqlite3.Error, RuntimeError, ValueError):
        return set()
    return {str(k) for k in keys} if isinstance(keys, list) else set()
