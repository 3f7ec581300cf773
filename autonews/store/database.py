"""The Store: typed queries on the SQLite file, for each stage that reads or writes it.

Feeds (HTTP state and health) and items here; a feed's entries coming in (``entries``), stories
and their deliveries (``stories``), pruning (``retention``), cached classifications, article
bodies and moved feeds in modules of their own. Every write happens in a transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from autonews.config import FeedConfig
from autonews.errors import StoreError
from autonews.models import NEVER_FETCHED, FeedHealth, FeedStatus, FetchResult, Item
from autonews.store.classifications import ClassificationQueries
from autonews.store.connection import connect, connect_read_only, rows_in, transaction
from autonews.store.entries import EntryQueries
from autonews.store.held import HeldDeliveries
from autonews.store.migrations import migrate, require_current
from autonews.store.moves import FeedMoves
from autonews.store.notices import FeedNotices
from autonews.store.pages import PageQueries
from autonews.store.problems import folder_problem, open_problem, store_problem
from autonews.store.retention import Retention
from autonews.store.rows import health_from_row, iso, item_from_row, starting_with


def _keep_statistics(db: sqlite3.Connection) -> None:
    """Keep the query planner's statistics fresh, as SQLite advises every connection to do
    before it closes (a sample of each index: milliseconds). Without them it read a digest's
    window through the feeds' index, every item of a store of 200,000 (0.10 s), where the
    index of dates reads the window's 400 (0.002 s). It waits 50 ms at most for another run's
    lock."""
    db.execute("PRAGMA busy_timeout = 50")
    db.execute("PRAGMA analysis_limit = 400")
    db.execute("PRAGMA optimize")


class Store(
    EntryQueries,
    HeldDeliveries,  # and StoryQueries, which it extends
    Retention,
    PageQueries,
    ClassificationQueries,
    FeedMoves,
    FeedNotices,
):
    """Thin, typed access to the SQLite file. Use as a context manager."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        """The store at ``path``, made or brought up to date; with ``read_only``, opened for
        reading only (see :meth:`for_reading`)."""
        self.path = path
        self.read_only = read_only
        self.created = False  # made now: no store was there, or an empty file
        try:
            if read_only:
                self.db = connect_read_only(path)
                require_current(self.db, path)
            else:
                self.db = connect(path)
                self.created = migrate(self.db, path) == 0
        except sqlite3.DatabaseError as exc:
            raise open_problem(path, exc) from None
        except OSError as exc:
            raise folder_problem(path, exc) from None

    @classmethod
    def for_reading(cls, path: Path) -> Store:
        """The store for a command that only reads it (`story`, `stats`, `feeds list`): opened
        read-only when it cannot be written (a read-only disk or folder, a file made read-only),
        where the caches it keeps (classifications, article bodies) are not kept."""
        try:
            store = cls(path)
        except StoreError:
            if not path.is_file():
                raise
            return cls(path, read_only=True)  # its error says more: it met the file itself
        if os.access(path, os.W_OK):
            return store
        store.close()  # SQLite opened the file read-only: writing the caches would fail
        return cls(path, read_only=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        """Closes the store; an SQLite error met while using it (a file made read-only, or
        damaged, after it was opened) is told as the store's, in one line with a hint."""
        with contextlib.suppress(sqlite3.Error):
            self.close()
        if isinstance(error, sqlite3.DatabaseError):
            raise store_problem(self.path, error) from None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):  # a read-only store, a busy one: next time
            if not self.read_only:
                _keep_statistics(self.db)
        self.db.close()

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return transaction(self.db)

    # --- feeds -------------------------------------------------------------------------------

    def http_state(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def http_states(self, urls: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """:meth:`http_state` of many feeds at once (feeds never fetched are left out)."""
        rows = self._rows_in("SELECT url, etag, last_modified FROM feeds WHERE url IN", urls)
        return {row["url"]: (row["etag"], row["last_modified"]) for row in rows}

    def record_fetch(
        self,
        feed: FeedConfig,
        result: FetchResult,
        item_count: int | None,
        error: str | None,
        now: datetime,
        damage: str = "",
    ) -> FeedHealth:
        """Update one feed's HTTP state and health; returns the health to report. A document
        read only in part (``damage``, see autonews.parse.damage) is a failure whose items were
        stored: its validators are not kept, so that the next run reads the feed whole again
        rather than hear "not modified"."""
        failed = error is not None or bool(damage)
        status = result.status
        if failed:
            status = FeedStatus.ERROR if error is not None else FeedStatus.PARTIAL
        with self.transaction() as db:
            db.execute(
                "INSERT INTO feeds (url, name) VALUES (?, ?) ON CONFLICT(url) DO UPDATE SET "
                "name = excluded.name",
                (feed.url, feed.name),
            )
            if failed:
                db.execute(
                    "UPDATE feeds SET status=?, http_status=?, error=?, last_checked=?, "
                    "consecutive_failures = consecutive_failures + 1, "
                    "items=COALESCE(?, items), etag=CASE WHEN ? THEN NULL ELSE etag END, "
                    "last_modified=CASE WHEN ? THEN NULL ELSE last_modified END WHERE url=?",
                    (
                        status.value,
                        result.http_status,
                        error or damage,
                        iso(now),
                        item_count if status is FeedStatus.PARTIAL else None,
                        status is FeedStatus.PARTIAL,
                        status is FeedStatus.PARTIAL,
                        feed.url,
                    ),
                )
            else:
                # A 304 keeps the old validators unless the server sent new ones, and the
                # count of items the unchanged document has. What runs told of a failure that
                # ends is kept: the same failure back within [digest] failure_reminder (a
                # feed that flaps) is no news (see autonews.notices).
                if status is FeedStatus.NOT_MODIFIED:
                    item_count = None
                db.execute(
                    "UPDATE feeds SET status=?, http_status=?, error=NULL, last_checked=?, "
                    "last_success=?, consecutive_failures=0, etag=COALESCE(?, etag), "
                    "last_modified=COALESCE(?, last_modified), items=COALESCE(?, items), "
                    "moved_to=? WHERE url=?",
                    (
                        status.value,
                        result.http_status,
                        iso(now),
                        iso(now),
                        result.etag,
                        result.last_modified,
                        item_count,
                        result.moved_to,
                        feed.url,
                    ),
                )
            row = db.execute("SELECT * FROM feeds WHERE url = ?", (feed.url,)).fetchone()
        return health_from_row(row, feed.name or row["title"] or feed.url)

    def feed_health(self, feeds: Iterable[FeedConfig]) -> list[FeedHealth]:
        out = []
        for feed in feeds:
            row = self.db.execute("SELECT * FROM feeds WHERE url = ?", (feed.url,)).fetchone()
            if row is None:
                out.append(
                    FeedHealth(
                        url=feed.url,
                        name=feed.label,
                        status=FeedStatus.ERROR,
                        error=NEVER_FETCHED,
                    )
                )
            else:
                out.append(health_from_row(row, feed.name or row["title"] or feed.url))
        return out

    def titled(self, feeds: Iterable[FeedConfig]) -> list[FeedConfig]:
        """``feeds``, those the list does not name named by their own title as last read (a
        `--feed URL` shows as "Fleet Notes", not as its URL)."""
        feeds = list(feeds)
        if all(feed.name for feed in feeds):
            return feeds
        titles = dict(self.db.execute("SELECT url, title FROM feeds WHERE title != ''").fetchall())
        return [
            feed if feed.name or feed.url not in titles else replace(feed, name=titles[feed.url])
            for feed in feeds
        ]

    def item_counts(self) -> dict[str, int]:
        """Items kept in the store, per feed URL."""
        rows = self.db.execute("SELECT feed_url, count(*) FROM items GROUP BY feed_url")
        return {row[0]: row[1] for row in rows}

    def latest_titles(self, feed_urls: Iterable[str], latest: int) -> dict[str, list[str]]:
        """For each feed, the titles of its ``latest`` items stored last (newest first)."""
        return {
            url: [
                row[0]
                for row in self.db.execute(
                    "SELECT title FROM items WHERE feed_url = ? ORDER BY id DESC LIMIT ?",
                    (url, latest),
                )
            ]
            for url in feed_urls
        }

    # --- items -------------------------------------------------------------------------------

    def items(self, feeds: Sequence[FeedConfig], since: datetime | None) -> list[Item]:
        by_url = {feed.url: feed for feed in self.titled(feeds)}
        if not by_url:
            return []
        marks = ",".join("?" * len(by_url))
        query = f"SELECT * FROM items WHERE feed_url IN ({marks})"
        params: list[str] = list(by_url)
        if since is not None:
            query += " AND published >= ?"
            params.append(iso(since))
        rows = self.db.execute(query + " ORDER BY published DESC, id", params).fetchall()
        return [item_from_row(row, by_url[row["feed_url"]]) for row in rows]

    def items_seen_since(
        self, feeds: Sequence[FeedConfig], seen_after: datetime, published_before: datetime
    ) -> list[Item]:
        """Items first seen after ``seen_after`` and published before ``published_before`` (the
        digest's window), leaving out a new feed's old items (its baseline): what --new may
        have missed while no --new digest ran, or while a feed was down."""
        by_url = {feed.url: feed for feed in self.titled(feeds)}
        rows = self.db.execute(  # through the index of first sight: the feeds are sifted here
            "SELECT * FROM items WHERE first_seen > ? AND published < ? AND baseline = 0",
            (iso(seen_after), iso(published_before)),
        )
        return [
            item_from_row(row, by_url[row["feed_url"]]) for row in rows if row["feed_url"] in by_url
        ]

    def story_keys_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """Story keys that start with ``prefix`` (at most ``limit``): ids typed short, as git's."""
        rows = self.db.execute(
            "SELECT DISTINCT story_key FROM story_items WHERE story_key LIKE ? ESCAPE '\\' "
            "ORDER BY story_key LIMIT ?",
            (starting_with(prefix), limit),
        ).fetchall()
        return [str(row[0]) for row in rows]

    def story_members(self, story_key: str) -> list[Item]:
        """The items of a story, each under its feed as last configured."""
        rows = self.db.execute(
            "SELECT items.* FROM story_items JOIN items ON items.id = story_items.item_id "
            "WHERE story_items.story_key = ? ORDER BY items.published, items.id",
            (story_key,),
        ).fetchall()
        feeds = {feed.url: feed for feed in self.known_feeds()}
        return [
            item_from_row(row, feeds.get(row["feed_url"], FeedConfig(url=row["feed_url"])))
            for row in rows
        ]

    def items_linking(self, url: str) -> list[Item]:
        """The items whose link is ``url``, each under its feed as last configured."""
        rows = self.db.execute("SELECT * FROM items WHERE link = ? ORDER BY id", (url,))
        feeds = {feed.url: feed for feed in self.known_feeds()}
        return [
            item_from_row(row, feeds.get(row["feed_url"], FeedConfig(url=row["feed_url"])))
            for row in rows.fetchall()
        ]

    def known_feeds(self) -> list[FeedConfig]:
        """Every feed the store has items or state for, named as last configured (else by its
        own title)."""
        rows = self.db.execute(
            "SELECT url, CASE name WHEN '' THEN title ELSE name END FROM feeds "
            "UNION SELECT DISTINCT feed_url, '' FROM items "
            "WHERE feed_url NOT IN (SELECT url FROM feeds)"
        ).fetchall()
        return [FeedConfig(url=row[0], name=row[1] or "") for row in rows]

    def _rows_in(
        self, query: str, values: Iterable[Any], before: Sequence[Any] = ()
    ) -> Iterator[sqlite3.Row]:
        """Rows of ``query ... IN (values)``, the values sent 500 at a time."""
        return rows_in(self.db, query, values, before)
