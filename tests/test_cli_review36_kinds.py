"""Review 36's findings on session 36's title kinds, through the real CLI: a record and a sale
are no auction (F4); a spy shot's title that tells a fire or a fine keeps its event (F5). The
auctions and spy shots the kinds were made for keep theirs."""

from __future__ import annotations

import pytest

from tests.helpers.classified import labels_of


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # F4: a record and a sale are a company's results, not an auction.
        ("Volvo Cars posts record profit as Polestar stake sold for $1bn", "financials"),
        ("Record-breaking Chinese EV maker Nio's Europe unit sold for $1", "financials"),
        # The auctions the pattern was made for.
        ("Record £340,000 paid for Ford Escort RS Cosworth", "other"),
        ("1962 Ferrari 250 GT SWB sells for £8.9m", "other"),
        ("Ex-Ayrton Senna Honda NSX sells for £500,000", "other"),
        # F5: a spy shot's title that tells a fire or a fine keeps its event.
        ("Xiaomi YU7 prototype caught testing bursts into flames on highway", "incident"),
        ("Ford fined after Mustang Mach-E seen testing without permit", "legal"),
        # The spy shots the pattern was made for.
        ("Porsche 718 Cayman EV Caught Testing With Production Body", "launch"),
        ("2027 BMW M3 EV Spied Testing At The Nürburgring With Less Camo", "launch"),
    ],
)
def test_auctions_and_spy_shots_by_what_the_title_tells(cli, title: str, event: str) -> None:
    assert labels_of(cli, title)["event"] == event
