"""Stories as daily cron runs of ``autonews digest`` build them, not as one clustering of all:
each run clusters what the store holds in its window, and keeps what earlier runs made. The
labelled sets' headlines are served from a loopback site, each outlet a feed, dated by their
hours column against a clock the test moves (``benchmarks/cluster_eval.py --incremental``
replays whole sets so)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from autonews.evaluation.cluster import EPOCH, Row, load_rows
from tests.conftest import Clock
from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import Site

DATA = Path(__file__).parent / "data"


class Outlets:
    """A set's rows served as feeds, one per outlet, each listing what was published by the
    clock's now (the set's hours counted from ``start``), with its summary."""

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
                    "title": escape(row.title),
                    "description": escape(row.summary),
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


def test_a_country_the_days_news_names_joins_no_two_events_in_the_first_run(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 52's first day, the first run of a cron user: all the day's items lie within two
    days, so "China" read as one event's name, and "China's coal imports fall 9% in November"
    joined the lithium futures rally ("China lithium futures jump 9% on supply worries") on it
    and the 9% both tell. Six of the day's items name China, of several events: the coal
    imports stay a story of their own."""
    rows = [
        row
        for row in load_rows(DATA / "clusters-trial52.tsv")
        if row.published <= EPOCH.replace(day=2)
    ]
    outlets = Outlets(site, clock, rows, start=24.0)
    found = stories(cli("digest", *outlets.publish(), "--no-extract", "--format", "json"))
    coal = story_of(found, "coal imports")
    assert coal == ["China's coal imports fall 9% in November"], coal
    rally = story_of(found, "China lithium futures jump 9%")
    assert "Lithium price surges as CATL mine suspension drags on" in rally, rally


def daily_runs(cli, clock: Clock, outlets: Outlets, days: int) -> list[list[str]]:
    """``digest --new`` once a day for ``days`` days: the stories of the last run."""
    found: list[list[str]] = []
    for day in range(days):
        if day:
            clock.advance(hours=24)
        found = stories(
            cli("digest", *outlets.publish(), "--no-extract", "--new", "--format", "json")
        )
    return found


def test_a_word_of_every_day_weighs_as_common_in_a_run_whose_window_holds_it_twice(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 40's three days, a run each day: on the third, the nine items of the window saying
    a count "broke through" (突破) a mark all lie within two days, as one event's names do, and
    Pop Mart's 200th store abroad joined Xiaomi's YU9 orders passing 50,000 on that word. The
    items earlier runs clustered that week weigh the window's words too: it is used every day,
    and they are two stories."""
    outlets = Outlets(site, clock, load_rows(DATA / "clusters-trial40.tsv"), start=24.0)
    found = daily_runs(cli, clock, outlets, days=3)
    popmart = story_of(found, "泡泡玛特海外门店")
    assert popmart == ["泡泡玛特海外门店突破200家"], popmart


def test_a_newsletter_with_one_issue_in_the_window_is_still_a_briefing(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """A newsletter that skipped a day, and a market preview: each has one issue in the
    fourth day's window, so neither title read as an issue of a series, and "The Morning
    Drive: Tesla cuts Model Y prices, Ford recalls a million cars" joined "Auto stocks to
    watch: Tesla, Ford, Hyundai Motor" on the two makers both name. The issues an earlier run
    clustered show both are series of briefings: they join no story."""
    rows = load_rows(DATA / "clusters-feeds.tsv")
    outlets = Outlets(
        site, clock, [row for row in rows if row.published < EPOCH.replace(day=5)], start=24.0
    )
    found = daily_runs(cli, clock, outlets, days=4)
    newsletter = story_of(found, "The Morning Drive: Tesla cuts Model Y prices")
    assert newsletter == [
        "The Morning Drive: Tesla cuts Model Y prices, Ford recalls a million cars"
    ]


def test_a_late_report_joins_the_story_delivered_before_its_first_sources_left_the_window(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 41: Ford Pro and Ayvens announce a leasing deal one evening, the next morning's
    run delivers it; a German trade paper reports it 42 hours later. The third morning's
    window of two days no longer holds the English reports, and the German one was delivered
    again as a story of its own. It is a late source of the story delivered: under that story's
    id, and no news."""
    outlets = Outlets(site, clock, load_rows(DATA / "clusters-trial41.tsv"), start=0.0)
    runs = []
    for day in range(4):
        if day:
            clock.advance(hours=24)
        result = cli("digest", *outlets.publish(), "--no-extract", "--new", "--format", "json")
        assert result.code == 0, result.err
        runs.append(json.loads(result.out)["stories"])
    (deal,) = [s for s in runs[1] if any("Ford Pro and Ayvens" in x["title"] for x in s["sources"])]
    german = "Ford Pro und Ayvens: Europaweiter Leasingvertrag für E-Transit"
    assert not [s for s in runs[3] if any(x["title"] == german for x in s["sources"])]
    shown = cli("digest", *outlets.publish(), "--offline", "--no-extract", "--format", "json")
    (story,) = [
        s for s in shown.json()["stories"] if any(x["title"] == german for x in s["sources"])
    ]
    assert story["id"] == deal["id"]
