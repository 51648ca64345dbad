"""What an import gives back: the canonical tables, the problems found and how the file
was read; and the error raised when the columns cannot be recognised."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd

from analysis.interviews.facts import one_story
from analysis.interviews.journal import empty_interviews
from analysis.interviews.linking import with_applications
from analysis.reading.known_exports import export_note
from analysis.reading.sources import SpreadsheetError


class MissingColumnsError(SpreadsheetError):
    """A required column could not be recognised. ``headers`` lists the file's column headers
    and ``missing`` the canonical names not found, so a user can map them by hand;
    ``recognised`` maps the headers that were recognised to their canonical names."""

    def __init__(self, message: str, *, file: str | None, headers: list[str],
                 missing: list[str], recognised: dict[str, str]) -> None:
        super().__init__(message, file=file)
        self.headers = headers
        self.missing = missing
        self.recognised = recognised


@dataclass(frozen=True)
class LoadResult:
    """What ``load_applications`` returns.

    ``applications`` has every canonical column (in schema order, with fixed dtypes) followed by
    the user's other columns under their own names. ``issues`` lists each problem with the file,
    the spreadsheet row (1-based, as the user sees it), the column, the value, what is wrong and
    a severity: "error" (the cell was left blank), "warning" (read by a guess, or doubtful) or
    "info" (something was skipped or assumed).
    """

    applications: pd.DataFrame
    issues: pd.DataFrame
    offers: pd.DataFrame | None = None
    column_map: dict[str, str] = field(default_factory=dict)
    extra_columns: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    dayfirst: bool | None = None
    read_as: str = ""
    headers: list[str] = field(default_factory=list)
    export: str | None = None  # the known export the headers come from (LinkedIn, Huntr...)
    # One row per interview: from an Interviews sheet or file, else one per application with
    # an interview date (see analysis.interviews).
    interviews: pd.DataFrame = field(default_factory=empty_interviews)

    def linked(self) -> LoadResult:
        """The same result with the journal tied to all its applications (see
        ``interviews.linking``): done once whenever the applications or the journal change."""
        return replace(self, interviews=with_applications(self.interviews, self.applications))

    def in_step(self, *, before: pd.DataFrame | None = None,
                as_of: dt.date | None = None) -> LoadResult:
        """The result after a change from any door on ``as_of``, telling one story
        (``interviews.facts``): every interview day a round, the applications' dates read back
        from the journal, an application with an offer at the offer stage; the journal tied.
        ``before`` is the applications before the change, so a corrected interview day (moved
        earlier, or rescheduled before it was held) moves its round, and a later one after a
        round held is the next round."""
        linked = self.linked()
        story = one_story(linked.applications, linked.interviews, self.offers, before=before,
                          as_of=as_of)
        return replace(self, applications=story.applications,
                       interviews=with_applications(story.interviews, story.applications))

    @property
    def export_note(self) -> str:
        """What the import report says about the export recognised and what it lacks."""
        return export_note(self.export, self.column_map)
