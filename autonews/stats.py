"""`autonews stats`: story counts over time from the store, by maker or by event type.

Counts are of stories (items clustered as in a digest), so a recall told by five outlets
counts once. Each row also has a count per period (day, week, month or year, by the range's
length) for a small timeline: calendar days (or weeks, months, years of them) in the reader's
time zone, so a story of 23:30 is on the day the reader
lived it. As in a digest, stories not about cars (none of their items is) are left out, and
counted; so are those the [classify] mute rules leave out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from autonews.models import Story

if TYPE_CHECKING:
    from autonews.config import ClassifyConfig, Config
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
    period: str  # day, week, month or year
    rows: tuple[StatsRow, ...]
    stories: int
    not_about_cars: int = 0  # stories left out: none of their items is about cars
    muted: int = 0  # car stories the [classify] mute rules left out, as a digest counts them
    makers: tuple[str, ...] = ()  # --maker: only stories naming these brands or groups


def _period(since: date, until: date) -> str:
    """The timeline's period: days over two weeks, weeks over half a year, months over five
    years, years beyond (`--since all` can reach back a decade: its weeks would be too many to
    draw, and no timeline was drawn)."""
    days = (until - since).days
    if days <= 14:
        return "day"
    if days <= 182:
        return "week"
    return "month" if days <= 5 * 366 else "year"


def _index(day: date, first: date, period: str) -> int:
    """Which period of the timeline a calendar day is in (0: the one ``first`` is in)."""
    if period == "day":
        return (day - first).days
    if period == "week":
        return (day - first).days // 7
    if period == "month":
        return (day.year - first.year) * 12 + day.month - first.month
    return day.year - first.year


def _day(moment: datetime, zone: tzinfo | None) -> date:
    return moment.astimezone(zone).date()


def stored_stories(
    store: Store, config: Config, since: datetime | None, now: datetime
) -> list[Story]:
    """The stories of the stored items published since ``since``, as ``digest --offline`` makes
    them: of the feeds it reads (the config's enabled feeds; every feed the store knows when
    the config lists none, as for digests given ``--feed``), with the classifications it stored
    (a car feed's terse items included), the article bodies the store holds, the stories
    earlier runs made. Nothing is written but the classifier's cache."""
    from autonews.articles import read_articles
    from autonews.labels import classify_items
    from autonews.story_build import build_story
    from autonews.story_groups import grouped

    feeds = config.active_feeds if config.feeds else store.known_feeds()
    items = store.items(feeds, since)
    articles = read_articles(store, items, config, now).articles
    classified = classify_items(store, config, items, articles)
    by_id = {item.id: item for item in items}
    return [
        build_story([by_id[i] for i in members], classified, articles, "")
        for members in grouped(store, config, feeds, items, classified, articles)
    ]


def without_muted(stories: Sequence[Story], settings: ClassifyConfig) -> tuple[list[Story], int]:
    """The stories the [classify] mute rules leave (a digest never shows the others), and how
    many car stories they took, as a digest counts them in its footer. Maker names are read
    as a digest reads them: any alias, any case."""
    if not (settings.mute_makers or settings.mute_events or settings.mute_patterns):
        return list(stories), 0
    from autonews.classify.lookup import knowledge_for
    from autonews.digest import Filters, apply_filters, resolve_wanted_makers
    from autonews.errors import ConfigError

    makers = resolve_wanted_makers(
        settings.mute_makers,
        knowledge_for(settings),
        "config key 'classify.mute_makers'",
        ConfigError,
    )
    rules = Filters(
        mute_makers=makers, mute_events=settings.mute_events, mute_patterns=settings.mute_patterns
    )
    kept = apply_filters(stories, rules, shown=lambda story: story.classification.automotive)
    return kept.stories, kept.muted


def compute_stats(
    stories: Sequence[Story],
    since: datetime | None,
    until: datetime,
    by: str = "maker",
    event: str | None = None,
    zone: tzinfo | None = None,
    makers: Sequence[str] = (),
) -> Stats:
    """Every row, most stories first: a display may draw only the top ones, JSON gets all.
    ``zone``: the reader's time zone (None: the system's), whose calendar days the timeline
    counts and in which ``since`` and ``until`` are given back. ``since`` None (`--since all`):
    the range is that of the stories counted, earliest to latest (not of everything stored:
    a world-news item of 2008 is no reason to draw eighteen years). ``makers`` (brand or
    group names, as resolved): only the stories naming one, each counted under the first it
    names, as ``digest --maker`` files them."""
    from autonews.company_headings import company_row, owned_company
    from autonews.digest import INDUSTRY, asked_maker, matches_maker

    wanted = {name.lower() for name in makers}
    counted: list[tuple[str, datetime]] = []
    left_out = 0
    for story in stories:
        c = story.classification
        if not c.automotive:
            left_out += 1
            continue
        if event and c.event.value != event:
            continue
        if makers and not matches_maker(story, makers):  # "Industry" too: naming no maker
            continue
        asked = [maker for maker in c.makers if asked_maker(maker, wanted)]
        first = asked[0] if asked else (c.makers[0] if c.makers else None)
        key = c.event.value if by == "event" else (first.name if first else INDUSTRY)
        if by == "group" and first:
            key = first.group
        elif by != "event" and first is None and (company := owned_company(story)):
            key = company_row(company, by)  # "Denso (Toyota)", as the digest heads it
        counted.append((key, story.published))
    if since is None:
        moments = [published for _, published in counted] or [until]
        since, until = min(moments), max(moments)
    first_day, last_day = _day(since, zone), _day(until, zone)
    name = _period(first_day, last_day)
    buckets = _index(last_day, first_day, name) + 1
    totals: Counter[str] = Counter()
    timeline: dict[str, list[int]] = defaultdict(lambda: [0] * buckets)
    for key, published in counted:
        totals[key] += 1
        index = _index(_day(published, zone), first_day, name)
        timeline[key][min(buckets - 1, max(0, index))] += 1
    rows = tuple(StatsRow(key, count, tuple(timeline[key])) for key, count in totals.most_common())
    return Stats(
        by,
        since.astimezone(zone),
        until.astimezone(zone),
        name,
        rows,
        sum(totals.values()),
        left_out,
        makers=tuple(makers),
    )
