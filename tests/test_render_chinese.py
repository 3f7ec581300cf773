"""The renderers in a reader's language (trial 34 #12): the words of every language's file
(autonews/knowledge/ui.*.toml) and the golden files of a Simplified Chinese digest beside the
English ones."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from datetime import timedelta
from importlib import resources
from string import Formatter

import pytest

from autonews.event_names import event_slug
from autonews.models import Digest, Event, SkippedPage
from autonews.render import Format, RenderOptions, render
from autonews.render.words import (
    ENGLISH,
    LANGUAGES,
    SIMPLIFIED,
    TRADITIONAL,
    display_name,
    read_words_file,
    words_for,
    words_language,
)
from tests.helpers.digests import sample_digest
from tests.test_render import check_golden

_HAN = re.compile("[\u3400-\u9fff]")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def _texts(table: object, path: str = "") -> dict[str, str]:
    """Every text of a words file, by its path ("words.lead", "counts.story.one")."""
    if isinstance(table, str):
        return {path: table}
    if isinstance(table, list):
        return {f"{path}[{n}]": value for n, value in enumerate(table)}
    assert isinstance(table, dict)
    texts: dict[str, str] = {}
    for key, value in table.items():
        texts |= _texts(value, f"{path}.{key}" if path else key)
    return texts


def _keys(language: str) -> dict[str, set[str]]:
    """Each text's key (a count's one/other forms as one) with the {fields} it fills."""
    raw = read_words_file(language)
    raw.pop("names", None)  # names are each language's own: a list of exceptions
    keys: dict[str, set[str]] = {}
    for path, text in _texts(raw).items():
        key = re.sub(r"^((?:counts|event_counts)\.[^.]+)\.(one|other)$", r"\1", path)
        keys[key] = keys.get(key, set()) | _fields(text)
    return keys


@pytest.mark.parametrize("language", [SIMPLIFIED, TRADITIONAL])
def test_every_word_is_in_every_language_with_the_same_fields(language: str) -> None:
    english, other = _keys(ENGLISH), _keys(language)
    assert sorted(set(english) - set(other)) == [], f"missing in ui.{language}.toml"
    assert sorted(set(other) - set(english)) == [], f"unknown in ui.{language}.toml"
    differing = {key: (english[key], other[key]) for key in english if english[key] != other[key]}
    # A date says what it needs of the moment ("27 Nov" by the month's name, "11月27日" by
    # its number); "{n}" may go unsaid where one word is every count's.
    moment = {"year", "month", "mon", "day", "hour", "minute"}
    assert {key for key in differing if key.startswith("dates.") and other[key] - moment} == set()
    assert {
        key: pair
        for key, pair in differing.items()
        if not key.startswith("dates.") and pair[1] - pair[0]
    } == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_has_a_label_and_a_count_and_every_date_fills(language: str) -> None:
    words = words_for(language)
    assert sorted(words.events) == sorted(event.value for event in Event)
    assert sorted(words.event_counts) == sorted(event.value for event in Event)
    labels = [words.event(event) for event in Event]
    assert len(set(labels)) == len(labels)  # two event types are never told the same
    assert len(words.dates["months"]) == 12
    assert all(words.count(noun, 2) for noun in words.counts)


def test_a_chinese_label_is_a_name_the_event_filter_takes() -> None:
    """What a Simplified digest calls an event, `--event` takes back (event_names.toml)."""
    words = words_for(SIMPLIFIED)
    assert {event.value: event_slug(words.event(event)) for event in Event} == {
        event.value: event.value for event in Event
    }


def test_every_named_maker_or_group_is_one_the_knowledge_knows() -> None:
    data = resources.files("autonews.knowledge").joinpath("makers.toml").read_bytes()
    makers = tomllib.loads(data.decode("utf-8"))["maker"]
    known = {m["name"] for m in makers} | {m["group"] for m in makers}
    for language in LANGUAGES:
        assert sorted(set(read_words_file(language).get("names", {})) - known) == [], language


@pytest.mark.parametrize(
    ("name", "simplified", "taiwan"),
    [
        ("NIO", "蔚来", "蔚來"),
        ("Aito", "问界", "問界"),
        ("Xiaomi", "小米汽车", "小米汽車"),  # not 小米, the phone maker
        ("Great Wall", "长城汽车", "長城汽車"),
        ("Aion", "埃安", "埃安"),
        ("GAC", "广汽", "廣汽"),
        ("Maextro", "尊界", "尊界"),
        ("Hongqi", "红旗", "紅旗"),  # a [names] entry: not 红旗汽车
        ("Mercedes-Benz", "奔驰", "賓士"),  # Taiwan's own names, by OpenCC's Taiwan phrases
        ("Volkswagen Group", "大众集团", "福斯集團"),
        ("Lexus", "雷克萨斯", "凌志"),  # a zh-TW [names] entry
        ("Lepas", "Lepas", "Lepas"),  # no Chinese name known: as it is
    ],
)
def test_makers_by_the_names_chinese_readers_know_them_by(
    name: str, simplified: str, taiwan: str
) -> None:
    assert display_name(SIMPLIFIED, name) == simplified
    assert display_name(TRADITIONAL, name) == taiwan
    assert display_name(ENGLISH, name) == name


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        *[("zh", SIMPLIFIED), ("zh-cn", SIMPLIFIED), ("zh-sg", SIMPLIFIED)],
        *[("zh-tw", TRADITIONAL), ("zh-hk", TRADITIONAL), ("zh-hant", TRADITIONAL)],
        *[("en-gb", ENGLISH), ("ja", ENGLISH)],
    ],
)
def test_the_language_tag_picks_the_words(tag: str, language: str) -> None:
    assert words_language(tag) == language


def chinese_digest() -> Digest:
    """The sample digest for a reader of Simplified Chinese, its stories retitled in Chinese,
    with what a --new digest says of stories delivered before, a story listed under a second
    maker's group too, and a footer of every kind of line."""
    digest = sample_digest()
    titles = {
        "volvo1": "沃尔沃召回14768辆XC70，左后半轴螺母可能未按规定扭矩拧紧",
        "xiaomi1": "小米汽车调整销售组织，取消SU7 Ultra专属销售岗位",
        "bmw1": "采埃孚与宝马签署数十亿欧元驱动系统供货协议",
        "hostile": "[bold red]特斯拉[/bold red] Cybercab <script>alert(1)</script>",
    }
    summary = "沃尔沃召回14768辆XC70。经销商将免费检查。"
    changes: dict[str, dict[str, object]] = {
        "volvo1": {"new_sources": 1, "delivered_before": True},
        "bmw1": {"event_changed": True, "delivered_before": True},
    }
    stories = tuple(
        replace(
            s,
            title=titles.get(s.id, s.title),
            summary=summary if s.summary else "",
            **changes.get(s.id, {}),
        )
        for s in digest.stories
    )
    groups = tuple(
        replace(g, also_ids=("volvo1",)) if g.key == "Xiaomi" else g for g in digest.groups
    )
    retry = digest.generated_at + timedelta(hours=6)
    pages = (
        SkippedPage("http://news.example/a", "fetch failed: HTTP 403", "failed"),
        SkippedPage("http://news.example/b", "fetch failed: HTTP 403", "waiting", retry),
    )
    return replace(
        digest,
        stories=stories,
        groups=groups,
        language="zh-cn",
        skipped_pages=pages,
        not_about_cars=6,
        muted=2,
    )


@pytest.mark.parametrize(
    ("fmt", "name", "width"),
    [
        (Format.TERMINAL, "terminal_plain.zh-CN.txt", 100),
        (Format.TERMINAL, "terminal_narrow.zh-CN.txt", 48),
        (Format.TEXT, "digest.zh-CN.txt", 60),
        (Format.MARKDOWN, "digest.zh-CN.md", 100),
        (Format.HTML, "digest.zh-CN.html", 100),
        (Format.SLACK, "digest.zh-CN.slack", 100),
        (Format.ATOM, "digest.zh-CN.atom", 100),
    ],
)
def test_simplified_chinese_golden(fmt: Format, name: str, width: int) -> None:
    check_golden(name, render(chinese_digest(), fmt, RenderOptions(width=width)))


def test_json_is_the_same_in_every_language() -> None:
    digest = sample_digest()
    english = render(digest, Format.JSON)
    for tag in ("zh-cn", "zh-tw"):
        assert render(replace(digest, language=tag), Format.JSON) == english


def test_no_english_word_is_left_in_a_chinese_digest() -> None:
    for fmt in (Format.TERMINAL, Format.TEXT, Format.MARKDOWN, Format.HTML, Format.SLACK):
        out = render(chinese_digest(), fmt, RenderOptions(width=100))
        # The maker names of the sample are Chinese now: what is Latin is a title's or a URL's.
        for word in ("Lead", "LEAD", "source", "Feeds", "recall", "Industry", "failures"):
            assert word not in out, (fmt, word)
        assert _HAN.search(out)
