"""What a title names, for an item's evidence: the names it gives, the terms both scripts can say,
the currencies of its sums."""

from __future__ import annotations

from collections.abc import Mapping

from autonews.cluster.figures import Figure
from autonews.cluster.terms import bridges
from autonews.cluster.texts import ItemText
from autonews.cluster.title_facts import asked_countries


def _bridging(subject: Mapping[str, float], names: frozenset[str]) -> frozenset[str]:
    """The subject terms both scripts can say (``bridges``), and the names written in Latin
    letters: a Chinese title writes a person's name as an English one does ("特斯拉汽车项目
    负责人Sanjay Menon离职")."""
    return frozenset(t for t in subject if bridges(t) or (t in names and t.isascii()))


def _names(read: ItemText, lowered: frozenset[str]) -> frozenset[str]:
    """The names a title gives: its makers, companies, and the words it capitalises that no
    item writes in lower case and that are no concept ("Siemens", "KOSPI"; not "Profits" at
    a title's start)."""
    return frozenset(
        t
        for t in read.title_terms
        if t.startswith(("m:", "o:")) or (t in read.capitalised and t not in lowered)
    )


def _currencies(
    money: frozenset[tuple[str, Figure]], plain: str, title: str
) -> tuple[frozenset[str], frozenset[str]]:
    """The currencies a title's sums are in, and the countries it only asks about (see
    ``places.markets``). A title in traditional characters may price in yuan by the classifier's
    default where a Taiwanese outlet means NT$: its yuan are China's only when it says 人民幣."""
    currencies = frozenset(currency for currency, _ in money)
    if plain != title:  # written in traditional characters
        currencies -= {"CNY"}
    return currencies, asked_countries(plain)
