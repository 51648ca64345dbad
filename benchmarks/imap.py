"""Mail from an IMAP server: the header pass of ``analysis.mail.imap.sync`` against the test
Dovecot (tests/imapserver.py) holding a large mailbox, each sync in a fresh process.

    python benchmarks/imap.py --messages 100000

Writes the messages straight into the server's Maildir (about 10 KB each, with about 1 KB of
headers as real mail has them: Received, DKIM, List-Unsubscribe; a tenth with a 50 KB
attachment; a third bulk mail, 1% about applications to the 50 companies of the tracker, the
rest everyday mail), then times, each in a new process: the first sync's header pass
(seconds, MB/s of headers received, peak RSS from VmHWM), the longest batch (what bounds how
soon ``stop()`` takes effect), a sync after 50 new messages, the header pass again with other
batch sizes (the server's index warm by then) to choose the default, and ``scan_imap`` as a
whole (header pass, the reader, the messages it ties read in full, proposals): the first scan
and one after 50 new messages. The figures replace the "Mail from an IMAP server" section of
benchmarks/RESULTS.md; not part of the test suite.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections import replace_section  # noqa: E402

HEADING = "## Mail from an IMAP server"
TRACKED = 50  # companies of the tracker, company0000 to company0049
FILLER = " ".join("lorem ipsum dolor sit amet consectetur" for _ in range(220))


def message(number: int, rng: random.Random, attachment: str) -> bytes:
    """A synthetic message of about 10 KB (60 KB with an attachment) with realistic headers."""
    draw = rng.random()
    bulk, about = draw < 0.33, draw > 0.99  # bulk mail; mail about an application
    company = f"company{rng.randrange(TRACKED):04d}" if about else f"friend{rng.randrange(1000)}"
    sender = "news@shop.test" if bulk else f"recruiting@{company}.com" if about \
        else f"{company}@{company}.test"
    day = 1 + number % 28
    subject = "Deals of the week" if bulk else f"Your application {number}" if about \
        else f"Re: plans for the weekend {number}"
    headers = (
        f"Return-Path: <{sender}>\n"
        f"Received: from mx{number % 7}.{company}.com (mx{number % 7}.{company}.com "
        f"[192.0.2.{number % 250}]) by mail.example.test with ESMTPS id {number:08x}\n"
        f"\tfor <me@mail.test>; Tue, {day:02d} Nov 2026 10:{number % 60:02d}:00 +0000\n"
        f"Received: from internal.{company}.com by mx{number % 7}.{company}.com with SMTP id "
        f"{number * 7:08x}; Tue, {day:02d} Nov 2026 10:{number % 60:02d}:00 +0000\n"
        f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={company}.com; s=s1;\n"
        f"\th=from:to:subject:date:message-id; bh={base64.b64encode(os.urandom(32)).decode()};\n"
        f"\tb={base64.b64encode(os.urandom(190)).decode()}\n"
        f"From: <{sender}>\nTo: <me@mail.test>\n"
        f"Subject: {subject}\n"
        f"Date: Tue, {day:02d} Nov 2026 10:{number % 60:02d}:00 +0000\n"
        f"Message-ID: <{number}.{rng.getrandbits(40):x}@mail.test>\n"
        + ("List-Unsubscribe: <mailto:unsubscribe@shop.test>\nPrecedence: bulk\n" if bulk
           else "")
        + "MIME-Version: 1.0\n")
    if rng.random() < 0.1:
        body = ('Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
                f"{FILLER}\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: "
                f'base64\nContent-Disposition: attachment; filename="cv.pdf"\n\n{attachment}\n'
                "--b--\n")
    else:
        body = f"Content-Type: text/plain\n\n{FILLER}\n"
    return (headers + body).encode()


# What both child processes start with: their options, a peak-memory reading; each then
# imports what it runs and calls start() for its baseline and sync state.
PREAMBLE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
options = json.loads(sys.argv[2])
def hwm():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
def start():
    from analysis.mail.imap import SyncState
    state = SyncState()
    if options["resume"]:
        with open(options["state"]) as saved:
            state = SyncState.from_json(saved.read())
    return hwm(), options["state"], state
"""

SCAN_CHILD = PREAMBLE + r"""
import pandas as pd
from analysis import empty_applications, scan_imap
imported, state_path, state = start()
tracker = empty_applications().reindex(range(options["tracked"]))
tracker["company"] = [f"Company{n:04d}" for n in range(options["tracked"])]
tracker["role"], tracker["status"] = "Data Analyst", "Applied"
tracker["date_applied"] = pd.Timestamp("2026-10-01")
started = time.perf_counter()
found = scan_imap(options["host"], options["user"], options["password"], tracker,
                  port=options["port"], fingerprint=options["fingerprint"], state=state)
seconds = time.perf_counter() - started
open(state_path, "w").write(state.to_json())
print(json.dumps({"seconds": seconds, "peak_mb": hwm() / 1024, "import_mb": imported / 1024,
                  "proposals": len(found.proposals),
                  **{k: v for k, v in found.stats.items()}}))
"""


CHILD = PREAMBLE + r"""
from analysis.mail.imap import Account, sync
imported, state_path, state = start()
account = Account(options["host"], options["user"], port=options["port"],
                  fingerprint=options["fingerprint"])
marks = []
started = time.perf_counter()
run = sync(account, options["password"], state, batch=options["batch"],
           progress=lambda n, b, s: marks.append(time.perf_counter()))
count = size = 0
for header in run:
    count += 1
    size += len(header.data)
seconds = time.perf_counter() - started
gaps = [b - a for a, b in zip([started, *marks], marks)]
open(state_path, "w").write(state.to_json())
print(json.dumps({"seconds": seconds, "headers": count, "bytes": size, "peak_mb": hwm() / 1024,
                  "import_mb": imported / 1024,
                  "longest_batch": max(gaps[1:] or gaps or [0.0]), "batches": len(marks)}))
"""


def child(server, state: Path, *, batch: int, resume: bool, code: str = CHILD) -> dict:
    options = {"host": server.host, "port": server.port, "user": server.user,
               "password": server.password, "fingerprint": server.fingerprint_hex,
               "batch": batch, "state": str(state), "resume": resume, "tracked": TRACKED}
    out = subprocess.run([sys.executable, "-c", code, str(ROOT), json.dumps(options)],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--batches", default="100,250,500,1000,2000",
                        help="batch sizes to compare on the warm server")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    options = parser.parse_args()

    import imapserver

    from analysis.mail.imap import accounts as srv

    rng = random.Random(1)
    attachment = base64.encodebytes(os.urandom(36_000)).decode()
    with imapserver.DovecotServer() as server, tempfile.TemporaryDirectory() as folder:
        server.start()
        started = time.perf_counter()
        total = 0
        for number in range(options.messages):
            data = message(number, rng, attachment)
            total += len(data)
            server.add_message("INBOX", data, ["\\Seen"] if number % 20 else (), new=False)
        print(f"wrote {options.messages:,} messages, {total / 1e9:.2f} GB, in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        state = Path(folder) / "state.json"
        first = child(server, state, batch=srv.HEADER_BATCH, resume=False)
        print("first sync", first, flush=True)
        for number in range(options.messages, options.messages + 50):
            server.add_message("INBOX", message(number, rng, attachment), new=True)
        again = child(server, state, batch=srv.HEADER_BATCH, resume=True)
        print("50 new", again, flush=True)
        idle = child(server, state, batch=srv.HEADER_BATCH, resume=True)
        print("nothing new", idle, flush=True)
        scan_state = Path(folder) / "scan.json"
        scanned = child(server, scan_state, batch=srv.HEADER_BATCH, resume=False, code=SCAN_CHILD)
        print("scan_imap, first", scanned, flush=True)
        for number in range(options.messages + 50, options.messages + 100):
            server.add_message("INBOX", message(number, rng, attachment), new=True)
        child(server, state, batch=srv.HEADER_BATCH, resume=True)  # the sync's state, level
        rescanned = child(server, scan_state, batch=srv.HEADER_BATCH, resume=True,
                          code=SCAN_CHILD)
        print("scan_imap, 50 new", rescanned, flush=True)
        tuning = {}
        for batch in (int(b) for b in options.batches.split(",")):
            tuning[batch] = child(server, Path(folder) / f"state{batch}.json", batch=batch,
                                  resume=False)
            print("batch", batch, tuning[batch], flush=True)

    mb = first["bytes"] / 1e6
    lines = [
        HEADING, "",
        f"Run on {time.strftime('%Y-%m-%d %H:%M')} with `python benchmarks/imap.py --messages "
        f"{options.messages}` on {os.cpu_count()} cores (the Dovecot 2.3 of tests/imapserver.py "
        "on the same machine, over TLS on loopback).", "",
        f"One folder of {options.messages:,} messages, {total / 1e9:.2f} GB (about 10 KB each "
        f"with {first['bytes'] / max(first['headers'], 1) / 1e3:.1f} KB of headers as real mail "
        "has them, a tenth with a 50 KB attachment), written into the Maildir directly. Each "
        "sync in a fresh process (connect, log in, LIST, EXAMINE, UID SEARCH, UID FETCH of the "
        "headers in batches); peak RSS is that process's VmHWM, of which "
        f"{first['import_mb']:.0f} MB is there before the sync starts (importing the analysis "
        "package: pandas, numpy).", "",
        "| sync | headers | seconds | headers MB | MB/s | peak RSS (MB) | longest batch (s) |",
        "|---|---|---|---|---|---|---|",
        f"| first sync, header pass (batch {srv.HEADER_BATCH}, cold server index) | "
        f"{first['headers']:,} | {first['seconds']:.1f} | {mb:.0f} | "
        f"{mb / first['seconds']:.1f} | {first['peak_mb']:.0f} | {first['longest_batch']:.2f} |",
        f"| after 50 new messages | {again['headers']} | {again['seconds']:.2f} | "
        f"{again['bytes'] / 1e6:.2f} | - | {again['peak_mb']:.0f} | "
        f"{again['longest_batch']:.2f} |",
        f"| nothing new (the server's EXAMINE of the folder is most of it) | {idle['headers']} | "
        f"{idle['seconds']:.2f} | - | - | {idle['peak_mb']:.0f} | - |", "",
        "The header pass again from an empty state, warm server, with other batch sizes (the "
        "most UIDs asked for in one UID FETCH; batches are also sized to take about "
        f"{srv.BATCH_SECONDS} s, so that stop() takes effect within a batch):", "",
        "| batch | seconds | MB/s | peak RSS (MB) | longest batch (s) |", "|---|---|---|---|---|",
        *[f"| {batch} | {r['seconds']:.1f} | {r['bytes'] / 1e6 / r['seconds']:.1f} | "
          f"{r['peak_mb']:.0f} | {r['longest_batch']:.2f} |" for batch, r in tuning.items()],
        "",
        "`analysis.scan_imap` as a whole, in a fresh process, on the same folder (by then "
        f"{options.messages + 50:,} messages) with a tracker of {TRACKED} applications: the "
        "header pass, the reader's pass over the headers, the messages it ties to an "
        "application read in full, and the proposals; from an empty state, then with 50 new "
        "messages:", "",
        "| scan | messages read | read in full | proposals | seconds | peak RSS (MB) |",
        "|---|---|---|---|---|---|",
        *[f"| {name} | {r['messages read']:,.0f} | {r['read in full']:,.0f} | "
          f"{r['proposals']:,} | {r['seconds']:.2f} | {r['peak_mb']:.0f} |"
          for name, r in (("first scan", scanned), ("after 50 new messages", rescanned))], "",
        f"Targets: the header pass within 60 s and 300 MB; 50 new messages within 2 s. Here: "
        f"the sync's header pass {first['seconds']:.1f} s and {first['peak_mb']:.0f} MB "
        f"(scan_imap's first scan, the reader included: {scanned['seconds']:.1f} s and "
        f"{scanned['peak_mb']:.0f} MB); 50 new messages {again['seconds']:.2f} s "
        f"(scan_imap: {rescanned['seconds']:.2f} s).", ""]
    replace_section(Path(options.out), HEADING, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
