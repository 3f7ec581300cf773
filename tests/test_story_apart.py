"""`autonews story ID OTHER_ID`, through the real CLI: two stories a reader thinks are one event,
and what keeps the clustering from joining them — a rule one pair breaks, nothing shared that
proves one event, the time between them — with their likeliest pair's evidence. Feeds are
local files (a path is a feed)."""

from __future__ import annotations

from pathlib import Path

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss


def digest_of(
    cli, tmp_path: Path, wire: list[dict[str, str]], daily: list[dict[str, str]], *more: str
):
    for name, items in (("wire", wire), ("daily", daily)):
        (tmp_path / f"{name}.xml").write_text(rss(items, title=name.title()), "utf-8")
    feeds = ["--feed", str(tmp_path / "wire.xml"), "--feed", str(tmp_path / "daily.xml")]
    return cli("digest", *feeds, "--no-extract", "--since", "all", "-f", "json", *more).json()


def story_titled(digest, title: str) -> dict:
    (story,) = [s for s in digest["stories"] if s["title"] == title]
    return story


def test_talks_begun_and_called_off_are_apart_by_a_rule_each_pair_breaks(
    cli, home: Path, tmp_path
) -> None:
    digest = digest_of(
        cli,
        tmp_path,
        [
            item("Honda and Nissan Begin Talks on Merger", 1, 30),
            item("Honda and Nissan Call Off Merger Talks", 3, 6),
        ],
        [item("Nissan, Honda start merger negotiations", 4, 29)],
    )
    begun = story_titled(digest, "Honda and Nissan Begin Talks on Merger")
    ended = story_titled(digest, "Honda and Nissan Call Off Merger Talks")
    assert begun["cluster_size"] == 2

    shown = cli("story", begun["id"], ended["id"])
    assert shown.code == 0, shown.err
    # Both stories, each source numbered as --detach takes it under its story's letter: [A1],
    # [A2] the talks, [B1] the end (trial 49: numbered across both, [3] was refused by --detach).
    assert f"story A {begun['id']}: 2 sources" in shown.out
    assert f"story B {ended['id']}: 1 source" in shown.out
    assert "  [B1] " in shown.out
    # The hint names a source that exists: story B has one, so A's second (trial 51).
    assert f"A2 is `autonews story {begun['id']} --detach 2`" in shown.out
    assert "--detach A2`" in shown.out
    apart = shown.out.split("apart:\n", 1)[1]
    assert "  - [A1] and [B1] rule each other out: different turns of the story" in apart
    assert "  - [A2] and [B1] rule each other out: different turns of the story" in apart
    # The likeliest pair is weighed as a merge would be: its evidence and the turns it names.
    assert "stage_mismatch: yes: talks / end" in apart
    # However high its probability, the rule-out is what holds (trial 36 c2).
    assert "weighed as a merge (a rule-out above overrides its score):" in apart

    record = cli("story", begun["id"], ended["id"], "--format", "json").json()
    assert [s["id"] for s in record["stories"]] == [begun["id"], ended["id"]]
    items = {s["item"] for story in record["stories"] for s in story["sources"]}
    assert record["apart"] and all(set(r["items"]) <= items for r in record["apart"])
    assert record["closest"]["how"] == "pair" and set(record["closest"]["items"]) <= items


def test_two_recalls_of_one_maker_are_apart_for_want_of_a_shared_subject(
    cli, home: Path, tmp_path
) -> None:
    digest = digest_of(
        cli,
        tmp_path,
        [item("Tesla Recalls 2 Million Cars Over Autopilot Safeguards", 2, 29)],
        [item("Tesla Recalls Cybertruck Over Detaching Trim Panel", 5, 28)],
    )
    autopilot = story_titled(digest, "Tesla Recalls 2 Million Cars Over Autopilot Safeguards")
    cybertruck = story_titled(digest, "Tesla Recalls Cybertruck Over Detaching Trim Panel")
    shown = cli("story", autopilot["id"], cybertruck["id"])
    assert shown.code == 0, shown.err
    assert "[A1] and [B1] (the likeliest pair) are not proven one event: both name the maker" in (
        shown.out
    )


def test_one_recall_told_eight_days_apart_is_two_stories_by_the_span(
    cli, home: Path, tmp_path
) -> None:
    digest = digest_of(
        cli,
        tmp_path,
        [item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, 199)],
        [item("Volvo recalls 14,768 XC70 vehicles over halfshaft", 2, 2)],
    )
    first, second = sorted(digest["stories"], key=lambda s: s["published"])
    shown = cli("story", first["id"], second["id"])
    assert shown.code == 0, shown.err
    assert "together they would span 8.2 days: a story spans at most 6" in shown.out


def test_one_story_given_twice_is_a_usage_error(cli, home: Path, tmp_path) -> None:
    digest = digest_of(cli, tmp_path, [item("Tesla cuts Model Y prices in China", 1, 3)], [])
    (story,) = digest["stories"]
    shown = cli("story", story["id"], story["id"][:8])
    assert shown.code == ExitStatus.USAGE
    assert "are one story" in shown.err and "story ID --explain" in shown.err


def test_world_news_and_car_news_are_apart_by_topic(cli, home: Path, tmp_path) -> None:
    digest = digest_of(
        cli,
        tmp_path,
        [
            item("Jaguar spotted in the wild in southern Brazil", 1, 5),
            item("Venezuelan opposition leader begins hunger strike", 2, 5),
            item("Nigerian doctors walk out over unpaid wages", 3, 5),
        ],
        [item("Jaguar Land Rover to build cars in Brazil with Renault", 4, 4)],
        "--all-topics",
    )
    stories = {s["title"]: s for s in digest["stories"]}
    animal = stories["Jaguar spotted in the wild in southern Brazil"]
    cars = stories["Jaguar Land Rover to build cars in Brazil with Renault"]
    shown = cli("story", animal["id"], cars["id"])
    assert shown.code == 0, shown.err
    assert "  - the first story is not car news: stories not about cars join only" in shown.out
