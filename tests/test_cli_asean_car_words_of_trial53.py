"""Trial 53's ASEAN car-market items as `autonews classify --format json` labels them: the
region's market words say cars (TIV, Motor Expo, the national car bodies), a whole market's
monthly sales told by its industry body are no one maker's news whatever makers the summary
names, and motorcycles are no car news alike whoever makes them (Honda's Wave 125i and its
motorcycle sales were shown, Yamaha's scooters hidden)."""

from __future__ import annotations

import json


def classified(cli, title: str, summary: str = "") -> dict[str, object]:
    args = ["classify", "--format", "json", title]
    result = cli(*args, *(["--summary", summary] if summary else []))
    assert result.code == 0, result.err
    record = json.loads(result.out)
    return record[0] if isinstance(record, list) else record


def makers(record: dict[str, object]) -> list[str]:
    return [str(maker["name"]) for maker in record["makers"]]  # type: ignore[index, union-attr]


def test_the_regions_market_words_say_cars(cli) -> None:
    for title, summary in [
        (
            "MAA revises 2026 TIV forecast to 790,000 units",
            "The Malaysian Automotive Association now expects total industry volume to fall 3% "
            "this year after sales slowed in the fourth quarter.",
        ),
        (
            "Motor Expo bookings pass 38,000 with four days to go",
            "Chinese brands account for more than half of the bookings at the Thailand "
            "International Motor Expo, organisers said.",
        ),
        ("Malaysia extends CBU EV duty exemption to 2027", ""),
    ]:
        assert classified(cli, title, summary)["automotive"] is True, title


def test_a_markets_sales_told_by_its_body_are_no_makers_news(cli) -> None:
    gaikindo = classified(
        cli,
        "Indonesia's November car sales fall 6% - Gaikindo",
        "Indonesian car wholesales fell 6% in November from a year earlier to 70,120 units, "
        "industry association Gaikindo said on Sunday; BYD's sales rose 40%.",
    )
    vama = classified(
        cli,
        "Vietnam car sales up 8% in November",
        "VAMA members sold 38,910 vehicles in November, up 8% year-on-year, with Toyota, Hyundai "
        "and Mitsubishi leading; VinFast does not report to VAMA.",
    )
    assert (gaikindo["automotive"], makers(gaikindo)) == (True, [])
    assert (vama["automotive"], makers(vama)) == (True, [])
    perodua = classified(
        cli,
        "Perodua sales hit 32,100 units in November",
        "Perodua said its November sales rose 5% to 32,100 units.",
    )
    assert makers(perodua) == ["Perodua"]  # one maker's own sales stay its own


def test_motorcycles_are_no_car_news_whoever_makes_them(cli) -> None:
    for title, summary in [
        ("AP Honda launches Wave 125i 2027", "New colours, price unchanged at 56,900 baht."),
        ("Thai motorcycle sales up 3% in October", "1.41 million units; Honda holds 78% share."),
        (
            "Yamaha to build electric scooters in Pulogadung plant",
            "Yamaha Indonesia Motor Manufacturing will start production next year.",
        ),
    ]:
        record = classified(cli, title, summary)
        assert (record["automotive"], makers(record)) == (False, []), title
    car = classified(cli, "Honda launches City Hatchback in Thailand")
    assert makers(car) == ["Honda"]
