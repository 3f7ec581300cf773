"""Through the real CLI: blind trial 51 (a mobility start-up's strategy manager following
robotaxis in tech feeds) saw one event of a robotaxi or ride-hailing firm split into several
stories: Waymo at SFO, Motional back in Las Vegas, Lyft and Baidu's robotaxis for Europe. Waymo
is named by so many of a window's items that its name is no subject, and it is no maker, whose
rules would have joined them. A car news title that opens with such a company is about it, as
one that opens with a maker (``cluster/singular.opening_companies``); the company's other news
stays apart, and so does a battery maker's news of two plants that share a buyer (trial 42).

The rows are the answer key's (tests/data/clusters-trial51.tsv, clusters-trial42.tsv), as
outlets' feeds on the test's loopback server, their hours made hours ago."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

DATA = Path(__file__).parent / "data"
TRIAL42 = ("northvolt-lyten", "northvolt-ett-restart")


def _rows(name: str, now: float, events: tuple[str, ...] = ()) -> list[Row]:
    """The answer key's rows (of ``events``, or all): (outlet, hours ago, title, summary)."""
    rows = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        event, hours, outlet, title, summary = (line.split("\t") + [""] * 5)[:5]
        if not events or event in events:
            rows.append((outlet, now - float(hours), title, summary))
    return rows


def test_a_robotaxi_firms_event_told_by_several_outlets_is_one_story(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, _rows("clusters-trial51.tsv", 73), "4d")
    miami = story_of(digest, "Waymo opens its robotaxi service to the public in Miami")
    assert titles(miami) == {
        "Waymo is now open to everyone in Miami",
        "Waymo opens its robotaxi service to the public in Miami",
        "Waymo’s robotaxis are now available to anyone in Miami",
        "Waymo launches fully public robotaxi service in Miami, Tesla still needs safety monitors",
    }
    sfo = story_of(digest, "Waymo gets permit to operate at SFO")
    assert "Waymo is coming to San Francisco International Airport" in titles(sfo)
    vegas = story_of(digest, "Motional resumes driverless testing in Las Vegas")
    assert titles(vegas) == {
        "Motional resumes driverless testing in Las Vegas, targets 2026 launch",
        "Motional’s Hyundai Ioniq 5 robotaxis are driving themselves in Vegas again",
    }
    europe = story_of(digest, "Lyft and Baidu plan robotaxi launch in Europe in 2026")
    assert titles(europe) == {
        "Baidu Apollo Go and Lyft to launch robotaxis in Germany and UK in 2026",
        "Lyft, Baidu to deploy robotaxis in Germany and UK next year",
        "Lyft and Baidu plan robotaxi launch in Europe in 2026",
    }
    # Waymo's other news of the three days (its name in 21 of the 183 titles) stays its own:
    # London's tests, the child it hit, the probe after it.
    london = story_of(digest, "Waymo starts testing in London")
    assert all("London" in title for title in titles(london)), titles(london)
    child = story_of(digest, "Waymo robotaxi hits child in Santa Monica school zone")
    assert not any("probe" in title or "investigation" in title for title in titles(child))
    probe = story_of(digest, "NHTSA opens investigation into Waymo")
    assert all("NHTSA" in title or "probe" in title for title in titles(probe))


def test_a_battery_makers_two_plants_sharing_a_buyer_stay_two_stories(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, _rows("clusters-trial42.tsv", 72, TRIAL42), "4d")
    heide = story_of(digest, "Northvolt Heide: Lyten buys")
    assert "Northvolt Ett (Skelleftea): Lyten restarts cell line" not in titles(heide)


HEADED: list[Row] = [
    ("waymo", 5, "Waymo is now open to everyone in Miami", ""),
    ("tc", 4, "Waymo opens its robotaxi service to the public in Miami", ""),
    ("reuters", 3, "Aurora Innovation expands driverless truck service to Phoenix", ""),
    ("reuters", 2, "Texas rules for driverless vehicles take effect, requiring state permit", ""),
]


def test_a_story_about_one_robotaxi_firm_is_headed_by_it(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, HEADED, "1d")
    groups = {(group["key"], group["kind"]): group["story_ids"] for group in digest["groups"]}
    miami = story_of(digest, "Waymo opens its robotaxi service")
    assert groups[("Waymo", "company")] == [miami["id"]] and miami["makers"] == []
    aurora = story_of(digest, "Aurora Innovation expands")
    assert groups[("Aurora Innovation", "company")] == [aurora["id"]]
    law = story_of(digest, "Texas rules for driverless vehicles")
    assert groups[("Industry", "industry")] == [law["id"]]  # a law names no company first
    feeds = [f"--feed={httpserver.url_for('/' + outlet)}" for outlet in ("waymo", "tc", "reuters")]
    text = cli("digest", *feeds, "--no-extract", "--since", "1d", "--format", "text")
    assert text.code == 0, text.err
    assert "== Waymo (Alphabet) · 1 story" in text.out, text.out
    assert "== Industry · 1 story" in text.out
    industry = digest_of_rows(cli, httpserver, HEADED, "1d", "--maker", "Industry")
    assert len(industry["stories"]) == 3  # --maker Industry takes them still
