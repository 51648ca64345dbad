"""The workspace file and what the user keeps in it besides the data: settings (the ghosting
threshold, the follow-up rules, the offer criteria, the weekly goal, their name), message
templates and the decisions about follow-up actions. Each is saved the moment it changes."""

from __future__ import annotations

import datetime as dt
import sys

import streamlit as st

from analysis.followups import (
    DEFAULT_TEMPLATES,
    RULES_SETTING,
    ActionLog,
    FollowUpRules,
    rules_from_settings,
)
from analysis.model.store import Workspace, default_path

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


def setting(key: str, default: object) -> object:
    return workspace().setting(key, default)


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
