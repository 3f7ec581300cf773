"""Deliveries a script commits itself: what a `digest --new --no-mark` run printed is held, not
marked delivered, until `autonews ack` says the script delivered it (posted it to a channel, say).
A webhook that is down then loses nothing: the stories not acknowledged come again (trial 44:
stories counted as delivered once the JSON was written were lost for that digest when the post
failed). Not at once: a held story is leased to the script of the run that printed it for
[digest] ack_within, and another --new run of the digest counts it as delivered until then (see
``leased_deliveries``); only once the lease runs out is the script taken to have failed.

A held story is recorded as the run printed it (its figures, event, title...), so that what is
news again later is measured from what the script was given. The digest's own mark, when it
last ran with --new, moves only once nothing it held is waiting: until then, what the next run
considers new starts where the last committed run left off."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from autonews.store.connection import rows_in, transaction
from autonews.store.rows import iso
from autonews.store.stories import Delivery, StoryQueries, _told


@dataclass(frozen=True)
class Acknowledged:
    """What `autonews ack` did with the story ids it was given."""

    acked: tuple[str, ...]  # held, now marked delivered
    # delivered before (acknowledged twice, or delivered since by a plain --new: no harm)
    already: tuple[str, ...]
    unknown: tuple[str, ...]  # neither held nor delivered for this digest
    still_held: int  # stories of this digest still waiting for an ack


class HeldDeliveries(StoryQueries):
    """The held deliveries' queries (beside the deliveries' own, which an ack writes)."""

    def hold_deliveries(
        self, held: Iterable[tuple[str, Delivery]], made_at: datetime, channel: str = ""
    ) -> None:
        """Hold what a --no-mark run printed (a story held by an earlier run is held as this
        one printed it)."""
        with transaction(self.db) as db:
            db.executemany(
                "INSERT OR REPLACE INTO held_deliveries (channel, story_key, made_at, sources, "
                "figure, shown, speculative, event, told) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [d.row(channel, key, made_at) for key, d in held],
            )

    def leased_deliveries(
        self, keys: Iterable[str], channel: str, now: datetime, lease: timedelta
    ) -> dict[str, Delivery]:
        """The stories of ``keys`` a --no-mark run printed less than ``lease`` ago ([digest]
        ack_within) and that wait for its ack, as it printed them: another --new run counts
        them as delivered then, and prints them only when news again (trial 44 N1: a run
        queued with --wait printed what the first run's script was still posting). Once the
        lease runs out, the script is taken to have failed: they are printed again."""
        rows = rows_in(
            self.db,
            "SELECT * FROM held_deliveries WHERE channel = ? AND made_at > ? AND story_key IN",
            list(keys),
            (channel, iso(now - lease)),
        )
        return {row["story_key"]: _delivery(row) for row in rows}

    def held_keys(self, channel: str = "") -> list[str]:
        rows = self.db.execute(
            "SELECT story_key FROM held_deliveries WHERE channel = ? ORDER BY made_at, story_key",
            (channel,),
        )
        return [str(row[0]) for row in rows]

    def acknowledge(self, keys: Sequence[str], channel: str = "") -> Acknowledged:
        """Mark the held stories ``keys`` delivered, each when the run that printed it made it
        (not now: a source that joined the story between the print and the ack was not in what
        the script posted, and is news next run); once none of the digest's is held, record
        that its --new run (the latest that held them) went out. One delivered since it was
        held (a plain --new run) is left as that delivery recorded it (see ``Acknowledged``:
        already)."""
        with transaction(self.db) as db:
            held = {
                row["story_key"]: row
                for row in rows_in(
                    db,
                    "SELECT * FROM held_deliveries WHERE channel = ? AND story_key IN",
                    keys,
                    (channel,),
                )
            }
            later = self._delivered_since_held(held, channel)
            for made_at, rows in _by_made_at(
                (key, row) for key, row in held.items() if key not in later
            ).items():
                self.mark_delivered(((key, _delivery(row)) for key, row in rows), made_at, channel)
            db.executemany(
                "DELETE FROM held_deliveries WHERE channel = ? AND story_key = ?",
                [(channel, key) for key in held],
            )
            self._forget_gone_stories(channel)  # after reading those acked: they may be gone
            rest = [key for key in dict.fromkeys(keys) if key not in held]
            delivered = {
                row[0]
                for row in rows_in(
                    db,
                    "SELECT story_key FROM deliveries WHERE channel = ? AND story_key IN",
                    rest,
                    (channel,),
                )
            }
            waiting = int(
                db.execute(
                    "SELECT COUNT(*) FROM held_deliveries WHERE channel = ?", (channel,)
                ).fetchone()[0]
            )
            if held and not waiting:
                made = max(datetime.fromisoformat(row["made_at"]) for row in held.values())
                self.mark_new_digest(channel, made)
        return Acknowledged(
            tuple(key for key in held if key not in later),
            (*later, *(key for key in rest if key in delivered)),
            tuple(key for key in rest if key not in delivered),
            waiting,
        )

    def _delivered_since_held(self, held: dict[str, sqlite3.Row], channel: str) -> tuple[str, ...]:
        """The held stories delivered since they were held (by a plain --new run, say): what
        went out then is newer than the held snapshot, which must not overwrite it."""
        rows = rows_in(
            self.db,
            "SELECT story_key, delivered_at FROM deliveries WHERE channel = ? AND story_key IN",
            list(held),
            (channel,),
        )
        return tuple(
            row["story_key"]
            for row in rows
            if datetime.fromisoformat(row["delivered_at"])
            >= datetime.fromisoformat(held[row["story_key"]]["made_at"])
        )

    def _forget_gone_stories(self, channel: str) -> None:
        """Held stories that are no more (pruned, merged into another) wait for no ack: no run
        will print them again, and they would keep the digest's --new mark from moving."""
        self.db.execute(
            "DELETE FROM held_deliveries WHERE channel = ? AND story_key NOT IN "
            "(SELECT story_key FROM story_items)",
            (channel,),
        )


def _by_made_at(
    rows: Iterable[tuple[str, sqlite3.Row]],
) -> dict[datetime, list[tuple[str, sqlite3.Row]]]:
    grouped: dict[datetime, list[tuple[str, sqlite3.Row]]] = {}
    for key, row in rows:
        grouped.setdefault(datetime.fromisoformat(row["made_at"]), []).append((key, row))
    return grouped


def _delivery(row: sqlite3.Row) -> Delivery:
    """A held row as the delivery it stands for, made when the run that printed it was."""
    return Delivery(
        row["sources"],
        tuple(row["figure"].split()),
        bool(row["shown"]),
        datetime.fromisoformat(row["made_at"]),
        bool(row["speculative"]),
        row["event"],
        **_told(row["told"]),
    )
