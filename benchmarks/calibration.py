"""Calibration of the forecast on simulated searches (benchmarks/searches.py), by channel and
beside the single stated prior of before, at 30, 60 and 90 days.

    python benchmarks/calibration.py --searches 300

For each search of each generator, the forecast is made 30, 60 and 90 days before its end on
the tracker as its owner saw it then (``analysis.forecast.validation.check_search``), once
with the published figures by channel and once with the single prior, and compared with the
offers its open applications brought by the end. ``section_lines`` turns the results into
the tables of RESULTS.md's "Forecast" section (benchmarks/forecast.py writes it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from searches import GENERATORS  # noqa: E402

from analysis.forecast import CHANNEL_LABELS
from analysis.forecast.validation import check_search

END = dt.date(2026, 6, 30)
HORIZONS = (30, 60, 90)
PRIORS = {"channels": True, "single": False}
PRIOR_NAMES = {"channels": "by channel", "single": "single prior (before)"}
DRAWS = 2000
MIN_BIN = 20  # searches in a fifth for its gap to count


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
    return {"searches": len(table), "coverage": float(table["inside"].mean()),
            "worst": float(counted["gap"].abs().max()) if len(counted) else np.nan,
            "expected": expected / max(len(table), 1), "actual": actual / max(len(table), 1),
            "ratio": expected / actual if actual else np.nan}


def _summary_row(label: str, values: dict[str, float]) -> str:
    worst = "-" if np.isnan(values["worst"]) else f"{values['worst']:.2f}"
    ratio = "-" if np.isnan(values["ratio"]) else f"{values['ratio'] - 1:+.0%}"
    return (f"| {label} | {values['searches']} | {values['coverage']:.0%} | {worst} | "
            f"{values['expected']:.2f} | {values['actual']:.2f} | {ratio} |")


SUMMARY_HEAD = ["| | searches | 80% interval held | worst fifth's gap | offers expected | "
                "offers realised | expected vs realised |", "|---|---|---|---|---|---|---|"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--generators", default=",".join(GENERATORS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--save", default="")
    options = parser.parse_args()
    frames = [run(name, options.searches, workers=options.workers)
              for name in options.generators.split(",")]
    results = pd.concat(frames, ignore_index=True)
    if options.save:
        results.to_csv(options.save, index=False)
    for name in options.generators.split(","):
        print(f"\n## {name}\n")
        print("\n".join(section_lines(results[results["generator"] == name])))


if __name__ == "__main__":
    main()
