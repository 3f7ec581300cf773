"""Through the real CLI: the terms `story --explain` names as two sources' shared subject are
words the sources write. Trial 46 read "andr" (André, as the clustering stems it) and "fatal"
(the German article "die" read as "dies" by the stemmer) among the terms two Grünheide reports
shared: neither was in the tester's texts as such."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

# A regional paper and a business daily tell Tesla's third shift in Grünheide in German.
REPORTS = [
    (
        "/maz",
        3,
        "Tesla in Grünheide stellt 500 Leute ein und kehrt zum Dreischichtbetrieb zurück",
        "Werksleiter André Thierig kündigte an, ab Februar wieder rund um die Uhr zu produzieren.",
    ),
    (
        "/hb",
        2,
        "Tesla Grünheide führt wieder Drei-Schicht-Betrieb ein",
        "Die Gigafactory stellt 500 zusätzliche Mitarbeiter ein, sagte Werksleiter André Thierig.",
    ),
]


def test_explain_names_shared_words_as_the_sources_write_them(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    feeds = []
    for n, (path, hours_ago, title, summary) in enumerate(REPORTS):
        entry = item(title, n, hours_ago, link=f"http://example.com{path}/{n}", description=summary)
        httpserver.expect_request(path).respond_with_data(
            rss([entry]), content_type="application/rss+xml"
        )
        feeds += ["--feed", str(httpserver.url_for(path))]
    result = cli("digest", *feeds, "--no-extract", "--since", "1d", "--format", "json")
    assert result.code == 0, result.err
    (story,) = result.json()["stories"]
    assert len(story["sources"]) == 2
    explained = cli("story", story["id"], "--explain")
    assert explained.code == 0, explained.err
    (shared,) = [line for line in explained.out.splitlines() if "shared subject:" in line]
    terms = shared.split("shared subject:", 1)[1].split(", ")
    terms = [term.strip() for term in terms]
    assert "André" in terms and "Thierig" in terms, shared
    assert "andr" not in terms, shared
    assert "fatal" not in terms, shared
