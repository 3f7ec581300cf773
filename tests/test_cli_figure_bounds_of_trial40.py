"""Trial 40's figures, as `autonews classify --format jsonl` gives them: "至高 1.5 万元"
(up to) is at most; a price "from" (20.99万元起, 21.99万元起售, 起售价, "starting at") is at
least; a count that tops a mark (破, 突破, "tops") is at least, the verb no part of its text,
as the README says; vehicles counted after an order word (锁单, 大定, 小订) are orders; and a
battery's charge level ("10 分钟补能 80%") is no figure of the news."""

from __future__ import annotations

import json

import pytest

FIGURES = [
    ("理想 i8 开启限时优惠：至高 1.5 万元", "至高 1.5 万元", "money", "at_most"),
    ("深蓝S09增程版开启预售，预售价20.99万元起", "20.99万元起", "money", "at_least"),
    ("特斯拉Model 3后驱版官降1.5万元，21.99万元起售还香吗？", "21.99万元起售", "money", "at_least"),
    ("零跑B10起售价9.98万元，首周大定破1万台", "9.98万元", "money", "at_least"),
    ("Kia EV3 prices revealed, starting at $30,000", "$30,000", "money", "at_least"),
    ("小米YU9上市2小时锁单破2万台", "2万台", "orders", "at_least"),
    ("智己LS9大定破3万台，官方宣布追加产能", "3万台", "orders", "at_least"),
    ("鸿蒙智行问界 M8 小订突破 8 万台", "8 万台", "orders", "at_least"),
    ("極氪9X累計交付突破2萬台", "2萬台", "vehicles", "at_least"),
]


def classified(cli, titles: list[str]) -> list[dict[str, object]]:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(titles) + "\n")
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_figures_bounds_and_what_they_count(cli) -> None:
    records = classified(cli, [title for title, *_ in FIGURES])
    for (title, text, kind, qualifier), record in zip(FIGURES, records, strict=True):
        told = {figure["text"]: figure for figure in record["figures"]}
        assert text in told, (title, list(told))
        figure = told[text]
        unit = figure["unit"] if figure["kind"] == "units" else figure["kind"]
        assert (unit, figure["qualifier"]) == (kind, qualifier), title


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        ("宁德时代发布第二代神行 Pro 电池：10 分钟补能 80%，续航 800 公里", []),
        ("支持 10 分钟从 10% 充至 80%，续航提升 20%", ["20%"]),
        ("Zeekr 7X charges from 10% to 80% in 10.5 minutes", []),
        ("索赔10万元起诉特斯拉", ["10万元"]),  # 起诉 (sues) is no price "from"
    ],
)
def test_a_charge_level_is_no_figure(cli, title: str, figures: list[str]) -> None:
    (record,) = classified(cli, [title])
    assert [figure["text"] for figure in record["figures"]] == figures
    assert all(figure["qualifier"] is None for figure in record["figures"])
