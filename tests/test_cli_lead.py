"""Which story leads (trial 42 #4.7): with `--since 30d` the Lead was a story of three weeks
before (two sources, an insolvency) over that day's four-source story. The lead favours what is
recent: the most important of the freshest. Through the real CLI against feeds on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from autonews.digest import build_digest
from autonews.models import Event, MakerRef
from tests.helpers.digests import NOW, _story
from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, write_config

OLD_RECALL = "Toyota recalls 145,000 vehicles in U.S. over fuel pump failure"
TODAY = "Volkswagen halts Golf production in Wolfsburg as chip supply runs dry"
FEEDS = ["Supplier Europe", "MarketWire Autos", "Automobilwoche", "Battery Brief"]


def _serve(site: Site, stories: list[tuple[str, float, int]]) -> list[tuple[str, str]]:
    """Each feed with the stories (title, hours ago, feeds telling it) it tells."""
    feeds = []
    for n, name in enumerate(FEEDS):
        entries = []
        for s, (title, hours, told_by) in enumerate(stories):
            if n < told_by:
                link = site.url(f"/{n}/{s}")
                entries.append({"title": title, "link": link, "guid": link, "date": rfc822(hours)})
        site.routes[f"/f{n}.xml"] = (200, "application/rss+xml", rss(entries, title=name))
        feeds.append((name, site.url(f"/f{n}.xml")))
    return feeds


def test_a_month_long_window_leads_with_the_days_story(cli, home: Path, site: Site) -> None:
    feeds = _serve(site, [(OLD_RECALL, 21 * 24, 2), (TODAY, 3, 4)])
    write_config(home, feeds_toml(feeds) + FAST_FETCH)
    digest = cli("digest", "--since", "30d", "--no-extract", "--format", "json")
    assert digest.code == 0, digest.err
    data = digest.json()
    stories = {story["id"]: story for story in data["stories"]}
    assert [story["cluster_size"] for story in data["stories"]].count(4) == 1, data["stories"]
    assert stories[data["lead_id"]]["title"] == TODAY, stories[data["lead_id"]]
    # The old recall still ranks first in its group: only the lead favours what is recent.
    text = cli("digest", "--since", "30d", "--offline", "--format", "text")
    assert text.out.split("LEAD\n", 1)[1].startswith(f"* [production] {TODAY}"), text.out


VW = MakerRef("Volkswagen", "Volkswagen Group", "DE")
TOYOTA = MakerRef("Toyota", "Toyota", "JP")


def test_yesterdays_weightier_story_still_leads_a_two_day_window() -> None:
    """Recency weighs half a point of importance a day: a day-old recall of two sources leads
    over today's four-source production halt, a three-day-old one does not."""
    today = _story("vw", TODAY, Event.PRODUCTION, (VW,), 3, sources=4)
    for hours, lead in ((26, "toyota"), (74, "vw")):
        recall = _story("toyota", OLD_RECALL, Event.RECALL, (TOYOTA,), hours, sources=2)
        assert build_digest([today, recall], (), NOW).lead_id == lead, hours
