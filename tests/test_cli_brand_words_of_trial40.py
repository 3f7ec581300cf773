"""Trial 40, a Shenzhen EV enthusiast on mixed Chinese tech feeds: makers' names used as
ordinary words were makers. Alipay's "讨个吉利" was Geely's launch, the novel 《问界长生》 was
AITO's (and shown under `--maker 华为`), "全年零跑步记录" (no running all year) Leapmotor's and a
horse (汗血宝马) BMW's; with them IT之家, a phone and tech feed, was read as a car feed (11/22).
A name the text shows to be a word (in an ordinary word of its own, in a work's title in 《》)
now needs car evidence, as an ambiguous name does; told as the brand, it still is."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from autonews.classify import Classifier
from tests.helpers.feeds import item, rss
from tests.helpers.site import write_config

# IT之家's items of the trial's first day, with their one-line summaries.
WORDS = {
    "支付宝集五福活动官宣回归，2027 年新春“讨个吉利”": (
        "支付宝宣布 2027 年集五福活动将于明年 1 月回归，新增“吉利卡”玩法，"
        "用户集齐五福可瓜分 5 亿元红包。"
    ),
    "网文《问界长生》改编动画定档 2027 年 1 月": (
        "阅文集团宣布，人气网文《问界长生》改编动画将于 2027 年 1 月 8 日在腾讯视频开播。"
    ),
    "健身APP报告：超四成用户全年零跑步记录": (
        "某健身APP发布年度报告，超四成用户全年没有任何跑步记录，日均步数较去年下降 8%。"
    ),
    "新疆伊犁一匹汗血宝马拍出1200万元": "",
}
PHONES = {
    "华为 nova 16 系列官宣 12 月 11 日发布": (
        "华为终端官方微博宣布，nova 16 系列及 MatePad 新品将于 12 月 11 日发布。"
    ),
    "微信 8.0.66 正式版上线：朋友圈支持发布 4K 视频": (
        "微信 iOS 版 8.0.66 正式版今日上线，朋友圈支持发布 4K 视频。"
    ),
}
CARS = {
    "问界 M8 推送鸿蒙座舱 5.1 升级，新增车位到车位领航": (
        "问界 M8 今日开始推送鸿蒙座舱 HarmonySpace 5.1，新增车位到车位智驾领航等 40 余项功能。"
    ),
    "长城汽车坦克品牌第 60 万辆整车下线": (
        "长城汽车宣布，坦克品牌第 60 万辆整车今日在重庆工厂下线。"
    ),
    "零跑 A10 申报图曝光：定位紧凑型纯电 SUV，搭载 160kW 电机": (
        "工信部最新一批公告显示，零跑 A10 纯电版完成申报，电机功率 160kW。"
    ),
}


@pytest.fixture
def feed(home: Path, httpserver: HTTPServer) -> str:
    entries = {**WORDS, **PHONES, **CARS}
    items = [
        item(title, n, description=summary) if summary else item(title, n)
        for n, (title, summary) in enumerate(entries.items())
    ]
    httpserver.expect_request("/rss/").respond_with_data(
        rss(items, title="IT之家"), content_type="application/rss+xml"
    )
    url = str(httpserver.url_for("/rss/"))
    write_config(home, f'[[feeds]]\nurl = "{url}"\nname = "IT之家"\n')
    return url


def test_brand_names_used_as_words_are_no_car_news_nor_a_car_feeds_items(cli, feed: str) -> None:
    digest = cli("digest", "--no-extract", "--format", "json").json()
    titles = {story["title"] for story in digest["stories"]}
    assert titles == set(CARS)
    assert digest["not_about_cars"] == len(WORDS) + len(PHONES)
    huawei = cli("digest", "--offline", "--maker", "华为", "--format", "json").json()
    assert [story["title"] for story in huawei["stories"]] == [next(iter(CARS))]
    # 3 of 9 items about cars: a tech feed, not a car feed whose terse titles are car news.
    listed = cli("feeds", "list").out
    assert "car feed (" not in listed


@pytest.mark.parametrize("title", list(WORDS))
def test_a_brand_name_the_text_uses_as_a_word_is_no_maker(title: str) -> None:
    result = Classifier().classify(title, WORDS[title])
    assert not result.makers and not result.automotive
    # (a car feed's terse title is car news unless its words say otherwise, but of no maker)
    assert not Classifier().classify(title, WORDS[title], car_feed=True).makers


@pytest.mark.parametrize(
    ("title", "maker"),
    [
        ("零跑步入新势力销量第一", "Leapmotor"),  # stepping in (步入), with car evidence
        ("当问界真的遥遥领先", "Aito"),  # real headlines that name the brand bare
        ("新年大降价的宝马，即将拥有属于自己的「迈巴赫」", "BMW"),
        ("戴姆勒或与吉利在华成立网约车合资公司", "Geely"),
        ("《吉利汽车2026年度报告》发布：全年销量突破300万辆", "Geely"),  # a car word in the 《》
    ],
)
def test_a_brand_name_told_as_the_brand_still_is(title: str, maker: str) -> None:
    assert maker in [m.name for m in Classifier().classify(title).makers]
