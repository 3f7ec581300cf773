"""Events 50 (issue 14, launch against other on real headlines), through the real CLI: a new
model told as there or on sale without a launch verb is a launch ("You Can Now Buy", "now
available", "This Is It", "Has Arrived", Taiwan's 發表), and `--explain` names the phrase; what
figures or a video "reveal" is a finding, no launch."""

from __future__ import annotations

import pytest

from tests.helpers.classified import labels_of


@pytest.mark.parametrize(
    "title",
    [
        "You Can Now Buy A Volvo EX30 On Amazon",  # was other
        "Hyundai Ioniq 9 is now available in Canada",  # was pricing
    ],
)
def test_a_new_model_on_sale_without_a_launch_verb_is_a_launch(cli, title: str) -> None:
    labels = labels_of(cli, title)
    assert labels["event"] == "launch", labels


def test_explain_names_the_launch_phrase(cli) -> None:
    result = cli("classify", "--explain", "You Can Now Buy A Volvo EX30 On Amazon")
    assert result.code == 0, result.err
    assert "rules: launch, 'Can Now Buy'" in result.out


def test_what_figures_reveal_is_a_finding(cli) -> None:
    result = cli(
        "classify", "--explain", "SUVs second biggest cause of emissions rise, figures reveal"
    )
    assert result.code == 0, result.err
    assert "rules: other, 'figures reveal'" in result.out
    assert (
        labels_of(cli, "SUVs second biggest cause of emissions rise, figures reveal")["event"]
        == "other"
    )
