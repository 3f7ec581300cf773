"""What the words around a figure say of it, from ``knowledge/figures.toml``: a bound ("over
40,000", 超4万台, "nearly 15,000", 8万台以上), what a percentage is (同比增长22.6% year-on-year,
渗透率61.2% penetration, "Hang Seng slips 0.3%" a market index's move), and what a number with
no unit after it counts ("Aito deliveries hit 48,532 in Nov": vehicles)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from autonews.classify.counted import LINKING_WORDS
from autonews.classify.figure_moves import no_bound
from autonews.classify.figure_words import DATA, word_pattern
from autonews.classify.reasons import DISCARD
from autonews.models import MEASURE_WORDS, QUALIFIER_WORDS, Figure

CHARGE = "charge"  # a battery's charge level (补能 80%): no figure of the news, dropped


class Spot(NamedTuple):
    """A figure and where its text starts in the headline (it ends ``len(figure.text)`` on);
    ``counted_by``: for a count with no unit, what says what it counts (--explain's words)."""

    figure: Figure
    start: int
    counted_by: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.figure.text)


def described(text: str, spot: Spot, reasons: list[str] = DISCARD) -> Figure:
    """The figure of ``spot`` with what the words around it say: the bound a word before or
    after it sets (kept in its text unless a verb: "over 40,000", 超4万台, 8万台以上;
    "deliveries exceed 40,000"), and for a percentage what it is (year-on-year, a share, a
    market index's move…). Each finding goes to ``reasons``, as --explain shows them."""
    figure, start, end = spot.figure, spot.start, spot.end
    bound = None if figure.qualifier else bound_before(text, start, figure.value or figure.low)
    if bound is not None:
        figure = replace(figure, text=text[bound.edge : end], qualifier=bound.qualifier)
    elif not figure.qualifier and (bound := bound_after(text, end)):
        figure = replace(figure, text=text[start : bound.edge], qualifier=bound.qualifier)
    measure, words = (
        percent_measure(text, spot.start, end)
        if figure.kind == "percent"
        else percent_measure(text, spot.start, end, "money")
        if figure.kind == "money"
        else ("", "")
    )
    if measure:
        figure = replace(figure, measure=measure)
    if figure.kind == "percent" and measure != CHARGE:
        figure = replace(figure, direction=_direction(text, spot.start, end))
    if reasons is not DISCARD:
        reasons.extend(_why(figure, spot.counted_by, bound, words))
    return figure


def _why(figure: Figure, counted_by: str, bound: Bound | None, words: str) -> list[str]:
    """What --explain says of a figure: what made it a count, a range, bounded or a kind of
    percentage; nothing for a figure its own unit says all of."""
    said = []
    if counted_by:
        said.append(f"counts {figure.unit} ({counted_by})")
    if figure.low is not None and figure.high is not None:
        said.append(f"a range, {_shown(figure.low)} to {_shown(figure.high)}")
    if bound is not None:
        said.append(f"{QUALIFIER_WORDS[bound.qualifier]} ({bound.words!r})")
    elif figure.qualifier:
        said.append(QUALIFIER_WORDS[figure.qualifier])
    if figure.measure == CHARGE:
        return [f"figure {figure.text}: a battery's charge level ({words!r}), no figure: dropped"]
    if figure.measure == "index":
        said.append(f"a market index's move ({words!r}), no figure of a maker")
    elif figure.measure:
        said.append(f"{MEASURE_WORDS[figure.measure]} ({words!r})")
    if figure.direction:
        said.append(f"a move {figure.direction}")
    return [f"figure {figure.text}: " + "; ".join(said)] if said else []


def _shown(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


# --- bounds: "over 40,000", 超4万台, 8万台以上 ----------------------------------------


class Bound(NamedTuple):
    qualifier: str  # at_least, about, at_most
    edge: int  # where the figure's text starts (ends) with a word before (after) it
    words: str  # as written


@cache
def _bounds_before() -> tuple[dict[str, tuple[str, bool]], dict[str, tuple[int, ...]]]:
    """Every word that bounds the figure right after it, in lower case, and what it is: its
    qualifier, and whether it is kept in the figure's text (a verb is not); and by the last
    letter of the words, their lengths, longest first (most figures follow no such letter, and
    a word is looked for only at the lengths of those ending in the letter before the figure)."""
    meaning: dict[str, tuple[str, bool]] = {}
    for qualifier, lists in DATA["qualifiers"].items():
        meaning.update({w.lower(): (qualifier, True) for w in lists.get("before", [])})
        meaning.update({w.lower(): (qualifier, False) for w in lists.get("verbs", [])})
    lengths: dict[str, set[int]] = {}
    for word in meaning:
        lengths.setdefault(word[-1], set()).add(len(word))
    return meaning, {last: tuple(sorted(each, reverse=True)) for last, each in lengths.items()}


@cache
def _bounds_after() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    qualifiers = DATA["qualifiers"].items()
    meaning = {w: q for q, lists in qualifiers for w in lists.get("after", [])}
    unless = tuple(w for _, lists in qualifiers for w in lists.get("after_unless", []))
    return re.compile(rf"\s?(?:{word_pattern(list(meaning))})"), meaning, unless


_RANKING = "top"  # "Top 10 EVs" is a ranking; "deliveries top 100,000" a bound
_LEAST_TOPPED = 1000


def bound_before(text: str, start: int, value: float | None = None) -> Bound | None:
    """The bound a word right before ``start`` (or a space before it) sets: "over 40,000" and
    超4万台 (kept in the figure's text), "deliveries exceed 40,000" and 交付破3万台 (a verb: not
    kept), the longest word that ends there (不超过, not 超过); ``value``: the figure's (a
    range's is None). Looked up word by word: a regex search costs more."""
    meaning, lengths_ending = _bounds_before()
    end = start - 1 if start and text[start - 1] == " " else start
    lengths = lengths_ending.get(text[end - 1].lower()) if end else None
    if lengths is None:
        return None
    for length in lengths:  # (only the lengths of the words ending in that letter)
        begin = end - length
        if begin < 0:
            continue
        words = text[begin:end]
        found = meaning.get(words.lower())
        if found is None or (words.isascii() and begin and _LATIN.match(text, begin - 1)):
            continue  # not one, or the end of a longer word ("cover 40,000")
        if words.lower() == _RANKING and (value or 0) < _LEAST_TOPPED:
            return None
        if no_bound(words.lower(), text, begin, start):
            return None  # "edges up to 2.2%", "up from 40,000": where a move went or began
        qualifier, kept = found
        return Bound(qualifier, begin if kept else start, words)
    return None


_LATIN = re.compile("[A-Za-z]")


def bound_after(text: str, end: int) -> Bound | None:
    """The bound a word right after a figure sets (8万台以上, 5万辆左右, 20.99万元起), not where
    that word begins another (10万元起诉)."""
    pattern, meaning, unless = _bounds_after()
    match = pattern.match(text, end)
    if match is None:
        return None
    words = match.group().strip()
    if unless and text.startswith(unless, match.end() - len(words)):
        return None
    return Bound(meaning[words], match.end(), words)


# --- what a percentage is ------------------------------------------------------------------------

# A clause ends at a stop or a dash, and at a comma unless it separates thousands; a list of
# counts goes on past a colon ("deliveries: Leapmotor 86,215"), a percentage's words do not.
_CLAUSE_END = re.compile(r"[;；|。!?！？]|[,，、](?!\d)|\s[-–—]\s|[—–]")
_COLON = re.compile(r"[:：]")
# Characters between a percentage and the words before it that say what it is: "Hang Seng Index
# closes up 0.8%"; in Chinese fewer (同比增长22.6%, 毛利率提升至13.3%), where another name
# between says whose the percentage is (港股汽车板块走高 理想汽车涨超10%: Li Auto's).
_NEAR = 24
_NEAR_CHINESE = 8
_WINDOW = 60  # characters before a figure the words that say what it is are looked for in
_DIGIT = re.compile(r"\d")


@cache
def _percent_words(
    table: str = "percents",
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    """The words before and after a percentage (or a sum: ``table`` "money") that say what it
    is, and each one's measure."""
    measures = DATA[table]
    before = {w.lower(): m for m, lists in measures.items() for w in lists.get("before", [])}
    after = {w.lower(): m for m, lists in measures.items() for w in lists.get("after", [])}
    return (
        re.compile(word_pattern(list(before)), re.IGNORECASE),
        re.compile(rf"\s?(?:{word_pattern(list(after))})", re.IGNORECASE),
        before,
        after,
    )


_QUARTERLY = re.compile(word_pattern(DATA["quarters"]["words"]), re.IGNORECASE)
_WEEKLY = re.compile(
    rf"{word_pattern(DATA['weeks']['words'])}|第\s?\d{{1,2}}\s?[周週]", re.IGNORECASE
)
# Month-on-month, or quarter-on-quarter of a quarter's figures.
_SEQUENTIAL = frozenset(("环比", "環比", "sequentially"))


def _word_before(words: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """The last of ``words`` before the figure at ``start``: near it, in its clause, with no
    other number between ("同比增长22.6%", "sales decline 18%")."""
    found = _last(words, text, max(0, start - _WINDOW), start)
    if (
        found is None
        or start - found.end() > (_NEAR if found.group().isascii() else _NEAR_CHINESE)
        or _DIGIT.search(text, found.end(), start)
        or found.start() < clause_start(text, start, found.start())
    ):
        return None
    return found


def percent_measure(text: str, start: int, end: int, table: str = "percents") -> tuple[str, str]:
    """What the percentage at ``start:end`` is, and the words that say so: right after it ("up
    3.8% year-on-year"), else the nearest before it in its clause with no other number between
    (同比增长22.6%, "vehicle margin improved to 16.8%", "Hang Seng slips 0.3%"); ("", "") when
    the headline does not say. A 环比 in a headline about a quarter is quarter-on-quarter. With
    ``table`` "money", what a sum is ("price target to $95": a share price)."""
    before, after, measure_before, measure_after = _percent_words(table)
    if match := after.match(text, end):
        words = match.group().strip()
        measure = measure_after[words.lower()]
    else:
        found = _word_before(before, text, start)
        if found is None:
            return "", ""
        words = found.group()
        measure = measure_before[words.lower()]
    if words.lower() in _SEQUENTIAL and _QUARTERLY.search(text):
        return "qoq", words
    if words.lower() in _SEQUENTIAL and _WEEKLY.search(text):
        return "wow", words  # 上周上险量1.47万辆 环比增长21%: against the week before
    return measure, words


@cache
def _direction_words() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    """The words before and right after a percentage that say which way it moved."""
    moves = DATA["directions"]
    before = {w.lower(): way for way, lists in moves.items() for w in lists["before"]}
    after = {w.lower(): way for way, lists in moves.items() for w in lists["after"]}
    return (
        re.compile(word_pattern(list(before)), re.IGNORECASE),
        re.compile(rf"\s?(?:{word_pattern(list(after))})", re.IGNORECASE),
        before,
        after,
    )


# "rises to 30%", "steigt auf 2,4 Prozent": a level
_A_LEVEL = re.compile(r"(?:\bto|\bat|\bauf|\bà|至|到)\s*$", re.IGNORECASE)


def _direction(text: str, start: int, end: int) -> str:
    """Which way the percentage at ``start:end`` moved, "up" or "down", where the words next to
    it say (``[directions]``): "sales decline 18%" is down, "posts 23% growth" up; "" where
    they say neither, or the figure is a level ("share rises to 30%")."""
    before, after, way_before, way_after = _direction_words()
    if match := after.match(text, end):
        return way_after[match.group().strip().lower()]
    if _A_LEVEL.search(text, max(0, start - 4), start):
        return ""
    found = _word_before(before, text, start)
    if found is None or text[found.end() : found.end() + 3].lower() == " to":
        return ""  # ("up to 6%": a bound)
    return way_before[found.group().lower()]


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]`` (the nearest one before ``end``)."""
    matches = list(pattern.finditer(text, start, end))
    return matches[-1] if matches else None


def clause_start(text: str, position: int, since: int, colons: bool = True) -> int:
    """Where the clause ``position`` is in begins, if after ``since``: after the last stop,
    dash or comma before it (and colon, with ``colons``); else ``since``."""
    since = max(0, since - 3)  # a stop just before ``since``: " - " is three characters
    found = _last(_CLAUSE_END, text, since, position)
    start = found.end() if found else since
    if colons and (colon := _last(_COLON, text, start, position)):
        start = colon.end()
    return start


# --- what a number with no unit counts ------------------------------------------------------------

_PHRASE = DATA["counted_phrase"]
_CLAUSE_WORDS = re.compile(word_pattern(_PHRASE["clause_ends"]), re.IGNORECASE)
_ENDS_PHRASE = frozenset(w.lower() for w in _PHRASE["phrase_ends"] if w.isascii())
_ENDS_PHRASE_CJK = tuple(w for w in _PHRASE["phrase_ends"] if not w.isascii())
_STOPS = frozenset(",;:.!?)，；：。！？）、】」")
_MONTHS = frozenset(m.lower() for m in DATA["dates"]["months"])
_NEXT_WORD = re.compile(r" ([A-Za-z][\w-]*)")
_WORDS_BETWEEN = 5  # "registrations in week 48: Leapmotor 17,200"
_CHINESE_BETWEEN = 3  # characters: 交付新车86215, 订单已超2万
_FEWEST = 100  # a bare number below this is too small to be read as a count
_MOST = 2e8  # more than any maker or market sells in a year: a larger one is money


@cache
def _counted_by() -> tuple[re.Pattern[str], dict[str, str]]:
    meaning = {w.lower(): unit for unit, words in DATA["counted_by"].items() for w in words}
    return re.compile(word_pattern(list(meaning)), re.IGNORECASE), meaning


def counted_by_context(text: str, start: int, end: int, value: float) -> tuple[str, str] | None:
    """What a number written with no unit counts (``start:end``, its scale included), and the
    word that says so: vehicles after a delivery, sales or registration word in its clause
    ("Aito deliveries hit 48,532 in Nov", 零跑汽车：11月交付86215), orders after an order word;
    only where the number ends its phrase (nothing, a stop or a linking word after it: not
    "300 dealers"). None otherwise."""
    if not _FEWEST <= value <= _MOST or not ends_a_phrase(text, end):
        return None
    pattern, meaning = _counted_by()
    found = _last(pattern, text, max(0, start - _WINDOW), start)
    if found is None:
        return None  # (most numbers: the clause is read only when a word is near)
    clause = clause_start(text, start, found.start(), colons=False)
    if conjunction := _last(_CLAUSE_WORDS, text, clause, start):
        clause = conjunction.end()
    if found.start() < clause:
        return None  # "BYD sales push as Seal priced at 179,800"
    if bound := bound_before(text, start):
        start = min(start, bound.edge)  # 交付量超4万: what is between is 量
    between = text[found.end() : start]
    if found.group().isascii():
        if len(between.split()) > _WORDS_BETWEEN:
            return None
    elif len(between.strip()) > _CHINESE_BETWEEN or _DIGIT.search(between):
        return None  # 每交付一辆新车亏损超10万: a loss, no count of deliveries
    return meaning[found.group().lower()], found.group()


_DESCRIBED = 3  # "3 crore cumulative domestic sales"


def counted_before_a_word(text: str, end: int) -> tuple[int, str] | None:
    """Where a scaled number's count ends and what it counts, where a word of `[counted_by]`
    follows it after at most three describing words ("3 crore cumulative domestic sales",
    "2 million deliveries"); None otherwise."""
    _, meaning = _counted_by()
    for count, word in enumerate(_NEXT_WORD.finditer(text, end)):
        if count > _DESCRIBED or word.start() != end:
            return None
        end = word.end()
        unit = meaning.get(word.group(1).lower())
        if unit is not None:
            return end, unit
    return None


def orders_counted(text: str, start: int) -> str | None:
    """The order word a count by a measure word follows in its clause (锁单破2万台, 大定突破3万台,
    小订8万台: the vehicles counted are orders), as written; None where it follows none."""
    pattern, meaning = _counted_by()
    found = _last(pattern, text, max(0, start - _WINDOW), start)
    if found is None or meaning[found.group().lower()] != "orders":
        return None
    if bound := bound_before(text, start):
        start = text.rfind(bound.words, 0, start)  # 锁单量已突破 24 万台: 量已 is between
    between = text[found.end() : start]
    if len(between.strip()) > _CHINESE_BETWEEN or _DIGIT.search(between):
        return None  # 小订可抵 3000 元, 锁单5万台 of 18 小时
    return found.group()


def ends_a_phrase(text: str, end: int) -> bool:
    """Whether nothing that a number could count follows it: the end, a stop, a linking word or
    a month ("48,532 in Nov", "86,215, Xpeng"), or 同比 (销量52108同比增长)."""
    rest = text[end : end + 16]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in _STOPS or stripped.startswith(_ENDS_PHRASE_CJK):
        return True
    word = _NEXT_WORD.match(rest)
    if word is None:
        return False  # "5th", "48,532km", a Chinese word
    lowered = word.group(1).lower()
    return lowered in LINKING_WORDS or lowered in _ENDS_PHRASE or lowered in _MONTHS
