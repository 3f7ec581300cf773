"""Clustering: the same event told differently is one story; different events stay apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from autonews.classify import classify
from autonews.cluster import ClusterInput, cluster
from autonews.urls import normalize_url
from benchmarks.cluster_eval import evaluate, load_rows

T0 = datetime(2026, 11, 20, 8, tzinfo=UTC)


def items(*titles: str, hours: float = 2.0, links: list[str] | None = None) -> list[ClusterInput]:
    return [
        ClusterInput(
            n,
            title,
            "",
            (links or [None] * len(titles))[n],
            T0 + timedelta(hours=hours * n),
            classify(title),
        )
        for n, title in enumerate(titles)
    ]


def test_same_recall_in_other_words_and_languages_is_one_story() -> None:
    groups = cluster(
        items(
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            "Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles",
            "沃尔沃召回14768辆XC70 左后半轴存在松动风险",
        )
    )
    assert groups == [[0, 1, 2]]


def test_different_events_of_one_maker_and_type_stay_apart() -> None:
    groups = cluster(
        items(
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            "Volvo recalls 73,000 plug-in hybrids over battery fire risk",
            "Tesla cuts Model Y prices in China",
            "Tesla cuts Model 3 prices in Germany",
        )
    )
    assert sorted(groups) == [[0], [1], [2], [3]]


def test_identical_links_merge_whatever_the_titles() -> None:
    links = ["https://news.example.com/a?utm_source=rss", "https://NEWS.example.com/a#top"]
    groups = cluster(items("BYD Q3 profit jumps", "Quarterly results out", links=links))
    assert groups == [[0, 1]]


def test_items_far_apart_in_time_are_different_stories() -> None:
    groups = cluster(
        items(
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            hours=24 * 10,
        )
    )
    assert groups == [[0], [1]]


def test_url_normalisation() -> None:
    assert normalize_url("HTTP://www.Example.com:80/a/amp/?utm_medium=x&id=3&fbclid=1#f") == (
        "https://example.com/a?id=3"
    )
    assert normalize_url("https://m.example.com/story.amp.html") == normalize_url(
        "https://example.com/story.html"
    )


def test_quality_on_the_labelled_set_does_not_regress() -> None:
    # Pairwise F1 on tests/data/clusters.tsv was 0.786 when this floor was set; the target in
    # the clustering issue is 0.90 and still open.
    score = evaluate(load_rows())
    assert score.f1 >= 0.75, (
        f"pairwise F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f})"
    )
