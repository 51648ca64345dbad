"""Mail: the replies, rejections, interviews and thank-you notes an exported mailbox tells,
proposed for review; nothing changes until you accept."""

from pathlib import Path

import streamlit as st

from analysis.mail import proposals
from analysis.mail import scan as ms
from analysis.mail.mailbox import MailboxError
from analysis.model import schema as s
from analysis.model.words import plural
from ui import state, workspace
from ui.mail_review import review_editor
from ui.shell import page_setup
from ui.widgets import emphasis, md, no_data

SCAN_KEY = "mail_scan"
RUNNING_KEY = "mail_scanning"
MAIL_TYPES = ["mbox", "mbx", "eml", "msg", "zip"]

view = page_setup("Mail")
st.markdown(
    "Your mailbox knows what the tracker misses: replies, rejections, interview invitations, "
    "the thank-you notes you sent, the dates they promised to decide by. Export it "
    "(Google Takeout's **Mail** gives one `.mbox` file; Thunderbird keeps one file per folder; "
    "Apple Mail exports a `.mbox` folder; Outlook saves `.msg` files) and give it here.")
st.caption("Private: the mailbox is read where it lies, on this computer. Bulk mail (job "
           "alerts, newsletters, marketing) is skipped from its headers; only messages about "
           "your applications are opened, and no attachment but a calendar invitation. The "
           "workspace keeps only what you accept, with its evidence (date, sender, subject, a "
           "short snippet), never bodies or attachments.")

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

if st.session_state.pop(RUNNING_KEY, False) and SCAN_KEY not in st.session_state:
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


if st.button("Scan the mailbox", type=emphasis(), icon=":material/search:",
             disabled=not (uploads or path.strip())):
    chosen = source()
    if chosen is not None:
        st.session_state.pop(SCAN_KEY, None)
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
        st.session_state[SCAN_KEY] = (chosen[1], scan)
        st.rerun()

found = st.session_state.get(SCAN_KEY)
if found is None:
    no_data("Give a mailbox file or its path, then scan it. Nothing changes until you accept "
            "what it finds.")
    st.stop()
label, scan = found
stats = scan.stats
st.markdown(
    f"**{md(label)}**: {stats['messages read']:,.0f} messages read in "
    f"{stats['seconds']:.1f} s; {stats['matched']:,.0f} about your applications, "
    f"{stats['skipped as bulk']:,.0f} skipped as bulk mail, "
    f"{stats['unreadable']:,.0f} unreadable. Your address: {md(scan.me or 'not found')}.")
declined = set(workspace.setting(proposals.DECLINED_SETTING, []) or [])
table = proposals.review_table(scan.proposals, declined=declined)
if table.empty:
    no_data("Nothing to propose: the mailbox tells nothing the tracker does not already "
            "hold" + (", apart from what you declined before." if declined else "."))
    st.stop()

st.subheader(f"Proposals ({len(table):,})", anchor=False)
threshold = st.slider("Tick everything at least this sure", 0.5, 1.0, 0.85, 0.05,
                      key="mail_threshold",
                      help="Confidence from the wording and how the message was tied to the "
                           "application; untick what is wrong before accepting.")
editor = review_editor(proposals.with_choices(table, threshold=threshold),
                       key=f"mail_review_{threshold}")
accepted, refused = proposals.reviewed(table, editor)
buttons = st.columns([2, 2, 3])
if buttons[0].button(f"Accept {len(accepted):,} and decline {len(refused):,}", type=emphasis(),
                     icon=":material/done_all:", disabled=accepted.empty and refused.empty):
    if len(refused):
        workspace.save_setting(proposals.DECLINED_SETTING,
                               proposals.declined_keys(declined, refused))
    if len(accepted):
        updated = proposals.apply_proposals(view.all_apps, accepted)
        if state.save_applications(updated, proposals.updates_description(len(accepted), label),
                                   based_on=view.dataset.stored, kind="mail"):
            st.session_state.pop(SCAN_KEY, None)
            saved = proposals.updates_description(len(accepted), label)
            st.success(f"Saved as a new version: {md(saved)}. Undo it on the Data page.",
                       icon=":material/check_circle:")
            st.rerun()
    else:
        st.rerun()
new, applications = proposals.review_counts(table)
st.caption(f"{new:,} of them are new applications: companies whose acknowledgement is in your "
           "mail but not in your tracker." if new else
           "Accepting writes one version of your data, undoable on the Data page.")
if view.dataset.is_sample:
    st.caption("You are looking at the sample data: accepted changes last for this visit "
               "only. Import your own tracker first.")
st.caption(f"{plural(applications, 'application')} concerned; {s.LABELS[s.STATUS].lower()} changes "
           "never go backwards (an interview does not undo an offer).")
