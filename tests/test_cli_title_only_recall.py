"""Through the real CLI: reports of one event on feeds that carry titles only, which the stories
missed (issue 15's title-only sets, recall 0.36 to 0.65). A round's raise and the valuation it
sets are two sums of one round, never two deals (``cluster/deal_sums``); a model named in
Chinese by the name the knowledge gives it ("赛博皮卡" is the Cybertruck, "G级" the G-Class) is
the model an English title names (``cluster/named_models``)."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

WAYMO_ROUND: list[Row] = [
    ("wire", 30, "Waymo raises $5.6 billion led by Alphabet", ""),
    (
        "techdaily",
        28,
        "Alphabet's robotaxi unit Waymo valued above $45 billion after new round",
        "",
    ),
]
# Two rounds of one company are still two events: their raises differ.
OTHER_ROUND: Row = ("paper", 29, "Waymo raises $2.5 billion in its first outside round", "")


def test_a_rounds_raise_and_its_valuation_are_one_round(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, [*WAYMO_ROUND, OTHER_ROUND], "3d")
    assert titles(story_of(digest, "Waymo raises $5.6")) == {row[2] for row in WAYMO_ROUND}
    assert titles(story_of(digest, OTHER_ROUND[2])) == {OTHER_ROUND[2]}


CYBERTRUCK: list[Row] = [
    ("wire", 30, "Tesla unveils Cybertruck electric pickup, starting at $39,900", ""),
    ("sina", 29, "特斯拉发布赛博皮卡 防弹玻璃现场演示翻车", ""),
]
G_CLASS: list[Row] = [
    ("autocar", 20, "Electric G-Class arrives with four motors and a tank turn", ""),
    ("autohome", 19, "奔驰纯电G级亮相 四电机可原地掉头", ""),
]


def test_a_model_named_in_chinese_is_the_model_an_english_title_names(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, CYBERTRUCK + G_CLASS, "3d")
    assert titles(story_of(digest, "Tesla unveils")) == {row[2] for row in CYBERTRUCK}
    assert titles(story_of(digest, "Electric G-Class")) == {row[2] for row in G_CLASS}
    # And the JSON tells the model by its one name, whichever script named it.
    story = story_of(digest, "特斯拉发布")
    assert [model["name"] for model in story["models"]] == ["Cybertruck"]
