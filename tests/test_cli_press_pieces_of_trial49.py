"""Through the real CLI: what the motoring magazines publish besides news joins no event story
(blind trial 49, an enthusiast reading Autocar, Top Gear, Auto Express, evo, Motor1).

A review titled "Ford Kuga review" joined the Kuga's recall the next day (on "Kuga, phev"), and
the recall story took the review's date and led with it; "2027 BMW M3 EV Spied Testing At The
Nürburgring" joined BMW's own teaser and titled it, and "Next-Gen Petrol BMW M3 Spied Alongside
The EV" joined the electric M3's reveal; "The 10 best sports cars of 2026" joined a Porsche 718
spy shot. Reviews, first drives, long-term tests, lists of cars to buy and columns are their
outlets' own pieces; spy shots are a photographer's catch, not the maker's event."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, story_of, titles

KUGA_RECALL = [
    (
        "Autocar",
        46.0,
        "Ford recalls 41,000 Kuga plug-in hybrids in UK over battery fire risk",
        "Owners are being told not to charge their Kuga PHEV until a fix for the high-voltage "
        "battery cells has been carried out.",
    ),
    (
        "Auto Express",
        44.5,
        "Ford Kuga PHEV recall: 41,000 UK cars affected – what owners need to do",
        "Ford has issued a recall for plug-in hybrid Kugas built between 2020 and 2024.",
    ),
    (
        "BBC News - Business",
        43.0,
        "Ford recalls thousands of Kuga hybrids over fire fears",
        "The carmaker says owners of the Kuga plug-in hybrid should stop charging their vehicles.",
    ),
]
KUGA_REVIEW = (
    "Auto Express",
    56.0,
    "Ford Kuga review",
    "The Ford Kuga is one of the best-driving family SUVs, and the Kuga PHEV plug-in hybrid "
    "offers a big electric range for company car drivers.",
)


def test_a_models_review_is_not_its_recall_nor_its_date(cli, home, httpserver: HTTPServer) -> None:
    digest = digest_of_rows(cli, httpserver, [KUGA_REVIEW, *KUGA_RECALL], "4d")
    recall = story_of(digest, "Ford recalls 41,000 Kuga")
    assert titles(recall) == {row[2] for row in KUGA_RECALL}
    # The recall story is dated and led by the recall's first report, not the review's day.
    assert recall["sources"][0]["title"] == KUGA_RECALL[0][2]
    assert recall["published"] == recall["sources"][0]["published"]
    assert titles(story_of(digest, "Ford Kuga review")) == {"Ford Kuga review"}


M3_REVEAL = [
    (
        outlet,
        hours,
        title,
        "BMW has revealed the electric M3, built on the Neue Klasse, with four motors and more "
        "than 1,000bhp; it will be sold alongside a petrol M3.",
    )
    for outlet, hours, title in (
        ("Autocar", 30.0, "New BMW M3 revealed: electric super-saloon has 1,000bhp-plus"),
        ("CAR Magazine", 27.0, "BMW M3 EV unveiled: 0-62mph in 2.9sec, on sale in 2027"),
        ("evo", 26.0, "New BMW M3 EV revealed – 1,000bhp, simulated gears and a 2027 launch"),
    )
]
# The next petrol M3's spy shot, beside the EV's reveal: another model's news.
PETROL_M3_SPIED = (
    "Motor1 Spy Shots",
    25.0,
    "Next-Gen Petrol BMW M3 Spied Alongside The EV At Munich",
    "BMW is keeping a combustion M3 around alongside the electric M3.",
)


def test_spy_shots_join_neither_the_teaser_nor_the_reveal(
    cli, home, httpserver: HTTPServer
) -> None:
    rows = [
        (
            "Motor1 Spy Shots",
            65.0,
            "2027 BMW M3 EV Spied Testing At The Nürburgring With Less Camo",
            "The quad-motor electric M3 prototype shows its production headlights and a new "
            "kidney grille design.",
        ),
        (
            "Autocar",
            45.0,
            "BMW confirms electric M3 reveal for Saturday with first official teaser",
            "A shadowy image of the quad-motor electric M3 confirms a light-up grille.",
        ),
        *M3_REVEAL,
        (
            "Motor1 Spy Shots",
            25.0,
            "Next-Gen Petrol BMW M3 Spied Alongside The EV At Munich",
            "BMW is keeping a combustion M3 around, and this prototype shows it will share the "
            "Neue Klasse styling alongside the electric M3.",
        ),
    ]
    digest = digest_of_rows(cli, httpserver, rows, "4d")
    reveal = story_of(digest, "New BMW M3 revealed")
    assert not any("Spied" in title for title in titles(reveal)), titles(reveal)
    for spied in ("2027 BMW M3 EV Spied", "Next-Gen Petrol BMW M3 Spied"):
        story = story_of(digest, spied)
        assert len(story["sources"]) == 1, titles(story)
        assert story["title"].startswith(spied)
    teaser = story_of(digest, "BMW confirms electric M3 reveal")
    assert teaser["title"].startswith("BMW confirms electric M3 reveal")


def test_lists_and_reviews_are_their_outlets_own_pieces(cli, home, httpserver: HTTPServer) -> None:
    rows = [
        (
            "Motor1 Spy Shots",
            40.0,
            "Porsche 718 Cayman EV Caught Testing With Production Body",
            "The electric Porsche 718 Cayman appears to be close to production.",
        ),
        (
            "Top Gear",
            16.0,
            "The 10 best sports cars of 2026",
            "Porsche 718 Cayman GT4 RS, Lotus Emira, Toyota GR86: the sports cars to buy.",
        ),
        (
            "Autocar",
            50.0,
            "Renault 4 E-Tech review",
            "Renault's retro-styled electric Renault 4 E-Tech crossover is roomy and comfortable.",
        ),
        (
            "Top Gear",
            46.0,
            "Renault 4 review: the retro EV is as practical as it is cute",
            "Top Gear drives the new Renault 4 E-Tech. Is it a better buy than the Renault 5?",
        ),
        (
            "Top Gear",
            10.0,
            "Renault 5 Turbo 3E first drive: a 533bhp hot hatch that's actually a supercar",
            "Renault's wild mid-engined electric Renault 5 Turbo 3E is here.",
        ),
    ]
    digest = digest_of_rows(cli, httpserver, rows, "4d")
    for _, _, title, _ in rows:
        story = story_of(digest, title)
        assert titles(story) == {title}


def test_a_lists_rank_and_a_models_number_are_no_figures(cli, home, httpserver: HTTPServer) -> None:
    """ "10 best" ranks, it counts no vehicles (the list was re-sent by --new as "new figure: 10
    best sports cars"); "718" of the Porsche 718 Cayman is the model's name, not a figure two
    items share (the spy shot and the list merged on "shared figures: 718")."""
    listed = cli("classify", "--format", "json", "The 10 best sports cars of 2026")
    assert listed.code == 0, listed.err
    assert listed.json()[0]["figures"] == []
    rows = [
        (
            "Motor1",
            30.0,
            "Porsche 718 Cayman EV Caught Testing With Production Body",
            "Porsche's electric 718 Cayman appears close to production.",
        ),
        (
            "Top Gear",
            16.0,
            "The 10 best sports cars of 2026",
            "Porsche 718 Cayman GT4 RS, Lotus Emira, Toyota GR86: the sports cars to buy.",
        ),
    ]
    digest = digest_of_rows(cli, httpserver, rows, "4d")
    ids = [story["id"] for story in digest["stories"]]
    assert len(ids) == 2, [story["title"] for story in digest["stories"]]
    assert all(not story["figures"] for story in digest["stories"])
    apart = cli("story", *ids)
    assert apart.code == 0, apart.err
    assert "shared figures" not in apart.out, apart.out


def test_two_stories_number_their_sources_as_detach_takes_them(
    cli, home, httpserver: HTTPServer
) -> None:
    """`story A B` numbered the sources across both stories ([1]–[9]), and `story B --detach 8`
    with the number it had just shown was refused ("has sources 1 to 7, not 8"): each story's
    sources are numbered under its letter (A1…, B1…), B3 being `story B --detach 3`."""
    spied = PETROL_M3_SPIED
    digest = digest_of_rows(cli, httpserver, [spied, *M3_REVEAL], "4d")
    spy = story_of(digest, "Next-Gen Petrol BMW M3 Spied")["id"]
    reveal = story_of(digest, "New BMW M3 revealed")
    shown = cli("story", spy, reveal["id"])
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    b3 = lines[lines.index(next(line for line in lines if line.startswith("  [B3] "))) + 1]
    assert f"own numbers: B2 is `autonews story {reveal['id']} --detach 2`" in shown.out
    detached = cli("story", reveal["id"], "--detach", "3")
    assert detached.code == 0, detached.err
    assert b3.strip() not in detached.out, detached.out
    assert b3.strip() in detached.err or "taken out" in detached.err, detached.err


def _rows(*told: tuple[str, str, str]) -> list[tuple[str, float, str, str]]:
    return [(outlet, 10.0 - n, title, summary) for n, (outlet, title, summary) in enumerate(told)]


# Review 36 (F1): news told in a review's, a report's, a test's or a list's words joins its story.
_NEWS_IN_A_PIECES_WORDS = [
    _rows(
        (
            "Reuters",
            "NHTSA opens probe into 2.4 million Tesla vehicles over Full Self-Driving crashes in "
            "low visibility",
            "The U.S. auto safety agency said it opened an investigation into 2.4 million Tesla "
            "vehicles with Full Self-Driving software after four crashes in fog and sun glare.",
        ),
        (
            "The Verge",
            "Tesla's Full Self-Driving crashes in fog prompt NHTSA probe of 2.4 million cars",
            "NHTSA is investigating 2.4 million Tesla vehicles after crashes involving FSD in low "
            "visibility conditions.",
        ),
        (
            "CNBC",
            "Tesla FSD now under federal safety agency review",
            "The National Highway Traffic Safety Administration opened a probe into 2.4 million "
            "Tesla vehicles after crashes with FSD in reduced visibility.",
        ),
        (
            "Electrek",
            "Tesla Full Self-Driving under NHTSA review",
            "NHTSA has opened an investigation into 2.4 million Tesla vehicles with FSD after four "
            "crashes in low visibility.",
        ),
    ),
    _rows(
        (
            "Reuters",
            "NTSB says Tesla Autopilot, driver inattention caused fatal 2024 Model Y crash in "
            "California",
            "The National Transportation Safety Board said on Tuesday that Tesla's Autopilot and "
            "the driver's inattention caused a fatal Model Y crash in California last year.",
        ),
        (
            "AP",
            "NTSB blames Tesla Autopilot and distracted driver for fatal California Model Y crash",
            "Federal investigators said the Model Y's Autopilot and a distracted driver caused the "
            "fatal crash, the NTSB said.",
        ),
        (
            "Electrek",
            "Tesla Model Y fatal Autopilot crash: NTSB releases final report",
            "The NTSB has released its final report on the fatal Tesla Model Y crash in "
            "California, blaming Autopilot and driver inattention.",
        ),
    ),
    _rows(
        (
            "Reuters",
            "Nissan cuts price of Leaf EV to $29,990 in US",
            "Nissan cut the price of the Leaf electric car by $3,000 to $29,990 in the United "
            "States, making it the cheapest EV on sale in America.",
        ),
        (
            "CNBC",
            "Nissan slashes Leaf price by $3,000, undercutting rivals",
            "Nissan is cutting the price of the Leaf by $3,000 to $29,990 in the U.S.",
        ),
        (
            "Electrek",
            "Cheapest EV in America gets cheaper: Nissan Leaf price cut to $29,990",
            "Nissan has cut the price of the Leaf by $3,000, to $29,990.",
        ),
    ),
    _rows(
        (
            "Reuters",
            "Waymo begins testing robotaxis in Tokyo, its first market outside US",
            "Alphabet's Waymo has begun testing its robotaxis in Tokyo with partner Nihon Kotsu, "
            "its first test outside the United States.",
        ),
        (
            "TechCrunch",
            "Waymo starts robotaxi tests in Tokyo with Nihon Kotsu",
            "Waymo has started testing robotaxis in Tokyo, its first market outside the US.",
        ),
        (
            "The Verge",
            "Waymo's robotaxis hit Tokyo streets in first test outside US",
            "Waymo has begun testing its autonomous vehicles in Tokyo.",
        ),
    ),
]


@pytest.mark.parametrize("rows", _NEWS_IN_A_PIECES_WORDS, ids=["review", "report", "list", "test"])
def test_news_told_in_a_press_pieces_words_joins_its_story(
    cli, home, httpserver: HTTPServer, rows: list[tuple[str, float, str, str]]
) -> None:
    """ "Tesla Full Self-Driving under NHTSA review" is no review of a car, "NTSB releases final
    report" no long-term test's instalment, "Cheapest EV in America gets cheaper" no buyer's list,
    "first test outside US" no magazine's first test: each joins the story it reports."""
    digest = digest_of_rows(cli, httpserver, rows, "4d")
    assert titles(story_of(digest, rows[0][2])) == {row[2] for row in rows}
