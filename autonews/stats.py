"""`autonews stats`: story counts over time from the store, by maker or by event type.

Counts are of stories (items clustered as in a digest), so a recall told by five outlets
counts once. Each row also has a count per period (day or week) for a small timeline. As in a
digest, stories not about cars (none of their items is) are left out, and counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.models import Classification, Item


@dataclass(frozen=True)
class StatsRow:
    key: str
    total: int
    per_period: tuple[int, ...]


@dataclass(frozen=True)
class Stats:
    by: str
    since: datetime
    until: datetime
    period: str  # day or week
    rows: tuple[StatsRow, ...]
    stories: int
    not_about_cars: int = 0  # stories left out: none of their items is about cars


def _period(since: datetime, until: datetime) -> tuple[str, timedelta]:
    return (
        ("day", timedelta(days=1))
        if until - since <= timedelta(days=14)
        else ("week", timedelta(days=7))
    )


def compute_stats(
    items: Sequence[Item],
    classifier: Classifier,
    since: datetime,
    until: datetime,
    by: str = "maker",
    event: str | None = None,
) -> Stats:
    """Every row, most stories first: a display may draw only the top ones, JSON gets all."""
    classified: dict[int, Classification] = {
        item.id: classifier.classify(item.title, item.summary) for item in items
    }
    groups = cluster([ClusterInput.from_item(item, classified[item.id]) for item in items])
    by_id = {item.id: item for item in items}
    name, step = _period(since, until)
    buckets = max(1, int((until - since) / step) + 1)
    totals: Counter[str] = Counter()
    timeline: dict[str, list[int]] = defaultdict(lambda: [0] * buckets)
    left_out = 0
    for members in groups:
        cars = [by_id[i] for i in members if classified[i].automotive]
        if not cars:
            left_out += 1
            continue
        first = min(cars, key=lambda item: item.published)
        c = classified[first.id]
        if event and c.event.value != event:
            continue
        key = c.event.value if by == "event" else (c.makers[0].name if c.makers else "Industry")
        if by == "group" and c.makers:
            key = c.makers[0].group
        totals[key] += 1
        index = min(buckets - 1, max(0, int((first.published - since) / step)))
        timeline[key][index] += 1
    rows = tuple(StatsRow(key, count, tuple(timeline[key])) for key, count in totals.most_common())
    return Stats(by, since, until, name, rows, sum(totals.values()), left_out)
