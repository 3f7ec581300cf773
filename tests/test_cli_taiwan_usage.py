"""Trial 32 #11, a Simplified headline for a reader in Taiwan, through the real CLI against a feed
on 127.0.0.1: `--language zh-TW` wrote 臺積電 (TSMC writes 台積電), 24萬臺 (Taiwan counts cars
with 台), 芯片 (晶片), 英偉達 (輝達), 屏幕 (螢幕) and 發佈 (發布), where the README promises
the region's usage; a reader in Hong Kong keeps Hong Kong's. Trial 34 #20: and their quotation
marks, 「反內捲」 where OpenCC kept the mainland's “反內捲”."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from autonews.reader_script import traditional_quotes
from tests.helpers.feeds import item, rss

# A mainland outlet's headlines, each a story of its own, with what a reader in Taiwan and one
# in Hong Kong read.
HEADLINES = [
    ("台积电德国车规芯片厂动工", "台積電德國車規晶片廠動工", "台積電德國車規芯片廠動工"),
    ("小米YU7订单18小时破24万台", "小米YU7訂單18小時破24萬台", "小米YU7訂單18小時破24萬台"),
    ("英伟达H20对华供应恢复", "輝達H20對華供應恢復", "英偉達H20對華供應恢復"),
    (
        "红米K90发布 首发2K 165Hz屏幕",
        "紅米K90發布 首發2K 165Hz螢幕",
        "紅米K90發佈 首發2K 165Hz屏幕",
    ),
    # Words Taiwan's news keeps, which OpenCC's Taiwan phrases would turn into others.
    (
        "极氪9X刷新纽北圈速纪录 发布会定档8月",
        "極氪9X刷新紐北圈速紀錄 發布會定檔8月",
        "極氪9X刷新紐北圈速紀錄 發佈會定檔8月",
    ),
    # Quotation marks as Taiwan and Hong Kong write them.
    (
        "工信部开展汽车行业“反内卷”专项整治",
        "工信部開展汽車行業「反內捲」專項整治",
        "工信部開展汽車行業「反內捲」專項整治",
    ),
    ("李斌：这是‘移动的家’", "李斌：這是「移動的家」", "李斌：這是「移動的家」"),
]


def test_a_simplified_headline_reads_as_taiwan_and_hong_kong_write(
    cli, home, httpserver: HTTPServer
) -> None:
    items = [item(simplified, n, hours_ago=n + 1) for n, (simplified, _, _) in enumerate(HEADLINES)]
    httpserver.expect_request("/cn").respond_with_data(
        rss(items, title="快科技"), content_type="application/rss+xml"
    )
    feed = ("--feed", httpserver.url_for("/cn"), "--all-topics", "--format", "json")
    assert cli("digest", *feed, "--no-extract").code == 0

    def titles(language: str) -> set[str]:
        digest = cli("digest", *feed, "--offline", "--language", language).json()
        return {story["title"] for story in digest["stories"]}

    assert titles("zh-TW") == {taiwan for _, taiwan, _ in HEADLINES}
    assert titles("zh-HK") == {hong_kong for _, _, hong_kong in HEADLINES}
    assert titles("zh") == {simplified for simplified, _, _ in HEADLINES}


QUOTES = {"“": "「", "”": "」", "‘": "『", "’": "』", '"': "「」"}


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.one_of(st.sampled_from("反内卷小米汽车“”‘’\"'Tesla s。，"), st.characters()),
        max_size=40,
    )
)
def test_taiwan_quotes_change_only_quotation_marks(text: str) -> None:
    converted = traditional_quotes(text)
    assert len(converted) == len(text)
    changed = [(a, b) for a, b in zip(text, converted, strict=True) if a != b]
    assert all(b in QUOTES.get(a, "") for a, b in changed)
    # Marks stay paired: as many open as close.
    assert converted.count("「") - text.count("「") == converted.count("」") - text.count("」")
    assert converted.count("『") - text.count("『") == converted.count("』") - text.count("』")


def test_taiwan_quotes_leave_an_apostrophe_and_a_latin_quote() -> None:
    assert traditional_quotes("他说：“这是‘移动的家’。”") == "他说：「这是『移动的家』。」"
    assert traditional_quotes('工信部"反内卷"整治') == "工信部「反内卷」整治"
    assert traditional_quotes('Tesla’s "FSD" 入华') == 'Tesla’s "FSD" 入华'
