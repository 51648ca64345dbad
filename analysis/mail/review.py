"""The review of mail proposals as the Mail page shows it (each proposal in words, with its
evidence), the choices made on it, and the mail server's proposals kept between visits until
they are accepted or declined. Nothing here changes the frames it is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from analysis.mail.proposals import PROPOSAL_COLUMNS, proposal_key
from analysis.mail.words import kind_label, tie_label
from analysis.model import schema as s
from analysis.model.keys import company_key

ACCEPT, DECLINE, LATER = "Accept", "Decline", "Later"
CHOICES = (ACCEPT, DECLINE, LATER)
SERVERS_SETTING = "mail_servers"
"""The workspace setting that keeps, per mail account (``account_id``): where it is (host,
port, user, STARTTLS, trusted fingerprint, folders), how far it was read (the SyncState's
JSON), when it was last checked and what that found, and its proposals not reviewed yet.
Never a password."""


def day_text(value: object) -> str:
    """A day as the review shows it.

    >>> day_text(pd.Timestamp("2026-09-08 10:00"))
    '8 Sep 2026'
    """
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]  # pandas-stubs: any scalar
    return "" if pd.isna(stamp) else f"{stamp.day} {stamp:%b %Y}"


def review_cards(table: pd.DataFrame, ties: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The review table (``proposals.review_table``) in words: ``heading`` (the application,
    or the company to add), ``change`` ("Status: offer", "Add it, applied 26 Sep 2026"),
    ``found`` (the kind of message, never its code), ``sure`` (a whole percentage) and the
    evidence: ``mail`` (day, sender, subject), ``says`` (the snippet) and ``tie`` (why the
    message is about that application, from ``ties``: a message id -> the evidence's
    ``how``; blank for a new application or a message not in ``ties``).

    >>> table = pd.DataFrame({"row": [None], "company": ["Zorg"], "role": [None],
    ...     "column": ["date_applied"], "value": [pd.Timestamp("2026-09-26")],
    ...     "kind": ["acknowledgement"], "confidence": [0.8],
    ...     "message_date": [pd.Timestamp("2026-09-26")], "sender": ["Zorg <hr@zorg.test>"],
    ...     "subject": ["Thanks for applying"], "snippet": ["We got it."], "key": ["m|d"]})
    >>> review_cards(table)[["heading", "change", "found", "sure"]].values.tolist()
    [['New application: Zorg', 'Add it to the tracker, applied 26 Sep 2026', 'Acknowledgement', 80]]
    """
    if table.empty:
        return table.assign(heading="", change="", found="", sure=0, mail="", says="", tie="")
    records = []
    for proposal in table.to_dict("records"):
        company = _text(proposal["company"]) or "a company"
        role = _text(proposal["role"])
        value = proposal["value"]
        shown = day_text(value) if isinstance(value, pd.Timestamp | dt.date) else _text(value)
        if pd.isna(proposal["row"]):
            heading = f"New application: {company}" + (f" – {role}" if role else "")
            change = f"Add it to the tracker, applied {shown}"
        else:
            heading = f"{company} – {role}" if role else company
            change = f"{s.LABELS.get(str(proposal['column']), str(proposal['column']))}: {shown}"
        records.append({
            "heading": heading, "change": change, "found": kind_label(proposal["kind"]),
            "sure": round(float(proposal["confidence"]) * 100),
            "mail": f"{day_text(proposal['message_date'])} · {_text(proposal['sender'])} · "
                    f"“{_text(proposal['subject'])}”",
            "says": _text(proposal["snippet"]),
            "tie": "" if pd.isna(proposal["row"]) else
            tie_label((ties or {}).get(_text(proposal.get("message_id"))))})
    return table.assign(**pd.DataFrame(records, index=table.index))


def ties_of(evidence: pd.DataFrame) -> dict[str, str]:
    """How each message a scan tied to an application was tied (message id -> ``how``), for
    ``review_cards``."""
    if evidence.empty or "how" not in evidence:
        return {}
    return {str(mid): str(how) for mid, how in zip(evidence["message_id"], evidence["how"],
                                                    strict=True) if how}


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # type: ignore[call-overload]  # pandas-stubs: isna of any scalar
        return ""
    return str(value).strip()


def starting_choice(confidence: float, *, threshold: float) -> str:
    """Accept what is at least ``threshold`` sure, leave the rest for later.

    >>> starting_choice(0.9, threshold=0.85), starting_choice(0.6, threshold=0.85)
    ('Accept', 'Later')
    """
    return ACCEPT if confidence >= threshold else LATER


def chosen(table: pd.DataFrame, choices: Mapping[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The proposals of ``table`` to accept and those to decline, by ``choices`` (proposal key
    -> Accept, Decline or Later); one choice per proposal, so none is both.

    >>> table = pd.DataFrame({"key": ["a", "b", "c"]})
    >>> [part["key"].tolist() for part in chosen(table, {"a": "Accept", "b": "Decline"})]
    [['a'], ['b']]
    """
    picked = table["key"].map(dict(choices)).fillna(LATER)
    return table[picked == ACCEPT], table[picked == DECLINE]


def account_id(host: str, user: str, port: int) -> str:
    """The name a mail account's settings are kept under (no secret in it).

    >>> account_id("IMAP.gmail.com", "sam@gmail.com", 993)
    'sam@gmail.com@imap.gmail.com:993'
    """
    return f"{user.strip()}@{host.strip().lower()}:{int(port)}"


def pending_records(proposals: pd.DataFrame) -> list[dict[str, Any]]:
    """Proposals as plain JSON values, for the workspace to keep until they are reviewed."""
    frame = proposals[PROPOSAL_COLUMNS].astype(object)
    records: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()}
        for r in frame.where(frame.notna(), None).to_dict("records")]
    for record in records:
        for name in ("value", "message_date"):
            if isinstance(record[name], pd.Timestamp):
                record[name] = {"day": record[name].isoformat()}
        record["row"] = None if record["row"] is None else int(record["row"])
    return records


def pending_proposals(records: Iterable[Mapping[str, Any]], apps: pd.DataFrame) -> pd.DataFrame:
    """The kept proposals that still hold against ``apps``: their row is still the same
    company and role and does not hold the value yet; a new application's company is still
    not tracked. Anything else was overtaken (an edit, an import, a restore) and is left out."""
    rows: list[dict[str, Any]] = []
    tracked = {company_key(c) for c in apps[s.COMPANY].dropna()} if s.COMPANY in apps else set()
    for record in records:
        proposal = {k: (pd.Timestamp(v["day"]) if isinstance(v, dict) and "day" in v else v)
                    for k, v in record.items() if k in PROPOSAL_COLUMNS}
        row = proposal.get("row")
        if row is None:
            if company_key(str(proposal.get("company"))) in tracked:
                continue
        else:
            if row not in apps.index or _text(apps.at[row, s.COMPANY]) != _text(
                    proposal.get("company")) or _text(apps.at[row, s.ROLE]) != _text(
                    proposal.get("role")):
                continue
            held = apps.at[row, str(proposal["column"])] if proposal["column"] in apps else None
            if _text(held) and _same(held, proposal["value"]):
                continue
        rows.append(proposal)
    frame = pd.DataFrame(rows, columns=PROPOSAL_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    frame["message_date"] = pd.to_datetime(frame["message_date"]).astype("datetime64[us]")
    return frame


def _same(held: object, value: object) -> bool:
    if isinstance(value, pd.Timestamp):
        return bool(pd.Timestamp(held).normalize() == value.normalize())  # type: ignore[arg-type]  # pandas-stubs: any scalar
    return _text(held).lower() == _text(value).lower()


def merged_pending(kept: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """The proposals kept, with a new scan's added (a newer proposal for the same message and
    column replaces the kept one)."""
    if kept.empty:
        return found.reset_index(drop=True)
    both = pd.concat([kept[~proposal_key(kept).isin(set(proposal_key(found)))], found],
                     ignore_index=True)
    return both.astype({"row": "Int64"})


def without_reviewed(proposals: pd.DataFrame, keys: Iterable[str]) -> pd.DataFrame:
    """The proposals left to review once ``keys`` were accepted or declined."""
    return proposals[~proposal_key(proposals).isin(set(keys))].reset_index(drop=True)
