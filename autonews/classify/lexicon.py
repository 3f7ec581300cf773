"""Tokenising headlines and matching phrases against a lexicon in time independent of its size.

Latin text becomes lowercase tokens with diacritics folded; every CJK character is a token of its
own, so Chinese names match as character runs, and so is every Japanese kana (トヨタ, リコール: a
Japanese title's names and words match as runs of them, its particles separate them). A lexicon
(``phrase_trie``) maps token tuples to payloads; matching walks the headline once, extending a
candidate only while it is a known prefix (a hash-based trie), and takes the longest match at
each position.

The classifier runs all this tens of thousands of times a second, so the common cases have fast
paths that give exactly what the general one would: ASCII text is split by a byte table rather
than _TOKEN, and a lexicon is compiled, on first use, into nodes that make a walk one dict lookup
per token, plurals included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from autonews.classify.scripts import simplified

_KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"  # hiragana, katakana and the long vowel mark ー
_CJK_FIRST = "\u3041"  # a token from here on is one character: kana or Chinese
_TOKEN = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f]+(?:['’][sS](?![A-Za-z]))?"
    rf"|[{_KANA}\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
# _TOKEN with runs of CJK characters in one match, split into tokens after: a regex match costs
# far more than a character.
_TOKEN_RUN = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f]+(?:['’][sS](?![A-Za-z]))?"
    rf"|[{_KANA}\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
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
_FOLDABLE = re.compile("[\u00c0-\u024f]")  # translating is slow: Chinese text skips it

# For ASCII text (most headlines), a byte table does _TOKEN's work several times faster: letters
# lowered, digits kept, everything else a space, so a split gives the runs of letters and digits.
# The bytes of other characters become spaces: Latin text with typographic punctuation (below)
# takes this path too, as its UTF-8 bytes.
_ASCII_WORDS = (
    bytes(ord(char.lower()) if char.isalnum() else ord(" ") for char in map(chr, range(128)))
    + b" " * 128
)
_POSSESSIVE = re.compile(r"'[sS](?![A-Za-z])")
# Characters that _TOKEN never takes, that are no letter or digit and that lowering leaves as
# they are: typographic quotes and dashes, spaces, currency signs, arrows and symbols. A text of
# ASCII and these (a quarter of real English headlines: "Ford’s", "–") is tokenised as ASCII is,
# its curly apostrophe read as the straight one, with what _TOKEN would give.
_PUNCTUATION = (
    "\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u2000-\u206f\u20a0-\u20cf"
    "\u2190-\u21ff\u2600-\u2775\u2794-\u27bf\ufe0f"
)
_NOT_LATIN = re.compile(f"[^\x00-\x7f{_PUNCTUATION}]")
# Chinese characters: a text without any has no Chinese token, nor any Chinese phrase.
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# And kana: a text without these or Chinese characters has no CJK token nor phrase (a Japanese
# car word may be kana only: ハイブリッド).
_CJK = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def _without_possessives(text: str) -> str:
    """ASCII text with each possessive 's blanked out where _TOKEN takes it as the end of the
    word before: right after a letter or digit, unless that is the s of the previous one."""
    parts: list[str] = []
    kept = 0  # where the text after the last blanked 's starts
    for match in _POSSESSIVE.finditer(text):
        start = match.start()
        if start > kept and text[start - 1].isalnum():
            parts += (text[kept:start], "  ")
            kept = start + 2
    return "".join(parts) + text[kept:] if parts else text


class Tokens:
    """A text's tokens: normalised words up front, positions computed only when asked for (for
    ambiguous names and --explain)."""

    __slots__ = ("_folded", "_lowered", "_searched", "_spans", "han", "norms", "plain", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: list[tuple[int, int]] | None = None
        self.han = False  # whether the text holds Chinese characters or kana (else no CJK token)
        if text.isascii() or _NOT_LATIN.search(text) is None:
            self.plain = text
            if "’" in text:
                text = text.replace("’", "'")  # (the same length: positions are as written)
            if "'" in text:
                text = _without_possessives(text)  # (blanked: the same length again)
            # Positions are found by searching this text for the tokens (see _positions).
            self._folded: str | None = None
            self._searched = text
            self._lowered: str | None = None
            self.norms: list[str] = text.encode().translate(_ASCII_WORDS).decode().split()
            return
        folded = text.translate(_FOLD) if _FOLDABLE.search(text) else text
        # The text with diacritics folded and Chinese in Simplified characters, as matched.
        if _CJK.search(folded) is not None:
            self.han = True
            folded = simplified(folded)
        self._folded = self.plain = folded
        lowered = folded.lower()
        if len(lowered) != len(folded):  # a few characters grow when lowered (İ)
            words = [w.lower() for w in _TOKEN.findall(folded)]
        else:
            words = []
            for word in _TOKEN_RUN.findall(lowered):
                if word[0] < _CJK_FIRST:
                    words.append(word)
                else:
                    words += word  # a CJK run: each character a token
        if "'" in text or "’" in text:
            words = [w[:-2] if len(w) > 2 and w[-2] in "'’" else w for w in words]
        self.norms = words

    def __len__(self) -> int:
        return len(self.norms)

    def _positions(self, index: int) -> list[tuple[int, int]]:
        """Where the tokens start and end in the text: at least up to token ``index``."""
        spans = self._spans
        if spans is None:
            spans = []
            if self._folded is not None:
                starts = _starts(self._folded)
                if len(starts) != len(self.norms):
                    # lower() made or unmade a token (the Kelvin sign K becomes k; Ⱥ becomes ⱥ,
                    # which no token holds): look where the tokens were found, in the lowered
                    # text, which then has the folded text's length.
                    starts = _starts(self._folded.lower())
                pairs = zip(starts, self.norms, strict=True)
                spans = [(start, start + len(norm)) for start, norm in pairs]
            self._spans = spans
        if index >= len(spans) and self._folded is None:
            # ASCII and Latin text: once its possessives are blanked, only separators lie
            # between one token's end and the next token, which starts with a letter or digit,
            # so its first occurrence from there is it. Found as far as asked: the names judged
            # mostly open the headline.
            lowered = self._lowered
            if lowered is None:
                lowered = self._lowered = self._searched.lower()
            end = spans[-1][1] if spans else 0
            for norm in self.norms[len(spans) : index + 1]:
                start = lowered.find(norm, end)
                end = start + len(norm)
                spans.append((start, end))
        return spans

    def surface(self, index: int) -> str:
        start, end = self._positions(index)[index]
        return self.text[start:end]

    def span(self, start: int, end: int) -> str:
        """The text from token ``start`` to token ``end - 1``, as written."""
        positions = self._positions(end - 1)
        return self.text[positions[start][0] : positions[end - 1][1]]

    def where(self, start: int, end: int) -> tuple[int, int]:
        """Where tokens ``start`` to ``end - 1`` are in the text: their first and last character
        (the last one's end)."""
        positions = self._positions(end - 1)
        return positions[start][0], positions[end - 1][1]

    def offset(self, index: int) -> int:
        """Where token ``index`` starts in the text."""
        return self._positions(index)[index][0]

    def cjk(self, index: int) -> bool:
        return _CJK_FIRST <= self.norms[index][0] <= "\ufaff"


def _starts(text: str) -> list[int]:
    """Where _TOKEN's matches start, from _TOKEN_RUN's fewer ones."""
    starts: list[int] = []
    for match in _TOKEN_RUN.finditer(text):
        start, end = match.span()
        if text[start] < _CJK_FIRST:
            starts.append(start)
        else:
            starts += range(start, end)  # a CJK run: each character a token
    return starts


def tokenize(text: str) -> Tokens:
    return Tokens(text)


_PHRASE_WORDS: dict[str, tuple[str, ...]] = {}


def phrase_key(phrase: str, normalise: Callable[[str], str] | None = None) -> tuple[str, ...]:
    # Tokenised once a process: building the knowledge asks for 47,000 keys of 21,000 phrases
    # (a name as written and stemmed, a phrase for each lexicon it is in).
    words = _PHRASE_WORDS.get(phrase)
    if words is None:
        words = tuple(tokenize(phrase).norms)
        if len(_PHRASE_WORDS) < 100_000:  # bounded: callers also ask about feed text
            _PHRASE_WORDS[phrase] = words
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
    try:  # the common case, every word seen before: one C-level pass
        return list(map(_STEMS.__getitem__, words))
    except KeyError:
        return [stem(w) for w in words]


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
    "quite": "quite",  # not a chief who quits
    "listing": "listing",  # a stock listing; "owners list their favourite roads" is none
    "listings": "listing",
    "suite": "suite",  # a software suite is no lawsuit
    "suites": "suite",
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
