"""The store: identity, first-seen dates, re-dating feeds, health, migrations, locking."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from autonews.config import FeedConfig
from autonews.errors import StoreError, StoreLockedError
from autonews.models import FeedStatus, FetchResult, ParsedEntry
from autonews.store import SCHEMA_VERSION, Store, entry_keys, run_lock

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
FEED = FeedConfig("http://a.example/feed", "A")
OTHER = FeedConfig("http://b.example/feed", "B")


def entry(
    n: int,
    guid: str | None = None,
    hours: float | None = 1.0,
    link: str | None = None,
    title: str | None = None,
) -> ParsedEntry:
    return ParsedEntry(
        title=title or f"Story {n}",
        link=link or f"http://news.example/{n}?utm_source=rss",
        guid=guid if guid is not None else f"g{n}",
        summary="s",
        published=NOW - timedelta(hours=hours) if hours is not None else None,
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "s.sqlite3") as s:
        yield s


def test_new_items_counted_once(store: Store) -> None:
    assert store.add_entries(FEED, [entry(1), entry(2)], NOW).new == 2
    assert store.add_entries(FEED, [entry(1), entry(2), entry(3)], NOW).new == 1
    assert len(store.items([FEED], None)) == 3


def test_same_guid_in_two_feeds_stays_two_items(store: Store) -> None:
    store.add_entries(FEED, [entry(1)], NOW)
    store.add_entries(OTHER, [entry(1)], NOW)
    assert len(store.items([FEED, OTHER], None)) == 2


def test_undated_item_is_published_when_first_seen(store: Store) -> None:
    store.add_entries(FEED, [entry(1, hours=None)], NOW)
    store.add_entries(FEED, [entry(1, hours=None)], NOW + timedelta(days=3))
    (item,) = store.items([FEED], None)
    assert item.published == NOW and not item.dated


def test_redated_and_reguided_items_are_not_new(store: Store) -> None:
    store.add_entries(FEED, [entry(1, guid="old-1", hours=50)], NOW)
    again = entry(1, guid="new-guid-1", hours=0.1)  # same title and link
    assert store.add_entries(FEED, [again], NOW + timedelta(hours=1)).new == 0


def test_untrustworthy_guids_fall_back_to_links() -> None:
    entries = [entry(1, guid="same"), entry(2, guid="same")]
    keys = entry_keys(entries)
    assert keys[0] != keys[1] and all(k.startswith("l:") for k in keys)
    assert entry_keys([entry(1, guid="")])[0] == "l:https://news.example/1"


def test_since_filters_by_publication(store: Store) -> None:
    store.add_entries(FEED, [entry(1, hours=1), entry(2, hours=100)], NOW)
    assert [i.title for i in store.items([FEED], NOW - timedelta(hours=48))] == ["Story 1"]


def test_a_window_of_many_feeds_is_read_through_the_dates_once_the_store_knows_itself(
    tmp_path: Path,
) -> None:
    """Without statistics SQLite read a digest's window through the feeds' index: every item
    of a large store. Closing the store keeps them, and the window is then read by date."""
    feeds = [FeedConfig(f"http://{n}.example/feed", f"F{n}") for n in range(30)]
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        for feed in feeds:
            store.add_entries(feed, [entry(n, hours=n * 24 + 1) for n in range(40)], NOW)
        assert len(store.items(feeds, NOW - timedelta(hours=48))) == 60
    with Store(path) as store:
        marks = ",".join("?" * len(feeds))
        plan = store.db.execute(
            f"EXPLAIN QUERY PLAN SELECT * FROM items WHERE feed_url IN ({marks}) "
            "AND published >= ? ORDER BY published DESC, id",
            [*(feed.url for feed in feeds), (NOW - timedelta(hours=48)).isoformat()],
        ).fetchall()
    assert "items_published" in plan[0][3]


def test_future_dates_are_clamped(store: Store) -> None:
    store.add_entries(FEED, [entry(1, hours=-24 * 30)], NOW)
    assert store.items([FEED], None)[0].published == NOW


def test_health_counts_consecutive_failures(store: Store) -> None:
    failed = FetchResult(FEED.url, FeedStatus.ERROR, 500, error="HTTP 500")
    store.record_fetch(FEED, failed, 0, "HTTP 500", NOW)
    health = store.record_fetch(FEED, failed, 0, "HTTP 500", NOW)
    assert (health.status, health.consecutive_failures) == (FeedStatus.ERROR, 2)
    ok = FetchResult(FEED.url, FeedStatus.OK, 200, etag='"e"')
    health = store.record_fetch(FEED, ok, 4, None, NOW)
    assert (health.consecutive_failures, health.last_success) == (0, NOW)
    assert store.http_state(FEED.url) == ('"e"', None)
    not_modified = FetchResult(FEED.url, FeedStatus.NOT_MODIFIED, 304)
    store.record_fetch(FEED, not_modified, 0, None, NOW)
    assert store.http_state(FEED.url) == ('"e"', None)  # a 304 keeps the validators


def test_store_from_an_older_schema_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE unrelated (x)")
    db.execute("PRAGMA user_version = 0")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        store.add_entries(FEED, [entry(1)], NOW)


def test_failures_named_before_the_upgrade_are_not_named_again(tmp_path: Path) -> None:
    """Schema 9 keeps what was told per audience: a failure named by a digest before the
    upgrade is one told to readers (cron does not mail it again the morning after)."""
    from autonews.notices import LOG, READER
    from autonews.store.migrations import MIGRATIONS

    path = tmp_path / "s8.sqlite3"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:8]:
        db.executescript(migration)
    db.execute(
        "INSERT INTO feeds (url, failure_reported_at, failure_reported_error) VALUES (?, ?, ?)",
        (FEED.url, NOW.isoformat(), "HTTP 500"),
    )
    db.execute("PRAGMA user_version = 8")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.failure_reports([FEED.url], READER) == {FEED.url: (NOW, "HTTP 500")}
        assert store.failure_reports([FEED.url], LOG) == {}
        store.record_fetch(FEED, FetchResult(FEED.url, FeedStatus.OK, 200), 1, None, NOW)
        # It recovered: what was told is kept, so that the same failure back within the
        # reminder (a feed that flaps) is not named again (trial 35).
        assert store.failure_reports([FEED.url], READER) == {FEED.url: (NOW, "HTTP 500")}


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer autonews"):
        Store(path)


def test_corrupt_store_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="is damaged: file is not a database") as raised:
        Store(path)
    assert raised.value.hint and "move it away" in raised.value.hint  # not its permissions


def test_a_store_that_cannot_be_written_or_is_damaged_is_told_in_one_line(
    tmp_path: Path,
) -> None:
    """An SQLite error met while the store is in use (read-only, damaged after it was opened)
    is the store's error, naming the file, with a hint; nothing is deleted."""
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        store.add_entries(FEED, [entry(1)], NOW)
    refused = pytest.raises(StoreError, match="cannot write to the store")
    with refused as raised, Store(path) as store:
        store.db.execute("PRAGMA query_only = ON")  # what a read-only file does to writes
        store.add_entries(FEED, [entry(2)], NOW)
    assert str(path) in str(raised.value) and raised.value.hint
    size = path.stat().st_size
    with path.open("r+b") as file:  # the first page kept, every page after it overwritten
        file.seek(4096)
        file.write(b"x" * (size - 4096))
    with pytest.raises(StoreError, match="is damaged"), Store(path) as store:
        store.items([FEED], None)
    assert path.exists()


def test_a_data_folder_that_cannot_be_made_is_told_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("a file where the data folder should be", "utf-8")
    with pytest.raises(StoreError, match="cannot use the data folder"), run_lock(blocker / "data"):
        pass


def test_second_run_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    with run_lock(tmp_path), pytest.raises(StoreLockedError), run_lock(tmp_path):
        pass
    with run_lock(tmp_path):  # released after the first run ends
        pass


def test_retention_prunes_old_items_and_their_bodies(store: Store) -> None:
    from autonews.models import Article

    old = entry(1, hours=24 * 100)
    store.add_entries(FEED, [old], NOW - timedelta(days=100))
    store.add_entries(FEED, [entry(2)], NOW)
    store.save_articles([Article(old.link or "", "t", "", "", "", "old body")], NOW)
    assert store.prune(90, NOW) == 1
    assert [i.title for i in store.items([FEED], None)] == ["Story 2"]
    assert store.articles([old.link or ""]) == {}


def test_retention_prunes_old_bodies_even_when_a_recent_item_has_no_link(store: Store) -> None:
    from dataclasses import replace

    from autonews.models import Article

    old = entry(1, hours=24 * 100)
    store.add_entries(FEED, [old], NOW - timedelta(days=100))
    store.add_entries(FEED, [replace(entry(2), link=None)], NOW)  # NULL link in the store
    store.save_articles([Article(old.link or "", "t", "", "", "", "old body")], NOW)
    assert store.prune(90, NOW) == 1
    assert store.articles([old.link or ""]) == {}


def test_a_moved_feed_keeps_its_items_and_story_keys(store: Store) -> None:
    """`feeds edit --url`: the items (ids, stories) go to the new URL; what the store still had
    from an earlier feed at that URL gives way where it collides, and the rest stays."""
    store.add_entries(FEED, [entry(1), entry(2)], NOW)
    store.add_entries(OTHER, [entry(2), entry(3)], NOW)  # an old feed once at the new URL
    before = store.items([FEED], None)
    store.story_keys([[item] for item in before])
    keys = store.story_keys_of([item.id for item in before])
    assert store.move_feed(FEED.url, OTHER.url) == 2
    assert store.items([FEED], None) == []
    moved = {item.id for item in store.items([OTHER], None)}
    assert set(keys) <= moved
    assert store.story_keys_of(list(keys)) == keys
    assert len(store.items([OTHER], None)) == 3  # entry 3 of the old feed stays
    assert store.add_entries(OTHER, [entry(1), entry(2)], NOW).new == 0


def test_a_corrected_title_retitles_the_item_and_drops_what_was_made_of_the_old_one(
    store: Store,
) -> None:
    from autonews.models import Article, Classification, Event

    store.add_entries(FEED, [entry(1, title="Toyota Recalls 12,400 bZ4X")], NOW)
    (item,) = store.items([FEED], None)
    label = Classification((), (), Event.RECALL, False)
    store.save_classifications([(item.id, label, False)], "v")
    store.save_articles([Article(item.link or "", "old", "", "", "", "old body")], NOW)
    later = NOW + timedelta(hours=2)
    update = store.add_entries(FEED, [entry(1, title="Toyota Recalls 21,400 bZ4X")], later)
    assert (update.new, update.corrected) == (0, {0: item.id})
    (retitled,) = store.items([FEED], None)
    assert retitled.title == "Toyota Recalls 21,400 bZ4X"
    assert (retitled.id, retitled.published, retitled.first_seen) == (
        item.id,
        item.published,
        item.first_seen,
    )
    assert store.classifications([item.id], "v") == {}
    assert store.articles([item.link or ""]) == {}
    # Spacing is no correction; nor is a title read from a key the document repeats.
    spaced = entry(1, title="Toyota  Recalls 21,400 bZ4X ")
    assert store.add_entries(FEED, [spaced], later).corrected == {}
    twice = [entry(2, guid="same", title="A"), entry(2, guid="same", title="B")]
    store.add_entries(OTHER, twice[:1], NOW)
    assert store.add_entries(OTHER, twice, later).corrected == {}


def test_pruning_spares_what_the_feed_still_lists_and_remembers_stories_pruned_whole(
    store: Store,
) -> None:
    old, gone = entry(1, hours=24 * 10), entry(2, hours=24 * 10)
    store.add_entries(FEED, [old, gone], NOW - timedelta(days=10))
    ok = FetchResult(FEED.url, FeedStatus.OK, 200)
    store.record_fetch(FEED, ok, 2, None, NOW - timedelta(hours=1))
    items = store.items([FEED], None)
    keys = dict(zip([i.title for i in items], store.story_keys([[i] for i in items]), strict=True))
    store.add_entries(FEED, [old], NOW)  # the feed lists one of them still
    store.record_fetch(FEED, ok, 1, None, NOW)
    assert store.prune(3, NOW) == 1
    assert [i.title for i in store.items([FEED], None)] == ["Story 1"]
    assert store.pruned_story_keys(keys["Story 2"][:6]) == [(keys["Story 2"], NOW)]
    assert store.pruned_story_keys(keys["Story 1"]) == []
    # A feed not read for as long as the store keeps items says nothing of what it lists.
    assert store.prune(3, NOW + timedelta(days=4)) == 1
    assert store.pruned_story_keys(keys["Story 2"]) == []  # forgotten after as long again


def test_an_upgraded_store_knows_when_each_digest_last_delivered(tmp_path: Path) -> None:
    """Schema 9 starts the record of --new runs from the deliveries an older store kept."""
    from autonews.store import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:8]:
        db.executescript(migration)
    db.execute(
        "INSERT INTO deliveries (channel, story_key, delivered_at, sources, figure) VALUES "
        "('recalls', 'k', '2026-11-26T07:00:00+00:00', 1, 'units:14768')"
    )
    db.execute("PRAGMA user_version = 8")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.last_new_digests(["recalls", ""]) == {
            "recalls": datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
        }
        (delivery,) = store.deliveries(["k"], "recalls").values()
        assert delivery.figures == ("units:14768",)


def test_a_read_only_store_is_read_as_it_is_and_never_upgraded(tmp_path: Path) -> None:
    """Opened read-only, a store is read without writing its caches; one from an older
    version cannot be upgraded, which is said with what to do (not: move it away)."""
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        store.add_entries(FEED, [entry(1)], NOW)
    with Store(path, read_only=True) as store:
        assert len(store.items([FEED], None)) == 1
        store.save_classifications([], "v")  # a cache: not kept, and no error
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    with pytest.raises(StoreError, match="older autonews") as raised:
        Store(path, read_only=True)
    assert raised.value.hint and "autonews digest" in raised.value.hint
    assert "move" not in raised.value.hint
