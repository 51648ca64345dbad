"""Reading mail files where they lie (analysis.mail.mailbox): every kind of file, and hostile
ones bounded in time and memory: archives judged by content and counted as they unpack, header
fields cut before parsing, progress within a single huge message, files that are not mail
skipped and counted."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from email.message import EmailMessage

import pytest
from conftest import ROOT

from analysis import scan_mailbox
from analysis.mail import mailbox as mb
from analysis.mail import message as msg
from analysis.mail.mailbox import MailboxError, iter_messages
from analysis.mail.scan import ScanCancelled
from analysis.model.tables import empty_applications


def message(subject: str = "Hello", body: str = "Hi there", sender: str = "a@b.example"
            ) -> bytes:
    built = EmailMessage()
    built["From"], built["To"], built["Subject"] = sender, "me@mail.example", subject
    built["Date"] = "Tue, 03 Nov 2026 10:00:00 +0000"
    built.set_content(body)
    return built.as_bytes()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_folder_skips_and_counts_what_is_not_mail(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + os.urandom(200))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(300))
    (tmp_path / "a.eml").write_bytes(message("First"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(message("Second"))  # no extension: judged by content
    found = list(iter_messages(tmp_path))
    assert sorted(m.skipped for m in found) == ["", "", "not mail", "not mail"]
    scan = scan_mailbox(tmp_path, empty_applications(), me="me@mail.example")
    assert scan.stats["not mail"] == 2 and scan.stats["messages read"] == 2


def test_a_folder_that_cannot_be_read_in_places_is_read_where_it_can(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file: nothing here is unreadable")
    (tmp_path / "a.eml").write_bytes(message())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.eml").write_bytes(message())
    locked.chmod(0)
    try:
        assert [m.skipped for m in iter_messages(tmp_path)] == [""]
    finally:
        locked.chmod(0o700)


def test_a_whole_disk_is_refused_with_a_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr(mb, "MAX_FOLDER_FILES", 5)
    for number in range(8):
        (tmp_path / f"{number}.txt").write_text("x")
    with pytest.raises(MailboxError, match="not a whole disk"):
        list(iter_messages(tmp_path))


def test_a_folder_without_mail_is_refused():
    with pytest.raises(MailboxError, match="holds no mailbox"):
        list(iter_messages(ROOT / "analysis" / "templates"))


def test_archive_members_are_judged_by_content_not_name():
    archive = zipped({"mail/one": message("One"), "mail/two.txt": message("Two"),
                      "mail/picture.eml": b"\x89PNG\r\n" + os.urandom(100),
                      "mail/three.mbox": b"From x Tue Nov 03 10:00:00 2026\n" + message("3")})
    found = list(iter_messages(archive, name="export.zip"))
    assert sorted(m.skipped for m in found) == ["", "", "", "not mail"]


def test_a_nested_zip_is_read_one_level_and_bounded_in_memory(monkeypatch):
    inner = zipped({"one.eml": message("Inner")})
    assert [m.skipped for m in iter_messages(zipped({"inner": inner}))] == [""]
    deeper = zipped({"x": zipped({"y": inner}), "ok.eml": message()})
    assert [m.skipped for m in iter_messages(deeper)] == ["an archive nested too deep", ""]
    with pytest.raises(MailboxError, match="holds no .eml"):
        list(iter_messages(zipped({"x": zipped({"y": inner})})))
    monkeypatch.setattr(mb, "MAX_INNER_ZIP_BYTES", 100_000)
    big = zipped({"padding.eml": message(body=os.urandom(150_000).hex())})
    found = list(iter_messages(zipped({"big": big, "ok.eml": message()})))
    assert [m.skipped for m in found] == ["unreadable", ""]


MEASURE_NESTED = """
import io, sys, zipfile
from analysis.mail.mailbox import MailboxError, iter_messages
data = open(sys.argv[1], "rb").read()
try:
    found = [m.skipped for m in iter_messages(data, name="bomb.zip")]
except MailboxError as error:
    found = [str(error)]
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(peak // 1024, found, flush=True)
"""


def test_a_zip_holding_a_zip_of_zeros_is_refused_without_unpacking_it(tmp_path):
    """An extension-less member that starts like a zip and holds 400 MB of zeros: unpacked
    as it is counted, it is left after MAX_INNER_ZIP_BYTES, never held whole."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("zeros", "w", force_zip64=True) as member:
        for _ in range(400):
            member.write(b"\0" * (1 << 20))
    path = tmp_path / "bomb.zip"
    path.write_bytes(zipped({"mail": inner.getvalue(), "real.eml": message()}))
    run = subprocess.run([sys.executable, "-c", MEASURE_NESTED, str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    peak, found = run.stdout.split(" ", 1)
    assert "''" in found  # the real message was still read
    assert int(peak) < 400, run.stdout


def test_a_ten_megabyte_sender_name_costs_what_a_normal_one_does():
    raw = (b'From: "' + b"A" * 10_000_000 + b'" <recruiter@acme.example>\n'
           b"To: me@mail.example\nSubject: Interview\n"
           b"Date: Tue, 03 Nov 2026 10:00:00 +0000\n\nWe would like to invite you.\n")
    started = time.perf_counter()
    head = msg.headers(raw)
    sender = msg.addresses(head, "From")
    parsed = msg.full(raw)
    assert time.perf_counter() - started < 1.0
    assert sender[0][1] == "recruiter@acme.example" and len(sender[0][0]) == msg.MAX_NAME_CHARS
    assert msg.header_text(head, "Subject") == "Interview"
    assert "invite" in msg.body_text(parsed)


def test_a_single_huge_message_reports_progress_and_stops_within_a_second(tmp_path):
    path = tmp_path / "huge.mbox"
    with path.open("wb") as out:
        out.write(b"From x Tue Nov 03 10:00:00 2026\n" + message())
        out.write(b"\n" + b"y" * 100 + b"\n")
        line = b"z" * 1000 + b"\n"
        for _ in range(150_000):  # 150 MB in one message
            out.write(line)
    seen = []

    def stop(report):
        seen.append(report.position)
        return False

    started = time.perf_counter()
    with pytest.raises(ScanCancelled):
        scan_mailbox(path, empty_applications(), progress=stop)
    assert time.perf_counter() - started < 1.0 and seen


def test_ticks_come_while_a_large_message_is_read():
    data = b"From x Tue Nov 03 10:00:00 2026\n" + message(body="w" * (3 * mb.CHUNK))
    ticks = []
    list(iter_messages(data, tick=lambda position, size: ticks.append(position)))
    assert len(ticks) >= 3 and ticks == sorted(ticks)


@pytest.mark.parametrize("quote", [
    "On Mon, 3 Nov 2026 at 10:00, Ana Ruiz <ana@x.com>\nwrote:\nUnfortunately we will not",
    "Am Mo., 3. Nov. 2026 um 10:00 Uhr schrieb Ana Ruiz <ana@x.com>:\nleider nicht",
    "Le lun. 3 nov. 2026 à 10:00, Ana Ruiz <ana@x.com> a écrit :\nmalheureusement pas",
    "El lun, 3 nov 2026 a las 10:00, Ana Ruiz (<ana@x.com>) escribió:\nlamentablemente no",
    "Il giorno lun 3 nov 2026 alle ore 10:00 Ana <ana@x.com> ha scritto:\npurtroppo non",
    "Op ma 3 nov. 2026 om 10:00 schreef Ana <ana@x.com>:\nhelaas niet",
    "Em seg., 3 de nov. de 2026 às 10:00, Ana <ana@x.com> escreveu:\ninfelizmente não",
    "-----Messaggio originale-----\nDa: Ana\npurtroppo non",
    "Von: Ana Ruiz <ana@x.com>\nGesendet: Montag, 3. November 2026 10:00\nleider nicht",
    "De : Ana Ruiz <ana@x.com>\nEnvoyé : lundi 3 novembre 2026 10:00\nmalheureusement pas",
    "Van: Ana Ruiz <ana@x.com>\nVerzonden: maandag 3 november 2026 10:00\nhelaas niet",
])
def test_a_reply_is_read_without_what_it_quotes(quote):
    message = EmailMessage()
    message.set_content("Thanks, Thursday works for me.\n\n" + quote)
    assert msg.body_text(message).strip() == "Thanks, Thursday works for me."
