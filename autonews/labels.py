"""The classify stage over stored items: labels reused from the store for this classifier's
version, new ones made (and stored), and a car feed's terse headlines read as car news."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from autonews.car_feeds import AUTO, read_as_car_feed
from autonews.config import Config
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
    topics = {feed.url: feed.topic for feed in config.feeds}
    doubtful = _from_car_feeds(store, version, items, result, topics)
    # A terse headline of a car-news feed is car news: classified again knowing where it comes
    # from. Whether that applies depends on the feed's other items, so it is decided each run;
    # the classification itself is stored beside the item's own.
    cached = store.car_feed_classifications([item.id for item in doubtful], version)
    fresh = []
    for item in doubtful:
        article = articles.get(item.link or "")
        body = article.text if article else ""
        hit = cached.get(item.id)
        if hit is not None and (hit[1] or not body):  # as for the items' own, above
            result[item.id] = hit[0]
            continue
        classifier = classifier or _classifier(config)
        result[item.id] = classifier.classify(item.title, item.summary, body, car_feed=True)
        fresh.append((item.id, result[item.id], bool(body)))
    if fresh:
        store.save_car_feed_classifications(fresh, version)
    return result


def _classifier(config: Config) -> Classifier:
    from autonews.classify.configured import classifier_for  # what the cache lacks, only

    return classifier_for(config.classify)


# A feed is judged on its latest stored items, not on the window's: a busy car day does not make
# a finance flash feed a car feed (trial 39: its GDP and FX flashes became car news, and an earlier
# window drawn again after later fetches read differently), and a car feed's terse follow-up is
# car news whether or not its other items are still in the window (trial 26, item 10).
CAR_FEED_HISTORY = 100
# (The clustering keeps out of car stories what a car feed left out of car news, but gives a
# feed too small to judge the benefit of the doubt: cluster/topics.py.)


def _from_car_feeds(
    store: Store,
    version: str,
    items: Sequence[Item],
    result: Mapping[int, Classification],
    topics: Mapping[str, str],
) -> list[Item]:
    """Items not seen as about cars that come from feeds read as car feeds: said to be about
    cars (``topic = "cars"``), or, left to autonews, mostly about cars."""
    by_feed: dict[str, list[Item]] = {}
    for item in items:
        if not result[item.id].automotive:
            by_feed.setdefault(item.feed_url, []).append(item)
    judged = [url for url in by_feed if topics.get(url, AUTO) == AUTO]
    history = store.latest_car_shares(judged, version, CAR_FEED_HISTORY) if judged else {}
    doubtful = []
    for url, unsure in by_feed.items():
        if read_as_car_feed(topics.get(url, AUTO), *history.get(url, (0, 0))):
            doubtful += unsure
    return doubtful


def inferred_car_feeds(store: Store, config: Config) -> dict[str, tuple[int, int]]:
    """The feeds left to autonews (``topic = "auto"``) that it reads as car feeds now, each with
    the items it was judged on and how many of them are about cars (for `feeds list`)."""
    from autonews.car_feeds import is_car_feed
    from autonews.classifier_version import classifier_version

    urls = [feed.url for feed in config.feeds if feed.topic == AUTO]
    version = classifier_version(config.classify)
    shares = store.latest_car_shares(urls, version, CAR_FEED_HISTORY) if urls else {}
    return {url: share for url, share in shares.items() if is_car_feed(*share)}
