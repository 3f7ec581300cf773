"""Trial 40: words that are no subject. The A-share close ("汽车整车板块领涨") joined Great Wall's
Tank brand's 600,000th vehicle ("第60万辆整车下线") on 整车 alone, and a horse auction in Xinjiang
(汗血宝马, read as BMW by a car feed's reading) joined BMW's iX3 images, whose plant is in
Shenyang, on "china": the country both places lie in. The industry's generic words are no
subject, and two places of one country prove no event (they would be shared if they did)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.evaluation.cluster import load_rows

CLASSIFIER = Classifier()


def story_of(*told: tuple[float, str, str]) -> list[list[int]]:
    """Clustered titles of (hours after the first, title, feed), read as car feeds' items."""
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


def test_the_industrys_generic_words_are_no_shared_subject() -> None:
    stories = story_of(
        (9, "A股收评：沪指涨0.5%，汽车整车板块领涨", "36氪"),
        (17, "长城汽车坦克品牌第 60 万辆整车下线", "IT之家"),
    )
    assert stories == [[0], [1]]


def test_two_places_of_one_country_are_no_shared_subject() -> None:
    stories = story_of(
        (11, "新疆伊犁一匹汗血宝马拍出1200万元", "36氪"),
        (12, "宝马新世代iX3长轴距版官图发布，沈阳工厂明年投产", "懂车帝"),
    )
    assert stories == [[0], [1]]


def test_one_place_told_at_two_scales_is_still_one_story() -> None:
    stories = story_of(
        (0, "Tesla Berlin plant halts production after arson attack on power line", "Reuters"),
        (2, "Tesla's German plant halts production after suspected arson", "Electrek"),
    )
    assert stories == [[0, 1]]


def test_the_trials_headlines_read_as_car_feeds_items_join_no_phone_to_a_car() -> None:
    """The trial's 193 headlines, every outlet read as a car feed (as IT之家 and 36氪 were on its
    first day): a phone's system update shared 推送 and 新增 with a car's OTA, and a phone's
    launch date (小米 18 Pro 官宣 12 月 5 日发布) joined the YU9's orders on 官方 and "18"."""
    rows = load_rows(Path(__file__).parent / "data" / "clusters-trial40.tsv")
    items = [
        ClusterInput(
            n,
            row.title,
            row.summary,
            None,
            row.published,
            CLASSIFIER.classify(row.title, row.summary, car_feed=True),
            row.outlet,
        )
        for n, row in enumerate(rows)
    ]
    for story in cluster(items):
        events = {rows[n].event for n in story}
        assert not {"np-harmonyos", "np-xiaomi18-teaser"} & events or len(events) == 1, [
            rows[n].title for n in story
        ]
