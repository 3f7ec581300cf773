"""What is fetched, parsed, stored and extracted: a feed's fetch and its parsed entries, the
stored items, article pages and their failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

NEVER_FETCHED = "never fetched"  # the error of a feed's health before its first fetch


class FeedStatus(StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    ERROR = "error"
    # Read, but only in part: its document is broken (cut short, a tag left open). Its items
    # read are kept; it is a failure all the same (named, exit 3), as items are missing.
    PARTIAL = "partial"

    @property
    def failed(self) -> bool:
        """Whether the feed failed this run, wholly or in part."""
        return self in (FeedStatus.ERROR, FeedStatus.PARTIAL)


@dataclass(frozen=True)
class FetchResult:
    """What the HTTP layer got for one URL."""

    url: str
    status: FeedStatus
    http_status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    error: str | None = None
    elapsed: float = 0.0
    moved_to: str | None = None  # where permanent redirects (301, 308) from ``url`` led


@dataclass(frozen=True)
class ParsedEntry:
    title: str
    link: str | None
    guid: str | None
    summary: str
    published: datetime | None
    author: str = ""
    # The outlet an aggregator's item is from (its RSS <source>: "Reuters" in Google News);
    # "" for a feed's own items.
    outlet: str = ""


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    link: str | None
    entries: tuple[ParsedEntry, ...]
    kind: str = ""  # rss20, atom10, json11...
    skipped: int = 0  # entries with nothing to show (no title, link or text): left out
    # A broken document read only in part (cut short, a tag left open): what was wrong and
    # what it cost, as the feed's error ("" when read whole). See autonews.parse.damage.
    damage: str = ""
    # The feed's own description (RSS <description>, Atom <subtitle>, JSON Feed "description"):
    # with its title, what it says it is about (``autonews.feed_topics``).
    description: str = ""


@dataclass(frozen=True)
class Item:
    """An entry as stored: identity is per feed."""

    id: int
    feed_url: str
    feed_name: str
    title: str
    link: str | None
    summary: str
    published: datetime
    first_seen: datetime
    dated: bool  # False when the feed gave no date and `published` is the first-seen time
    tags: tuple[str, ...] = ()
    baseline: bool = False  # from a feed's first fetch and older than the first-run window
    # When its feed was last read before it appeared (None: on the feed's first read): an item
    # first seen after a gap is news if it was published after that, less the window.
    read_before: datetime | None = None
    # The date its feed gave it, when that lay more than a day ahead of its first sight: it is
    # dated as first seen (``published``), and digests say the feed's date. None: not ahead.
    feed_date: datetime | None = None
    corrected_at: datetime | None = None  # when its feed last gave it another title
    outlet: str = ""  # an aggregator's item: the outlet it is from (feed_name names it too)
    # A user's post on a community site (a subreddit, a forum: autonews.community), not an
    # outlet's report: it may join a news story, never title it or stand alone.
    community: bool = False


@dataclass(frozen=True)
class Article:
    """An extracted article body."""

    url: str
    title: str
    author: str
    date: str
    language: str
    text: str
    skipped: str = ""  # why no text: "not html (application/pdf)", "fetch failed: ..."


@dataclass(frozen=True)
class PageFailure:
    """An article page that could not be fetched: not tried again before ``retry_after``."""

    url: str
    error: str  # "fetch failed: timed out after 20 s"
    failures: int  # in a row
    retry_after: datetime
