"""A labour dispute settled is a turn of its story (trial 55): "Hyundai Motor, union reach
tentative wage deal, averting further strikes" joined the strike's delivered story, and `--new`
said only "1 earlier story has new sources": turns.toml named no settlement, so `renotify_on`
"turn" had nothing to fire on, and the story kept the strike's title. A story that gains a
source telling the deal is news again, titled by it."""

from __future__ import annotations

from autonews.story_turns import later_turns, news_turns

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
