"""Trial 45's Indian shorthand, as `autonews classify --format jsonl` gives it: "M&M" is
Mahindra; India's market words ("PV retail", "PV wholesales", FADA, SIAM) make industry data
car news; Mahindra's finance arm and its tractors are no car news of Mahindra; and a
two-wheeler maker's scooters and motorcycles are no car news, as another maker's are."""

from __future__ import annotations

import json

CASES = [
    # title, automotive, makers
    ("M&M total sales rise 21 pc in November", True, ["Mahindra"]),
    ("FADA: November retail sales rise 8%; PV retail at 3,94,152 units", True, []),
    ("PV wholesales up 5 pc in Nov: SIAM", True, []),
    ("Mahindra Finance disbursements up 12% in November", False, []),
    ("M&M tractor sales up 15% in November", False, []),
    ("Bajaj Auto launches new Pulsar N160 at ₹1.3 lakh", False, []),
    ("Ola Electric cuts S1 scooter prices by 10%", False, []),
    ("Mahindra launches Bolero Neo facelift at ₹8.49 lakh", True, ["Mahindra"]),
]


def test_indian_shorthand_makers_and_two_wheelers(cli) -> None:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(t for t, *_ in CASES) + "\n")
    assert result.code == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    for (title, automotive, makers), record in zip(CASES, records, strict=True):
        told = [maker["name"] for maker in record["makers"]]
        assert (record["automotive"], told) == (automotive, makers), title
