"""Weighted comparison of job offers, and how sure its ranking is.

Each criterion is normalised across the offers (min-max, 0 for the worst and 1 for the best,
with its direction), multiplied by its share of the weights and summed to a score out of 100.
Then the robustness questions: does one offer dominate another, how far can each weight move
before the leader changes, how often does each offer win under weights near the user's, and
what base salary would make the runner-up tie. Nothing here modifies the frames it is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import schema as s

if TYPE_CHECKING:
    from analysis.forecast import Forecast

EXPECTED_BONUS = "expected_bonus"
RISKED_EQUITY = "risked_equity"
TOTAL_COMPENSATION = "total_compensation"
TOTAL_FORMULA = ("base salary + bonus × expected payout + equity per year × (1 − risk discount) "
                 "+ benefits value")


@dataclass(frozen=True)
class Criterion:
    """A column to compare on, its weight (any non-negative number; shares are what count), its
    direction, and whether it is switched on."""

    column: str
    label: str
    weight: float
    higher_is_better: bool = True
    enabled: bool = True


DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion(s.BASE_SALARY, "Base salary", 30),
    Criterion(EXPECTED_BONUS, "Bonus (expected)", 8),
    Criterion(RISKED_EQUITY, "Equity (risk-adjusted)", 8),
    Criterion(s.BENEFITS_VALUE, "Benefits value", 6),
    Criterion(s.PTO_DAYS, "PTO days", 8),
    Criterion(s.REMOTE_DAYS, "Remote days per week", 10),
    Criterion(s.COMMUTE_MINUTES, "Commute minutes", 10, higher_is_better=False),
    Criterion(s.GROWTH, "Growth (1-5)", 12),
    Criterion(s.CULTURE, "Culture (1-5)", 8),
)
# Where the Offers page keeps the user's choices in the workspace settings, and their defaults.
SETTINGS_KEY = "offer_settings"
DEFAULT_PAYOUT = 80  # % of the target bonus expected to be paid
DEFAULT_RISK = 50  # % knocked off the equity's paper value
EXTRA_WEIGHT = 5  # the starting weight of a criterion from the user's own columns


def chosen_criteria(saved: Mapping[str, object], extra: Sequence[str] = ()) -> list[Criterion]:
    """The default criteria plus the user's own numeric columns ``extra``, each with the
    weight, direction and switch kept in ``saved["criteria"]`` (as the Offers page stores
    them: column -> (weight, higher is better, enabled)); defaults where nothing was kept.

    >>> [c.weight for c in chosen_criteria({"criteria": {"base_salary": (50, True, True)}})][:2]
    [50, 8]
    """
    stored = saved.get("criteria") or {}
    assert isinstance(stored, Mapping)
    criteria = [*DEFAULT_CRITERIA, *(Criterion(c, c, EXTRA_WEIGHT) for c in extra)]
    chosen = []
    for criterion in criteria:
        weight, higher, enabled = stored.get(criterion.column, (
            criterion.weight, criterion.higher_is_better, criterion.enabled))
        chosen.append(dataclasses.replace(criterion, weight=weight, higher_is_better=bool(higher),
                                          enabled=bool(enabled)))
    return chosen


# What to ask the employer about, per criterion with a blank value.
FACT_NAMES = {s.BASE_SALARY: "base salary", EXPECTED_BONUS: "bonus", RISKED_EQUITY: "equity",
              s.BENEFITS_VALUE: "benefits", s.PTO_DAYS: "PTO days",
              s.REMOTE_DAYS: "remote days", s.COMMUTE_MINUTES: "commute",
              s.GROWTH: "growth prospects", s.CULTURE: "team and culture"}


def prepare_offers(offers: pd.DataFrame, *, bonus_payout: float = 1.0,
                   equity_risk: float = 0.0) -> pd.DataFrame:
    """The offers with the expected bonus (bonus × payout), the risk-adjusted equity
    (equity × (1 − risk)) and the total compensation (``TOTAL_FORMULA``; blank parts count as
    0 there, the base salary excepted).

    >>> prepare_offers(pd.DataFrame({"company": ["A"], "base_salary": [100.0], "bonus": [10.0],
    ...     "equity_per_year": [20.0], "benefits_value": [5.0]}), bonus_payout=0.5,
    ...     equity_risk=0.25)["total_compensation"].tolist()
    [125.0]
    """
    table = offers.copy()
    for column in (s.BASE_SALARY, s.BONUS, s.EQUITY_PER_YEAR, s.BENEFITS_VALUE):
        if column not in table:
            table[column] = np.nan
    table[EXPECTED_BONUS] = table[s.BONUS] * bonus_payout
    table[RISKED_EQUITY] = table[s.EQUITY_PER_YEAR] * (1 - equity_risk)
    table[TOTAL_COMPENSATION] = (table[s.BASE_SALARY] + table[EXPECTED_BONUS].fillna(0)
                                 + table[RISKED_EQUITY].fillna(0)
                                 + table[s.BENEFITS_VALUE].fillna(0))
    return table


def offers_table(applications: pd.DataFrame, offers: pd.DataFrame | None) -> pd.DataFrame:
    """The offers to compare: the offers table, plus one row (company and role filled in) for
    each application whose status is offer and whose company the table does not have yet."""
    empty = {c.name: pd.Series(dtype="str" if c.kind == "text" else
                               "datetime64[us]" if c.kind == "date" else "float64")
             for c in s.OFFER_COLUMNS}
    table = offers.copy() if offers is not None else pd.DataFrame(empty)
    for column, values in empty.items():
        if column not in table:
            table[column] = values
    table = table.astype({s.OFFER_COMPANY: "str", s.OFFER_ROLE: "str"})
    known = set(table[s.OFFER_COMPANY].dropna().str.strip().str.lower())
    pending = applications[(applications[s.STATUS] == s.OFFER)
                           & ~applications[s.COMPANY].fillna("").str.strip().str.lower()
                           .isin(known)]
    if not pending.empty:
        added = pd.DataFrame({s.OFFER_COMPANY: pending[s.COMPANY].to_numpy(),
                              s.OFFER_ROLE: pending[s.ROLE].to_numpy()})
        table = pd.concat([table, added], ignore_index=True)
    numeric = [c.name for c in s.OFFER_COLUMNS if c.kind == "number"]
    table[numeric] = table[numeric].apply(pd.to_numeric, errors="coerce").astype("float64")
    table[s.DEADLINE] = pd.to_datetime(table[s.DEADLINE]).astype("datetime64[us]")
    table[[s.OFFER_COMPANY, s.OFFER_ROLE]] = table[[s.OFFER_COMPANY, s.OFFER_ROLE]]\
        .astype("str")
    return table.reset_index(drop=True)


def salaries_from_ranges(offers: pd.DataFrame, applications: pd.DataFrame
                         ) -> tuple[pd.DataFrame, list[str]]:
    """The offers with a blank base salary taken from the top of the advertised salary range
    of the application to the same company (the one with the same role when the company has
    several; the bottom of the range when only that is known), and the names of the offers
    filled so, to say on screen that the number is the range's and not the offer's.

    >>> offers = pd.DataFrame({"company": ["Acme", "Globex"], "role": ["Analyst", None],
    ...                        "base_salary": [None, 80000.0]})
    >>> apps = pd.DataFrame({"company": ["acme", "Globex"], "role": ["Analyst", "PM"],
    ...                      "salary_min": [90000.0, None], "salary_max": [110000.0, 95000.0]})
    >>> filled, names = salaries_from_ranges(offers, apps)
    >>> filled["base_salary"].tolist(), names
    ([110000.0, 80000.0], ['Acme'])
    """
    if s.SALARY_MAX not in applications or offers.empty:
        return offers, []
    top = applications[s.SALARY_MAX].fillna(applications.get(s.SALARY_MIN))
    known = applications.assign(_top=top)[top.notna()]
    if known.empty:
        return offers, []

    def key(values: pd.Series) -> pd.Series:
        return values.fillna("").astype(str).str.strip().str.lower()

    by_company = known.assign(_c=key(known[s.COMPANY]), _r=key(known[s.ROLE]))
    filled = offers.copy()
    if s.BASE_SALARY not in filled:
        filled[s.BASE_SALARY] = np.nan
    names = offer_names(filled)
    chosen: list[str] = []
    for position in np.flatnonzero(filled[s.BASE_SALARY].isna().to_numpy()):
        row = filled.iloc[position]
        same = by_company[by_company["_c"] == key(pd.Series([row[s.OFFER_COMPANY]])).iloc[0]]
        if same.empty:
            continue
        role = key(pd.Series([row.get(s.OFFER_ROLE)])).iloc[0]
        match = same[same["_r"] == role] if role and (same["_r"] == role).any() else same
        filled.iloc[position, filled.columns.get_loc(s.BASE_SALARY)] = float(
            match["_top"].iloc[0])
        chosen.append(str(names.iloc[position]))
    return filled, chosen


def offer_names(offers: pd.DataFrame) -> pd.Series:
    """A unique name per offer: the company, with the role when a company has two."""
    company = offers[s.OFFER_COMPANY].fillna("(no company)").astype(str)
    role = offers.get(s.OFFER_ROLE, pd.Series(index=offers.index, dtype="str")).fillna("")
    names = company.where(~company.duplicated(keep=False), company + " – " + role.astype(str))
    return names.where(~names.duplicated(keep=False),
                       names + " (" + pd.Series(range(1, len(names) + 1), index=names.index)
                       .astype(str) + ")")


def missing_facts(offers: pd.DataFrame, criteria: Sequence[Criterion]) -> pd.Series:
    """For each offer, the criteria it has no value for, to ask about before negotiating."""
    used = [c for c in criteria if c.enabled and c.column in offers]
    names = np.array([FACT_NAMES.get(c.column, c.label) for c in used], dtype=object)
    blank = offers[[c.column for c in used]].isna().to_numpy()
    return pd.Series([list(names[row]) for row in blank], index=offers.index, dtype=object)


@dataclass(frozen=True)
class Scores:
    """The comparison: ``normalised`` values (offers × criteria, 0..1), the ``weights`` used
    (shares summing to 1), ``contributions`` in points, the ``score`` out of 100 per offer,
    and notes (criteria equal for all offers, or without any value)."""

    normalised: pd.DataFrame
    weights: pd.Series
    contributions: pd.DataFrame
    score: pd.Series
    notes: list[str]

    @property
    def ranking(self) -> pd.Series:
        return self.score.sort_values(ascending=False, kind="stable")


def score_offers(offers: pd.DataFrame, criteria: Sequence[Criterion]) -> Scores:
    """Score each offer out of 100 with the enabled, positively weighted criteria.

    Each criterion is normalised across the offers: (x − worst) / (best − worst), so the best
    offer gets 1 and the worst 0. A criterion where all offers are equal gives every offer 1 (and
    is noted); a blank value counts as the worst (ask about it); a criterion no offer has a value
    for is left out (and noted). The index of every result is ``offer_names(offers)``.

    >>> offers = pd.DataFrame({"company": ["A", "B"], "base_salary": [100.0, 80.0],
    ...                        "commute_minutes": [60.0, 20.0]})
    >>> scores = score_offers(offers, [Criterion("base_salary", "Base", 3),
    ...                                Criterion("commute_minutes", "Commute", 1, False)])
    >>> scores.score.round(1).to_dict()
    {'A': 75.0, 'B': 25.0}
    """
    names = offer_names(offers)
    notes: list[str] = []
    columns: dict[str, pd.Series] = {}
    weights: dict[str, float] = {}
    for criterion in criteria:
        if not criterion.enabled or criterion.weight <= 0:
            continue
        if criterion.column not in offers or offers[criterion.column].isna().all():
            notes.append(f"{criterion.label}: no offer has a value, so it is left out.")
            continue
        values = pd.to_numeric(offers[criterion.column], errors="coerce").to_numpy("float64")
        if np.nanmin(values) == np.nanmax(values) and not np.isnan(values).any():
            notes.append(f"{criterion.label}: all offers are equal, so it does not "
                         "separate them.")
        columns[criterion.label] = pd.Series(_normalise(values, criterion.higher_is_better),
                                             index=names)
        weights[criterion.label] = float(criterion.weight)
    normalised = pd.DataFrame(columns, index=names)
    total = sum(weights.values())
    shares = pd.Series({k: v / total for k, v in weights.items()}, dtype=float) if total else \
        pd.Series(dtype=float)
    contributions = normalised * shares * 100 if len(shares) else normalised
    score = contributions.sum(axis=1) if len(shares) else pd.Series(0.0, index=names)
    return Scores(normalised=normalised, weights=shares, contributions=contributions,
                  score=score.rename("score"), notes=notes)


def unranked_reason(criteria: Sequence[Criterion]) -> str:
    """Why offers scored with ``criteria`` have no ranking (their ``Scores.weights`` is
    empty), in words for the user."""
    if not any(c.enabled and c.weight > 0 for c in criteria):
        return "Switch on at least one criterion with a weight above 0."
    return ("Not ranked yet: no offer has a value for any switched-on criterion. Add the "
            "salary, benefits and the rest on the Offers page or an Offers sheet.")


def _normalise(values: np.ndarray, higher_is_better: bool) -> np.ndarray:
    """Min-max normalisation across offers: 1 for the best value, 0 for the worst and for a
    blank; 1 for every offer with a value when they are all equal.

    >>> _normalise(np.array([10.0, 20.0, np.nan]), True).tolist()
    [0.0, 1.0, 0.0]
    >>> _normalise(np.array([10.0, 20.0, 15.0]), False).tolist()
    [1.0, 0.0, 0.5]
    """
    low, high = np.nanmin(values), np.nanmax(values)
    if high == low:
        return np.where(np.isnan(values), 0.0, 1.0)
    normal = (values - low) / (high - low)
    return np.nan_to_num(normal if higher_is_better else 1 - normal, nan=0.0)


def _scores_with(normalised: pd.DataFrame, weights: np.ndarray) -> np.ndarray:
    return normalised.to_numpy() @ weights * 100


def dominance(scores: Scores) -> pd.DataFrame:
    """Pairs where one offer is at least as good on every criterion and better on one:
    columns ``offer`` and ``dominated`` (the offer it beats everywhere)."""
    values = scores.normalised.to_numpy()
    names = scores.normalised.index.to_numpy()
    at_least = (values[:, None, :] >= values[None, :, :]).all(axis=2)
    better = (values[:, None, :] > values[None, :, :]).any(axis=2)
    first, second = np.nonzero(at_least & better)
    return pd.DataFrame({"offer": names[first], "dominated": names[second]})


def weight_sensitivity(scores: Scores) -> pd.DataFrame:
    """For each criterion, the range of its weight share (the others rescaled to keep their
    proportions) within which the current leader stays on top, as shares from 0 to 1."""
    normalised = scores.normalised.to_numpy()
    weights = scores.weights.to_numpy()
    if len(normalised) < 2 or not len(weights):
        return pd.DataFrame(columns=["criterion", "weight", "low", "high"])
    leader = int(np.argmax(_scores_with(scores.normalised, weights)))
    rows = []
    for i, criterion in enumerate(scores.weights.index):
        current = weights[i]
        rest = np.delete(weights, i)
        others = np.delete(normalised, i, axis=1)
        # Score of offer k at share t: t * a_k + (1 - t) * b_k, linear in t.
        a = normalised[:, i]
        b = others @ (rest / rest.sum()) if rest.sum() > 0 else np.zeros(len(a))
        low, high = 0.0, 1.0
        for k in range(len(a)):
            if k == leader:
                continue
            slope = (a[leader] - b[leader]) - (a[k] - b[k])
            offset = b[leader] - b[k]  # leader minus k at t = 0
            # offset + slope * t >= 0
            if abs(slope) < 1e-12:
                if offset < -1e-12:
                    low, high = np.nan, np.nan
                continue
            bound = -offset / slope
            if slope > 0:
                low = max(low, bound)
            else:
                high = min(high, bound)
        rows.append({"criterion": criterion, "weight": current,
                     "low": float(np.clip(low, 0, 1)) if low == low else np.nan,
                     "high": float(np.clip(high, 0, 1)) if high == high else np.nan})
    return pd.DataFrame(rows)


def random_weight_wins(scores: Scores, *, concentration: float = 20.0, draws: int = 10_000,
                       seed: int = 0) -> pd.Series:
    """How often each offer comes out best when the weights are drawn at random around the
    user's (Dirichlet with parameters ``concentration`` × weight shares; a higher concentration
    keeps them closer). Seeded, so the result is reproducible. Shares of ``draws``."""
    names = scores.normalised.index
    weights = scores.weights.to_numpy()
    if not len(weights) or not len(names):
        return pd.Series(0.0, index=names)
    rng = np.random.default_rng(seed)
    alpha = np.maximum(concentration * weights, 1e-3)
    samples = rng.dirichlet(alpha, size=draws)
    totals = samples @ scores.normalised.to_numpy().T
    winners = np.argmax(totals, axis=1)
    return pd.Series(np.bincount(winners, minlength=len(names)) / draws, index=names)


def break_even_salary(offers: pd.DataFrame, criteria: Sequence[Criterion], *, leader: str,
                      runner_up: str) -> float | None:
    """The base salary the runner-up would need, all else equal, for its score to tie the
    leader's. None when base salary does not count, or no salary would be enough."""
    names = offer_names(offers)
    base = next((c for c in criteria if c.column == s.BASE_SALARY and c.enabled
                 and c.weight > 0), None)
    if base is None or leader not in set(names) or runner_up not in set(names):
        return None
    first = int(np.flatnonzero(names.to_numpy() == leader)[0])
    second = int(np.flatnonzero(names.to_numpy() == runner_up)[0])
    # Scores depend on the other offers only through each criterion's lowest and highest
    # value. Only the runner-up's salary moves, so the two offers and the rows holding the
    # extremes among the others give the same two scores as the whole table, at a fraction
    # of the cost with thousands of offers.
    rows = {first, second}
    for criterion in criteria:
        if criterion.column in offers:
            others = pd.to_numeric(offers[criterion.column], errors="coerce")\
                .reset_index(drop=True).drop(index=second)
            if others.notna().any():
                rows |= {int(others.idxmin()), int(others.idxmax())}
    kept = sorted(rows)
    small = offers.iloc[kept].reset_index(drop=True)
    first, position = kept.index(first), kept.index(second)
    salaries = pd.to_numeric(small[s.BASE_SALARY], errors="coerce").to_numpy("float64")
    scores = score_offers(small, criteria)
    if base.label in scores.weights:
        # Only the base salary's column moves: the other criteria's points stay as they are.
        fixed = scores.contributions.drop(columns=base.label).sum(axis=1).to_numpy()
        points = scores.weights[base.label] * 100

        def gap(salary: float) -> float:
            values = salaries.copy()
            values[position] = salary
            total = fixed + points * _normalise(values, base.higher_is_better)
            return float(total[first] - total[position])
    else:  # no offer has a salary yet: giving one changes the weights too

        def gap(salary: float) -> float:
            changed = small.copy()
            changed.iloc[position, changed.columns.get_loc(s.BASE_SALARY)] = salary
            result = score_offers(changed, criteria).score
            return float(result.iloc[first] - result.iloc[position])

    start = small[s.BASE_SALARY].iloc[position]
    low = float(start) if pd.notna(start) else float(offers[s.BASE_SALARY].min())
    if gap(low) <= 0:
        return low
    high = max(float(offers[s.BASE_SALARY].max()), low) * 10 + 1
    if gap(high) > 0:
        return None
    # Bisection keeps a salary that ties or wins: the answer is never just short of the tie.
    while high - low > 0.5:
        middle = (low + high) / 2
        if gap(middle) > 0:
            low = middle
        else:
            high = middle
    return high


def compensation_table(prepared: pd.DataFrame) -> pd.DataFrame:
    """Per offer, the parts of the total compensation and the total, highest total first."""
    columns = [s.BASE_SALARY, EXPECTED_BONUS, RISKED_EQUITY, s.BENEFITS_VALUE,
               TOTAL_COMPENSATION]
    table = prepared[columns].assign(offer=offer_names(prepared).to_numpy())
    return table[["offer", *columns]].sort_values(TOTAL_COMPENSATION, ascending=False)


def values_beside_scores(prepared: pd.DataFrame, scores: Scores,
                         criteria: Sequence[Criterion]) -> pd.DataFrame:
    """Each counted criterion's raw value next to its normalised value, per offer."""
    counted = [c for c in criteria if c.label in scores.weights]
    raw = prepared.set_axis(offer_names(prepared))[[c.column for c in counted]]
    raw.columns = [c.label for c in counted]
    return pd.concat({"Value": raw, "Normalised (0-1)": scores.normalised.round(2)}, axis=1)


# ---------------------------------------------------------------------------------------------
# Negotiating with facts

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


def negotiation_points(offers: pd.DataFrame, criteria: Sequence[Criterion], *, leader: str,
                       pipeline: Forecast | None = None, as_of: dt.date | None = None
                       ) -> NegotiationPoints:
    """What a counter-offer to ``leader`` (the offer the user wants to come out ahead, by
    its name in ``offer_names``) can say, built only from ``offers`` (prepared or not),
    ``criteria`` and, when given, the ``pipeline`` forecast (``analysis.forecast``). A
    competing offer whose deadline is before ``as_of`` (the forecast's day, else today) is
    not counted as leverage; an application at the interview stage is when its chance of an
    offer within the forecast's horizon is at least ``LATE_STAGE_CHANCE``. Raises
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
    day = as_of or (pipeline.as_of if pipeline is not None else dt.date.today())
    others = table.drop(index=table.index[position])
    competing = pd.DataFrame({
        "offer": names.drop(index=table.index[position]).to_numpy(),
        "base_salary": pd.to_numeric(others[s.BASE_SALARY], errors="coerce").to_numpy(),
        "total_compensation": others[TOTAL_COMPENSATION].to_numpy(),
        "deadline": pd.to_datetime(others.get(s.DEADLINE, pd.Series(pd.NaT, others.index)))
        .to_numpy(),
    }).sort_values("base_salary", ascending=False, na_position="last").reset_index(drop=True)
    expired = competing["deadline"] < pd.Timestamp(day)
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
        final = sorted({str(c) for c in late["company"].dropna()
                        if str(c).strip().lower() != company.strip().lower()})
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
        best = int(others.idxmax() if higher else others.idxmin())
        here = values.iloc[position]
        if pd.isna(here) or (values.iloc[best] > here if higher else values.iloc[best] < here):
            rows.append({"term": term, "column": column,
                         "this_offer": None if pd.isna(here) else unit.format(here),
                         "best_other": unit.format(values.iloc[best]),
                         "other_offer": str(names.iloc[best])})
    return pd.DataFrame(rows, columns=["term", "column", "this_offer", "best_other",
                                       "other_offer"])


NEGOTIATION_TEMPLATE = (
    "Your offer for the $role position",
    "Dear $contact,\n\nThank you for the offer for the $role position at $company. I am "
    "excited about the role and the team, and I would like to find a way to make it work."
    "\n\n$asks\n\nCould we talk about this? I would be glad to accept an offer that "
    "reflects it.\n\nBest regards,\n$my_name",
)


def negotiation_draft(points: NegotiationPoints, *, contact: str = "", my_name: str = "",
                      template: tuple[str, str] = NEGOTIATION_TEMPLATE) -> tuple[str, str]:
    """The subject and body of a counter-offer built from ``points``: the salary to ask for
    and why, the competing offer, the pipeline, the terms to improve. Placeholders are
    ``$contact``, ``$company``, ``$role``, ``$asks`` (the paragraphs) and ``$my_name``. Where
    the data holds no leverage the draft says so, in brackets for the user, and claims none.
    """
    paragraphs = []
    best = points.competing.dropna(subset=["base_salary"]).head(1)
    if points.target_salary is not None and points.salary is not None and \
            points.target_salary > points.salary:
        paragraphs.append(f"Having weighed the whole package, I would like to ask for a base "
                          f"salary of {points.target_salary:,.0f} (the offer is "
                          f"{points.salary:,.0f}).")
    elif not best.empty and points.salary is not None and \
            best["base_salary"].iloc[0] > points.salary:
        paragraphs.append(f"I would like to ask for a base salary of "
                          f"{best['base_salary'].iloc[0]:,.0f} (the offer is "
                          f"{points.salary:,.0f}).")
    if not best.empty:
        deadline = best["deadline"].iloc[0]
        by = f", which I need to answer by {pd.Timestamp(deadline):%-d %B}" \
            if pd.notna(deadline) else ""
        paragraphs.append(f"For transparency: I have another offer with a base salary of "
                          f"{best['base_salary'].iloc[0]:,.0f}{by}.")
    if points.final_stage:
        count = len(points.final_stage)
        paragraphs.append(f"I am also in the final stages with {count} other "
                          f"compan{'ies' if count != 1 else 'y'}.")
    if not points.weaker.empty:
        items = "; ".join(
            f"{row.term} ({row.best_other} elsewhere" +
            (f", {row.this_offer} here)" if pd.notna(row.this_offer) else ", not stated here)")
            for row in points.weaker.itertuples())
        paragraphs.append(f"I would also like to discuss: {items}.")
    if not points.has_leverage:
        paragraphs.insert(0, "[No competing offer or late-stage application to mention: "
                             "this asks on the strength of the role and what you bring. "
                             "Delete this line before sending.]")
    if len(paragraphs) == (0 if points.has_leverage else 1):
        paragraphs.append("I would like to discuss the package before I give my answer.")
    values = {"contact": contact or "Hiring Manager", "company": points.company or "your "
              "company", "role": points.role or "open", "my_name": my_name or "[your name]",
              "asks": "\n\n".join(paragraphs)}
    subject, body = (string.Template(part).safe_substitute(values) for part in template)
    return subject, body


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
