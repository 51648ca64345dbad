"""What the evidence read from mail proposes for the tracker, one proposal per
application and column, and the review of those proposals."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import pandas as pd

from analysis.mail import meaning as mm
from analysis.mail import no_words as no
from analysis.mail import offer_words as offers
from analysis.mail import phrases as ph
from analysis.mail.newapps import company_of, of_a_job, tracked_already
from analysis.model import schema as s
from analysis.model.keys import company_key, fold
from analysis.model.tables import empty_applications

PROPOSAL_COLUMNS = ["row", "company", "role", "column", "value", "kind", "confidence",
                    "message_date", "sender", "subject", "snippet", "message_id"]
SNIPPET = 200
Evidence = Mapping[Hashable, Any]  # one row of the evidence table, by column


_STATUS_OF = {mm.REJECTION: s.REJECTED, mm.OFFER: s.OFFER, mm.INTERVIEW: s.INTERVIEWING,
              mm.ASSESSMENT: s.SCREENING, mm.SENT_ACCEPT: s.ACCEPTED,
              mm.SENT_DECLINE: s.WITHDRAWN, mm.SENT_WITHDRAW: s.WITHDRAWN}
_RANK = {s.SAVED: 0, s.APPLIED: 1, s.SCREENING: 2, s.INTERVIEWING: 3, s.OFFER: 4,
         s.ACCEPTED: 5, s.REJECTED: 5, s.WITHDRAWN: 5, s.GHOSTED: 1}
# A role and a company named in an acknowledgement ("Thank you for applying to Acme for the
# Data Analyst position"): the introducing words in any case, the name with a capital.
_NEW_ROLE = re.compile(
    r"(?i:for|as|für|als|pour|para|au poste de|el puesto de)\s+"
    r"(?i:the|our|a|an|die|den|le|la|el)?\s*(?i:position|role|job|stelle|poste|puesto)?\s*"
    r"(?i:of|as|de)?\s*[\"'“«]?([A-Z][\w/&+\- ]{2,60}?)[\"'”»]?"
    r"(?:\s+(?i:position|role|job|at|bei|chez|en)\b|[.,!\n]|$)")
# what "für Ihre Bewerbung bei Acme" names after "für": the application, not a role
_NO_ROLE = re.compile(r"(?i)^(?:ihre|deine|eure|your|votre|ta|su|tu|vuestra|la sua|la tua|uw|je|"
                      r"jouw|sua|tua)\b")
_NEW_COMPANY = re.compile(
    r"(?i:applying to|applying at|applying with|application to|application at|"
    r"application with|interest in|bewerbung bei|candidature chez|candidatura en|"
    r"(?:team|careers|talent) at|welcome to)\s+([A-Z][\w&.\- ]{1,50}?)"
    r"(?:[.,!:\n]|\s+(?i:for|as|-)\b|$)")


_ROLE_NOISE = frozenset({"m", "w", "d", "f", "h", "x", "div", "mwd", "all", "genders", "the",
                         "a", "an", "of", "and", "for", "in", "de", "la", "le", "el", "und",
                         "y", "et", "en", "del", "des", "der", "die", "das"})


def _role_words(role: object) -> set[str]:
    return {w for w in fold(role).split() if w not in _ROLE_NOISE and len(w) > 1} \
        if isinstance(role, str) else set()


def _without_name(text: str, company: str) -> str:
    """``text`` with the company's name taken out, however much of it is written ("Kestrel
    Analytics Ltd", "Kestrel Analytics"): from its whole name down to its first word.

    >>> _without_name("Kestrel Analytics: your application, Data Analyst", "Kestrel Analytics Ltd")
    ': your application, Data Analyst'
    """
    words = company.split()
    for size in range(len(words), 0, -1):
        if len(" ".join(words[:size])) >= 3:
            text = re.sub(r"(?i)(?<!\w)" + r"\s+".join(map(re.escape, words[:size])) + r"(?!\w)",
                          "", text)
    return text


def pick_application(apps: pd.DataFrame, rows: list[int], text: str, when: dt.datetime,
                     known: Iterable[int] = ()) -> tuple[list[int], str]:
    """The application a message concerns among a company's, and why: of those applied for
    by the message's day (nothing before an application counts), the one whose role's own
    words (those the other roles there do not share) the text's first line (the subject)
    names, when it names one only; else the one a sentence deciding something names; else
    the one of ``known`` (those its writer wrote about before), when one only; else the one
    whose own words the text names most; when none is named, the one whose whole role the
    text names; a tie proposes nothing and says so.

    >>> apps = pd.DataFrame({"role": ["Data Analyst", "Senior Data Analyst"],
    ...                      "date_applied": pd.to_datetime(["2026-01-05", "2026-01-06"])})
    >>> pick_application(apps, [0, 1], "Your application: Senior Data Analyst",
    ...                  dt.datetime(2026, 2, 1))[0]
    [1]
    """
    day = pd.Timestamp(when.date())
    applied: dict[int, Any] = {r: apps.at[r, s.DATE_APPLIED] for r in rows}  # or NaT
    open_rows = [r for r in rows if not (pd.notna(applied[r]) and applied[r] > day)]
    if len(open_rows) <= 1:
        return open_rows, ""
    # the company's name, read out of the text, names no role ("Analytics" in "Kestrel
    # Analytics"), but its words may be a role's ("Data Engineer" at Halvorsen Data AS)
    name = apps.at[open_rows[0], s.COMPANY] if s.COMPANY in apps.columns else None
    text = _without_name(text, name if isinstance(name, str) else "")
    roles = {r: _role_words(apps.at[r, s.ROLE]) for r in open_rows}
    own = {r: roles[r] - set().union(*(roles[o] for o in open_rows if o != r))
           for r in open_rows}
    # The subject names the role the message is about; the body may name others beside it
    # ("your application as Product Owner is not affected").
    subject = f" {fold(text.split(chr(10), 1)[0])} "
    titled = [r for r in open_rows if any(f" {w} " in subject for w in own[r])]
    if len(titled) == 1:
        return titled, ""
    # The one named where the message decides something ("we'd like to move forward with you
    # for the Data Platform Engineer role"; the other "will follow up").
    decisive = " ".join(p for p in mm.sentences(text[:3000])
                        if no.REJECTION.search(p) or ph.INVITE.search(p)
                        or offers.OFFER.search(p))
    said = f" {fold(decisive)} "
    named = [r for r in open_rows if any(f" {w} " in said for w in own[r])]
    if len(named) == 1:
        return named, ""
    # The one its writer wrote about before (an agency's consultant, not the team that
    # handles the other)
    before = [r for r in open_rows if r in set(known)]
    if len(before) == 1:
        return before, ""
    words = f" {fold(text[:3000])} "
    scores = {r: sum(f" {w} " in words for w in own[r]) for r in open_rows}
    best = max(scores.values())
    if best > 0:
        chosen = [r for r in open_rows if scores[r] == best]
    else:
        chosen = [r for r in open_rows if isinstance(apps.at[r, s.ROLE], str)
                  and f" {fold(apps.at[r, s.ROLE])} " in words]
    if len(chosen) == 1:
        return chosen, ""
    return [], (f"{len(open_rows)} applications at this company and the message names "
                "none of their roles apart")


def propose(evidence: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    proposals: list[dict[str, object]] = []
    if evidence.empty:
        return _frame(proposals)
    unknown: list[Evidence] = [r for r in evidence.to_dict("records")
               if not r["rows"] and r["kind"] in (mm.ACKNOWLEDGEMENT, mm.SENT_APPLICATION)]
    for row, records in _by_application(evidence).items():
        proposals += _for_application(apps.loc[row], row, records)  # type: ignore[arg-type]  # pandas-stubs: one label of a unique index is a row
    proposals += _new_applications(unknown, apps)
    return _frame(proposals)


def _by_application(evidence: pd.DataFrame) -> dict[int, list[Evidence]]:
    """The evidence of each application it was tied to, oldest first."""
    per_row: dict[int, list[Evidence]] = {}
    for record in ([] if evidence.empty else evidence.to_dict("records")):
        for row in record["rows"]:
            per_row.setdefault(row, []).append(record)
    return {row: sorted(records, key=lambda r: r["date"]) for row, records in per_row.items()}


def _latest_step(records: list[Evidence]) -> tuple[Evidence | None, Evidence | None]:
    """Of one application's records, oldest first: the latest that moves its status (the
    person's own acceptance, decline or withdrawal ends it: no later mail moves it back), and,
    when that is an offer, the person's later answer to it in words the reader cannot place."""
    deciding = [r for r in records if r["kind"] in _STATUS_OF]
    ending = next((i for i, r in enumerate(deciding)
                   if _STATUS_OF[str(r["kind"])] in (s.ACCEPTED, s.WITHDRAWN)), None)
    if ending is not None:
        deciding = deciding[:ending + 1]
    if not deciding:
        return None, None
    last = deciding[-1]
    answer = next((r for r in records if r["kind"] == mm.SENT_ANSWER
                   and r["date"] > last["date"]), None) if last["kind"] == mm.OFFER else None
    return last, answer


def answered_offers(evidence: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    """The offers the person answered in words the reader cannot place as a yes or a no: their
    status is left as it is (``propose`` proposes none), for the person to set. One row per
    application: ``row``, ``company``, ``role``, ``offered`` (the offer's day), ``answered``
    (the answer's day) and ``subject`` (the answer's)."""
    found = []
    for row, records in _by_application(evidence).items():
        last, answer = _latest_step(records)
        if last is not None and answer is not None and row in apps.index:
            found.append({"row": row, "company": apps.at[row, s.COMPANY],
                          "role": apps.at[row, s.ROLE], "offered": _day(last["date"]),
                          "answered": _day(answer["date"]), "subject": answer["subject"]})
    return pd.DataFrame(found, columns=["row", "company", "role", "offered", "answered",
                                        "subject"])


def _frame(proposals: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(proposals, columns=PROPOSAL_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    frame["message_date"] = pd.to_datetime(frame["message_date"], utc=True)\
        .dt.tz_convert(None).astype("datetime64[us]")
    for column in ("company", "role", "column", "kind", "sender", "subject", "snippet",
                   "message_id"):
        frame[column] = frame[column].astype("str")
    return frame.sort_values(["row", "column"], na_position="last", kind="stable")\
        .reset_index(drop=True)


def _local(when: dt.datetime, sent: object) -> dt.datetime:
    """An invitation's start written in UTC ("DTSTART:20261115T223000Z") on the clock of the
    message that sends it (Monday 16 November 09:30 in Melbourne), whose day the person keeps.

    >>> sent = dt.datetime(2026, 11, 9, 16, 40, tzinfo=dt.timezone(dt.timedelta(hours=11)))
    >>> _local(dt.datetime(2026, 11, 15, 22, 30, tzinfo=dt.UTC), sent).date()
    datetime.date(2026, 11, 16)
    """
    if when.utcoffset() == dt.timedelta(0) and isinstance(sent, dt.datetime) and sent.tzinfo:
        return when.astimezone(sent.tzinfo)
    return when


def _day(value: dt.datetime | dt.date) -> pd.Timestamp:
    return pd.Timestamp(value.date() if isinstance(value, dt.datetime) else value)


# How far a column's value rests on more than the message's meaning: a first response on no
# earlier answer being missed, an interview day on the right day being read, a new
# application on its company being read from the right words. Measured on the tuning sources
# of tests/mailpublic (benchmarks/RESULTS.md, "Mail written by others").
_COLUMN_TRUST = {s.FIRST_RESPONSE_DATE: 0.95, s.INTERVIEW_DATE: 0.95,
                 s.EXPECTED_DECISION_DATE: 0.95, s.DATE_APPLIED: 0.9, s.CONTACT_EMAIL: 1.0,
                 s.CONTACT_NAME: 1.0}


def _proposal(app: pd.Series, row: int | None, column: str, value: object,
              record: Evidence, confidence: float | None = None) -> dict[str, object]:
    """One proposal, its confidence the message's (or ``confidence``) weighed by how far the
    column rests on more than the message."""
    sure = float(confidence if confidence is not None else record["confidence"])
    return {"row": row, "company": app.get(s.COMPANY) if app is not None else None,
            "role": app.get(s.ROLE) if app is not None else None, "column": column,
            "value": value, "kind": record["kind"],
            "confidence": round(sure * _COLUMN_TRUST.get(column, 1.0), 3),
            "message_date": record["date"], "sender": record["sender"],
            "subject": record["subject"], "snippet": record["snippet"],
            "message_id": record["message_id"]}


def _for_application(app: pd.Series, row: int, records: list[Evidence]
                     ) -> list[dict[str, object]]:
    """The net effect of an application's mail (``records``, oldest first) on its columns."""
    received = [r for r in records if r["direction"] == "received"]
    sent = [r for r in records if r["direction"] == "sent"]
    out: list[dict[str, object]] = []
    blank = {c: pd.isna(app.get(c)) for c in (*s.DATE_COLUMNS, s.CONTACT_NAME,
                                               s.CONTACT_EMAIL)}
    # Status: the latest message that moves it (the employer's word or the person's own
    # decision), never a step back, never past accepted or withdrawn.
    last, answer = _latest_step(records)
    if last is not None:
        status = _STATUS_OF[str(last["kind"])]
        if last["kind"] == mm.INTERVIEW and last["screening"]:
            status = s.SCREENING
        current = app.get(s.STATUS, "")
        forward = _RANK.get(status, 0) > _RANK.get(current, 0) or (
            status in (s.REJECTED, s.OFFER) and current not in (s.ACCEPTED, s.WITHDRAWN,
                                                                 s.REJECTED, s.OFFER))
        # an offer the person has answered since, in words the reader cannot place, is no
        # longer the status, whatever the answer was
        if (status != current and current not in (s.ACCEPTED, s.WITHDRAWN) and forward
                and answer is None):
            # a calendar invitation makes the day sure, not the step: a later no may be
            # missed (held-out: right 67 times in 77 at 0.95), so no surer than a plain one
            sure = min(0.9, float(last["confidence"])) if last["kind"] == mm.INTERVIEW else None
            out.append(_proposal(app, row, s.STATUS, status, last, sure))
    decided = [r for r in received if r["kind"] in (mm.REJECTION, mm.OFFER)]
    if decided and blank[s.DECISION_DATE]:
        # the offer's letter or e-signature after the offer is the same decision, made the
        # day the offer came
        made = decided[-1]
        if made["kind"] == mm.OFFER:
            for earlier in reversed(decided):
                if earlier["kind"] != mm.OFFER:
                    break
                made = earlier
        out.append(_proposal(app, row, s.DECISION_DATE, _day(made["date"]), made))
    # First response: the earliest answer of any kind (an automatic acknowledgement or a job
    # board's notice is none, nor a team's plain word in no person's name: "Tu proceso
    # avanza"), never later than a stage the tracker already dates.
    replies = [r for r in received if r["kind"] not in mm.NOT_RESPONSES
               and (r["kind"] != mm.REPLY or r["person"])]
    if replies and blank[s.FIRST_RESPONSE_DATE]:
        first = replies[0]
        day = _day(first["date"])
        dated = [app[c] for c in (s.INTERVIEW_DATE, s.DECISION_DATE)
                 if pd.notna(app.get(c))]
        day = min([day, *dated])
        out.append(_proposal(app, row, s.FIRST_RESPONSE_DATE, day, first))
    # The interview: the day the latest invitation or reschedule names, unless cancelled
    # since; a message that names no day proposes none (its own date is not the interview's).
    # The person's own choice of a slot offered counts as the day set.
    latest: Evidence | None = None
    for record in records:
        if record["kind"] == mm.CANCELLED:
            latest = None
        elif record["kind"] in (mm.INTERVIEW, mm.SENT_SLOT) and isinstance(
                record["interview_at"], dt.datetime) and not pd.isna(record["interview_at"]):
            latest = record
    if latest is not None:
        day = _day(_local(latest["interview_at"], latest["date"]))
        if blank[s.INTERVIEW_DATE] or app[s.INTERVIEW_DATE] < day:
            out.append(_proposal(app, row, s.INTERVIEW_DATE, day, latest))
    # A promised decision date, the latest said.
    # (none once the search ended: said after a no, or after the person accepted, declined or
    # withdrew, a date is a start or a formality, not a decision to come)
    ended = next((r["date"] for r in records if r["kind"] in (
        mm.REJECTION, mm.SENT_ACCEPT, mm.SENT_DECLINE, mm.SENT_WITHDRAW)), None)
    promises = [r for r in received if r["promised"] is not None and not pd.isna(r["promised"])
                and (ended is None or r["date"] <= ended)]
    if promises:
        said = promises[-1]
        day = pd.Timestamp(said["promised"])
        if blank[s.EXPECTED_DECISION_DATE] or app.get(s.EXPECTED_DECISION_DATE) != day:
            out.append(_proposal(app, row, s.EXPECTED_DECISION_DATE, day, said,
                                 min(0.85, float(said["confidence"]))))
    # What the user sent: the thank-you, the one follow-up, the thanks after a rejection.
    for kind, column in ((mm.SENT_THANK_YOU, s.THANK_YOU_SENT),
                         (mm.SENT_FOLLOW_UP, s.FOLLOW_UP_SENT),
                         (mm.SENT_REJECTION_THANKS, s.REJECTION_THANKS_SENT)):
        found = [r for r in sent if r["kind"] == kind]
        if found and blank[column]:
            out.append(_proposal(app, row, column, _day(found[0]["date"]), found[0]))
    # The person who answered, when the tracker names nobody: a person, never a mailbox.
    human = [r for r in received if r["kind"] not in mm.NOT_RESPONSES and r.get("person")]
    if human:
        person = human[-1]
        if blank[s.CONTACT_EMAIL]:
            out.append(_proposal(app, row, s.CONTACT_EMAIL, person["sender_address"], person,
                                 0.8))
        named = str(person["sender_name"]).strip()
        if blank[s.CONTACT_NAME] and named and company_key(named) != company_key(
                app.get(s.COMPANY)):  # the company's own name is nobody's
            out.append(_proposal(app, row, s.CONTACT_NAME, person["sender_name"], person, 0.8))
    return out


_INTERMEDIARY = re.compile(r"\(([^()]{3,})\)|\b(?:via|through|über|par|por|tramite|door) "
                          r"([A-Z][\w&.' -]{2,})")


def _new_applications(records: list[Evidence], apps: pd.DataFrame
                      ) -> list[dict[str, object]]:
    """An acknowledgement from a company the tracker does not hold, or the person's own
    application to one, proposes a new application when it speaks of one (``of_a_job``): the
    company (``newapps.company_of``), the role and the day applied, from the message."""
    out = []
    seen: set[str] = set()
    tracked = [str(c) for c in apps[s.COMPANY].dropna()]
    # an agency the tracker names as an application's source ("Agency (Falkenried
    # Personalberatung)") writes for a tracked client: its acknowledgement is no new company
    if s.SOURCE in apps.columns:
        tracked += [m.group(1) or m.group(2) for source in apps[s.SOURCE].dropna().astype(str)
                    for m in _INTERMEDIARY.finditer(source)]
    for record in records:
        company = company_of(record) if of_a_job(record) else None
        if not company:
            continue
        key = company_key(company)
        if not key or key in seen or tracked_already(company, tracked):
            continue  # a tracked company written longer or shorter is not a new one
        seen.add(key)
        found = _NEW_ROLE.search(str(record["subject"]))
        role = found.group(1).strip() if found else None
        app = pd.Series({s.COMPANY: company,
                         s.ROLE: None if role is None or _NO_ROLE.match(role) else role})
        out.append(_proposal(app, None, s.DATE_APPLIED, _day(record["date"]), record, 0.8))
    return out


def apply_proposals(apps: pd.DataFrame, proposals: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``apps`` with the accepted ``proposals`` written in: values into their rows
    and columns, and new applications (no ``row``) added at the end as applied on the day
    their acknowledgement came."""

    updated = apps.copy()
    known = proposals[proposals["row"].notna()]
    for proposal in known.to_dict("records"):
        value = proposal["value"]
        if proposal["column"] in s.DATE_COLUMNS:
            value = pd.Timestamp(value)
        updated.loc[int(proposal["row"]), proposal["column"]] = value
    fresh = proposals[proposals["row"].isna() & (proposals["column"] == s.DATE_APPLIED)]
    if fresh.empty:
        return updated
    rows = empty_applications().reindex(range(len(fresh)))
    rows[s.COMPANY] = fresh["company"].to_numpy()
    rows[s.ROLE] = fresh["role"].to_numpy()
    rows[s.DATE_APPLIED] = pd.to_datetime(fresh["value"]).astype("datetime64[us]").to_numpy()
    rows[s.STATUS] = s.APPLIED
    rows[s.NOTES] = "Added from the mailbox: " + fresh["subject"].astype(str).to_numpy()
    added = rows.reindex(columns=updated.columns)
    combined = pd.concat([updated, added], ignore_index=True)
    return combined.astype({c: t for c, t in apps.dtypes.items() if c in combined})


def proposal_key(proposals: pd.DataFrame) -> pd.Series:
    """What identifies a proposal across scans (to remember those declined): the message
    and the column."""
    return proposals["message_id"].astype(str) + "|" + proposals["column"].astype(str)



DECLINED_SETTING = "mail_declined"  # the workspace setting that remembers declined proposals


def review_table(proposals: pd.DataFrame, *, declined: Iterable[str] = ()) -> pd.DataFrame:
    """The proposals to review, the ones declined before left out: each with its ``key``,
    the ``application`` ("Company – Role", "New: Company" for one the tracker lacks), the
    ``change`` in words ("Status: rejected", "Decision date: 2026-11-03"), and its evidence,
    most sure first within each application."""
    shown = proposals[~proposal_key(proposals).isin(set(declined))]
    if shown.empty:
        return shown.assign(key=pd.Series(dtype="str"), application=pd.Series(dtype="str"),
                            change=pd.Series(dtype="str"))
    values = [f"{v:%Y-%m-%d}" if isinstance(v, pd.Timestamp | dt.datetime) else str(v)
              for v in shown["value"]]
    labels = shown["column"].map(s.LABELS).fillna(shown["column"])
    company = shown["company"].fillna("(no company)").astype("str")
    role = shown["role"].astype("str").where(shown["role"].notna(), "")
    application = (company + (" – " + role).where(role != "", "")).where(
        shown["row"].notna(), "New: " + company + (" – " + role).where(role != "", ""))
    table = shown.assign(key=proposal_key(shown).to_numpy(), application=application,
                         change=labels + ": " + pd.Series(values, index=shown.index))
    return table.sort_values(["application", "confidence"], ascending=[True, False],
                             kind="stable").reset_index(drop=True)


def with_choices(table: pd.DataFrame, *, threshold: float) -> pd.DataFrame:
    """The review table (``review_table``) with the user's two choices per proposal, as the
    review starts: ``accept`` ticked for those at least ``threshold`` sure, ``decline``
    for none.

    >>> with_choices(pd.DataFrame({"confidence": [0.9, 0.6]}), threshold=0.85).values.tolist()
    [[0.9, True, False], [0.6, False, False]]
    """
    return table.assign(accept=table["confidence"] >= threshold, decline=False)


def reviewed(table: pd.DataFrame, choices: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The proposals of ``table`` the user accepted (``accept`` ticked, ``decline`` not) and
    those declined, from ``choices``: the review as edited, row for row with ``table``.

    >>> table = pd.DataFrame({"key": ["a", "b", "c"]})
    >>> choices = pd.DataFrame({"accept": [True, True, False], "decline": [False, True, False]})
    >>> [part["key"].tolist() for part in reviewed(table, choices)]
    [['a'], ['b']]
    """
    accept = choices["accept"].to_numpy(dtype=bool)
    decline = choices["decline"].to_numpy(dtype=bool)
    return table[accept & ~decline], table[decline]


def declined_keys(declined: Iterable[str], refused: pd.DataFrame) -> list[str]:
    """The keys of the proposals declined before and of those just ``refused``, sorted, as
    the workspace keeps them (``DECLINED_SETTING``).

    >>> declined_keys(["m2|status"], pd.DataFrame({"key": ["m1|status", "m2|status"]}))
    ['m1|status', 'm2|status']
    """
    return sorted(set(declined) | set(refused["key"]))


def review_counts(table: pd.DataFrame) -> tuple[int, int]:
    """How many proposals of the review table are new applications (no row in the tracker),
    and how many applications the proposals concern.

    >>> review_counts(pd.DataFrame({"row": [1.0, 1.0, None],
    ...                             "application": ["Acme – PM", "Acme – PM", "New: Hooli"]}))
    (1, 2)
    """
    return int(table["row"].isna().sum()), int(table["application"].nunique())


def updates_description(count: int, source: str) -> str:
    """The version's description when proposals are accepted.

    >>> updates_description(14, "takeout.mbox")
    '14 updates from takeout.mbox'
    """
    return f"{count:,} update{'' if count == 1 else 's'} from {source}"
