"""Trial 43: a journalist following Google News and Bing News searches. One article carried by
two searches was two sources ("8 sources" for 6 articles) and named twice side by side; Bing's
items were credited to the search, not to their outlet, and linked to its redirect; a
"… See the list." teaser titled the story where Reuters', AP's and Automotive News' reports were
in it; `feeds add` named a search '"car recall" - Google News' and printed it with doubled
quotes, and said nothing of a Yahoo Finance ticker feed. Through the real CLI, with the feeds
on a loopback server."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import quote

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import rfc822

AN_ARTICLE = "https://www.autonews.com/article/toyota-recalls-1-02-million-vehicles"
REUTERS_ARTICLE = "https://www.reuters.com/business/autos/toyota-recalls-camera-2026-12-04/"
TEASER = "Toyota recall: 1.02 million cars and SUVs affected by camera glitch. See the list."
# (title, outlet, the Google News link: one per article, as Google News gives it in any search)
REUTERS = (
    "Toyota recalls over 1 million vehicles in US over rearview camera defect",
    "Reuters",
    "http://news.invalid/rss/articles/AU_yqLreuters1?oc=5",
)
CNBC = (
    "Toyota recalls 1 million vehicles due to faulty backup camera",
    "CNBC",
    "http://news.invalid/rss/articles/AU_yqLcnbc1?oc=5",
)
AP = (
    "Toyota recalls more than 1 million vehicles because backup camera image may not appear",
    "AP News",
    "http://news.invalid/rss/articles/AU_yqLap1?oc=5",
)
CBS = (TEASER, "CBS News", "http://news.invalid/rss/articles/AU_yqLcbs1?oc=5")
AN_TITLE = "Toyota recalls 1.02 million vehicles over rearview camera software"
AN_COPY = (AN_TITLE, "Automotive News", "http://news.invalid/rss/articles/AU_yqLan1?oc=5")


def _google_news(query: str, articles: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{html.escape(f'{title} - {outlet}')}</title><link>{link}</link>"
        f'<guid isPermaLink="false">{link.split("/")[-1].split("?")[0]}</guid>'
        f"<pubDate>{rfc822(5 + n)}</pubDate>"
        f"<description>{html.escape(f'<a href={link}>{title}</a> <font>{outlet}</font>')}"
        f'</description><source url="https://www.example.com">{outlet}</source></item>'
        for n, (title, outlet, link) in enumerate(articles)
    )
    channel = html.escape(f'"{query}" - Google News')
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{channel}</title>"
        f"<link>https://news.google.com/search?q={quote(query)}</link>{items}</channel></rss>"
    )


def _bing_news(query: str, articles: list[tuple[str, str, str]], host: str) -> str:
    items = "".join(
        f"<item><title>{html.escape(title)}</title>"
        f"<link>{html.escape(_bing_link(host, url))}"
        f"</link><description>{html.escape(title)}.</description>"
        f"<pubDate>{rfc822(6)}</pubDate><News:Source>{outlet}</News:Source></item>"
        for title, outlet, url in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8" ?><rss version="2.0" '
        'xmlns:News="https://www.bing.com:443/news/search?q=x&amp;format=rss"><channel>'
        f"<title>{query} - Bing News</title><link>https://www.bing.com/news</link>"
        f"{items}</channel></rss>"
    )


def _bing_link(host: str, url: str) -> str:
    """Bing News's click-tracking redirect, the article's URL in its query."""
    return f"{host}/news/apiclick.aspx?ref=FexRss&aid=&url={quote(url, safe='')}&c=1"


def _trade_feed() -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Automotive News</title><link>https://www.autonews.com/</link>"
        f"<item><title>{AN_TITLE}</title><link>{AN_ARTICLE}</link>"
        "<description>Toyota Motor North America is recalling 1,024,407 vehicles because a "
        "software error can keep the rearview camera image from appearing.</description>"
        f"<pubDate>{rfc822(4)}</pubDate><guid>{AN_ARTICLE}</guid></item></channel></rss>"
    )


def _serve(httpserver: HTTPServer, path: str, body: str) -> str:
    httpserver.expect_request(path).respond_with_data(body, content_type="application/rss+xml")
    return str(httpserver.url_for(path))


def _feeds(httpserver: HTTPServer) -> list[str]:
    host = httpserver.url_for("").rstrip("/")
    return [
        _serve(httpserver, "/gn/makers", _google_news("Toyota OR Honda", [REUTERS, CNBC])),
        _serve(
            httpserver, "/gn/recall", _google_news("car recall", [REUTERS, AP, CBS, CNBC, AN_COPY])
        ),
        _serve(httpserver, "/an", _trade_feed()),
        _serve(
            httpserver,
            "/bing",
            _bing_news("Toyota Lexus", [(REUTERS[0], "Reuters", REUTERS_ARTICLE)], host),
        ),
    ]


def _digest(cli, httpserver: HTTPServer, *extra: str):
    args = ["digest", "--no-extract"]
    for url in _feeds(httpserver):
        args += ["--feed", url]
    return cli(*args, *extra)


def test_one_article_in_two_searches_is_one_source(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    result = _digest(cli, httpserver, "--format", "json")
    assert result.code == 0, result.err
    document = result.json()
    validate_digest(document)
    (story,) = document["stories"]
    # Reuters (in both searches and on Bing), CNBC (both searches), AP, CBS, and Automotive
    # News (its own feed and a search): 5 articles, 5 outlets, where 9 items came in.
    assert story["cluster_size"] == 5
    assert story["outlet_count"] == 5
    outlets = sorted(s["outlet"] or s["feed"] for s in story["sources"])
    assert outlets == ["AP News", "Automotive News", "CBS News", "CNBC", "Reuters"]
    reuters = next(s for s in story["sources"] if s["outlet"] == "Reuters")
    assert sorted(reuters["via"]) == ["Bing: Toyota Lexus", "GN: Toyota OR Honda", "GN: car recall"]
    trade = next(s for s in story["sources"] if s["feed"] == "Automotive News")
    assert trade["url"] == AN_ARTICLE and trade["via"] == ["GN: car recall"]

    text = _digest(cli, httpserver, "--offline", "--format", "text").out
    line = next(line for line in text.splitlines() if "sources ·" in line)
    assert line.strip().startswith("5 sources ·")
    assert line.count("Reuters") == 1 and "(via" not in line


def test_bing_items_are_credited_to_their_outlet_and_link_the_article(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    host = httpserver.url_for("").rstrip("/")
    article = "https://www.cbc.ca/news/ford-ontario-tariffs-1.7400000"
    bing = _bing_news(
        "Ford GM Tesla",
        [("Doug Ford says Ontario will hit back if U.S. raises auto tariffs", "CBC News", article)],
        host,
    )
    url = _serve(httpserver, "/bing", bing)
    result = cli("digest", "--no-extract", "--all-topics", "--feed", url, "--format", "json")
    assert result.code == 0, result.err
    (story,) = result.json()["stories"]
    (source,) = story["sources"]
    assert source["outlet"] == "CBC News"
    assert source["feed"] == "CBC News (via Bing: Ford GM Tesla)"
    assert source["url"] == article == story["url"]


def test_a_report_titles_the_story_not_a_teaser(cli, home: Path, httpserver: HTTPServer) -> None:
    result = _digest(cli, httpserver, "--format", "json")
    (story,) = result.json()["stories"]
    assert story["title"] != TEASER
    assert "See the list" not in story["title"]
    # the wording of a wire or the trade press, not a consumer outlet's
    assert story["title"] in {REUTERS[0], AP[0], AN_TITLE}


def test_feeds_add_names_a_search_short_and_suggests_mixed_for_a_ticker_feed(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    search = _serve(httpserver, "/gn/search", _google_news("car recall", [REUTERS, CBS]))
    result = cli("feeds", "add", search)
    assert result.code == 0, result.err
    assert 'as "GN: car recall"' in result.out
    assert '""' not in result.out
    assert "--topic mixed" not in result.err  # a search of car news

    yahoo = _serve(
        httpserver,
        "/rss/headline",
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        "<title>Yahoo! Finance: TM, HMC, NSANY, F, GM, STLA, TSLA, RIVN, LCID News</title>"
        "<link>http://finance.yahoo.com/q/h?s=TM</link>"
        f"<item><title>Dow slips as Fed minutes loom; Ford, GM edge higher</title>"
        f"<link>http://example.com/y/1</link><pubDate>{rfc822(1)}</pubDate></item>"
        "</channel></rss>",
    )
    result = cli("feeds", "add", yahoo)
    assert result.code == 0, result.err
    assert 'as "Yahoo Finance: TM HMC NSANY +6"' in result.out
    assert "finance feed" in result.err and "--topic mixed" in result.err
    listed = cli("feeds", "list").out
    assert "“" not in listed  # no name wrapped for holding the list's commas
