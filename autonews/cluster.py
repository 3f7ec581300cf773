"""Items to stories: the same real-world event from several outlets becomes one story.

Identical links (after normalisation) always merge. Otherwise two items join when, within the time
window, their titles (and leads) are similar enough by TF-IDF cosine over stemmed words and CJK
character bigrams, with makers, event type and figures as evidence: a shared unit count with the
same maker and event merges even across languages; different makers or different unit counts keep
items apart. Candidates come from an inverted index, so the cost grows with overlaps, not n².
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from autonews.classify.lexicon import stem, tokenize
from autonews.models import Classification, Event
from autonews.urls import normalize_url

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "its",
        "it",
        "this",
        "that",
        "after",
        "over",
        "amid",
        "into",
        "than",
        "new",
        "says",
        "said",
        "will",
        "would",
        "could",
        "may",
        "can",
        "up",
        "out",
        "about",
        "more",
        "most",
        "its",
        "has",
        "have",
        "had",
        "not",
        "no",
        "but",
        "also",
        "vs",
        "via",
        "per",
        "year",
        "years",
    ]
)
MERGE_THRESHOLD = 0.42


@dataclass(frozen=True)
class ClusterInput:
    key: int
    title: str
    summary: str
    link: str | None
    published: datetime
    classification: Classification


@dataclass
class _Features:
    vector: dict[str, float]
    norm: float
    makers: frozenset[str]
    primary: str | None
    event: Event
    units: frozenset[float]
    money: frozenset[float]
    numbers: frozenset[float]


def _terms(text: str) -> list[str]:
    terms: list[str] = []
    previous_cjk = ""
    for token in tokenize(text):
        if token.cjk:
            if previous_cjk:
                terms.append(previous_cjk + token.norm)
            previous_cjk = token.norm
            continue
        previous_cjk = ""
        word = stem(token.norm)
        if word not in _STOPWORDS and len(word) > 1:
            terms.append(word)
    return terms


def _features(item: ClusterInput, idf: dict[str, float], default_idf: float) -> _Features:
    counts: dict[str, float] = dict(Counter(_terms(item.title)))
    for term in _terms(item.summary[:300]):
        counts.setdefault(term, 0.0)
        counts[term] += 0.4
    vector = {term: count * idf.get(term, default_idf) for term, count in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    c = item.classification
    figures = c.figures
    return _Features(
        vector=vector,
        norm=norm,
        makers=frozenset(m.name for m in c.makers),
        primary=c.makers[0].name if c.makers else None,
        event=c.event,
        units=frozenset(round(f.value) for f in figures if f.kind == "units" and f.value),
        money=frozenset(f.value for f in figures if f.kind == "money" and f.value),
        numbers=frozenset(f.value for f in figures if f.value and f.kind != "model"),
    )


def _cosine(a: _Features, b: _Features) -> float:
    small, large = (a, b) if len(a.vector) < len(b.vector) else (b, a)
    dot = sum(weight * large.vector.get(term, 0.0) for term, weight in small.vector.items())
    return dot / (a.norm * b.norm)


def similarity(a: _Features, b: _Features) -> float:
    """How likely two items tell the same event, 0..1-ish; -1 when they cannot."""
    if a.primary and b.primary and a.primary != b.primary and not (a.makers & b.makers):
        return -1.0
    if a.units and b.units and not _close_any(a.units, b.units):
        return -1.0  # different unit counts: different recalls, different sales months
    score = _cosine(a, b)
    if a.makers and a.makers == b.makers:
        score += 0.08
    if a.event is b.event and a.event is not Event.OTHER:
        score += 0.08
    elif a.event is not Event.OTHER and b.event is not Event.OTHER:
        score -= 0.12
    shared_numbers = bool(a.numbers & b.numbers)
    if shared_numbers:
        score += 0.25
    if shared_numbers and a.primary and a.primary == b.primary and a.event is b.event:
        score += 0.2  # same maker, same event, same figure: across languages too
    return score


def _close_any(a: frozenset[float], b: frozenset[float]) -> bool:
    # "nearly 15,000" and "14,768" are the same count told roughly.
    return any(abs(x - y) <= 0.05 * max(x, y) for x in a for y in b)


def cluster(
    items: Sequence[ClusterInput],
    window: timedelta = timedelta(hours=72),
    threshold: float = MERGE_THRESHOLD,
) -> list[list[int]]:
    """Group items into stories; returns lists of item keys, each list in publication order."""
    ordered = sorted(items, key=lambda item: (item.published, item.key))
    documents = [set(_terms(item.title)) for item in ordered]
    df: Counter[str] = Counter(term for doc in documents for term in doc)
    total = len(ordered) or 1
    idf = {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in df.items()}
    default_idf = math.log(1 + total) + 1.0
    features = [_features(item, idf, default_idf) for item in ordered]

    story_of: list[int] = []
    stories: list[list[int]] = []
    by_link: dict[str, int] = {}
    index: dict[str, list[int]] = defaultdict(list)  # term -> item positions
    # Very common terms say nothing about identity and make candidate lists long.
    common = {term for term, count in df.items() if count > max(50, total // 20)}
    for position, item in enumerate(ordered):
        feature = features[position]
        link = normalize_url(item.link) if item.link else None
        target: int | None = by_link.get(link) if link else None
        if target is None:
            target = _best_story(
                position, ordered, features, story_of, stories, index, window, threshold
            )
        if target is None:
            target = len(stories)
            stories.append([])
        stories[target].append(position)
        story_of.append(target)
        if link:
            by_link.setdefault(link, target)
        for term in feature.vector:
            if term not in common:
                index[term].append(position)
        for maker in feature.makers:
            index["\x00maker:" + maker].append(position)
    return [[ordered[p].key for p in members] for members in stories]


def _best_story(
    position: int,
    ordered: Sequence[ClusterInput],
    features: list[_Features],
    story_of: list[int],
    stories: list[list[int]],
    index: dict[str, list[int]],
    window: timedelta,
    threshold: float,
) -> int | None:
    item, feature = ordered[position], features[position]
    candidates: set[int] = set()
    for term in feature.vector:
        candidates.update(index.get(term, ()))
    for maker in feature.makers:
        candidates.update(index.get("\x00maker:" + maker, ()))
    best_story, best_score = None, threshold
    scores: dict[int, float] = {}
    for other in candidates:
        if item.published - ordered[other].published > window:
            continue
        score = similarity(feature, features[other])
        story = story_of[other]
        scores[story] = max(scores.get(story, -1.0), score)
    for story, score in scores.items():
        # Joining needs the best match and no member that rules it out (average-link guard).
        if score >= best_score and all(
            similarity(feature, features[member]) > -1.0 for member in stories[story]
        ):
            best_story, best_score = story, score
    return best_story
