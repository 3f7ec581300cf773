"""Why two stories are two: what keeps the clustering from joining them.

The other half of ``autonews.cluster.explain``: a reader who sees one event told in two stories
(a split) asks which rule or which weak evidence kept them apart. ``apart`` answers with every
reason that holds — a member of one rules out a member of the other, the stories are told too
far apart in time, the likeliest pair across them scores below the threshold or was never
compared, the stories are not alike enough on average, one is not car news, an earlier run told
them apart — and the likeliest pair across them with its evidence, weighed as a merge is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import timedelta

from autonews.cluster.candidates import _index_keys, common_terms
from autonews.cluster.explain import Merge, _merge, _written
from autonews.cluster.features import _Features, features_of
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.model import (
    PairModel,
    _common,
    conflict,
    pair_model,
    probability,
    unproven,
)
from autonews.cluster.stories import POST_JOINS, Join, clustering, weighed
from autonews.cluster.topics import SPAN_WINDOWS, split_by_topic

_CONFLICTS_SHOWN = 3  # a reader needs the first few; the rest repeat them


@dataclass(frozen=True)
class Reason:
    """One reason the stories are apart: a statement about the items named (by key; none for a
    reason about the stories as wholes), which a reader sees after their names ("[1] and [3]
    rule each other out: different makers")."""

    items: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class Apart:
    reasons: tuple[Reason, ...]  # each reason that holds
    closest: Merge | None  # the likeliest pair across two car stories, weighed as a merge is


def apart(
    items: Sequence[ClusterInput],
    first: Collection[int],
    second: Collection[int],
    window: timedelta = timedelta(hours=72),
    model: PairModel | None = None,
) -> Apart:
    """Why the items ``first`` and ``second`` (item keys; two stories) are not one story, among
    ``items`` (both stories' members and the items around them, whose rarities weigh terms)."""
    model = model or pair_model()
    ordered = sorted(items, key=lambda item: (item.published, item.key))
    car, _, _ = split_by_topic(ordered, window, {})
    car_keys = {item.key for item in car}
    topic = _topic_reason(set(first) <= car_keys, set(second) <= car_keys)
    if topic is not None:
        return Apart((topic,), None)  # the pair model weighs car news only
    features = features_of(car)  # weighed among car items, as the clustering weighs them
    position = {item.key: n for n, item in enumerate(car)}
    pairs = [(position[a], position[b]) for a in first for b in second]
    if not pairs:
        return Apart((Reason((), "one of the stories has no source"),), None)
    x, y = max(pairs, key=lambda pair: weighed(features[pair[0]], features[pair[1]], model))
    written = _written(car, features, position, (car[x].key, car[y].key))
    closest = _merge(Join(car[x].key, car[y].key, "pair"), features, position, model, written)
    reasons = _rule_reasons(features, car, pairs, window) + _post_reasons(features, pairs)
    reasons += _score_reasons(features, car, (x, y), closest, pairs, window, model)
    if not reasons:
        reasons.append(_when_nothing_else(ordered, first, second, window, model))
    return Apart(tuple(reasons), closest)


def _topic_reason(first_is_car: bool, second_is_car: bool) -> Reason | None:
    if first_is_car and second_is_car:
        return None
    if first_is_car or second_is_car:
        which = "the second story is not" if first_is_car else "the first story is not"
    else:
        which = "neither story is"
    return Reason(
        (),
        f"{which} car news: stories not about cars join only by a shared link or one title "
        "in two feeds",
    )


def _post_reasons(features: Sequence[_Features], pairs: Sequence[tuple[int, int]]) -> list[Reason]:
    """What keeps community posts (a subreddit's, a forum's) apart: from each other, and from
    news they share too little with (``stories._discusses``)."""
    first = all(features[x].community for x, _ in pairs)
    second = all(features[y].community for _, y in pairs)
    if first and second:
        return [Reason((), "both are community posts: two threads never join")]
    if first or second:
        return [
            Reason(
                (),
                "a community post joins a news story only where the clustering is "
                f"{POST_JOINS:.0%} sure and they share two subject terms, a model or a figure",
            )
        ]
    return []


def _rule_reasons(
    features: Sequence[_Features],
    pool: Sequence[ClusterInput],
    pairs: Sequence[tuple[int, int]],
    window: timedelta,
) -> list[Reason]:
    """The hard rules: a story spans at most two windows; a member may rule out another."""
    reasons = []
    stamps = [features[p].stamp for pair in pairs for p in pair]
    span = (max(stamps) - min(stamps)) / 86_400
    most = SPAN_WINDOWS * window.total_seconds() / 86_400
    if span > most:
        reasons.append(
            Reason(
                (),
                f"together they would span {span:.1f} days: a story spans at most {most:g} "
                "(one event is told within days; longer, it is a series)",
            )
        )
    ruled_out = []
    for x, y in pairs:
        why = conflict(features[x], features[y])
        if why:
            ruled_out.append(Reason((pool[x].key, pool[y].key), f"rule each other out: {why}"))
    if len(ruled_out) > _CONFLICTS_SHOWN:
        more = Reason((), f"(and {len(ruled_out) - _CONFLICTS_SHOWN} more pairs ruled out)")
        ruled_out = [*ruled_out[:_CONFLICTS_SHOWN], more]
    return reasons + ruled_out


def _score_reasons(
    features: Sequence[_Features],
    pool: Sequence[ClusterInput],
    closest: tuple[int, int],
    merge: Merge,
    pairs: Sequence[tuple[int, int]],
    window: timedelta,
    model: PairModel,
) -> list[Reason]:
    """The soft ones: the likeliest pair is too unlikely, was never compared, or the two
    stories are not alike enough on average."""
    x, y = closest
    pair = (pool[x].key, pool[y].key)
    why = unproven(features[x], features[y], _common(features[x], features[y]))
    if why is not None:
        # The rule that asked for more, so that the figures and names listed below (which
        # the pair may well share) do not read as contradicting it.
        return [Reason(pair, f"(the likeliest pair) are not proven one event: {why}")]
    chance = merge.probability or 0.0
    if chance < model.threshold:
        text = (
            f"(the likeliest pair across them) score {chance:.2f}; a merge needs "
            f"{model.threshold:.2f}"
        )
        return [Reason(pair, text)]
    hours, most = abs(features[x].stamp - features[y].stamp) / 3600, window.total_seconds() / 3600
    if hours > most:
        text = f"(the likeliest pair) are {hours:.0f} h apart; items are compared within {most:g} h"
        return [Reason(pair, text)]
    if not _compared(features, x, y):
        text = (
            "(the likeliest pair) were never compared: items find each other by the subject "
            "terms and figures they share within one maker's group, and these share none that "
            "is not too common to tell events apart"
        )
        return [Reason(pair, text)]
    return _cohesion_reason(features, pairs, window, model)


def _compared(features: Sequence[_Features], x: int, y: int) -> bool:
    """Whether the clustering's index puts the two items before each other: the later one
    looks up keys the earlier one is filed under."""
    earlier, later = sorted((x, y), key=lambda p: features[p].stamp)
    common = common_terms(features)
    filed, _ = _index_keys(features[earlier], common)
    _, looked_up = _index_keys(features[later], common)
    return not set(filed).isdisjoint(looked_up)


def _cohesion_reason(
    features: Sequence[_Features],
    pairs: Sequence[tuple[int, int]],
    window: timedelta,
    model: PairModel,
) -> list[Reason]:
    if len(pairs) == 1:
        return []
    span = window.total_seconds()
    near = [(x, y) for x, y in pairs if abs(features[x].stamp - features[y].stamp) <= span]
    if not near:
        return []
    scores = (weighed(features[x], features[y], model) for x, y in near)
    mean = sum(map(probability, scores)) / len(near)
    if mean >= model.cohesion:
        return []
    text = (
        f"on average over their {len(near)} pairs the two stories score {mean:.2f}; stories of "
        f"several sources join from {model.cohesion:.2f} (single links would chain one topic's "
        "events into one story)"
    )
    return [Reason((), text)]


def _when_nothing_else(
    ordered: Sequence[ClusterInput],
    first: Collection[int],
    second: Collection[int],
    window: timedelta,
    model: PairModel,
) -> Reason:
    """No rule and no score keeps them apart now: today's evidence either joins them (an
    earlier run told them apart, and a story keeps its identity) or joined each to others
    first."""
    wanted = set(first) | set(second)
    for story in clustering(ordered, window, {}, model).stories:
        if wanted <= set(story):
            text = (
                "today's evidence would join them: an earlier run told them apart, and a story "
                "keeps its identity once told (its id, what --new delivered)"
            )
            return Reason((), text)
    text = (
        "each joined other items first (the likeliest pairs join first), and the stories so "
        "made are not alike enough to join"
    )
    return Reason((), text)
