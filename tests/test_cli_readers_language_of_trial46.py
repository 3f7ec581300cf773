"""Trial 46's re-check: for a reader of English, a story an English and a German source tell
was titled in German (the German report had a summary, the English one none). A title in the
reader's language titles the story whenever a source offers one; German is read, and is still
not English."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

ENGLISH = "Tesla recalls 63,419 Model Y SUVs over airbag sensor software"
GERMAN = "Rückruf: Tesla ruft in den USA 63.419 Model Y wegen Airbag-Software zurück"
SUMMARY = "Eine fehlerhafte Software kann den Beifahrer-Airbag deaktivieren."


def test_an_english_reader_gets_the_english_title_of_a_story_told_in_german_too(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    items = [item(ENGLISH, 0, hours_ago=2), item(GERMAN, 1, hours_ago=1, description=SUMMARY)]
    httpserver.expect_request("/feed").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    feed = ("--feed", httpserver.url_for("/feed"), "--no-extract", "--format", "json")
    digest = cli("digest", *feed).json()
    [story] = [s for s in digest["stories"] if len(s["sources"]) == 2]
    assert story["title"] == ENGLISH


SHARES = "Tesla-Aktie bricht um sieben Prozent ein"


def test_a_german_share_move_is_no_owner_change(cli) -> None:
    """The next day's share slide in German was filed as ownership ('Aktie')."""
    result = cli("classify", "--format", "jsonl", SHARES)
    assert json.loads(result.out.splitlines()[0])["event"] == "other"
