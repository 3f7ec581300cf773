"""A feed's entries into the store: items not seen before, and titles the feed has corrected.
Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from autonews.config import FeedConfig
from autonews.feed_titles import site_name
from autonews.models import ParsedEntry
from autonews.store.connection import transaction
from autonews.store.keys import entry_identity
from autonews.store.rows import iso


@dataclass(frozen=True)
class StoreUpdate:
    new: int
    seen: int
    inserted: dict[int, int] = field(default_factory=dict)  # entry index -> new item id
    corrected: dict[int, int] = field(default_factory=dict)  # entry index -> retitled item id


# A date further ahead of first sight than this is no clock or zone off (zones span 26 hours,
# a feed writing local time as UTC is at most 14 ahead) but the feed's mistake, or the date of
# an event it announces: the item is dated as first seen, and the feed's date kept to be shown.
FUTURE_TOLERANCE = timedelta(days=1)


def store_dates(given: datetime | None, now: datetime) -> tuple[datetime, datetime | None]:
    """An entry first seen ``now``: the date the store gives it, and the feed's date when that
    lies more than FUTURE_TOLERANCE ahead (else None). Undated, or dated ahead at all, it is
    dated as first seen: a date to come is no scoop, and would sort it first for days."""
    if given is None or given <= now:
        return given or now, None
    return now, _far_ahead(given, now)


def _far_ahead(given: datetime | None, seen: datetime) -> datetime | None:
    """The feed's date when it lies more than FUTURE_TOLERANCE after ``seen``, else None."""
    return given if given is not None and given > seen + FUTURE_TOLERANCE else None


def _retitled(stored: str, title: str) -> bool:
    """Whether the feed now gives an item another title (not just other spacing)."""
    return bool(title.strip()) and " ".join(stored.split()) != " ".join(title.split())


class EntryQueries:
    db: sqlite3.Connection

    def add_entries(
        self,
        feed: FeedConfig,
        entries: Sequence[ParsedEntry],
        now: datetime,
        first_run_window: timedelta = timedelta(hours=48),
        identity: tuple[Sequence[str], Sequence[str]] | None = None,
        own_title: str = "",
        own_description: str = "",
    ) -> StoreUpdate:
        """Insert entries not seen before. Existing items keep their first-seen time and date.

        On a feed's first fetch, dated entries older than ``first_run_window`` become the
        baseline: stored, shown in ordinary digests, but never news for ``--new``; so do, at a
        later fetch, entries that old which are the feed's archive rather than its news
        (:class:`_Archive`). An undated
        entry is dated when first seen, as digests show it, and is news like any entry of that
        time. An entry the store has (same key) under another title is the feed's correction:
        the item takes the new title and summary, and loses its classification and article page
        (made and read again); it keeps its id, story and dates. An entry dated ahead is dated
        as first seen, and one dated far ahead keeps its feed's date to show
        (:func:`store_dates`); a stored item learns that date at any read (a store from before
        feed dates were kept). ``identity``: the entries' keys and fingerprints when already
        known (:func:`entry_identity`). ``own_title``: the feed's own title (kept when not empty; it
        names the feed where the list does not); with ``own_description``, what the feed says it
        is about (``autonews.feed_topics``)."""
        keys, prints = identity or entry_identity(entries)
        repeated = Counter(keys)
        with transaction(self.db) as db:
            # One read of what the feed already has, then one batch of inserts.
            known: dict[str, tuple[int, str]] = {}  # key -> (id, title)
            known_prints: set[str] = set()
            feed_dates: dict[str, tuple[str, str | None]] = {}  # key -> (first seen, feed date)
            published_at: dict[str, str] = {}  # key -> date
            for item_id, key, fingerprint, title, first_seen, feed_date, date in db.execute(
                "SELECT id, key, fingerprint, title, first_seen, feed_date, published FROM items "
                "WHERE feed_url = ?",
                (feed.url,),
            ):
                known[key] = (item_id, title)
                known_prints.add(fingerprint)
                feed_dates[key] = (first_seen, feed_date)
                published_at[key] = date
            first_fetch = not known
            read_before, listed_before = _last_read(db, feed.url)
            old = [e.published for k, e in zip(keys, entries, strict=True) if k not in known]
            archive = _Archive.of(known, published_at, listed_before, old)
            rows, indexes = [], []
            corrections: dict[int, tuple[int, ParsedEntry, str]] = {}
            redated: list[tuple[str | None, int]] = []  # (feed date, item id)
            taken: set[str] = set()  # keys of this document's new entries
            for position, (key, fingerprint, entry) in enumerate(
                zip(keys, prints, entries, strict=True)
            ):
                if key in known:
                    item_id, title = known[key]
                    # A key the document repeats identifies nothing (a feed that links every
                    # entry to its home page): no correction is read from it.
                    if repeated[key] > 1:
                        continue
                    if fingerprint not in known_prints and _retitled(title, entry.title):
                        corrections[position] = (item_id, entry, fingerprint)
                        known_prints.add(fingerprint)
                    first_seen, stored_date = feed_dates[key]
                    ahead = _far_ahead(entry.published, datetime.fromisoformat(first_seen))
                    if (iso(ahead) if ahead else None) != stored_date:
                        redated.append((iso(ahead) if ahead else None, item_id))
                    continue
                if key in taken or fingerprint in known_prints:
                    continue  # seen before, perhaps re-dated or re-GUIDed
                taken.add(key)
                known_prints.add(fingerprint)
                published, feed_date = store_dates(entry.published, now)
                baseline = (
                    entry.published is not None
                    and entry.published < now - first_run_window
                    and (first_fetch or archive.holds(entry.title, entry.published))
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
                        read_before,
                        iso(feed_date) if feed_date else None,
                        entry.outlet,
                    )
                )
            db.executemany(
                "INSERT INTO items (feed_url, key, fingerprint, title, link, summary, published, "
                "dated, first_seen, baseline, read_before, feed_date, outlet) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            _correct(db, corrections.values(), now)
            db.executemany("UPDATE items SET feed_date = ? WHERE id = ?", redated)
            # What the feed lists now: pruning spares it (see ``Retention.prune``).
            db.execute(
                "INSERT INTO feeds (url, name, listed, title, about) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET listed = excluded.listed, "
                "title = CASE excluded.title WHEN '' THEN feeds.title ELSE excluded.title END, "
                "about = CASE excluded.about WHEN '' THEN feeds.about ELSE excluded.about END",
                (
                    feed.url,
                    feed.name,
                    json.dumps(list(repeated)),
                    feed_title(own_title),
                    feed_about(own_title, own_description),
                ),
            )
            ids = dict(
                db.execute("SELECT key, id FROM items WHERE feed_url = ?", (feed.url,)).fetchall()
            )
        new = len(rows)
        inserted = {index: ids[row[1]] for index, row in zip(indexes, rows, strict=True)}
        corrected = {index: item_id for index, (item_id, _, _) in corrections.items()}
        return StoreUpdate(new=new, seen=len(entries) - new, inserted=inserted, corrected=corrected)


FEED_TITLE_LENGTH = 80  # a feed's title names it in a line of sources: a name, not a blurb


def feed_title(title: str) -> str:
    """A feed's own title as a name: one line, at most :data:`FEED_TITLE_LENGTH` characters,
    without what any feed's title could add to its site's name ("- All Posts", "RSS Feed")."""
    one_line = site_name(title)
    if len(one_line) <= FEED_TITLE_LENGTH:
        return one_line
    return one_line[: FEED_TITLE_LENGTH - 1].rstrip() + "…"


FEED_ABOUT_LENGTH = 300  # a feed's title and description: what it says it is, not its blurb


def feed_about(title: str, description: str) -> str:
    """A feed's own title and description on one line, as much as says what it is about."""
    about = " ".join(f"{title} | {description}".split()).strip(" |")
    return about[:FEED_ABOUT_LENGTH]


def _last_read(db: sqlite3.Connection, url: str) -> tuple[str | None, list[str] | None]:
    """When the feed was last read, before this read (None: never), and the keys it listed
    then (None: not known, a store from before they were kept)."""
    row = db.execute("SELECT last_success, listed FROM feeds WHERE url = ?", (url,)).fetchone()
    if row is None:
        return None, None
    return row[0], (json.loads(row[1]) if row[1] else None)


def _title_words(title: str) -> str:
    return " ".join(title.lower().split())


# More entries than this dated before everything a feed listed when last read, in one read, are
# its archive coming into view (it lists 50 items where it listed 10); this many or fewer are
# items posted late (an embargo lifted on a recall or two): news, whatever their date.
POSTED_LATE_AT_ONCE = 5


@dataclass(frozen=True)
class _Archive:
    """What tells a feed's archive from its news, among entries first seen now but dated long
    before (an embargoed recall, back-dated wire copy, a CMS keeping the draft's date: news,
    which --new must deliver whatever their date). Archive: a headline the feed gave before
    (its archive sent again under new GUIDs and links); and entries dated before everything the
    feed listed when last read, when more than POSTED_LATE_AT_ONCE come at once (a feed listing
    more items than it did). Neither may flood --new."""

    titles: frozenset[str]
    listed_from: datetime | None  # the oldest date the feed's last document listed
    coming_into_view: bool  # more than POSTED_LATE_AT_ONCE entries dated before it

    @classmethod
    def of(
        cls,
        known: dict[str, tuple[int, str]],
        published_at: dict[str, str],
        listed: list[str] | None,
        new_dates: Sequence[datetime | None],
    ) -> _Archive:
        """``new_dates``: the dates of the document's entries the store does not have."""
        dates = [published_at[key] for key in listed or () if key in published_at]
        listed_from = datetime.fromisoformat(min(dates)) if dates else None
        deeper = sum(
            1 for date in new_dates if listed_from and date is not None and date < listed_from
        )
        return cls(
            frozenset(_title_words(title) for _, title in known.values()),
            listed_from,
            deeper > POSTED_LATE_AT_ONCE,
        )

    def holds(self, title: str, published: datetime) -> bool:
        deeper = self.listed_from is not None and published < self.listed_from
        return (deeper and self.coming_into_view) or _title_words(title) in self.titles


def _correct(
    db: sqlite3.Connection, fixes: Iterable[tuple[int, ParsedEntry, str]], now: datetime
) -> None:
    """Retitle items as their feed corrected them, noting when (``now``). Their classifications
    go (the figure of a corrected headline may be another), and so do their article pages, read
    again with the correction. Corrections are rare: one statement per item will do."""
    for item_id, entry, fingerprint in fixes:
        db.execute(
            "DELETE FROM articles WHERE url = (SELECT link FROM items WHERE id = ?)", (item_id,)
        )
        db.execute("DELETE FROM classifications WHERE item_id = ?", (item_id,))
        db.execute(
            "UPDATE items SET title = ?, summary = ?, fingerprint = ?, corrected_at = ?, "
            "outlet = ? WHERE id = ?",
            (entry.title, entry.summary, fingerprint, iso(now), entry.outlet, item_id),
        )
