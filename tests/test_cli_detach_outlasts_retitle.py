"""Review 35, F2, through the real CLI against feeds on 127.0.0.1: a feed's retitle (the same
guid, a corrected count) reopens the story of the retitled item to what the correction agrees
with; it must not undo `story --detach`. A source the user took out of a story stays a story of
its own when another outlet's item is corrected to match it, and a `--together` story stays
whole and apart when one of its own members is retitled."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

FORD_WRONG = "Ford recalls 13,200 F-150 pickups over brake fault"
FORD_RIGHT = "Ford recalls 132,000 F-150 pickups over brake fault"
FORD_B = "Ford recalls 132,000 F-150 trucks over faulty brakes"
FORD_C = "Ford F-150 brake recall covers 132,000 trucks"
TOYOTA = "Toyota raises Camry price in US"
HONDA = "Honda starts Prologue production in Mexico"

HY1 = "Hyundai recalls 50,000 Ioniq 5 over charging unit fault"
HY2 = "Hyundai recalls 50,000 Ioniq 5 EVs over ICCU fault"
HY3 = "Hyundai Ioniq 5 recall: 50,000 EVs affected by ICCU fault"
HY4 = "Hyundai Ioniq 5 recall covers 50,000 cars, ICCU fault"
HY4_RETITLED = "Hyundai Ioniq 5 recall covers 51,000 cars, ICCU fault"
BMW = "BMW opens new plant in Hungary"


def _stories(cli, *feeds: str) -> dict[frozenset[str], str]:  # type: ignore[no-untyped-def]
    result = cli("digest", *feeds, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    return {
        frozenset(source["title"] for source in story["sources"]): story["id"]
        for story in result.json()["stories"]
    }


def _numbers(cli, story_id: str, titles: set[str]) -> str:  # type: ignore[no-untyped-def]
    """The numbers `story ID` lists these sources under, as `--detach` takes them."""
    listed = cli("story", story_id).out
    found = [
        number
        for number, lines in re.findall(r"\[(\d+)\]([^\n]*\n[^\n]*)", listed)
        if any(title in lines for title in titles)
    ]
    assert len(found) == len(titles), listed
    return ",".join(found)


def test_a_detached_source_stays_apart_when_another_outlet_corrects_its_title(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    fa = publish(
        site, "/fa.xml", [entry(clock, FORD_WRONG, 1, 3), entry(clock, TOYOTA, 2, 2)], title="FA"
    )
    fb_entries = [entry(clock, FORD_B, 3, 2), entry(clock, HONDA, 4, 2), entry(clock, FORD_C, 5, 1)]
    fb = publish(site, "/fb.xml", fb_entries, title="FB")
    feeds = ("--feed", fa, "--feed", fb)
    before = _stories(cli, *feeds)
    both = before[frozenset({FORD_B, FORD_C})]
    detached = cli("story", both, "--detach", _numbers(cli, both, {FORD_C}))
    assert detached.code == 0, detached.err
    assert frozenset({FORD_C}) in _stories(cli, *feeds)

    clock.advance(hours=1)  # FA corrects its count: the same guid, another title
    publish(site, "/fa.xml", [entry(clock, FORD_RIGHT, 1, 4), entry(clock, TOYOTA, 2, 3)])
    after = _stories(cli, *feeds)
    assert frozenset({FORD_C}) in after, list(after)  # the user's detach holds
    assert frozenset({FORD_RIGHT, FORD_B}) in after, list(after)  # the correction still joins
    assert _stories(cli, *feeds) == after


def test_a_together_story_stays_whole_and_apart_when_its_member_is_retitled(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    ga = publish(site, "/ga.xml", [entry(clock, HY1, 1, 3), entry(clock, BMW, 2, 3)], title="GA")
    gb_entries = [entry(clock, HY2, 3, 2), entry(clock, HY3, 4, 2), entry(clock, HY4, 5, 1)]
    gb = publish(site, "/gb.xml", gb_entries, title="GB")
    feeds = ("--feed", ga, "--feed", gb)
    recall = _stories(cli, *feeds)[frozenset({HY1, HY2, HY3, HY4})]
    numbers = _numbers(cli, recall, {HY3, HY4})
    taken = cli("story", recall, "--detach", numbers, "--together")
    assert taken.code == 0, taken.err
    split = _stories(cli, *feeds)
    assert frozenset({HY3, HY4}) in split and split[frozenset({HY1, HY2})] == recall

    clock.advance(hours=1)  # GB retitles the together-story's second member
    gb_entries[2] = entry(clock, HY4_RETITLED, 5, 2)
    publish(site, "/gb.xml", gb_entries, title="GB")
    after = _stories(cli, *feeds)
    assert frozenset({HY3, HY4_RETITLED}) in after, list(after)
    assert after[frozenset({HY1, HY2})] == recall
