"""Trial 54, through the real CLI: the trial's 197 items, each outlet a feed, in one digest of
its three days. A truck rule told three ways was one story with one maker's order and apart from
one of its own reports; a rule's delay, a factory's ramp and a tariff were split (see
test_cluster_splits_of_trial54.py for why)."""

from __future__ import annotations

from autonews.evaluation.cluster import load_rows
from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_cluster_splits_of_trial54 import EPA_DELAY, EU_REVIEW, SEMI_VOLUME, TRUCK_TARIFFS
from tests.test_cluster_trade_words_of_trial54 import KEY, _hours
from tests.test_new_over_time import entry, publish

DFDS_ORDER = {
    "Volvo Trucks receives order for 500 electric trucks from DFDS",
    "DFDS orders 500 electric trucks from Volvo",
    "DFDS signs for 500 Volvo electric trucks in record deal",
    "Volvo Trucks lands order for 500 electric trucks from DFDS - Reuters",
}


def test_the_trials_rules_and_orders_are_one_story_each(cli, site: Site, clock: Clock) -> None:
    by_outlet: dict[str, list[dict]] = {}
    for n, row in enumerate(load_rows(KEY)):
        item = entry(clock, row.title, n, 72.5 - _hours(row), description=row.summary)
        by_outlet.setdefault(row.outlet, []).append(item)
    feeds = []
    for n, (outlet, items) in enumerate(sorted(by_outlet.items())):
        feeds += ["--feed", publish(site, f"/feed{n}.xml", items, title=outlet)]
    result = cli(
        "digest", *feeds, "--no-extract", "--since", "4d", "--format", "json", "--all-topics"
    )
    assert result.code == 0, result.err
    stories = [
        {source["title"] for source in story["sources"]} for story in result.json()["stories"]
    ]

    def story_of(title: str) -> set[str]:
        return next(story for story in stories if title in story)

    assert story_of("DFDS orders 500 electric trucks from Volvo").isdisjoint(EU_REVIEW)
    for event in (EU_REVIEW, EPA_DELAY, SEMI_VOLUME, TRUCK_TARIFFS):
        assert story_of(min(event)) == event
