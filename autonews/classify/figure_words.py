"""The vocabulary of figures, from ``knowledge/figures.toml``: the nouns a count's unit is read
from ("cars" and "SUVs" count vehicles, "jobs" and "workers" jobs, "inflators" parts), the
Chinese measure words, the words that make people jobs, and the words that make ¥ yen."""

from __future__ import annotations

import re
import tomllib
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

_PEOPLE = _DATA["people"]
PEOPLE = frozenset(_PEOPLE["nouns"])
_JOB_WORD = re.compile(r"\b(?:" + "|".join(_PEOPLE["english"]) + r")\b", re.IGNORECASE)
_JOB_CJK = re.compile("|".join(_PEOPLE["chinese"]))


def about_jobs(text: str) -> bool:
    """Whether a headline is about jobs, so that the people it counts are jobs ("lay off 1,000
    people", 裁员1.3万人): asked only of a count of people."""
    return bool(_JOB_WORD.search(text) or _JOB_CJK.search(text))


def _words(names: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(names) + r")\b", re.IGNORECASE)


_JAPAN = _words(_DATA["yen"]["japan"])
_CHINA = _words(_DATA["yen"]["china"])
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
    japan, china = bool(_JAPAN.search(text)), bool(_CHINA.search(text))
    if japan != china:
        return japan
    return "JP" in countries and "CN" not in countries
