"""Events 52 (issue 14, events told without their keywords on real headlines), through the real
CLI: a maker's standing or the money it made or lost is financials ("the fastest-growing EV
brand", 进账, 巨亏), a government's crackdown or speed limits regulation, a theft or a driver
asleep an incident, a price told as what it is now pricing (markups, 降到), a chief who is out
leadership; `--explain` names the phrase. The headlines are written for the test, of the kinds
the tuning sets' real headlines showed (none of them is in a labelled set)."""

from __future__ import annotations

import pytest

from tests.helpers.classified import labels_of


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("小鹏汽车半年进账300亿", "financials"),  # each was other before
        ("Spain Announces Crackdown On Illegal Car Modifications", "regulation"),
        ("Germany Weighs Speed Limits On The Autobahn", "regulation"),
        ("Thieves Steal 40 Toyota Land Cruisers From Melbourne Dealer", "incident"),
        ("Dealer Markups Return For The Toyota Land Cruiser", "pricing"),
        ("Lotus's CEO Is Out After Two Years", "leadership"),
    ],
)
def test_an_event_told_without_its_keyword(cli, title: str, event: str) -> None:
    labels = labels_of(cli, title)
    assert labels["event"] == event, labels


def test_explain_names_the_phrase(cli) -> None:
    result = cli("classify", "--explain", "Kia Is Now The Fastest-Growing EV Brand In Europe")
    assert result.code == 0, result.err
    assert "rules: financials, 'Fastest-Growing'" in result.out
