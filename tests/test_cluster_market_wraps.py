"""Which titles are a market's day (a wrap), as knowledge/market_wraps.toml words them."""

from __future__ import annotations

import pytest

from autonews.cluster.market_wraps import tells_a_market_wrap


@pytest.mark.parametrize(
    "title",
    [
        "(LEAD) Seoul shares close higher on chip rally, Hyundai Motor jumps",
        "Seoul shares dip on foreign selling; won weakens",
        "Asian stocks fall as yen firms",
        "Wall Street ends lower as tech slides",
        "Kospi closes at record high",
        "S&P 500 hits record as automakers rally",
        "港股收评：恒指跌0.3%，零跑汽车涨4%",
    ],
)
def test_a_markets_day_is_a_wrap(title: str) -> None:
    assert tells_a_market_wrap(title)


@pytest.mark.parametrize(
    "title",
    [
        "Hyundai Motor shares jump 4% as US tariff cut takes effect - Bloomberg",
        "US shares of Tesla fall after deliveries miss",  # one company's shares
        "Nasdaq-listed Nio soars on delivery record",  # a company, listed there
        "Dow to cut 4,500 jobs",  # Dow Inc.
        "港股异动｜蔚来涨超5%",  # one stock's move
        "Tesla shares fall 3%",
    ],
)
def test_a_companys_news_is_no_wrap(title: str) -> None:
    assert not tells_a_market_wrap(title)
