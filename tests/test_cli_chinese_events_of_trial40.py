"""Trial 40's events in Chinese, through the real CLI: a city's or a ministry's car policy is
regulation, a court-led restructuring restructuring, an OTA push a launch (a software release),
orders counted (大定) financials as English orders milestones are, a crash in Taiwan's words an
incident; a question asked of the news told before it is the outlet's, not a rumour; a market
report of several makers' share moves is no car news; and a brand's model goes under the brand's
heading whether or not its parent group is written before it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.site import write_config

EVENTS = {
    "深圳：2027年起新增出租车全部为纯电动车": "regulation",
    "北京：2027年小客车指标配额10万个": "regulation",
    "交通部擬明年7月起 汽車駕照考驗新增夜間模擬": "regulation",
    "合众新能源重整投资人确定": "restructuring",
    "吉利银河A7 EM-i推送冬季OTA 新增电池低温预热": "launch",
    "比亚迪方程豹豹 8 推送 OTA，新增城市领航": "launch",
    "智己LS9大定破3万台，官方宣布追加产能": "financials",
    "高雄市區公車與機車擦撞 騎士送醫": "incident",
}
# The question is the outlet's: the news before it is sure.
ASKED_OF_NEWS = [
    "特斯拉中國Model 3降價1.5萬人民幣 台灣會跟進嗎？",
    "深蓝S09增程版上市前瞻：预售价20.99万起，配置有哪些看点？",
    "Tesla cuts Model 3 price in China: will the US follow?",
]
ASKED = ["Will Tesla cut prices in China?", "传特斯拉将降价，是真的吗？"]


def classified(cli, titles: list[str]) -> dict[str, dict[str, object]]:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(titles) + "\n")
    assert result.code == 0, result.err
    return {record["title"]: record for record in map(json.loads, result.out.splitlines())}


def test_chinese_events_of_policy_restructuring_software_orders_and_crashes(cli) -> None:
    records = classified(cli, list(EVENTS))
    assert {title: r["event"] for title, r in records.items()} == EVENTS


def test_a_question_asked_of_the_news_before_it_is_no_rumour(cli) -> None:
    records = classified(cli, ASKED_OF_NEWS + ASKED)
    assert [records[title]["speculative"] for title in ASKED_OF_NEWS] == [False, False, False]
    assert [records[title]["speculative"] for title in ASKED] == [True, True]


# 36氪's flash feed: titles only, mostly car news (a car feed), and a market report.
FLASHES = [
    "特斯拉中国Model 3降价1.5万元",
    "极氪9X累计交付突破2万台",
    "方程豹钛7冬季限定版上市，售价17.98万元",
    "比亚迪方程豹豹 8 推送 OTA，新增城市领航",
    "美股盘前：特斯拉涨1.2%，蔚来涨3%",
]


@pytest.fixture
def flash(home: Path, httpserver: HTTPServer) -> str:
    items = [item(title, n) for n, title in enumerate(FLASHES)]
    httpserver.expect_request("/flash").respond_with_data(
        rss(items, title="36氪快讯"), content_type="application/rss+xml"
    )
    url = str(httpserver.url_for("/flash"))
    write_config(home, f'[[feeds]]\nurl = "{url}"\nname = "36氪快讯"\n')
    return url


def test_a_market_report_of_share_moves_is_no_car_news_and_a_brands_models_share_a_heading(
    cli, flash: str
) -> None:
    digest = cli("digest", "--no-extract", "--format", "json").json()
    titles = {story["id"]: story["title"] for story in digest["stories"]}
    assert "美股盘前：特斯拉涨1.2%，蔚来涨3%" not in titles.values()
    assert digest["not_about_cars"] == 1
    groups = {g["key"]: {titles[i] for i in g["story_ids"]} for g in digest["groups"]}
    assert groups["Fangchengbao"] == {FLASHES[2], FLASHES[3]}
    assert "BYD" not in groups
