"""A cold digest with article extraction against its lower bound, and a warm one.

    python benchmarks/digest_bench.py [--repeat N]

The demo's feeds and article pages (autonews/demo_data: 4 feeds, 41 pages) are served from a
loopback server started here. Measured in the same run:

- cold: ``autonews digest --format json`` on an empty store (fetch, parse, extract, classify,
  cluster, render), as a subprocess;
- warm: the same again (pages cached, feeds unchanged);
- the lower bound of the cold run: plain ``trafilatura.extract`` on the same pages in this
  process, divided over the cores, plus requests x latency / concurrency (0 here: loopback);
- ``autonews --help``.

Each subprocess is reaped with ``os.wait4``, so its peak memory (ru_maxrss) is known too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from autonews.demo import demo_feeds, demo_root, fill_placeholders, serve_demo  # noqa: E402
from benchmarks.harness import Run, autonews_cmd, run_measured  # noqa: E402

RUN_TIMEOUT = 300.0


def measured(command: list[str], env: dict[str, str]) -> Run:
    """Wall seconds and peak memory of ``command``; exits when it fails."""
    run = run_measured(command, env, timeout=RUN_TIMEOUT)
    if run.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {run.stderr[-500:]}")
    return run


def timed(command: list[str], env: dict[str, str]) -> float:
    return measured(command, env).seconds


def trafilatura_seconds(base: str) -> tuple[float, int]:
    """CPU seconds plain trafilatura needs for the demo's pages, in this process."""
    import trafilatura

    now = datetime.now(UTC)
    pages = [
        fill_placeholders(page.read_text("utf-8"), base, now)
        for page in demo_root().joinpath("pages").iterdir()
        if page.name.endswith(".html") and page.name != "index.html"
    ]
    trafilatura.extract(pages[0])  # imports and caches warmed, as in a running worker
    started = time.process_time()
    for html in pages:
        trafilatura.extract(html)
    return time.process_time() - started, len(pages)


def measure(repeat: int = 3, help_runs: int = 5) -> dict[str, Any]:
    """The figures this script prints, as a dict (``help_runs=0`` leaves out ``--help``)."""
    cores = os.cpu_count() or 1
    colds: list[Run] = []
    warms: list[Run] = []
    with serve_demo() as base:
        feeds = [feed.url for feed in demo_feeds(base)]
        args = [arg for url in feeds for arg in ("--feed", url)]
        command = [*autonews_cmd(), "digest", *args, "--format", "json"]
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as home:
                env = {**os.environ, "AUTONEWS_HOME": home}
                colds.append(measured(command, env))
                warms.append(measured(command, env))
        extraction, pages = trafilatura_seconds(base)
    help_times = [
        timed([sys.executable, "-m", "autonews", "--help"], dict(os.environ))
        for _ in range(help_runs)
    ]
    return {
        "feeds": len(feeds),
        "pages": pages,
        "cores": cores,
        "repeat": repeat,
        "cold": [run.seconds for run in colds],
        "warm": [run.seconds for run in warms],
        "cold_median": statistics.median(run.seconds for run in colds),
        "warm_median": statistics.median(run.seconds for run in warms),
        "cold_max_rss_kb": max(run.max_rss_kb for run in colds),
        "warm_max_rss_kb": max(run.max_rss_kb for run in warms),
        "trafilatura_cpu": extraction,
        "lower_bound": extraction / cores,
        "help": help_times,
        "help_median": statistics.median(help_times) if help_times else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    figures = measure(args.repeat)
    cores, extraction = figures["cores"], figures["trafilatura_cpu"]
    print(
        f"demo data: {figures['feeds']} feeds, {figures['pages']} article pages, {cores} cores, "
        f"median of {args.repeat} runs"
    )
    print(f"cold digest with extraction:  {figures['cold_median']:.2f} s")
    print(
        f"lower bound:                  {figures['lower_bound']:.2f} s (plain trafilatura "
        f"{extraction:.2f} s CPU / {cores} cores + requests x latency / concurrency = 0 on "
        "loopback)"
    )
    print(f"warm digest (all cached):     {figures['warm_median']:.2f} s")
    print(f"autonews --help:              {figures['help_median']:.3f} s")


if __name__ == "__main__":
    main()
