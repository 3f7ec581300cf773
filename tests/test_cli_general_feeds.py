"""Through the real CLI: a feed whose own title or description says it is general news
(business, technology, Hacker News) became a car feed at half of its items about cars in a
carmakers' earnings week (trial 50: "Korea JoongAng Daily - Business" at 4 of 8, its won and
Kospi items car news) or a robotaxi week (trial 51: "Reuters Technology" at 4 of 8, Meta's
layoffs car news). Such a feed is a car feed at four in five; one that says it is about cars,
or says neither, keeps half."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

BUSINESS = [
    "Won weakens to 1,470 per dollar, lowest in seven months",
    "Yen falls past 157 per dollar, nearing intervention zone",
    "Kospi closes at record 4,200 on chip rally",
    "Household spending in Japan rises 1.8% in September",
]
CARMAKERS = [
    "Toyota quarterly profit slides 27% as U.S. tariffs bite",
    "Honda cuts annual profit forecast by 21% on chip shortage",
    "Mazda cuts operating profit forecast to 50bn yen from 150bn yen",
    "Subaru operating profit falls 45% in first half",
]
MORE_CARMAKERS = [
    "Nissan swings to 221.9bn yen net loss in first half",
    "Suzuki lifts full-year profit outlook to 600bn yen",
    "Kia quarterly profit halves as U.S. tariffs cost $860 million",
    "Hyundai Motor quarterly profit drops 29% as U.S. tariffs cost $1.3 billion",
    "Isuzu Motors H1 operating profit ¥102B, down 14%",
    "Mitsubishi Motors cuts profit forecast by 40% on tariffs",
    "Toyota to buy back up to $2.6 billion of its shares",
    "Kia to buy back 1 trillion won of shares, cancel them",
    "Honda delays Ohio-built 0 Series EV launch to 2027",
    "Toyota recalls 128,000 Grand Highlander SUVs over seat belt buckle",
    "Genesis unveils GV90 flagship electric SUV with coach doors",
    "Nissan to end production at Japanese plant, cut 1,500 more jobs",
]


def _serve_rss(httpserver: HTTPServer, path: str, title: str, titles: list[str]) -> str:
    document = rss([item(t, n) for n, t in enumerate(titles)], title=title)
    httpserver.expect_request(path).respond_with_data(document, content_type="application/rss+xml")
    return str(httpserver.url_for(path))


def _digest(cli: Any, url: str) -> tuple[set[str], str]:
    """The sources a digest of the feed, added to the list, shows; its stderr."""
    added = cli("feeds", "add", url)
    assert added.code == 0, added.err
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    stories = json.loads(result.out)["stories"]
    return {s["title"] for story in stories for s in story["sources"]}, result.err


def test_a_business_feed_at_half_is_no_car_feed(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    url = _serve_rss(httpserver, "/biz", "Korea JoongAng Daily - Business", BUSINESS + CARMAKERS)
    shown, err = _digest(cli, url)
    assert "read as a car feed" not in err
    assert shown == set(CARMAKERS)  # the won, the yen, Kospi and spending are no car news
    listed = cli("feeds", "list")
    assert listed.code == 0 and "Korea JoongAng Daily" in listed.out
    assert "car feed (" not in listed.out


def test_a_technology_json_feed_at_half_is_no_car_feed(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    items = [
        {"id": f"t{n}", "url": f"http://example.com/t/{n}", "title": t}
        for n, t in enumerate(BUSINESS + CARMAKERS)
    ]
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Reuters",
        "description": "Technology news from Reuters",
        "items": items,
    }
    httpserver.expect_request("/tech.json").respond_with_json(document)
    result = cli("digest", "--feed", httpserver.url_for("/tech.json"), "--no-extract")
    assert result.code == 0, result.err
    assert "read as a car feed" not in result.err
    assert "Won weakens" not in result.out and "Toyota quarterly profit" in result.out


def test_a_general_feed_nearly_all_about_cars_is_a_car_feed(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    titles = [*BUSINESS[:3], *CARMAKERS, *MORE_CARMAKERS]  # 16 of 19: 84%
    url = _serve_rss(httpserver, "/markets", "Nikkei Asia - Business", titles)
    _, err = _digest(cli, url)
    assert "read as a car feed" not in err  # nearly all about cars: no close call to tell
    assert "auto: car feed (16/19 about cars)" in cli("feeds", "list").out


def test_a_car_feed_by_its_title_keeps_half(cli: Any, home: Path, httpserver: HTTPServer) -> None:
    url = _serve_rss(httpserver, "/autos", "Reuters | Autos & Transportation", BUSINESS + CARMAKERS)
    _, err = _digest(cli, url)
    assert "is now read as a car feed: 4 of its 8 latest items are about cars" in err
    assert "half or more make a car feed" in err
