"""Through the real CLI: trial 55's figures as Korea's English wire writes them. Yonhap's "32.6
pct" and "125 tril. won" read as no figures ("1.7 bln won" was read); "Korea's 5 carmakers sell
664,969 vehicles" read as 5 vehicles (a count of companies is none of vehicles); and the
Hyundai sales story, its lead Yonhap's "down 1.2 pct", showed `figures: []` in JSON although its
sources agree on 358,211 units and 1.2%."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss


def _figures(cli: Any, title: str) -> list[tuple[str, float, str]]:
    result = cli("classify", "--format", "jsonl", title)
    assert result.code == 0, result.err
    (row,) = [json.loads(line) for line in result.out.splitlines() if line.strip()]
    return [(f["text"], f["value"], f["unit"]) for f in row["figures"]]


def test_yonhaps_pct_is_a_percentage(cli: Any) -> None:
    figures = _figures(cli, "GM Korea's Nov. sales plunge 32.6 pct on lower exports")
    assert figures == [("32.6 pct", 32.6, "%")]


def test_yonhaps_tril_won_is_a_sum(cli: Any) -> None:
    title = "Hyundai Motor Group to invest record 125 tril. won in Korea over 5 years"
    assert _figures(cli, title) == [("125 tril. won", 125e12, "KRW")]


def test_a_count_of_carmakers_is_no_count_of_vehicles(cli: Any) -> None:
    figures = _figures(cli, "Korea's 5 carmakers sell 664,969 vehicles in November")
    assert figures == [("664,969 vehicles", 664969, "vehicles")]


def test_a_sales_story_told_in_pct_has_its_percentage(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    title = "Hyundai Motor's Nov. sales down 1.2 pct on weak overseas demand"
    for n in range(2):  # the wire's own feed and a paper carrying its copy
        document = rss([item(title, n)], title=f"Outlet {n}")
        httpserver.expect_request(f"/f{n}").respond_with_data(
            document, content_type="application/rss+xml"
        )
    feeds = [arg for n in range(2) for arg in ("--feed", httpserver.url_for(f"/f{n}"))]
    result = cli("digest", *feeds, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    (story,) = json.loads(result.out)["stories"]
    assert [(f["value"], f["unit"], f["direction"]) for f in story["figures"]] == [
        (1.2, "%", "down")
    ]
