"""Figures in a text and when two of them are one: "14,768" = "1.48万" = "nearly 15,000".

A round figure stands for anything within most of its last digit's unit (never more than a
tenth of it), plus a little for conversions; two precise figures must agree: 11,688 and 11,383
are two recalls.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from autonews.numbers import CJK_SCALES, NUMBER, SCALE_WORDS, number_value

# A number and its scale or percent sign ("1.48万", "$2.2 billion", "13.5%").
_NUMBER = re.compile(
    rf"({NUMBER})\s?(%|percent\b|{CJK_SCALES}|(?:{SCALE_WORDS})\b)?", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")
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


def numbers(text: str) -> frozenset[Figure]:
    """The figures of a text that can tell one event from another: counts from 10, amounts,
    percentages; not versions (AI OS 6.0) or years."""
    found: set[Figure] = set()
    if not _DIGIT.search(text):
        return frozenset()
    for match in _NUMBER.finditer(text):
        digits, unit = match.group(1), (match.group(2) or "").lower()
        percent = unit in ("%", "percent")
        value = number_value(digits, None if percent else unit)
        if not unit and (
            value < 10 or ("," not in digits and "." not in digits and 1800 <= value <= 2100)
        ):
            continue  # small counts, versions (AI OS 6.0) and years say little about identity
        found.add(figure(value, percent))
    return frozenset(found)


def close(a: Figure, b: Figure) -> bool:
    """One figure, told as precisely as each outlet chose: "over 110,000" is 116,887 and
    "nearly 15,000" is 14,768, but 11,688 and 11,383 are two recalls."""
    rounder = a if a.precision >= b.precision else b
    tolerance = min(_ROUNDING * rounder.precision, _MAX_ROUNDING * abs(rounder.value))
    return abs(a.value - b.value) <= tolerance + _SLACK * max(abs(a.value), abs(b.value))


def shared(a: frozenset[Figure], b: frozenset[Figure]) -> bool:
    return any(x.percent == y.percent and close(x, y) for x in a for y in b)


def matching(a: frozenset[Figure], b: frozenset[Figure]) -> list[Figure]:
    """The figures of ``a`` that some figure of ``b`` is (for --explain)."""
    return sorted(x for x in a if any(x.percent == y.percent and close(x, y) for y in b))


def none_close(a: frozenset[Figure], b: frozenset[Figure]) -> bool:
    return not any(close(x, y) for x in a for y in b)


def keys(value: float) -> tuple[str, ...]:
    """Index keys under which a figure meets every figure it may be close to: its value at two
    significant digits and the neighbouring values at that precision."""
    if value <= 0:
        return ()
    exponent = len(str(int(value))) - 2 if value >= 10 else -1
    step = 10.0**exponent
    base = round(value / step)
    return tuple(f"#{(base + d) * step:.6g}" for d in (-1, 0, 1))
