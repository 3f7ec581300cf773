"""Through the real CLI: two makers of one group of today that a deal's titles name together are
its two sides (``cluster/group_sides``), as two makers of two groups are: FCA and PSA are both
Stellantis's in the knowledge, Volvo Cars and Polestar both Geely's, and reports of their deals
on title-only feeds shared nothing else (issue 15's title-only sets). Sister brands named
together in other news (a recall, sales) are still no evidence of one event."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

MERGER_TALKS: list[Row] = [
    ("wire", 30, "Fiat Chrysler and PSA Group confirm talks on a merger", ""),
    ("milan", 28, "FCA shares jump in Milan on PSA tie-up report", ""),
    ("sina", 27, "菲亚特克莱斯勒与标致雪铁龙确认合并谈判", ""),
]
FUNDING_ENDS: list[Row] = [
    ("wire", 20, "Volvo Cars ends funding for Polestar, to hand stake to its shareholders", ""),
    ("sina", 19, "沃尔沃汽车不再为极星提供资金 吉利将成最大股东", ""),
]
# Sister brands named together as one side of other news: two events.
RECALL: Row = ("wire", 10, "Hyundai, Kia recall 91,000 SUVs over oil pump fire risk", "")
SALES: Row = ("paper", 9, "Hyundai, Kia US sales rise 6% in November on hybrid demand", "")


def test_two_makers_of_one_group_a_deal_names_are_its_two_sides(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    rows = [*MERGER_TALKS, *FUNDING_ENDS, RECALL, SALES]
    digest = digest_of_rows(cli, httpserver, rows, "3d")
    assert titles(story_of(digest, "Fiat Chrysler and PSA")) == {row[2] for row in MERGER_TALKS}
    assert titles(story_of(digest, "Volvo Cars ends")) == {row[2] for row in FUNDING_ENDS}
    assert titles(story_of(digest, RECALL[2])) == {RECALL[2]}
    assert titles(story_of(digest, SALES[2])) == {SALES[2]}


# Two sister brands making deals together with third parties: each deal is its own story
# (review 39: four of them were one story on "Hyundai + Kia").
JOINT_DEALS: list[Row] = [
    ("yonhap", 30, "Hyundai, Kia partner with Samsung SDI on EV batteries", ""),
    ("herald", 25, "Hyundai, Kia sign robotaxi supply deal with Waymo", ""),
    ("times", 20, "Hyundai, Kia team up with Indian startups on EV charging", ""),
    ("ked", 10, "Hyundai, Kia to buy stake in battery recycler", ""),
    ("bk", 1, "Hyundai and Kia sign MOU with Korean government on hydrogen", ""),
]


def test_two_makers_of_one_group_dealing_with_a_third_party_are_one_side(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, JOINT_DEALS, "3d")
    for row in (JOINT_DEALS[1], JOINT_DEALS[2], JOINT_DEALS[4]):
        assert titles(story_of(digest, row[2])) == {row[2]}
