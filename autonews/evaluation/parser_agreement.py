"""Does the fast path (engine="auto") read feeds the way feedparser does? The comparison behind
`python benchmarks/parse_compare.py` and the corpus test.

Parses every file under each DIR (default: tests/data/feedcorpus and ../shared/corpora/feeds200,
read in place) with engine="feedparser" (the reference) and engine="auto", pairs their entries (by
position when both found as many, else by link) and compares title, link, published (equal, or both
None) and summary (equal after collapsing whitespace). Prints per-field agreement, the files whose
entry counts differ, the first examples of each kind of disagreement, and each engine's parse time.

Each file is parsed as if fetched from URL-BASE + its name, as the pipeline passes the feed's URL
(feedparser resolves relative links against it); pass --url-base "" to parse without a URL.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autonews.errors import FeedParseError
from autonews.models import ParsedEntry, ParsedFeed
from autonews.parse import parse_feed

DEFAULT_URL_BASE = "https://feeds.example.net/"
FIELDS = ("title", "link", "published", "summary")
ENGINES = ("feedparser", "auto")
EXAMPLE_CHARS = 120
_SPACE = re.compile(r"\s+")
# Imports and lazy loads (feedparser, fastfeedparser, dateparser) happen here, not in the timings.
_WARM_UP = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title><item><title>w</title>'
    b"<link>http://example.com/w</link><pubDate>yesterday</pubDate></item></channel></rss>"
)


@dataclass
class EngineRun:
    """One engine on one file: the feed or the FeedParseError message, and the time it took."""

    feed: ParsedFeed | None
    error: str | None
    seconds: float


@dataclass
class Tally:
    max_examples: int = 3
    files: int = 0
    entries: int = 0  # paired entries: the denominator of the agreement figures
    agree: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    count_differs: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ENGINES, 0.0))

    def note(self, kind: str, example: str) -> None:
        self.kinds[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < self.max_examples:
            shown.append(example)


def feed_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under ``paths`` (folders walked in sorted order), except Markdown notes."""
    for path in paths:
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        yield from (p for p in found if p.suffix.lower() != ".md")


def run_engine(body: bytes, engine: str, url: str) -> EngineRun:
    started = time.perf_counter()
    try:
        feed = parse_feed(body, url=url, engine=engine)
    except FeedParseError as exc:
        return EngineRun(None, str(exc), time.perf_counter() - started)
    return EngineRun(feed, None, time.perf_counter() - started)


def warm_up() -> None:
    for engine in ENGINES:
        run_engine(_WARM_UP, engine, DEFAULT_URL_BASE)


def squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


def pair_entries(
    reference: tuple[ParsedEntry, ...], fast: tuple[ParsedEntry, ...]
) -> list[tuple[ParsedEntry, ParsedEntry]]:
    """By position when the counts agree; otherwise each reference entry with the first unused
    fast entry that has the same link (entries left without a partner are not compared)."""
    if len(reference) == len(fast):
        return list(zip(reference, fast, strict=True))
    unused = list(fast)
    pairs = []
    for entry in reference:
        match = next((f for f in unused if entry.link and f.link == entry.link), None)
        if match is not None:
            unused.remove(match)
            pairs.append((entry, match))
    return pairs


def field_kind(name: str, reference: Any, fast: Any) -> str | None:
    """None when the field agrees, else a short name for the kind of disagreement."""
    if name == "summary":
        reference, fast = squeeze(reference), squeeze(fast)
    if reference == fast:
        return None
    if reference in (None, ""):
        return f"{name}: only auto has one"
    if fast in (None, ""):
        return f"{name}: auto lost it"
    if name == "published" and reference == fast.replace(microsecond=0):
        return "published: auto keeps fractions of a second"
    if name == "title" and squeeze(reference) == squeeze(fast):
        return "title: whitespace differs"
    return f"{name}: differs"


def compare_entries(tally: Tally, label: str, pairs: list[tuple[ParsedEntry, ParsedEntry]]) -> None:
    for index, (reference, fast) in enumerate(pairs):
        tally.entries += 1
        for name in FIELDS:
            expected, got = getattr(reference, name), getattr(fast, name)
            kind = field_kind(name, expected, got)
            if kind is None:
                tally.agree[name] += 1
            else:
                example = f"{label} #{index}: feedparser {short(expected)}, auto {short(got)}"
                tally.note(kind, example)


def outcome_kind(reference: EngineRun, fast: EngineRun) -> str:
    if reference.feed is None and fast.feed is None:
        return "both raise FeedParseError"
    return "only feedparser reads it" if fast.feed is None else "only auto reads it"


def compare_file(tally: Tally, path: Path, url_base: str) -> None:
    body = path.read_bytes()
    url = url_base + path.name if url_base else ""
    runs = {engine: run_engine(body, engine, url) for engine in ENGINES}
    tally.files += 1
    for engine, run in runs.items():
        tally.seconds[engine] += run.seconds
    reference, fast = runs["feedparser"], runs["auto"]
    if reference.feed is None or fast.feed is None:
        outcome = outcome_kind(reference, fast)
        tally.outcomes[outcome] += 1
        if outcome != "both raise FeedParseError":
            tally.note(f"outcome: {outcome}", f"{path.name}: {reference.error or fast.error}")
        return
    fell_back = fast.feed.kind != "fast" and not fast.feed.kind.startswith("json")
    tally.outcomes["auto fell back to feedparser" if fell_back else "auto kept its own result"] += 1
    ref_entries, fast_entries = reference.feed.entries, fast.feed.entries
    if len(ref_entries) != len(fast_entries):
        tally.count_differs.append(
            f"{path.name}: feedparser {len(ref_entries)}, auto {len(fast_entries)}"
        )
    compare_entries(tally, path.name, pair_entries(ref_entries, fast_entries))


def compare(
    paths: Iterable[Path | str], url_base: str = DEFAULT_URL_BASE, max_examples: int = 3
) -> dict[str, Any]:
    """Compare the engines on every feed file under ``paths``; a plain dict for tests and print."""
    warm_up()
    tally = Tally(max_examples=max_examples)
    for path in feed_files(Path(p) for p in paths):
        try:
            compare_file(tally, path, url_base)
        except Exception as exc:  # anything but FeedParseError is a bug to list, not to die of
            tally.note("crash", f"{path.name}: {type(exc).__name__}: {short(str(exc))}")
    return as_report(tally)


def as_report(tally: Tally) -> dict[str, Any]:
    return {
        "files": tally.files,
        "entries": tally.entries,
        "agree": {name: tally.agree[name] for name in FIELDS},
        "agreement": {name: percent(tally.agree[name], tally.entries) for name in FIELDS},
        "disagreements": dict(tally.kinds.most_common()),
        "examples": tally.examples,
        "count_differs": tally.count_differs,
        "outcomes": dict(tally.outcomes),
        "seconds": {engine: tally.seconds[engine] for engine in ENGINES},
        "ratio": ratio(tally.seconds["feedparser"], tally.seconds["auto"]),
    }


def percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def ratio(slow: float, fast: float) -> float:
    return slow / fast if fast else 0.0


def total(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of several reports added up (examples are not repeated)."""
    entries = sum(r["entries"] for r in reports)
    agree = {name: sum(r["agree"][name] for r in reports) for name in FIELDS}
    seconds = {engine: sum(r["seconds"][engine] for r in reports) for engine in ENGINES}
    kinds: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for report in reports:
        kinds.update(report["disagreements"])
        outcomes.update(report["outcomes"])
    return {
        "files": sum(r["files"] for r in reports),
        "entries": entries,
        "agree": agree,
        "agreement": {name: percent(agree[name], entries) for name in FIELDS},
        "disagreements": dict(kinds.most_common()),
        "examples": {},
        "count_differs": [line for r in reports for line in r["count_differs"]],
        "outcomes": dict(outcomes),
        "seconds": seconds,
        "ratio": ratio(seconds["feedparser"], seconds["auto"]),
    }
