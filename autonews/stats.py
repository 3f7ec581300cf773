"""`autonews stats`: story counts over time from the store, by maker or by event type.

Counts are of stories (items clustered as in a digest), so a recall told by five outlets
counts once. Each row also has a count per period (day or week) for a small timeline: calendar
days (or weeks of them) in the reader's time zone, so a story of 23:30 is on the day the reader
lived it. As in a digest, stories not about cars (none of their items is) are left out, and
counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

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


def _period(since: datetime, until: datetime) -> tuple[str, int]:
    """The timeline's period and its length in days."""
    return ("day", 1) if until - since <= timedelta(days=14) else ("week", 7)


def _day(moment: datetime, zone: tzinfo | None) -> date:
    return moment.astimezone(zone).date()


def compute_stats(
    items: Sequence[Item],
    classifier: Classifier,
    since: datetime,
    until: datetime,
    by: str = "maker",
    event: str | None = None,
    zone: tzinfo | None = None,
) -> Stats:
    """Every row, most stories first: a display may draw only the top ones, JSON gets all.
    ``zone``: the reader's time zone (None: the system's), whose calendar days the timeline
    counts and in which ``since`` and ``until`` are given back."""
    classified: dict[int, Classification] = {
        item.id: classifier.classify(item.title, item.summary) for item in items
    }
    groups = cluster([ClusterInput.from_item(item, classified[item.id]) for item in items])
    by_id = {item.id: item for item in items}
    name, days = _period(since, until)
    first_day = _day(since, zone)
    buckets = max(1, (_day(until, zone) - first_day).days // days + 1)
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
        index = min(buckets - 1, max(0, (_day(first.published, zone) - first_day).days // days))
        timeline[key][index] += 1
    rows = tuple(StatsRow(key, count, tuple(timeline[key])) for key, count in totals.most_common())
    return Stats(
        by,
        since.astimezone(zone),
        until.astimezone(zone),
        name,
        rows,
        sum(totals.values()),
        left_out,
    )
