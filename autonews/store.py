"""The SQLite store: feed state and health, items, article bodies, deliveries.

One file in the data dir, WAL mode, schema versioned by ``PRAGMA user_version`` with migrations
applied in order. Every write happens in a transaction, so a run killed at any point leaves either
the old or the new state.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from autonews.config import FeedConfig
from autonews.errors import StoreError, StoreLockedError
from autonews.models import (
    Article,
    Classification,
    FeedHealth,
    FeedStatus,
    FetchResult,
    Item,
    ParsedEntry,
)
from autonews.urls import normalize_url

MIGRATIONS: tuple[str, ...] = (
    # 1: feeds, items, articles
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        etag TEXT,
        last_modified TEXT,
        status TEXT,
        http_status INTEGER,
        error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_success TEXT,
        last_checked TEXT,
        items INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        feed_url TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT,
        summary TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL,
        dated INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        UNIQUE (feed_url, key)
    );
    CREATE INDEX items_published ON items (published);
    CREATE INDEX items_fingerprint ON items (feed_url, fingerprint);
    CREATE TABLE articles (
        url TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        skipped TEXT NOT NULL DEFAULT '',
        fetched_at TEXT NOT NULL
    );
    """,
    # 2: first-run baseline, persistent stories, deliveries for --new
    """
    ALTER TABLE items ADD COLUMN baseline INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE story_items (
        item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
        story_key TEXT NOT NULL
    );
    CREATE INDEX story_items_key ON story_items (story_key);
    CREATE TABLE deliveries (
        story_key TEXT PRIMARY KEY,
        delivered_at TEXT NOT NULL,
        sources INTEGER NOT NULL,
        figure TEXT NOT NULL DEFAULT ''
    );
    """,
    # 3: delivered-state per named digest ([[digests]]): one story can go to several
    """
    CREATE TABLE deliveries_by_channel (
        channel TEXT NOT NULL DEFAULT '',
        story_key TEXT NOT NULL,
        delivered_at TEXT NOT NULL,
        sources INTEGER NOT NULL,
        figure TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (channel, story_key)
    );
    INSERT INTO deliveries_by_channel (channel, story_key, delivered_at, sources, figure)
        SELECT '', story_key, delivered_at, sources, figure FROM deliveries;
    DROP TABLE deliveries;
    ALTER TABLE deliveries_by_channel RENAME TO deliveries;
    """,
    # 4: classifications cached per item, so a warm run does not classify again
    """
    CREATE TABLE classifications (
        item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        with_body INTEGER NOT NULL,
        record TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def entry_fingerprint(entry: ParsedEntry) -> str:
    """Same title and link = same item, whatever GUID or date the feed gives it this time."""
    title = " ".join(entry.title.lower().split())
    link = normalize_url(entry.link) if entry.link else ""
    return _digest(title, link)


def entry_keys(entries: Sequence[ParsedEntry]) -> list[str]:
    """Stable identity per entry: GUID when the feed's GUIDs are trustworthy, else the link, else
    title + date. GUIDs are distrusted when missing or repeated within one document."""
    guids = [entry.guid for entry in entries]
    trustworthy = all(guids) and len(set(guids)) == len(guids)
    keys = []
    for entry in entries:
        if trustworthy and entry.guid:
            keys.append("g:" + entry.guid)
        elif entry.link:
            keys.append("l:" + normalize_url(entry.link))
        else:
            stamp = entry.published.isoformat() if entry.published else ""
            keys.append("h:" + _digest(entry.title, stamp))
    return keys


@dataclass(frozen=True)
class StoreUpdate:
    new: int
    seen: int
    inserted: dict[int, int] = field(default_factory=dict)  # entry index -> new item id


@dataclass(frozen=True)
class Delivery:
    sources: int
    figure: str


class Store:
    """Thin, typed access to the SQLite file. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open the store {str(path)!r}: {exc}",
                hint="check the file's permissions, or move it away to start afresh",
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot create the data folder for {str(path)!r}: {exc}") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store {str(self.path)!r} was written by a newer autonews "
                f"(schema {version}, this version knows {SCHEMA_VERSION})",
                hint="upgrade autonews",
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction() as db:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    # --- feeds -------------------------------------------------------------------------------

    def http_state(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

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
                    (status.value, result.http_status, error, _iso(now), feed.url),
                )
            else:
                # A 304 keeps the old validators unless the server sent new ones.
                db.execute(
                    "UPDATE feeds SET status=?, http_status=?, error=NULL, last_checked=?, "
                    "last_success=?, consecutive_failures=0, etag=COALESCE(?, etag), "
                    "last_modified=COALESCE(?, last_modified), items=? WHERE url=?",
                    (
                        status.value,
                        result.http_status,
                        _iso(now),
                        _iso(now),
                        result.etag,
                        result.last_modified,
                        item_count,
                        feed.url,
                    ),
                )
            row = db.execute("SELECT * FROM feeds WHERE url = ?", (feed.url,)).fetchone()
        return _health_from_row(row, feed.label)

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
                        error="never fetched",
                    )
                )
            else:
                out.append(_health_from_row(row, feed.label))
        return out

    # --- items -------------------------------------------------------------------------------

    def add_entries(
        self,
        feed: FeedConfig,
        entries: Sequence[ParsedEntry],
        now: datetime,
        first_run_window: timedelta = timedelta(hours=48),
    ) -> StoreUpdate:
        """Insert entries not seen before. Existing items keep their first-seen time and date.

        On a feed's first fetch, entries older than ``first_run_window`` (or undated) become the
        baseline: stored, shown in ordinary digests, but never news for ``--new``."""
        keys = entry_keys(entries)
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
            for position, (key, entry) in enumerate(zip(keys, entries, strict=True)):
                fingerprint = entry_fingerprint(entry)
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
                        _iso(published),
                        int(entry.published is not None),
                        _iso(now),
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
            params.append(_iso(since))
        rows = self.db.execute(query + " ORDER BY published DESC, id", params).fetchall()
        return [_item_from_row(row, by_url[row["feed_url"]]) for row in rows]

    def story_link(self, story_key: str) -> str | None:
        """The link of a story's earliest item that has one."""
        row = self.db.execute(
            "SELECT items.link FROM story_items JOIN items ON items.id = story_items.item_id "
            "WHERE story_items.story_key = ? AND items.link IS NOT NULL "
            "ORDER BY items.first_seen, items.id LIMIT 1",
            (story_key,),
        ).fetchone()
        return str(row[0]) if row else None

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
        with self.transaction() as db:
            for members in groups:
                ordered = sorted(members, key=lambda item: (item.first_seen, item.id))
                key = next((known[i.id] for i in ordered if i.id in known), None)
                if key is None:
                    key = _digest(ordered[0].feed_url, str(ordered[0].id))[:12]
                db.executemany(
                    "INSERT OR IGNORE INTO story_items (item_id, story_key) VALUES (?, ?)",
                    [(item.id, key) for item in ordered if item.id not in known],
                )
                keys.append(key)
        return keys

    def _rows_in(
        self, query: str, values: Iterable[Any], before: Sequence[Any] = ()
    ) -> Iterator[sqlite3.Row]:
        """Rows of ``query ... IN (values)``, the values sent 500 at a time (SQLite's limit on
        parameters is low on some builds)."""
        pending = list(dict.fromkeys(values))
        for start in range(0, len(pending), 500):
            chunk = pending[start : start + 500]
            yield from self.db.execute(f"{query} ({','.join('?' * len(chunk))})", [*before, *chunk])

    def story_keys_of(self, item_ids: Sequence[int]) -> dict[int, str]:
        """The story each item already belongs to (items seen by an earlier run)."""
        return {
            row["item_id"]: row["story_key"]
            for row in self._rows_in(
                "SELECT item_id, story_key FROM story_items WHERE item_id IN", item_ids
            )
        }

    def classifications(
        self, item_ids: Sequence[int], version: str
    ) -> dict[int, tuple[Classification, bool]]:
        """Cached classifications made by this classifier version: (classification, with_body)."""
        rows = self._rows_in(
            "SELECT item_id, with_body, record FROM classifications WHERE version = ? AND "
            "item_id IN",
            item_ids,
            (version,),
        )
        return {
            row["item_id"]: (
                Classification.from_record(json.loads(row["record"])),
                bool(row["with_body"]),
            )
            for row in rows
        }

    def save_classifications(
        self, rows: Iterable[tuple[int, Classification, bool]], version: str
    ) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO classifications (item_id, version, with_body, record) "
                "VALUES (?, ?, ?, ?)",
                [
                    (item_id, version, int(with_body), json.dumps(c.to_record()))
                    for item_id, c, with_body in rows
                ],
            )

    def deliveries(self, keys: Iterable[str], channel: str = "") -> dict[str, Delivery]:
        rows = self._rows_in(
            "SELECT story_key, sources, figure FROM deliveries WHERE channel = ? AND story_key IN",
            keys,
            (channel,),
        )
        return {row["story_key"]: Delivery(row["sources"], row["figure"]) for row in rows}

    def mark_delivered(
        self, delivered: Iterable[tuple[str, Delivery]], now: datetime, channel: str = ""
    ) -> None:
        """Called only after the digest really went out: a failed send delivers nothing."""
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO deliveries (channel, story_key, delivered_at, sources, figure) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(channel, story_key) DO UPDATE SET "
                "delivered_at = excluded.delivered_at, sources = excluded.sources, "
                "figure = excluded.figure",
                [(channel, key, _iso(now), d.sources, d.figure) for key, d in delivered],
            )

    def prune(self, keep_days: int, now: datetime) -> int:
        """Forget items older than ``keep_days`` (by publication and first sight), their article
        bodies first, and deliveries of stories with no item left. Returns items removed."""
        cutoff = _iso(now - timedelta(days=keep_days))
        with self.transaction() as db:
            db.execute(
                "DELETE FROM articles WHERE url IN (SELECT link FROM items WHERE published < ? "
                "AND first_seen < ?) AND url NOT IN (SELECT link FROM items WHERE published >= ? "
                "OR first_seen >= ?)",
                (cutoff, cutoff, cutoff, cutoff),
            )
            removed = db.execute(
                "DELETE FROM items WHERE published < ? AND first_seen < ?", (cutoff, cutoff)
            ).rowcount
            db.execute(
                "DELETE FROM deliveries WHERE story_key NOT IN (SELECT story_key FROM story_items)"
            )
        return int(removed)

    # --- articles ----------------------------------------------------------------------------

    def articles(self, urls: Iterable[str]) -> dict[str, Article]:
        return {
            row["url"]: Article(
                url=row["url"],
                title=row["title"],
                author=row["author"],
                date=row["date"],
                language=row["language"],
                text=row["text"],
                skipped=row["skipped"],
            )
            for row in self._rows_in("SELECT * FROM articles WHERE url IN", urls)
        }

    def save_articles(self, articles: Iterable[Article], now: datetime) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO articles (url, title, author, date, language, text, "
                "skipped, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.url, a.title, a.author, a.date, a.language, a.text, a.skipped, _iso(now))
                    for a in articles
                ],
            )


def _health_from_row(row: sqlite3.Row, name: str) -> FeedHealth:
    return FeedHealth(
        url=row["url"],
        name=name,
        status=FeedStatus(row["status"]) if row["status"] else FeedStatus.ERROR,
        http_status=row["http_status"],
        error=row["error"],
        items=row["items"],
        consecutive_failures=row["consecutive_failures"],
        last_success=_from_iso(row["last_success"]),
    )


def _item_from_row(row: sqlite3.Row, feed: FeedConfig) -> Item:
    return Item(
        id=row["id"],
        feed_url=row["feed_url"],
        feed_name=feed.label,
        title=row["title"],
        link=row["link"],
        summary=row["summary"],
        published=datetime.fromisoformat(row["published"]),
        first_seen=datetime.fromisoformat(row["first_seen"]),
        dated=bool(row["dated"]),
        tags=feed.tags,
        baseline=bool(row["baseline"]),
    )


# Lock files held by this process's runs. Worker processes forked during a run (the parse and
# extraction pools) inherit the descriptor, and flock() belongs to the open file, not to the
# process: when a run was SIGKILLed (OOM killer, `kill -9`, a crash), its orphaned workers, blocked
# forever on their task queue, kept the lock, and every later run, cron's included, exited with
# code 4 until someone found and killed them. So a forked child drops the lock at once, and exits
# when the run that forked it has gone.
_HELD_LOCKS: set[int] = set()


def _after_fork_in_child() -> None:
    if not _HELD_LOCKS:
        return
    for handle in _HELD_LOCKS:
        with contextlib.suppress(OSError):
            os.close(handle)
    _HELD_LOCKS.clear()
    import threading
    import time

    parent = os.getppid()

    def exit_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)  # reparented: the run is gone, and nobody will ever send us work again

    threading.Thread(target=exit_with_parent, name="autonews-orphan-watch", daemon=True).start()


@functools.cache
def _drop_locks_in_forked_children() -> None:
    # Registered on the first lock taken, not at import: importing autonews has no side effects.
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)


@contextlib.contextmanager
def run_lock(data_dir: Path, *, wait: bool = False) -> Iterator[None]:
    """One autonews run at a time per store; a second one fails at once unless ``wait``."""
    import fcntl

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "autonews.lock"
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreLockedError(
                "another autonews run is using the store",
                hint="wait for it to finish, or pass --wait to queue behind it",
            ) from None
        _drop_locks_in_forked_children()
        _HELD_LOCKS.add(handle)
        yield
    finally:
        _HELD_LOCKS.discard(handle)
        os.close(handle)
