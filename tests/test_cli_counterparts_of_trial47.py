"""Through the real CLI: blind trial 47 (an EU policy adviser among politics feeds) saw the US's
Section 232 parts list, one event told by several outlets, as four stories. Two of them were
kept apart as "different counterparts" (the EU / Europe: one side told two ways), which
`story A B` printed without naming them, beside a probability of 1.00; another pair as
"different unit counts" (130 parts / "Section 232 auto parts" read as 232 parts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows

# (path, hours ago, title, summary)
TARIFFS = [
    (
        "/politico",
        9,
        "Trump adds 130 more car parts to Section 232 tariffs, hitting EU suppliers",
        "The US Commerce Department expanded its Section 232 auto parts tariffs to include 130 "
        "additional product categories, among them wiring harnesses and seats, at 25 percent.",
    ),
    (
        "/borderlex",
        8.5,
        "US Commerce widens Section 232 auto parts list; EU says 15% ceiling must apply",
        "The Commerce Department's inclusion process adds 130 tariff lines; the Commission "
        "insists the 15% ceiling from the EU-US framework applies.",
    ),
    (
        "/ane",
        3,
        "European car parts suppliers hit as US adds 130 categories to Section 232 tariffs",
        "Wiring harnesses, seats and brake components are among the items newly covered by the "
        "25 percent US tariff.",
    ),
]
# Two deals of one maker with partners in different countries: different counterparts.
DEALS = [
    (
        "/politico",
        20,
        "Stellantis signs battery deal with Japan as it seeks supply beyond China",
        "",
    ),
    (
        "/ane",
        19,
        "Stellantis signs battery deal with Korea as it seeks supply beyond China",
        "",
    ),
]


def _digest(cli: Any, httpserver: HTTPServer, entries: list[Row]) -> Any:
    """The digest of ``entries`` (feed path, hours ago, title, summary), a feed per path."""
    return digest_of_rows(cli, httpserver, [(p.lstrip("/"), *rest) for p, *rest in entries], "2d")


def _story_of(digest: Any, title: str) -> dict[str, Any]:
    (found,) = [s for s in digest["stories"] if any(x["title"] == title for x in s["sources"])]
    return found


def test_one_tariff_list_told_as_the_eus_and_as_europes_is_one_story(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, TARIFFS)
    story = _story_of(digest, TARIFFS[0][2])
    assert {source["title"] for source in story["sources"]} == {t for _, _, t, _ in TARIFFS}


def test_story_a_b_names_the_counterparts_that_keep_two_stories_apart(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, DEALS)
    japan, korea = (_story_of(digest, title)["id"] for _, _, title, _ in DEALS)
    assert japan != korea
    apart = cli("story", japan, korea)
    assert apart.code == 0, apart.err
    assert "rule each other out: different counterparts: Japan / South Korea" in apart.out, (
        apart.out
    )
