"""Through the real CLI: trial 55's national wires read as car feeds on a few items. Yonhap
("Yonhap News Agency", "All News") at 11 of 19 items about cars and "The Korea Times" at 5 of 9
became car feeds on the first run, and their weather, politics, K-pop and budget items were shown
as car news. A feed that says it is a wire's whole output is general news; one so judged a car
feed makes no car news of an item that names nothing of cars; and a car feed's item that names
a wire's weather, Assembly, defence or K-pop is that news, not the feed's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

CARS = [
    "U.S. lowers tariffs on Korean autos to 15 pct, retroactive to Nov. 1",
    "Hyundai Motor's Nov. sales down 1.2 pct on weak overseas demand",
    "Kia's Nov. sales up 3.5 pct on robust SUV demand",
    "GM Korea's Nov. sales plunge 32.6 pct on lower exports",
    "KG Mobility's Nov. sales up 11.8 pct on strong exports",
    "Renault Korea's Nov. sales jump 45 pct on Grand Koleos",
    "4 carmakers to recall 38,316 vehicles over faulty parts",
    "Kia to recall 11,209 EV9 units over faulty charging control unit",
    "Hyundai completes Ulsan EV plant, first new domestic plant in 29 years",
    "Korea's Nov. auto exports rise 13.7 pct on hybrids, used cars",
    "Hyundai Motor union votes to strike after wage talks break down",
    "Renault Korea's Filante to be exported to 30 countries",
]
NATIONAL = [
    "Cold wave advisory issued for Seoul as temperatures drop to minus 10 C",
    "President Lee to visit Japan for summit with Takaichi",
    "Heavy snow advisory issued for Gangwon mountains",
    "Lee's approval rating rises to 62 pct: Gallup",
    "Seoul sees first snow of the season",
    "National Assembly passes 728 tril.-won budget for 2027",
    "NewJeans to return to ADOR after court ruling",
    "N. Korea's Kim inspects new 5,000-ton destroyer",
]


def _serve(httpserver: HTTPServer, path: str, title: str, titles: list[str]) -> str:
    document = rss([item(t, n) for n, t in enumerate(titles)], title=title)
    httpserver.expect_request(path).respond_with_data(document, content_type="application/rss+xml")
    return str(httpserver.url_for(path))


def _digest(cli: Any, url: str) -> tuple[set[str], str]:
    """The sources a first digest of the feed, added to the list, shows; its stderr."""
    added = cli("feeds", "add", url)
    assert added.code == 0, added.err
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    stories = json.loads(result.out)["stories"]
    return {s["title"] for story in stories for s in story["sources"]}, result.err


def test_a_news_agency_at_eleven_of_nineteen_is_no_car_feed(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    titles = CARS[:11] + NATIONAL  # 11 of 19 about cars
    shown, err = _digest(cli, _serve(httpserver, "/yna", "Yonhap News Agency", titles))
    assert "read as a car feed" not in err
    assert not shown & set(NATIONAL)  # no weather, politics or budget as car news
    assert "auto: car feed" not in cli("feeds", "list").out


def test_a_papers_all_news_at_five_of_nine_is_no_car_feed(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    titles = CARS[:5] + NATIONAL[:4]  # 5 of 9 of a feed that says it is all the paper's news
    shown, err = _digest(cli, _serve(httpserver, "/kt", "The Korea Times - All News", titles))
    assert "read as a car feed" not in err
    assert not shown & set(NATIONAL)
    assert "auto: car feed" not in cli("feeds", "list").out


def test_a_wire_judged_a_car_feed_keeps_its_weather_and_politics_out(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    titles = CARS + NATIONAL  # 12 of 20: a car feed by its share
    shown, err = _digest(cli, _serve(httpserver, "/wire", "Seoul Wire", titles))
    assert "Seoul Wire" in err and "is now read as a car feed: 12 of its 20" in err
    # Weather, polls, defence, K-pop: named as such. (A president's summit and a parliament's
    # budget are not: car news tells of presidents, summits and lawmakers too.)
    assert not shown & (set(NATIONAL) - {NATIONAL[1], NATIONAL[5]})
    assert "GM Korea's Nov. sales plunge 32.6 pct on lower exports" in shown


def test_a_general_wire_nearly_all_about_cars_makes_no_car_news_of_items_naming_none(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    terse = ["Five things to watch this week", "What we learned from the week's numbers"]
    titles = CARS + CARS[:6] + terse  # 18 of 20 of a feed that says it is all the news
    titles = [f"{t} ({n})" if n >= len(CARS) and t in CARS else t for n, t in enumerate(titles)]
    shown, _ = _digest(cli, _serve(httpserver, "/all", "Korea Daily - All News", titles))
    assert "auto: car feed (18/20 about cars)" in cli("feeds", "list").out
    assert not shown & set(terse)  # in a car feed that says nothing of its topic, car news
    assert "Kia's Nov. sales up 3.5 pct on robust SUV demand" in shown


def test_a_car_outlet_of_a_few_items_is_still_a_car_feed(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    titles = [*CARS[:5], "Five things we learned this week"]
    shown, _ = _digest(cli, _serve(httpserver, "/autowire", "Korea Auto Wire", titles))
    assert "auto: car feed (5/6 about cars)" in cli("feeds", "list").out
    assert "Five things we learned this week" in shown  # its terse item is still car news
