"""Through the real CLI: Opel and Vauxhall are one maker's two badges (trial 41: a fleet in the UK
and Germany). Opel's Vivaro is the Vauxhall Vivaro, a Vauxhall digest carries Opel's stories
(and the reverse), and a group's story whose text names a Vauxhall carries Vauxhall. Vans built
alike under other makers' badges (Peugeot Expert, Citroën Jumpy, Toyota Proace) stay theirs."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.site import write_config

OPEL_VIVARO = "Opel Vivaro Electric: Neuauflage mit 350 Kilometern Reichweite"
PRICE_CUT = (
    "Stellantis Pro One Cuts Prices of Electric Vans in the UK",
    "Stellantis Pro One is reducing list prices of its electric vans in the UK by up to £3,500, "
    "including the Vauxhall Vivaro Electric and Peugeot e-Expert.",
)
# The same van under other makers' badges, and another maker's van: none of them a Vauxhall.
OTHERS = [
    "PEUGEOT EXPERT: Front seat belt anchorage may fail (R/2026/327)",
    "Toyota Proace City Electric gets range boost to 330km",
    "Citroën ë-Jumpy recalled over loose rear door hinge",
]


def _feed(httpserver: HTTPServer) -> str:
    entries = [
        item(OPEL_VIVARO, 0, hours_ago=1, description="Opel frischt den Vivaro Electric auf."),
        item(PRICE_CUT[0], 1, hours_ago=2, description=PRICE_CUT[1]),
        *(item(title, n, hours_ago=n + 1) for n, title in enumerate(OTHERS, start=2)),
    ]
    httpserver.expect_request("/vans").respond_with_data(
        rss(entries, title="Van News"), content_type="application/rss+xml"
    )
    return str(httpserver.url_for("/vans"))


def _titles(document: dict) -> set[str]:
    return {source["title"] for story in document["stories"] for source in story["sources"]}


def test_opels_vivaro_names_the_vivaro(cli, home: Path) -> None:
    """`classify 'Opel Vivaro Electric: …'` found no model: a `--model Vivaro` reader missed it."""
    (labels,) = cli("classify", "--format", "json", OPEL_VIVARO).json()
    assert [(m["name"], m["maker"]) for m in labels["models"]] == [("Vivaro", "Opel")]
    assert [m["name"] for m in labels["makers"]] == ["Opel"]


def test_a_vauxhall_digest_carries_opels_vans_and_the_groups_vauxhall_news(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """A named digest with `makers = ["Vauxhall"]` never mailed the German Opel Vivaro, nor
    "Stellantis Pro One Cuts Prices of Electric Vans in the UK" (filed under Stellantis alone,
    though its text names the Vauxhall Vivaro Electric)."""
    write_config(home, '[[digests]]\nname = "fleet"\nmakers = ["Vauxhall"]\n')
    url = _feed(httpserver)
    args = ("digest", "--feed", url, "--no-extract", "--format", "json")
    fleet = cli(*args, "--name", "fleet").json()
    assert _titles(fleet) == {OPEL_VIVARO, PRICE_CUT[0]}
    (cut,) = [s for s in fleet["stories"] if s["title"] == PRICE_CUT[0]]
    assert [m["name"] for m in cut["makers"]][:2] == ["Stellantis", "Vauxhall"]
    assert "Vivaro" in [m["name"] for m in cut["models"]]
    # The other badge too: a German reader's Opel digest takes the UK's Vauxhall news.
    assert _titles(cli(*args, "--offline", "--maker", "Opel").json()) == {
        OPEL_VIVARO,
        PRICE_CUT[0],
    }


def test_badge_engineered_vans_keep_their_makers(cli, home: Path, httpserver: HTTPServer) -> None:
    """Vivaro = Expert = Jumpy = Proace are built alike, but each maker's recall is its own."""
    url = _feed(httpserver)
    document = cli("digest", "--feed", url, "--no-extract", "--format", "json").json()
    makers = {
        source["title"]: [m["name"] for m in story["makers"]]
        for story in document["stories"]
        for source in story["sources"]
    }
    assert makers[OTHERS[0]] == ["Peugeot"]
    assert makers[OTHERS[1]] == ["Toyota"]
    assert makers[OTHERS[2]] == ["Citroën"]
    models = {
        source["title"]: [m["name"] for m in story["models"]]
        for story in document["stories"]
        for source in story["sources"]
    }
    assert models[OTHERS[0]] == ["Peugeot Expert"]
    assert models[OTHERS[2]] == ["ë-Jumpy"]
