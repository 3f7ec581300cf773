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


def test_a_subreddits_posts_are_posts_in_the_runs_too() -> None:
    """An outlet named as a subreddit ("r/electricvehicles") is a community feed in the replay,
    as `feeds add` makes it and the all-at-once score reads it: its posts join no other post
    (trial 44's daily runs joined "Ioniq 5 N vs EV6 GT — which would you pick…" and "Insurance
    doubled for my EV6 — anyone else in NL?", and a home-charger question to a home battery's
    launch: the replay had read the subreddit as a news feed)."""
    rows = load_rows(DATA / "clusters-trial44.tsv")
    posts = {n for n, r in enumerate(rows) if r.outlet.startswith("r/")}
    daily = incremental(rows, timedelta(hours=24)).final
    assert len(posts) > 10
    assert [(a, b) for a, b in daily.false_merges if a in posts and b in posts] == []
    charger = next(n for n, r in enumerate(rows) if "home charger" in r.title)
    assert all(charger not in pair for pair in daily.false_merges)
