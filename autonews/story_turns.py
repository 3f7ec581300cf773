"""The turns of a story a title names (knowledge/turns.toml): a recall's fix changed, a recall
expanded, a model launched after its date was announced, a plan delayed, cancelled or resumed;
and whether a title is a regulator's notice (a campaign number, a recall listing). What makes a
story an earlier --new digest delivered news again (``autonews.delivery_state``), and what its
title follows (``autonews.story_build``): the newest turn is what a reader must know.

Titles are read as whole tokens (Latin words, each Chinese character), every form of a word listed
in the file: no classifier is loaded for it, as a run with nothing new loads none."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from autonews.recall_listings import recall_listing

_WORD, _WITH = "word", "with"


@dataclass(frozen=True)
class _Turn:
    id: str
    needs_with: bool  # the title must name one of its `with` words too
    after: str  # a turn the story must have been told at before ("" none)
    news: bool  # False: only what a later turn follows
    patterns: re.Pattern[str] | None = None  # a title matching it names the turn too
    unless: re.Pattern[str] | None = None  # a title matching it does not tell the turn


@dataclass(frozen=True)
class _Knowledge:
    turns: dict[str, _Turn]
    phrases: dict[tuple[str, ...], list[tuple[str, str]]]  # a term -> (its turn, its role)
    longest: int  # the most tokens a term has
    notices: tuple[re.Pattern[str], ...]
    part_of: dict[str, frozenset[str]]  # an event: the events told as part of its story


@lru_cache(maxsize=1)
def _knowledge() -> _Knowledge:
    source = resources.files("autonews.knowledge").joinpath("turns.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    turns: dict[str, _Turn] = {}
    phrases: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for table in data.get("turn", []):
        turn = _Turn(
            str(table["id"]),
            bool(table.get("with")),
            str(table.get("after", "")),
            bool(table.get("news", True)),
            _patterns(table.get("patterns", [])),
            _patterns(table.get("unless", [])),
        )
        turns[turn.id] = turn
        for role in (_WORD, _WITH):
            for term in table.get(role + "s" if role == _WORD else role, []):
                phrases.setdefault(_tokens(str(term)), []).append((turn.id, role))
    patterns = data.get("notices", {}).get("patterns", [])
    longest = max(map(len, phrases), default=0)
    notices = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    part_of = {
        str(event): frozenset(map(str, events))
        for event, events in data.get("part_of_the_story", {}).items()
    }
    return _Knowledge(turns, phrases, longest, notices, part_of)


def _patterns(listed: Iterable[str]) -> re.Pattern[str] | None:
    """A turn's regular expressions as one, or None for none."""
    alternatives = [f"(?:{pattern})" for pattern in listed]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def part_of_the_story(event: str) -> frozenset[str]:
    """The events a source joining a story of ``event`` tells as part of it, no news of their
    own (a launch's price: turns.toml `[part_of_the_story]`)."""
    return _knowledge().part_of.get(event, frozenset())


# A Chinese character, or a run of other letters and digits (a hyphen, a dot, a space part them).
_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+")


def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case words and single Chinese characters: "pre-orders" is (pre, orders)."""
    return tuple(_TOKEN.findall(text.lower()))


def _scan(tokens: tuple[str, ...], knowledge: _Knowledge) -> list[tuple[str, str]]:
    """The (turn, role) pairs of the terms in ``tokens``, leftmost-longest."""
    found: list[tuple[str, str]] = []
    start = 0
    while start < len(tokens):
        for size in range(min(knowledge.longest, len(tokens) - start), 0, -1):
            hits = knowledge.phrases.get(tokens[start : start + size])
            if hits:
                found += hits
                start += size
                break
        else:
            start += 1
    return found


@lru_cache(maxsize=4096)
def turns_of(title: str) -> frozenset[str]:
    """The turns ``title`` names ("remedy", "launched", "coming"…); a title naming a turn and
    the one it comes after is still at the earlier one ("to launch on Dec 2": coming)."""
    knowledge = _knowledge()
    found: dict[str, set[str]] = {}
    for turn, role in _scan(_tokens(title), knowledge):
        found.setdefault(turn, set()).add(role)
    for spelled in knowledge.turns.values():
        if spelled.patterns is not None and spelled.patterns.search(title):
            found.setdefault(spelled.id, set()).add(_WORD)
    named = {
        turn
        for turn, roles in found.items()
        if _WORD in roles
        and (_WITH in roles or not knowledge.turns[turn].needs_with)
        and not _unsaid(knowledge.turns[turn], title)
    }
    return frozenset(t for t in named if knowledge.turns[t].after not in named)


def _unsaid(turn: _Turn, title: str) -> bool:
    """Whether the title names the turn only to say it did not come ("reject tentative deal")."""
    return turn.unless is not None and turn.unless.search(title) is not None


def news_turns(title: str, told: Iterable[str]) -> frozenset[str]:
    """The turns ``title`` names that are news to a story whose sources had told the turns
    ``told``: turns none named, and, for a turn that comes after another (a launch after its
    date), only where that one was told."""
    before = frozenset(told)
    turns = _knowledge().turns
    return frozenset(
        t
        for t in turns_of(title) - before
        if turns[t].news and (not turns[t].after or turns[t].after in before)
    )


def later_turns(titles: Sequence[str]) -> frozenset[str]:
    """Those of a story's ``titles`` that tell a later turn than the others: one news to a
    story whose other titles did not name it (and were at the turn it comes after, if any)."""
    named = [turns_of(title) for title in titles]
    if not any(named):
        return frozenset()  # most stories: no turn named
    told = frozenset().union(*named)
    return frozenset(
        title
        for title, turns in zip(titles, named, strict=True)
        if any(
            not all(turn in others for others in named) for turn in news_turns(title, told - turns)
        )
    )


def is_notice(title: str) -> bool:
    """Whether ``title`` is a regulator's notice: a campaign number (NHTSA's 26V-131, Transport
    Canada's 2026-096, Safety Gate's A12/00438/26), a Chinese recall notice's form, or a recall
    listing."""
    return recall_listing(title) or any(p.search(title) for p in _knowledge().notices)
