"""The Store: typed queries on the SQLite file, for each stage that reads or writes it.

Feeds (HTTP state and health), items, stories and their deliveries, cached classifications,
article bodies. Every write happens in a transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from autonews.config import FeedConfig
from autonews.errors import StoreError
from autonews.models import (
    NEVER_FETCHED,
    FeedHealth,
    FeedStatus,
    FetchResult,
    Item,
    ParsedEntry,
)
from autonews.store.classifications import ClassificationQueries
from autonews.store.connection import connect, rows_in, transaction
from autonews.store.keys import entry_identity, stable_hash
from autonews.store.migrations import migrate
from autonews.store.moves import FeedMoves
from autonews.store.notices import FeedNotices, forget_failures
from autonews.store.pages import PageQueries
from autonews.store.rows import health_from_row, iso, item_from_row


def store_problem(path: Path, error: sqlite3.DatabaseError) -> StoreError:
    """What an SQLite error says about the store, for its user. Nothing is deleted: a damaged
    file is for the user to move away (their feeds are in the config)."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"cannot write to the store {str(path)!r}: {text}",
            hint="check the permissions of the file and its folder",
        )
    if _is_damage(error):
        return StoreError(
            f"the store {str(path)!r} is damaged: {text}",
            hint="move it away to start afresh (the feeds are in the config, not the store)",
        )
    return StoreError(
        f"the store {str(path)!r} failed: {text}",
        hint="another program may hold it; try again, or move the file away to start afresh",
    )


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    text = str(error)
    return "malformed" in text or "not a database" in text or "corrupt" in text


@dataclass(frozen=True)
class StoreUpdate:
    new: int
    seen: int
    inserted: dict[int, int] = field(default_factory=dict)  # entry index -> new item id


@dataclass(frozen=True)
class Delivery:
    sources: int
    figure: str
    shown: bool = True  # False: a story not about cars, only counted in the digest's footer


class Store(PageQueries, ClassificationQueries, FeedMoves, FeedNotices):
    """Thin, typed access to the SQLite file. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = connect(path)
            migrate(self.db, path)
        except sqlite3.DatabaseError as exc:
            if _is_damage(exc):  # not a matter of permissions: says so, as when it is in use
                raise store_problem(path, exc) from None
            raise StoreError(
                f"cannot open the store {str(path)!r}: {exc}",
                hint="check the file's permissions, or move it away to start afresh",
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot create the data folder for {str(path)!r}: {exc}") from None

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
        item_count: int,
        error: str | None,
        now: datetime,
    ) -> FeedHealth:
        """Update one feed's HTTP state and health; returns the health to report."""
        failed = error is not None
        status = FeedStatus.ERROR if failed else result.status
        with self.transaction() as db:
            db.execute(
                "INSERT INTO feeds (url, name) VALUES (?, ?) ON CONFLICT(url) DO UPDATE SET "
                "name = excluded.name",
                (feed.url, feed.name),
            )
            if failed:
                db.execute(
                    "UPDATE feeds SET status=?, http_status=?, error=?, last_checked=?, "
                    "consecutive_failures = consecutive_failures + 1 WHERE url=?",
                    (status.value, result.http_status, error, iso(now), feed.url),
                )
            else:
                # A 304 keeps the old validators unless the server sent new ones. A failure
                # that ends is forgotten: the next one is news.
                db.execute(
                    "UPDATE feeds SET status=?, http_status=?, error=NULL, last_checked=?, "
                    "last_success=?, consecutive_failures=0, etag=COALESCE(?, etag), "
                    "last_modified=COALESCE(?, last_modified), items=?, moved_to=? WHERE url=?",
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
                forget_failures(db, feed.url)
            row = db.execute("SELECT * FROM feeds WHERE url = ?", (feed.url,)).fetchone()
        return health_from_row(row, feed.label)

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
                out.append(health_from_row(row, feed.label))
        return out

    def item_counts(self) -> dict[str, int]:
        """Items kept in the store, per feed URL."""
        rows = self.db.execute("SELECT feed_url, count(*) FROM items GROUP BY feed_url")
        return {row[0]: row[1] for row in rows}

    # --- items -------------------------------------------------------------------------------

    def add_entries(
        self,
        feed: FeedConfig,
        entries: Sequence[ParsedEntry],
        now: datetime,
        first_run_window: timedelta = timedelta(hours=48),
        identity: tuple[Sequence[str], Sequence[str]] | None = None,
    ) -> StoreUpdate:
        """Insert entries not seen before. Existing items keep their first-seen time and date.

        On a feed's first fetch, entries older than ``first_run_window`` (or undated) become the
        baseline: stored, shown in ordinary digests, but never news for ``--new``. ``identity``:
        the entries' keys and fingerprints when already known (:func:`entry_identity`)."""
        keys, prints = identity or entry_identity(entries)
        rows = []
        with self.transaction() as db:
            # One read of what the feed already has, then one batch of inserts.
            known_keys: set[str] = set()
            known_prints: set[str] = set()
            for key, fingerprint in db.execute(
                "SELECT key, fingerprint FROM items WHERE feed_url = ?", (feed.url,)
            ):
                known_keys.add(key)
                known_prints.add(fingerprint)
            first_fetch = not known_keys
            indexes: list[int] = []
            for position, (key, fingerprint, entry) in enumerate(
                zip(keys, prints, entries, strict=True)
            ):
                if key in known_keys or fingerprint in known_prints:
                    continue  # seen before, perhaps re-dated or re-GUIDed
                known_keys.add(key)
                known_prints.add(fingerprint)
                published = entry.published or now
                if published > now + timedelta(days=1):
                    published = now  # a date in the future is a feed bug, not a scoop
                baseline = first_fetch and (
                    entry.published is None or entry.published < now - first_run_window
                )
                indexes.append(position)
                rows.append(
                    (
                        feed.url,
                        key,
                        fingerprint,
                        entry.title,
                        entry.link,
                        entry.summary,
                        iso(published),
                        int(entry.published is not None),
                        iso(now),
                        int(baseline),
                    )
                )
            db.executemany(
                "INSERT INTO items (feed_url, key, fingerprint, title, link, summary, "
                "published, dated, first_seen, baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            ids = dict(
                db.execute("SELECT key, id FROM items WHERE feed_url = ?", (feed.url,)).fetchall()
            )
        new = len(rows)
        inserted = {index: ids[row[1]] for index, row in zip(indexes, rows, strict=True)}
        return StoreUpdate(new=new, seen=len(entries) - new, inserted=inserted)

    def items(self, feeds: Sequence[FeedConfig], since: datetime | None) -> list[Item]:
        by_url = {feed.url: feed for feed in feeds}
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

    def story_keys_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """Story keys that start with ``prefix`` (at most ``limit``): ids typed short, as git's."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.db.execute(
            "SELECT DISTINCT story_key FROM story_items WHERE story_key LIKE ? ESCAPE '\\' "
            "ORDER BY story_key LIMIT ?",
            (escaped + "%", limit),
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

    def known_feeds(self) -> list[FeedConfig]:
        """Every feed the store has items or state for, named as last configured."""
        rows = self.db.execute(
            "SELECT url, name FROM feeds UNION SELECT DISTINCT feed_url, '' FROM items "
            "WHERE feed_url NOT IN (SELECT url FROM feeds)"
        ).fetchall()
        return [FeedConfig(url=row[0], name=row[1] or "") for row in rows]

    # --- stories and deliveries -----------------------------------------------------------------

    def story_keys(self, groups: Sequence[Sequence[Item]]) -> list[str]:
        """A stable key per story: a story that grows keeps the key it first had. New stories
        take one from their earliest item; every member is recorded under the key."""
        known = self.story_keys_of([item.id for members in groups for item in members])
        keys = []
        rows: list[tuple[int, str]] = []
        for members in groups:
            ordered = sorted(members, key=lambda item: (item.first_seen, item.id))
            key = next((known[i.id] for i in ordered if i.id in known), None)
            if key is None:
                key = stable_hash(ordered[0].feed_url, str(ordered[0].id))[:12]
            rows += [(item.id, key) for item in ordered if item.id not in known]
            keys.append(key)
        with self.transaction() as db:  # one batch for all the stories
            db.executemany(
                "INSERT OR IGNORE INTO story_items (item_id, story_key) VALUES (?, ?)", rows
            )
        return keys

    def _rows_in(
        self, query: str, values: Iterable[Any], before: Sequence[Any] = ()
    ) -> Iterator[sqlite3.Row]:
        """Rows of ``query ... IN (values)``, the values sent 500 at a time."""
        return rows_in(self.db, query, values, before)

    def story_keys_of(self, item_ids: Sequence[int]) -> dict[int, str]:
        """The story each item already belongs to (items seen by an earlier run)."""
        return {
            row["item_id"]: row["story_key"]
            for row in self._rows_in(
                "SELECT item_id, story_key FROM story_items WHERE item_id IN", item_ids
            )
        }

    def deliveries(self, keys: Iterable[str], channel: str = "") -> dict[str, Delivery]:
        rows = self._rows_in(
            "SELECT story_key, sources, figure, shown FROM deliveries WHERE channel = ? "
            "AND story_key IN",
            keys,
            (channel,),
        )
        return {
            row["story_key"]: Delivery(row["sources"], row["figure"], bool(row["shown"]))
            for row in rows
        }

    def mark_delivered(
        self, delivered: Iterable[tuple[str, Delivery]], now: datetime, channel: str = ""
    ) -> None:
        """Called only after the digest really went out: a failed send delivers nothing."""
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO deliveries (channel, story_key, delivered_at, sources, figure, shown) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(channel, story_key) DO UPDATE SET "
                "delivered_at = excluded.delivered_at, sources = excluded.sources, "
                "figure = excluded.figure, shown = MAX(shown, excluded.shown)",
                [(channel, key, iso(now), d.sources, d.figure, d.shown) for key, d in delivered],
            )

    def prune(self, keep_days: int, now: datetime) -> int:
        """Forget items older than ``keep_days`` (by publication and first sight), their article
        bodies first, and deliveries of stories with no item left. Returns items removed."""
        cutoff = iso(now - timedelta(days=keep_days))
        with self.transaction() as db:
            db.execute(
                # NOT IN a list holding a NULL is never true: items without a link are left out.
                "DELETE FROM articles WHERE url IN (SELECT link FROM items WHERE published < ? "
                "AND first_seen < ?) AND url NOT IN (SELECT link FROM items WHERE link IS NOT "
                "NULL AND (published >= ? OR first_seen >= ?))",
                (cutoff, cutoff, cutoff, cutoff),
            )
            removed = db.execute(
                "DELETE FROM items WHERE published < ? AND first_seen < ?", (cutoff, cutoff)
            ).rowcount
            db.execute(
                "DELETE FROM deliveries WHERE story_key NOT IN (SELECT story_key FROM story_items)"
            )
            db.execute(
                "DELETE FROM page_failures WHERE url NOT IN "
                "(SELECT link FROM items WHERE link IS NOT NULL)"
            )
        return int(removed)
