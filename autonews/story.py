"""`autonews story`: one story of the store as a digest tells it, its sources and, to explain
it, the merges that made it. Clustering's explanation is ``autonews.cluster.explain``; showing
it is ``autonews.render.story``'s job."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from autonews.cluster import ClusterInput
from autonews.cluster.explain import Explanation, explain
from autonews.config import Config
from autonews.delivery_state import with_delivery_state
from autonews.digest import reader_language, reader_tag
from autonews.labels import classify_items
from autonews.models import Article, Classification, Item, Story
from autonews.reader_script import traditional_table
from autonews.store import Store
from autonews.story_build import build_story
from autonews.story_id import resolve_story_id, unknown_story
from autonews.timeparse import parse_duration


@dataclass(frozen=True)
class StoryReport:
    story_id: str
    items: tuple[Item, ...]  # the story's sources, in publication order
    explanation: Explanation | None  # when asked for
    story: Story  # as the plain digest (not a named one) tells it: title, labels, summary...


def story_report(config: Config, story_id: str, with_explanation: bool) -> StoryReport:
    """The story ``story_id`` of the store (an id of `autonews digest --format json`).

    Its members are classified with the items published around them (within the cluster
    window of the first and the last), as a digest over that time would (a car feed's terse
    headline is read as the feed's other items allow); to explain it, they are clustered again
    with those items."""
    with Store.for_reading(config.paths.store_file) as store:
        story_id = resolve_story_id(store, story_id, keep_days=config.store.keep_days)
        everything = store.items(store.known_feeds(), None)
        keys = store.story_keys_of([item.id for item in everything])
        members = [item for item in everything if keys.get(item.id) == story_id]
        if not members:
            raise unknown_story(story_id, keep_days=config.store.keep_days)
        members.sort(key=lambda item: (item.published, item.id))
        window = parse_duration(config.digest.cluster_window)
        start, end = members[0].published - window, members[-1].published + window
        context = [item for item in everything if start <= item.published <= end]
        articles = store.articles([item.link for item in context if item.link])
        # As the digest classifies them (bodies, a car feed's terse titles), from the store's
        # cache where it has them: the story is told, and clustered again, on the same evidence.
        classifications = classify_items(store, config, context, articles)
        story = _as_a_digest_tells_it(store, config, story_id, members, classifications, articles)
    if not with_explanation:
        return StoryReport(story_id, tuple(members), None, story)
    inputs = []
    for item in context:
        article = articles.get(item.link or "")
        body = article.text if article else ""
        inputs.append(ClusterInput.from_item(item, classifications[item.id], body))
    found = explain(inputs, [item.id for item in members], window)
    return StoryReport(story_id, tuple(members), found, story)


def _as_a_digest_tells_it(
    store: Store,
    config: Config,
    story_id: str,
    members: Sequence[Item],
    classifications: Mapping[int, Classification],
    articles: Mapping[str, Article],
) -> Story:
    """The story as the plain digest builds it (``autonews.story_build.build_story``): its title in
    the reader's language, labels, summary; and what the plain digest's --new runs delivered."""
    tag = reader_tag(config.digest.language)
    story = build_story(
        members, classifications, articles, story_id, reader_language(tag), traditional_table(tag)
    )
    delivered = store.deliveries([story_id])
    (story,) = with_delivery_state([story], delivered, config.digest.all_topics)
    return story
