"""What each application reached, and the headline numbers of a job search.

Definitions (shown on screen next to the numbers):

- A *response* is any reply from the employer, a rejection included. Its day is the first of
  the first-response, interview and decision dates; a status that implies a reply (screening,
  interviewing, offer, accepted, rejected) counts as a response even without a date.
- A *positive response* is reaching screening, an interview or an offer.
- The *furthest stage reached* comes from the dates and the status together: an application
  that was interviewed and then rejected reached "interview".
- *Ghosted*: the status says so, or there is no response after ``ghost_days`` days.

Everything that depends on the day takes ``as_of``: events dated after it are ignored and
applications sent after it are left out, so a result can be reproduced. Facts known only from
the status (no date) count whatever ``as_of`` is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.interviews.journal import interviewed_by, rounds_summary
from analysis.maths.intervals import SIGNIFICANT
from analysis.maths.survival import (
    LogRank,
    Quantile,
    empty_curve,
    half_of_replies_day,
    kaplan_meier,
    logrank,
    quantile,
)
from analysis.model import schema as s
from analysis.model.dates import format_days
from analysis.model.stages import (
    GHOST_DAYS,
    RESPONDED_STATUSES,
    Stage,
    active,
    as_known_on,
    ghosted,
    reply_known,
    responded,
    response_dates,
    stage_codes,
    status_and_dates,
)
from analysis.model.words import plural, verb
from analysis.stats.coverage import ReplyCoverage

DEFINITIONS = {
    "Response": "any reply from the employer, a rejection included.",
    "Positive response": "reaching screening, an interview or an offer.",
    "Stage reached": "the furthest step shown by the dates and the status together: an "
                     "application interviewed and then rejected reached the interview.",
    "Ghosted": "the status says ghosted, or no reply after the number of days set in the "
               "sidebar.",
    "Waiting applications": "applications without a reply yet count for the days they have "
                            "waited so far (censored), neither dropped nor counted as never.",
    "95% interval": "the range that holds the true rate 95 times in 100 for data like yours; "
                    "wide for small groups (Wilson interval for rates, Greenwood for curves).",
}


def response_durations(apps: pd.DataFrame, *, as_of: dt.date,
                       interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """Days from application to first reply (event) or to ``as_of`` (censored), for the
    applications that can be placed in time.

    Left out, and counted in ``attrs["left_out"]``: applications without a date, replies
    without a date, and replies dated before the application. With the interview journal, an
    application whose next round is ahead has replied by the rounds it held, as ``kpis``
    counts it (``interviewed_by``).
    """
    apps = interviewed_by(interviews, apps, as_of=as_of)
    known = as_known_on(status_and_dates(apps), as_of)
    applied = known[s.DATE_APPLIED]
    reply = response_dates(known)
    replied_undated = reply.isna() & known[s.STATUS].isin(list(RESPONDED_STATUSES))
    event = reply.notna()
    end = reply.where(event, pd.Timestamp(as_of))
    days = (end - applied).dt.days
    usable = applied.notna() & ~replied_undated & (days >= 0)
    frame = pd.DataFrame({"days": days[usable].astype("int64"), "event": event[usable]},
                         index=known.index[usable])
    frame.attrs["left_out"] = {
        "no application date": int(applied.isna().sum()),
        "reply without a date": int((applied.notna() & replied_undated).sum()),
        "reply before the application": int((applied.notna() & ~replied_undated
                                             & (days < 0)).sum()),
    }
    return frame


def response_curve(apps: pd.DataFrame, *, as_of: dt.date, by: str | None = None,
                   min_group: int = 1, interviews: pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """The share of applications that heard back by each day since applying (Kaplan-Meier),
    with 95% bounds and the number at risk, overall or for each value of column ``by``.

    Applications still waiting at ``as_of`` are censored at their current wait. Groups with
    fewer than ``min_group`` applications are left out; a blank value is grouped as "(blank)".
    """
    durations = response_durations(apps, as_of=as_of, interviews=interviews)
    if durations.empty:
        return empty_curve()
    if by is None:
        return kaplan_meier(durations["days"].to_numpy(), durations["event"].to_numpy())
    labels = group_labels(apps.loc[durations.index, by])
    curves = [kaplan_meier(part["days"].to_numpy(), part["event"].to_numpy(), group=str(name))
              for name, part in durations.groupby(labels, sort=True)
              if len(part) >= min_group]
    return pd.concat(curves, ignore_index=True) if curves else empty_curve()


def group_labels(values: pd.Series) -> pd.Series:
    """Values as group labels: text, blanks as "(blank)"."""
    if pd.api.types.is_datetime64_any_dtype(values):
        values = format_days(values)
    return values.astype("str").fillna("(blank)").replace("", "(blank)")


def response_logrank(apps: pd.DataFrame, *, as_of: dt.date, by: str,
                     interviews: pd.DataFrame | None = None) -> LogRank | None:
    """The log-rank test that the response curves of the groups of ``by`` are the same."""
    durations = response_durations(apps, as_of=as_of, interviews=interviews)
    labels = group_labels(apps.loc[durations.index, by])
    return logrank(durations["days"].to_numpy(), durations["event"].to_numpy(),
                   labels.to_numpy())


def response_quantiles(curve: pd.DataFrame) -> tuple[Quantile, Quantile]:
    """The median day of first reply and the day by which 75% heard back, with 95% CIs."""
    return quantile(curve, 0.5), quantile(curve, 0.75)


def quantile_text(quantile: Quantile) -> str:
    """A day of the response curve with its 95% interval, in words for a caption.

    >>> quantile_text(Quantile(0.5, 12, 9, 15)), quantile_text(Quantile(0.5, 12, 9, None))
    ('day 12 (95% CI 9–15)', 'day 12 (95% CI 9–not reached)')
    >>> quantile_text(Quantile(0.75, None, 30, None))
    'not reached yet'
    """
    if quantile.day is None:
        return "not reached yet"
    high = f"{quantile.high}" if quantile.high is not None else "not reached"
    return f"day {quantile.day} (95% CI {quantile.low}–{high})"


def response_summary(durations: pd.DataFrame, curve: pd.DataFrame, *,
                     replies: ReplyCoverage | None = None) -> str:
    """The response curve in one caption: its median and 75% day with their intervals, the
    replies and the applications still waiting in ``durations`` (``response_durations``),
    those it left out, and, when ``replies`` says only some applications record their
    reply, that the others count as waiting."""
    median, p75 = response_quantiles(curve)
    replied = durations["event"].astype(bool)
    text = (f"Median: {quantile_text(median)}. 75%: {quantile_text(p75)}. "
            f"{int(replied.sum()):,} replies, {int((~replied).sum()):,} applications still "
            "waiting (counted up to today).")
    left_out = {k: n for k, n in durations.attrs.get("left_out", {}).items() if n}
    if left_out:
        text += " Left out: " + ", ".join(f"{n} with {k}" for k, n in left_out.items()) + "."
    if replies is not None and replies.partial:
        text += f" {replies.note} The others count as still waiting."
    return text


def reply_times_note(kpis: Kpis) -> str:
    """Why "median days to reply" and "half of the replies within" differ, on the spot: the
    first counts every application, the waiting ones too; the second only the replies.

    >>> base = dict(as_of=dt.date(2026, 1, 1), applications=40, responses=12, positive=5,
    ...             interviews=3, offers=1, ghosted=4, active=20, replies_known=16)
    >>> reply_times_note(Kpis(**base, median_days=None, half_of_replies_days=7))[:61]
    'Median days to reply counts every application sent, those sti'
    >>> reply_times_note(Kpis(**base, median_days=9, half_of_replies_days=9))
    ''
    """
    if kpis.half_of_replies_days is None or kpis.median_days == kpis.half_of_replies_days:
        return ""
    median = ("fewer than half have heard back, so it is not reached yet"
              if kpis.median_days is None else
              f"half of them heard back by day {kpis.median_days}")
    return (f"Median days to reply counts every application sent, those still waiting too: "
            f"{median}. Half of the {kpis.responses:,} replies that came arrived within "
            f"{kpis.half_of_replies_days} days.")


def interviews_to_come_note(kpis: Kpis) -> str:
    """Why the interview rate counts fewer applications than the stages reached, on the spot:
    the rate counts an interview once its day has come, the stages reached count an
    application invited to one (status interviewing, an interview date ahead).

    >>> base = dict(as_of=dt.date(2026, 1, 1), applications=10, responses=6, positive=4,
    ...             interviews=2, offers=1, ghosted=0, active=7, median_days=None,
    ...             half_of_replies_days=8, replies_known=6)
    >>> note = interviews_to_come_note(Kpis(**base, interviews_to_come=1))
    >>> note[:55], note[-30:]
    ('Not counted yet: 1 application whose first interview is', '(the stages reached count it).')
    >>> interviews_to_come_note(Kpis(**base))
    ''
    """
    count = kpis.interviews_to_come
    if not count:
        return ""
    return (f"Not counted yet: {plural(count, 'application')} whose first interview "
            f"{verb(count, 'is', 'are')} still to come (the stages reached count "
            f"{verb(count, 'it', 'them')}).")


def heard_back_note(share: float, kpis: Kpis) -> str:
    """Why the response curve's "heard back so far" and the Overview's response rate differ,
    on the spot: the curve counts an application only for the days it has waited.

    >>> base = dict(as_of=dt.date(2026, 1, 1), applications=100, responses=38, positive=5,
    ...             interviews=3, offers=1, ghosted=4, active=20, median_days=None,
    ...             half_of_replies_days=7, replies_known=50)
    >>> heard_back_note(0.43, Kpis(**base)).split(", ")[:2]
    ['Heard back so far', '43%']
    """
    rate = kpis.rate(kpis.responses)
    if rate is None or round(rate, 2) == round(share, 2):
        return ""
    return (f"Heard back so far, {share:.0%}, counts each application for the days it has "
            f"waited, so recent ones do not count as silent yet; the Overview's response rate, "
            f"{rate:.0%}, is the share of all {kpis.applications:,} applications sent that "
            "have a reply.")


def logrank_verdict(test: LogRank) -> str:
    """The log-rank test across groups in one sentence, saying whether the curves differ
    more than chance would explain (p below ``SIGNIFICANT``).

    >>> test = LogRank(statistic=6.1, df=2, p_value=0.047, groups=("a", "b", "c"))
    >>> logrank_verdict(test).split(": ")[-1]
    'the groups differ more than chance would explain.'
    >>> logrank_verdict(test)[:66]
    'Log-rank test across 3 groups: χ² = 6.10 with 2 degrees of freedom'
    """
    verdict = ("the groups differ more than chance would explain"
               if test.p_value < SIGNIFICANT else "the difference could be chance")
    return (f"Log-rank test across {len(test.groups)} groups: χ² = {test.statistic:.2f} with "
            f"{test.df} degrees of freedom, p = {test.p_value:.3f}: {verdict}.")


REPLY_DELAY = "Application to first reply"
DECISION_DELAY = "Interview to decision"


def response_delays(apps: pd.DataFrame, *, as_of: dt.date,
                    interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """Observed delays in days: from application to first reply, and from the interview to the
    decision, one row per observation (``kind``, ``days``)."""
    apps = interviewed_by(interviews, apps, as_of=as_of)
    known = as_known_on(status_and_dates(apps), as_of)
    to_reply = (response_dates(known) - known[s.DATE_APPLIED]).dt.days.dropna()
    to_decision = (known[s.DECISION_DATE] - known[s.INTERVIEW_DATE]).dt.days.dropna()
    return pd.concat([
        pd.DataFrame({"kind": REPLY_DELAY, "days": to_reply[to_reply >= 0]}),
        pd.DataFrame({"kind": DECISION_DELAY, "days": to_decision[to_decision >= 0]}),
    ], ignore_index=True).astype({"days": "int64"})


def delay_histograms(delays: pd.DataFrame, *, bin_days: int = 7) -> dict[str, pd.DataFrame]:
    """The ``histogram`` of each kind of delay in ``response_delays``, by kind, both kinds
    always present (an empty histogram where none was observed)."""
    return {kind: histogram(delays.loc[delays["kind"] == kind, "days"], bin_days=bin_days)
            for kind in (REPLY_DELAY, DECISION_DELAY)}


def histogram(values: pd.Series, *, bin_days: int = 7) -> pd.DataFrame:
    """Counts of ``values`` (days) in bins of ``bin_days`` days starting at 0."""
    if values.empty:
        return pd.DataFrame({"start": pd.Series(dtype="int64"),
                             "count": pd.Series(dtype="int64")})
    edges = np.arange(0, int(values.max()) + bin_days + 1, bin_days)
    counts, _ = np.histogram(values, bins=edges)
    return pd.DataFrame({"start": edges[:-1].astype("int64"), "count": counts.astype("int64")})


@dataclass(frozen=True)
class Kpis:
    """The headline numbers of a search at ``as_of``. Rates are shares of applications sent."""

    as_of: dt.date
    applications: int
    responses: int
    positive: int
    interviews: int
    offers: int
    ghosted: int
    active: int
    median_days: int | None
    half_of_replies_days: int | None
    replies_known: int = 0  # applications with any reply information (see ``reply_known``)
    # At the interview stage by the table as it is (the status, an interview date) but not yet
    # on ``as_of``: their first interview comes later.
    interviews_to_come: int = 0

    def rate(self, count: int) -> float | None:
        return count / self.applications if self.applications else None

    @property
    def replies_recorded(self) -> bool:
        """Whether any application sent records a reply (or its absence): without one, the
        reply-based numbers are unknown rather than 0%."""
        return self.replies_known > 0


def kpis(apps: pd.DataFrame, *, as_of: dt.date, ghost_days: int = GHOST_DAYS,
         interviews: pd.DataFrame | None = None) -> Kpis:
    """The headline numbers as they stood on ``as_of``.

    The median days to first response is read off the response curve, so applications still
    waiting count for what they are (censored), not as if they had all replied. With the
    interview journal, an application whose next round is ahead counts the rounds it held
    (``interviewed_by``).
    """
    table = status_and_dates(interviewed_by(interviews, apps, as_of=as_of))
    known = as_known_on(table, as_of)
    codes = stage_codes(known)
    sent = known[codes >= Stage.APPLIED]
    codes = codes[codes >= Stage.APPLIED]
    reached = stage_codes(table.loc[sent.index]) >= Stage.INTERVIEW  # by the table as it is
    curve = response_curve(sent, as_of=as_of)
    median = quantile(curve, 0.5).day if not curve.empty else None
    half = half_of_replies_day(curve)
    return Kpis(
        as_of=as_of, applications=len(sent), responses=int(responded(sent).sum()),
        positive=int((codes >= Stage.SCREENING).sum()),
        interviews=int((codes >= Stage.INTERVIEW).sum()),
        offers=int((codes >= Stage.OFFER).sum()),
        ghosted=int(ghosted(sent, as_of=as_of, ghost_days=ghost_days).sum()),
        active=int(active(sent, as_of=as_of, ghost_days=ghost_days).sum()),
        median_days=median, half_of_replies_days=half,
        replies_known=int(reply_known(sent).sum()),
        interviews_to_come=int((reached & (codes < Stage.INTERVIEW)).sum()),
    )


def kpis_before(apps: pd.DataFrame, *, as_of: dt.date, days: int,
                ghost_days: int = GHOST_DAYS, interviews: pd.DataFrame | None = None) -> Kpis:
    """The headline numbers as they stood ``days`` days before ``as_of``: what today's are
    compared with.

    >>> from analysis.model.tables import empty_applications
    >>> kpis_before(empty_applications(), as_of=dt.date(2026, 3, 31), days=30).as_of
    datetime.date(2026, 3, 1)
    """
    return kpis(apps, as_of=as_of - dt.timedelta(days=days), ghost_days=ghost_days,
                interviews=interviews)


def funnel_counts(apps: pd.DataFrame, *, interviews: pd.DataFrame | None = None,
                  as_of: dt.date | None = None) -> pd.DataFrame:
    """Applications that reached each stage of applied -> responded -> interview -> offer ->
    accepted (stages reached, not current status), with the conversion from the step before
    (``from_previous``, from the step named in ``compared_with``) and the share of all
    applications. With the interview journal, the interview step is
    split by rounds reached ("Interview", "Round 2", "Round 3+"), counted where the journal
    has rounds beyond the first. Given ``as_of``, a stage is reached when it was by that day,
    as the headline numbers count it: an interview still ahead is not an interview reached
    (the invitation is a reply), nor a round ahead a round.

    >>> apps = pd.DataFrame({"status": ["rejected", "offer", "applied"],
    ...     "date_applied": pd.to_datetime(["2025-01-01"] * 3),
    ...     "first_response_date": pd.to_datetime(["2025-01-05", "2025-01-03", None]),
    ...     "interview_date": pd.to_datetime(["2025-01-09", "2025-01-08", None]),
    ...     "decision_date": pd.to_datetime([None, None, None])})
    >>> funnel_counts(apps)["applications"].tolist()
    [3, 2, 2, 1, 0]
    """
    if as_of is not None:
        # the names kept: the journal's rounds find theirs
        apps = as_known_on(interviewed_by(interviews, apps, as_of=as_of), as_of)
        if interviews is not None:
            held = interviews[s.IV_DATE].dt.normalize()
            interviews = interviews[(held.isna() | (held <= pd.Timestamp(as_of))).to_numpy()]
    codes = stage_codes(apps)
    steps = [("Applied", 1), ("Responded", 2), ("Interview", 4), ("Offer", 5), ("Accepted", 6)]
    counts = [int((codes >= level).sum()) for _, level in steps]
    rounds = _rounds_reached(apps, interviews)
    if rounds is not None and (rounds >= 2).any():
        extra = [("Round 2", int((rounds >= 2).sum())), ("Round 3+", int((rounds >= 3).sum()))]
        extra = [step for step in extra if step[1] > 0]
        steps = [*steps[:3], *((name, 0) for name, _ in extra), *steps[3:]]
        counts = [*counts[:3], *(n for _, n in extra), *counts[3:]]
    names = [name for name, _ in steps]
    compared = [names[0], *names[:-1]]
    if "Round 2" in names:  # an offer may follow any round: it converts from the interview
        compared[names.index("Offer")] = "Interview"
    previous = [counts[names.index(name)] for name in compared]
    total = counts[0]
    return pd.DataFrame({
        "stage": names,
        "applications": counts,
        "from_previous": [c / p if p else np.nan for c, p in zip(counts, previous, strict=True)],
        "compared_with": compared,
        "of_applied": [c / total if total else np.nan for c in counts],
    })


def _rounds_reached(apps: pd.DataFrame, interviews: pd.DataFrame | None) -> pd.Series | None:
    if interviews is None or interviews.empty:
        return None

    return rounds_summary(interviews, apps)


def outcome_flows(apps: pd.DataFrame, *, as_of: dt.date, ghost_days: int = GHOST_DAYS,
                  interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """How applications flowed, as links ``source`` -> ``target`` with a ``count``:
    Applied -> Waiting / Ghosted / Withdrew / Replied; Replied -> Rejected / Screening /
    Interview / Withdrew; Interview -> Offer / Rejected after interview / Awaiting decision /
    Withdrew after interview; Offer -> Accepted / Declined / Deciding. With the interview
    journal, applications that reached a second round flow Interview -> Round 2+ and on to
    their outcome from there."""
    timeline = status_and_dates(apps)  # the journal is linked to ``apps`` itself, below
    flows = _outcome_flows(timeline, as_of=as_of, ghost_days=ghost_days)
    rounds = _rounds_reached(apps, interviews)
    if rounds is None or not (rounds >= 2).any():
        return flows
    later = rounds >= 2
    after = _outcome_flows(timeline[later], as_of=as_of, ghost_days=ghost_days)
    after = after[after["source"].isin(["Interview", "Offer"])].assign(
        source=lambda t: t["source"].replace({"Interview": "Round 2+"}))
    before = _outcome_flows(timeline[~later], as_of=as_of, ghost_days=ghost_days)
    before = before[before["source"] == "Interview"]
    entering = pd.DataFrame({"source": ["Interview"], "target": ["Round 2+"],
                             "count": [int(later.sum())]})
    combined = pd.concat([flows[~flows["source"].isin(["Interview", "Offer"])], entering,
                          before, after[after["source"] == "Round 2+"],
                          flows[flows["source"] == "Offer"]], ignore_index=True)
    return combined.groupby(["source", "target"], sort=False, as_index=False)[["count"]].sum()


def _outcome_flows(apps: pd.DataFrame, *, as_of: dt.date, ghost_days: int) -> pd.DataFrame:
    codes = stage_codes(apps)
    status = apps[s.STATUS]
    sent = codes >= Stage.APPLIED
    replied = codes >= Stage.RESPONDED
    withdrawn = status == s.WITHDRAWN
    is_ghost = ghosted(apps, as_of=as_of, ghost_days=ghost_days)
    rows: list[tuple[str, str, pd.Series]] = [
        ("Applied", "Replied", sent & replied),
        ("Applied", "Ghosted", sent & ~replied & is_ghost),
        ("Applied", "Withdrew", sent & ~replied & withdrawn),
        ("Applied", "Waiting", sent & ~replied & ~is_ghost & ~withdrawn),
        ("Replied", "Interview", codes >= Stage.INTERVIEW),
        ("Replied", "Rejected", (codes == Stage.RESPONDED) & (status != s.WITHDRAWN)),
        ("Replied", "Withdrew", (codes.between(2, 3)) & withdrawn),
        ("Replied", "Screening", (codes == Stage.SCREENING) & ~withdrawn),
        ("Interview", "Offer", codes >= Stage.OFFER),
        ("Interview", "Rejected after interview",
         (codes == Stage.INTERVIEW) & (status == s.REJECTED)),
        ("Interview", "Withdrew after interview", (codes == Stage.INTERVIEW) & withdrawn),
        ("Interview", "Awaiting decision",
         (codes == Stage.INTERVIEW) & ~status.isin([s.REJECTED, s.WITHDRAWN])),
        ("Offer", "Accepted", codes == Stage.ACCEPTED),
        ("Offer", "Declined", (codes == Stage.OFFER) & withdrawn),
        ("Offer", "Deciding", (codes == Stage.OFFER) & ~withdrawn),
    ]
    flows = pd.DataFrame([(a, b, int(mask.sum())) for a, b, mask in rows],
                         columns=["source", "target", "count"])
    return flows[flows["count"] > 0].reset_index(drop=True)


def weekly_activity(apps: pd.DataFrame, *, as_of: dt.date,
                    interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """Applications sent and first replies received per week (weeks start on Monday), and
    the cumulative number of applications."""
    apps = interviewed_by(interviews, apps, as_of=as_of)
    known = as_known_on(status_and_dates(apps), as_of)
    sent = known[s.DATE_APPLIED].dropna()
    replies = response_dates(known).dropna()
    if sent.empty:
        return pd.DataFrame({"week": pd.Series(dtype="datetime64[us]"),
                             "applications": pd.Series(dtype="int64"),
                             "responses": pd.Series(dtype="int64"),
                             "cumulative": pd.Series(dtype="int64")})

    def monday(days: pd.Series) -> pd.Series:
        return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()

    start = monday(sent).min()
    weeks = pd.date_range(start, pd.Timestamp(as_of), freq="W-MON")
    if weeks.empty or weeks[0] != start:
        weeks = weeks.insert(0, start)
    applications = monday(sent).value_counts().reindex(weeks, fill_value=0)
    responses = monday(replies[replies >= start]).value_counts().reindex(weeks, fill_value=0)
    return pd.DataFrame({
        "week": weeks.astype("datetime64[us]"), "applications": applications.to_numpy(),
        "responses": responses.to_numpy(), "cumulative": applications.cumsum().to_numpy(),
    }).astype({"applications": "int64", "responses": "int64", "cumulative": "int64"})
