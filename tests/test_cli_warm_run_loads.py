"""A warm run builds its digest from what the store holds: choosing each story's title (a
report over a share move's note, English over a language not read) must not load the
classifier or the clustering (they cost a warm farm run 0.17 s of its 0.5 s budget, issue 17).
Through the real CLI, as a subprocess, against feeds served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.loaded_modules import digest_and_loaded
from tests.helpers.site import Site, feeds_toml, write_config

_NEWS = "Xpeng opens first own showroom in Amsterdam"
_DUTCH = "Xpeng opent eerste eigen showroom in Amsterdam"
_RECALL = "Ford recalls 227,000 Explorer SUVs over rear axle bolts"
_SHARES = "Ford shares slip 2% after recall of 227,000 Explorer SUVs over axle bolts"


def _feed(site: Site, name: str, items: list[tuple[str, str]]) -> tuple[str, str]:
    """A titles-only feed of (title, link path) items."""
    path = "/" + name.lower().replace(" ", "")
    entries = [
        {"title": title, "link": site.url(link), "guid": f"{path}/{n}", "date": rfc822(n + 1)}
        for n, (title, link) in enumerate(items)
    ]
    site.routes[f"{path}.xml"] = (200, "application/rss+xml", rss(entries, title=name))
    return name, site.url(f"{path}.xml")


def test_a_warm_run_chooses_story_titles_without_the_classifier_or_the_clustering(
    home: Path, site: Site
) -> None:
    feeds = [
        _feed(site, "EV Wire", [(_NEWS, "/wire/showroom"), (_RECALL, "/wire/recall")]),
        _feed(site, "AutoWeek", [(_DUTCH, "/autoweek/showroom")]),
        _feed(site, "Market Desk", [(_SHARES, "/markets/ford")]),
    ]
    write_config(home, feeds_toml(feeds))
    site.etags = True  # a warm run: every feed answers "not modified"
    cold, loaded_cold = digest_and_loaded(home)
    warm, loaded_warm = digest_and_loaded(home)

    def titles(digest: dict) -> list[tuple[str, int]]:
        return sorted((s["title"], len(s["sources"])) for s in digest["stories"])

    assert titles(warm) == titles(cold) == [(_RECALL, 2), (_NEWS, 2)]
    assert "autonews.classify" in loaded_cold  # (the check can see it)
    assert "autonews.classify" not in loaded_warm
    assert "autonews.cluster" not in loaded_warm
