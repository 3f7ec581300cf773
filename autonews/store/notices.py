"""What runs told of each feed, per audience (see :mod:`autonews.notices`): its failure, named
again when the error changes or [digest] failure_reminder has passed (kept while the feed is
read in between: a feed that flaps is named once a reminder), and its move for good, told once
per new address. And, for every audience at once, how autonews last judged a feed left to it
(``topic = "auto"``): a car feed or not, since when, on what share (see
:mod:`autonews.car_feed_judgement`). Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from autonews.models import FeedHealth
from autonews.store.connection import rows_in, transaction
from autonews.store.rows import iso

FAILURE, MOVE = "failure", "move"  # the kinds of notice
CAR_FEED = "car feed"  # a feed's judgement, kept for every audience ("")


@dataclass(frozen=True)
class CarFeedJudgement:
    """How a feed left to autonews was last judged: a car feed or not, since when, on how many
    of its latest items (``items``), how many of them about cars (``cars``); and, where the
    judgement changed, the share it had been judged otherwise on (``was``)."""

    car_feed: bool
    since: datetime
    items: int
    cars: int
    was: tuple[int, int] | None = None


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

    def car_feed_judgements(self, urls: Iterable[str]) -> dict[str, CarFeedJudgement]:
        """How each of these feeds was last judged, where it has been."""
        found = {}
        for row in self._told(urls, "", CAR_FEED):
            detail = json.loads(row["detail"])
            was = detail.get("was")
            found[row["url"]] = CarFeedJudgement(
                bool(detail["car_feed"]),
                datetime.fromisoformat(row["told_at"]),
                int(detail["items"]),
                int(detail["cars"]),
                (int(was[0]), int(was[1])) if was else None,
            )
        return found

    def feeds_about(self, urls: Iterable[str]) -> dict[str, str]:
        """What each of these feeds' own title and description said at its last read, where
        it said anything."""
        query = "SELECT url, about FROM feeds WHERE about != '' AND url IN"
        return {str(row[0]): str(row[1]) for row in rows_in(self.db, query, urls)}

    def remember_car_feed_judgements(self, judged: Iterable[tuple[str, CarFeedJudgement]]) -> None:
        """Remember how these feeds were judged now."""
        rows = [
            (url, "", CAR_FEED, iso(j.since), json.dumps(_detail(j), sort_keys=True))
            for url, j in judged
        ]
        with transaction(self.db) as db:
            db.executemany(
                "INSERT OR REPLACE INTO feed_notices (url, audience, kind, told_at, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )


def _detail(judgement: CarFeedJudgement) -> dict[str, object]:
    detail: dict[str, object] = {
        "car_feed": judgement.car_feed,
        "items": judgement.items,
        "cars": judgement.cars,
    }
    if judgement.was is not None:
        detail["was"] = list(judgement.was)
    return detail
