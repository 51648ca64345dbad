"""The Overview's tiles: each headline number with its change since the comparison day and
what it stands on in its help, drawn from results the page has computed."""

from __future__ import annotations

from dataclasses import dataclass

from streamlit.delta_generator import DeltaGenerator

from analysis.followups import DUE_TODAY, OVERDUE
from analysis.forecast import Forecast
from analysis.interviews import per_offer_text
from analysis.model.words import chance_text, expected_text
from analysis.stats.coverage import ReplyCoverage
from analysis.stats.metrics import Kpis
from ui.widgets import arrow, percent, points_change


@dataclass(frozen=True)
class Tiles:
    """The numbers of today (``now``) and of the comparison day (``before``), how many
    applications record their reply, the open actions by state, and the interviews held
    and offers received."""

    now: Kpis
    before: Kpis
    replies: ReplyCoverage
    states: dict[str, int]
    interviews: tuple[int, int]

    @property
    def _replies_note(self) -> str:
        return f" {self.replies.note}" if self.replies.partial else ""

    def applications(self, column: DeltaGenerator) -> None:
        change = f"{self.now.applications - self.before.applications:+,}"
        column.metric("Applications", f"{self.now.applications:,}", change,
                      delta_arrow=arrow(change), help="Applications sent (saved ones not counted).")

    def active(self, column: DeltaGenerator) -> None:
        change = f"{self.now.active - self.before.active:+,}"
        column.metric("Active applications", f"{self.now.active:,}", change, delta_color="off",
                      delta_arrow=arrow(change), help="Sent, not closed, and not ghosted.")

    def rate(self, column: DeltaGenerator, label: str, count: str, help_text: str, *,
             inverse: bool = False, note: str = "") -> None:
        """The share of applications counted by ``count`` (a field of ``Kpis``), with a
        ``note`` on what it does not count yet."""
        now_count, before_count = getattr(self.now, count), getattr(self.before, count)
        rate, earlier = self.now.rate(now_count), self.before.rate(before_count)
        # A month ago no reply may have been recorded yet: no change to show then.
        change = points_change(rate, earlier) if self.before.replies_recorded else None
        column.metric(label, percent(rate), change, delta_arrow=arrow(change),
                      delta_color="inverse" if inverse else "normal",
                      help=f"{help_text} {now_count:,} of {self.now.applications:,} "
                           f"applications." + (f" {note}" if note else "") + self._replies_note)

    def median_days(self, column: DeltaGenerator) -> None:
        days = self.now.median_days
        column.metric(
            "Median days to reply", f"{days} days" if days is not None else "Not yet",
            help="The day by which half of all applications heard back (Kaplan-Meier median, "
                 "with waiting applications counted as waiting). 'Not yet': fewer than half "
                 "have had any reply so far." + self._replies_note)

    def half_of_replies(self, column: DeltaGenerator) -> None:
        days = self.now.half_of_replies_days
        column.metric(
            "Half of replies by", f"day {days}" if days is not None else "No replies",
            help="Of the replies that came, half arrived by this day after applying (the "
                 "median counts only applications that heard back).")

    def interviews_per_offer(self, column: DeltaGenerator) -> None:
        held, offers = self.interviews
        column.metric(
            "Interviews per offer", per_offer_text(held, offers),
            help=f"{held:,} interviews held (every round counts) and {offers:,} offers."
                 + (" An offer has cost this many interviews so far." if offers else ""))

    def follow_ups(self, column: DeltaGenerator) -> None:
        overdue, today = self.states[OVERDUE], self.states[DUE_TODAY]
        column.metric("Follow-ups due", f"{overdue + today:,}",
                      help=f"{overdue} overdue and {today} due today: notes, thank-you notes "
                           "and follow-ups. See the Follow-ups page.")


def forecast_tile(column: DeltaGenerator, forecast: Forecast) -> None:
    """The offers expected from the open applications within the forecast's horizon."""
    value = (f"{expected_text(forecast.expected)} ({forecast.low}–{forecast.high})"
             if forecast.open else "0, none open")
    column.metric(f"Offers, next {forecast.horizon_days} days", value,
                  help=(f"Offers expected within {forecast.horizon_days} days from your "
                        f"{forecast.open:,} open applications, with an 80% interval in "
                        f"brackets and a {chance_text(forecast.p_at_least_one)} chance of at "
                        "least one. See the Plan page." if forecast.open else
                        "No open application to expect an offer from. See the Plan page."))
