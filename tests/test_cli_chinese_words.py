"""Trial 34 #12 and #20, a reader of Chinese through the real CLI against feeds on 127.0.0.1:
with `[digest] language = "zh-CN"` only the titles were Chinese; the event labels, "LEAD",
"sources", the groups, the dates ("05 Dec 15:00") and the footer stayed English. Now every
format but JSON and JSONL says them in the reader's language (zh-TW in Taiwan's words and
quotation marks), and JSON stays the digest's data, in slugs and canonical names."""

from __future__ import annotations

import email
import email.policy
import json
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

RECALL = "小米汽车召回116887辆SU7标准版，通过OTA免费升级"
LAUNCH = "蔚来ES9开启预售，预售价52.8万元起"
REGULATION = "工信部：开展汽车行业“反内卷”专项整治，严禁低于成本价销售"
NOT_CARS = "五星红旗在南极秦岭站冉冉升起，第 43 次南极科考队抵达"
HOURS_AGO = {RECALL: 30, LAUNCH: 5, REGULATION: 3, NOT_CARS: 2}

# What an English digest says around the titles: none of it is left in a Chinese one.
ENGLISH_WORDS = ("source", "Lead", "LEAD", "Feeds", "recall", "launch", "stories", "Industry")


@dataclass
class Setup:
    config: Path
    dates: dict[str, str]  # each title's RFC 822 date, as the feed gave it

    def shanghai(self, title: str) -> str:
        """When the feed dated ``title``, as a reader in Shanghai reads it: "12月5日 15:00"."""
        moment = parsedate_to_datetime(self.dates[title]).astimezone(ZoneInfo("Asia/Shanghai"))
        return f"{moment.month}月{moment.day}日 {moment.hour:02}:{moment.minute:02}"


@pytest.fixture
def setup(home: Path, httpserver: HTTPServer) -> Setup:
    items = [item(title, n, hours_ago=hours) for n, (title, hours) in enumerate(HOURS_AGO.items())]
    httpserver.expect_request("/cn").respond_with_data(
        rss(items, title="懂车帝快讯"), content_type="application/rss+xml"
    )
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    home.mkdir(parents=True)
    config = home / "config.toml"
    config.write_text(
        f'[[feeds]]\nurl = "{httpserver.url_for("/cn")}"\nname = "懂车帝快讯"\n'
        f'[[feeds]]\nurl = "{httpserver.url_for("/down")}"\nname = "第一电动网"\n'
        '[digest]\nlanguage = "zh-CN"\ntimezone = "Asia/Shanghai"\nsince = "7d"\n'
        '[email]\nfrom = "news@example.org"\n',
        "utf-8",
    )
    return Setup(config, {i["title"]: i["date"] for i in items})


def digest(cli, *args: str) -> str:
    result = cli("digest", "--no-extract", *args)
    assert result.code == 3, result.err  # a feed failed: the digest is made all the same
    return result.out


def test_a_simplified_chinese_digest_says_its_own_words_in_chinese(cli, setup: Setup) -> None:
    text = digest(cli, "--format", "text")
    lines = text.splitlines()
    assert lines[0].startswith("autonews 新闻摘要 · ")
    assert lines[0].endswith(" CST (UTC+08:00) · 3条新闻，来自2个订阅源")
    assert lines[2] == "头条"
    assert f"* [召回] {RECALL}" in lines
    assert f"  1个来源 · {setup.shanghai(RECALL)} · 懂车帝快讯 · ID " in text
    # Groups by the names a Chinese reader knows the makers by; industry news as 行业.
    assert "== 小米汽车 · 1条新闻" in lines and "== 蔚来 · 1条新闻" in lines
    assert "== 行业 · 1条新闻" in lines and f"* [发布 · 预售] {LAUNCH}" in lines
    assert f"* [监管] {REGULATION}" in lines
    assert "订阅源：1个正常 · 1个失败" in lines
    assert [line for line in lines if line.startswith("  失败 第一电动网：HTTP 503")]
    assert "1条新闻与汽车无关；--all-topics 可显示" in lines
    assert not [word for word in ENGLISH_WORDS if word in text]


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("markdown", ["# autonews 新闻摘要", "## 头条", "**召回**", "## 小米汽车", "## 订阅源"]),
        ("html", ['<html lang="zh-Hans">', ">头条</div>", ">召回</span>", ">小米汽车</h2>"]),
        ("slack", ["*autonews 新闻摘要*", "*头条*", "• *召回*", "*小米汽车*", "*订阅源*"]),
    ],
)
def test_every_format_for_people_says_them_in_chinese(
    cli, setup: Setup, fmt: str, said: list[str]
) -> None:
    out = digest(cli, "--format", fmt)
    assert [words for words in said if words not in out] == []
    assert "1个来源" in out and setup.shanghai(LAUNCH) in out
    assert not [word for word in ENGLISH_WORDS if word in out]


def test_atom_labels_its_categories_in_chinese_and_keeps_their_terms(cli, setup: Setup) -> None:
    out = digest(cli, "--format", "atom")
    assert '<category scheme="urn:autonews:event" term="recall" label="召回" />' in out
    assert '<category scheme="urn:autonews:maker" term="Xiaomi" label="小米汽车" />' in out
    assert "<title>autonews 新闻摘要</title>" in out


def test_json_stays_the_digests_data_whatever_the_language(cli, setup: Setup) -> None:
    document = json.loads(digest(cli, "--format", "json"))
    recall = next(story for story in document["stories"] if story["title"] == RECALL)
    assert recall["event"] == "recall"
    assert [maker["name"] for maker in recall["makers"]] == ["Xiaomi"]
    assert "Xiaomi" in [group["key"] for group in document["groups"]]


def test_the_mail_subject_is_in_chinese(cli, setup: Setup) -> None:
    out = digest(cli, "--email", "r@example.org", "--dry-run")
    message = email.message_from_string(out, policy=email.policy.default)
    assert message["Subject"].startswith("autonews：3条新闻 — ")
    assert "召回1条（小米汽车）" in message["Subject"]


def test_a_reader_in_taiwan_reads_taiwans_words_and_quotation_marks(cli, setup: Setup) -> None:
    text = digest(cli, "--format", "text", "--language", "zh-TW")
    lines = text.splitlines()
    assert lines[2] == "頭條"
    assert "== 小米汽車 · 1則新聞" in lines and "== 蔚來 · 1則新聞" in lines
    assert "* [發表 · 預售] 蔚來ES9開啟預售，預售價52.8萬元起" in lines
    # Taiwan quotes in 「」, where the mainland writes “”.
    assert "* [監管] 工信部：開展汽車行業「反內捲」專項整治，嚴禁低於成本價銷售" in lines
    assert "訂閱源：1個正常 · 1個失敗" in lines
    assert not [word for word in ENGLISH_WORDS if word in text]


def test_an_english_reader_keeps_english_words(cli, setup: Setup) -> None:
    text = digest(cli, "--format", "text", "--language", "en")
    assert "LEAD" in text.splitlines() and "== Xiaomi · 1 story" in text
    assert "Feeds: 1 ok · 1 failed" in text
