"""Through the real CLI: one maker's monthly sales told by several outlets with different figures
is one story (blind trial 45, an Indian equity analyst on the first of the month). Each outlet
leads with its own figure of one release — the total, the exports, a segment, the domestic
growth — and autonews kept them apart as "different unit counts" or "different percentages".
Different makers' sales, a segment's own release (Tata's passenger / commercial vehicles, M&M's
tractors), a sales forecast, a quarter's results and another month's sales stay apart, and
`story --explain` names the rule that joined them."""

from __future__ import annotations

from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows
from tests.helpers.outlet_rows import story_of as _story_of
from tests.helpers.outlet_rows import titles as _titles

# (outlet, hours before the run, title, summary)
SALES: list[tuple[str, float, str, str]] = [
    (
        "AP",
        30,
        "Maruti Suzuki November sales seen rising 5% on wedding demand: brokerages",
        "Brokerages expect Maruti Suzuki's dispatches to rise about 5% in November.",
    ),
    (
        "BL",
        29,
        "Maruti Suzuki Q3 net profit rises 13% to ₹3,727 crore",
        "Maruti Suzuki India reported a 13% rise in standalone net profit for the quarter.",
    ),
    (
        "MS",
        12,
        "Maruti Suzuki Sales in November 2026",
        "In November 2026, Maruti Suzuki India Limited sold a total of 2,29,021 units. Domestic "
        "sales stood at 1,81,531 units and exports at 37,529 units.",
    ),
    (
        "AP",
        11.5,
        "Maruti Suzuki sales up 4% at 2,29,021 units in November",
        "Maruti Suzuki India's total sales rose 4% to 2,29,021 units in November from 2,20,156 "
        "units a year ago, while exports hit a record 37,529 units.",
    ),
    (
        "PT",
        11,
        "Maruti Suzuki Nov sales rise 4 pc to 2,29,021 units",
        "Maruti Suzuki India on Tuesday reported a 4 per cent increase in total sales at 2,29,021 "
        "units in November.",
    ),
    (
        "BL",
        10.5,
        "Maruti Suzuki's November dispatches rise 4%; exports hit record 37,529 units",
        "Maruti Suzuki's domestic dispatches were flat at 1,81,531 units but exports rose 31% to a"
        " record, helping total sales grow 4%.",
    ),
    (
        "AP",
        11.6,
        "Mahindra SUV sales jump 21% to 56,604 units in November",
        "Mahindra & Mahindra's domestic utility vehicle sales rose 21% to 56,604 units in "
        "November, while total auto sales, including exports, stood at 86,143 units.",
    ),
    (
        "PT",
        11.1,
        "M&M total sales rise 21 pc to 86,143 units in Nov",
        "Mahindra & Mahindra Ltd on Tuesday reported a 21 per cent increase in total auto sales at"
        " 86,143 units in November.",
    ),
    (
        "PT",
        10.9,
        "M&M tractor sales rise 18 pc to 37,045 units in Nov",
        "Mahindra & Mahindra's farm equipment sector on Tuesday reported an 18 per cent increase "
        "in tractor sales at 37,045 units in November.",
    ),
    (
        "AP",
        10.7,
        "Hyundai Motor India November sales up 9% at 66,840 units",
        "Hyundai Motor India's total sales rose 9% to 66,840 units in November; domestic sales "
        "were 50,340 units and exports 16,500 units.",
    ),
    (
        "BL",
        8,
        "Hyundai Motor India's domestic sales rise 7% in November; exports jump 16%",
        "Hyundai Motor India's domestic dispatches rose 7% to 50,340 units while exports rose 16% "
        "to 16,500 units, taking total sales to 66,840 units.",
    ),
    (
        "PT",
        8.5,
        "Hyundai Motor India October sales up 2 pc at 61,300 units",
        "Hyundai Motor India Ltd reported a 2 per cent increase in total sales at 61,300 units in "
        "October.",
    ),
    (
        "TM",
        12.2,
        "Tata Motors Passenger Vehicles Ltd. registers sales of 57,436 units in November 2026",
        "Tata Motors Passenger Vehicles Ltd. recorded total sales of 57,436 units in November "
        "2026, a growth of 22% over November 2025.",
    ),
    (
        "AP",
        11.8,
        "Tata Motors commercial vehicle sales up 9% at 35,112 units in November",
        "Tata Motors' domestic CV sales rose 9% to 35,112 units, led by heavy trucks; exports "
        "grew 41% to 2,310 units.",
    ),
]


def _digest(cli, httpserver: HTTPServer) -> dict[str, Any]:
    return digest_of_rows(cli, httpserver, SALES, "3d")


def test_one_makers_monthly_sales_in_different_figures_is_one_story(cli, home, httpserver):
    digest = _digest(cli, httpserver)
    maruti = _story_of(digest, "Maruti Suzuki Sales in November")
    assert _titles(maruti) == {
        "Maruti Suzuki Sales in November 2026",
        "Maruti Suzuki sales up 4% at 2,29,021 units in November",
        "Maruti Suzuki Nov sales rise 4 pc to 2,29,021 units",
        "Maruti Suzuki's November dispatches rise 4%; exports hit record 37,529 units",
    }
    mahindra = _story_of(digest, "Mahindra SUV sales")
    assert _titles(mahindra) == {
        "Mahindra SUV sales jump 21% to 56,604 units in November",
        "M&M total sales rise 21 pc to 86,143 units in Nov",
    }
    hyundai = _story_of(digest, "Hyundai Motor India November")
    assert _titles(hyundai) == {
        "Hyundai Motor India November sales up 9% at 66,840 units",
        "Hyundai Motor India's domestic sales rise 7% in November; exports jump 16%",
    }


def test_a_forecast_results_another_month_or_segment_stay_apart(cli, home, httpserver):
    digest = _digest(cli, httpserver)
    for start in (
        "Maruti Suzuki November sales seen",  # a forecast
        "Maruti Suzuki Q3 net profit",  # a quarter's results
        "M&M tractor sales",  # a segment's own release
        "Hyundai Motor India October sales",  # another month
        "Tata Motors Passenger Vehicles",  # two companies' releases of one maker
        "Tata Motors commercial vehicle",
    ):
        story = _story_of(digest, start)
        assert len(story["sources"]) == 1, (start, _titles(story))


def test_explain_names_the_periodic_sales_report(cli, home, httpserver):
    digest = _digest(cli, httpserver)
    story = _story_of(digest, "Maruti Suzuki's November dispatches")
    shown = cli("story", story["id"], "--explain")
    assert shown.code == 0, shown.err
    assert "periodic sales report: both tell Maruti Suzuki's sales of November" in shown.out
    assert "conflict:" not in shown.out
