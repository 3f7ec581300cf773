"""Tokenising headlines and matching phrases against a lexicon in time independent of its size.

Latin text becomes lowercase tokens with diacritics folded; every CJK character is a token of its
own, so Chinese names match as character runs. A lexicon maps token tuples to payloads; matching
walks the headline once, extending a candidate only while it is a known prefix (a hash-based trie),
and takes the longest match at each position.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

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


class Tokens:
    """A text's tokens: normalised words up front, positions computed only when asked for."""

    __slots__ = ("_spans", "norms", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text if text.isascii() else text.translate(_FOLD)
        lowered = folded.lower()
        if len(lowered) != len(folded):  # a few characters grow when lowered (İ)
            words = [w.lower() for w in _TOKEN.findall(folded)]
        else:
            words = _TOKEN.findall(lowered)
        if "'" in text or "’" in text:
            words = [w[:-2] if len(w) > 2 and w[-2] in "'’" else w for w in words]
        self.norms: list[str] = words
        self._spans: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.norms)

    def _positions(self) -> list[tuple[int, int]]:
        if self._spans is None:
            spans = []
            for match, norm in zip(
                _TOKEN.finditer(self.text.translate(_FOLD)), self.norms, strict=True
            ):
                start = match.start()
                spans.append((start, start + len(norm)))
            self._spans = spans
        return self._spans

    def surface(self, index: int) -> str:
        start, end = self._positions()[index]
        return self.text[start:end]

    def span(self, start: int, end: int) -> str:
        """The text from token ``start`` to token ``end - 1``, as written."""
        positions = self._positions()
        return self.text[positions[start][0] : positions[end - 1][1]]

    def offset(self, index: int) -> int:
        """Where token ``index`` starts in the text."""
        return self._positions()[index][0]

    def cjk(self, index: int) -> bool:
        return "\u3400" <= self.norms[index][0] <= "\ufaff"


def tokenize(text: str) -> Tokens:
    return Tokens(text)


def phrase_key(phrase: str, normalise: Callable[[str], str] | None = None) -> tuple[str, ...]:
    words = tuple(tokenize(phrase).norms)
    return tuple(normalise(w) for w in words) if normalise else words


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """A light English stemmer: enough that recall/recalls/recalled/recalling meet."""
    cached = _STEMS.get(word)
    if cached is None:
        cached = _stem(word)
        if len(_STEMS) < 200_000:  # bounded: feed text can hold any number of distinct words
            _STEMS[word] = cached
    return cached


def stems_of(words: list[str]) -> list[str]:
    cache = _STEMS
    return [cache.get(w) or stem(w) for w in words]


# Words whose stems would collide with another event's word: sale(s) is a deal or a figure,
# a ruling is a court's, a rule a regulator's.
_KEEP = {
    "sale": "sale",
    "sales": "sales",
    "ruling": "ruling",
    "rulings": "ruling",
    "selling": "selling",
    "protester": "protester",
    "protesters": "protester",
    "ordered": "ordered",
    "orders": "order",
    "charging": "charging",
    "news": "news",
    "fired": "fired",
    "firing": "fired",
    "space": "space",
    "charged": "charged",
    "share": "share",
    "shares": "shares",
    "owners": "owners",
}


def _stem(word: str) -> str:
    if word in _KEEP:
        return _KEEP[word]
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


class Match(NamedTuple, Generic[T]):
    """A phrase found: a tuple, since thousands are made per second."""

    start: int  # token index
    end: int  # token index, exclusive
    payloads: tuple[T, ...]


_END = ""  # the key under which a trie node keeps its payloads (no token is empty)


class Lexicon(Generic[T]):
    """Phrase -> payloads in a trie of dicts keyed by token, matched longest-first: walking it
    costs one dict lookup per token, whatever the number of phrases."""

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}
        self.size = 0

    def add(self, key: tuple[str, ...], payload: T) -> None:
        if not key:
            return
        node = self._root
        for word in key:
            node = node.setdefault(word, {})
        node.setdefault(_END, []).append(payload)
        self.size += 1

    def get(self, key: tuple[str, ...]) -> list[T]:
        node: dict[str, Any] | None = self._root
        for word in key:
            node = node.get(word) if node is not None else None
        found: list[T] = node.get(_END, []) if node is not None else []
        return found

    def find(self, words: list[str], plurals: bool = False) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches. With ``plurals``, a word ending in "s"
        that leads nowhere is tried without it (XC70s -> xc70, Teslas -> tesla)."""
        root = self._root
        matches: list[Match[T]] = []
        count = len(words)
        # Only positions whose word starts some phrase need a walk; finding them is one pass.
        if plurals:
            starts = [
                i
                for i, word in enumerate(words)
                if word in root or (len(word) > 1 and word[-1] == "s" and word[:-1] in root)
            ]
        else:
            starts = [i for i, word in enumerate(words) if word in root]
        reached = 0
        for i in starts:
            if i < reached:
                continue
            word = words[i]
            node = root.get(word)
            if node is None:
                node = root[word[:-1]]
            best_end, best = 0, None
            j = i
            while True:
                found = node.get(_END)
                if found is not None:
                    best_end, best = j + 1, found
                j += 1
                if j >= count:
                    break
                word = words[j]
                step = node.get(word)
                if step is None and plurals and len(word) > 1 and word[-1] == "s":
                    step = node.get(word[:-1])
                if step is None:
                    break
                node = step
            if best is None:
                continue
            matches.append(Match(i, best_end, tuple(best)))
            reached = best_end
        return matches
