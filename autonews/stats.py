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
from typing import TYPE_CHECKING

from autonews.models import Story

if TYPE_CHECKING:
    from autonews.config import Config
    from autonews.store import Store


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


def stored_stories(
    store: Store, config: Config, since: datetime | None, now: datetime
) -> list[Story]:
    """The stories of the stored items published since ``since``, as ``digest --offline`` makes
    them: the classifications it stored (a car feed's terse items included), the article bodies
    the store holds, the stories earlier runs made. Nothing is written but the classifier's
    cache."""
    from autonews.articles import read_articles
    from autonews.digest import build_story
    from autonews.pipeline import classify_items, grouped

    items = store.items(store.known_feeds(), since)
    articles = read_articles(store, items, config, now).articles
    classified = classify_items(store, config, items, articles)
    by_id = {item.id: item for item in items}
    return [
        build_story([by_id[i] for i in members], classified, articles, "")
        for members in grouped(store, config, items, classified, articles)
    ]


def compute_stats(
    stories: Sequence[Story],
    since: datetime,
    until: datetime,
    by: str = "maker",
    event: str | None = None,
    zone: tzinfo | None = None,
) -> Stats:
    """Every row, most stories first: a display may draw only the top ones, JSON gets all.
    ``zone``: the reader's time zone (None: the system's), whose calendar days the timeline
    counts and in which ``since`` and ``until`` are given back."""
    name, days = _period(since, until)
    first_day = _day(since, zone)
    buckets = max(1, (_day(until, zone) - first_day).days // days + 1)
    totals: Counter[str] = Counter()
    timeline: dict[str, list[int]] = defaultdict(lambda: [0] * buckets)
    left_out = 0
    for story in stories:
        c = story.classification
        if not c.automotive:
            left_out += 1
            continue
        if event and c.event.value != event:
            continue
        key = c.event.value if by == "event" else (c.makers[0].name if c.makers else "Industry")
        if by == "group" and c.makers:
            key = c.makers[0].group
        totals[key] += 1
        index = min(buckets - 1, max(0, (_day(story.published, zone) - first_day).days // days))
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
