"""Trials 30 and 31, how a story is told, through the real CLI against feeds and article pages
served on 127.0.0.1: its title and link come from a source that tells the news (no opinion,
preview or review), its summary from that source; a paywall's prompt is no article body, and a
page's repeated heading and byline start no summary."""

from __future__ import annotations

import html
from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, write_config


def _feed(
    site: Site, name: str, items: list[tuple[str, str]], link_to: str = ""
) -> tuple[str, str]:
    """A feed of (headline, summary) items, each linking to a page of the site (which a test
    may serve), or all to ``link_to``; summaries may be empty, as in a titles-only feed."""
    path = "/" + ("".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum()) or "zh")
    entries = []
    for n, (title, summary) in enumerate(items):
        entry = {
            "title": html.escape(title),
            "link": link_to or site.url(f"{path}/{n}"),
            "date": rfc822(n + 1),
        }
        entry["guid"] = f"{path}/{n}"
        if summary:
            entry["description"] = html.escape(summary)
        entries.append(entry)
    site.routes[f"{path}.xml"] = (200, "application/rss+xml", rss(entries, title=name))
    return name, site.url(f"{path}.xml")


def _page(site: Site, url: str, heading: str, outlet: str, paragraphs: str) -> None:
    """An article page as many sites write it: the heading and byline inside <article>."""
    site.routes[url.removeprefix(site.base)] = (
        200,
        "text/html; charset=utf-8",
        f"<!doctype html><html><head><meta charset='utf-8'><title>{heading} | {outlet}</title>"
        f"<meta property='og:title' content='{heading}'></head><body><nav>Home · Autos</nav>"
        f"<article><h1>{heading}</h1><div class='byline'>{outlet}</div>{paragraphs}</article>"
        f"<footer>© {outlet}</footer></body></html>",
    )


def _digest(cli, home: Path, feeds: list[tuple[str, str]], *args: str) -> dict:
    write_config(home, feeds_toml(feeds) + FAST_FETCH)
    result = cli("digest", "--format", "json", *args)
    assert result.code == 0, result.err
    return result.json()


def _story_with(digest: dict, headline: str) -> dict:
    (story,) = [s for s in digest["stories"] if headline in [x["title"] for x in s["sources"]]]
    return story


HONDA_CUT = "Honda cuts annual profit forecast by 21% on chip shortage"
WEEK_AHEAD = "Autos: the week ahead - Renault deal, BMW and Honda results"


def test_a_preview_never_gives_a_story_its_title_link_or_maker(cli, home: Path, site) -> None:
    """Trial 31 #5: the guidance cut took the market preview's title, and so was filed under
    Renault, the preview's first maker. The clustering keeps a commentary apart from the news
    nowadays; one in a story all the same (by a link it shares with the news, as here, or put
    there by an earlier run) still never titles it."""
    feeds = [
        _feed(site, "Asia Business Autos", [(HONDA_CUT, "Honda lowered its forecast.")]),
        _feed(site, "Markets Live", [(WEEK_AHEAD, "")], site.url("/asiabusinessautos/0")),
    ]
    digest = _digest(cli, home, feeds, "--no-extract")
    story = _story_with(digest, WEEK_AHEAD)
    assert len(story["sources"]) == 2  # the preview is in the story: it is not its title
    assert story["title"] == HONDA_CUT
    assert story["url"] == site.url("/asiabusinessautos/0")
    assert story["makers"][0]["name"] == "Honda"
    (group,) = [g for g in digest["groups"] if story["id"] in g["story_ids"]]
    assert group["key"] == "Honda"


def test_a_review_in_the_readers_language_gives_way_to_the_news_in_another(
    cli, home: Path, site
) -> None:
    """Trial 30 #7: "We Drove the Xiaomi SU7 After Its Recall…" titled the recall expansion that
    only a Chinese outlet told: the news, in Chinese, is the title an English reader gets (the
    two in one story by the link they share)."""
    review = "We Drove the Xiaomi SU7 After Its Recall: Here's What the OTA Fix Changed"
    news = "小米SU7召回扩大 新增1.2万辆SU7 Pro"
    feeds = [
        _feed(site, "EV Fleet Daily", [(review, "")], site.url("/zh/0")),
        _feed(site, "车讯快报", [(news, "")]),
    ]
    story = _story_with(_digest(cli, home, feeds, "--no-extract"), review)
    assert len(story["sources"]) == 2
    assert story["title"] == news


def test_a_title_in_a_language_not_read_gives_way_to_one_in_english(cli, home: Path, site) -> None:
    """Trial 44's re-check: a Dutch outlet's report, with a summary, titled the story an English
    reader had been sent with its English report's title: a source in the reader's language
    titles the story whenever one does."""
    english = "Xpeng opens first own showroom in Amsterdam"
    dutch = "Xpeng opent eerste eigen showroom op de Zuidas"
    summary = "Het Chinese merk opent zijn eerste eigen winkel in Nederland, aan de Zuidas."
    feeds = [
        _feed(site, "EV Wire", [(english, "")], site.url("/autoweek/0")),
        _feed(site, "AutoWeek", [(dutch, summary)]),
    ]
    story = _story_with(_digest(cli, home, feeds, "--no-extract"), english)
    assert len(story["sources"]) == 2
    assert story["title"] == english


def test_an_explainer_in_the_story_never_titles_it(cli, home: Path, site) -> None:
    """Trial 32 #10: "Joyson Airbag Recall: What Toyota, Honda and Nissan Owners Need to Know"
    titled the recall over the news of it. An explainer is of the event's story (as outlets
    label it), but the report tells it."""
    explainer = "Joyson Airbag Recall: What Toyota, Honda and Nissan Owners Need to Know"
    news = "Joyson Safety recalls 1.2 mln airbag inflators fitted to Toyota, Honda, Nissan cars"
    feeds = [
        _feed(site, "The Circuit", [(explainer, "Check your VIN.")], site.url("/marketwire/0")),
        _feed(site, "MarketWire", [(news, "")]),
    ]
    story = _story_with(_digest(cli, home, feeds, "--no-extract"), explainer)
    assert len(story["sources"]) == 2
    assert story["title"] == news


def test_the_summary_is_the_chosen_sources_own(cli, home: Path, site) -> None:
    """Trial 30 #3: the title of one source and the article body of another. The chosen
    source's own feed summary comes before another source's body."""
    title = "Volvo Recalls 14,768 Plug-in XC70s in China Over Halfshaft Nut"
    summary = "Volvo is recalling 14,768 plug-in XC70 cars built in China."
    feeds = [
        _feed(site, "EV Monitor", [(title, summary)]),  # its page: not found
        _feed(site, "Car Wire", [("Volvo XC70 recall in China", "")]),
    ]
    other = "Owners will be contacted by letter, and dealers will tighten the nut free of charge."
    _page(site, site.url("/carwire/0"), "Volvo XC70 recall in China", "Car Wire", f"<p>{other}</p>")
    story = _story_with(_digest(cli, home, feeds), title)
    assert len(story["sources"]) == 2 and story["title"] == title
    assert story["summary"] == summary
    assert story["body"] == other  # the story's text, where its own source has none


MARKETDESK = "Ford to Slash 2,900 German Jobs as EV Sales Disappoint"
STUB = "<p>Subscribe to continue reading. Already a subscriber? Sign in.</p>"


def test_a_paywalls_prompt_is_no_body_and_no_summary_starts_with_the_heading(
    cli, home: Path, site
) -> None:
    """Trial 31 #13: the lead's summary was "Ford to Slash … MarketDesk Autos Subscribe to
    continue reading. Already a subscriber?", and every summary began with the page's heading
    and byline."""
    wire = "Ford to cut 2,900 jobs in Germany as EV demand stalls"
    text = "Ford will cut 2,900 jobs at its Cologne plant by the end of 2027, the company said."
    feeds = [
        _feed(site, "MarketDesk Autos", [(MARKETDESK, "")]),
        _feed(site, "GlobalWire Autos", [(wire, "")]),
    ]
    _page(site, site.url("/marketdeskautos/0"), MARKETDESK, "MarketDesk Autos", STUB)
    _page(site, site.url("/globalwireautos/0"), wire, "GlobalWire Autos", f"<p>{text}</p>")
    digest = _digest(cli, home, feeds)
    for story in digest["stories"]:
        assert "Subscribe" not in story["summary"] and "Subscribe" not in story.get("body", "")
        assert not story["summary"].startswith((MARKETDESK, wire, "MarketDesk", "GlobalWire"))
    (story,) = digest["stories"]
    # The source with a text of its own tells the story: title, link and summary (the
    # paywalled one would have had to borrow it).
    assert (story["title"], story["summary"]) == (wire, text)
    assert story["url"] == site.url("/globalwireautos/0")
    # `read` of the paywalled page says there is no text, rather than printing the prompt.
    read = cli("read", site.url("/marketdeskautos/0"))
    assert read.code != 0 and "paywall" in read.err and "Subscribe" not in read.out


def test_a_wires_bookkeeping_is_not_shown_and_its_sources_suffix_is_said(
    cli, home: Path, site
) -> None:
    """Trial 31 #17: "UPDATE 1-…-sources" and "CORRECTED-…" were story titles in every format.
    The versions a wire counts are not news; who says it is, in words."""
    feeds = [
        _feed(
            site,
            "GlobalWire Autos",
            [
                ("UPDATE 1-Renault, Chery in talks to build cars at Spanish plant -sources", ""),
                ("CORRECTED-Volkswagen's third-quarter operating profit falls 41%", ""),
                ("RPT-EXCLUSIVE-Stellantis weighs sale of Maserati -source", ""),
            ],
        )
    ]
    digest = _digest(cli, home, feeds, "--no-extract")
    titles = {story["title"] for story in digest["stories"]}
    assert titles == {
        "Renault, Chery in talks to build cars at Spanish plant, sources say",
        "Volkswagen's third-quarter operating profit falls 41%",
        "Stellantis weighs sale of Maserati, source says",
    }
    assert {s["sources"][0]["title"] for s in digest["stories"]} == titles
    text = cli("digest", "--offline", "--format", "text").out
    assert "UPDATE" not in text and "CORRECTED" not in text and "RPT" not in text


def test_the_source_count_says_when_a_feed_gave_two_of_them(cli, home: Path, site) -> None:
    """Trial 31 #18: "4 sources · … · MarketDesk Autos, Asia Business Autos, 财经汽车快讯":
    one feed gave an English and a Japanese version, and nothing said so."""
    feeds = [
        _feed(
            site,
            "Asia Business Autos",
            [
                ("Nissan's Job Cuts Widen to 20,000 Under CEO Espinosa", "Nissan will cut jobs."),
                ("日産、世界で2万人削減 7工場閉鎖", ""),
            ],
        ),
        _feed(site, "财经汽车快讯", [("日产将全球裁员2万人 关闭7座工厂", "")]),
    ]
    (story,) = _digest(cli, home, feeds, "--no-extract")["stories"]
    assert story["cluster_size"] == 3
    for fmt in ("text", "markdown", "html", "terminal"):
        out = " ".join(cli("digest", "--offline", "--format", fmt).out.split())
        assert "3 sources from 2 outlets · " in out, fmt
        assert " · Asia Business Autos (2), 财经汽车快讯" in out, fmt
    # A narrow terminal's wrapping never parts a feed from its count: a no-break space joins them.
    assert "Asia Business Autos\u00a0(2)" in cli("digest", "--offline", "--format", "text").out
