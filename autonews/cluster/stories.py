"""Agglomeration: scored pairs merged best first into stories.

Pairs are joined through a union-find over item positions. A join is refused when a member of
one story rules out a member of the other (``_conflict``), when the story would span more than
two windows, or when two stories of several items are not alike on average over their pairs
(the model's cohesion), so that single links do not chain one topic's events into one story.
Items an earlier run placed stay in their stories.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta

from autonews.cluster.candidates import _reposts, _same_links, _scored_pairs
from autonews.cluster.features import _Features, features_of
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.model import PairModel, _conflict, _probability, pair_features, pair_model


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
