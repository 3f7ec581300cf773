"""What happens to one fetched feed before it is stored: parsed, cut to the newest entries, and
(in a worker process) its entries in the digest's window classified. Pool-friendly: plain
functions of picklable values that return errors instead of raising."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from autonews.config import ClassifyConfig
from autonews.errors import AutonewsError
from autonews.models import FetchResult, ParsedFeed
from autonews.store.keys import entry_identity, normalized_links

if TYPE_CHECKING:
    from autonews.classify import Classifier

# The parsers and the classifier are imported when first needed: a run whose feeds all answer
# 304 needs neither, and a run that needs them imports them while its requests are out.

# From this many feeds, each feed's entries in the window are classified (from title and
# summary) as the feed arrives, and the classify stage finds them made.
PARSE_POOL_THRESHOLD = 24
# ... in a worker process when the run has this many feeds (it is bound by CPU: every core
# parses), or when the feed is this large; otherwise where it arrives (a worker would first
# have to build its own classifier).
POOL_ALL_FEEDS = 100
POOL_PARSE_BYTES = 64_000
Records = list[list[Any] | None]  # one per entry: a classification record, or None


def parse_result(result: FetchResult, max_items: int) -> ParsedFeed | str:
    """Parse one fetched feed; returns the error message instead of raising (pool-friendly)."""
    from autonews.parse import parse_feed

    try:
        parsed = parse_feed(result.body or b"", result.content_type, result.final_url or result.url)
    except AutonewsError as exc:
        return exc.message
    except Exception as exc:  # a parser bug must not cost the other feeds
        return f"parser failed: {type(exc).__name__}: {exc}"
    newest = sorted(
        parsed.entries, key=lambda e: e.published.timestamp() if e.published else 0, reverse=True
    )
    # parse_feed's text rule (autonews/parse/text_rules.py) has dropped lone surrogates and C0
    # controls: every later stage (store, classify, render, delivery) gets encodable text.
    return replace(parsed, entries=tuple(newest[:max_items]))


@dataclass(frozen=True)
class FeedWork:
    """What a worker made of one feed: the parsed document (or why not), the classification
    records of its entries in the window, their identity in the store (keys, fingerprints) and
    their links normalised."""

    document: ParsedFeed | str
    records: Records = field(default_factory=list)
    identity: tuple[list[str], list[str]] | None = None
    # Each entry's link normalised for its key ("" without one): the main process's clustering
    # asks for them again (autonews.urls.remember_normalized).
    links: list[str] = field(default_factory=list)


def parse_and_classify(
    result: FetchResult, max_items: int, settings: ClassifyConfig, since: datetime | None
) -> FeedWork:
    """In a worker process: parse one feed and classify its entries that fall in the digest's
    window (title and summary), so the main process finds them already made."""
    parsed = parse_result(result, max_items)
    if isinstance(parsed, str):
        return FeedWork(parsed)
    return classified(parsed, settings, since)


def classified(parsed: ParsedFeed, settings: ClassifyConfig, since: datetime | None) -> FeedWork:
    """A parsed feed with its entries in the window classified (title and summary): what
    :func:`parse_and_classify` makes of it."""
    from autonews.classify.configured import classifier_for

    classifier: Classifier | None = None
    records: Records = []
    for entry in parsed.entries:
        if since is not None and entry.published is not None and entry.published < since:
            records.append(None)  # outside the window: nobody looks at it in this run
            continue
        classifier = classifier or classifier_for(settings)
        records.append(classifier.classify(entry.title, entry.summary).to_record())
    links = normalized_links(parsed.entries)
    return FeedWork(parsed, records, entry_identity(parsed.entries, links), links)
