"""Reports to take away: the Excel workbook and the self-contained HTML report of a search, and
the application log that shows an unemployment office every application in a period.

``build_report`` gathers the content once (the headline numbers, the applications with what
was computed about them, the open follow-ups, the offers' ranking, the import issues); the
writers turn it into an xlsx file or one HTML file that works offline. The Reports page and the
command line call the same functions. Nothing here modifies the frames it is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
import pandas as pd
import plotly.graph_objects as go
import plotly.offline
from markupsafe import Markup

from analysis import charts, metrics, rates
from analysis import offers as o
from analysis import schema as s
from analysis.coverage import NO_REPLIES, ReplyCoverage, reply_coverage
from analysis.followups import (
    DUE_TODAY,
    OVERDUE,
    STATES,
    UPCOMING,
    ActionLog,
    FollowUpRules,
    due_follow_ups,
    open_actions,
    state_counts,
)
from analysis.forecast import (
    STAGE_LABELS,
    Forecast,
    backtest,
    backtest_lines,
    pipeline_forecast,
)
from analysis.interviews import (
    empty_interviews,
    improvements,
    interview_table,
    recurring_questions,
    round_progression,
)
from analysis.summary import expected_text, plural, status_counts
from analysis.survival import at_risk_table, chance_after_silence
from analysis.workbook import Kind, new_book, write_table

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
    ghost_days: int = metrics.GHOST_DAYS
    interviews: pd.DataFrame = field(default_factory=empty_interviews)
    forecast: Forecast | None = None
    backtest: pd.DataFrame = field(default_factory=pd.DataFrame)


FORECAST_DAYS = 90
FORECAST_LABELS = {"company": "Company", "role": "Role", "stage": "Stage",
                   "days_waiting": "Days at this stage", "chance": "Chance of an offer",
                   "share": "Share of the offers expected"}


def forecast_table(forecast: Forecast) -> pd.DataFrame:
    """Each open application's chance of an offer within the forecast's horizon, labelled."""
    table = forecast.by_application.assign(stage=lambda t: t["stage"].map(STAGE_LABELS))
    return table[list(FORECAST_LABELS)].rename(columns=FORECAST_LABELS)


def build_report(apps: pd.DataFrame, *, as_of: dt.date, issues: pd.DataFrame | None = None,
                 offers: pd.DataFrame | None = None, action_log: ActionLog | None = None,
                 rules: FollowUpRules | None = None,
                 offer_settings: Mapping[str, Any] | None = None,
                 ghost_days: int = metrics.GHOST_DAYS, scope: str = "",
                 source: str = "", interviews: pd.DataFrame | None = None) -> Report:
    """The content of a report on ``apps`` at ``as_of``: headline numbers, the applications
    with their furthest stage, days to first response and open follow-up actions, the open
    actions (those not marked done in ``action_log``), the offers ranked with the criteria in
    ``offer_settings`` (as the Offers page keeps them) and the import issues."""
    journal = interviews if interviews is not None else empty_interviews()
    actions = open_actions(due_follow_ups(apps, as_of=as_of, rules=rules, offers=offers,
                                          interviews=journal),
                           action_log or ActionLog(), as_of=as_of)
    kpis = metrics.kpis(apps, as_of=as_of, ghost_days=ghost_days)
    offer_report = rank_offers(apps, offers, offer_settings or {})
    forecast = pipeline_forecast(apps, as_of=as_of, horizon_days=FORECAST_DAYS)
    return Report(
        as_of=as_of, scope=scope or f"All {plural(len(apps), 'application')}",
        source=source, apps=apps,
        measures=[*headline_measures(kpis, actions, offer_report, ghost_days=ghost_days),
                  *forecast_measures(forecast)],
        applications=applications_table(apps, actions),
        actions=actions_table(actions), offers=offer_report,
        issues=(issues if issues is not None else pd.DataFrame(columns=list(ISSUE_LABELS)))
        .rename(columns=ISSUE_LABELS), ghost_days=ghost_days, interviews=journal,
        forecast=forecast, backtest=backtest(apps, as_of=as_of),
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
    replies = ReplyCoverage(n, kpis.replies_known)
    unknown = replies.none  # no reply recorded anywhere: the reply-based numbers are unknown
    coverage = f" {replies.note}" if replies.partial else ""

    def rate(label: str, count: int, meaning: str) -> Measure:
        if unknown:
            return Measure(label, None, "percent", f"{meaning} {replies.note}",
                           NO_REPLIES.lower())
        return Measure(label, kpis.rate(count), "percent",
                       f"{meaning} {count:,} of {n:,} applications.{coverage}", "no applications")

    states = state_counts(actions)
    measures = [
        Measure("Applications sent", n, "integer", "Applications sent (saved ones not counted)."),
        rate("Response rate", kpis.responses, "Any reply, a rejection included."),
        rate("Positive responses", kpis.positive, "Reached screening, an interview or an offer."),
        rate("Interview rate", kpis.interviews, "Reached at least one interview."),
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
    replied = metrics.response_dates(apps)
    days = (replied - apps[s.DATE_APPLIED]).dt.days
    rank = {state: i for i, state in enumerate(STATES)}
    ordered = actions.assign(_rank=actions["state"].map(rank)).sort_values(["_rank", "due"])
    grouped = ordered.groupby("row", sort=False)
    titles = grouped["title"].agg("; ".join) if len(ordered) else pd.Series(dtype="str")
    first_state = grouped["state"].first() if len(ordered) else pd.Series(dtype="str")
    return table.assign(**{
        STAGE: metrics.furthest_stage(apps).map(metrics.STAGE_LABELS),
        DAYS_TO_RESPONSE: days.where(days >= 0).astype("Int64"),
        NEXT_FOLLOW_UP: pd.Series(apps.index.map(first_state), index=apps.index, dtype="str"),
        OPEN_ACTIONS: pd.Series(apps.index.map(titles), index=apps.index, dtype="str"),
    }).reset_index(drop=True)


def actions_table(actions: pd.DataFrame) -> pd.DataFrame:
    """Open follow-up actions under their labels, most urgent first."""
    return actions[list(ACTION_LABELS)].rename(columns=ACTION_LABELS).reset_index(drop=True)


def rank_offers(apps: pd.DataFrame, offers: pd.DataFrame | None,
                settings: Mapping[str, Any]) -> OfferReport | None:
    """The offers scored with the saved criteria, best first; None with no offer."""
    table, from_range = o.salaries_from_ranges(
        o.offers_table(apps, offers).dropna(subset=[s.OFFER_COMPANY]), apps)
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


# ---------------------------------------------------------------------------------------------
# The Excel report

MONEY_COLUMNS = ("Total compensation", "Base salary", "Bonus", "Equity per year",
                 "Benefits value")


def report_workbook(report: Report, *,
                    progress: Callable[[float], None] | None = None) -> bytes:
    """The report as an xlsx workbook: Summary, Applications, Follow-ups, Offers and Import
    issues sheets, each a formatted table; rows with an overdue follow-up are shaded.
    ``progress`` is called now and then with the share of rows written (0 to 1)."""
    offers = report.offers.table if report.offers is not None else pd.DataFrame(
        {"Offer": pd.Series(dtype="str"), "Score": pd.Series(dtype="float64")})
    journal = interview_table(report.interviews)
    forecast_sheet = forecast_table(report.forecast) if report.forecast is not None else \
        pd.DataFrame(columns=list(FORECAST_LABELS.values()))
    tables = (report.applications, report.actions, offers, journal, forecast_sheet,
              report.issues)
    total, done = max(sum(len(t) for t in tables), 1), 0

    def written(rows: int) -> None:
        if progress is not None:
            progress((done + rows) / total)

    book = new_book()
    summary = book.workbook.add_worksheet("Summary")
    f = book.formats
    summary.set_column(0, 0, 32)
    summary.set_column(1, 1, 16)
    summary.set_column(2, 2, 90, f["wrap"])
    summary.write_string(0, 0, "Job search report", f["title"])
    summary.write_string(1, 0, "As of", f["bold"])
    summary.write_datetime(1, 1, dt.datetime.combine(report.as_of, dt.time()), f["date"])
    summary.write_string(2, 0, "Applications", f["bold"])
    summary.write_string(2, 1, report.scope)
    summary.write_string(3, 0, "From", f["bold"])
    summary.write_string(3, 1, report.source or "-")
    for col, header in enumerate(("Measure", "Value", "What it means")):
        summary.write_string(5, col, header, f["header"])
    row = 6
    for measure in report.measures:
        summary.write_string(row, 0, measure.label)
        if measure.value is None:
            summary.write_string(row, 1, measure.text)
        else:
            summary.write_number(row, 1, measure.value, f[measure.kind])
        summary.write_string(row, 2, measure.meaning, f["wrap"])
        row += 1
    row += 1
    summary.write_string(row, 0, "Definitions", f["bold"])
    for term, meaning in report_definitions(report).items():
        row += 1
        summary.write_string(row, 0, term)
        summary.write_string(row, 2, meaning[0].upper() + meaning[1:], f["wrap"])
    summary.freeze_panes(6, 0)

    date_kinds: dict[str, Kind] = {s.LABELS[c]: "date" for c in s.DATE_COLUMNS}
    sheets: list[tuple[str, pd.DataFrame, dict[str, Kind], tuple[str, str] | None]] = [
        ("Applications", report.applications,
         {**date_kinds, s.LABELS[s.JOB_URL]: "url", DAYS_TO_RESPONSE: "integer"},
         (NEXT_FOLLOW_UP, OVERDUE)),
        ("Follow-ups", report.actions,
         {"Due": "date", "Overdue after": "date", "Days overdue": "integer"}, ("State", OVERDUE)),
        ("Offers", offers, {
            "Score": "number", "Rank": "integer",
            **{c: "money" for c in offers.columns if c.startswith(MONEY_COLUMNS)},
            **{c: "number" for c in offers.columns if c.endswith(", normalised")}}, None),
        ("Interviews", journal, {s.LABELS[s.DATE_APPLIED]: "date", "Interview date": "datetime",
                                 "Decision expected": "date", "Round": "integer",
                                 "Rating (1-5)": "integer", s.LABELS[s.JOB_URL]: "url"}, None),
        ("Forecast", forecast_sheet,
         {"Days at this stage": "integer", "Chance of an offer": "percent",
          "Share of the offers expected": "percent"}, None),
        ("Import issues", report.issues, {"Row": "integer"}, None),
    ]
    for name, frame, kinds, highlight in sheets:
        write_table(book, name, frame, kinds=kinds, highlight=highlight, progress=written)
        done += len(frame)
    written(0)
    return book.save()


# ---------------------------------------------------------------------------------------------
# The HTML report

@cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("analysis", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _figure(fig: go.Figure) -> str:
    fig = go.Figure(fig).update_layout(template="plotly_white", paper_bgcolor="white")
    return fig.to_html(full_html=False, include_plotlyjs=False, default_width="100%",
                       config={"displaylogo": False, "responsive": True})


def _shown(measure: Measure) -> str:
    if measure.value is None:
        return measure.text
    if measure.kind == "percent":
        return f"{measure.value:.0%}"
    if measure.kind == "number":
        return expected_text(float(measure.value))
    return f"{measure.value:,.0f}"


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp | dt.datetime):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if not value.is_integer() \
            else f"{value:,.0f}"
    return str(value)


@dataclass(frozen=True)
class Table:
    """A table for the HTML report: headers, rows of text, and how many rows were left out."""

    headers: list[str]
    rows: list[list[str]]
    left_out: int = 0


def html_table(frame: pd.DataFrame, *, limit: int = HTML_ROWS,
               percent: tuple[str, ...] = ()) -> Table:
    """The first ``limit`` rows of ``frame`` as text for the HTML report (dates as ISO days,
    numbers with thousands separators, the ``percent`` columns as percentages)."""
    shown = frame.head(limit)
    rows = [[f"{v:.0%}" if c in percent and isinstance(v, float) and pd.notna(v) else _cell(v)
             for c, v in zip(shown.columns, values, strict=True)]
            for values in shown.itertuples(index=False)]
    return Table([str(c) for c in frame.columns], rows, max(len(frame) - limit, 0))


@dataclass
class Section:
    """One section of the HTML report: a heading, then paragraphs, charts and tables in order."""

    id: str
    title: str
    items: list[tuple[str, object]] = field(default_factory=list)

    def text(self, value: str) -> Section:
        self.items.append(("text", value))
        return self

    def chart(self, fig: go.Figure) -> Section:
        title = fig.layout.title.text or "Chart"
        self.items.append(("chart", (title, Markup(_figure(fig)))))
        return self

    def table(self, caption: str, table: Table) -> Section:
        self.items.append(("table", (caption, table)))
        return self


def report_sections(report: Report) -> list[Section]:
    """The HTML report's sections, each with its charts and tables."""
    apps, as_of = report.apps, report.as_of
    replies = reply_coverage(apps)
    unknown = (f"{NO_REPLIES}: none of the {plural(replies.applications, 'application')} has a "
               "reply date, a decision date or a status past applied, so this is not known.")
    sections = []
    went = Section("where", "Where your applications went")
    if replies.none:
        went.text(unknown)
    else:
        if replies.partial:
            went.text(replies.note)
        went.chart(charts.funnel_chart(metrics.funnel_counts(apps, report.interviews)))
        went.chart(charts.flow_chart(metrics.outcome_flows(
            apps, as_of=as_of, ghost_days=report.ghost_days, interviews=report.interviews)))
    went.chart(charts.activity_chart(metrics.weekly_activity(apps, as_of=as_of),
                                     replies=not replies.none))
    counts = status_counts(apps).assign(status=lambda t: t["status"].str.capitalize())
    went.table("Applications by current status", html_table(
        counts.rename(columns={"status": "Status", "applications": "Applications",
                               "share": "Share"}), percent=("Share",)))
    sections.append(went)

    times = Section("response-times", "Response times")
    curve = metrics.response_curve(apps, as_of=as_of)
    if replies.none:
        times.text(unknown)
    elif curve.empty:
        times.text("No application has a date yet: the response curve needs the day each one "
                   "was sent.")
    else:
        median, p75 = metrics.response_quantiles(curve)
        times.text(f"Half of the applications heard back by {_day(median)}, 75% by "
                   f"{_day(p75)}. Applications still waiting count for the days they have "
                   "waited so far.")
        times.chart(charts.response_curve_chart(curve))
        times.table("Still waiting before each day (the number at risk)", html_table(
            at_risk_table(curve, AT_RISK_DAYS).rename(columns=lambda d: f"Day {d}")
            .rename_axis(index="Group").reset_index()))
        times.chart(charts.silence_chart(chance_after_silence(curve)))
        delays = metrics.response_delays(apps, as_of=as_of)
        for kind in ("Application to first reply", "Interview to decision"):
            times.chart(charts.delay_histogram(
                metrics.histogram(delays.loc[delays["kind"] == kind, "days"]), title=kind))
    sections.append(times)

    outcomes = Section("outcomes", "Outcomes")
    sections.append(outcomes)
    if replies.none:
        outcomes.text(unknown)
    else:
        outcomes_section(outcomes, apps, as_of=as_of)

    follow = Section("follow-ups", "Follow-ups")
    if report.actions.empty:
        follow.text("Nothing is due: no notes, thank-you notes or follow-ups.")
    follow.table("Open actions, most urgent first", html_table(report.actions))
    sections.append(follow)

    sections.append(interviews_section(report))

    sections.append(forecast_section(report))

    offers = Section("offers", "Offers")
    if report.offers is None:
        offers.text("No offers yet.")
    else:
        offers_section(offers, report.offers)
    sections.append(offers)

    sections.append(Section("applications", "Applications").table(
        "Every application, with what was computed about it", html_table(report.applications)))
    issues = Section("import-issues", "Import issues")
    if report.issues.empty:
        issues.text("The import found no problems.")
    else:
        issues.table("Problems found when the spreadsheet was read", html_table(report.issues))
    sections.append(issues)
    return sections


def outcomes_section(section: Section, apps: pd.DataFrame, *, as_of: dt.date) -> None:
    section.text("Response rates by group, with 95% Wilson intervals; groups under "
                 f"{rates.MIN_GROUP} applications are left out.")
    for by, label, order in ((s.SOURCE, "Source", "size"),
                             (rates.top_values(apps[s.ROLE], 8), "Role", "size"),
                             (rates.month_applied(apps), "Month applied", "name")):
        table = rates.rate_table(apps, by=by, outcome="response", as_of=as_of,
                                 order=order)
        section.chart(charts.rate_chart(table, outcome="response", by_label=label))
        section.table(f"Response rate by {label.lower()}", html_table(
            table.rename(columns={"group": label, "n": "Applications", "successes": "Replies",
                                  "rate": "Rate", "low": "95% low", "high": "95% high"}),
            percent=("Rate", "95% low", "95% high")))
    section.chart(charts.cohort_chart(rates.cohorts(apps, as_of=as_of), outcome="response"))


def interviews_section(report: Report) -> Section:
    """What the interview journal teaches: round-to-round rates, recurring questions, what
    to improve."""
    section = Section("interviews", "Interviews")
    journal = report.interviews
    if journal.empty:
        return section.text("No interview in the journal yet.")
    held = int((journal[s.IV_DATE] <= pd.Timestamp(report.as_of)).sum())
    section.text(f"{plural(held, 'interview')} held, {plural(len(journal) - held, 'interview')} "
                 "to come.")
    progression = round_progression(journal, report.apps, as_of=report.as_of)
    if len(progression):
        section.table("How often each round leads to the next and to an offer (95% Wilson "
                      "intervals; applications still open after the round are left out)",
                      html_table(progression.rename(columns=PROGRESSION_LABELS),
                                 percent=tuple(v for k, v in PROGRESSION_LABELS.items()
                                               if k.endswith(("rate", "low", "high")))))
    recurring = recurring_questions(journal)
    if len(recurring):
        section.table("Questions asked more than once", html_table(
            recurring[recurring["count"] > 1].rename(columns={
                "question": "Question", "count": "Times asked", "companies": "Where",
                "wordings": "As written"})))
    notes = improvements(journal)
    if len(notes):
        section.table("Your notes on what to improve", html_table(
            notes.rename(columns={s.IV_DATE: "Interview", s.IV_COMPANY: "Company",
                                  s.IV_ROUND: "Round", s.TO_IMPROVE: "To improve"})))
    return section


def forecast_section(report: Report) -> Section:
    """What the open applications will likely bring, and how the same forecast did on the
    user's past."""
    section = Section("forecast", "Forecast")
    forecast = report.forecast
    if forecast is None or not forecast.open:
        section.text("No open applications: no offer to expect from them.")
    else:
        section.text(forecast.summary())
        for note in forecast.notes:
            section.text(note)
        section.chart(charts.offers_distribution_chart(
            forecast.draws, low=forecast.low, high=forecast.high,
            horizon_days=forecast.horizon_days))
        section.chart(charts.contribution_share_chart(forecast.by_application))
        section.table("Each open application's chance of an offer", html_table(
            forecast_table(forecast), percent=("Chance of an offer",
                                               "Share of the offers expected")))
        section.text("How your history reads, stage by stage: " + " ".join(
            rate.describe() for rate in forecast.rates))
    if len(report.backtest):
        section.text("Checked against your past (the same forecast made on the data as it "
                     "was then): " + " ".join(backtest_lines(report.backtest)))
    return section


PROGRESSION_LABELS = {
    "round": "Round", "n": "Applications", "next": "Went on", "next_rate": "Next round",
    "next_low": "95% low", "next_high": "95% high", "offer": "Offers",
    "offer_rate": "Offer", "offer_low": "Offer 95% low", "offer_high": "Offer 95% high",
    "open": "Still open"}


def offers_section(section: Section, offers: OfferReport) -> None:
    ranking = offers.scores.ranking
    if offers.weights.empty:
        section.text(o.unranked_reason(offers.criteria))
        section.table("Your offers", html_table(offers.table[["Offer"]]))
        return
    section.text(f"{ranking.index[0]} comes first with {ranking.iloc[0]:.0f} points out of 100. "
                 "Weights: " + ", ".join(f"{k} {v:.0%}" for k, v in offers.weights.items())
                 + ".")
    if offers.salary_from_range:
        section.text(f"Base salary of {', '.join(offers.salary_from_range)}: the top of the "
                     "advertised salary range, as the offer has none yet.")
    section.table("Ranking, raw values and normalised scores", html_table(offers.table))
    section.chart(charts.contribution_chart(offers.scores.contributions))
    section.table(f"Total compensation = {o.TOTAL_FORMULA}", html_table(
        o.compensation_table(offers.prepared).rename(columns={
            "offer": "Offer", s.BASE_SALARY: "Base salary", o.EXPECTED_BONUS: "Bonus × payout",
            o.RISKED_EQUITY: "Equity × (1 − risk)", s.BENEFITS_VALUE: "Benefits",
            o.TOTAL_COMPENSATION: "Total"})))
    if len(ranking) >= 2:
        wins = o.random_weight_wins(offers.scores, draws=DRAWS, seed=7)
        section.text(f"{wins.idxmax()} wins in {wins.max():.0%} of {DRAWS:,} plausible "
                     "weightings near these.")
        section.chart(charts.wins_chart(wins, draws=DRAWS))
        section.table(f"Each weight's safe range: within it, {ranking.index[0]} stays first",
                      html_table(o.weight_sensitivity(offers.scores).rename(columns={
                          "criterion": "Criterion", "weight": "Your weight", "low": "From",
                          "high": "To"}), percent=("Your weight", "From", "To")))


def _day(quantile: object) -> str:
    day = getattr(quantile, "day", None)
    return f"day {day}" if day is not None else "a day not reached yet"


def report_html(report: Report) -> str:
    """The report as one HTML file that works offline: plotly.js is embedded once, every chart
    and table follows, it reads on a phone and prints with each section on a new page."""
    return _templates().get_template("report.html.j2").render(
        title="Job search report", report=report, measures=[
            (m.label, _shown(m), m.meaning) for m in report.measures],
        definitions=report_definitions(report), sections=report_sections(report),
        plotly_js=Markup(plotly.offline.get_plotlyjs()))


# ---------------------------------------------------------------------------------------------
# The application log

def application_log(apps: pd.DataFrame, *, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Every application sent from ``start`` to ``end`` (both included), oldest first, with
    the date, company, role, channel, contact and outcome: the record an unemployment office
    asks for. Applications without a date cannot be placed in a period: they are left out and
    counted in ``attrs["undated"]``."""
    applied = apps[s.DATE_APPLIED]
    sent = apps[(applied >= pd.Timestamp(start)) & (applied <= pd.Timestamp(end))
                & (apps[s.STATUS] != s.SAVED)].sort_values(s.DATE_APPLIED, kind="stable")
    contact = sent[s.CONTACT_NAME].fillna("")
    email = sent[s.CONTACT_EMAIL].fillna("")
    contact = (contact + email.where(email == "", " <" + email + ">")).str.strip()
    outcome = sent[s.STATUS].map(OUTCOME_WORDS).fillna(sent[s.STATUS].str.capitalize())
    decided = sent[s.DECISION_DATE]
    outcome = outcome.where(decided.isna(), outcome + " (" + decided.dt.strftime("%Y-%m-%d")
                            + ")")
    log = pd.DataFrame({
        "Date applied": sent[s.DATE_APPLIED], "Company": sent[s.COMPANY],
        "Role": sent[s.ROLE], "Channel": sent[s.SOURCE], "Contact": contact.replace("", None),
        "Outcome": outcome,
    }).reset_index(drop=True)
    log.attrs["undated"] = int((applied.isna() & (apps[s.STATUS] != s.SAVED)).sum())
    return log


def log_title(start: dt.date, end: dt.date, count: int, name: str = "") -> tuple[str, str]:
    who = f" by {name}" if name else ""
    return (f"Job applications{who}",
            f"{plural(count, 'application')} sent from {start:%-d %B %Y} to {end:%-d %B %Y}")


def log_workbook(log: pd.DataFrame, *, start: dt.date, end: dt.date, name: str = "",
                 as_of: dt.date) -> bytes:
    """The application log as an xlsx sheet that prints on landscape pages, one page wide,
    with the header row repeated on every page."""
    book = new_book()
    sheet = book.workbook.add_worksheet("Application log")
    title, subtitle = log_title(start, end, len(log), name)
    sheet.write_string(0, 0, title, book.formats["title"])
    sheet.write_string(1, 0, subtitle)
    sheet.write_string(2, 0, f"Prepared on {as_of:%-d %B %Y}.")
    write_table(book, "Application log", log, kinds={"Date applied": "date"}, start_row=4,
                sheet=sheet)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(4)
    sheet.set_footer("&CPage &P of &N")
    return book.save()


def log_html(log: pd.DataFrame, *, start: dt.date, end: dt.date, name: str = "",
             as_of: dt.date) -> str:
    """The application log as a printable HTML page."""
    title, subtitle = log_title(start, end, len(log), name)
    return _templates().get_template("log.html.j2").render(
        title=title, subtitle=subtitle, as_of=as_of,
        table=html_table(log, limit=len(log)))
