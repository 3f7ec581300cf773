"""Part b of the fetch benchmark: the files of a corpus (default ../shared/corpora/feeds200, read
in place) served without delay: cold ``autonews digest --no-extract`` over all of them with the
default 48 h window (the budget: faster than newsboat) and with ``--since all``, feedparser on the
same bytes in-process (default options, then without sanitising and relative-URI resolution),
autonews's own parser in-process, and ``newsboat -x reload`` when newsboat is installed.

Run by ``python -m benchmarks --only corpus`` and ``python benchmarks/fetch_bench.py``."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from autonews.config import FetchConfig
from benchmarks.harness import (
    MEMORY,
    NEWSBOAT_THREADS,
    DigestRun,
    Row,
    describe,
    digest_figures,
    newsboat_version,
    run_digest,
    run_newsboat,
    write_config,
)
from benchmarks.loopback import Doc, FeedServer, describe_tally, make_doc, serving

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "feeds200"


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_file())


def corpus_docs(files: Sequence[Path], now: datetime) -> dict[str, Doc]:
    docs = {}
    for path in files:
        body = path.read_bytes()
        kind = "application/json" if body.lstrip()[:1] == b"{" else "application/xml"
        docs[f"/corpus/{path.name}"] = make_doc(body, kind, 0.0, now - timedelta(hours=1))
    return docs


def time_feedparser(bodies: Sequence[bytes], **options: bool) -> Row:
    import feedparser

    started, cpu = time.perf_counter(), time.process_time()
    parsed = [feedparser.parse(body, **options) for body in bodies]
    seconds = time.perf_counter() - started
    label = "feedparser.parse" + (" (no sanitize, no relative URIs)" if options else " (default)")
    return Row(
        label,
        seconds,
        time.process_time() - cpu,
        sum(len(p.entries) for p in parsed),
        sum(bool(p.entries) for p in parsed),
        "in-process, parse only",
    )


def time_autonews_parser(bodies: Sequence[bytes], content_types: Sequence[str]) -> Row:
    from autonews.errors import FeedParseError
    from autonews.parse import parse_feed

    entries = feeds = 0
    started, cpu = time.perf_counter(), time.process_time()
    for body, kind in zip(bodies, content_types, strict=True):
        try:
            entries += len(parse_feed(body, kind).entries)
            feeds += 1
        except FeedParseError:
            pass
    return Row(
        "autonews.parse.parse_feed",
        time.perf_counter() - started,
        time.process_time() - cpu,
        entries,
        feeds,
        "in-process, parse only, no item cap",
    )


def ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.2f}x" if reference else "-"


def print_table(rows: Sequence[Row], newsboat: Row | None) -> None:
    wall, cpu = (newsboat.seconds, newsboat.cpu) if newsboat else (None, None)
    print(
        f"{'tool':<48} {'wall s':>7} {'CPU s':>7} {'entries':>7} {'feeds':>5} "
        f"{'wall/nb':>7} {'CPU/nb':>7}  note"
    )
    for row in rows:
        print(
            f"{row.tool:<48} {row.seconds:7.2f} {row.cpu:7.2f} {row.entries:7d} {row.feeds:5d} "
            f"{ratio(row.seconds, wall):>7} {ratio(row.cpu, cpu):>7}  {row.note}"
        )


def feedparser_verdict(body: bytes) -> str:
    import feedparser

    parsed = feedparser.parse(body)
    bozo = f", bozo: {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
    return f"feedparser: {len(parsed.entries)} entries, version {parsed.get('version')!r}{bozo}"


def digest_corpus(
    urls: Sequence[str], server: FeedServer, source: Path | None = None, name: str = "autonews"
) -> list[tuple[str, DigestRun]]:
    """Cold runs: the default 48 h window (what a user runs, and the budget against newsboat),
    then ``--since all`` (every entry classified and clustered)."""
    runs = []
    for extra in ([], ["--since", "all"]):
        with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
            home = Path(tmp)
            write_config(home, urls)
            result = run_digest(home, *extra, source=source)
        label = " ".join([f"{name} digest", *extra]) + " (cold)"
        print(f"{label + ':':<52}{describe(result)}")
        print(f"    {describe_tally(server.take_tally())}")
        MEMORY.append((label, result.run))
        runs.append((label, result))
    return runs


def fastest(turns: Sequence[list[tuple[str, DigestRun]]]) -> list[tuple[str, DigestRun]]:
    """Of several turns of the same runs, the fastest of each (a failed run only if all did)."""
    return [
        min(same, key=lambda pair: (not pair[1].ok, pair[1].run.seconds))
        for same in zip(*turns, strict=True)
    ]


def digest_row(label: str, result: DigestRun) -> Row:
    limit = FetchConfig().max_items_per_feed
    note = f"subprocess: fetch, parse, store, classify, cluster; <= {limit} items/feed"
    if not result.ok:
        label, note = label + " FAILED", f"exit {result.run.returncode}, no digest printed"
    return Row(
        label, result.run.seconds, result.run.cpu, result.entries, result.statuses["ok"], note
    )


def bench_corpus(
    corpus: Path, limit: int | None = None, before: Path | None = None, repeat: int = 3
) -> dict[str, Any]:
    """Part b. Prints as it goes and returns the figures; ``limit`` takes the first files only.
    Each digest and newsboat run ``repeat`` times, turn about (the fastest of each is kept);
    ``before``: also the autonews of that checkout, in the same turns."""
    files = corpus_files(corpus)[:limit]
    print(f"\n== b. {len(files)} corpus feeds from {corpus}, served without added latency")
    docs = corpus_docs(files, datetime.now(UTC))
    turns: list[list[tuple[str, DigestRun]]] = []
    earlier: list[list[tuple[str, DigestRun]]] = []
    boats: list[Row] = []
    with serving(docs) as server:
        urls = [server.base + path for path in docs]
        for _ in range(max(1, repeat)):
            turns.append(digest_corpus(urls, server))
            if before is not None:
                earlier.append(digest_corpus(urls, server, before, "before:"))
            boat = run_newsboat(urls, server)
            if boat is not None:
                boats.append(boat)
    digests = fastest(turns)
    newsboat = min(boats, key=lambda row: row.seconds) if boats else None
    bodies = [doc.body for doc in docs.values()]
    kinds = [doc.content_type for doc in docs.values()]
    time_feedparser(bodies[:3])  # imports and lazy loads happen here, not in the timings
    time_autonews_parser(bodies[:3], kinds[:3])
    rows = [digest_row(label, result) for label, result in digests]
    parsers = {
        "autonews": time_autonews_parser(bodies, kinds),
        "feedparser": time_feedparser(bodies),
        "feedparser_fast": time_feedparser(
            bodies, sanitize_html=False, resolve_relative_uris=False
        ),
    }
    rows += parsers.values()
    if newsboat is not None:
        rows.append(newsboat)
    print()
    print_table(rows, newsboat)
    if newsboat is not None:
        for label, result in digests:
            print(
                f"{label} / newsboat: wall {ratio(result.run.seconds, newsboat.seconds)}, "
                f"CPU {ratio(result.run.cpu, newsboat.cpu)}"
                + ("" if result.ok else " (failed run, timed up to its failure)")
            )
    errors = digests[-1][1].errors
    print(f"\nfeeds autonews marks as errors: {len(errors)}")
    for name, error in sorted(errors.items()):
        print(f"  {name}: {error}\n      {feedparser_verdict(docs['/corpus/' + name].body)}")
    figures: dict[str, Any] = {}
    if earlier:
        old = fastest(earlier)
        figures["before"] = {
            "digest": digest_figures(old[0][1]),
            "digest_since_all": digest_figures(old[1][1]),
        }
        for (label, result), (_, mine) in zip(old, digests, strict=True):
            print(f"{label}: {result.run.seconds:.2f} s, now {mine.run.seconds:.2f} s")
    return {
        **figures,
        "repeat": repeat,
        "newsboat_all": [row.seconds for row in boats],
        "corpus": str(corpus),
        "files": len(files),
        "digest": digest_figures(digests[0][1]),
        "digest_since_all": digest_figures(digests[1][1]),
        "newsboat": None if newsboat is None else asdict(newsboat),
        "newsboat_version": newsboat_version(),
        "newsboat_threads": NEWSBOAT_THREADS,
        "parsers": {key: asdict(row) for key, row in parsers.items()},
    }
