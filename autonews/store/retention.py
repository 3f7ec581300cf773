"""Pruning ([store] keep_days): old items go, with their article bodies and the deliveries of
stories left with no item; what a feed still lists stays, so that it never comes back as new
under a new id. The ids of stories pruned whole are kept as long again, so that `autonews story`
can tell a pruned story from one that never was. Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta

from autonews.store.connection import rows_in, transaction
from autonews.store.rows import iso


class Retention:
    db: sqlite3.Connection

    def prune(self, keep_days: int, now: datetime) -> int:
        """Forget items older than ``keep_days`` (by publication and first sight) that their
        feed no longer lists, their article bodies first, and deliveries of stories with no
        item left. Returns items removed.

        A feed read within ``keep_days`` that still lists an old item keeps it: pruned, it
        would be stored again at the feed's next change, under a new id (a new story, news
        again under --new, an undated one as of that day)."""
        cutoff = iso(now - timedelta(days=keep_days))
        with transaction(self.db) as db:
            old = db.execute(
                "SELECT id, feed_url, key, link FROM items WHERE published < ? AND first_seen < ?",
                (cutoff, cutoff),
            ).fetchall()
            listed = _still_listed(db, {row["feed_url"] for row in old}, cutoff)
            doomed = [row for row in old if row["key"] not in listed.get(row["feed_url"], ())]
            ids = [row["id"] for row in doomed]
            stories = {
                row[0]
                for row in rows_in(
                    db, "SELECT DISTINCT story_key FROM story_items WHERE item_id IN", ids
                )
            }
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                db.execute(f"DELETE FROM items WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            left = {
                row[0]
                for row in rows_in(
                    db, "SELECT DISTINCT story_key FROM story_items WHERE story_key IN", stories
                )
            }
            db.executemany(
                "INSERT OR REPLACE INTO pruned_stories (story_key, pruned_at) VALUES (?, ?)",
                [(key, iso(now)) for key in sorted(stories - left)],
            )
            db.execute("DELETE FROM pruned_stories WHERE pruned_at < ?", (cutoff,))
            # A body another item still links to stays.
            links = [row["link"] for row in doomed if row["link"]]
            for start in range(0, len(links), 500):
                chunk = links[start : start + 500]
                db.execute(
                    f"DELETE FROM articles WHERE url IN ({','.join('?' * len(chunk))}) AND url "
                    "NOT IN (SELECT link FROM items WHERE link IS NOT NULL)",
                    chunk,
                )
            # A story pruned is delivered no more, nor waits for an ack (store/held.py).
            for table in ("deliveries", "held_deliveries"):
                db.execute(
                    f"DELETE FROM {table} "
                    "WHERE story_key NOT IN (SELECT story_key FROM story_items)"
                )
            db.execute(
                "DELETE FROM page_failures WHERE url NOT IN "
                "(SELECT link FROM items WHERE link IS NOT NULL)"
            )
        return len(ids)

    def oldest_listed(self) -> dict[str, datetime]:
        """Per feed, the date of the oldest item its last document listed: how far back it
        carries items, which pruning spares only while the feed is read (see ``prune``)."""
        oldest: dict[str, datetime] = {}
        feeds = self.db.execute("SELECT url, listed FROM feeds WHERE listed IS NOT NULL")
        for url, listed in feeds.fetchall():
            dates = [
                row[0]
                for row in rows_in(
                    self.db,
                    "SELECT min(published) FROM items WHERE feed_url = ? AND key IN",
                    json.loads(listed),
                    (url,),
                )
                if row[0] is not None
            ]
            if dates:
                oldest[url] = datetime.fromisoformat(min(dates))
        return oldest


def _still_listed(db: sqlite3.Connection, urls: Iterable[str], cutoff: str) -> dict[str, set[str]]:
    """The entry keys each feed listed when last read, for feeds read since ``cutoff`` (a feed
    not read for that long says nothing about what it carries now)."""
    return {
        row["url"]: set(json.loads(row["listed"]))
        for row in rows_in(
            db,
            "SELECT url, listed FROM feeds WHERE listed IS NOT NULL AND last_success >= ? "
            "AND url IN",
            urls,
            (cutoff,),
        )
    }
