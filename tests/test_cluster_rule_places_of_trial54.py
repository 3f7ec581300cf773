"""Trial 54 (daily runs of truck feeds): "Walmart adds 30 electric trucks to California fleet"
joined California's repeal of its Advanced Clean Fleets rule for private fleets on "california,
us": a state and the country its name implies, counted as two places both titles name. Between
a rule and other news they are one place told at two scales, where each happens."""

from __future__ import annotations

from pathlib import Path

from autonews.cluster import cluster
from autonews.evaluation.cluster import EPOCH, Row, inputs, load_rows

KEY = Path(__file__).parent / "data" / "clusters-trial54.tsv"
REPEAL = "CARB Moves to Repeal Advanced Clean Fleets Rule for Private Fleets"
WALMART = "Walmart adds 30 electric trucks to California fleet - Trucking Dive"


def stories_of_days(first: float, last: float) -> list[set[str]]:
    """The stories of the trial's items from hour ``first`` to ``last``, as one run makes them."""
    rows: list[Row] = [row for row in load_rows(KEY) if first <= _hours(row) < last]
    return [{rows[i].title for i in group} for group in cluster(inputs(rows))]


def _hours(row: Row) -> float:
    return (row.published - EPOCH).total_seconds() / 3600


def test_a_companys_trucks_in_a_state_are_no_news_of_the_states_rule() -> None:
    stories = stories_of_days(24, 48)  # the second day's run
    assert next(story for story in stories if WALMART in story) == {WALMART}
    repeal = next(story for story in stories if REPEAL in story)
    assert "California abandons Advanced Clean Fleets rule for private truck operators" in repeal
