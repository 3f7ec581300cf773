"""The vocabulary of figures, from ``knowledge/figures.toml``: the nouns a count's unit is read
from ("cars" and "SUVs" count vehicles, "jobs" and "workers" jobs, "inflators" parts), the
Chinese measure words, the words that make people jobs, and the words that make ¥ yen."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


def _load() -> dict[str, Any]:
    data = resources.files("autonews.knowledge").joinpath("figures.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


_DATA = _load()


def _by_noun(table: dict[str, list[str]]) -> dict[str, str]:
    return {noun.lower(): unit for unit, nouns in table.items() for noun in nouns}


# "cars" -> vehicles, "jobs" -> jobs: a count's unit by its noun, in lower case.
UNIT_OF = _by_noun(_DATA["units"])
# Nouns after a singular unit noun that count what it counts ("vehicle deliveries", "job cuts").
THROUGH = frozenset(_DATA["through"]["nouns"])
# Words after a number that make it a measure, no count ("85 kWh battery").
MEASURES = frozenset(_DATA["measures"]["words"])

_CHINESE = _DATA["chinese"]
CJK_VEHICLES = frozenset(_CHINESE["vehicles"])
CJK_JOBS = tuple(_CHINESE["jobs"])
CJK_PARTS = tuple(_CHINESE["parts"])
CJK_PART_MEASURES = frozenset(_CHINESE["part_measures"])
CJK_OTHERS = tuple(_CHINESE["others"])

PEOPLE = frozenset(_DATA["people"]["nouns"])


def about_jobs(text: str) -> bool:
    """Whether a headline is about jobs, so that the people it counts are jobs ("lay off 1,000
    people", 裁员1.3万人): asked only of a count of people."""
    english, chinese = _patterns("people", "english", "chinese")
    return bool(english.search(text) or chinese.search(text))


@cache
def _patterns(table: str, words: str, more: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two lists of a table as patterns, made when first asked (a ¥ or a count of people is
    rare: the import does not pay for them). English words match as words in any case."""
    listed = _DATA[table]
    english = re.compile(r"\b(?:" + "|".join(listed[words]) + r")\b", re.IGNORECASE)
    other = "|".join(listed[more])
    return english, re.compile(rf"\b(?:{other})\b" if other.isascii() else other, re.IGNORECASE)


_KANA = re.compile("[\u3040-\u30ff]")
_HAN = re.compile("[\u3400-\u9fff]")


def yen_sign_is_yen(text: str, countries: frozenset[str]) -> bool:
    """Whether a ¥ in ``text`` is the yen (else the yuan): Japanese kana say yen, Chinese
    characters yuan; in other text the words that place the sum decide ("Tokyo", "yen" against
    "China", "yuan"), and without them or with both, the makers named (a Japanese one and no
    Chinese one: yen). Yuan by default: most ¥ in the car press are yuan."""
    if _KANA.search(text):
        return True
    if _HAN.search(text):
        return False
    japan_words, china_words = _patterns("yen", "japan", "china")
    japan, china = bool(japan_words.search(text)), bool(china_words.search(text))
    if japan != china:
        return japan
    return "JP" in countries and "CN" not in countries
