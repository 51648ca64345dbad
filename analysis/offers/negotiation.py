"""A counter-offer from the data alone: the salary at which an offer would lead, the
competing offers and late-stage applications, and the terms where it is behind."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.forecast.pipeline import Forecast
from analysis.model import schema as s
from analysis.model.keys import company_key
from analysis.offers.scoring import (
    TOTAL_COMPENSATION,
    Criterion,
    break_even_salary,
    offer_names,
    offer_value,
    prepare_offers,
    score_offers,
)

# The terms that are usually negotiable besides the base salary, in the words of a letter,
# with the unit a value is written in and whether more is better.
NEGOTIABLE: dict[str, tuple[str, str, bool]] = {
    s.BONUS: ("target bonus", "{:,.0f}", True),
    s.EQUITY_PER_YEAR: ("equity per year", "{:,.0f}", True),
    s.PTO_DAYS: ("paid days off", "{:.0f} days", True),
    s.REMOTE_DAYS: ("remote days a week", "{:.0f}", True),
}
SALARY_STEP = 100  # a salary to ask for is rounded up to this
LATE_STAGE_CHANCE = 0.05  # an interviewed application counts as leverage from this chance
NEGOTIATION_DAYS = 14  # the pipeline's horizon for an offer without a deadline ahead
# Columns of the user's own that name other negotiable terms.
NEGOTIABLE_WORDS = ("signing", "sign-on", "sign on", "relocation", "start")


@dataclass(frozen=True)
class NegotiationPoints:
    """What a counter-offer for ``offer`` can stand on, all from the data: its rank and
    score, its base salary and the one at which it would lead the ranking
    (``target_salary``, the break-even against the current leader), the competing offers'
    figures (``competing``: offer, base salary, total compensation, deadline), the terms
    where it is weakest against them (``weaker``: term, this offer's value, the best other
    value and whose), the pipeline's leverage (the chance of another offer within
    ``pipeline_days``, and the applications at the interview stage), and ``notes`` in words,
    including when there is no leverage at all."""

    offer: str
    company: str
    role: str
    rank: int
    score: float
    salary: float | None
    target_salary: float | None
    deadline: dt.date | None
    competing: pd.DataFrame
    weaker: pd.DataFrame
    pipeline_chance: float | None = None
    pipeline_days: int | None = None
    final_stage: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_leverage(self) -> bool:
        return not self.competing.empty or bool(self.final_stage) or \
            bool(self.pipeline_chance and self.pipeline_chance >= 0.05)


def negotiation_horizon(offers: pd.DataFrame, offer: str, *, as_of: dt.date,
                        default_days: int = NEGOTIATION_DAYS) -> tuple[int, bool]:
    """How many days ahead the pipeline counts as leverage while negotiating ``offer`` (by
    its name in ``offer_names``): until its deadline when that is after ``as_of``, else
    ``default_days``; and whether the deadline set it.

    >>> offers = pd.DataFrame({"company": ["A", "B"],
    ...                        "deadline": pd.to_datetime(["2026-04-10", None])})
    >>> [negotiation_horizon(offers, name, as_of=dt.date(2026, 4, 1)) for name in "AB"]
    [(9, True), (14, False)]
    """
    deadline = offer_value(offers, offer, s.DEADLINE)
    ahead = (pd.Timestamp(deadline).date() - as_of).days \
        if isinstance(deadline, dt.date) else 0  # a Timestamp is a date too
    return (ahead, True) if ahead > 0 else (default_days, False)


def negotiation_points(offers: pd.DataFrame, criteria: Sequence[Criterion], *, leader: str,
                       pipeline: Forecast | None = None, as_of: dt.date | None = None,
                       moving_on: Collection[str] = ()
                       ) -> NegotiationPoints:
    """What a counter-offer to ``leader`` (the offer the user wants to come out ahead, by
    its name in ``offer_names``) can say, built only from ``offers`` (prepared or not),
    ``criteria`` and, when given, the ``pipeline`` forecast (``analysis.forecast``). A
    competing offer whose deadline is before ``as_of`` (else the forecast's day; with neither,
    no deadline counts as passed) is not counted as leverage; an application at the interview
    stage is when its chance of an offer within the forecast's horizon is at least
    ``LATE_STAGE_CHANCE``, unless it is this offer's company, a company already cited as an
    offer, or one in ``moving_on`` (those the follow-up routine says to move on from). Raises
    ``KeyError`` for an offer that is not in the table.

    >>> offers = pd.DataFrame({"company": ["A", "B"], "base_salary": [70_000.0, 80_000.0],
    ...                        "pto_days": [30.0, 25.0]})
    >>> points = negotiation_points(offers, [Criterion("base_salary", "Base", 1)], leader="A")
    >>> points.rank, points.target_salary, points.weaker["term"].tolist()
    (2, 80100.0, [])
    """
    table = offers if TOTAL_COMPENSATION in offers else prepare_offers(offers)
    names = offer_names(table)
    if leader not in set(names):
        raise KeyError(f"no offer called {leader!r}")
    position = int(np.flatnonzero(names.to_numpy() == leader)[0])
    row = table.iloc[position]
    scores = score_offers(table, criteria)
    ranking = scores.ranking
    rank = int(list(ranking.index).index(leader)) + 1 if len(ranking) else 1
    salary = _number(row.get(s.BASE_SALARY))
    notes: list[str] = []
    target = None
    if rank > 1 and not scores.weights.empty:
        target = break_even_salary(table, criteria, leader=str(ranking.index[0]),
                                   runner_up=leader)
        if target is not None:  # a round figure just above the tie, so that it leads
            target = float(math.ceil(target / SALARY_STEP) * SALARY_STEP)
        else:
            notes.append(f"No base salary alone would bring {leader} level with "
                         f"{ranking.index[0]}: the other terms decide.")
    elif len(ranking) > 1:
        notes.append(f"{leader} already leads your ranking.")
    day = as_of or (pipeline.as_of if pipeline is not None else None)
    others = table.drop(index=table.index[position])
    competing = pd.DataFrame({
        "offer": names.drop(index=table.index[position]).to_numpy(),
        "base_salary": pd.to_numeric(others[s.BASE_SALARY], errors="coerce").to_numpy(),
        "total_compensation": others[TOTAL_COMPENSATION].to_numpy(),
        "deadline": pd.to_datetime(others.get(s.DEADLINE, pd.Series(pd.NaT, others.index)))
        .to_numpy(),
    }).sort_values("base_salary", ascending=False, na_position="last").reset_index(drop=True)
    # Without a day (no as_of, no forecast) no deadline is judged to have passed.
    expired = competing["deadline"] < pd.Timestamp(day) if day is not None else \
        pd.Series(False, index=competing.index)
    if expired.any():
        notes.append(f"Left out as leverage, their deadline having passed: "
                     f"{', '.join(competing.loc[expired, 'offer'])}.")
    competing = competing[~expired].reset_index(drop=True)
    live = names.isin({leader, *competing["offer"]}).to_numpy()
    weaker = _weaker_terms(table[live], names[live], int(live[:position].sum()))
    deadline = row.get(s.DEADLINE)
    deadline = pd.Timestamp(deadline).date() if pd.notna(deadline) else None
    company = str(row.get(s.OFFER_COMPANY) or "")
    chance = days = None
    final: list[str] = []
    if pipeline is not None and pipeline.open:
        chance, days = pipeline.p_at_least_one, pipeline.horizon_days
        waiting = pipeline.by_application
        late = waiting[(waiting["stage"] == "interviewed")
                       & (waiting["chance"] >= LATE_STAGE_CHANCE)]
        # Other processes: not this offer's company, not one already cited as an offer, not
        # one the follow-up routine says to move on from.
        left_out = {company_key(c) for c in (*table[s.OFFER_COMPANY].dropna(), *moving_on)}
        final = sorted({str(c) for c in late["company"].dropna()
                        if company_key(c) not in left_out})
    points = NegotiationPoints(
        offer=leader, company=company, role=str(row.get(s.OFFER_ROLE) or ""), rank=rank,
        score=float(ranking.get(leader, 0.0)), salary=salary, target_salary=target,
        deadline=deadline, competing=competing, weaker=weaker, pipeline_chance=chance,
        pipeline_days=days, final_stage=final, notes=notes)
    if not points.has_leverage:
        notes.append("No competing offer and no application at a late stage: the draft asks "
                     "on the strength of the role and what you bring, without claiming "
                     "leverage you do not have.")
    return points


def _number(value: object) -> float | None:
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return float(number) if pd.notna(number) else None


def _weaker_terms(table: pd.DataFrame, names: pd.Series, position: int) -> pd.DataFrame:
    """The negotiable terms where the offer at ``position`` is behind the best of the others
    (or has no value while another has one): term, this value, the best other and whose."""
    rows = []
    own = [c for c in table.columns if any(w in str(c).lower() for w in NEGOTIABLE_WORDS)
           and c not in NEGOTIABLE and pd.api.types.is_numeric_dtype(table[c])]
    terms = {**NEGOTIABLE, **{c: (str(c).replace("_", " "), "{:,.0f}", True) for c in own}}
    for column, (term, unit, higher) in terms.items():
        if column not in table:
            continue
        values = pd.to_numeric(table[column], errors="coerce").reset_index(drop=True)
        others = values.drop(index=position).dropna()
        if others.empty:
            continue
        best = int(others.idxmax() if higher else others.idxmin())  # type: ignore[call-overload]  # pandas-stubs: idxmax of a RangeIndex is an int
        here = values.iloc[position]
        if pd.isna(here) or (values.iloc[best] > here if higher else values.iloc[best] < here):
            rows.append({"term": term, "column": column,
                         "this_offer": None if pd.isna(here) else unit.format(here),
                         "best_other": unit.format(values.iloc[best]),
                         "other_offer": str(names.iloc[best])})
    return pd.DataFrame(rows, columns=["term", "column", "this_offer", "best_other",
                                       "other_offer"])


def offer_contact(applications: pd.DataFrame, company: str) -> tuple[str, str]:
    """The contact name and email the tracker holds for ``company`` (its most recent
    application with one), or empty strings."""
    if not company or applications.empty:
        return "", ""
    mine = applications[applications[s.COMPANY].fillna("").str.strip().str.lower()
                        == company.strip().lower()]
    mine = mine.sort_values(s.DATE_APPLIED, ascending=False, na_position="last")
    name = mine[s.CONTACT_NAME].dropna()
    email = mine[s.CONTACT_EMAIL].dropna()
    return (str(name.iloc[0]) if len(name) else "", str(email.iloc[0]) if len(email) else "")
