"""Mail: the replies, rejections, interviews and thank-you notes in your mail (read from your
mail server, or from an exported mailbox), proposed for review; nothing changes until you
accept."""

from pathlib import Path

import streamlit as st

from analysis.mail import ACCEPT_ALL_FROM, proposals
from analysis.mail import scan as ms
from analysis.mail.mailbox import MailboxError
from analysis.mail.review import SERVERS_SETTING, ties_of
from analysis.model import schema as s
from ui import mail_server, workspace
from ui.mail_review import REVIEW_KEY, accept, next_action, review, show_answered_offers, show_note
from ui.shell import page_setup
from ui.widgets import emphasis, md, no_data, remember_fields, restore_field

RUNNING_KEY = "mail_scanning"
SOURCE_KEY = "mail_source"  # the proposals under review: "file", or a mail account's id
MAIL_TYPES = ["mbox", "mbx", "eml", "msg", "zip"]

view = page_setup("Mail")
st.markdown(
    "Your mail knows what the tracker misses: replies, rejections, interview invitations, "
    "the thank-you notes you sent, the dates they promised to decide by.")
st.caption("Private: mail is read on this computer. Bulk mail (job alerts, newsletters, "
           "marketing) is skipped from its headers; only messages about your applications are "
           "opened, and no attachment but a calendar invitation. The workspace keeps only what "
           "you accept, with its evidence (date, sender, subject, a short snippet), never "
           "bodies, attachments or passwords.")
show_note()
server = mail_server.section(view)

st.subheader("From an exported mailbox", anchor=False)
st.markdown("Google Takeout's **Mail** gives one `.mbox` file; Thunderbird keeps one file per "
            "folder; Apple Mail exports a `.mbox` folder; Outlook saves `.msg` files.")
for field in ("mail_path", "mail_me"):
    restore_field(field, "")
left, right = st.columns(2)
uploads = left.file_uploader("Mailbox files", type=MAIL_TYPES, accept_multiple_files=True,
                             key="mail_upload",
                             help="Up to 25 MB here; for a larger export, give its path.")
path = right.text_input(
    "Or the path of a mailbox on this computer", key="mail_path",
    placeholder="~/Downloads/Takeout/Mail/All mail Including Spam and Trash.mbox",
    help="A file or a folder; it is read where it is, never copied.")
me = right.text_input("Your own address (optional)", key="mail_me",
                      help="Tells your sent mail apart. Found from the mailbox when blank: the "
                           "Sent label of a Takeout export, else the most common recipient.")
remember_fields("mail_path", "mail_me")

if st.session_state.pop(RUNNING_KEY, False) and REVIEW_KEY not in st.session_state:
    st.warning("The scan was stopped before it finished; nothing was changed.",
               icon=":material/stop_circle:")


def source() -> tuple[object, str] | None:
    if path.strip():
        chosen = Path(path.strip()).expanduser()
        if not chosen.exists():
            st.error(f"There is no file or folder at {md(chosen)}.", icon=":material/error:")
            return None
        return chosen, chosen.name
    if uploads:
        return [u.getvalue() for u in uploads], ", ".join(u.name for u in uploads)
    return None


if st.button("Scan the mailbox", icon=":material/search:",
             disabled=not (uploads or path.strip())):
    next_action()
    chosen = source()
    if chosen is not None:
        st.session_state.pop(REVIEW_KEY, None)
        st.session_state[RUNNING_KEY] = True
        st.button("Stop the scan", icon=":material/stop:", key="stop_scan",
                  help="Stops reading; nothing is changed.")
        bar = st.progress(0.0, text="Reading the mailbox…")

        def report(progress: ms.ScanProgress) -> None:
            bar.progress(progress.share, text=f"{progress.messages:,} messages read, "
                                              f"{progress.mb_per_second:.0f} MB/s")

        try:
            scan = ms.scan_mailbox(chosen[0], view.all_apps, as_of=view.as_of,
                                   me=me.strip() or None, progress=report)
        except MailboxError as error:
            st.session_state.pop(RUNNING_KEY, None)
            st.error(f"{md(error)} Nothing was changed.", icon=":material/error:")
            st.stop()
        st.session_state.pop(RUNNING_KEY, None)
        st.session_state[REVIEW_KEY] = (chosen[1], scan)
        st.session_state[SOURCE_KEY] = "file"
        st.rerun()

scanned = st.session_state.get(REVIEW_KEY)
from_server = server is not None and (scanned is None
                                      or st.session_state.get(SOURCE_KEY) == server.id)
st.subheader("Proposals", anchor=False)
if from_server and server is not None:
    label, found = f"{server.user} on {server.host}", mail_server.pending(view, server)
    evidence = None  # the server's proposals are kept without the scan's evidence
    st.markdown(f"From **{md(label)}**, not reviewed yet.")
elif scanned is not None:
    label, scan = scanned
    found, stats, evidence = scan.proposals, scan.stats, scan.evidence
    st.markdown(
        f"**{md(label)}**: {stats['messages read']:,.0f} messages read in "
        f"{stats['seconds']:.1f} s; {stats['matched']:,.0f} about your applications, "
        f"{stats['skipped as bulk']:,.0f} skipped as bulk mail, "
        f"{stats['unreadable']:,.0f} unreadable. Your address: {md(scan.me or 'not found')}.")
else:
    no_data("Check your mail server, or give a mailbox file or its path and scan it. Nothing "
            "changes until you accept what it finds.")
    st.stop()
if evidence is not None:
    show_answered_offers(evidence, view.all_apps)
declined = set(workspace.setting(proposals.DECLINED_SETTING, []) or [])
table = proposals.review_table(found, declined=declined)
if table.empty:
    no_data("Nothing to propose: the mail tells nothing the tracker does not already hold"
            + (", apart from what you declined before." if declined else "."))
    st.stop()

threshold = st.slider("Accept at the start everything at least this sure", 0.5, 1.0,
                      ACCEPT_ALL_FROM, 0.05, key="mail_threshold",
                      help="Confidence from the wording and how the message was tied to the "
                           "application; change any choice before saving.")
new, applications = proposals.review_counts(table)
st.caption(f"{len(table):,} proposal{'' if len(table) == 1 else 's'} for {applications:,} "
           f"application{'' if applications == 1 else 's'}"
           + (f", {new:,} of them new applications (companies whose acknowledgement is in "
              "your mail but not in your tracker)" if new else "")
           + f". {s.LABELS[s.STATUS]} changes never go backwards.")
accepted, refused = review(table, threshold=threshold,
                           ties=ties_of(evidence) if evidence is not None else None)
if st.button(f"Accept {len(accepted):,} and decline {len(refused):,}", type=emphasis(),
             icon=":material/done_all:", disabled=accepted.empty and refused.empty):
    reviewed = [*accepted["key"], *refused["key"]]
    accept(table, accepted, refused, label=label, view=view,
           settings={SERVERS_SETTING: mail_server.after_review(server, reviewed, view)}
           if from_server and server is not None else {})
st.caption("Accepting writes one version of your data, undoable on the Data page."
           + (" You are looking at the sample data: accepted changes last for this visit "
              "only." if view.dataset.is_sample else ""))
