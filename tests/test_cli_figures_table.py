"""Trial 39: figures an analyst can build a table from, as `classify`, `digest --format json` and
`story` give them. A count with no unit after a delivery, sales or registration word is a count
of vehicles ("Aito deliveries hit 48,532 in Nov" gave no figure); a range is one figure with its
two ends (11.5万至12万辆 became 120,000); a bound is kept (超4万台 became a plain 40,000); a
percentage says what it is where its title does (同比, 渗透率, a market index's move); and a
story's figures include what its sources agree on where its chosen title tells none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.feeds import item, rss
from tests.helpers.invariants import valid_digest
from tests.helpers.site import Site


def _figures(cli, *titles: str) -> list[list[dict]]:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(titles) + "\n")
    assert result.code == 0, result.err
    return [json.loads(line)["figures"] for line in result.out.splitlines()]


def _brief(figure: dict) -> tuple:
    """What a script reads of a figure: its value (or a range's ends), unit, bound, measure."""
    value = figure["value"] if figure["low"] is None else (figure["low"], figure["high"])
    return (figure["text"], value, figure["unit"], figure["qualifier"], figure["measure"])


# --- a count with no unit is a count of what the words before it count -----------------------


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        (
            "Aito deliveries hit 48,532 in Nov as M8 and M9 lead HIMA",
            [("48,532", 48532, "vehicles", None, None)],
        ),
        (
            "BYD sells 498,612 NEVs in Nov, up 3.8% year-on-year; overseas sales hit 131,935",
            [
                ("498,612 NEVs", 498612, "vehicles", None, None),
                ("3.8%", 3.8, "%", None, "yoy"),
                ("131,935", 131935, "vehicles", None, None),
            ],
        ),
        (
            "Li Auto May deliveries rise 17% to 40,856",
            [("17%", 17, "%", None, None), ("40,856", 40856, "vehicles", None, None)],
        ),
        (
            "零跑汽车：11月交付86215，同比增长22.6%",
            [("86215", 86215, "vehicles", None, None), ("22.6%", 22.6, "%", None, "yoy")],
        ),
        (
            "Tesla China weekly insurance registrations hit 11,800 last week",
            [("11,800", 11800, "vehicles", None, None)],
        ),
        (
            "Xpeng G7 pre-orders top 30,000 in 24 hours",
            [("30,000", 30000, "orders", "at_least", None)],
        ),
        # a roundup's list: each count of the list counts what the first does
        (
            "China EV startups' Nov deliveries: Leapmotor 86,215, Xpeng 43,150, Li Auto 41,205",
            [
                ("86,215", 86215, "vehicles", None, None),
                ("43,150", 43150, "vehicles", None, None),
                ("41,205", 41205, "vehicles", None, None),
            ],
        ),
        # not counts: a price, a count of something else, a year, a loss, a ranking
        ("BYD sales push as Seal 08 priced at 179,800", []),
        ("Tesla deliveries slow as it adds 300 dealers", []),
        ("Rivian deliveries in 2025 fall short", []),
        ("每交付一辆新车亏损超10万，新能源撤出购物中心", []),
    ],
)
def test_a_bare_count_after_a_delivery_word_counts_vehicles(
    cli, title: str, figures: list[tuple]
) -> None:
    (found,) = _figures(cli, title)
    assert [_brief(f) for f in found] == figures


# --- a range is one figure with its two ends ------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        (
            "理想汽车：第三季度总营收298.7亿元，同比增长9.0%；预计第四季度交付11.5万至12万辆",
            [
                ("298.7亿元", 29870000000, "CNY", None, None),
                ("9.0%", 9, "%", None, "yoy"),
                ("11.5万至12万辆", (115000, 120000), "vehicles", None, None),
            ],
        ),
        (
            "NIO guides Q4 deliveries of 120,000 to 125,000 vehicles",
            [("120,000 to 125,000 vehicles", (120000, 125000), "vehicles", None, None)],
        ),
        (
            "蔚来：预计第四季度交付12.5万到13万台",
            [("12.5万到13万台", (125000, 130000), "vehicles", None, None)],
        ),
        (
            "比亚迪海豹08上市 售价17.98万-23.98万元",
            [("17.98万-23.98万元", (179800, 239800), "CNY", None, None)],
        ),
        ("问界M8预售价35.98~44.98万元", [("35.98~44.98万元", (359800, 449800), "CNY", None, None)]),
        (
            "GM expects EBIT between $12 billion and $13 billion",
            [("$12 billion and $13 billion", (12e9, 13e9), "USD", None, None)],
        ),
        ("Kia cuts operating margin target to 6%-7%", [("6%-7%", (6, 7), "%", None, "margin")]),
        ("约11.5万至12万辆", [("约11.5万至12万辆", (115000, 120000), "vehicles", "about", None)]),
        # a change is no range: the figure it comes to stands alone
        (
            "Xpeng raises target from 100,000 to 125,000 vehicles",
            [("125,000 vehicles", 125000, "vehicles", None, None)],
        ),
        (
            "Tesla China cuts Model Y price by 2,000 to 229,900 yuan",
            [("229,900 yuan", 229900, "CNY", None, None)],
        ),
        (
            "Li Auto deliveries rise 24.2% to 41,205",
            [("24.2%", 24.2, "%", None, None), ("41,205", 41205, "vehicles", None, None)],
        ),
    ],
)
def test_a_range_is_one_figure_with_its_low_and_high_end(
    cli, title: str, figures: list[tuple]
) -> None:
    (found,) = _figures(cli, title)
    assert [_brief(f) for f in found] == figures


# --- a bound is kept ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        ("小米汽车11月交付量超4万台", [("超4万台", 40000, "vehicles", "at_least", None)]),
        (
            "Xiaomi delivers over 40,000 units in November",
            [("over 40,000 units", 40000, "vehicles", "at_least", None)],
        ),
        (
            "Xiaomi EV deliveries exceed 40,000 for third straight month",
            [("40,000", 40000, "vehicles", "at_least", None)],
        ),
        (
            "Ford recalls nearly 15,000 SUVs",
            [("nearly 15,000 SUVs", 15000, "vehicles", "about", None)],
        ),
        ("福特在美召回约107.5万辆汽车", [("约107.5万辆", 1075000, "vehicles", "about", None)]),
        ("零跑12月将保持8万台以上的交付", [("8万台以上", 80000, "vehicles", "at_least", None)]),
        ("理想宣布召回1.1万余辆", [("1.1万余辆", 11000, "vehicles", "at_least", None)]),
        ("小米YU7月交付不到1万辆", [("不到1万辆", 10000, "vehicles", "at_most", None)]),
        (
            "The new Chevy Bolt starts under $30,000",
            [("under $30,000", 30000, "USD", "at_most", None)],
        ),
    ],
)
def test_a_bound_is_kept(cli, title: str, figures: list[tuple]) -> None:
    (found,) = _figures(cli, title)
    assert [_brief(f) for f in found] == figures


# --- a percentage says what it is -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "measures"),
    [
        ("Li Auto delivers 41,205 vehicles in Nov, up 24.2% year-on-year", ["yoy"]),
        ("零跑汽车11月交付86215台，同比增长22.6%，环比增长7.6%", ["yoy", "mom"]),
        ("蔚来三季度营收283.4亿元，环比增长12%", ["qoq"]),  # 环比 of a quarter
        ("Tesla China registrations rose 12% week-on-week", ["wow"]),
        ("乘联会：11月1-23日全国乘用车零售127.1万辆，新能源零售渗透率61.2%", ["penetration"]),
        ("和泰車11月掛牌1.1萬台 市占率31.5%", ["share"]),
        ("EVs hit 25% market share in Europe", ["share"]),
        ("NIO vehicle margin improves to 16.8% in Q3", ["margin"]),
        ("Leapmotor shares fall 8% after HK$3.86 billion placement", ["stock"]),
        ("Hang Seng slips 0.3% at close; Leapmotor jumps 4% on delivery optimism", ["index", None]),
        ("港股收评：恒指涨0.8%，理想汽车跌超5%", ["index", None]),
        ("NIO Q3 revenue up 30.1% to RMB 28.34 billion", [None]),
    ],
)
def test_a_percentage_says_what_it_is(cli, title: str, measures: list[str | None]) -> None:
    (found,) = _figures(cli, title)
    assert [f["measure"] for f in found if f["kind"] == "percent"] == measures


def test_the_text_outputs_say_what_each_figure_is(cli) -> None:
    """`classify` (and `--explain`) say in words what JSON gives as data."""
    result = cli(
        "classify",
        "--explain",
        "小米汽车11月交付量超4万台，同比增长22.6%",
        "Hang Seng slips 0.3% at close; Leapmotor jumps 4%",
        "理想汽车：预计第四季度交付11.5万至12万辆",
        "Aito deliveries hit 48,532 in Nov",
    )
    assert result.code == 0, result.err
    assert "figures: 超4万台 (at least), 22.6% (year-on-year)" in result.out
    assert "figures: 0.3% (market index), 4%" in result.out
    assert "figure 0.3%: a market index's move ('Hang Seng'), no figure of a maker" in result.out
    assert "figure 11.5万至12万辆: a range, 115,000 to 120,000" in result.out
    assert "figure 48,532: counts vehicles ('deliveries' before it)" in result.out


# --- a story's figures: what its sources agree on -------------------------------------------------

BYD = [
    ("Wire", "UPDATE 2-BYD November sales edge up 3.8%, overseas shipments hit record"),
    ("电车汇", "比亚迪11月新能源汽车销量49.86万辆，海外销量13.19万辆创新高"),
    ("财闻电报", "比亚迪：11月新能源汽车销量49.86万辆，同比增长3.8%"),
]
LEAPMOTOR = [
    ("Markets", "Leapmotor delivers record 86,215 vehicles in November"),
    ("电车汇", "零跑汽车11月交付86215台，同比增长22.6%，再创历史新高"),
    ("财闻电报", "零跑汽车：11月交付86215台，同比增长22.6%"),
]


def _feeds(site: Site, sources: list[tuple[str, str]]) -> list[str]:
    """Each source a feed of its own on the loopback site: the --feed arguments."""
    feeds = []
    for n, (name, title) in enumerate(sources):
        path = f"/{n}.xml"
        site.routes[path] = (200, "application/rss+xml", rss([item(title, n, 2 + n / 4)], name))
        feeds += ["--feed", site.url(path)]
    return feeds


def _digest(cli, feeds: list[str], *options: str) -> dict:
    result = cli("digest", *feeds, *options, "--no-extract", "--format", "json", "--language", "en")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    valid_digest(document)
    return document


def test_a_story_gives_the_count_its_sources_agree_on(cli, home: Path, site: Site) -> None:
    """BYD's story was titled by "sales edge up 3.8%", no count; two sources tell 49.86万辆
    (one also its overseas 13.19万辆, which the other does not): the story has 49.86万辆, and
    its 3.8% is year-on-year, as the flash says."""
    (story,) = _digest(cli, _feeds(site, BYD))["stories"]
    assert story["title"].startswith("BYD November sales edge up 3.8%")
    assert [_brief(f) for f in story["figures"]] == [
        ("3.8%", 3.8, "%", None, "yoy"),
        ("49.86万辆", 498600, "vehicles", None, None),
    ]


def test_a_story_gives_the_change_its_sources_agree_on(cli, home: Path, site: Site) -> None:
    """Leapmotor's YoY of 22.6% was in three sources' titles and missing from its story."""
    feeds = _feeds(site, LEAPMOTOR)
    (story,) = _digest(cli, feeds)["stories"]
    assert story["title"] == "Leapmotor delivers record 86,215 vehicles in November"
    assert [_brief(f) for f in story["figures"]] == [
        ("86,215 vehicles", 86215, "vehicles", None, None),
        ("22.6%", 22.6, "%", None, "yoy"),
    ]
    shown = cli("story", story["id"])
    assert shown.code == 0, shown.err
    assert "figures: 86,215 vehicles, 22.6% (year-on-year)" in shown.out
    # A warm run reads the labels the store keeps: the same figures.
    (kept,) = _digest(cli, feeds, "--offline")["stories"]
    assert kept["figures"] == story["figures"]


def test_a_range_and_a_bound_are_kept_by_the_store(cli, home: Path, site: Site) -> None:
    """The labels a warm run reads from the store keep a range's ends and a figure's bound."""
    feeds = _feeds(
        site, [("财闻电报", "理想汽车：预计第四季度交付11.5万至12万辆，11月交付超4万台")]
    )
    (story,) = _digest(cli, feeds)["stories"]
    expected = [
        ("11.5万至12万辆", (115000, 120000), "vehicles", None, None),
        ("超4万台", 40000, "vehicles", "at_least", None),
    ]
    assert [_brief(f) for f in story["figures"]] == expected
    (kept,) = _digest(cli, feeds, "--offline")["stories"]
    assert [_brief(f) for f in kept["figures"]] == expected


def test_the_store_keeps_every_field_of_a_figure() -> None:
    """A warm run's labels come from the store's records: a figure keeps its range, bound,
    measure, and whether its unit is implied (which clustering reads)."""
    from autonews.classify import classify
    from autonews.models import Classification

    label = classify("Aito deliveries hit 48,532 in Nov, up 22.6% year-on-year; 约11.5万至12万辆")
    assert [f.implied for f in label.figures] == [True, False, False]
    kept = Classification.from_record(json.loads(json.dumps(label.to_record())))
    assert kept.figures == label.figures
