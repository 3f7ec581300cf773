"""The language of a feed's titles where autonews does not read it (knowledge/languages.toml),
so that `feeds add` and `feeds list` can say so (trial 41: a German feed was taken silently and
misread). autonews reads English, Chinese and German (knowledge/events.de.toml)."""

from __future__ import annotations

import tomllib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from autonews.classify.knowledge import Knowledge
from autonews.classify.lexicon import Tokens, phrase_key

READ = ("English", "Chinese", "German")
LATEST = 30  # a feed's latest titles its language is judged by


@dataclass(frozen=True)
class _Language:
    name: str
    words: frozenset[str]
    scripts: tuple[str, ...]  # starts of Unicode character names: HIRAGANA, CYRILLIC


@lru_cache(maxsize=1)
def _languages() -> tuple[_Language, ...]:
    data = resources.files("autonews.knowledge").joinpath("languages.toml").read_bytes()
    return tuple(
        _Language(
            str(raw["name"]),
            frozenset(word for item in raw.get("words", []) for word in phrase_key(str(item))),
            tuple(str(script) for script in raw.get("script", [])),
        )
        for raw in tomllib.loads(data.decode("utf-8")).get("language", [])
    )


def title_language(title: str, k: Knowledge) -> str:
    """The language ``title`` is in: one autonews reads (READ), or the name of another."""
    if not title.isascii():
        script = _script(title)
        if script:
            return script
    tokens = Tokens(title)
    if any(tokens.cjk(index) for index in range(len(tokens))):
        return "Chinese"
    if k.german.reads(tokens.norms, title):
        return "German"
    english = sum(word in k.german.english for word in tokens.norms)
    best, most = "English", 1  # two of a language's words, at least
    for language in _languages():
        count = sum(word in language.words for word in tokens.norms)
        if count > most and count > english:
            best, most = language.name, count
    return best


def _script(title: str) -> str:
    """The language a letter of ``title`` is written in the script of, if one is listed."""
    scripted = [language for language in _languages() if language.scripts]
    for character in title:
        if character.isascii() or not character.isalpha():
            continue
        name = unicodedata.name(character, "")
        for language in scripted:
            if name.startswith(language.scripts):
                return language.name
    return ""


def unread_language(titles: Sequence[str], k: Knowledge) -> str:
    """The language autonews does not read that half of the titles (the latest first) or more
    are in, if there is one; else ""."""
    latest = [title for title in titles[:LATEST] if title.strip()]
    if not latest:
        return ""
    counts = Counter(title_language(title, k) for title in latest)
    name, count = counts.most_common(1)[0]
    return name if name not in READ and 2 * count >= len(latest) else ""
