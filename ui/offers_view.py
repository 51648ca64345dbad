"""The Offers page's larger parts: the offers table to edit, the criteria and their weights,
and the counter-offer drafted from the negotiation points the page has worked out."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from analysis import offers as o
from analysis.followups import mailto_link, moving_on_companies
from analysis.forecast import channel_forecast
from analysis.interviews.facts import offer_rows, offer_statuses
from analysis.model import schema as s
from analysis.model.cells import filled_rows
from analysis.model.words import chance_text
from ui import state, workspace
from ui.shell import View
from ui.widgets import emphasis, md

NEGOTIATION_SETTING = "negotiation_template"


def offers_editor(view: View, table: pd.DataFrame) -> None:
    """The offers in an editor inside a form: edits made with the keyboard or the mouse
    (date pickers, the + row) wait until "Save the offers", and one editing session is one
    version. An unchanged table saves nothing; a fresh editor then shows the saved table."""
    dataset = view.dataset
    round_ = st.session_state.get("offers_round", 0)
    config = {c.name: (st.column_config.NumberColumn(c.label, help=c.description, min_value=0)
                       if c.kind == "number" else
                       st.column_config.DateColumn(c.label, help=c.description,
                                                   format="D MMM YYYY")
                       if c.kind == "date" else
                       st.column_config.TextColumn(c.label, help=c.description))
              for c in s.OFFER_COLUMNS}
    with st.form(f"offers_form_{round_}", border=False):
        edited = st.data_editor(table, num_rows="dynamic", hide_index=True,
                                column_config=config, placeholder="",
                                key=f"offers_editor_{round_}")
        submitted = st.form_submit_button("Save the offers", icon=":material/save:")
    if submitted:
        edited = edited[filled_rows(edited)]  # a row added and left empty is no offer
        if o.same_offers(edited, table):
            st.toast("Nothing to save: the offers are as they were.", icon=":material/info:")
        else:
            st.session_state["offers_round"] = round_ + 1
            if state.save_offers(edited.reset_index(drop=True), "edited the offers",
                                 based_on=dataset.stored):
                st.rerun()
    st.caption("Offers come from your spreadsheet's Offers sheet and from applications whose "
               "status is offer; add one with the + at the bottom, then save. "
               + ("Changes are kept in your workspace as one version per save."
                  if not dataset.is_sample else
                  "The sample's offers can be changed for this visit only."))


def offer_conflicts(view: View) -> None:
    """Applications with an offer whose status says they ended otherwise (rejected,
    withdrawn): asked once each, set to offer or left as they are."""
    apps = view.all_apps
    _, asked = offer_statuses(apps, view.dataset.result.offers)
    kept = st.session_state.setdefault("offer_status_kept", set())
    for row in asked.itertuples(index=False):
        name = f"{row.company}" + (f" – {row.role}" if isinstance(row.role, str) else "")
        if name in kept:
            continue
        with st.container(border=True):
            st.markdown(f"**{md(name)}** has an offer here, but its status in your tracker is "
                        f"**{md(row.status)}**. Which is right?")
            left, right = st.columns(2)
            if left.button(f"It has an offer: set {md(name)} to offer", type=emphasis(),
                           key=f"to_offer_{name}"):
                moved = apps.copy()
                moved.loc[offer_rows(apps, row.company, row.role), s.STATUS] = s.OFFER
                if state.save_applications(moved, f"set {name} to offer",
                                           based_on=view.dataset.stored):
                    st.rerun()
            if right.button(f"Keep it {md(row.status)}", key=f"keep_status_{name}"):
                kept.add(name)
                st.rerun()


def criteria_controls(saved: Mapping[str, Any], extra: list[str]
                      ) -> tuple[int, int, list[str], list[o.Criterion]]:
    """The bonus payout, the equity risk discount, the user's own columns to add (among
    ``extra``) and each criterion's switch, weight and direction, starting from ``saved``.
    Returns the payout and risk in percent, the columns added and the criteria."""
    with st.expander("Criteria and weights", icon=":material/tune:", expanded=False):
        left, right = st.columns(2)
        payout = left.slider("Expected bonus payout", 0, 100,
                             int(saved.get("payout", o.DEFAULT_PAYOUT)), 5, format="%d%%",
                             key="bonus_payout",
                             help="The share of the target bonus you expect to be paid.")
        risk = right.slider("Equity risk discount", 0, 100,
                            int(saved.get("risk", o.DEFAULT_RISK)), 5, format="%d%%",
                            key="equity_risk",
                            help="How much to knock off the equity's paper value for the risk "
                                 "it is worth less or nothing.")
        chosen_extra = st.multiselect("More criteria from your columns", extra,
                                      default=[c for c in saved.get("extra", []) if c in extra],
                                      key="extra_criteria")
        chosen: list[o.Criterion] = []
        grid = st.columns(3)
        for i, criterion in enumerate(o.chosen_criteria(saved, chosen_extra)):
            with grid[i % 3].container(border=True):
                on = st.toggle(md(criterion.label), value=bool(criterion.enabled),
                               key=f"on_{criterion.column}")
                value = st.slider("Weight", 0, 50, int(criterion.weight),
                                  key=f"weight_{criterion.column}", disabled=not on)
                better = st.segmented_control(
                    "Better when", ["higher", "lower"],
                    default="higher" if criterion.higher_is_better else "lower",
                    key=f"direction_{criterion.column}", disabled=not on) or "higher"
            chosen.append(dataclasses.replace(criterion, weight=value, enabled=on,
                                              higher_is_better=better == "higher"))
    return payout, risk, chosen_extra, chosen


def negotiation_facts(points: o.NegotiationPoints, *, days: int, by_deadline: bool) -> None:
    """What the counter-offer stands on: the salary that would lead, the pipeline's chance
    of another offer within ``days`` (until the deadline when ``by_deadline``), the
    competing offers and the terms where the offer is behind."""
    facts = []
    if points.target_salary is not None and points.salary is not None:
        facts.append(f"At a base salary of **{points.target_salary:,.0f}** (it offers "
                     f"{points.salary:,.0f}), {md(points.offer)} would lead your ranking, all "
                     "else equal.")
    if points.pipeline_chance is not None:
        until = f"by its deadline, {points.deadline:%-d %B}" if by_deadline else \
            f"within {days} days"
        facts.append(f"Your open applications: a **{chance_text(points.pipeline_chance)}** "
                     f"chance of another offer {until}"
                     + (f"; at the interview stage with {md(', '.join(points.final_stage))}."
                        if points.final_stage else "."))
    for fact in facts:
        st.markdown(f"- {fact}")
    for note in points.notes:
        st.caption(md(note))
    if not points.competing.empty:
        st.dataframe(points.competing, hide_index=True, placeholder="", column_config={
            "offer": "Competing offer", "base_salary": st.column_config.NumberColumn(
                "Base salary", format="localized"),
            "total_compensation": st.column_config.NumberColumn("Total", format="localized"),
            "deadline": st.column_config.DateColumn("Deadline", format="D MMM YYYY")})
    if not points.weaker.empty:
        st.markdown(f"**Where {md(points.offer)} is behind** (terms that are often negotiable):")
        st.dataframe(points.weaker, hide_index=True, placeholder="not stated",
                     column_order=["term", "this_offer", "best_other", "other_offer"],
                     column_config={"term": "Term", "this_offer": "This offer",
                                    "best_other": "Best elsewhere", "other_offer": "At"})


def counter_offer(points: o.NegotiationPoints, applications: pd.DataFrame) -> None:
    """The template (editable, kept in the workspace) and the counter-offer drafted from it,
    with a link that opens it in the user's email program addressed to the company's
    contact."""
    template = workspace.setting(NEGOTIATION_SETTING, None) or o.NEGOTIATION_TEMPLATE
    assert isinstance(template, list | tuple)
    with st.expander("Edit the template", icon=":material/edit:"):
        new_subject = st.text_input("Subject", template[0], key="negotiation_subject")
        new_body = st.text_area("Message", template[1], height=220, key="negotiation_template",
                                help="Placeholders: $contact, $company, $role, $asks (the "
                                     "paragraphs built from your data) and $my_name. Kept for "
                                     "your next visit.")
        if [new_subject, new_body] != list(template):
            workspace.save_setting(NEGOTIATION_SETTING, [new_subject, new_body])
            template = (new_subject, new_body)
    contact_name, contact_email = o.offer_contact(applications, points.company)
    subject, body = o.negotiation_draft(points, contact=contact_name,
                                        my_name=str(workspace.setting("my_name", "")),
                                        template=(template[0], template[1]))
    # A draft is rebuilt when the facts it stands on change: its boxes are keyed by it.
    drafted = hashlib.sha1(f"{points.offer}|{subject}|{body}".encode()).hexdigest()[:12]
    subject = st.text_input("Subject of the counter-offer", subject,
                            key=f"counter_subject_{drafted}")
    body = st.text_area("Counter-offer draft", body, height=320, key=f"counter_body_{drafted}",
                        help="Edit freely; nothing is sent from here. It is written anew when "
                             "the offers, the criteria or your applications change.")
    link = mailto_link(contact_email, subject, body)
    if link:
        st.link_button(f"Open in your email program (to {contact_email})", link,
                       icon=":material/mail:")
    else:
        st.caption("No contact email for this company in your tracker: copy the draft into "
                   "your email program.")


def negotiate(view: View, prepared: pd.DataFrame, chosen: list[o.Criterion],
              ranked: list[str]) -> None:
    """The offer to negotiate, the facts a counter-offer stands on, and the draft: the
    pipeline of the applications shown, less the processes the routine says to move on from."""
    picked = st.selectbox("Offer to negotiate", ranked, index=0, key="negotiate_offer",
                          help="The offer you would like to accept, if the terms were right.")
    days, by_deadline = o.negotiation_horizon(prepared, picked, as_of=view.as_of)
    pipeline = view.cached_with_journal(channel_forecast, as_of=view.as_of, horizon_days=days,
                                        channels=workspace.channels())
    moving_on = view.cached_with_journal(moving_on_companies, as_of=view.as_of,
                                         log=workspace.action_log(),
                                         rules=workspace.follow_up_rules())
    points = o.negotiation_points(prepared, chosen, leader=picked, pipeline=pipeline,
                                  as_of=view.as_of, moving_on=moving_on)
    negotiation_facts(points, days=days, by_deadline=by_deadline)
    counter_offer(points, view.all_apps)
