"""The incremental evaluation: a labelled set replayed as the daily digest runs of a cron user
would build its stories (``benchmarks/cluster_eval.py --incremental``)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from autonews.evaluation.cluster import EPOCH, Row, evaluate, load_rows
from autonews.evaluation.incremental import batches, incremental

DATA = Path(__file__).parent / "data"


def row(event: str, hours: float, outlet: str, title: str) -> Row:
    return Row(event, EPOCH + timedelta(hours=hours), outlet, title, "")


def test_runs_store_what_was_published_since_the_run_before() -> None:
    rows = [row("a", 1, "Wire", "x"), row("a", 23.5, "Desk", "y"), row("b", 49, "Wire", "z")]
    assert batches(rows, timedelta(hours=24)) == [
        (EPOCH + timedelta(hours=24), [0, 1]),
        (EPOCH + timedelta(hours=72), [2]),  # a day with nothing new runs for nothing
    ]


def test_one_run_over_everything_scores_as_the_clustering_of_everything() -> None:
    """The replay goes through the pipeline's store, classification and story memory: in one
    run with a window holding all of a set it makes the stories of the benchmark's clustering."""
    rows = load_rows(DATA / "clusters.tsv")
    replayed = incremental(rows, timedelta(days=10_000), since="all")
    assert replayed.count == 1
    assert replayed.final == evaluate(rows)


def test_daily_runs_keep_the_stories_earlier_runs_made() -> None:
    """Two reports of one recall a day apart, the second a day after the first run delivered
    the first: the final story holds both, and each run's stories are scored on its own items."""
    rows = [
        row("ford", 2, "Wire", "Ford recalls 14,768 Bronco Sport SUVs over fuel injectors"),
        row("ford", 30, "Desk", "Ford to recall about 15,000 Bronco Sport SUVs over injectors"),
    ]
    replayed = incremental(rows, timedelta(hours=24))
    assert replayed.count == 2
    assert (replayed.final.precision, replayed.final.recall) == (1.0, 1.0)
    # The first run saw one item (no pair), the second both, together.
    assert (replayed.runs.precision, replayed.runs.recall) == (1.0, 1.0)
