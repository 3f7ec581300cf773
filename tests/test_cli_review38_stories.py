"""Review 38's findings on session 38's stories, through the real CLI over loopback feeds: a
recall's build months and its fix's month split it in two; "The Times" swallowed "The Times of
India"; a kidney drug led a car digest; `--maker Toyota` took Denso's heat pump sale; Waymo was
headed "Alphabet", a group `--maker` refuses, and `stats` counted Denso's story as "Industry".
(The byline zones, "9:28 AM PT", are in test_cli_page_summaries.py; classification's findings
in test_cli_review38_classify.py.)"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish


def _feeds(site: Site, clock: Clock, rows: list[tuple[str, str, str]]) -> list[str]:
    """``--feed`` options for ``rows`` (outlet, title, summary), one feed per outlet."""
    outlets: dict[str, list[dict]] = {}
    for n, (outlet, title, summary) in enumerate(rows):
        outlets.setdefault(outlet, []).append(entry(clock, title, n, 10 - n, description=summary))
    feeds = []
    for n, (outlet, entries) in enumerate(outlets.items()):
        feeds += ["--feed", publish(site, f"/outlet{n}.xml", entries, title=outlet)]
    return feeds


def _digest(cli, site: Site, clock: Clock, rows: list[tuple[str, str, str]], *args: str) -> dict:
    """The JSON digest of ``rows`` (outlet, title, summary), one feed per outlet."""
    feeds = _feeds(site, clock, rows)
    result = cli("digest", *feeds, "--no-extract", "--format", "json", *args)
    assert result.code == 0, result.err
    return dict(result.json())


def _titles(digest: dict) -> list[list[str]]:
    return [[source["title"] for source in story["sources"]] for story in digest["stories"]]


def test_a_recalls_build_months_and_its_fix_month_are_one_story(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """F1: "built from March to September" / "fix to start in January" were two stories, "ruled
    out: different months", though the pair scored 1.00; two months' sales stay two."""
    recall = [
        (
            "Reuters",
            "Ford recalls 312,000 Broncos built from March to September over brake hoses",
            "The recall covers 2021-2025 models.",
        ),
        (
            "Detroit News",
            "Ford recalls 312,000 Broncos over brake hoses; fix to start in January",
            "Ford said dealers would replace the hoses.",
        ),
    ]
    months = [
        (
            "Bangkok Post",
            "Thai motorcycle sales up 3% in October",
            "1.41 million units year-to-date; Honda holds 78% share.",
        ),
        (
            "The Jakarta Post",
            "Motorcycle sales rise 3% in November: AISI",
            "Indonesian motorcycle sales climbed to 560,000 units, with Honda holding 77%.",
        ),
    ]
    stories = _titles(_digest(cli, site, clock, [*recall, *months], "--all-topics"))
    assert sorted(title for story in stories for title in story if "Broncos" in title) in [
        sorted(story) for story in stories
    ], stories
    assert [months[0][1]] in stories and [months[1][1]] in stories, stories


def test_a_kidney_drug_leads_no_car_digest(cli, home: Path, site: Site, clock: Clock) -> None:
    rows = [
        (
            "Health Wire",
            "FDA approves new CKD drug that slows kidney failure",
            "The drug cut the risk of dialysis by 30% in trials.",
        ),
        ("Health Wire", "Hospital waiting lists grow in winter", "NHS figures show longer waits."),
    ]
    assert _digest(cli, site, clock, rows)["stories"] == []


def test_an_outlet_whose_name_begins_anothers_is_another_outlet(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """F3: "The Times" and "The Times of India" were "2 sources from 1 outlet · The Times (2)"."""
    rows = [
        ("The Times", "Tata Motors to cut 2,000 jobs at Jaguar Land Rover", ""),
        ("The Times of India", "Tata Motors to cut 2,000 jobs at JLR", ""),
    ]
    (story,) = _digest(cli, site, clock, rows)["stories"]
    assert story["outlet_count"] == 2
    feeds = _feeds(site, clock, rows)
    text = cli("digest", *feeds, "--no-extract", "--format", "text").out
    assert "The Times of India" in text and "1 outlet" not in text, text


COMPANIES = [
    (
        "Nikkei",
        "Denso heat pump business to be sold to Daikin",
        "The air-conditioning unit makes heat pumps for homes.",
    ),
    (
        "Korea Herald",
        "Hyundai Wia wins K9 howitzer export order from Poland",
        "The defence unit will ship 150 howitzers.",
    ),
    (
        "Nikkei",
        "Denso recalls 1.4 million fuel pumps that may stall engines",
        "The pumps may fail and stall the engine.",
    ),
]


def test_maker_takes_a_group_companys_car_news_only(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """F6: `--maker Toyota` took Denso's heat pump sale, `--maker "Hyundai Motor Group"` Hyundai
    Wia's howitzers (with --all-topics too): no car news."""
    asked = ["--maker", "Toyota", "--maker", "Hyundai Motor Group"]
    for args in ([], ["--all-topics"]):
        digest = _digest(cli, site, clock, COMPANIES, *asked, *args)
        assert _titles(digest) == [[COMPANIES[2][1]]], args


def test_a_company_of_no_carmaker_group_is_headed_by_itself(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """F8: `--group-by group` headed Waymo "Alphabet" (kind group), which `--maker` refuses; a
    carmaker group's company stays under its owner."""
    rows = [
        (
            "TechCrunch",
            "Waymo expands robotaxi service to Miami",
            "Waymo's robotaxis will run in Miami from January.",
        ),
        COMPANIES[2],
    ]
    digest = _digest(cli, site, clock, rows, "--group-by", "group")
    groups = {group["key"]: group["kind"] for group in digest["groups"]}
    assert groups == {"Waymo": "company", "Toyota": "group"}, groups
    assert cli("digest", "--offline", "--no-extract", "--maker", "Alphabet").code != 0


def test_stats_counts_a_group_companys_story_as_the_digest_heads_it(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """F8: `stats --maker Toyota` counted Denso's recall as "Industry"; the digest heads it
    "Denso (Toyota)"."""
    _digest(cli, site, clock, [COMPANIES[2]])
    rows = json.loads(cli("stats", "--maker", "Toyota", "--format", "json").out)["rows"]
    assert [row["key"] for row in rows] == ["Denso (Toyota)"], rows
    rows = json.loads(cli("stats", "--by", "group", "--format", "json").out)["rows"]
    assert [row["key"] for row in rows] == ["Toyota"], rows
