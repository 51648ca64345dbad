"""The workspace file and what the user keeps in it besides the data: settings (the ghosting
threshold, the follow-up rules, the offer criteria, the weekly goal, their name), message
templates and the decisions about follow-up actions. Each is saved the moment it changes."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import streamlit as st

from analysis.followups import (
    DEFAULT_TEMPLATES,
    RULES_SETTING,
    ActionLog,
    FollowUpRules,
    rules_from_settings,
)
from analysis.forecast.channels import CHANNEL_SETTING, channels_from_setting
from analysis.model.store import Workspace, WorkspaceError, default_path

ACTIONS_KEY = "follow_up_log"


def workspace_path() -> str:
    """``streamlit run dashboard.py -- --workspace PATH`` chooses the workspace file; else
    the ``JOBSEARCH_WORKSPACE`` variable, else the user's data folder."""
    arguments = sys.argv[1:]
    if "--workspace" in arguments:
        position = arguments.index("--workspace")
        if position + 1 < len(arguments):
            return arguments[position + 1]
    return str(default_path())


@st.cache_resource(show_spinner=False)
def _open_workspace(path: str) -> Workspace:
    return Workspace(path)


def workspace() -> Workspace:
    return _open_workspace(workspace_path())


def opening_problem() -> WorkspaceError | None:
    """Why the workspace cannot be opened (damaged, not a workspace, written by a newer
    version), or None when it opens."""
    try:
        workspace()
    except WorkspaceError as error:
        return error
    return None


def backups(path: Path) -> list[Path]:
    """The copies kept before upgrades, newest first."""
    return sorted(path.parent.glob(f"{path.name}.v*-backup"), key=lambda p: p.stat().st_mtime,
                  reverse=True)


def set_aside(path: Path) -> Path:
    """Move a workspace that cannot be opened out of the way, its content untouched, so a new
    one can start; returns where it now is."""
    number = 1
    while path.with_name(f"{path.name}.set-aside-{number}").exists():
        number += 1
    kept = path.with_name(f"{path.name}.set-aside-{number}")
    for suffix in ("", "-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(kept.with_name(kept.name + suffix))
    _open_workspace.clear()
    return kept


def restore_backup(path: Path, backup: Path) -> Path:
    """Set the workspace aside and put a copy of ``backup`` in its place."""
    kept = set_aside(path)
    shutil.copy2(backup, path)
    path.chmod(0o600)
    return kept


def upgrade_notice() -> str | None:
    """Once per session, what the upgrade of an older workspace did, if it happened."""
    opened = workspace()
    if opened.upgraded_from is None or st.session_state.get("upgrade_noticed"):
        return None
    st.session_state["upgrade_noticed"] = True
    return (f"Your saved data was upgraded to this version of the dashboard; a copy of it as "
            f"it was is kept in {opened.backup}.")


def setting(key: str, default: object) -> object:
    return workspace().setting(key, default)


def whole_setting(key: str, default: int) -> int:
    """A setting that is a whole number (the default when it is missing or not one)."""
    value = setting(key, default)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def save_setting(key: str, value: object) -> None:
    workspace().set_setting(key, value)


def templates() -> dict[str, tuple[str, str]]:
    """The message templates: the defaults with the user's saved changes."""
    return {**DEFAULT_TEMPLATES, **workspace().templates()}


def save_template(key: str, subject: str, body: str) -> None:
    if (subject, body) != templates().get(key):
        workspace().set_template(key, subject, body)


class StoredActionLog(ActionLog):
    """The follow-up decisions, written through to the workspace."""

    def record(self, action_id: str, state: str, until: dt.date | None = None) -> None:
        self.entries[action_id] = (state, until)
        workspace().set_follow_up_state(action_id, state, until)

    def forget(self, action_id: str) -> None:
        self.entries.pop(action_id, None)
        workspace().set_follow_up_state(action_id, None)


def action_log() -> StoredActionLog:
    if ACTIONS_KEY not in st.session_state:
        st.session_state[ACTIONS_KEY] = StoredActionLog(entries=workspace().follow_up_state())
    log: StoredActionLog = st.session_state[ACTIONS_KEY]
    return log


def follow_up_rules() -> FollowUpRules:
    """The follow-up routine with the choices saved on the Follow-ups page, which the
    Overview, the Follow-ups and the Reports pages all use."""
    return rules_from_settings(setting(RULES_SETTING, {}))


def channels() -> dict[str, str]:
    """The person's reading of their sources as channels (said on the Plan page), which every
    forecast uses: the Overview's tile, the Plan, the Offers page's pipeline and the reports."""
    return dict(sorted(channels_from_setting(setting(CHANNEL_SETTING, {})).items()))
