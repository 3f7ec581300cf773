"""The digest as an Atom feed through the real CLI, as a feed reader follows it (trial 29 a2,
c2): a corrected headline bumps its entry's <updated>; the feed's <updated> moves only with its
entries; a --new feed with nothing new is still a feed. Against a feed on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rfc822, rss

NOW = datetime.now(UTC)
TESLA = "Tesla Recalls {} Cybertrucks Over Loose Trim Panel"
VOLVO = "Volvo Recalls 14,768 XC70s Over Halfshaft Risk"


def _serve(httpserver: HTTPServer, cybertrucks: str) -> None:
    """The wire's two stories, the same items (guids, dates) whatever the Tesla figure."""
    httpserver.clear()
    items = [item(TESLA.format(cybertrucks), 0), item(VOLVO, 1)]
    items[0]["date"], items[1]["date"] = rfc822(3, NOW), rfc822(2, NOW)
    httpserver.expect_request("/wire").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )


@pytest.fixture
def wire(httpserver: HTTPServer) -> str:
    return str(httpserver.url_for("/wire"))


def _entries(path: Path) -> dict[str, tuple[str, str]]:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return {entry.title.split()[0]: (entry.title, entry.updated) for entry in feed.entries}


def test_a_corrected_headline_updates_its_entry(
    cli, home: Path, httpserver: HTTPServer, wire: str, tmp_path: Path
) -> None:
    """A feed's correction (2,000 -> 46,000 Cybertrucks) is what a reader must see again: the
    entry's <updated> moves, the other entry's does not."""
    _serve(httpserver, "2,000")
    before = tmp_path / "before.atom"
    assert cli("digest", "--feed", wire, "--no-extract", "-o", str(before)).code == 0
    _serve(httpserver, "46,000")
    after = tmp_path / "after.atom"
    assert cli("digest", "--feed", wire, "--no-extract", "-o", str(after)).code == 0
    was, now = _entries(before), _entries(after)
    assert was["Tesla"][0] == TESLA.format("2,000") and now["Tesla"][0] == TESLA.format("46,000")
    assert now["Tesla"][1] > was["Tesla"][1]
    assert now["Volvo"] == was["Volvo"]


def test_the_feed_is_updated_when_its_entries_are(
    cli, home: Path, httpserver: HTTPServer, wire: str, tmp_path: Path
) -> None:
    """The feed's <updated> was the run's time: every hourly rewrite looked like a change."""
    _serve(httpserver, "2,000")
    target = tmp_path / "digest.atom"
    assert cli("digest", "--feed", wire, "--no-extract", "-o", str(target)).code == 0
    feed = feedparser.parse(target.read_bytes())
    assert feed.feed.updated == max(entry.updated for entry in feed.entries)
    assert cli("digest", "--feed", wire, "--offline", "-o", str(target)).code == 0
    assert feedparser.parse(target.read_bytes()).feed.updated == feed.feed.updated


def test_a_new_feed_with_nothing_new_is_a_feed_with_no_entries(
    cli, home: Path, httpserver: HTTPServer, wire: str, tmp_path: Path
) -> None:
    """`digest --new --format atom > feed.atom` left an empty, invalid file."""
    _serve(httpserver, "2,000")
    new = ("digest", "--feed", wire, "--no-extract", "--new")
    assert len(feedparser.parse(cli(*new, "--format", "atom").out).entries) == 2
    again = cli(*new, "--format", "atom")
    assert again.code == 0, again.err
    feed = feedparser.parse(again.out.encode("utf-8"))
    assert not feed.bozo and feed.version == "atom10" and feed.entries == []
    target = tmp_path / "new.atom"
    assert cli(*new, "-o", str(target)).code == 0
    written = feedparser.parse(target.read_bytes())
    assert not written.bozo and written.version == "atom10" and written.entries == []
