"""Through the real CLI: trial 55's market wrap. "(LEAD) Seoul shares close higher on chip rally,
Hyundai Motor jumps" joined Hyundai's share move on the US tariff cut, as one share move of
Hyundai's the same day; kept from it, it joined Korea's exports "as chip sales hit record" on
"chip". A wrap tells the market's day: a maker it names among the movers is not that maker's
share move, and one theme (a sector) it shares with the day's news is no event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, key_rows, story_of, titles

KEY = Path(__file__).parent / "data" / "clusters-trial55.tsv"
LAST_HOUR = 72  # the run: all the key's rows, after the last (how often "chip" is used weighs it)
WRAP = "(LEAD) Seoul shares close higher on chip rally, Hyundai Motor jumps"


def test_a_market_wrap_is_the_markets_day(cli: Any, httpserver: HTTPServer) -> None:
    digest = digest_of_rows(cli, httpserver, key_rows(KEY, LAST_HOUR), "96h")
    shares = titles(story_of(digest, "Hyundai Motor, Kia shares rise after U.S. tariff cut"))
    exports = titles(story_of(digest, "Korea's exports rise for 6th month"))
    assert WRAP not in shares
    assert WRAP not in exports
    assert titles(story_of(digest, WRAP)) == {WRAP}
