"""Two deals or disputes of one party with different counterparts, named for the reader.

Both titles name two sides, one of them the same: XPeng with VW / XPeng with Didi, US tariffs on
Japan / on Korea. The EU and Europe are one side told two ways ("hitting EU suppliers" /
"European suppliers hit": trial 47's Section 232 parts list was four stories, two of them kept
apart by "different counterparts" that `story A B` did not name, beside a probability of 1.00).
"""

from __future__ import annotations

from autonews.cluster.features import _Features
from autonews.cluster.subjects import ONE_SIDE as _ONE_SIDE


def _sides(terms: frozenset[str]) -> frozenset[str]:
    return frozenset(_ONE_SIDE.get(term, term) for term in terms)


def _other_sides(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name two sides, one of them the same (a third name is often a rival named for
    comparison)."""
    return len(a) == 2 and len(b) == 2 and len(a & b) == 1


def other_counterparts(a: _Features, b: _Features) -> str | None:
    """ "different counterparts: X / Y" when the two items' deals or disputes are with different
    counterparts, by their companies or their countries; else None."""
    if _other_sides(a.actors, b.actors):
        return _different(a.actors, b.actors)
    if len(a.countries) == 2 and len(b.countries) == 2:  # (asked of every pair joined)
        home = _shared_home(a, b)
        first, second = _sides(a.countries - home), _sides(b.countries - home)
        if _other_sides(first, second):
            return _different(first, second)
    return None


def _shared_home(a: _Features, b: _Features) -> frozenset[str]:
    """The home country of a maker both items name, which one title may give as the maker's
    own ("Japan's Honda projects plummeting profits due to Trump's tariffs") where the other
    names a market ("Honda forecasts profit drop as China sales dip, Trump tariffs loom"):
    no counterpart of a deal or dispute, unless both titles name it (Japan's tariffs on
    Korea / on China)."""
    if a.groups.isdisjoint(b.groups):
        return frozenset()
    return (a.homes & b.homes) - (a.countries & b.countries)


def _different(first: frozenset[str], second: frozenset[str]) -> str:
    mine, theirs = sorted(first - second), sorted(second - first)
    return f"different counterparts: {_names(mine)} / {_names(theirs)}"


def _names(terms: list[str]) -> str:
    """Companies as named; countries by their glossary ids as a reader says them (EU, Japan)."""
    return ", ".join(map(_name, terms))


def _name(term: str) -> str:
    if not term.startswith("c:"):
        return term
    name = term[2:].replace("-", " ")
    return name.upper() if len(name) <= 3 else name.title()
