"""The Mail page's review of the proposals: each proposal in words with its evidence under it
(the mail's day, sender and subject, and what it says) and one choice, accept, decline or
later, so a proposal is never both accepted and declined; a page of them at a time, the
choices kept across pages; and the note after saving, kept until the next action."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from analysis.mail import proposals
from analysis.mail.review import CHOICES, chosen, day_text, review_cards, starting_choice
from ui import state, workspace
from ui.shell import View
from ui.widgets import md

PAGE = 20  # proposals drawn at once
CHOICES_KEY = "mail_choices"  # proposal key -> the choice the person made on it
NOTE_KEY = "mail_saved_note"  # what the last accept saved, shown until the next action
REVIEW_KEY = "mail_scan"  # the file scan under review: (label, MailScan)


def review(table: pd.DataFrame, *, threshold: float,
           ties: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Draw the proposals of ``table`` (``proposals.review_table``) a page at a time, each
    with why its message is about that application when ``ties`` (``review.ties_of``) knows,
    and return those to accept and those to decline, from every page."""
    choices: dict[str, str] = st.session_state.setdefault(CHOICES_KEY, {})
    cards = review_cards(table, ties)
    pages = max(1, -(-len(cards) // PAGE))
    page = 0
    if pages > 1:
        page = st.selectbox(
            "Proposals shown", range(pages), key="mail_review_page",
            format_func=lambda n: f"{n * PAGE + 1}–{min((n + 1) * PAGE, len(cards))} of "
                                  f"{len(cards)}")
    heading = None
    for card in cards.iloc[page * PAGE:(page + 1) * PAGE].to_dict("records"):
        if card["heading"] != heading:
            heading = card["heading"]
            st.markdown(f"#### {md(heading)}")
        _card(card, choices, threshold)
    current = {key: choices.get(key) or starting_choice(sure, threshold=threshold)
               for key, sure in zip(table["key"], table["confidence"], strict=True)}
    return chosen(table, current)


def _card(card: Mapping[Hashable, Any], choices: dict[str, str], threshold: float) -> None:
    key = str(card["key"])
    widget = f"mail_choice_{key}"
    current = choices.get(key) or starting_choice(float(card["confidence"]),
                                                  threshold=threshold)

    def keep() -> None:
        choices[key] = st.session_state[widget]

    with st.container(border=True):
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(f"**{md(card['change'])}**  \n{md(card['found'])}, {card['sure']}% sure")
        left.markdown(f"Mail of {md(card['mail'])}")
        if card["tie"]:
            left.caption(md(card["tie"]) + ".")
        if card["says"]:
            left.markdown(f"> {md(card['says'])}")
        right.radio(f"Your choice on {card['change']}", CHOICES, key=widget,
                    index=CHOICES.index(current), on_change=keep,
                    label_visibility="collapsed")


def show_answered_offers(evidence: pd.DataFrame, apps: pd.DataFrame) -> None:
    """The offers the person answered in words the reader cannot place as a yes or a no:
    named, with both days, and why no status is proposed for them."""
    for offer in proposals.answered_offers(evidence, apps).to_dict("records"):
        role = f" – {offer['role']}" if isinstance(offer["role"], str) else ""
        st.info(f"**{md(offer['company'])}{md(role)}**: you answered its offer of "
                f"{day_text(offer['offered'])} on {day_text(offer['answered'])} "
                f"(“{md(offer['subject'])}”) in words the dashboard cannot read as a yes or a "
                "no, so it proposes no status: set it on the Data page.",
                icon=":material/help:")


def show_note() -> None:
    """What the last accept saved, until the person does something else on the page."""
    note = st.session_state.get(NOTE_KEY)
    if note:
        st.success(note, icon=":material/check_circle:")


def next_action() -> None:
    """A new scan or check: the note and the choices of the last review are done with."""
    st.session_state.pop(NOTE_KEY, None)
    st.session_state.pop(CHOICES_KEY, None)


def accept(table: pd.DataFrame, accepted: pd.DataFrame, refused: pd.DataFrame, *,
           label: str, view: View, settings: dict[str, object]) -> None:
    """Write the accepted proposals as one version and remember the declined ones (with
    ``settings`` that belong with the review, in the same transaction), then show what was
    saved until the next action."""
    declined = workspace.setting(proposals.DECLINED_SETTING, []) or []
    if len(refused):
        settings = {**settings, proposals.DECLINED_SETTING: proposals.declined_keys(
            declined if isinstance(declined, list) else [], refused)}
    next_action()
    if len(accepted):
        updated = proposals.apply_proposals(view.all_apps, accepted)
        saved = proposals.updates_description(len(accepted), label)
        if state.save_applications(updated, saved, based_on=view.dataset.stored, kind="mail",
                                   settings=settings):
            st.session_state[NOTE_KEY] = (
                f"Saved as a new version: {saved}" + (f", and {len(refused):,} declined"
                                                       if len(refused) else "")
                + ". Undo it on the Data page.")
            st.session_state.pop(REVIEW_KEY, None)
    else:
        for key, value in settings.items():
            workspace.save_setting(key, value)
        st.session_state[NOTE_KEY] = f"{len(refused):,} declined: they are not offered again."
    st.rerun()
