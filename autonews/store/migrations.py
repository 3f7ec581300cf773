"""Schema of the store: migrations applied in order, the version kept in ``PRAGMA user_version``.

A migration is appended, never edited: a store written by any earlier version is brought up to
date one step at a time, each step in its own transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from autonews.errors import StoreError
from autonews.store.connection import transaction

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
    # 5: when a feed's failure was last named in a digest, and with which error: a feed broken
    # for days is named once a day or when its error changes, not by every run
    """
    ALTER TABLE feeds ADD COLUMN failure_reported_at TEXT;
    ALTER TABLE feeds ADD COLUMN failure_reported_error TEXT;
    """,
    # 6: article pages that failed, tried again only after a backoff; refused links (a private
    # address, not http) are decided afresh each run, so a changed allow_private takes effect
    """
    CREATE TABLE page_failures (
        url TEXT PRIMARY KEY,
        error TEXT NOT NULL,
        failures INTEGER NOT NULL,
        retry_after TEXT NOT NULL
    );
    DELETE FROM articles WHERE skipped LIKE 'link to a private%' OR skipped LIKE 'not an http%';
    """,
    # 7: stories not about cars that a --new digest only counted in its footer: not counted
    # again by the next --new digest, yet still shown by one with --all-topics
    """
    ALTER TABLE deliveries ADD COLUMN shown INTEGER NOT NULL DEFAULT 1;
    """,
    # 8: an item's classification made knowing its feed is a car feed, kept beside its own so
    # that a warm run need not build the classifier to make it again
    """
    ALTER TABLE classifications ADD COLUMN car_feed_record TEXT;
    ALTER TABLE classifications ADD COLUMN car_feed_with_body INTEGER;
    """,
    # 9: what --new needs to lose nothing after a gap, and what pruning must not forget.
    # read_before: when the item's feed was last read before the item appeared (a feed down for
    # days brings news older than the window; an archive re-sent under new GUIDs is no news);
    # new_digests: when each digest last ran with --new (seeded from its deliveries); listed:
    # the entry keys of the feed's last document (pruning spares what a feed still carries);
    # pruned_stories: ids of stories pruned whole, so that `story ID` can say so. The index:
    # a --new run reads what was first seen since the last one
    """
    ALTER TABLE items ADD COLUMN read_before TEXT;
    CREATE INDEX items_first_seen ON items (first_seen);
    ALTER TABLE feeds ADD COLUMN listed TEXT;
    CREATE TABLE new_digests (
        channel TEXT PRIMARY KEY,
        made_at TEXT NOT NULL
    );
    INSERT INTO new_digests (channel, made_at)
        SELECT channel, max(delivered_at) FROM deliveries GROUP BY channel;
    CREATE TABLE pruned_stories (
        story_key TEXT PRIMARY KEY,
        pruned_at TEXT NOT NULL
    );
    """,
    # 10: where a feed's permanent redirects led (it moved for good: told once, with the command
    # that updates the list); and what was told of each feed, per audience (a digest people
    # read, or the stderr of a run writing only documents for programs), so that a JSON job does
    # not use up the reminder the mailed digest gives. Failures told before are kept as told to
    # readers; the failure_reported_* columns of 5 are no longer written.
    """
    ALTER TABLE feeds ADD COLUMN moved_to TEXT;
    CREATE TABLE feed_notices (
        url TEXT NOT NULL,
        audience TEXT NOT NULL,
        kind TEXT NOT NULL,
        told_at TEXT NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (url, audience, kind)
    );
    INSERT INTO feed_notices (url, audience, kind, told_at, detail)
        SELECT url, 'reader', 'failure', failure_reported_at, COALESCE(failure_reported_error, '')
        FROM feeds WHERE failure_reported_at IS NOT NULL;
    """,
    # 11: the date a feed gave an item more than a day ahead of its first sight: the item is
    # dated as first seen (a feed's mistake is no scoop), and digests say the feed's date
    """
    ALTER TABLE items ADD COLUMN feed_date TEXT;
    """,
    # 12: when the feed last corrected an item's title (a recall's 2,000 Cybertrucks become
    # 46,000): an Atom entry's <updated>, so that feed readers show the correction
    """
    ALTER TABLE items ADD COLUMN corrected_at TEXT;
    """,
    # 13: whether a story was still a rumour when a --new digest delivered it: confirmed
    # later, it is news again
    """
    ALTER TABLE deliveries ADD COLUMN speculative INTEGER NOT NULL DEFAULT 0;
    """,
    # 14: the feed's own title, as its last read gave it: what names a feed the list does not
    # name (`--feed URL`, a hand-written [[feeds]] entry) instead of its URL
    """
    ALTER TABLE feeds ADD COLUMN title TEXT NOT NULL DEFAULT '';
    """,
    # 15: the event a --new digest delivered a story as: a story that gains a source telling
    # another event (CATL's results joining its Zaragoza plant) is news again, not swallowed
    """
    ALTER TABLE deliveries ADD COLUMN event TEXT NOT NULL DEFAULT '';
    """,
    # 16: the outlet an aggregator's item is from (Google News's <source>): the source is named
    # by it, "Reuters (via Tesla - Google News)"
    """
    ALTER TABLE items ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
    """,
    # 17: what a --new digest delivered a story as, beyond its figures and event (JSON): the
    # title it had, the turns its sources told (a recall's fix, a launch's date) and the feeds
    # of its regulators' notices: a source telling a new turn or a new regulator's notice makes
    # it news again, and the reader is told which story it was (trials 37 and 39)
    """
    ALTER TABLE deliveries ADD COLUMN told TEXT NOT NULL DEFAULT '';
    """,
    # 18: what a `digest --new --no-mark` run printed, held until a script acknowledges it with
    # `autonews ack` (it posted them): a webhook down loses no story (trial 44)
    """
    CREATE TABLE held_deliveries (
        channel TEXT NOT NULL,
        story_key TEXT NOT NULL,
        made_at TEXT NOT NULL,
        sources INTEGER NOT NULL,
        figure TEXT NOT NULL,
        shown INTEGER NOT NULL,
        speculative INTEGER NOT NULL,
        event TEXT NOT NULL,
        told TEXT NOT NULL,
        PRIMARY KEY (channel, story_key)
    );
    """,
    # 19: whether an item was car news when it was filed in its story (NULL: filed by an earlier
    # version): only an item that was car news and is no longer leaves a car story; one that
    # never was stays where the clustering put it (trial 47: a CLEPA statement left the story
    # a --new digest had sent with it the run after)
    """
    ALTER TABLE story_items ADD COLUMN car INTEGER;
    """,
    # 20: the version of the wall knowledge under which a stored body was last read as no wall
    # ('' : not yet): a warm run reads the same bodies again, and checked them anew every run
    # (a twentieth of a second of a farm's warm run, issue 17)
    """
    ALTER TABLE articles ADD COLUMN no_wall TEXT NOT NULL DEFAULT '';
    """,
    # 21: what the feed's own title and description say it is about, as its last read gave
    # them: a feed that says it is general news (Business, Technology) is a car feed only at a
    # clear majority of car items (trials 50 and 51)
    """
    ALTER TABLE feeds ADD COLUMN about TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, path: Path) -> int:
    """Bring the store at ``path`` (open as ``db``) to SCHEMA_VERSION; the version it had (0:
    none, a store made now or an empty file)."""
    version = _version(db, path)
    for number in range(version, SCHEMA_VERSION):
        with transaction(db):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number + 1}")
    return version


def require_current(db: sqlite3.Connection, path: Path) -> None:
    """A store opened read-only cannot be brought up to date: it must be already."""
    version = _version(db, path)
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"the store {str(path)!r} cannot be written, and was written by an older autonews "
            f"(schema {version}, this version reads {SCHEMA_VERSION})",
            hint="run `autonews digest` once where its folder can be written (it upgrades the "
            "store, keeping everything), or read it with the autonews that wrote it",
        )


def _version(db: sqlite3.Connection, path: Path) -> int:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store {str(path)!r} was written by a newer autonews "
            f"(schema {version}, this version knows {SCHEMA_VERSION})",
            hint="upgrade autonews",
        )
    return version
