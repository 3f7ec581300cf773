"""One digest run: fetch -> parse -> store -> extract -> classify -> cluster -> digest. The
network part (fetch, parse, store, extract) is one stream (:mod:`autonews.stream`): pages are
read while feeds are still coming. Pure orchestration: each stage lives in its own module;
progress is reported through a callback so the CLI can draw it on stderr."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from autonews.articles import PageReport, read_articles
from autonews.collector import collection_paused
from autonews.config import Config, FeedConfig
from autonews.delivery_state import (
    ack_within,
    figures_to_record,
    grown_unsent,
    items_missed,
    news,
    older_than,
    renotify_reasons,
    told_figures,
    what_it_told,
    with_delivery_state,
)
from autonews.digest import (
    Filters,
    apply_filters,
    build_digest,
    reader_language,
    reader_tag,
)
from autonews.feed_work import parse_result as parse_result  # the fuzz tests call it
from autonews.labels import classify_items, remember_feeds_judged
from autonews.models import (
    Article,
    Classification,
    Digest,
    FeedHealth,
    Item,
    SkippedPage,
    Story,
)
from autonews.notices import READER, told_on_stderr_alone, with_notices_told
from autonews.reader_script import traditional_table
from autonews.store import Delivery, Store
from autonews.story_groups import grouped_with_earlier
from autonews.story_reuse import told_stories
from autonews.timeparse import parse_duration, parse_since, reader_zone, utcnow
from autonews.warm_up import _import_later_stages, _warm_up_clustering

if TYPE_CHECKING:
    pass

# The classifier and the clustering are imported when a run gets to them, or while its requests
# are out (see collect): not before the first request is sent.

Progress = Callable[[str, int, int, str], None]  # stage, done, total, what it waits for


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
    # --no-mark: what --new delivers is held for `autonews ack`, not marked delivered
    hold: bool = False
    channel: str = ""  # which digest's delivered-state --new uses ([[digests]] name)
    # Whom the run tells of failed and moved feeds (autonews.notices): the readers of each
    # place its digests go to.
    audiences: tuple[str, ...] = (READER,)


@dataclass(frozen=True)
class DigestRun:
    """A digest and what to record once it has really been delivered."""

    digest: Digest
    deliveries: tuple[tuple[str, Delivery], ...] = ()
    channel: str = ""
    new_only: bool = False
    hold: bool = False  # --no-mark: the deliveries wait for `autonews ack` (store/held.py)

    def commit(self, store: Store, now: datetime | None = None) -> None:
        """Record what went out; a --new digest also records that it ran, with or without
        news (what the store had until it was made has been considered). Under --no-mark, what
        went out is held until acknowledged; with nothing to hold, the run is recorded."""
        if self.hold:
            # Only the stories shown wait for an ack: those only counted (not about cars) have
            # no place in the document to be acknowledged from.
            shown = [(key, delivery) for key, delivery in self.deliveries if delivery.shown]
            counted = [(key, delivery) for key, delivery in self.deliveries if not delivery.shown]
            if counted:
                store.mark_delivered(counted, now or utcnow(), self.channel)
            if shown:
                store.hold_deliveries(shown, self.digest.generated_at, self.channel)
        elif self.deliveries:
            store.mark_delivered(self.deliveries, now or utcnow(), self.channel)
        # Under --no-mark the digest's --new mark moves once nothing waits for an ack: a story
        # another run printed, leased and so not printed now, is printed again once its lease
        # runs out, whatever window this run had (the ack moves the mark: store/held.py).
        waiting = self.hold and bool(store.held_keys(self.channel))
        if self.new_only and not waiting:
            store.mark_new_digest(self.channel, self.digest.generated_at)


def _noop(stage: str, done: int, total: int, waiting: str) -> None:
    return None


def refresh_feeds(
    store: Store,
    feeds: Sequence[FeedConfig],
    config: Config,
    now: datetime,
    progress: Progress,
    since: datetime | None = None,
) -> list[FeedHealth]:
    """Fetch and parse every feed, store new items, record health; no article pages. One feed's
    failure is its own."""
    from autonews.stream import Stream

    with Stream(store, feeds, config, now, progress, since, extract=False) as stream:
        return stream.feeds()


@dataclass(frozen=True)
class Collection:
    """Everything one fetch yields, before any digest's filters: several digests can share it."""

    now: datetime
    health: tuple[FeedHealth, ...]
    stories: tuple[Story, ...]
    baseline_only: frozenset[str]  # keys of stories made only of a new feed's old items
    skipped_pages: tuple[SkippedPage, ...] = ()  # article pages not read, and why
    figures: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # told, per story
    # Under --new: when each digest (by name) last ran with --new, and the stories older than
    # the window that were first seen since the earliest of those (see delivery_state), each
    # with when its latest such item was first seen.
    last_new: Mapping[str, datetime] = field(default_factory=dict)
    older: Mapping[str, datetime] = field(default_factory=dict)
    audiences: tuple[str, ...] = (READER,)  # whom this run tells of failed and moved feeds
    offline: bool = False  # nothing was fetched: the feeds' health is the store's
    # What this run says of the feeds left to autonews that it judged otherwise than last time
    # (a car feed now, or no longer one: autonews.car_feed_judgement), a line each.
    car_feed_flips: tuple[str, ...] = ()

    @property
    def failures_to_report(self) -> tuple[FeedHealth, ...]:
        """Failed feeds to name this run (see ``FeedHealth.repeated``)."""
        return tuple(f for f in self.health if f.status.failed and not f.repeated)

    @property
    def failures_named(self) -> tuple[FeedHealth, ...]:
        """Failed feeds this run named somewhere: in a digest's footer, or on stderr."""
        return tuple(f for f in self.failures_to_report if not f.stderr_told)

    def remember_reported(self, store: Store, told: Sequence[str] = ()) -> None:
        """Record that this run told ``told`` (default: its audiences) of its failed and moved
        feeds: the next runs for those audiences count a failure without naming it until
        [digest] failure_reminder has passed or the error changes, and do not tell of the move
        again. An offline run fetched nothing: what it shows is not news, and it remembers
        nothing."""
        if self.offline:
            return
        moves = [feed for feed in self.health if feed.moved_to and not feed.move_told]
        for audience in told or self.audiences:
            stderr_alone = told_on_stderr_alone(audience)
            failures = self.failures_named if stderr_alone else self.failures_to_report
            store.remember_told(failures, moves, self.now, audience)


def make_digest(
    store: Store, config: Config, options: DigestOptions, progress: Progress = _noop
) -> DigestRun:
    return select(store, config, collect(store, config, options, progress), options)


def collect(
    store: Store,
    config: Config,
    options: DigestOptions,
    progress: Progress = _noop,
    channels: Sequence[str] | None = None,
) -> Collection:
    """Everything the digests of one run need (``channels``: their names, whose --new state
    counts; by default the one of ``options``)."""
    now = options.now or utcnow()
    feeds = options.feeds or config.active_feeds
    since = parse_since(config.digest.since, now, reader_zone(config.digest.timezone))
    with contextlib.ExitStack() as stack:
        # One stream for the network work: the pages of a feed's items are fetched and
        # extracted while the other feeds are still coming in.
        health: Sequence[FeedHealth]
        stream = None
        if options.offline:
            health = store.feed_health(feeds)
        else:
            from autonews.stream import Stream  # a run with no network work never needs it

            stream = Stream(store, feeds, config, now, progress, since, options.extract)
            # A large cold run builds the classifier and imports the parsers before the
            # workers fork: every process has them, made once. Otherwise the stream builds and
            # imports them while the requests are out.
            early = stream.cold and stream.big
            if early:
                from autonews.classify.configured import classifier_for
                from autonews.parse import load_engines

                classifier_for(config.classify)
                load_engines()
            stack.enter_context(stream)
            # A run whose feeds have all been fetched before builds the classifier only once
            # one brings an entry in the digest's window (the idle work): when every feed
            # answers "not modified", what the store holds is classified already.
            health = stream.feeds(
                build_classifier=stream.cold and not early,
                meanwhile=_import_later_stages if stream.cold else None,
                idle=_warm_up_clustering(config),
            )
            store.prune(config.store.keep_days, now)
        reminder = parse_duration(config.digest.failure_reminder)
        health = with_notices_told(store, health, now, options.audiences, reminder)
        items = store.items(feeds, since)
        last_new: dict[str, datetime] = {}
        if options.new_only:
            last_new = store.last_new_digests(channels or (options.channel,))
            keep = timedelta(days=config.store.keep_days)
            items += items_missed(store, feeds, since, last_new.values(), keep)
        if not options.extract:
            pages = PageReport({}, ())
        elif stream is None:
            pages = read_articles(store, items, config, now)
        else:
            pages = stream.pages(items)
    made = stream.classified if stream is not None else None
    read = stream.labels.made if stream is not None else None
    with collection_paused():
        collection = _stories(store, config, feeds, items, pages.articles, made, read, now)
    flips = () if options.offline else remember_feeds_judged(store, config, feeds, now)
    return replace(
        collection,
        health=tuple(health),
        skipped_pages=pages.skipped,
        last_new=last_new,
        older=older_than(collection.stories, since) if last_new else {},
        audiences=options.audiences,
        offline=options.offline,
        car_feed_flips=flips,
    )


def _stories(
    store: Store,
    config: Config,
    feeds: Sequence[FeedConfig],
    items: Sequence[Item],
    articles: dict[str, Article],
    made: Mapping[int, Classification] | None,
    read: Mapping[tuple[str, str, str], Classification] | None,
    now: datetime,
) -> Collection:
    """The run's items classified and clustered into stories, with the keys of the stories made
    only of a new feed's old items and the headline figures each story's sources tell."""
    classifications = classify_items(store, config, items, articles, made, read)
    groups, joined = grouped_with_earlier(
        store, config, feeds, items, classifications, articles, record=True
    )
    by_id = {item.id: item for item in items}
    member_lists = [[by_id[i] for i in members] for members in groups]
    car_news = [item.id for item in items if classifications[item.id].automotive]
    keys = store.story_keys(member_lists, joined, car_news)
    language = reader_language(config.digest.language)
    traditional = traditional_table(reader_tag(config.digest.language))

    def build(members: Sequence[Item], key: str) -> Story:
        from autonews.outlets import credited
        from autonews.story_build import build_story

        story = build_story(members, classifications, articles, key, language, traditional)
        return credited(story, members)

    # A warm run tells the stories the run before told, where nothing they are told from changed.
    stories = told_stories(
        member_lists, keys, classifications, articles, (language, traditional), build
    )
    baseline_only = frozenset(
        key
        for key, members in zip(keys, member_lists, strict=True)
        if all(item.baseline for item in members)
    )
    figures = {
        key: told_figures(members, classifications)
        for key, members in zip(keys, member_lists, strict=True)
    }
    return Collection(now, (), stories, baseline_only, figures=figures)


def select(
    store: Store, config: Config, collection: Collection, options: DigestOptions
) -> DigestRun:
    """One digest from a collection: delivery state of its channel, --new, filters, grouping."""
    all_topics = config.digest.all_topics
    last_new = collection.last_new.get(options.channel)
    keys = [s.id for s in collection.stories]
    delivered = store.deliveries(keys, options.channel)
    if options.new_only:  # what another run's script is posting counts as sent (held.py)
        lease = ack_within(config, options.channel)
        delivered |= store.leased_deliveries(keys, options.channel, collection.now, lease)
    stories = with_delivery_state(collection.stories, delivered, all_topics, last_new)
    grown: list[Story] = []
    if options.new_only:
        reasons = renotify_reasons(config, options.channel)
        sent = news(stories, collection.baseline_only, collection.older, last_new, reasons)
        grown = grown_unsent(stories, {story.id for story in sent}, last_new)
        stories = sent
    filters = replace(
        options.filters,
        mute_makers=config.classify.mute_makers,
        mute_events=config.classify.mute_events,
        mute_patterns=config.classify.mute_patterns,
    )

    def shown(story: Story) -> bool:
        return all_topics or story.shown_by_default

    filtered = apply_filters(stories, filters, shown=shown)
    chosen = filtered.stories
    digest = build_digest(
        chosen,
        collection.health,
        collection.now,
        config.digest.group_by,
        filters.limit,
        collection.skipped_pages,
        all_topics,
        filters.makers,
    )
    digest = replace(
        digest,
        name=options.channel,
        before_filters=filtered.before,
        filters=filtered.steps,
        muted=filtered.muted,
        last_new_digest=last_new if options.new_only else None,
        caught_up=sum(story.id in collection.older for story in digest.stories),
        grown=len(grown_shown := apply_filters(grown, filters, shown=shown).stories),
        grown_ids=tuple(story.id for story in grown_shown),
        language=reader_tag(config.digest.language),
    )
    counted = [] if all_topics else [s for s in chosen if not s.shown_by_default]
    pending = tuple(
        (
            story.id,
            Delivery(
                story.cluster_size,
                figures_to_record(story, collection.figures.get(story.id, ())),
                shown,
                speculative=story.classification.speculative,
                event=story.classification.event.value,
                **what_it_told(story, delivered.get(story.id)),
            ),
        )
        for stories_of_kind, shown in ((digest.stories, True), (counted, False))
        for story in stories_of_kind
    )
    return DigestRun(
        digest, pending if options.new_only else (), options.channel, options.new_only, options.hold
    )
