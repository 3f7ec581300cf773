"""Editing the feed list as a new user did in trial 25: edits at once, a feed that moved, names
and addresses as people write them. Through the real CLI, against HTTP servers on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.helpers.site import FAST_FETCH, Site, feed_xml, feeds_toml, write_config


def config_feeds(home: Path) -> list[dict[str, object]]:
    return tomllib.loads((home / "config.toml").read_text("utf-8")).get("feeds", [])


def test_feeds_added_at_once_are_all_kept(home: Path) -> None:
    """`for i in ...; do autonews feeds add URL & done`: every command says "added", and every
    feed is in the file (each edit waits for the one before it)."""
    write_config(home, "# my comment\n")
    urls = [f"http://127.0.0.1:9/race/{n}.xml" for n in range(10)]
    env = {**os.environ, "AUTONEWS_HOME": str(home)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "autonews", "feeds", "add", "--offline", url],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for url in urls
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert out.startswith("added: "), out
    assert sorted(str(feed["url"]) for feed in config_feeds(home)) == sorted(urls)
    assert (home / "config.toml").read_text("utf-8").startswith("# my comment\n")


def test_a_feed_given_a_new_url_keeps_its_stories_and_delivered_marks(
    cli, home: Path, site: Site
) -> None:
    """The feed moved (http -> https, a new path): its items go with it, so the stories keep
    their ids, and `--new` does not send again what it sent."""
    feed = feed_xml(
        "Fleet Wire",
        [
            ("Toyota Recalls 145,000 Tundra Pickups Over Rear Axle Nut", "http://n.example/1"),
            ("Nissan and Honda Begin Merger Talks", "http://n.example/2"),
        ],
    )
    site.routes["/old.xml"] = (200, "application/rss+xml", feed)
    site.routes["/new.xml"] = (200, "application/rss+xml", feed)
    write_config(home, feeds_toml([("FW", site.url("/old.xml"))]) + FAST_FETCH)
    sent = cli("digest", "--new", "--no-extract", "--format", "json")
    assert sent.code == 0, sent.err
    ids = sorted(story["id"] for story in sent.json()["stories"])
    assert len(ids) == 2

    edited = cli("feeds", "edit", "FW", "--url", site.url("/new.xml"))
    assert edited.code == 0, edited.err
    assert "2 stored items now belong to" in edited.out
    offline = cli("digest", "--offline", "--format", "json")
    assert sorted(story["id"] for story in offline.json()["stories"]) == ids
    again = cli("digest", "--new", "--no-extract", "--format", "json")
    assert again.code == 0, again.err
    assert again.json()["stories"] == []  # fetched from the new URL: nothing new
    assert site.hits["/new.xml"] >= 1
