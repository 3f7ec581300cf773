"""Through the real CLI: a story only newsletters' issues and roundups tell ("The Charge, Dec 6:
VW's ID recall, Tesla's rough November, Rivian R2 starts", "Morning Briefing — Dec 3", "The EV
Weekly: …") is news told elsewhere, not a car story: left out of the default digest and counted
in its footer and JSON, shown with --all-topics under "Other news", never sent by --new unless
shown (trial 44: a newsletter JSON Feed's four dated issues were posted to Slack as car stories).
An outlet's label on one story ("Weekly sales: BYD …", "Briefing: Tesla recalls …") is news."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rfc822, rss, serve_titles
from tests.helpers.site import write_config

NEWS = [
    "Volkswagen recalls 48,000 ID.3 and ID.4 over high-voltage battery modules",
    "Weekly sales: BYD sells 92,000 cars in the Netherlands' week 48, its best week yet",
    "Briefing: Tesla recalls 132,000 Model Y over seat belt warning chimes",
    "Fastned opens its 400th fast-charging station, in Antwerp",
]
# A newsletter's dated issues, its name before its stories, its name and date alone.
ISSUES = [
    "The Charge, Dec 6: VW's ID recall, Tesla's rough November, Rivian R2 starts",
    "The EV Weekly: Fastned hits 400, Ionity cuts Dutch prices and BYD prices the Seal 6",
    "Morning Briefing — Dec 3",
]


def _newsletter(httpserver: HTTPServer) -> str:
    """A newsletter's JSON Feed of dated issues, as trial 44's "The Charge" served it."""
    from email.utils import parsedate_to_datetime

    items = [
        {
            "id": f"issue-{n}",
            "url": f"http://example.com/charge/{n}",
            "title": title,
            "content_text": "Today: Volkswagen recalls 48,000 ID.3 and ID.4; Tesla's European "
            "registrations fell 36%; Rivian's R2 enters production.",
            "date_published": parsedate_to_datetime(rfc822(2 + n)).isoformat(),
        }
        for n, title in enumerate(ISSUES)
    ]
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "The Charge",
        "items": items,
    }
    httpserver.expect_request("/charge.json").respond_with_data(
        json.dumps(document), content_type="application/feed+json"
    )
    return str(httpserver.url_for("/charge.json"))


def _config(home: Path, httpserver: HTTPServer, language: str = "") -> None:
    news = rss([item(title, n, hours_ago=1 + n) for n, title in enumerate(NEWS)])
    httpserver.expect_request("/news").respond_with_data(news, content_type="application/rss+xml")
    digest = f'[digest]\nlanguage = "{language}"\n\n' if language else ""
    write_config(
        home,
        f"{digest}"
        f'[[feeds]]\nurl = "{httpserver.url_for("/news")}"\nname = "electrive"\n\n'
        f'[[feeds]]\nurl = "{_newsletter(httpserver)}"\nname = "The Charge"\n',
    )


def test_newsletter_roundups_are_left_out_and_counted(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    """The default digest shows the outlet's news, labelled ones too, and none of the
    newsletter's issues; its footer and JSON count them; --all-topics shows them."""
    _config(home, httpserver)
    digest = cli("digest", "--no-extract", "--format", "json").json()
    validate_digest(digest)
    assert sorted(story["title"] for story in digest["stories"]) == sorted(NEWS)
    assert not any(story["roundup"] for story in digest["stories"])
    assert digest["roundups"] == len(ISSUES)
    assert digest["not_about_cars"] == digest["community_posts"] == 0
    labelled = {story["title"]: story for story in digest["stories"]}
    tesla = labelled["Briefing: Tesla recalls 132,000 Model Y over seat belt warning chimes"]
    assert (tesla["event"], [maker["name"] for maker in tesla["makers"]]) == ("recall", ["Tesla"])
    text = cli("digest", "--offline", "--format", "text").out
    assert "3 newsletter roundups; --all-topics shows them" in " ".join(text.split())
    assert "The Charge, Dec 6" not in text
    every = cli("digest", "--offline", "--all-topics", "--format", "json").json()
    validate_digest(every)
    assert every["roundups"] == 0
    roundups = [story for story in every["stories"] if story["roundup"]]
    assert sorted(story["title"] for story in roundups) == sorted(ISSUES)
    other = next(group for group in every["groups"] if group["kind"] == "other")
    assert {story["id"] for story in roundups} <= set(other["story_ids"])
    assert every["lead_id"] not in {story["id"] for story in roundups}
    # An issue joins none of the stories it lists: the news keeps its own sources.
    assert all(story["cluster_size"] == 1 for story in every["stories"])


def test_new_never_sends_a_roundup_it_does_not_show(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """An hourly --new bot posts the news once and no issue of the newsletter, run after run;
    a --new digest of all topics shows (and so sends) them."""
    _config(home, httpserver)
    first = cli("digest", "--new", "--no-extract", "--format", "json").json()
    assert sorted(story["title"] for story in first["stories"]) == sorted(NEWS)
    again = cli("digest", "--new", "--offline", "--format", "json").json()
    assert again["stories"] == []
    every = cli("digest", "--new", "--offline", "--all-topics", "--format", "json").json()
    assert sorted(story["title"] for story in every["stories"]) == sorted(ISSUES)


def test_the_footer_counts_roundups_in_the_readers_language(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Chinese readers are told of them in their words."""
    _config(home, httpserver, "zh")
    text = cli("digest", "--no-extract", "--format", "text").out
    assert "3期新闻简报汇总；--all-topics 可显示" in text


# News whose title ends in its date or a weekday, and a newsletter's name before one event of
# several makers (review 35: each was hidden as a roundup): a roundup needs a newsletter's name
# and an issue's shape, a list of several stories or its date alone.
DATED_NEWS = [
    "Nissan-Honda merger talks collapse, Feb 5",
    "Ford recall expands - Monday",
    "Tesla Cybertruck recall — Dec 6, 2025",
    "GM to report earnings — Tuesday",
    "Hyperdrive Daily: GM, Ford and Stellantis cut EV plans",
    "China EV daily: BYD, Nio and Xpeng shares jump",
]


def test_dated_news_and_one_event_of_several_makers_are_no_roundups(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Each is shown in the default digest and sent by --new; no roundup is counted."""
    url = serve_titles(httpserver, DATED_NEWS)
    write_config(home, f'[[feeds]]\nurl = "{url}"\nname = "Wire"\n')
    digest = cli("digest", "--new", "--no-extract", "--format", "json").json()
    assert sorted(story["title"] for story in digest["stories"]) == sorted(DATED_NEWS)
    assert digest["roundups"] == 0
    assert not any(story["roundup"] for story in digest["stories"])
