"""What a count counts: the words after a number ("14,768 [Made-in-China XC70s]", "2,900 [jobs]",
"14,768 [Bronco Sport and Escape SUVs]") and the unit they come to, in one vocabulary
(``knowledge/figures.toml``): vehicles, models, jobs, parts, else the word counted.

The makers and models the classifier found in the headline are known by where they are
(``Names``): a number inside one is the name's ("Ram 1500 pickups"), and a count of them counts
vehicles ("227,000 Explorers", "145,235 Ioniq 5, Ioniq 6 and Genesis EVs")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from autonews.classify.figure_words import (
    CJK_JOBS,
    CJK_OTHERS,
    CJK_PART_MEASURES,
    CJK_PARTS,
    CJK_VEHICLES,
    KINDS,
    MEASURES,
    PEOPLE,
    RANKS,
    THROUGH,
    UNIT_OF,
    about_jobs,
)

Span = tuple[int, int]


class Names:
    """Where the text names models, read only when a number needs it (most headlines with a
    number name no model, or need no look)."""

    __slots__ = ("_ends", "_read", "_starts")

    def __init__(self, read: Callable[[], Sequence[Span]]) -> None:
        self._read = read
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def at(self, position: int) -> bool:
        """Whether the character at ``position`` is in a maker's or model's name."""
        starts = self._starts
        if starts is None:  # read once, in text order: a number asks of each word after it
            spans = sorted(self._read())
            starts = self._starts = [start for start, _ in spans]
            self._ends = [end for _, end in spans]
        index = bisect_right(starts, position) - 1
        return index >= 0 and position < self._ends[index]


NO_NAMES = Names(tuple)

# XC70s, EV9s; bZ4X, iX3 (a lower-case letter first, a capital after it)
_MODEL_CODE = re.compile(r"(?:[A-Z]{1,4}|[a-z][A-Z]|[a-z]{1,2}(?=\d+[A-Z]))\d+\w*s?$")
# "14,768 Broncos", but not "Model 4 Gets", "iPhone 5 Launches": a capitalised plural counts only
# after a number too large to be part of a name.
_CAPITALISED_PLURAL = re.compile(r"[A-Z][a-z]+\d*s$")
_EDGE_PUNCTUATION = ",.;:!?)\"'”’"
LINKING_WORDS = frozenset(
    "of in to for by over from with without after as and at on than up into under per via amid "
    "is are was were will".split()
)
_LIST_WORDS = frozenset(("and", "&"))  # "Bronco Sport and Escape SUVs": one list of models
_DESCRIBING_WORDS = 3  # "14,768 Made-in-China Plug-in XC70s"
_WINDOW = 100  # characters read after a number: a list of models is longer than a noun phrase
_WORD = re.compile(r"\S+")
# A number written as a count of its own, with thousands separators ("664,969"): what follows is
# its count, not the number's before it ("1.2 Million 1500 Pickups": 1500 is the model's).
_ANOTHER_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+\b")
_NAME_NUMBER = re.compile(r"\d{1,4}$")  # "Silverado [1500]": a name's number goes on the name
_HYPHENED = re.compile(r"-([A-Za-z]+)(?![\w-])")
# The vocabulary's singular nouns ("car", "bus", "job"): one may describe the noun after it.
# A German plural is a listed singular and an ending ("Stellen", "Fahrzeuge"), no singular.
_SINGULAR = frozenset(
    noun
    for noun in UNIT_OF
    if (noun + "s" in UNIT_OF or noun + "es" in UNIT_OF or noun[-1] != "s")
    and not any(noun != other and noun.startswith(other) for other in UNIT_OF)
)


def counted_after(
    text: str, after: int, large: bool = True, names: Names = NO_NAMES
) -> tuple[int, str] | None:
    """Where the words a number counts end, and their unit: up to three describing words or a
    list of the makers and models the headline names, then a unit noun, a model's name or
    code, or (after a number too large for a name) a capitalised plural. None when the number
    counts nothing said, or measures ("85 kWh battery")."""
    if text[after : after + 1] == "-":
        return _hyphened(text, after, large)
    if not text[after : after + 1].isspace():
        return None
    words = _WORD.finditer(text, after, after + _WINDOW)  # read as far as needed, no further
    following = next(words, None)
    first = following.group().rstrip(_EDGE_PUNCTUATION).lower() if following else ""
    if first in MEASURES or first in RANKS or following is None:
        return None  # "85 kWh battery" measures, "10 best sports cars" ranks: no count
    named_end = 0  # the end of the last name since the number
    # A name in the plural is what is counted ("48,000 Toyota Tacomas May Lose…"); one in the
    # singular may describe it ("112,000 Chevrolet Cruze compact cars"). A name written as a
    # code or in the plural ("SU7", "50 Cybertrucks") is counted even by a small number; a
    # brand's name after one is not ("Top 10 Tesla Facts").
    named_plural = named_countable = False
    describing = 0
    while following is not None:
        match, following = following, next(words, None)
        raw = match.group()
        word = raw.rstrip(_EDGE_PUNCTUATION)
        lowered = word.lower()
        end = match.start() + len(word)
        if names.at(match.start()) or (named_end == match.start() - 1 and _NAME_NUMBER.match(word)):
            named_end = end
            named_plural = bool(_CAPITALISED_PLURAL.match(word) or word[-2:-1].isdigit())
            named_countable = named_plural or bool(_MODEL_CODE.match(word))
            continue  # "Bronco Sport", "Ioniq 5," of a list of models, "Genesis", "Silverado 1500"
        if word == "Model" and raw == word and following and following.group()[:1].isalnum():
            # "4,000 Model Ys" of a model not known: a model of that name, not "models".
            return _word_end(following), "vehicles"
        unit = UNIT_OF.get(lowered)
        kind = _kind_after(word, raw, following) if unit is not None else None
        if kind is not None:  # "130 auto parts categories" counts categories
            return kind
        if unit is not None:
            head = _head(lowered, raw == word, following, large)
            if head is _GOES_ON:
                describing += 1
                continue
            if head is not None:
                return head if head[0] else None
            if unit == "parts" and not large:
                return None  # "7 seats", "Level 2 Chargers": a specification
            return end, "vehicles" if unit == "models" and named_end else unit
        if lowered in PEOPLE:  # "lay off 1,000 people"; "3 people hurt" counts no jobs
            return (end, "jobs") if about_jobs(text) else None
        if named_end:
            if lowered in _LIST_WORDS or not word:
                continue
            if named_plural or word[:1].isdigit() or lowered in LINKING_WORDS:
                break  # "91,000 Jeeps recalled over…": the names were what is counted
            if word[:1].islower() and word.endswith("s"):
                return None  # "2,000 Cybertruck panels": a count of something else
        if _MODEL_CODE.match(word):
            return end, "vehicles"  # a model's code: "12,400 bZ4X"
        if large and _CAPITALISED_PLURAL.match(word) and not _unit_next(word, raw, following):
            return end, lowered  # "35,000 Layoffs": the word ("Sports Car" goes on)
        describing += 1
        if word != raw or lowered in LINKING_WORDS or describing > _DESCRIBING_WORDS:
            break  # the phrase ended before a unit
        if _ANOTHER_COUNT.match(word):
            break  # another number's count: "5 carmakers sell 664,969 vehicles" (trial 55)
    # A count of the names ("227,000 Explorers", "1.7 Million CR-V, Civic, Accord").
    return (named_end, "vehicles") if named_end and (large or named_countable) else None


def _hyphened(text: str, after: int, large: bool) -> tuple[int, str] | None:
    """A count joined to its noun: "14.8K-Vehicle Recall", "2,500-truck order"; a small number
    so joined is a specification ("7-seat SUV", "3-row")."""
    hyphened = _HYPHENED.match(text, after)
    unit = UNIT_OF.get(hyphened.group(1).lower()) if hyphened and large else None
    return (hyphened.end(), unit) if hyphened and unit else None


_GOES_ON = (-1, "")


def _head(
    noun: str, bare: bool, following: re.Match[str] | None, large: bool
) -> tuple[int, str] | None:
    """For a singular unit noun followed by another word: the end and unit of a noun counted
    through it ("2 million vehicle deliveries", "2,900 job cuts"); (0, "") for a noun of none
    of the units ("800,000 EV drivers"); ``_GOES_ON`` when the phrase goes on to what is
    counted ("airbag inflators", "EV Charging Cables"). None: the noun itself is counted."""
    if not (bare and following and noun in _SINGULAR):
        return None
    after = following.group().rstrip(_EDGE_PUNCTUATION)
    lowered = after.lower()
    if lowered in THROUGH:  # "1 in 3 EV orders" counts no vehicles; "50 job cuts" are jobs
        unit = UNIT_OF[noun]
        return (_word_end(following), unit) if large or unit == "jobs" else (0, "")
    if not after.isalpha() or lowered in LINKING_WORDS:
        return None
    if after.islower() and after.endswith("s") and lowered not in UNIT_OF:
        return 0, ""
    return _GOES_ON


def _kind_after(word: str, raw: str, following: re.Match[str] | None) -> tuple[int, str] | None:
    """The end and noun of a word of ``KINDS`` right after a unit noun, which it counts
    instead ("auto parts categories", "car parts makers"); None if there is none."""
    if word != raw or following is None:
        return None
    noun = following.group().rstrip(_EDGE_PUNCTUATION)
    return (_word_end(following), noun.lower()) if noun.lower() in KINDS else None


def _unit_next(word: str, raw: str, following: re.Match[str] | None) -> bool:
    """Whether a unit noun comes right after ``word``, which then describes it."""
    return (
        word == raw
        and following is not None
        and following.group().rstrip(_EDGE_PUNCTUATION).lower() in UNIT_OF
    )


def _word_end(match: re.Match[str]) -> int:
    return match.start() + len(match.group().rstrip(_EDGE_PUNCTUATION))


def cjk_counted(text: str, after: int) -> tuple[int, str] | None:
    """What a number counts in Chinese: 辆 and 台 vehicles (台 before a part: the part), 个岗位
    and 名员工 jobs, 人 jobs in a headline about jobs (裁员1.3万人)."""
    if text[after : after + 1] == " ":
        after += 1
    measure = text[after : after + 1]
    if measure in CJK_PART_MEASURES:
        for part in CJK_PARTS:  # 5万台发动机: engines, no cars
            if text.startswith(part, after + 1):
                return after + 1 + len(part), "parts"
    if measure in CJK_VEHICLES:
        if measure == "台" and (
            text[after + 1 : after + 2] in ("湾", "灣") or text.startswith(CJK_OTHERS, after + 1)
        ):
            return None  # 台湾 (Taiwan: "领克08台湾上市"); 250万台充电桩 are chargers
        return after + 1, "vehicles"
    if measure in PEOPLE:
        return (after + 1, "jobs") if about_jobs(text) else None
    for word in CJK_JOBS:
        if text.startswith(word, after):
            return after + len(word), "jobs"
    return None
