"""The Follow-ups page's action cards: what to do, by when and to whom, the drafted message,
and the buttons that mark an action done (writing its date or notes where they belong),
snooze it or set it aside."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis import followups as f
from ui import state
from ui.shell import View
from ui.widgets import md
from ui.workspace import StoredActionLog

LAST_KEY = "last_follow_up"
DECIDED = {f.DONE: "done", f.SNOOZED: f"snoozed for {f.SNOOZE_DAYS} days",
           f.NOT_APPLICABLE: "set aside as not applicable"}


@dataclass(frozen=True)
class LastDecision:
    """The last action decided on this page: which, what was decided, and the version to go
    back to when the decision also wrote into the data."""

    action_id: str
    title: str
    decision: str
    version_before: int | None


def last_decision(log: StoredActionLog) -> None:
    """What the last click did, in words, with a button that takes it back (the decision
    forgotten, and the data as it was before, as a new version that can itself be undone)."""
    last: LastDecision | None = st.session_state.get(LAST_KEY)
    if last is None:
        return
    with st.container(border=True):
        left, right = st.columns([4, 1])
        left.success(f"{md(last.title)}: {DECIDED.get(last.decision, last.decision)}.",
                     icon=":material/check_circle:")
        if right.button("Undo", key="undo_follow_up", icon=":material/undo:",
                        width="stretch"):
            log.forget(last.action_id)
            if last.version_before is not None:
                state.restore(last.version_before)
            st.session_state.pop(LAST_KEY, None)
            st.rerun()


@dataclass(frozen=True)
class Cards:
    """What every card needs: the page's view, the log of decisions, the message templates
    and the user's name for signing."""

    view: View
    log: StoredActionLog
    templates: dict[str, tuple[str, str]]
    my_name: str

    def record(self, action: pd.Series, decision: str, *, notes: str | None = None) -> None:
        """Remember the user's decision; "done" also writes the date into the applications
        or the journal. What was done is kept for the page to say, with an undo."""
        view = self.view
        before = view.dataset.stored
        wrote = False
        if decision == f.DONE and action["done_column"]:
            title = f.ACTIONS[str(action["action"])].title.lower()
            if pd.notna(action["interview"]):  # an interview of the journal: notes or thanks
                who = f" to {action['contact_name']}" if pd.notna(action["contact_name"]) else ""
                saved = state.save_interviews(
                    f.mark_interview_done(view.journal, action, on=view.as_of, notes=notes),
                    f"{title}{who}: {action['company']}", based_on=view.dataset.stored)
            else:
                saved = state.save_applications(
                    f.mark_done(view.all_apps, action, on=view.as_of, notes=notes),
                    f"{title}: {action['company']}", kind="follow-up",
                    based_on=view.dataset.stored)
            if not saved:
                return
            wrote = not view.dataset.is_sample
        self.log.record(str(action["action_id"]), decision,
                        f.snoozed_until(decision, as_of=view.as_of))
        company = action["company"] if pd.notna(action["company"]) else "(no company)"
        st.session_state[LAST_KEY] = LastDecision(
            str(action["action_id"]), f"{action['title']}: {company}", decision,
            before if wrote else None)

    def show(self, action: pd.Series) -> None:
        key = str(action["action_id"])
        with st.container(border=True):
            company = action["company"] if pd.notna(action["company"]) else "(no company)"
            role = f" · {action['role']}" if pd.notna(action["role"]) else ""
            st.markdown(f"**{action['title']}**")
            st.text(f"{company}{role}")
            facts = [f.due_text(action)]
            if action["channel"]:
                facts.append(f"by {action['channel']}")
            if pd.notna(action["contact_name"]):
                facts.append(f"to {md(action['contact_name'])}")
            st.caption(" · ".join(facts))
            st.text(action["detail"])
            if action["action"] == f.NOTES:
                st.text_area("Your notes", key=f"notes_{key}", height=120,
                             placeholder="Questions asked, your answers, their reactions…")
            self._draft(action)
            self._buttons(action, key)

    def _draft(self, action: pd.Series) -> None:
        draft = f.draft_message(action, self.view.all_apps, templates=self.templates,
                                my_name=self.my_name, interviews=self.view.journal)
        if draft is None:
            return
        subject, body = draft
        with st.expander("Drafted message"):
            st.text(f"Subject: {subject}")
            st.code(body, language=None, wrap_lines=True)
            link = f.mailto_link(action["contact_email"] if pd.notna(action["contact_email"])
                                 else "", subject, body)
            if link:
                st.link_button("Open in your email program", link, icon=":material/mail:")

    def _buttons(self, action: pd.Series, key: str) -> None:
        buttons = st.columns(3)
        done_label = "Save notes" if action["action"] == f.NOTES else (
            "Mark as ghosted" if action["action"] == f.MOVE_ON else "Done")
        buttons[0].button(done_label, key=f"done_{key}", icon=":material/check:",
                          on_click=lambda: self.record(action, f.DONE, notes=st.session_state
                                                       .get(f"notes_{key}")), width="stretch")
        buttons[1].button(f"Snooze {f.SNOOZE_DAYS} days", key=f"snooze_{key}",
                          icon=":material/snooze:", on_click=self.record,
                          args=(action, f.SNOOZED), width="stretch")
        buttons[2].button("Not applicable", key=f"na_{key}", icon=":material/block:",
                          on_click=self.record, args=(action, f.NOT_APPLICABLE),
                          width="stretch")
