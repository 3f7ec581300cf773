"""Clustering reads Indian sums as the classifier does (trial 45): "₹3,300-crore" (a scale
joined by a hyphen) is the sum "₹3,300 crore" is, so Toyota's two items of its Bidadi
investment are one story, not two ruled apart as "different sums"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster

CLASSIFIER = Classifier()
START = datetime(2026, 12, 4, 7, tzinfo=UTC)


def stories(*titles: tuple[float, str]) -> list[list[int]]:
    items = [
        ClusterInput(
            n,
            title,
            "",
            None,
            START + timedelta(hours=hours),
            CLASSIFIER.classify(title, "", car_feed=True),
            f"feed {n}",
        )
        for n, (hours, title) in enumerate(titles)
    ]
    return sorted(cluster(items))


def test_a_hyphenated_crore_sum_is_the_same_sum() -> None:
    assert stories(
        (0, "Toyota Kirloskar Motor to invest ₹3,300 crore to add third line at Bidadi"),
        (3, "Toyota Kirloskar plans ₹3,300-crore expansion at Bidadi plant"),
        (5, "Toyota Kirloskar Motor November sales rise 12 pc"),
    ) == [[0, 1], [2]]
