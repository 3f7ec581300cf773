"""Stories as daily cron runs of ``autonews digest`` build them, not as one clustering of all:
each run clusters what the store holds in its window, and keeps what earlier runs made. The
labelled sets' headlines are served from a loopback site, each outlet a feed, dated by their
hours column against a clock the test moves (``benchmarks/cluster_eval.py --incremental``
replays whole sets so)."""

from __future__ import annotations

import json
from pathlib import Path

from autonews.evaluation.cluster import EPOCH, Row, load_rows
from tests.conftest import Clock
from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import Site

DATA = Path(__file__).parent / "data"


class Outlets:
    """A set's rows served as feeds, one per outlet, each listing what was published by the
    clock's now (the set's hours counted from ``start``)."""

    def __init__(self, site: Site, clock: Clock, rows: list[Row], start: float) -> None:
        self.site, self.clock, self.rows = site, clock, rows
        self.zero = clock.now  # the clock's now is the set's hour ``start``
        self.start = start
        self.paths = {
            outlet: f"/feed{n}.xml" for n, outlet in enumerate(sorted({r.outlet for r in rows}))
        }

    def hours(self, row: Row) -> float:
        return (row.published - EPOCH).total_seconds() / 3600 - self.start

    def publish(self) -> list[str]:
        """Every feed as it stands at the clock's now: the arguments that name them."""
        now = (self.clock.now - self.zero).total_seconds() / 3600
        for outlet, path in self.paths.items():
            entries = [
                {
                    "title": row.title,
                    "link": f"http://example.com/{n}",
                    "guid": f"row-{n}",
                    "date": rfc822(now - self.hours(row), self.clock.now),
                }
                for n, row in enumerate(self.rows)
                if row.outlet == outlet and self.hours(row) <= now
            ]
            self.site.routes[path] = (200, "application/rss+xml", rss(entries, outlet))
        return [arg for path in self.paths.values() for arg in ("--feed", self.site.url(path))]


def stories(result) -> list[list[str]]:
    """The digest's stories, each as its sources' titles."""
    assert result.code == 0, result.err
    return [[s["title"] for s in story["sources"]] for story in json.loads(result.out)["stories"]]


def story_of(found: list[list[str]], words: str) -> list[str]:
    return next(titles for titles in found if any(words in title for title in titles))


def test_a_part_every_recall_of_the_day_names_joins_no_supplier_news_in_the_first_run(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 37's first day, the first run of a cron user: a dozen recalls name brakes, and
    so do a supplier's brake-by-wire contract and a draft standard for brakes. In a window of
    one day "brake" is used only within two days, as one event's names are; but a quarter of
    the day's items use it, all day long: it is no one event's name, and the Tacoma recall, the
    contract, the Harley recall, the standard and Brembo's new system stay five stories."""
    rows = [
        row
        for row in load_rows(DATA / "clusters-trial37.tsv")
        if row.published <= EPOCH.replace(day=2)
    ]
    outlets = Outlets(site, clock, rows, start=24.0)
    found = stories(cli("digest", *outlets.publish(), "--no-extract", "--format", "json"))
    tacoma = story_of(found, "Toyota Tacoma")
    assert not any("伯特利" in title for title in tacoma), tacoma
    harley = story_of(found, "Harley-Davidson")
    assert not any("工信部" in title or "Brembo" in title for title in harley), harley
