"""Follow-ups: what to do today after each interview, with the message drafted."""

import streamlit as st

from analysis import followups as f
from analysis.model.words import plural, verb
from analysis.outputs.exports import actions_calendar, safe_csv
from analysis.outputs.reports import actions_table
from ui import shell, workspace
from ui.follow_up_cards import Cards, last_decision
from ui.widgets import no_data

PER_GROUP = 10  # actions drawn per group at first; the rest on request
HEADINGS = {f.OVERDUE: ("Overdue", ":material/error:"),
            f.DUE_TODAY: ("Due today", ":material/today:"),
            f.UPCOMING: (f"Coming up in the next {f.FollowUpRules().upcoming} days",
                         ":material/event_upcoming:")}

view = shell.page_setup("Follow-ups")
log = workspace.action_log()
templates = workspace.templates()

with st.expander("Rules and message templates", icon=":material/tune:"):
    st.markdown(
        "The routine: write notes on the interview day; send a thank-you note within 24-48 "
        "hours; if the promised decision date passes, follow up a week later, once, through "
        "the medium used so far; if that gets no answer within a week, move on; thank the "
        "employer after a rejection, within 3 days; with an offer, get all the facts before "
        "negotiating. An application with no reply at all gets one status check three weeks "
        "after applying; once its two-week window closes, move on and mark it as ghosted.")
    saved_rules = workspace.follow_up_rules()
    left, right = st.columns(2)
    status_check = left.toggle("Status check when an application gets no reply",
                               value=saved_rules.status_check is not None, key="status_check_on")
    check_days = right.number_input("Days after applying", 7, 90,
                                    saved_rules.status_check or f.FollowUpRules().status_check,
                                    key="status_check_days", disabled=not status_check,
                                    help="Kept for your next visit, and used by the reports.")
    my_name = st.text_input("Your name, for signing the messages",
                            str(workspace.setting("my_name", "")), key="my_name",
                            on_change=lambda: workspace.save_setting(
                                "my_name", st.session_state["my_name"]))
    for key, (subject, body) in list(templates.items()):
        st.markdown(f"**{f.ACTIONS[key].title}**")
        new_subject = st.text_input("Subject", subject, key=f"template_subject_{key}")
        new_body = st.text_area("Message", body, height=180, key=f"template_body_{key}",
                                help="Placeholders: $contact, $company, $role, "
                                     "$interview_date, $date_applied, $my_name. Your changes "
                                     "are kept for your next visit.")
        workspace.save_template(key, new_subject, new_body)
        templates[key] = (new_subject, new_body)
    if st.button("Restore the original templates", type="tertiary"):
        workspace.workspace().clear_templates()
        for key in f.DEFAULT_TEMPLATES:
            st.session_state.pop(f"template_subject_{key}", None)
            st.session_state.pop(f"template_body_{key}", None)
        st.rerun()

chosen_rules = f.rules_setting(status_check=int(check_days) if status_check else None)
rules = f.rules_from_settings(chosen_rules)
if rules != saved_rules:
    workspace.save_setting(f.RULES_SETTING, chosen_rules)
# All the actions, not only the open ones: this page also brings back those set aside.
actions = view.cached_with_journal(f.due_follow_ups, as_of=view.as_of, rules=rules,
                                   offers=view.dataset.result.offers)
todo = f.open_actions(actions, log, as_of=view.as_of)
summary = " · ".join(f"{n} {state}" for state, n in f.state_counts(todo).items())
st.markdown(f"{view.as_of:%A %-d %B %Y}: **{summary}**.")

if todo.empty:
    no_data("Nothing to do today: no notes, thank-you notes or follow-ups are due. "
            + ("Actions you marked done or not applicable are hidden." if len(actions) else ""))
idle = view.cached(f.without_next_action, todo, as_of=view.as_of, rules=rules)
if len(idle):
    with st.expander(f"{plural(len(idle), 'open application')} with no next action",
                     icon=":material/pending:"):
        st.caption("Sent, not closed, and nothing to do yet; each says why.")
        st.dataframe(idle, hide_index=True, placeholder="", column_config={
            "company": "Company", "role": "Role", "status": "Status",
            "date_applied": st.column_config.DateColumn("Applied", format="D MMM YYYY"),
            "why": st.column_config.TextColumn("Why", width="large")})

downloads = st.columns([1, 1, 3])
# Built only when clicked: with thousands of actions, building them on every rerun is slow.
downloads[0].download_button(
    "Calendar (.ics)", lambda: actions_calendar(todo, as_of=view.as_of, interviews=view.journal),
    "follow-ups.ics", "text/calendar", icon=":material/calendar_month:", disabled=todo.empty,
    on_click="ignore",
    help="All-day reminders at 9:00, and each upcoming interview with its preparation "
         "checklist. Importing a newer file updates the same events.")
downloads[1].download_button(
    "Table (.csv)", lambda: safe_csv(actions_table(todo)),
    "follow-ups.csv", "text/csv", icon=":material/table:", disabled=todo.empty,
    on_click="ignore")

cards = Cards(view=view, log=log, templates=templates, my_name=my_name)
last_decision(log)
for when_due in f.STATES:
    group = todo[todo["state"] == when_due]
    if group.empty:
        continue
    heading, icon = HEADINGS[when_due]
    st.subheader(f"{heading} ({len(group)})", anchor=False)
    shown = st.session_state.get(f"show_{when_due}", PER_GROUP)
    for _, action in group.head(shown).iterrows():
        cards.show(action)
    if len(group) > shown:
        st.caption(f"{len(group) - shown} more {when_due}: the calendar and the table above "
                   "have them all.")
        st.button(f"Show {min(PER_GROUP, len(group) - shown)} more", key=f"more_{when_due}",
                  on_click=lambda state_key=f"show_{when_due}", now=shown: st.session_state
                  .__setitem__(state_key, now + PER_GROUP))

hidden = len(actions) - len(todo)
if hidden:
    st.caption(f"{plural(hidden, 'action')} marked done, not applicable or snoozed "
               f"{verb(hidden, 'is', 'are')} hidden.")
    if st.button("Show them again", type="tertiary"):
        for action_id in actions["action_id"]:
            if str(action_id) in log.entries:
                log.forget(str(action_id))
        st.rerun()
