"""Trial 54: "Class 8 orders fall 40%…" gave the JSON figure "8 orders": a vehicle's weight
class names it as a section names a law's part, and counts nothing ("Class 8", "Class 6-7")."""

from __future__ import annotations

import json


def figures(cli, title: str) -> list[str]:
    result = cli("classify", "--format", "json", title)
    assert result.code == 0, result.err
    record = json.loads(result.out)
    record = record[0] if isinstance(record, list) else record
    return [str(figure["text"]) for figure in record["figures"]]


def test_a_vehicle_class_is_no_count(cli) -> None:
    assert figures(cli, "Class 8 orders fall 40% in September, ACT Research says") == ["40%"]
    assert figures(cli, "Class 6-7 orders rise to 21,000 units") == ["21,000 units"]
    assert figures(cli, "Ford recalls 1,200-1,500 trucks") == ["1,200-1,500 trucks"]


def test_a_word_ending_in_class_keeps_the_count_after_it(cli) -> None:
    """Review 39: "class" after a hyphen ("world-class", "E-Class", "S-Class") names no weight
    class, and a weight class has one or two digits (Class 1-8): the counts after them stay."""
    assert figures(cli, "Hyundai opens world-class 1,500-job EV plant in Georgia") == ["1,500-job"]
    assert figures(cli, "Toyota to build world-class 2,000-worker plant in Texas") == [
        "2,000-worker"
    ]
    assert figures(cli, "Mercedes-Benz Korea recalls E-Class 3,000 units over fuel pump") == [
        "3,000 units"
    ]
    assert figures(cli, "Mercedes recalls S-Class 2,500 sedans over airbag") == ["2,500 sedans"]
