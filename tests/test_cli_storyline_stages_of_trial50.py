"""Through the real CLI: blind trial 50 (a Tokyo analyst in earnings week) saw stages of one
storyline made one story: a union's vote to strike and the strike itself days later, a raised
tender offer and the activist's rejection of it, a results schedule ("to announce ... results
on November 6") and the results, a maker's half-year results and its monthly sales,
production and exports ("results" of one maker was all they shared). Each is news of its own
(``cluster/storyline_stages``, ``turn_conflicts``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

STRIKE_VOTE: list[Row] = [
    (
        "joongang",
        68,
        "Hyundai Motor union votes to strike over bonuses, retirement age",
        "Hyundai Motor's labor union voted 89.2 percent in favor of a strike on Tuesday after "
        "wage talks broke down over performance bonuses.",
    ),
    (
        "reuters",
        66,
        "Hyundai Motor union members vote to strike for first time in seven years",
        "Members of Hyundai Motor's main union in South Korea voted in favour of a strike, the "
        "union said on Tuesday.",
    ),
]
STRIKE: list[Row] = [
    (
        "joongang",
        45,
        "Hyundai Motor union stages partial strike, halting Ulsan lines for four hours",
        "Hyundai Motor's union walked off the job for four hours per shift on Wednesday at its "
        "Ulsan, Asan and Jeonju plants.",
    ),
    (
        "reuters",
        44,
        "Hyundai Motor workers stage first strike in seven years",
        "Unionised workers at Hyundai Motor staged a partial strike on Wednesday, the first "
        "walkout in seven years at South Korea's biggest automaker.",
    ),
]
OFFER_RAISED: list[Row] = [
    (
        "nikkei",
        67,
        "Toyota group raises Toyota Industries buyout offer to 18,800 yen a share",
        "Toyota Fudosan raised its tender offer price for Toyota Industries by 15% to 18,800 yen "
        "per share after pressure from activist Elliott Management.",
    ),
    (
        "reuters",
        66,
        "Toyota sweetens $39 billion Toyota Industries take-private bid after Elliott pressure",
        "Toyota Motor group raised its offer for affiliate Toyota Industries by 15% to 18,800 yen "
        "per share on Tuesday.",
    ),
]
REJECTED: list[Row] = [
    (
        "reuters",
        43,
        "Elliott says raised Toyota Industries bid still undervalues company, won't tender",
        "Elliott Management said on Wednesday that Toyota group's raised offer of 18,800 yen a "
        "share still significantly undervalues the company.",
    ),
    (
        "nikkei",
        42.5,
        "Elliott rejects sweetened Toyota Industries offer",
        "Activist fund Elliott Management said it would not tender its Toyota Industries shares "
        "at 18,800 yen.",
    ),
]
SCHEDULE: list[Row] = [
    (
        "newsroom",
        52,
        "Nissan to announce first-half fiscal year 2026 financial results on November 6",
        "Nissan Motor Co., Ltd. will announce its financial results for the first half of fiscal "
        "year 2026 on Thursday, November 6, 2026.",
    ),
]
RESULTS: list[Row] = [
    (
        "newsroom",
        39,
        "Nissan reports financial results for the first half of fiscal year 2026",
        "Nissan Motor Co., Ltd. today announced its financial results for the first half of "
        "fiscal year 2026. Net revenue was 5.58 trillion yen.",
    ),
    (
        "reuters",
        38.5,
        "Nissan posts $1.4 billion first-half loss, sees deeper annual operating loss",
        "Nissan Motor reported a net loss of 221.9 billion yen ($1.44 billion) for "
        "April-September.",
    ),
    (
        "nikkei",
        38,
        "Nissan swings to 221.9bn yen net loss in first half, forecasts 275bn yen operating loss",
        "Nissan Motor posted a net loss of 221.9 billion yen for April-September and gave its "
        "first full-year forecast, an operating loss of 275 billion yen.",
    ),
    (
        "marketscreener",
        38,
        "Nissan Motor H1 EPS -¥63.50; operating loss ¥27.7B",
        "Nissan Motor (7201.T) first-half EPS of -¥63.50; revenue ¥5.58 trillion, down 6.8%; "
        "operating loss ¥27.7 billion.",
    ),
    (
        "japantimes",
        37,
        "Nissan sinks to ¥221.9 billion net loss in April-September",
        "Nissan Motor logged a net loss of ¥221.9 billion for the April-September period.",
    ),
]
MONTH: list[Row] = [
    (
        "toyota",
        51,
        "Toyota's October 2026 Sales, Production, and Export Results",
        "Toyota Motor Corporation announced its October 2026 sales, production, and export "
        "results. Global production was 857,000 units, up 3.1% year on year.",
    ),
]
HALF: list[Row] = [
    (
        "toyota",
        64,
        "Toyota Motor Corporation Announces Financial Results for the First Half of FY2027",
        "Toyota Motor Corporation today announced its consolidated financial results for the six "
        "months ended September 30, 2026.",
    ),
    (
        "reuters",
        63.5,
        "Toyota quarterly profit slides 27% as U.S. tariffs bite",
        "Toyota Motor's operating profit fell 27% in the July-September quarter to 840 billion "
        "yen.",
    ),
    (
        "nikkei",
        63,
        "Toyota raises full-year profit outlook to 3.4tn yen despite tariff hit",
        "Toyota Motor lifted its operating profit forecast for the year ending March 2027 to 3.4 "
        "trillion yen from 3.2 trillion yen.",
    ),
    (
        "japantimes",
        62.5,
        "Toyota's operating profit falls 27% in July-September quarter",
        "Toyota Motor said Wednesday its group operating profit dropped 27% to ¥840 billion in "
        "the July-September period.",
    ),
    (
        "marketscreener",
        62,
        "Toyota Motor Q2 EPS ¥71.40 vs. ¥73.20 est.; revenue ¥12.4T",
        "Toyota Motor Corporation (7203.T, TM) reported second-quarter earnings per share of "
        "¥71.40. Revenue rose 6% to ¥12.4 trillion.",
    ),
]


def _digest(cli: Any, httpserver: HTTPServer, rows: list[Row]) -> dict[str, Any]:
    return digest_of_rows(cli, httpserver, rows, "3d")


def _all(rows: list[Row]) -> set[str]:
    return {title for _, _, title, _ in rows}


def test_a_strike_vote_and_the_strike_are_two_stories(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, STRIKE_VOTE + STRIKE)
    assert titles(story_of(digest, STRIKE_VOTE[0][2])) == _all(STRIKE_VOTE)
    assert titles(story_of(digest, STRIKE[0][2])) == _all(STRIKE)


def test_a_raised_offer_and_its_rejection_are_two_stories(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, OFFER_RAISED + REJECTED)
    assert titles(story_of(digest, OFFER_RAISED[0][2])) == _all(OFFER_RAISED)
    assert titles(story_of(digest, REJECTED[0][2])) == _all(REJECTED)


def test_a_results_schedule_is_apart_from_the_results(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, SCHEDULE + RESULTS + HALF + MONTH)
    assert titles(story_of(digest, SCHEDULE[0][2])) == _all(SCHEDULE)


def test_a_months_sales_and_output_are_apart_from_the_half_years_results(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, SCHEDULE + RESULTS + HALF + MONTH)
    assert titles(story_of(digest, MONTH[0][2])) == _all(MONTH)


def test_story_a_b_says_a_strike_vote_is_not_the_strike(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, STRIKE_VOTE + STRIKE)
    vote, strike = story_of(digest, STRIKE_VOTE[0][2]), story_of(digest, STRIKE[0][2])
    result = cli("story", vote["id"], strike["id"])
    assert result.code == 0, result.err
    assert "a strike vote / the strike" in result.out


def test_story_a_b_says_a_schedule_is_no_results_and_a_month_no_half_year(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, SCHEDULE + RESULTS + HALF + MONTH)
    schedule, results = story_of(digest, SCHEDULE[0][2]), story_of(digest, RESULTS[0][2])
    result = cli("story", schedule["id"], results["id"])
    assert result.code == 0, result.err
    assert "an expectation / the figures" in result.out
    month, half = story_of(digest, MONTH[0][2]), story_of(digest, HALF[0][2])
    result = cli("story", month["id"], half["id"])
    assert result.code == 0, result.err
    assert "a month's sales or output / a period's results" in result.out
