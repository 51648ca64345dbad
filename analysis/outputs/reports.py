"""Reports to take away: the Excel workbook and the self-contained HTML report of a search, and
the application log that shows an unemployment office every application in a period.

``build_report`` gathers the content once (the headline numbers, the applications with what
was computed about them, the open follow-ups, the offers' ranking, the import issues); the
writers turn it into an xlsx file or one HTML file that works offline. The Reports page and the
command line call the same functions. Nothing here modifies the frames it is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.followups.due import state_counts
from analysis.followups.log import ActionLog, open_follow_ups
from analysis.followups.rules import DUE_TODAY, OVERDUE, STATES, UPCOMING, FollowUpRules
from analysis.forecast.pipeline import WAITING_LABELS, Forecast, channel_forecast
from analysis.forecast.validation import backtest
from analysis.interviews.journal import empty_interviews
from analysis.model import schema as s
from analysis.model import stages
from analysis.model.words import plural
from analysis.offers import scoring as o
from analysis.outputs.workbook import Kind
from analysis.stats import metrics
from analysis.stats.coverage import NO_REPLIES, ReplyCoverage

AT_RISK_DAYS = [0, 7, 14, 21, 28, 42, 56, 90]
HTML_ROWS = 1_000  # rows of a long table shown in the HTML report; the workbook has them all
DRAWS = 10_000
STAGE = "Furthest stage"
DAYS_TO_RESPONSE = "Days to first response"
NEXT_FOLLOW_UP = "Next follow-up"
OPEN_ACTIONS = "Open actions"
ISSUE_LABELS = {"file": "File", "row": "Row", "column": "Column", "value": "Value",
                "problem": "Problem", "severity": "Severity"}
ACTION_LABELS = {"state": "State", "due": "Due", "overdue_after": "Overdue after",
                 "days_overdue": "Days overdue", "title": "Action", "company": "Company",
                 "role": "Role", "channel": "Channel", "contact_name": "Contact",
                 "contact_email": "Contact email", "detail": "What to do"}
OUTCOME_WORDS = {
    s.SAVED: "Not sent", s.APPLIED: "Waiting for a reply", s.SCREENING: "Screening",
    s.INTERVIEWING: "Interviewing", s.OFFER: "Offer received", s.ACCEPTED: "Offer accepted",
    s.REJECTED: "Not selected", s.WITHDRAWN: "Withdrawn", s.GHOSTED: "No reply",
}


@dataclass(frozen=True)
class Measure:
    """One headline number: its label, value (None when there is none yet), how to show it and
    what it means."""

    label: str
    value: float | int | None
    kind: Kind
    meaning: str
    text: str = ""  # shown instead of the value when there is none


@dataclass(frozen=True)
class OfferReport:
    """The offers compared with the user's criteria: one row per offer, best first, with the
    score, each criterion's raw value and normalised value, and the total compensation."""

    table: pd.DataFrame
    weights: pd.Series
    scores: o.Scores
    prepared: pd.DataFrame
    criteria: list[o.Criterion]
    salary_from_range: list[str] = field(default_factory=list)  # base salary is the range's top


@dataclass(frozen=True)
class Report:
    """Everything a report shows, computed once at ``as_of``."""

    as_of: dt.date
    scope: str
    source: str
    apps: pd.DataFrame
    measures: list[Measure]
    applications: pd.DataFrame
    actions: pd.DataFrame
    offers: OfferReport | None
    issues: pd.DataFrame
    ghost_days: int = stages.GHOST_DAYS
    interviews: pd.DataFrame = field(default_factory=empty_interviews)
    forecast: Forecast | None = None
    backtest: pd.DataFrame = field(default_factory=pd.DataFrame)


FORECAST_DAYS = 90
FORECAST_LABELS = {"company": "Company", "role": "Role", "stage": "Stage",
                   "days_waiting": "Days at this stage", "chance": "Chance of an offer",
                   "share": "Share of the offers expected"}


def forecast_table(forecast: Forecast) -> pd.DataFrame:
    """Each open application's chance of an offer within the forecast's horizon, labelled."""
    table = forecast.by_application.assign(stage=lambda t: t["stage"].map(WAITING_LABELS))
    return table[list(FORECAST_LABELS)].rename(columns=FORECAST_LABELS)


def scope_text(count: int, filters: str = "") -> str:
    """Which applications a report covers, for its heading: how many, and the filters in
    words (``Filters.describe``) when any is set.

    >>> scope_text(12, "status rejected"), scope_text(1)
    ('12 applications (status rejected)', 'All 1 application')
    """
    return f"{plural(count, 'application')} ({filters})" if filters else \
        f"All {plural(count, 'application')}"


def build_report(apps: pd.DataFrame, *, as_of: dt.date, issues: pd.DataFrame | None = None,
                 offers: pd.DataFrame | None = None, action_log: ActionLog | None = None,
                 rules: FollowUpRules | None = None,
                 offer_settings: Mapping[str, Any] | None = None,
                 ghost_days: int = stages.GHOST_DAYS, scope: str = "",
                 source: str = "", interviews: pd.DataFrame | None = None,
                 channels: Mapping[str, str] | None = None) -> Report:
    """The content of a report on ``apps`` at ``as_of``: headline numbers, the applications
    with their furthest stage, days to first response and open follow-up actions, the open
    actions (those not marked done in ``action_log``), the offers ranked with the criteria in
    ``offer_settings`` (as the Offers page keeps them) and the import issues. The forecast
    reads the sources as the person said (``channels``, as the Plan page keeps them)."""
    actions = open_follow_ups(apps, as_of=as_of, log=action_log, rules=rules, offers=offers,
                              interviews=interviews)
    kpis = metrics.kpis(apps, as_of=as_of, ghost_days=ghost_days, interviews=interviews)
    offer_report = rank_offers(apps, offers, offer_settings or {})
    forecast = channel_forecast(apps, as_of=as_of, horizon_days=FORECAST_DAYS,
                                channels=channels, interviews=interviews)
    return Report(
        as_of=as_of, scope=scope or scope_text(len(apps)),
        source=source, apps=apps,
        measures=[*headline_measures(kpis, actions, offer_report, ghost_days=ghost_days),
                  *forecast_measures(forecast)],
        applications=applications_table(apps, actions),
        actions=actions_table(actions), offers=offer_report,
        issues=(issues if issues is not None else pd.DataFrame(columns=list(ISSUE_LABELS)))
        .rename(columns=ISSUE_LABELS), ghost_days=ghost_days,
        interviews=interviews if interviews is not None else empty_interviews(),
        forecast=forecast, backtest=backtest(apps, as_of=as_of, channels=channels,
                                                   interviews=interviews),
    )


def forecast_measures(forecast: Forecast) -> list[Measure]:
    """The forecast's headline numbers: offers expected, its 80% interval, the chance of at
    least one."""
    days = forecast.horizon_days
    if not forecast.open:
        return [Measure(f"Offers expected in {days} days", 0, "number",
                        "No open application to expect an offer from.")]
    prior = (" The stated prior outweighs your history at some stage (see the Forecast "
             "section of the HTML report)." if forecast.prior_dominates else "")
    return [
        Measure(f"Offers expected in {days} days", round(forecast.expected, 1), "number",
                f"From the {forecast.open:,} open applications, by your own rates with "
                f"waiting applications counted as waiting.{prior}"),
        Measure("Offers expected, 80% interval", None, "text",
                "In 8 of 10 simulations the number of offers falls in this range.",
                f"{forecast.low}-{forecast.high}"),
        Measure("Chance of at least one offer", forecast.p_at_least_one, "percent",
                f"Within {days} days, from the open applications."),
    ]


def headline_measures(kpis: metrics.Kpis, actions: pd.DataFrame, offers: OfferReport | None,
                      *, ghost_days: int) -> list[Measure]:
    """The numbers on the report's first page, with their definitions."""
    n = kpis.applications
    replies = ReplyCoverage(n, kpis.replies_known, kpis.responses)
    unknown = replies.none  # no reply recorded anywhere: the reply-based numbers are unknown
    coverage = f" {replies.note}" if replies.partial else ""

    def rate(label: str, count: int, meaning: str, note: str = "") -> Measure:
        if unknown:
            return Measure(label, None, "percent", f"{meaning} {replies.note}",
                           NO_REPLIES.lower())
        return Measure(label, kpis.rate(count), "percent",
                       f"{meaning} {count:,} of {n:,} applications." + (f" {note}" if note
                                                                        else "") + coverage,
                       "no applications")

    states = state_counts(actions)
    measures = [
        Measure("Applications sent", n, "integer", "Applications sent (saved ones not counted)."),
        rate("Response rate", kpis.responses, "Any reply, a rejection included."),
        rate("Positive responses", kpis.positive, "Reached screening, an interview or an offer."),
        rate("Interview rate", kpis.interviews, "Reached at least one interview.",
             metrics.interviews_to_come_note(kpis)),
        rate("Offer rate", kpis.offers, "Received an offer."),
        rate("Ghosted", kpis.ghosted, f"Status ghosted, or no reply after {ghost_days} days."),
        Measure("Active applications", kpis.active, "integer",
                "Sent, not closed, and not ghosted."),
        Measure("Median days to reply", kpis.median_days, "integer",
                "The day by which half of all applications heard back (Kaplan-Meier median, "
                "waiting applications counted as waiting)." + coverage,
                NO_REPLIES.lower() if unknown else "not reached yet"),
        Measure("Half of replies within (days)", kpis.half_of_replies_days, "integer",
                "Of the replies that came, half arrived within this many days of applying.",
                NO_REPLIES.lower() if unknown else "no replies yet"),
        Measure("Follow-ups overdue", states[OVERDUE], "integer",
                "Notes, thank-you notes and follow-ups past their time."),
        Measure("Follow-ups due today", states[DUE_TODAY], "integer",
                "To do today."),
        Measure("Follow-ups coming up", states[UPCOMING], "integer",
                f"Due within the next {FollowUpRules().upcoming} days."),
    ]
    if offers is not None:
        leader = offers.table.iloc[0]
        measures.append(Measure("Offers compared", len(offers.table), "integer",
                                o.unranked_reason(offers.criteria) if offers.weights.empty else
                                f"{leader['Offer']} ranks first with {leader['Score']:.0f} "
                                "points out of 100."))
    return measures


def applications_table(apps: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """The canonical columns under their labels, plus what follows from each row: the
    furthest stage reached, the days from applying to the first reply (blank while waiting)
    and the open actions, with the most urgent one's state in ``Next follow-up``."""
    table = apps[list(s.APPLICATION_COLUMN_NAMES)].rename(columns=s.LABELS)
    replied = stages.response_dates(apps)
    days = (replied - apps[s.DATE_APPLIED]).dt.days
    rank = {state: i for i, state in enumerate(STATES)}
    ordered = actions.assign(_rank=actions["state"].map(rank)).sort_values(["_rank", "due"])
    grouped = ordered.groupby("row", sort=False)
    titles = grouped["title"].agg("; ".join) if len(ordered) else pd.Series(dtype="str")
    first_state = grouped["state"].first() if len(ordered) else pd.Series(dtype="str")
    followed: dict[str, pd.Series] = {
        STAGE: stages.furthest_stage(apps).map(stages.STAGE_LABELS),
        DAYS_TO_RESPONSE: days.where(days >= 0).astype("Int64"),
        NEXT_FOLLOW_UP: pd.Series(apps.index.map(first_state), index=apps.index, dtype="str"),  # type: ignore[arg-type]  # pandas-stubs: Index.map takes a Series
        OPEN_ACTIONS: pd.Series(apps.index.map(titles), index=apps.index, dtype="str"),  # type: ignore[arg-type]  # pandas-stubs: Index.map takes a Series
    }
    return table.assign(**followed).reset_index(drop=True)


def actions_table(actions: pd.DataFrame) -> pd.DataFrame:
    """Open follow-up actions under their labels, most urgent first.

    >>> from analysis.followups import empty_actions
    >>> list(actions_table(empty_actions()).columns)[:4]
    ['State', 'Due', 'Overdue after', 'Days overdue']
    """
    return actions[list(ACTION_LABELS)].rename(columns=ACTION_LABELS).reset_index(drop=True)


def rank_offers(apps: pd.DataFrame, offers: pd.DataFrame | None,
                settings: Mapping[str, Any]) -> OfferReport | None:
    """The offers scored with the saved criteria, best first; None with no offer."""
    table, from_range = o.comparable_offers(o.offers_table(apps, offers), apps)
    if table.empty:
        return None
    extra = [c for c in settings.get("extra") or [] if c in table]
    criteria = o.chosen_criteria(settings, extra)
    prepared = o.prepare_offers(
        table, bonus_payout=float(settings.get("payout", o.DEFAULT_PAYOUT)) / 100,
        equity_risk=float(settings.get("risk", o.DEFAULT_RISK)) / 100)
    scores = o.score_offers(prepared, criteria)
    ranking = scores.ranking
    beside = o.values_beside_scores(prepared, scores, criteria)
    columns: dict[str, pd.Series] = {
        "Rank": pd.Series(range(1, len(ranking) + 1), index=ranking.index),
        "Offer": pd.Series(ranking.index, index=ranking.index),
        "Score": ranking,
        "Total compensation": prepared.set_axis(o.offer_names(prepared))
        [o.TOTAL_COMPENSATION],
    }
    for label, share in scores.weights.items():
        columns[f"{label} (weight {share:.0%})"] = beside[("Value", label)]
        columns[f"{label}, normalised"] = beside[("Normalised (0-1)", label)]
    frame = pd.DataFrame(columns).loc[ranking.index].reset_index(drop=True)
    return OfferReport(table=frame, weights=scores.weights, scores=scores, prepared=prepared,
                       criteria=criteria, salary_from_range=from_range)


def report_definitions(report: Report) -> dict[str, str]:
    """The dashboard's definitions, with the ghosting threshold the report used (the
    dashboard's own text points to its sidebar, which a reader of the report does not have)."""
    return {**metrics.DEFINITIONS,
            "Ghosted": f"the status says ghosted, or no reply after {report.ghost_days} days."}
