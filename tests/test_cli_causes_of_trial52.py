"""Through the real CLI: blind trial 52 (a battery supply-chain analyst) saw "CATL shares hit
record as Morgan Stanley raises target" joined to "CATL to spend 5 billion yuan on share
buyback" by the rule that a company's share move the same day is the market's reaction to its
news. A move whose title gives a cause of its own (a broker's target, an index's inclusion,
results the other title does not tell) is not that reaction."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.test_cli_suppliers_of_trial52 import _digest, _story_of, _titles, _trial


def test_a_share_move_giving_its_own_cause_is_not_the_reaction_to_a_deal(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _trial(cli, httpserver)
    buyback = _titles(_story_of(digest, "CATL to spend 5 billion yuan on share buyback"))
    assert "CATL shares hit record as Morgan Stanley raises target" not in buyback


def test_a_share_move_reacting_to_the_news_still_joins_it(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    # A supplier's results and the move they caused, however each words the results; its plant
    # news of the day and a move told with a broker's target join neither (before: all four
    # were one story, each move "the market's reaction" to the other news).
    entries = [
        ("/wire", 8, "Gotion posts first quarterly profit on EV battery orders", ""),
        ("/markets", 6, "Gotion shares jump after earnings beat", ""),
        ("/news", 7, "Gotion to build sodium-ion cell line in Anhui", ""),
        ("/brokers", 5, "Gotion shares rise as UBS raises target", ""),
    ]
    digest = _digest(cli, httpserver, entries)
    profit = _titles(_story_of(digest, entries[0][2]))
    assert entries[1][2] in profit, profit
    assert entries[2][2] not in profit, profit  # the move is the results', not the plant's
    assert entries[3][2] not in _titles(_story_of(digest, entries[2][2]))
