"""Generated hostile input for the importer and the mail reader: huge cells, control
characters, extreme dates and numbers, broken encodings, nested archives. Whatever comes in,
the answer is a result or an error meant for a person, within bounded time and memory."""

from __future__ import annotations

import datetime as dt
import io
import time
import tracemalloc
import zipfile

import pandas as pd
from conftest import csv_bytes, xlsx_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import SpreadsheetError, load_applications, scan_mailbox
from analysis.mail.mailbox import MailboxError
from analysis.model.tables import empty_applications

SECONDS = 5.0  # per example, generous for a 2-core machine under load
PEAK_MB = 150  # Python allocations per example

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x9f), max_size=40),
    st.sampled_from(["=cmd|' /C calc'!A0", "<script>alert(1)</script>", "[x](javascript:1)",
                     "\u202eevil", "\x1b]0;title\x07", "n/a", "-", "TRUE", "1e300", "-1",
                     "9999-12-31", "0001-01-01", "31/02/2025", "NaN", "inf", "  "]),
    st.integers(min_value=1, max_value=200_000).map(lambda n: "x" * n),
)
cell = st.one_of(
    hostile_text, st.none(), st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
HEADERS = ["Company", "Role", "Status", "Date applied", "Interview date", "Salary", "Notes",
           "Source", "Job URL"]


def bounded(call):
    """``call()``'s result, with the time and the peak of Python allocations it took."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        return call(), time.perf_counter() - started, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def outcome(call):
    try:
        return call()
    except (SpreadsheetError, MailboxError) as error:
        assert str(error).strip() and "Traceback" not in str(error)
        return error


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6, unique=True),
       rows=st.lists(st.lists(cell, min_size=0, max_size=7), max_size=12),
       kind=st.sampled_from(["csv", "csv;", "xlsx"]))
def test_the_importer_answers_any_table(header, rows, kind):
    def excel_safe(value):
        if isinstance(value, str):  # openpyxl refuses control characters in cells
            return "".join(c for c in value if c >= " " or c in "\t\n")[:32_000]
        if isinstance(value, float) and not pd.notna(value) or value in (float("inf"),
                                                                          float("-inf")):
            return None
        return value

    if kind == "xlsx":
        data = xlsx_bytes({"Applications": [header, *([excel_safe(c) for c in r]
                                                      for r in rows)]})
    else:
        data = csv_bytes([header, *rows], sep=";" if kind == "csv;" else ",")
    result, seconds, peak = bounded(lambda: outcome(
        lambda: load_applications(data, name=f"fuzz.{kind[:4]}", as_of=dt.date(2026, 1, 1))))
    assert seconds < SECONDS and peak < PEAK_MB
    if not isinstance(result, Exception):
        dates = result.applications["date_applied"].dropna()
        assert dates.empty or (dates.dt.year.between(1900, 2199)).all()
        assert set(result.issues.columns) >= {"file", "row", "column", "value", "problem"}


addresses = st.one_of(st.emails(), st.sampled_from(["", "<>", "@", "a@", "x" * 400 + "@b.c"]))


@st.composite
def messages(draw) -> bytes:
    name = draw(hostile_text)
    subject = draw(hostile_text)
    body = draw(st.one_of(hostile_text, st.binary(max_size=2_000).map(
        lambda b: b.decode("latin-1"))))
    date = draw(st.one_of(st.just("Tue, 03 Nov 2026 10:00:00 +0000"), hostile_text))
    charset = draw(st.sampled_from(["utf-8", "latin-1", "x-unknown", "utf-7"]))
    head = (f'From: "{name}" <{draw(addresses)}>\nTo: {draw(addresses)}\n'
            f"Subject: {subject}\nDate: {date}\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset={charset}\n\n")
    return (head + body + "\n").encode("utf-8", errors="surrogateescape")


@st.composite
def mailboxes(draw) -> bytes:
    found = draw(st.lists(messages(), min_size=1, max_size=8))
    shape = draw(st.sampled_from(["mbox", "zip", "zip in zip", "eml"]))
    mbox = b"".join(b"From x Tue Nov 03 10:00:00 2026\n" + m for m in found)
    if shape == "mbox":
        return mbox
    if shape == "eml":
        return found[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, data in enumerate(found):
            archive.writestr(draw(st.sampled_from([f"{number}.eml", f"m{number}",
                                                    f"{number}/.DS_Store"])),
                             data)
    if shape == "zip in zip":
        outer = io.BytesIO()
        with zipfile.ZipFile(outer, "w") as archive:
            archive.writestr("export", buffer.getvalue())
        return outer.getvalue()
    return buffer.getvalue()


TRACKER = pd.concat([empty_applications(), pd.DataFrame(
    {"company": ["Acme", "Globex"], "role": ["Analyst", "PM"],
     "date_applied": pd.to_datetime(["2026-10-01", "2026-10-02"]).astype("datetime64[us]")})],
    ignore_index=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(mailbox=mailboxes())
def test_the_mail_reader_answers_any_mailbox(mailbox):
    scan, seconds, peak = bounded(lambda: outcome(
        lambda: scan_mailbox(mailbox, TRACKER, as_of=dt.date(2026, 12, 31))))
    assert seconds < SECONDS and peak < PEAK_MB
    if not isinstance(scan, Exception):
        proposals = scan.proposals
        assert proposals["value"].astype("str").str.len().max() <= 400 if len(proposals) \
            else True
