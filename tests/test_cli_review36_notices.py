"""Review 36's findings on regulators' notices, through the real CLI: a news title in a
regulator's notice's shape is no notice (F2), nor is a news summary that says "units affected"
or "which is recalling certain" (F3). The notices the shapes were made for keep theirs."""

from __future__ import annotations

import pytest

from tests.helpers.classified import labels_of


@pytest.mark.parametrize(
    "title",
    [
        "Tesla, Inc. : Robotaxi Rollout May Slip to 2026, Musk Says",
        "Nikola Corporation: Shares May Be Delisted From Nasdaq",
        "Rivian Automotive, Inc.: Layoffs May Hit 10% of Staff",
        "Nissan Motor Co., Ltd.: Honda Merger May Be Revived",
        "Ford Motor Company: Why the Mustang May Return",
        "2025 Ford sales: why prices may rise / analysis",
    ],
)
def test_a_company_name_a_colon_and_may_is_no_recall_notice(cli, title: str) -> None:
    """F2: a press release's or a market wire's "may" is a rumour's, not a defect's."""
    labels = labels_of(cli, title)
    assert labels["event"] != "recall", labels
    assert labels["speculative"], labels


@pytest.mark.parametrize(
    "title",
    [
        "Kia America, Inc.: Power Seat Motor May Overheat",
        "Toyota Motor Engineering & Manufacturing: Occupant Classification Sensor May Fail",
        "Mercedes-Benz USA, LLC: Engine Software May Cause Stall",
        "Ford Motor Company: Rearview Camera Image May Not Display/FMVSS 111",
        "2024-2025 Mazda CX-90: Fuel injector may leak / Injecteur de carburant peut fuir",
    ],
)
def test_a_notice_of_a_part_that_may_fail_is_still_a_firm_recall(cli, title: str) -> None:
    labels = labels_of(cli, title)
    assert labels["event"] == "recall", labels
    assert not labels["speculative"], labels


@pytest.mark.parametrize(
    ("title", "summary", "event"),
    [
        (
            "Stellantis idles Windsor plant: chip shortage hits Chrysler Pacifica output",
            "The chip shortage halted the line for a week, with about 5,000 units affected, the "
            "company said.",
            "production",
        ),
        (
            "Ford Q3 earnings: warranty costs weigh on profit",
            "Ford, which is recalling certain Explorer SUVs over rear axle bolts, said warranty "
            "costs rose $1 billion.",
            "financials",
        ),
    ],
)
def test_a_news_summary_in_a_notices_words_makes_no_notice(
    cli, title: str, summary: str, event: str
) -> None:
    """F3: only the notice's anchored phrases ("Potential Number of Units Affected: 240,510",
    "<Manufacturer> is recalling certain 2020-2023 …") tell a notice."""
    assert labels_of(cli, title, summary)["event"] == event


def test_a_notices_summary_still_tells_its_recall_and_units(cli) -> None:
    labels = labels_of(
        cli,
        "2022-2025 Hyundai Ioniq 5 and 2023-2025 Ioniq 6: Loss of drive power / Perte de puissance",
        "Ford Motor Company (Ford) is recalling certain 2022-2025 vehicles. NHTSA Campaign "
        "Number: 26V-101. Potential Number of Units Affected: 240,510.",
    )
    assert labels["event"] == "recall", labels
    assert 240510 in [figure.get("value") for figure in labels["figures"]], labels
