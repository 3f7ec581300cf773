"""Tokenising headlines and matching phrases against a lexicon in time independent of its size.

Latin text becomes lowercase tokens with diacritics folded; every CJK character is a token of its
own, so Chinese names match as character runs. A lexicon maps token tuples to payloads; matching
walks the headline once, extending a candidate only while it is a known prefix (a hash-based trie),
and takes the longest match at each position.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f]+(?:['’][sS](?![A-Za-z]))?"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base != char:
            table[code] = base
    # Same-length replacements only, so offsets in the folded text match the original.
    table.update(
        {
            ord("ß"): "s",
            ord("ø"): "o",
            ord("Ø"): "O",
            ord("ł"): "l",
            ord("Ł"): "L",
            ord("đ"): "d",
            ord("Đ"): "D",
            ord("æ"): "a",
            ord("Æ"): "A",
        }
    )
    return table


_FOLD = _fold_table()


@dataclass(frozen=True, slots=True)
class Token:
    norm: str  # lowercase, folded, possessive dropped
    start: int
    end: int
    surface: str  # as written
    cjk: bool


def tokenize(text: str) -> list[Token]:
    folded = text.translate(_FOLD)
    tokens = []
    for match in _TOKEN.finditer(folded):
        word = match.group()
        start, end = match.span()
        if len(word) > 2 and word[-2] in "'’":
            word = word[:-2]
            end -= 2
        tokens.append(
            Token(
                word.lower(),
                start,
                end,
                text[start:end],
                not word.isascii() and "\u3400" <= word[0] <= "\ufaff",
            )
        )
    return tokens


def phrase_key(phrase: str, normalise: Callable[[str], str] | None = None) -> tuple[str, ...]:
    words = tuple(token.norm for token in tokenize(phrase))
    return tuple(normalise(w) for w in words) if normalise else words


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: enough that recall/recalls/recalled/recalling meet."""
    if len(word) <= 3 or not word.isascii() or word.isdigit():
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # cutting -> cutt -> cut
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # token index
    end: int  # token index, exclusive
    payloads: tuple[T, ...]


class Lexicon(Generic[T]):
    """Phrase -> payloads, matched longest-first over token sequences."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], list[T]] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self.size = 0

    def add(self, key: tuple[str, ...], payload: T) -> None:
        if not key:
            return
        self._entries.setdefault(key, []).append(payload)
        for length in range(1, len(key)):
            self._prefixes.add(key[:length])
        self.size += 1

    def get(self, key: tuple[str, ...]) -> list[T]:
        return self._entries.get(key, [])

    def find(self, words: list[str], alternates: dict[int, str] | None = None) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches. ``alternates`` gives a second spelling for a
        token (XC70s -> xc70) tried when the first spelling matches nothing."""
        entries, prefixes = self._entries, self._prefixes
        matches: list[Match[T]] = []
        count = len(words)
        i = 0
        while i < count:
            best: tuple[int, list[T]] | None = None
            key: tuple[str, ...] = ()
            j = i
            while j < count:
                key = (*key, words[j])
                found = entries.get(key)
                if found is None and alternates and j in alternates:
                    alt_key = (*key[:-1], alternates[j])
                    found = entries.get(alt_key)
                    if found is None and alt_key in prefixes:
                        key = alt_key
                if found is not None:
                    best = (j + 1, found)
                if key not in prefixes:
                    break
                j += 1
            if best is None:
                i += 1
                continue
            matches.append(Match(i, best[0], tuple(best[1])))
            i = best[0]
        return matches


def words_of(tokens: Iterable[Token]) -> list[str]:
    return [token.norm for token in tokens]
