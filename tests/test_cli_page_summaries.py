"""Trials 32 and 33, what of an article page a summary and `read` show, through the real CLI
against feeds and pages served on 127.0.0.1: a summary starts at a sentence of the article,
never with the page's navigation, its byline, its headline again or the mark the headline was
cut from."""

from __future__ import annotations

import html
from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, write_config


def _page(heading: str, paragraphs: list[str], byline: str = "", outlet: str = "") -> str:
    """A small article page as the trials' sites wrote it: navigation, the heading, perhaps a
    byline, then the text; its <title> "Heading | Outlet" where the page names its outlet."""
    title = f"{heading} | {outlet}" if outlet else heading
    site_name = f"<meta property='og:site_name' content='{outlet}'>" if outlet else ""
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(title)}</title>"
        f"{site_name}</head><body><header><nav>Home | News | Tech</nav></header><article>"
        f"<h1>{html.escape(heading)}</h1>"
        + (f"<p class=byline>{byline}</p>" if byline else "")
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "</article><footer>Copyright 2026. All rights reserved.</footer></body></html>"
    )


def _serve(site: Site, name: str, pages: list[tuple[str, str]]) -> tuple[str, str]:
    """A titles-only feed of (headline, page) items, each page served at /a/N."""
    entries = []
    for n, (headline, page) in enumerate(pages):
        site.routes[f"/a/{n}"] = (200, "text/html; charset=utf-8", page)
        link = site.url(f"/a/{n}")
        entries.append({"title": html.escape(headline), "link": link, "guid": link})
        entries[-1]["date"] = rfc822(n + 1)
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(entries, title=name))
    return name, site.url("/feed.xml")


def _summaries(cli, home: Path, feed: tuple[str, str]) -> dict[str, str]:
    write_config(home, feeds_toml([feed]) + FAST_FETCH)
    result = cli("digest", "--format", "json", "--all-topics")
    assert result.code == 0, result.err
    return {story["title"]: story["summary"] for story in result.json()["stories"]}


LI_AUTO = "Li Auto recalls 11,411 Mega units over coolant corrosion issue"
LI_AUTO_TEXT = "Li Auto is recalling 11,411 Mega minivans over coolant corrosion."
BOLT = (
    "Here's everything we know about the 2026 Chevrolet Bolt: range, charging speed, price, "
    "release date, LFP battery, NACS port, interior, trims, and why GM thinks the cheapest EV in "
    "America will win back buyers"
)


def test_a_byline_and_a_repeated_headline_start_no_summary(cli, home: Path, site) -> None:
    """Trial 33 #11: "By Staff Reporter Li Auto is recalling…" (the page's <p class=byline>),
    and ". More details were not immediately available." where the page's first paragraph
    repeated the headline and the headline was cut from it."""
    feed = _serve(
        site,
        "EV Kilowatt",
        [
            (LI_AUTO, _page(LI_AUTO, [LI_AUTO_TEXT], byline="By Staff Reporter")),
            (BOLT, _page(BOLT, [f"{BOLT}. More details were not immediately available."])),
        ],
    )
    summaries = _summaries(cli, home, feed)
    assert summaries[LI_AUTO] == LI_AUTO_TEXT
    assert summaries[BOLT] == "More details were not immediately available."
    # `read` names the byline as the author instead of printing it as the text's first words.
    read = cli("read", site.url("/a/0"))
    assert read.code == 0, read.err
    assert read.out.splitlines()[:4] == [LI_AUTO, "Staff Reporter", "", LI_AUTO_TEXT]


BYD = "比亚迪召回11.5万辆汉和唐"
APPLE = "Apple Unveils iPhone 18 Pro With Under-Display Face ID"
APPLE_TEXT = ["The new Pro models also get a larger battery.", "Prices start at $1,099 in the US."]


def test_a_tiny_pages_navigation_and_heading_stay_out(cli, home: Path, site) -> None:
    """Trial 32 #10: summaries of small pages (a <nav>, an <h1>, a paragraph) read "Home | News
    | Tech 比亚迪召回11.5万辆汉和唐 比亚迪召回11.5万辆汉和唐", and `read` printed the heading
    again under the title: the page's <title> was "Heading | Outlet", which the heading is not."""
    feed = _serve(
        site,
        "快科技",
        [
            (BYD, _page(BYD, [BYD], outlet="快科技资讯")),
            (APPLE, _page(APPLE, APPLE_TEXT, outlet="The Circuit")),
        ],
    )
    summaries = _summaries(cli, home, feed)
    # A page that only repeats its headline has no text to summarise.
    assert summaries[BYD] == ""
    assert summaries[APPLE] == " ".join(APPLE_TEXT)
    read = cli("read", site.url("/a/1"))
    assert read.code == 0, read.err
    assert read.out.startswith(f"{APPLE}\n\n{APPLE_TEXT[0]}\n{APPLE_TEXT[1]}\n"), read.out
    assert "Home" not in read.out and read.out.count(APPLE) == 1
