"""Blind trial 52 (a battery supply-chain analyst): "Enphase cuts jobs as US residential solar
slumps" and "Data center developer buys former solar panel plant for battery storage", car news
of car feeds naming no maker, were proven one event on the one concept both titles name ("grid",
of "solar", p 0.87), and the pair chained a solar installer's job cuts into Ford's Kentucky
grid-storage story, which the data-centre item then titled. Titles naming no maker need more
than one theme of the energy industry (the grid, which holds solar and renewables) in
common."""

from __future__ import annotations

import pytest

from tests.test_cluster_evidence import titles_in_car_feeds


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("US residential solar slumps", "Developer buys former solar panel plant"),
        (
            "Grid operator warns of summer electricity shortfall",
            "Utility approves grid upgrade for battery storage",
        ),
    ],
)
def test_car_news_naming_no_maker_and_sharing_one_energy_theme_is_two_stories(
    first: str, second: str
) -> None:
    assert titles_in_car_feeds(first, second) == [[0], [1]]
