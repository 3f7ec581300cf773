"""Trial 49 (an enthusiast reading the motoring magazines), through the real CLI: what kind of
piece a title is decides what its summary may add (#1, #2), auctions and spy shots have the
events the labelling conventions give them (#2), Formula 1 told as sport files no maker (#3), a
model's name is evidence of its maker (#4), a group's usual name takes its brands (#4, and trial
48 Bug 3), and a dated launch with its price is no teaser (#2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.classified import labels_of
from tests.helpers.feeds import serve_titles


def _makers(labels: dict) -> list[str]:
    return [maker["name"] for maker in labels["makers"]]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # A comparison test: "buy" is the reader's choice, no takeover (was ownership).
        (
            "Giant test: Skoda Elroq vs Volkswagen ID.3 vs Kia EV3",
            "Three electric family cars at around £35,000. Which one should you buy?",
        ),
        # A buyer's list: its cars are "on sale", no launch (was launch).
        (
            "Best family cars 2026",
            "The best family cars on sale in the UK, from the Skoda Octavia to the Kia Sportage.",
        ),
        # A question put to readers (was partnership on a sign-up line's "sign").
        (
            "Would You Rather: Jeep Wrangler Or Ford Bronco?",
            "Two off-roaders, one driveway. Pick wisely. Sign the petition below and tell us.",
        ),
    ],
)
def test_a_summary_of_a_list_question_or_review_names_no_event_in_passing(
    cli, title: str, summary: str
) -> None:
    labels = labels_of(cli, title, summary)
    assert labels["event"] == "other", labels
    assert labels["automotive"], labels


def test_a_summary_that_plainly_tells_an_event_still_does(cli) -> None:
    """A decisive phrase in the first sentence is strong evidence, whatever the title asks."""
    labels = labels_of(
        cli,
        "Is your Kuga safe to drive?",
        "Ford is recalling 41,000 Kuga plug-in hybrids over a battery fire risk. Here's why.",
    )
    assert (labels["event"], _makers(labels)) == ("recall", ["Ford"]), labels


def test_a_lists_summary_gives_it_no_makers(cli) -> None:
    """ "20 best hot hatches" was filed under Honda and Hyundai, its entries."""
    labels = labels_of(
        cli,
        "The 20 best hot hatches you can buy in 2026",
        "From the Honda Civic Type R to the Hyundai i20 N's spiritual successors, these are the "
        "fast hatchbacks we'd spend our own money on.",
    )
    assert (labels["event"], _makers(labels)) == ("other", []), labels


@pytest.mark.parametrize(
    ("title", "event", "makers"),
    [
        ("Bonhams: 1962 Ferrari 250 GT SWB Berlinetta fetches £8.9m", "other", ["Ferrari"]),
        ("Ex-Ayrton Senna Honda NSX sells for £520,000", "other", ["Honda"]),
        (
            "Record £340,000 paid for Lancia Delta Integrale Evo II 'Final Edition'",
            "other",
            ["Lancia"],
        ),
        # A model of the past is evidence of its maker (was "'Ford' without evidence").
        (
            "Silverstone Auctions: Ford Sierra RS500 Cosworth sets £180,000 record",
            "other",
            ["Ford"],
        ),
        # A spy shot is a coming model's launch, not production news.
        ("Porsche 718 Cayman EV Caught Testing With Production Body", "launch", ["Porsche"]),
    ],
)
def test_auctions_are_no_event_and_spy_shots_are_launches(
    cli, title: str, event: str, makers: list[str]
) -> None:
    labels = labels_of(cli, title)
    assert (labels["event"], _makers(labels)) == (event, makers), labels


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Aston Martin F1: Newey's first car 'on schedule' for 2026 season",
            "Team principal Andy Cowell says the Adrian Newey-designed AMR26 passed its crash "
            "tests at the first attempt.",
        ),
        (
            "Hamilton: Ferrari 'must give me a better car' for 2027",
            "The seven-time champion finished sixth in his second season with the Scuderia and "
            "admits his frustration.",
        ),
        (
            "Alpine's Briatore: 'We sacrificed 2026 for the future'",
            "The Alpine executive adviser says the team's last-place finish was the price of an "
            "early switch to next year's car.",
        ),
    ],
)
def test_formula_one_told_as_sport_files_no_maker(cli, title: str, summary: str) -> None:
    labels = labels_of(cli, title, summary)
    assert (_makers(labels), labels["event"], labels["automotive"]) == ([], "other", False)


def test_a_makers_own_car_news_with_a_racers_surname_stays_car_news(cli) -> None:
    """A shared surname ("Hamilton") with no word of racing in the title or summary is no
    racer: Aston Martin's Hamilton dealer is car news."""
    labels = labels_of(
        cli,
        "Hamilton: Aston Martin opens new car showroom",
        "The dealer group's new site in Hamilton, Ontario, sells the Vantage and DBX.",
    )
    assert _makers(labels) == ["Aston Martin"], labels


def test_explain_says_which_text_named_the_maker(cli) -> None:
    """Trial 49: "not Alpine: 'Alpine' without automotive evidence", then "maker Alpine", with
    nothing between to say the summary named it."""
    told = cli(
        "classify",
        "--explain",
        "Alpine's bold plan: 'We sacrificed 2026 for the future'",
        "--summary",
        "The Alpine boss says the brand's new A390 car was worth the wait.",
    )
    assert told.code == 0, told.err
    assert "makers from the summary/body: Alpine," in told.out, told.out


GROUP_TITLES = [
    "Chevrolet recalls 120,000 Silverado pickups over tailgate latch",
    "Mercedes-AMG C63 Prototype Spied With A Suspiciously V8-Sounding Exhaust",
    "Volkswagen Golf GTI Edition 50 priced from £44,000",
    "Audi recalls 20,000 Q4 e-tron SUVs over seat belt fault",
]


def test_a_groups_usual_name_takes_its_brands(cli, home: Path, httpserver: HTTPServer) -> None:
    """`--maker Mercedes` said "none by Mercedes-Benz" beside a Mercedes-AMG story, and a named
    digest's `makers = ["GM"]` missed a Chevrolet recall (trial 48 Bug 3). Volkswagen is VW's
    own cars: Audi's are the group's."""
    feed = ("--feed", serve_titles(httpserver, GROUP_TITLES), "--no-extract")

    def titles(*maker: str) -> set[str]:
        result = cli("digest", "--format", "json", *feed, *maker)
        assert result.code == 0, result.err
        return {story["title"] for story in result.json()["stories"]}

    assert titles("--maker", "GM") == {GROUP_TITLES[0]}
    assert titles("--maker", "Mercedes") == {GROUP_TITLES[1]}
    assert titles("--maker", "Volkswagen") == {GROUP_TITLES[2]}
    assert titles("--maker", "Volkswagen Group") == {GROUP_TITLES[2], GROUP_TITLES[3]}


STAGE_TITLES = [
    "Xpeng to launch G7 SUV in UK priced from £46,000",
    "2027 BMW M3 EV Spied Testing At The Nürburgring With Less Camo",
    "Kia teases EV2 ahead of reveal next week",
]


def test_a_dated_launch_with_its_price_is_no_teaser(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """`--event teaser` listed "Xpeng to launch G7 SUV in UK priced from £46,000"; a spy shot
    is a launch at its coming stage, the teaser's, not one on sale."""
    feed = ("--feed", serve_titles(httpserver, STAGE_TITLES), "--no-extract")

    def titles(event: str) -> set[str]:
        result = cli("digest", "--format", "json", *feed, "--event", event)
        assert result.code == 0, result.err
        return {story["title"] for story in result.json()["stories"]}

    assert titles("teaser") == {STAGE_TITLES[1], STAGE_TITLES[2]}
    assert titles("on sale") == {STAGE_TITLES[0]}
    assert titles("launch") == set(STAGE_TITLES)
