"""Each item's evidence for clustering: terms, figures, models, makers, event, time, feed.

Terms are concepts (``knowledge/concepts.toml`` maps English and Chinese wording of one idea to
one term: 召回 = recall, 插混 = plug-in hybrid), makers, other stemmed words and CJK bigrams,
weighed by TF-IDF over the items clustered together (``_Corpus``). Terms only one feed uses (a
series name, a podcast's hosts, summary boilerplate) are dropped: they cannot show that two
outlets tell one story, and would make a feed's own items look alike.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from autonews.classify.knowledge import default_knowledge
from autonews.classify.lexicon import Lexicon, phrase_key, stem, stems_of, tokenize
from autonews.cluster.inputs import ClusterInput
from autonews.models import Event
from autonews.numbers import CJK_SCALES, NUMBER, SCALE_WORDS, number_value

_STOPWORD_LIST = (
    "a an the of in on at to for from by with and or as is are was were be been its it this "
    "that after over amid into than new says said will would could may can up out about more "
    "most has have had not no but also vs via per year years first its their his her before "
    "while"
).split()
# Compared with stems ("before" is "befor" by then), so the stems are listed too.
_STOPWORDS = frozenset(_STOPWORD_LIST) | frozenset(map(stem, _STOPWORD_LIST))
# A number and its scale or percent sign ("1.48万", "$2.2 billion", "13.5%").
_NUMBER = re.compile(
    rf"({NUMBER})\s?(%|percent\b|{CJK_SCALES}|(?:{SCALE_WORDS})\b)?", re.IGNORECASE
)
_CJK = re.compile("[\u3400-\ufaff]")

# Turns of a story that make the next report a new event: talks begin / talks called off, a
# recall / the recall expanded.
_TURNS = ("c:terminate", "c:expand", "c:cancel", "c:deny")
_SUMMARY_CHARS = 300  # the lead of a summary; the rest is background shared by many stories


class _Figure(NamedTuple):
    value: float
    percent: bool
    precision: float  # the unit of its last significant digit


@dataclass(slots=True)
class _Features:
    title: dict[str, float]  # unit-length TF-IDF vector of the title's terms
    text: dict[str, float]  # the same over the title and the summary's start
    # Concepts and names only, unit length: what both languages can say, for pairs across them.
    title_bridge: dict[str, float]
    text_bridge: dict[str, float]
    rare: frozenset[str]  # terms few items use: names, places, parts ("tavares", "halfshaft")
    turns: frozenset[str]
    cjk: bool  # the title is (mostly) Chinese
    makers: frozenset[str]
    groups: frozenset[str]
    event: Event | None  # None when the classifier found no type (Event.OTHER)
    models: frozenset[tuple[str, str]]  # (group, model)
    title_percents: frozenset[_Figure]
    title_money: frozenset[tuple[str, _Figure]]  # (currency, amount) the classifier found
    numbers: frozenset[_Figure]  # in the title and the summary's start
    units: frozenset[_Figure]  # unit counts the classifier found (recalled, sold...)
    stamp: float  # publication time, POSIX seconds
    source: str


@lru_cache(maxsize=1)
def _concepts() -> Lexicon[str]:
    lexicon: Lexicon[str] = Lexicon()
    resource = resources.files("autonews.knowledge").joinpath("concepts.toml")
    if not resource.is_file():
        return lexicon
    for concept in tomllib.loads(resource.read_text("utf-8")).get("concept", []):
        for term in concept.get("terms", []):
            lexicon.add(phrase_key(str(term), stem), "c:" + str(concept["id"]))
    return lexicon


def _terms(words: list[str]) -> list[str]:
    """Concepts, other stemmed words and CJK bigrams of a text's normalised words."""
    stems = stems_of(words)
    covered: set[int] = set()
    terms: list[str] = []
    for start, end, payloads in _concepts().scan(stems):
        terms.append(payloads[0])
        covered.update(range(start, end))
    previous_cjk = ""
    for index, word in enumerate(words):
        if index in covered:
            previous_cjk = ""
            continue
        if "\u3400" <= word[0] <= "\ufaff":
            if previous_cjk:
                terms.append(previous_cjk + word)
            previous_cjk = word
            continue
        previous_cjk = ""
        # Numbers are compared as figures, not as words ("116,000" is not "000").
        if stems[index] not in _STOPWORDS and len(word) > 1 and not word.isdigit():
            terms.append(stems[index])
    return terms


def _numbers(text: str) -> frozenset[_Figure]:
    found: set[_Figure] = set()
    for match in _NUMBER.finditer(text):
        digits, unit = match.group(1), (match.group(2) or "").lower()
        percent = unit in ("%", "percent")
        value = number_value(digits, None if percent else unit)
        if not unit and (
            value < 10 or ("," not in digits and "." not in digits and 1800 <= value <= 2100)
        ):
            continue  # small counts, versions (AI OS 6.0) and years say little about identity
        found.add(_figure(value, percent))
    return frozenset(found)


def _models(item: ClusterInput, title_words: list[str]) -> frozenset[tuple[str, str]]:
    """(group, model) for models of the item's makers' groups named in its title, without
    brand words: "mega" in "Li Auto MEGA" and in "理想MEGA"; "bolt" in "Chevy Bolt" and
    "通用扩大Bolt召回"."""
    groups = {maker.group for maker in item.classification.makers}
    if not groups:
        return frozenset()  # no maker, no model of one to look for
    found: set[tuple[str, str]] = set()
    for match in default_knowledge().bare_models.find(title_words):
        found.update((group, name) for group, name in match.payloads if group in groups)
    return frozenset(found)


def _bridges(term: str) -> bool:
    """Whether both languages can say ``term``: concepts, makers, and Latin codes and short
    names a Chinese title can contain too (su7, l60, gm, 4xe)."""
    if term.startswith(("c:", "m:")):
        return True
    return term.isascii() and (len(term) <= 3 or any(ch.isdigit() for ch in term))


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.hypot(*vector.values()) or 1.0
    return {term: value / norm for term, value in vector.items()}


def _bridge(vector: dict[str, float], bridging: frozenset[str]) -> dict[str, float]:
    # Across languages the cosine is taken over what both can say, or CJK bigrams and English
    # stems would dilute it.
    return _unit({t: v for t, v in vector.items() if t in bridging})


@dataclass(frozen=True)
class _Corpus:
    """Document frequencies of the items clustered together: what is rare among them."""

    idf: Mapping[str, float]
    rare: frozenset[str]
    bridging: frozenset[str]  # the terms both languages can say

    @classmethod
    def of(cls, df: Mapping[str, int], total: int) -> _Corpus:
        # A name a handful of outlets use is rare; in a big window "a handful" grows with it.
        # Makers are not: two items of one maker are weighed by their other evidence.
        rare_df = max(4, total // 100)
        return cls(
            {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in df.items()},
            frozenset(t for t, count in df.items() if count <= rare_df and not t.startswith("m:")),
            frozenset(filter(_bridges, df)),
        )


def _features(
    item: ClusterInput,
    title_words: list[str],
    title_terms: list[str],
    summary_terms: list[str],
    corpus: _Corpus,
    bilingual: bool,
) -> _Features:
    title_counts = Counter(title_terms)
    text_counts = title_counts.copy()
    text_counts.update(summary_terms)
    idf = corpus.idf
    title = _unit({t: n * idf[t] for t, n in title_counts.items()})
    text = _unit({t: n * idf[t] for t, n in text_counts.items()})
    c = item.classification
    title_numbers = _numbers(item.title)
    units = (f.value for f in c.figures if f.kind == "units" and f.value)
    money = frozenset(
        (f.unit, _figure(f.value)) for f in c.figures if f.kind == "money" and f.value and f.unit
    )
    return _Features(
        title=title,
        text=text,
        # Only pairs across languages use them.
        title_bridge=_bridge(title, corpus.bridging) if bilingual else title,
        text_bridge=_bridge(text, corpus.bridging) if bilingual else text,
        rare=corpus.rare.intersection(text_counts),
        turns=frozenset(t for t in _TURNS if t in text_counts),
        cjk=_is_cjk(item.title),
        makers=frozenset(m.name for m in c.makers),
        groups=frozenset(m.group for m in c.makers),
        event=None if c.event is Event.OTHER else c.event,
        models=_models(item, title_words),
        title_percents=frozenset(f for f in title_numbers if f.percent),
        title_money=money,
        numbers=title_numbers | _numbers(_lead(item.summary)),
        units=frozenset(_figure(value) for value in units),
        stamp=item.published.timestamp(),
        source=item.source,
    )


def _is_cjk(title: str) -> bool:
    return _CJK.search(title) is not None


def _precision(value: float) -> float:
    """The unit of a figure's last significant digit: 116,887 -> 1, 110,000 -> 10,000,
    1.17万 (11,700) -> 100, 13.5 (%) -> 0.1."""
    value = abs(value)
    whole = round(value)
    if whole and abs(value - whole) < 1e-6:
        unit = 1
        while whole % (unit * 10) == 0:
            unit *= 10
        return float(unit)
    for places in range(1, 7):
        scaled = value * 10**places
        if abs(scaled - round(scaled)) < 1e-6:
            return 10.0**-places
    return 1e-6


def _figure(value: float, percent: bool = False) -> _Figure:
    return _Figure(value, percent, _precision(value))


def features_of(items: Sequence[ClusterInput]) -> list[_Features]:
    """Each item's evidence, in the order given, with term rarity measured over all of them."""
    title_words = [tokenize(item.title).norms for item in items]
    # Makers as the classifier named them, whatever the script: 特斯拉 and Tesla are one term.
    title_terms = [
        _terms(words) + ["m:" + maker.name for maker in item.classification.makers]
        for item, words in zip(items, title_words, strict=True)
    ]
    summary_terms = [_terms(tokenize(_lead(item.summary)).norms) for item in items]
    parochial = _parochial(items, title_terms, summary_terms)
    if parochial:
        title_terms = [[t for t in terms if t not in parochial] for terms in title_terms]
        summary_terms = [[t for t in terms if t not in parochial] for terms in summary_terms]
    df: Counter[str] = Counter()
    for title, summary in zip(title_terms, summary_terms, strict=True):
        df.update(set(title) | set(summary))
    corpus = _Corpus.of(df, len(items))
    scripts = {_is_cjk(item.title) for item in items}
    return [
        _features(item, words, title, summary, corpus, len(scripts) == 2)
        for item, words, title, summary in zip(
            items, title_words, title_terms, summary_terms, strict=True
        )
    ]


_ADDRESS = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
# What blog software appends to every summary: WordPress's "The post <title> appeared first on
# <site>.", "Continue reading", "Read more", "[…]".
_TRAILER = re.compile(
    r"The post .{0,400}? appeared first on .*|(?:Continue reading|Read more|\[(?:…|\.\.\.)\]).*",
    re.IGNORECASE | re.DOTALL,
)


def _lead(summary: str) -> str:
    """The start of a summary without web addresses and blog trailers: "https", "com" and
    "appeared first on" are no evidence that two items tell one event."""
    lead = summary[: _SUMMARY_CHARS * 2]
    lowered = lead.lower()
    if "http" in lowered or "www." in lowered:
        lead = _ADDRESS.sub(" ", lead)
    if "appeared first on" in lowered or "read" in lowered or "[" in lead:
        lead = _TRAILER.sub(" ", lead)
    return lead[:_SUMMARY_CHARS]


def _parochial(
    items: Sequence[ClusterInput], title_terms: list[list[str]], summary_terms: list[list[str]]
) -> frozenset[str]:
    """Terms several items use but only one feed: a blog's series name, a podcast's hosts, the
    boilerplate of a feed's summaries. No other outlet tells a story with them, so they are no
    evidence that two items tell one, and two items of one series would look alike by them."""
    feed_of: dict[str, str | None] = {}
    used: Counter[str] = Counter()
    for item, title, summary in zip(items, title_terms, summary_terms, strict=True):
        for term in set(title).union(summary):
            used[term] += 1
            known = feed_of.setdefault(term, item.source)
            if known is not None and known != item.source:
                feed_of[term] = None  # two feeds use it
    return frozenset(t for t, feed in feed_of.items() if feed and used[t] > 1)
