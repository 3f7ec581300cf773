"""Classifications cached per item and classifier version, so that a warm run classifies nothing
again. Besides an item's own classification, the one made knowing that its feed is a car feed
(see ``labels._from_car_feeds``): whether that one applies is decided afresh each run, but
making it is the same work every time. Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import NamedTuple

from autonews.models import Classification
from autonews.store.connection import rows_in, transaction

_AUTOMOTIVE = 6  # where Classification.to_record() keeps "about cars"


class Clustered(NamedTuple):
    """An item an earlier run clustered, as ``clustered_before`` reads it."""

    id: int
    feed_url: str
    title: str
    summary: str
    link: str | None
    published: datetime
    story_key: str
    label: Classification


class ClassificationQueries:
    db: sqlite3.Connection
    read_only: bool

    def classifications(
        self, item_ids: Sequence[int], version: str
    ) -> dict[int, tuple[Classification, bool]]:
        """Cached classifications made by this classifier version: (classification, with_body)."""
        return self._cached("record", "with_body", item_ids, version)

    def save_classifications(
        self, rows: Iterable[tuple[int, Classification, bool]], version: str
    ) -> None:
        """Store classifications; an item's car-feed classification, made from what it was
        before, is dropped with the old one. A cache: a read-only store is read without it."""
        if self.read_only:
            return
        with transaction(self.db) as db:
            db.executemany(
                "INSERT OR REPLACE INTO classifications (item_id, version, with_body, record) "
                "VALUES (?, ?, ?, ?)",
                [
                    (item_id, version, int(with_body), json.dumps(c.to_record()))
                    for item_id, c, with_body in rows
                ],
            )

    def car_feed_classifications(
        self, item_ids: Sequence[int], version: str
    ) -> dict[int, tuple[Classification, bool]]:
        """Cached car-feed classifications made by this classifier version: (classification,
        with_body)."""
        return self._cached("car_feed_record", "car_feed_with_body", item_ids, version)

    def save_car_feed_classifications(
        self, rows: Iterable[tuple[int, Classification, bool]], version: str
    ) -> None:
        """Keep car-feed classifications beside the items' own (which must be stored, by the
        same version: a car-feed one outlives neither)."""
        if self.read_only:
            return
        with transaction(self.db) as db:
            db.executemany(
                "UPDATE classifications SET car_feed_record = ?, car_feed_with_body = ? "
                "WHERE item_id = ? AND version = ?",
                [
                    (json.dumps(c.to_record()), int(with_body), item_id, version)
                    for item_id, c, with_body in rows
                ],
            )

    def latest_car_shares(
        self, feed_urls: Iterable[str], version: str, latest: int
    ) -> dict[str, tuple[int, int]]:
        """For each feed, of its ``latest`` items stored last that this classifier version has
        labelled: how many, and how many of them are about cars (their own labels)."""
        # Counted by SQLite, which reads the one flag of each record, where parsing every record
        # here cost a warm run of 200 feeds tens of milliseconds (every feed is judged each run).
        shares = {}
        for url in feed_urls:
            row = self.db.execute(
                "SELECT COUNT(*) AS judged, "
                f"TOTAL(json_extract(record, '$[{_AUTOMOTIVE}]')) AS cars FROM ("
                "SELECT c.record FROM items i JOIN classifications c ON c.item_id = i.id "
                "WHERE i.feed_url = ? AND c.version = ? ORDER BY i.id DESC LIMIT ?)",
                (url, version, latest),
            ).fetchone()
            shares[url] = (row["judged"], int(row["cars"]))
        return shares

    def clustered_before(
        self, feed_urls: Iterable[str], start: str, end: str, version: str, car_only: bool = True
    ) -> list[Clustered]:
        """The items of these feeds published from ``start`` until before ``end`` (ISO times)
        that an earlier run clustered (they have a story) with this classifier version's label,
        the car-feed label where one was made; with ``car_only``, only the car news among them
        (SQLite leaves the rest out, unparsed). What a run weighs its terms with beyond its
        window, and the earlier stories its new items may still join."""
        car_news = (
            f"AND json_extract(COALESCE(c.car_feed_record, c.record), '$[{_AUTOMOTIVE}]') "
            if car_only
            else ""
        )
        rows = rows_in(
            self.db,
            "SELECT i.id, i.feed_url, i.title, i.summary, i.link, i.published, s.story_key, "
            "COALESCE(c.car_feed_record, c.record) AS record FROM items i "
            "JOIN classifications c ON c.item_id = i.id AND c.version = ? "
            "JOIN story_items s ON s.item_id = i.id "
            f"WHERE i.published >= ? AND i.published < ? {car_news}AND i.feed_url IN",
            feed_urls,
            (version, start, end),
        )
        return [
            Clustered(
                row["id"],
                row["feed_url"],
                row["title"],
                row["summary"],
                row["link"],
                datetime.fromisoformat(row["published"]),
                row["story_key"],
                Classification.from_record(json.loads(row["record"])),
            )
            for row in rows
        ]

    def _cached(
        self, record: str, with_body: str, item_ids: Sequence[int], version: str
    ) -> dict[int, tuple[Classification, bool]]:
        """The classifications kept in the columns ``record`` and ``with_body`` (names of this
        module's own, never a caller's text)."""
        rows = rows_in(
            self.db,
            f"SELECT item_id, {with_body} AS with_body, {record} AS record FROM classifications "
            f"WHERE version = ? AND {record} IS NOT NULL AND item_id IN",
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
