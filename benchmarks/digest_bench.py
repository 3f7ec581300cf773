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
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime

from autonews.demo import demo_feeds, demo_root, fill_placeholders, serve_demo


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, timeout=300)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr.decode()[-500:]}")
    return elapsed


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    colds, warms = [], []
    with serve_demo() as base:
        feeds = [arg for feed in demo_feeds(base) for arg in ("--feed", feed.url)]
        command = [sys.executable, "-m", "autonews", "digest", *feeds, "--format", "json"]
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as home:
                env = {**os.environ, "AUTONEWS_HOME": home}
                colds.append(timed(command, env))
                warms.append(timed(command, env))
        extraction, pages = trafilatura_seconds(base)
    help_times = [
        timed([sys.executable, "-m", "autonews", "--help"], dict(os.environ)) for _ in range(5)
    ]
    bound = extraction / cores
    print(
        f"demo data: {len(feeds) // 2} feeds, {pages} article pages, {cores} cores, "
        f"median of {args.repeat} runs"
    )
    print(f"cold digest with extraction:  {statistics.median(colds):.2f} s")
    print(
        f"lower bound:                  {bound:.2f} s (plain trafilatura {extraction:.2f} s "
        f"CPU / {cores} cores + requests x latency / concurrency = 0 on loopback)"
    )
    print(f"warm digest (all cached):     {statistics.median(warms):.2f} s")
    print(f"autonews --help:              {statistics.median(help_times):.3f} s")


if __name__ == "__main__":
    main()
