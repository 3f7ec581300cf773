"""Figures made of two numbers: a range ("11.5万至12万辆", "120,000 to 125,000 vehicles",
"17.98万-23.98万元", "5-7%") is one figure with its low and high end, never its top alone; and the
counts of a list after a count ("Leapmotor 86,215, Xpeng 43,150, NIO 41,820") count what it
counts."""

from __future__ import annotations

import re
from typing import NamedTuple

from autonews.classify.figure_context import Spot, ends_a_phrase
from autonews.classify.figure_words import after_a_law_word
from autonews.models import Figure
from autonews.numbers import number_value

# Between a range's ends: a dash, a tilde, 至 or 到, "to"; "and" after "between".
_CONNECTOR = re.compile(r"\s?(?:[-–—~～至到]|to)\s?|\s(?P<and>and)\s", re.IGNORECASE)
# Before a range's low end, a change rather than a range: "from 100,000 to 125,000", "cut by
# 2,000 to 229,900 yuan", 从25万至30万.
_CHANGE_BEFORE = re.compile(r"(?:\b(?:from|by)\s|[从由從])\s?\S{0,4}$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s\S{0,4}$", re.IGNORECASE)
_WIDEST = 5.0  # a range's high end is at most five times its low one ("5-7%", "1-3 million")
_WIDEST_IN_WORDS = 2.0  # "X to Y" (X至Y) wider than this is a change ("rose 20,000 to 80,000")


class End(NamedTuple):
    """A number that may end a range: as written, its scale (a low end without one takes its
    high end's: "11.5-12万辆"), where it ends with it, and its figure if it reads as one alone."""

    number: re.Match[str]
    scale: str | None
    end: int
    spot: Spot | None
    comma: bool = False  # its text writes decimal commas ("1,2-1,5 Mrd.")

    @property
    def start(self) -> int:
        return self.spot.start if self.spot else self.number.start()

    @property
    def stop(self) -> int:
        return self.spot.end if self.spot else self.end


def range_of(text: str, low: End, high: End) -> Spot | None:
    """The range from ``low`` to ``high``, when the words between make one and the ends agree:
    one kind and unit, the low end below the high one and not far below; else None."""
    kind = _kind_of(low.spot, high.spot)
    connector = _CONNECTOR.fullmatch(text, low.stop, high.start) if kind else None
    if kind is None or connector is None or not _joins(text, low.start, connector):
        return None
    if low.start > 1 and after_a_law_word(text, low.start):
        return None  # classes named by a range ("Class 6-7 trucks"), no count
    low_value, high_value = _value(low, high, kind[0]), _value(high, high, kind[0])
    in_words = connector.group().strip().isalpha()  # "to", "and", 至, 到
    widest = _WIDEST_IN_WORDS if in_words else _WIDEST
    if not low_value or not high_value or not low_value < high_value <= widest * low_value:
        return None
    said = high.spot or low.spot  # what the high end counts says what the range counts
    implied = said is not None and said.figure.implied
    figure = Figure(
        kind[0], text[low.start : high.stop], None, kind[1], low_value, high_value, implied=implied
    )
    return Spot(figure, low.start, said.counted_by if said else "")


def _joins(text: str, start: int, connector: re.Match[str]) -> bool:
    """Whether the words between two numbers make them a range: not "from 100,000 to 125,000"
    or 从25万至30万 (a change; "from 4-5%" is a range), and "and" only after "between"."""
    before = text[max(0, start - 12) : start]
    if connector.group("and"):
        return bool(_BETWEEN_BEFORE.search(before))
    return not (connector.group().strip().isalpha() and _CHANGE_BEFORE.search(before))


def _value(end: End, high: End, kind: str) -> float | None:
    """The value of a range's end: a low end written without a scale takes the high end's
    ("11.5-12万辆", "$1.2-1.5 billion"; not a percentage's)."""
    if end.spot and (end.scale or not high.scale):
        return end.spot.figure.value
    scale = end.scale or (high.scale if kind != "percent" else None)
    return number_value(end.number.group(), scale, end.comma)


def _kind_of(low: Spot | None, high: Spot | None) -> tuple[str, str] | None:
    """The kind and unit of a range: its ends', which must agree where both read as figures."""
    ends = [(s.figure.kind, s.figure.unit) for s in (low, high) if s is not None]
    if not ends or (len(ends) == 2 and ends[0] != ends[1]):
        return None
    return ends[0]


# Between a count and the next one of its list: a comma and a name of up to three words or six
# characters ("86,215, Xpeng ", ", Li Auto ", "、小鹏").
_LIST_ITEM = re.compile(
    r"[,，、]\s?(?:(?:and|&)\s)?(?:[A-Za-z][\w.&'’-]*\s?){1,3}|[，、][\u3400-\u9fff]{1,6}"
)


def listed_count(text: str, previous: Spot, number: re.Match[str], end: int) -> bool:
    """Whether ``number`` (ending at ``end`` with its scale) is the next count of the list of
    unit-less counts ``previous`` began: "deliveries: Leapmotor 86,215, Xpeng 43,150" counts
    vehicles twice."""
    return (
        bool(previous.counted_by)
        and _LIST_ITEM.fullmatch(text, previous.end, number.start()) is not None
        and ends_a_phrase(text, end)
    )
