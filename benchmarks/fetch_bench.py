"""How fast does ``autonews digest`` fetch, and how does it compare with feedparser and newsboat?

    python benchmarks/fetch_bench.py [--feeds N] [--latency MS] [--corpus DIR]

Everything is measured in this run, against a threaded HTTP server on 127.0.0.1 started here:

a. N synthetic RSS feeds (20 items each), every request delayed by MS milliseconds, with ETag and
   Last-Modified (304 when If-None-Match, or else If-Modified-Since, matches). ``autonews digest
   --no-extract --format json`` runs as a subprocess on an empty store (cold) and again (warm); the
   server counts the warm run's conditional requests and 304 answers. The lower bound is
   requests x latency / concurrency, and (all feeds being on one host) requests x latency /
   per_host. Also timed: a cold digest with per_host raised to the concurrency, autonews's fetch
   stage alone in-process (cold, then warm), and ``autonews --help`` (median of 5).
b. The files of DIR (default ../shared/corpora/feeds200, read in place) served without delay:
   cold ``autonews digest --no-extract`` over all of them with the default 48 h window (the
   budget: faster than newsboat) and with ``--since all``, feedparser on the same bytes in-process
   (default options, then without sanitising and relative-URI resolution), autonews's own parser
   in-process, and ``newsboat -x reload`` with 16 reload threads when newsboat is installed.
c. Peak memory: each subprocess is reaped with ``os.wait4``, whose rusage is that child's own
   (ru_maxrss: the largest resident set of the child or of any descendant it waited for, such as
   the parse pool's workers), so no delta arithmetic over RUSAGE_CHILDREN is needed.

Subprocesses report wall and CPU (user + system) time; CPU time is the steadier figure when other
work shares the machine. The script prints the load average at its start and end.

Part a lives here, part b in corpus_bench.py; the server in loopback.py, the measured runs (and
newsboat's) in harness.py.
"""

from __future__ import annotations

import argparse
import email.utils
import os
import statistics
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
from benchmarks.corpus_bench import DEFAULT_CORPUS, bench_corpus  # noqa: E402
from benchmarks.harness import (  # noqa: E402
    HELP_RUNS,
    MEMORY,
    describe,
    digest_figures,
    help_seconds,
    print_memory,
    run_digest,
    write_config,
)
from benchmarks.loopback import (  # noqa: E402
    Doc,
    FeedServer,
    describe_tally,
    make_doc,
    serving,
    tally_figures,
)

# --- a. synthetic feeds with latency -------------------------------------------------------------

ITEMS_PER_FEED = 20
MAKERS = ("Toyota", "Volkswagen", "Ford", "BMW", "Hyundai", "Tesla", "Renault", "Honda", "BYD")
EVENTS = (
    "recalls {n:,} vehicles over faulty airbags",
    "unveils electric SUV with {n} km of range",
    "reports quarterly profit of ${n} million",
    "to cut {n:,} jobs in restructuring",
    "halts production at {n:,}-worker plant",
    "signs ${n} million battery deal with supplier",
    "raises prices by {n:,} euros",
)
STORIES = 400  # distinct events; each feed reports 20 of them, so outlets overlap as in real life


def synthetic_feed(index: int, now: datetime, base: str) -> bytes:
    items = []
    for j in range(ITEMS_PER_FEED):
        story = (index * 53 + j * 97) % STORIES
        maker = MAKERS[story % len(MAKERS)]
        event = EVENTS[(story // len(MAKERS)) % len(EVENTS)].format(n=1000 + story * 37)
        title = f"{maker} {event}"
        published = email.utils.format_datetime(now - timedelta(minutes=6 * story + index))
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/story/{story}</link>"
            f"<guid>{base}/story/{story}</guid><pubDate>{published}</pubDate>"
            f"<description>{escape(title)}, the company said on Monday.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Synthetic feed {index}</title><link>{base}/</link>"
        f"<description>benchmark</description>{''.join(items)}</channel></rss>"
    ).encode()


def synthetic_docs(count: int, latency: float, now: datetime) -> dict[str, Doc]:
    return {
        f"/synth/{i}.xml": make_doc(
            synthetic_feed(i, now, f"https://synthetic.example/{i}"),
            "application/rss+xml; charset=utf-8",
            latency,
            now - timedelta(hours=1),
        )
        for i in range(count)
    }


def time_fetch_stage(urls: Sequence[str], validators: dict[str, tuple[str, str]]) -> float:
    """autonews's fetch stage alone, in-process: no interpreter start, parsing or storing."""
    from autonews.fetch import FetchRequest, fetch_all

    requests = [FetchRequest(url, *validators.get(url, (None, None))) for url in urls]
    started = time.perf_counter()
    results = fetch_all(requests, FetchConfig())
    seconds = time.perf_counter() - started
    for result in results:
        if result.etag and result.last_modified:
            validators[result.url] = (result.etag, result.last_modified)
    return seconds


def cold_and_warm(urls: Sequence[str], server: FeedServer) -> dict[str, Any]:
    """Two digests on one store: the first fills it, the second should be all 304s."""
    figures = {}
    with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
        home = Path(tmp)
        write_config(home, urls)
        for key, label in (
            ("cold", "cold digest (empty store)"),
            ("warm", "warm digest (second run)"),
        ):
            result = run_digest(home)
            tally = server.take_tally()
            print(f"{label + ':':<28}{describe(result)}")
            print(f"    {describe_tally(tally)}")
            MEMORY.append((f"synthetic {label}", result.run))
            figures[key] = digest_figures(result, tally)
    return figures


def print_lower_bound(count: int, latency: float) -> dict[str, Any]:
    config = FetchConfig()
    in_flight = min(config.concurrency, config.per_host)  # every feed is on 127.0.0.1
    print(
        f"lower bound: {count} requests x {latency * 1000:g} ms / {config.concurrency} "
        f"(concurrency) = {count * latency / config.concurrency:.3f} s\n"
        f"    but every feed is on one host and per_host = {config.per_host}: "
        f"{count * latency / in_flight:.3f} s"
    )
    return {
        "concurrency": config.concurrency,
        "per_host": config.per_host,
        "seconds": count * latency / config.concurrency,
        "one_host_seconds": count * latency / in_flight,
    }


def wide_open(urls: Sequence[str], server: FeedServer) -> dict[str, Any]:
    """A cold digest with per_host raised to the global concurrency."""
    concurrency = FetchConfig().concurrency
    with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
        home = Path(tmp)
        write_config(home, urls, {"per_host": concurrency})
        result = run_digest(home)
    server.take_tally()
    print(f"cold digest, per_host = {concurrency}: {describe(result)}")
    return {"per_host": concurrency, **digest_figures(result)}


def fetch_stage_only(urls: Sequence[str], server: FeedServer) -> dict[str, Any]:
    validators: dict[str, tuple[str, str]] = {}
    cold = time_fetch_stage(urls, validators)
    server.take_tally()
    warm = time_fetch_stage(urls, validators)
    tally = server.take_tally()
    print(
        f"fetch stage alone (autonews.fetch.fetch_all in-process, defaults): cold {cold:.3f} s, "
        f"warm {warm:.3f} s\n    warm: {describe_tally(tally)}"
    )
    return {"cold": cold, "warm": warm, "warm_tally": tally_figures(tally)}


def bench_synthetic(
    count: int,
    latency_ms: float,
    *,
    help_runs: int = HELP_RUNS,
    wide: bool = True,
    stage: bool = True,
) -> dict[str, Any]:
    """Part a. Prints as it goes and returns the figures; ``help_runs=0``, ``wide=False`` or
    ``stage=False`` leave out ``autonews --help``, the per_host-raised run or the fetch stage."""
    latency = latency_ms / 1000
    figures: dict[str, Any] = {
        "feeds": count,
        "items_per_feed": ITEMS_PER_FEED,
        "latency_ms": latency_ms,
    }
    print(f"== a. {count} synthetic feeds x {ITEMS_PER_FEED} items, {latency_ms:g} ms per request")
    if help_runs:
        times = help_seconds(help_runs)
        figures["help"] = {"runs": times, "median": statistics.median(times)}
        print(f"autonews --help, median of {help_runs}: {statistics.median(times):.3f} s")
    with serving(synthetic_docs(count, latency, datetime.now(UTC))) as server:
        urls = [server.base + path for path in server.docs]
        figures.update(cold_and_warm(urls, server))
        figures["lower_bound"] = print_lower_bound(count, latency)
        if wide:
            figures["wide_open"] = wide_open(urls, server)
        if stage:
            figures["fetch_stage"] = fetch_stage_only(urls, server)
    return figures


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=100, help="synthetic feeds (default 100)")
    parser.add_argument(
        "--latency", type=float, default=50.0, help="ms added to each request (default 50)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="feed files to serve")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (other work on the machine skews timings)")
    bench_synthetic(args.feeds, args.latency)
    if args.corpus.is_dir():
        bench_corpus(args.corpus)
    else:
        print(f"\ncorpus {args.corpus} not found: part b skipped")
    print_memory()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nbenchmark wall time: {time.perf_counter() - started:.1f} s; load average {load}")


if __name__ == "__main__":
    main()
