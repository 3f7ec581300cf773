"""Items of feeds that are not car feeds are grouped only when they are one report.

What tells one event from another here (makers, models, parts, counterparts, stages of a deal)
is car-industry knowledge; it has nothing to say about world news, tech blogs or games. Weighed by
the pair model, such items merged different events that share a name (two Rubio stories, a
parade and a party of one carnival, parts 7 and 8 of a blog series). A digest only counts them
unless asked to show them, and a missed merge costs a line where a wrong one hides news. So an
item not about cars, from a feed whose items are mostly not about cars, joins another only as
the same report: the same link, a feed's re-post, the same title from another feed within the
window (an agency story that several papers carry), or the story an earlier run put it in.
The car items are clustered in full, and so are all items of a car feed (at least half its
items in the run about cars): the classifier misses some car news (a recall told without the
maker's name), and there it is still car news. Whatever shares a link with a car item (or was
in its story in an earlier run) is clustered in full too; one title joins only items outside
the car part. The split also spares the clustering of mixed subscriptions most of its
work: the feeds that are not car feeds hold most of their items.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import timedelta

from autonews.car_feeds import unjudged_car_feed
from autonews.cluster.candidates import _reposts, _same_links
from autonews.cluster.inputs import ClusterInput

# A title this short ("Photos", "Open thread", "Links for Monday") names a column, not an event.
SAME_TITLE_WORDS = 5
SAME_TITLE_CJK = 10  # characters, for a title without spaces
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

Pair = tuple[int, int, str]  # two positions and how they were joined
SPAN_WINDOWS = 2  # a story spans at most two windows (6 days by default) from first to last


class _Groups:
    """Union-find over positions that keeps an earlier run's stories apart (two stories it told
    apart never become one, as in the car part) and knows each group's first and last time."""

    def __init__(self, ordered: Sequence[ClusterInput], assigned: Mapping[int, str]) -> None:
        self.parent = list(range(len(ordered)))
        self.label = [assigned.get(item.key) for item in ordered]
        self.span = [(item.published, item.published) for item in ordered]

    def root(self, position: int) -> int:
        while self.parent[position] != position:
            self.parent[position] = self.parent[self.parent[position]]
            position = self.parent[position]
        return position

    def join(self, first: int, second: int, longest: timedelta | None = None) -> bool:
        """Join two groups unless they are two stories of an earlier run, or (``longest``)
        would together span longer than that."""
        a, b = self.root(first), self.root(second)
        if a == b:
            return False
        label_a, label_b = self.label[a], self.label[b]
        if label_a is not None and label_b is not None and label_a != label_b:
            return False
        start = min(self.span[a][0], self.span[b][0])
        end = max(self.span[a][1], self.span[b][1])
        if longest is not None and end - start > longest:
            return False
        keep, gone = min(a, b), max(a, b)
        self.parent[gone] = keep
        self.label[keep] = label_a or label_b
        self.span[keep] = (start, end)
        return True


def split_by_topic(
    ordered: Sequence[ClusterInput], window: timedelta, assigned: Mapping[int, str]
) -> tuple[list[ClusterInput], list[list[int]], list[Pair]]:
    """Of items in publication order: those to cluster in full (car items, the items of car
    feeds and of unknown feeds, and whatever is one report with one), in order; the
    other stories (lists of positions in ``ordered``); and the joins that made them."""
    groups = _Groups(ordered, assigned)
    joins: list[Pair] = []
    first_of_label: dict[str, int] = {}
    for position, item in enumerate(ordered):
        label = assigned.get(item.key)
        if label is not None:
            earlier = first_of_label.setdefault(label, position)
            if groups.join(earlier, position):
                joins.append((earlier, position, "earlier run"))
    for how, found in (("same link", _same_links(ordered)), ("re-post", _reposts(ordered, window))):
        for first, second in found:
            if groups.join(first, second):
                joins.append((first, second, how))
    # A car feed's terse titles are car news already (``autonews.labels``): what it left out of
    # the car news names something else ("Fed holds rates", "Apple in talks to buy ..."), and
    # joins a car story only as one report with one. A feed of too few items to judge gets the
    # benefit of the doubt.
    unjudged = _unjudged_car_feeds(ordered)
    about_cars = {
        groups.root(position)
        for position, item in enumerate(ordered)
        if item.classification.automotive or item.source in unjudged or not item.source
    }
    for first, second in _same_titles(ordered, window):
        apart = groups.root(first) not in about_cars and groups.root(second) not in about_cars
        # A title two wires repeat week after week is a column, not one event: a story spans
        # at most two windows, as in the car part.
        if apart and groups.join(first, second, SPAN_WINDOWS * window):
            joins.append((first, second, "same title"))
    car: list[ClusterInput] = []
    others: dict[int, list[int]] = {}
    for position, item in enumerate(ordered):
        root = groups.root(position)
        if root in about_cars:
            car.append(item)
        else:
            others.setdefault(root, []).append(position)
    other_positions = {p for members in others.values() for p in members}
    kept = [(a, b, how) for a, b, how in joins if a in other_positions]
    return car, list(others.values()), kept


def _unjudged_car_feeds(ordered: Sequence[ClusterInput]) -> set[str]:
    items: Counter[str] = Counter()
    cars: Counter[str] = Counter()
    for item in ordered:
        items[item.source] += 1
        cars[item.source] += item.classification.automotive
    return {feed for feed, count in items.items() if unjudged_car_feed(count, cars[feed])}


def _same_titles(ordered: Sequence[ClusterInput], window: timedelta) -> list[tuple[int, int]]:
    """Items of different feeds with one title (of a few words at least) within the window."""
    latest: dict[str, int] = {}
    pairs = []
    for position, item in enumerate(ordered):
        key = _title_key(item.title)
        if key is None:
            continue
        earlier = latest.get(key)
        if (
            earlier is not None
            and ordered[earlier].source != item.source
            and item.published - ordered[earlier].published <= window
        ):
            pairs.append((earlier, position))
        latest[key] = position
    return pairs


def _title_key(title: str) -> str | None:
    words = _WORD.findall(title.casefold())
    key = " ".join(words)
    if len(words) >= SAME_TITLE_WORDS or len(_CJK.findall(key)) >= SAME_TITLE_CJK:
        return key
    return None
