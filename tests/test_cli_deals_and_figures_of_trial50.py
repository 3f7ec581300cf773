"""Through the real CLI: trial 50's deals of a car group's companies, and its stories' sums.
Elliott's answer to Toyota's raised offer for Toyota Industries (the holder will not tender) was
filed under Industry while the offer's other turns were Toyota's; Toyota's sale of its Denso
shares, told by the wire, the newsroom's notice and Denso's buyback beside it, was three
stories; a story's figures were its lead title's alone (Toyota's results: "27%", not the 3.4tn
yen forecast two outlets' titles gave)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows

KEY = Path(__file__).parent / "data" / "clusters-trial50.tsv"


def _rows(*events: str) -> tuple[list[Row], dict[str, str]]:
    """The key's rows of these events as feeds' rows (an outlet's feed each, hours ago as the
    trial's hours place them), and each title's event."""
    with KEY.open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and row[0] in events]
    last = max(float(row[1]) for row in rows)
    feeds = [
        (re.sub(r"\W+", "-", row[2]).lower(), last - float(row[1]) + 1, row[3], row[4])
        for row in rows
    ]
    return feeds, {row[3]: row[0] for row in rows}


def _by_event(cli: Any, httpserver: HTTPServer, *events: str) -> dict[str, Any]:
    """The digest's stories of these events, by event (each story one event's), and the
    group each story is filed under (key "groups": by story id)."""
    rows, event_of = _rows(*events)
    digest = digest_of_rows(cli, httpserver, rows, "7d")
    stories: dict[str, Any] = {
        "groups": {sid: g["key"] for g in digest["groups"] for sid in g["story_ids"]}
    }
    for story in digest["stories"]:
        told = {event_of[source["title"]] for source in story["sources"]}
        assert len(told) == 1, told
        stories.setdefault(told.pop(), []).append(story)
    return stories


def test_a_holders_answer_to_a_bid_is_filed_with_the_bidders_other_turns(
    cli: Any, httpserver: HTTPServer
) -> None:
    stories = _by_event(cli, httpserver, "ti-tob-raise", "ti-elliott-reject", "ti-tob-extension")
    (reject,) = stories["ti-elliott-reject"]
    assert reject["event"] == "ownership"
    # The offer is Toyota's: its raise, the holder's answer and its extension are Toyota's.
    assert [m["name"] for m in reject["makers"]] == ["Toyota"]
    turns = [*stories["ti-tob-raise"], reject, *stories["ti-tob-extension"]]
    assert {stories["groups"][story["id"]] for story in turns} == {"Toyota"}


def test_one_stake_sale_told_by_a_wire_a_notice_and_a_buyback_is_one_story(
    cli: Any, httpserver: HTTPServer
) -> None:
    sale = _by_event(cli, httpserver, "toyota-denso-sale", "denso-h1")["toyota-denso-sale"]
    assert len(sale) == 1, [story["title"] for story in sale]
    assert [m["name"] for m in sale[0]["makers"]] == ["Toyota"]
    assert sale[0]["event"] == "ownership"


def _sums(story: dict[str, Any]) -> set[tuple[float, str, str | None]]:
    return {(f["value"], f["unit"], f["measure"]) for f in story["figures"] if f["kind"] == "money"}


def test_a_storys_figures_are_the_sums_its_sources_agree_on(
    cli: Any, httpserver: HTTPServer
) -> None:
    stories = _by_event(cli, httpserver, "toyota-h1", "mazda-h1")
    toyota = max(stories["toyota-h1"], key=lambda story: len(story["sources"]))
    # Two titles give the forecast; one outlet's EPS and its estimate are that outlet's own.
    assert (3.4e12, "JPY", None) in _sums(toyota)
    assert not {value for value, _, _ in _sums(toyota)} & {71.4, 73.2}
    (mazda,) = stories["mazda-h1"]
    assert (46e9, "JPY", "loss") in _sums(mazda)


def _classified(cli: Any, title: str, summary: str) -> dict[str, Any]:
    result = cli("classify", "--format", "jsonl", "--summary", summary, title)
    assert result.code == 0, result.err
    record: dict[str, Any] = json.loads(result.out)
    return record


def test_a_deal_in_shares_is_the_owners_and_no_one_elses(cli: Any) -> None:
    """A deal in a company's shares is its owning group's news too, not its customers' (a
    merger's summary naming the trucks it works with); an autonomous firm's deal whose summary
    names carmakers is read, where it crashed (the summary's names were placed in the title)."""
    notice = _classified(
        cli,
        "Notice Regarding Sale of Shares of DENSO CORPORATION",
        "Toyota Motor Corporation announced that it will sell a portion of the shares of DENSO "
        "CORPORATION that it holds, through a secondary offering.",
    )
    assert [m["name"] for m in notice["makers"]] == ["Toyota"]
    listing = _classified(
        cli,
        "PlusAI begins trading on Nasdaq after SPAC merger",
        "The autonomous trucking software company, which works with Traton and Iveco, "
        "completed its merger with Churchill Capital Corp IX.",
    )
    assert listing["makers"] == []
    supply = _classified(
        cli,
        "Waymo partners to expand fleet",
        "Waymo said on Tuesday that Toyota and Hyundai will supply vehicles for its growing "
        "robotaxi fleet in many cities across the United States and Japan.",
    )
    assert [m["name"] for m in supply["makers"]] == ["Toyota", "Hyundai"]
