"""The network thread's CPU per request: the farm's requests through the run's fetch session alone.

    python benchmarks/fetch_cpu.py [--sites N] [--items N] [--latency MS] [--rounds N]
                                   [--profile FILE] [--warm] [--code DIR]

The farm of farm_bench.py (SITES sites on their own loopback addresses, a feed of ITEMS items
each, every item an article page) is served by a child process, so that this process holds
only the client: :class:`autonews.fetch_session.FetchSession` fetching every feed and, as each
feed arrives, its items' pages (as a digest does), ROUNDS times. Printed: the CPU (user + system)
of this process during the rounds, per round and per request, the network thread's own
(``time.thread_time`` on it) and the instructions of the whole process when run under
cachegrind (compare ``--rounds 0`` and ``--rounds N``: the difference is the requests' own):

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python benchmarks/fetch_cpu.py --rounds 3

``--warm`` sends each round's feed requests with the ETag the first round got (answered 304),
and no pages after the first round, as a warm digest does. ``--profile FILE`` writes the
network thread's cProfile statistics (read them with ``python -m pstats FILE``).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import queue
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))


def serve(sites: int, items: int, latency: float) -> None:
    """The child: the farm, its feeds' URLs on stdout (one a line, then a blank one), served
    until stdin closes."""
    from benchmarks.farm_bench import article_pages, fill_site
    from benchmarks.loopback import serving_hosts

    pages = article_pages()
    now = datetime.now(UTC)
    with serving_hosts(sites) as servers:
        for number, server in enumerate(servers):
            fill_site(server, number, items, pages, latency, now)
            print(server.base + "/feed.xml", flush=True)
        print(flush=True)
        sys.stdin.read()


def page_links(body: bytes) -> list[str]:
    import re

    return [link.decode() for link in re.findall(rb"<link>(http[^<]+\.html)</link>", body)]


def one_round(
    session: Any,
    results: queue.SimpleQueue[Any],
    feeds: list[str],
    etags: dict[str, str],
    pages: bool,
    keep_etags: bool,
) -> int:
    """Every feed, and (when ``pages``) the pages each one links to as it arrives; the number
    of requests."""
    from autonews.fetch import FetchRequest

    for url in feeds:
        session.submit("feed", url, FetchRequest(url, etag=etags.get(url)))
    waiting, requests = len(feeds), len(feeds)
    while waiting:
        done = results.get(timeout=60)
        waiting -= 1
        if done.result.error:
            raise SystemExit(f"{done.result.url}: {done.result.error}")
        if done.kind != "feed":
            continue
        if done.result.etag and keep_etags:
            etags[done.key] = done.result.etag
        if pages and done.result.body:
            for link in page_links(done.result.body):
                session.submit("page", link, FetchRequest(link, accept="text/html"))
                waiting += 1
                requests += 1
    return requests


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=30)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.0, help="ms before each answer")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warm", action="store_true")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--code", type=Path, help="measure the autonews of this checkout")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.code:
        sys.path.insert(0, str(args.code.resolve()))
    if args.serve:
        serve(args.sites, args.items, args.latency / 1000)
        return

    from autonews.config import FetchConfig
    from autonews.fetch_session import FetchSession

    server = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            "--sites",
            str(args.sites),
            "--items",
            str(args.items),
            "--latency",
            str(args.latency),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stdin is not None
    feeds = list(iter(server.stdout.readline, "\n"))
    feeds = [url.strip() for url in feeds]
    thread_cpu: list[float] = []
    profiler = cProfile.Profile(time.thread_time) if args.profile else None
    original_run = FetchSession._run

    def measured_run(self: FetchSession) -> None:  # the network thread's own CPU, and profile
        started = time.thread_time()
        if profiler is not None:
            profiler.enable()
        try:
            original_run(self)
        finally:
            if profiler is not None:
                profiler.disable()
            thread_cpu.append(time.thread_time() - started)

    FetchSession._run = measured_run  # type: ignore[method-assign]
    results: queue.SimpleQueue[Any] = queue.SimpleQueue()
    etags: dict[str, str] = {}
    config = FetchConfig(allow_private=True)
    try:
        before = os.times()
        with FetchSession(config, results) as session:
            requests = 0
            for number in range(args.rounds):
                requests += one_round(
                    session,
                    results,
                    feeds,
                    etags,
                    pages=not args.warm or number == 0,
                    keep_etags=args.warm,
                )
        after = os.times()
    finally:
        server.stdin.close()
        server.wait()
    cpu = (after.user - before.user) + (after.system - before.system)
    threads = threading.active_count()
    import autonews

    print(f"autonews of {Path(autonews.__file__).parent.parent}")
    print(
        f"{args.rounds} rounds, {requests} requests ({args.sites} sites, latency "
        f"{args.latency:g} ms{', warm' if args.warm else ''}; {threads} threads left)"
    )
    if requests:
        print(
            f"process CPU {cpu:.3f} s ({cpu / requests * 1000:.3f} ms a request); network "
            f"thread {thread_cpu[0]:.3f} s ({thread_cpu[0] / requests * 1000:.3f} ms a request)"
        )
    if profiler is not None:
        profiler.dump_stats(args.profile)
        print(f"profile: {args.profile}")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
