"""How cost grows with the feed list and with the store.

    python benchmarks/scale_bench.py [--feeds N,...] [--store N,...] [--quick]

a. Feeds: N synthetic RSS feeds (default 250, 500, 1,000 and 2,000), ten per host on N/10
   loopback addresses (127.0.0.1 ...), 20 items each, one a day (so about two per feed fall in the
   default 48 h window), served without added latency. For each N, on an empty store: a cold
   ``autonews digest --no-extract --format json``, a warm one (every feed answers 304) and an
   ``--offline`` one; then ``newsboat -x reload`` (as many threads as autonews's concurrency)
   on the same feeds, cold and warm.
b. Store: the first 200 of those feeds, with the store filled beforehand with older items (21 to
   89 days old, inside the 90 days kept) up to S items in all (default 25,000 to 200,000): a cold,
   a warm and an ``--offline`` digest. What a run reads is its window, through indexes, so warm
   and offline runs should cost the same whatever the store holds.

Every run is a subprocess timed with its own rusage (wall, CPU, peak memory: ``os.wait4``). The
growth lines compare the largest size with the smallest: time and memory per feed, and whether
memory grows linearly or better (twice the feeds, at most twice the memory).
"""

from __future__ import annotations

import argparse
import email.utils
import itertools
import sqlite3
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

from benchmarks.fetch_bench import EVENTS, MAKERS  # noqa: E402
from benchmarks.harness import (  # noqa: E402
    NEWSBOAT_THREADS,
    Run,
    child_env,
    newsboat_counts,
    newsboat_version,
    run_autonews,
    run_measured,
    write_config,
)
from benchmarks.loopback import FeedServer, make_doc, serving_hosts, take_tallies  # noqa: E402

FEED_SIZES = (250, 500, 1000, 2000)
STORE_SIZES = (25_000, 50_000, 100_000, 200_000)
STORE_FEEDS = 200
ITEMS = 20
FEEDS_PER_HOST = 10
STORIES = 600  # distinct events the feeds report, so that outlets overlap as in real life
RUN_TIMEOUT = 300.0


def item_title(story: int) -> str:
    maker = MAKERS[story % len(MAKERS)]
    event = EVENTS[(story // len(MAKERS)) % len(EVENTS)].format(n=1000 + story * 37)
    return f"{maker} {event}"


def feed_document(index: int, now: datetime, base: str) -> bytes:
    """Feed ``index``: 20 items, one a day, the newest ``index`` x 37 minutes old (mod 24 h)."""
    offset = timedelta(minutes=(index * 37) % (24 * 60))
    items = []
    for j in range(ITEMS):
        story = (index * 53 + j * 97) % STORIES
        title = item_title(story)
        published = email.utils.format_datetime(now - offset - timedelta(days=j))
        link = f"{base}/{index}/{j}"
        items.append(
            f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{published}</pubDate><description>{escape(title)}, the company said."
            "</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Scale feed {index}</title><link>{base}/</link><description>scale</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve_feeds(servers: Sequence[FeedServer], count: int, now: datetime) -> list[str]:
    """Put ``count`` feeds on the servers, FEEDS_PER_HOST each; their URLs, host by host."""
    urls = []
    for index in range(count):
        server = servers[index // FEEDS_PER_HOST]
        path = f"/feeds/{index}.xml"
        body = feed_document(index, now, f"https://site{index}.example")
        modified = now - timedelta(hours=1)
        server.docs[path] = make_doc(body, "application/rss+xml; charset=utf-8", 0.0, modified)
        urls.append(server.base + path)
    return urls


def fill_store(home: Path, urls: Sequence[str], total: int, now: datetime) -> float:
    """Older items for ``urls`` until the store would hold ``total`` with the feeds' own 20 each;
    returns the seconds it took. (Written through the Store, as runs would have left them.)"""
    from autonews.config import FeedConfig
    from autonews.models import ParsedEntry
    from autonews.store import Store

    per_feed = max(0, total // len(urls) - ITEMS)
    started = time.perf_counter()
    span = timedelta(days=68) / max(1, per_feed)
    with Store(home / "data" / "autonews.sqlite3") as store:
        for index, url in enumerate(urls):
            entries = []
            for j in range(per_feed):
                published = now - timedelta(days=21) - span * j
                link = f"https://site{index}.example/old/{j}"
                title = item_title((index * 31 + j * 7) % STORIES) + f" ({j})"
                entries.append(ParsedEntry(title, link, link, f"{title}.", published))
            store.add_entries(FeedConfig(url), entries, published_of(entries, now))
    return time.perf_counter() - started


def published_of(entries: Sequence[Any], now: datetime) -> datetime:
    """When a run would have first seen these entries: just after the newest was published."""
    return max((e.published for e in entries), default=now) + timedelta(minutes=5)


def store_items(home: Path) -> int:
    with sqlite3.connect(home / "data" / "autonews.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM items").fetchone()[0])


def run_figures(run: Run) -> dict[str, Any]:
    return {
        "seconds": run.seconds,
        "cpu": run.cpu,
        "max_rss_kb": run.max_rss_kb,
        "returncode": run.returncode,
        "ok": run.returncode in (0, 1) and run.stdout.lstrip().startswith("{"),
    }


def digests(home: Path, source: Path | None = None) -> dict[str, Any]:
    """Cold, warm and offline digests on the store in ``home``."""
    env = child_env(AUTONEWS_HOME=str(home))
    out = {}
    for key, extra in (("cold", []), ("warm", []), ("offline", ["--offline"])):
        args = ["digest", "--no-extract", "--format", "json", *extra]
        run = run_autonews(args, env, source, timeout=RUN_TIMEOUT)
        out[key] = run_figures(run)
        line = f"    {key:<8}{run.seconds:7.2f} s wall {run.cpu:6.2f} s CPU "
        print(line + f"{run.max_rss_kb / 1024:5.0f} MB  exit {run.returncode}")
    return out


def newsboat_runs(urls: Sequence[str], servers: Sequence[FeedServer]) -> dict[str, Any] | None:
    """``newsboat -x reload`` twice on one cache: cold, then warm."""
    import shutil

    exe = shutil.which("newsboat")
    if exe is None:
        return None
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="scale-newsboat-") as tmp:
        work = Path(tmp)
        (work / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
        (work / "config").write_text(f"reload-threads {NEWSBOAT_THREADS}\n", encoding="utf-8")
        cmd = [exe, "-q", "-u", str(work / "urls"), "-c", str(work / "cache.db")]
        cmd += ["-C", str(work / "config"), "-x", "reload"]
        for key in ("cold", "warm"):
            run = run_measured(cmd, child_env(HOME=str(work)), timeout=RUN_TIMEOUT)
            tally = take_tallies(servers)
            entries, read = newsboat_counts(work / "cache.db")
            out[key] = {**run_figures(run), "entries": entries, "feeds": len(read)}
            out[key]["ok"] = run.returncode == 0 and entries > 0
            print(
                f"    newsboat {key:<5}{run.seconds:6.2f} s wall {run.cpu:6.2f} s CPU "
                f"{run.max_rss_kb / 1024:5.0f} MB  {tally.requests} requests, "
                f"{tally.not_modified} answered 304"
            )
    return out


def bench_feeds(sizes: Sequence[int], servers: Sequence[FeedServer], now: datetime) -> list[Any]:
    rows = []
    for count in sizes:
        urls = serve_feeds(servers, count, now)
        hosts = -(-count // FEEDS_PER_HOST)
        print(f"  {count} feeds on {hosts} hosts x {ITEMS} items")
        with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
            home = Path(tmp)
            write_config(home, urls)
            runs = digests(home)
            items = store_items(home)
        take_tallies(servers)
        rows.append(
            {
                "feeds": count,
                "hosts": hosts,
                "items": items,
                **runs,
                "newsboat": newsboat_runs(urls, servers),
            }
        )
    return rows


def bench_store(sizes: Sequence[int], servers: Sequence[FeedServer], now: datetime) -> list[Any]:
    rows = []
    urls = serve_feeds(servers, STORE_FEEDS, now)
    for total in sizes:
        with tempfile.TemporaryDirectory(prefix="scale-store-") as tmp:
            home = Path(tmp)
            write_config(home, urls)
            seconds = fill_store(home, urls, total, now)
            print(f"  store of {total:,} items, {STORE_FEEDS} feeds (filled in {seconds:.1f} s)")
            runs = digests(home)
            items = store_items(home)
        take_tallies(servers)
        rows.append({"store_items": items, "feeds": STORE_FEEDS, **runs})
    return rows


def growth(rows: Sequence[dict[str, Any]], size_key: str) -> dict[str, Any]:
    """Largest against smallest: how much each run's time and memory grew for the size's
    growth, and memory per unit of size (the marginal cost)."""
    small, large = rows[0], rows[-1]
    factor = large[size_key] / small[size_key]
    out: dict[str, Any] = {"size_factor": factor}
    for key in ("cold", "warm", "offline"):
        a, b = small[key], large[key]
        extra_kb = b["max_rss_kb"] - a["max_rss_kb"]
        out[key] = {
            "time_factor": b["seconds"] / a["seconds"],
            "cpu_factor": b["cpu"] / a["cpu"] if a["cpu"] else None,
            "memory_factor": b["max_rss_kb"] / a["max_rss_kb"],
            "kb_per_unit": extra_kb / (large[size_key] - small[size_key]),
            # linear or better: doubling the size at most doubles the memory, step by step
            "linear_or_better": all(
                r2[key]["max_rss_kb"] / r1[key]["max_rss_kb"] <= r2[size_key] / r1[size_key] + 1e-9
                for r1, r2 in itertools.pairwise(rows)
            ),
        }
    return out


def print_growth(label: str, grown: dict[str, Any]) -> None:
    print(f"  {label}: size x{grown['size_factor']:.0f}")
    for key in ("cold", "warm", "offline"):
        g = grown[key]
        print(
            f"    {key:<8} time x{g['time_factor']:.2f}, memory x{g['memory_factor']:.2f} "
            f"({g['kb_per_unit']:.1f} KB more per unit; "
            f"{'linear or better' if g['linear_or_better'] else 'MORE THAN LINEAR'})"
        )


def measure(
    feed_sizes: Sequence[int] = FEED_SIZES, store_sizes: Sequence[int] = STORE_SIZES
) -> dict[str, Any]:
    now = datetime.now(UTC)
    hosts = -(-max([*feed_sizes, STORE_FEEDS]) // FEEDS_PER_HOST)
    print(f"== scale: feeds on up to {hosts} loopback hosts, then a growing store")
    with serving_hosts(hosts) as servers:
        feeds = bench_feeds(feed_sizes, servers, now)
        stores = bench_store(store_sizes, servers, now)
    figures: dict[str, Any] = {
        "items_per_feed": ITEMS,
        "feeds_per_host": FEEDS_PER_HOST,
        "feeds": feeds,
        "store": stores,
        "newsboat_version": newsboat_version(),
        "newsboat_threads": NEWSBOAT_THREADS,
    }
    if len(feeds) > 1:
        figures["feeds_growth"] = growth(feeds, "feeds")
        print_growth("feeds", figures["feeds_growth"])
    if len(stores) > 1:
        figures["store_growth"] = growth(stores, "store_items")
        print_growth("store", figures["store_growth"])
    return figures


def sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--feeds", type=sizes, default=list(FEED_SIZES), help="feed counts")
    parser.add_argument("--store", type=sizes, default=list(STORE_SIZES), help="store sizes")
    args = parser.parse_args(argv)
    measure(args.feeds, args.store)


if __name__ == "__main__":
    main()
