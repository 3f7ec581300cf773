"""What runs told of each feed, per audience (see :mod:`autonews.notices`): its failure, named
again when the error changes or [digest] failure_reminder has passed (kept while the feed is
read in between: a feed that flaps is named once a reminder), and its move for good, told once
per new address. Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from autonews.models import FeedHealth
from autonews.store.connection import rows_in, transaction
from autonews.store.rows import iso

FAILURE, MOVE = "failure", "move"  # the kinds of notice


class FeedNotices:
    db: sqlite3.Connection

    def _told(self, urls: Iterable[str], audience: str, kind: str) -> Iterable[sqlite3.Row]:
        return rows_in(
            self.db,
            "SELECT url, told_at, detail FROM feed_notices WHERE audience = ? AND kind = ? "
            "AND url IN",
            urls,
            (audience, kind),
        )

    def failure_reports(
        self, urls: Iterable[str], audience: str
    ) -> dict[str, tuple[datetime, str]]:
        """When each feed's current failure was last named to ``audience``, and its error then."""
        return {
            row["url"]: (datetime.fromisoformat(row["told_at"]), row["detail"])
            for row in self._told(urls, audience, FAILURE)
        }

    def moves_told(self, urls: Iterable[str], audience: str) -> dict[str, str]:
        """The address each feed was last told to ``audience`` to have moved to."""
        return {row["url"]: row["detail"] for row in self._told(urls, audience, MOVE)}

    def remember_told(
        self,
        failures: Iterable[FeedHealth],
        moves: Iterable[FeedHealth],
        now: datetime,
        audience: str,
    ) -> None:
        """Remember that ``audience`` was told of these feeds' failures and moves."""
        told = [(feed.url, FAILURE, feed.error or "") for feed in failures]
        told += [(feed.url, MOVE, feed.moved_to or "") for feed in moves]
        with transaction(self.db) as db:
            db.executemany(
                "INSERT OR REPLACE INTO feed_notices (url, audience, kind, told_at, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                [(url, audience, kind, iso(now), detail) for url, kind, detail in told],
            )
