"""Trial 40, bug 1, through the real CLI against feeds on 127.0.0.1: a join an earlier run made
stayed for good. A phone's HarmonyOS update sat in the OTA story of the Aito M8 after the feed
was set to `topic = "mixed"` and the item was no longer car news, and nothing could take it
out. An item the classifier no longer reads as car news now leaves a car story, and `story ID
--detach N` takes any source out, to a story of its own the clustering never joins again."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.site import store_db, write_config

PHONE = "HarmonyOS 6.0.2 正式版开始推送，新增小艺智能体"
M8 = "问界 M8 推送鸿蒙座舱 5.1 升级，新增车位到车位领航"
M8_TOO = "问界M8推送鸿蒙座舱5.1，新增车位到车位智驾"
IX3 = "宝马新世代iX3长轴距版官图发布，沈阳工厂明年投产"
RECALL = "宝马召回部分进口X5汽车，共计1.2万辆"


def _serve(httpserver: HTTPServer, path: str, titles: list[tuple[str, float]], first: int) -> str:
    items = [item(title, first + n, hours_ago=hours) for n, (title, hours) in enumerate(titles)]
    httpserver.expect_request(path).respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return str(httpserver.url_for(path))


def _config(home: Path, tech: str, cars: str, topic: str) -> None:
    write_config(
        home,
        f'[[feeds]]\nurl = "{tech}"\nname = "IT之家"\ntopic = "{topic}"\n\n'
        f'[[feeds]]\nurl = "{cars}"\nname = "懂车帝"\n\n[digest]\nsince = "4d"\n',
    )


def _stories(cli, *args: str) -> dict[frozenset[str], str]:
    """The digest's stories as the titles of their sources, with each story's id."""
    result = cli("digest", "--no-extract", "--format", "json", "--all-topics", *args)
    assert result.code == 0, result.err
    return {
        frozenset(source["title"] for source in story["sources"]): story["id"]
        for story in result.json()["stories"]
    }


def _join(home: Path, title: str, story_id: str) -> None:
    """What an earlier run's wrong join left in the store: the item filed in the story."""
    with store_db(home) as db:
        db.execute(
            "UPDATE story_items SET story_key = ? "
            "WHERE item_id = (SELECT id FROM items WHERE title = ?)",
            (story_id, title),
        )


def test_an_item_no_longer_car_news_leaves_the_car_story_an_earlier_run_put_it_in(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    tech = _serve(httpserver, "/ithome", [(PHONE, 20), (M8, 12)], 0)
    cars = _serve(httpserver, "/dcd", [(M8_TOO, 11)], 10)
    _config(home, tech, cars, "cars")  # read as a car feed: its phone update is car news
    first = _stories(cli, "--new")
    m8 = first[frozenset({M8, M8_TOO})]
    _join(home, PHONE, m8)
    assert frozenset({PHONE, M8, M8_TOO}) in _stories(cli, "--offline")  # stuck, until now

    _config(home, tech, cars, "mixed")  # the phone update is no longer car news
    stories = _stories(cli, "--offline")
    assert stories[frozenset({M8, M8_TOO})] == m8  # the story keeps its id
    assert frozenset({PHONE}) in stories
    explained = cli("story", m8, "--explain").out
    assert PHONE not in explained
    # Neither went out again: both were in the story a --new digest delivered.
    again = cli("digest", "--no-extract", "--offline", "--new", "--all-topics", "--format", "json")
    assert again.json()["stories"] == []


def test_story_detach_takes_a_source_out_for_good(cli, home: Path, httpserver: HTTPServer) -> None:
    tech = _serve(httpserver, "/ithome", [(RECALL, 20)], 0)
    cars = _serve(httpserver, "/dcd", [(IX3, 11)], 10)
    _config(home, tech, cars, "auto")
    first = _stories(cli, "--new")
    ix3 = first[frozenset({IX3})]
    _join(home, RECALL, ix3)  # an earlier run's wrong merge
    assert frozenset({IX3, RECALL}) in _stories(cli, "--offline")

    listed = cli("story", ix3).out
    assert "[1] " in listed and RECALL in listed.split("[2]")[0]  # the recall came first
    detached = cli("story", ix3, "--detach", "1")
    assert detached.code == 0, detached.err
    assert f"took [1] out of story {ix3}: {RECALL} is now story " in detached.err
    assert RECALL not in detached.out and IX3 in detached.out  # the story as it is now
    stories = _stories(cli, "--offline")
    assert stories[frozenset({IX3})] == ix3 and frozenset({RECALL}) in stories
    assert _stories(cli) == stories  # a run that fetches again does not join them again
    # The recall went out inside the iX3 story: it is not sent again as news.
    again = cli("digest", "--no-extract", "--offline", "--new", "--format", "json")
    assert again.json()["stories"] == []


def test_story_detach_refuses_a_source_it_has_not_or_its_last(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    tech = _serve(httpserver, "/ithome", [(RECALL, 20)], 0)
    cars = _serve(httpserver, "/dcd", [(IX3, 11)], 10)
    _config(home, tech, cars, "auto")
    ix3 = _stories(cli)[frozenset({IX3})]
    missing = cli("story", ix3, "--detach", "3")
    assert missing.code == 2
    assert f"story {ix3} has sources 1 to 1, not 3" in missing.err
    last = cli("story", ix3, "--detach", "1")
    assert last.code == 2 and "would have no source left" in last.err
    # With two stories, a source is named by its story's letter, as `story A B` numbers it.
    both = cli("story", ix3, ix3, "--detach", "1")
    assert both.code == 2 and "--detach with two stories needs the story's letter" in both.err
