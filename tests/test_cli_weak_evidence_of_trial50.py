"""Through the real CLI: blind trial 50 (a Tokyo analyst in earnings week) saw "Kospi closes at
record 4,200 on chip rally", from a Korean business feed, join Honda's results on the one word
"chip" (probability 0.92), and stock codes count as figures two items share ("shared figures:
7,267" for two MarketScreener items quoting 7267.T). One concept beside a maker the other title
does not name is no evidence (``cluster/proof``); a stock code is a name, never a figure
(``cluster/figures``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

HONDA: list[Row] = [
    (
        "reuters",
        63,
        "Honda cuts annual profit forecast by 21% on chip shortage, U.S. tariffs",
        "Honda Motor lowered its full-year operating profit forecast to 550 billion yen from 700 "
        "billion yen on Wednesday, as a semiconductor supply disruption tied to Nexperia curbed "
        "car output.",
    ),
    (
        "gn",
        48,
        "Honda cuts profit forecast as Nexperia chip shortage hits output - Reuters",
        "Honda cuts profit forecast as Nexperia chip shortage hits output  Reuters",
    ),
]
KOSPI = (
    "Kospi closes at record 4,200 on chip rally",
    "The Kospi rose 2.1 percent to close at a record 4,221.87 on Wednesday, led by Samsung "
    "Electronics and SK hynix as foreign investors bought chip shares.",
)
HONDA_TICKERS: list[Row] = [
    (
        "marketscreener",
        61.5,
        "Honda Motor Q2 EPS ¥52.21",
        "Honda Motor Co., Ltd. (7267.T, HMC) reported fiscal second-quarter EPS of ¥52.21 versus "
        "¥63.10 a year earlier. Revenue of ¥5.36 trillion, down 1.2% year over year.",
    ),
    (
        "marketscreener-asia",
        61.4,
        "Honda Motor cuts FY operating profit guidance to ¥550B from ¥700B",
        "Honda Motor (7267.T) lowers full-year operating profit guidance to ¥550 billion from "
        "¥700 billion; keeps annual dividend forecast at ¥70 per share.",
    ),
]


def test_a_markets_chip_rally_never_joins_a_makers_chip_shortage(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    # The Korean business feed tells car news most days: judged a car feed, as in the trial.
    korean: list[Row] = [
        ("joongang", 45.5, *KOSPI),
        ("joongang", 30, "Hyundai, Kia post record November U.S. sales as hybrids surge", ""),
        ("joongang", 20, "Hyundai Motor union stages partial strike at Ulsan plants", ""),
    ]
    digest = digest_of_rows(cli, httpserver, HONDA + korean, "3d")
    assert titles(story_of(digest, KOSPI[0])) == {KOSPI[0]}


def test_a_stock_code_is_no_figure_two_items_share(cli, home: Path, httpserver: HTTPServer) -> None:
    digest: dict[str, Any] = digest_of_rows(cli, httpserver, HONDA_TICKERS, "3d")
    for story in digest["stories"]:
        result = cli("story", story["id"], "--explain")
        assert result.code == 0, result.err
        assert "7,267" not in result.out
