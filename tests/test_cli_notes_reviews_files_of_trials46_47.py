"""Through the real CLI: wrong merges of blind trials 46, 47 and 43 that shared a theme, a model
or the industry's words but no event. An analyst's note ("UBS cuts Tesla to 'sell', says
robotaxi upside already priced in") joined the robotaxi's launch in Miami on "robotaxi" alone;
two outlets' reviews of two RAV4 variants joined on the model; the Commission's proposal of a
type-approval category for e-fuel cars joined Germany and Italy's push on the 2035 CO2 rules,
two files of regulation; a think tank's working paper joined the court hearing it discussed."""

from __future__ import annotations

from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

# (path, hours ago, title, summary)
Row = tuple[str, float, str, str]


def _digest(cli, httpserver: HTTPServer, rows: list[Row]) -> Any:
    feeds = []
    for path in dict.fromkeys(row[0] for row in rows):
        entries = [
            item(title, n, hours, link=f"http://example.com{path}/{n}", description=summary)
            for n, (where, hours, title, summary) in enumerate(rows)
            if where == path
        ]
        httpserver.expect_request(path).respond_with_data(
            rss(entries), content_type="application/rss+xml"
        )
        feeds += ["--feed", str(httpserver.url_for(path))]
    result = cli("digest", *feeds, "--no-extract", "--since", "3d", "--format", "json")
    assert result.code == 0, result.err
    return result.json()


def _titles_with(digest: Any, title: str) -> set[str]:
    (story,) = [s for s in digest["stories"] if any(x["title"] == title for x in s["sources"])]
    return {source["title"] for source in story["sources"]}


NOTE = "UBS cuts Tesla to 'sell', says robotaxi upside already priced in"
NOTE_2 = "UBS downgrades Tesla to sell after earnings, cuts price target to $247"
LAUNCH = "Tesla expands robotaxi service to Miami"
LAUNCH_2 = (
    "Tesla launches Robotaxi in Miami, its fourth city, with safety monitors in passenger seat"
)
SHARES = "Tesla stock sinks 7% after earnings, worst day since April"
SUED = "Tesla sued by shareholders over robotaxi safety claims"
SUED_2 = "Tesla faces new shareholder lawsuit over Robotaxi safety claims after Austin crashes"


def test_an_analysts_note_joins_no_launch_on_a_theme_word(cli, home, httpserver) -> None:
    rows: list[Row] = [
        ("/electrek", 40, LAUNCH_2, "Tesla has launched its Robotaxi service in Miami."),
        (
            "/reuters",
            39.5,
            LAUNCH,
            "Tesla began offering robotaxi rides in Miami on Friday, expanding its autonomous "
            "ride-hailing service to a fourth U.S. metro area.",
        ),
        (
            "/reuters",
            38,
            NOTE,
            "UBS downgraded Tesla to sell from neutral and cut its price target to $247, saying "
            "the stock already reflects the robotaxi opportunity.",
        ),
        ("/cnbc", 37.5, NOTE_2, "UBS analyst Joseph Spak said margin pressure will persist."),
        ("/gn", 34, SHARES, ""),
        (
            "/reuters",
            31.5,
            SUED,
            "Tesla and Elon Musk were sued in a proposed class action accusing them of "
            "overstating the safety and readiness of the company's robotaxi technology.",
        ),
        ("/electrek", 30.5, SUED_2, "The complaint cites crash reports filed with NHTSA."),
    ]
    digest = _digest(cli, httpserver, rows)
    assert _titles_with(digest, NOTE) == {NOTE, NOTE_2}
    assert _titles_with(digest, LAUNCH) == {LAUNCH, LAUNCH_2}
    assert _titles_with(digest, SUED) == {SUED, SUED_2}
    assert _titles_with(digest, SHARES) == {SHARES}


REVIEW = "Toyota RAV4 PHEV 2026 review - Autocar"
REVIEW_2 = "Review: 2027 Toyota RAV4 Woodland hybrid"


def test_two_reviews_of_one_model_are_no_event(cli, home, httpserver) -> None:
    rows: list[Row] = [
        ("/autocar", 20, REVIEW, "The plug-in RAV4 is quick and frugal, but pricey."),
        ("/an", 13, REVIEW_2, "The Woodland trim adds all-terrain tyres and a lifted suspension."),
    ]
    digest = _digest(cli, httpserver, rows)
    assert _titles_with(digest, REVIEW) == {REVIEW}
    assert _titles_with(digest, REVIEW_2) == {REVIEW_2}


PROPOSAL = (
    "Commission proposes new type-approval category for vehicles running exclusively on "
    "CO2-neutral fuels"
)
PROPOSAL_2 = "Commission finally delivers e-fuels car category Germany asked for"
COUNCIL = "Germany, Italy push Council to go further than Commission on 2035 car rules"
HEARING = "General Court hears Chinese carmakers' challenge to BEV countervailing duties"
HEARING_2 = "Chinese EV makers argue EU duties are illegal in General Court hearing"
PAPER = "Rethinking the EU's approach to Chinese electric vehicles"


def test_regulation_stories_keep_their_file_and_a_paper_is_no_hearing(
    cli, home, httpserver
) -> None:
    rows: list[Row] = [
        (
            "/ec",
            20,
            PROPOSAL,
            "The Commission has today proposed amendments to the type-approval framework to "
            "create a category of cars that can only run on CO2-neutral fuels.",
        ),
        (
            "/politico",
            19,
            PROPOSAL_2,
            "Cars that run exclusively on carbon-neutral fuels would get their own type-approval "
            "category and could be sold after 2035.",
        ),
        (
            "/euractiv",
            17.5,
            COUNCIL,
            "At Thursday's Competitiveness Council, Berlin and Rome called for the 2030 target to "
            "be averaged over five years and for full recognition of e-fuels.",
        ),
        (
            "/borderlex",
            40,
            HEARING,
            "Lawyers for SAIC, BYD and Geely argued that the Commission's subsidy calculations "
            "were flawed.",
        ),
        (
            "/euractiv",
            39,
            HEARING_2,
            "BYD, Geely and SAIC contest the countervailing duties of up to 35.3 percent.",
        ),
        (
            "/bruegel",
            31,
            PAPER,
            "Working paper on countervailing duties, price undertakings and investment conditions.",
        ),
    ]
    digest = _digest(cli, httpserver, rows)
    assert _titles_with(digest, PROPOSAL) == {PROPOSAL, PROPOSAL_2}
    assert _titles_with(digest, COUNCIL) == {COUNCIL}
    assert COUNCIL not in _titles_with(digest, PROPOSAL)
    assert PAPER not in _titles_with(digest, HEARING)
