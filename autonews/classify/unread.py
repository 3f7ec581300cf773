"""The language of a feed's titles where autonews does not read it (knowledge/languages.toml),
so that `feeds add` and `feeds list` can say so (trial 41: a German feed was taken silently and
misread), and of a title, so that the classifier guesses no event there from the event model's
English cues (trial 44: "Volkswagen roept 48.000 ID.3 en ID.4 terug" was a launch for "id").
autonews reads English, Chinese, German (knowledge/events.de.toml) and Japanese in part
(events.ja.toml: a title with kana)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from autonews.classify.knowledge import STRENGTHS, Knowledge
from autonews.classify.lexicon import Tokens, phrase_key
from autonews.classify.reasons import DISCARD
from autonews.models import Event

READ = ("English", "Chinese", "German", "Japanese")
LATEST = 30  # a feed's latest titles its language is judged by


_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")  # hiragana and katakana: Japanese's alone


# An event phrase of a language not read: its first part's tokens, those of its second part
# after "…" (none for a phrase written whole), its event and the phrase as written.
_Phrase = tuple[tuple[str, ...], tuple[str, ...], Event, str]


@dataclass(frozen=True)
class _Language:
    name: str
    words: frozenset[str]
    scripts: tuple[str, ...]  # starts of Unicode character names: HIRAGANA, CYRILLIC
    # Its few event phrases read (`events`): the first token of each -> (phrase's first part,
    # its second part after "…" or (), event).
    events: dict[str, list[_Phrase]]


@lru_cache(maxsize=1)
def _languages() -> tuple[_Language, ...]:
    data = resources.files("autonews.knowledge").joinpath("languages.toml").read_bytes()
    return tuple(
        _Language(
            str(raw["name"]),
            frozenset(word for item in raw.get("words", []) for word in phrase_key(str(item))),
            tuple(str(script) for script in raw.get("script", [])),
            _events(raw.get("events", {})),
        )
        for raw in tomllib.loads(data.decode("utf-8")).get("language", [])
    )


def _events(table: dict[str, list[str]]) -> dict[str, list[_Phrase]]:
    events: dict[str, list[_Phrase]] = {}
    for name, phrases in table.items():
        for phrase in phrases:
            first, _, second = phrase.replace("...", "…").partition("…")
            key = phrase_key(first)
            events.setdefault(key[0], []).append((key, phrase_key(second), Event(name), phrase))
    return events


@lru_cache(maxsize=1)
def _latin_words() -> frozenset[str]:
    """Every word of the languages not read: a title with none of them is in none."""
    return frozenset(word for language in _languages() for word in language.words)


def other_language(k: Knowledge, title: str, norms: list[str]) -> str:
    """The language a title (not German: knowledge/events.de.toml) reads as if not English or
    Chinese: Japanese (a kana), or one autonews does not read; else ""."""
    if not title.isascii():
        if _KANA.search(title):
            return "Japanese"
        script = _script(title)
        if script:
            return script
    if _latin_words().isdisjoint(norms):
        return ""  # most titles: one test
    words = _latin_words()
    if sum(map(words.__contains__, norms)) < 2:  # (counted in C)
        return ""  # a language needs two of its words ("van", "die" alone are English too)
    language = _latin_language(k.german.english, norms)
    return "" if language == "English" else language


def unread_event(
    k: Knowledge,
    language: str,
    norms: list[str],
    event: Event,
    weight: float,
    reasons: list[str],
) -> tuple[Event, float]:
    """The event and weight of a title in a ``language`` not read: that of its own few phrases
    (languages.toml `events`: "roept … terug" is a recall), else those the rules found."""
    table = next((item.events for item in _languages() if item.name == language), {})
    for start, word in enumerate(norms):
        for first, second, named, phrase in table.get(word, ()):
            end = start + len(first)
            if tuple(norms[start:end]) != first:
                continue
            if second and not _has_run(norms[end:], second):
                continue
            if reasons is not DISCARD:
                reasons.append(f"rules: {named.value}, '{phrase}' ({language}) at word {start}")
            return named, STRENGTHS["decisive"]
    return event, weight


def _has_run(words: list[str], run: tuple[str, ...]) -> bool:
    width = len(run)
    return any(tuple(words[at : at + width]) == run for at in range(len(words) - width + 1))


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
    return _latin_language(k.german.english, tokens.norms)


def _latin_language(english_words: frozenset[str], norms: list[str]) -> str:
    """The language of a title in Latin letters, not German: English, or one not read that
    has two of its words or more, and more than English ones (``english_words``)."""
    english = sum(word in english_words for word in norms)
    best, most = "English", 1  # two of a language's words, at least
    for language in _languages():
        count = sum(word in language.words for word in norms)
        if count > most and count > english:
            best, most = language.name, count
    return best


# Characters of no listed script, passed over without a look-up: Latin letters, punctuation,
# Chinese characters, CJK and full-width forms (a Chinese title is dozens of them).
_MAYBE_SCRIPTED = re.compile(
    "[^\x00-\u024f\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
)


def _script(title: str) -> str:
    """The language a letter of ``title`` is written in the script of, if one is listed."""
    for match in _MAYBE_SCRIPTED.finditer(title):
        language = _script_of(match.group())
        if language:
            return language
    return ""


@lru_cache(maxsize=8192)  # letters seen (a Chinese title's dozens): a name each, looked up once
def _script_of(character: str) -> str:
    if not character.isalpha():
        return ""
    name = unicodedata.name(character, "")
    for language in _languages():
        if language.scripts and name.startswith(language.scripts):
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
