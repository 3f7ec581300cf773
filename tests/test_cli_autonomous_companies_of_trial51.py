"""Trial 51's robotaxi and autonomous-trucking news, as a mobility start-up's strategy manager's
digest labelled it: a company's name read as a hedge ("May Mobility"), a driver-assistance level
as a verb ("eyes-off Super Cruise"), a robotaxi striking a child as a labour strike, a Waymo
launch filed under the Tesla its comparison names, a law under the first of a summary's list of
companies, Volvo Group's trucks under Geely's Volvo Cars, "autonomous driving" no car word, and
an autonomous company's permits and launches read as no event for want of a maker. Through the
CLI over a loopback feed; the firm news beside them stays as it was."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

ITEMS = [
    (
        "May Mobility and Uber launch autonomous rides in Arlington, Texas",
        "Riders can be matched with May Mobility's Toyota Sienna vehicles, with safety operators "
        "at first.",
    ),
    ("GM will offer eyes-off Super Cruise on the 2028 Cadillac Escalade IQ", ""),
    ("Waymo robotaxi strikes child near Santa Monica elementary school", ""),
    (
        "Waymo launches fully public robotaxi service in Miami, Tesla still needs safety monitors",
        "Waymo is now open to all riders in Miami while Tesla's Robotaxi service in Austin still "
        "relies on employees in the vehicles.",
    ),
    (
        "Texas rules for driverless vehicles take effect, requiring state permit",
        "A Texas law requiring autonomous vehicle operators to get a permit from the Department of "
        "Motor Vehicles took effect, affecting Tesla, Waymo and Aurora.",
    ),
    (
        "Volvo, Aurora start driverless freight runs for DHL in Texas",
        "Volvo's autonomous trucking unit said it is hauling DHL freight with no one behind the "
        "wheel.",
    ),
    ("Nvidia releases open reasoning model for autonomous driving", ""),
    ("WeRide and Uber launch driverless robotaxi service in Abu Dhabi", ""),
    # Beside them, what must stay as it was.
    ("Tesla may cut Model Y prices in China", ""),
    ("UAW strikes at three Stellantis plants", ""),
    ("Volvo recalls 10,000 XC90 SUVs over seat belts", ""),
]


def _stories(cli, site: Site, clock: Clock) -> dict[str, dict]:
    entries = [
        entry(clock, title, n, 1 + n, **({"description": summary} if summary else {}))
        for n, (title, summary) in enumerate(ITEMS)
    ]
    url = publish(site, "/av.xml", entries)
    result = cli("digest", "--feed", url, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    return {story["title"]: story for story in result.json()["stories"]}


def _makers(story: dict) -> list[str]:
    return [maker["name"] for maker in story["makers"]]


def test_names_and_words_are_not_read_as_hedges_or_strikes(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    stories = _stories(cli, site, clock)
    may = stories["May Mobility and Uber launch autonomous rides in Arlington, Texas"]
    assert may["speculative"] is False
    gm = stories["GM will offer eyes-off Super Cruise on the 2028 Cadillac Escalade IQ"]
    assert gm["speculative"] is False
    assert stories["Tesla may cut Model Y prices in China"]["speculative"] is True
    crash = stories["Waymo robotaxi strikes child near Santa Monica elementary school"]
    assert crash["event"] == "incident"
    assert stories["UAW strikes at three Stellantis plants"]["event"] == "production"


def test_the_subject_is_the_maker_not_a_comparison_a_list_or_a_supplier_of_cars(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    stories = _stories(cli, site, clock)
    miami = stories[
        "Waymo launches fully public robotaxi service in Miami, Tesla still needs safety monitors"
    ]
    assert _makers(miami) == [] and miami["event"] == "launch"
    law = stories["Texas rules for driverless vehicles take effect, requiring state permit"]
    assert _makers(law) == [] and law["event"] == "regulation"
    may = stories["May Mobility and Uber launch autonomous rides in Arlington, Texas"]
    assert _makers(may) == []  # Toyota builds its Siennas; the news is May Mobility's
    assert may["event"] != "other"
    dhl = stories["Volvo, Aurora start driverless freight runs for DHL in Texas"]
    assert _makers(dhl) == ["Volvo Trucks"]
    assert _makers(stories["Volvo recalls 10,000 XC90 SUVs over seat belts"]) == ["Volvo"]
    weride = stories["WeRide and Uber launch driverless robotaxi service in Abu Dhabi"]
    assert weride["event"] == "launch"


def test_autonomous_driving_is_car_news(cli, home: Path, site: Site, clock: Clock) -> None:
    stories = _stories(cli, site, clock)
    assert "Nvidia releases open reasoning model for autonomous driving" in stories


def test_maker_of_a_self_driving_companys_owner_points_to_the_company(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    url = publish(site, "/one.xml", [entry(clock, "Waymo opens in Miami", 1, 1)])
    alphabet = cli("digest", "--feed", url, "--no-extract", "--maker", "Alphabet")
    assert alphabet.code == 2
    assert "owns Waymo" in alphabet.err and "hint: use --company Waymo" in alphabet.err
