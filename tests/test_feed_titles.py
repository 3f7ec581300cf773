"""A feed the list does not name (`--feed URL`, a [[feeds]] entry without `name`) is named in
digests by its own title, as a reader knows it, not by its URL (trial 29)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.feeds import item, rss
from tests.helpers.site import Site, write_config

RECALL = "Volvo Recalls 14,768 XC70s Over Halfshaft Risk"


def serve(site: Site, path: str, title: str) -> str:
    site.routes[path] = (200, "application/rss+xml", rss([item(RECALL, 1)], title))
    return site.url(path)


def source_feeds(result) -> list[str]:
    assert result.code == 0, result.err
    return [s["feed"] for story in json.loads(result.out)["stories"] for s in story["sources"]]


def test_a_feed_given_by_url_is_named_by_its_title(cli, home: Path, site: Site) -> None:
    url = serve(site, "/a.xml", "Fleet Notes")
    result = cli("digest", "--feed", url, "--no-extract", "--format", "json")
    assert source_feeds(result) == ["Fleet Notes"]
    assert [f["name"] for f in json.loads(result.out)["feeds"]] == ["Fleet Notes"]
    text = cli("digest", "--feed", url, "--offline", "--format", "text").out
    assert "· Fleet Notes ·" in text and url not in text.split("Feeds:")[0]


def test_the_list_s_name_wins_and_a_feed_without_title_keeps_its_url(
    cli, home: Path, site: Site
) -> None:
    named = serve(site, "/named.xml", "Fleet Notes")
    untitled = site.url("/untitled.xml")
    site.routes["/untitled.xml"] = (
        200,
        "application/rss+xml",
        rss([item("Kia Names New Chief Executive for Europe", 2)], title=""),
    )
    write_config(
        home, f'[[feeds]]\nurl = "{named}"\nname = "My Wire"\n\n[[feeds]]\nurl = "{untitled}"\n'
    )
    feeds = source_feeds(cli("digest", "--no-extract", "--format", "json"))
    assert sorted(feeds) == sorted(["My Wire", untitled])
    listed = cli("feeds", "list").out
    assert "My Wire" in listed and "Fleet Notes" not in listed


def test_a_hostile_title_names_the_feed_on_one_short_line(cli, home: Path, site: Site) -> None:
    long_title = "Fleet\n\tNotes " + "very " * 60 + "long"
    url = serve(site, "/a.xml", long_title)
    (name,) = source_feeds(cli("digest", "--feed", url, "--no-extract", "--format", "json"))
    assert name.startswith("Fleet Notes very") and name.endswith("…")
    assert len(name) <= 80 and "\n" not in name and "\t" not in name


def test_feeds_list_names_a_feed_as_the_list_does(cli, home: Path, site: Site) -> None:
    """`feeds list` shows what `feeds remove NAME` takes: a feed the list does not name goes by
    its URL there, whatever its title."""
    url = serve(site, "/a.xml", "Fleet Notes")
    write_config(home, f'[[feeds]]\nurl = "{url}"\n')
    assert source_feeds(cli("digest", "--no-extract", "--format", "json")) == ["Fleet Notes"]
    listed = cli("feeds", "list").out.splitlines()
    assert listed[1].startswith(url) and "Fleet Notes" not in listed[1]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("The Circuit -  All Posts", "The Circuit"),
        ("Autocar RSS Feed", "Autocar"),
        ("Electrek | Latest News", "Electrek"),
        ("InsideEVs - Latest News - RSS", "InsideEVs"),
        ("IT之家 - 最新文章", "IT之家"),
        # Nothing to drop: a name of its own, or nothing left of it without the words.
        ("Latest News", "Latest News"),
        ("The Daily Feed", "The Daily Feed"),
        ("Motor1.com - Car News", "Motor1.com - Car News"),
    ],
)
def test_feeds_add_names_a_feed_by_its_site_not_by_the_words_any_feed_could_add(
    cli, home: Path, site: Site, title: str, name: str
) -> None:
    """Trial 38: `feeds add` named a tech site's feed "The Circuit - All Posts", as its title
    said; a digest names a feed listed without a name so too."""
    url = serve(site, "/feed.xml", title)
    added = cli("feeds", "add", url)
    assert added.code == 0, added.err
    assert f'as "{name}"' in added.out
    assert cli("feeds", "list").out.splitlines()[1].startswith(f"{name} ")
    (home / "config.toml").unlink()
    assert source_feeds(cli("digest", "--feed", url, "--no-extract", "--format", "json")) == [name]
