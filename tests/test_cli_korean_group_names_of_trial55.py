"""Through the real CLI: names that hold Hyundai's, Kia's or Genesis' name but are another company,
a shop, a team or a tournament (trial 55: Kia Tigers' baseball under Kia, the Hyundai Department
Store's "The Hyundai Busan" under Hyundai although `--explain` said it ignored the store, the
Genesis Championship's golf), the same wherever the name is found in the title."""

from __future__ import annotations

import json
from typing import Any

import pytest

NOT_CARS = [
    "Kia Tigers re-sign closer Jung Hae-young to 4-year deal",
    "Hyundai Department Store to open The Hyundai Busan in 2027",
    "Hyundai Department Store to open Hyundai outlet in Busan",
    "An Byeong-hun wins Genesis Championship in Incheon",
    "Hyundai Home Shopping posts record third-quarter profit",
]
CARS = [
    "The Hyundai Ioniq 5 N gets a new track mode",
    "Hyundai Rotem and Hyundai Motor sign hydrogen deal",
    "Kia Tigers sponsor Kia unveils EV4 hatchback",
]


def _classified(cli: Any, titles: list[str]) -> dict[str, Any]:
    result = cli("classify", "--format", "jsonl", *titles)
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.out.splitlines() if line.strip()]
    return {row["title"]: row for row in rows}


@pytest.mark.parametrize("title", NOT_CARS)
def test_a_groups_other_company_team_or_tournament_is_no_car_news(cli: Any, title: str) -> None:
    row = _classified(cli, [title])[title]
    assert not row["automotive"] and not row["makers"]


def test_the_carmaker_beside_them_is_still_named(cli: Any) -> None:
    rows = _classified(cli, CARS)
    assert all(row["automotive"] for row in rows.values())
    assert all({m["name"] for m in row["makers"]} & {"Hyundai", "Kia"} for row in rows.values())


def test_explain_ignores_the_store_and_takes_no_maker_from_its_shop(cli: Any) -> None:
    title = NOT_CARS[1]
    result = cli("classify", "--explain", title)
    assert result.code == 0, result.err
    assert "ignored 'Hyundai Department Store'" in result.out
    assert "makers: -" in result.out and "maker Hyundai" not in result.out
