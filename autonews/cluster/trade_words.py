"""The everyday words of the vehicle and transport trades (``knowledge/trade_words.toml``): a
truck, a bus, freight, a fleet, a vehicle's duty class. On a trade feed every item names them:
two companies' news that shares nothing else is two events (``only_trade_words``)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from autonews.classify.lexicon import stem
from autonews.cluster.shared import PLACES

if TYPE_CHECKING:
    from autonews.cluster.features import _Features


@lru_cache(maxsize=1)
def trade_terms() -> frozenset[str]:
    """The trade's terms as clustering writes them: its concepts ("c:truck") and its words
    with their stems."""
    source = resources.files("autonews.knowledge").joinpath("trade_words.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    words = [str(word) for word in data["words"]]
    concepts = {"c:" + str(concept) for concept in data["concepts"]}
    return frozenset(concepts | set(words) | {stem(word) for word in words})


def only_trade_words(a: _Features, b: _Features) -> bool:
    """Whether all the subject two items share is the trade's everyday words and places (a
    school bus, a medium-duty truck, freight, California), while their titles name no maker
    in common and one names someone the other does not: "School bus maker Blue Bird lifts annual
    profit forecast" and "Mobico completes sale of North American school bus business" are
    two companies' news, "Harbinger unveils electric medium-duty truck" no turn of "25% Tariff
    on Imported Medium, Heavy Trucks Takes Effect" (trial 54). One maker's two items may tell
    one event by them (Waymo's recall after its robotaxis passed school buses, told twice). A
    place alone is not judged here: two companies at one place may be one event (a raid)."""
    if not a.title_groups.isdisjoint(b.title_groups):
        return False
    shared = a.subject.keys() & b.subject.keys()
    trade = trade_terms()
    if shared.isdisjoint(trade) or not shared <= trade | PLACES:
        return False
    return bool(a.names - b.names) or bool(b.names - a.names)
