"""Through the real CLI: wrong merges left in trials 37 and 41's answer keys (issue 15's
precision). A reader lost one event inside another because a word or a theme both named was
taken for one subject: Bosch's 13,000 job cuts and its 2025 sales slipping; a Safety Gate
listing of a charging cable ("Electric shock, fire") and a fire halting a Stellantis plant, or
Hyundai's charging-unit news; a German recall of a Transit's steering column bolt and the
Transit's airbag recall; a plug-in van grant extended and Ford's new plug-in hybrid van; HMRC's
salary-sacrifice rules and one lessor's salary-sacrifice orders. Each stays its own story, and
each event the outlets told several times is still one.

The rows are the answer keys' (tests/data/clusters-trial37.tsv, clusters-trial41.tsv), as
outlets' feeds on the test's loopback server, their hours made hours ago."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

DATA = Path(__file__).parent / "data"


def _rows(name: str, now: float) -> list[Row]:
    """The answer key's rows: (outlet, hours ago, title, summary)."""
    rows = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, hours, outlet, title, summary = (line.split("\t") + [""] * 5)[:5]
        rows.append((outlet, now - float(hours), title, summary))
    return rows


def test_job_cuts_results_and_a_cables_fire_risk_are_stories_of_their_own(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, _rows("clusters-trial37.tsv", 66), "4d")
    jobs = story_of(digest, "Bosch to cut 13,000 more jobs")
    assert titles(jobs) == {
        "Bosch adjusts structures in Mobility: around 13,000 further positions affected",
        "Bosch to cut 13,000 more jobs in mobility unit",
    }
    sales = story_of(digest, "Bosch 2025 sales slip 2%")
    assert titles(sales) == {"Bosch 2025 sales slip 2% as Mobility unit struggles"}
    cable = story_of(digest, "Mode 2 EV charging cable")
    assert titles(cable) == {"Mode 2 EV charging cable — Electric shock, fire (A12/00413/26)"}
    fire = story_of(digest, "Fire halts output at Stellantis")
    assert titles(fire) == {"Fire halts output at Stellantis' Warren Truck plant"}


def test_a_vans_two_recalls_and_a_programme_against_one_companys_news_stay_apart(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, _rows("clusters-trial41.tsv", 100), "5d")
    bolt = story_of(digest, "Rückruf: Ford Transit – Schraube an der Lenksäule")
    assert titles(bolt) == {"Rückruf: Ford Transit – Schraube an der Lenksäule kann sich lösen"}
    airbag = story_of(digest, "Ford recalls nearly 19,000 Transit vans over airbag fault")
    assert titles(airbag) == {
        "Ford recalls nearly 19,000 Transit vans over airbag fault",
        "FORD TRANSIT CUSTOM: Driver airbag may not deploy (R/2026/335)",
    }
    grant = story_of(digest, "Plug-in van grant extended")
    assert titles(grant) == {"Plug-in van grant extended to March 2027"}
    sport = story_of(digest, "Ford Pro Introduces New Transit Custom Plug-In Hybrid Sport")
    assert "Plug-in van grant extended to March 2027" not in titles(sport)
    rules = story_of(digest, "HMRC changes salary sacrifice rules")
    assert "Ayvens: salary sacrifice EV orders up 40%" not in titles(rules)


def test_job_cuts_told_with_their_results_are_the_results_story(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Review 39: one release's cuts and results, the cut title naming the results ("as
    first-half profit slumps"), are one story, as are two headlines of one release an hour
    apart."""
    release: list[Row] = [
        ("reuters", 30, "Nissan to cut 9,000 jobs as first-half profit slumps", ""),
        ("cnbc", 29, "Nissan first-half operating profit plunges 90%, cuts outlook", ""),
    ]
    digest = digest_of_rows(cli, httpserver, release, "3d")
    assert titles(story_of(digest, "Nissan to cut 9,000 jobs")) == {row[2] for row in release}
