"""What a run's clustering reads from the store beyond its window: the items earlier runs
clustered before it.

- Those within the cluster window of the run's new items are *earlier members*: clustered with
  the window's items, in the stories earlier runs put them in, so that a late report (a wire's
  story told a day and a half later in another language) joins the story a run delivered before,
  though its first sources have left the digest's window. They are not shown: a story is told
  by its sources in the window, under the key it first had.
- Those of the days before that only weigh the window's terms (how rare each is, which a feed
  alone uses, which title prefixes are a feed's series): a daily run's window of two days from
  a few feeds is too few items to tell one event's name from a common word (four reports naming
  Germany in two days are no one event), or a newsletter's issue from news when only one issue
  is in the window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from autonews.config import Config, FeedConfig
from autonews.models import Item
from autonews.store import Store
from autonews.store.rows import iso

if TYPE_CHECKING:
    from autonews.cluster import ClusterInput
    from autonews.store.classifications import Clustered

# How far before a run's earliest item the items earlier runs clustered weigh its terms: a
# week's news with the default window of two days, as the labelled sets the clustering is
# measured on span days to weeks.
RARITY_CONTEXT = timedelta(days=5)


@dataclass(frozen=True)
class Earlier:
    """The items earlier runs clustered that a run's clustering reads (keys are item ids)."""

    members: list[ClusterInput] = field(default_factory=list)  # clustered with the window's
    stories: dict[int, str] = field(default_factory=dict)  # each member's story key
    context: list[ClusterInput] = field(default_factory=list)  # weigh the terms only


def earlier_items(
    store: Store,
    config: Config,
    feeds: Sequence[FeedConfig],
    items: Sequence[Item],
    assigned: Mapping[int, str],
    window: timedelta,
) -> Earlier:
    """What earlier runs clustered of ``feeds`` before ``items``: the members of their
    stories within ``window`` of the earliest new item (not in ``assigned``), and the car news
    of the RARITY_CONTEXT before the earliest item."""
    from autonews.classifier_version import classifier_version

    version = classifier_version(config.classify)
    urls = [feed.url for feed in feeds]
    earliest = min(item.published for item in items)
    first_new = min(item.published for item in items if item.id not in assigned)
    reach = min(first_new - window, earliest)
    members = store.clustered_before(urls, iso(reach), iso(earliest), version, car_only=False)
    context = store.clustered_before(urls, iso(earliest - RARITY_CONTEXT), iso(reach), version)
    topics = {feed.url: feed.topic for feed in feeds}
    return Earlier(
        [_as_input(found, topics) for found in members],
        {found.id: found.story_key for found in members},
        [_as_input(found, topics) for found in context],
    )


def _as_input(found: Clustered, topics: Mapping[str, str]) -> ClusterInput:
    from autonews.cluster import ClusterInput
    from autonews.community import is_community_post

    return ClusterInput(
        found.id,
        found.title,
        found.summary,
        found.link,
        found.published,
        found.label,
        found.feed_url,
        community=is_community_post(topics.get(found.feed_url, "auto"), found.link),
    )


def without_earlier(
    groups: list[list[int]], earlier: Earlier, assigned: Mapping[int, str]
) -> tuple[list[list[int]], dict[int, str]]:
    """The stories of the window's items (the earlier members taken out, a story of them alone
    left out), and the new items that joined an earlier story none of whose members is in the
    window: that story's key, by item id."""
    stories = earlier.stories
    kept: list[list[int]] = []
    joined: dict[int, str] = {}
    for members in groups:
        shown = [key for key in members if key not in stories]
        if not shown:
            continue
        kept.append(shown)
        story = next((stories[key] for key in members if key in stories), None)
        if story is not None and not any(key in assigned for key in shown):
            joined.update((key, story) for key in shown)
    return kept, joined
