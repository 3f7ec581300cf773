"""A digest of outlets' feeds written as rows (outlet, hours ago, title, summary), one RSS feed
an outlet on the test's loopback server, through the real CLI; and the story a title is in."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

Row = tuple[str, float, str, str]


def key_rows(
    key: Path,
    run_hour: float,
    first_hour: float = 0.0,
    events: Collection[str] | None = None,
) -> list[Row]:
    """The rows of an answer key (tests/data/clusters-*.tsv: event, hours after the start,
    outlet, title, summary) told from ``first_hour`` to ``run_hour`` (of ``events``, if given),
    as (outlet, hours before a run at ``run_hour``, title, summary)."""
    rows = []
    for line in key.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        event, hours, outlet, title, summary = (line.split("\t") + [""] * 5)[:5]
        if first_hour <= float(hours) <= run_hour and (events is None or event in events):
            rows.append((outlet, run_hour - float(hours), title, summary))
    return rows


def digest_of_rows(
    cli: Any, httpserver: HTTPServer, rows: Sequence[Row], since: str, *options: str
) -> dict[str, Any]:
    """`digest --no-extract --all-topics --since SINCE --format json` of the rows' feeds (and
    ``options``, the digest's other options)."""
    feeds = []
    for outlet in dict.fromkeys(outlet for outlet, *_ in rows):
        told = [row for row in rows if row[0] == outlet]
        items = [
            item(
                escape(title),
                n,
                hours,
                link=f"http://example.com/{outlet}/{n}",
                description=escape(summary),
            )
            for n, (_, hours, title, summary) in enumerate(told)
        ]
        path = f"/{outlet}"
        httpserver.expect_request(path).respond_with_data(
            rss(items, title=outlet), content_type="application/rss+xml"
        )
        feeds += ["--feed", str(httpserver.url_for(path))]
    result = cli(
        "digest",
        *feeds,
        "--no-extract",
        "--all-topics",
        "--since",
        since,
        "--format",
        "json",
        *options,
    )
    assert result.code == 0, result.err
    digest: dict[str, Any] = result.json()
    return digest


def story_of(digest: dict[str, Any], start: str) -> dict[str, Any]:
    """The one story a source whose title starts with ``start`` is in."""
    found = [
        story
        for story in digest["stories"]
        if any(source["title"].startswith(start) for source in story["sources"])
    ]
    assert len(found) == 1, (start, [story["title"] for story in digest["stories"]])
    result: dict[str, Any] = found[0]
    return result


def titles(story: dict[str, Any]) -> set[str]:
    return {source["title"] for source in story["sources"]}
