"""A run's feeds from their fetch until they are stored: each feed's slot, and the storing of
the feeds that are ready, in the order of the feed list, so that item ids, and so story ids, do
not depend on which server answered first (a mixin of :class:`autonews.stream.Stream`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from autonews.config import Config, FeedConfig
from autonews.feed_work import Records
from autonews.models import Classification, FeedHealth, FeedStatus, FetchResult, ParsedFeed
from autonews.store import Store
from autonews.timeparse import parse_duration


@dataclass
class FeedSlot:
    """A feed of the run, from its fetch until it is stored."""

    config: FeedConfig
    result: FetchResult | None = None  # without its body once handed on
    document: ParsedFeed | str | None = None
    records: Records = field(default_factory=list)
    identity: tuple[list[str], list[str]] | None = None
    ready: bool = False  # fetched and, when it came, parsed


class FeedStoring:
    """The storing of a stream's feeds (the Stream has the store, the slots and the health)."""

    store: Store
    config: Config
    now: datetime
    classified: dict[int, Classification]
    _feeds: list[FeedSlot]
    _health: list[FeedHealth | None]
    _stored: int

    def _store_ready(self) -> None:
        """Store the feeds that are ready, in the feed list's order."""
        if self._stored < len(self._feeds) and self._feeds[self._stored].ready:
            with self.store.transaction():  # every feed ready now, in one transaction
                self._store_feeds()

    def _store_feeds(self) -> None:
        from autonews.classifier_version import classifier_version

        version = classifier_version(self.config.classify)
        window = parse_duration(self.config.digest.first_run_window)
        while self._stored < len(self._feeds) and self._feeds[self._stored].ready:
            slot = self._feeds[self._stored]
            result, document, records = slot.result, slot.document, slot.records
            assert result is not None
            error = result.error if result.status is FeedStatus.ERROR else None
            count = skipped = 0
            damage = ""
            if isinstance(document, str):
                error = document
            elif isinstance(document, ParsedFeed):
                count, skipped, damage = len(document.entries), document.skipped, document.damage
                update = self.store.add_entries(
                    slot.config,
                    document.entries,
                    self.now,
                    window,
                    slot.identity,
                    document.title,
                    document.description,
                )
                made = [  # new items, and items retitled (classified as the feed has them now)
                    (item_id, Classification.from_record(record), False)
                    for index, item_id in (*update.inserted.items(), *update.corrected.items())
                    if index < len(records) and (record := records[index]) is not None
                ]
                if made:  # classified in a worker: kept for the classify stage
                    self.store.save_classifications(made, version)
                    self.classified.update((item_id, c) for item_id, c, _ in made)
            health = self.store.record_fetch(
                slot.config, result, count, error, self.now, damage=damage
            )
            self._health[self._stored] = replace(health, skipped_entries=skipped)
            self._feeds[self._stored] = FeedSlot(slot.config)  # the parsed entries can go
            self._stored += 1
