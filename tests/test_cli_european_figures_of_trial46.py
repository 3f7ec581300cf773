"""Trials 46 and 47's German and French figures, through the real CLI: a German or French title
groups thousands with a dot and writes decimals with a comma ("Tesla ruft 24.214 Cybertrucks
zurück" recalls 24,214 trucks, "1,2 Mrd. Euro" are 1.2 billion euros), says billions as "Mrd.",
"Milliarden", "milliards" or "Md€", percentages as "Prozent" or "2,1 %", and spells small
numbers out ("um zwölf Prozent"); an English title keeps its own convention. Trial 46 read
"24.214 Cybertrucks" as 24.214 and "10.000 Yuan" as 10 yuan, and no figure at all of "63.419
Model Y", "1,2 Mrd. Euro" or "58 Prozent"; so a German report of a recall was ruled out of its
story ("different unit counts"). And a 环比 of a week's figures is week-on-week."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

FIGURES = [
    # title, then each figure's text, kind, value, unit and direction
    (
        "Zweiter Rückruf binnen Stunden: Tesla ruft 24.214 Cybertrucks zurück",
        [("24.214 Cybertrucks", "units", 24214, "vehicles", None)],
    ),
    (
        "Rückruf: Tesla ruft in den USA 63.419 Model Y wegen Airbag-Software zurück",
        [("63.419 Model Y", "units", 63419, "vehicles", None)],
    ),
    (
        "Preiskampf in China: Tesla senkt Preise für Model 3 um 10.000 Yuan auf 225.500 Yuan",
        [
            ("10.000 Yuan", "money", 10000, "CNY", None),
            ("225.500 Yuan", "money", 225500, "CNY", None),
        ],
    ),
    (
        "VW: Operatives Ergebnis bricht um 58 Prozent auf 1,2 Mrd. Euro ein",
        [
            ("58 Prozent", "percent", 58, "%", "down"),
            ("1,2 Mrd. Euro", "money", 1.2e9, "EUR", None),
        ],
    ),
    (
        "BYD: Absatz sinkt im Oktober um zwölf Prozent auf 441.706 Fahrzeuge",
        [
            ("zwölf Prozent", "percent", 12, "%", "down"),
            ("441.706 Fahrzeuge", "units", 441706, "vehicles", None),
        ],
    ),
    (
        "Tesla: Umsatz von 28,1 Mrd. Dollar im dritten Quartal",
        [("28,1 Mrd. Dollar", "money", 2.81e10, "USD", None)],
    ),
    (
        "Tesla: Gewinn bricht im dritten Quartal um 31 Prozent ein",
        [("31 Prozent", "percent", 31, "%", "down")],
    ),
    (
        "Tesla-Aktie bricht nach Quartalszahlen um sieben Prozent ein",
        [("sieben Prozent", "percent", 7, "%", "down")],
    ),
    (
        "Porsche: Neuer Chef Leiters streicht 1.900 weitere Stellen",
        [("1.900 weitere Stellen", "units", 1900, "jobs", None)],
    ),
    (
        "Inflation in Deutschland steigt im Oktober auf 2,4 Prozent",
        [("2,4 Prozent", "percent", 2.4, "%", None)],
    ),
    (
        "Le marché automobile européen recule de 2,1 % en novembre",
        [("2,1 %", "percent", 2.1, "%", "down")],
    ),
    (
        "Mistral AI lève 1,7 milliard d'euros",
        [("1,7 milliard d'euros", "money", 1.7e9, "EUR", None)],
    ),
    (
        "Sanofi rachète une biotech américaine pour 9 milliards de dollars",
        [("9 milliards de dollars", "money", 9e9, "USD", None)],
    ),
    (
        "Renault : chiffre d'affaires de 12,3 Md€ au premier semestre",
        [("12,3 Md€", "money", 1.23e10, "EUR", None)],
    ),
    # "ab" (from) bounds the price, and is kept in its text as "from" is (trial 49 F1)
    (
        "Der neue Transporter kostet ab 39.990 € netto",
        [("ab 39.990 €", "money", 39990, "EUR", None)],
    ),
    # English keeps its convention; a count of whole things with three decimals is a count
    (
        "Volkswagen profit falls 58% to 1.2 billion euros",
        [("58%", "percent", 58, "%", "down"), ("1.2 billion euros", "money", 1.2e9, "EUR", None)],
    ),
    (
        "Tesla Q3 deliveries 497,099, beating estimates",
        [("497,099", "units", 497099, "vehicles", None)],
    ),
    (
        "Tesla recalls 24.214 Cybertrucks",
        [("24.214 Cybertrucks", "units", 24214, "vehicles", None)],
    ),
    (
        "UK car output falls five per cent in October",
        [("five per cent", "percent", 5, "%", "down")],
    ),
]


def _labels(cli, *titles: str) -> list[dict]:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(titles) + "\n")
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_german_french_and_english_figures_are_read_by_their_languages_convention(cli) -> None:
    labels = _labels(cli, *(title for title, _ in FIGURES))
    for (title, expected), label in zip(FIGURES, labels, strict=True):
        told = [
            (f["text"], f["kind"], f["value"], f["unit"], f["direction"]) for f in label["figures"]
        ]
        assert told == expected, title


def test_a_sequential_change_of_a_weeks_figures_is_week_on_week(cli) -> None:
    [weekly] = _labels(cli, "特斯拉中国上周上险量1.47万辆 环比增长21%")
    percent = [f for f in weekly["figures"] if f["kind"] == "percent"]
    assert [(f["value"], f["measure"]) for f in percent] == [(21, "wow")]  # was month-on-month
    explained = cli("classify", "--explain", "特斯拉中国上周上险量1.47万辆 环比增长21%")
    assert "week-on-week ('环比')" in explained.out


# Trial 46's Cybertruck recall in English, German and Chinese, beside the Model Y recall of the
# same morning and a German item about something else.
RECALL = [
    (
        "Tesla recalls 24,214 Cybertrucks as exterior light bar may detach",
        "Tesla is recalling 24,214 Cybertrucks because the front light bar may come loose, "
        "NHTSA said.",
    ),
    (
        "Tesla Cybertruck recalled again: 24,214 trucks at risk of losing their light bar",
        "It's the Cybertruck's tenth recall. Service centers will add a mechanical fastener.",
    ),
    (
        "Zweiter Rückruf binnen Stunden: Tesla ruft 24.214 Cybertrucks zurück",
        "Beim Cybertruck kann sich die Lichtleiste an der Front lösen. Erst am Morgen hatte Tesla "
        "einen Rückruf für das Model Y bekanntgegeben.",
    ),
    ("特斯拉召回24214辆Cybertruck 车头灯条可能脱落", "部分Cybertruck前部灯条可能在行驶中脱落。"),
]
MODEL_Y = [
    (
        "Tesla recalls 63,419 Model Y SUVs over airbag sensor software",
        "Tesla is recalling 63,419 Model Y vehicles in the United States, NHTSA said.",
    ),
    (
        "Rückruf: Tesla ruft in den USA 63.419 Model Y wegen Airbag-Software zurück",
        "Eine fehlerhafte Software kann den Beifahrer-Airbag deaktivieren.",
    ),
]


def test_a_german_report_joins_its_english_and_chinese_story(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """The Handelsblatt recall stood alone: its 24.214 Cybertrucks were 24 trucks and a fraction,
    a count no other report of the recall had."""
    told = [*RECALL, *MODEL_Y]
    items = [
        item(title, n, hours_ago=2, description=summary) for n, (title, summary) in enumerate(told)
    ]
    httpserver.expect_request("/feed").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    feed = ("--feed", httpserver.url_for("/feed"), "--no-extract", "--format", "json")
    digest = cli("digest", *feed).json()
    stories = [{source["title"] for source in story["sources"]} for story in digest["stories"]]
    assert {title for title, _ in RECALL} in stories, stories
    assert {title for title, _ in MODEL_Y} in stories, stories
