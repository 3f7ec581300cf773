"""Reviewer's note after trials 46 and 47: an aggregator's copy and an outlet's own feed were
made one source when the outlet's names only looked alike: Google News's "The Drive"
(thedrive.com) and the feed "Drive" (drive.com.au) became one outlet, the leading "The" dropped
and a one-word name taken as the start of a longer one. Two outlets carrying one wire headline
are two sources. Through the real CLI, with the feeds on a loopback server."""

from __future__ import annotations

import html
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import rfc822

TITLE = "Toyota recalls 100,000 Tundra pickups over loose rear axle nuts"


def _own_feed(name: str) -> str:
    link = "https://www.drive.com.au/news/toyota-recalls-tundra-axle-nuts/"
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{name}</title><link>https://www.drive.com.au/</link>"
        f"<item><title>{TITLE}</title><link>{link}</link>"
        f"<pubDate>{rfc822(4)}</pubDate><guid>{link}</guid></item></channel></rss>"
    )


def _google_news(outlet: str) -> str:
    link = "http://news.invalid/rss/articles/AU_yqLthedrive1?oc=5"
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>&quot;Toyota&quot; - Google News</title>"
        "<link>https://news.google.com/search?q=Toyota</link>"
        f"<item><title>{html.escape(f'{TITLE} - {outlet}')}</title><link>{link}</link>"
        f'<guid isPermaLink="false">AU_yqLthedrive1</guid><pubDate>{rfc822(5)}</pubDate>'
        f'<source url="https://www.example.com">{outlet}</source></item></channel></rss>'
    )


def _story(cli, httpserver: HTTPServer, feed_name: str, gn_outlet: str):
    feeds = []
    for path, body in (("/own", _own_feed(feed_name)), ("/gn", _google_news(gn_outlet))):
        httpserver.expect_request(path).respond_with_data(body, content_type="application/rss+xml")
        feeds += ["--feed", str(httpserver.url_for(path))]
    result = cli("digest", "--no-extract", *feeds, "--format", "json")
    assert result.code == 0, result.err
    (story,) = result.json()["stories"]
    return story


def test_the_drive_and_drive_are_two_outlets_and_two_sources(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    story = _story(cli, httpserver, "Drive", "The Drive")
    assert story["cluster_size"] == 2
    assert story["outlet_count"] == 2


def test_a_one_word_name_does_not_swallow_a_longer_outlets_name(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    story = _story(cli, httpserver, "Drive", "Drive Tesla Canada")
    assert story["outlet_count"] == 2


def test_an_outlets_section_feed_and_its_google_news_copy_are_still_one_source(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    story = _story(cli, httpserver, "Drive - News", "Drive")
    assert story["cluster_size"] == 1
