"""Through the real CLI: reports of one event on feeds that carry titles only, which the stories
missed (issue 15's title-only sets, recall 0.36 to 0.65). A round's raise and the valuation it
sets are two sums of one round, never two deals (``cluster/deal_sums``)."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

WAYMO_ROUND: list[Row] = [
    ("wire", 30, "Waymo raises $5.6 billion led by Alphabet", ""),
    ("techdaily", 28, "Alphabet's robotaxi unit Waymo valued above $45 billion after new round", ""),
]
# Two rounds of one company are still two events: their raises differ.
OTHER_ROUND: Row = ("paper", 29, "Waymo raises $2.5 billion in its first outside round", "")


def test_a_rounds_raise_and_its_valuation_are_one_round(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, [*WAYMO_ROUND, OTHER_ROUND], "3d")
    assert titles(story_of(digest, "Waymo raises $5.6")) == {row[2] for row in WAYMO_ROUND}
    assert titles(story_of(digest, OTHER_ROUND[2])) == {OTHER_ROUND[2]}
