"""Key figures in a headline: units, money with currency, percentages.

Numbers are found first; the patterns around them (a currency before, a scale, a currency word,
a unit noun or a percent sign after) are matched anchored at each number, so the cost follows
the count of numbers, not the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from autonews.classify.counted import NO_NAMES, Names, cjk_counted, counted_after
from autonews.classify.figure_words import date_spans, in_spans, yen_sign_is_yen
from autonews.classify.scripts import simplified
from autonews.models import Figure
from autonews.numbers import (
    CJK_CURRENCIES,
    CJK_MONEY,
    CJK_SCALES,
    NUMBER,
    SCALE_WORDS,
    SCALES,
    number_value,
)

_NUMBER = re.compile(NUMBER)
_SYMBOL_BEFORE = re.compile(r"(US\$|HK\$|A\$|C\$|RMB\s?|[$€£¥￥₹₩])\s?$", re.IGNORECASE)
# A scale after a space too: IT之家 spaces digits from Chinese ("销量 48.02 万辆", "217.9 亿元").
_SCALE_AFTER = re.compile(rf"\s?({SCALE_WORDS})\b|\s?({CJK_SCALES})", re.IGNORECASE)
# "$5B": a B for billions only right after a sum of money ("200,000 B-segment EVs" is a count).
_BILLIONS_AFTER_SUM = re.compile(r"\s?[Bb]\b(?!-)")
_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_CURRENCY_WORD_AFTER = re.compile(
    r"\s+(yuan|rmb|yen|euros?|dollars?|won|rupees?|pounds|usd|eur|cny|jpy|krw|inr|gbp)\b",
    re.IGNORECASE,
)
_CJK_CURRENCY_AFTER = re.compile(rf"\s?({CJK_MONEY})")
_NAME_NUMBER_BELOW = 100
# "a million cars", "half a million vehicles": a count said in words, no digit
_WORDED = re.compile(r"\b(half a|an?|one)\s+(million|billion)\b", re.IGNORECASE)
_WORDED_VALUE = {"half a": 0.5, "a": 1.0, "an": 1.0, "one": 1.0}


_SYMBOLS = {
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
}
_WORDS = {
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


_SYMBOL_CHARS = frozenset("$€£¥￥₹₩B")  # "RMB" ends in B


def _figure_at(text: str, number: re.Match[str], names: Names) -> Figure | None:
    start, end = number.span()
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None  # a model's name ("F-150 Pickups", "CX-5"), no count
    if start and text[start - 1] in "'’":
        return None  # a year: "the '58 Coupe"
    # Cheap look at the characters around the number before any pattern runs.
    before = text[max(0, start - 2) : start].strip()
    symbol = (
        _SYMBOL_BEFORE.search(text, max(0, start - 4), start)
        if before and before[-1] in _SYMBOL_CHARS
        else None
    )
    scale = _SCALE_AFTER.match(text, end)
    after = scale.end() if scale else end
    value = number_value(number.group(), (scale.group(1) or scale.group(2)) if scale else None)
    if symbol and not scale and (billions := _BILLIONS_AFTER_SUM.match(text, end)):
        after, value = billions.end(), number_value(number.group(), "billion")
    if symbol:
        currency = _SYMBOLS.get(symbol.group(1).strip().upper(), "USD")
        return Figure("money", text[symbol.start() : after].strip(), value, currency)
    following = text[after : after + 2].lstrip()[:1]
    if not following:
        return None
    if following in "%pP" and (match := _PERCENT_AFTER.match(text, end)):
        return Figure("percent", text[start : match.end()], value, "%")
    if "\u3400" <= following <= "\ufaff":
        if match := _CJK_CURRENCY_AFTER.match(text, after):
            return Figure("money", text[start : match.end()], value, _currency(match, text, start))
        if (counted := cjk_counted(text, after)) and not names.at(start):
            return Figure("units", text[start : counted[0]], value, counted[1])
        return None
    if not following.isalnum() and text[after : after + 1] != "-":
        return None  # "1,245 500e" goes on: a model's name may start with a digit
    return _count(text, number, after, value, names)


def _count(
    text: str, number: re.Match[str], after: int, value: float, names: Names
) -> Figure | None:
    """A sum in a currency's word ("2.9 billion euros") or a count of what the words after the
    number say ("14,768 Cars", "2,900 jobs"); a number in a model's name is none ("Ram 1500
    pickups"), nor is a year ("2025 Ram 1500 pickups")."""
    start = number.start()
    if match := _CURRENCY_WORD_AFTER.match(text, after):
        return Figure(
            "money", text[start : match.end()].strip(), value, _WORDS[match.group(1).lower()]
        )
    if names.at(start) or _after_a_name(text, number, names):
        return None
    found = counted_after(text, after, value >= _NAME_NUMBER_BELOW, names)
    if found is None or (1900 <= value <= 2100 and "," not in number.group()):
        return None  # no unit, or a year rather than a count
    return Figure("units", text[start : found[0]], value, found[1])


def _currency(match: re.Match[str], text: str, start: int) -> str:
    """The currency of a Chinese money word: a bare 元 of a Traditional text about Taiwan is
    Taiwan's ("在台開賣 售價99.9萬元" is NT$), unless 人民幣 is said; BYD's revenue told in
    Traditional characters is still in yuan."""
    word = match.group(1)
    if (
        word == "元"
        and _IN_TAIWAN.search(text)
        and simplified(text) != text
        and not _RENMINBI.search(text, 0, start)
        and not text.startswith(("人民幣", "人民币"), match.end())
    ):
        return "TWD"
    return _WORDS[word]


_RENMINBI = re.compile(r"(?:人民[幣币]|RMB)\s?$")
_IN_TAIWAN = re.compile(r"[台臺]灣|[在來来抵][台臺]|[台臺]灣?(?:市場|市场|上市|開賣|售價)")


_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"
# _NUMBER for ASCII text, where \d is [0-9]: the engine checks a range instead of a Unicode
# category at each character.
_ASCII_NUMBER = re.compile(_NUMBER.pattern, re.ASCII)


def _after_a_name(text: str, number: re.Match[str], names: Names) -> bool:
    """Whether a number goes on a name it follows: "Silverado 2500 pickups", written with at
    most four digits, no separator."""
    start = number.start()
    return (
        start > 1
        and text[start - 1] == " "
        and len(number.group()) <= 4
        and number.group().isdigit()
        and names.at(start - 2)
    )


_DATE_NUMBERS_BELOW = 60  # a date's month, day or minute; a year is no figure anyway


def _may_be_a_date(figure: Figure) -> bool:
    return figure.value is not None and figure.value < _DATE_NUMBERS_BELOW


def extract_figures(text: str, names: Names = NO_NAMES) -> tuple[Figure, ...]:
    """The figures of a headline, in order; ``names`` tells where it names models."""
    # Most headlines are ASCII, and half of them have no digit: deleting the digits from the
    # bytes tells that several times faster than a search for one.
    if text.isascii():
        if len(text.encode().translate(None, _ASCII_DIGITS)) == len(text):
            return _worded(text) if "illion" in text else ()
        numbers = _ASCII_NUMBER.finditer(text)
    elif _DIGIT.search(text):
        numbers = _NUMBER.finditer(text)
    else:
        return ()
    figures = []
    counted_to = 0  # where the words the last count counted end
    dates: list[tuple[int, int]] | None = None  # read once a number reads as a figure
    for number in numbers:
        if number.start() < counted_to:
            continue  # "1.2 Million 1500 Pickups": a number in what a count counts
        figure = _figure_at(text, number, names)
        if figure is not None:
            if _may_be_a_date(figure):  # (a date's numbers are small: most figures are not)
                dates = date_spans(text) if dates is None else dates
                if in_spans(number.start(), dates):
                    continue  # "5 Dec units", "12月5日": a date's day
            figures.append(figure)
            if figure.kind == "units":
                counted_to = number.start() + len(figure.text)
    return tuple(figures)


def _worded(text: str) -> tuple[Figure, ...]:
    """A count told in words: "recalls a million cars" (a headline with no digit)."""
    figures = []
    for match in _WORDED.finditer(text):
        value = _WORDED_VALUE[match.group(1).lower()] * 10.0 ** SCALES[match.group(2).lower()]
        found = counted_after(text, match.end())
        if found is not None:
            figures.append(Figure("units", text[match.start() : found[0]], value, found[1]))
    return tuple(figures)


def in_yen(figures: tuple[Figure, ...], text: str, countries: frozenset[str]) -> tuple[Figure, ...]:
    """The figures, a sum written with ¥ in yen where the headline places it in Japan ("Renault
    to Pay ¥310 Billion for Nissan's Mitsubishi Motors Stake"); ``countries``: the makers'."""
    if not yen_sign_is_yen(text, countries):
        return figures
    return tuple(
        replace(f, unit="JPY") if f.unit == "CNY" and f.text[:1] in _YEN_SIGNS else f
        for f in figures
    )


_YEN_SIGNS = "¥￥"
