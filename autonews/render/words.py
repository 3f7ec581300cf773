"""The words a digest says around its stories' titles, in the reader's language: event labels,
"Lead", "sources", the footer, dates, group and maker names. They are data, one file a language
in ``autonews/knowledge`` (``ui.en.toml``, ``ui.zh-CN.toml``, ``ui.zh-TW.toml``); the digest's
language tag (``Digest.language``) picks one. Every renderer but JSON and JSONL takes them: those
are the digest's data, in slugs and canonical names whatever the language.

A maker or group is shown by its canonical name in English, and to a reader of Chinese by the
name of the language's ``[names]`` table, else by the first Chinese name among its aliases in
makers.toml (蔚来, 问界, 长城汽车), in Taiwan's characters and words for a reader in Taiwan."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from autonews.models import Event

ENGLISH = "en"
SIMPLIFIED = "zh-CN"
TRADITIONAL = "zh-TW"
LANGUAGES = (ENGLISH, SIMPLIFIED, TRADITIONAL)

_HAN = re.compile("[\u3400-\u9fff]")

# A count's words: one text for every number, or {one, other}.
Counted = str | Mapping[str, str]


def words_language(tag: str) -> str:
    """The words file a reader's language tag reads ("zh-tw" -> zh-TW, "zh" -> zh-CN, "de" ->
    en): any Traditional reader (zh-HK, zh-MO, zh-Hant) reads Taiwan's words, any other reader of
    Chinese the mainland's, anyone else English."""
    from autonews.reader_script import traditional_table

    if traditional_table(tag) is not None:
        return TRADITIONAL
    return SIMPLIFIED if tag.lower().replace("_", "-").split("-")[0] == "zh" else ENGLISH


@dataclass(frozen=True)
class Words:
    language: str  # one of LANGUAGES
    words: Mapping[str, str]
    counts: Mapping[str, Counted]
    dates: Mapping[str, Any]
    events: Mapping[str, str]
    event_counts: Mapping[str, Counted]
    names: Mapping[str, str]
    stages: Mapping[str, str]  # a launch's stages ("coming": "teaser")

    def __call__(self, key: str, **fields: object) -> str:
        """The text of ``key`` with its {fields} filled: words("also", title=..., group=...)."""
        return self.words[key].format(**fields)

    def count(self, noun: str, n: int) -> str:
        """ "1 story", "3 stories", "3条新闻"."""
        return _counted(self.counts[noun], n)

    def event(self, event: Event) -> str:
        return self.events[event.value]

    def event_label(self, event: Event, stage: str | None) -> str:
        """The event with its launch stage where it has one: "launch · teaser"."""
        named = self.stages.get(stage) if stage else None
        return self.event(event) + (self("separator") + named if named else "")

    def event_count(self, event: Event, n: int) -> str:
        """ "3 recalls", "召回3条"."""
        return _counted(self.event_counts[event.value], n)

    def maker(self, name: str) -> str:
        """A maker's or group's name as this reader knows it: "NIO" is 蔚来 in Chinese."""
        return display_name(self.language, name)

    def makers(self, names: list[str]) -> str:
        return self("list").join(self.maker(name) for name in names)

    def moment(self, form: str, local: datetime) -> str:
        """A moment (in the reader's zone already) in one of the [dates] forms: stamp, at,
        at_with_year, day."""
        template: str = self.dates[form]
        return template.format(
            year=local.year,
            month=local.month,
            mon=self.dates["months"][local.month - 1],
            day=local.day,
            hour=local.hour,
            minute=local.minute,
        )

    def ago(self, seconds: int) -> str:
        """ "5h ago", "5小时前": how long ago, in minutes, hours (up to two days) or days."""
        if seconds < 3600:
            return str(self.dates["minutes_ago"]).format(n=max(1, seconds // 60))
        if seconds < 86400 * 2:
            return str(self.dates["hours_ago"]).format(n=seconds // 3600)
        return str(self.dates["days_ago"]).format(n=seconds // 86400)


def _counted(counted: Counted, n: int) -> str:
    if isinstance(counted, str):
        return counted.format(n=n)
    return counted["one" if n == 1 else "other"].format(n=n)


def read_words_file(language: str) -> dict[str, Any]:
    """One language's file as it is written (the test of every key in every language reads it)."""
    data = resources.files("autonews.knowledge").joinpath(f"ui.{language}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@cache
def words_for(tag: str) -> Words:
    """The words for a reader's language tag ("en", "zh", "zh-tw", "de": English)."""
    raw = read_words_file(words_language(tag))
    return Words(
        language=words_language(tag),
        words=raw["words"],
        counts=raw["counts"],
        dates=raw["dates"],
        events=raw["events"],
        event_counts=raw["event_counts"],
        names=raw.get("names", {}),
        stages=raw.get("stages", {}),
    )


ENGLISH_WORDS = words_for(ENGLISH)


@cache
def display_name(language: str, name: str) -> str:
    """``name`` (a maker's or group's canonical name) as a reader of ``language`` knows it: the
    language's [names] entry, else for Chinese the first Chinese alias of makers.toml (in
    Taiwan's characters and words for zh-TW), else the name itself."""
    own = words_for(language).names.get(name)
    if own is not None or language == ENGLISH:
        return own or name
    simplified = words_for(SIMPLIFIED).names.get(name) or _first_chinese_alias().get(name, name)
    if language == TRADITIONAL and _HAN.search(simplified):
        from autonews.reader_script import TAIWAN, in_traditional

        return in_traditional(simplified, TAIWAN)
    return simplified


@cache
def _first_chinese_alias() -> dict[str, str]:
    """Each maker of makers.toml with a Chinese alias: the first (the name it is known by)."""
    data = resources.files("autonews.knowledge").joinpath("makers.toml").read_bytes()
    makers: list[dict[str, Any]] = tomllib.loads(data.decode("utf-8"))["maker"]
    first = {}
    for maker in makers:
        chinese = [alias for alias in maker.get("aliases", []) if _HAN.search(alias)]
        if chinese:
            first[maker["name"]] = chinese[0]
    return first
