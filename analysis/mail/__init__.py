"""Reading the user's mailbox: messages from files, what each one means, which
application it is about, and the proposals it makes for the tracker. Imports the rooms
below it (model, interviews, reading).

``ACCEPT_ALL_FROM`` is the confidence from which the Mail page may offer to accept every
proposal at once: the lowest at which proposals were right at least 97 times in 100 on mail
written by others that the reader was never tuned on (benchmarks/RESULTS.md, "Mail written by
others"). No confidence the reader gives reaches that yet (its surest proposals, at 0.95, were
right 60 times in 62), so it stands above them all and "accept all" offers nothing.
"""

ACCEPT_ALL_FROM = 0.96

# The room's public names: a mailbox file or a mail server read into proposals.
from analysis.mail.scan import MailScan, ScanProgress, scan_mailbox  # noqa: E402
from analysis.mail.server_scan import ServerProgress, scan_imap  # noqa: E402

__all__ = ["ACCEPT_ALL_FROM", "MailScan", "ScanProgress", "ServerProgress", "scan_imap",
           "scan_mailbox"]
