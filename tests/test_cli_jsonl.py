"""JSON Lines for scripts, through the real CLI against a loopback server: a story per line,
then a status line with what the JSON document says besides its stories (trial 26, item 14 and
its wishes: a script reading --format jsonl could not learn which feeds failed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.feeds import serve_titles
from tests.helpers.invariants import valid_jsonl

HEADLINES = [
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "BYD Cuts Prices on Seven Models by Up to 34%",
]


@pytest.fixture
def feed(httpserver: HTTPServer) -> str:
    return serve_titles(httpserver, HEADLINES)


def test_jsonl_ends_with_a_status_line_that_says_what_the_json_document_says(
    cli, home: Path, feed: str, httpserver: HTTPServer, validate_digest
) -> None:
    """Trial 26, items 14 and (d): a script reading --format jsonl could not learn which feeds
    failed or moved, nor whether a --new run caught up. Every story line says it is one
    ("type": "story"); one trailing line ("type": "status") carries what the JSON document
    carries besides its stories."""
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    feeds = ("--feed", feed, "--feed", httpserver.url_for("/broken"), "--no-extract")
    jsonl = cli("digest", *feeds, "--format", "jsonl")
    assert jsonl.code == 3  # a feed failed: the documented code
    valid_jsonl(jsonl.out)
    *stories, status = map(json.loads, jsonl.out.splitlines())
    assert {story["type"] for story in stories} == {"story"}
    assert {story["title"] for story in stories} == set(HEADLINES)
    document = cli("digest", *feeds, "--format", "json").json()
    validate_digest(document)
    assert status["type"] == "status" and status["schema_version"] == document["schema_version"]
    assert set(status) - {"type"} == set(document) - {"stories"}
    assert [(f["status"], f["http_status"]) for f in status["feeds"]] == [
        ("ok", 200),
        ("error", 500),
    ]
    assert status["groups"] == document["groups"] and status["lead_id"] == document["lead_id"]
