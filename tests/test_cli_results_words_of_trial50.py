"""Through the real CLI: blind trial 50 (a Tokyo analyst in earnings week) saw Honda's
half-year results split: "Honda second-quarter profit drops 41% as tariffs, chip supply
problems weigh" was kept apart from the other reports of the results as "a deal to come / the
deal" ("weigh" read as a deal weighed). A results article tells no deal to come
(``cluster/turn_conflicts``)."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of

HONDA: list[Row] = [
    (
        "japantimes",
        62.2,
        "Honda second-quarter profit drops 41% as tariffs, chip supply problems weigh",
        "Honda Motor said Wednesday operating profit for the July-September quarter fell 41% to "
        "¥216 billion, and cut its full-year outlook to ¥550 billion from ¥700 billion.",
    ),
    (
        "marketscreener",
        61.5,
        "Honda Motor Q2 EPS ¥52.21",
        "Honda Motor Co., Ltd. reported fiscal second-quarter EPS of ¥52.21 versus ¥63.10 a year "
        "earlier. Revenue of ¥5.36 trillion, down 1.2% year over year.",
    ),
]


def test_a_results_article_is_no_deal_to_come(cli, home: Path, httpserver: HTTPServer) -> None:
    digest = digest_of_rows(cli, httpserver, HONDA, "3d")
    weigh, eps = story_of(digest, HONDA[0][2]), story_of(digest, HONDA[1][2])
    if weigh["id"] != eps["id"]:
        result = cli("story", weigh["id"], eps["id"])
        assert result.code == 0, result.err
        assert "a deal to come" not in result.out
