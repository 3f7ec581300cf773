"""What clustering is given: one item, its classification, its feed and, when the run
extracted it, its article body.

Digests and ``autonews stats`` build it from a stored item with ``ClusterInput.from_item``, so
both count the same stories.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from autonews.models import Classification, Item


@dataclass(frozen=True)
class ClusterInput:
    key: int
    title: str
    summary: str
    link: str | None
    published: datetime
    classification: Classification
    source: str = ""  # the feed it came from; "" when unknown
    body: str = ""  # the extracted article text; "" when the run has none
    # A community post (autonews.community): it joins one news story at most, never another post
    community: bool = False

    @classmethod
    def from_item(cls, item: Item, classification: Classification, body: str = "") -> ClusterInput:
        """A stored item, keyed by its id, from its feed, with its article body if extracted."""
        return cls(
            item.id,
            item.title,
            item.summary,
            item.link,
            item.published,
            classification,
            item.feed_url,
            body,
            item.community,
        )
