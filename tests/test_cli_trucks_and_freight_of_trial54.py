"""Trial 54, through the real CLI: a commercial-vehicle analyst's transport trade feeds. Trucks,
vans and buses are vehicles (a truck maker's recall, a truck emission rule were hidden as "no car
word in the title"); freight and logistics are not car news (a rail merger, container rates,
driver pay and truck stops were car news from the feeds read as car feeds, hidden from the
freight feed that is not one)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

# Vehicles: news of trucks, buses and vans, their makers and their rules, naming no carmaker and
# no car word of before.
VEHICLES = [
    ("International Recalls 3,200 LT Series Trucks Over Fuel Leak", ""),
    ("EU Commission to bring forward review of CO2 targets for trucks", ""),
    ("International to cut 300 jobs at Springfield truck plant as orders slow", ""),
    ("CARB Moves to Repeal Advanced Clean Fleets Rule for Private Fleets", ""),
    ("Blue Bird launches CNG Vision school bus with Cummins X10N", ""),
    ("First Group orders 200 electric double-deckers for Glasgow", ""),
    ("Hauliers face new HGV safety permit rules in London", ""),
]
# Freight and logistics, and the roadside: with no car word (as a car feed reads them) or with
# "truck" in a phrase of freight's ("truck drivers", "truck parking").
FREIGHT = [
    ("Union Pacific, Norfolk Southern file merger application with STB", ""),
    ("International ocean container rates slide for fifth straight week", ""),
    ("Truckload Driver Pay Rises 3% in Annual Survey", ""),
    ("IRU: Europe short of 400,000 truck drivers", ""),
    ("House Passes Truck Parking Safety Improvement Act", ""),
    ("Port of Los Angeles Truck Turn Times Rise to 85 Minutes", ""),
    ("Love's Opens 5 Travel Stops in Three States", ""),
    ("Prologis raises guidance as warehouse leasing rebounds", ""),
    ("UPS shares fall as CEO warns of weaker peak season", ""),
    ("Siemens Mobility wins $1.1 billion train order from Amtrak", ""),
    ("Logistics UK: HGV driver vacancies fall to lowest since 2019", ""),
]
# "Bus", "coach" and "van" alone are no vehicle words: a sports coach, a footballer, a computer.
NOT_VEHICLES = [
    "Jets fire head coach after 2-9 start",
    "Van Dijk signs new Liverpool contract",
    "Intel details new memory bus for AI servers",
]


def _labels(cli, items: list[tuple[str, str]], *flags: str) -> dict[str, bool]:
    stdin = "".join(json.dumps({"title": t, "summary": s}) + "\n" for t, s in items)
    result = cli("classify", "--format", "jsonl", *flags, stdin=stdin)
    assert result.code == 0, result.err
    labels = [json.loads(line) for line in result.out.splitlines()]
    return {label["title"]: label["automotive"] for label in labels}


def test_trucks_buses_and_their_rules_are_car_news_from_any_feed(cli) -> None:
    """ "International Recalls 3,200 LT Series Trucks" was "not about cars: no car word"."""
    for flags in ((), ("--car-feed",)):
        labels = _labels(cli, VEHICLES, *flags)
        assert all(labels.values()), (flags, [t for t, car in labels.items() if not car])


def test_freight_and_logistics_are_no_car_news_from_any_feed(cli) -> None:
    """The same rail merger or driver survey was car news from Transport Topics (read as a car
    feed) and "Other news" from FreightWaves."""
    for flags in ((), ("--car-feed",)):
        labels = _labels(cli, FREIGHT, *flags)
        assert not any(labels.values()), (flags, [t for t, car in labels.items() if car])


def test_bus_coach_and_van_alone_say_no_vehicle(cli) -> None:
    labels = _labels(cli, [(title, "") for title in NOT_VEHICLES])
    assert not any(labels.values()), labels


def test_freights_truck_phrases_say_no_vehicle(cli) -> None:
    """ "Truck" is a vehicle word, but not in the freight phrases it is part of."""
    labels = _labels(cli, [item for item in FREIGHT if "ruck" in item[0] or "HGV" in item[0]])
    assert len(labels) == 5  # with "Truckload"
    assert not any(labels.values()), labels


def test_a_trade_feeds_freight_is_other_news_as_a_freight_feeds_is(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """A truck trade feed (its truck news makes it a car feed) and a freight feed carry the same
    kinds of item: the trucks are car news from both, the freight from neither."""
    trade = VEHICLES + FREIGHT[:5]
    freight = FREIGHT[5:] + VEHICLES[:2]
    feeds = []
    for name, items, first in (("trade", trade, 0), ("freight", freight, 100)):
        entries = [
            entry(clock, title, n, 30 - n % 30, description=summary)
            for n, (title, summary) in enumerate(items, first)
        ]
        feeds += ["--feed", publish(site, f"/{name}.xml", entries, title=name)]
    result = cli("digest", *feeds, "--no-extract", "--format", "json", "--all-topics")
    assert result.code == 0, result.err
    assert "trade.xml is now read as a car feed" in result.err  # its freight asked as a car feed's
    car = {
        source["title"]: story["automotive"]
        for story in result.json()["stories"]
        for source in story["sources"]
    }
    assert [title for title, _ in VEHICLES if not car[title]] == []
    assert [title for title, _ in FREIGHT if car[title]] == []
