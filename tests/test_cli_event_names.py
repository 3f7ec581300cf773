"""Trial 34 #14: `--event` in the reader's words. `--event 交付` (deliveries) was refused with a
list of English slugs only, while 销量 worked; nothing said deliveries, sales and rankings are
financials. Real CLI, a feed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss

DELIVERIES = "小鹏汽车11月交付3.68万台，同比增长19%"
RECALL = "长安深蓝召回部分SL03 共计1.56万辆"
PRICE_CUT = "特斯拉Model Y限时降价1万元，售价25.35万元起"


@pytest.fixture
def feed(tmp_path: Path) -> list[str]:
    path = tmp_path / "feed.xml"
    titles = (DELIVERIES, RECALL, PRICE_CUT)
    path.write_text(rss([item(t, n) for n, t in enumerate(titles)], "车讯"), encoding="utf-8")
    return ["--feed", str(path), "--no-extract", "--format", "json"]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("交付", DELIVERIES),
        ("deliveries", DELIVERIES),
        ("Sales", DELIVERIES),
        ("周榜", DELIVERIES),
        ("銷量", DELIVERIES),  # Traditional characters, as a Taiwanese reader writes it
        ("price cut", PRICE_CUT),
        ("降价", PRICE_CUT),
        ("召回", RECALL),
    ],
)
def test_event_names_in_the_readers_words(cli, home: Path, feed: list[str], name, title) -> None:
    result = cli("digest", *feed, "--event", name)
    assert result.code == 0, result.err
    assert [story["title"] for story in result.json()["stories"]] == [title]


def test_an_unknown_event_name_is_refused_with_the_chinese_names(
    cli, home: Path, feed: list[str]
) -> None:
    """辟谣 (a denial) is no event type: the error names every event with its Chinese name,
    and where deliveries and sales are."""
    result = cli("digest", *feed, "--event", "辟谣")
    assert result.code == ExitStatus.USAGE
    assert "recall (召回)" in result.err and "financials (业绩)" in result.err
    assert "deliveries, sales and rankings are financials" in result.err


def test_the_help_says_where_deliveries_and_sales_are(cli) -> None:
    for command in ("digest", "stats"):
        text = " ".join(cli(command, "--help").out.replace("│", " ").split())
        assert "Deliveries, sales and rankings are financials." in text, command
        assert "交付" in text
