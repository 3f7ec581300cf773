"""The cheap checks before two patterns every number of a headline used to meet (speed53): the
measures' (classify/figure_measures.py: energy, mass) and the law words' (figure_words.py:
"Section 232"). Each is derived from the same units or words as its pattern, so a title that
skips the pattern is one that cannot match it: every unit and every word passes its check and is
still read, and on every real headline the checks and the patterns agree."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from autonews.classify import figure_measures, figure_words
from autonews.classify.figures import extract_figures
from autonews.evaluation.classify import load_labels

DATA = Path(__file__).parent / "data"


def _real_titles() -> list[str]:
    titles: list[str] = []
    for path in sorted(DATA.glob("real-headlines-*.tsv")):
        titles += [row.title for row in load_labels(path)]
    return titles


def _law_words() -> list[str]:
    data = resources.files("autonews.knowledge").joinpath("figures.toml").read_bytes()
    return [str(word) for word in tomllib.loads(data.decode("utf-8"))["laws"]["words"]]


def _units() -> list[str]:
    """Each energy unit and each mass word of figure_measures, with a scale word before one."""
    masses = [re.sub(r"\\s\+", " ", mass) for mass in figure_measures._MASSES]
    scaled = [f"{scale} tonnes" for scale in figure_measures._MASS_WORD_SCALES]
    return [*figure_measures._ENERGY.values(), *masses, *scaled]


@pytest.mark.parametrize("unit", _units())
@pytest.mark.parametrize("form", [str, str.lower, str.upper, str.title])
def test_every_measure_passes_the_check_and_is_read(unit: str, form: object) -> None:
    text = f"CATL signs deal for 96,600{form(unit)} of lithium"  # type: ignore[operator]
    assert figure_measures._MEASURE_CUE.search(text)
    kinds = [figure.kind for figure in extract_figures(text)]
    assert kinds == ["energy"] or kinds == ["mass"]


@pytest.mark.parametrize("word", _law_words())
@pytest.mark.parametrize("form", [str, str.lower, str.upper, str.title])
def test_every_law_word_passes_the_check_and_its_number_is_no_figure(
    word: str, form: object
) -> None:
    text = f"US widens {form(word)} 232 auto parts list"  # type: ignore[operator]
    assert figure_words.after_a_law_word(text, text.index("232"))
    assert extract_figures(text) == ()


def test_the_checks_agree_with_their_patterns_on_every_real_headline() -> None:
    for title in _real_titles():
        if figure_measures._MEASURED.search(title):
            assert figure_measures._MEASURE_CUE.search(title), title
        for number in re.finditer(r"\d+", title):
            start = number.start()
            if start <= 1:
                continue
            raw = figure_words.named_by_a_law_word(title, max(0, start - 12), start)
            assert figure_words.after_a_law_word(title, start) == raw, title


def test_most_titles_with_a_figure_skip_the_measures_pattern() -> None:
    with_digits = [title for title in _real_titles() if re.search(r"\d", title)]
    cued = [title for title in with_digits if figure_measures._MEASURE_CUE.search(title)]
    assert len(cued) < len(with_digits) / 2
