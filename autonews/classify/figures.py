"""Key figures in a headline: units, money with currency, percentages.

Numbers are found first; the patterns around them (a currency before, a scale, a currency word,
a unit noun or a percent sign after) are matched anchored at each number, so the cost follows
the count of numbers, not the length of the text. A number with no unit is a count where the
words before it say what it counts, two numbers may be one range (``figure_ranges``), and the
words around a figure say its bound and what a percentage is (``figure_context``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from autonews.classify.cjk_figures import (
    _cjk_figure,
)
from autonews.classify.counted import NO_NAMES, Names, counted_after
from autonews.classify.figure_context import (
    CHARGE,
    Spot,
    counted_before_a_word,
    counted_by_context,
    described,
)
from autonews.classify.figure_language import decimal_comma, whole_count
from autonews.classify.figure_measures import with_measures
from autonews.classify.figure_ranges import End, listed_count, range_of
from autonews.classify.figure_words import after_a_law_word, date_spans, in_spans, yen_sign_is_yen
from autonews.classify.figures_in_words import (
    CURRENCY_WORD_AFTER,
    CURRENCY_WORDS,
    SIGN_AFTER,
    SYMBOLS,
    spelled_spots,
    worded,
)
from autonews.classify.local_money import with_local_money
from autonews.classify.reasons import DISCARD
from autonews.models import Figure
from autonews.numbers import (
    ABBREVIATED,
    CJK_MONEY,
    CJK_SCALES,
    DECIMAL_COMMA_NUMBER,
    NUMBER,
    SCALE_WORDS,
    SCALES,
    number_value,
)

_NUMBER = re.compile(NUMBER)
_DECIMAL_COMMA_NUMBER = re.compile(DECIMAL_COMMA_NUMBER)
# Rupees as Indian papers write them: "Rs 25,000", "Rs. 5,400 crore", "INR 500 crore".
_SYMBOL_BEFORE = re.compile(
    r"(US\$|HK\$|A\$|C\$|RMB\s?|(?-i:INR\s?|\bRs\.?\s?)|[$€£¥￥₹₩])\s?$", re.IGNORECASE
)
# A scale after a space too: IT之家 spaces digits from Chinese ("销量 48.02 万辆", "217.9 亿元").
# A hyphen too, as Indian headlines join a sum to its scale: "₹3,300-crore plant", "$5-billion".
# (Yonhap's "tril." keeps its stop: "125 tril. won", "728 tril.-won budget".)
_SCALE_AFTER = re.compile(
    rf"[\s-]?({SCALE_WORDS})\b(?:(?<=tril)\.)?|\s?({CJK_SCALES})", re.IGNORECASE
)
# What a scale starts with, lowered: the Kelvin sign K that IGNORECASE reads as k lowers to k.
_SCALE_FIRSTS = frozenset(word[0].lower() for word in SCALES)
# "$5B", "¥3.4T": a B for billions and a T for trillions only right after a sum of money
# ("200,000 B-segment EVs" is a count; trial 50 read "¥3.4T" and "₩1.46T" as 3.4 and 1.46).
_SCALE_LETTER_AFTER_SUM = re.compile(r"\s?([Bb]|T)\b(?!-)")
_SCALE_LETTERS = {"B": "billion", "b": "billion", "T": "trillion"}
_MINUS = "-−–"  # before a sum's sign: "EPS -¥63.50" is a loss of 63.50 a share
# "pc": per cent in Indian wire copy ("sales rise 21 pc"); "pct" in Yonhap's ("sales plunge 32.6
# pct": trial 55 read none); German and French: "58 Prozent", "2,1 %" (a space before the sign),
# "pour cent".
_PERCENT_AFTER = re.compile(
    r"\s?(?:%|percent\b|per cent\b|pct\b|pc\b|prozent\b|procent\b|pour\s+cent\b)",
    re.IGNORECASE,
)
_NAME_NUMBER_BELOW = 100


_SYMBOL_CHARS = frozenset("$€£¥￥₹₩BRsS.")  # "RMB" ends in B, "INR" in R, "Rs." in s or .


_MORE = "多余餘"  # 4万多辆, 40余万辆: more than the number says
_LATIN = re.compile("[A-Za-z]")


def _figure_at(
    text: str,
    number: re.Match[str],
    names: Names,
    scaled: tuple[str | None, int, bool],
    comma: bool = False,
) -> Spot | None:
    """The figure a number is, if any; ``scaled``: its scale, where it ends, and whether 多 or
    余 is in it (``scale_after``); ``comma``: the text writes decimal commas."""
    start, end = number.span()
    if start > 1 and text[start - 1] == "-" and _LATIN.match(text[start - 2]):
        return None  # a model's name ("F-150 Pickups", "CX-5"), no count
    if start and text[start - 1] in "'’":
        return None  # a year: "the '58 Coupe"
    if start > 1 and after_a_law_word(text, _named_range_start(text, start)):
        # A law's number: "Section 232 auto parts list" (trial 47); a vehicle's class, or the
        # high end of a range of them: "Class 8 orders", "Class 6-7 trucks" (trial 54).
        return None
    # Cheap look at the characters around the number before any pattern runs.
    before = text[max(0, start - 2) : start].strip()
    symbol = (
        _SYMBOL_BEFORE.search(text, max(0, start - 4), start)
        if before and before[-1] in _SYMBOL_CHARS
        else None
    )
    scale, after, more = scaled
    value = number_value(number.group(), scale, comma)
    if symbol and not scale and (letter := _SCALE_LETTER_AFTER_SUM.match(text, end)):
        scale_word = _SCALE_LETTERS[letter.group(1)]
        after, value = letter.end(), number_value(number.group(), scale_word, comma)
    if symbol:
        currency = SYMBOLS.get(symbol.group(1).strip().upper().removesuffix("."), "USD")
        begin = symbol.start()
        if _negative_before(text, begin):
            begin, value = begin - 1, -value
        return Spot(Figure("money", text[begin:after], value, currency), begin)
    following = text[after : after + 2].lstrip()[:1]
    if not following:
        return _bare(text, number, after, value, scale)
    if following in "%pP" and (match := _PERCENT_AFTER.match(text, end)):
        return Spot(Figure("percent", text[start : match.end()], value, "%"), start)
    if following in "€£$" and (sign := SIGN_AFTER.match(text, after)):
        currency = SYMBOLS[sign.group(1)]
        return Spot(Figure("money", text[start : sign.end()], value, currency), start)
    if following in _MORE and _CJK_MEASURE.match(text, after + 1):
        after, more = after + 1, True  # 4万多辆
    if "\u3400" <= following <= "\ufaff":
        spot = _cjk_figure(text, number, after, value, names)
        if spot is None:
            return None if more else _bare(text, number, after, value, scale)
        return spot._replace(figure=replace(spot.figure, qualifier="at_least")) if more else spot
    if not following.isalnum() and text[after : after + 1] != "-":
        return _bare(text, number, after, value, scale)  # "48,532, …": a count, if its words say
    # A count read with decimal points is whole ("24.214 Cybertrucks": no fraction of a truck);
    # a sum keeps its decimals ("24.214 euros").
    whole = value if scale or comma else whole_count(number.group(), value)
    spot = _count(text, number, after, whole, names, scale)
    if spot is not None and spot.figure.kind == "money" and whole != value:
        return spot._replace(figure=replace(spot.figure, value=value))
    return spot


def _negative_before(text: str, start: int) -> bool:
    """Whether a minus is written right before a sum's sign at ``start``, itself after a space,
    a bracket or nothing ("EPS -¥63.50", "(-$1.2B)"), not a hyphen in a word or a range."""
    if start == 0 or text[start - 1] not in _MINUS:
        return False
    return start == 1 or text[start - 2] in " (:[;,"


def scale_after(text: str, end: int) -> tuple[str | None, int, bool]:
    """The scale after a number that ends at ``end`` ("万", " million"), where it ends, and
    whether 多 or 余 comes between (40余万辆: more than 400,000)."""
    following = text[end : end + 1]
    if following.isspace() or following == "-":
        following = text[end + 1 : end + 2]
    if not following or (following.lower() not in _SCALE_FIRSTS and following not in _MORE):
        return None, end, False  # most numbers: no scale's first letter after them
    more = text[end : end + 1] in _MORE and bool(_SCALE_AFTER.match(text, end + 1))
    scale = _SCALE_AFTER.match(text, end + 1 if more else end)
    if scale is None:
        return None, end, False
    word = scale.group(1) or scale.group(2)
    stop = scale.end() + (
        word.lower() in ABBREVIATED and text[scale.end() : scale.end() + 1] == "."
    )
    return word, stop, more


_CJK_MEASURE = re.compile(rf"[辆輛台人名个個套]|{CJK_MONEY}")
_MONEY_SCALE = 8  # 亿, billion: a number so large with no unit is a sum, no count


def _bare(
    text: str, number: re.Match[str], after: int, value: float, scale: str | None
) -> Spot | None:
    """A number with no unit is a count where the words before it say what it counts ("Aito
    deliveries hit 48,532 in Nov", 零跑汽车：11月交付86215: vehicles); not a year."""
    if scale and SCALES[scale.lower()] >= _MONEY_SCALE:
        return None
    if not scale and number.group().isdigit() and 1900 <= value <= 2100:
        return None  # "deliveries in 2025" (not "1.900 Stellen")
    counted = counted_by_context(text, number.start(), after, value)
    if counted is None:
        return None
    start = number.start()
    figure = Figure("units", text[start:after], value, counted[0], implied=True)
    return Spot(figure, start, f"{counted[1]!r} before it")


def _count(
    text: str,
    number: re.Match[str],
    after: int,
    value: float,
    names: Names,
    scale: str | None = None,
) -> Spot | None:
    """A sum in a currency's word ("2.9 billion euros") or a count of what the words after the
    number say ("14,768 Cars", "2,900 jobs"); a number in a model's name is none ("Ram 1500
    pickups"), nor is a year ("2025 Ram 1500 pickups")."""
    start = number.start()
    if match := CURRENCY_WORD_AFTER.match(text, after):
        currency = CURRENCY_WORDS[match.group(1).lower()]
        return Spot(Figure("money", text[start : match.end()], value, currency), start)
    if not scale and 1900 <= value <= 2100 and number.group().isdigit():
        return None  # a year, whatever follows: nothing below reads it as a count
    if names.at(start) or _after_a_name(text, number, names):
        return None
    found = counted_after(text, after, value >= _NAME_NUMBER_BELOW, names)
    if found is None and scale and SCALES[scale.lower()] < _MONEY_SCALE:
        found = counted_before_a_word(text, after)
    if found is None:
        return _bare(text, number, after, value, scale)  # "48,532 in Nov"
    if 1900 <= value <= 2100 and number.group().isdigit():
        return None  # a year rather than a count
    return Spot(Figure("units", text[start : found[0]], value, found[1]), start)


_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"
# _NUMBER for ASCII text, where \d is [0-9]: the engine checks a range instead of a Unicode
# category at each character.
_ASCII_NUMBER = re.compile(_NUMBER.pattern, re.ASCII)


def _after_a_name(text: str, number: re.Match[str], names: Names) -> bool:
    """Whether a number goes on a name it follows: "Silverado 2500 pickups", written with at
    most four digits, no separator; or on a name's number it is listed with, the name said
    once ("Ram 2500 and 3500 Heavy Duty Trucks", "Silverado 2500/3500": trial 48 read 3,500
    trucks)."""
    start = number.start()
    if start < 2 or len(number.group()) > 4 or not number.group().isdigit():
        return False
    if text[start - 1] == " " and names.at(start - 2):
        return True
    listed = _LISTED_WITH_A_NAMES_NUMBER.search(text, max(0, start - 12), start)
    if listed is None:
        return False
    first = listed.start(1)  # the name's own number: in the name, or right after it
    return names.at(first) or (first > 1 and text[first - 1] == " " and names.at(first - 2))


# A name's number and the link that lists another with it: "2500 and ", "2500/", "2500, ".
_LISTED_WITH_A_NAMES_NUMBER = re.compile(r"(\d{1,4})(?:\s+(?:and|or|&)\s+|\s*[/,]\s*)$")


_DATE_NUMBERS_BELOW = 60  # a date's month, day or minute; a year is no figure anyway


def _may_be_a_date(figure: Figure) -> bool:
    return figure.value is not None and figure.value < _DATE_NUMBERS_BELOW


def extract_figures(
    text: str,
    names: Names = NO_NAMES,
    reasons: list[str] = DISCARD,
    words: list[str] | None = None,
) -> tuple[Figure, ...]:
    """The figures of a headline, in order; ``names`` tells where it names models; what made a
    figure a count, a range, bounded or a kind of percentage goes to ``reasons`` (--explain);
    ``words``: its tokens (``Tokens.norms``), where the caller has them, which spare a search
    for spelled numbers in most titles."""
    # Most headlines are ASCII, and half of them have no digit: deleting the digits from the
    # bytes tells that several times faster than a search for one.
    comma = False
    if text.isascii():
        if len(text.encode().translate(None, _ASCII_DIGITS)) == len(text):
            return _in_words(text, reasons, words)
        comma = decimal_comma(text)
        numbers = (_DECIMAL_COMMA_NUMBER if comma else _ASCII_NUMBER).finditer(text)
    elif _DIGIT.search(text):
        comma = decimal_comma(text)
        numbers = (_DECIMAL_COMMA_NUMBER if comma else _NUMBER).finditer(text)
    else:
        return _in_words(text, reasons, words)
    spots = with_local_money(text, _numbers_figures(text, numbers, names, comma), comma)
    if said := spelled_spots(text, words):  # "Umsatz wächst um sieben Prozent auf 1.200 Fahrzeuge"
        taken = [(spot.start, spot.end) for spot in spots]
        spots.extend(s for s in said if not any(a < s.end and s.start < b for a, b in taken))
        spots.sort(key=lambda spot: spot.start)
    return with_measures(text, _described(text, spots, reasons))


def _numbers_figures(
    text: str, numbers: Iterator[re.Match[str]], names: Names, comma: bool
) -> list[Spot]:
    """The figures the numbers of ``text`` are (``comma``: it writes decimal commas)."""
    spots: list[Spot] = []
    counted_to = 0  # where the words the last count counted end
    dates: list[tuple[int, int]] | None = None  # read once a number reads as a figure
    previous: End | None = None  # the number before, which may begin a range
    for number in numbers:
        if number.start() < counted_to:
            previous = None
            continue  # "1.2 Million 1500 Pickups": a number in what a count counts
        scaled = scale_after(text, number.end())
        spot = _figure_at(text, number, names, scaled, comma)
        scale, end, _ = scaled
        if spot is None and spots and listed_count(text, spots[-1], number, end):
            value = number_value(number.group(), scale, comma)
            unit = spots[-1].figure.unit
            listed = Figure("units", text[number.start() : end], value, unit, implied=True)
            spot = Spot(listed, number.start(), "the next of a list of counts")
        if spot is not None and _may_be_a_date(spot.figure):  # (a date's numbers are small)
            dates = date_spans(text) if dates is None else dates
            if in_spans(number.start(), dates):
                previous = None
                continue  # "5 Dec units", "12月5日": a date's day
        here = End(number, scale, end, spot, comma)
        if previous is not None and (ranged := range_of(text, previous, here)):
            if spots and previous.spot is spots[-1]:
                spots.pop()  # the low end read as a figure alone: "10万辆至12万辆"
            spot = ranged
        previous = here
        if spot is not None:
            spots.append(spot)
            if spot.figure.kind == "units":
                counted_to = spot.end
    return spots


def _described(text: str, spots: list[Spot], reasons: list[str]) -> tuple[Figure, ...]:
    """The figures of ``spots`` with what their words say of them (``described``), but a
    battery's charge levels."""
    figures = [described(text, spot, reasons) for spot in spots]
    if not any(figure.measure == CHARGE for figure in figures):
        return tuple(figures)
    return _without_charge_levels(text, spots, figures)


# What joins the two ends of a charge ("10% to 80%", 10%至80%, "10-80%").
_TO = re.compile(r"\s*(?:to|至|到|-|–|~|～)\s*", re.IGNORECASE)


def _without_charge_levels(
    text: str, spots: list[Spot], figures: list[Figure]
) -> tuple[Figure, ...]:
    """``figures`` without a battery's charge levels: those its words say are, and the other
    end of a charge from one to another ("charges from 10% to 80%": 80% too)."""
    kept = []
    charge_end = -1  # where the last charge level ends
    for spot, figure in zip(spots, figures, strict=True):
        joined = figure.kind == "percent" and _TO.fullmatch(text, charge_end, spot.start)
        if figure.measure == CHARGE or (charge_end >= 0 and joined):
            charge_end = spot.end
            continue
        kept.append(figure)
    return tuple(kept)


def _in_words(text: str, reasons: list[str], words: list[str] | None) -> tuple[Figure, ...]:
    """The figures of a headline with no digit: spelled out ("um zwölf Prozent") or a count in
    words ("recalls a million cars")."""
    said = spelled_spots(text, words)
    if said:
        return _described(text, said, reasons)
    return worded(text) if "illion" in text else ()


def in_yen(figures: tuple[Figure, ...], text: str, countries: frozenset[str]) -> tuple[Figure, ...]:
    """The figures, a sum written with ¥ in yen where the headline places it in Japan ("Renault
    to Pay ¥310 Billion for Nissan's Mitsubishi Motors Stake"); ``countries``: the makers'."""
    if not yen_sign_is_yen(text, countries):
        return figures
    return tuple(
        replace(f, unit="JPY") if f.unit == "CNY" and f.text.lstrip(_MINUS)[:1] in _YEN_SIGNS else f
        for f in figures
    )


_YEN_SIGNS = "¥￥"


def _named_range_start(text: str, start: int) -> int:
    """Where the range a number ends begins, for a number written after a hyphen and digits
    ("6-7": the 6), else ``start``: a class's range is named by the word before its low end."""
    if text[start - 1] != "-":
        return start
    low = start - 1
    while low > 0 and text[low - 1].isdigit():
        low -= 1
    return low if low < start - 1 else start
