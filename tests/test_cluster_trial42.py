"""Clustering: what blind trial 42 (a purchasing-risk analyst following suppliers, chip and
battery makers and their carmaker customers) saw joined that are different events, and split
that are one. One word both name is no subject when it is a common word (a verb, an industry's
word) or part of a company's name; a supplier is a subject as a maker is, so its job cuts told
with one count, or its profit warning and the same day's share slide, are one story; and what
`story --explain` and `story A B` say is what the pair really shares and which rule held."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.cluster.explain import explain

CLASSIFIER = Classifier()
START = datetime(2026, 12, 4, 7, tzinfo=UTC)


def inputs(*told: tuple[float, str, str]) -> list[ClusterInput]:
    """Items of (hours after the first, title, summary), each from its own car feed."""
    return [
        ClusterInput(
            n,
            title,
            summary,
            None,
            START + timedelta(hours=hours),
            CLASSIFIER.classify(title, summary, car_feed=True),
            f"feed {n}",
        )
        for n, (hours, title, summary) in enumerate(told)
    ]


def story_of(*told: tuple[float, str, str]) -> list[list[int]]:
    return sorted(cluster(inputs(*told)))


def test_hours_apart_say_a_model_and_a_figure_only_when_the_pair_has_them() -> None:
    # 1 h 51 min apart: 1.85 h, which float arithmetic printed as "1.9 h apart, counted as
    # 1.8 h: one model and a figure in common" for a pair sharing neither.
    items = inputs(
        (0, "Schaeffler to close Berndorf plant in Austria", ""),
        (111 / 60, "Schaeffler shuts Austrian Berndorf factory", ""),
    )
    (merge,) = explain(items, [0, 1]).merges
    details = {e.name: e.detail for e in merge.evidence}
    assert details["hours_apart"] == "1.9 h apart"
