"""Clustering: what blind trial 42 (a purchasing-risk analyst following suppliers, chip and
battery makers and their carmaker customers) saw joined that are different events, and split
that are one. One word both name is no subject when it is a common word (a verb, an industry's
word) or part of a company's name; a supplier is a subject as a maker is, so its job cuts told
with one count, or its profit warning and the same day's share slide, are one story; and what
`story --explain` and `story A B` say is what the pair really shares and which rule held."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.cluster.explain import explain
from tests.helpers.feeds import item, rss

CLASSIFIER = Classifier()
START = datetime(2026, 12, 4, 7, tzinfo=UTC)


def inputs(*told: tuple[float, str, str]) -> list[ClusterInput]:
    """Items of (hours after the first, title, summary), each from its own car feed."""
    return [
        ClusterInput(
            n,
            title,
            summary,
            None,
            START + timedelta(hours=hours),
            CLASSIFIER.classify(title, summary, car_feed=True),
            f"feed {n}",
        )
        for n, (hours, title, summary) in enumerate(told)
    ]


def story_of(*told: tuple[float, str, str]) -> list[list[int]]:
    return sorted(cluster(inputs(*told)))


def test_hours_apart_say_a_model_and_a_figure_only_when_the_pair_has_them() -> None:
    # 1 h 51 min apart: 1.85 h, which float arithmetic printed as "1.9 h apart, counted as
    # 1.8 h: one model and a figure in common" for a pair sharing neither.
    items = inputs(
        (0, "Schaeffler to close Berndorf plant in Austria", ""),
        (111 / 60, "Schaeffler shuts Austrian Berndorf factory", ""),
    )
    (merge,) = explain(items, [0, 1]).merges
    details = {e.name: e.detail for e in merge.evidence}
    assert details["hours_apart"] == "1.9 h apart"


# Around them, the week's other supplier news: a few days of feeds hold more than the pair.
WEEK = [
    (-20, "Bosch to cut 1,850 jobs at German plants", "Bosch Mobility will cut 1,850 jobs."),
    (-18, "ZF wins 8HP transmission order from BMW", "A multi-billion-euro order for ZF."),
    (-15, "Forvia to cut 3,000 jobs in Europe", "Forvia plans to cut 3,000 jobs by 2028."),
    (-12, "Lear workers strike at GM seat plant", "Workers at a Lear seat plant walked out."),
    (-9, "Valeo to build heat pumps in Poland", "Valeo will build heat pumps in Poland."),
    (-6, "CATL to supply LFP cells to Stellantis", "CATL will supply cells for Stellantis."),
]


def together(stories: list[list[int]], first: int, second: int) -> bool:
    return any(first in story and second in story for story in stories)


def test_one_verb_two_companies_tell_is_no_shared_subject() -> None:
    # Trial 42's worst kind: 'recover', a verb, joined Aisin's results and Siemens' share record.
    base = len(WEEK)
    stories = story_of(
        *WEEK,
        (
            0,
            "Aisin net profit climbs 18% as transmission sales to Toyota recover",
            "Aisin's net profit for the first half rose 18% to 98.2 billion yen as sales of "
            "automatic transmissions and eAxles to Toyota recovered.",
        ),
        (
            2,
            "Siemens shares hit record as automation orders recover",
            "Shares in Siemens rose as much as 6% to a record high after analysts said factory "
            "automation orders were recovering.",
        ),
    )
    assert not together(stories, base, base + 1)


def test_a_word_of_a_companys_name_is_no_shared_subject() -> None:
    # "BlueOval SK" gave the term "sk", which SK Hynix's share move had too.
    base = len(WEEK)
    stories = story_of(
        *WEEK,
        (
            0,
            "Ford, SK On to dissolve BlueOval SK battery venture, split plants",
            "Ford and SK On will dissolve their BlueOval SK joint venture.",
        ),
        (
            1,
            "SK Siltron shares surge on wafer price hike",
            "Shares in the wafer maker rose after it raised prices.",
        ),
    )
    assert not together(stories, base, base + 1)


def test_a_suppliers_order_for_a_platform_is_not_the_platforms_production_start() -> None:
    # 'Neue Klasse', the platform both name, joined Samsung SDI's cell order and the start of
    # a Neue Klasse model's production.
    base = len(WEEK)
    stories = story_of(
        *WEEK,
        (
            0,
            "Samsung SDI to supply cylindrical cells for BMW Neue Klasse",
            "Samsung SDI has won an order to supply battery cells for BMW's Neue Klasse models "
            "from 2028.",
        ),
        (
            2,
            "BMW starts production of its new electric sedan in Munich",
            "Series production of the sedan, the second Neue Klasse model, has started.",
        ),
    )
    assert not together(stories, base, base + 1)


SCHAEFFLER_RELEASE = (
    0,
    "Schaeffler Announces Further Measures to Strengthen Competitiveness in Europe",
    "Schaeffler AG plans to reduce around 2,800 further positions in Europe by 2029 and to close "
    "its plant in Berndorf, Austria.",
)
SCHAEFFLER_REPORT = (
    1,
    "Schaeffler to cut 2,800 more jobs and shut Austrian plant",
    "Schaeffler will cut another 2,800 jobs in Europe, most of them in Germany, and close its "
    "Berndorf plant in Austria by 2028.",
)


def test_a_suppliers_press_release_and_the_reports_of_its_job_cuts_are_one_story() -> None:
    # The release's title names no figure; its lead and the report's title give 2,800.
    base = len(WEEK)
    stories = story_of(*WEEK, SCHAEFFLER_RELEASE, SCHAEFFLER_REPORT)
    assert together(stories, base, base + 1)


def test_a_suppliers_job_cuts_told_with_one_count_are_one_story() -> None:
    base = len(WEEK)
    stories = story_of(
        *WEEK,
        (
            0,
            "Aumovio to cut 3,000 R&D jobs worldwide, half of them in Germany",
            "Continental's former automotive division, listed separately since September 2025 "
            "as Aumovio, will cut around 3,000 jobs in research and development by the end of "
            "2027.",
        ),
        (
            2,
            "Continental spin-off Aumovio cuts 3,000 engineering jobs",
            "Aumovio is reducing its R&D headcount by about 3,000 positions as it pares back "
            "software projects that carmakers have taken in-house.",
        ),
    )
    assert together(stories, base, base + 1)


def test_a_suppliers_profit_warning_and_the_same_days_share_slide_are_one_story() -> None:
    base = len(WEEK)
    stories = story_of(
        *WEEK,
        (
            0,
            "Valeo cuts 2026 operating margin guidance as European production slumps",
            "Valeo lowered its full-year operating margin target to 3.8-4.2% from 4.5%, citing "
            "weaker light-vehicle output in Europe.",
        ),
        (
            1,
            "Valeo shares slide 9% after French parts maker issues profit warning",
            "Shares in Valeo fell as much as 9% in Paris after the car parts supplier cut its "
            "margin guidance for the second time this year.",
        ),
    )
    assert together(stories, base, base + 1)


def test_a_unions_protest_against_a_suppliers_cuts_is_news_of_its_own() -> None:
    # The protest's lead repeats the count of the cuts it is against; its title tells a turn of
    # its own, in another town. The tester praised keeping it apart.
    base = len(WEEK)
    stories = story_of(
        *WEEK,
        (
            0,
            "ZF plans to cut 7,600 jobs in its electric drive division",
            "ZF will cut up to 7,600 jobs in its electric drive division in Germany by 2030.",
        ),
        (
            20,
            "IG Metall vows to fight ZF job cuts, plans protests in Schweinfurt",
            "The IG Metall union said it would organise protests at ZF's Schweinfurt site next "
            "week against the planned cut of up to 7,600 jobs.",
        ),
    )
    assert not together(stories, base, base + 1)


def test_story_a_b_names_the_rule_that_asked_for_more(cli, home: Path, tmp_path: Path) -> None:
    """`story A B` said "name nothing that proves one event: a merge needs a subject both name
    ... or a figure" above a list of the company, the place and the figures the pair shared.
    It now says which rule asked for more: two items naming a supplier and no maker."""
    items = [
        item(
            "Schaeffler to Hold Capital Markets Day on March 18, 2027",
            1,
            30,
            description="Schaeffler will present its strategy to investors in Herzogenaurach.",
        ),
        item(
            "Schaeffler Opens Bearing Plant in Pune, India",
            2,
            28,
            description="Schaeffler has opened a new bearing plant in Pune.",
        ),
    ]
    for n, told in enumerate(items):
        (tmp_path / f"press{n}.xml").write_text(rss([told], title=f"Press {n}"), "utf-8")
    feeds = [arg for n in range(2) for arg in ("--feed", str(tmp_path / f"press{n}.xml"))]
    digest = cli("digest", *feeds, "--no-extract", "--since", "all", "-f", "json").json()
    first, second = (story["id"] for story in digest["stories"])
    shown = cli("story", first, second)
    assert shown.code == 0, shown.err
    assert "name nothing that proves one event" not in shown.out
    assert "are not proven one event: car news naming no maker needs more than a company" in (
        shown.out
    )


def test_a_suppliers_halted_shipments_and_a_makers_halted_line_are_two_stories() -> None:
    # The cause of a shortage is the supplier's event, a maker's halt its own (the key says
    # so). Kept apart on main already when fixed; a guard for the supplier rule above.
    base = len(WEEK)
    stories = story_of(
        *WEEK,
        (
            0,
            "Nexperia says China unit halted wafer shipments, warns automakers of supply gaps",
            "Nexperia said its Chinese back-end unit in Dongguan has stopped accepting wafers, "
            "and warned carmakers of supply gaps within weeks.",
        ),
        (
            5,
            "Volkswagen to pause Golf production in Wolfsburg over Nexperia chips",
            "Volkswagen will stop the Golf and Tiguan lines at its Wolfsburg main plant from "
            "Monday because of a shortage of Nexperia chips.",
        ),
    )
    assert not together(stories, base, base + 1)
