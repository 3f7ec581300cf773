"""Through the real CLI: trial 55's country's exports of a month. "Korea's Nov. auto exports rise
13.7 pct on hybrids, used cars" joined the Palisade Hybrid's US launch on "hybrid" alone (fix55a
had kept a maker's November sales "on hybrid demand" from that launch; an export statistic is
the same kind of news), and, kept from it, the makers' US November sales on "hybrid" again. A
country's volume of a month, a maker's sales of it and a model's launch are three kinds of news
that share a theme, no event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, key_rows, story_of, titles

KEY = Path(__file__).parent / "data" / "clusters-trial55.tsv"
# The key's rows of the day these were told: how often "hybrid" is used weighs it.
FIRST_HOUR, LAST_HOUR = 12, 36  # the run, after the last exports' row


def test_a_countrys_exports_of_a_month_share_a_theme_not_an_event(
    cli: Any, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, key_rows(KEY, LAST_HOUR, FIRST_HOUR), "48h")
    exports = titles(story_of(digest, "Korea's Nov. auto exports rise 13.7 pct"))
    assert not any("Palisade" in title for title in exports)
    assert not any("U.S. sales" in title or "US sales" in title for title in exports)
    sales = titles(story_of(digest, "Hyundai, Kia post record November U.S. sales"))
    assert "Hyundai Motor America Reports Record November Sales" in sales
