"""Through the real CLI: a community feed's posts (a subreddit's questions, memes, "[OC]" charts,
weekly threads) may join a news story as its readers' discussion, but never title it, never give
it its event or figure, never join two stories, never stand alone in the default digest, and
never make --new send a delivered story again (trial 44: about 15 of 66 Slack posts were Reddit
chatter, and a user's "€7,500" retitled Tesla's FSD approval)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rfc822, rss
from tests.helpers.site import write_config

NEW = ("--new", "--no-extract", "--format", "json")

FSD = [
    (
        "Tesla gets approval for FSD Supervised in the Netherlands, a first in Europe",
        "The Dutch vehicle authority RDW has granted Tesla approval for Full Self-Driving "
        "(Supervised) under an EU exemption procedure.",
    ),
    (
        "Dutch regulator RDW approves Tesla FSD Supervised in the Netherlands",
        "The Netherlands' RDW has approved Tesla's driver-assistance system Full Self-Driving "
        "(Supervised); Tesla plans to roll it out to Dutch owners in the coming weeks.",
    ),
]
# The outlet's other news of the day: what makes the approval's words rare among its items.
DAY = [
    (
        "Ford ends F-150 Lightning production, will build EREV version instead",
        "Ford has built "
        "the last all-electric F-150 Lightning at its Rouge Electric Vehicle Center.",
    ),
    (
        "Polestar Q3 2026: revenue down 8% as losses narrow to $290 million",
        "Polestar reported third-quarter revenue of $580 million and a net loss of $290 million.",
    ),
    (
        "GM cuts a shift at Factory Zero, laying off 1,200 workers",
        "General Motors will "
        "eliminate one of two shifts at its Detroit-Hamtramck Factory Zero from January.",
    ),
]
QUESTION = (
    "FSD approved in NL — anyone here actually going to pay €7,500 for it?",
    "submitted by /u/dutch_m3_driver. Saw the RDW news this morning about Tesla FSD Supervised.",
)
# Users' posts of their own: questions, a chart, a weekly thread, two posts on one model.
CHATTER = [
    ("Weekly Beginner Questions Thread - December 04, 2026", "Ask your beginner EV questions."),
    ("[OC] EV share of new car sales in the Netherlands, 2015–2026", "Made this chart."),
    ("Ioniq 5 N vs EV6 GT — which would you pick for daily + track days?", "Opinions?"),
    ("Insurance doubled for my EV6 — anyone else in NL?", "submitted by /u/verzekering_ev."),
    ("Which home charger for a Model Y in an apartment garage in Amsterdam?", "Zaptec?"),
]


def _news(httpserver: HTTPServer, entries: list[tuple[str, str]], path: str = "/news") -> str:
    items = [
        item(title, n, hours_ago=3 - n / 10, link=f"http://example.com{path}/{n}", description=s)
        for n, (title, s) in enumerate(entries)
    ]
    httpserver.expect_request(path).respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return str(httpserver.url_for(path))


def _subreddit(httpserver: HTTPServer, posts: list[tuple[str, str]]) -> str:
    """A subreddit's Atom feed as Reddit serves it: its posts link to their comment pages."""
    base = str(httpserver.url_for("/r/electricvehicles"))
    entries = "".join(
        f"<entry><title>{escape(title)}</title><id>t3_{n}</id>"
        f'<link href="{base}/comments/{n}x/post_{n}/" />'
        f"<updated>{_iso(2 - n / 10)}</updated><author><name>/u/someone</name></author>"
        f'<content type="html">{escape(text)}</content></entry>'
        for n, (title, text) in enumerate(posts)
    )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<category term="electricvehicles" label="r/electricvehicles"/>'
        "<title>Electric Vehicles</title>"
        '<link rel="alternate" href="https://www.reddit.com/r/electricvehicles" />'
        f"<id>/r/electricvehicles.rss</id><updated>{_iso(0)}</updated>{entries}</feed>"
    )
    httpserver.expect_request("/r/electricvehicles/.rss").respond_with_data(
        feed, content_type="application/atom+xml"
    )
    return str(httpserver.url_for("/r/electricvehicles/.rss"))


def _iso(hours_ago: float) -> str:
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(rfc822(hours_ago)).isoformat()


def _config(
    home: Path, httpserver: HTTPServer, subreddit: str, name: str = "r/electricvehicles"
) -> None:
    """Electrek's day (the approval, other news), electrive's approval, and a community feed."""
    electrek = _news(httpserver, FSD[:1] + DAY)
    electrive = _news(httpserver, FSD[1:], "/electrive")
    topic = "" if name.startswith("r/") else 'topic = "community"\n'
    write_config(
        home,
        f'[[feeds]]\nurl = "{electrek}"\nname = "Electrek"\n\n'
        f'[[feeds]]\nurl = "{electrive}"\nname = "electrive"\n\n'
        f'[[feeds]]\nurl = "{subreddit}"\nname = "{name}"\n{topic}\n',
    )


def _feeds_of(story: dict) -> set[str]:
    return {source["feed"] for source in story["sources"]}


def test_community_posts_never_stand_alone_nor_join_each_other(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    """Trial 44: 12 Reddit posts were delivered as stories of their own, and two unrelated ones
    (an EV6 GT comparison, an EV6's insurance) became one story. A subreddit's feed is known by
    its posts' links, with no topic given."""
    _config(home, httpserver, _subreddit(httpserver, CHATTER))
    digest = cli("digest", "--no-extract", "--format", "json").json()
    validate_digest(digest)
    assert [_feeds_of(story) for story in digest["stories"]] == [
        {"Electrek", "electrive"},
        *[{"Electrek"}] * len(DAY),
    ]
    assert digest["community_posts"] == len(CHATTER)
    text = cli("digest", "--offline", "--format", "text").out
    assert "5 community posts on no news story; --all-topics shows them" in text
    every = cli("digest", "--offline", "--all-topics", "--format", "json").json()
    validate_digest(every)
    posts = [story for story in every["stories"] if story["community"]]
    assert sorted(story["title"] for story in posts) == sorted(title for title, _ in CHATTER)
    assert all(story["cluster_size"] == 1 for story in posts)  # no two posts joined
    other = [group for group in every["groups"] if group["kind"] == "other"]
    assert {story["id"] for story in posts} <= set(other[0]["story_ids"])
    ev6 = [story["id"] for story in posts if "EV6" in story["title"]]
    assert "both are community posts: two threads never join" in cli("story", *ev6).out


def test_a_post_joins_the_news_it_discusses_but_never_titles_it_nor_resends_it(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 44: "FSD approved in NL — anyone here actually going to pay €7,500 for it?" joined
    Tesla's FSD approval, titled it, gave it the user's €7,500 as its figure, and --new posted
    the story to Slack again as "figure changed"."""
    _config(home, httpserver, _subreddit(httpserver, []))
    (story,) = [s for s in cli("digest", *NEW).json()["stories"] if "FSD" in s["title"]]
    assert story["cluster_size"] == 2
    httpserver.clear_all_handlers()  # the next hour: a user asks about it
    _config(home, httpserver, _subreddit(httpserver, [QUESTION]))
    assert cli("digest", *NEW).json()["stories"] == []  # the readers' talk is no news
    digest = cli("digest", "--offline", "--all-topics", "--format", "json").json()
    (now,) = [s for s in digest["stories"] if s["id"] == story["id"]]
    assert now["title"] == story["title"] and now["event"] == story["event"]
    assert not any(figure["text"].startswith("€7,500") for figure in now["figures"])
    # It joined the news it discusses, as a source marked so.
    assert [s["community"] for s in now["sources"]] == [False, False, True]


def test_feeds_add_says_a_subreddit_is_a_community_feed(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Wish 1: `topic = "community"` for Reddit, recognised where the feed says so; `feeds
    add` says what it decided, and how to undo it."""
    write_config(home, "")
    url = _subreddit(httpserver, CHATTER)
    added = cli("feeds", "add", url)
    assert added.code == 0, added.err
    assert (
        'a community feed (its site, www.reddit.com, is its users\' posts): topic = "community"'
        in (added.err)
    )
    assert "--topic auto` reads them as news" in added.err
    assert 'topic = "community"' in (home / "config.toml").read_text()
    listed = cli("feeds", "list").out
    assert " community " in listed


def test_a_feed_said_to_be_a_community_makes_every_item_a_post(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """A forum whose links are its own (no Reddit path): `topic = "community"` says what it is."""
    _config(home, httpserver, _news(httpserver, CHATTER[2:4], "/forum"), "EV forum")
    digest = cli("digest", "--no-extract", "--format", "json").json()
    assert all(_feeds_of(story) <= {"Electrek", "electrive"} for story in digest["stories"])
    assert digest["community_posts"] == 2
    wrong = cli("feeds", "edit", "EV forum", "--topic", "forum")
    assert wrong.code == 2 and '"community"' in wrong.err
