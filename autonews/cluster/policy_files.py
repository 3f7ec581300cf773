"""The files of car regulation an item names (``knowledge/policy_files.toml``): the CO2
standards, type-approval, the Batteries Regulation... Two items that name files, none of them
the same, are two events (``conflicts``): a proposal on one law and a push in the Council on
another share the industry's words and the same capitals, not the news (trial 47)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _files() -> tuple[tuple[str, re.Pattern[str]], ...]:
    source = resources.files("autonews.knowledge").joinpath("policy_files.toml")
    found = []
    for entry in tomllib.loads(source.read_text("utf-8")).get("file", []):
        words = sorted(entry["words"], key=len, reverse=True)
        either = "|".join(
            re.escape(w).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") for w in words
        )
        found.append((entry["id"], re.compile(rf"(?<![\w-])(?:{either})(?![\w-])", re.IGNORECASE)))
    return tuple(found)


def policy_files(text: str) -> frozenset[str]:
    """The ids of the files ``text`` (a title and its lead) names."""
    return frozenset(name for name, pattern in _files() if pattern.search(text))
