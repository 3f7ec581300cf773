"""Through the real CLI: the makers and models of regulators' listings (trial 37) — a listing
names its manufacturer, whose model is no other maker's brand; a model named with another name
of its maker, or in another script, is the one model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

INDIAN = (
    "26V-158: Indian Motorcycle Company — 2025 Indian Scout — Rear Brake Line May Contact "
    "Exhaust (5,402 vehicles)"
)
SPRINTER = (
    "26V-140: Mercedes-Benz USA — 2024-2025 Mercedes-Benz Sprinter — Front Brake Caliper Bolts "
    "May Loosen (12,447 vehicles)"
)
LEXUS = (
    "26V-127: Toyota Motor Engineering & Manufacturing — 2024-2026 Toyota Grand Highlander, "
    "Lexus TX — Occupant Classification Sensor May Fail (145,111 vehicles)"
)
BMW_CHINA = "华晨宝马汽车有限公司召回部分国产X3、5系汽车 共计18,655辆"
SEAL_CHINA = "比亚迪汽车工业有限公司召回部分海豹纯电动汽车 共计44,310辆"


def listings_feed(httpserver: HTTPServer) -> str:
    titles = [INDIAN, SPRINTER, LEXUS, BMW_CHINA, SEAL_CHINA]
    items = [item(title, n, hours_ago=5 * n + 1) for n, title in enumerate(titles)]
    httpserver.expect_request("/recalls").respond_with_data(
        rss(items, title="Recalls"), content_type="application/rss+xml"
    )
    return str(httpserver.url_for("/recalls"))


def listed(cli, url: str, *args: str) -> dict[str, dict[str, Any]]:
    """The digest's stories of the listings, by each source's title."""
    document = cli("digest", "--feed", url, "--no-extract", "--format", "json", *args).json()
    return {source["title"]: story for story in document["stories"] for source in story["sources"]}


def test_a_listing_files_a_model_under_its_manufacturer_not_a_brand_so_named(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Indian's Scout motorcycle was filed under Volkswagen's Scout brand."""
    url = listings_feed(httpserver)
    assert listed(cli, url)[INDIAN]["makers"] == []
    assert listed(cli, url, "--offline", "--maker", "Scout") == {}


def test_listings_name_every_model_once_whatever_the_name_or_script(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """The Sprinter (as "Mercedes-Benz Sprinter"), the Lexus TX and BMW's 5系 were missing;
    SAMR's 海豹 was a model apart from Safety Gate's "BYD Seal"."""
    url = listings_feed(httpserver)
    stories = listed(cli, url)

    def models(title: str) -> list[str]:
        return [model["name"] for model in stories[title]["models"]]

    assert models(SPRINTER) == ["Mercedes Sprinter"]
    assert models(LEXUS) == ["Grand Highlander", "Lexus TX"]
    assert models(BMW_CHINA) == ["X3", "5 Series"]
    assert models(SEAL_CHINA) == ["BYD Seal"]
    assert list(listed(cli, url, "--offline", "--model", "BYD Seal")) == [SEAL_CHINA]
