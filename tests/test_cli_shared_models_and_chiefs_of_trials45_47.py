"""Trials 45 to 47, through the real CLI: a model name two makers share given to the one its
title or summary does not name (Tata's Sierra EV filed under GMC), a phone taken for car news
because its maker's chief is named beside it (Huawei's Mate 80 and 余承东), a think tank's
evaluative question taken for a rumour, and a press release's reference number read as its
lead sentence."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import serve_titles


def _labels(cli, *titles: str, items: list[dict[str, str]] | None = None) -> list[dict]:
    stdin = None
    if items is not None:
        stdin = "\n".join(json.dumps(each, ensure_ascii=False) for each in items) + "\n"
    result = cli("classify", "--format", "jsonl", *titles, stdin=stdin)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def _makers(label: dict) -> list[str]:
    return [maker["name"] for maker in label["makers"]]


def test_a_model_name_two_makers_share_is_the_named_makers(cli) -> None:
    """Trial 45's "Tata Motors' Sierra EV" was Tata's and GMC's ("models: Sierra EV (GMC)"), a
    bare "Sierra EV" whose summary is about Tata Motors GMC's; alone, or beside its own group, it
    is GMC's."""
    tata = _labels(
        cli,
        "Tata Motors' Sierra EV gets 500 km range",
        "Tata Motors launches Sierra EV at Rs 21 lakh",
    )
    assert [_makers(label) for label in tata] == [["Tata Motors"], ["Tata Motors"]]
    assert all(label["models"] == [] for label in tata)
    by_summary = _labels(
        cli,
        items=[
            {
                "title": "Sierra EV bookings open at Rs 21 lakh",
                "summary": "Tata Motors has opened bookings for the Sierra EV at its dealers.",
            },
            {
                "title": "Sierra EV bookings open",
                "summary": "GMC has opened orders for the Sierra EV Denali at its dealers.",
            },
        ],
    )
    assert [_makers(label) for label in by_summary] == [["Tata Motors"], ["GMC"]]
    gmc = _labels(cli, "Sierra EV bookings open", "GM recalls Sierra EV trucks")
    assert [_makers(label) for label in gmc] == [["GMC"], ["GM", "GMC"]]
    assert gmc[0]["models"] == [{"name": "Sierra EV", "maker": "GMC"}]


def test_a_digest_files_tatas_sierra_ev_under_tata_alone(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    titles = [
        "Tata Motors launches Sierra EV at Rs 21 lakh",
        "Ford recalls 20,000 Explorers over seat belts",
    ]
    feed = serve_titles(httpserver, titles, "/autocar-india")
    digest = cli("digest", "--feed", feed, "--no-extract", "--format", "json")
    assert digest.code == 0, digest.err
    stories = {story["title"]: story for story in digest.json()["stories"]}
    assert _makers(stories[titles[0]]) == ["Tata Motors"]
    gmc = cli("digest", "--feed", feed, "--no-extract", "--maker", "GMC", "--format", "json")
    assert gmc.code == 0, gmc.err
    assert gmc.json()["stories"] == []


def test_a_phone_beside_its_makers_chief_is_no_car_news(cli) -> None:
    """Trial 46's "华为Mate 80系列11月25日发布 余承东：史上最强Mate" was HIMA's car news: 余承东
    counts as a car word. A product that is no car outweighs a chief's name; his cars stay car
    news."""
    phones = _labels(
        cli,
        "小米17 Ultra发布 雷军：年度旗舰",
        items=[
            {
                "title": "华为Mate 80系列11月25日发布 余承东：史上最强Mate",
                "summary": "华为常务董事余承东宣布Mate 80系列发布时间。截至发稿，公司未回应。",
            },
        ],
    )
    for label in phones:
        assert not label["automotive"], label["title"]
        assert label["makers"] == [], label["title"]
    cars = _labels(cli, "余承东：问界M9大定破10万", "雷军：小米YU7交付提速")
    assert [_makers(label) for label in cars] == [["Aito"], ["Xiaomi"]]
    assert all(label["automotive"] for label in cars)


def test_an_evaluative_question_is_no_rumour(cli) -> None:
    """Bruegel's "Critical raw materials: is the EU picking the right strategic projects?" was
    "speculative"; a question that weighs whether something is right, enough or worth it is a
    commentary's. One that asks what will happen stays speculative."""
    labels = _labels(
        cli,
        "Critical raw materials: is the EU picking the right strategic projects?",
        "Is the EV tax credit worth it?",
        "Are the EU's tariffs on Chinese EVs enough?",
        "Will Tesla cut prices?",
        "Is Apple building a car?",
    )
    assert [label["speculative"] for label in labels] == [False, False, False, True, True]


def test_a_press_releases_reference_and_dateline_are_no_lead_sentence(cli) -> None:
    """The Commission's summaries open with "IP/26/2864." (and a dateline): its lead, where a
    raw-materials release ties itself to cars, is the sentence after them."""
    title = (  # (rare earths: an input of car making that a summary must tie to cars, where a
        # battery metal, lithium, is the EV battery's supply chain by itself: trial 52)
        "Critical Raw Materials: Commission selects 13 new Strategic Projects to secure"
        " supply of rare earths and tungsten"
    )
    lead = "The Commission has selected 13 new Strategic Projects for electric vehicles' batteries."
    labels = _labels(
        cli,
        items=[
            {"title": title, "summary": f"IP/26/2864. Brussels, 9 December 2026. {lead}"},
            {"title": title, "summary": f"STATEMENT/26/2864. Brussels, 9 December 2026. {lead}"},
            {"title": title, "summary": "IP/26/2864. Brussels, 9 December 2026. It funds mines."},
        ],
    )
    assert [label["automotive"] for label in labels] == [True, True, False]
