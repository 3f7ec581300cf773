"""A figure as the text outputs (`classify`, `story`) show it: as written, and what its title
says it is where its text does not ("22.6% (year-on-year)", "超4万台 (at least)", "0.3% (market
index)"); JSON gives the same as data (``qualifier``, ``measure``)."""

from __future__ import annotations

from autonews.models import MEASURE_WORDS, QUALIFIER_WORDS, Figure
from autonews.text import clean_text


def figure_text(figure: Figure) -> str:
    text = clean_text(figure.text)
    said = []
    # An English bound is in the text already ("over 40,000", "nearly 15,000 SUVs").
    if figure.qualifier and not (text[:1].isascii() and text[:1].isalpha()):
        said.append(QUALIFIER_WORDS[figure.qualifier])
    if figure.measure:
        said.append(MEASURE_WORDS[figure.measure])
    return f"{text} ({', '.join(said)})" if said else text
