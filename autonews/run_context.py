"""What a run's clustering reads from the store beyond its window: the items earlier runs
clustered in the days before it. They only weigh the terms of the window's items (how rare each
is, which a feed alone uses, which title prefixes are a feed's series): a daily run's window of
two days from a few feeds is too few items to tell one event's name from a common word (four
reports naming Germany in two days are no one event), or a newsletter's issue from news when
only one issue is in the window. Everything all-at-once clustering sees of a week, a run sees
too, without clustering it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from autonews.config import Config
from autonews.models import Item
from autonews.store import Store
from autonews.store.rows import iso

if TYPE_CHECKING:
    from autonews.cluster import ClusterInput

# How far before a run's earliest item: a week's news with the default window of two days, as
# the labelled sets the clustering is measured on span days to weeks.
RARITY_CONTEXT = timedelta(days=5)


def clustered_before(store: Store, config: Config, items: Sequence[Item]) -> list[ClusterInput]:
    """The items of the feeds of ``items`` that an earlier run clustered (they have a story and
    this classifier version's label) published in the RARITY_CONTEXT before the earliest of
    them, as clustering takes them: without a body (only the window's are read)."""
    from autonews.classifier_version import classifier_version
    from autonews.cluster import ClusterInput

    earliest = min(item.published for item in items)
    found = store.clustered_before(
        {item.feed_url for item in items},
        iso(earliest - RARITY_CONTEXT),
        iso(earliest),
        classifier_version(config.classify),
    )
    return [
        ClusterInput(key, title, summary, None, datetime.fromisoformat(published), label, feed)
        for key, feed, title, summary, published, label in found
    ]
