"""Through the real CLI: trial 55's two plants of one maker in one US state. The Hyundai-LG battery
plant in Georgia starting output and Hyundai's US robot factory for Boston Dynamics' Atlas were
one story: the robot factory is "at Metaplant America" (Hyundai's Georgia plant), which one
battery item names only in its lead ("next to the Hyundai Motor Group Metaplant America") and
another item's lead places in Georgia. A plant's site is a place, and a place two of a maker's
items share, one only in its lead, is no event; nor is "U.S." the robot factory shares with the
maker's share move of the day, which gives the tariff cut as its cause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, key_rows, story_of, titles

KEY = Path(__file__).parent / "data" / "clusters-trial55.tsv"
EVENTS = {"hlga-start", "hmg-robot-plant", "hmc-shares-tariff", "tariff15"}
LAST_HOUR = 24  # the run: a day's news


def test_a_battery_plant_and_a_robot_factory_in_one_state_are_two_stories(
    cli: Any, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, key_rows(KEY, LAST_HOUR, events=EVENTS), "48h")
    robots = titles(story_of(digest, "Hyundai Motor Group plans U.S. robot factory"))
    batteries = titles(story_of(digest, "LGES Says Georgia Battery Plant"))
    assert "Hyundai to buy tens of thousands of Boston Dynamics robots, build US robot plant" in (
        robots
    )
    assert (
        "Hyundai Motor Group to Build U.S. Robot Factory, Deploy Boston Dynamics Atlas at "
        "Metaplant America" in robots
    )
    assert "Hyundai-LG Georgia battery plant eyes H1 start after ICE raid setback" in batteries
    assert not robots & batteries
    # The share move "as US tariff cut takes effect" is no reaction to the robot factory.
    assert not any("tariff" in title for title in robots)
