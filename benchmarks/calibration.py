"""Calibration of the forecast on simulated searches (benchmarks/searches.py), by channel and
beside the single stated prior of before, at 30, 60 and 90 days.

    python benchmarks/calibration.py --searches 200 --out benchmarks/RESULTS.md

For each search of each generator, the forecast is made 30, 60 and 90 days before its end on
the tracker as its owner saw it then (``analysis.forecast.validation.check_search``), once
with the published figures by channel and once with the single prior, and compared with the
offers its open applications brought by the end. ``section_lines`` turns the results into
the tables of RESULTS.md's "Forecast by channel" section, which ``--out`` writes. Not part of
the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from searches import GENERATORS  # noqa: E402
from sections import replace_section  # noqa: E402

from analysis.forecast import CHANNEL_LABELS
from analysis.forecast.validation import check_search

END = dt.date(2026, 6, 30)
HORIZONS = (30, 60, 90)
PRIORS = {"channels": True, "single": False}
PRIOR_NAMES = {"channels": "by channel", "single": "single prior (before)"}
DRAWS = 2000
MIN_BIN = 20  # searches in a fifth for its gap to count
HEADING = "## Forecast by channel"
TARGETS = {"coverage": (0.75, 0.90), "worst": 0.10, "ratio": 0.10}
GENERATOR_NAMES = {"ranges": "the published ranges (`ranges_search`)",
                   "archetypes": "the stand-in for a hidden process (`archetype_search`)"}


def check_one(job: tuple[str, int]) -> list[dict[str, object]]:
    """Every horizon and prior on one search: rows of ``check_search`` with the generator,
    search, horizon and prior."""
    name, seed = job
    apps, _ = GENERATORS[name](seed, end=END)
    rows = []
    for horizon in HORIZONS:
        for prior, by_channel in PRIORS.items():
            table = check_search(apps, end=END, horizon_days=horizon, draws=DRAWS, seed=seed,
                                 by_channel=by_channel)
            rows += [{"generator": name, "search": seed, "horizon": horizon, "prior": prior,
                      **row} for row in table.to_dict("records")]
    return rows


def run(name: str, searches: int, *, seed: int = 0, workers: int = 2) -> pd.DataFrame:
    jobs = [(name, seed + k) for k in range(searches)]
    with ProcessPoolExecutor(workers) as pool:
        rows = [row for result in pool.map(check_one, jobs, chunksize=4) for row in result]
    return pd.DataFrame(rows)


def fifths(table: pd.DataFrame) -> pd.DataFrame:
    """``p_at_least_one`` against the share that got one, in five bins of as many searches
    (only searches with something open)."""
    table = table[table["open"] > 0]
    if len(table) < 5:
        return pd.DataFrame(columns=["searches", "predicted", "observed", "gap"])
    binned = pd.qcut(table["p_at_least_one"].rank(method="first"), 5, labels=False)
    by_bin = table.assign(got=table["actual"] > 0).groupby(binned, observed=True).agg(
        searches=("got", "size"), predicted=("p_at_least_one", "mean"),
        observed=("got", "mean"))
    by_bin["gap"] = by_bin["observed"] - by_bin["predicted"]
    return by_bin


def summary(table: pd.DataFrame) -> dict[str, float]:
    """Coverage of the 80% interval, the worst gap of a fifth with ``MIN_BIN`` searches or
    more, offers expected and realised per search, and expected against realised."""
    table = table[table["open"] > 0]
    bins = fifths(table)
    counted = bins[bins["searches"] >= MIN_BIN]
    expected, actual = table["expected"].sum(), table["actual"].sum()
    # Searches resampled: how far expected against realised moves by which searches came.
    rng = np.random.default_rng(0)
    picks = rng.integers(0, len(table), (1000, len(table))) if len(table) else \
        np.zeros((1000, 0), dtype=int)
    sums = table["actual"].to_numpy()[picks].sum(axis=1)
    ratios = table["expected"].to_numpy()[picks].sum(axis=1) / np.where(sums > 0, sums, np.nan)
    low, high = np.nanquantile(ratios, [0.05, 0.95]) if np.isfinite(ratios).any() else \
        (np.nan, np.nan)
    return {"searches": len(table), "coverage": float(table["inside"].mean()),
            "worst": float(counted["gap"].abs().max()) if len(counted) else np.nan,
            "expected": expected / max(len(table), 1), "actual": actual / max(len(table), 1),
            "ratio": expected / actual if actual else np.nan, "ratio_low": float(low),
            "ratio_high": float(high)}


def _summary_row(label: str, values: dict[str, float]) -> str:
    worst = "-" if np.isnan(values["worst"]) else f"{values['worst']:.2f}"
    ratio = "-" if np.isnan(values["ratio"]) else (
        f"{values['ratio'] - 1:+.0%} ({values['ratio_low'] - 1:+.0%} to "
        f"{values['ratio_high'] - 1:+.0%})")
    return (f"| {label} | {values['searches']} | {values['coverage']:.0%} | {worst} | "
            f"{values['expected']:.2f} | {values['actual']:.2f} | {ratio} |")


SUMMARY_HEAD = ["| | searches | 80% interval held | worst fifth's gap | offers expected | "
                "offers realised | expected vs realised (90% interval over searches) |",
                "|---|---|---|---|---|---|---|"]


def section_lines(results: pd.DataFrame) -> list[str]:
    """RESULTS.md's tables for one generator's results: overall and per channel, by horizon
    and prior, then the fifths of the overall forecast."""
    lines: list[str] = []
    for horizon in HORIZONS:
        at = results[results["horizon"] == horizon]
        lines += [f"**Within {horizon} days**", "", *SUMMARY_HEAD]
        for channel in ["all", *CHANNEL_LABELS]:
            for prior in PRIORS:
                rows = at[(at["channel"] == channel) & (at["prior"] == prior)]
                if rows.empty:
                    continue
                name = "all channels" if channel == "all" else CHANNEL_LABELS[channel]
                lines.append(_summary_row(f"{name}, {PRIOR_NAMES[prior]}", summary(rows)))
        lines += ["", "| fifth | searches | by channel: predicted | observed | gap | "
                  "single prior: predicted | observed | gap |", "|---|---|---|---|---|---|---|---|"]
        ours = fifths(at[(at["channel"] == "all") & (at["prior"] == "channels")])
        theirs = fifths(at[(at["channel"] == "all") & (at["prior"] == "single")])
        for i, (a, b) in enumerate(zip(ours.itertuples(), theirs.itertuples(), strict=False)):
            lines.append(f"| {i + 1} | {a.searches} | {a.predicted:.2f} | {a.observed:.2f} | "
                         f"{a.gap:+.2f} | {b.predicted:.2f} | {b.observed:.2f} | {b.gap:+.2f} |")
        lines.append("")
    return lines


def _met(name: str, value: float) -> str:
    if np.isnan(value):
        return "-"
    if name == "coverage":
        low, high = TARGETS["coverage"]
        return f"{value:.0%} {'met' if low <= value <= high else '**missed**'}"
    if name == "ratio":
        return f"{value - 1:+.0%} {'met' if abs(value - 1) <= TARGETS['ratio'] else '**missed**'}"
    return f"{value:.2f} {'met' if value <= TARGETS['worst'] else '**missed**'}"


def targets_lines(results: pd.DataFrame) -> list[str]:
    """One row per generator, horizon and prior: the three targets, met or missed."""
    lines = ["| generator | within | prior | 80% interval held (0.75-0.90) | worst fifth's gap "
             "(0.10) | expected vs realised (10%) |", "|---|---|---|---|---|---|"]
    for name in GENERATORS:
        for horizon in HORIZONS:
            for prior in PRIORS:
                rows = results[(results["generator"] == name) & (results["horizon"] == horizon)
                               & (results["prior"] == prior) & (results["channel"] == "all")]
                if rows.empty:
                    continue
                values = summary(rows)
                lines.append(f"| {name} | {horizon} days | {PRIOR_NAMES[prior]} | "
                             f"{_met('coverage', values['coverage'])} | "
                             f"{_met('worst', values['worst'])} | "
                             f"{_met('ratio', values['ratio'])} |")
    return lines


def write_section(path: Path, results: pd.DataFrame, *, searches: int, seconds: float,
                  seed: int = 0) -> None:
    """RESULTS.md's "Forecast by channel" section from the results of both generators."""
    section = [
        HEADING, "",
        f"Run on {time.strftime('%Y-%m-%d %H:%M')} with `python benchmarks/calibration.py "
        f"--searches {searches}{f' --seed {seed}' if seed else ''} --out "
        f"benchmarks/RESULTS.md` on {os.cpu_count()} cores "
        f"({seconds / 60:.0f} minutes).", "",
        f"{searches} simulated searches from each of two generators (`benchmarks/searches.py`, "
        "built apart from the forecast's code, the published ranges copied into it). "
        "`ranges`: every true rate drawn uniformly from its channel's published range, "
        "channel shares from a typical search's, lognormal delays, a steady or rising pace. "
        "`archetypes`, the stand-in for a hidden process: one of four kinds of search "
        "(boards, targeted company sites, networker, approached by recruiters) with its own "
        "channel mix, rates correlated across stages and channels through the person's "
        "strength (a Gaussian copula onto triangular distributions), gamma delays that wait "
        "for an employer's weekly review with a long tail, one to three interview rounds, "
        "applications in bursts, replies sometimes not written down, dated ghosting and "
        "withdrawals, sources in four languages and 'Other'. The forecast is made 30, 60 and "
        "90 days before each search's end on the tracker as its owner saw it then, once with "
        "the published figures by channel (the product) and once with the single prior of "
        "before (45% reply, 40% interview, a third offer), on the same searches, and "
        "compared with the offers its open applications brought by the end. Channels are "
        "the forecast's reading of the sources (an unrecognised source is 'Unknown').", "",
        "Targets: the 80% interval holds the realised number in 75-90% of searches; the "
        "chance of at least one offer within 0.10 of the observed share in every fifth "
        f"with {MIN_BIN} searches or more; offers expected within 10% of those realised. "
        "With 40 searches a fifth, the observed share's own sampling error is about "
        "±0.08 (one standard error at 0.5); the interval beside expected vs realised is the "
        "5-95% range over searches resampled, so a miss inside it may be chance.", "",
        "### Targets (all channels)", "", *targets_lines(results), ""]
    for name in GENERATORS:
        rows = results[results["generator"] == name]
        if rows.empty:
            continue
        section += [f"### Searches from {GENERATOR_NAMES[name]}", "", *section_lines(rows)]
    replace_section(path, HEADING, section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--generators", default=",".join(GENERATORS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0, help="the first search's seed")
    parser.add_argument("--save", default="", help="keep every row as CSV")
    parser.add_argument("--load", default="", help="tables from a saved CSV, not a new run")
    parser.add_argument("--out", default="", help="write the section into this RESULTS.md")
    options = parser.parse_args()
    started = time.perf_counter()
    if options.load:
        results = pd.read_csv(options.load)
    else:
        frames = [run(name, options.searches, seed=options.seed, workers=options.workers)
                  for name in options.generators.split(",")]
        results = pd.concat(frames, ignore_index=True)
    seconds = time.perf_counter() - started
    if options.save:
        results.to_csv(options.save, index=False)
    print("\n".join(targets_lines(results)))
    for name in options.generators.split(","):
        print(f"\n## {name}\n")
        print("\n".join(section_lines(results[results["generator"] == name])))
    if options.out:
        write_section(Path(options.out), results, searches=options.searches, seconds=seconds,
                      seed=options.seed)


if __name__ == "__main__":
    main()
