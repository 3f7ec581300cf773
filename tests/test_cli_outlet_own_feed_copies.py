"""Trials 43 and 44 re-checked: an outlet's own feed and Google News's copy of the same article
counted as two sources and two outlets ("2 sources · Nikkei Asia, Nikkei Asia - Automobiles"
for one article) where the feed's name is not the name Google News gives the outlet. One
article carried by its outlet and an aggregator is one source, in every format. Through the
real CLI, with the feeds on a loopback server."""

from __future__ import annotations

import html
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import rfc822

OWN_LINK = "https://asia.nikkei.com/Business/Automobiles/honda-pushes-back-ontario-ev-plant"
OWN_TITLE = "Honda pushes back Ontario EV plant start to 2030"
# Google News's copy: the outlet's headline as Google News had it, a word's form changed since.
GN_TITLE = "Honda Pushes Back Ontario EV Plant's Start to 2030"
REUTERS_TITLE = "Honda delays start of Ontario EV plant by two years to 2030"


def _own_feed() -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Nikkei Asia - Automobiles</title><link>https://asia.nikkei.com/</link>"
        f"<item><title>{OWN_TITLE}</title><link>{OWN_LINK}</link>"
        "<description>Honda Motor will push back the start of its Ontario electric vehicle "
        "plant to 2030, citing slower EV demand in North America.</description>"
        f"<pubDate>{rfc822(4)}</pubDate><guid>{OWN_LINK}</guid></item></channel></rss>"
    )


def _google_news() -> str:
    articles = [
        (GN_TITLE, "Nikkei Asia", "http://news.invalid/rss/articles/AU_yqLnikkei1?oc=5"),
        (REUTERS_TITLE, "Reuters", "http://news.invalid/rss/articles/AU_yqLreuters1?oc=5"),
    ]
    items = "".join(
        f"<item><title>{html.escape(f'{title} - {outlet}')}</title><link>{link}</link>"
        f'<guid isPermaLink="false">{link.split("/")[-1].split("?")[0]}</guid>'
        f"<pubDate>{rfc822(5 + n)}</pubDate>"
        f"<description>{html.escape(f'<a href={link}>{title}</a> <font>{outlet}</font>')}"
        f'</description><source url="https://www.example.com">{outlet}</source></item>'
        for n, (title, outlet, link) in enumerate(articles)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>&quot;Honda&quot; - Google News</title>"
        f"<link>https://news.google.com/search?q=Honda</link>{items}</channel></rss>"
    )


def _digest(cli, httpserver: HTTPServer, *extra: str):
    feeds = []
    for path, body in (("/nikkei", _own_feed()), ("/gn", _google_news())):
        httpserver.expect_request(path).respond_with_data(body, content_type="application/rss+xml")
        feeds += ["--feed", str(httpserver.url_for(path))]
    return cli("digest", "--no-extract", *feeds, *extra)


def test_an_outlets_own_item_and_its_google_news_copy_are_one_source(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    result = _digest(cli, httpserver, "--format", "json")
    assert result.code == 0, result.err
    document = result.json()
    validate_digest(document)
    (story,) = document["stories"]
    # Nikkei Asia's article (its own feed and Google News's copy) and Reuters': 2 articles.
    assert story["cluster_size"] == 2
    assert story["outlet_count"] == 2
    nikkei = next(s for s in story["sources"] if s["feed"] == "Nikkei Asia - Automobiles")
    assert nikkei["url"] == OWN_LINK  # the outlet's own link, not Google News's redirect
    assert nikkei["via"] == ["GN: Honda"]

    text = _digest(cli, httpserver, "--offline", "--format", "text").out
    line = next(line for line in text.splitlines() if "sources ·" in line)
    assert line.strip().startswith("2 sources ·")
    assert line.count("Nikkei Asia") == 1


def test_another_article_of_the_outlet_stays_a_source_of_its_own(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Two headlines of one outlet are two articles (a report and its follow-up): only the
    same headline, as Google News copies it, is one."""
    follow_up = "Honda says Ontario EV plant delay will not affect its hybrid output"
    own = _own_feed().replace(
        "</channel>",
        f"<item><title>{follow_up}</title><link>{OWN_LINK}-hybrids</link>"
        f"<pubDate>{rfc822(3)}</pubDate></item></channel>",
    )
    feeds = []
    for path, body in (("/nikkei", own), ("/gn", _google_news())):
        httpserver.expect_request(path).respond_with_data(body, content_type="application/rss+xml")
        feeds += ["--feed", str(httpserver.url_for(path))]
    document = cli("digest", "--no-extract", *feeds, "--format", "json").json()
    titles = [s["title"] for story in document["stories"] for s in story["sources"]]
    assert follow_up in titles
    assert sum(len(story["sources"]) for story in document["stories"]) == 3
