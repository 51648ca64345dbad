"""The report as one self-contained HTML page: sections, tables and charts, every cell
escaped, nothing fetched."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import jinja2
import pandas as pd
import plotly.graph_objects as go
import plotly.offline
from markupsafe import Markup

from analysis import charts
from analysis.forecast.validation import backtest_lines
from analysis.interviews.journal import held_on
from analysis.interviews.lessons import improvements, recurring_questions, round_progression
from analysis.maths.survival import at_risk_table, chance_after_silence
from analysis.model import schema as s
from analysis.model.summary import status_counts
from analysis.model.words import expected_text, plural
from analysis.offers import scoring as o
from analysis.outputs.reports import (
    AT_RISK_DAYS,
    DRAWS,
    HTML_ROWS,
    Measure,
    OfferReport,
    Report,
    forecast_table,
    report_definitions,
)
from analysis.stats import metrics, rates
from analysis.stats.coverage import NO_REPLIES, reply_coverage


@cache
def templates() -> jinja2.Environment:
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
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]  # pandas-stubs: isna takes any object
        return ""
    if isinstance(value, pd.Timestamp | dt.datetime):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if not value.is_integer() \
            else f"{value:,.0f}"
    return str(value)


@dataclass(frozen=True)
class Cell:
    """One cell of an HTML table: its text, the address it links to (a job link, shown by its
    host), and how it is laid out: "short" (kept on one line), "long" (wrapped between words,
    with room to read) or "" (as wide as it needs)."""

    text: str
    href: str | None = None
    kind: str = ""

    def __len__(self) -> int:  # the templates compare a cell's text with its column's
        return len(self.text)

    def __eq__(self, other: object) -> bool:
        return self.text == other if isinstance(other, str) else \
            isinstance(other, Cell) and (self.text, self.href) == (other.text, other.href)

    def __hash__(self) -> int:
        return hash((self.text, self.href))


LONG_TEXT = 40  # characters from which a column's text wraps, with a minimum width
SHORT_TEXT = 24  # and up to which a column stays on one line


def link_text(url: str) -> str:
    """A web address as a person reads it in a table: its host and the start of its path.

    >>> link_text("https://www.linkedin.com/jobs/view/3912345678/?refId=abc")
    'linkedin.com/jobs/view/3912345678'
    >>> link_text("https://careers.example.com/")
    'careers.example.com'
    """
    bare = re.sub(r"(?i)^https?://(?:www\.)?", "", url.strip())
    bare = re.split(r"[?#]", bare, maxsplit=1)[0].rstrip("/")
    return bare if len(bare) <= 48 else bare[:45].rstrip("/") + "…"


@dataclass(frozen=True)
class Table:
    """A table for the HTML report: headers, rows of cells, and how many rows were left out."""

    headers: list[str]
    rows: list[list[Cell]]
    left_out: int = 0


def html_table(frame: pd.DataFrame, *, limit: int = HTML_ROWS,
               percent: tuple[str, ...] = ()) -> Table:
    """The first ``limit`` rows of ``frame`` as cells for the HTML report (dates as ISO days,
    numbers with thousands separators, the ``percent`` columns as percentages, web addresses
    as links shown by their host), each column laid out by the length of its text."""
    shown = frame.head(limit)
    texts = [[f"{v:.0%}" if c in percent and isinstance(v, float) and pd.notna(v) else _cell(v)
              for c, v in zip(shown.columns, values, strict=True)]
             for values in shown.itertuples(index=False)]
    longest = [max((len(row[i]) for row in texts), default=0) for i in range(len(frame.columns))]
    kinds = ["long" if n > LONG_TEXT else "short" if n <= SHORT_TEXT else "" for n in longest]
    rows = [[Cell(link_text(text), text, "link") if is_web_address(text) else
             Cell(text, None, kinds[i]) for i, text in enumerate(row)] for row in texts]
    return Table([str(c) for c in frame.columns], rows, max(len(frame) - limit, 0))


def is_web_address(text: str) -> bool:
    return bool(re.match(r"(?i)^https?://[^\s<>\"]+$", text))


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
        went.chart(charts.funnel_chart(metrics.funnel_counts(
            apps, interviews=report.interviews, as_of=as_of)))
        went.chart(charts.flow_chart(metrics.outcome_flows(
            apps, as_of=as_of, ghost_days=report.ghost_days, interviews=report.interviews)))
    went.chart(charts.activity_chart(metrics.weekly_activity(apps, as_of=as_of,
                                                          interviews=report.interviews),
                                     replies=not replies.none))
    counts = status_counts(apps).assign(status=lambda t: t["status"].str.capitalize())
    went.table("Applications by current status", html_table(
        counts.rename(columns={"status": "Status", "applications": "Applications",
                               "share": "Share"}), percent=("Share",)))
    sections.append(went)

    times = Section("response-times", "Response times")
    curve = metrics.response_curve(apps, as_of=as_of, interviews=report.interviews)
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
        delays = metrics.response_delays(apps, as_of=as_of,
                                         interviews=report.interviews)
        for kind in ("Application to first reply", "Interview to decision"):
            times.chart(charts.delay_histogram(
                metrics.histogram(delays.loc[delays["kind"] == kind, "days"]), title=kind))
    sections.append(times)

    outcomes = Section("outcomes", "Outcomes")
    sections.append(outcomes)
    if replies.none:
        outcomes.text(unknown)
    else:
        outcomes_section(outcomes, apps, as_of=as_of, interviews=report.interviews)

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


def outcomes_section(section: Section, apps: pd.DataFrame, *, as_of: dt.date,
                     interviews: pd.DataFrame | None = None) -> None:
    section.text("Response rates by group, with 95% Wilson intervals; groups under "
                 f"{rates.MIN_GROUP} applications are left out.")
    groups: list[tuple[str | pd.Series, str, Literal["size", "name"]]] = [
        (s.SOURCE, "Source", "size"), (rates.top_values(apps[s.ROLE], 8), "Role", "size"),
        (rates.month_applied(apps), "Month applied", "name")]
    for by, label, order in groups:
        table = rates.rate_table(apps, by=by, outcome="response", as_of=as_of,
                                 order=order, interviews=interviews)
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
    held = int(held_on(journal, report.as_of).sum())
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
    return templates().get_template("report.html.j2").render(
        title="Job search report", report=report, measures=[
            (m.label, _shown(m), m.meaning) for m in report.measures],
        definitions=report_definitions(report), sections=report_sections(report),
        plotly_js=Markup(plotly.offline.get_plotlyjs()))
