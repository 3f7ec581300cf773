"""A week's registrations are no month's sales report, though their dates name two months
("Oct 27-Nov 2"): a maker's sales of a month are one release whatever each title says, and a
week's figure of the same maker is another event (trial 46's key; seen when trial 55 made a
maker's month's sales one release, fix55c)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, features_of
from autonews.cluster.sales_reports import SalesReport

T0 = datetime(2026, 11, 4, 8, tzinfo=UTC)
CLASSIFIER = Classifier()


def _sales(title: str) -> SalesReport | None:
    classification = CLASSIFIER.classify(title, "", "")
    (found,) = features_of([ClusterInput(0, title, "", None, T0, classification, "f", "")])
    return found.sales


@pytest.mark.parametrize(
    "title",
    [
        "Tesla China registrations fall to 11,200 in Oct 27-Nov 2 ahead of Model Y Standard",
        "Tesla China insurance registrations Nov 3-9 rise 20%",
        "Tesla China weekly registrations fall in November",
    ],
)
def test_a_weeks_figures_are_no_months_sales_report(title: str) -> None:
    assert _sales(title) is None


def test_a_months_sales_are_a_sales_report() -> None:
    assert _sales("Tesla sells 61,497 China-made vehicles in Oct, exports at 20,712") is not None
