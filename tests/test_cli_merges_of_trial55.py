"""Through the real CLI: trial 55's merges (an IR analyst on Korean national feeds). Hyundai's and
Kia's November sales (one group, one newsroom, one day) were one story, with Korea's national
exports on "shared subject: pct"; a union's strike and the wage deal that ended it two days later
were one story, so `--new` never sent the deal; US November sales "on hybrid demand" joined the
Palisade Hybrid's US launch on "hybrid" alone. Each is now a story of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, key_rows, story_of, titles

KEY = Path(__file__).parent / "data" / "clusters-trial55.tsv"
EVENTS = {
    "hmc-nov-sales",
    "kia-nov-sales",
    "kr-nov-trade",
    "hmc-partial-strike",
    "hmc-wage-deal",
    "hmg-us-nov-sales",
    "palisade-us",
}
LAST_HOUR = 60  # the run, after the last of these rows


def _digest(cli: Any, httpserver: HTTPServer) -> dict[str, Any]:
    return digest_of_rows(cli, httpserver, key_rows(KEY, LAST_HOUR, events=EVENTS), "72h")


def test_two_makers_of_one_group_report_their_months_sales_apart(
    cli: Any, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver)
    hyundai = titles(story_of(digest, "Hyundai Nov. sales 358,211 units"))
    kia = titles(story_of(digest, "Kia Nov. sales 265,114 units"))
    assert "Hyundai Motor Reports November 2026 Global Sales" in hyundai
    assert "Kia Announces November 2026 Global Sales" in kia
    assert not any(title.startswith("Kia") for title in hyundai)
    assert not any(title.startswith("Hyundai") for title in kia)
    # A country's exports share "pct" with the makers' Yonhap titles: a unit is no subject.
    assert not any("exports" in title for title in hyundai | kia)


def test_a_wage_deal_is_not_the_strike_it_ends(cli: Any, httpserver: HTTPServer) -> None:
    digest = _digest(cli, httpserver)
    strike = titles(story_of(digest, "Hyundai union sets partial strikes"))
    deal = titles(story_of(digest, "Hyundai, union strike tentative deal"))
    assert "Hyundai Motor union to stage 4-hour partial strikes on Thursday, Friday" in strike
    assert not strike & deal
    assert {
        "Hyundai Motor reaches tentative wage deal with union after partial strikes",
        "Hyundai Motor union reaches tentative wage deal, ending strike - Reuters",
    } <= deal


def test_a_months_sales_and_a_models_launch_share_a_theme_not_an_event(
    cli: Any, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver)
    sales = titles(story_of(digest, "Hyundai, Kia post record November U.S. sales"))
    assert not any("Palisade" in title for title in sales)
    assert "Hyundai, Kia US sales rise 6% in November; hybrid sales up 50%" in sales
