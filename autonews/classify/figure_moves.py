"""Words that bound a figure but for a move's words before them: "up to" after a verb of a move
says where the move went ("inflation edges up to 2.2%", trial 42), "from" after one where it
began ("up from 40,000"), and "from" before a range its start ("from 3% to 5%"); elsewhere
"up to 3,000 jobs" is at most, "from £29,995" a price's least (trial 49 F1)."""

from __future__ import annotations

import re

from autonews.classify.figure_words import DATA

_UP_TO = "up to"
_MOVES = frozenset(DATA["up_to"]["moves"])
_FROM = frozenset(DATA["from"]["words"])
_FROM_MOVES = frozenset(DATA["from"]["moves"])
_THINGS = frozenset(DATA["from"]["things"])
_THING_WORDS = 4  # how many words after a sum may name the thing it is the size of
_MOVED_TO = frozenset(("to", "by"))
_RANGE_END = re.compile(r"\S+\s*(?:to|bis|à|-|–)\s", re.IGNORECASE)


def no_bound(words: str, text: str, begin: int, start: int) -> bool:
    """Whether ``words`` (lower case, at ``begin`` in ``text``, before the figure at ``start``)
    tell where a move went or began rather than bound the figure."""
    if words == _UP_TO:
        return _a_move_before(text, begin, _MOVES)
    if words in _FROM:
        return _no_price_from(text, begin, start)
    return False


def _a_move_before(text: str, begin: int, moves: frozenset[str]) -> bool:
    """Whether the word before ``begin`` is a verb of a move ("edges", "climbed")."""
    before = text[:begin].split()
    return bool(before) and before[-1].lower() in moves


def _no_price_from(text: str, begin: int, start: int) -> bool:
    """Whether "from" before a figure tells where a move started or a range's start ("up from
    40,000", "cut from 1,000 to 800", "from 3% to 5%", "rose to 50,000 from 40,000"), not a
    price's least."""
    before = text[:begin].split()
    if len(before) > 1 and any(c.isdigit() for c in before[-1]):
        # "rose to 50,000 from 40,000", "cut by £3,000 from £33,000": the figure a move went
        # to (or by), then where it began; not a model's number ("Peugeot 3008 from £32,000")
        previous = before[-2].lower()
        return previous in _MOVED_TO or previous in _FROM_MOVES
    return (
        _a_move_before(text, begin, _FROM_MOVES)
        or bool(_RANGE_END.match(text, start))
        or _a_thing_after(text, start)
    )


def _a_thing_after(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is the size of a thing named right after it ("from
    $13.9bn North Carolina plant": where the batteries come from, no price's least)."""
    after = text[start:].split()[1 : 1 + _THING_WORDS]
    return any(word.lower().strip(".,;:'’") in _THINGS for word in after)
