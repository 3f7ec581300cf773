"""Does the fast path (engine="auto") read feeds the way feedparser does?

    python benchmarks/parse_compare.py [DIR ...]

Parses every file of each folder (default: tests/data/feedcorpus and ../shared/corpora/feeds200,
read in place) with engine="feedparser" (the reference) and engine="auto", pairs the entries (by
position when both engines found as many, else by link) and compares title, link, published and
summary (after collapsing whitespace). Prints per-field agreement, the files whose entry counts
differ, the first examples of each kind of disagreement, and the time each engine took.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from autonews.errors import FeedParseError  # noqa: E402
from autonews.models import ParsedEntry, ParsedFeed  # noqa: E402
from autonews.parse import parse_feed  # noqa: E402

DEFAULT_DIRS = [ROOT / "tests/data/feedcorpus", ROOT.parent / "shared/corpora/feeds200"]
FIELDS = ("title", "link", "published", "summary")
ENGINES = ("feedparser", "auto")
EXAMPLES_PER_KIND = 3
EXAMPLE_CHARS = 120
_SPACE = re.compile(r"\s+")


@dataclass
class EngineRun:
    """One engine on one file: the feed, or the FeedParseError message, and the time it took."""

    feed: ParsedFeed | None
    error: str | None
    seconds: float


@dataclass
class Tally:
    files: int = 0
    entries: int = 0  # paired entries, the denominator of the agreement figures
    agree: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    count_differs: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)

    def note(self, kind: str, example: str) -> None:
        self.kinds[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < EXAMPLES_PER_KIND:
            shown.append(example)


def feed_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under ``paths`` (folders are walked, sorted), except Markdown notes."""
    for path in paths:
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        yield from (p for p in candidates if p.suffix.lower() != ".md")


def run_engine(body: bytes, engine: str) -> EngineRun:
    started = time.perf_counter()
    try:
        feed = parse_feed(body, engine=engine)
    except FeedParseError as exc:
        return EngineRun(None, str(exc), time.perf_counter() - started)
    return EngineRun(feed, None, time.perf_counter() - started)


def squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


def pair_entries(
    reference: tuple[ParsedEntry, ...], fast: tuple[ParsedEntry, ...]
) -> list[tuple[ParsedEntry, ParsedEntry]]:
    """By position when the counts agree; otherwise each reference entry to the first unused
    fast entry with the same link (entries without a match are left out)."""
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
    if name in ("title", "summary") and squeeze(reference) == squeeze(fast):
        return f"{name}: whitespace differs"
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
                tally.note(
                    kind, f"{label} #{index}: feedparser {short(expected)} auto {short(got)}"
                )


def compare_file(tally: Tally, path: Path, label: str) -> None:
    body = path.read_bytes()
    runs = {engine: run_engine(body, engine) for engine in ENGINES}
    tally.files += 1
    for engine, run in runs.items():
        tally.seconds[engine] += run.seconds
    reference, fast = runs["feedparser"], runs["auto"]
    if reference.feed is None or fast.feed is None:
        outcome = outcome_kind(reference, fast)
        tally.outcomes[outcome] += 1
        if outcome != "both raise FeedParseError":
            tally.note(f"outcome: {outcome}", f"{label}: {short(reference.error or fast.error)}")
        return
    tally.outcomes[
        "auto used fastfeedparser" if fast.feed.kind == "fast" else "auto fell back"
    ] += 1
    ref_entries, fast_entries = reference.feed.entries, fast.feed.entries
    if len(ref_entries) != len(fast_entries):
        tally.count_differs.append(
            f"{label}: feedparser {len(ref_entries)}, auto {len(fast_entries)}"
        )
    compare_entries(tally, label, pair_entries(ref_entries, fast_entries))


def outcome_kind(reference: EngineRun, fast: EngineRun) -> str:
    if reference.feed is None and fast.feed is None:
        return "both raise FeedParseError"
    return "only feedparser reads it" if fast.feed is None else "only auto reads it"


def compare(paths: Iterable[Path | str]) -> dict[str, Any]:
    """Compare the engines on every feed file under ``paths``; a plain dict for tests and print."""
    tally = Tally()
    roots = [Path(p) for p in paths]
    for path in feed_files(roots):
        label = path.name
        try:
            compare_file(tally, path, label)
        except Exception as exc:  # anything but FeedParseError is a bug worth listing, not a crash
            tally.note("crash", f"{label}: {type(exc).__name__}: {short(str(exc))}")
    return as_report(tally)


def as_report(tally: Tally) -> dict[str, Any]:
    agreement = {
        name: (100.0 * tally.agree[name] / tally.entries if tally.entries else 100.0)
        for name in FIELDS
    }
    fast_seconds = tally.seconds["auto"]
    return {
        "files": tally.files,
        "entries": tally.entries,
        "agreement": agreement,
        "disagreements": dict(tally.kinds.most_common()),
        "examples": tally.examples,
        "count_differs": tally.count_differs,
        "outcomes": dict(tally.outcomes),
        "seconds": {engine: tally.seconds[engine] for engine in ENGINES},
        "ratio": tally.seconds["feedparser"] / fast_seconds if fast_seconds else 0.0,
    }


def print_report(name: str, report: dict[str, Any]) -> None:
    print(f"\n== {name}: {report['files']} files, {report['entries']} paired entries")
    print("agreement  " + "  ".join(f"{k} {v:.2f}%" for k, v in report["agreement"].items()))
    print("outcomes   " + ", ".join(f"{k}: {v}" for k, v in sorted(report["outcomes"].items())))
    print(f"entry count differs in {len(report['count_differs'])} files")
    for line in report["count_differs"]:
        print(f"  {line}")
    for kind, count in report["disagreements"].items():
        print(f"{kind}: {count}")
        for example in report["examples"][kind]:
            print(f"    {example}")
    seconds = report["seconds"]
    print(
        f"time       feedparser {seconds['feedparser']:.2f} s, auto {seconds['auto']:.2f} s"
        f"  (feedparser/auto = {report['ratio']:.1f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="feed folders or files")
    args = parser.parse_args(argv)
    dirs = args.dirs or [d for d in DEFAULT_DIRS if d.exists()]
    for folder in dirs:
        print_report(str(folder), compare([folder]))
    if len(dirs) > 1:
        print_report("all", compare(dirs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
