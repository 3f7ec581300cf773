"""Two makers of two groups that are one name read two ways: "Volvo" is Volvo Cars (Geely's)
and, hauling freight, Volvo Trucks (Volvo Group's); "Renault" is the carmaker and Renault
Trucks. The classifier may keep both readings of a title's one name, and ``subjects`` would make
of them a deal's two sides ("m*Geely+Volvo Group"), which any two items naming Volvo then share:
trial 54's "EU to review truck CO2 rules early, in win for Daimler Truck, Volvo" joined four
reports of DFDS's order for 500 Volvo electric trucks on that term alone. Two sides are two
names: a maker whose name opens the other's ("Volvo", "Volvo Trucks") is the same name's other
reading, not its counterpart."""

from __future__ import annotations

from collections.abc import Iterable

from autonews.models import MakerRef


def one_name_read_twice(makers: Iterable[MakerRef], first: str, second: str) -> bool:
    """Whether the makers of group ``first`` and those of group ``second`` among ``makers`` are
    the readings of one name: each of either group's makers is a name the other group's makers
    extend or are extended by ("Volvo" / "Volvo Trucks")."""
    names: dict[str, set[str]] = {first: set(), second: set()}
    for maker in makers:
        if maker.group in names:
            names[maker.group].add(maker.name)
    ones, others = names[first], names[second]
    if not ones or not others:
        return False
    return all(any(_one_name(a, b) for b in others) for a in ones) and all(
        any(_one_name(a, b) for a in ones) for b in others
    )


def _one_name(a: str, b: str) -> bool:
    return b.startswith(a + " ") or a.startswith(b + " ")
