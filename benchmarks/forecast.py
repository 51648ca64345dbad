"""The pipeline forecast: speed at 1,000 to 100,000 applications, and calibration on simulated
searches with known rates.

    python benchmarks/forecast.py --searches 300

Times ``pipeline_forecast`` (5,000 draws) and ``applications_needed`` on generated searches,
then runs ``analysis.forecast.calibration``: the forecast made 60 and 90 days before the end of
each simulated search (the sample generator, in sizes of 60, 150 and 300 applications) against
the offers that came. The figures replace the "Forecast" section of benchmarks/RESULTS.md;
not part of the test suite (the suite checks the calibration on 300 searches itself).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import median_time  # noqa: E402
from sections import replace_section  # noqa: E402

from analysis import forecast as fc
from analysis.sample import generate_applications

HEADING = "## Forecast"
END = dt.date(2026, 11, 20)
TARGETS = {10_000: 0.3, 100_000: 2.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    rows = []
    for size in sizes:
        apps = generate_applications(size, seed=3, end=END, span_days=365)
        forecast = fc.pipeline_forecast(apps, as_of=END)
        seconds = median_time(lambda apps=apps: fc.pipeline_forecast(
            apps, as_of=END, draws=5000), 3)
        needed = median_time(lambda apps=apps: fc.applications_needed(
            apps, as_of=END, by_date=END + dt.timedelta(days=120)), 3)
        target = TARGETS.get(size)
        rows.append(f"| {size:,} | {forecast.open:,} | {seconds:.3f} | "
                    f"{target if target else '-'} | {needed:.3f} |")
        print(rows[-1], flush=True)
    section = [
        HEADING, "",
        f"Run on {time.strftime('%Y-%m-%d %H:%M')} with `python benchmarks/forecast.py "
        f"--searches {options.searches}` on {os.cpu_count()} cores.", "",
        "### Speed", "",
        "Searches generated over a year; median of three runs, in seconds.", "",
        "| applications | open | `pipeline_forecast` (5,000 draws) | target | "
        "`applications_needed` (120 days) |", "|---|---|---|---|---|", *rows, "",
        "### Calibration", "",
        f"{options.searches} simulated searches from the sample generator (whose rates are "
        "known), a third each of 60, 150 and 300 applications over 120 days plus the horizon. "
        "The forecast is made on each search as its owner saw it at the start of the horizon "
        "(a ghosting or withdrawal without a date, which the generator decides knowing that no "
        "reply ever came, counts as still waiting), and compared with the offers that came "
        "by the end. Targets: the 80% interval holds the realised number 75-85% of the time; "
        "`p_at_least_one` within 0.1 of the observed share in each of five bins of equal "
        "size.", ""]
    for horizon in (60, 90):
        started = time.perf_counter()
        table = fc.calibration(options.searches, horizon_days=horizon)
        coverage, bins = fc.calibration_summary(table)
        by_size = table.groupby("size").agg(inside=("inside", "mean"),
                                            expected=("expected", "mean"),
                                            actual=("actual", "mean"))
        section += [
            f"**Horizon {horizon} days** ({time.perf_counter() - started:.0f} s): the 80% "
            f"interval held the offers that came in **{coverage:.1%}** of searches; "
            f"{table['expected'].mean():.2f} offers expected on average against "
            f"{table['actual'].mean():.2f} realised.", "",
            "| searches' size | interval held | offers expected | offers realised |",
            "|---|---|---|---|",
            *(f"| {size} | {row.inside:.0%} | {row.expected:.2f} | {row.actual:.2f} |"
              for size, row in by_size.iterrows()), "",
            "| bin | searches | predicted chance of an offer | observed share | gap |",
            "|---|---|---|---|---|",
            *(f"| {i + 1} | {row.searches} | {row.predicted:.2f} | {row.observed:.2f} | "
              f"{row.gap:+.2f} |" for i, row in enumerate(bins.itertuples())), ""]
        print(section[-12:], flush=True)
    replace_section(Path(options.out), HEADING, section)
    print("\n".join(section))


if __name__ == "__main__":
    main()
