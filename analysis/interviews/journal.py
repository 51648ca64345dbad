"""The interview journal's table: its columns, rounds numbered, merged with an import,
derived from an application's interview date when there is no journal, and kept in step
with the applications. Nothing here modifies the frames it is given."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.interviews.linking import application_keys, application_of
from analysis.model import schema as s
from analysis.model.cells import YES_MARKERS
from analysis.model.dates import DATE_DTYPE, parse_dates

SEPARATOR = "; "
# Names and addresses are separated by ; , | or a new line ("Ana Ruiz; Ben Okafor").
# Spaces spelled out: pandas hands a pattern with \s to Python's regex engine, one cell at a
# time, and these run over every interview.
_SPACE = r"[\t\n\v\f\r \xa0]"


NAME_SEPARATORS = rf"{_SPACE}*(?:;|\||\n|\r|,|{_SPACE}+&{_SPACE}+|{_SPACE}+and{_SPACE}+){_SPACE}*"


LIST_SPLIT = re.compile(NAME_SEPARATORS)


THANKS_SEPARATORS = rf"{_SPACE}*[;|\n]{_SPACE}*"


NOTE_COLUMNS = (s.QUESTIONS_ASKED, s.MY_ANSWERS, s.THEIR_RESPONSES, s.MY_QUESTIONS,
                s.WENT_WELL, s.TO_IMPROVE, s.IV_NOTES)
TEXT_COLUMNS = tuple(c.name for c in s.INTERVIEW_COLUMNS if c.kind in ("text", "url"))


def empty_interviews() -> pd.DataFrame:
    """A frame with the interview columns and their dtypes, and no rows."""
    types = {"date": DATE_DTYPE, "number": "float64"}
    return pd.DataFrame({c.name: pd.Series(dtype=types.get(c.kind, "str"))
                         for c in s.INTERVIEW_COLUMNS})


def split_names(value: object) -> list[str]:
    """The names (or addresses) in one cell, in order, blanks and stray separators dropped.

    >>> split_names("Ana Ruiz; Ben Okafor;; ")
    ['Ana Ruiz', 'Ben Okafor']
    >>> split_names(None)
    []
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return []
    return [part for part in LIST_SPLIT.split(str(value).strip()) if part]


def normal_list(raw: pd.Series, separators: str, *, keep_blanks: bool = False) -> pd.Series:
    """Cells holding lists, written the one way the journal writes them ("Ana Ruiz; Ben
    Okafor"), blank cells missing; ``keep_blanks`` keeps empty places in a list (a thank-you
    sent to the second interviewer only: "; 2026-03-11"), as ``thanks_text`` does. Vectorised:
    the same result as ``SEPARATOR.join(split_names(cell))`` cell by cell.

    >>> normal_list(pd.Series(["Ana Ruiz;; Ben Okafor, ", "", "Cleo"]), NAME_SEPARATORS).tolist()
    ['Ana Ruiz; Ben Okafor', nan, 'Cleo']
    """
    text = raw.fillna("").astype("str").str.strip()
    joined = text.str.replace(separators, SEPARATOR, regex=True)
    if not keep_blanks:
        joined = joined.str.replace(r"(?:; ){2,}", SEPARATOR, regex=True)\
            .str.replace(r"^(?:; )+|(?:; )+$", "", regex=True)
    joined = joined.str.strip()
    return joined.where(joined != "").astype("str")


def number_rounds(interviews: pd.DataFrame, apps: pd.DataFrame | None = None
                  ) -> pd.DataFrame:
    """The interviews with blank rounds numbered by date within each application (after the
    rounds given). An application is known by its job link, else its company and role, so
    ``apps`` is not needed (callers may still pass it)."""
    if interviews.empty:
        return interviews
    table = interviews.copy()
    blank = table[s.IV_ROUND].isna()
    if not blank.any():
        return table
    keys = application_keys(table, ("url", "role"))
    group = keys["url"].where(keys["url"] != "", keys["role"])
    order = table[blank].assign(_group=group[blank]).groupby("_group", sort=False)[s.IV_DATE]\
        .rank(method="first")
    given = table.groupby(group, sort=False)[s.IV_ROUND].transform("max").fillna(0)
    table.loc[blank, s.IV_ROUND] = (given[blank] + order).astype("float64")
    return table


def interviews_from_applications(apps: pd.DataFrame) -> pd.DataFrame:
    """One interview per application with an interview date, from its interview date, notes,
    contact (as the interviewer), thank-you and expected decision: what a tracker without an
    Interviews sheet holds."""
    held = apps[apps[s.INTERVIEW_DATE].notna()]
    table = empty_interviews().reindex(range(len(held)))
    if held.empty:
        return table
    table[s.IV_COMPANY] = held[s.COMPANY].to_numpy()
    table[s.IV_ROLE] = held[s.ROLE].to_numpy()
    table[s.IV_DATE_APPLIED] = held[s.DATE_APPLIED].to_numpy()
    table[s.IV_JOB_URL] = held[s.JOB_URL].to_numpy()
    table[s.IV_DATE] = held[s.INTERVIEW_DATE].to_numpy()
    table[s.IV_ROUND] = 1.0
    table[s.INTERVIEWERS] = normal_list(held[s.CONTACT_NAME], NAME_SEPARATORS).to_numpy()
    table[s.INTERVIEWER_EMAILS] = normal_list(held[s.CONTACT_EMAIL], NAME_SEPARATORS).to_numpy()
    table[s.IV_NOTES] = held[s.INTERVIEW_NOTES].to_numpy()
    table[s.IV_THANK_YOU_SENT] = held[s.THANK_YOU_SENT].dt.strftime("%Y-%m-%d").to_numpy()
    table[s.DECISION_EXPECTED] = held[s.EXPECTED_DECISION_DATE].to_numpy()
    return table.astype({name: "str" for name in TEXT_COLUMNS})


def saved_or_derived(interviews: pd.DataFrame | None, apps: pd.DataFrame) -> pd.DataFrame:
    """The journal kept with a saved version, or, for a version saved before there was one,
    the interviews its applications' interview dates and notes tell."""
    return interviews if interviews is not None else interviews_from_applications(apps)


def merge_interviews(current: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """The journal after merging an import: the current interviews, updated by the incoming
    ones for the same application, day and round (blank incoming cells keep what is there),
    and the new ones added."""
    if incoming.empty:
        return current
    if current.empty:
        return incoming

    def keys(frame: pd.DataFrame) -> pd.Series:
        parts = application_keys(frame, ("url", "role"))
        app = parts["url"].where(parts["url"] != "", parts["role"])
        return app + "|" + frame[s.IV_DATE].dt.strftime("%Y-%m-%d").fillna("") + "|" + \
            frame[s.IV_ROUND].fillna(0).astype("int64").astype("str")

    mine, theirs = keys(current), keys(incoming)
    position = pd.Series(range(len(current)), index=mine.to_numpy())
    position = position[~position.index.duplicated()]
    merged = current.copy().reset_index(drop=True)
    fresh = []
    for (_, row), key in zip(incoming.iterrows(), theirs, strict=True):
        if key in position.index:
            at = int(position[key])
            merged.iloc[at] = row.where(row.notna(), merged.iloc[at]).to_numpy()
        else:
            fresh.append(row)
    if fresh:
        merged = pd.concat([merged, pd.DataFrame(fresh)], ignore_index=True)
    return merged.astype(current.dtypes.to_dict())


def latest_rounds(linked: pd.DataFrame) -> pd.DataFrame:
    """Each application's latest interview, indexed by the application's label (column
    ``_app`` of ``linked``): the round's own values, where groupby's last() would fill its
    blanks from earlier rounds, and the last of several rows dated alike."""
    reverse = linked.iloc[::-1]  # idxmax takes the first of equal dates
    return reverse.loc[reverse.groupby("_app", sort=False)[s.IV_DATE].idxmax()]\
        .set_index("_app")


def with_latest_interviews(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    """The applications in step with the journal: ``interview_date`` the day of their latest
    interview, ``thank_you_sent`` the day its last interviewer was thanked once every one of
    them was, and ``expected_decision_date`` the latest decision promised, at an interview or
    elsewhere (applications without an interview there keep theirs)."""
    if interviews.empty:
        return apps
    linked = interviews.assign(_app=application_of(interviews, apps))\
        .dropna(subset=["_app", s.IV_DATE])
    if linked.empty:
        return apps
    latest = latest_rounds(linked)
    latest.index = latest.index.astype(apps.index.dtype)
    updated = apps.copy()
    updated.loc[latest.index, s.INTERVIEW_DATE] = latest[s.IV_DATE].dt.normalize()\
        .astype(DATE_DTYPE).to_numpy()
    # Thanked when every part of the cell is a day; "yes" counts as the interview day.
    parts = latest[s.IV_THANK_YOU_SENT].fillna("").astype("str").str.split(THANKS_SEPARATORS)\
        .explode()
    said_yes = parts.str.lower().isin(YES_MARKERS)
    days = pd.to_datetime(parts.where(~said_yes), errors="coerce", format="%Y-%m-%d")\
        .fillna(latest[s.IV_DATE].dt.normalize().reindex(parts.index).where(said_yes))
    complete = days.notna().groupby(level=0).all() & (parts != "").groupby(level=0).all()
    thanked = days.groupby(level=0).max()[complete]
    updated.loc[thanked.index, s.THANK_YOU_SENT] = thanked.astype(DATE_DTYPE).to_numpy()
    promised = latest[s.DECISION_EXPECTED].dropna().dt.normalize()
    if not promised.empty:
        known = updated.loc[promised.index, s.EXPECTED_DECISION_DATE]
        updated.loc[promised.index, s.EXPECTED_DECISION_DATE] = known.where(
            known >= promised, promised).astype(DATE_DTYPE).to_numpy()
    return updated


def interviewed_by(interviews: pd.DataFrame | None, apps: pd.DataFrame, *, as_of: dt.date
                   ) -> pd.DataFrame:
    """The applications with the interview date that holds on ``as_of``: where the latest
    round is still ahead but an earlier one was held by then, the day of the latest held.
    The application's Interview date holds its latest round, booked or held; a second round
    booked for next week does not undo the first (counted as known on ``as_of``, the
    application would look merely invited).

    >>> apps = pd.DataFrame({"company": ["Acme"], "role": ["Analyst"],
    ...     "interview_date": pd.to_datetime(["2026-05-20"])})
    >>> journal = pd.DataFrame({"company": ["Acme"] * 2, "role": ["Analyst"] * 2,
    ...     "date": pd.to_datetime(["2026-05-04 10:00", "2026-05-20 10:00"])})
    >>> interviewed_by(journal, apps, as_of=dt.date(2026, 5, 10))["interview_date"].tolist()
    [Timestamp('2026-05-04 00:00:00')]
    """
    if interviews is None or interviews.empty or s.INTERVIEW_DATE not in apps:
        return apps
    day = pd.Timestamp(as_of)
    ahead = apps.index[(apps[s.INTERVIEW_DATE] > day).to_numpy()]
    if ahead.empty:
        return apps
    days = interviews[s.IV_DATE].dt.normalize()
    labels = application_of(interviews, apps)
    mine = (labels.isin(ahead) & (days <= day)).to_numpy()
    if not mine.any():
        return apps
    held = days[mine].groupby(labels[mine].to_numpy()).max()
    updated = apps.copy()
    updated.loc[held.index.astype(apps.index.dtype), s.INTERVIEW_DATE] = held.astype(
        apps[s.INTERVIEW_DATE].dtype).to_numpy()
    return updated


def has_notes(interviews: pd.DataFrame) -> pd.Series:
    """Whether each interview has any notes written."""
    if interviews.empty:
        return pd.Series(dtype=bool)
    notes = interviews[list(NOTE_COLUMNS)].fillna("").astype("str")
    return (notes.apply(lambda c: c.str.strip()) != "").any(axis=1)


def thank_you_days(value: object, interviewers: int, fallback: pd.Timestamp | None
                   ) -> list[pd.Timestamp | None]:
    """The day each interviewer was thanked (None: not yet), from a thank-you cell holding
    one value for all or one per interviewer in their order; "yes" counts as ``fallback``.

    >>> thank_you_days("2026-03-03; ", 2, None)
    [Timestamp('2026-03-03 00:00:00'), None]
    >>> thank_you_days("yes", 2, pd.Timestamp("2026-03-02"))
    [Timestamp('2026-03-02 00:00:00'), Timestamp('2026-03-02 00:00:00')]
    """
    count = max(interviewers, 1)
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return [None] * count
    parts = [p.strip() for p in re.split(r"[;|\n]", str(value))]
    if len(parts) == 1:
        parts = parts * count
    days: list[pd.Timestamp | None] = []
    for part in (parts + [""] * count)[:count]:
        if part.lower() in YES_MARKERS:
            days.append(fallback)
            continue
        parsed, _ = parse_dates(pd.Series([part or None], dtype="object"), dayfirst=None)
        days.append(parsed.iloc[0] if pd.notna(parsed.iloc[0]) else None)
    return days


def _exploded(values: pd.Series, pattern: re.Pattern[str] | str) -> pd.DataFrame:
    """Each cell split on ``pattern`` into (label, position, part) rows, blanks dropped.
    Cells the journal wrote ("Ana Ruiz; Ben Okafor") split on "; " alone, in pyarrow."""
    cells = values.fillna("").astype("str")
    written = not cells.str.contains(r"[,|\n\r&]| and |;[^ ]", regex=True).any()
    parts = (cells.str.split(SEPARATOR, regex=False) if written
             else cells.str.split(pattern, regex=True)).explode()
    parts = parts.str.strip()
    parts = parts[parts != ""]
    frame = pd.DataFrame({"interview": parts.index, "part": parts.to_numpy()})
    frame["position"] = frame.groupby("interview").cumcount()
    return frame


def interviewer_rows(interviews: pd.DataFrame) -> pd.DataFrame:
    """One row per interviewer of each interview (one row without a name where nobody is
    listed): the interview's label, the name, the address in the same position (or the only
    address, for one interviewer), and the day they were thanked (NaT: not yet; a thank-you
    cell holds one value for all or one per interviewer in their order, "yes" meaning the
    interview day)."""
    columns = ["interview", "position", "name", "email", "thanked"]
    if interviews.empty:
        return pd.DataFrame({c: pd.Series(dtype=DATE_DTYPE if c == "thanked" else
                                          "int64" if c in ("interview", "position") else "str")
                             for c in columns})
    names = _exploded(interviews[s.INTERVIEWERS], LIST_SPLIT).rename(columns={"part": "name"})
    counts = names.groupby("interview").size().reindex(interviews.index, fill_value=0)
    nobody = pd.DataFrame({"interview": counts.index[counts == 0], "position": 0,
                           "name": pd.NA})
    people = pd.concat([names, nobody], ignore_index=True)
    emails = _exploded(interviews[s.INTERVIEWER_EMAILS], LIST_SPLIT)\
        .rename(columns={"part": "email"})
    people = people.merge(emails, on=["interview", "position"], how="left")
    only = emails.groupby("interview")["email"].agg(["first", "size"])
    single = counts.reindex(people["interview"]).to_numpy() <= 1
    lone = only["first"].where(only["size"] == 1).reindex(people["interview"]).to_numpy()
    people["email"] = people["email"].where(people["email"].notna() | ~single, lone)
    # Thank-you days: one value for everyone, or one per interviewer in their order.
    cells = interviews[s.IV_THANK_YOU_SENT].fillna("").astype("str")
    parts = cells.str.split(r"[;|\n]", regex=True).explode().str.strip()
    given = pd.DataFrame({"interview": parts.index, "thanks": parts.to_numpy()})
    given["position"] = given.groupby("interview").cumcount()
    per_cell = given.groupby("interview").size()
    shared = per_cell[per_cell == 1].index
    people = people.merge(given[~given["interview"].isin(shared)],
                          on=["interview", "position"], how="left")
    one_value = given[given["interview"].isin(shared)].set_index("interview")["thanks"]
    people["thanks"] = people["thanks"].fillna(people["interview"].map(one_value)).fillna("")
    held = interviews[s.IV_DATE].dt.normalize().reindex(people["interview"]).to_numpy()
    said_yes = people["thanks"].str.lower().isin(YES_MARKERS).to_numpy()
    typed = pd.to_datetime(people["thanks"].where(~said_yes & (people["thanks"] != "")),
                           errors="coerce", format="mixed")
    people["thanked"] = typed.where(~said_yes, held).astype(DATE_DTYPE)
    people = people.sort_values(["interview", "position"], kind="stable")
    return people[columns].reset_index(drop=True).astype(
        {"name": "str", "email": "str", "interview": "int64", "position": "int64"})


def of_applications(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    """The interviews that belong to one of ``apps`` (the applications a filter keeps)."""
    return interviews[application_of(interviews, apps).notna().to_numpy()]


def held_on(interviews: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Whether each interview was held by the end of ``as_of`` (a round at 10:00 that day
    was; one on a later day was not; one without a day was not).

    >>> held_on(pd.DataFrame({"date": pd.to_datetime(["2026-03-14 10:00", "2026-03-15 09:00",
    ...     None])}), dt.date(2026, 3, 14)).tolist()
    [True, False, False]
    """
    return interviews[s.IV_DATE].dt.normalize() <= pd.Timestamp(as_of)


def held_by(interviews: pd.DataFrame, moment: pd.Timestamp) -> pd.DataFrame:
    """The interviews held by ``moment``, most recent first."""
    return interviews[interviews[s.IV_DATE] <= moment].sort_values(s.IV_DATE, ascending=False)


def upcoming(interviews: pd.DataFrame, *, as_of: dt.date,
             now: pd.Timestamp | None = None) -> pd.DataFrame:
    """Interviews from ``as_of`` on, soonest first. Given ``now``, one earlier that day at a
    time gone by was held, not ahead (one with only its day stays ahead all day).

    >>> journal = pd.DataFrame({"date": pd.to_datetime(["2026-03-14 10:00",
    ...     "2026-03-14 16:00", "2026-03-14 00:00", "2026-03-15 09:00"])})
    >>> upcoming(journal, as_of=dt.date(2026, 3, 14)).index.tolist()
    [2, 0, 1, 3]
    >>> upcoming(journal, as_of=dt.date(2026, 3, 14),
    ...          now=pd.Timestamp("2026-03-14 12:00")).index.tolist()
    [2, 1, 3]
    """
    ahead = interviews[interviews[s.IV_DATE] >= pd.Timestamp(as_of)]
    if now is not None:
        when = ahead[s.IV_DATE]
        ahead = ahead[~((when != when.dt.normalize()) & (when <= now)).to_numpy()]
    return ahead.sort_values(s.IV_DATE, kind="stable")


def for_notes(interviews: pd.DataFrame, *, now: pd.Timestamp, as_of: dt.date,
              recent: int = 40) -> list[int]:
    """The interviews to offer for writing notes, by label: the ``recent`` held most recently
    by ``now`` (most recent first), then those from ``as_of`` on (soonest first); one held
    earlier today is listed once, among those held."""
    held = held_by(interviews, now).head(recent).index.tolist()
    ahead = upcoming(interviews, as_of=as_of, now=now).index.tolist()
    return list(dict.fromkeys([*held, *ahead]))


def interview_label(row: pd.Series) -> str:
    """An interview in a few words, to pick it from a list: company, round, kind and when
    (the time left out when none was given).

    >>> interview_label(pd.Series({"company": "Acme", "round": 2.0, "kind": "onsite",
    ...                            "date": pd.Timestamp("2026-03-10 14:30")}))
    'Acme – round 2 (onsite), Tue 10 Mar 2026, 14:30'
    >>> interview_label(pd.Series({"company": None, "round": None, "kind": None,
    ...                            "date": pd.Timestamp("2026-03-10")}))
    '(no company) – round 1, Tue 10 Mar 2026'
    """
    when = f"{row[s.IV_DATE]:%a %-d %b %Y, %H:%M}".replace(", 00:00", "") \
        if pd.notna(row[s.IV_DATE]) else "no date"
    kind = f" ({row[s.IV_KIND]})" if pd.notna(row[s.IV_KIND]) else ""
    number = int(row[s.IV_ROUND]) if pd.notna(row[s.IV_ROUND]) else 1
    company = row[s.IV_COMPANY] if pd.notna(row[s.IV_COMPANY]) else "(no company)"
    return f"{company} – round {number}{kind}, {when}"


def timeline(interviews: pd.DataFrame, apps: pd.DataFrame, *, limit: int = 15
             ) -> pd.DataFrame:
    """The rounds of the ``limit`` applications interviewed most recently, for a timeline:
    ``application`` ("Company – Role"), ``date``, ``round``, ``kind``, ``interviewers``."""
    columns = ["application", "date", "round", "kind", "interviewers"]
    linked = interviews.assign(_app=application_of(interviews, apps))\
        .dropna(subset=["_app", s.IV_DATE])
    if linked.empty:
        return pd.DataFrame({c: pd.Series(dtype=DATE_DTYPE if c == "date" else
                                          "float64" if c == "round" else "str")
                             for c in columns})
    recent = linked.groupby("_app")[s.IV_DATE].max().nlargest(limit).index
    chosen = linked[linked["_app"].isin(recent)].sort_values(s.IV_DATE)
    owner = apps.loc[chosen["_app"].astype("int64")]
    name = owner[s.COMPANY].fillna("(no company)") + \
        (" – " + owner[s.ROLE]).fillna("")
    return pd.DataFrame({
        "application": name.to_numpy(), "date": chosen[s.IV_DATE].to_numpy(),
        "round": chosen[s.IV_ROUND].to_numpy(), "kind": chosen[s.IV_KIND].to_numpy(),
        "interviewers": chosen[s.INTERVIEWERS].to_numpy()})


def rounds_summary(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.Series:
    """How many interview rounds each application reached (0 for none), by its label."""
    reached = interviews.assign(_app=application_of(interviews, apps)).dropna(subset=["_app"])\
        .groupby("_app")[s.IV_ROUND].max()
    reached.index = reached.index.astype(apps.index.dtype)
    return reached.reindex(apps.index).fillna(0).astype("int64")


def interview_table(interviews: pd.DataFrame, columns: Sequence[str] | None = None
                    ) -> pd.DataFrame:
    """The interviews under their screen labels (which the importer recognises)."""
    labels = {c.name: c.label for c in s.INTERVIEW_COLUMNS}
    chosen = list(columns) if columns is not None else list(s.INTERVIEW_COLUMN_NAMES)
    return interviews[chosen].rename(columns=labels)
