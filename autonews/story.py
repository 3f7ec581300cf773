"""`autonews story`: one story of the store, its sources and, to explain it, the merges that
made it. Clustering's explanation is ``autonews.cluster.explain``; showing it is
``autonews.render.story``'s job."""

from __future__ import annotations

from dataclasses import dataclass

from autonews.cluster import ClusterInput
from autonews.cluster.explain import Explanation, explain
from autonews.config import Config
from autonews.labels import classify_items
from autonews.models import Item
from autonews.store import Store
from autonews.story_id import resolve_story_id, unknown_story
from autonews.timeparse import parse_duration


@dataclass(frozen=True)
class StoryReport:
    story_id: str
    items: tuple[Item, ...]  # the story's sources, in publication order
    explanation: Explanation | None  # when asked for


def story_report(config: Config, story_id: str, with_explanation: bool) -> StoryReport:
    """The story ``story_id`` of the store (an id of `autonews digest --format json`).

    To explain it, its members are clustered again with the items published around them (within
    the cluster window of the first and the last), as a digest over that time would."""
    with Store(config.paths.store_file) as store:
        story_id = resolve_story_id(store, story_id, keep_days=config.store.keep_days)
        everything = store.items(store.known_feeds(), None)
        keys = store.story_keys_of([item.id for item in everything])
        members = [item for item in everything if keys.get(item.id) == story_id]
        if not members:
            raise unknown_story(story_id, keep_days=config.store.keep_days)
        members.sort(key=lambda item: (item.published, item.id))
        if not with_explanation:
            return StoryReport(story_id, tuple(members), None)
        window = parse_duration(config.digest.cluster_window)
        start, end = members[0].published - window, members[-1].published + window
        context = [item for item in everything if start <= item.published <= end]
        articles = store.articles([item.link for item in context if item.link])
        # As the digest classifies them (bodies, a car feed's terse titles), from the store's
        # cache where it has them: the story is clustered again on the same evidence.
        classifications = classify_items(store, config, context, articles)
    inputs = []
    for item in context:
        article = articles.get(item.link or "")
        body = article.text if article else ""
        inputs.append(ClusterInput.from_item(item, classifications[item.id], body))
    found = explain(inputs, [item.id for item in members], window)
    return StoryReport(story_id, tuple(members), found)
