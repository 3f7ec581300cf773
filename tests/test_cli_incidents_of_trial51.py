"""Through the real CLI: blind trial 51 (a mobility start-up's strategy manager following
robotaxis in tech feeds) saw a robotaxi's pedestrian crash, told by four outlets, and NHTSA's
probe of it, told by five, made one nine-source story, re-sent as "now told as legal"; a
Waymo robotaxi hitting a child and the probe opened days later were one story too. A crash,
the probe it brings and the recall after it are three events (``cluster/trouble_kinds``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

CRASH: list[Row] = [
    (
        "reuters",
        51,
        "Amazon's Zoox robotaxi strikes pedestrian in Las Vegas, company says",
        "A Zoox robotaxi struck a pedestrian who stepped into a crosswalk on the Las Vegas Strip "
        "on Tuesday night; the pedestrian was taken to hospital with non-life-threatening "
        "injuries, the Amazon unit said.",
    ),
    (
        "tc",
        50,
        "Zoox robotaxi hits pedestrian in Las Vegas, pauses some service",
        "Zoox said one of its purpose-built robotaxis hit a pedestrian near the Strip and it has "
        "paused rides on part of its Las Vegas service while it investigates.",
    ),
    (
        "verge",
        49,
        "A Zoox robotaxi hit a pedestrian on the Las Vegas Strip",
        "The Amazon-owned company says the person walked into the road against the signal and "
        "was hospitalized with minor injuries.",
    ),
    (
        "ars-cars",
        47,
        "Zoox robotaxi injures pedestrian in Las Vegas; company pauses Strip rides",
        "The boxy, steering-wheel-free vehicle was traveling at 19 mph when it struck the "
        "pedestrian, according to Zoox.",
    ),
]
PROBE: list[Row] = [
    (
        "reuters",
        34,
        "US auto safety agency opens probe into Zoox after Las Vegas pedestrian crash",
        "The National Highway Traffic Safety Administration said it opened a preliminary "
        "evaluation covering 332 Zoox robotaxis after one struck a pedestrian in Las Vegas this "
        "week.",
    ),
    (
        "tc",
        33,
        "NHTSA investigates Zoox robotaxis after pedestrian is struck",
        "The agency's Office of Defects Investigation will look at how Zoox's software predicts "
        "pedestrians who enter crosswalks against the light.",
    ),
    (
        "verge",
        32,
        "Feds are investigating Zoox after its robotaxi hit a pedestrian",
        "NHTSA opened a preliminary evaluation into 332 Zoox vehicles.",
    ),
    ("hn", 32, "NHTSA opens probe into Zoox robotaxis", ""),
]
RECALL: list[Row] = [
    (
        "reuters",
        10,
        "Zoox recalls 332 robotaxis via software update after Las Vegas crash",
        "Amazon's Zoox filed a voluntary recall with NHTSA to update software on 332 vehicles "
        "after one struck a pedestrian.",
    ),
    (
        "tc",
        9,
        "Zoox issues software recall for 332 robotaxis after pedestrian crash",
        "Zoox said the update, already installed across its fleet, improves how its vehicles "
        "predict pedestrians crossing against the signal.",
    ),
]
CHILD: list[Row] = [
    (
        "reuters",
        31,
        "Waymo robotaxi strikes child near Santa Monica elementary school",
        "A Waymo vehicle struck a child who ran into the street near an elementary school in "
        "Santa Monica on Wednesday morning; the child suffered minor injuries, police said.",
    ),
    ("tc", 29, "Waymo robotaxi hits child in Santa Monica school zone", ""),
    ("hn", 27, "A Waymo hit a child near a school in Santa Monica", ""),
]
CHILD_PROBE: list[Row] = [
    (
        "reuters",
        4,
        "NHTSA opens investigation into Waymo after robotaxi struck child near school",
        "The agency opened a preliminary evaluation of about 3,000 Waymo vehicles to examine "
        "behavior around schools and children.",
    ),
    (
        "tc",
        3,
        "NHTSA opens probe into Waymo following Santa Monica incident",
        "The regulator will examine how Waymo vehicles behave around school zones.",
    ),
]


def _digest(cli: Any, httpserver: HTTPServer, rows: list[Row]) -> dict[str, Any]:
    return digest_of_rows(cli, httpserver, rows, "3d")


def _all(rows: list[Row]) -> set[str]:
    return {title for _, _, title, _ in rows}


def test_a_crash_its_probe_and_the_recall_after_it_are_three_stories(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, CRASH + PROBE + RECALL)
    assert titles(story_of(digest, CRASH[0][2])) == _all(CRASH)
    assert titles(story_of(digest, PROBE[0][2])) == _all(PROBE)
    assert titles(story_of(digest, RECALL[0][2])) == _all(RECALL)


def test_a_robotaxi_hitting_a_child_is_apart_from_the_probe_opened_after_it(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, CHILD + CHILD_PROBE)
    assert titles(story_of(digest, CHILD[0][2])) == _all(CHILD)
    assert titles(story_of(digest, CHILD_PROBE[0][2])) == _all(CHILD_PROBE)


def test_story_a_b_says_an_incident_and_its_probe_are_different_events(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, CRASH + PROBE)
    crash, probe = story_of(digest, CRASH[0][2]), story_of(digest, PROBE[0][2])
    result = cli("story", crash["id"], probe["id"])
    assert result.code == 0, result.err
    assert "an incident" in result.out and "a probe opened" in result.out, result.out


def test_story_a_b_names_a_source_to_detach_that_exists(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 51 read "B2 is `autonews story … --detach 2`" under a story B of one source [B1]."""
    digest = _digest(cli, httpserver, CHILD + CHILD_PROBE[:1])
    crash, probe = story_of(digest, CHILD[0][2]), story_of(digest, CHILD_PROBE[0][2])
    assert len(probe["sources"]) == 1 and len(crash["sources"]) > 1
    result = cli("story", crash["id"], probe["id"])
    assert result.code == 0, result.err
    assert "B2 is" not in result.out
    assert f"A2 is `autonews story {crash['id']} --detach 2`" in result.out


def test_story_a_b_of_two_single_sources_gives_no_detach_hint(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, CHILD[:1] + CHILD_PROBE[:1])
    crash, probe = story_of(digest, CHILD[0][2]), story_of(digest, CHILD_PROBE[0][2])
    result = cli("story", crash["id"], probe["id"])
    assert result.code == 0, result.err
    assert "--detach takes" not in result.out
