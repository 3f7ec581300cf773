"""Trial 49 #1 and #5, through the real CLI against a magazine's feed and pages served on
127.0.0.1: the site's "Read more … and sign up to our newsletter." line under every article is
no part of its text, so it decides no event ("What's The Most Overrated Car …?" was a
partnership on "'signs' at word 37"), and `--explain` quotes the words that matched as the text
has them."""

from __future__ import annotations

import html
from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, write_config

SIGN_UP = "Read more of the latest news and reviews on our website, and sign up to our newsletter."
SHARE = "Share on Facebook, Twitter and WhatsApp."
QUESTIONS = {
    "What's The Most Overrated Car Of The Last Decade?": "Everybody has one car they just "
    "don't get. Tell us yours.",
    "What's The Worst Car You've Ever Owned?": "Tell us your tales of woe in the comments.",
}


def _page(heading: str, paragraphs: list[str]) -> str:
    """A magazine's page: a cookie banner, the article, the site's lines under it."""
    return (
        "<!doctype html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{html.escape(heading)} | Jalopy</title></head><body>"
        "<div id='cookie-banner'>We use cookies to improve your experience. "
        "<button>Accept all</button></div><main><article>"
        f"<h1>{html.escape(heading)}</h1>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in [*paragraphs, SIGN_UP, SHARE])
        + "</article></main><footer>© 2026 Jalopy</footer></body></html>"
    )


def _serve(site: Site, items: dict[str, str]) -> tuple[str, str]:
    entries = []
    for n, (title, summary) in enumerate(items.items()):
        site.routes[f"/news/{n}"] = (200, "text/html; charset=utf-8", _page(title, [summary]))
        link = site.url(f"/news/{n}")
        entries.append(
            {"title": html.escape(title), "link": link, "guid": link, "date": rfc822(n + 1)}
        )
        entries[-1]["description"] = html.escape(summary)
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(entries, title="Jalopy"))
    return "Jalopy", site.url("/feed.xml")


def test_the_sites_sign_up_line_is_no_body_and_decides_no_event(cli, home: Path, site) -> None:
    write_config(home, feeds_toml([_serve(site, QUESTIONS)]) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    stories = {story["title"]: story for story in digest.json()["stories"]}
    assert set(stories) == set(QUESTIONS)
    for title, summary in QUESTIONS.items():
        story = stories[title]
        assert story["event"] == "other", story
        # The article, without the site's lines (a body that only repeats the summary is left out).
        assert story.get("body", summary) == summary, story
    read = cli("read", site.url("/news/0"))
    assert read.code == 0, read.err
    assert "newsletter" not in read.out and "Share on" not in read.out, read.out
    assert "Tell us yours." in read.out


def test_explain_quotes_the_words_that_matched_as_written(cli) -> None:
    """The rules matched the phrase "signs" on the stem of "sign" and "prices" on "price": the
    reason named the phrase, not what the text says."""
    told = cli(
        "classify",
        "--explain",
        "Ford Kuga: 41,000 cars affected",
        "--summary",
        "Ford will sign a battery deal with SK On for the Kuga.",
    )
    assert told.code == 0, told.err
    # Read in the summary, not weighed by the event model (which weighed the title alone).
    assert "rules: partnership, 'sign' at word 3 (strong)" in told.out, told.out
    title = cli("classify", "--explain", "Tesla cut the price of its Model Y in the UK")
    assert "rules: pricing, 'price' at word 4, weighed by the model" in title.out, title.out
