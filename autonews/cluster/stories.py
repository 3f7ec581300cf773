"""Agglomeration: scored pairs merged best first into stories.

Pairs are joined through a union-find over item positions. A join is refused when a member of
one story rules out a member of the other (``_conflict``), when the story would span more than
two windows, or when two stories of several items are not alike on average over their pairs
(the model's cohesion), so that single links do not chain one topic's events into one story.
Items an earlier run placed stay in their stories.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from autonews.cluster.candidates import _reposts, _same_links, _scored_pairs
from autonews.cluster.features import _Features, features_of
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.model import (
    PairModel,
    _common,
    conflict,
    pair_features,
    pair_model,
    positive,
    probability,
)
from autonews.cluster.proof import _told_figure
from autonews.cluster.topics import SPAN_WINDOWS, split_by_topic
from autonews.collector import collection_paused
from autonews.earlier_stories import as_assigned

# Log-odds taken from a pair without positive evidence when two stories' members are weighed
# on average: it may belong with the others, but proves nothing.
UNPROVEN = 2.0
# How sure the pair model must be that a community post (a subreddit's, a forum's) discusses a
# news report for it to join that report's story: a user's question shares a word or a model
# with news more often than two outlets' reports of different events do ("Which home charger
# for a Model Y" and Tesla's Powerwall 4 at 0.86, "Lost 30% range … 2021 ID.3?" and the ID.3
# recall at 0.78; "R2 production started!!" and Rivian's R2 production start at 0.93: trial 44).
POST_JOINS = 0.9


@dataclass(frozen=True)
class Join:
    """One merge that made a story: two items (by key), how they were joined, and for a pair
    the model's probability that they tell one event (None for links, re-posts and the
    stories of an earlier run)."""

    first: int
    second: int
    how: str  # "same link", "re-post", "same title", "earlier run" or "pair"
    probability: float | None = None


@dataclass(frozen=True)
class Clustering:
    """Stories (item keys, each list in publication order) and the joins that made them."""

    stories: list[list[int]]
    joins: list[Join]


def cluster(
    items: Sequence[ClusterInput],
    window: timedelta = timedelta(hours=72),
    assigned: Mapping[int, str] | None = None,
    model: PairModel | None = None,
    context: Sequence[ClusterInput] = (),
    reopened: Collection[int] = (),
    kept_apart: Collection[str] = (),
) -> list[list[int]]:
    """Group items into stories; returns lists of item keys, each list in publication order.

    Pairs of items within the window are scored by the pair model and merged best first, unless
    a member of one story rules out a member of the other (different makers, unit counts,
    models). ``assigned`` maps item keys to the story an earlier run put them in: they stay
    there, two such stories never merge, and pairs of assigned items are not compared (a warm
    run with nothing new compares nothing). ``context``: items an earlier run clustered before
    these (``autonews.run_context``), which only weigh their terms: how rare each is, which
    one feed alone uses, which title prefixes are a feed's series. ``reopened``: keys of
    assigned items their feed has retitled since (a corrected count): each stays in its story,
    but that story may join another an earlier run told apart from it, where today's evidence
    joins them (trial 44: "13,200" corrected to "132,000" is the other outlet's 132,000).
    ``kept_apart``: the stories (by key) the user took out of others (`story --detach`): a
    retitle reopens no join to or from them (review 35)."""
    return clustering(items, window, assigned, model, context, reopened, kept_apart).stories


def clustering(
    items: Sequence[ClusterInput],
    window: timedelta = timedelta(hours=72),
    assigned: Mapping[int, str] | None = None,
    model: PairModel | None = None,
    context: Sequence[ClusterInput] = (),
    reopened: Collection[int] = (),
    kept_apart: Collection[str] = (),
) -> Clustering:
    """``cluster``, with the joins that made each story (for ``autonews story --explain``)."""
    assigned = assigned or {}
    reopened = {key for key in reopened if key in assigned}
    if all(item.key in assigned for item in items) and not reopened:
        return _by_assignment(items, assigned)
    ordered = sorted(items, key=lambda item: (item.published, item.key))
    car, others, other_joins = split_by_topic(ordered, window, assigned)
    found = Clustering([], [])
    if car:
        with collection_paused():
            # The car news among them: rarity is weighed among the car items, as here.
            weighed_with = [item for item in context if item.classification.automotive]
            features = features_of(car, weighed_with)
            found = clustered(
                car, features, window, assigned, model or pair_model(), reopened, kept_apart
            )
    return with_other_topics(ordered, found, others, other_joins)


def with_other_topics(
    ordered: Sequence[ClusterInput],
    found: Clustering,
    others: list[list[int]],
    other_joins: Sequence[tuple[int, int, str]],
) -> Clustering:
    """The car stories and the other stories (positions in ``ordered``) as one clustering, its
    stories in order of their first item."""
    keys = [[ordered[p].key for p in members] for members in others]
    order = {item.key: position for position, item in enumerate(ordered)}
    stories = sorted(found.stories + keys, key=lambda members: order[members[0]])
    joins = found.joins + [Join(ordered[a].key, ordered[b].key, how) for a, b, how in other_joins]
    return Clustering(stories, joins)


def clustered(
    ordered: Sequence[ClusterInput],
    features: Sequence[_Features],
    window: timedelta,
    assigned: Mapping[int, str],
    model: PairModel,
    reopened: Collection[int] = (),
    kept_apart: Collection[str] = (),
) -> Clustering:
    """Items in publication order and their evidence, clustered (``reopened``, ``kept_apart``:
    ``cluster``'s)."""
    labels = [assigned.get(item.key) for item in ordered]
    open_at = {position for position, item in enumerate(ordered) if item.key in reopened}
    pairs = sorted(_scored_pairs(features, labels, window, model, open_at))
    known = {(first, second): -score for score, first, second in pairs}

    def link(x: int, y: int) -> float:
        """The probability that two items tell one event."""
        first, second = min(x, y), max(x, y)
        score = known.get((first, second))
        if score is None:
            score = known[first, second] = weighed(features[first], features[second], model)
        return probability(score)

    stories = _Stories(features, labels, link, model.cohesion, window, open_at, kept_apart)
    joins = [Join(ordered[a].key, ordered[b].key, "earlier run") for a, b in stories.joined]
    for how, found in (("same link", _same_links(ordered)), ("re-post", _reposts(ordered, window))):
        for first, second in found:
            if stories.join(first, second, check=False):
                joins.append(Join(ordered[first].key, ordered[second].key, how))
    for score, first, second in pairs:
        a, b = features[first], features[second]
        if (a.community or b.community) and not _discusses(a, b, probability(-score)):
            continue
        if stories.join(first, second):
            joins.append(Join(ordered[first].key, ordered[second].key, "pair", probability(-score)))
    groups = [[ordered[p].key for p in members] for members in stories.groups()]
    return Clustering(groups, joins)


def _discusses(a: _Features, b: _Features, sure: float) -> bool:
    """Whether a pair a community post is in is a post and the news it discusses: the model
    ``sure`` of it (POST_JOINS), and more in common than one word (Amsterdam's country with
    the Dutch FSD approval, "home" with a home battery's launch): two subject terms, a model
    or a figure telling an event."""
    if sure < POST_JOINS:
        return False
    both = a.subject.keys() & (b.subject.keys() if a.cjk is b.cjk else b.bridging)
    return len(both) >= 2 or not a.models.isdisjoint(b.models) or _told_figure(a, b)


def weighed(a: _Features, b: _Features, model: PairModel) -> float:
    """A pair's log-odds as the clustering weighs two stories' members on average: the model's
    score, less UNPROVEN where nothing both name proves one event."""
    score = model.score(pair_features(a, b))
    if not positive(a, b, _common(a, b)):
        score -= UNPROVEN  # alike in words, but nothing shared to prove one event
    return score


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
        reopened: Collection[int] = (),
        kept_apart: Collection[str] = (),
    ) -> None:
        self._features = features
        self._reopened = set(reopened)  # positions of retitled items (``cluster``'s reopened)
        self._kept_apart = set(kept_apart)  # labels of stories `story --detach` made
        self._link = link
        self._cohesion = cohesion
        self._span = window.total_seconds()
        self._refused: set[tuple[int, int, int, int]] = set()
        self._parent = list(range(len(features)))
        self._members: dict[int, list[int]] = {p: [p] for p in range(len(features))}
        self._label: dict[int, str] = {}
        by_label: dict[str, int] = {}
        self.joined: list[tuple[int, int]] = []  # the joins of an earlier run's stories
        for position, label in enumerate(labels):
            if label is not None:
                self._label.setdefault(position, label)
                first = by_label.setdefault(label, position)
                if self.join(first, position, check=False):
                    self.joined.append((first, position))

    def _root(self, position: int) -> int:
        while self._parent[position] != position:
            self._parent[position] = self._parent[self._parent[position]]
            position = self._parent[position]
        return position

    def join(self, first: int, second: int, check: bool = True) -> bool:
        """Join the stories of two items; whether they were two stories and now are one."""
        a, b = self._root(first), self._root(second)
        if a == b:
            return False
        label_a, label_b = self._label.get(a), self._label.get(b)
        told_apart = label_a is not None and label_b is not None and label_a != label_b
        if told_apart and (
            not check
            or label_a in self._kept_apart
            or label_b in self._kept_apart
            or not self._reopened_story(a, b)
        ):
            # Two stories an earlier run told apart keep their identities; one the user took
            # out of a story stays apart whatever a feed retitles.
            return False
        if check and not self._as_discussion(first, second, self._members[a], self._members[b]):
            return False
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
                return False
            if not self._compatible(members_a, members_b):
                self._refused.add(asked)
                return False
        if len(self._members[a]) < len(self._members[b]):
            a, b = b, a
        self._parent[b] = a
        self._members[a].extend(self._members.pop(b))
        label = label_a or label_b
        if label is not None:
            self._label[a] = label
        return True

    def _reopened_story(self, a: int, b: int) -> bool:
        """Whether either story (by its root) holds an item its feed retitled since an earlier
        run told the two apart: what it was told apart by may be what the feed corrected."""
        members = self._members
        return any(p in self._reopened for p in members[a]) or any(
            p in self._reopened for p in members[b]
        )

    def _as_discussion(
        self, first: int, second: int, story_a: list[int], story_b: list[int]
    ) -> bool:
        """Whether a pair a community post is in may join their stories: the post, not yet in a
        news story, joins a news report's story as its readers' discussion. Two posts are two
        threads, however alike (two questions about an EV6), and a post in one news story
        joins no other: it is no evidence that two reports tell one event."""
        features = self._features
        if not (features[first].community or features[second].community):
            return True
        if features[first].community and features[second].community:
            return False
        post = story_a if features[first].community else story_b
        return all(features[p].community for p in post)

    def _compatible(self, first: list[int], second: list[int]) -> bool:
        """The joined story would span at most two windows, no member rules out a member of
        the other story, and the mean probability over the pairs across them within the window
        reaches the cohesion; two single items are judged by their own pair's threshold."""
        features, link = self._features, self._link
        stamps = [features[p].stamp for p in first] + [features[p].stamp for p in second]
        if max(stamps) - min(stamps) > SPAN_WINDOWS * self._span:
            return False  # one event is told within days; months of a blog are a series
        if any(conflict(features[x], features[y]) for x in first for y in second):
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


def _by_assignment(items: Sequence[ClusterInput], assigned: Mapping[int, str]) -> Clustering:
    groups = as_assigned(((item.published, item.key) for item in items), assigned)
    joins = [Join(keys[0], key, "earlier run") for keys in groups for key in keys[1:]]
    return Clustering(groups, joins)
