"""Benchmarks: import, analysis functions, page scripts, chart sizes and memory, by data size.

    python benchmarks/run.py --sizes 1000,10000,100000

Writes benchmarks/RESULTS.md with the machine, the versions and the date. Times are medians of
several runs in one process; not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl
import pandas as pd

from analysis import charts, followups, forecast, generate_applications, load_applications, offers
from analysis import interviews as iv
from analysis.interviews import linking
from analysis.model import filters
from analysis.model.store import Workspace
from analysis.outputs import report_book, report_page, reports
from analysis.outputs.roundtrip import to_workbook
from analysis.sample import generate_interviews, sample_offers, write_sample_csv
from analysis.stats import metrics, rates

END = dt.date(2026, 11, 20)
FINDINGS = "## Findings"
PAGES = ["pages/overview.py", "pages/response_times.py", "pages/outcomes.py",
         "pages/follow_ups.py", "pages/interviews.py", "pages/offers.py", "pages/plan.py",
         "pages/data.py", "pages/mail.py", "pages/reports.py"]
JOURNAL_PAGES = ["pages/overview.py", "pages/follow_ups.py", "pages/interviews.py",
                 "pages/reports.py"]
INTERVIEW_SHARE = 0.3  # interviews per application in the benchmark (30,000 at 100,000)


def median_time(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def benchmark_journal(apps: pd.DataFrame, size: int) -> pd.DataFrame:
    """The sample journal of these applications, with later rounds added until there are
    ``INTERVIEW_SHARE`` interviews per application."""
    journal = generate_interviews(apps, seed=1, end=END)
    wanted = int(size * INTERVIEW_SHARE)
    extra = []
    while len(journal) + sum(len(e) for e in extra) < wanted and len(journal):
        step = len(extra) + 1
        more = journal.sample(min(len(journal), wanted - len(journal)), random_state=step)
        extra.append(more.assign(date=more["date"] + pd.Timedelta(days=3 * step),
                                 round=more["round"] + step))
    return pd.concat([journal, *extra], ignore_index=True).head(max(wanted, len(journal)))


def xlsx_bytes(apps: pd.DataFrame) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Applications")
    labelled = apps.rename(columns=lambda c: c.replace("_", " ").capitalize())
    sheet.append(list(labelled.columns))
    for row in labelled.itertuples(index=False):
        sheet.append([None if (not isinstance(v, str) and pd.isna(v)) else
                      (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PAGE_RUNNER = """
import json, pathlib, statistics, sys, tempfile, time
from streamlit.testing.v1 import AppTest
pages = sys.argv[2:]
results = {}
for page in pages:  # a throwaway session first: module imports are not the page's cost
    AppTest.from_file(sys.argv[1], default_timeout=600).switch_page(page).run()
for page in pages:
    # A new session per page: its first run reads the workspace and computes everything
    # (cold; the median of three new sessions, each with results of its own); the reruns
    # that follow find the results computed for this data (warm).
    colds = []
    for _ in range(3):
        at = AppTest.from_file(sys.argv[1], default_timeout=600)
        at.switch_page(page)
        started = time.perf_counter()
        at.run()
        colds.append(time.perf_counter() - started)
        assert not at.exception, (page, at.exception)
    cold = statistics.median(colds)
    warm = []
    for _ in range(3):
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    results[page] = {"cold": cold, "warm": statistics.median(warm)}
# What a new AppTest session costs whatever the page (a one-line script): part of every cold
# number above, paid once per server in the real app.
tiny = pathlib.Path(tempfile.mkdtemp()) / "tiny.py"
tiny.write_text("import streamlit as st\\nst.write(1)\\n")
sessions = []
for _ in range(3):
    at = AppTest.from_file(str(tiny), default_timeout=600)
    started = time.perf_counter()
    at.run()
    sessions.append(time.perf_counter() - started)
results["session"] = statistics.median(sessions)
print(json.dumps(results))
"""

FILTER_RUNNER = """
import json, sys, time
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=600)
at.run()
generation = 0
times = []
for choice in (["rejected"], ["applied"], ["rejected", "applied"]):
    started = time.perf_counter()
    at.sidebar.multiselect(key=f"filter_statuses_{generation}").set_value(choice).run()
    times.append(time.perf_counter() - started)
assert not at.exception
print(json.dumps({"filter_change": sorted(times)[1]}))
"""

# VmHWM is this program's own peak; ru_maxrss would include the forking parent's size.
MEMORY_RUNNER = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=600)
at.run()
assert not at.exception
print(next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM:")) / 1024)
"""


def run_script(code: str, workspace: Path, *args: str) -> str:
    env = {**os.environ, "JOBSEARCH_WORKSPACE": str(workspace), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "dashboard.py"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return done.stdout.strip().splitlines()[-1]


def bench(size: int, repeat: int, folder: Path) -> dict[str, object]:
    print(f"size {size:,}", flush=True)
    apps = generate_applications(size, seed=1, end=END)
    csv = write_sample_csv(apps)
    xlsx = xlsx_bytes(apps)
    result: dict[str, object] = {"size": size, "csv_mb": len(csv) / 1e6, "xlsx_mb": len(xlsx) / 1e6}
    timing: dict[str, float] = {}
    timing["import csv (load_applications)"] = median_time(
        lambda: load_applications(csv, name="a.csv"), repeat)
    timing["import csv (pd.read_csv)"] = median_time(lambda: pd.read_csv(io.BytesIO(csv)), repeat)
    timing["import xlsx (load_applications)"] = median_time(
        lambda: load_applications(xlsx, name="a.xlsx"), repeat)
    timing["import xlsx (pd.read_excel calamine)"] = median_time(
        lambda: pd.read_excel(io.BytesIO(xlsx), engine="calamine"), repeat)
    timing["import xlsx (pd.read_excel openpyxl)"] = median_time(
        lambda: pd.read_excel(io.BytesIO(xlsx), engine="openpyxl"), 1 if size > 10_000 else repeat)
    journal = benchmark_journal(apps, size)
    result["interviews"] = len(journal)
    # The dashboard's own download: job links as hyperlinks on every row, with and without the
    # Interviews sheet (the cost of reading links, and of reading the journal).
    linked = to_workbook(apps, headers=[], column_map={})
    with_journal = to_workbook(apps, headers=[], column_map={}, interviews=journal)
    timing["import xlsx, a link on every row"] = median_time(
        lambda: load_applications(linked, name="a.xlsx"), repeat)
    timing["import xlsx, links and Interviews sheet"] = median_time(
        lambda: load_applications(with_journal, name="a.xlsx"), repeat)

    loaded = load_applications(csv, name="a.csv").applications
    offer_table = offers.prepare_offers(offers.offers_table(loaded, sample_offers(loaded)))
    functions: dict[str, Callable[[], object]] = {
        "filter_applications": lambda: filters.filter_applications(
            loaded, filters.Filters(statuses=("applied", "rejected"), text="analyst")),
        "kpis": lambda: metrics.kpis(loaded, as_of=END),
        "funnel_counts": lambda: metrics.funnel_counts(loaded),
        "outcome_flows": lambda: metrics.outcome_flows(loaded, as_of=END),
        "weekly_activity": lambda: metrics.weekly_activity(loaded, as_of=END),
        "response_curve (by source)": lambda: metrics.response_curve(loaded, as_of=END,
                                                                      by="source"),
        "response_logrank": lambda: metrics.response_logrank(loaded, as_of=END, by="source"),
        "rate_table (by source)": lambda: rates.rate_table(loaded, by="source",
                                                          outcome="interview", as_of=END),
        "cohorts": lambda: rates.cohorts(loaded, as_of=END),
        "due_follow_ups": lambda: followups.due_follow_ups(loaded, as_of=END),
        "due_follow_ups (with interviews)": lambda: followups.due_follow_ups(
            loaded, as_of=END, interviews=journal),
        "link interviews (not kept)": lambda: linking._link(journal, loaded),
        "recurring_questions": lambda: iv.recurring_questions(journal),
        "round_progression": lambda: iv.round_progression(journal, loaded, as_of=END),
        "funnel_counts (with interviews)": lambda: metrics.funnel_counts(loaded, journal),
        "score_offers": lambda: offers.score_offers(offer_table, offers.DEFAULT_CRITERIA),
        "pipeline_forecast (5,000 draws)": lambda: forecast.pipeline_forecast(loaded,
                                                                              as_of=END),
    }
    for name, function in functions.items():
        timing[name] = median_time(function, repeat)
    # Exports are built when the user asks for one; once is enough at the largest size.
    content = reports.build_report(loaded, as_of=END, offers=sample_offers(loaded))
    exports: dict[str, Callable[[], object]] = {
        "build_report (content)": lambda: reports.build_report(
            loaded, as_of=END, offers=sample_offers(loaded)),
        "report_workbook (xlsx)": lambda: report_book.report_workbook(content),
        "report_html": lambda: report_page.report_html(content),
    }
    for name, function in exports.items():
        timing[name] = median_time(function, 1 if size > 10_000 else repeat)
    result["export_mb"] = {"xlsx": len(report_book.report_workbook(content)) / 1e6,
                           "html": len(report_page.report_html(content)) / 1e6}
    result["timing"] = timing

    figures = {
        "funnel": charts.funnel_chart(metrics.funnel_counts(loaded)),
        "flows": charts.flow_chart(metrics.outcome_flows(loaded, as_of=END)),
        "activity": charts.activity_chart(metrics.weekly_activity(loaded, as_of=END)),
        "response curve by source": charts.response_curve_chart(
            metrics.response_curve(loaded, as_of=END, by="source")),
        "rates by source": charts.rate_chart(rates.rate_table(
            loaded, by="source", outcome="response", as_of=END), outcome="response",
            by_label="Source"),
        "cohorts": charts.cohort_chart(rates.cohorts(loaded, as_of=END), outcome="response"),
    }
    result["chart_kb"] = {name: len(figure.to_json()) / 1024 for name, figure in figures.items()}

    workspace = folder / f"workspace-{size}.sqlite3"
    in_step = iv.with_latest_interviews(journal, loaded)
    Workspace(workspace).save(in_step, offers=sample_offers(loaded), kind="import",
                              description="benchmark", expected=None, interviews=journal)
    result["pages"] = json.loads(run_script(PAGE_RUNNER, workspace, *PAGES))
    result["filter_change"] = json.loads(run_script(FILTER_RUNNER, workspace))["filter_change"]
    # The same data without the Interviews sheet (the journal then comes from each
    # application's interview date): what the sheet itself costs the pages it feeds.
    plain = folder / f"workspace-{size}-no-journal.sqlite3"
    Workspace(plain).save(in_step, offers=sample_offers(loaded), kind="import",
                          description="benchmark", expected=None)
    result["no_journal"] = json.loads(run_script(PAGE_RUNNER, plain, *JOURNAL_PAGES))
    result["no_journal"]["filter_change"] = json.loads(
        run_script(FILTER_RUNNER, plain))["filter_change"]
    result["overview_rss_mb"] = float(run_script(MEMORY_RUNNER, workspace))
    return result


def versions() -> str:
    from importlib import metadata

    import numpy
    import plotly
    import pyarrow
    import streamlit
    import xlsxwriter

    return (f"Python {platform.python_version()}, pandas {pd.__version__}, numpy "
            f"{numpy.__version__}, streamlit {streamlit.__version__}, plotly "
            f"{plotly.__version__}, pyarrow {pyarrow.__version__}, xlsxwriter "
            f"{xlsxwriter.__version__}, openpyxl {openpyxl.__version__}, python-calamine "
            f"{metadata.version('python-calamine')}")


def report(results: list[dict[str, object]]) -> str:
    lines = ["# Benchmark results", "",
             f"Run on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} with "
             f"`python benchmarks/run.py --sizes {','.join(str(r['size']) for r in results)}`.",
             f"Machine: {platform.platform()}, {os.cpu_count()} cores. {versions()}.", "",
             "Times in seconds (medians); sizes are numbers of applications.", ""]
    sizes = [r["size"] for r in results]
    header = "| step | " + " | ".join(f"{s:,}" for s in sizes) + " |"
    rule = "|---|" + "---|" * len(sizes)
    lines += ["## Import and analysis functions", "", header, rule]
    for step in results[0]["timing"]:
        lines.append(f"| {step} | " + " | ".join(f"{r['timing'][step]:.3f}" for r in results)
                     + " |")
    lines += ["", "## Page scripts (AppTest, whole script) and a filter change", "",
              "First visit in a new session (cold: reads the workspace, computes everything; "
              "the median of three new sessions) "
              "and a rerun of the same page (warm: results computed for this data are reused, "
              "see `ui/cache.py`). A filter change is always cold.", "", header, rule]
    for page in PAGES:
        for kind in ("cold", "warm"):
            lines.append(f"| {page} ({kind}) | " + " | ".join(
                f"{r['pages'][page][kind]:.3f}" for r in results) + " |")
    lines.append("| a new AppTest session running a one-line script (harness overhead in every "
                 "cold number) | " + " | ".join(f"{r['pages']['session']:.3f}" for r in results)
                 + " |")
    lines.append("| filter change on the overview | "
                 + " | ".join(f"{r['filter_change']:.3f}" for r in results) + " |")
    lines += ["", "The pages the journal feeds, on the same applications saved without the "
              "Interviews sheet (the journal then comes from each application's interview "
              "date), cold:", "", header, rule]
    for page in JOURNAL_PAGES:
        lines.append(f"| {page}, no Interviews sheet | " + " | ".join(
            f"{r['no_journal'][page]['cold']:.3f}" for r in results) + " |")
    lines.append("| filter change on the overview, no Interviews sheet | " + " | ".join(
        f"{r['no_journal']['filter_change']:.3f}" for r in results) + " |")
    lines += ["", "## Chart JSON sent to the browser (KB)", "", header, rule]
    for chart in results[0]["chart_kb"]:
        lines.append(f"| {chart} | " + " | ".join(f"{r['chart_kb'][chart]:.1f}" for r in results)
                     + " |")
    lines += ["", "## Peak memory (RSS, MB) of a process rendering the overview", "", header,
              rule, "| overview | " + " | ".join(f"{r['overview_rss_mb']:.0f}" for r in results)
              + " |", ""]
    lines += ["## Targets", ""]
    for r in results:
        t = r["timing"]
        csv_ratio = t["import csv (load_applications)"] / t["import csv (pd.read_csv)"]
        xlsx_ratio = (t["import xlsx (load_applications)"]
                      / t["import xlsx (pd.read_excel calamine)"])
        speedup = t["import xlsx (pd.read_excel openpyxl)"] / t["import xlsx (load_applications)"]
        links = t["import xlsx, a link on every row"] / t["import xlsx (load_applications)"]
        journal = (t["import xlsx, links and Interviews sheet"]
                   / t["import xlsx, a link on every row"])
        lines.append(f"- {r['size']:,} applications with {r['interviews']:,} interviews: a link "
                     f"on every row costs {links:.2f}x the plain xlsx import (target at most "
                     f"1.2x); the Interviews sheet adds {journal - 1:.0%} (target at most 20%).")
        pages = {k: v for k, v in r["pages"].items() if k.startswith("pages/")}
        cold = max(pages.items(), key=lambda kv: kv[1]["cold"])
        warm = max(pages.items(), key=lambda kv: kv[1]["warm"])
        lines.append(
            f"- {r['size']:,}: import overhead CSV {csv_ratio:.2f}x the bare parser, XLSX "
            f"{xlsx_ratio:.2f}x; {speedup:.1f}x faster than openpyxl; slowest page "
            f"{cold[1]['cold']:.2f} s cold ({cold[0]}; "
            f"{cold[1]['cold'] - r['pages']['session']:.2f} s without the harness's new-session "
            f"cost), {warm[1]['warm']:.2f} s warm "
            f"({warm[0]}); filter change {r['filter_change']:.2f} s; largest chart "
            f"{max(r['chart_kb'].values()):.0f} KB; overview RSS {r['overview_rss_mb']:.0f} MB; "
            f"Excel report {r['export_mb']['xlsx']:.1f} MB, HTML report "
            f"{r['export_mb']['html']:.1f} MB.")
    if len(results) >= 2:
        small, large = results[-2], results[-1]
        growth = {k: large["timing"][k] / max(small["timing"][k], 1e-9) for k in large["timing"]}
        for page in PAGES:
            for kind in ("cold", "warm"):
                growth[f"{page} ({kind})"] = (large["pages"][page][kind]
                                             / max(small["pages"][page][kind], 1e-9))
        growth["filter change"] = large["filter_change"] / max(small["filter_change"], 1e-9)
        worst = sorted(growth, key=growth.get, reverse=True)[:3]
        lines.append(f"- Growth {small['size']:,} -> {large['size']:,} (target at most 12x): "
                     "largest " + ", ".join(f"{k} x{growth[k]:.1f}" for k in worst) + ".")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = [bench(int(size), options.repeat, Path(folder))
                   for size in options.sizes.split(",")]
    out = Path(options.out)
    # The hand-written findings (profiles, before and after) below the generated tables stay.
    kept = out.read_text().split(FINDINGS, 1) if out.exists() else []
    out.write_text(report(results) + (f"\n{FINDINGS}{kept[1]}" if len(kept) == 2 else ""))
    print(Path(options.out).read_text())


if __name__ == "__main__":
    main()
