"""Line breaking of Chinese and mixed text (trial 34 #11): at 47 and 50 columns the terminal
digest started lines with 】，。 and broke inside numbers ("理想0" / ".81万", "7.98" / "万元").
Through the real CLI on a terminal of that width, and as properties of the line breaker for any
mix of scripts."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from rich.cells import cell_len

from autonews.render.line_break import break_offsets, lines_of, wrap
from tests.helpers.feeds import item, rss
from tests.helpers.terminal import run_in_terminal

CLOSING = "，。、；：！？）》」』】…"
OPENING = "（《「『【“"

# Trial 34's headlines that broke badly, and what must stay on one line.
WEEKLY = "【周榜】第48周：问界1.21万、零跑1.18万、小米0.98万、理想0.81万、小鹏0.79万、蔚来0.63万。"
RECALL = (
    "【小米召回11.69万辆SU7】市场监管总局消息，小米汽车将通过OTA方式为召回范围内车辆免费升级软件。"
)
HEADLINES = {
    WEEKLY: [
        "1.21万",
        "0.98万",
        "0.81万",
        "0.79万",
        "0.63万",
    ],
    RECALL: ["11.69万辆"],
    "小米YU7交付量突破4万台，雷军：12月继续冲刺": ["4万台", "12月"],
    "比亚迪秦PLUS DM-i限时一口价7.98万元起，仅限12月": ["7.98万元"],
    "比亚迪 11 月新能源汽车销量 48.02 万辆，同比下降 5%": ["48.02 万辆", "5%"],
}


def _text_of(line: str) -> str:
    """A line of the terminal digest without its box borders and indents."""
    return line.strip().strip("│").strip()


@pytest.mark.parametrize("columns", [47, 50])
def test_a_narrow_terminal_breaks_chinese_lines_by_the_rules(
    home: Path, httpserver: HTTPServer, columns: int
) -> None:
    items = [item(title, n, hours_ago=n + 1) for n, title in enumerate(HEADLINES)]
    httpserver.expect_request("/feed").respond_with_data(
        rss(items, title="懂车帝快讯"), content_type="application/rss+xml"
    )
    args = ["digest", "--feed", httpserver.url_for("/feed"), "--no-extract", "--all-topics"]
    out = run_in_terminal([*args, "--language", "zh-CN"], home, columns=columns)
    lines = [re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", line) for line in out.splitlines()]
    links = [line for line in lines if "http://" in line]  # never wrapped: a link stays whole
    texts = [_text_of(line) for line in lines if line not in links and _text_of(line)]
    assert [line for line in lines if line not in links and cell_len(line) > columns] == []
    assert [text for text in texts if text[0] in CLOSING] == []
    assert [text for text in texts if text[-1] in OPENING] == []
    for figures in HEADLINES.values():
        assert [f for f in figures if not any(f in text for text in texts)] == [], figures


def test_the_lines_break_as_chinese_is_set() -> None:
    assert lines_of(RECALL, 28) == [
        "【小米召回11.69万辆SU7】市场",
        "监管总局消息，小米汽车将通过",
        "OTA方式为召回范围内车辆免费",
        "升级软件。",
    ]
    # No line starts with a closing mark: the character before it goes down with it.
    assert lines_of("小米YU7交付量突破4万台，雷军：12月继续冲刺", 22) == [
        "小米YU7交付量突破",
        "4万台，雷军：12月继续",
        "冲刺",
    ]
    assert lines_of("理想0.81万", 6) == ["理想", "0.81万"]
    assert lines_of("价格为 7.98 万元起", 12) == ["价格为", "7.98 万元起"]
    # English wraps at spaces as before; a name's interpunct never ends or starts a line.
    assert lines_of("Volvo Recalls 14,768 XC70s", 14) == ["Volvo Recalls", "14,768 XC70s"]
    assert lines_of("阿斯顿·马丁发布新车", 10) == ["阿斯顿·马", "丁发布新车"]
    # The separator of a story's line ends a line, never starts one.
    assert lines_of("8个来源 · 44小时前 · 懂车帝快讯", 20) == ["8个来源 · 44小时前 ·", "懂车帝快讯"]


def test_a_kept_name_is_broken_only_at_a_space() -> None:
    line = "3个来源 · 懂车帝快讯、汽车之家资讯"
    keep = [(line.index("懂"), line.index("、")), (line.index("汽"), len(line))]
    assert lines_of(line, 22, keep=keep) == ["3个来源 · 懂车帝快讯、", "汽车之家资讯"]
    assert wrap("a b", 10, initial_indent="* ", subsequent_indent="  ") == ["* a b"]


# Text of every kind: Han, kana, hangul, Latin, digits, punctuation of both kinds, spaces,
# no-break spaces, emoji, combining marks.
ANY_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        st.sampled_from("中文字，。、】「」【《》（）0123456789.,万亿元辆台% \u00a0·—…"),
    ),
    max_size=80,
)


def _lines(text: str, offsets: list[int]) -> list[str]:
    cuts = [0, *offsets, len(text)]
    return [text[a:b] for a, b in pairwise(cuts)]


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT, st.integers(min_value=2, max_value=60))
def test_breaking_loses_nothing_and_keeps_within_the_width(text: str, width: int) -> None:
    offsets = break_offsets(text, width)
    assert offsets == sorted(set(offsets)) and all(0 < o < len(text) for o in offsets)
    lines = _lines(text, offsets)
    assert "".join(lines) == text  # nothing lost, added or moved
    assert [line for line in lines if cell_len(line.rstrip()) > width] == []


# Headline-like text whose every unbreakable run fits a line of 16 cells: the rules then hold
# everywhere.
TOKEN = st.one_of(
    st.sampled_from("小米汽车召回蔚来发布问界销量工信部市场监管总局アイウ"),
    st.builds(
        lambda number, unit: number + unit,
        st.from_regex(r"\d{1,3}(\.\d{1,2})?", fullmatch=True),
        st.sampled_from(["万", "万辆", " 万元", "亿元", "%", "台", "年"]),
    ),
    st.sampled_from(["SU7 ", "OTA ", "Model Y ", "ES9 "]),
)
PUNCTUATED = st.tuples(st.sampled_from(["", *OPENING]), TOKEN, st.sampled_from(["", *CLOSING]))
HEADLINE = st.lists(PUNCTUATED, min_size=1, max_size=30).map(
    lambda parts: "".join(a + b + c for a, b, c in parts)
)
NUMBER_WITH_UNIT = re.compile(r"\d+(\.\d+)? ?(万辆|万元|亿元|万|%|台|年)")


@settings(max_examples=400, deadline=None)
@given(HEADLINE, st.integers(min_value=16, max_value=60))
def test_no_line_starts_closing_ends_opening_or_cuts_a_number(text: str, width: int) -> None:
    offsets = break_offsets(text, width)
    lines = _lines(text, offsets)
    assert "".join(lines) == text
    assert [line for line in lines if cell_len(line.rstrip()) > width] == []
    assert [line for line in lines[1:] if line[0] in CLOSING] == []
    assert [line for line in lines[:-1] if line.rstrip()[-1:] in set(OPENING)] == []
    for number in NUMBER_WITH_UNIT.finditer(text):
        inside = range(number.start() + 1, number.end())
        assert not [o for o in offsets if o in inside], (number.group(), text)


# Trial 40's outlets: a name with a space in it, and RSSHub's name of two makers' Weibo posts,
# whose "、" is the Chinese list's own mark.
SPACED = "懂车帝 - 新车资讯"
LISTED = "小米汽车、蔚来的微博"
AVATR = "阿维塔 12 召回 3206 辆，因高压线束可能磨损"


def test_a_sources_list_keeps_a_spaced_name_whole_and_quotes_a_listed_one(
    home: Path, httpserver: HTTPServer
) -> None:
    """At 50 columns the sources list read "IT之家、懂车帝 -" / "新车资讯、CnEVPost", and
    "IT之家、懂车帝 - 新车资讯、小米汽车、蔚来的微博、CnEVPost" read as five sources of four."""
    feeds = ["IT之家", SPACED, LISTED, "CnEVPost"]
    for n, name in enumerate(feeds):
        httpserver.expect_request(f"/f{n}").respond_with_data(
            rss([item(AVATR, n, hours_ago=n + 1)], title=name), content_type="application/rss+xml"
        )
    args = ["digest", "--no-extract", "--all-topics"]
    for n in range(len(feeds)):
        args += ["--feed", httpserver.url_for(f"/f{n}")]
    for columns in (46, 50, 56):
        out = run_in_terminal([*args, "--language", "zh-CN"], home, columns=columns)
        texts = [_text_of(re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", line)) for line in out.splitlines()]
        assert any(SPACED in text for text in texts), out
        assert any("「小米汽车、蔚来的微博」" in text for text in texts), out
        assert "4个来源" in out, out
    text = run_in_terminal([*args, "--language", "zh-CN", "--format", "text"], home, columns=50)
    assert "「小米汽车、蔚来的微博」" in text and SPACED in text, text
    # In English the list's mark is a comma: the name is no two there.
    english = run_in_terminal([*args, "--language", "en"], home, columns=120)
    assert "4 sources" in english and LISTED in english and "“" not in english, english
