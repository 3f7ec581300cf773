"""Trial 34, figures of Chinese news as a user sees them, through the real CLI (`classify`,
`digest`, `story --explain`) on the trial's headlines: a date ("IT之家 12 月 5 日消息",
"第48周（11.24-11.30）") is no figure two stories can share, and IT之家's spaced numbers ("销量
48.02 万辆") are read as the unspaced ones are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autonews.classify import Classifier
from autonews.cluster.figures import numbers
from tests.helpers.feeds import item, rss

# The trial's IT之家 and 36氪 items that a dateline joined (trial 34 #2): Li Auto's OTA and
# Xiaomi's phone OS, 25 hours apart, "shared figures: 12" (the month of "12 月 5 日").
_IT_HOME = [
    (
        "小米汽车召回 116887 辆 SU7 标准版：辅助驾驶功能存隐患，OTA 免费升级",
        "IT之家 12 月 5 日消息，据国家市场监督管理总局官网，小米汽车科技有限公司向监管部门"
        "备案了召回计划。",
        52.8,
    ),
    (
        "理想汽车 OTA 8.1 推送：VLA 司机大模型上车，新增语音控车",
        "IT之家 12 月 5 日消息，理想汽车今日开始推送 OTA 8.1 版本。",
        50.8,
    ),
    (
        "小米澎湃 OS 3.1 正式版推送：新增 AI 修图",
        "IT之家 12 月 6 日消息，小米澎湃OS 3.1 开始推送。",
        25.7,
    ),
]
_KR36 = [
    (
        "华为乾崑ADS 4.1开始推送，问界、智界、享界车主率先升级",
        "华为乾崑智驾ADS 4.1正式推送，新增车位到车位领航及高速L3试点能力。",
        47.8,
    )
]


def _feed(path: Path, name: str, rows: list[tuple[str, str, float]], first: int = 0) -> str:
    path.write_text(
        rss(
            [
                item(title, first + n, hours, description=summary)
                for n, (title, summary, hours) in enumerate(rows)
            ],
            title=name,
        ),
        "utf-8",
    )
    return str(path)


def _stories(cli, *feeds: str) -> list[dict]:
    args = [arg for feed in feeds for arg in ("--feed", feed)]
    result = cli(
        "digest", *args, "--no-extract", "--all-topics", "--since", "7d", "--format", "json"
    )
    assert result.code == 0, result.err
    return result.json()["stories"]


def _story_of(stories: list[dict], words: str) -> dict:
    (story,) = [s for s in stories if any(words in src["title"] for src in s["sources"])]
    return story


def test_an_it_home_dateline_joins_no_two_stories(cli, home: Path, tmp_path: Path) -> None:
    """Trial 34 #2: every IT之家 summary opens "IT之家 12 月 5 日消息", and the 12 was a figure
    any two of its items of a month shared: Li Auto's OTA and Xiaomi's phone OS were one story."""
    stories = _stories(
        cli,
        _feed(tmp_path / "ithome.xml", "IT之家", _IT_HOME),
        _feed(tmp_path / "kr36.xml", "36氪", _KR36, first=10),
    )
    li_auto = _story_of(stories, "理想汽车 OTA 8.1")
    assert [src["title"] for src in li_auto["sources"]] == [_IT_HOME[1][0]]
    assert _story_of(stories, "小米澎湃 OS 3.1")["id"] != li_auto["id"]


def test_a_dateline_is_not_among_a_storys_shared_figures(cli, home: Path, tmp_path: Path) -> None:
    """One event told by IT之家 (spaced, dated "12 月 5 日") and 懂车帝 ("12月继续冲刺"): the
    story's evidence is the deliveries both count, not the month both name."""
    it_home = _feed(
        tmp_path / "ithome.xml",
        "IT之家",
        [
            (
                "小米汽车：YU7 累计交付突破 4 万辆",
                "IT之家 12 月 5 日消息，小米汽车今日宣布 YU7 累计交付已突破 4 万辆，"
                "小米汽车工厂二期正在满产爬坡。",
                3,
            )
        ],
    )
    dcd = _feed(
        tmp_path / "dcd.xml",
        "懂车帝快讯",
        [
            (
                "小米YU7交付量突破4万台，雷军：12月继续冲刺",
                "小米汽车官方宣布，YU7上市以来累计交付量已突破4万台。",
                3.2,
            )
        ],
        first=10,
    )
    (story,) = [s for s in _stories(cli, it_home, dcd) if s["cluster_size"] == 2]
    explained = cli("story", story["id"], "--explain")
    assert explained.code == 0, explained.err
    (shared,) = [line.strip() for line in explained.out.splitlines() if "shared figures:" in line]
    assert shared == "shared figures: 40,000"


# IT之家's house style spaces digits from Chinese characters (trial 34 #3); the other outlets'
# headlines of the same figures do not.
_SPACED = [
    "比亚迪股份：11 月新能源汽车销量 48.02 万辆，同比下降 5%",
    "蔚来公布 2026 年 Q3 财报：营收 217.9 亿元，净亏损同比收窄 31%",
    "小米汽车：YU7 累计交付突破 4 万辆",
    "理想汽车 11 月交付 3.35 万辆，同比下降 32%",
    "奇瑞集团 11 月销售汽车 28.1 万辆，出口 12.6 万辆创新高",
    "特斯拉中国：Model Y L 限时 5 年 0 息，最高省 3.2 万元",
    "尊界 S800 累计大定破 2 万台，余承东：豪华车市场格局改变",
]
_SPACE_BETWEEN = re.compile(
    r"(?<=[\d%A-Za-z]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=[\dA-Za-z])"
)


def _figures(cli, *titles: str) -> list[list[tuple[str, float, str]]]:
    result = cli("classify", *titles, "--format", "json")
    assert result.code == 0, result.err
    return [[(f["kind"], f["value"], f["unit"]) for f in c["figures"]] for c in result.json()]


@pytest.mark.parametrize("spaced", _SPACED)
def test_spaced_figures_are_read_as_unspaced_ones(cli, home: Path, spaced: str) -> None:
    """ "比亚迪 11 月新能源汽车销量 48.02 万辆" had no figure where "…销量48.02万辆" had one."""
    unspaced = _SPACE_BETWEEN.sub("", spaced)
    as_spaced, as_unspaced = _figures(cli, spaced, unspaced)
    assert as_spaced == as_unspaced
    assert any(kind in ("units", "money") for kind, _, _ in as_spaced)
    shown = cli("classify", spaced, "--format", "text")
    assert re.search(r"figures: .*[万亿]", shown.out), shown.out


_CLASSIFIER = Classifier()


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value="1", max_value="999.99", places=2).map(lambda d: f"{d.normalize():f}"),
    st.sampled_from(["万辆", "万台", "亿元", "万元", "億元", "萬輛"]),
    st.sampled_from(["比亚迪销量{}", "蔚来营收{}，同比增长", "理想汽车交付{}"]),
)
def test_a_space_around_a_number_changes_none_of_its_figures(
    number: str, unit: str, headline: str
) -> None:
    """Whatever the number and the unit, "销量 48.02 万辆" is "销量48.02万辆": in the classifier
    and in the clustering's figures."""
    unspaced = headline.format(number + unit)
    spaced = headline.format(f" {number} {unit}")
    read = [(f.kind, f.value, f.unit) for f in _CLASSIFIER.classify(unspaced).figures]
    assert read and read == [
        (f.kind, f.value, f.unit) for f in _CLASSIFIER.classify(spaced).figures
    ]
    assert numbers(spaced) == numbers(unspaced)


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@st.composite
def _dates(draw: st.DrawFn) -> str:
    """A date as Chinese and English news write it."""
    year = draw(st.integers(2020, 2030))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    end = min(day + 6, 28)
    space = draw(st.sampled_from(["", " "]))
    clock = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    return draw(
        st.sampled_from(
            [
                f"{month}{space}月{space}{day}{space}日",
                f"{year}年{month}月",
                f"{year}年{month}月{day}日",
                f"第{draw(st.integers(1, 52))}周（{month}.{day}-{month}.{end}）",
                f"{month}/{day}",
                f"{_MONTHS[month - 1]} {day}",
                f"{day} {_MONTHS[month - 1]} {year}",
                f"{year}-{month:02d}-{day:02d} {clock}",
            ]
        )
    )


@settings(max_examples=300, deadline=None)
@given(
    _dates(),
    st.integers(min_value=100, max_value=500_000),
    st.sampled_from(
        ["IT之家 {} 消息，比亚迪召回 {} 辆汉", "{}：比亚迪召回{}辆汉", "On {}, BYD recalls {} cars"]
    ),
)
def test_a_date_adds_no_figure(date: str, count: int, headline: str) -> None:
    """Whatever the date and how it is written, a headline has the figures it has without it:
    the count, never the month, the day or the week."""
    dated, undated = headline.format(date, f"{count:,}"), headline.format("", f"{count:,}")
    assert numbers(dated) == numbers(undated)
    assert [f.value for f in _CLASSIFIER.classify(dated).figures] == [count]
