"""The rules that keep two items apart by where their news happened: different countries acting
(each title opens with its own), cities, countries of one maker, markets of one kind of news,
sites of one maker (a head office / a plant). Part of ``conflict`` (``conflicts``); and whether
a country two titles share may be one place of theirs (``named_or_one_place``)."""

from __future__ import annotations

from autonews.cluster.concept_sets import COUNTRIES
from autonews.cluster.features import _Features
from autonews.cluster.places import CITIES, COUNTRY_OF, METRO, REGIONS, one_place
from autonews.cluster.subjects import COUNTERPART, MODEL


def other_places(a: _Features, b: _Features) -> str | None:
    """What keeps two items apart by where their news happened, if anything."""
    if _other_actors(a, b):
        return "different countries acting"  # US tariffs on Chinese EVs / Canada's
    if _other_cities(a, b):
        return "different cities"  # robotaxis launched in Miami / in Austin
    if _other_countries(a, b):
        return "different countries"  # batteries for Kia's Indian EVs / a plant in Hungary
    if _other_markets(a, b) or _industries_placed_apart(a, b):
        return "different markets"  # Tesla cuts prices in China / in Germany
    return None


def other_sites(a: _Features, b: _Features) -> bool:
    """One title names the head office, the other a plant (see ``_other_sites``)."""
    return _other_sites(a, b) or _other_sites(b, a)


def _other_actors(a: _Features, b: _Features) -> bool:
    """Two titles of no maker opening with different countries: each tells what its country
    did ("Canada follows US with tariff" / "Washington raises duties"), unless one tells how a
    country took the other's measure (a reaction)."""
    return (
        a.acting is not None
        and b.acting is not None
        and a.acting != b.acting
        and not (a.makers or b.makers or a.reaction or b.reaction)
    )


def _other_cities(a: _Features, b: _Features) -> bool:
    """Both titles name a city, and none in common: each tells what happened in its own (a
    region and a city in it, Michigan and Detroit, may be one place told at two scales, and a
    town and the city it lies in, Zuffenhausen and Stuttgart). Not when they share a model or
    a deal's sides: that is what both are about, wherever each says it happened."""
    cities_a = {METRO.get(t, t) for t in a.title_subject & CITIES}
    cities_b = {METRO.get(t, t) for t in b.title_subject & CITIES}
    if not cities_a or not cities_b or not cities_a.isdisjoint(cities_b):
        return False
    both = a.title_subject & b.title_subject
    return not any(t.startswith((MODEL, COUNTERPART)) for t in both)


def _other_countries(a: _Features, b: _Features) -> bool:
    """Both titles of one maker name a country, the makers' home countries aside, and none in
    common (a region holds its countries): each tells what happened in its own. Not when they
    share a model or a deal's sides."""
    if not a.makers or not b.makers:
        return False
    homes = a.homes | b.homes
    countries_a, countries_b = a.countries - homes, b.countries - homes
    if not countries_a or not countries_b:
        return False
    # A city may name the other's country (Manisa is in Turkey), and a region hold it.
    if not _held(a.markets | countries_a).isdisjoint(_held(b.markets | countries_b)):
        return False
    both = a.title_subject & b.title_subject
    return not any(t.startswith((MODEL, COUNTERPART)) for t in both)


def _other_markets(a: _Features, b: _Features) -> bool:
    """Both titles tell one kind of news (a price cut, a launch, a recall) and place it in
    different countries, the makers' home countries aside ("Japan's merger" is Honda and
    Nissan's, not news in Japan) unless the news is placed "in" it ("BYD cuts prices in China" /
    "in Germany")."""
    if a.event is None or a.event != b.event:
        return False
    homes = a.homes | b.homes
    markets_a = (a.markets | a.placed) - (homes - a.placed)
    markets_b = (b.markets | b.placed) - (homes - b.placed)
    return bool(markets_a) and bool(markets_b) and _held(markets_a).isdisjoint(_held(markets_b))


def _industries_placed_apart(a: _Features, b: _Features) -> bool:
    """Two titles of no maker placing their news "in" different countries: an industry's, a
    utility's news in each (trial 53: Gentari's charge points "in Malaysia" / PEA's "across
    Thailand")."""
    if a.makers or b.makers or not a.placed or not b.placed:
        return False
    return _held(a.placed).isdisjoint(_held(b.placed))


def _held(markets: frozenset[str]) -> frozenset[str]:
    """The markets and those they hold: Europe holds Germany."""
    if markets.isdisjoint(REGIONS):
        return markets
    return markets.union(*(REGIONS[m] for m in markets if m in REGIONS))


_HEAD_OFFICE, _PLANTS = "c:headquarters", frozenset({"c:plant", "c:plant-closure"})


def _other_sites(a: _Features, b: _Features) -> bool:
    """``a``'s title names the head office and no plant, ``b``'s a plant and not the head
    office: two sites of one maker, two events ("Nissan to sell its Yokohama head office" /
    "Nissan to end production at Oppama", both in Kanagawa)."""
    return (
        _HEAD_OFFICE in a.title
        and _PLANTS.isdisjoint(a.title)
        and _HEAD_OFFICE not in b.title
        and not _PLANTS.isdisjoint(b.title)
    )


def named_or_one_place(a: _Features, b: _Features, place: str) -> bool:
    """Whether a title names the place itself, or both imply a country by places that may be
    one told at two scales (Dearborn, Michigan): a horse auction in Xinjiang and BMW's plant in
    Shenyang share China, no event (trial 40)."""
    if place not in COUNTRIES or place in a.countries or place in b.countries:
        return True
    return any(one_place(x, y) for x in _places_in(a, place) for y in _places_in(b, place))


def _places_in(item: _Features, country: str) -> list[str]:
    return [t for t in item.title_subject if COUNTRY_OF.get(t) == country]
