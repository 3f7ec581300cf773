"""Events 50 (issue 14, launch against other on real headlines), through the real CLI: a new
model told as there, on sale or first seen without a launch verb is a launch ("This Is It",
"Has Arrived", "You Can Now Buy", Taiwan's 發表), and so is a coming model spotted somewhere
even where the event model reads no event; what else is "spotted" keeps its event."""

from __future__ import annotations

import pytest

from tests.helpers.classified import labels_of


@pytest.mark.parametrize(
    "title",
    [
        # A spy shot the event model reads as no event (was other).
        "Lucid Gravity X spotted at a Supercharger in Utah",
        # On sale somewhere new, with no launch verb (was other).
        "You Can Now Buy A Volvo EX30 On Amazon",
    ],
)
def test_a_new_model_there_or_spotted_is_a_launch(cli, title: str) -> None:
    labels = labels_of(cli, title)
    assert labels["event"] == "launch", labels


@pytest.mark.parametrize(
    "title",
    [
        # Someone spotted doing something is no spy shot of a coming model.
        "Driver spotted asleep at the wheel of a Tesla on the interstate",
        "Thieves spotted stealing catalytic converters from Toyota Prius cars in Leeds",
    ],
)
def test_what_else_is_spotted_keeps_its_event(cli, title: str) -> None:
    labels = labels_of(cli, title)
    assert labels["event"] != "launch", labels


def test_the_spy_shot_is_named_in_explain(cli) -> None:
    result = cli("classify", "--explain", "Lucid Gravity X spotted at a Supercharger in Utah")
    assert result.code == 0, result.err
    assert "event launch: a spy shot of a coming model, not other" in result.out
