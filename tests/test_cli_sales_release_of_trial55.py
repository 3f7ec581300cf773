"""Through the real CLI: trial 55's one maker's sales of a month, told by several outlets. Google
News's copy of Yonhap's "Hyundai Motor's Nov. sales down 1.2 pct on weak overseas demand" (the
same title, " - Yonhap News Agency" after it) and the newsroom's "Hyundai Motor Reports November
2026 Global Sales" share no subject term besides the maker: a maker's sales of a month, told
within a day in one market, are one release however each outlet titles it, as a national body's
figures of a month are. Kia's November sales, one newsroom's the same day, stay apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, key_rows, story_of, titles

KEY = Path(__file__).parent / "data" / "clusters-trial55.tsv"
LAST_HOUR = 24  # the run: the first day's rows, all of them


def test_one_makers_sales_of_a_month_are_one_release(cli: Any, httpserver: HTTPServer) -> None:
    digest = digest_of_rows(cli, httpserver, key_rows(KEY, LAST_HOUR), "48h")
    hyundai = titles(story_of(digest, "Hyundai Nov. sales 358,211 units"))
    assert {
        "Hyundai Motor Reports November 2026 Global Sales",
        "Hyundai Motor's Nov. sales down 1.2 pct on weak overseas demand",
        "Hyundai Motor's Nov. sales down 1.2 pct on weak overseas demand - Yonhap News Agency",
    } <= hyundai
    assert not any(title.startswith("Kia") for title in hyundai)
