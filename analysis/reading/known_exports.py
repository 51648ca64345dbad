"""Exports of known job trackers (LinkedIn, Huntr, Teal, Simplify) recognised by their
headers, and what such an export lacks for the analyses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from analysis.model import schema as s
from analysis.model.stages import REPLY_COLUMNS


@dataclass(frozen=True)
class KnownExport:
    """A tracker export recognised by its headers (as ``schema.header_key`` spells them):
    ``needed`` of the ``signature`` headers, one of them among the ``markers`` only that export
    writes."""

    name: str
    signature: frozenset[str]
    needed: int
    markers: frozenset[str]


KNOWN_EXPORTS: tuple[KnownExport, ...] = (
    KnownExport("LinkedIn's Job Applications export", frozenset(
        {"applicationdate", "companyname", "jobtitle", "joburl", "resumename",
         "questionandanswers", "contactphonenumber"}), 5,
        frozenset({"resumename", "questionandanswers", "contactphonenumber"})),
    KnownExport("LinkedIn's Saved Jobs export", frozenset(
        {"saveddate", "joburl", "jobtitle", "companyname"}), 4, frozenset({"saveddate"})),
    KnownExport("Huntr's export", frozenset(
        {"companyname", "title", "listname", "createdat", "lastmovedat", "url"}), 4,
        frozenset({"listname", "lastmovedat"})),
    KnownExport("a Teal tracker", frozenset(
        {"jobposition", "company", "status", "datesaved", "dateapplied", "followup",
         "maxsalary", "minsalary", "excitement"}), 5,
        frozenset({"jobposition", "datesaved", "excitement"})),
    KnownExport("a Simplify tracker", frozenset(
        {"companyname", "jobtitle", "status", "dateapplied", "jobpostingurl"}), 5,
        frozenset({"jobpostingurl"})),
)


def known_export(headers: Iterable[str]) -> str | None:
    """The name of the export these headers come from, or None.

    >>> known_export(["Application Date", "Contact Email", "Contact Phone Number",
    ...               "Company Name", "Job Title", "Job Url", "Resume Name"])
    "LinkedIn's Job Applications export"
    >>> known_export(["Company", "Role"]) is None
    True
    """
    keys = {s.header_key(h) for h in headers}
    found = [e for e in KNOWN_EXPORTS if len(e.signature & keys) >= e.needed and e.markers & keys]
    return max(found, key=lambda e: len(e.signature & keys)).name if found else None


def missing_reply_columns(column_map: Mapping[str, str]) -> list[str]:
    """The columns that carry replies which a file does not have, as labels.

    >>> missing_reply_columns({"Company": "company", "Status": "status"})
    ['First response', 'Interview date', 'Decision date']
    """
    present = set(column_map.values())
    return [s.LABELS[c] for c in REPLY_COLUMNS if c not in present]


def _or(items: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def export_note(export: str | None, column_map: Mapping[str, str]) -> str:
    """What the import report says about a recognised export and what it lacks; for another
    file, a word only when it has no column for replies at all.

    >>> print(export_note("Huntr's export", {"A": "status"}))  # doctest: +NORMALIZE_WHITESPACE
    Recognised Huntr's export: it has no first response, interview date or decision date
    column, so reply times are not known until you record them.
    """
    missing = [m.lower() for m in missing_reply_columns(column_map)]
    if export is None:
        if len(missing) < len(REPLY_COLUMNS):
            return ""
        return (f"Your file has no {_or(missing)} column: replies are known only where you "
                "record them.")
    if not missing:
        return f"Recognised {export}."
    what = ("replies, interviews and decisions are" if s.LABELS[s.STATUS].lower() in missing
            else "reply times are")
    return (f"Recognised {export}: it has no {_or(missing)} column, so {what} not known until "
            "you record them.")
