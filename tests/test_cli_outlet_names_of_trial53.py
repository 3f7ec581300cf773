"""Trial 53: "3 sources · Bangkok Post Business, Bangkok Post, AutoLife Thailand": the reader's
feed of an outlet ("Bangkok Post Business") and a Google News item that credits the same paper
("Bangkok Post") were counted and listed as two outlets. Through the real CLI, the feeds on a
loopback server: one outlet, named once, with how many sources it gave."""

from __future__ import annotations

import html
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import rfc822

OWN_TITLE = "Excise department seeks 1.2bn baht refund of EV subsidies from Neta"
OWN_LINK = "https://www.bangkokpost.com/business/motoring/neta-refund"
GN_ARTICLES = [
    ("Neta told to repay 1.2bn baht of EV subsidies to Excise department", "Bangkok Post"),
    ("Excise department orders Neta to refund 1.2bn baht of EV subsidies", "Khaosod English"),
]


def _own_feed() -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Bangkok Post Business</title><link>https://www.bangkokpost.com/</link>"
        f"<item><title>{OWN_TITLE}</title><link>{OWN_LINK}</link>"
        "<description>The Excise Department has ordered Neta Auto's Thai distributor to return "
        "1.2 billion baht in EV 3.0 subsidies.</description>"
        f"<pubDate>{rfc822(4)}</pubDate><guid>{OWN_LINK}</guid></item></channel></rss>"
    )


def _google_news() -> str:
    items = "".join(
        f"<item><title>{html.escape(f'{title} - {outlet}')}</title>"
        f"<link>http://news.invalid/rss/articles/AU_{n}?oc=5</link>"
        f'<guid isPermaLink="false">AU_{n}</guid><pubDate>{rfc822(5 + n)}</pubDate>'
        f'<source url="https://www.example.com">{outlet}</source></item>'
        for n, (title, outlet) in enumerate(GN_ARTICLES)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>&quot;EV Thailand&quot; - Google News</title>"
        f"<link>https://news.google.com/search?q=EV+Thailand</link>{items}</channel></rss>"
    )


def _digest(cli, httpserver: HTTPServer, *extra: str):
    feeds = []
    for path, body in (("/bkp", _own_feed()), ("/gn", _google_news())):
        httpserver.expect_request(path).respond_with_data(body, content_type="application/rss+xml")
        feeds += ["--feed", str(httpserver.url_for(path))]
    return cli("digest", "--no-extract", *feeds, *extra)


def test_an_outlets_feed_and_its_name_in_a_search_are_one_outlet(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    result = _digest(cli, httpserver, "--format", "json")
    assert result.code == 0, result.err
    (story,) = result.json()["stories"]
    assert story["cluster_size"] == 3
    assert story["outlet_count"] == 2  # Bangkok Post (its feed and the search's item), Khaosod

    text = _digest(cli, httpserver, "--offline", "--format", "text").out
    line = next(line for line in text.splitlines() if "sources" in line and "·" in line)
    assert line.strip().startswith("3 sources from 2 outlets ·"), line
    assert "Bangkok Post\xa0(2)" in line and "Bangkok Post Business" not in line, line
