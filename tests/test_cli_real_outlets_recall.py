"""Through the real CLI: one event as several real outlets titled it, missed as one story
(recall 52b, the blind sets of real headlines). Each case is a kind: a maker's home country
read as a counterpart ("Japan's Honda" against "China sales"), a change at the top told as an
exit by one outlet and as a naming by another, a maker's talks ended told in the glossary's words
("negotiations terminated") and in a title's own order ("Talks with ... End")."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from autonews.cluster import features_of
from autonews.evaluation.cluster import EPOCH, Row, inputs
from tests.helpers.outlet_rows import Row as Entry
from tests.helpers.outlet_rows import digest_of_rows

# (path, hours ago, title, summary)

HONDA_OUTLOOK = [
    (
        "/reuters",
        10,
        "Honda forecasts 24.5% profit drop as China sales dip, Trump tariffs loom",
        "",
    ),
    ("/scmp", 8, "Japan's Honda projects plummeting profits due to Trump's tariffs", ""),
]
# Two deals of one maker in different countries stay two stories, whatever its home.
HONDA_DEALS = [
    ("/reuters", 10, "Honda signs battery deal with China as it seeks supply beyond Japan", ""),
    ("/scmp", 8, "Honda signs battery deal with Korea as it seeks supply beyond Japan", ""),
]
TOYOTA_SUCCESSION = [
    ("/ap", 12, "Toyota Motor Corp's CEO Akio Toyoda to step aside, become chairman", ""),
    ("/kyodo", 11, "Toyota to promote Sato to CEO, Toyoda to become chairman", ""),
    ("/bt", 10, "Toyota Appoints Koji Sato As New CEO, Akio Toyoda Becomes Chairman", ""),
]
# A chief's exit and, the same day, a successor named without the one who left: two turns.
TESLA_FINANCE_CHIEF = [
    ("/ap", 12, "Tesla finance chief Zach Kirkhorn steps down after 13 years", ""),
    ("/kyodo", 10, "Tesla names Vaibhav Taneja finance chief", ""),
]

FISKER_TALKS = [
    ("/electrek", 12, "Fisker says negotiations with Magna terminated", ""),
    (
        "/insideevs",
        10,
        "Fisker’s Talks with a ‘Large Automaker’ End; NYSE Moves to Delist Stock",
        "",
    ),
    ("/insideevs", 9, "Fisker to open a new store in Los Angeles", ""),
]

# Outlets of markets and politics, no car feeds: their car words are the market's.
JAPAN_DEAL = [
    ("/daily8", 12, "Trump strikes tariff deal with Japan, auto stocks surge", ""),
    ("/infozone", 9, "Trump and Japan seal major tariff agreement, auto stocks jump", ""),
]


def _digest(cli: Any, httpserver: HTTPServer, entries: list[Entry]) -> Any:
    """The digest of ``entries`` (feed path, hours ago, title, summary), a feed per path."""
    return digest_of_rows(cli, httpserver, [(p.lstrip("/"), *rest) for p, *rest in entries], "2d")


def _stories(digest: Any) -> list[set[str]]:
    return [{source["title"] for source in story["sources"]} for story in digest["stories"]]


def _titles(entries: list[Entry]) -> set[str]:
    return {title for _, _, title, _ in entries}


def test_a_makers_home_country_named_by_one_outlet_is_no_other_counterpart(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    assert _titles(HONDA_OUTLOOK) in _stories(_digest(cli, httpserver, HONDA_OUTLOOK))


def test_deals_with_two_countries_stay_two_stories_beside_the_makers_home(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    stories = _stories(_digest(cli, httpserver, HONDA_DEALS))
    assert all(len(story) == 1 for story in stories), stories


def test_a_change_at_the_top_told_as_an_exit_and_as_a_naming_is_one_story(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    stories = _stories(_digest(cli, httpserver, TOYOTA_SUCCESSION))
    assert _titles(TOYOTA_SUCCESSION) in stories, stories


def test_an_exit_and_a_successor_named_without_the_one_who_left_stay_two_stories(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    stories = _stories(_digest(cli, httpserver, TESLA_FINANCE_CHIEF))
    assert all(len(story) == 1 for story in stories), stories


def test_talks_ended_told_in_a_titles_own_order_are_the_talks_ended(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    stories = _stories(_digest(cli, httpserver, FISKER_TALKS))
    assert _titles(FISKER_TALKS[:2]) in stories, stories
    assert {FISKER_TALKS[2][2]} in stories, stories


def test_a_deal_told_by_how_auto_stocks_took_it_is_car_news_of_one_story(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    stories = _stories(_digest(cli, httpserver, JAPAN_DEAL))
    assert _titles(JAPAN_DEAL) in stories, stories


def test_a_deal_of_the_eu_and_the_us_told_with_europe_named_too_has_the_two_sides_as_subject() -> (
    None
):
    """Where "US" alone is too common among a run's items to be a subject, the two sides named
    together are one (``subjects._two_nations``); Europe beside the EU is no third side."""
    titles = [
        "EU, U.S. trade deal will see 15% tariff on auto exports",
        "Why European Auto Stocks Tumbled Despite EU–US Trade Deal",
        "European customers get chips again from Nexperia's China unit",
    ]
    rows = [Row("x", EPOCH + timedelta(hours=n), f"o{n}", t, "") for n, t in enumerate(titles)]
    told, retold, customers = features_of(inputs(rows))
    assert "n*eu+us" in told.subject
    assert "n*eu+us" in retold.subject
    assert "n*china+eu" not in customers.subject  # Europe alone is not the EU
