"""One digest run, stage by stage: fetch -> parse -> store -> extract -> classify -> cluster ->
digest. Pure orchestration: each stage lives in its own module; progress is reported through a
callback so the CLI can draw it on stderr."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from autonews.articles import PageReport, read_articles
from autonews.classify import Classifier
from autonews.classify.configured import classifier_for, classifier_version
from autonews.cluster import ClusterInput, cluster
from autonews.config import ClassifyConfig, Config, FeedConfig
from autonews.digest import (
    Filters,
    apply_filters,
    build_digest,
    build_story,
    headline_figure,
    mark_repeated_failures,
    reader_language,
)
from autonews.errors import AutonewsError
from autonews.fetch import FetchRequest, fetch_all
from autonews.models import (
    Article,
    Classification,
    Digest,
    FeedHealth,
    FeedStatus,
    FetchResult,
    Item,
    ParsedFeed,
    SkippedPage,
    Story,
)
from autonews.parse import parse_feed
from autonews.store import Delivery, Store
from autonews.timeparse import parse_duration, parse_since, utcnow

Progress = Callable[[str, int, int], None]  # stage, done, total
PARSE_POOL_THRESHOLD = 24  # feeds; below this, worker processes cost more than they save


@dataclass(frozen=True)
class DigestOptions:
    """How to run one digest. The window (``since``) and the grouping come from the config's
    [digest] section, which ``--since`` and ``--group-by`` override as flags."""

    feeds: tuple[FeedConfig, ...] = ()
    extract: bool = True
    offline: bool = False
    filters: Filters = field(default_factory=Filters)
    now: datetime | None = None
    new_only: bool = False  # --new: stories not delivered by an earlier --new digest
    channel: str = ""  # which digest's delivered-state --new uses ([[digests]] name)


@dataclass(frozen=True)
class DigestRun:
    """A digest and what to record once it has really been delivered."""

    digest: Digest
    deliveries: tuple[tuple[str, Delivery], ...] = ()
    channel: str = ""
    new_only: bool = False

    def commit(self, store: Store, now: datetime | None = None) -> None:
        if self.deliveries:
            store.mark_delivered(self.deliveries, now or utcnow(), self.channel)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def parse_result(result: FetchResult, max_items: int) -> ParsedFeed | str:
    """Parse one fetched feed; returns the error message instead of raising (pool-friendly)."""
    try:
        parsed = parse_feed(result.body or b"", result.content_type, result.final_url or result.url)
    except AutonewsError as exc:
        return exc.message
    except Exception as exc:  # a parser bug must not cost the other feeds
        return f"parser failed: {type(exc).__name__}: {exc}"
    newest = sorted(
        parsed.entries, key=lambda e: e.published.timestamp() if e.published else 0, reverse=True
    )
    # parse_feed's text rule (autonews/parse/text_rules.py) has dropped lone surrogates and C0
    # controls: every later stage (store, classify, render, delivery) gets encodable text.
    return replace(parsed, entries=tuple(newest[:max_items]))


Records = list[list[Any] | None]  # one per entry: a classification record, or None


def parse_and_classify(
    result: FetchResult, max_items: int, settings: ClassifyConfig, since: datetime | None
) -> tuple[ParsedFeed | str, Records]:
    """In a worker process: parse one feed and classify its entries that fall in the digest's
    window (title and summary), so the main process finds them already made."""
    parsed = parse_result(result, max_items)
    if isinstance(parsed, str):
        return parsed, []
    classifier: Classifier | None = None
    records: Records = []
    for entry in parsed.entries:
        if since is not None and entry.published is not None and entry.published < since:
            records.append(None)  # outside the window: nobody looks at it in this run
            continue
        classifier = classifier or classifier_for(settings)
        records.append(classifier.classify(entry.title, entry.summary).to_record())
    return parsed, records


def refresh_feeds(
    store: Store,
    feeds: Sequence[FeedConfig],
    config: Config,
    now: datetime,
    progress: Progress,
    since: datetime | None = None,
) -> list[FeedHealth]:
    """Fetch and parse every feed, store new items, record health. One feed's failure is its own.

    With many feeds, parsing (and classifying) runs in worker processes on all cores, each feed
    handed over as soon as it has arrived, while the others are still being fetched."""
    requests = [FetchRequest(feed.url, *store.http_state(feed.url)) for feed in feeds]
    max_items = config.fetch.max_items_per_feed
    pool = None
    if (os.cpu_count() or 1) > 1 and len(requests) >= PARSE_POOL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor  # only worth importing when used

        pool = ProcessPoolExecutor(max_workers=os.cpu_count())
    pending: dict[int, Future[tuple[ParsedFeed | str, Records]]] = {}
    done = 0

    def arrived(result: FetchResult) -> None:
        nonlocal done
        done += 1
        progress("fetch", done, len(requests))
        if pool is not None and result.status is FeedStatus.OK:
            pending[id(result)] = pool.submit(
                parse_and_classify, result, max_items, config.classify, since
            )

    try:
        results = fetch_all(requests, config.fetch, arrived)
        parsed = [_parsed(result, pending, max_items) for result in results]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    version = classifier_version(config.classify)
    window = parse_duration(config.digest.first_run_window)
    health = []
    for feed, result, (document, records) in zip(feeds, results, parsed, strict=True):
        error = result.error if result.status is FeedStatus.ERROR else None
        count = 0
        if isinstance(document, str):
            error = document
        elif isinstance(document, ParsedFeed):
            count = len(document.entries)
            update = store.add_entries(feed, document.entries, now, window)
            made = [
                (item_id, Classification.from_record(record), False)
                for index, item_id in update.inserted.items()
                if index < len(records) and (record := records[index]) is not None
            ]
            if made:  # classified in a worker: kept for the classify stage
                store.save_classifications(made, version)
        health.append(store.record_fetch(feed, result, count, error, now))
    return health


def _parsed(
    result: FetchResult,
    pending: dict[int, Future[tuple[ParsedFeed | str, Records]]],
    max_items: int,
) -> tuple[ParsedFeed | str | None, Records]:
    if result.status is not FeedStatus.OK:
        return None, []
    future = pending.get(id(result))
    if future is None:
        return parse_result(result, max_items), []
    try:
        return future.result()
    except Exception as exc:  # a worker that died takes only its own feed down
        return f"parser failed: {type(exc).__name__}", []


@dataclass(frozen=True)
class Collection:
    """Everything one fetch yields, before any digest's filters: several digests can share it."""

    now: datetime
    health: tuple[FeedHealth, ...]
    stories: tuple[Story, ...]
    baseline_only: frozenset[str]  # keys of stories made only of a new feed's old items
    skipped_pages: tuple[SkippedPage, ...] = ()  # article pages not read, and why

    @property
    def failures_to_report(self) -> tuple[FeedHealth, ...]:
        """Failed feeds to name this run (see ``FeedHealth.repeated``)."""
        return tuple(f for f in self.health if f.status is FeedStatus.ERROR and not f.repeated)

    def remember_reported(self, store: Store) -> None:
        """Record that this run named its failed feeds: the next runs count them without naming
        them again until [digest] failure_reminder has passed or the error changes."""
        store.mark_failures_reported(self.failures_to_report, self.now)


def make_digest(
    store: Store, config: Config, options: DigestOptions, progress: Progress = _noop
) -> DigestRun:
    return select(store, config, collect(store, config, options, progress), options)


def collect(
    store: Store, config: Config, options: DigestOptions, progress: Progress = _noop
) -> Collection:
    now = options.now or utcnow()
    feeds = options.feeds or config.active_feeds
    since = parse_since(config.digest.since, now)
    health: Sequence[FeedHealth]
    if options.offline:
        health = store.feed_health(feeds)
    else:
        health = refresh_feeds(store, feeds, config, now, progress, since)
        store.prune(config.store.keep_days, now)
    failing = [feed.url for feed in health if feed.status is FeedStatus.ERROR]
    health = mark_repeated_failures(
        health,
        store.failure_reports(failing),
        now,
        parse_duration(config.digest.failure_reminder),
    )
    items = store.items(feeds, since)
    pages = (
        read_articles(store, items, config, options.offline, now, progress)
        if options.extract
        else PageReport({}, ())
    )
    articles = pages.articles
    classifications = _classify(store, config, items, articles)
    groups = cluster(
        [
            ClusterInput.from_item(item, classifications[item.id], _body(item, articles))
            for item in items
        ],
        window=parse_duration(config.digest.cluster_window),
        assigned=store.story_keys_of([item.id for item in items]),
    )
    by_id = {item.id: item for item in items}
    member_lists = [[by_id[i] for i in members] for members in groups]
    keys = store.story_keys(member_lists)
    language = reader_language(config.digest.language)
    stories = tuple(
        build_story(members, classifications, articles, key, language)
        for members, key in zip(member_lists, keys, strict=True)
    )
    baseline_only = frozenset(
        key
        for key, members in zip(keys, member_lists, strict=True)
        if all(item.baseline for item in members)
    )
    return Collection(now, tuple(health), stories, baseline_only, pages.skipped)


def _body(item: Item, articles: dict[str, Article]) -> str:
    article = articles.get(item.link or "")
    return article.text if article else ""


def _classify(
    store: Store, config: Config, items: Sequence[Item], articles: dict[str, Article]
) -> dict[int, Classification]:
    """Classify items, reusing what an earlier run stored for this classifier version. A title
    with no maker is classified again once its article body is there to look in."""
    version = classifier_version(config.classify)
    cached = store.classifications([item.id for item in items], version)
    classifier: Classifier | None = None  # built only when something is not in the cache
    result: dict[int, Classification] = {}
    fresh: list[tuple[int, Classification, bool]] = []
    for item in items:
        article = articles.get(item.link or "")
        body = article.text if article else ""
        hit = cached.get(item.id)
        if hit is not None and (hit[1] or not body or hit[0].makers):
            result[item.id] = hit[0]
            continue
        if classifier is None:
            classifier = classifier_for(config.classify)
        result[item.id] = classifier.classify(item.title, item.summary, body)
        fresh.append((item.id, result[item.id], bool(body)))
    if fresh:
        store.save_classifications(fresh, version)
    for item in _from_car_feeds(items, result):
        # A terse headline of a car-news feed is car news: classified again knowing where it
        # comes from (not stored: it depends on the feed's other items).
        classifier = classifier or classifier_for(config.classify)
        article = articles.get(item.link or "")
        body = article.text if article else ""
        result[item.id] = classifier.classify(item.title, item.summary, body, car_feed=True)
    return result


CAR_FEED_SHARE = 0.5  # a feed whose items are at least this often about cars is a car feed
CAR_FEED_ITEMS = 3  # ... judged on at least this many items


def _from_car_feeds(items: Sequence[Item], result: Mapping[int, Classification]) -> list[Item]:
    """Items not seen as about cars that come from feeds mostly about cars."""
    by_feed: dict[str, list[Item]] = {}
    for item in items:
        by_feed.setdefault(item.feed_url, []).append(item)
    doubtful = []
    for members in by_feed.values():
        cars = sum(result[item.id].automotive for item in members)
        if len(members) >= CAR_FEED_ITEMS and cars >= CAR_FEED_SHARE * len(members):
            doubtful += [item for item in members if not result[item.id].automotive]
    return doubtful


def select(
    store: Store, config: Config, collection: Collection, options: DigestOptions
) -> DigestRun:
    """One digest from a collection: delivery state of its channel, --new, filters, grouping."""
    stories = _with_delivery_state(
        list(collection.stories),
        store.deliveries([s.id for s in collection.stories], options.channel),
    )
    if options.new_only:
        renotify = config.digest.renotify_on_figure_change
        stories = [
            story
            for story in stories
            if story.id not in collection.baseline_only
            and (not story.delivered_before or (renotify and story.figure_changed))
        ]
    filters = replace(
        options.filters,
        mute_makers=config.classify.mute_makers,
        mute_events=config.classify.mute_events,
        mute_patterns=config.classify.mute_patterns,
    )
    digest = build_digest(
        apply_filters(stories, filters),
        collection.health,
        collection.now,
        config.digest.group_by,
        filters.limit,
        collection.skipped_pages,
        config.digest.all_topics,
    )
    digest = replace(digest, name=options.channel)
    pending = tuple(
        (story.id, Delivery(story.cluster_size, headline_figure(story.classification)))
        for story in digest.stories
    )
    return DigestRun(digest, pending if options.new_only else (), options.channel, options.new_only)


def _with_delivery_state(stories: list[Story], delivered: dict[str, Delivery]) -> list[Story]:
    """Mark stories seen in an earlier --new digest, and how many sources are new since."""
    out = []
    for story in stories:
        before = delivered.get(story.id)
        if before is None:
            out.append(story)
            continue
        new_sources = max(0, story.cluster_size - before.sources)
        figure_changed = headline_figure(story.classification) not in ("", before.figure)
        out.append(
            replace(
                story, delivered_before=True, new_sources=new_sources, figure_changed=figure_changed
            )
        )
    return out
