"""How well the forecast did: a back-test on the user's own past, and the check of one
simulated search (overall and channel by channel) that calibration on many is made of."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.forecast.pipeline import channel_forecast
from analysis.model import schema as s
from analysis.model.stages import Stage, as_known_on, stage_codes
from analysis.sample import generate_applications


def backtest(apps: pd.DataFrame, *, as_of: dt.date, days_back: tuple[int, ...] = (60, 90),
             draws: int = 2000, seed: int = 0, channels: Mapping[str, str] | None = None,
             interviews: pd.DataFrame | None = None) -> pd.DataFrame:
    """The forecast made on the data as known ``days_back`` days before ``as_of``, for the
    ``days_back`` days since, against the offers that came: ``days_back``, ``as_known_on``,
    ``open`` (applications open then), ``expected``, ``low``, ``high``, ``actual``,
    ``inside`` (the actual number in the interval). ``channels`` is the person's reading
    of their sources and ``interviews`` the journal, as for ``channel_forecast`` (each
    forecast sees the rounds held by its own day)."""
    rows = []
    codes = stage_codes(apps)
    decided = apps[s.DECISION_DATE]
    for back in days_back:
        then = as_of - dt.timedelta(days=back)
        forecast = channel_forecast(apps, as_of=then, channels=channels, horizon_days=back,
                                    draws=draws, seed=seed, interviews=interviews)
        rows_then = forecast.by_application["row"].to_numpy()
        got = (codes.loc[rows_then] >= Stage.OFFER) & \
            (decided.loc[rows_then].isna() | (decided.loc[rows_then] <= pd.Timestamp(as_of)))
        actual = int(got.sum())
        rows.append({"days_back": back, "as_known_on": then, "open": len(rows_then),
                     "expected": forecast.expected, "low": forecast.low, "high": forecast.high,
                     "actual": actual, "inside": forecast.low <= actual <= forecast.high})
    return pd.DataFrame(rows)


def backtest_lines(table: pd.DataFrame) -> list[str]:
    """``backtest`` in words: "60 days ago (28 Sep): 1.2 offers expected, 80% interval 0-3;
    you got 1 (inside the interval)."."""
    lines = []
    for row in table.itertuples():
        if not row.open:
            lines.append(f"{row.days_back} days ago: nothing was open, so nothing to check.")
            continue
        lines.append(f"{row.days_back} days ago ({row.as_known_on:%-d %b}): "
                     f"{row.expected:.1f} offers expected, 80% interval {row.low}-{row.high}; "
                     f"you got {row.actual}"
                     + (" (inside the interval)." if row.inside else " (outside the interval)."))
    return lines


CALIBRATION_SIZES = (60, 150, 300)


def _as_seen(apps: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The table as its owner saw it on ``as_of``. A ghosting or withdrawal without a date
    cannot be placed in time, and the generator decides them knowing the future (no reply
    ever came); on ``as_of`` they are still waiting."""
    known = as_known_on(apps, as_of)
    undated = known[s.STATUS].isin([s.GHOSTED, s.WITHDRAWN]) & known[s.DECISION_DATE].isna()
    replied = known[s.FIRST_RESPONSE_DATE].notna()
    waiting = np.where(replied, s.SCREENING, s.APPLIED)
    return known.assign(**{s.STATUS: known[s.STATUS].mask(undated, pd.Series(
        waiting, index=known.index))})


def calibration(searches: int = 300, *, horizon_days: int = 60, draws: int = 2000,
                seed: int = 0) -> pd.DataFrame:
    """The forecast made ``horizon_days`` before the end of ``searches`` simulated searches
    (``analysis.sample``'s generator, whose rates are known, in sizes of 60, 150 and 300
    applications) against the offers that came by the end: one row per search with
    ``size``, ``open``, ``expected``, ``low``, ``high``, ``p_at_least_one``, ``actual`` and
    ``inside``."""

    end = dt.date(2026, 6, 30)
    rows = []
    for k in range(searches):
        size = CALIBRATION_SIZES[k % len(CALIBRATION_SIZES)]
        apps = generate_applications(size, seed=seed + k, end=end,
                                     span_days=120 + horizon_days)
        checked = check_search(apps, end=end, horizon_days=horizon_days, draws=draws,
                               seed=seed + k).iloc[0]
        rows.append({"size": size, **{key: checked[key] for key in (
            "open", "expected", "low", "high", "p_at_least_one", "actual", "inside")}})
    return pd.DataFrame(rows)


def check_search(apps: pd.DataFrame, *, end: dt.date, horizon_days: int, draws: int = 2000,
                 seed: int = 0, channels: Mapping[str, str] | None = None,
                 by_channel: bool = True) -> pd.DataFrame:
    """The forecast made ``horizon_days`` before ``end`` on a search as its owner saw it then,
    against the offers its open applications had brought by ``end``: one row for the whole
    search (``channel`` "all") and one per channel with open applications, with ``open``,
    ``expected``, ``low``, ``high``, ``p_at_least_one``, ``actual`` and ``inside``. The
    table must hold what happened up to ``end``; ``by_channel=False`` checks the single
    stated prior instead."""
    then = end - dt.timedelta(days=horizon_days)
    forecast = channel_forecast(_as_seen(apps, then), as_of=then, channels=channels,
                                horizon_days=horizon_days, draws=draws, seed=seed,
                                by_channel=by_channel)
    table = forecast.by_application
    came = stage_codes(apps.loc[table["row"].to_numpy()]).to_numpy() >= Stage.OFFER
    decided = apps.loc[table["row"].to_numpy(), s.DECISION_DATE]
    came &= (decided.isna() | (decided <= pd.Timestamp(end))).to_numpy()
    rows = [{"channel": "all", "open": forecast.open, "expected": forecast.expected,
             "low": forecast.low, "high": forecast.high,
             "p_at_least_one": forecast.p_at_least_one, "actual": int(came.sum())}]
    for channel, chances in table.groupby("channel", sort=True)["chance"]:
        mine = (table["channel"] == channel).to_numpy()
        rows.append({"channel": channel, "open": len(chances),
                     "expected": float(chances.sum()), "low": None, "high": None,
                     "p_at_least_one": float(1 - np.prod(1 - chances.to_numpy())),
                     "actual": int(came[mine].sum())})
        rate = next((r for r in forecast.channels if r.channel == channel), None)
        if rate is not None:
            rows[-1].update(low=rate.low, high=rate.high, p_at_least_one=rate.p_at_least_one)
    result = pd.DataFrame(rows)
    result["inside"] = (result["low"] <= result["actual"]) & \
        (result["actual"] <= result["high"])
    return result


def calibration_summary(table: pd.DataFrame, *, bins: int = 5) -> tuple[float, pd.DataFrame]:
    """The share of searches whose 80% interval held the offers that came, and
    ``p_at_least_one`` against the share that got one, in ``bins`` bins of as many searches
    each (``searches``, ``predicted``, ``observed``, ``gap``)."""
    binned = pd.qcut(table["p_at_least_one"].rank(method="first"), bins, labels=False)
    by_bin = table.assign(got=table["actual"] > 0).groupby(binned, observed=True).agg(
        searches=("got", "size"), predicted=("p_at_least_one", "mean"),
        observed=("got", "mean"))
    by_bin["gap"] = by_bin["observed"] - by_bin["predicted"]
    return float(table["inside"].mean()), by_bin
