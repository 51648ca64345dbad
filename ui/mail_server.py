"""The Mail page's "From your mail server": the account (a provider's preset or a host and
port), the password (masked; kept in the operating system's keyring only when the person
ticks "Remember"), the folders, the certificate to trust by its fingerprint when it is not
from a public authority, Check now with progress and a stop, and when it last checked.

What the workspace keeps per account (``analysis.mail.review.SERVERS_SETTING``): where it is,
how far it was read, when, and the proposals not reviewed yet; never the password."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

from analysis.mail import ServerProgress, scan_imap
from analysis.mail.imap import PRESETS, MailServerError, SyncState, format_fingerprint
from analysis.mail.keychain import (
    forget_password,
    keyring_problem,
    remember_password,
    saved_password,
)
from analysis.mail.review import (
    SERVERS_SETTING,
    account_id,
    merged_pending,
    pending_proposals,
    pending_records,
    without_reviewed,
)
from analysis.mail.scan import ScanCancelled, ScanProgress
from analysis.mail.server_scan import mail_since
from analysis.model.words import plural
from ui import state, workspace
from ui.mail_review import next_action
from ui.shell import View
from ui.widgets import emphasis, md, remember_fields, restore_field

OTHER = "Another server"
PROVIDERS = [OTHER, *(preset.name for preset in PRESETS.values())]
FAULT_KEY = "mail_server_fault"  # the last check's MailServerError, for the trust question
ROUND_KEY = "mail_password_round"  # a new password field after each check


@dataclass(frozen=True)
class Server:
    """The account the form describes."""

    host: str
    port: int
    user: str
    starttls: bool
    folders: list[str]

    @property
    def id(self) -> str:
        return account_id(self.host, self.user, self.port)


def accounts() -> dict[str, dict[str, Any]]:
    kept = workspace.setting(SERVERS_SETTING, {})
    return dict(kept) if isinstance(kept, dict) else {}


def section(view: View) -> Server | None:
    """Draw the section; returns the account whose proposals are under review, if any."""
    st.subheader("From your mail server", anchor=False)
    st.markdown("Read your mail where it is, over IMAP: only read (nothing is marked read, "
                "moved or deleted), only mail since your first application, and next time "
                "only what is new.")
    saved = accounts()
    last = next(iter(saved.values()), {})
    restore_field("mail_imap_user", last.get("user", ""))
    restore_field("mail_imap_provider", last.get("provider", PROVIDERS[1]))
    restore_field("mail_imap_host", last.get("host", ""))
    restore_field("mail_imap_port", int(last.get("port", 993)))
    restore_field("mail_imap_starttls", bool(last.get("starttls", False)))
    restore_field("mail_imap_folders", ", ".join(last.get("folders", [])))
    left, right = st.columns(2)
    provider = left.selectbox("Provider", PROVIDERS, key="mail_imap_provider")
    user = right.text_input("Address", key="mail_imap_user", placeholder="you@example.com")
    preset = next((p for p in PRESETS.values() if p.name == provider), None)
    if preset is None:
        left, right = st.columns(2)
        host = left.text_input("Server", key="mail_imap_host", placeholder="imap.example.com")
        port = int(right.number_input("Port", 1, 65535, key="mail_imap_port"))
        starttls = right.checkbox("STARTTLS (plain IMAP upgraded to TLS, usually port 143)",
                                  key="mail_imap_starttls")
    else:
        host, port, starttls = preset.host, preset.port, preset.starttls
        st.caption(f"{md(preset.host)}, port {preset.port}. {md(preset.note)}")
    folders = st.text_input(
        "Folders to read (optional)", key="mail_imap_folders",
        help="Names separated by commas. Blank: All Mail where the server has it (Gmail), "
             "else INBOX, Sent and Archive, as the server marks them.")
    remember_fields("mail_imap_user", "mail_imap_provider", "mail_imap_host", "mail_imap_port",
          "mail_imap_starttls", "mail_imap_folders")
    if not (host.strip() and user.strip()):
        return None
    server = Server(host.strip(), port, user.strip(), starttls,
                    [f.strip() for f in folders.split(",") if f.strip()])
    account = saved.get(server.id, {})
    remembered = saved_password(server.host, server.user)
    round_ = st.session_state.setdefault(ROUND_KEY, 0)
    left, right = st.columns(2, vertical_alignment="bottom")
    password = left.text_input(
        "Password", type="password", key=f"mail_imap_password_{round_}",
        placeholder="Kept in this computer's keyring" if remembered else "App password",
        help="Gmail, iCloud and Yahoo need an app password, made in the account's security "
             "settings. It is never written to your data, a log or a report.")
    problem = keyring_problem()
    remember = right.checkbox("Remember the password on this computer",
                              value=bool(remembered), disabled=problem is not None,
                              key="mail_imap_remember",
                              help="Kept in the operating system's keyring only; otherwise "
                                   "asked each time.")
    if problem is not None:
        st.caption(f"The password cannot be remembered here: {md(problem)}.")
    problem_now = fault_message()
    if not _trust_question(server, account) and problem_now:
        st.error(md(problem_now), icon=":material/error:")
    _last_checked(account)
    if view.dataset.is_sample:
        st.info("Import your own tracker first: the mail is read against your applications.",
                icon=":material/info:")
    elif st.button("Check now", type=emphasis(), icon=":material/sync:",
                   disabled=not (password or remembered)):
        _check(view, server, account, password or remembered or "", remember)
    return server if account.get("pending") else None


def _trust_question(server: Server, account: dict[str, Any]) -> bool:
    """Ask whether to trust the certificate the last check was refused for; True if asked."""
    fault = st.session_state.get(FAULT_KEY)
    if not (isinstance(fault, dict) and fault.get("id") == server.id
            and fault.get("fingerprint")):
        return False
    shown = format_fingerprint(fault["fingerprint"])
    st.warning("This server's certificate is not from a public authority. If it is your own "
               "server (or Proton Mail Bridge), compare this SHA-256 fingerprint with the one "
               "your server shows, and trust it only if they are the same:",
               icon=":material/gpp_maybe:")
    st.code(shown, language=None)
    if st.button("They are the same: trust this certificate", icon=":material/verified_user:"):
        _save_account(server, {**account, "fingerprint": fault["fingerprint"]})
        st.session_state.pop(FAULT_KEY, None)
        st.rerun()
    return True


def _last_checked(account: dict[str, Any]) -> None:
    when = account.get("last_sync")
    if when:
        moment = dt.datetime.fromisoformat(when)
        st.caption(f"Last checked {moment.day} {moment:%b %Y at %H:%M}: "
                   f"{plural(int(account.get('new', 0)), 'new message')}, "
                   f"{int(account.get('read', 0)):,} of them about your applications.")


def _save_account(server: Server, account: dict[str, Any]) -> None:
    kept = accounts()
    kept[server.id] = {**account, "host": server.host, "port": server.port, "user": server.user,
                       "starttls": server.starttls, "folders": server.folders,
                       "provider": st.session_state.get("mail_imap_provider", OTHER)}
    workspace.save_setting(SERVERS_SETTING, kept)


def _check(view: View, server: Server, account: dict[str, Any], password: str,
           remember: bool) -> None:
    next_action()
    st.session_state.pop(FAULT_KEY, None)
    sync = SyncState.from_json(account.get("state"))
    since = mail_since(view.all_apps, as_of=view.as_of)
    st.button("Stop", icon=":material/stop:", key="mail_imap_stop",
              help="Stops after the batch being read; what was read is kept.")
    bar = st.progress(0.0, text=f"Connecting to {server.host}…")
    interrupted: list[ScriptControlException] = []

    def report(progress: ScanProgress) -> bool:
        try:
            share = progress.share if isinstance(progress, ServerProgress) else 0.0
            bar.progress(share, text=f"{progress.messages:,} messages read, "
                                     f"{progress.mb_per_second:.1f} MB/s")
        except ScriptControlException as control:  # the Stop button, or another action
            interrupted.append(control)
            return False
        return True

    stopped = False
    try:
        found = scan_imap(server.host, server.user, password, view.all_apps, port=server.port,
                          starttls=server.starttls, folders=server.folders or None,
                          fingerprint=account.get("fingerprint"), as_of=view.as_of,
                          progress=report, state=sync)
    except MailServerError as error:
        st.session_state[FAULT_KEY] = {"id": server.id, "fingerprint": error.fingerprint
                                       if error.kind == "certificate" else None,
                                       "message": str(error)}
        found, stopped = None, True
    except ScanCancelled:
        found, stopped = None, True
    pending = pending_proposals(account.get("pending", []), view.all_apps)
    if found is not None:
        pending = merged_pending(pending, found.proposals)
        if remember and password:
            problem = remember_password(server.host, server.user, password)
            if problem:
                st.session_state[FAULT_KEY] = {"id": server.id, "message": problem}
        elif not remember:
            forget_password(server.host, server.user)
    _save_account(server, {
        **account, "state": sync.to_json(), "pending": pending_records(pending),
        "last_sync": state.now().isoformat(timespec="minutes") if found is not None
        else account.get("last_sync"),
        "new": found.stats["new messages"] if found is not None else account.get("new", 0),
        "read": found.stats["read in full"] if found is not None else account.get("read", 0),
        "since": since.isoformat() if since else None})
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    if stopped and FAULT_KEY not in st.session_state:
        st.session_state[FAULT_KEY] = {"id": server.id, "message": "Stopped: what was read is "
                                       "kept, and the next check carries on from there."}
    if interrupted:  # let Streamlit go on with the rerun the Stop button asked for
        raise interrupted[0]
    st.session_state["mail_source"] = server.id
    st.rerun()


def fault_message() -> str | None:
    fault = st.session_state.get(FAULT_KEY)
    return str(fault["message"]) if isinstance(fault, dict) and fault.get("message") else None


def pending(view: View, server: Server) -> pd.DataFrame:
    """The account's proposals not reviewed yet, those overtaken by the data left out."""
    return pending_proposals(accounts().get(server.id, {}).get("pending", []), view.all_apps)


def after_review(server: Server, reviewed: list[str], view: View) -> dict[str, Any]:
    """The accounts setting once ``reviewed`` proposals were accepted or declined."""
    kept = accounts()
    account = kept.get(server.id, {})
    left = without_reviewed(pending(view, server), reviewed)
    kept[server.id] = {**account, "pending": pending_records(left)}
    return kept
