"""Trial 54 (a truck and bus analyst on trade feeds): two companies' news that shares only a
trade's everyday words was one story ("School bus maker Blue Bird lifts annual profit forecast"
and "Mobico completes sale of North American school bus business" on "bus, school"; Harbinger's
medium-duty truck and the tariffs on imported medium and heavy trucks on "medium"). On truck
and bus feeds every item names them; one company's items told in them stay one story (Lion
Electric's restart, Waymo's recall over school buses)."""

from __future__ import annotations

from pathlib import Path

from autonews.cluster import cluster
from autonews.evaluation.cluster import EPOCH, Row, inputs, load_rows

KEY = Path(__file__).parent / "data" / "clusters-trial54.tsv"


def stories_of_days(first: float, last: float) -> list[set[str]]:
    """The stories of the trial's items from hour ``first`` to ``last`` of its answer key, as
    one run clusters them (their titles), with the day's other trade news around them."""
    rows: list[Row] = [row for row in load_rows(KEY) if first <= _hours(row) < last]
    return [{rows[i].title for i in group} for group in cluster(inputs(rows))]


def _hours(row: Row) -> float:
    return (row.published - EPOCH).total_seconds() / 3600


def story_of(stories: list[set[str]], title: str) -> set[str]:
    return next(story for story in stories if title in story)


def test_two_companies_sharing_only_a_school_bus_are_two_stories() -> None:
    stories = stories_of_days(0, 72)
    assert story_of(stories, "Mobico completes sale of North American school bus business") == {
        "Mobico completes sale of North American school bus business"
    }
    assert story_of(stories, "Lion Electric restarts school bus production under new owners") == {
        "Lion Electric restarts school bus production under new owners",
        "Lion Electric resumes production after restructuring",
    }


def test_a_trucks_duty_class_joins_no_launch_to_a_tariff() -> None:
    stories = stories_of_days(24, 48)  # the second day's run
    tariff = story_of(stories, "25% Tariff on Imported Medium, Heavy Trucks Takes Effect")
    assert not any(title.startswith("Harbinger") for title in tariff)
    assert "Section 232 tariffs of 25% on imported heavy trucks take effect" in tariff
