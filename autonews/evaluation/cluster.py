"""Scoring the clusterer against labelled events (the format of tests/data/clusters.tsv).

One item per line, five tab-separated columns: event (items sharing it report one real-world
event), hours after a common reference time, outlet, title, summary. Scores are pairwise: the
pairs of items put in one story against the pairs labelled with one event.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from autonews.car_feeds import is_car_feed
from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.models import Classification

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)  # the reference time of the hours column


@dataclass(frozen=True)
class Row:
    event: str
    published: datetime
    outlet: str
    title: str
    summary: str


def load_rows(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        event, hours, outlet, title, summary = (line.split("\t") + [""] * 5)[:5]
        rows.append(Row(event, EPOCH + timedelta(hours=float(hours)), outlet, title, summary))
    return rows


def inputs(rows: list[Row], classifier: Classifier | None = None) -> list[ClusterInput]:
    """The rows as clustering gets them: keyed by position, no link, the outlet as the feed,
    and classified as the pipeline classifies them (an outlet mostly about cars is a car feed,
    whose terse titles are car news: ``autonews.labels``); an outlet named as a community's
    feed ("r/electricvehicles") is one, as `feeds add` takes it (``autonews.community``)."""
    from autonews.community import reads_as_community_feed

    classifier = classifier or Classifier()
    labels = [classifier.classify(r.title, r.summary) for r in rows]
    for i in _of_car_feeds(rows, labels):
        labels[i] = classifier.classify(rows[i].title, rows[i].summary, car_feed=True)
    posts = {r.outlet for r in rows if reads_as_community_feed(r.outlet, None, ())}
    return [
        ClusterInput(
            i, r.title, r.summary, None, r.published, labels[i], r.outlet, "", r.outlet in posts
        )
        for i, r in enumerate(rows)
    ]


def _of_car_feeds(rows: list[Row], labels: list[Classification]) -> list[int]:
    """The rows not about cars by their own words whose outlet is a car feed."""
    items: Counter[str] = Counter(row.outlet for row in rows)
    pairs = zip(rows, labels, strict=True)
    cars: Counter[str] = Counter(row.outlet for row, label in pairs if label.automotive)
    car_feeds = {outlet for outlet, count in items.items() if is_car_feed(count, cars[outlet])}
    return [
        i
        for i, (row, label) in enumerate(zip(rows, labels, strict=True))
        if not label.automotive and row.outlet in car_feeds
    ]


@dataclass(frozen=True)
class PairScore:
    precision: float
    recall: float
    f1: float
    false_merges: list[tuple[int, int]]
    missed: list[tuple[int, int]]


def pairwise(events: list[str], groups: list[list[int]]) -> PairScore:
    """Pairs of items put together against pairs labelled with one event (item i: events[i])."""
    predicted = {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}
    gold = {
        (a, b) for a, b in itertools.combinations(range(len(events)), 2) if events[a] == events[b]
    }
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1, sorted(predicted - gold), sorted(gold - predicted))


def evaluate(rows: list[Row]) -> PairScore:
    return pairwise([row.event for row in rows], cluster(inputs(rows)))
