"""Items to stories: the same real-world event from several outlets becomes one story.

Identical links (after normalisation) always merge, as do a feed's re-posts (same title and
summary). Otherwise two items within the time window are compared on evidence that survives
rewording and translation:

- text: TF-IDF cosines over concepts (``knowledge/concepts.toml`` maps English and Chinese wording
  of one idea to one term: 召回 = recall, 插混 = plug-in hybrid), makers, other stemmed words and
  CJK bigrams, of the titles and of title plus summary; and the rare terms both use (names,
  places, parts);
- figures: a shared unit count, amount or percentage ("14,768" = "1.48万" = "nearly 15,000"),
  and sums of one currency that differ ($1.1 billion and $2.2 billion: two funding rounds);
- models: a shared model name (SU7, XC70, Model Y);
- event type from the classifier, turns of a story (talks begin / talks end), time apart;
- the feed: one outlet seldom tells one event twice. Terms only one feed uses (a series name,
  a podcast's hosts, summary boilerplate) are dropped: they cannot show that two outlets tell
  one story, and would make a feed's own items look alike.

A logistic model weighs that evidence (``knowledge/cluster_model.toml``, fitted on labelled
events by ``benchmarks/cluster_fit.py``), and pairs are merged best first; two stories of
several items merge only if their members are alike on average (the model's cohesion), so
that single links do not chain one topic's events into one story. Different makers, different
unit counts or different models of one maker rule a merge out, whatever the score: those are
different events even when worded alike. Candidates come from an inverted index, so the cost
follows the overlaps, not the square of the item count.
"""

from __future__ import annotations

import math
import operator
import re
import tomllib
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import NamedTuple
from urllib.parse import urlsplit

from autonews.classify.knowledge import default_knowledge
from autonews.classify.lexicon import Lexicon, phrase_key, stem, stems_of, tokenize
from autonews.models import Classification, Event
from autonews.urls import normalize_url

_STOPWORD_LIST = (
    "a an the of in on at to for from by with and or as is are was were be been its it this "
    "that after over amid into than new says said will would could may can up out about more "
    "most has have had not no but also vs via per year years first its their his her before "
    "while"
).split()
# Compared with stems ("before" is "befor" by then), so the stems are listed too.
_STOPWORDS = frozenset(_STOPWORD_LIST) | frozenset(map(stem, _STOPWORD_LIST))
_NUMBER = re.compile(
    r"(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(万|亿|%|percent\b|million\b|billion\b|trillion\b|bn\b|m\b|k\b)?",
    re.IGNORECASE,
)
_CJK = re.compile("[\u3400-\ufaff]")
_SCALE = {
    "万": 1e4,
    "亿": 1e8,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
    "k": 1e3,
}
# A round figure stands for anything within most of its last digit's unit (never more than a
# tenth of it), plus a little for conversions: "1.48万" is 14,768.
_ROUNDING = 0.75
_MAX_ROUNDING = 0.1
_SLACK = 0.005


@dataclass(frozen=True)
class ClusterInput:
    key: int
    title: str
    summary: str
    link: str | None
    published: datetime
    classification: Classification
    source: str = ""  # the feed it came from; "" when unknown


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
        value = float(digits.replace(",", ""))
        percent = unit in ("%", "percent")
        if not percent:
            value *= _SCALE.get(unit, 1.0)
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


def _same_model(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """ "su7" and "su7 ultra", "qin plus" and "plus" (秦PLUS) may be one model told shorter;
    "model y" and "model 3" are not."""
    return any(ga == gb and _one_name(x, y) for ga, x in a for gb, y in b)


def _one_name(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    return short == long or long.startswith(short + " ") or long.endswith(" " + short)


@lru_cache(maxsize=4096)  # few distinct sets of models; checked for every pair joined
def _other_models(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Both name models of one group and none of them match: SU7 and YU7 launches are two
    stories, but "Xiaomi SU7 undercuts Tesla Model 3" is not a Tesla story."""
    shared = {g for g, _ in a} & {g for g, _ in b}
    return any(
        not _same_model(frozenset(m for m in a if m[0] == g), frozenset(m for m in b if m[0] == g))
        for g in shared
    )


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


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    total = 0.0
    for term in a.keys() & b.keys():  # the set intersection runs in C: the hot loop of cluster()
        total += a[term] * b[term]
    return total


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


def _close(a: _Figure, b: _Figure) -> bool:
    """One figure, told as precisely as each outlet chose: "over 110,000" is 116,887 and
    "nearly 15,000" is 14,768, but 11,688 and 11,383 are two recalls."""
    rounder = a if a.precision >= b.precision else b
    tolerance = min(_ROUNDING * rounder.precision, _MAX_ROUNDING * abs(rounder.value))
    return abs(a.value - b.value) <= tolerance + _SLACK * max(abs(a.value), abs(b.value))


def _shared(a: frozenset[_Figure], b: frozenset[_Figure]) -> bool:
    return any(x.percent == y.percent and _close(x, y) for x in a for y in b)


def _conflict(a: _Features, b: _Features) -> bool:
    """Evidence that two items are different events, however alike their words."""
    if a.makers and b.makers and not a.makers & b.makers and not a.groups & b.groups:
        return True
    if a.units and b.units and not any(_close(x, y) for x in a.units for y in b.units):
        return True  # different recalls, different sales months
    if a.models and b.models and _other_models(a.models, b.models):
        return True
    return bool(
        a.title_percents
        and b.title_percents
        and not any(_close(x, y) for x in a.title_percents for y in b.title_percents)
    )


# Turns of a story that make the next report a new event: talks begin / talks called off, a
# recall / the recall expanded.
_TURNS = ("c:terminate", "c:expand", "c:cancel", "c:deny")
_SUMMARY_CHARS = 300  # the lead of a summary; the rest is background shared by many stories
_RARE_CAP = 4
_HOURS_72 = 72 * 3600.0

# The evidence a pair of items is weighed on; the weights are data (knowledge/cluster_model.toml)
# fitted by benchmarks/cluster_fit.py, so they are changed by measurement, not by hand.
PAIR_FEATURES = (
    "title_cosine",  # TF-IDF cosine of the titles (concepts and names across languages)
    "text_cosine",  # the same over title and summary
    "shared_rare",  # rare terms in common, up to 4, as a fraction of 4
    "turn_mismatch",  # one says talks ended, the recall expanded..., the other does not
    "same_event",
    "different_event",
    "hours_apart",  # in units of 72 h
    "same_feed",  # one outlet seldom tells one event twice, but often runs a series alike
    # The dearest last: scoring looks at them only for pairs they could lift over the threshold.
    "same_model",
    "shared_figure",  # a unit count, amount or percentage in common
    "money_mismatch",  # both titles name sums in one currency, and no sum matches
)
_LATE = 3  # how many of PAIR_FEATURES _late_features computes


def _early_features(a: _Features, b: _Features) -> tuple[float, ...]:
    if a.cjk is b.cjk:
        title, text = _dot(a.title, b.title), _dot(a.text, b.text)
    else:
        title, text = _dot(a.title_bridge, b.title_bridge), _dot(a.text_bridge, b.text_bridge)
    event_a, event_b = a.event, b.event
    typed = event_a is not None and event_b is not None
    return (
        title,
        text,
        min(len(a.rare & b.rare), _RARE_CAP) / _RARE_CAP,
        0.0 if a.turns == b.turns else 1.0,
        1.0 if typed and event_a is event_b else 0.0,
        1.0 if typed and event_a is not event_b else 0.0,
        abs(a.stamp - b.stamp) / _HOURS_72,
        1.0 if a.source and a.source == b.source else 0.0,
    )


def _late_features(a: _Features, b: _Features) -> tuple[float, float, float]:
    return (
        1.0 if a.models and b.models and _same_model(a.models, b.models) else 0.0,
        1.0 if a.numbers and b.numbers and _shared(a.numbers, b.numbers) else 0.0,
        1.0 if a.title_money and b.title_money and _money_mismatch(a, b) else 0.0,
    )


def _none_close(a: frozenset[_Figure], b: frozenset[_Figure]) -> bool:
    return not any(_close(x, y) for x in a for y in b)


def _money_mismatch(a: _Features, b: _Features) -> bool:
    """Sums in one currency in both titles, none of them alike: $1.1 billion and $2.2 billion
    from one investor are two rounds; $2.2 billion and 16 billion yuan may be one."""
    currencies = {c for c, _ in a.title_money} & {c for c, _ in b.title_money}
    return any(
        _none_close(
            frozenset(x for cx, x in a.title_money if cx == currency),
            frozenset(y for cy, y in b.title_money if cy == currency),
        )
        for currency in currencies
    )


def pair_features(a: _Features, b: _Features) -> tuple[float, ...]:
    """The pair's values of PAIR_FEATURES, in that order."""
    return _early_features(a, b) + _late_features(a, b)


@dataclass(frozen=True)
class PairModel:
    """Logistic regression over PAIR_FEATURES: the probability two items tell one event."""

    bias: float
    weights: tuple[float, ...]  # in PAIR_FEATURES order
    threshold: float  # the probability from which two items merge
    # Two stories of several items merge only if their members, on average over the pairs
    # within the window, tell one event with at least this probability: single links would
    # chain an Iran-talks story into an Iran-drills story into an Iran-protests story.
    cohesion: float = 0.0

    def score(self, features: Sequence[float]) -> float:
        """The log-odds; compared with ``logit(threshold)`` it needs no exponential."""
        return self.bias + float(sum(map(operator.mul, self.weights, features)))

    @property
    def merge_score(self) -> float:
        return math.log(self.threshold / (1.0 - self.threshold))


def _scorer(model: PairModel) -> Callable[[_Features, _Features], float | None]:
    """``model.score(pair_features(a, b))`` when it reaches the threshold, else None: the same
    sum in the same order, but the late features, the dearest, are only computed when they
    could still lift the pair over the threshold (most candidates are far below it)."""
    early_weights, late_weights = model.weights[:-_LATE], model.weights[-_LATE:]
    bias, merge = model.bias, model.merge_score
    # The most the late features can add; the margin keeps float rounding on the safe side.
    reach = sum(max(weight, 0.0) for weight in late_weights) + 1e-9

    def score(a: _Features, b: _Features) -> float | None:
        early = float(sum(map(operator.mul, early_weights, _early_features(a, b))))
        if bias + early + reach < merge:
            return None
        late = _late_features(a, b)
        total = bias + float(sum(map(operator.mul, late_weights, late), early))
        return total if total >= merge else None

    return score


@lru_cache(maxsize=1)
def pair_model() -> PairModel:
    resource = resources.files("autonews.knowledge").joinpath("cluster_model.toml")
    return parse_pair_model(tomllib.loads(resource.read_text("utf-8")))


def parse_pair_model(data: Mapping[str, object]) -> PairModel:
    weights = data["weights"]
    if not isinstance(weights, dict) or set(weights) != set(PAIR_FEATURES):
        raise ValueError(f"cluster model weights must be exactly {', '.join(PAIR_FEATURES)}")
    threshold = float(str(data["threshold"]))
    cohesion = float(str(data.get("cohesion", 0.0)))
    if not (0.0 < threshold < 1.0 and 0.0 <= cohesion < 1.0):
        raise ValueError("cluster model threshold and cohesion must be probabilities")
    return PairModel(
        float(str(data["bias"])),
        tuple(float(weights[name]) for name in PAIR_FEATURES),
        threshold,
        cohesion,
    )


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


def cluster(
    items: Sequence[ClusterInput],
    window: timedelta = timedelta(hours=72),
    assigned: Mapping[int, str] | None = None,
    model: PairModel | None = None,
) -> list[list[int]]:
    """Group items into stories; returns lists of item keys, each list in publication order.

    Pairs of items within the window are scored by the pair model and merged best first, unless
    a member of one story rules out a member of the other (different makers, unit counts,
    models). ``assigned`` maps item keys to the story an earlier run put them in: they stay
    there, two such stories never merge, and pairs of assigned items are not compared (a warm
    run with nothing new compares nothing)."""
    assigned = assigned or {}
    if all(item.key in assigned for item in items):
        return _by_assignment(items, assigned)
    model = model or pair_model()
    ordered = sorted(items, key=lambda item: (item.published, item.key))
    features = features_of(ordered)
    labels = [assigned.get(item.key) for item in ordered]
    pairs = sorted(_scored_pairs(features, labels, window, model))
    known = {(first, second): -score for score, first, second in pairs}

    def link(x: int, y: int) -> float:
        """The probability that two items tell one event."""
        first, second = min(x, y), max(x, y)
        score = known.get((first, second))
        if score is None:
            score = model.score(pair_features(features[first], features[second]))
            known[first, second] = score
        return _probability(score)

    stories = _Stories(features, labels, link, model.cohesion, window)
    for first, second in _same_links(ordered) + _reposts(ordered, window):
        stories.join(first, second, check=False)
    for _, first, second in pairs:
        stories.join(first, second)
    return [[ordered[p].key for p in members] for members in stories.groups()]


def _probability(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0


def _same_links(ordered: Sequence[ClusterInput]) -> list[tuple[int, int]]:
    """Items linking to one article (after normalisation): the same story, whatever the
    titles. A feed that lists the parts of one page (page#2025-01-11, page#htmx) lists
    different entries, though: within one feed the fragments must agree too."""
    seen: dict[str, list[int]] = {}
    pairs = []
    for position, item in enumerate(ordered):
        link = normalize_url(item.link) if item.link else None
        if not link:
            continue
        earlier = seen.setdefault(link, [])
        for other in earlier:
            if _one_article(ordered[other], item):
                pairs.append((other, position))
                break
        earlier.append(position)
    return pairs


def _one_article(a: ClusterInput, b: ClusterInput) -> bool:
    if not a.source or a.source != b.source:
        return True
    return urlsplit(a.link or "").fragment == urlsplit(b.link or "").fragment


def _reposts(ordered: Sequence[ClusterInput], window: timedelta) -> list[tuple[int, int]]:
    """Items a feed published twice within the window, under new links, with the same title
    and summary. (Other pairs of one feed are judged on terms other feeds use too, which a
    re-post may lack; a weekly column with a fixed title is a week apart.)"""
    latest: dict[tuple[str, str, str], int] = {}
    pairs = []
    for position, item in enumerate(ordered):
        if not item.source:
            continue
        text = (item.source, " ".join(item.title.casefold().split()), item.summary.strip())
        earlier = latest.get(text)
        if earlier is not None and item.published - ordered[earlier].published <= window:
            pairs.append((earlier, position))
        latest[text] = position
    return pairs


def _scored_pairs(
    features: Sequence[_Features],
    labels: Sequence[str | None],
    window: timedelta,
    model: PairModel,
) -> list[tuple[float, int, int]]:
    """(-score, earlier, later) for the pairs likely enough to merge (sorted: the best first)."""
    df: Counter[str] = Counter()
    for feature in features:
        df.update(feature.text.keys())
    common = {term for term, count in df.items() if count > max(50, len(features) // 20)}
    # key -> recent item positions, oldest first; entries older than the window are dropped as
    # time moves on, so each lookup only sees items that could still join.
    index: dict[str, deque[int]] = defaultdict(deque)
    scored = _scorer(model)
    stamps = [feature.stamp for feature in features]
    span = window.total_seconds()
    pairs = []
    for position, feature in enumerate(features):
        keys, lookup = _index_keys(feature, common)
        for other in _candidates(stamps[position] - span, stamps, lookup, index):
            if labels[position] is not None and labels[other] is not None:
                continue  # both placed by an earlier run
            # Hard rules are checked when the pair comes to be joined: few pairs get there.
            score = scored(features[other], feature)
            if score is not None:
                pairs.append((-score, other, position))
        for key in keys:
            index[key].append(position)
    return pairs


_SPAN_WINDOWS = 2  # a story spans at most two windows (6 days by default) from first to last


class _Stories:
    """Union-find over item positions, refusing joins a member rules out, and joins of stories
    that are not, on average over their pairs within the window, one event (``link`` gives a
    pair's probability)."""

    def __init__(
        self,
        features: Sequence[_Features],
        labels: Sequence[str | None],
        link: Callable[[int, int], float] | None = None,
        cohesion: float = 0.0,
        window: timedelta = timedelta(hours=72),
    ) -> None:
        self._features = features
        self._link = link
        self._cohesion = cohesion
        self._span = window.total_seconds()
        self._refused: set[tuple[int, int, int, int]] = set()
        self._parent = list(range(len(features)))
        self._members: dict[int, list[int]] = {p: [p] for p in range(len(features))}
        self._label: dict[int, str] = {}
        by_label: dict[str, int] = {}
        for position, label in enumerate(labels):
            if label is not None:
                self._label.setdefault(position, label)
                self.join(by_label.setdefault(label, position), position, check=False)

    def _root(self, position: int) -> int:
        while self._parent[position] != position:
            self._parent[position] = self._parent[self._parent[position]]
            position = self._parent[position]
        return position

    def join(self, first: int, second: int, check: bool = True) -> None:
        a, b = self._root(first), self._root(second)
        if a == b:
            return
        label_a, label_b = self._label.get(a), self._label.get(b)
        if label_a is not None and label_b is not None and label_a != label_b:
            return  # two stories an earlier run told apart keep their identities
        if check:
            # Stories only grow, so a root and a size name one membership: a refusal holds
            # until either story changes, however many other pairs link the two.
            members_a, members_b = self._members[a], self._members[b]
            asked = (
                (a, len(members_a), b, len(members_b))
                if a < b
                else (b, len(members_b), a, len(members_a))
            )
            if asked in self._refused:
                return
            if not self._compatible(members_a, members_b):
                self._refused.add(asked)
                return
        if len(self._members[a]) < len(self._members[b]):
            a, b = b, a
        self._parent[b] = a
        self._members[a].extend(self._members.pop(b))
        label = label_a or label_b
        if label is not None:
            self._label[a] = label

    def _compatible(self, first: list[int], second: list[int]) -> bool:
        """The joined story would span at most two windows, no member rules out a member of
        the other story, and the mean probability over the pairs across them within the window
        reaches the cohesion; two single items are judged by their own pair's threshold."""
        features, link = self._features, self._link
        stamps = [features[p].stamp for p in first] + [features[p].stamp for p in second]
        if max(stamps) - min(stamps) > _SPAN_WINDOWS * self._span:
            return False  # one event is told within days; months of a blog are a series
        if any(_conflict(features[x], features[y]) for x in first for y in second):
            return False
        if link is None or len(first) * len(second) == 1:
            return True
        span = self._span
        near = [
            (x, y)
            for x in first
            for y in second
            if abs(features[x].stamp - features[y].stamp) <= span
        ]
        # Stop as soon as the rest of the pairs cannot change the answer.
        need, left, total = self._cohesion * len(near), len(near), 0.0
        for x, y in near:
            total += link(x, y)
            left -= 1
            if total >= need:
                return bool(near)
            if total + left < need:
                return False
        return False

    def groups(self) -> list[list[int]]:
        """Stories in order of their first item, members in publication order."""
        return sorted(sorted(members) for members in self._members.values())


def _by_assignment(items: Sequence[ClusterInput], assigned: Mapping[int, str]) -> list[list[int]]:
    groups: dict[str, list[int]] = {}
    for item in sorted(items, key=lambda item: (item.published, item.key)):
        groups.setdefault(assigned[item.key], []).append(item.key)
    return list(groups.values())


def _index_keys(feature: _Features, common: set[str]) -> tuple[list[str], list[str]]:
    """The keys an item is filed under, and those it looks up.

    An item with makers can only join items of its makers' groups, or items naming no maker:
    it looks up its groups, its words within its groups, and its words among maker-less items.
    An item naming no maker looks up its words everywhere. Shared words count, so the most alike
    come first among many candidates."""
    terms = [term for term in feature.text if term not in common]
    unclaimed = ["\x01" + term for term in terms]
    if not feature.groups:
        return terms + unclaimed, terms
    grouped = ["\x00" + group for group in feature.groups]
    grouped += ["\x00" + group + "\x00" + term for group in feature.groups for term in terms]
    return grouped + terms, grouped + unclaimed


MAX_CANDIDATES = 20  # per new item; the most alike are kept, and a story needs only one link


def _candidates(
    oldest: float, stamps: list[float], keys: list[str], index: dict[str, deque[int]]
) -> list[int]:
    """Items since ``oldest`` sharing an index key: at most MAX_CANDIDATES, those sharing most
    keys."""
    shared: Counter[int] = Counter()
    for key in keys:
        postings = index.get(key)
        if not postings:
            continue
        while postings and stamps[postings[0]] < oldest:
            postings.popleft()
        shared.update(postings)
    if len(shared) <= MAX_CANDIDATES:
        return list(shared)
    # Among many, the most recent with the most shared keys.
    ranked = sorted(shared.items(), key=operator.itemgetter(1, 0), reverse=True)
    return [position for position, _ in ranked[:MAX_CANDIDATES]]
