"""Trial 38 #3: JSON gives a car story naming no maker `makers: []`, where every format people
read says "Industry"; a script had to special-case it, and nothing said so. The README's JSON
section and the schema say it, and the digest does as they say. Real CLI, a loopback feed."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

ROOT = Path(__file__).resolve().parent.parent
RULE = "China Mandates Mechanical Door Handles on All New Cars"
TITLES = (
    RULE,
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "BYD Cuts Seal Prices by 10% in Thailand",
    "Toyota Appoints New Chief Executive",
    "Ford Halts F-150 Lightning Production in Michigan",
)


def test_an_industry_story_has_no_makers_in_json_and_its_group_says_industry(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        rss([item(title, hours) for hours, title in enumerate(TITLES, start=1)]),
        content_type="application/rss+xml",
    )
    args = ("digest", "--feed", httpserver.url_for("/feed"), "--no-extract")
    digest = cli(*args, "--format", "json").json()
    rule = next(story for story in digest["stories"] if story["title"] == RULE)
    assert rule["makers"] == [] and rule["automotive"] is True
    group = next(g for g in digest["groups"] if rule["id"] in g["story_ids"])
    assert (group["key"], group["kind"]) == ("Industry", "industry")
    text = cli(*args, "--offline", "--format", "text").out
    assert f"== Industry · 1 story\n* [regulation] {RULE}" in text


def test_the_readme_and_the_schema_say_industry_stories_have_no_makers() -> None:
    section = (ROOT / "docs" / "json.md").read_text("utf-8")  # the README's JSON, in full
    said = " ".join(section.split())
    assert 'has `"makers": []` in JSON, where every format people read says "Industry"' in said
    assert '`{"key": "Industry", "kind": "industry"}`' in said
    schema = json.loads((ROOT / "autonews/schema/digest.schema.json").read_text("utf-8"))
    makers = schema["$defs"]["story_fields"]["properties"]["makers"]["description"]
    assert "empty for car news naming no maker" in makers and '"Industry"' in makers
