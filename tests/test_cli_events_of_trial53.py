"""Trial 53's event types, through the real CLI: a consumer-protection agency's order to
compensate buyers is legal (as "ordered to pay" is), bookings opened at a price are a launch
(a pre-sale), a government giving makers more time to meet an incentive scheme's terms is
regulation, and a launch whose model name ends in its model year ("Wave 125i 2027", "Yaris Ativ
2027") is on sale, not a teaser of a launch in 2027."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.classified import labels_of
from tests.helpers.outlet_rows import digest_of_rows


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("OCPB orders BYD distributor to offer compensation to early buyers", "legal"),
        ("VinFast opens bookings for Limo Green MPV at VND749 million", "launch"),
        ("Thailand gives EV makers extra year to meet local output pledges", "regulation"),
        ("EV board extends EV 3.5 production deadline to 2027", "regulation"),
        ("Changan begins exporting Rayong-built Deepal to the UK", "production"),
    ],
)
def test_trial53s_events(cli, title: str, event: str) -> None:
    labels = labels_of(cli, title)
    assert labels["event"] == event, labels


LAUNCHES = [
    # outlet, hours ago, title, summary
    (
        "AutoLife Thailand",
        20.0,
        "Toyota launches Yaris Ativ 2027 in Thailand",
        "New colours, price unchanged at 569,000 baht.",
    ),
    (
        "Bangkok Post",
        10.0,
        "Toyota bZ3X-based EV to launch in Thailand in 2027",
        "Toyota Motor Thailand will import a China-developed electric SUV.",
    ),
]


def test_a_model_year_is_no_launch_date(cli, home, httpserver: HTTPServer) -> None:
    digest = digest_of_rows(cli, httpserver, LAUNCHES, "4d")
    stages = {story["title"]: story["stage"] for story in digest["stories"]}
    assert stages == {LAUNCHES[0][2]: "on sale", LAUNCHES[1][2]: "teaser"}, stages
