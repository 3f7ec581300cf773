"""Currencies as headlines write them (a sign before or after a sum, a word after it), and the
figures a headline tells in words: a number spelled out before a percent word or a scale ("um
sieben Prozent", "five per cent", "zwei Milliarden Euro") and a count said in words ("a million
cars")."""

from __future__ import annotations

import re

from autonews.classify.counted import counted_after
from autonews.classify.figure_context import Spot
from autonews.classify.figure_language import spelled, spelled_numbers
from autonews.models import Figure
from autonews.numbers import CJK_CURRENCIES, SCALES

# "1,2 Mrd. Euro", "9 milliards de dollars", "140 milliards d'euros".
CURRENCY_WORD_AFTER = re.compile(
    r"\s+(?:de\s+|d['’])?"
    r"(yuan|rmb|yen|euros?|dollars?|won|rupees?|pounds|usd|eur|cny|jpy|krw|inr|gbp)\b",
    re.IGNORECASE,
)
# A currency's sign after the sum, as German and French write it: "39.990 €", "2,5 Md€".
SIGN_AFTER = re.compile(r"\s?([€£$])(?![\w$])")

# "a million cars", "half a million vehicles": a count said in words, no digit
_WORDED = re.compile(r"\b(half a|an?|one)\s+(million|billion)\b", re.IGNORECASE)
_WORDED_VALUE = {"half a": 0.5, "a": 1.0, "an": 1.0, "one": 1.0}

SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "￥": "CNY",
    "₹": "INR",
    "₩": "KRW",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "RMB": "CNY",
    "INR": "INR",
    "RS": "INR",
}
CURRENCY_WORDS = {
    "yuan": "CNY",
    "rmb": "CNY",
    "yen": "JPY",
    "euro": "EUR",
    "euros": "EUR",
    "dollars": "USD",
    "dollar": "USD",
    "won": "KRW",
    "rupees": "INR",
    "rupee": "INR",
    "pounds": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "cny": "CNY",
    "jpy": "JPY",
    "krw": "KRW",
    "inr": "INR",
    "gbp": "GBP",
    **CJK_CURRENCIES,
}


def spelled_spots(text: str, words: list[str] | None = None) -> list[Spot]:
    """The figures a spelled number makes before a percent word ("sieben Prozent", "five per
    cent") or a scale and then a currency ("zwei Milliarden Euro") or what it counts;
    ``words``: the text's tokens, where the caller has them (``spelled``)."""
    spots = []
    for match in spelled(text, words):
        value = float(spelled_numbers()[match.group(1).lower()])
        start, end = match.start(), match.end()
        if match.group("percent"):
            spots.append(Spot(Figure("percent", text[start:end], value, "%"), start))
            continue
        value *= 10.0 ** SCALES[match.group("scale").lower()]
        if currency := CURRENCY_WORD_AFTER.match(text, end):
            figure = Figure(
                "money",
                text[start : currency.end()],
                value,
                CURRENCY_WORDS[currency.group(1).lower()],
            )
            spots.append(Spot(figure, start))
        elif (found := counted_after(text, end)) is not None:
            spots.append(Spot(Figure("units", text[start : found[0]], value, found[1]), start))
    return spots


def worded(text: str) -> tuple[Figure, ...]:
    """A count told in words: "recalls a million cars" (a headline with no digit)."""
    figures = []
    for match in _WORDED.finditer(text):
        value = _WORDED_VALUE[match.group(1).lower()] * 10.0 ** SCALES[match.group(2).lower()]
        found = counted_after(text, match.end())
        if found is not None:
            figures.append(Figure("units", text[match.start() : found[0]], value, found[1]))
    return tuple(figures)
