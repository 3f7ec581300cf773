"""Trial 46, bug 3, through the real CLI against feeds on 127.0.0.1: a wrong merge of two
events of several sources each could not be undone. `story ID --detach N` makes each source
taken out a story of its own that the clustering never joins again, so detaching the four
sources of the second event left it split four ways for good. `--detach 2-3 --together` (or
`--detach 2 --detach 3 --together`) takes them out as one story."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.site import store_db, write_config

IX3 = "宝马新世代iX3长轴距版官图发布，沈阳工厂明年投产"
RECALL = "宝马召回部分进口X5汽车，共计1.2万辆"
RECALL_TOO = "BMW recalls 12,000 imported X5 SUVs in China"
IX3_TOO = "BMW shows long-wheelbase Neue Klasse iX3 for China, Shenyang output next year"


def _stories(cli) -> dict[frozenset[str], str]:  # type: ignore[no-untyped-def]
    result = cli("digest", "--no-extract", "--format", "json", "--all-topics")
    assert result.code == 0, result.err
    return {
        frozenset(source["title"] for source in story["sources"]): story["id"]
        for story in result.json()["stories"]
    }


def _merge(home: Path, story_id: str) -> None:
    """What an earlier run's wrong merge left in the store: every item filed in one story."""
    with store_db(home) as db:
        db.execute("UPDATE story_items SET story_key = ?", (story_id,))


def _setup(cli, home: Path, httpserver: HTTPServer) -> str:  # type: ignore[no-untyped-def]
    entries = [
        item(IX3, 1, hours_ago=12),
        item(RECALL, 2, hours_ago=11),
        item(RECALL_TOO, 3, hours_ago=10),
        item(IX3_TOO, 4, hours_ago=9),
    ]
    httpserver.expect_request("/feed").respond_with_data(
        rss(entries), content_type="application/rss+xml"
    )
    write_config(home, f'[[feeds]]\nurl = "{httpserver.url_for("/feed")}"\nname = "Wire"\n')
    ix3 = next(key for titles, key in _stories(cli).items() if IX3 in titles)
    _merge(home, ix3)
    assert frozenset({IX3, RECALL, RECALL_TOO, IX3_TOO}) in _stories(cli)
    return ix3


def test_story_detach_together_takes_a_second_event_out_as_one_story(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    ix3 = _setup(cli, home, httpserver)
    listed = cli("story", ix3).out
    assert RECALL in listed.split("[3]")[0].split("[2]")[1]  # [2] and [3] are the recall's

    taken = cli("story", ix3, "--detach", "2-3", "--together")
    assert taken.code == 0, taken.err
    assert "the 2 sources taken out are one story: autonews story " in taken.err
    recall = taken.err.rsplit("autonews story ", 1)[1].split()[0]
    assert RECALL not in taken.out and IX3 in taken.out  # the story as it is now
    stories = _stories(cli)
    assert stories[frozenset({IX3, IX3_TOO})] == ix3
    assert stories[frozenset({RECALL, RECALL_TOO})] == recall
    assert _stories(cli) == stories  # later runs neither split nor rejoin them
    shown = cli("story", recall).out
    assert shown.startswith(f"story {recall}: 2 sources"), shown


def test_story_detach_repeated_with_together_is_the_same_as_a_range(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    ix3 = _setup(cli, home, httpserver)
    taken = cli("story", ix3, "--detach", "2", "--detach", "3", "--together")
    assert taken.code == 0, taken.err
    assert frozenset({RECALL, RECALL_TOO}) in _stories(cli)


def test_story_detach_without_together_makes_a_story_of_each_and_help_says_so(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    ix3 = _setup(cli, home, httpserver)
    taken = cli("story", ix3, "--detach", "2,3")
    assert taken.code == 0, taken.err
    stories = _stories(cli)
    assert frozenset({RECALL}) in stories and frozenset({RECALL_TOO}) in stories
    helped = " ".join(cli("story", "--help").out.split())
    assert "--together" in helped and "a story of its own" in helped
    wrong = cli("story", ix3, "--together")
    assert wrong.code == 2 and "--together goes with --detach" in wrong.err
    backwards = cli("story", ix3, "--detach", "3-2")
    assert backwards.code == 2 and "runs backwards" in backwards.err


def test_story_detach_of_a_huge_range_or_a_digit_not_ascii_is_a_usage_error(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Review 35, F4: "2-99999999999999999999" ended in an OverflowError, "1-300000000" in a
    MemoryError (a list of 300 million numbers), "²" (a digit to str.isdigit) in a ValueError;
    each is a usage error naming what is wrong, and the story is left as it was."""
    ix3 = _setup(cli, home, httpserver)
    before = _stories(cli)
    for huge in ("2-99999999999999999999", "1-300000000"):
        result = cli("story", ix3, "--detach", huge)
        assert result.code == 2, result.err
        assert f"story {ix3} has sources 1 to 4, not {huge}" in result.err
        assert "Traceback" not in result.err
    for odd in ("²", "1-٣"):
        result = cli("story", ix3, "--detach", odd)
        assert result.code == 2, result.err
        assert f"--detach: {odd!r} is not a source number" in result.err
    assert _stories(cli) == before
