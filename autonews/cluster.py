"""Items to stories: the same real-world event from several outlets becomes one story.

Identical links (after normalisation) always merge. Otherwise two items within the time window
are compared on evidence that survives rewording and translation:

- text: TF-IDF cosine over concepts (``knowledge/concepts.toml`` maps English and Chinese wording
  of one idea to one term: 召回 = recall, 插混 = plug-in hybrid), other stemmed words and CJK
  bigrams, title and summary;
- figures: a shared unit count, amount or percentage ("14,768" = "1.48万" roughly);
- models: a shared model name (SU7, XC70, Model Y);
- makers and event type from the classifier.

Different makers, different unit counts or different models of one maker rule a merge out: those
are different events even when worded alike. Candidates come from an inverted index, so the cost
follows the overlaps, not the square of the item count.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter, defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources

from autonews.classify.knowledge import default_knowledge
from autonews.classify.lexicon import Lexicon, phrase_key, stem, stems_of, tokenize
from autonews.models import Classification, Event
from autonews.urls import normalize_url

_STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or as is are was were be been its it this "
    "that after over amid into than new says said will would could may can up out about more "
    "most has have had not no but also vs via per year years first its their his her".split()
)
MERGE_THRESHOLD = 0.46  # best pairwise F1 on tests/data/clusters.tsv (benchmarks/cluster_eval.py)
_NUMBER = re.compile(
    r"(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(万|亿|%|percent\b|million\b|billion\b|bn\b|m\b|k\b)?",
    re.IGNORECASE,
)
_SCALE = {"万": 1e4, "亿": 1e8, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3}
_CLOSE = 0.05  # "nearly 15,000" is 14,768; "1.1万余辆" is 11,411


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
    vector: dict[str, float]  # unit length
    bridge: dict[str, float]  # concepts and names only, unit length: for pairs across languages
    cjk: bool  # the title is (mostly) Chinese
    makers: frozenset[str]
    groups: frozenset[str]
    primary: str | None
    event: Event
    models: frozenset[str]
    title_numbers: frozenset[tuple[float, bool]]  # (value, is_percent)
    numbers: frozenset[tuple[float, bool]]
    units: frozenset[float]


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


def _terms(text: str) -> list[str]:
    words = tokenize(text).norms
    stems = stems_of(words)
    covered: set[int] = set()
    terms: list[str] = []
    for match in _concepts().find(stems):
        terms.append(match.payloads[0])
        covered.update(range(match.start, match.end))
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


def _numbers(text: str) -> frozenset[tuple[float, bool]]:
    found: set[tuple[float, bool]] = set()
    for match in _NUMBER.finditer(text):
        digits, unit = match.group(1), (match.group(2) or "").lower()
        value = float(digits.replace(",", ""))
        percent = unit in ("%", "percent")
        if not percent:
            value *= _SCALE.get(unit, 1.0)
        if (
            not unit
            and "," not in digits
            and "." not in digits
            and (value < 10 or 1990 <= value <= 2040)
        ):
            continue  # small counts and years say little about identity
        found.add((value, percent))
    return frozenset(found)


def _models(item: ClusterInput) -> frozenset[str]:
    """Models of the item's makers' groups named in its title, without brand words: "mega" in
    "Li Auto MEGA" and in "理想MEGA"; "bolt" in "Chevy Bolt" and "通用扩大Bolt召回"."""
    groups = {maker.group for maker in item.classification.makers}
    if not groups:
        return frozenset()  # no maker, no model of one to look for
    found: set[str] = set()
    for match in default_knowledge().bare_models.find(tokenize(item.title).norms):
        found.update(name for group, name in match.payloads if group in groups)
    return frozenset(found)


def _same_model(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "su7" and "su7 ultra" may be one model told shorter; "model y" and "model 3" are not."""
    return any(x == y or x.startswith(y + " ") or y.startswith(x + " ") for x in a for y in b)


def _is_name_like(term: str) -> bool:
    """Latin terms a Chinese title can contain too: codes and short names (su7, l60, gm, 4xe)."""
    return term.isascii() and (len(term) <= 3 or any(ch.isdigit() for ch in term))


def _features(
    item: ClusterInput, title_terms: list[str], idf: dict[str, float], default_idf: float
) -> _Features:
    counts: dict[str, float] = dict(Counter(title_terms))
    for term in _terms(item.summary[:300]):
        counts[term] = counts.get(term, 0.0) + 0.2
    vector = {term: count * idf.get(term, default_idf) for term, count in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    vector = {term: value / norm for term, value in vector.items()}
    # What both languages can say: concepts and Latin names (SU7, Bolt, Waymo). Across languages
    # the cosine is taken over these alone, or CJK bigrams and English stems would dilute it.
    shared = {t: v for t, v in vector.items() if t.startswith("c:") or _is_name_like(t)}
    bridge_norm = math.sqrt(sum(v * v for v in shared.values())) or 1.0
    bridge = {t: v / bridge_norm for t, v in shared.items()}
    c = item.classification
    title_numbers = _numbers(item.title)
    return _Features(
        vector=vector,
        bridge=bridge,
        cjk=any("\u3400" <= ch <= "\ufaff" for ch in item.title),
        makers=frozenset(m.name for m in c.makers),
        groups=frozenset(m.group for m in c.makers),
        primary=c.makers[0].name if c.makers else None,
        event=c.event,
        models=_models(item),
        title_numbers=title_numbers,
        numbers=title_numbers | _numbers(item.summary[:300]),
        units=frozenset(f.value for f in c.figures if f.kind == "units" and f.value),
    )


def _cosine(a: _Features, b: _Features) -> float:
    # Vectors are unit length: the dot product over the shared terms is the cosine.
    va, vb = (a.vector, b.vector) if a.cjk == b.cjk else (a.bridge, b.bridge)
    return sum(va[term] * vb[term] for term in va.keys() & vb.keys())


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _CLOSE * max(abs(a), abs(b))


def _shared(a: frozenset[tuple[float, bool]], b: frozenset[tuple[float, bool]]) -> bool:
    return any(pa == pb and _close(x, y) for x, pa in a for y, pb in b)


def _conflict(a: _Features, b: _Features) -> bool:
    """Evidence that two items are different events, however alike their words."""
    if a.makers and b.makers and not a.makers & b.makers and not a.groups & b.groups:
        return True
    if a.units and b.units and not any(_close(x, y) for x in a.units for y in b.units):
        return True  # different recalls, different sales months
    if a.models and b.models and not _same_model(a.models, b.models) and a.groups & b.groups:
        return True  # SU7 Ultra and YU7 launches are two stories
    a_pct = {x for x, pct in a.title_numbers if pct}
    b_pct = {x for x, pct in b.title_numbers if pct}
    return bool(a_pct and b_pct and not any(_close(x, y) for x in a_pct for y in b_pct))


# Turns of a story that make the next report a new event: talks begin / talks called off, a
# recall / the recall expanded.
_TURNS = ("c:terminate", "c:expand", "c:cancel", "c:deny")


def similarity(a: _Features, b: _Features) -> float:
    """How likely two items tell the same event; -1 when they cannot."""
    if _conflict(a, b):
        return -1.0
    score = _cosine(a, b)
    if any((turn in a.vector) != (turn in b.vector) for turn in _TURNS):
        score -= 0.15
    if _same_model(a.models, b.models):
        score += 0.25
    if _shared(a.numbers, b.numbers):
        score += 0.3
    if a.makers and a.makers == b.makers:
        score += 0.1
    if a.event is not Event.OTHER and b.event is not Event.OTHER:
        # The classifier errs more often than outlets disagree on what happened: a nudge, but a
        # recall (named by unmistakable words) against anything else is a real difference.
        if a.event is b.event:
            score += 0.1
        else:
            score -= 0.2 if Event.RECALL in (a.event, b.event) else 0.05
    return score


def cluster(
    items: Sequence[ClusterInput],
    window: timedelta = timedelta(hours=72),
    threshold: float = MERGE_THRESHOLD,
    assigned: Mapping[int, str] | None = None,
) -> list[list[int]]:
    """Group items into stories; returns lists of item keys, each list in publication order.

    ``assigned`` maps item keys to the story an earlier run put them in: they stay there, and
    only the other items are compared (a warm run with nothing new compares nothing)."""
    assigned = assigned or {}
    if all(item.key in assigned for item in items):
        return _by_assignment(items, assigned)
    ordered = sorted(items, key=lambda item: (item.published, item.key))
    title_terms = [_terms(item.title) for item in ordered]
    df: Counter[str] = Counter(term for terms in title_terms for term in set(terms))
    total = len(ordered) or 1
    idf = {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in df.items()}
    default_idf = math.log(1 + total) + 1.0
    features = [
        _features(item, terms, idf, default_idf)
        for item, terms in zip(ordered, title_terms, strict=True)
    ]

    story_of: list[int] = []
    stories: list[list[int]] = []
    by_link: dict[str, int] = {}
    # key -> recent item positions, oldest first; entries older than the window are dropped as
    # time moves on, so each lookup only sees items that could still join.
    index: dict[str, deque[int]] = defaultdict(deque)
    # Very common terms say nothing about identity and make candidate lists long.
    common = {term for term, count in df.items() if count > max(50, total // 20)}
    by_label: dict[str, int] = {}
    for position, item in enumerate(ordered):
        feature = features[position]
        keys = _index_keys(feature, common)
        lookup = keys if not feature.groups else [k for k in keys if k.startswith("\x00")]
        link = normalize_url(item.link) if item.link else None
        target: int | None = by_link.get(link) if link else None
        label = assigned.get(item.key)
        if label is not None:
            target = by_label.get(label)
            if target is None:
                target = by_label[label] = len(stories)
                stories.append([])
        elif target is None:
            candidates = _candidates(position, ordered, lookup, index, window)
            target = _best_story(feature, candidates, features, story_of, stories, threshold)
        if target is None:
            target = len(stories)
            stories.append([])
        stories[target].append(position)
        story_of.append(target)
        if link:
            by_link.setdefault(link, target)
        for key in keys:
            index[key].append(position)
    return [[ordered[p].key for p in members] for members in stories]


def _by_assignment(items: Sequence[ClusterInput], assigned: Mapping[int, str]) -> list[list[int]]:
    groups: dict[str, list[int]] = {}
    for item in sorted(items, key=lambda item: (item.published, item.key)):
        groups.setdefault(assigned[item.key], []).append(item.key)
    return list(groups.values())


def _index_keys(feature: _Features, common: set[str]) -> list[str]:
    # An item with makers can only join items of the same group (or with no maker known): it
    # looks up by group, and is found by group and by its words.
    keys = ["\x00group:" + group for group in feature.groups]
    return keys + [term for term in feature.vector if term not in common]


MAX_CANDIDATES = 40


def _candidates(
    position: int,
    ordered: Sequence[ClusterInput],
    keys: list[str],
    index: dict[str, deque[int]],
    window: timedelta,
) -> list[int]:
    """Recent items sharing an index key, those sharing most keys first, at most 40."""
    oldest = ordered[position].published - window
    shared: Counter[int] = Counter()
    for key in keys:
        postings = index.get(key)
        if not postings:
            continue
        while postings and ordered[postings[0]].published < oldest:
            postings.popleft()
        shared.update(postings)
    if len(shared) <= MAX_CANDIDATES:
        return list(shared)
    # Among many, the most recent with the most shared keys.
    return sorted(shared, key=lambda p: (-shared[p], -p))[:MAX_CANDIDATES]


def _best_story(
    feature: _Features,
    candidates: list[int],
    features: list[_Features],
    story_of: list[int],
    stories: list[list[int]],
    threshold: float,
) -> int | None:
    scores: dict[int, float] = {}
    for other in candidates:
        story = story_of[other]
        scores[story] = max(scores.get(story, -1.0), similarity(feature, features[other]))
    best_story, best_score = None, threshold
    for story, score in scores.items():
        # Joining needs the best match and no member that rules it out.
        if score >= best_score and all(
            not _conflict(feature, features[member]) for member in stories[story]
        ):
            best_story, best_score = story, score
    return best_story
