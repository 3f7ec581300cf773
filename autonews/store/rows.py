"""Rows of the store as the models the pipeline uses, and times as the store writes them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from autonews.community import is_community_post
from autonews.config import FeedConfig
from autonews.models import FeedHealth, FeedStatus, Item


def iso(moment: datetime) -> str:
    """UTC, whole seconds: the stored form of every time (text that sorts by time)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def starting_with(prefix: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) for text that starts with ``prefix`` as typed:
    its % and _ are themselves, not wildcards."""
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def health_from_row(row: sqlite3.Row, name: str) -> FeedHealth:
    return FeedHealth(
        url=row["url"],
        name=name,
        status=FeedStatus(row["status"]) if row["status"] else FeedStatus.ERROR,
        http_status=row["http_status"],
        error=row["error"],
        items=row["items"],
        consecutive_failures=row["consecutive_failures"],
        last_success=from_iso(row["last_success"]),
        moved_to=row["moved_to"],
    )


def source_name(outlet: str, feed_name: str) -> str:
    """How a digest names an item's source: its feed, or for an aggregator's item the outlet
    it is from and the feed that passed it on ("Reuters (via Tesla - Google News)")."""
    return f"{outlet} (via {feed_name})" if outlet else feed_name


def item_from_row(row: sqlite3.Row, feed: FeedConfig) -> Item:
    return Item(
        id=row["id"],
        feed_url=row["feed_url"],
        feed_name=source_name(row["outlet"], feed.label),
        title=row["title"],
        link=row["link"],
        summary=row["summary"],
        published=datetime.fromisoformat(row["published"]),
        first_seen=datetime.fromisoformat(row["first_seen"]),
        dated=bool(row["dated"]),
        tags=feed.tags,
        baseline=bool(row["baseline"]),
        read_before=from_iso(row["read_before"]),
        feed_date=from_iso(row["feed_date"]),
        corrected_at=from_iso(row["corrected_at"]),
        outlet=row["outlet"],
        community=is_community_post(feed.topic, row["link"]),
    )
