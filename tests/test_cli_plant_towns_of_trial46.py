"""Through the real CLI: what blind trial 46 (an investor in Tesla's results week, reading
English, German and Chinese feeds) saw joined that are different events. A place the maker is
known for, its plant's town, is no subject for two of its events told a day apart (the
works-council election and the third shift at Grünheide shared only "berlin, germany"), while
one event at the plant told by several outlets within hours stays one story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

# (hours ago, title, summary): a regional paper's German titles, a business daily's, an EV blog's
# and a wire's, with the other news of the week around them.
REGIONAL = [
    (46, "IG Metall wins Tesla Grünheide works council vote", ""),
    (44, "Brandenburg: Landtag debattiert über Kita-Gebühren", ""),
    (30, "Tesla Model Y recall: 2,000 SUVs over seat belt sensor", ""),
    (26.5, "Tesla Grünheide führt wieder Drei-Schicht-Betrieb ein", ""),
]
BUSINESS = [
    (45, "Tesla shareholders file class action over robotaxi claims", ""),
    (40, "Tesla Cybertruck recalled over light bar that may detach", ""),
    (12, "Tesla vehicle programs chief departs after 12 years", ""),
]
WIRE = [
    (47, "Tesla Q3 deliveries beat estimates on Model Y demand", ""),
    (43, "Tesla robotaxi expands to Miami, its fourth city", ""),
    (25.5, "Tesla Grünheide stellt 500 Leute ein und kehrt zum Dreischichtbetrieb zurück", ""),
    (10, "Tesla cuts Model 3 prices in China by 10,000 yuan", ""),
]
ELECTION = [REGIONAL[0][1]]
SHIFT = [REGIONAL[3][1], WIRE[2][1]]


def _serve(httpserver: HTTPServer, path: str, entries: list[tuple[float, str, str]]) -> str:
    items = [
        item(title, n, hours_ago, link=f"http://example.com{path}/{n}", description=summary)
        for n, (hours_ago, title, summary) in enumerate(entries)
    ]
    httpserver.expect_request(path).respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return str(httpserver.url_for(path))


def _digest(cli, httpserver: HTTPServer) -> dict[str, Any]:
    feeds = []
    for path, entries in (("/maz", REGIONAL), ("/hb", BUSINESS), ("/wire", WIRE)):
        feeds += ["--feed", _serve(httpserver, path, entries)]
    result = cli("digest", *feeds, "--no-extract", "--since", "3d", "--format", "json")
    assert result.code == 0, result.err
    digest: dict[str, Any] = result.json()
    return digest


def _story_of(digest: dict[str, Any], title: str) -> dict[str, Any]:
    (found,) = [
        story
        for story in digest["stories"]
        if any(source["title"] == title for source in story["sources"])
    ]
    return found


def test_two_events_at_a_makers_plant_a_day_apart_are_two_stories(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 46 saw the election and the third shift as one story of 10 sources, re-sent by
    `--new` as "now told as production" (`--explain`: "shared subject: berlin, germany")."""
    digest = _digest(cli, httpserver)
    election = _story_of(digest, ELECTION[0])
    shift = _story_of(digest, SHIFT[0])
    assert election is not shift
    titles = {source["title"] for source in election["sources"]}
    assert titles.isdisjoint(SHIFT), titles


def test_a_plants_event_told_by_several_outlets_within_hours_stays_one_story(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Outlets tell the plant's own news the same day: the town still joins them."""
    digest = _digest(cli, httpserver)
    shift = _story_of(digest, SHIFT[0])
    assert {source["title"] for source in shift["sources"]} >= set(SHIFT[:2])


def test_the_places_makers_are_known_for_are_places_the_clustering_reads() -> None:
    """knowledge/maker_places.toml names places by the glossary's ids: a misspelt one would
    silently never match."""
    from autonews.cluster.own_ground import known_places
    from autonews.cluster.shared import PLACES

    assert known_places() and known_places() <= PLACES, sorted(known_places() - PLACES)
