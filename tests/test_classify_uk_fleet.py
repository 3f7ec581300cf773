"""A UK fleet's news in its own words (trial 41): contract hire rates are prices, low emission
zones, company car tax and van grants are rules about cars, deliveries resuming after a strike
are production; through `autonews classify`, as a digest labels them."""

from __future__ import annotations

from pathlib import Path

import pytest

ITEMS = [
    ("Ayvens to raise contract hire rates on diesel vans from January", "pricing"),
    ("Glasgow to extend low emission zone rules to vans from 2027", "regulation"),
    ("Plug-in van grant extended to March 2027", "regulation"),
    ("Government confirms company car tax rates to 2029/30", "regulation"),
    (
        "Ford Pro Confirms Transit Custom Deliveries to Resume After Supplier Agreement",
        "production",
    ),
]


@pytest.mark.parametrize(("title", "event"), ITEMS)
def test_a_uk_fleets_news_is_car_news_with_its_event(
    cli, home: Path, title: str, event: str
) -> None:
    """A lessor's diesel van rates, a city's zone for vans and the van grant were "not about
    cars"; the Transit Custom's deliveries resuming after the strike was a launch."""
    (labels,) = cli("classify", "--format", "json", title).json()
    assert (labels["automotive"], labels["event"]) == (True, event)
