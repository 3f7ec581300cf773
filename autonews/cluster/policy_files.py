"""The files of car regulation an item names (``knowledge/policy_files.toml``): the CO2
standards, type-approval, the Batteries Regulation... Two items that name files, none of them
the same, are two events (``conflicts``): a proposal on one law and a push in the Council on
another share the industry's words and the same capitals, not the news (trial 47). The body of
the EU acting on a file (``acting_bodies``): two items naming one file and one body on one day
tell one stage of it, in whatever words and language."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from autonews.classify.lexicon import tokenize


def _either(words: list[str]) -> str:
    """Phrases as one alternation, a hyphen and a space alike, longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") for w in ordered)


def _knowledge() -> dict[str, Any]:
    source = resources.files("autonews.knowledge").joinpath("policy_files.toml")
    return tomllib.loads(source.read_text("utf-8"))


@lru_cache(maxsize=1)
def _files() -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = []
    knowledge = _knowledge()
    for entry in [*knowledge.get("file", []), *knowledge.get("programme", [])]:
        either = _either(entry["words"])
        found.append(
            (str(entry["id"]), re.compile(rf"(?<![\w-])(?:{either})(?![\w-])", re.IGNORECASE))
        )
    return tuple(found)


PROGRAMME = "p:"  # the term of a national programme an item names: "p:th-ev-3.5"


@lru_cache(maxsize=1)
def _programmes() -> dict[tuple[str, ...], str]:
    """Each programme's words as tokens, and its term."""
    return {
        tuple(tokenize(words).norms): PROGRAMME + str(entry["id"])
        for entry in _knowledge().get("programme", [])
        for words in entry["words"]
    }


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(words[0] for words in _programmes())


def programme_terms(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of the national programmes ``words`` (a text's normalised words) name:
    a subject their reports share, in whatever other words each tells the news ("EV 3.5")."""
    if _first_words().isdisjoint(words):
        return []
    found = []
    for key, term in _programmes().items():
        size = len(key)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == key:
                found.append((start, start + size, term))
    return found


_Body = tuple[str, re.Pattern[str], re.Pattern[str] | None]


@lru_cache(maxsize=1)
def _bodies() -> tuple[_Body, ...]:
    found: list[_Body] = []
    for entry in _knowledge().get("body", []):
        words = _either(entry["words"])
        anywhere = re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")
        title_only = entry.get("title_words", [])
        in_title = (
            re.compile(rf"(?<![\w-])(?:{_either(title_only)})(?![\w-])") if title_only else None
        )
        found.append((str(entry["id"]), anywhere, in_title))
    return tuple(found)


COURT = "c:court"


@lru_cache(maxsize=1)
def _court_seats() -> frozenset[str]:
    return frozenset("c:" + place for place in _knowledge()["court_seats"]["places"])


def without_court_seats(terms: list[str]) -> list[str]:
    """``terms`` (of an item whose title names a court) less the places courts sit in: the
    hearing's place is no side of the case ("… as hearing opens in Luxembourg")."""
    seats = _court_seats()
    return [term for term in terms if term not in seats]


def policy_files(text: str) -> frozenset[str]:
    """The ids of the files ``text`` (a title and its lead) names."""
    return frozenset(name for name, pattern in _files() if pattern.search(text))


def acting_bodies(title: str, lead: str) -> frozenset[str]:
    """The bodies of the EU (commission, parliament, council, court) the title names ("Brussels
    waters down…" is the Commission's), or where it names none, its lead ("… welcomes the
    Commission's recognition of technology openness")."""
    named = frozenset(
        body
        for body, anywhere, in_title in _bodies()
        if anywhere.search(title) or (in_title is not None and in_title.search(title))
    )
    if named:
        return named
    return frozenset(body for body, anywhere, _ in _bodies() if anywhere.search(lead))
