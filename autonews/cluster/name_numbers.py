"""Numbers that are part of a name: a chart's, a ranking's, a stock index's, a class's
("Billboard Global 200", "Fortune 500", "Kospi 200", "Class 8": ``[names]`` in
knowledge/figures.toml).

They are no figures: "BLACKPINK's Jennie tops Billboard Global 200" and "EV fire in Busan
apartment garage forces 200 residents to evacuate" were one story on "shared figures: 200",
at a text cosine of 0 (trial 55).
"""

from __future__ import annotations

import re

from autonews.classify.figure_words import DATA, UNIT_OF


def _name_words() -> str:
    return "|".join(
        re.escape(str(word)) for word in sorted(DATA["names"]["words"], key=len, reverse=True)
    )


def _figure_words() -> str:
    """The words after a number that make it a figure: a scale's, a currency's, a unit's noun."""
    words = [*DATA["names"]["after"], *UNIT_OF]
    return "|".join(re.escape(str(word)) for word in sorted(words, key=len, reverse=True))


# A name's word as a word of its own (not "world-class"), then digits alone: no separator, no
# decimal, and no scale, currency or unit after them ("Kospi 200" is the index; "Kospi at 4,200",
# "global 20% tariff" and "global 500 mln euros" are figures).
_NAME_NUMBER = re.compile(
    rf"(?<![\w&-])(?:{_name_words()})\s+\d+(?![\d,.]*\d)(?!\s?(?:{_figure_words()})(?!\w))",
    re.IGNORECASE,
)


def without_name_numbers(text: str) -> str:
    """``text`` with the numbers of names blanked (the name's word kept: it is still a word)."""
    if not any(char.isdigit() for char in text):
        return text
    return _NAME_NUMBER.sub(_blank_number, text)


def _blank_number(match: re.Match[str]) -> str:
    found = match.group(0)
    return found.rstrip("0123456789") + " "
