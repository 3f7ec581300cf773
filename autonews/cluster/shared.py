"""What two items have in common, as the rules that keep them apart read it: the subject terms
both name, a figure both tell, a model both name, the families of the parts they name; and
where a term is only a place, or only a maker's name."""

from __future__ import annotations

from functools import lru_cache

from autonews.classify.lexicon import stem, tokenize
from autonews.cluster import figures as fig
from autonews.cluster.concept_sets import COUNTRIES, PART_FAMILIES
from autonews.cluster.features import _Features
from autonews.cluster.places import COUNTRY_OF
from autonews.models import told_longer

PLACES = COUNTRIES | frozenset(COUNTRY_OF)  # where an event happened: no subject of its own


def same_model(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """ "su7" and "su7 ultra", "qin plus" and "plus" (秦PLUS) may be one model told shorter;
    "model y" and "model 3" are not."""
    return any(ga == gb and _one_name(x, y) for ga, x in a for gb, y in b)


def _one_name(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    return told_longer(short, long)


def shared_figure(a: _Features, b: _Features) -> bool:
    """Whether the two items tell a figure in common (a unit count, an amount, a percentage)."""
    if a.figure_keys.isdisjoint(b.figure_keys):
        return False  # no two figures within a digit's unit of each other
    return fig.shared_alike(
        a.numbers, b.numbers, a.figure_kinds, b.figure_kinds, a.figure_bounds, b.figure_bounds
    )


def shared_subject(a: _Features, b: _Features) -> dict[str, float]:
    """The subject terms both items name (across scripts, those both can say), each with the
    lesser of its two weights."""
    sa, sb = a.subject, b.subject
    both = sa.keys() & (sb.keys() if a.cjk is b.cjk else b.bridging)
    return {t: min(sa[t], sb[t]) for t in both}


def families(parts: frozenset[str]) -> frozenset[str]:
    """The families of parts (``concept_sets.PART_FAMILIES``): brakes, restraints, energy..."""
    return frozenset(PART_FAMILIES[part] for part in parts)


# Parts that serve every system: a sensor is the air bag's ("Occupant Classification Sensor May
# Fail" / "Passenger Air Bags May Not Deploy", one Toyota recall told by NHTSA and a consumer
# site, trial 48), the brakes' (a wheel-speed sensor) or the engine's.
_SERVING_PARTS = frozenset({"c:sensors"})


def other_systems(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two titles' parts are of unrelated families (a model's trim / its wipers); a
    title naming only parts that serve every system (a sensor) names none of its own."""
    if a <= _SERVING_PARTS or b <= _SERVING_PARTS:
        return False
    return families(a).isdisjoint(families(b))


@lru_cache(maxsize=4096)
def maker_words(makers: frozenset[str]) -> frozenset[str]:
    """The makers' names as terms ("ford", "mercedes" and "benz"): a title may give one as a
    word before its model ("FORD TRANSIT CUSTOM"), where it is still the maker."""
    return frozenset(stem(word) for name in makers for word in tokenize(name).norms)
