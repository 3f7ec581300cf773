"""The vocabulary of figures, from ``knowledge/figures.toml``: the nouns a count's unit is read
from ("cars" and "SUVs" count vehicles, "jobs" and "workers" jobs, "inflators" parts), the
Chinese measure words, the words that make people jobs, the words that make ¥ yen, and the
dates whose numbers are no figures."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


def _load() -> dict[str, Any]:
    data = resources.files("autonews.knowledge").joinpath("figures.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


DATA = _load()  # also read by figure_context
_DATA = DATA


def _by_noun(table: dict[str, list[str]]) -> dict[str, str]:
    return {noun.lower(): unit for unit, nouns in table.items() for noun in nouns}


# "cars" -> vehicles, "jobs" -> jobs: a count's unit by its noun, in lower case.
UNIT_OF = _by_noun(_DATA["units"])
# Nouns after a singular unit noun that count what it counts ("vehicle deliveries", "job cuts").
THROUGH = frozenset(_DATA["through"]["nouns"])
# Nouns after a unit noun that count kinds or makers of it ("130 auto parts categories").
KINDS = frozenset(_DATA["kinds"]["nouns"])
# Words after a number that make it a measure, no count ("85 kWh battery").
MEASURES = frozenset(_DATA["measures"]["words"])
# Words after a number that make it a rank in a list, no count ("10 best sports cars").
RANKS = frozenset(_DATA["ranks"]["words"])

_CHINESE = _DATA["chinese"]
CJK_VEHICLES = frozenset(_CHINESE["vehicles"])
CJK_JOBS = tuple(_CHINESE["jobs"])
CJK_PARTS = tuple(_CHINESE["parts"])
CJK_PART_MEASURES = frozenset(_CHINESE["part_measures"])
CJK_OTHERS = tuple(_CHINESE["others"])

PEOPLE = frozenset(_DATA["people"]["nouns"])


# The words a number after names a law's part or a vehicle's class with ("Section 232", "Class 8").
_NAMING_WORDS = [*_DATA["laws"]["words"], *_DATA["laws"]["classes"]]


def _alternation(words: Iterable[str]) -> str:
    """Words as one alternation, the longest first; a word of letters is one as a whole."""
    return "|".join(
        rf"\b{re.escape(word)}" if word[0].isalpha() else re.escape(word)
        for word in sorted(words, key=len, reverse=True)
    )


# A weight class is a word of its own ("world-class", "E-Class" and "S-Class" are no class) and
# its number one or two digits with no separator (Class 1 to 8): "E-Class 3,000 units" and
# "world-class 1,500-job plant" keep their counts (review 39).
_CLASS_WORD = rf"(?<![\w-])(?:{_alternation(_DATA['laws']['classes'])})"
_CLASS_NUMBER = r"\d{1,2}(?!\d|[,.]\d)"

# A number right after a law's part ("Section 232", "§ 45") or a vehicle's class ("Class 8"),
# read as the law's or the class's, no figure: the number is group 1 (also read by
# autonews.cluster.law_numbers).
LAW_NUMBER = re.compile(
    rf"(?:(?:{_alternation(_DATA['laws']['words'])})\s*|{_CLASS_WORD}\s*(?={_CLASS_NUMBER}))(\d+)",
    re.IGNORECASE,
)
_LAW_WORD_BEFORE = re.compile(rf"(?:{_alternation(_DATA['laws']['words'])})\s*$", re.IGNORECASE)
_CLASS_WORD_BEFORE = re.compile(rf"{_CLASS_WORD}\s*$", re.IGNORECASE)
_CLASS_NUMBER_AT = re.compile(_CLASS_NUMBER)


# What the patterns before a number need, cheap to look for: the text before the number, spaces
# left off, ends with a law's or a class's word (asked of every number: the pattern tries each of
# the 12 characters).
_LAW_ENDINGS = tuple(str(word).casefold() for word in _NAMING_WORDS)
_LAW_WINDOW = 12


def after_a_law_word(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a law's part's ("Section 232") or a vehicle class's
    ("Class 8"): no figure."""
    begin = max(0, start - _LAW_WINDOW)
    if not text[begin:start].rstrip().casefold().endswith(_LAW_ENDINGS):
        return False
    return named_by_a_law_word(text, begin, start)


def named_by_a_law_word(text: str, begin: int, start: int) -> bool:
    """The patterns :func:`after_a_law_word` checks cheaply first: a law's word in
    ``text[begin:start]`` right before the number at ``start``, or a class's word and a class's
    number."""
    if _LAW_WORD_BEFORE.search(text, begin, start) is not None:
        return True
    return (
        _CLASS_WORD_BEFORE.search(text, begin, start) is not None
        and _CLASS_NUMBER_AT.match(text, start) is not None
    )


def about_jobs(text: str) -> bool:
    """Whether a headline is about jobs, so that the people it counts are jobs ("lay off 1,000
    people", 裁员1.3万人): asked only of a count of people."""
    english, chinese = _patterns("people", "english", "chinese")
    return bool(english.search(text) or chinese.search(text))


@cache
def _patterns(table: str, words: str, more: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two lists of a table as patterns, made when first asked (a ¥ or a count of people is
    rare: the import does not pay for them). English words match as words in any case."""
    listed = _DATA[table]
    english = re.compile(r"\b(?:" + "|".join(listed[words]) + r")\b", re.IGNORECASE)
    other = "|".join(listed[more])
    return english, re.compile(rf"\b(?:{other})\b" if other.isascii() else other, re.IGNORECASE)


_KANA = re.compile("[\u3040-\u30ff]")
_HAN = re.compile("[\u3400-\u9fff]")


def yen_sign_is_yen(text: str, countries: frozenset[str]) -> bool:
    """Whether a ¥ in ``text`` is the yen (else the yuan): Japanese kana say yen, Chinese
    characters yuan; in other text the words that place the sum decide ("Tokyo", "yen" against
    "China", "yuan"), and without them or with both, the makers named (a Japanese one and no
    Chinese one: yen). Yuan by default: most ¥ in the car press are yuan."""
    if _KANA.search(text):
        return True
    if _HAN.search(text):
        return False
    japan_words, china_words = _patterns("yen", "japan", "china")
    japan = bool(japan_words.search(text)) or _tokyo_listed(text)
    china = bool(china_words.search(text))
    if japan != china:
        return japan
    return "JP" in countries and "CN" not in countries


def _tokyo_listed(text: str) -> bool:
    """Whether ``text`` gives a Tokyo listing's code ("(8306.T)", "TYO:7203"); a cheap look
    for the suffix's or the prefix's characters first."""
    if not any(mark in text for mark in _TICKER_MARKS):
        return False
    return _TOKYO_TICKER.search(text) is not None


_TICKERS = _DATA["yen"]
_TICKER_MARKS = tuple(_TICKERS["japan_ticker_suffixes"] + _TICKERS["japan_ticker_prefixes"])
_TOKYO_TICKER = re.compile(
    r"\b\d{3}[\dA-Z](?:"
    + "|".join(re.escape(s) for s in _TICKERS["japan_ticker_suffixes"])
    + r")\b|(?:"
    + "|".join(re.escape(p) for p in _TICKERS["japan_ticker_prefixes"])
    + r")\s?\d{3}[\dA-Z]\b"
)


_DATES = _DATA["dates"]
_MONTHS = "|".join(sorted(_DATES["months"], key=len, reverse=True))  # "March" before "Mar"
_WEEKS = "|".join(sorted(map(re.escape, _DATES["weeks"]), key=len, reverse=True))
_LATIN_WEEKS = "|".join(w for w in _DATES["weeks"] if w.isascii())
_TO = r"\s?[-–—~～至到]\s?"
_FREE = r"(?<![\d.,/:])"  # a date's first digit starts a number
_DATE = re.compile(
    # Chinese: 2026年12月5日, IT之家's "12 月 5 日", 1-11月, 5日 (not 30日内, a time span, nor
    # 50日元, yen), 第48周
    rf"{_FREE}(?:\d{{4}}\s?年\s?)?(?:\d{{1,2}}{_TO})?\d{{1,2}}\s?月(?:\s?\d{{1,2}}\s?[日号號])?"
    rf"|{_FREE}\d{{1,2}}\s?日(?![内內元圓圆])|第\s?\d{{1,2}}\s?[周週]|\b(?:{_LATIN_WEEKS})\.?\s?\d{{1,2}}\b"
    # numeric: 2026-12-07, 2026/12/7; 12/5 and 12/5/2026 (checked: a day and a month); 08:40
    rf"|{_FREE}\d{{4}}([-/.])\d{{1,2}}\1\d{{1,2}}(?!\d)"
    rf"|{_FREE}(?P<slashed>\d{{1,2}}/\d{{1,2}})(?:/\d{{2,4}})?(?![\d/%])"
    rf"|{_FREE}\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d)"
    # a week's days, after its name or in parentheses: 第48周（11.24-11.30）, not a price range
    # (11.28-12.18万元)
    rf"|(?:(?:{_WEEKS})\s?[（(:：]?\s?|[（(]\s?)"
    rf"(?P<days>\d{{1,2}}\.\d{{1,2}}{_TO}\d{{1,2}}\.\d{{1,2}})(?![\d万萬亿億元%])(?!\s[万萬亿億元])"
    # English: Dec 5, December 5th, 2026; 5 Dec, 5th of December 2026 (not May 15,000)
    rf"|\b(?:{_MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]\d)(?:,?\s\d{{4}}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?(?:{_MONTHS})\b\.?(?:\s\d{{4}}\b)?"
)
_DAYS = re.compile(r"\d+")


# Where a date may start (see _DATE's branches): a run of digits (a date's first digit follows
# no digit), 第, a parenthesis or a week's name before a week's days, a month's name. _DATE,
# ten branches with optional groups, is tried only there: tried at every character, it cost
# 300,000 instructions a title.
_DATE_FIRSTS = {word[0] for word in (*_DATES["months"], *_DATES["weeks"])} | set("第（(")
_DATE_START = re.compile(r"\d\d*|[" + re.escape("".join(sorted(_DATE_FIRSTS))) + "]")


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes dates and times, in order: the numbers in them are no figures.
    (What ``_DATE.finditer`` finds, looked for where one may start.)"""
    spans = []
    at = 0
    while (start := _DATE_START.search(text, at)) is not None:
        match = _DATE.match(text, start.start())
        if match is None:
            at = start.end()  # (inside a run of digits, no date starts either)
            continue
        at = match.end()
        told = match.group("slashed") or match.group("days")
        if told and not _day_and_month(told):
            continue  # "24/7", a price range of two decimals
        spans.append(match.span())
    return spans


def _day_and_month(told: str) -> bool:
    """Whether numbers written as a date ("12/5", "11.24-11.30") can be one: each pair a month
    and a day, in either order."""
    numbers = [int(n) for n in _DAYS.findall(told)]
    pairs = zip(numbers[::2], numbers[1::2], strict=True)
    return all(0 < min(a, b) <= 12 and max(a, b) <= 31 for a, b in pairs)


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def word_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a trie ("超(?:过)?", not "超过|超"): the engine follows
    one branch a character, where a flat alternation of a hundred words tries each in turn at
    every position (a tenth of the time on a headline). English words match as whole words."""
    english = [w for w in words if w.isascii()]
    other = [w for w in words if not w.isascii()]
    parts = []
    if english:
        parts.append(rf"(?<![A-Za-z])(?:{_trie(english)})(?![A-Za-z])")
    if other:
        parts.append(_trie(other))
    return "|".join(parts)


def _trie(words: Iterable[str]) -> str:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(root)


def _branches(node: dict[str, Any]) -> str:
    """The regex of a trie node: its branches, the longest first, then an end of a word."""
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here, and longer ones go on: the longest is tried first
        return f"(?:{body})?"
    return body
