"""Which pairs of items are compared, and which merge before any comparison.

Identical links (after normalisation) always merge, as do a feed's re-posts (same title and
summary). Other pairs come from an inverted index of each item's subject terms and figures
(what a merge needs: ``model.positive``), filed by maker group: items of other makers are never
looked at. Postings older than the window are dropped as time moves on, so the cost follows the
overlaps, not the square of the item count; only pairs the pair model scores at or above its
threshold are kept.
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict, deque
from collections.abc import Collection, Sequence
from datetime import timedelta
from itertools import chain
from urllib.parse import urlsplit

from autonews.cluster import figures as fig
from autonews.cluster.concept_sets import SHARES
from autonews.cluster.features import _Features
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.model import PairModel, _scorer
from autonews.urls import normalize_url


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
    return _fragment(a.link) == _fragment(b.link)


def _fragment(link: str | None) -> str:
    try:
        return urlsplit(link or "").fragment
    except ValueError:  # "https://[x/0": a feed's link urlsplit cannot read
        return ""


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
    reopened: Collection[int] = (),
) -> list[tuple[float, int, int]]:
    """(-score, earlier, later) for the pairs likely enough to merge (sorted: the best first);
    of two items an earlier run placed, only those with a retitled one (``reopened``)."""
    common = common_terms(features)
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
            placed = labels[position] is not None and labels[other] is not None
            if placed and position not in reopened and other not in reopened:
                continue  # both placed by an earlier run
            # Hard rules are checked when the pair comes to be joined: few pairs get there.
            score = scored(features[other], feature)
            if score is not None:
                pairs.append((-score, other, position))
        for key in keys:
            index[key].append(position)
    return pairs


_SALES = "\x02sales:"  # the key of a sales report: its group and month, not a subject term


def common_terms(features: Sequence[_Features]) -> set[str]:
    """Subject terms too common among the items to tell events apart: no index key."""
    df = Counter(chain.from_iterable(feature.subject for feature in features))
    return {term for term, count in df.items() if count > max(50, len(features) // 20)}


def _index_keys(feature: _Features, common: set[str]) -> tuple[list[str], list[str]]:
    """The keys an item is filed under, and those it looks up: its subject terms (but those
    too common to tell events apart) and its figures.

    An item with makers can only join items of its makers' groups, or items naming no maker:
    it looks up its keys within its groups, and its keys among maker-less items. An item naming
    no maker looks up its keys everywhere. Shared keys count, so the most alike come first
    among many candidates."""
    terms = [term for term in feature.subject if term not in common]
    for number in feature.numbers:
        terms += fig.keys(number.value)
    if SHARES in feature.title and feature.title_groups:
        terms.append(SHARES)  # a maker's share moves of a day are one (one_report.one_share_move)
    if feature.sales is not None:  # a maker's sales of a month are one (one_report.one_sales)
        terms += [f"{_SALES}{feature.sales.group}:{month}" for month in feature.sales.months]
    unclaimed = ["\x01" + term for term in terms]
    if not feature.groups:
        return terms + unclaimed, terms
    grouped = ["\x00" + group + "\x00" + term for group in feature.groups for term in terms]
    return grouped + terms, grouped + unclaimed


MAX_CANDIDATES = 15  # per new item; the most alike are kept, and a story needs only one link


def _candidates(
    oldest: float, stamps: list[float], keys: list[str], index: dict[str, deque[int]]
) -> list[int]:
    """Items since ``oldest`` sharing an index key: at most MAX_CANDIDATES, those sharing most
    keys."""
    found = []
    for key in keys:
        postings = index.get(key)
        if not postings:
            continue
        while postings and stamps[postings[0]] < oldest:
            postings.popleft()
        found.append(postings)
    shared = Counter(chain.from_iterable(found))  # counted in one pass: an update costs more
    if len(shared) <= MAX_CANDIDATES:
        return list(shared)
    # Among many, the most recent with the most shared keys.
    ranked = sorted(shared.items(), key=operator.itemgetter(1, 0), reverse=True)
    return [position for position, _ in ranked[:MAX_CANDIDATES]]
