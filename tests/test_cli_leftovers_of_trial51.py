"""Through the real CLI: what blind trial 51's recheck (a mobility start-up's strategy manager
following robotaxis) still found: a robotaxi that hit a child typed launch, and the story of
six reports of it too."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of

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
