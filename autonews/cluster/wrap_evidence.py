"""What a market wrap shares with other news (``market_wraps``): a wrap tells the market's day,
naming the sectors and makers that moved it and why ("Seoul shares close higher on chip rally,
Hyundai Motor jumps"). The day's other news names the same themes ("Korea's exports rise for
6th month as chip sales hit record"): one term in common, besides places and makers' names, is
no event between a wrap and other news (trial 55: the wrap joined the national exports on
"chip"). Two wraps of one market, and a wrap and news sharing a figure, are weighed as usual."""

from __future__ import annotations

from autonews.cluster.features import _Features
from autonews.cluster.shared import PLACES, maker_words


def one_term_beside_a_wrap(a: _Features, b: _Features, figure: bool) -> bool:
    """Whether one of two items is a market wrap and the other not, and all they share
    besides places and makers' names is one term, with no figure (``figure``: one both tell)."""
    if a.wrap is b.wrap or figure or a.cjk is not b.cjk:
        return False
    both = a.subject.keys() & b.subject.keys()
    return len(both - maker_words(a.makers | b.makers) - PLACES) <= 1
