"""The one name a vehicle model is reported by, whatever script or brand a headline wrote it with.

The knowledge lists a model under several names ("M9", "问界M9", "Aito M5", "Li L6", "理想L6"),
each found in headlines as written. Reported as written, `--model M9` missed the Chinese story and
a script grouping models by name saw two. Names equal without their brand words are one model,
reported by the name without a brand when the data has one ("问界M9" and "Aito M9" are the "M9"),
else by the first in Latin letters ("极氪001" is the "Zeekr 001", "理想L6" the "Li L6"), else by
the first. A Chinese name keeps its characters ("汉EV" is no "EV").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from autonews.classify.lexicon import phrase_key

# A Chinese brand written against a model's Latin name: 问界M9, 小米SU7 Ultra.
_CHINESE_BRAND = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+")


def shown_names(
    models: list[str], brand_words: set[str]
) -> Iterator[tuple[tuple[str, ...], str, list[str]]]:
    """For each model of a maker (``brand_words``: the tokens of its names and aliases): the
    tokens of its name without a brand, the name it is reported by, and the names it is
    listed under."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for model in models:
        groups.setdefault(phrase_key(without_brand(model, brand_words)), []).append(model)
    for key, group in groups.items():
        shown = next(
            (m for m in group if phrase_key(m) == key),
            next((m for m in group if m.isascii()), group[0]),
        )
        yield key, shown, group


def without_brand(model: str, brand_words: set[str]) -> str:
    """A model's name without the brand it was written with: a Chinese one against it
    ("问界M9"), Latin words before it ("Aito M5"); as written when none is there."""
    chinese = _CHINESE_BRAND.match(model)
    if chinese and model[chinese.end() :].strip() and set(chinese.group()) <= brand_words:
        model = model[chinese.end() :]
    words = model.split()
    while len(words) > 1 and set(phrase_key(words[0])) <= brand_words:
        words.pop(0)
    return " ".join(words)
