"""Through the real CLI: what blind trial 51's recheck (a mobility start-up's strategy manager
following robotaxis) still found: a robotaxi that hit a child typed launch, the story of six
reports of it too, and `--maker Volvo` saying "none by Volvo" without a word of the Volvo
Trucks story it had (Volvo Group's trucks are a maker of their own)."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.conftest import Clock
from tests.helpers.outlet_rows import Row, digest_of_rows, story_of
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

CHILD: list[Row] = [
    ("reuters", 43, "Waymo robotaxi strikes child near Santa Monica elementary school", ""),
    ("verge", 42, "A Waymo hit a child near a school in Santa Monica", ""),
    ("tc", 41, "Waymo robotaxi hits child in Santa Monica school zone", ""),
    ("hn", 39, "A Waymo hit a child near a school in Santa Monica", ""),
]


def test_a_robotaxi_that_hits_a_child_is_an_incident(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, CHILD, "3d")
    story = story_of(digest, "Waymo robotaxi hits child")
    assert story["event"] == "incident"
    assert {source["title"] for source in story["sources"]} == {title for *_, title, _ in CHILD}


def test_maker_volvo_points_to_volvo_trucks(cli, home: Path, site: Site, clock: Clock) -> None:
    url = publish(
        site,
        "/volvo.xml",
        [
            entry(clock, "Volvo, Aurora start driverless freight runs for DHL in Texas", 1, 1),
            entry(clock, "Volvo recalls 10,000 XC90 SUVs over seat belts", 2, 2),
        ],
    )
    volvo = cli("digest", "--feed", url, "--no-extract", "--maker", "Volvo", "--format", "json")
    assert volvo.code == 0, volvo.err
    titles = [story["title"] for story in volvo.json()["stories"]]
    assert titles == ["Volvo recalls 10,000 XC90 SUVs over seat belts"]
    assert "--maker 'Volvo Trucks'" in volvo.err and "Volvo Group" in volvo.err
    both = cli(
        "digest", "--feed", url, "--no-extract", "--maker", "Volvo", "--maker", "Volvo Trucks"
    )
    assert both.code == 0, both.err
    assert "Volvo Trucks" in both.out and "Volvo Trucks" not in both.err
