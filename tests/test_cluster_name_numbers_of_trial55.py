"""A number that is part of a name is no figure, and a figure is no event by itself (trial 55):
"BLACKPINK's Jennie tops Billboard Global 200" and "EV fire in Busan apartment garage forces 200
residents to evacuate" were one story on "shared figures: 200" at a text cosine of 0 (p 0.96),
in a feed read as a car feed. A chart, a ranking, an index or a class is named with its number
("Fortune 500", "Kospi 200"); two texts with no word in common do not share an event whatever
number both give."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.cluster.name_numbers import without_name_numbers

CLASSIFIER = Classifier()
START = datetime(2026, 12, 2, 7, tzinfo=UTC)
FIRE = (
    "EV fire in Busan apartment garage forces 200 residents to evacuate",
    "About 200 residents were evacuated when an electric car caught fire in an underground "
    "garage in Busan, fire officials said.",
)


def stories(*rows: tuple[str, str]) -> list[list[int]]:
    items = [
        ClusterInput(
            n,
            title,
            summary,
            None,
            START + timedelta(hours=n),
            CLASSIFIER.classify(title, summary, car_feed=True),  # a feed read as a car feed
            f"feed {n}",
        )
        for n, (title, summary) in enumerate(rows)
    ]
    return sorted(cluster(items))


def test_a_charts_number_is_no_shared_figure() -> None:
    chart = (
        "BLACKPINK's Jennie tops Billboard Global 200 for first time",
        'Jennie\'s single "like JENNIE" rose to No. 1 on the Billboard Global 200 chart, her '
        "first solo chart-topper.",
    )
    assert stories(chart, FIRE) == [[0], [1]]


def test_a_figure_alone_with_no_word_in_common_is_no_event() -> None:
    # A chart the list of names does not know: the figure is all the two texts share.
    chart = (
        "BLACKPINK's Jennie tops Melon 200 for first time",
        "Jennie's single rose to No. 1 on the Melon 200 chart, her first solo chart-topper.",
    )
    assert stories(chart, FIRE) == [[0], [1]]


def test_names_keep_their_words_and_figures_keep_their_numbers() -> None:
    assert without_name_numbers("Kospi 200 futures rise") == "Kospi   futures rise"
    assert without_name_numbers("Fortune 500 list adds Kia") == "Fortune   list adds Kia"
    for figure in ("Kospi closes at 4,200", "Global 200,000 recall", "a global 20% tariff"):
        assert without_name_numbers(figure) == figure


def test_a_common_word_before_a_count_names_nothing() -> None:
    """Review 39: "global" and "hot" are names' words only in their names (Billboard Global,
    Billboard Hot), and a count a scale, a currency or a unit's noun follows is a figure whatever
    word is before it; "world-class" is no class."""
    for figure in (
        "Toyota to cut global 3000 jobs",
        "Honda global 3700 jobs",
        "Stellantis to invest global 500 mln euros",
        "Kia hot 300 units sold out",
        "Hyundai opens world-class 500 staff plant",
    ):
        assert without_name_numbers(figure) == figure
    assert without_name_numbers("Billboard Global 200 chart") == "Billboard Global   chart"
    assert without_name_numbers("Billboard Hot 100") == "Billboard Hot  "


def test_two_reports_of_one_count_after_global_are_one_story() -> None:
    # An Asian wire's "global 9000 jobs" (no separator) is the count the other report gives.
    assert stories(
        ("Nissan to cut global 9000 jobs", ""), ("Nissan to cut 9000 jobs, shut three plants", "")
    ) == [[0, 1]]
