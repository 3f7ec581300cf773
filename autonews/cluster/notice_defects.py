"""A regulator's recall notice as the clustering reads it: who filed it and the defect it names
(knowledge/notice_defects.toml, trial 48).

NHTSA's feed titles one notice per campaign by the filer's legal name and the defect ("Kia
America, Inc.: Power Seat Motor May Overheat"); Transport Canada's by the models and the defect,
English then French ("2022-2025 Hyundai Ioniq 5 and 2023-2025 Ioniq 6: Loss of drive power /
Perte de puissance"). The defect is a notice's subject: two notices of different filers, or whose
defects share no word but "may" and "fail", are two recalls (a Kia seat motor and a Hyundai
charging unit joined on nothing else). Notices of one campaign tell its defect in like words
("Rearview Camera Image May Not Display" / "Rear view camera may not display an image")."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from autonews.classify.lexicon import stem
from autonews.official_notices import official_notice

_WORD = re.compile(r"[a-z]+")
_STANDARD = re.compile(r"/\s*FMVSS\s*\d+.*$", re.IGNORECASE)  # "…/FMVSS 111": the rule cited


class Notice(NamedTuple):
    filer: str  # NHTSA's filer as its title names it ("kia america, inc."); "" for others
    defect: frozenset[str]  # the defect's words, stemmed, but those every notice uses


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    source = resources.files("autonews.knowledge").joinpath("notice_defects.toml")
    words = str(tomllib.loads(source.read_text("utf-8"))["generic"]).split()
    return frozenset(stem(word) for word in words)


def notice_of(title: str, summary: str) -> Notice | None:
    """The notice an item is, or None if it is no regulator's recall notice."""
    if ":" not in title or not official_notice(title, summary):
        return None
    head, _, defect = title.partition(":")
    filer = "" if head[:1].isdigit() else " ".join(head.lower().split())
    english = _STANDARD.sub("", defect.split(" / ")[0])  # Transport Canada's French follows
    generic = _generic()
    words = frozenset(stem(word) for word in _WORD.findall(english.lower()))
    return Notice(filer, words - generic)


def other_notices(a: Notice | None, b: Notice | None) -> str | None:
    """Why two notices are two recalls, or None: filed by two makers, or for two defects."""
    if a is None or b is None:
        return None
    if a.filer and b.filer and a.filer != b.filer:
        return "two makers' recall notices"
    if a.defect and b.defect and a.defect.isdisjoint(b.defect):
        return "recall notices of two defects"
    return None
