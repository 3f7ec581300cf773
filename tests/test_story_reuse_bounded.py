"""The stories a warm run tells again are the last run's alone: the file that keeps them follows
the digest's window, not the store (issue 17's scale benchmark: 177 KB at 25,000 and at 200,000
items), and a run of more stories than ``LIMIT`` (``--since all`` on a large store) keeps none
rather than have the next run load a file the size of the store."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from autonews import story_reuse
from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import Site, feeds_toml, write_config

_TITLES = [
    "Ford recalls 227,000 Explorer SUVs over rear axle bolts",
    "BYD opens its first European car plant in Szeged, Hungary",
    "Stellantis to close Luton van plant next year",
]


def _kept(home: Path) -> dict:
    return pickle.loads((home / "cache" / "stories").read_bytes())


def test_a_run_keeps_its_own_stories_and_none_past_the_limit(
    cli, home: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = [
        {
            "title": title,
            "link": site.url(f"/news/{n}"),
            "guid": f"news-{n}",
            "date": rfc822(24 * n + 1),
            "description": f"{title}, the company said.",
        }
        for n, title in enumerate(_TITLES)
    ]
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(entries, title="EV Wire"))
    write_config(home, feeds_toml([("EV Wire", site.url("/feed.xml"))]))

    everything = cli("digest", "--no-extract", "--format", "json", "--since", "7d").json()
    assert len(everything["stories"]) == 3 and len(_kept(home)) == 3

    today = cli("digest", "--no-extract", "--format", "json", "--since", "12h").json()
    assert len(today["stories"]) == 1
    assert [s.title for s in _kept(home).values()] == [today["stories"][0]["title"]]

    monkeypatch.setattr(story_reuse, "LIMIT", 2)
    again = cli("digest", "--no-extract", "--format", "json", "--since", "7d").json()
    assert again["stories"] == everything["stories"]
    assert _kept(home) == {}
