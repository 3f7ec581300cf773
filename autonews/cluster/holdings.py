"""One holding sold: a maker's sale of its stake in one company, told within a day.

Toyota's sale of its Denso shares was three stories in trial 50: the wire's "Toyota group to
sell $7 billion Denso stake to unwind cross-holdings", Toyota's "Notice Regarding Sale of
Shares of DENSO CORPORATION" and "Denso (6902.T) to buy back ¥450B of own shares as Toyota
sells stake". The notice's title names no maker and the company's name is common in a week of
group news, so what they share weighed too little; but a maker sells its holding in one company
once at a time: two titles that tell a sale of a stake (``c:divestment``), of one company both
name, by one maker's group, within a day, tell one deal, however each words it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from autonews.cluster.features import _Features

SOLD = "c:divestment"
COMPANY = "o:"  # the subject term of a company an item names
_SAME_DAY = 24 * 3600.0


def one_holding_sold(a: _Features, b: _Features) -> bool:
    """Whether both titles tell one maker's group selling its stake in one company they name,
    within a day."""
    if SOLD not in a.title or SOLD not in b.title or abs(a.stamp - b.stamp) > _SAME_DAY:
        return False
    if a.groups != b.groups or len(a.groups) != 1:
        return False
    companies = {term for term in a.title_subject & b.title_subject if term.startswith(COMPANY)}
    return len(companies) == 1
