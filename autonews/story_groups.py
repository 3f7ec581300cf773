"""The items' stories, as item ids: those earlier runs made kept, the others clustered with the
earlier items of the cluster window (a digest and ``stats`` group them alike); an item no longer
car news leaves its car story for one of its own."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from autonews.config import Config, FeedConfig
from autonews.earlier_stories import as_assigned, no_longer_car_news
from autonews.models import Article, Classification, Item
from autonews.store import Store
from autonews.store.stories import detached_key
from autonews.timeparse import parse_duration


def grouped(
    store: Store,
    config: Config,
    feeds: Sequence[FeedConfig],
    items: Sequence[Item],
    classifications: Mapping[int, Classification],
    articles: Mapping[str, Article],
    record: bool = False,
) -> list[list[int]]:
    """The items' stories, as item ids: those earlier runs made kept, the others clustered (as
    a digest and ``stats`` group them alike): of ``feeds``, the run's; an item no longer car
    news leaves a car story for one of its own (``record``: and the store keeps it so: a
    digest's run)."""
    return grouped_with_earlier(store, config, feeds, items, classifications, articles, record)[0]


def grouped_with_earlier(
    store: Store,
    config: Config,
    feeds: Sequence[FeedConfig],
    items: Sequence[Item],
    classifications: Mapping[int, Classification],
    articles: Mapping[str, Article],
    record: bool = False,
) -> tuple[list[list[int]], dict[int, str]]:
    """``grouped``, and the new items that joined a story an earlier run made of items older
    than the window (``autonews.run_context``): that story's key, by item id."""
    assigned = store.story_keys_of([item.id for item in items])
    car_now = [item.id for item in items if classifications[item.id].automotive]
    if record:
        store.mark_car_news([key for key in car_now if key in assigned])
    were_car = store.filed_as_car_news(assigned)
    leaving = no_longer_car_news(
        [(item.id, classifications[item.id].automotive) for item in items], assigned, were_car
    )
    if leaving:
        if record:
            store.detach(leaving)
        assigned = {**assigned, **{key: detached_key(key) for key in leaving}}
    detached = store.detached_stories(set(assigned.values()))
    reopened = retitled_since_placed(items, assigned, detached)
    if all(item.id in assigned for item in items) and not reopened:
        # Nothing new: clustering would compare nothing (and need not be imported).
        return as_assigned(((item.published, item.id) for item in items), assigned), {}
    from autonews.cluster import ClusterInput, cluster
    from autonews.run_context import earlier_items, without_earlier

    window = parse_duration(config.digest.cluster_window)
    # A retitled item is compared as a new one is: with what earlier runs clustered before it.
    placed = {key: story for key, story in assigned.items() if key not in reopened}
    earlier = earlier_items(store, config, feeds, items, placed, window)
    groups = cluster(
        [
            ClusterInput.from_item(item, classifications[item.id], _body(item, articles))
            for item in items
        ]
        + earlier.members,
        window=window,
        assigned={**assigned, **earlier.stories},
        context=earlier.context,
        reopened=reopened,
        kept_apart=detached,
    )
    return without_earlier(groups, earlier, assigned)


def retitled_since_placed(
    items: Sequence[Item], assigned: Mapping[int, str], detached: Collection[str] = ()
) -> set[int]:
    """The items an earlier run placed that their feed has retitled (a corrected count: the
    same link or guid, another title): their stories may join what the correction agrees
    with (``autonews.cluster.cluster``'s ``reopened``); not one in a story `story --detach`
    made (``detached``: its keys; alone or `--together`) or taken out as no longer car news,
    which stays a story of its own: the user's word outlasts a feed's correction."""
    return {
        item.id
        for item in items
        if item.corrected_at is not None
        and item.id in assigned
        and assigned[item.id] != detached_key(item.id)
        and assigned[item.id] not in detached
    }


def _body(item: Item, articles: Mapping[str, Article]) -> str:
    article = articles.get(item.link or "")
    return article.text if article else ""
