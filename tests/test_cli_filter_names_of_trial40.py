"""Trial 40, a reader in Shenzhen with a Taiwanese outlet among his feeds, through the real CLI:
`--event 發表` was refused although the zh-TW digest labels launches 發表; the error listed 上市,
法规, 财报, 诉讼 where the zh-CN digest says 发布, 监管, 业绩, 法律; `--maker 福斯` (Volkswagen in
Taiwan) was refused with no close match named, and 和泰 (Toyota's distributor there) unknown.
Every label a digest prints is a name the filters take, and the error lists those labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from autonews.event_names import event_slug
from autonews.models import Event
from autonews.render.words import LANGUAGES, read_words_file
from tests.helpers.feeds import item, rss

LAUNCH = "福斯新一代Tiguan在台預售 149萬元起"
RECALL = "和泰車召回RAV4 共1.2萬輛 因後車門線束可能磨損"
CUT = "特斯拉Model Y在台降價10萬元 174.9萬元起"


@pytest.fixture
def feed(tmp_path: Path) -> list[str]:
    path = tmp_path / "ltn.xml"
    titles = (LAUNCH, RECALL, CUT)
    path.write_text(rss([item(t, n) for n, t in enumerate(titles)], "自由時報汽車頻道"), "utf-8")
    return ["--feed", str(path), "--no-extract", "--format", "json"]


def titles(cli, feed: list[str], *args: str) -> list[str]:
    result = cli("digest", *feed, *args)
    assert result.code == 0, result.err
    return [story["title"] for story in result.json()["stories"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_label_a_digest_prints_is_a_name_the_event_filter_takes(
    language: str,
) -> None:
    labels = read_words_file(language)["events"]
    assert {slug: event_slug(label) for slug, label in labels.items()} == {
        event.value: event.value for event in Event
    }


def test_taiwans_labels_and_names_filter_the_digest(cli, home: Path, feed: list[str]) -> None:
    assert titles(cli, feed, "--event", "發表") == [LAUNCH]
    assert titles(cli, feed, "--maker", "福斯") == [LAUNCH]
    assert titles(cli, feed, "--maker", "福斯集團") == [LAUNCH]  # the zh-TW group heading
    assert titles(cli, feed, "--maker", "和泰") == [RECALL]


def test_the_event_error_lists_what_the_digests_print(cli, home: Path, feed: list[str]) -> None:
    result = cli("digest", *feed, "--event", "辟谣")
    assert result.code == ExitStatus.USAGE
    events, _, hint = result.err.partition("hint:")
    for named in ("launch (发布, 發表)", "regulation (监管)", "financials (业绩)", "legal (法律)"):
        assert named in events
    for other in ("上市", "法规", "财报", "诉讼"):
        assert other not in events
    assert (
        "a launch's stages are filing (申报), teaser (官图), reveal (首秀), pre-sale (预售)" in hint
    )
    # Trial 47: the hint named the stages otherwise than `digest --help` ("coming", "launch"
    # for teaser and on sale; "launch" keeps every launch story): one list now.
    stages = "".join(hint.split("a launch's stages are ")[1].split(";")[0].split())
    helped = "".join(cli("digest", "--help").out.replace("│", " ").split())  # wrapped anywhere
    assert f"Oralaunch'sstage:{stages}." in helped


def test_an_unknown_chinese_maker_name_is_refused_with_close_names(
    cli, home: Path, feed: list[str]
) -> None:
    result = cli("digest", *feed, "--maker", "福斯車")
    assert result.code == ExitStatus.USAGE
    assert "unknown maker or group '福斯車'" in result.err
    assert "did you mean '福斯'" in result.err


# Stages of a launch (report 4.2: `--event 预售` and `--event 上市` gave every launch; 官图 and OTA
# were refused): each takes the launch stories at its stage.
STAGES = {
    "零跑A10申报图曝光，尺寸接近元PLUS": "申报图",
    "宝马新世代iX3长轴距版官图发布": "官图",
    "零跑A10开启预售，预售价8.98万元起": "预售",
    "零跑A10上市，售价7.98万元起": "上市",
    "方程豹豹8 OTA升级 新增城市NOA": "OTA",
}


@pytest.fixture
def launches(tmp_path: Path) -> list[str]:
    path = tmp_path / "dcd.xml"
    items = [item(title, n, hours_ago=n + 1) for n, title in enumerate(STAGES)]
    path.write_text(rss(items, "懂车帝"), "utf-8")
    return ["--feed", str(path), "--no-extract", "--format", "json"]


def test_a_launchs_stages_are_names_the_event_filter_takes(
    cli, home: Path, launches: list[str]
) -> None:
    assert sorted(titles(cli, launches, "--event", "发布")) == sorted(STAGES)
    for title, name in STAGES.items():
        assert titles(cli, launches, "--offline", "--event", name) == [title], name
    left = titles(cli, launches, "--offline", "--exclude-event", "预售")
    assert sorted(left) == sorted(title for title, name in STAGES.items() if name != "预售")
    stats = cli("stats", "--event", "预售")  # no stages there: the launch
    assert stats.code == 0, stats.err
