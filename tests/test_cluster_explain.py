"""`autonews story ID --explain`, through the real CLI: a story's sources and, for each merge,
the evidence that joined two of them and its weight, so a user who sees a wrong merge can say
why. Feeds are local files (a path is a feed)."""

from __future__ import annotations

from pathlib import Path

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss


def write_feeds(tmp_path: Path) -> list[str]:
    wire = tmp_path / "wire.xml"
    wire.write_text(
        rss(
            [
                item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, 6),
                item("Tesla cuts Model Y prices in China", 2, 5),
            ],
            title="Wire",
        ),
        "utf-8",
    )
    daily = tmp_path / "daily.xml"
    daily.write_text(
        rss(
            [
                item("Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles", 3, 4),
                item("沃尔沃召回14768辆XC70 左后半轴存在松动风险", 4, 3),
            ],
            title="Daily",
        ),
        "utf-8",
    )
    return ["--feed", str(wire), "--feed", str(daily)]


def test_story_explain_names_each_merge_and_its_evidence(cli, home: Path, tmp_path) -> None:
    feeds = write_feeds(tmp_path)
    digest = cli("digest", *feeds, "--no-extract", "--format", "json").json()
    (recall,) = [s for s in digest["stories"] if s["cluster_size"] == 3]

    shown = cli("story", recall["id"], "--explain")
    assert shown.code == 0, shown.err
    assert f"story {recall['id']}: 3 sources" in shown.out
    assert "Halfshaft problem prompts recall" in shown.out
    # Two merges join three sources; each says what the two share and the model's weights.
    merges = [line for line in shown.out.splitlines() if line.startswith("  [")]
    assert sum("]: pair, probability" in line for line in merges) == 2
    assert "shared subject:" in shown.out and "xc70" in shown.out.lower()
    assert "shared figures: 14,768" in shown.out
    assert "title_cosine:" in shown.out and "bias:" in shown.out
    # The model both name (XC70) weighs in the shared subject; the line for it says so, not
    # that sharing it counts against the merge.
    assert "same_model: yes (the model also counts in the shared subject" in shown.out

    record = cli("story", recall["id"], "--explain", "--format", "json").json()
    assert len(record["sources"]) == 3 and len(record["merges"]) == 2
    for merge in record["merges"]:
        assert merge["how"] == "pair" and 0.5 < merge["probability"] <= 1.0
        names = {evidence["name"] for evidence in merge["evidence"]}
        assert {"shared subject", "shared figures", "bias"} <= names


def test_story_without_explain_lists_sources_and_a_lone_item_has_no_merge(
    cli, home: Path, tmp_path
) -> None:
    feeds = write_feeds(tmp_path)
    digest = cli("digest", *feeds, "--no-extract", "--format", "json").json()
    (alone,) = [s for s in digest["stories"] if s["cluster_size"] == 1]
    shown = cli("story", alone["id"])
    assert shown.code == 0 and ": 1 source\n" in shown.out and "merges:" not in shown.out
    explained = cli("story", alone["id"], "--explain")
    assert "merges:\n  none: one source" in explained.out


def test_story_text_says_what_the_digest_says_of_the_story(cli, home: Path, tmp_path) -> None:
    """Its title, event, makers, models and figures head the sources, as the JSON has them: a
    user who looks a story up by its id need not run the digest again to learn what it is."""
    feeds = write_feeds(tmp_path)
    digest = cli("digest", *feeds, "--no-extract", "--format", "json").json()
    (recall,) = [s for s in digest["stories"] if s["cluster_size"] == 3]
    head = cli("story", recall["id"]).out.split("sources:\n", 1)[0].splitlines()
    assert head[1] == f"  {recall['title']}"
    assert "  event: recall" in head and "  makers: Volvo (Geely)" in head
    assert "  models: XC70" in head
    assert any(line.startswith("  figures: 14,768") for line in head)


def test_explained_evidence_says_which_turns_and_across_scripts_what_it_compares() -> None:
    """Trial 29: "stage_mismatch: yes" named no turn, and was shown between "Calls Off Merger
    Talks" and "Merger Talks Collapse", one turn; a title cosine of 1.00 between an English and a
    Chinese title said nothing of what it compared."""
    from datetime import UTC, datetime, timedelta

    from autonews.classify import classify
    from autonews.cluster import ClusterInput
    from autonews.cluster.explain import explain

    def details(*titles: str) -> dict[str, str]:
        when = datetime(2026, 12, 1, tzinfo=UTC)
        items = [
            ClusterInput(n, t, "", None, when + timedelta(hours=n), classify(t))
            for n, t in enumerate(titles)
        ]
        (merge,) = explain(items, [0, 1]).merges
        return {e.name: e.detail for e in merge.evidence}

    called_off = details(
        "Honda Calls Off Merger Talks With Nissan", "Nissan-Honda Merger Talks Collapse"
    )
    assert "stage_mismatch" not in called_off
    turns = details("Honda and Nissan Begin Merger Talks", "Honda and Nissan Merger Talks Collapse")
    assert turns.get("conflict") or "end" in turns.get("stage_mismatch", "")
    across = details("Toyota recalls 20,000 RAV4 over brake fault", "丰田召回2万辆RAV4 刹车存隐患")
    assert "across scripts" in across["title_cosine"]


def test_an_unknown_story_id_is_a_usage_error(cli, home: Path, tmp_path) -> None:
    cli("digest", *write_feeds(tmp_path), "--no-extract", "--format", "json")
    result = cli("story", "000000000000", "--explain")
    assert result.code == ExitStatus.USAGE
    assert "not a story id" in result.err and "hint:" in result.err


def test_world_news_of_two_feeds_joined_by_one_title_says_so(cli, home: Path, tmp_path) -> None:
    agency = "Peru's Congress votes to impeach interim President José Jerí"
    feeds = []
    for name, other in (("one", "Jesse Jackson, civil rights leader, dies at 84"), ("two", "")):
        path = tmp_path / f"{name}.xml"
        entries = [item(agency, 1 if name == "one" else 2, 5)]
        if other:
            entries.append(item(other, 3, 4))
        path.write_text(rss(entries, title=name), "utf-8")
        feeds += ["--feed", str(path)]
    digest = cli("digest", *feeds, "--no-extract", "--all-topics", "--format", "json").json()
    (peru,) = [s for s in digest["stories"] if s["cluster_size"] == 2]
    assert not peru["automotive"]
    record = cli("story", peru["id"], "--explain", "--format", "json").json()
    (merge,) = record["merges"]
    assert merge["how"] == "same title" and merge["probability"] is None


def test_story_times_are_the_readers_and_say_their_zone(
    cli, home: Path, tmp_path, monkeypatch
) -> None:
    feeds = write_feeds(tmp_path)
    digest = cli("digest", *feeds, "--no-extract", "--format", "json").json()
    story = digest["stories"][0]
    monkeypatch.setenv("AUTONEWS_DIGEST_TIMEZONE", "Asia/Shanghai")
    shown = cli("story", story["id"])
    assert shown.code == 0, shown.err
    from datetime import datetime
    from zoneinfo import ZoneInfo

    first = min(datetime.fromisoformat(s["published"]) for s in story["sources"])
    local = first.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M CST")
    assert local in shown.out


def test_the_id_of_a_pruned_story_says_it_may_have_been_pruned(cli, home: Path, tmp_path) -> None:
    """Trial 26, item 17: ids from a mail a week old, of stories [store] keep_days has since
    pruned, were only "not a story id of this store"."""
    from tests.helpers.site import store_db, write_config

    write_config(home, "[store]\nkeep_days = 7\n")
    digest = cli("digest", *write_feeds(tmp_path), "--no-extract", "--format", "json").json()
    old_id = digest["stories"][0]["id"]
    with store_db(home) as db:  # time passes, and its feeds are read no more
        db.execute("UPDATE items SET published = '2000-01-01T00:00:00+00:00'")
        db.execute("UPDATE items SET first_seen = '2000-01-01T00:00:00+00:00'")
        db.execute("UPDATE feeds SET last_checked = '2000-01-01T00:00:00+00:00'")
        db.execute("UPDATE feeds SET last_success = '2000-01-01T00:00:00+00:00'")
    other = tmp_path / "other.xml"
    other.write_text(rss([item("Kia Names New Design Chief", 1, 2)], title="Other"), "utf-8")
    assert cli("digest", "--feed", str(other), "--no-extract").code == 0  # prunes
    for command in ("story", "read"):
        result = cli(command, old_id)
        assert result.code == ExitStatus.USAGE
        message, hint = result.err.splitlines()
        assert f"the story {old_id!r} was pruned from this store on " in message
        assert "[store] keep_days (7 days)" in message
        assert hint.startswith("hint: ") and "raise [store] keep_days" in hint


def test_story_json_is_the_digests_story_with_each_sources_item(cli, home: Path, tmp_path) -> None:
    """Trial 26 wish: `story ID --format json` gave only the sources. It is the story as the
    digest's JSON gives it (title, event, makers, models, figures, speculative, automotive,
    published...: one serialisation), each source with its item id, which merges name."""
    feeds = write_feeds(tmp_path)
    digest = cli("digest", *feeds, "--no-extract", "--format", "json").json()
    for story in digest["stories"]:
        record = cli("story", story["id"], "--format", "json").json()
        assert "merges" not in record
        assert {key: value for key, value in record.items() if key != "sources"} == {
            key: value for key, value in story.items() if key != "sources"
        }
        assert [{k: v for k, v in s.items() if k != "item"} for s in record["sources"]] == (
            story["sources"]
        )
    (recall,) = [s for s in digest["stories"] if s["cluster_size"] == 3]
    record = cli("story", recall["id"], "--explain", "--format", "json").json()
    assert (record["title"], record["event"]) == (recall["title"], "recall")
    assert [maker["name"] for maker in record["makers"]] == ["Volvo"]
    items = [source["item"] for source in record["sources"]]
    assert len(set(items)) == 3
    assert {item for merge in record["merges"] for item in merge["items"]} == set(items)
