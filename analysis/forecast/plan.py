"""The plan: a weekly goal and how the weeks went against it, and the levers in the user's own
rates (which channels reach an interview more often, and whether the numbers can tell).

Nothing here modifies its inputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.interviews.journal import interviewed_by, split_names
from analysis.maths.intervals import SIGNIFICANT
from analysis.model import schema as s
from analysis.model.cells import YES_MARKERS
from analysis.model.stages import as_known_on, reply_known
from analysis.stats.rates import MIN_GROUP, OUTCOMES, compare_groups, rate_table

GOAL_SETTING = "weekly_goal"
DEFAULT_APPLICATIONS = 10
DEFAULT_FOLLOW_UPS = 3
WEEKS_SHOWN = 12


@dataclass(frozen=True)
class Goal:
    """What the user means to do each week: applications sent and follow-ups done (thank-you
    notes, follow-ups after the promised decision date, thanks after a rejection)."""

    applications: int = DEFAULT_APPLICATIONS
    follow_ups: int = DEFAULT_FOLLOW_UPS

    @classmethod
    def from_setting(cls, saved: object) -> Goal:
        """The goal kept in the workspace settings (a mapping), defaults where it has none.

        >>> Goal.from_setting({"applications": "12", "follow_ups": -3}), Goal.from_setting(None)
        (Goal(applications=12, follow_ups=0), Goal(applications=10, follow_ups=3))
        """
        saved = saved if isinstance(saved, Mapping) else {}

        def whole(key: str, default: int) -> int:
            try:
                return max(int(saved.get(key, default)), 0)
            except (TypeError, ValueError):
                return default

        return cls(whole("applications", DEFAULT_APPLICATIONS),
                   whole("follow_ups", DEFAULT_FOLLOW_UPS))

    def as_setting(self) -> dict[str, int]:
        return {"applications": self.applications, "follow_ups": self.follow_ups}


def _monday(days: pd.Series) -> pd.Series:
    return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()


def follow_ups_done(apps: pd.DataFrame, *, interviews: pd.DataFrame | None = None
                    ) -> pd.Series:
    """The day of each follow-up done: thank-you notes (one per interviewer of each interview
    in the journal, or one per application without one), follow-ups sent and thanks after a
    rejection; one a day per company and kind, but every interviewer thanked counts."""
    parts = []
    for column, kind in ((s.THANK_YOU_SENT, "thanks"), (s.FOLLOW_UP_SENT, "follow-up"),
                         (s.REJECTION_THANKS_SENT, "rejection")):
        parts.append(pd.DataFrame({"company": apps[s.COMPANY], "kind": kind,
                                   "day": apps[column], "who": ""}))
    if interviews is not None and not interviews.empty:
        # A journal cell holds one day for all interviewers or one per interviewer; "yes"
        # stands for the interview's day. Every interviewer thanked is a note of its own.
        cells = interviews[s.IV_THANK_YOU_SENT].fillna("").astype("str")\
            .str.split(r"[;|\n]", regex=True).explode().str.strip()
        position = cells.groupby(level=0).cumcount()
        listed = interviews[s.INTERVIEWERS].map(lambda v: max(len(split_names(v)), 1))
        single = cells.groupby(level=0).transform("size") == 1
        copies = listed.reindex(cells.index).where(single, 1).astype("int64")
        times = copies.tolist()
        cells, position = cells.repeat(times), position.repeat(times)
        shared = cells.groupby(level=0).cumcount().where(single.repeat(times), 0)
        position = pd.Series(position.to_numpy() + shared.to_numpy(), index=cells.index)
        said_yes = cells.str.lower().isin(YES_MARKERS)
        days = pd.to_datetime(cells.where(~said_yes & (cells != "")), errors="coerce",
                              format="mixed")
        days = days.fillna(interviews[s.IV_DATE].dt.normalize().reindex(cells.index)
                           .where(said_yes))
        parts.append(pd.DataFrame({
            "company": interviews[s.IV_COMPANY].reindex(cells.index).to_numpy(),
            "kind": "thanks", "day": days.to_numpy(),
            "who": (pd.Series(cells.index, dtype="str") + ":"
                    + position.astype("str").to_numpy()).to_numpy()}))
    events = pd.concat(parts, ignore_index=True).dropna(subset=["day"])
    events["company"] = events["company"].astype("str").str.strip().str.lower()
    events["day"] = pd.to_datetime(events["day"]).dt.normalize()
    # An application's thank-you day is its latest interview's: the journal already counts it.
    journal = events[(events["kind"] == "thanks") & (events["who"] != "")]
    known = set(zip(journal["company"], journal["day"], strict=True))
    repeated = (events["kind"] == "thanks") & (events["who"] == "") & pd.Series(
        [pair in known for pair in zip(events["company"], events["day"], strict=True)],
        index=events.index)
    events = events[~repeated].drop_duplicates(["company", "kind", "day", "who"])
    return events["day"].astype("datetime64[us]").reset_index(drop=True)


def weekly_progress(apps: pd.DataFrame, *, as_of: dt.date, goal: Goal,
                    interviews: pd.DataFrame | None = None, weeks: int = WEEKS_SHOWN
                    ) -> pd.DataFrame:
    """The last ``weeks`` weeks (starting Monday, the current one last) with the applications
    sent, the follow-ups done and whether each met the ``goal``. Dates after ``as_of`` are
    left out."""
    known = as_known_on(apps, as_of)
    day = pd.Timestamp(as_of)
    this_week = _monday(pd.Series([day])).iloc[0]
    starts = pd.date_range(end=this_week, periods=weeks, freq="7D")
    sent = known[s.DATE_APPLIED].dropna()
    done = follow_ups_done(known, interviews=interviews)
    done = done[done <= day]
    applications = _monday(sent).value_counts().reindex(starts, fill_value=0)
    follow_ups = _monday(done).value_counts().reindex(starts, fill_value=0) if len(done) \
        else pd.Series(0, index=starts)
    table = pd.DataFrame({"week": starts.astype("datetime64[us]"),
                          "applications": applications.to_numpy().astype("int64"),
                          "follow_ups": follow_ups.to_numpy().astype("int64")})
    table["applications_met"] = table["applications"] >= goal.applications
    table["follow_ups_met"] = table["follow_ups"] >= goal.follow_ups
    return table


def streak(progress: pd.DataFrame) -> int:
    """The weeks in a row, before the current one, in which both goals were met.

    >>> streak(pd.DataFrame({"applications_met": [True, False, True, True, False],
    ...                      "follow_ups_met": [True, True, True, True, True]}))
    2
    """
    met = (progress["applications_met"] & progress["follow_ups_met"]).to_numpy()[:-1]
    count = 0
    for value in met[::-1]:
        if not value:
            break
        count += 1
    return count


LEVER_COLUMNS = (s.SOURCE, s.LOCATION, s.ROLE)


def levers(apps: pd.DataFrame, *, as_of: dt.date, outcome: str = "interview",
           columns: Sequence[str] = LEVER_COLUMNS, min_n: int = MIN_GROUP,
           interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """What would change the results most, from the user's own rates: for each column, the
    group with the best rate of ``outcome`` against the group most applications go to, with
    n, rates, 95% intervals, how many times as often, Fisher's p-value and a sentence that
    says plainly when the numbers are too few to tell. Strongest evidence first. A lever is
    found only where both groups record replies (or their absence) and the better one reached
    ``outcome`` at least once: with nothing recorded, 0% against 0% says nothing. With the
    interview journal, an application whose next round is ahead counts the rounds it held
    (``interviewed_by``), as the Outcomes page does."""
    apps = interviewed_by(interviews, apps, as_of=as_of)
    rows = []
    recorded = apps[reply_known(apps)] if len(apps) else apps
    for column in columns:
        if column not in apps:
            continue
        table = rate_table(apps, by=column, outcome=outcome, as_of=as_of, min_n=min_n)
        table = table[table["group"] != "(blank)"]
        name = column.replace("_", " ")
        if len(table) < 2:
            continue
        usual = table.iloc[0]  # the largest group
        best = table.sort_values(["rate", "n"], ascending=False).iloc[0]
        if best["group"] == usual["group"]:  # the usual one is the best: against the next
            best, usual = usual, table.iloc[1]
        with_outcomes = set(rate_table(recorded, by=column, outcome=outcome, as_of=as_of,
                                       show_small=True)["group"])
        if best["successes"] == 0 or not {best["group"], usual["group"]} <= with_outcomes:
            continue
        comparison = compare_groups(apps, by=column, first=str(best["group"]),
                                    second=str(usual["group"]), outcome=outcome, as_of=as_of)
        rows.append(_lever_row(name, outcome, best, usual, comparison.p_value))
    result = pd.DataFrame(rows, columns=[
        "by", "better", "n_better", "rate_better", "low_better", "high_better", "usual",
        "n_usual", "rate_usual", "low_usual", "high_usual", "times", "p_value", "sentence"])
    return result.sort_values("p_value", kind="stable").reset_index(drop=True)


def _lever_row(name: str, outcome: str, best: pd.Series, usual: pd.Series,
               p_value: float) -> dict[str, object]:
    verb = {"response": "get a reply", "positive": "get a positive reply",
            "interview": "reach an interview", "offer": "reach an offer"}.get(
        outcome, OUTCOMES.get(outcome, outcome).lower())
    times = best["rate"] / usual["rate"] if usual["rate"] > 0 else np.inf
    how = f"{times:.1f}x as often as" if np.isfinite(times) else "while none of"
    sentence = (f"By {name}: {best['group']} applications {verb} {how} {usual['group']} "
                f"ones ({best['rate']:.0%} vs {usual['rate']:.0%}; n={best['n']} vs "
                f"{usual['n']}; 95% intervals {best['low']:.0%}-{best['high']:.0%} vs "
                f"{usual['low']:.0%}-{usual['high']:.0%}).")
    if p_value >= SIGNIFICANT:
        sentence += (f" With so few, this could be chance (Fisher's p={p_value:.2f}): "
                     "too few to go on yet.")
    return {"by": name, "better": best["group"], "n_better": int(best["n"]),
            "rate_better": best["rate"], "low_better": best["low"],
            "high_better": best["high"], "usual": usual["group"], "n_usual": int(usual["n"]),
            "rate_usual": usual["rate"], "low_usual": usual["low"],
            "high_usual": usual["high"], "times": times, "p_value": p_value,
            "sentence": sentence}
