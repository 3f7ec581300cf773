"""Trial 40: markets. A Taiwanese outlet's launch of the CLA (在台上市, 售價209萬元, NT$) had joined
a China filing of the CLA on the model alone, while the same outlet's piece on Tesla's China price
cut, which asks whether Taiwan follows, was kept from the cut's story as "different markets". A
price in NT$ or in yuan places its news in Taiwan or China; a market a title only asks about is not
its news's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster

CLASSIFIER = Classifier()


def story_of(*told: tuple[float, str, str]) -> list[list[int]]:
    """Clustered titles of (hours after the first, title, feed), each feed a car feed."""
    start = datetime(2026, 12, 4, 0, tzinfo=UTC)
    items = [
        ClusterInput(
            n,
            title,
            "",
            None,
            start + timedelta(hours=hours),
            CLASSIFIER.classify(title, "", car_feed=True),
            feed,
        )
        for n, (hours, title, feed) in enumerate(told)
    ]
    return sorted(cluster(items))


def test_a_taiwanese_piece_asking_whether_taiwan_follows_a_china_cut_is_the_cuts_story() -> None:
    stories = story_of(
        (2.5, "特斯拉中国Model 3降价1.5万元", "36氪"),
        (3, "Tesla cuts Model 3 RWD price in China by RMB 15,000 to RMB 219,900", "CnEVPost"),
        (4, "特斯拉中国官网 Model 3 后轮驱动版降价 1.5 万元，现售 21.99 万元", "IT之家"),
        (19, "特斯拉中國Model 3降價1.5萬人民幣 台灣會跟進嗎？", "自由時報"),
    )
    assert stories == [[0, 1, 2, 3]]


def test_a_taiwan_launch_priced_in_nt_dollars_and_the_china_launch_are_two_stories() -> None:
    stories = story_of(
        (0, "賓士CLA純電版在台上市 售價209萬元起", "自由時報"),
        (3, "奔驰纯电CLA上市 售价25.99万元起", "懂车帝"),
    )
    assert stories == [[0], [1]]


def test_a_taiwan_launch_and_a_china_filing_of_one_model_are_two_stories() -> None:
    stories = story_of(
        (11, "賓士CLA純電版在台上市 售價209萬元起", "自由時報"),
        (16, "奔驰纯电CLA长轴距版申报图曝光，北京奔驰生产", "懂车帝"),
    )
    assert stories == [[0], [1]]


def test_the_mainland_named_in_a_taiwanese_title_is_china() -> None:
    stories = story_of(
        (0, "小米YU9大陸上市 售價32.99萬人民幣起", "自由時報"),
        (0.5, "Xiaomi launches YU9 large SUV, priced from RMB 329,900", "CnEVPost"),
        (2, "特斯拉Model Y在台降價10萬元 174.9萬元起", "自由時報"),
    )
    assert [0, 1] in stories
