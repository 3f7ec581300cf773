"""Walls: what a site serves in place of its article, which an extraction reads as text (trial
43): a consent management platform's cookie wall (Google's "Before you continue to Google",
Yahoo's "… family of brands", OneTrust, Didomi, Quantcast…), a bot check or an "enable
JavaScript" page, a paywall's prompt to subscribe. Stored as an article, such a page was every
story's summary, `read`'s article, and evidence of events ("we and our partners": a partnership)
and of two items telling one story.

A page is a wall of a kind when nearly all of its text is that kind's sentences (one of its
`strong` phrases, or two of its `weak` words: ``knowledge/walls.toml``) and at least one of
them, its heading or its markup (a CMP's script, a form posting to a consent endpoint) is surely
one: an article that ends with a cookie note, or tells of a privacy case, has an article's worth
of other sentences, and keeps its text. A paywall's prompts are dropped from a text wherever they
stand (``without_prompts``); a page of nothing else is a paywall (``page_text.reads_as_paywall``).

Read when a page is extracted, and where the store gives a body it kept from before."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# Characters of other sentences that make a page an article whatever else it holds; fewer than
# _FEW_OTHER_CHARS beside a wall's sentences make it a wall, and so do fewer than a third of
# theirs (Yahoo's wall names its family of brands in sentences of their own).
_ARTICLE_CHARS = 400
_FEW_OTHER_CHARS = 120
_WALL_SHARE = 3
# A wall's text is short: a longer one is an article, and is not read sentence by sentence (a
# store's every body is checked as it is loaded).
_LONGEST_WALL = 6_000
_PROMPT_SENTENCE = 160  # characters: a longer sentence naming a subscription is the article's
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff]")
# Between sentences: after a stop and a space (not the one of "$9.99"), a Chinese stop, a line.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])\s*")


@dataclass(frozen=True)
class WallKind:
    """A kind of wall (``knowledge/walls.toml``): why such a page has no text, and its words."""

    reason: str
    strong: Phrases
    weak: Phrases
    address: Phrases | None  # the words one of whose a sentence of weak words needs
    markup: tuple[str, ...]


class Phrases:
    """Any of some words or phrases in a case-folded text: a Latin one whole (not "ads" of
    "roads"), a Chinese or Japanese one anywhere, spaces as any spaces; "^word": only at the
    start of a line or of the sentence searched. Each group's words are a trie's branches
    ("subscribe(?: now| to (?:continue|read))"), searched apart: every page read is searched,
    and one list of alternatives is several times slower to try at each character."""

    def __init__(self, words: Iterable[str]) -> None:
        anchored = [word[1:] for word in words if word.startswith("^")]
        loose = [word for word in words if not word.startswith("^")]
        cjk = [word for word in loose if _CJK.search(word)]
        latin = [word for word in loose if not _CJK.search(word)]
        patterns = [rf"(?<!\w){_trie(latin)}(?!\w)"] if latin else []
        patterns += [_trie(cjk)] if cjk else []
        patterns += [rf"^\W*{_trie(anchored)}(?!\w)"] if anchored else []
        self.patterns = tuple(re.compile(pattern, re.MULTILINE) for pattern in patterns)

    def search(self, folded: str) -> bool:
        return any(pattern.search(folded) for pattern in self.patterns)

    def found(self, folded: str) -> set[str]:
        """The words of these in ``folded``, each once."""
        return {word.strip() for p in self.patterns for word in p.findall(folded)}


def _trie(words: Iterable[str]) -> str:
    """A pattern for any of ``words`` (case-folded), as a trie of their characters."""
    root: dict[str, dict[str, Any]] = {}
    for word in {word.casefold() for word in words}:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(root)


def _branches(node: dict[str, dict[str, Any]]) -> str:
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _branches(below)
        for char, below in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _kind(table: dict[str, list[str] | str]) -> WallKind:
    def words(key: str) -> list[str]:
        value = table[key]
        assert isinstance(value, list)
        return value

    return WallKind(
        reason=str(table["reason"]),
        strong=Phrases(words("strong")),
        weak=Phrases(words("weak")),
        address=Phrases(words("address")) if "address" in table else None,
        markup=tuple(marker.casefold() for marker in words("markup")),
    )


@dataclass(frozen=True)
class _Walls:
    kinds: tuple[WallKind, ...]
    prompt: Phrases


@lru_cache(maxsize=1)
def _walls() -> _Walls:
    source = resources.files("autonews.knowledge").joinpath("walls.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    return _Walls(
        kinds=(_kind(data["check"]), _kind(data["consent"])),
        prompt=Phrases(data["paywall"]["prompts"]),
    )


def wall_kinds() -> tuple[WallKind, ...]:
    return _walls().kinds


def sentences(text: str) -> Iterator[str]:
    """The sentences and lines of ``text``, stripped, none empty, as they are asked for."""
    for line in text.split("\n"):
        for part in _SENTENCE_BREAK.split(line) if line.strip() else ():
            if part and part.strip():
                yield part.strip()


def wall_reason(text: str, headings: Iterable[str] = (), html: str = "") -> str | None:
    """Why a page whose extracted ``text`` this is has no article: a consent wall, a bot check
    (see above); None for a page that may be an article. ``headings``: its title and <h1>, which
    may say what it is ("Before you continue to Google", "Just a moment…"); ``html``: its markup,
    where a CMP names itself."""
    if len(text) > _LONGEST_WALL:
        return None
    heads = [heading for heading in headings if heading.strip()]
    for kind in wall_kinds():
        if _walled(text, heads, html, kind):
            return kind.reason
    return None


def _walled(text: str, headings: list[str], html: str, kind: WallKind) -> bool:
    """Whether ``text`` is a wall of ``kind``: sentence by sentence, stopping at an article's
    worth of other sentences (nearly every page stops within its first few)."""
    walls = others = 0
    sure = any(kind.strong.search(heading.casefold()) for heading in headings)
    headed = sure
    for sentence in sentences(text):
        folded = sentence.casefold()
        strong = kind.strong.search(folded)
        if strong or _weak_sentence(folded, kind):
            walls += len(sentence)
            sure = sure or strong
        else:
            others += len(sentence)
            if others >= _ARTICLE_CHARS:
                return False
    if not walls:
        return headed and not text.strip()  # only a heading: "Just a moment…" and a script
    few = others < _FEW_OTHER_CHARS or others * _WALL_SHARE < walls
    return few and (sure or (bool(html) and _marked(html, kind)))


def _weak_sentence(folded: str, kind: WallKind) -> bool:
    """A sentence of a kind's weak words: two of them, speaking to the reader where the kind's
    walls do ("we and our 812 partners use personal data…", not "Corvid shared drivers' data
    with advertising partners")."""
    if len(kind.weak.found(folded)) < 2:
        return False
    return kind.address is None or kind.address.search(folded)


def _marked(html: str, kind: WallKind) -> bool:
    """Whether a page's markup names a CMP or a bot check of ``kind`` (its script, its
    elements' ids, the endpoint its form posts to)."""
    folded = html.casefold()
    return any(marker in folded for marker in kind.markup)


def prompt_phrases() -> Phrases:
    """A paywall's or sign-in wall's prompt ("Subscribe to continue reading", "Get unlimited
    access to …")."""
    return _walls().prompt


def is_prompt(sentence: str) -> bool:
    """Whether a sentence is a paywall's prompt; ``sentence`` as written (any case)."""
    return len(sentence) <= _PROMPT_SENTENCE and bool(_walls().prompt.search(sentence.casefold()))


def without_prompts(text: str) -> str:
    """``text`` less a paywall's prompt sentences, wherever they stand (trial 43: "Get
    unlimited access to Automotive News for $9.99/month." ended a story's summary); a line
    left empty goes."""
    if not _walls().prompt.search(text.casefold()):
        return text  # (nearly every text)
    kept = []
    for line in text.split("\n"):
        parts = [part for part in _SENTENCE_BREAK.split(line) if part and part.strip()]
        left = [part for part in parts if not is_prompt(part.strip())]
        if left == parts:
            kept.append(line)
        elif left:
            kept.append(" ".join(part.strip() for part in left))
    return "\n".join(kept)


_ELLIPSIS = ("...", "…", "..")


def said_by_summary(body: str, summary: str) -> bool:
    """Whether a page's ``body`` says nothing its feed's ``summary`` does not: the summary's
    opening, or the summary cut short ("…") as a paywall's teaser is (trial 43: Nikkei Asia's
    page, 120 characters of the feed's paragraph and a prompt to subscribe)."""
    told = " ".join(body.split()).casefold()
    while told.endswith(_ELLIPSIS):
        told = told.removesuffix("…").removesuffix("...").removesuffix("..").rstrip()
    whole = " ".join(summary.split()).casefold()
    return bool(told) and len(told) <= len(whole) and told in whole
