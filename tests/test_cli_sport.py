"""Trial 38, through the real CLI: sport is no car-industry news, whichever maker's team races
or whose name a ground bears, and a maker named only in a list of names is not a text's subject.
"""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss, serve_titles

# A sports desk's titles: results, qualifying, line-ups, a team boss, grounds named after makers.
SPORT = [
    "Russell wins Las Vegas Grand Prix for Mercedes as Norris crashes out",
    "Mercedes confirm Antonelli and Russell for 2027",
    "Russell on pole for Mercedes in Abu Dhabi as Norris starts third",
    "Hamilton's Ferrari struggles continue with Q1 exit in Las Vegas",
    "Leclerc: Ferrari 'have to be better' in 2026",
    "Cadillac names Perez and Bottas as F1 drivers for debut season",
    "Ogier takes seventh title for Toyota at Rally Japan",
    "Kia Oval to host 2027 Ashes opener",
    "Surrey's new captain: 'Kia Oval is where I belong'",
    "FC Dallas edge Austin on penalties at Toyota Stadium",
    "Lakers beat Clippers at Honda Center",
]
# A maker's own racing news, and its business news, on the same desk: car news, with the maker.
MAKERS_RACING = {
    "Toyota Wins Le Mans 24 Hours for Fifth Straight Year": "Toyota",
    "Cadillac Confirmed as 11th Formula 1 Team for 2026": "Cadillac",
    "Ferrari Wins Le Mans With 499P": "Ferrari",
    "Ferrari raises 2026 targets as wealthy buyers shrug off tariffs": "Ferrari",
}


def test_a_race_result_or_a_sponsors_ground_is_not_car_news(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Every F1 headline naming Mercedes or Ferrari was car news, labelled incident, launch or
    financials ("Q1" read as a quarter); "Kia Oval" was Kia's, "Toyota Stadium" Toyota's legal
    news. A maker's own racing news keeps its maker."""
    titles = [*SPORT, *MAKERS_RACING]
    feed = (
        "--feed",
        serve_titles(httpserver, titles, "/sport"),
        "--no-extract",
        "--format",
        "json",
    )
    digest = cli("digest", *feed).json()
    shown = {story["title"]: story["makers"] for story in digest["stories"]}
    assert set(shown) == set(MAKERS_RACING)
    for title, maker in MAKERS_RACING.items():
        assert [m["name"] for m in shown[title]] == [maker], title
    assert digest["not_about_cars"] == len(SPORT)
    everything = cli("digest", *feed, "--offline", "--all-topics").json()
    sport = [s for s in everything["stories"] if s["title"] in SPORT]
    assert len(sport) == len(SPORT)
    assert all(not s["automotive"] and not s["makers"] and s["event"] == "other" for s in sport)


def test_explain_says_why_a_race_is_sport_and_a_ground_no_brand(cli) -> None:
    result = cli(
        "classify",
        "--explain",
        "Hamilton's Ferrari struggles continue with Q1 exit in Las Vegas",
        "Kia Oval to host 2027 Ashes opener",
    )
    assert result.code == 0, result.err
    assert "'Q1 exit' says it is a race's news, told as sport" in result.out
    assert "ignored 'Kia Oval': a sponsor's ground" in result.out
    assert "financials" not in result.out.split("event: ", 1)[1].split("\n", 1)[0]


def test_a_car_feed_keeps_its_race_reports_out(cli, home: Path, httpserver: HTTPServer) -> None:
    """A feed mostly about cars makes its terse titles car news, but not its race reports."""
    cars = [
        "Toyota Recalls 52,000 Camry Sedans Over Faulty Airbag Sensor",
        "BYD Cuts Prices of Seal and Han in China by Up to 20%",
        "GM Resumes Production at Orion Assembly Plant",
        "Porsche Delays Electric 718 Boxster to 2027",
    ]
    races = ["Verstappen wins in Qatar", "Norris and Piastri clash again"]
    feed = ("--feed", serve_titles(httpserver, [*cars, *races], "/car"), "--no-extract")
    digest = cli("digest", *feed, "--format", "json").json()
    assert {story["title"] for story in digest["stories"]} == set(cars)
    assert digest["not_about_cars"] == 2


WIRE = [
    (
        "Calpers pension fund posts 11.6% return, boosted by tech stocks",
        "The largest U.S. public pension fund said its equity holdings, which range from Apple "
        "and Microsoft to General Motors and Exxon Mobil, returned 17% in the year to June.",
    ),
    (
        "UPDATE 2-EU softens 2035 combustion engine ban in win for carmakers",
        "The European Commission proposed on Tuesday to let carmakers sell plug-in hybrids "
        "beyond 2035, a U-turn welcomed by Volkswagen, BMW and Stellantis.",
    ),
    (
        "Japan, South Korea brace for higher US tariffs",
        "Shares of Toyota, Honda, Hyundai and Kia fell in Tokyo and Seoul after Washington said "
        "it would raise duties to 35% from January.",
    ),
    (
        "Japan's big three to build software together",
        "Toyota, Honda and Nissan said on Monday they would jointly develop vehicle software.",
    ),
    (
        "Union strikes at three Detroit firms at once",
        "About 12,700 workers walked out at GM's Wentzville, Ford's Michigan Assembly and "
        "Stellantis' Toledo plants after contracts expired at midnight.",
    ),
]


MARKETS = [
    "Wall St ends higher as Nvidia rally lifts tech shares",
    "Oil falls 2% as OPEC+ signals more supply next year",
    "Walmart raises annual forecast as shoppers trade down",
    "Glencore to buy back $1 billion in shares",
    "Euro zone inflation edges up to 2.2% in November",
]


def test_a_maker_named_only_in_a_list_is_not_the_subject(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """The pension fund's return was GM's news, as "its subject", for GM in a list of holdings
    with Apple, Microsoft and Exxon Mobil; the EU's rule was Volkswagen's, first of the makers
    welcoming it. A list of makers alone still says the text is the car industry's (under
    Industry); a list that opens the text, or of what each maker owns, names its subjects."""
    items = [
        item(title, n, hours_ago=n + 1, description=summary)
        for n, (title, summary) in enumerate(WIRE)
    ]
    items += [  # a business wire: mostly not about cars
        item(title, n, hours_ago=n, description=title + ".")
        for n, title in enumerate(MARKETS, len(items))
    ]
    httpserver.expect_request("/wire").respond_with_data(rss(items))
    feed = ("--feed", httpserver.url_for("/wire"), "--no-extract", "--format", "json")
    stories = {s["title"]: s for s in cli("digest", *feed, "--all-topics").json()["stories"]}
    calpers, eu, tariffs, software, strike = (
        stories[title.removeprefix("UPDATE 2-")] for title, _ in WIRE
    )
    assert not calpers["automotive"] and calpers["makers"] == []
    assert eu["automotive"] and eu["makers"] == []
    assert tariffs["automotive"] and tariffs["makers"] == []
    assert [m["name"] for m in software["makers"]] == ["Toyota", "Honda", "Nissan"]
    # A list of what each maker owns is each one's news.
    assert [m["name"] for m in strike["makers"]] == ["GM", "Ford", "Stellantis"]
    text = cli("digest", *feed[:-2], "--offline", "--format", "text").out
    assert "Calpers" not in text


def test_classify_explains_a_maker_only_listed(cli) -> None:
    title, summary = WIRE[0]
    line = json.dumps({"title": title, "summary": summary})
    result = cli("classify", "--explain", "--format", "json", stdin=line + "\n")
    assert result.code == 0, result.err
    (labels,) = json.loads(result.out)
    assert labels["makers"] == [] and labels["automotive"] is False
    assert any("only in a list of names" in reason for reason in labels["reasons"])
