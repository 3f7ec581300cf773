"""Through the real CLI: trial 50's business news under the carmaker's name. The bank (MUFG,
Mitsubishi UFJ), the trading houses (Mitsubishi Corp, Mitsui & Co, Sumitomo Corp), Mitsubishi
Electric's grid business and Seven & i's stores were shown as car news of a car feed; a bare
"Mitsubishi" beside the trading house's or the bank's business was Mitsubishi Motors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import serve_titles

OTHER_COMPANIES = {
    "MUFG (8306.T) H1 net income ¥1.3T, raises FY forecast to ¥2.1T": "MUFG",
    "Mitsubishi UFJ Financial Group to buy 20% of Shriram Finance": "MUFG",
    "Mitsubishi Corp. announces 1tn yen buyback, raises dividend": "Mitsubishi Corporation",
    "Mitsubishi Electric raises forecast on power grid, data center demand": "Mitsubishi Electric",
    "Seven & i to slow North American store openings after profit drop": "Seven & i",
    "Mitsui & Co. raises profit forecast on LNG, iron ore": "Mitsui & Co",
    "Sumitomo Corp. raises profit forecast on mineral resources": "Sumitomo Corporation",
    "Mitsubishi Heavy wins order for two LNG carriers": "Mitsubishi Heavy Industries",
}
CARMAKERS = [
    "Mitsubishi Motors cuts profit forecast by 40% on tariffs, ASEAN slump",
    "Toyota raises full-year profit outlook to 3.4tn yen despite tariff hit",
    "Honda cuts annual profit forecast by 21% on chip shortage",
    "Mazda cuts operating profit forecast to 50bn yen from 150bn yen",
    "Subaru operating profit falls 45% in first half",
    "Nissan swings to 221.9bn yen net loss in first half",
    "Suzuki lifts full-year profit outlook to 600bn yen",
    "Kia quarterly profit halves as U.S. tariffs cost $860 million",
    "Hyundai Motor quarterly profit drops 29% as U.S. tariffs cost $1.3 billion",
    "Isuzu Motors H1 operating profit ¥102B, down 14%",
]


def _classified(cli: Any, *args: str) -> list[dict[str, Any]]:
    result = cli("classify", "--format", "jsonl", *args)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines() if line.strip()]


def test_the_other_mitsubishis_and_trading_houses_are_no_car_news_of_a_car_feed(
    cli: Any,
) -> None:
    records = _classified(cli, "--car-feed", *OTHER_COMPANIES)
    for record, company in zip(records, OTHER_COMPANIES.values(), strict=True):
        assert record["automotive"] is False, record["title"]
        assert record["makers"] == [], record["title"]
        assert company in [c["name"] for c in record["companies"]], record["title"]


def test_a_bare_mitsubishi_beside_another_mitsubishis_business_is_not_the_carmaker(
    cli: Any,
) -> None:
    shale, missile, recall, results = _classified(
        cli,
        "Mitsubishi to buy U.S. shale gas assets for $5.2bn",
        "Mitsubishi wins missile order from Japan's defense ministry",
        "Mitsubishi recalls 50,000 Outlanders over brake fault",
        "Mitsubishi cuts profit forecast on tariffs, ASEAN slump",
    )
    assert shale["makers"] == [] and missile["makers"] == []
    assert [m["name"] for m in recall["makers"]] == ["Mitsubishi"]
    assert [m["name"] for m in results["makers"]] == ["Mitsubishi"]


def test_a_car_feeds_digest_leaves_out_the_other_mitsubishis(
    cli: Any, home: Path, httpserver: HTTPServer
) -> None:
    url = serve_titles(httpserver, [*CARMAKERS, *list(OTHER_COMPANIES)[:4]], "/autos")
    result = cli("digest", "--feed", url, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    shown = {s["title"] for story in json.loads(result.out)["stories"] for s in story["sources"]}
    assert "Mitsubishi Motors cuts profit forecast by 40% on tariffs, ASEAN slump" in shown
    assert shown.isdisjoint(OTHER_COMPANIES), shown & set(OTHER_COMPANIES)
