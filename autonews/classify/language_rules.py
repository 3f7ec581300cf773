"""How a language read beside English and Chinese (German: knowledge/events.de.toml; Japanese:
events.ja.toml) joins the knowledge: its event phrases into the lexicon a text in it is read by
(with the English and Chinese ones), in every spelling, its separable phrases apart, its
`[context]` words and reactions among everyone's (English writes none of them), and what else
reads it (``language.ReadLanguage``); Japanese's makers' and companies' names among theirs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from autonews.classify.knowledge import (
    DENIAL,
    SPECULATIVE,
    STRENGTHS,
    EventChoice,
    EventHit,
    Knowledge,
)
from autonews.classify.language import ReadLanguage, read_language, separable_parts, spellings
from autonews.classify.lexicon import phrase_key, stem
from autonews.classify.phrase_trie import Lexicon
from autonews.models import Event


def add_german(knowledge: Knowledge, rules: dict[str, Any], german: dict[str, Any]) -> None:
    """The rules of events.toml (``rules``, whose `[context]` German's joins) and German's."""
    knowledge.german = _german(knowledge, rules, german)  # by the English rules alone
    _merge_context(rules, german)
    # Speculative words live in the event trie (one walk finds both), marked by their weight.
    add_event_rules(knowledge, rules)
    add_event_rules(knowledge, german, german=True)


def add_japanese(knowledge: Knowledge, rules: dict[str, Any], japanese: dict[str, Any]) -> None:
    """Japanese's event phrases (read only in a Japanese text) and its `[context]` words and
    reactions among those of ``rules`` (events.toml): written in kana or in Japanese forms of
    characters, which no English or Chinese text has."""
    for table, key in (
        ("context", "automotive"),
        ("context", "car_nouns"),
        ("context", "not_cars"),
        ("context", "other_vehicles"),
        ("modifiers", "reactions"),
    ):
        rules[table][key] = [*rules[table].get(key, []), *japanese.get(table, {}).get(key, [])]
    tables = {name: table for name, table in japanese.items() if name != "context"}
    add_event_rules(knowledge, tables, lexicons=(knowledge.japanese_events,))


def with_names(raw: Mapping[str, Any], names: Mapping[str, list[str]]) -> Mapping[str, Any]:
    """A maker's or company's table (makers.toml, companies.toml) with its names in another
    language (events.ja.toml's `[makers]`, `[companies]`) among its aliases."""
    more = names.get(str(raw.get("name", "")))
    return {**raw, "aliases": [*raw.get("aliases", []), *more]} if more else raw


def add_event_rules(
    knowledge: Knowledge,
    rules: Mapping[str, Any],
    german: bool = False,
    lexicons: tuple[Lexicon[EventHit], ...] = (),
) -> None:
    """The event phrases of ``rules`` (events.toml's tables, or a language's file, whose
    phrases a text in another language does not read: German's, or those of ``lexicons``) and
    their modifiers."""
    if not lexicons:
        lexicons = (
            (knowledge.german_events,)
            if german
            else (knowledge.events, knowledge.german_events, knowledge.japanese_events)
        )
    modifiers = rules.get("modifiers", {})
    weighed = [
        (event, rules.get(event.value, {}).get(strength, []), weight)
        for event in Event
        for strength, weight in STRENGTHS.items()
    ]
    weighed += [
        (Event.OTHER, modifiers.get("speculative", []), SPECULATIVE),
        (Event.OTHER, modifiers.get("denials", []), DENIAL),
        (Event.OTHER, modifiers.get("neutral", []), 0.0),
    ]
    for event, phrases, weight in weighed:
        for lexicon in lexicons:
            _add_phrases(lexicon, event, phrases, weight, knowledge.german if german else None)


def _add_phrases(
    lexicon: Lexicon[EventHit],
    event: Event,
    phrases: Iterable[str],
    weight: float,
    language: ReadLanguage | None = None,
) -> None:
    """Event phrases into ``lexicon``; a ``language``'s in every spelling, and its separable
    ones ("ruft … zurück") among its separable phrases."""
    for written in phrases:
        for phrase in spellings(written) if language else (written,):
            hit = EventHit(event, weight, phrase)
            parts = separable_parts(phrase) if language else None
            if parts is None:
                lexicon.add(phrase_key(phrase, stem), hit)
            elif language is not None:
                first, second = parts
                language.separable.setdefault(first[0], []).append(
                    (first, second, EventChoice.of((hit,)))
                )


def _merge_context(rules: dict[str, Any], language: dict[str, Any]) -> None:
    """``language``'s `[context]` words (English writes none of them) and reactions added to
    those of ``rules`` (events.toml), each in every spelling."""
    for table, key in (
        ("context", "automotive"),
        ("context", "car_nouns"),
        ("context", "not_cars"),
        ("modifiers", "reactions"),
    ):
        # Folded to ASCII (Ladesäulen as ladesaulen): a non-ASCII word is read as Chinese.
        added = [
            " ".join(phrase_key(spelling))
            for word in language.get(table, {}).get(key, [])
            for spelling in spellings(word)
        ]
        rules[table][key] = [*rules[table].get(key, []), *added]


def _german(knowledge: Knowledge, rules: dict[str, Any], german: dict[str, Any]) -> ReadLanguage:
    """What reads German, beyond its phrases: no word of the English and Chinese rules marks
    German, and no maker's name is cut as a compound (Volkswagen is no Wagen)."""

    def phrases(tables: dict[str, Any]) -> list[str]:
        return [
            str(phrase)
            for name, table in tables.items()
            if name not in ("language", "context", "compounds") and isinstance(table, dict)
            for phrases in table.values()
            for phrase in phrases
        ]

    english = {word for phrase in phrases(rules) for word in phrase_key(phrase)}
    english |= {word for phrase in rules["context"]["automotive"] for word in phrase_key(phrase)}
    names = {key[0] for key in knowledge.models} | knowledge.entities.first_words()
    return read_language("German", german, phrases(german), english, names)
