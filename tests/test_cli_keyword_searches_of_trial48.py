"""Through the real CLI: a Google News search feed is a keyword search, not a car outlet. Blind
trial 48 subscribed to a search for "recall": its car recalls made it half car news, so it was
read as a car feed, and Costco's shrimp, Trader Joe's cookies and baby loungers were shown as car
recalls. Left to autonews (topic "auto"), a keyword search is read as of mixed topics: each item
is car news by its own words; `--topic cars` still makes it a car feed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

CARS = [
    "Ford recalls 240,510 Explorer, Aviator SUVs for backup camera glitch - CBS News",
    "Ram recalls 112,000 pickups because tailgates can open while driving - USA TODAY",
    "Honda recalls 1.7 million Civics, CR-Vs, HR-Vs for steering problem - AP News",
]
OTHERS = [
    "Costco recalls frozen shrimp over possible salmonella contamination - NBC News",
    "Over 200,000 baby loungers recalled after infant deaths - CNN",
    "Trader Joe's recalls cookies over possible rock contamination - FOX 5",
]


def _search(httpserver: HTTPServer) -> str:
    items = [item(title, n, 1 + n) for n, title in enumerate(CARS + OTHERS)]
    httpserver.expect_request("/rss/search").respond_with_data(
        rss(items, title='"recall" - Google News'), content_type="application/rss+xml"
    )
    return str(httpserver.url_for("/rss/search")) + "?q=recall&hl=en-US"


def _shown(cli, *args: str) -> set[str]:
    result = cli("digest", *args, "--no-extract", "--since", "2d", "--format", "json")
    assert result.code == 0, result.err
    digest: dict[str, Any] = result.json()
    return {source["title"] for story in digest["stories"] for source in story["sources"]}


def test_a_keyword_search_is_read_item_by_item(cli, home: Path, httpserver: HTTPServer) -> None:
    search = _search(httpserver)
    added = cli("feeds", "add", search, "--name", "GN recall")
    assert added.code == 0, added.err
    assert "keyword search" in added.err and "--topic cars" in added.err
    shown = _shown(cli)
    assert set(CARS) <= shown
    assert shown.isdisjoint(OTHERS), shown & set(OTHERS)
    listed = cli("feeds", "list")
    assert "auto: a keyword search" in listed.out, listed.out


def test_a_keyword_search_pinned_as_cars_is_a_car_feed(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    search = _search(httpserver)
    assert cli("feeds", "add", search, "--name", "GN recall", "--topic", "cars").code == 0
    assert set(CARS + OTHERS) <= _shown(cli)
