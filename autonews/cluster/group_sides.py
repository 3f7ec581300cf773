"""Two makers of one group that a title names together: a deal's or a split's two sides, as two
makers of two groups are (``subjects``' "m*Honda+Nissan").

A group of today joins makers that were each other's counterparts in its news: FCA and PSA
merged into Stellantis, Volvo Cars stopped funding Polestar, both Geely's. By their groups the
two were one side, and two reports of their deal shared nothing but that side: "Fiat Chrysler and
Peugeot maker PSA confirm merger talks" / "FCA jumps 8% in Milan on PSA tie-up report"; "Volvo
Cars stops funding Polestar" / "沃尔沃汽车不再为极星提供资金" were kept apart. Only makers the title
names count (a lead lists a group's brands as background), not the group's own brand, which a
title names before its unit ("BYD's Denza", "Geely's Zeekr": the unit's news), and only in a
title telling a deal (ownership, a partnership): sister brands are named together in much
other news, as one side of it ("Hyundai, Kia recall 208,000 EVs" / "Korea to extend EV subsidies
to support Hyundai, Kia sales"; "Porsche SE writes down Volkswagen stake" is a deal, "Blume to
quit Porsche job, keep Volkswagen CEO post" a post). Nor where the title names a third party to
the deal (a company, a maker of another group, "with", "stake in": knowledge/group_sides.toml):
the group's brands are then its one side, making a deal together, as Hyundai and Kia make most of
theirs (review 39: "Hyundai, Kia partner with Samsung SDI on EV batteries" and "Hyundai, Kia to
buy stake in battery recycler" were one story on "Hyundai + Kia").
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Sequence
from functools import lru_cache
from importlib import resources

from autonews.models import Classification, Event

COUNTERPART = "m*"  # as ``subjects.COUNTERPART``: the term of makers named together
_DEALS = frozenset({Event.OWNERSHIP, Event.PARTNERSHIP})


def group_sides(
    c: Classification, title_makers: Collection[str], title_words: Sequence[str] = ()
) -> dict[str, float]:
    """The subject terms of each two makers of one group a deal's title names, neither the
    group's own brand: "m*FCA+PSA"; none where the title names a third party to the deal, the
    two being its one side ("Hyundai, Kia partner with Samsung SDI")."""
    if c.event not in _DEALS:
        return {}
    by_group: dict[str, set[str]] = {}
    for maker in c.makers:
        if maker.name in title_makers and maker.name != maker.group:
            by_group.setdefault(maker.group, set()).add(maker.name)
    if not any(len(names) > 1 for names in by_group.values()):
        return {}
    if _names_a_third_party(c, title_makers, by_group.keys(), title_words):
        return {}
    terms = {}
    for names in by_group.values():
        ordered = sorted(names)[:4]
        for n, first in enumerate(ordered):
            for second in ordered[n + 1 :]:
                terms[COUNTERPART + first + "+" + second] = 1.0
    return terms


def _names_a_third_party(
    c: Classification,
    title_makers: Collection[str],
    groups: Collection[str],
    title_words: Sequence[str],
) -> bool:
    """Whether the title names a party to the deal beside the groups' makers: a company the
    group does not own, a maker of another group, or a counterpart's word ("with", "stake in")."""
    if any(company.owner not in groups for company in c.companies):
        return True
    if any(m.name in title_makers and m.group not in groups for m in c.makers):
        return True
    words, joined = tuple(title_words), "".join(title_words)
    for phrase in _counterpart_words():
        if phrase[0].isascii():
            size = len(phrase)
            if any(words[n : n + size] == phrase for n in range(len(words) - size + 1)):
                return True
        elif "".join(phrase) in joined:
            return True
    return False


@lru_cache(maxsize=1)
def _counterpart_words() -> tuple[tuple[str, ...], ...]:
    """``counterpart`` of knowledge/group_sides.toml, each phrase as its words."""
    data = resources.files("autonews.knowledge").joinpath("group_sides.toml").read_bytes()
    listed = tomllib.loads(data.decode("utf-8"))["counterpart"]
    return tuple(tuple(str(phrase).split()) for phrase in listed)
