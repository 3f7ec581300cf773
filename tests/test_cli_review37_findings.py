"""Through the real CLI: review 37's findings on this session's merges. One local crash told
without and with the car's maker was split as "a crash" against "an incident" (F3); "strike a
deal" and "workers strike after members vote down an offer" were read as a strike vote and put
apart from the strike (F4); a holder's rejection worded outside "rejects" ("spurns") was put
apart from the same rejection as "an offer" (F5); a question about news to come addressed to
"you" ("Will you have to pay the new EV tax?") was taken for one put to readers and no longer
marked speculative (F6)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.classified import labels_of
from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

CRASH: list[Row] = [
    (
        "local1",
        5,
        "Two hurt in crash involving pickup truck and school bus on Route 9",
        "A pickup truck and a school bus collided on Route 9 in Millbrook on Tuesday morning; "
        "two people were hurt.",
    ),
    (
        "local2",
        4,
        "Tesla pickup collides with school bus on Route 9; two hurt",
        "A Tesla Cybertruck and a school bus collided on Route 9 in Millbrook on Tuesday "
        "morning; two people were taken to hospital.",
    ),
    (
        "local3",
        3,
        "Cybertruck and school bus crash on Route 9 in Millbrook, two injured",
        "Police said a Tesla Cybertruck collided with a school bus on Route 9 on Tuesday.",
    ),
]
_DEAL = (
    "Stellantis and the United Auto Workers reached a tentative labor agreement covering 43,000 "
    "workers."
)
DEAL: list[Row] = [
    ("reuters", 6, "Stellantis strikes tentative deal with UAW; members to vote next week", _DEAL),
    ("apnews", 5, "Stellantis, UAW strike tentative agreement covering 43,000 workers", _DEAL),
]
_WALKOUT = "Hyundai Motor workers walked off the job on Wednesday after wage talks broke down."
WALKOUT: list[Row] = [
    ("yonhap", 6, "Hyundai Motor union goes on strike for first time in seven years", _WALKOUT),
    ("reuters", 5, "Hyundai Motor workers stage first strike in seven years over wages", _WALKOUT),
    (
        "koreaherald",
        4,
        "Hyundai Motor workers strike after members vote down wage offer",
        _WALKOUT,
    ),
]
_UNDERVALUES = (
    "Activist investor Elliott said the raised tender offer still undervalues Toyota Industries."
)
SPURNED: list[Row] = [
    ("ft", 8, "Elliott spurns Toyota group sweetened offer for Toyota Industries", _UNDERVALUES),
    (
        "bloomberg",
        7,
        "Elliott rejects Toyota group sweetened offer for Toyota Industries",
        _UNDERVALUES,
    ),
]

# A rejection in words no reading knows, its lead saying the offer "still undervalues" the company
STANDS_FIRM: list[Row] = [
    ("ft", 8, "Elliott stands firm as Toyota group sweetens Toyota Industries offer", _UNDERVALUES),
    SPURNED[1],
]


def _one_story(cli: Any, httpserver: HTTPServer, rows: list[Row]) -> None:
    digest = digest_of_rows(cli, httpserver, rows, "3d")
    assert titles(story_of(digest, rows[0][2])) == {title for _, _, title, _ in rows}


def test_one_local_crash_told_with_and_without_its_maker_is_one_story(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    _one_story(cli, httpserver, CRASH)


def test_a_deal_struck_is_no_strike_vote(cli, home: Path, httpserver: HTTPServer) -> None:
    _one_story(cli, httpserver, DEAL)


def test_a_strike_told_with_the_vote_before_it_is_the_strike(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    _one_story(cli, httpserver, WALKOUT)


def test_a_rejection_spurning_an_offer_is_the_rejection(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    _one_story(cli, httpserver, SPURNED)


def test_an_offer_whose_lead_tells_its_rejection_is_the_rejection(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    _one_story(cli, httpserver, STANDS_FIRM)


def test_a_question_to_you_about_news_to_come_is_still_speculative(cli) -> None:
    for title in (
        "Will you have to pay the new pay-per-mile EV tax?",
        "Could you soon be fined for charging your EV on the street?",
        "What is the biggest risk to Tesla if the EV tax credit ends?",
    ):
        assert labels_of(cli, title)["speculative"] is True, title
    for title in (
        "Would you buy a Chinese EV?",
        "Have you ever owned a car that was a lemon?",
        "Which would you rather drive: a Golf GTI or a Civic Type R?",
        "Do you think the Cybertruck is ugly?",
    ):
        assert labels_of(cli, title)["speculative"] is False, title


def test_readmes_json_sample_names_every_measure_the_schema_allows(cli) -> None:
    """README's JSON sample listed `stock` as a sum's only measure; `loss` was missing (F7).
    Every value the schema allows is named there, and `loss` is what the CLI gives a loss."""
    root = Path(__file__).resolve().parent.parent
    schema = json.loads((root / "autonews" / "schema" / "digest.schema.json").read_text("utf-8"))
    readme = (root / "README.md").read_text("utf-8")
    start = readme.index('"measure": null,')
    sample = readme[start : readme.index('"direction"', start)]
    allowed = _enum_of(schema, "measure")
    assert allowed and "loss" in allowed
    for measure in allowed:
        assert re.search(rf"\b{measure}\b", sample), measure
    result = cli("classify", "-f", "json", "Tata Motors Q2 net loss of Rs 3,000 crore")
    assert result.code == 0, result.err
    assert '"measure": "loss"' in result.out


def _enum_of(schema: Any, name: str) -> list[str]:
    """The string values of the first property ``name`` in the schema."""
    if isinstance(schema, dict):
        if isinstance(schema.get(name), dict) and "enum" in schema[name]:
            return [value for value in schema[name]["enum"] if isinstance(value, str)]
        values = schema.values()
    elif isinstance(schema, list):
        values = schema
    else:
        return []
    for value in values:
        found = _enum_of(value, name)
        if found:
            return found
    return []
