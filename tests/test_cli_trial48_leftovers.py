"""Through the real CLI: what blind trial 48's re-check (a US dealer's service director
following recalls, NHTSA probes and official notices) still found wrong: a dealer newsletter's
roundup of three makers' parts shortages joined one maker's recall; an NHTSA probe of a robotaxi
company joined a local crash that named the same kind of vehicle. Feeds are local files (a path
is a feed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers.feeds import item, rss

# (feed, hours ago, title, summary)
Entry = tuple[str, float, str, str]


def _digest(cli, tmp_path: Path, entries: list[Entry]) -> Any:
    feeds = []
    for name in dict.fromkeys(name for name, *_ in entries):
        mine = [
            item(title, n, hours, description=summary)
            for n, (feed, hours, title, summary) in enumerate(entries)
            if feed == name
        ]
        path = tmp_path / f"{name}.xml"
        path.write_text(rss(mine, title=name.title()), "utf-8")
        feeds += ["--feed", str(path)]
    shown = cli("digest", *feeds, "--no-extract", "--since", "all", "--all-topics", "-f", "json")
    assert shown.code == 0, shown.err
    return shown.json()


def _story_of(digest: Any, title: str) -> dict[str, Any]:
    (story,) = [s for s in digest["stories"] if title in [src["title"] for src in s["sources"]]]
    return story


def _titles(story: dict[str, Any]) -> set[str]:
    return {source["title"] for source in story["sources"]}


GM_ENGINE = [
    (
        "wire",
        30,
        "GM recalls nearly 600,000 trucks and SUVs over engine failure risk",
        "General Motors is recalling 597,630 full-size pickup trucks and SUVs with 6.2-liter V8 "
        "engines because of manufacturing defects that could cause engine failure, NHTSA said.",
    ),
    (
        "trade",
        26,
        "GM dealers face engine supply crunch as 597,630-vehicle recall begins",
        "GM told dealers that replacement 6.2-liter engines will be allocated.",
    ),
]
ROUNDUP = (
    "newsletter",
    20,
    "Parts managers report shortages of GM engines, Toyota sensors and Honda gearboxes",
    "Recall parts are on national backorder at several makes.",
)


def test_a_roundup_of_three_makers_parts_is_no_one_makers_recall(cli, home, tmp_path) -> None:
    digest = _digest(cli, tmp_path, [*GM_ENGINE, ROUNDUP])
    recall = _story_of(digest, GM_ENGINE[0][2])
    # Before: the newsletter's roundup was the GM engine recall's third source (trial 48 M5).
    assert _titles(recall) == {GM_ENGINE[0][2], GM_ENGINE[1][2]}
    assert _story_of(digest, ROUNDUP[2])["cluster_size"] == 1
    shown = cli("story", recall["id"], _story_of(digest, ROUNDUP[2])["id"])
    assert shown.code == 0, shown.err
    assert "rule each other out: a briefing of several stories" in shown.out


PROBE_AND_CRASH = [
    ("gn", 30, "NHTSA investigation into Waymo school bus incidents widened - The Verge", ""),
    (
        "tv",
        24,
        "Two hurt in crash involving pickup truck and school bus on Route 9",
        "Neither the students nor the bus driver were injured.",
    ),
]


def test_a_companys_probe_never_joins_a_local_crash_of_the_same_kind_of_vehicle(
    cli, home, tmp_path
) -> None:
    digest = _digest(cli, tmp_path, PROBE_AND_CRASH)
    probe, crash = (_story_of(digest, title) for _, _, title, _ in PROBE_AND_CRASH)
    # Before: one story of both, on "school bus" alone (trial 48 M6).
    assert probe["id"] != crash["id"]
    shown = cli("story", probe["id"], crash["id"])
    assert shown.code == 0, shown.err
    assert "[A1] and [B1] rule each other out: the first is a probe widened or upgraded, " in (
        shown.out
    )
    assert "the second a crash" in shown.out


OCCUPANT_SENSOR = [
    (
        "nhtsa",
        30,
        "Toyota Motor Engineering & Manufacturing: Occupant Classification Sensor May "
        "Fail/FMVSS 208",
        "Toyota Motor Engineering &amp; Manufacturing (Toyota) is recalling certain 2024-2025 "
        "Toyota Grand Highlander and Lexus TX vehicles. The occupant classification system "
        "sensor may fail, preventing the passenger air bag from deploying correctly. NHTSA "
        "Campaign Number: 26V-171. Potential Number of Units Affected: 145,201.",
    ),
    (
        "consumer",
        27,
        "2024-2025 Toyota Grand Highlander and Lexus TX Recalled: Passenger Air Bags May Not "
        "Deploy",
        "The stop-sale stays in place until new sensors arrive; the recall covers 145,201 SUVs.",
    ),
]


def test_an_air_bags_sensor_and_the_air_bag_are_one_recall_told_two_ways(
    cli, home, tmp_path
) -> None:
    digest = _digest(cli, tmp_path, OCCUPANT_SENSOR)
    # Before: two stories, "rule each other out: different parts" (trial 48 S2): a sensor
    # serves the air bag system.
    story = _story_of(digest, OCCUPANT_SENSOR[0][2])
    assert _titles(story) == {title for _, _, title, _ in OCCUPANT_SENSOR}


ENGINE_CODE = [
    (
        "wire",
        30,
        "GM recalls 597,000 Silverado, Tahoe, Escalade vehicles over engine defect - CNBC",
        "",
    ),
    (
        "newsletter",
        24,
        "GM L87 recall: What service departments need to know",
        "Inspection times, engine allocations and loaner reimbursement for the 6.2L engine recall.",
    ),
    # The newsletter's other items: a car feed, whose terse titles are car news.
    ROUNDUP,
    ("newsletter", 40, "Stellantis raises recall labor reimbursement rates for dealers", ""),
]


def test_an_engine_code_is_no_model_that_rules_out_the_models_it_powers(
    cli, home, tmp_path
) -> None:
    digest = _digest(cli, tmp_path, ENGINE_CODE)
    # Before: "L87" was read as a GM model, and "rule each other out: different models" against
    # the Silverado, Tahoe and Escalade the engine powers kept them two stories (trial 48 S4).
    recall = _story_of(digest, ENGINE_CODE[0][2])
    assert _titles(recall) == {ENGINE_CODE[0][2], ENGINE_CODE[1][2]}


JEEP = [
    (
        "wire",
        40,
        "Stellantis recalls 219,000 Jeep plug-in hybrids over fire risk, tells owners to park "
        "outside",
        "",
    ),
    ("wire", 10, "Jeep plug-in hybrid owners sue Stellantis over battery fire recalls", ""),
    ("wire", 20, "Jeep Wrangler sales rise 12% in November", ""),
]


def test_a_brand_named_with_its_group_is_filed_under_the_brand_as_its_other_stories_are(
    cli, home, tmp_path
) -> None:
    digest = _digest(cli, tmp_path, JEEP)
    filed = {
        story_id: (group["key"], group["kind"])
        for group in digest["groups"]
        for story_id in group["story_ids"]
    }
    # Before: the recall under "Stellantis", the lawsuit under "Jeep" (trial 48 C3).
    headings = {filed[_story_of(digest, title)["id"]] for _, _, title, _ in JEEP}
    assert headings == {("Jeep", "maker")}


def test_a_group_that_is_a_brand_too_keeps_its_story_where_it_names_a_model_of_its_own(
    cli, home, tmp_path
) -> None:
    """Trial 50 recheck: "Toyota recalls 128,000 Grand Highlander, Lexus TX SUVs" went under
    Lexus, as if Toyota were only a group; its Grand Highlander is Toyota's own model."""
    title = "Toyota recalls 128,000 Grand Highlander, Lexus TX SUVs over seat belt buckle"
    digest = _digest(cli, tmp_path, [("wire", 5, title, "")])
    story = _story_of(digest, title)
    filed = [group["key"] for group in digest["groups"] if story["id"] in group["story_ids"]]
    assert filed == ["Toyota"]
