"""Trial 45's Indian figures, as `autonews classify --format jsonl` gives them: digits grouped
in lakhs and crores ("1,81,531 units"), rupees as ₹, Rs and Rs. with lakh, crore and lakh
crore, a scale joined by a hyphen ("₹3,300-crore"), PTI's "pc" for per cent, a count of
crores of sales, and which way a percentage moved ("sales decline 18%" is down), so that a
sales table a user builds from the JSON is right."""

from __future__ import annotations

import json

FIGURES = [
    # title, figure's text, kind, value, unit
    (
        "Maruti Suzuki sales up 4% at 1,81,531 units in November",
        "1,81,531 units",
        "units",
        181531,
        "vehicles",
    ),
    (
        "Bajaj Auto total sales at 4,53,273 units, up 6%",
        "4,53,273 units",
        "units",
        453273,
        "vehicles",
    ),
    ("Toyota to invest ₹3,300-crore in Bidadi expansion", "₹3,300-crore", "money", 3.3e10, "INR"),
    ("Govt clears Rs 25,000 incentive for EV buyers", "Rs 25,000", "money", 25000, "INR"),
    ("Tata Motors to invest Rs 5,400 crore in new plant", "Rs 5,400 crore", "money", 5.4e10, "INR"),
    ("Auto PLI outlay at Rs. 1.89 lakh crore", "Rs. 1.89 lakh crore", "money", 1.89e12, "INR"),
    ("Mahindra XEV 7e launched at ₹21.90 lakh", "₹21.90 lakh", "money", 2190000, "INR"),
    (
        "Maruti Suzuki crosses 3 crore cumulative domestic sales",
        "3 crore cumulative domestic sales",
        "units",
        3e7,
        "vehicles",
    ),
    ("M&M total sales rise 21 pc in November", "21 pc", "percent", 21, "%"),
]


def classified(cli, titles: list[str]) -> list[dict[str, object]]:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(titles) + "\n")
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_indian_numbers_money_and_percentages_are_read_with_value_and_unit(cli) -> None:
    records = classified(cli, [title for title, *_ in FIGURES])
    for (title, text, kind, value, unit), record in zip(FIGURES, records, strict=True):
        told = {figure["text"]: figure for figure in record["figures"]}
        assert text in told, (title, list(told))
        figure = told[text]
        assert (figure["kind"], figure["value"], figure["unit"]) == (kind, value, unit), title


def test_an_audi_rs_is_no_rupee(cli) -> None:
    (record,) = classified(cli, ["Audi RS 3 launched in India"])
    assert record["figures"] == []


def test_a_fall_is_down_and_a_rise_up_a_level_neither(cli) -> None:
    titles = [
        "Honda Cars India sales decline 18% in November",
        "Kia India posts 23% growth with 25,489 units",
        "JLR wholesales seen down 9%",
        "Tesla's market share rises to 30%",
        "比亚迪11月销量同比下降5%",
    ]
    directions = [
        [figure["direction"] for figure in record["figures"] if figure["kind"] == "percent"]
        for record in classified(cli, titles)
    ]
    assert directions == [["down"], ["up"], ["down"], [None], ["down"]]
    (honda, *_) = classified(cli, titles[:1])
    assert honda["figures"][0]["value"] == 18  # the number written; direction says the sign
