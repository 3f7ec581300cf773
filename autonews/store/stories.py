"""Stories in the store: the stable key of each, what each --new digest delivered of them and
when it last ran, and the keys of stories pruned whole. Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from autonews.models import Item
from autonews.store.connection import rows_in, transaction
from autonews.store.keys import stable_hash
from autonews.store.rows import iso, starting_with


@dataclass(frozen=True)
class Delivery:
    """What a --new digest delivered of a story: its sources then, the headline figure each
    told ("units:14768"), when, whether it was still a rumour, and its event."""

    sources: int
    figures: tuple[str, ...]
    shown: bool = True  # False: a story not about cars, only counted in the digest's footer
    at: datetime | None = None  # when it went out (None: not yet recorded)
    speculative: bool = False
    event: str = ""  # its event's slug ("": delivered by a version that did not record it)
    title: str = ""  # the title it went out with ("": not recorded)
    # The turns its sources told (autonews.story_turns) and the feeds of its regulators'
    # notices; None: delivered by a version that did not record them.
    turns: tuple[str, ...] | None = None
    notices: tuple[str, ...] = ()

    def told_record(self) -> str:
        """What the ``told`` column keeps (JSON): the title, turns and notices' feeds."""
        if self.turns is None and not self.title:
            return ""
        told = {"title": self.title, "turns": list(self.turns or ()), "notices": list(self.notices)}
        return json.dumps(told, ensure_ascii=False, sort_keys=True)

    def row(self, channel: str, key: str, at: datetime) -> tuple[object, ...]:
        """Its row (channel, story_key, time, sources, figure, shown, speculative, event, told)
        as the deliveries and held_deliveries tables keep it."""
        figures = " ".join(self.figures)
        return (
            channel,
            key,
            iso(at),
            self.sources,
            figures,
            self.shown,
            self.speculative,
            self.event,
            self.told_record(),
        )


class StoryQueries:
    db: sqlite3.Connection

    def story_keys(
        self,
        groups: Sequence[Sequence[Item]],
        joined: Mapping[int, str] | None = None,
        car_news: Collection[int] = (),
    ) -> list[str]:
        """A stable key per story: a story that grows keeps the key it first had. New stories
        take one from their earliest item; every member is recorded under the key, with
        whether it is car news now (``car_news``: the ids of those that are).
        ``joined``: new items that joined the story of an earlier run whose members are not
        among ``groups`` (older than the window), by item id: that story's key."""
        known = self.story_keys_of([item.id for members in groups for item in members])
        joined = joined or {}
        car_news = set(car_news)
        keys = []
        rows: list[tuple[int, str, bool]] = []
        moved: list[tuple[str, int]] = []  # (its story's key now, item id)
        for members in groups:
            ordered = sorted(members, key=lambda item: (item.first_seen, item.id))
            key = next((known[i.id] for i in ordered if i.id in known), None)
            # Two stories an earlier run made are one now (a retitled item's story joined what
            # its correction agrees with: ``cluster``'s reopened): the first keeps its key.
            if key is not None:
                moved += [(key, i.id) for i in ordered if i.id in known and known[i.id] != key]
            else:
                key = next((joined[i.id] for i in ordered if i.id in joined), None)
            if key is None:
                key = stable_hash(ordered[0].feed_url, str(ordered[0].id))[:12]
            new = [item for item in ordered if item.id not in known]
            rows += [(item.id, key, item.id in car_news) for item in new]
            keys.append(key)
        with transaction(self.db) as db:  # one batch for all the stories
            db.executemany(
                "INSERT OR IGNORE INTO story_items (item_id, story_key, car) VALUES (?, ?, ?)", rows
            )
            # (a moved item keeps whether it was car news when it was filed)
            db.executemany("UPDATE story_items SET story_key = ? WHERE item_id = ?", moved)
        return keys

    def filed_as_car_news(self, item_ids: Iterable[int]) -> set[int]:
        """Of ``item_ids``, those that were car news when filed in their story, or have been
        since (``mark_car_news``); an item filed by a version that did not record it counts as
        car news (as that version took it)."""
        return {
            row["item_id"]
            for row in rows_in(
                self.db,
                "SELECT item_id FROM story_items WHERE (car IS NULL OR car) AND item_id IN",
                item_ids,
            )
        }

    def mark_car_news(self, item_ids: Iterable[int]) -> None:
        """Record that these filed items are car news now (their page or their feed's topic
        made them so): should they stop being car news, they leave a car story."""
        ids = list(item_ids)
        with transaction(self.db) as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                db.execute(
                    f"UPDATE story_items SET car = 1 WHERE car = 0 AND item_id IN "
                    f"({','.join('?' * len(chunk))})",
                    chunk,
                )

    def story_keys_of(self, item_ids: Sequence[int]) -> dict[int, str]:
        """The story each item already belongs to (items seen by an earlier run)."""
        return {
            row["item_id"]: row["story_key"]
            for row in rows_in(
                self.db, "SELECT item_id, story_key FROM story_items WHERE item_id IN", item_ids
            )
        }

    def detached_stories(self, keys: Iterable[str]) -> set[str]:
        """Which of these stories are ones `story --detach` (or leaving car news) made: keyed
        by a member's ``detached_key`` (a `--together` story's by its first member's)."""
        return {
            row["story_key"]
            for row in rows_in(
                self.db, "SELECT item_id, story_key FROM story_items WHERE story_key IN", keys
            )
            if row["story_key"] == detached_key(row["item_id"])
        }

    def detach(self, item_ids: Iterable[int], together: bool = False) -> dict[int, str]:
        """Give each item a story of its own, out of the one an earlier run put it in (taken
        out by `story ID --detach`, or no longer car news beside car news): the clustering
        never joins the two again, as it never joins two stories an earlier run told apart.
        ``together``: the items make one story between them (the sources of a second event a
        wrong merge took in, `--detach … --together`), keyed by the first of them.
        Where the story it left went out, so did it: its own story is marked delivered there,
        and a `--new` digest does not send it again. The items' new story keys, by item."""
        ordered = list(dict.fromkeys(item_ids))
        keys = self.story_keys_of(ordered)
        shared = detached_key(ordered[0]) if together and ordered else None
        sources = len(ordered) if together else 1
        moved = {}
        with transaction(self.db) as db:
            for item_id in ordered:
                old = keys.get(item_id)
                new = shared or detached_key(item_id)
                if old is None or new == old:
                    continue  # not in a story, or taken out before: where it should be
                db.execute("UPDATE story_items SET story_key = ? WHERE item_id = ?", (new, item_id))
                db.execute(
                    "INSERT OR IGNORE INTO deliveries (channel, story_key, delivered_at, sources, "
                    "figure, shown, speculative, event, told) SELECT channel, ?, delivered_at, ?, "
                    "figure, shown, speculative, event, told FROM deliveries WHERE story_key = ?",
                    (new, sources, old),
                )
                moved[item_id] = new
        return moved

    def deliveries(self, keys: Iterable[str], channel: str = "") -> dict[str, Delivery]:
        rows = rows_in(
            self.db,
            "SELECT story_key, sources, figure, shown, delivered_at, speculative, event, told "
            "FROM deliveries "
            "WHERE channel = ? AND story_key IN",
            keys,
            (channel,),
        )
        return {
            row["story_key"]: Delivery(
                row["sources"],
                tuple(row["figure"].split()),  # one figure, or several: see mark_delivered
                bool(row["shown"]),
                datetime.fromisoformat(row["delivered_at"]),
                bool(row["speculative"]),
                row["event"],
                **_told(row["told"]),
            )
            for row in rows
        }

    def mark_delivered(
        self, delivered: Iterable[tuple[str, Delivery]], now: datetime, channel: str = ""
    ) -> None:
        """Called only after the digest really went out: a failed send delivers nothing. The
        figures are kept in one column, separated by spaces (a store of an earlier version
        kept the one figure of the story's title there)."""
        delivered = list(delivered)
        with transaction(self.db) as db:
            db.executemany(
                "INSERT INTO deliveries (channel, story_key, delivered_at, sources, figure, shown, "
                "speculative, event, told) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT("
                "channel, story_key) DO UPDATE SET delivered_at = excluded.delivered_at, "
                "sources = excluded.sources, figure = excluded.figure, "
                "shown = MAX(shown, excluded.shown), speculative = excluded.speculative, "
                "event = excluded.event, told = excluded.told",
                [d.row(channel, key, now) for key, d in delivered],
            )
            # What a --no-mark run held of these is superseded: no ack is waited for.
            db.executemany(
                "DELETE FROM held_deliveries WHERE channel = ? AND story_key = ?",
                [(channel, key) for key, _ in delivered],
            )

    def last_new_digests(self, channels: Iterable[str]) -> dict[str, datetime]:
        """When each digest (by name, "" for the plain one) last ran with --new, if it has."""
        rows = rows_in(
            self.db, "SELECT channel, made_at FROM new_digests WHERE channel IN", channels
        )
        return {row["channel"]: datetime.fromisoformat(row["made_at"]) for row in rows}

    def mark_new_digest(self, channel: str, made_at: datetime) -> None:
        """Record that a --new digest made at ``made_at`` (from what the store had then) went
        out, or had nothing new: what was first seen until then has been considered."""
        with transaction(self.db) as db:
            db.execute(
                "INSERT INTO new_digests (channel, made_at) VALUES (?, ?) ON CONFLICT(channel) "
                "DO UPDATE SET made_at = MAX(made_at, excluded.made_at)",
                (channel, iso(made_at)),
            )

    def pruned_story_keys(self, prefix: str, limit: int = 2) -> list[tuple[str, datetime]]:
        """Keys of stories pruned whole that start with ``prefix`` (at most ``limit``), and when
        they were pruned: a story id from an old digest is told from one that never was."""
        rows = self.db.execute(
            "SELECT story_key, pruned_at FROM pruned_stories WHERE story_key LIKE ? ESCAPE '\\' "
            "AND story_key NOT IN (SELECT story_key FROM story_items) ORDER BY story_key LIMIT ?",
            (starting_with(prefix), limit),
        ).fetchall()
        return [(str(row[0]), datetime.fromisoformat(row[1])) for row in rows]


def detached_key(item_id: int) -> str:
    """The key of the story of its own an item taken out of its story gets: the same in every
    run, never a story's first item's key (``story_keys``), which the story it left may keep."""
    return stable_hash("detached", str(item_id))[:12]


def _told(record: str) -> dict[str, Any]:
    """The ``told`` column read back as Delivery's fields (see ``Delivery.told_record``)."""
    if not record:
        return {}
    told = json.loads(record)
    return {
        "title": str(told.get("title", "")),
        "turns": tuple(map(str, told.get("turns", ()))),
        "notices": tuple(map(str, told.get("notices", ()))),
    }
