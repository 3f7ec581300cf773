"""Through the real CLI: blind trial 52 (a battery supply-chain analyst) saw one supplier's
plant news split where both titles told it by the same things written differently:

- a unit by a name that needs context: "PowerCo starts cell production in Salzgitter" (its
  summary naming Volkswagen) and "Volkswagen's PowerCo begins battery cell production in
  Germany" named PowerCo as a word and as Volkswagen's unit, so shared only places;
- a deal done whose title eyes the next step: "Lyten completes Northvolt acquisition, eyes
  Skellefteå restart" was read as a deal still to come, ruled out against the deal done;
- a town and its state: Gotion's "Big Rapids battery plant" and its "Michigan battery plant".

The rows are the answer key's (tests/data/clusters-trial52.tsv), as outlets' feeds on the test's
loopback server, their hours made hours ago."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

DATA = Path(__file__).parent / "data"


def _rows(now: float = 70) -> list[Row]:
    """The answer key's rows, all of them (the other items weigh how rare each name is):
    (outlet, hours ago, title, summary)."""
    rows = []
    for line in (DATA / "clusters-trial52.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, hours, outlet, title, summary = (line.split("\t") + [""] * 5)[:5]
        rows.append((outlet, now - float(hours), title, summary))
    return rows


def test_a_unit_named_bare_in_its_parents_news_is_the_unit(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, _rows(), "4d")
    assert titles(story_of(digest, "PowerCo starts cell production in Salzgitter")) == {
        "PowerCo starts cell production in Salzgitter",
        "Volkswagen's PowerCo begins battery cell production in Germany",
        "VW battery unit PowerCo starts production at Salzgitter gigafactory - Handelsblatt",
    }


def test_a_deal_done_that_eyes_its_next_step_is_the_deal_done(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, _rows(), "4d")
    lyten = story_of(digest, "Lyten completes takeover of Northvolt")
    assert "Lyten completes Northvolt acquisition, eyes Skellefteå restart - Bloomberg" in titles(
        lyten
    )
    assert len(titles(lyten)) == 3


def test_a_plants_town_and_its_state_are_one_place(cli, home: Path, httpserver: HTTPServer) -> None:
    digest = digest_of_rows(cli, httpserver, _rows(), "4d")
    assert len(titles(story_of(digest, "Gotion abandons $2.4 billion Michigan"))) == 3
