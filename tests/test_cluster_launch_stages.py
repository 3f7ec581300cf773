"""Trial 40 (a Shenzhen EV enthusiast on mixed Chinese feeds): the stages of one model's launch
were one story. 零跑A10's filing (申报图), pre-sale (8.98万) and launch (7.98万～10.98万) made one
11-source story, bridged by the English items ("appears in MIIT filing ahead of pre-sale" joined
the pre-sale; "opens pre-sale at RMB 89,800" the launch), and the YU9's launch took in the
countdown to its launch event and its orders counted hours later. Each stage is news of its own,
told in any language; a code such as "A10", which no knowledge file lists yet, names a model."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster, features_of
from tests.helpers.feeds import item, rss

CLASSIFIER = Classifier()

# Four outlets over three days (hours before the digest): the filing, the pre-sale, the launch.
A10 = {
    "IT之家": [
        (70, "零跑 A10 申报图曝光：定位紧凑型纯电 SUV，搭载 160kW 电机"),
        (47, "零跑 A10 开启预售：预售价 8.98 万元起，小订可抵 3000 元"),
        (23, "零跑 A10 正式上市：售价 7.98 万～10.98 万元"),
    ],
    "懂车帝": [
        (67, "零跑A10申报图曝光，尺寸接近元PLUS，近期将开启预售"),
        (47, "零跑A10开启预售 预售价8.98万元起 提供两种续航版本"),
        (22.8, "零跑A10上市 售价7.98万-10.98万元 首批车主本月提车"),
    ],
    "36氪": [
        (47.7, "零跑A10开启预售，预售价8.98万元起"),
        (22.5, "零跑A10上市，售价7.98万元起"),
    ],
    "CnEVPost": [
        (64, "Leapmotor A10 appears in MIIT filing ahead of pre-sale"),
        (46.7, "Leapmotor A10 opens pre-sale at RMB 89,800"),
        (21.8, "Leapmotor A10 launched at RMB 79,800-109,800"),
    ],
}


def test_a_models_filing_pre_sale_and_launch_are_three_stories(
    cli, home, httpserver: HTTPServer
) -> None:
    feeds = []
    n = 0
    for outlet, told in A10.items():
        items = []
        for hours, title in told:
            items.append(item(title, n, hours_ago=hours))
            n += 1
        path = f"/{len(feeds)}"
        httpserver.expect_request(path).respond_with_data(
            rss(items, title=outlet), content_type="application/rss+xml"
        )
        feeds += ["--feed", httpserver.url_for(path)]
    result = cli("digest", *feeds, "--no-extract", "--since", "4d", "--format", "json")
    assert result.code == 0, result.err
    stories = {
        frozenset(source["title"] for source in story["sources"])
        for story in result.json()["stories"]  # type: ignore[index]
    }
    filing, pre_sale, launch = (
        frozenset(title for told in A10.values() for hours, title in told if low < hours < high)
        for low, high in ((60, 80), (40, 50), (20, 30))
    )
    assert stories == {filing, pre_sale, launch}


def story_of(*told: tuple[float, str]) -> list[list[int]]:
    """Clustered titles of (hours after the first, title), each from its own car feed."""
    start = datetime(2026, 12, 4, 0, tzinfo=UTC)
    items = [
        ClusterInput(
            n,
            title,
            "",
            None,
            start + timedelta(hours=hours),
            CLASSIFIER.classify(title, "", car_feed=True),
            f"feed {n}",
        )
        for n, (hours, title) in enumerate(told)
    ]
    return sorted(cluster(items))


def test_a_launchs_date_countdown_launch_and_orders_hours_later_are_four_stories() -> None:
    stories = story_of(
        (8, "小米汽车官宣：小米 YU9 将于 12 月 5 日正式上市"),
        (20, "Xiaomi YU9 large SUV to launch on Dec 5"),
        (42, "倒计时1小时⏰ 小米YU9 发布会今晚7点准时开始，全平台直播 📺"),
        (43.5, "小米 YU9 正式上市：售价 32.99 万～39.99 万元，六座大型增程 SUV"),
        (43.7, "小米YU9 正式上市 🎉 售价 32.99 万元起，即刻锁单享首销权益 👉"),
        (44.2, "Xiaomi launches YU9 large SUV, priced from RMB 329,900"),
        (46, "雷军：小米 YU9 上市 2 小时锁单破 2 万台"),
        (47, "Xiaomi YU9 gets 20,000 locked-in orders in 2 hours"),
        (52, "小米 YU9 上市 18 小时锁单突破 5 万台"),
        (53, "Xiaomi YU9 locked-in orders surpass 50,000 in 18 hours"),
    )
    launch = [3, 4, 5]
    assert launch in stories
    assert all(not (set(story) & set(launch)) for story in stories if story != launch)
    assert [6, 7] in stories and [8, 9] in stories


def test_a_launch_told_beside_its_pre_sale_price_and_its_first_minutes_orders_is_the_launch() -> (
    None
):
    # "较预售价大降28万" compares the launch's price with the pre-sale's: no pre-sale; orders
    # counted in the launch's first minutes are how the launch was received.
    stories = story_of(
        (0, "小米SU7 Ultra正式上市 售价52.99万元"),
        (1, "52.99万元 小米SU7 Ultra较预售价大降28万"),
        (3, "Xiaomi launches SU7 Ultra at 529,900 yuan, well below preorder price"),
        (4, "小米SU7 Ultra開賣 27分鐘大定破1萬台"),
    )
    assert stories == [[0, 1, 2, 3]]


@pytest.mark.parametrize(
    ("title", "model"),
    [
        ("零跑A10开启预售，预售价8.98万元起", "a10"),
        ("Leapmotor A10 opens pre-sale at RMB 89,800", "a10"),
        ("深蓝S09增程版开启预售 预售价20.99万元起", "s09"),
    ],
)
def test_a_code_after_a_makers_name_is_a_model(title: str, model: str) -> None:
    item = ClusterInput(
        0, title, "", None, datetime(2026, 12, 4, tzinfo=UTC), CLASSIFIER.classify(title), "f"
    )
    assert model in {name for _, name in features_of([item])[0].models}


@pytest.mark.parametrize(
    "title",
    [
        "Tesla Q3 deliveries beat estimates",
        "小鹏 L3 自动驾驶获批",
        "SDI/BMW: Gen6 cylindrical, second source",
    ],
)
def test_a_quarter_an_automation_level_or_a_generation_is_no_model(title: str) -> None:
    item = ClusterInput(
        0, title, "", None, datetime(2026, 12, 4, tzinfo=UTC), CLASSIFIER.classify(title), "f"
    )
    assert not features_of([item])[0].models


def test_two_new_models_of_one_maker_launched_the_same_day_are_two_stories() -> None:
    stories = story_of(
        (0, "零跑A10上市 售价7.98万元起"),
        (2, "零跑B12上市 售价7.98万元起 首批车主本月提车"),
    )
    assert stories == [[0], [1]]
