"""The cheap tests that spare the classifier a search stay in step with what they guard: a
precheck that said no where the search would match would change a label."""

from __future__ import annotations

from autonews.classify import Classifier
from autonews.classify.title_kinds import _readers, asks_its_readers


def _alternatives(pattern: str) -> list[str]:
    """A regular expression's top-level alternatives (split at | outside brackets)."""
    parts, depth, current, escaped, in_class = [], 0, "", False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    return [*parts, current]


def test_every_way_a_question_is_put_to_readers_holds_one_of_its_cues() -> None:
    cues, readers = _readers()
    alternatives = _alternatives(readers.pattern)
    assert len(alternatives) > 10
    for alternative in alternatives:
        # The cue is in the alternative's words themselves: every match holds it.
        assert any(cue in alternative.lower().replace(r"\s+", " ") for cue in cues), alternative


def test_questions_put_to_readers_are_still_found() -> None:
    asked = [
        "What's The Most Overrated Car Of The Last Decade?",
        "Would You Rather Own A Porsche Or A Ferrari?",
        "Why Doesn't Anyone Buy The Honda Civic Type R?",
        "Tell us: which EV is best?",
    ]
    assert all(asks_its_readers(title) for title in asked)
    assert not asks_its_readers("Could Tesla cut prices again?")


def test_a_trucking_title_names_volvo_group_and_a_car_title_volvo_cars() -> None:
    classify = Classifier().classify
    freight = classify("Volvo, Aurora start driverless freight runs for DHL")
    assert [m.name for m in freight.makers] == ["Volvo Trucks"]
    # The trucking words in the summary count too.
    summary = "The autonomous trucks will haul freight between Dallas and Houston."
    hauled = classify("Volvo and Aurora expand partnership", summary)
    assert [m.name for m in hauled.makers] == ["Volvo Trucks"]
    assert [m.name for m in classify("Volvo cuts EX30 prices in Europe").makers] == ["Volvo"]
