"""`autonews stats`: counts of stories (not items) from the store."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from autonews.render.stats_terminal import sparkline
from tests.helpers.feeds import item, rss


def serve_feed(httpserver: HTTPServer, items: list[dict[str, str]]) -> str:
    httpserver.expect_request("/car").respond_with_data(rss(items))
    return str(httpserver.url_for("/car"))


def test_stats_counts_stories_by_event_and_maker(cli, home: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(
        rss(
            [
                item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, hours_ago=5),
                item("Ford Recalls 90,000 Broncos Over Seat Belts", 2, hours_ago=30),
                item("BYD Cuts Prices on Seven Models by Up to 34%", 3, hours_ago=50),
            ]
        )
    )
    httpserver.expect_request("/b").respond_with_data(
        rss(
            [
                item(
                    "Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles", 9, hours_ago=4
                ),
            ]
        )
    )
    feeds = ("--feed", httpserver.url_for("/a"), "--feed", httpserver.url_for("/b"))
    assert cli("digest", *feeds, "--no-extract", "--since", "all").code == 0
    by_event = json.loads(cli("stats", "--by", "event", "--format", "json").out)
    counts = {row["key"]: row["total"] for row in by_event["rows"]}
    assert counts == {"recall": 2, "pricing": 1}  # the Volvo recall told twice counts once
    recalls = json.loads(cli("stats", "--event", "recall", "--format", "json").out)
    assert {row["key"] for row in recalls["rows"]} == {"Volvo", "Ford"}
    drawn = cli("stats", "--by", "event").out
    assert "recall" in drawn and "█" in drawn and "\x1b" not in drawn


def test_stats_leave_out_stories_not_about_cars_and_say_so(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    from datetime import datetime

    httpserver.expect_request("/mixed").respond_with_data(
        rss(
            [
                item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, hours_ago=5),
                item(
                    "Honda Launches Reusable Rocket Test Flight",
                    2,
                    hours_ago=6,
                    description="The rocket reached 300 metres before landing in Hokkaido.",
                ),
                item(
                    "The AI Paradox",
                    3,
                    hours_ago=7,
                    description="Learn the hard way: students ask the better questions.",
                ),
            ]
        )
    )
    feed = ("--feed", httpserver.url_for("/mixed"), "--no-extract", "--format", "json")
    digest = json.loads(cli("digest", *feed).out)
    assert digest["not_about_cars"] == 2
    by_maker = json.loads(cli("stats", "--format", "json").out)
    assert {row["key"]: row["total"] for row in by_maker["rows"]} == {"Volvo": 1}
    assert by_maker["stories"] == 1 and by_maker["not_about_cars"] == 2
    by_event = json.loads(cli("stats", "--by", "event", "--format", "json").out)
    assert "other" not in {row["key"] for row in by_event["rows"]}
    assert "2 stories not about cars left out." in cli("stats").out
    for key in ("since", "until"):  # ISO 8601, as in the digest's JSON
        assert "T" in by_maker[key] and datetime.fromisoformat(by_maker[key]).tzinfo
        assert "." not in by_maker[key]
    none = cli("stats", "--event", "launch")
    assert "No car stories in this window (2 stories not about cars left out)." in none.out


def test_stats_on_an_empty_store(cli, home: Path) -> None:
    result = cli("stats")
    assert result.code == 0 and "No stories" in result.out


def test_sparkline_scales_to_the_highest_period() -> None:
    assert sparkline((0, 4, 8)) == "·▄█"
    assert sparkline((0, 0)) == "  "


def test_the_timeline_counts_calendar_days_in_the_readers_zone() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from autonews.classify import classify
    from autonews.models import Item, Story
    from autonews.stats import compute_stats
    from autonews.story_build import build_story

    def story(number: int, title: str, published: datetime) -> Story:
        told = Item(
            number, "https://a.example/feed", "A", title, None, "", published, published, True
        )
        return build_story([told], {number: classify(title)}, {}, str(number))

    new_york = ZoneInfo("America/New_York")
    # 23:30 in New York on 2 Dec is 04:30 UTC on 3 Dec: the reader lived it on the 2nd.
    late = datetime(2026, 12, 3, 4, 30, tzinfo=UTC)
    items = [
        story(1, "Volvo Recalls 14,768 XC70s Over Halfshaft Risk", late),
        story(2, "Ford Recalls 90,000 Broncos Over Belts", datetime(2026, 12, 3, 18, tzinfo=UTC)),
    ]
    since, until = datetime(2026, 12, 1, 12, tzinfo=UTC), datetime(2026, 12, 4, 12, tzinfo=UTC)
    local = compute_stats(items, since, until, "event", zone=new_york)
    assert local.rows[0].per_period == (0, 1, 1, 0)  # 1, 2, 3 and 4 Dec in New York
    assert local.since.tzinfo == new_york and local.since == since  # shown in the reader's zone
    in_utc = compute_stats(items, since, until, "event", zone=UTC)
    assert in_utc.rows[0].per_period == (0, 0, 2, 0)


def test_a_since_date_starts_at_the_readers_midnight() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from autonews.timeparse import parse_since

    now = datetime(2026, 12, 5, tzinfo=UTC)
    new_york = parse_since("2026-12-01", now, ZoneInfo("America/New_York"))
    assert new_york == datetime(2026, 12, 1, 5, tzinfo=UTC)
    assert parse_since("2026-12-01", now) == datetime(2026, 12, 1, tzinfo=UTC)
    assert parse_since("2026-12-01T08:00+08:00", now) == datetime(2026, 12, 1, tzinfo=UTC)


def test_stats_count_the_stories_an_offline_digest_shows(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Stats and the digest group and label a store alike (stats classified titles alone and
    clustered afresh, so the two disagreed on one store): same stories, same events."""
    titles = [
        "Lucid Recalls Gravity SUVs Over Loose Seat Bolts",
        "Lucid Recalls Air Sedans Over Software Glitch",
        "BYD Cuts Prices of Seal and Han in China by Up to 20%",
        "BYD Cuts Prices of Seal and Han in Germany by Up to 20%",
        "GM Resumes Production at Orion Assembly Plant",
        "Toyota Recalls 52,000 Camry Sedans Over Faulty Airbag Sensor",
    ]
    items = [item(title, n, hours_ago=n + 1) for n, title in enumerate(titles)]
    # A car feed's terse item is car news in the digest: in stats too.
    items.append(item("What we learned this week", 9, hours_ago=2, description="Notes."))
    httpserver.expect_request("/car").respond_with_data(rss(items))
    feed = ("--feed", httpserver.url_for("/car"))
    assert cli("digest", *feed, "--no-extract", "--since", "7d").code == 0
    digest = cli("digest", *feed, "--offline", "--since", "7d", "--format", "json").json()
    shown: dict[str, int] = {}
    for story in digest["stories"]:
        shown[story["event"]] = shown.get(story["event"], 0) + 1
    stats = json.loads(cli("stats", "--since", "7d", "--by", "event", "--format", "json").out)
    assert {row["key"]: row["total"] for row in stats["rows"]} == shown
    assert stats["not_about_cars"] == digest.get("not_about_cars", 0)


def test_stats_leave_out_muted_stories_as_the_digest_does_and_say_so(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 26, item 11: stats counted the stories of makers in [classify] mute_makers (39
    stories against the offline digest's 34, Tesla among the bars), and said nothing of them."""
    from tests.helpers.site import write_config

    titles = [
        "Tesla Recalls 12,000 Cybertrucks Over Loose Trim Panel",
        "Tesla Cuts Model Y Prices in China by 5%",
        "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
        "BYD Launches Seal 08 Sedan at 189,800 Yuan",
        "Ford Names New Head of Europe Business",
    ]
    items = [item(title, n, hours_ago=n + 1) for n, title in enumerate(titles)]
    httpserver.expect_request("/car").respond_with_data(rss(items))
    # Written as an alias (any case), as a digest takes it; and a title pattern.
    write_config(home, '[classify]\nmute_makers = ["tesla"]\nmute_patterns = ["head of"]\n')
    feed = ("--feed", httpserver.url_for("/car"))
    assert cli("digest", *feed, "--no-extract").code == 0
    digest = cli("digest", *feed, "--offline", "--format", "json").json()
    assert (len(digest["stories"]), digest["muted"]) == (2, 3)
    stats = json.loads(cli("stats", "--since", "7d", "--format", "json").out)
    assert {row["key"]: row["total"] for row in stats["rows"]} == {"Volvo": 1, "BYD": 1}
    assert (stats["stories"], stats["muted"]) == (2, 3)
    drawn = cli("stats", "--since", "7d").out
    assert "Tesla" not in drawn
    assert "3 stories muted by the [classify] mute rules left out." in drawn


def test_stats_leave_out_a_disabled_feed_as_the_digest_does(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 28: after `feeds disable Big`, stats counted Big's stories (126 against the
    offline digest's 39). A story id of the disabled feed, from an earlier digest, still
    resolves with `story`."""
    from tests.helpers.site import feeds_toml, write_config

    httpserver.expect_request("/kept").respond_with_data(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, hours_ago=3)])
    )
    httpserver.expect_request("/big").respond_with_data(
        rss(
            [
                item("NIO Delivers 40,000 Cars in November", 2, hours_ago=4),
                item("Honda Cuts Prices of the e:Ny1 in Europe by 10%", 3, hours_ago=5),
            ]
        )
    )
    feeds = [("Kept", httpserver.url_for("/kept")), ("Big", httpserver.url_for("/big"))]
    write_config(home, feeds_toml(feeds))
    first = cli("digest", "--no-extract", "--format", "json")
    assert first.code == 0, first.err
    nio = next(story["id"] for story in first.json()["stories"] if "NIO" in story["title"])
    assert cli("feeds", "disable", "Big").code == 0

    digest = cli("digest", "--offline", "--since", "7d", "--format", "json").json()
    stats = json.loads(cli("stats", "--since", "7d", "--format", "json").out)
    assert [story["makers"][0]["name"] for story in digest["stories"]] == ["Volvo"]
    assert {row["key"]: row["total"] for row in stats["rows"]} == {"Volvo": 1}
    assert stats["stories"] == len(digest["stories"])
    told = cli("story", nio)
    assert told.code == 0 and "NIO Delivers 40,000 Cars" in told.out


def test_stats_count_the_stories_of_the_makers_asked_for(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 28 wish: `stats --maker` (repeatable, any alias, as digest's) for an analyst's
    customers; a story is counted under the maker asked for, as `digest --maker` files it."""
    titles = [
        "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
        "Geely and Renault Sign Engine Supply Deal for Brazil",
        "Ford Recalls 90,000 Broncos Over Seat Belts",
        "Toyota Recalls 52,000 Camry Sedans Over Faulty Airbag Sensor",
    ]
    url = serve_feed(
        httpserver, [item(title, n, hours_ago=n + 1) for n, title in enumerate(titles)]
    )
    assert cli("digest", "--feed", url, "--no-extract").code == 0
    asked = ("stats", "--since", "7d", "--maker", "volvo", "--maker", "吉利", "--format", "json")
    stats = json.loads(cli(*asked).out)
    rows = {row["key"]: row["total"] for row in stats["rows"]}
    assert rows == {"Volvo": 1, "Geely": 1} and stats["makers"] == ["Volvo", "Geely"]
    by_event = json.loads(cli(*asked, "--by", "event").out)
    assert {row["key"]: row["total"] for row in by_event["rows"]} == {
        "recall": 1,
        "partnership": 1,
    }
    drawn = cli("stats", "--since", "7d", "--maker", "Ford")
    assert drawn.out.startswith("Stories by maker of Ford, ") and "Toyota" not in drawn.out
    unknown = cli("stats", "--maker", "Voolvo")
    assert unknown.code == 2 and "--maker" in unknown.err and "Volvo" in unknown.err


def _stories_of(dated: list[tuple[str, tuple[int, int, int]]]) -> list:
    from datetime import UTC, datetime

    from autonews.classify import classify
    from autonews.models import Item
    from autonews.story_build import build_story

    stories = []
    for number, (title, day) in enumerate(dated):
        published = datetime(*day, 12, tzinfo=UTC)
        told = Item(number, "https://a.example/f", "A", title, None, "", published, published, True)
        stories.append(build_story([told], {number: classify(title)}, {}, str(number)))
    return stories


def test_since_all_spans_the_stories_counted_and_draws_months() -> None:
    # (trial 25, A3) `stats --since all` was labelled "22 May – 06 Dec 2026" (the day and month
    # of a world-news item of 2008, without its year) and drew no timeline for the weeks.
    from datetime import UTC, datetime

    from autonews.render import RenderOptions
    from autonews.render.stats_terminal import render_stats
    from autonews.stats import compute_stats

    stories = _stories_of(
        [
            ("Parliament Debates the Budget", (2008, 5, 22)),  # not about cars: not counted
            ("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", (2023, 9, 14)),
            ("Ford Recalls 90,000 Broncos Over Seat Belts", (2025, 8, 6)),
            ("Volvo Recalls 10,440 EX30s Over Battery Cells", (2026, 2, 16)),
        ]
    )
    stats = compute_stats(stories, None, datetime(2026, 12, 6, tzinfo=UTC), zone=UTC)
    assert (stats.since.date().isoformat(), stats.until.date().isoformat()) == (
        "2023-09-14",
        "2026-02-16",
    )
    assert stats.period == "month" and stats.not_about_cars == 1
    volvo = {row.key: row for row in stats.rows}["Volvo"]
    assert len(volvo.per_period) == 30  # September 2023 to February 2026
    assert volvo.per_period[0] == 1 and volvo.per_period[-1] == 1 and sum(volvo.per_period) == 2
    drawn = render_stats(stats, RenderOptions(width=100))
    assert drawn.startswith(
        "Stories by maker, 14 Sep 2023 – 16 Feb 2026 (3 stories; timeline per month)"
    )
    assert "█·" in drawn  # the timeline, not only the bars


def test_a_decade_is_drawn_by_year() -> None:
    from datetime import UTC, datetime

    from autonews.stats import compute_stats

    stories = _stories_of(
        [
            ("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", (2014, 3, 1)),
            ("Volvo Recalls 10,440 EX30s Over Battery Cells", (2026, 2, 16)),
        ]
    )
    stats = compute_stats(stories, None, datetime(2026, 12, 6, tzinfo=UTC), zone=UTC)
    assert stats.period == "year" and stats.rows[0].per_period == (1, *[0] * 11, 1)
