"""Sums in the currencies of ``knowledge/currencies.toml`` (baht, ringgit, rupiah, dong, pesos,
Singapore and Taiwan dollars): a sign or code before the sum, glued to it or not ("RM79,800",
"Rp 299 million", "VND749 million"), or a word after it ("340,000 baht", "1.29m baht"). They
are read apart from the other figures, whose numbers never start glued to letters, and win over
what those made of the same number (a count its words implied)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from autonews.classify.figure_context import Spot
from autonews.models import Figure
from autonews.numbers import SCALE_WORDS, number_value

# A number here may follow letters ("RM79,800"): the pattern the other figures use may not.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
_DECIMAL_COMMA_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"


class _Currencies:
    """The currencies' patterns: sums with a sign before them, sums with a word after them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.local_scales: dict[str, str] = {k.lower(): v for k, v in data["scales"].items()}
        scales = "|".join(
            sorted([*SCALE_WORDS.split("|"), *self.local_scales], key=len, reverse=True)
        )
        self.code_before: dict[str, str] = {}
        self.code_after: dict[str, str] = {}
        self.only_with: dict[str, re.Pattern[str]] = {}
        for currency in data["currency"]:
            code = currency["code"]
            self.code_before.update(dict.fromkeys(currency["before"], code))
            for word in currency["after"]:
                self.code_after[word.lower()] = code
                if places := currency.get("only_with"):
                    self.only_with[word.lower()] = _words(places)
        before = _alternation(self.code_before)
        after = _alternation(self.code_after)
        self.cues_folded, self.cues_as_written = _cues(self.code_before, self.code_after)

        def scale(name: str) -> str:
            return rf"(?:[\s-]?(?P<{name}>{scales})\b)?"

        self.price_words = _words(data["price_words"])
        # Never glued to a letter or a digit after it: "RM20e" is a prototype's name.
        self.patterns = {
            comma: re.compile(
                rf"(?<![A-Za-z])(?P<sign>(?-i:{before}))\s?(?P<number>{digits}){scale('scale')}"
                r"(?![A-Za-z\d])"
                rf"|(?<![\w.,])(?P<digits>{digits}){scale('scale_after')}"
                rf"\s?(?P<word>{after})(?!\w)(?!-\w)",
                re.IGNORECASE,
            )
            for comma, digits in ((False, _DIGITS), (True, _DECIMAL_COMMA_DIGITS))
        }

    def scale(self, written: str | None) -> str | None:
        """A scale's word as ``numbers.SCALES`` has it ("mil" is "million")."""
        if written is None:
            return None
        return self.local_scales.get(written.lower(), written)


def _cues(signs: dict[str, str], words: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a text must hold for a sum in these currencies to be in it: a word (any case) or a
    sign (as written). A cue inside another is enough alone ("peso" for "pesos"); a sign whose
    folded form holds a folded cue needs no check of its own ("PHP" is "php")."""
    folded = _shortest({w.casefold() for w in words})
    written = _shortest({s for s in signs if not any(cue in s.casefold() for cue in folded)})
    return folded, written


def _shortest(cues: set[str]) -> tuple[str, ...]:
    """``cues`` without those that hold another."""
    return tuple(sorted(c for c in cues if not any(o != c and o in c for o in cues)))


def may_hold_local_money(text: str) -> bool:
    """False where ``text`` holds no sign or word of currencies.toml, so no sum in them: most
    titles, which skip the patterns (a scan of the whole title at each position)."""
    known = _currencies()
    for cue in known.cues_as_written:  # (loops, not any(): a generator costs more than a check)
        if cue in text:
            return True
    folded = text.casefold()
    return any(cue in folded for cue in known.cues_folded)


def _alternation(words: dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(dict.fromkeys(words, ''))})\b", re.IGNORECASE)


@cache
def _currencies() -> _Currencies:
    data = resources.files("autonews.knowledge").joinpath("currencies.toml").read_bytes()
    return _Currencies(tomllib.loads(data.decode("utf-8")))


def currency_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The signs and codes written before a sum and the words after it, longest first: the
    clustering's reading of what a figure counts (``cluster.figures``) reads them too."""
    known = _currencies()

    def longest_first(words: dict[str, str]) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))

    return longest_first(known.code_before), longest_first(known.code_after)


def local_money(text: str, comma: bool = False) -> list[Spot]:
    """The sums in ``text`` written in a currency of currencies.toml, in order; ``comma``: the
    text writes decimal commas."""
    known = _currencies()
    spots: list[Spot] = []
    if not may_hold_local_money(text):
        return spots
    for match in known.patterns[comma].finditer(text):
        if match.group("sign"):
            if not _money_like(match, text, comma):
                continue  # "RM19 prototype", "PHP 7": a model's code, a language's version
            code = known.code_before[match.group("sign")]
            digits, scale = match.group("number"), match.group("scale")
        else:
            word = match.group("word").lower()
            if word not in known.code_after:  # "rınggit": the patterns' case makes "ı" an "i"
                continue
            code = known.code_after[word]
            place = known.only_with.get(word)
            if place is not None and not place.search(text):
                continue  # "pesos" of a country the text does not place them in
            digits, scale = match.group("digits"), match.group("scale_after")
        value = number_value(digits, known.scale(scale), comma)
        spots.append(Spot(Figure("money", match.group(), value, code), match.start()))
    return spots


# How far before a sign a price word may stand ("priced at RM95", "costs RM95 a month").
_PRICE_REACH = 24  # characters


def _money_like(match: re.Match[str], text: str, comma: bool) -> bool:
    """Whether a number a sign or code writes before reads as money (currencies.toml: a scale,
    thousands grouped, three digits or more, cents, a sign that is no letter, a price word
    just before it); a bare small number after letters is a model's or a version's."""
    thousands, decimal = (".", ",") if comma else (",", ".")
    whole, _, cents = match.group("number").partition(decimal)
    before = text[max(0, match.start() - _PRICE_REACH) : match.start()]
    return bool(
        match.group("scale")
        or thousands in whole
        or len(whole) >= 3
        or len(cents) == 2
        or not match.group("sign")[0].isalpha()
        or _currencies().price_words.search(before)
    )


def with_local_money(text: str, spots: list[Spot], comma: bool = False) -> list[Spot]:
    """``spots`` with the sums in local currencies, which replace the figures read from the
    same numbers ("340,000 baht" is no count), in order."""
    local = local_money(text, comma)
    if not local:
        return spots
    kept = [s for s in spots if not any(m.start < s.end and s.start < m.end for m in local)]
    return sorted([*kept, *local], key=lambda spot: spot.start)
