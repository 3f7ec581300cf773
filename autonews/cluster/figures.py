"""Figures in a text and when two of them are one: "14,768" = "1.48万" = "nearly 15,000".

A round figure stands for anything within most of its last digit's unit (never more than a
tenth of it), plus a little for conversions; two precise figures must agree: 11,688 and 11,383
are two recalls.
"""

from __future__ import annotations

import re
from functools import lru_cache

from autonews.classify.figure_language import decimal_comma, spelled, spelled_numbers, whole_count
from autonews.classify.figure_words import date_spans, in_spans
from autonews.classify.local_money import currency_words

# (Figure, close, figure and converted_alike: the clustering's modules read them here.)
from autonews.figure_match import Figure as Figure
from autonews.figure_match import close as close
from autonews.figure_match import converted_alike as converted_alike
from autonews.figure_match import figure as figure
from autonews.numbers import (
    CJK_SCALES,
    DECIMAL_COMMA_NUMBER,
    NUMBER,
    SCALE_WORDS,
    SCALES,
    number_value,
)

# How a percentage is written out: "per cent" in British papers, "Prozent" in German ones,
# "pour cent" in French.
_PERCENT_WORDS = (
    r"(?:percent|per\s?cent|prozent|procent|pour\s+cent|pc)\b"  # "pc": Indian wire copy
)
_PERCENT = re.compile(rf"%|{_PERCENT_WORDS}", re.IGNORECASE)

# A number and its scale or percent sign ("1.48万", "$2.2 billion", "13.5%", "80 per cent"), a
# scale joined by a hyphen too ("₹3,300-crore": trial 45's two items of one sum were apart).
# Not a number of a notice's or a campaign's reference (R/2026/334, A12/00428/26, 2026-101,
# NHTSA's 26V-137 of a vehicle, 26E- of equipment, 26T- of tyres, 26C- of child seats): two
# notices' numbers are alike (334 and 336, 26V-169 and 26V-170) whatever they tell (trial 48).
# Nor a listing's code ("7203.T", "005380.KS", "(285A.T)", "0175.HK"): every item on a maker's
# shares shares it (trial 50: "shared figures: 7,203" joined two stories of Toyota).
_TICKER_AFTER = r"[0-9A-Z]?\.(?-i:T|KS|KQ|HK|SS|SZ|TW|TWO)\b"
_NUMBER_FORM = (
    r"(?<!\w/)(?<!\b[12]\d{{3}}-)(?<!\d[VETC]-)({number})(?!\d|/\d|[VETC]-\d|"
    + _TICKER_AFTER
    + r")"
    r"(?:\s|-(?=(?:{scales})\b))?"
    r"(%|{percents}|{cjk}|(?:{scales})\b)?"
)
_NUMBER, _DECIMAL_COMMA = (
    re.compile(
        _NUMBER_FORM.format(
            number=number, scales=SCALE_WORDS, percents=_PERCENT_WORDS, cjk=CJK_SCALES
        ),
        re.IGNORECASE,
    )
    for number in (NUMBER, DECIMAL_COMMA_NUMBER)
)


def _numbers_of(text: str) -> tuple[re.Pattern[str], bool]:
    """The pattern of ``text``'s numbers and whether it writes decimal commas ("24.214" is
    24,214 in a German title, "1,2 Mrd." 1.2 billion: ``figure_language``)."""
    comma = decimal_comma(text)
    return (_DECIMAL_COMMA if comma else _NUMBER), comma


# A sum with a currency sign and a bare B for billions or T for trillions, as headlines shorten
# it: "$5B", "€2B", "¥3.4T", "₩1.46T".
_SHORT_BILLIONS = re.compile(rf"[$€£¥₩]\s?({NUMBER})([BT])\b")
_DIGIT = re.compile(r"\d")
# A stock code is a name, never a figure (trial 50: "shared figures: 7,203" for two MarketScreener
# items on Toyota, 7203.T): Tokyo's and Seoul's codes with their exchange ("7203.T",
# "000270.KS"), or alone in brackets ("Toyota (7203)").
_TICKER = re.compile(r"(?<![\w.,])\d{4,6}\.(?:T|KS|KQ)\b|(?<=\()\d{4,6}(?=[),])")
_NO_DATE_FROM = 60  # a bare number below this may be a date's month, day, week or minute


def numbers(text: str) -> frozenset[Figure]:
    """The figures of a text that can tell one event from another: counts from 10, amounts,
    percentages; not versions (AI OS 6.0), years or dates ("IT之家 12 月 5 日消息": every item
    of a month would share a 12)."""
    if not _DIGIT.search(text):
        return frozenset(_spelled(text))  # "um sieben Prozent"
    text = _TICKER.sub(" ", text)
    found = _spelled(text)
    dates: list[tuple[int, int]] | None = None  # read when a number may be a date's
    pattern, comma = _numbers_of(text)
    for match in pattern.finditer(text):
        digits, unit = match.group(1), (match.group(2) or "").lower()
        percent = bool(unit) and _PERCENT.fullmatch(unit) is not None
        value = number_value(digits, None if percent else unit, comma)
        if not (unit or comma) and _COUNT_AFTER.match(text, match.end()):
            value = whole_count(digits, value)  # "24.214 Cybertrucks": no fraction of a truck
        if not unit and (value < 10 or (digits.isdigit() and 1800 <= value <= 2100)):
            continue  # small counts, versions (AI OS 6.0) and years say little about identity
        if not unit and value < _NO_DATE_FROM:
            dates = date_spans(text) if dates is None else dates
            if in_spans(match.start(), dates):
                continue
        found.add(figure(value, percent))
    for match in _SHORT_BILLIONS.finditer(text):
        scale = "billion" if match.group(2) == "B" else "trillion"
        found.discard(figure(number_value(match.group(1))))
        found.add(figure(number_value(match.group(1), scale)))
    return frozenset(found)


def _spelled(text: str) -> set[Figure]:
    """Numbers spelled out before a percent word or a scale: "um sieben Prozent" is 7%."""
    found = set()
    for match in spelled(text):
        value = float(spelled_numbers()[match.group(1).lower()])
        if scale := match.group("scale"):
            value *= 10.0 ** SCALES[scale.lower()]
        found.add(figure(value, bool(match.group("percent"))))
    return found


# What a figure counts, where its words say: money (a currency sign before it, a currency after)
# or vehicles (cars, units, 辆 after it). 20,000 vehicles lost to a strike and a car's 20,000
# euros are two figures (trial 36).
# The signs, codes and words of currencies.toml's (baht, RM, Rp, dong...: trial 53) join these
# (``_money_before``, ``_money_after``), so the figures and the clustering read one list.
_MONEY_SIGNS_BEFORE = r"[$€£¥￥₹]|\b(?:US|HK|NT|RMB|EUR|USD|CNY|INR)\$?|\b(?-i:Rs)\.?"
_MONEY_WORDS_AFTER = (
    r"[€$£]|(?:de\s|d['’])?(?:euros?|dollars?)|yuan|yen|pounds?|won|rupees?|francs?|kronor|"
    r"(?:港|美|欧|日|新台)?元|美元|欧元|日元|港元|英镑|韩元"
)


@lru_cache(maxsize=1)
def _money_before() -> re.Pattern[str]:
    signs, _ = currency_words()
    local = "|".join(re.escape(sign) for sign in signs)
    return re.compile(rf"(?:{_MONEY_SIGNS_BEFORE}|(?<![A-Za-z])(?-i:{local}))\s?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _money_after() -> re.Pattern[str]:
    _, words = currency_words()
    local = "|".join(re.escape(word) for word in words)
    return re.compile(rf"\.?\s?(?:{_MONEY_WORDS_AFTER}|(?:{local})(?![a-z]))", re.IGNORECASE)


_COUNT_AFTER = re.compile(
    r"\s?(?:vehicles?|cars?|units?|trucks?|vans?|SUVs?|EVs?|pickups?|buses|sedans?|辆|台|部"
    r"|Fahrzeugen?|Fahrzeuge|Autos|Pkw|voitures?|véhicules?|unités)",
    re.IGNORECASE,
)
# A count told after what was counted: "exports 32,012", "deliveries of 41,820", 出口3.2万.
_COUNT_BEFORE = re.compile(
    r"(?:\b(?:exports?|exported|sells|sold|deliver(?:s|ed)|deliveries(?: of)?|ships|shipped"
    r"|registrations(?: of)?|recalls|recalling|wholesale(?:s| of)?)|出口|交付|销量|批发|零售|召回)"
    r"\s?$",
    re.IGNORECASE,
)


# What else a figure counts, by the words after it: a distance ("1,000 km range"), chargers
# ("1,000 EV charge points"), people ("800 workers"). A figure one text counts so and another
# counts otherwise is two figures (trial 53: a charge-point plan joined a launch on "1,000").
_OTHER_COUNTS = (
    ("distance", re.compile(r"\s?(?:km|kilomet(?:er|re)s?|miles?|公里)(?![a-z])", re.IGNORECASE)),
    (
        "chargers",
        re.compile(
            r"\s?(?:(?:EV|DC|AC|fast|public|ultra-fast)\s)*(?:charg(?:e|ing)\s(?:points?"
            r"|stations?|bays?|piles?|ports?)|chargers?|充电桩|充电站)",
            re.IGNORECASE,
        ),
    ),
    (
        "people",
        re.compile(
            r"\s?(?:\w+\s)?(?:jobs|workers|employees|staff|people|Stellen|Mitarbeiter)\b",
            re.IGNORECASE,
        ),
    ),
)


def _other_count(text: str, end: int) -> str | None:
    return next((kind for kind, words in _OTHER_COUNTS if words.match(text, end)), None)


def counted_as(text: str) -> dict[Figure, str]:
    """The figures of a text whose words say what they count: "money", "vehicles", or another
    count (``_OTHER_COUNTS``: a distance, chargers, people)."""
    found: dict[Figure, str] = {}
    if not _DIGIT.search(text):
        return found
    pattern, comma = _numbers_of(text)
    for match in pattern.finditer(text):
        digits, unit = match.group(1), (match.group(2) or "").lower()
        if unit and _PERCENT.fullmatch(unit) is not None:
            continue
        before = text[max(0, match.start() - 4) : match.start()]
        value = number_value(digits, unit or None, comma)
        if _money_before().search(before) or _money_after().match(text, match.end()):
            found[figure(value)] = "money"
        elif other := _other_count(text, match.end()):
            found[figure(value)] = other
        elif _COUNT_AFTER.match(text, match.end()):
            found[figure(value if unit or comma else whole_count(digits, value))] = "vehicles"
        elif _COUNT_BEFORE.search(text[: match.start()][-24:]):
            found[figure(value)] = "vehicles"
    return found


def shared_alike(
    a: frozenset[Figure],
    b: frozenset[Figure],
    a_kinds: dict[Figure, str],
    b_kinds: dict[Figure, str],
    a_bounds: dict[Figure, str] | None = None,
    b_bounds: dict[Figure, str] | None = None,
) -> bool:
    """Whether ``a`` and ``b`` share a figure that is not, by their words, money in one and a
    count of vehicles in the other; one told as a bound (``bounds``) is alike only a figure on
    its side of it."""
    for x in a:
        for y in b:
            if (
                (x == y or one_figure(x, y))
                and not _told_otherwise(a_kinds.get(x), b_kinds.get(y))
                and not _beyond((a_bounds or {}).get(x), x, y)
                and not _beyond((b_bounds or {}).get(y), y, x)
            ):
                return True
    return False


def one_figure(x: Figure, y: Figure) -> bool:
    """Two figures one outlet or another rounded alike. A percentage is converted by no one:
    within its last digit's rounding only, so that two shares told to the point are two
    ("Honda holds 78%" and "Honda holding 77%" are two markets' months: trial 53)."""
    if x.percent != y.percent:
        return False
    if not x.percent:
        return close(x, y)
    rounder = x if x.precision >= y.precision else y
    tolerance = min(_ROUNDED_PERCENT * rounder.precision, _MOST_ROUNDED * rounder.value)
    return abs(x.value - y.value) <= tolerance + 1e-9


_ROUNDED_PERCENT = 0.5  # "13%" is 12.5% to 13.5%
_MOST_ROUNDED = 0.1  # "20%" is no 25%: a tenth of it at most, as for any figure


def _beyond(bound: str | None, told: Figure, other: Figure) -> bool:
    """Whether ``other`` is on the far side of ``told``, a bound: above "under 1 million baht"
    (a price of 1.05m), below "over 40,000" (trial 53: a price threshold joined a price list)."""
    if bound == "at_most":
        return other.value > told.value
    return bound == "at_least" and other.value < told.value


def _told_otherwise(kind: str | None, other: str | None) -> bool:
    return kind is not None and other is not None and kind != other


# A figure told per unit of time ("$200 million a week", "5,000 cars per day"): a rate, what
# something costs or yields while it lasts, not the sum of a deal that tells it apart.
_RATE = re.compile(
    rf"({NUMBER})\s?((?:{SCALE_WORDS})\b)?\s+(?:a|an|per|each|every)\s+"
    r"(?:hour|day|week|month|quarter|year)\b"
    r"(?!\s+(?:earlier|ago|before|later|prior))",  # "a year earlier" dates a sum, no rate
    re.IGNORECASE,
)


def rates(text: str) -> frozenset[Figure]:
    """The figures of a text told per unit of time (see _RATE)."""
    if not _DIGIT.search(text):
        return frozenset()
    return frozenset(
        figure(number_value(m.group(1), (m.group(2) or "").lower())) for m in _RATE.finditer(text)
    )


_SCALED = (1e3, 1e6, 1e9)


def scaled(value: float, numbers: frozenset[Figure]) -> Figure:
    """A sum as ``numbers`` (a title's figures) tell it: one read without its scale ("$5B" as
    5) is the title's figure of which it is the digits (5 billion)."""
    if value < 1000:
        for f in numbers:
            if not f.percent and any(abs(f.value - value * n) < 1e-6 * f.value for n in _SCALED):
                return f
    return figure(value)


_SMALL = "one two three four five six seven eight nine ten eleven twelve".split()
_WORD_VALUE = {word: float(n) for n, word in enumerate(_SMALL, 1)}
# What a title counts that tells one event from another of its maker: plants (a cyberattack
# halts 14 of them, a glitch 12), jobs (9,000 cut in one round, 20,000 in the next).
_COUNTED = {
    "plant": r"plants|factories|assembly plants|工厂|座工厂|家工厂|个工厂|条生产线|生产线|基地",
    "job": r"jobs|positions|个岗位|个工作岗位|岗位",
}
_COUNTS = re.compile(
    rf"(?<![A-Za-z\d.,])(?<!model )({NUMBER}|(?:{'|'.join(_SMALL)})\b)\s?({CJK_SCALES}|thousand\b)?"
    rf"\s?(?:[A-Za-z.-]+\s){{0,2}}?(?:家|座|个|条)?({'|'.join(_COUNTED.values())})",
    re.IGNORECASE,
)
_KIND = {word.casefold(): kind for kind, words in _COUNTED.items() for word in words.split("|")}


def counts(text: str) -> frozenset[tuple[str, Figure]]:
    """The things a text counts, with their counts: "14家工厂" and "12 Japanese plants" are
    ("plant", 14) and ("plant", 12); "cut 9,000 jobs" is ("job", 9000)."""
    if not _DIGIT.search(text):
        folded = text.casefold()
        if not any(word in folded for word in _SMALL):
            return frozenset()
    found = set()
    for match in _COUNTS.finditer(text):
        digits, scale, noun = match.group(1), match.group(2), match.group(3)
        if digits.casefold() in _WORD_VALUE:
            value = _WORD_VALUE[digits.casefold()]
        else:
            value = number_value(digits, scale)
        found.add((_KIND[noun.casefold()], figure(value)))
    return frozenset(found)


def other_counts(a: frozenset[tuple[str, Figure]], b: frozenset[tuple[str, Figure]]) -> bool:
    """Both count one kind of thing and no count of it is alike: two events."""
    kinds = {kind for kind, _ in a} & {kind for kind, _ in b}
    return any(
        none_close(frozenset(x for k, x in a if k == kind), frozenset(y for k, y in b if k == kind))
        for kind in kinds
    )


def shared(a: frozenset[Figure], b: frozenset[Figure]) -> bool:
    if not a.isdisjoint(b):
        return True  # one figure told alike in both: the common case, checked in C
    return any(one_figure(x, y) for x in a for y in b)


def matching(a: frozenset[Figure], b: frozenset[Figure]) -> list[Figure]:
    """The figures of ``a`` that some figure of ``b`` is (for --explain)."""
    return sorted(x for x in a if any(one_figure(x, y) for y in b))


def bounds(text: str) -> dict[Figure, str]:
    """The figures of ``text`` told as a bound, "at_most" or "at_least" ("under 1 million baht",
    "over 40,000", "from 1.05m": ``classify.figure_context``'s words); "about" is no bound."""
    from autonews.classify.figure_context import bound_after, bound_before

    found: dict[Figure, str] = {}
    if not _DIGIT.search(text):
        return found
    pattern, comma = _numbers_of(text)
    for match in pattern.finditer(text):
        digits, unit = match.group(1), (match.group(2) or "").lower()
        percent = bool(unit) and _PERCENT.fullmatch(unit) is not None
        value = number_value(digits, None if percent else unit, comma)
        start = _currency_start(text, match.start())
        if start == match.start() and not _money_after().match(text, match.end()):
            continue  # (only a price or a sum: a count "over 100,000" may be rounded past)
        bound = bound_before(text, start, value) or bound_after(text, match.end())
        if bound is not None and bound.qualifier in ("at_most", "at_least"):
            found[figure(value, percent)] = bound.qualifier
    return found


def _currency_start(text: str, start: int) -> int:
    """Where a figure's text starts with the currency sign or code before it ("under $5,000")."""
    found = _money_before().search(text[max(0, start - 4) : start])
    return start - len(found.group()) if found else start


def none_close(a: frozenset[Figure], b: frozenset[Figure]) -> bool:
    return not any(close(x, y) for x in a for y in b)


@lru_cache(maxsize=4096)  # a run's items repeat few figures, and each is filed and looked up
def keys(value: float) -> tuple[str, ...]:
    """Index keys under which a figure meets every figure it may be close to: its value at two
    significant digits and the neighbouring values at that precision."""
    if value <= 0:
        return ()
    exponent = len(str(int(value))) - 2 if value >= 10 else -1
    step = 10.0**exponent
    base = round(value / step)
    return tuple(f"#{(base + d) * step:.6g}" for d in (-1, 0, 1))
