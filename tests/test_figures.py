"""Figures as a user reads them in `classify` and in stories: what a count counts (vehicles,
jobs, parts), a number in a model's name that is none, and what currency a sum is in."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autonews.classify import Classifier

_CLASSIFIER = Classifier()


def _figures(title: str) -> list[tuple[str, float | None, str]]:
    return [(f.text, f.value, f.unit) for f in _CLASSIFIER.classify(title).figures]


# --- a number in a model's name is the name's --------------------------------------------------


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        ("Stellantis issues stop-sale on 2025 Ram 1500 pickups over tailgate latch", []),
        ("Ram 2500 heavy-duty trucks recalled over axle nut", []),
        ("Tesla Recalls 2,000 Model 3 sedans", [("2,000 Model 3 sedans", 2000, "vehicles")]),
        ("BYD Atto 3 SUVs get a new battery", []),
        ("Hyundai Ioniq 5 Named World Car of the Year", []),
        ("Tank 300 Hybrid Goes on Sale in Australia", []),
        (
            "Ram Recalling 1.2 Million 1500 Pickups",
            [("1.2 Million 1500 Pickups", 1.2e6, "vehicles")],
        ),
        (
            "GM Recalls 12,000 Silverado 1500 Trucks",
            [("12,000 Silverado 1500 Trucks", 12000, "vehicles")],
        ),
        ("领克08台湾上市 售价19.98万元", [("19.98万元", 199800, "CNY")]),
    ],
)
def test_a_number_in_a_models_name_is_no_figure(title: str, figures: list[object]) -> None:
    assert _figures(title) == figures


_MODELS_WITH_A_NUMBER = sorted(
    (maker["name"], model)
    for maker in tomllib.loads(
        resources.files("autonews.knowledge").joinpath("makers.toml").read_text("utf-8")
    )["maker"]
    for model in maker.get("models", [])
    # a model named by a word and a number of its own ("Ram 1500", "Atto 3", "Lynk 09"); not
    # "M-Hero 917", whose " M" after a count reads as millions
    if model.isascii() and re.search(r"(?:^| )\d+(?: |$)", model) and not model.startswith("M-")
)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_MODELS_WITH_A_NUMBER),
    st.integers(min_value=100, max_value=2_000_000),
    st.sampled_from(["SUVs", "cars", "vehicles", "pickups", "units", "EVs"]),
)
def test_a_count_of_a_model_with_a_number_counts_vehicles_once(
    maker_and_model: tuple[str, str], count: int, noun: str
) -> None:
    """Whatever the model and the count, the count is the one figure, in vehicles; the model's
    own number is none, with or without a count before it."""
    maker, model = maker_and_model
    assert _figures(f"{maker} recalls {model} {noun} over brakes") == []
    counted = _figures(f"{maker} recalls {count:,} {model} {noun} over brakes")
    assert counted == [(f"{count:,} {model} {noun}", count, "vehicles")]


# --- a count of models, or of a list of them, counts vehicles ----------------------------------


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        (
            "Ford Recalls 227,000 Explorers Over Seat Belts",
            [("227,000 Explorers", 227000, "vehicles")],
        ),
        (
            "Toyota Recalls 12,500 Grand Highlanders Over Airbags",
            [("12,500 Grand Highlanders", 12500, "vehicles")],
        ),
        ("Jeep Recalls 67,000 Wranglers!", [("67,000 Wranglers", 67000, "vehicles")]),
        ("1M Nissans Recalled Over Airbag Issue", [("1M Nissans", 1e6, "vehicles")]),
        ("Toyota recalls 141K Prius models", [("141K Prius models", 141000, "vehicles")]),
        (
            "Ford Recalls 14,768 Bronco Sport and Escape SUVs Over Fuel Injectors",
            [("14,768 Bronco Sport and Escape SUVs", 14768, "vehicles")],
        ),
        (
            "Kia recalls 33,700 Seltos and Soul vehicles",
            [("33,700 Seltos and Soul vehicles", 33700, "vehicles")],
        ),
        (
            "Hyundai Recalls 145,235 Ioniq 5, Ioniq 6 and Genesis EVs Over ICCU",
            [("145,235 Ioniq 5, Ioniq 6 and Genesis EVs", 145235, "vehicles")],
        ),
        (
            "Honda Recalls 1.7 Million CR-V, Civic, Accord Over Fuel Pumps",
            [("1.7 Million CR-V", 1.7e6, "vehicles")],
        ),
        (
            "Li Auto Recalls 11,411 MEGA MPVs Over Coolant",
            [("11,411 MEGA MPVs", 11411, "vehicles")],
        ),
        (
            "112,000 Chevrolet Cruze compact cars recalled",
            [("112,000 Chevrolet Cruze compact cars", 112000, "vehicles")],
        ),
        (
            "Recall Alert: 48,000 Toyota Tacomas May Lose Shock Absorbers",
            [("48,000 Toyota Tacomas", 48000, "vehicles")],
        ),
        ("Tesla recalls 50 Cybertrucks over loose trim", [("50 Cybertrucks", 50, "vehicles")]),
        ("Ford's 14.8K-Vehicle Recall Covers Bronco Sport", [("14.8K-Vehicle", 14800, "vehicles")]),
        ("Tesla Semi wins 2,500-truck order", [("2,500-truck", 2500, "vehicles")]),
        (
            "Toyota recalls a million cars because airbags may not deploy",
            [("a million cars", 1e6, "vehicles")],
        ),
        (
            "Ford issues six recalls for half a million cars",
            [("half a million cars", 5e5, "vehicles")],
        ),
        ("Mahindra Recalls 1.08 Lakh XUV700 SUVs", [("1.08 Lakh XUV700 SUVs", 108000, "vehicles")]),
        (
            "Volkswagen Reaches 2 Million Electric Vehicle Deliveries",
            [("2 Million Electric Vehicle Deliveries", 2e6, "vehicles")],
        ),
        # neither a count of models nor of cars
        ("Top 10 Tesla Facts You Should Know", []),
        ("Tesla Recalls 2,000 Cybertruck panels over adhesive", []),
        ("Massive data leak exposes 800,000 EV drivers", []),
        # an energy, no count (trial 52: kind energy)
        ("Zeekr 7X to get new 85 kWh battery in China", [("85 kWh", 85, "kWh")]),
        ("BYD's new 5-seat electric SUV has 7 seats and 1,000 km of range", []),
    ],
)
def test_what_a_count_counts(title: str, figures: list[object]) -> None:
    assert _figures(title) == figures


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        (
            "NHTSA demands recall of 52 million ARC airbag inflators",
            [("52 million ARC airbag inflators", 52e6, "parts")],
        ),
        (
            "Graco recalls 30,000 child car seats over harness buckle",
            [("30,000 child car seats", 30000, "parts")],
        ),
        (
            "Bosch recalls 75,000 e-bike batteries over fire risk",
            [("75,000 e-bike batteries", 75000, "parts")],
        ),
        ("比亚迪召回5万台发动机", [("5万台发动机", 50000, "parts")]),
        ("250万台充电桩，撑起一个IPO", []),  # chargers: no parts, no cars
    ],
)
def test_a_count_of_parts_is_in_parts(title: str, figures: list[object]) -> None:
    assert _figures(title) == figures


# --- jobs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "figures"),
    [
        ("Ford to cut 2,900 jobs in Germany as EV demand stalls", [("2,900 jobs", 2900, "jobs")]),
        ("Ford to Slash 2,900 German Jobs", [("2,900 German Jobs", 2900, "jobs")]),
        (
            "Stellantis to close Luton plant, putting 1,100 jobs at risk",
            [("1,100 jobs", 1100, "jobs")],
        ),
        ("Bosch to cut 13,000 more jobs in Germany", [("13,000 more jobs", 13000, "jobs")]),
        ("Ford Plans 4,000 Job Cuts in Europe", [("4,000 Job Cuts", 4000, "jobs")]),
        ("Ford UK to shed 800 roles at Dunton", [("800 roles", 800, "jobs")]),
        ("GM to lay off up to 14K workers", [("up to 14K workers", 14000, "jobs")]),
        (
            "GM blames EV challenges for 1,700 employee layoff",
            [("1,700 employee layoff", 1700, "jobs")],
        ),
        ("VW to lay off 1,000 people at Zwickau", [("1,000 people", 1000, "jobs")]),
        ("Three people hurt as a Tesla hits 3 people in a crash", []),
        ("博世将在德国再裁员1.3万人", [("1.3万人", 13000, "jobs")]),
        ("沃尔沃汽车将裁员3000人 主要在瑞典", [("3000人", 3000, "jobs")]),
        ("日産、世界で2万人削減 7工場閉鎖", [("2万人", 20000, "jobs")]),
        ("斯泰兰蒂斯将关闭卢顿工厂 约1100个岗位受影响", [("约1100个岗位", 1100, "jobs")]),
        ("特斯拉上海工厂事故致3人受伤", []),  # people hurt: no jobs
    ],
)
def test_job_counts_are_jobs(title: str, figures: list[object]) -> None:
    assert _figures(title) == figures


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=500_000),
    st.sampled_from(["jobs", "Jobs", "workers", "employees", "job cuts", "more jobs", "UK jobs"]),
    st.sampled_from(
        ["Ford to cut {} in Germany", "Nissan axes {}", "{} at risk as VW shuts plant"]
    ),
)
def test_any_count_of_jobs_is_in_jobs(count: int, noun: str, template: str) -> None:
    title = template.format(f"{count:,} {noun}")
    assert _figures(title) == [(f"{count:,} {noun}", count, "jobs")]


# --- currencies -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "currency"),
    [
        ("Renault to Pay ¥310 Billion for Nissan's Mitsubishi Motors Stake", "JPY"),
        ("Toyota posts ¥1.2 trillion operating profit", "JPY"),
        ("Tokyo court fines carmaker ¥5 billion", "JPY"),
        ("BYD to invest ¥10 billion in new plant", "CNY"),
        ("Toyota to invest ¥50 billion in Chinese joint venture", "CNY"),  # placed in China
        ("Geely raises ¥2 billion", "CNY"),
        ("Startup raises ¥300 million", "CNY"),  # no evidence: yuan
        ("丰田营业利润¥1.2万亿", "CNY"),  # Chinese text: yuan
    ],
)
def test_a_yen_sign_is_yen_where_the_headline_is_japanese(title: str, currency: str) -> None:
    (figure,) = _CLASSIFIER.classify(title).figures
    assert (figure.kind, figure.unit) == ("money", currency)


@pytest.mark.parametrize(
    ("title", "figure"),
    [
        ("现代汽车关税成本达1.8万亿韩元 营业利润下降29%", ("1.8万亿韩元", 1.8e12, "KRW")),
        ("特斯拉总市值飙至1.48万亿美元", ("1.48万亿美元", 1.48e12, "USD")),
        ("CCI Imposes ₹200 Crore Penalty on Maruti", ("₹200 Crore", 2e9, "INR")),
    ],
)
def test_trillions_and_crores_of_money(title: str, figure: tuple[str, float, str]) -> None:
    assert _figures(title)[0] == figure


# --- as the command line gives them ------------------------------------------------------------


def test_classify_json_gives_the_figures_a_user_reads(cli) -> None:
    lines = [
        "Stellantis issues stop-sale on 2025 Ram 1500 pickups over tailgate latch",
        "Ford Recalls 227,000 Explorers Over Seat Belts",
        "Ford to cut 2,900 jobs in Germany",
        "Renault to Pay ¥310 Billion for Nissan's Mitsubishi Motors Stake",
    ]
    result = cli("classify", "--format", "jsonl", stdin="\n".join(lines) + "\n")
    figures = [json.loads(line)["figures"] for line in result.out.splitlines()]
    # no range, as said
    plain = {
        "low": None,
        "high": None,
        "qualifier": None,
        "measure": None,
        "direction": None,
        "per": None,
    }
    assert figures == [
        [],
        [
            {
                "kind": "units",
                "text": "227,000 Explorers",
                "value": 227000,
                "unit": "vehicles",
                **plain,
            }
        ],
        [{"kind": "units", "text": "2,900 jobs", "value": 2900, "unit": "jobs", **plain}],
        [{"kind": "money", "text": "¥310 Billion", "value": 310000000000, "unit": "JPY", **plain}],
    ]


_DATE_TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789 /.-:,年月日号第周週（(）)~至",
            *("Dec", "March", "May", "5th", " of ", "wk", "Week", "１２"),
            *("11.24-11.30", "2026-12-07", "08:40"),
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DATE_TEXT)
def test_dates_are_found_where_the_pattern_finds_them(text: str) -> None:
    """date_spans tries the date pattern only where a date may start: what it finds is what the
    pattern finds searched from every character."""
    from autonews.classify import figure_words

    everywhere = [
        match.span()
        for match in figure_words._DATE.finditer(text)
        if not (told := match.group("slashed") or match.group("days"))
        or figure_words._day_and_month(told)
    ]
    assert figure_words.date_spans(text) == everywhere


def test_every_bounding_word_is_found_before_a_figure() -> None:
    """A bound's word is looked for only at the lengths of the words that end in the letter
    before the figure (figure_context._bounds_before): every word figures.toml lists before a
    figure, or as a verb before it, is still found, with its qualifier."""
    from autonews.classify.figure_context import bound_before

    source = resources.files("autonews.knowledge").joinpath("figures.toml")
    table = tomllib.loads(source.read_text("utf-8"))["qualifiers"]
    for qualifier, lists in table.items():
        for word in lists.get("before", []) + lists.get("verbs", []):
            text = f"Sales {word} 40,000"
            bound = bound_before(text, len(text) - len("40,000"), 40000.0)
            assert bound is not None, word
            assert (bound.qualifier, bound.words) == (qualifier, word)
