"""Scoring the stories as daily runs build them, not as one clustering of everything.

A user's cron runs ``autonews digest --new`` once or several times a day: each run clusters what
the store holds in its window, and the items an earlier run put in a story stay there. A labelled
set (the format of tests/data/clusters.tsv) is replayed so: its rows stored feed by feed in the
order of their hours column, a batch per run (a run every ``every``, at the multiples of it after
the set's reference time; a run with nothing new is left out, as it would change nothing), and a
``--new`` digest made and recorded after each batch through the pipeline's own entry points
(``autonews.pipeline.make_digest`` on one store, offline: the feeds are the store's). Scored:
the stories the store holds after the last run, and each run's stories against the items of that
run (pooled over the runs).
"""

from __future__ import annotations

import itertools
import math
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from autonews.community import reads_as_community_feed
from autonews.config import Config, DigestConfig, FeedConfig
from autonews.evaluation.cluster import EPOCH, PairScore, Row, pairwise
from autonews.models import ParsedEntry
from autonews.paths import Paths
from autonews.pipeline import DigestOptions, collect, select
from autonews.store import Store

FEEDS = "https://feeds.invalid/"  # each outlet of a set is a feed of its own
ITEMS = "https://items.invalid/"  # each row its own link: no two rows are one item


@dataclass(frozen=True)
class Incremental:
    """How the stories of daily runs score: after the last run (``final``), and each run's
    stories against its own items, pooled over the runs (``runs``)."""

    final: PairScore
    runs: PairScore
    count: int  # the runs that had something new


def batches(rows: Sequence[Row], every: timedelta) -> list[tuple[datetime, list[int]]]:
    """The runs that store something new: each run's time and the rows published since the
    run before (runs at the multiples of ``every`` after the sets' reference time)."""
    by_run: dict[int, list[int]] = {}
    for index, row in enumerate(rows):
        run = math.ceil((row.published - EPOCH) / every)
        by_run.setdefault(run, []).append(index)
    return [(EPOCH + run * every, by_run[run]) for run in sorted(by_run)]


def incremental(rows: Sequence[Row], every: timedelta, since: str = "48h") -> Incremental:
    """The set replayed as runs every ``every`` with the digest window ``since``, scored."""
    events = [row.event for row in rows]
    outlets = sorted({row.outlet for row in rows})
    feeds = {
        outlet: FeedConfig(f"{FEEDS}{n}", outlet, topic=_topic(outlet))
        for n, outlet in enumerate(outlets)
    }
    with tempfile.TemporaryDirectory(prefix="autonews-incremental-") as home:
        folder = Path(home)
        config = Config(
            feeds=tuple(feeds.values()),
            digest=DigestConfig(since=since),
            paths=Paths(folder, folder / "data", folder / "cache"),
        )
        with Store(folder / "store.sqlite3") as store:
            row_of: dict[int, int] = {}  # item id -> row
            pooled = _Pooled()
            planned = batches(rows, every)
            for moment, batch in planned:
                row_of.update(_stored(store, rows, batch, feeds, moment))
                options = DigestOptions(
                    feeds=config.feeds, extract=False, offline=True, now=moment, new_only=True
                )
                collection = collect(store, config, options)
                select(store, config, collection, options).commit(store, moment)
                shown = [[row_of[i] for i in story.item_ids] for story in collection.stories]
                pooled.add(events, shown)
            final = _stories_kept(store, list(row_of))
    return Incremental(
        pairwise(events, [[row_of[i] for i in ids] for ids in final]), pooled.score(), len(planned)
    )


def _topic(outlet: str) -> str:
    """A feed's topic as `feeds add` gives it: an outlet named as a community's feed
    ("r/electricvehicles") is one, its items users' posts, as the all-at-once score reads it
    (``autonews.evaluation.cluster.inputs``); any other is judged from its items."""
    return "community" if reads_as_community_feed(outlet, None, ()) else "auto"


def _stored(
    store: Store,
    rows: Sequence[Row],
    batch: Sequence[int],
    feeds: dict[str, FeedConfig],
    moment: datetime,
) -> dict[int, int]:
    """The batch's rows stored as their feeds' new entries, first seen at ``moment``: item id
    -> row."""
    by_outlet: dict[str, list[int]] = {}
    for index in batch:
        by_outlet.setdefault(rows[index].outlet, []).append(index)
    stored: dict[int, int] = {}
    for outlet, indexes in by_outlet.items():
        entries = [
            ParsedEntry(
                rows[i].title, f"{ITEMS}{i}", f"row-{i}", rows[i].summary, rows[i].published
            )
            for i in indexes
        ]
        update = store.add_entries(feeds[outlet], entries, moment)
        stored.update((item_id, indexes[at]) for at, item_id in update.inserted.items())
    return stored


def _stories_kept(store: Store, item_ids: list[int]) -> list[list[int]]:
    """The stories the store keeps of these items (each is in one once a run has seen it)."""
    stories: dict[str, list[int]] = {}
    for item_id, key in sorted(store.story_keys_of(item_ids).items()):
        stories.setdefault(key, []).append(item_id)
    return list(stories.values())


class _Pooled:
    """Pairs scored run by run, summed over the runs."""

    def __init__(self) -> None:
        self.predicted = self.gold = self.right = 0

    def add(self, events: Sequence[str], stories: list[list[int]]) -> None:
        seen = sorted(i for story in stories for i in story)
        pairs = {pair for story in stories for pair in itertools.combinations(sorted(story), 2)}
        gold = {(a, b) for a, b in itertools.combinations(seen, 2) if events[a] == events[b]}
        self.predicted += len(pairs)
        self.gold += len(gold)
        self.right += len(pairs & gold)

    def score(self) -> PairScore:
        precision = self.right / self.predicted if self.predicted else 1.0
        recall = self.right / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return PairScore(precision, recall, f1, [], [])
