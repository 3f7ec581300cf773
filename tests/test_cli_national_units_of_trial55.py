"""Through the real CLI: GM's Korean unit under its own heading, as Renault Korea's is (trial 55:
GM Korea's sales were filed under "GM (General Motors)" while Renault Korea's had a heading of
their own), and still found by `--maker GM`, its group's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import serve_titles

TITLES = [
    "GM Korea's Nov. sales plunge 32.6 pct on lower exports",
    "Renault Korea's Nov. sales jump 45 pct on Grand Koleos",
]


def _headings(digest: dict[str, Any]) -> dict[str, str]:
    titles = {story["id"]: story["title"] for story in digest["stories"]}
    return {titles[i]: group["key"] for group in digest["groups"] for i in group["story_ids"]}


def test_gm_korea_has_its_own_heading_as_renault_korea_has(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    url = serve_titles(httpserver, TITLES, "/wire", title="Korea Auto Wire")
    result = cli("digest", "--feed", url, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    headings = _headings(json.loads(result.out))
    assert headings == {TITLES[0]: "GM Korea", TITLES[1]: "Renault Korea"}
    by_group = cli("digest", "--feed", url, "--offline", "--maker", "GM", "--format", "json")
    assert by_group.code == 0, by_group.err
    assert [s["title"] for s in json.loads(by_group.out)["stories"]] == [TITLES[0]]
