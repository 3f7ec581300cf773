"""The classify stage over stored items: labels reused from the store for this classifier's
version, new ones made (and stored), and a car feed's terse headlines read as car news."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from autonews.car_feed_judgement import (
    Judgement,
    flip_message,
    judge_feeds,
    remember_judgements,
)
from autonews.car_feeds import AUTO, read_as_car_feed, topic_read
from autonews.config import Config, FeedConfig
from autonews.models import Article, Classification, Item
from autonews.store import Store

if TYPE_CHECKING:
    from autonews.classify import Classifier


def classify_items(
    store: Store,
    config: Config,
    items: Sequence[Item],
    articles: dict[str, Article],
    made: Mapping[int, Classification] | None = None,
    read: Mapping[tuple[str, str, str], Classification] | None = None,
) -> dict[int, Classification]:
    """Classify items, reusing what an earlier run stored for this classifier version (``made``:
    what this run's workers made and stored, without the body). A title with no maker is
    classified again once its article body is there to look in (``read``: such classifications
    this run made already, by title, summary and body)."""
    from autonews.classifier_version import classifier_version

    version = classifier_version(config.classify)
    made = made or {}
    read = read or {}
    cached = store.classifications([item.id for item in items if item.id not in made], version)
    cached.update((item_id, (classification, False)) for item_id, classification in made.items())
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
        labels = read.get((item.title, item.summary, body))
        if labels is None:
            classifier = classifier or _classifier(config)
            labels = classifier.classify(item.title, item.summary, body)
        result[item.id] = labels
        fresh.append((item.id, labels, bool(body)))
    if fresh:
        store.save_classifications(fresh, version)
    topics = {feed.url: topic_read(feed.topic, feed.url) for feed in config.feeds}
    doubtful, partly = _from_car_feeds(store, version, items, result, topics)
    # A terse headline of a car-news feed is car news: classified again knowing where it comes
    # from. Whether that applies depends on the feed's other items, so it is decided each run;
    # the classification itself is stored beside the item's own. (One of a feed only partly a car
    # feed is made afresh each run: it is not the one a plain car feed's item would have.)
    cached = store.car_feed_classifications([item.id for item in doubtful], version)
    fresh = []
    for item in doubtful:
        article = articles.get(item.link or "")
        body = article.text if article else ""
        hit = None if item.feed_url in partly else cached.get(item.id)
        if hit is not None and (hit[1] or not body):  # as for the items' own, above
            result[item.id] = hit[0]
            continue
        classifier = classifier or _classifier(config)
        result[item.id] = classifier.classify(
            item.title, item.summary, body, car_feed=True, partly=item.feed_url in partly
        )
        if item.feed_url not in partly:
            fresh.append((item.id, result[item.id], bool(body)))
    if fresh:
        store.save_car_feed_classifications(fresh, version)
    return result


def _classifier(config: Config) -> Classifier:
    from autonews.classify.configured import classifier_for  # what the cache lacks, only

    return classifier_for(config.classify)


def _from_car_feeds(
    store: Store,
    version: str,
    items: Sequence[Item],
    result: Mapping[int, Classification],
    topics: Mapping[str, str],
) -> tuple[list[Item], set[str]]:
    """Items not seen as about cars that come from feeds read as car feeds: said to be about
    cars (``topic = "cars"``), or, left to autonews, mostly about cars; and the feeds among
    these judged car feeds but not plainly (:attr:`Judgement.plainly`)."""
    by_feed: dict[str, list[Item]] = {}
    for item in items:
        if not result[item.id].automotive:
            by_feed.setdefault(item.feed_url, []).append(item)
    judged = judge_feeds(store, version, [u for u in by_feed if topics.get(u, AUTO) == AUTO])
    doubtful = []
    partly = set()
    for url, unsure in by_feed.items():
        judgement = judged.get(url)
        if read_as_car_feed(topics.get(url, AUTO), judgement is not None and judgement.car_feed):
            doubtful += unsure
            if judgement is not None and not judgement.plainly:
                partly.add(url)
    return doubtful, partly


def feeds_judged(
    store: Store, config: Config, feeds: Sequence[FeedConfig] | None = None
) -> dict[str, Judgement]:
    """How autonews judges each of the feeds left to it (``topic = "auto"``) now: the config's,
    or ``feeds``."""
    from autonews.classifier_version import classifier_version

    listed = config.feeds if feeds is None else feeds
    urls = [feed.url for feed in listed if topic_read(feed.topic, feed.url) == AUTO]
    return judge_feeds(store, classifier_version(config.classify), urls)


def remember_feeds_judged(
    store: Store, config: Config, feeds: Sequence[FeedConfig], now: datetime
) -> tuple[str, ...]:
    """Remember how a run that fetched judged its feeds left to autonews; what it says of the
    ones judged otherwise than last time, a line each (see :mod:`autonews.car_feed_judgement`;
    an --offline run judges as the last one did)."""
    changed = remember_judgements(store, feeds_judged(store, config, feeds), now)
    labels = {feed.url: feed.label for feed in feeds}
    return tuple(flip_message(labels[judgement.url], judgement) for judgement in changed)
