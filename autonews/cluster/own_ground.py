"""What a maker's items keep naming, which proves no event of it: the places it is known for.

A maker's news keeps returning to the towns of its plants and its head office, the country they
are in and its home country (``knowledge/maker_places.toml``): Tesla's works-council election,
its third shift and the water authority's warning all happened in Grünheide, so two of its items
sharing "Berlin, Germany" and nothing else are two events (trial 46: p 0.77 and 0.79, 17 and 23
hours apart). ``proof._proper`` asks more of such a pair: another subject, a figure, or one kind
of news there (a halt at the plant). Not of items told within hours of each other: outlets tell a
plant's own news (a lockdown halt, the choice of a town for a plant) the same day.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from autonews.cluster.features import _Features
from autonews.cluster.places import COUNTRY_OF

# Outlets tell one event at a plant within hours; its town named again a day later is the
# maker's next event there.
_HOURS_APART = 12 * 3600.0


@lru_cache(maxsize=1)
def _places_of_groups() -> dict[str, frozenset[str]]:
    """Each group's own places as place terms."""
    source = resources.files("autonews.knowledge").joinpath("maker_places.toml")
    table = tomllib.loads(source.read_text("utf-8")).get("places", {})
    return {str(group): frozenset(f"c:{name}" for name in names) for group, names in table.items()}


@lru_cache(maxsize=1024)  # few distinct sets of groups; asked of pairs that share only places
def _own_places(groups: frozenset[str]) -> frozenset[str]:
    table = _places_of_groups()
    return frozenset().union(*(table.get(group, frozenset()) for group in groups))


def own_ground(a: _Features, b: _Features) -> frozenset[str]:
    """The place terms the makers both items name are known for: their plants' towns, the
    country those are in unless both titles name it, and the makers' home countries. Unless
    both titles tell one kind of news there: one turn of a story (a halt), or one event type
    the classifier is sure of ("Tesla suspends Shanghai Gigafactory output" / "Four-day stop
    at the Shanghai plant")."""
    if abs(a.stamp - b.stamp) <= _HOURS_APART or not a.stages.isdisjoint(b.stages):
        return frozenset()
    if a.event is not None and a.event is b.event and a.event_sure and b.event_sure:
        return frozenset()
    towns = _own_places(a.groups & b.groups)
    implied = {COUNTRY_OF[town] for town in towns if town in COUNTRY_OF}
    return towns | (a.homes & b.homes) | (implied - (a.countries & b.countries))


def known_places() -> frozenset[str]:
    """Every place term of the knowledge file (a test checks they are the clustering's)."""
    return frozenset().union(*_places_of_groups().values())
