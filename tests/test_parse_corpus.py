"""The fast path (engine="auto") against feedparser's (the reference) on tests/data/feedcorpus.

Every difference in title, link, published or summary fails, except the few listed in
FEEDPARSER_BUGS, each with the reason feedparser's reading is the wrong one.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import pytest

from autonews.errors import FeedParseError
from autonews.evaluation.parser_agreement import compare
from autonews.models import ParsedEntry, ParsedFeed
from autonews.parse import parse_feed
from tests.helpers.corpus.files import ENCODED_ENTRY, ENCODED_TITLES

CORPUS = Path(__file__).resolve().parent / "data" / "feedcorpus"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".md")
URL_BASE = "https://feeds.example.net/"  # the pipeline passes the feed's URL
FIELDS = ("title", "link", "published", "summary")
_SPACE = re.compile(r"\s+")


class Known(NamedTuple):
    file: str
    field: str
    entries: tuple[int, ...]
    reason: str


FEEDPARSER_BUGS = (
    Known(
        "rss20-dates-named-zones.xml",
        "published",
        (2, 3, 4, 8),
        "feedparser reads zone names missing from its table (CEST, JST, BST, IST) as UTC",
    ),
    Known(
        "atom-entry-id-no-link.atom",
        "link",
        (0, 1),
        "feedparser makes an Atom id that is not a URL (tag:, urn:uuid:) the entry's link",
    ),
    Known(
        "rss20-guid-permalink.xml",
        "link",
        (4,),
        "feedparser makes a guid that is not a URL the link, resolved against the feed's URL",
    ),
    Known(
        "rss20-media-description.xml",
        "summary",
        (0,),
        "feedparser takes an image caption (media:description inside media:content, before"
        " <description>) as the entry's summary",
    ),
)
# Equivalent renderings, not listed above because they are normalised in _field():
# - published: feedparser's struct_time has no fractions of a second, so compare whole seconds;
# - summary: compared after collapsing whitespace.


def _parse(path: Path, engine: str) -> ParsedFeed:
    return parse_feed(path.read_bytes(), url=URL_BASE + path.name, engine=engine)


def _field(entry: ParsedEntry, name: str) -> object:
    value = getattr(entry, name)
    if name == "published" and isinstance(value, datetime):
        return value.replace(microsecond=0)
    if name == "summary":
        return _SPACE.sub(" ", value).strip()
    return value


def _allowed(file: str, index: int, name: str) -> bool:
    return any(k.file == file and k.field == name and index in k.entries for k in FEEDPARSER_BUGS)


def _differences(file: str, reference: ParsedFeed, fast: ParsedFeed) -> list[str]:
    found = []
    for index, (expected, got) in enumerate(zip(reference.entries, fast.entries, strict=False)):
        for name in FIELDS:
            want, have = _field(expected, name), _field(got, name)
            if want != have and not _allowed(file, index, name):
                found.append(f"#{index} {name}: feedparser {want!r:.150} auto {have!r:.150}")
    return found


def test_corpus_is_complete_and_documented() -> None:
    assert len(FILES) >= 45
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([^`]+)` \|", readme, re.MULTILINE)
    assert sorted(listed) == [p.name for p in FILES]
    for known in FEEDPARSER_BUGS:
        assert (CORPUS / known.file).exists(), known.file


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_auto_reads_entries_or_raises_feed_parse_error(path: Path) -> None:
    try:
        feed = _parse(path, "auto")
    except FeedParseError:
        return
    assert feed.entries, "a feed without a FeedParseError must have entries"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_auto_agrees_with_feedparser(path: Path) -> None:
    try:
        reference = _parse(path, "feedparser")
    except FeedParseError:
        pytest.skip("feedparser does not read it either")
    fast = _parse(path, "auto")
    differences = _differences(path.name, reference, fast)
    if len(reference.entries) != len(fast.entries):
        differences.insert(
            0, f"entries: feedparser {len(reference.entries)}, auto {len(fast.entries)}"
        )
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("engine", ["auto", "feedparser"])
@pytest.mark.parametrize("name", sorted(ENCODED_TITLES))
def test_legacy_encodings_give_the_right_text(name: str, engine: str) -> None:
    feed = _parse(CORPUS / name, engine)
    assert feed.entries[ENCODED_ENTRY.get(name, 0)].title == ENCODED_TITLES[name]
    assert not any("\ufffd" in e.title + e.summary for e in feed.entries)


@pytest.mark.parametrize("engine", ["auto", "feedparser"])
def test_utf8_under_a_latin1_declaration_reads_as_utf8(engine: str) -> None:
    feed = _parse(CORPUS / "utf8-declared-iso-8859-1.xml", engine)
    assert feed.entries[0].title == "Citroën ë-C3 Aircross: première drive"
    assert feed.entries[1].title == "Mercedes-Benz GLC electric: €68,000 expected"


def test_benchmark_compares_the_whole_corpus() -> None:
    report = compare([CORPUS])
    assert report["files"] == len(FILES)
    assert "crash" not in report["disagreements"]
    assert set(report["agreement"]) == set(FIELDS)
