"""A story --new delivered comes back only for what is new, and says what it is (trial 36): the
48 h window sliding past its older sources is no news; a story told again shows the headline
of the source that made it news, and the figure it had and has."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site, write_config
from tests.test_new_over_time import NEW, entry, publish, titles


def test_older_sources_leaving_the_window_make_no_delivered_story_news_again(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 36 B3: the Kia EV4's launch went out; a source telling its price joined it later,
    without changing how it was told; when the launch's sources left the 48 h window the story
    read as pricing, and --new sent it again "now told as pricing" with nothing new in it."""
    link = "http://example.com/kia-ev4"
    launch = [
        entry(clock, "Kia launches EV4 sedan in the US", 1, 1, link=link, description="Kia EV4."),
        entry(clock, "Kia EV4 goes on sale in America", 2, 1, link=link, description="On sale."),
    ]
    feeds = ("--feed", publish(site, "/a.xml", launch), "--feed", publish(site, "/b.xml", []))
    (story,) = cli("digest", *feeds, *NEW).json()["stories"]
    assert story["event"] == "launch"
    clock.advance(hours=10)
    price = entry(clock, "Kia EV4 US pricing revealed", 3, 1, link=link)
    publish(site, "/b.xml", [price], title="Motor Desk")
    assert titles(cli("digest", *feeds, *NEW)) == []  # still the launch: nothing new to tell
    clock.advance(hours=40)  # the launch's sources are now older than the window
    now = cli("digest", *feeds, "--no-extract", "--format", "json").json()
    (same,) = now["stories"]
    assert (same["id"], same["event"]) == (story["id"], "pricing")  # what the window holds
    assert titles(cli("digest", *feeds, *NEW)) == []
    # A source new since the last --new digest telling it as pricing is news again.
    clock.advance(hours=1)
    again = entry(clock, "Kia announces EV4 US price", 4, 1, link=link)
    publish(site, "/b.xml", [again, price], title="Motor Desk")
    (resent,) = cli("digest", *feeds, *NEW).json()["stories"]
    assert resent["id"] == story["id"] and resent["changed"] == ["event"]


def test_a_figure_left_alone_in_the_window_is_no_news(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 36 B3: Honda-Nissan's terms went out with no money figure; a source telling $12
    billion joined later without becoming its headline; once the first sources left the
    window, --new sent it again as "figure changed" with no item new."""
    link = "http://example.com/hn"
    first = [
        entry(
            clock,
            "Honda to hold 70% of merged company with Nissan",
            1,
            1,
            link=link,
            description="Honda would hold 70% of the holding company.",
        ),
    ]
    feeds = ("--feed", publish(site, "/a.xml", first), "--feed", publish(site, "/b.xml", []))
    (story,) = cli("digest", *feeds, *NEW).json()["stories"]
    clock.advance(hours=10)
    money = entry(clock, "Honda, Nissan merger values Nissan at $12 billion", 2, 1, link=link)
    publish(site, "/b.xml", [money], title="Business Desk")
    assert titles(cli("digest", *feeds, *NEW)) == []
    clock.advance(hours=40)
    (same,) = cli("digest", *feeds, "--no-extract", "--format", "json").json()["stories"]
    assert same["id"] == story["id"] and same["title"] == money["title"]
    assert titles(cli("digest", *feeds, *NEW)) == []


def _resent_recall():
    """Trial 36 B2.3: the Explorer recall delivered at 142,310 vehicles, sent again once an
    outlet told 380,000, under the story's first title."""
    from dataclasses import replace

    from autonews.models import Event, Figure, MakerRef, Retold, Source
    from tests.helpers.digests import NOW, _story

    figure = Figure("units", "380,000 vehicles", 380000.0, "vehicles")
    story = _story(
        "ford", "Ford recalls 142,310 Explorer SUVs in US over rear axle bolt", Event.RECALL,
        (MakerRef("Ford", "Ford", "US"),), 30, sources=2, figures=(figure,),
    )  # fmt: skip
    expanded = Source(
        "AutoTrade Daily",
        "Ford expands Explorer axle recall to 380,000 vehicles",
        "http://news.example/ford/2",
        NOW,
        new=True,
    )
    return replace(
        story,
        sources=(*story.sources, expanded),
        delivered_before=True,
        new_sources=1,
        figure_changed=True,
        retold=Retold(expanded, "recall", "units:142310"),
    )


def test_a_story_sent_again_shows_the_new_headline_and_the_figure_it_changed_from() -> None:
    """Trial 36 B2.2-3, c4: a re-sent story kept its old headline, and "figure changed since
    your last digest" said neither from what nor to what."""
    import json

    from autonews.digest import build_digest
    from autonews.render import Format, RenderOptions, render
    from tests.helpers.digests import NOW

    digest = build_digest([_resent_recall()], (), NOW)
    for fmt in (Format.TEXT, Format.MARKDOWN, Format.HTML, Format.TERMINAL, Format.SLACK):
        out = render(digest, fmt, RenderOptions(width=200, color=False))
        assert "new: Ford expands Explorer axle recall to 380,000 vehicles (AutoTrade Daily)" in (
            out
        ), fmt
        assert "figure changed: 142,310 vehicles → 380,000 vehicles" in out, fmt
    (story,) = json.loads(render(digest, Format.JSON))["stories"]
    assert story["changed"] == ["figure"]
    assert story["retold"] == {
        "source": {
            "feed": "AutoTrade Daily",
            "outlet": "AutoTrade Daily",
            "title": "Ford expands Explorer axle recall to 380,000 vehicles",
            "url": "http://news.example/ford/2",
        },
        "event_before": "recall",
        "figure_before": {"kind": "units", "value": 142310},
        "title_before": None,
    }
    chinese = render(
        replace_language(digest, "zh-cn"), Format.TEXT, RenderOptions(width=200, color=False)
    )
    assert "新动态：Ford expands Explorer axle recall to 380,000 vehicles（AutoTrade Daily）" in (
        chinese
    )
    assert "数字有变：142,310 vehicles → 380,000 vehicles" in chinese


def replace_language(digest, language: str):
    from dataclasses import replace

    return replace(digest, language=language)


def test_a_re_sent_story_tells_what_made_it_news_through_the_cli(
    cli, home: Path, site: Site, clock: Clock, validate_digest
) -> None:
    """The Kia EV4's launch went out; a day later an outlet tells its price and the story,
    still titled by the launch, reads as pricing: --new says so with the price's headline."""
    link = "http://example.com/kia-ev4"
    launch = entry(
        clock, "Kia launches EV4 sedan in the US", 1, 1, link=link, description="Kia EV4 is here."
    )
    feeds = ("--feed", publish(site, "/a.xml", [launch]), "--feed", publish(site, "/b.xml", []))
    cli("digest", *feeds, *NEW)
    clock.advance(hours=20)
    price = [
        entry(clock, "Kia announces EV4 US price", 2, 1, link=link),
        entry(clock, "Kia EV4 US pricing revealed", 3, 2, link=link),
    ]
    publish(site, "/b.xml", price, title="Motor Desk")
    document = cli("digest", *feeds, *NEW).json()
    validate_digest(document)
    (story,) = document["stories"]
    assert story["changed"] == ["event"] and story["event"] == "pricing"
    assert story["retold"]["source"]["title"] == "Kia announces EV4 US price"
    assert story["retold"]["event_before"] == "launch"


def test_story_json_gives_the_tags_the_digest_gives(cli, home: Path, site: Site) -> None:
    """Trial 36 A1: `story ID --format json` said `tags: []` where the digest's JSON gave the
    story's feeds' tags; its help says it gives the story as the digest's JSON does."""
    from tests.helpers.feeds import item, rss

    site.routes["/ev.xml"] = (200, "application/rss+xml", rss([item("NIO recalls 5,000 ET7", 1)]))
    feed = f'[[feeds]]\nurl = "{site.url("/ev.xml")}"\nname = "EV Desk"\ntags = ["china", "ev"]\n'
    write_config(home, feed)
    (story,) = cli("digest", "--no-extract", "--format", "json").json()["stories"]
    assert story["tags"] == ["china", "ev"]
    assert cli("story", story["id"], "--format", "json").json()["tags"] == ["china", "ev"]


def test_the_figure_a_story_went_out_with_keeps_its_unit(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 41 5: a lease-rate story delivered at £60 a month and retitled £80 came back as
    "figure changed: 60 → £80": the figure it went out with, written as the one it has now."""
    first = entry(clock, "Volkswagen cuts ID.4 contract hire rates by up to £60 a month", 1, 2)
    url = publish(site, "/fn.xml", [first])
    assert titles(cli("digest", "--feed", url, *NEW)) == [first["title"]]
    retitled = "Volkswagen cuts ID.4 contract hire rates by up to £80 a month"
    publish(site, "/fn.xml", [{**first, "title": retitled}])
    clock.advance(hours=1)
    text = cli("digest", "--feed", url, "--no-extract", "--new", "--format", "text")
    assert text.code == 0, text.err
    # "up to" bounds the figure now (at_most), so the new one is written with it, the old bare
    assert "figure changed: £60 → up to £80" in " ".join(text.out.split())
