"""Key figures in a headline: units, money with currency, percentages.

Numbers are found first; the patterns around them (a currency before, a scale, a currency word,
a unit noun or a percent sign after) are matched anchored at each number, so the cost follows
the count of numbers, not the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from autonews.classify.scripts import simplified
from autonews.models import Figure, ModelRef
from autonews.numbers import (
    CJK_CURRENCIES,
    CJK_MONEY,
    CJK_SCALES,
    NUMBER,
    SCALE_WORDS,
    number_value,
)

_NUMBER = re.compile(NUMBER)
_SYMBOL_BEFORE = re.compile(r"(US\$|HK\$|A\$|C\$|RMB\s?|[$€£¥￥₹₩])\s?$", re.IGNORECASE)
_SCALE_AFTER = re.compile(rf"\s?({SCALE_WORDS})\b|({CJK_SCALES})", re.IGNORECASE)
# "$5B": a B for billions only right after a sum of money ("200,000 B-segment EVs" is a count).
_BILLIONS_AFTER_SUM = re.compile(r"\s?[Bb]\b(?!-)")
_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_CURRENCY_WORD_AFTER = re.compile(
    r"\s+(yuan|rmb|yen|euros?|dollars?|won|rupees?|pounds|usd|eur|cny|jpy|krw|inr|gbp)\b",
    re.IGNORECASE,
)
_CJK_CURRENCY_AFTER = re.compile(rf"\s?({CJK_MONEY})")
_CJK_UNITS_AFTER = re.compile(r"\s?(辆|輛|台)")
_UNIT_NOUNS = frozenset(
    "vehicle vehicles car cars unit units ev evs suv suvs truck trucks bus buses van vans model "
    "models hybrid hybrids sedan sedans pickup pickups motorcycle motorcycles scooter "
    "scooters".split()
)
# XC70s, EV9s; bZ4X, iX3 (a lower-case letter first, a capital after it)
_MODEL_CODE = re.compile(r"(?:[A-Z]{1,4}|[a-z][A-Z]|[a-z]{1,2}(?=\d+[A-Z]))\d+\w*s?$")
# "14,768 Broncos", but not "Model 4 Gets", "iPhone 5 Launches": a capitalised plural counts only
# after a number too large to be part of a name.
_CAPITALISED_PLURAL = re.compile(r"[A-Z][a-z]+\d*s$")
_NAME_NUMBER_BELOW = 100
_EDGE_PUNCTUATION = ",.;:!?)\"'”’"


_LINKING_WORDS = frozenset("of in to for by over from with after as and at on than up".split())


def _unit_words(text: str, after: int, large: bool = True) -> tuple[str, str] | None:
    """'14,768 [Made-in-China XC70s]', '73,000 [plug-in hybrids]': up to three describing words,
    then a unit noun or a model name. Returns the words counted and the unit, or None."""
    if not text[after : after + 1].isspace():
        return None
    words = text[after : after + 80].split()[:5]
    for index, raw in enumerate(words):
        word = raw.rstrip(_EDGE_PUNCTUATION)
        if (
            word == "Model"
            and raw == word
            and index + 1 < len(words)
            and words[index + 1][0].isalnum()
        ):
            # "4,000 Model Ys": a model of that name, not "models".
            unit = f"{word} {words[index + 1].rstrip(_EDGE_PUNCTUATION)}"
            return " ".join([*words[:index], unit]), unit
        if (
            word.lower() in _UNIT_NOUNS
            or _MODEL_CODE.match(word)
            or (large and _CAPITALISED_PLURAL.match(word))
        ):
            return " ".join([*words[:index], word]), word
        if word != raw or word.lower() in _LINKING_WORDS:
            return None  # the phrase ended before a unit
    return None


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


def _figure_at(text: str, number: re.Match[str]) -> Figure | None:
    start, end = number.span()
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None  # a model's name ("F-150 Pickups", "CX-5"), no count
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
        if match := _CJK_UNITS_AFTER.match(text, after):
            return Figure("units", text[start : match.end()], value, "vehicles")
        return None
    if not following.isalpha():
        return None
    if match := _CURRENCY_WORD_AFTER.match(text, after):
        return Figure(
            "money", text[start : match.end()].strip(), value, _WORDS[match.group(1).lower()]
        )
    found = _unit_words(text, after, value >= _NAME_NUMBER_BELOW)
    if found is None or (1900 <= value <= 2100 and "," not in number.group()):
        return None  # no unit, or a year rather than a count
    counted, unit = found
    return Figure("units", f"{text[start:after].strip()} {counted}", value, _counted(unit))


_MODELS_COUNTED = frozenset(("model", "models"))


def _counted(word: str) -> str:
    """What a count counts, in one vocabulary for scripts: "vehicles" for the car nouns and the
    models' names ("14,768 Cars", "116,887 SU7", "4,000 Model Ys"), "models" for a count of
    models ("Price Cuts on 22 Models"), else the word in lower case ("35,000 jobs"; a
    capitalised plural may be a model's, which the classifier, knowing the models, tells:
    ``counting_models``)."""
    lowered = word.lower()
    if lowered in _MODELS_COUNTED:
        return "models"
    if lowered in _UNIT_NOUNS or _MODEL_CODE.match(word) or word.startswith("Model "):
        return "vehicles"
    return lowered


def counting_models(figures: tuple[Figure, ...], models: Iterable[ModelRef]) -> tuple[Figure, ...]:
    """The figures, those that count a model the headline names ("14,768 Broncos") counting
    vehicles."""
    if not figures or all(f.kind != "units" or f.unit in _COUNTED for f in figures):
        return figures  # most headlines: no figure, or one counted in the vocabulary already
    plurals = {plural for model in models for plural in _plurals(model.name.lower())}
    return tuple(
        replace(f, unit="vehicles") if f.kind == "units" and f.unit in plurals else f
        for f in figures
    )


_COUNTED = frozenset(("vehicles", "models"))


def _plurals(name: str) -> tuple[str, ...]:
    return (name, name + "s", name + "es")


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


def extract_figures(text: str) -> tuple[Figure, ...]:
    # Most headlines are ASCII, and half of them have no digit: deleting the digits from the
    # bytes tells that several times faster than a search for one.
    if text.isascii():
        if len(text.encode().translate(None, _ASCII_DIGITS)) == len(text):
            return ()
        numbers = _ASCII_NUMBER.finditer(text)
    elif _DIGIT.search(text):
        numbers = _NUMBER.finditer(text)
    else:
        return ()
    figures = []
    for number in numbers:
        figure = _figure_at(text, number)
        if figure is not None:
            figures.append(figure)
    return tuple(figures)
