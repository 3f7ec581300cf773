"""When two figures told are one: "14,768" = "1.48万" = "nearly 15,000".

A round figure stands for anything within most of its last digit's unit (never more than a
tenth of it), plus a little for conversions; two precise figures must agree: 11,688 and 11,383
are two recalls. Plain arithmetic, apart from the clustering that reads figures in texts
(``autonews.cluster.figures``): a story's details and a delivery's "figure changed" compare
figures in a warm run that loads no clustering.
"""

from __future__ import annotations

from typing import NamedTuple

_ROUNDING = 0.75
_MAX_ROUNDING = 0.1
_SLACK = 0.005


class Figure(NamedTuple):
    value: float
    percent: bool
    precision: float  # the unit of its last significant digit


def precision_of(value: float) -> float:
    """The unit of a figure's last significant digit: 116,887 -> 1, 110,000 -> 10,000,
    1.17万 (11,700) -> 100, 13.5 (%) -> 0.1."""
    value = abs(value)
    whole = round(value)
    if whole and abs(value - whole) < 1e-6:
        digits = str(whole)
        return float(10 ** (len(digits) - len(digits.rstrip("0"))))
    for places in range(1, 7):
        scaled = value * 10**places
        if abs(scaled - round(scaled)) < 1e-6:
            return 10.0**-places
    return 1e-6


def figure(value: float, percent: bool = False) -> Figure:
    return Figure(value, percent, precision_of(value))


def close(a: Figure, b: Figure) -> bool:
    """One figure, told as precisely as each outlet chose: "over 110,000" is 116,887 and
    "nearly 15,000" is 14,768, but 11,688 and 11,383 are two recalls."""
    rounder = a if a.precision >= b.precision else b
    tolerance = min(_ROUNDING * rounder.precision, _MAX_ROUNDING * abs(rounder.value))
    return abs(a.value - b.value) <= tolerance + _SLACK * max(abs(a.value), abs(b.value))


_CONVERSION = 0.05  # exchange rates of a few days or outlets apart


def converted_alike(a: Figure, b: Figure) -> bool:
    """One sum converted from another currency by two outlets: alike within a few percent."""
    return close(a, b) or abs(a.value - b.value) <= _CONVERSION * max(a.value, b.value)
