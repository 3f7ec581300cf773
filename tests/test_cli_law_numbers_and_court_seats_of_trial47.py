"""Through the real CLI: trial 47's EU policy feeds. "Section 232", a law's number, was read as
a figure (232 auto parts), and the place a court sits in ("as hearing opens in Luxembourg") as
a side of the case, which kept one hearing told by three outlets apart ("different
counterparts: Luxembourg / China")."""

from __future__ import annotations

import json
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

HEARING = [
    (
        "POLITICO Europe",
        "BYD, Geely and SAIC take EU to court over EV duties as hearing opens in Luxembourg",
        "The EU General Court heard the Chinese carmakers' challenge to the countervailing "
        "duties on battery electric vehicles on Thursday.",
    ),
    (
        "Borderlex",
        "General Court hears Chinese carmakers' challenge to BEV countervailing duties (T-720/24)",
        "Lawyers for SAIC, BYD and Geely argued that the Commission's sampling and subsidy "
        "calculations were flawed.",
    ),
    (
        "Euractiv",
        "Chinese EV makers argue EU duties are illegal in General Court hearing",
        "BYD, Geely and SAIC contest the countervailing duties of up to 35.3 percent imposed in "
        "October 2024.",
    ),
]


def test_a_laws_number_is_no_figure(cli: Any) -> None:
    result = cli(
        "classify",
        "--format",
        "jsonl",
        "US Commerce widens Section 232 auto parts list; EU says 15% ceiling must apply",
        "Trump adds 130 more car parts to Section 232 tariffs, hitting EU suppliers",
        "EU invokes Article 122 as § 45 rules cut 3,000 jobs",
    )
    assert result.code == 0, result.err
    figures = [[f["text"] for f in json.loads(line)["figures"]] for line in result.out.splitlines()]
    assert figures == [["15%"], ["130 more car parts"], ["3,000 jobs"]]


def test_a_courts_seat_is_no_side_of_its_case(cli: Any, httpserver: HTTPServer) -> None:
    args: list[str] = []
    for n, (outlet, title, summary) in enumerate(HEARING):
        path = f"/{outlet.split()[0].lower()}"
        entry = item(title, n, hours_ago=3 - n, description=summary)
        httpserver.expect_request(path).respond_with_data(
            rss([entry]), content_type="application/rss+xml"
        )
        args += ["--feed", str(httpserver.url_for(path))]
    result = cli("digest", *args, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    stories = json.loads(result.out)["stories"]
    assert [len(story["sources"]) for story in stories] == [3], [s["title"] for s in stories]
