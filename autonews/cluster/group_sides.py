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
quit Porsche job, keep Volkswagen CEO post" a post).
"""

from __future__ import annotations

from collections.abc import Collection

from autonews.models import Classification, Event

COUNTERPART = "m*"  # as ``subjects.COUNTERPART``: the term of makers named together
_DEALS = frozenset({Event.OWNERSHIP, Event.PARTNERSHIP})


def group_sides(c: Classification, title_makers: Collection[str]) -> dict[str, float]:
    """The subject terms of each two makers of one group a deal's title names, neither the
    group's own brand: "m*FCA+PSA"."""
    if c.event not in _DEALS:
        return {}
    by_group: dict[str, set[str]] = {}
    for maker in c.makers:
        if maker.name in title_makers and maker.name != maker.group:
            by_group.setdefault(maker.group, set()).add(maker.name)
    terms = {}
    for names in by_group.values():
        ordered = sorted(names)[:4]
        for n, first in enumerate(ordered):
            for second in ordered[n + 1 :]:
                terms[COUNTERPART + first + "+" + second] = 1.0
    return terms
