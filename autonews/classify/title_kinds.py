"""What kind of piece a title is when it is not a report of an event: an auction's sale, a spy
shot, a buyer's list, a review, a question put to readers, someone's words quoted, a column
(trial 49). The words are ``knowledge/title_kinds.toml``'s (and, for reviews, columns and
opinions, autonews/briefings.py's labels).

The classifier reads them so: an auction's sale has no event; a spy shot is a coming model's
launch; the summary or body of a question, a quote or a column names an event only with a
decisive phrase in its first sentence ("Is your Kuga safe?": "Ford is recalling 41,000 Kuga
plug-in hybrids…"), and a list's or a review's never: its words are the writer's ("Which one
should you buy?", "the best family cars on sale", "goes on sale at £38,000"); a list takes no
maker from its summary, whose names are its entries.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from autonews.briefings import reads_as_commentary, reads_as_review

AUCTION = "auction"
SPY = "spy"
LIST = "list"
REVIEW = "review"
QUESTION = "question"
COLUMN = "column"
QUOTE = "quote"


class _Kind(NamedTuple):
    id: str
    cues: tuple[str, ...]  # lower case: one of them is in the title before the pattern is searched
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _kinds() -> tuple[_Kind, ...]:
    source = resources.files("autonews.knowledge").joinpath("title_kinds.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    kinds = tuple(
        _Kind(
            str(kind["id"]),
            tuple(str(cue).lower() for cue in kind["cues"]),
            re.compile(str(kind["pattern"]), re.IGNORECASE),
        )
        for kind in data["kind"]
    )
    assert [kind.id for kind in kinds[:2]] == [AUCTION, SPY]  # (an_auction_or_a_spy_shot)
    return kinds


@lru_cache(maxsize=4096)
def title_kind(title: str) -> str | None:
    """The kind of piece ``title`` is (one of the names above), or None for a report."""
    found = _of_the_words(title, _kinds())
    if found is not None:
        return found
    # A review or a column by autonews/briefings.py's labels ("Opinion:", "Review:").
    if reads_as_review(title):
        return REVIEW
    return COLUMN if reads_as_commentary(title) else None


@lru_cache(maxsize=1)
def _readers() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The question kind's ``readers_cues`` (lower case) and its ``readers`` pattern."""
    source = resources.files("autonews.knowledge").joinpath("title_kinds.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    question = next(kind for kind in data["kind"] if kind["id"] == QUESTION)
    cues = tuple(str(cue).lower() for cue in question["readers_cues"])
    return cues, re.compile(str(question["readers"]), re.IGNORECASE)


def asks_its_readers(title: str) -> bool:
    """Whether a question title is put to the readers (their taste, their choice: "What's The
    Most Overrated Car Of The Last Decade?"), no guess at an event to come."""
    cues, readers = _readers()
    folded = title.casefold()  # (as the pattern's IGNORECASE reads "ſ" as "s")
    if not any(cue in folded for cue in cues):  # (substring tests: most questions hold none)
        return False
    return readers.search(title.strip()) is not None


def an_auction_or_a_spy_shot(title: str) -> str | None:
    """AUCTION or SPY where ``title`` is one, else None: the kinds that settle a title's event,
    asked of every title with one (the others are asked only of a summary's event)."""
    return _of_the_words(title, _kinds()[:2])


ORDER = "order"


def a_fleet_order(title: str) -> bool:
    """Whether ``title`` tells a fleet's order of a maker's road vehicles, counted ("Amazon
    orders 200 Mercedes eActros 600", "BYD wins 60-bus order"): partnership news, whatever
    its words (title_kinds.toml)."""
    return _of_the_words(title, _orders()) == ORDER


@lru_cache(maxsize=1)
def _orders() -> tuple[_Kind, ...]:
    return tuple(kind for kind in _kinds() if kind.id == ORDER)


def _of_the_words(title: str, kinds: tuple[_Kind, ...]) -> str | None:
    lower = title.lower()
    for kind in kinds:
        for cue in kind.cues:  # (a loop, not any() over a generator: half the cost)
            if cue in lower:
                if kind.pattern.search(title.strip()):
                    return kind.id
                break
    return None


# Kinds whose summary or body names an event only with a decisive phrase in its first sentence;
# kinds whose summary or body names none.
WRITERS_WORDS = frozenset({QUESTION, COLUMN, QUOTE})
NO_EVENT_FROM_TEXT = frozenset({LIST, REVIEW, AUCTION})
