"""Weighted comparison of job offers, and how sure its ranking is.

Each criterion is normalised across the offers (min-max, 0 for the worst and 1 for the best,
with its direction), multiplied by its share of the weights and summed to a score out of 100.
Then the robustness questions: does one offer dominate another, how far can each weight move
before the leader changes, how often does each offer win under weights near the user's, and
what base salary would make the runner-up tie. Nothing here modifies the frames it is given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.model import schema as s
from analysis.model.cells import filled_rows

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


def criteria_settings(criteria: Sequence[Criterion], *, payout: int, risk: int,
                      extra: Sequence[str] = ()) -> dict[str, object]:
    """The Offers page's choices as the workspace keeps them, which ``chosen_criteria``
    reads back: the expected bonus payout and the equity risk discount (in percent), the
    user's own columns added as criteria, and each criterion's weight, direction and switch.
    Lists, not tuples, so that a setting read back from the workspace compares equal.

    >>> criteria_settings(chosen_criteria({})[:1], payout=80, risk=50)
    {'payout': 80, 'risk': 50, 'extra': [], 'criteria': {'base_salary': [30, True, True]}}
    """
    return {"payout": payout, "risk": risk, "extra": list(extra),
            "criteria": {c.column: [c.weight, c.higher_is_better, c.enabled] for c in criteria}}


def extra_numeric_columns(offers: pd.DataFrame) -> list[str]:
    """The user's own numeric columns of the offers table (those that are not offer columns),
    which can be added as criteria.

    >>> extra_numeric_columns(pd.DataFrame({"company": ["A"], "base_salary": [1.0],
    ...                                     "signing_bonus": [5.0], "perks": ["gym"]}))
    ['signing_bonus']
    """
    return [c for c in offers.columns if c not in s.OFFER_COLUMN_NAMES
            and pd.api.types.is_numeric_dtype(offers[c])]


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
    """The offers to compare: the rows of the offers table that hold anything, plus one row
    (company and role filled in) for each application whose status is offer and whose company
    the table does not have yet."""
    empty = {c.name: pd.Series(dtype="str" if c.kind == "text" else
                               "datetime64[us]" if c.kind == "date" else "float64")
             for c in s.OFFER_COLUMNS}
    table = offers[filled_rows(offers)] if offers is not None else pd.DataFrame(empty)
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
        filled.iloc[position, filled.columns.get_loc(s.BASE_SALARY)] = float(  # type: ignore[index]  # pandas-stubs: get_loc of a unique column is an int
            match["_top"].iloc[0])
        chosen.append(str(names.iloc[position]))
    return filled, chosen


def comparable_offers(table: pd.DataFrame, applications: pd.DataFrame
                      ) -> tuple[pd.DataFrame, list[str]]:
    """The offers of ``table`` (``offers_table``) that can be compared, those naming their
    company, with blank base salaries taken from the applications' ranges; and the offers
    filled so (see ``salaries_from_ranges``).

    >>> table = pd.DataFrame({"company": ["Acme", None], "base_salary": [90000.0, 1.0]})
    >>> comparable_offers(table, pd.DataFrame())[0]["company"].tolist()
    ['Acme']
    """
    return salaries_from_ranges(table.dropna(subset=[s.OFFER_COMPANY]), applications)


def same_offers(edited: pd.DataFrame, saved: pd.DataFrame) -> bool:
    """Whether an edited offers table holds what the saved one does (rows, columns, values;
    a blank written as "" or as missing alike), so saving it again would change nothing.

    >>> table = pd.DataFrame({"company": ["Acme"], "base_salary": [90_000.0]})
    >>> same_offers(table.copy(), table), same_offers(table.assign(base_salary=91_000.0), table)
    (True, False)
    """
    if list(edited.columns) != list(saved.columns) or len(edited) != len(saved):
        return False
    left = edited.reset_index(drop=True).astype(object).replace("", None)
    right = saved.reset_index(drop=True).astype(object).replace("", None)
    return bool(left.where(left.notna(), None).equals(right.where(right.notna(), None)))


def offer_names(offers: pd.DataFrame) -> pd.Series:
    """A unique name per offer: the company, with the role when a company has two."""
    company = offers[s.OFFER_COMPANY].fillna("(no company)").astype(str)
    role = offers.get(s.OFFER_ROLE, pd.Series(index=offers.index, dtype="str")).fillna("")
    names = company.where(~company.duplicated(keep=False), company + " – " + role.astype(str))
    return names.where(~names.duplicated(keep=False),
                       names + " (" + pd.Series(range(1, len(names) + 1), index=names.index)
                       .astype(str) + ")")


def offer_value(offers: pd.DataFrame, offer: str, column: str) -> object | None:
    """The value in ``column`` of the offer called ``offer`` (its name in ``offer_names``);
    None when it is blank, or the table has no such offer or column.

    >>> offers = pd.DataFrame({"company": ["A", "B"], "base_salary": [70.0, None]})
    >>> offer_value(offers, "A", "base_salary"), offer_value(offers, "B", "base_salary")
    (70.0, None)
    """
    if column not in offers:
        return None
    value = offers[column].set_axis(offer_names(offers)).get(offer)
    if value is None or pd.isna(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


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
                rows |= {int(others.idxmin()), int(others.idxmax())}  # type: ignore[call-overload]  # pandas-stubs: idxmin of a RangeIndex is an int
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
            changed.iloc[position, changed.columns.get_loc(s.BASE_SALARY)] = salary  # type: ignore[index]  # pandas-stubs: get_loc of a unique column is an int
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
