"""Through the real CLI: what trial 46's re-check (a Tesla/BYD/VW investor reading English,
German and Chinese) still found split. One release's percentages of different measures (a
market share's 1.9%, the registrations' fall of 48%) were ruled "different percentages"; a
German report of a delay ("BYD verschiebt Serienfertigung in Ungarn") read no turn, no mass
production and no Hungary; a Chinese report of an executive's exit was ruled "a change of
people / other news" against the English one, which the classifier also reads as leadership,
while `story A B` said a merge needed "a figure both tell" beside "shared figures: 12"."""

from __future__ import annotations

from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, story_of, titles

# (outlet, hours before the run, title, summary)
MEASURES = [
    (
        "Reuters",
        6,
        "Tesla's Europe sales slump 48% in October as BYD gains",
        "Tesla registered 6,964 cars in Europe in October, down 48% from a year earlier, ACEA "
        "data showed, while BYD's rose.",
    ),
    (
        "Electrive",
        5,
        "Tesla's European market share shrinks to 1.9% in October, ACEA data shows",
        "Tesla registered 6,964 cars in Europe in October, down 48% on the year, giving it 1.9% "
        "of the market.",
    ),
]
HUNGARY = [
    (
        "Reuters",
        8,
        "BYD delays mass production at Hungary plant to 2027",
        "China's BYD has pushed back the start of mass production at its plant in Szeged, "
        "Hungary, to early 2027, two sources said.",
    ),
    (
        "Handelsblatt",
        7,
        "BYD verschiebt Serienfertigung in Ungarn auf 2027",
        "Das Werk in Szeged sollte ursprünglich Ende 2025 anlaufen. Nun soll die "
        "Massenproduktion erst Anfang 2027 starten.",
    ),
    (
        "CnEVPost",
        6,
        "BYD's Hungary plant mass production pushed to early 2027, report says",
        "The Szeged plant will initially produce the Dolphin Surf and Atto 2.",
    ),
]
MENON = [
    (
        "Reuters",
        6,
        "Tesla head of vehicle programs Sanjay Menon leaves after 12 years",
        "Sanjay Menon, who led Tesla's vehicle programs including the Model Y refresh, has left "
        "the company, according to a post on LinkedIn.",
    ),
    (
        "36Kr",
        4,
        "特斯拉汽车项目负责人Sanjay Menon离职 任职12年",
        "特斯拉汽车项目负责人Sanjay Menon宣布离职，他曾主导Model Y焕新版项目。",
    ),
]


def _one_story(cli: Any, httpserver: HTTPServer, rows: list[tuple[str, float, str, str]]) -> None:
    digest = digest_of_rows(cli, httpserver, rows, "2d")
    assert titles(story_of(digest, rows[0][2])) == {title for _, _, title, _ in rows}


def test_a_share_and_a_fall_of_one_release_are_one_story(
    cli: Any, home: Any, httpserver: HTTPServer
) -> None:
    _one_story(cli, httpserver, MEASURES)


def test_a_german_report_of_a_delay_joins_its_story(
    cli: Any, home: Any, httpserver: HTTPServer
) -> None:
    _one_story(cli, httpserver, HUNGARY)


def test_a_chinese_report_of_an_executive_leaving_joins_its_story(
    cli: Any, home: Any, httpserver: HTTPServer
) -> None:
    _one_story(cli, httpserver, MENON)


def test_story_a_b_says_a_small_count_tells_no_event(
    cli: Any, home: Any, httpserver: HTTPServer
) -> None:
    """Two posts of one maker that share only "12 years": `story A B` says why 12 is not the
    figure a merge needs, instead of asking for "a figure both tell" beside it."""
    rows = [
        ("Reuters", 6, "Ford's software chief leaves after 12 years", ""),
        ("Electrek", 5, "Ford names new design head, a veteran of 12 years", ""),
    ]
    digest = digest_of_rows(cli, httpserver, rows, "2d")
    first, second = (story_of(digest, title)["id"] for _, _, title, _ in rows)
    assert first != second
    apart = cli("story", first, second)
    assert apart.code == 0, apart.err
    assert "a figure both tell that marks an event" in apart.out, apart.out
    assert "not a small count" in apart.out
