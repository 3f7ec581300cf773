"""A farm of news sites that looks like a real subscription list: cold and warm digests with
article extraction against their lower bound, and without extraction against newsboat.

    python benchmarks/farm_bench.py [--sites N] [--items N] [--latency MS] [--repeat N]
                                    [--before DIR]

SITES sites, each on its own loopback address (127.0.0.1, 127.0.0.2, ...: distinct hosts to the
client, so per-host limits do not serialise them), each with one RSS feed of ITEMS items dated in
the last hours, every item linking to an article page on its site. The pages are the benchmark's
article pages (benchmarks/pages, 52 of them, taken in turn). Every response is delayed by MS
milliseconds. Measured in this run, each figure the best of N (the machine is shared):

- cold: ``autonews digest --format json`` on an empty store (feeds, pages, extraction, classify,
  cluster, render) as a subprocess;
- warm: the same again on that store (feeds answer 304, pages are cached);
- cold ``--no-extract`` on an empty store, and ``newsboat -x reload`` (as many threads as
  autonews's ``concurrency``) on the feeds;
- the lower bound of the cold run: plain ``trafilatura.extract`` on the same pages in this process
  (warmed up, CPU time) divided over the cores, plus requests x latency / concurrency.

``--before DIR`` also runs the autonews of the checkout in DIR (an earlier commit), turn about with
this one, so that old and new are timed side by side under the same load.
"""

from __future__ import annotations

import argparse
import email.utils
import html
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from autonews.config import FetchConfig  # noqa: E402
from benchmarks.harness import (  # noqa: E402
    MEMORY,
    NEWSBOAT_THREADS,
    Run,
    child_env,
    newsboat_version,
    run_autonews,
    run_newsboat,
    write_config,
)
from benchmarks.loopback import (  # noqa: E402
    FeedServer,
    Tally,
    describe_tally,
    make_doc,
    serving_hosts,
    take_tallies,
)

SITES = 30
ITEMS = 10
LATENCY_MS = 50.0
PAGES = Path(__file__).resolve().parent / "pages"
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def article_pages(folder: Path = PAGES) -> list[tuple[str, str]]:
    """(headline, html) of every page in ``folder``, in name order."""
    pages = []
    for path in sorted(folder.glob("*.html")):
        text = path.read_text("utf-8")
        found = _TITLE.search(text)
        title = html.unescape(found.group(1)).split(" | ")[0].strip() if found else path.stem
        pages.append((title, text))
    return pages


def fill_site(
    server: FeedServer,
    site: int,
    items: int,
    pages: Sequence[tuple[str, str]],
    latency: float,
    now: datetime,
) -> list[str]:
    """Put a feed and its article pages on ``server``; returns the pages' HTML, in item order."""
    entries, served = [], []
    for j in range(items):
        number = site * items + j
        title, page = pages[number % len(pages)]
        path = f"/news/{site}/{j}-{number % len(pages)}.html"
        server.docs[path] = make_doc(page.encode(), "text/html; charset=utf-8", latency, now)
        served.append(page)
        published = email.utils.format_datetime(now - timedelta(minutes=7 * number + 3))
        link = server.base + path
        entries.append(
            f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{published}</pubDate><description>{escape(title)}.</description></item>"
        )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Site {site}</title><link>{server.base}/</link><description>farm</description>"
        + "".join(entries)
        + "</channel></rss>"
    )
    server.docs["/feed.xml"] = make_doc(
        feed.encode(), "application/rss+xml; charset=utf-8", latency, now - timedelta(hours=1)
    )
    return served


def plain_trafilatura_cpu(pages: Sequence[str]) -> float:
    """CPU seconds of ``trafilatura.extract`` on every page in this process, warmed up first."""
    import trafilatura

    for page in pages[:3]:
        trafilatura.extract(page)
    started = time.process_time()
    for page in pages:
        trafilatura.extract(page)
    return time.process_time() - started


def digest(home: Path, before: Path | None, *extra: str) -> Run:
    env = child_env(AUTONEWS_HOME=str(home))
    return run_autonews(["digest", "--format", "json", *extra], env, before)


def runs_of(
    urls: Sequence[str], servers: list[FeedServer], before: Path | None
) -> tuple[dict[str, Run], dict[str, Tally]]:
    """One cold and one warm digest with extraction, one cold without (each on a fresh store),
    and what the servers saw of the first two."""
    runs: dict[str, Run] = {}
    tallies: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory(prefix="farm-bench-") as tmp:
        home = Path(tmp)
        write_config(home, urls)
        for key in ("cold", "warm"):
            runs[key] = digest(home, before)
            tallies[key] = take_tallies(servers)
    with tempfile.TemporaryDirectory(prefix="farm-bench-") as tmp:
        home = Path(tmp)
        write_config(home, urls)
        runs["no_extract"] = digest(home, before, "--no-extract")
        take_tallies(servers)
    return runs, tallies


def run_dict(run: Run) -> dict[str, Any]:
    ok = run.returncode in (0, 1) and run.stdout.lstrip().startswith("{")
    return {
        "seconds": run.seconds,
        "cpu": run.cpu,
        "max_rss_kb": run.max_rss_kb,
        "returncode": run.returncode,
        "ok": ok,
        **({} if ok else {"failure": (run.stderr.strip().splitlines() or ["no output"])[-1]}),
    }


def best(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of several runs, with every run's seconds beside it."""
    chosen = min(runs, key=lambda r: (not r["ok"], r["seconds"]))
    return {**chosen, "all": [r["seconds"] for r in runs]}


def measure(
    sites: int = SITES,
    items: int = ITEMS,
    latency_ms: float = LATENCY_MS,
    repeat: int = 3,
    before: Path | None = None,
) -> dict[str, Any]:
    """The figures printed by this script, as a dict."""
    latency = latency_ms / 1000
    now = datetime.now(UTC)
    pages = article_pages()
    builds: dict[str, Path | None] = {"autonews": None, **({"before": before} if before else {})}
    taken: dict[str, dict[str, list[dict[str, Any]]]] = {name: {} for name in builds}
    newsboat: list[dict[str, Any]] = []
    print(
        f"== farm: {sites} sites on {sites} loopback addresses, one feed of {items} items each, "
        f"{sites * items} article pages, {latency_ms:g} ms per response"
    )
    with serving_hosts(sites) as servers:
        served = [
            page
            for site, server in enumerate(servers)
            for page in fill_site(server, site, items, pages, latency, now)
        ]
        urls = [server.base + "/feed.xml" for server in servers]
        for turn in range(repeat):
            for name, source in builds.items():
                runs, tallies = runs_of(urls, servers, source)
                for key, run in runs.items():
                    taken[name].setdefault(key, []).append(run_dict(run))
                    MEMORY.append((f"farm {name} {key}", run))
                    print(
                        f"  {name:<9} {key:<11} {run.seconds:6.2f} s wall, {run.cpu:5.2f} s CPU, "
                        f"{run.max_rss_kb / 1024:4.0f} MB, exit {run.returncode}"
                    )
                if turn == 0:
                    for key, tally in tallies.items():
                        print(f"    {key}: {describe_tally(tally)}")
            row = run_newsboat(urls, servers)
            if row is not None:
                newsboat.append({"seconds": row.seconds, "cpu": row.cpu, "entries": row.entries})
    extraction = plain_trafilatura_cpu(served)
    cores = os.cpu_count() or 1
    config = FetchConfig()
    requests = sites * (items + 1)
    network = requests * latency / config.concurrency
    figures: dict[str, Any] = {
        "sites": sites,
        "items": items,
        "pages": len(served),
        "latency_ms": latency_ms,
        "repeat": repeat,
        "cores": cores,
        "trafilatura_cpu": extraction,
        "concurrency": config.concurrency,
        "network_seconds": network,
        "lower_bound": extraction / cores + network,
        "newsboat": min(newsboat, key=lambda r: r["seconds"]) if newsboat else None,
        "newsboat_all": [r["seconds"] for r in newsboat],
        "newsboat_version": newsboat_version(),
        "newsboat_threads": NEWSBOAT_THREADS,
    }
    for name, measured in taken.items():
        figures[name] = {key: best(values) for key, values in measured.items()}
    print_summary(figures)
    return figures


def print_summary(f: dict[str, Any]) -> None:
    bound = f["lower_bound"]
    print(
        f"lower bound {bound:.2f} s: plain trafilatura {f['trafilatura_cpu']:.2f} s CPU / "
        f"{f['cores']} cores + {f['sites'] * (f['items'] + 1)} requests x "
        f"{f['latency_ms']:g} ms / {f['concurrency']} = {f['network_seconds']:.2f} s"
    )
    newsboat = f["newsboat"]
    for name in ("autonews", "before"):
        if name not in f:
            continue
        runs = f[name]
        line = (
            f"{name}: cold {runs['cold']['seconds']:.2f} s ({runs['cold']['seconds'] / bound:.2f}x "
            f"the bound), warm {runs['warm']['seconds']:.2f} s, --no-extract "
            f"{runs['no_extract']['seconds']:.2f} s"
        )
        if newsboat:
            line += f" ({runs['no_extract']['seconds'] / newsboat['seconds']:.2f}x newsboat)"
        print(line + " (best of each)")
    if newsboat:
        print(f"newsboat -x reload: {newsboat['seconds']:.2f} s (best of {len(f['newsboat_all'])})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=SITES)
    parser.add_argument("--items", type=int, default=ITEMS)
    parser.add_argument("--latency", type=float, default=LATENCY_MS, help="ms per response")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    parser.add_argument("--before", type=Path, help="also time the autonews checkout in DIR")
    args = parser.parse_args(argv)
    measure(args.sites, args.items, args.latency, args.repeat, args.before)


if __name__ == "__main__":
    main()
