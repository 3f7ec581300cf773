"""Through the real CLI: a feed left to autonews (``topic = "auto"``) whose share of car news
crosses the line between runs. Trial 42: a wire "Autos & Industrials", not a car feed on day 1
(its steel, chemicals and appliance items rightly hidden), was one on day 2 ("23/41 about cars"),
and `digest --new` delivered day 1's hidden items as new car news, with nothing saying the feed's
reading had changed."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.site import write_config

# Day 1: two car items of five, so no car feed; the other three are hidden as not about cars.
DAY1_OTHER = [
    "Thyssenkrupp Steel, IG Metall agree on 11,000 job cuts",
    "BASF to shut more Ludwigshafen plants",
    "What we learned this week",
]
DAY1_CARS = [
    "BYD sells 498,612 NEVs in November",
    "Ford recalls 242,669 Maverick trucks over taillight wiring",
]
# Day 2: five more car items and one terse headline of its own: 7 of 11 about cars.
DAY2_CARS = [
    "Leapmotor delivers record 86,215 vehicles in November",
    "Toyota to start battery production in North Carolina next month",
    "Tesla to add shift at Berlin plant as Model Y demand picks up",
    "Porsche to add combustion Macan again from 2028",
    "Hyundai Motor union approves wage deal",
]
DAY2_TERSE = "Long-range version arrives next spring"
NAME = "MarketWire Autos & Industrials"


def _serve(httpserver: HTTPServer, titles: list[str]) -> str:
    """The wire listing ``titles`` (the n-th with GUID id-n), older ones first in the list."""
    httpserver.clear()
    items = [item(title, n, hours_ago=30 - n) for n, title in enumerate(titles)]
    httpserver.expect_request("/wire").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return str(httpserver.url_for("/wire"))


def _titles(digest: object) -> set[str]:
    assert isinstance(digest, dict)
    return {source["title"] for story in digest["stories"] for source in story["sources"]}


def _two_days(cli, home: Path, httpserver: HTTPServer) -> tuple[object, object, str]:
    """Day 1's and day 2's `digest --new` (JSON) and day 2's stderr."""
    url = _serve(httpserver, [*DAY1_OTHER, *DAY1_CARS])
    write_config(home, f'[[feeds]]\nurl = "{url}"\nname = "{NAME}"\n')
    day1 = cli("digest", "--new", "--no-extract", "--format", "json")
    assert day1.code == 0, day1.err
    _serve(httpserver, [*DAY1_OTHER, *DAY1_CARS, *DAY2_CARS, DAY2_TERSE])
    day2 = cli("digest", "--new", "--no-extract", "--format", "json")
    assert day2.code == 0, day2.err
    return day1.json(), day2.json(), day2.err


def test_a_feed_turning_into_a_car_feed_does_not_deliver_yesterdays_hidden_items(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    day1, day2, _ = _two_days(cli, home, httpserver)
    assert _titles(day1) == set(DAY1_CARS)
    assert isinstance(day1, dict) and day1["not_about_cars"] == len(DAY1_OTHER)
    delivered = _titles(day2)
    assert not delivered & set(DAY1_OTHER)  # counted yesterday: not news today
    assert set(DAY2_CARS) <= delivered
    assert DAY2_TERSE in delivered  # a car feed's terse headline, new today


def test_a_feed_whose_reading_changed_is_told_once_with_how_to_pin_it(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    _, _, err = _two_days(cli, home, httpserver)
    told = [line for line in err.splitlines() if NAME in line]
    assert len(told) == 1, err
    assert "now read as a car feed" in told[0]
    assert "7 of its 11 latest items are about cars" in told[0]
    assert f'autonews feeds edit "{NAME}" --topic mixed' in told[0]
    listed = cli("feeds", "list").out
    assert "auto: car feed since" in listed and "(7/11 about cars)" in listed
    assert f'autonews feeds edit "{NAME}" --topic mixed' in listed
    again = cli("digest", "--new", "--no-extract", "--format", "json")
    assert again.code == 0 and NAME not in again.err  # told once


def test_a_car_feed_does_not_flap_around_the_line(cli, home: Path, httpserver: HTTPServer) -> None:
    """Once a car feed, a feed stays one while a few more items of other news come and go
    around half; it stops being one when clearly under the line, and says so."""
    _two_days(cli, home, httpserver)  # 7 of 11: a car feed
    others = [f"Chemicals maker {n} reports quarterly results" for n in range(4)]
    base = [*DAY1_OTHER, *DAY1_CARS, *DAY2_CARS, DAY2_TERSE]
    _serve(httpserver, [*base, *others[:2]])  # 7 of 13, then 7 of 15: just under half
    day3 = cli("digest", "--new", "--no-extract", "--format", "json")
    _serve(httpserver, [*base, *others])
    day4 = cli("digest", "--new", "--no-extract", "--format", "json")
    assert NAME not in day3.err + day4.err
    assert "auto: car feed since" in cli("feeds", "list").out
    assert "(7/15 about cars)" in cli("feeds", "list").out
    more = [f"Steelmaker {n} idles blast furnace" for n in range(6)]
    _serve(httpserver, [*base, *others, *more])  # 7 of 21: a third
    day5 = cli("digest", "--new", "--no-extract", "--format", "json")
    told = [line for line in day5.err.splitlines() if NAME in line]
    assert len(told) == 1 and "no longer read as a car feed" in told[0], day5.err
    assert "auto: not a car feed since" in cli("feeds", "list").out
