"""The feeds200 relevance set: real items of mostly non-car feeds, labelled by feed file and link.

The texts are read from the corpus (../shared/corpora/feeds200) by autonews's own parser, never
copied into the project. The held-back third (sha1 of feed and key, 0 mod 3) is never tuned on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from autonews.evaluation.classify import Labelled, parse_labels
from autonews.parse import parse_feed

ROOT = Path(__file__).resolve().parent.parent.parent
LABELS = ROOT / "tests/data/feeds200-relevance.tsv"
CORPUS = ROOT.parent / "shared/corpora/feeds200"


def held_back(feed: str, key: str) -> bool:
    return int(hashlib.sha1(f"{feed}\t{key}".encode()).hexdigest(), 16) % 3 == 0


def _bare(link: str) -> str:
    """A link as both parsers give it: feedparser resolves relative links, autonews keeps some
    as written."""
    return link.split("://", 1)[-1].rstrip("/")


def load(labels: Path = LABELS, corpus: Path = CORPUS) -> list[tuple[str, Labelled]]:
    """(part, labelled row with its title and summary from the corpus) for every labelled item."""
    rows = [line.split("\t") for line in labels.read_text("utf-8").splitlines()]
    rows = [r for r in rows if r[0] and not r[0].startswith("#")]
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    for feed in sorted({r[0] for r in rows}):
        parsed = parse_feed((corpus / feed).read_bytes())
        for entry in parsed.entries:
            if entry.link:
                texts.setdefault((feed, _bare(entry.link)), (entry.title, entry.summary))
    out = []
    for feed, key, automotive, makers, events, *_ in rows:
        title, summary = texts.get((feed, _bare(key)), ("", ""))
        if not title:
            raise SystemExit(f"{feed} {key}: not found by autonews's parser")
        (row,) = parse_labels([f"{title}\t{makers}\t{events}"])
        part = "held" if held_back(feed, key) else "tune"
        out.append(
            (part, Labelled(row.title, row.makers, row.events, automotive == "yes", summary))
        )
    return out
