"""Trial 53's makers, as `autonews classify --format jsonl` gives them: Proton (a name physics
shares, so it counts only with evidence) is the carmaker where a carmaker takes a stake in it
("Geely to raise stake in Proton to 49.9%" had Geely only, and `--maker Proton` missed the
week's biggest Proton story) and where the title calls it a carmaker; a proton-therapy centre
stays no car news."""

from __future__ import annotations

import json


def classified(cli, titles: list[str]) -> list[dict[str, object]]:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(titles) + "\n")
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def makers(record: dict[str, object]) -> list[str]:
    return [str(maker["name"]) for maker in record["makers"]]  # type: ignore[index, union-attr]


def test_a_carmakers_stake_in_proton_names_proton(cli) -> None:
    (record,) = classified(cli, ["Geely to raise stake in Proton to 49.9%"])
    assert makers(record) == ["Geely", "Proton"]
    assert record["event"] == "ownership"


def test_a_name_the_title_calls_a_carmaker_is_the_carmaker(cli) -> None:
    (record,) = classified(cli, ["Malaysia's national carmaker Proton posts record sales"])
    assert makers(record) == ["Proton"]


def test_proton_therapy_stays_no_car_news(cli) -> None:
    (record,) = classified(cli, ["Hanoi opens Vietnam's first proton therapy centre"])
    assert makers(record) == []
    assert record["automotive"] is False
