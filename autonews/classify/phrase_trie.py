"""A lexicon: token tuples mapped to payloads, matched against a headline's tokens in time
independent of its size. Matching walks the headline once, extending a candidate only while it
is a known prefix (a hash-based trie), and takes the longest match at each position; a lexicon
is compiled, on first use, into nodes that make a walk one dict lookup per token, plurals
included. The tokens are ``lexicon``'s."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")
U = TypeVar("U")


class Match(NamedTuple, Generic[T]):
    """A phrase found: a tuple, since thousands are made per second."""

    start: int  # token index
    end: int  # token index, exclusive
    payloads: tuple[T, ...]


Found = tuple[int, int, tuple[T, ...]]  # a Match without the names: (start, end, payloads)


_END = ""  # the key under which a building trie node keeps its payloads (no token is empty)

# A compiled trie node: the payloads of the phrase ending here (None if none ends here) and the
# next tokens (None at a leaf, so a walk stops without a lookup).
_Node = tuple[tuple[Any, ...] | None, "dict[str, _Node] | None"]


def _compile(node: dict[str, Any], plurals: bool) -> _Node:
    """A building node as a compiled one. With ``plurals``, every next token also answers to
    its plural ("tesla" to "teslas"), so matching needs no second lookup for a plural."""
    payloads = node.get(_END)
    found = tuple(payloads) if payloads else None
    if len(node) == (payloads is not None):
        return found, None  # a leaf (most nodes are)
    children = {word: _compile(child, plurals) for word, child in node.items() if word != _END}
    if plurals:
        # The exact token wins over a plural: "mas" stays "mas" when "ma" and "mas" are both known.
        children = {word + "s": child for word, child in children.items()} | children
    return found, children


def _mapped(node: dict[str, Any], combine: Callable[[tuple[Any, ...]], Any]) -> dict[str, Any]:
    return {
        word: [combine(tuple(child))] if word == _END else _mapped(child, combine)
        for word, child in node.items()
    }


class Lexicon(Generic[T]):
    """Phrase -> payloads in a trie keyed by token, matched longest-first: walking it costs one
    dict lookup per token, whatever the number of phrases.

    Phrases are added to a trie of dicts; the first ``find`` or ``scan`` compiles it into nodes
    of (payloads, next tokens), a version with plurals and one without as they are asked for."""

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}
        self._compiled: dict[bool, dict[str, _Node]] = {}  # plurals -> compiled root's children
        self._starts: frozenset[str] | None = None  # the words phrases start with (may_match)
        self.size = 0

    def add(self, key: tuple[str, ...], payload: T) -> None:
        if not key:
            return
        node = self._root
        for word in key:
            node = node.setdefault(word, {})
        node.setdefault(_END, []).append(payload)
        self.size += 1
        self._compiled.clear()
        self._starts = None

    def get(self, key: tuple[str, ...]) -> list[T]:
        node: dict[str, Any] | None = self._root
        for word in key:
            node = node.get(word) if node is not None else None
        found: list[T] = node.get(_END, []) if node is not None else []
        return found

    def mapped(self, combine: Callable[[tuple[T, ...]], U]) -> Lexicon[U]:
        """The same phrases, each with the one payload ``combine`` makes of its payloads: work
        done once per phrase instead of at every match."""
        lexicon: Lexicon[U] = Lexicon()
        lexicon._root = _mapped(self._root, combine)
        lexicon.size = self.size
        return lexicon

    def _first(self, plurals: bool) -> dict[str, _Node]:
        first = self._compiled.get(plurals)
        if first is None:
            first = self._compiled[plurals] = _compile(self._root, plurals)[1] or {}
        return first

    def find(self, words: list[str], plurals: bool = False) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches. With ``plurals``, a word ending in "s"
        that leads nowhere is tried without it (XC70s -> xc70, Teslas -> tesla)."""
        return [Match(start, end, payloads) for start, end, payloads in self.scan(words, plurals)]

    def scan(self, words: list[str], plurals: bool = False) -> list[Found[T]]:
        """``find``'s matches as plain (start, end, payloads) tuples, which cost a third of a
        named tuple to make: the classifier makes several per headline."""
        first = self._compiled.get(plurals) or self._first(plurals)
        matches: list[Found[T]] = []
        count = len(words)
        reached = 0
        i = -1  # (counted by hand: enumerate's tuple for each word costs more)
        for word in words:
            i += 1
            # Most words start no phrase: a test with `in` costs less than a call of get.
            if word not in first or i < reached:
                continue  # no phrase starts with this word, or it is inside the last match
            best, children = first[word]
            end = i + 1
            if children is not None:  # (most phrases are one word)
                j = end
                while j < count:
                    step = children.get(words[j])
                    if step is None:
                        break
                    j += 1
                    payloads, children = step
                    if payloads is not None:
                        best, end = payloads, j
                    if children is None:
                        break
            if best is not None:
                matches.append((i, end, best))
                reached = end
        return matches

    def first_words(self) -> frozenset[str]:
        """The words its phrases start with."""
        return frozenset(self._root)

    def starts_of(self, payloads: frozenset[T]) -> frozenset[str]:
        """The words the phrases with one of ``payloads`` start with: a title with none of them
        holds none of those phrases (a set test in C before a scan)."""
        return frozenset(word for word, node in self._root.items() if _holds_any(node, payloads))

    def may_match(self, words: list[str]) -> bool:
        """Whether a phrase starts with one of the words: a check in C that spares a scan of
        the words where none can, for lexicons that seldom match."""
        starts = self._starts
        if starts is None:  # (a set tests a list of words in two thirds of a dict's time)
            starts = self._starts = frozenset(self._first(False))
        return not starts.isdisjoint(words)

    def payloads_at(self, words: list[str], start: int, stop: int) -> tuple[T, ...] | None:
        """The payloads of the longest phrase that starts at ``words[start]`` and ends by
        ``words[stop - 1]``, if any. For rare look-ups: it walks the trie as built, so that no
        lexicon is compiled for them."""
        node: dict[str, Any] | None = self._root
        best: list[T] | None = None
        for word in words[start:stop]:
            node = node.get(word) if node is not None else None
            if node is None:
                break
            best = node.get(_END, best)
        return None if best is None else tuple(best)


def _holds_any(node: dict[str, Any], payloads: frozenset[Any]) -> bool:
    """Whether a phrase through ``node`` (a trie node as added) has one of ``payloads``."""
    if not payloads.isdisjoint(node.get(_END, ())):
        return True
    return any(_holds_any(child, payloads) for word, child in node.items() if word != _END)
