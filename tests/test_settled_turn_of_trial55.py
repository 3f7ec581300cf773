"""A labour dispute settled is a turn of its story (trial 55): "Hyundai Motor, union reach
tentative wage deal, averting further strikes" joined the strike's delivered story, and `--new`
said only "1 earlier story has new sources": turns.toml named no settlement, so `renotify_on`
"turn" had nothing to fire on, and the story kept the strike's title. A story that gains a
source telling the deal is news again, titled by it."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from autonews.story_turns import later_turns, news_turns
from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

STRIKE = "Hyundai Motor union to stage 4-hour partial strikes on Thursday, Friday"
DEALS = (
    "(LEAD) Hyundai Motor, union reach tentative wage deal, averting further strikes",
    "Hyundai Motor union reaches tentative wage deal, ending strike - Reuters",
    "Hyundai, union strike tentative deal",
    "现代汽车劳资达成暂定协议 工会暂停罢工",
)


def test_a_wage_deal_is_news_to_the_strikes_story() -> None:
    for deal in DEALS:
        assert news_turns(deal, []) == {"settled"}, deal
    assert news_turns(STRIKE, []) == frozenset()


def test_the_deal_titles_a_story_of_the_strike_and_the_deal() -> None:
    assert later_turns([STRIKE, DEALS[0]]) == {DEALS[0]}


# Review 39: a deal rejected, talks that failed or stalled, a deal still urged are no settlement,
# a trade deal is no labour settlement, and a deal "to end" a strike with a word between is one.
NO_SETTLEMENT = (
    "GM workers reject tentative deal, Wentzville strike continues",
    "Union rejects wage deal, vows more strikes",
    "Unifor members vote down tentative agreement with Ford",
    "Talks to end strike stall",
    "Ford, UAW fail to reach tentative agreement",
    "Biden urges deal to end UAW strike",
    "US, Japan reach tentative deal on auto tariffs",
)
SETTLEMENTS = (
    "Ford reaches deal to end Kentucky strike",
    "UAW ends six-week strike at GM",
    "Unifor, Ford reach tentative agreement",
)


def test_a_rejected_or_sought_deal_is_no_settlement() -> None:
    for title in NO_SETTLEMENT:
        assert news_turns(title, []) == frozenset(), title
    for title in SETTLEMENTS:
        assert news_turns(title, []) == {"settled"}, title


def test_a_rejected_deal_is_the_strikes_story(cli, home: Path, httpserver: HTTPServer) -> None:
    # The clustering reads the settlement as turns.toml does: the rejection a day later is the
    # strike going on, not its settlement kept apart as "a strike / its settlement".
    rows: list[Row] = [
        ("wire", 40, "UAW walkout hits GM Wentzville assembly plant", ""),
        ("paper", 10, "GM workers reject tentative deal, Wentzville strike continues", ""),
    ]
    digest = digest_of_rows(cli, httpserver, rows, "3d")
    assert titles(story_of(digest, "UAW walkout hits")) == {row[2] for row in rows}
