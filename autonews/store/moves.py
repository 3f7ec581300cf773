"""A feed that moved to a new URL (`feeds edit --url`) keeps its history: its items, and so
its stories' ids and delivered marks, go with it. Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import sqlite3

from autonews.store.connection import transaction


class FeedMoves:
    db: sqlite3.Connection

    def move_feed(self, old_url: str, new_url: str) -> int:
        """Key the items of ``old_url`` by ``new_url``, in one transaction (inside the caller's,
        if any); returns how many moved.

        Items keep their ids, and stories and deliveries are keyed by the items' stories, so a
        story keeps its id and a `--new` digest does not send it again. Items the store still
        has from an earlier feed at ``new_url`` (no longer configured: the feed list holds each
        URL once) give way where they collide with the moved ones. The feed's fetch state is
        dropped rather than moved: an ETag or a failure of the old address says nothing about
        the new one, which `feeds list` shows as not fetched yet."""
        with transaction(self.db) as db:
            db.execute(
                "DELETE FROM items WHERE feed_url = ? AND key IN "
                "(SELECT key FROM items WHERE feed_url = ?)",
                (new_url, old_url),
            )
            moved = db.execute(
                "UPDATE items SET feed_url = ? WHERE feed_url = ?", (new_url, old_url)
            ).rowcount
            db.execute("DELETE FROM feeds WHERE url IN (?, ?)", (old_url, new_url))
            db.execute("DELETE FROM feed_notices WHERE url IN (?, ?)", (old_url, new_url))
        return int(moved)
