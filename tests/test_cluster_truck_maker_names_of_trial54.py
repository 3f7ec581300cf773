"""Trial 54: "Volvo" of a truck is Volvo Group's Volvo Trucks, as the classifier reads it
(makers.toml's ``trucks_are``); clustering's own scan of the title read it as Geely's Volvo Cars
as well, and the two makers made a deal's two sides of one name: "EU to review truck CO2 rules
early, in win for Daimler Truck, Volvo" joined "DFDS orders 500 electric trucks from Volvo" on
"Geely + Volvo Group"."""

from __future__ import annotations

from pathlib import Path

from autonews.cluster import cluster
from autonews.cluster.features import features_of
from autonews.evaluation.cluster import EPOCH, Row, inputs, load_rows

KEY = Path(__file__).parent / "data" / "clusters-trial54.tsv"
EU_REVIEW = "EU to review truck CO2 rules early, in win for Daimler Truck, Volvo"


def test_volvo_of_a_truck_is_one_maker() -> None:
    rows = [Row("e", EPOCH, "electrive", "DFDS orders 500 electric trucks from Volvo", "")]
    (item,) = features_of(inputs(rows))
    assert item.makers == {"Volvo Trucks"}
    assert item.groups == {"Volvo Group"}


def test_a_rule_reviewed_in_a_truck_makers_favour_is_no_order_of_its_trucks() -> None:
    rows = load_rows(KEY)
    stories = [{rows[i].title for i in group} for group in cluster(inputs(rows))]
    review = next(story for story in stories if EU_REVIEW in story)
    assert not any("DFDS" in title for title in review)
