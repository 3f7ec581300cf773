"""The digest model: which story leads."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from autonews.classify import classify
from autonews.digest import build_digest
from autonews.models import Event, Item, MakerRef
from autonews.render import Format, RenderOptions, render
from autonews.story_build import build_story
from tests.helpers.digests import NOW, _story

FORD = MakerRef("Ford", "Ford", "US")
TOYOTA = MakerRef("Toyota", "Toyota", "JP")
KIA = MakerRef("Kia", "Hyundai Motor Group", "KR")
VOLVO = MakerRef("Volvo", "Geely", "SE")


def test_a_roundup_or_a_live_blog_is_never_the_lead() -> None:
    single = _story("volvo", "Volvo Recalls 14,768 XC70s", Event.RECALL, (VOLVO,), 5)
    roundup = _story(
        "weekly",
        "Top 10 Recalls of the Week: Ford, Toyota, Kia",
        Event.RECALL,
        (FORD, TOYOTA, KIA),
        1,
    )
    live = _story("live", "Live: Ford's Capital Markets Day", Event.RECALL, (FORD,), 1, sources=3)
    digest = build_digest([roundup, live, single], (), NOW)
    assert digest.lead_id == "volvo"
    # With nothing else to lead, a briefing still may.
    assert build_digest([roundup], (), NOW).lead_id == "weekly"


def test_a_limit_keeps_the_lead_over_a_roundup_ranked_above_it() -> None:
    """`--limit 1` kept the roundup (ranked first) and named the lead it had cut: the text
    renderer crashed looking the lead up, and JSON's lead_id named no story of its own."""
    single = _story("volvo", "Volvo Recalls 14,768 XC70s", Event.RECALL, (VOLVO,), 2)
    roundup = _story(
        "weekly",
        "Top 10 Recalls of the Week: Ford, Toyota, Kia",
        Event.RECALL,
        (FORD, TOYOTA, KIA),
        1,
        4,
    )
    assert build_digest([roundup, single], (), NOW).stories[0].id == "weekly"  # it ranks first
    for limit in (1, 2):
        digest = build_digest([roundup, single], (), NOW, limit=limit)
        assert digest.lead_id == "volvo" and len(digest.stories) == limit
        assert digest.story("volvo").title.startswith("Volvo Recalls")
        for fmt in (Format.TEXT, Format.MARKDOWN, Format.HTML):
            assert "Volvo Recalls" in render(digest, fmt, RenderOptions())


HYUNDAI = MakerRef("Hyundai", "Hyundai Motor Group", "KR")


def _joint_digest(wanted: tuple[str, ...] = ()):
    joint = _story(
        "joint", "Hyundai & Kia Recall 91,000 Vehicles", Event.RECALL, (HYUNDAI, KIA), 2, sources=2
    )
    kia = _story("ev9", "Kia EV9 Recall Expanded", Event.RECALL, (KIA,), 3)
    return build_digest([joint, kia], (), NOW, wanted_makers=wanted)


def test_a_story_of_two_makers_is_also_listed_under_the_second() -> None:
    digest = _joint_digest()
    groups = {group.key: group for group in digest.groups}
    assert groups["Hyundai"].story_ids == ("joint",)
    assert groups["Kia"].story_ids == ("ev9",) and groups["Kia"].also_ids == ("joint",)
    assert [s.id for s in digest.stories] == ["joint", "ev9"]  # each story once
    text = render(digest, Format.TEXT, RenderOptions(width=100))
    kia_section = text[text.index("== Kia") :]
    assert "also: Hyundai & Kia Recall 91,000 Vehicles (under Hyundai)" in kia_section
    for fmt in (Format.TERMINAL, Format.MARKDOWN, Format.HTML):
        assert "under Hyundai" in render(digest, fmt, RenderOptions(width=100, color=False))
    assert json.loads(render(digest, Format.JSON))["groups"][1]["also_story_ids"] == ["joint"]


def test_a_story_is_filed_under_the_maker_the_reader_asked_for() -> None:
    digest = _joint_digest(("Kia",))
    assert [(g.key, g.story_ids, g.also_ids) for g in digest.groups] == [
        ("Kia", ("joint", "ev9"), ())
    ]
    # Headed by Kia's own parent, not by the joint story's first maker's.
    text = render(digest, Format.TEXT, RenderOptions(width=100))
    assert "== Kia (Hyundai Motor Group)" in text


def test_a_failure_quoting_other_numbers_is_the_same_failure() -> None:
    """A feed serving garbage fails at another line each run: named once a day, not each run."""
    from datetime import timedelta

    from autonews.models import FeedHealth, FeedStatus
    from autonews.notices import mark_repeated_failures

    failing = FeedHealth(
        "http://x.example/feed", "X", FeedStatus.ERROR, error="not well-formed: line 9, column 4"
    )
    reports = {failing.url: (NOW - timedelta(hours=1), "not well-formed: line 3, column 7")}
    (marked,) = mark_repeated_failures([failing], [reports], NOW, timedelta(days=1))
    assert marked.repeated
    other = {failing.url: (NOW - timedelta(hours=1), "HTTP error 404")}
    assert not mark_repeated_failures([failing], [other], NOW, timedelta(days=1))[0].repeated


def one_hour_items(titles: list[str]) -> list[Item]:
    """Items of one moment, each from a feed of its own, with ids 0, 1..."""
    when = datetime(2026, 12, 20, 7, tzinfo=UTC)
    return [
        Item(n, f"http://f{n}.example/", f"Feed {n}", title, None, "", when, when, True)
        for n, title in enumerate(titles)
    ]


def test_a_story_is_told_by_its_exact_figure_not_a_later_rounded_one() -> None:
    """Found by a user: "Nearly 15,000 Cars" (a later outlet) replaced "14,768" as the title."""
    titles = [
        "Volvo Recalls 14,768 XC70 Plug-in Hybrids in China Over Halfshaft Nut",
        "Volvo XC70 PHEV Recall: Nearly 15,000 Cars in China Need Halfshaft Check",
    ]
    items = one_hour_items(titles)
    story = build_story(items, {i.id: classify(i.title) for i in items}, {}, "k")
    assert story.title == titles[0]


def test_a_rumour_confirmed_is_told_by_its_confirmation_and_is_no_longer_speculative() -> None:
    """Trial 29: "Honda and Nissan Confirm Merger Talks" joined "... Reportedly in Talks to
    Merge, Sources Say", which stayed the story's title, and the story stayed speculative."""
    titles = [
        "Honda and Nissan Reportedly in Talks to Merge, Sources Say",
        "Honda and Nissan Confirm Merger Talks, Aim for Holding Company",
    ]
    items = one_hour_items(titles)
    labels = {i.id: classify(i.title) for i in items}
    assert labels[0].speculative and not labels[1].speculative
    story = build_story(items, labels, {}, "k")
    assert story.title == titles[1] and not story.classification.speculative
    # Told by rumours alone, it stays one.
    rumour = build_story(items[:1], labels, {}, "k")
    assert rumour.classification.speculative


def test_a_story_news_again_says_why_in_every_human_format() -> None:
    """A --new digest sends a delivered story again when its figure changed or its rumour was
    confirmed (trial 29): its line says which, as it says "1 new since your last digest"."""
    from dataclasses import replace

    base = _story("m", "Honda and Nissan Confirm Merger Talks", Event.OWNERSHIP, (FORD,), 1)
    confirmed = replace(base, delivered_before=True, confirmed=True)
    changed = replace(base, id="f", delivered_before=True, figure_changed=True)
    digest = build_digest([confirmed, changed], (), NOW)
    for fmt in (Format.TEXT, Format.MARKDOWN, Format.HTML, Format.TERMINAL):
        out = render(digest, fmt, RenderOptions(width=120, color=False))
        assert "confirmed since your last digest" in out, fmt
        assert "figure changed since your last digest" in out, fmt
    stories = json.loads(render(digest, Format.JSON))["stories"]
    assert sorted(s["changed"] for s in stories) == [["confirmed"], ["figure"]]


def test_an_outlets_headline_tells_a_recall_before_the_regulators_listing() -> None:
    """Trial 36 B6: the wire's "Ford recalls 142,310 Explorer SUVs…" gave way, from the next
    run on, to the listing "Recall 26V-812: Ford Motor Company - …", and its summary to the
    listing's "Manufacturer: Ford Motor Company. Component: SUSPENSION: REAR."."""
    from dataclasses import replace

    titles = [
        "Ford recalls 142,310 Explorer SUVs in US over rear axle bolt",
        "Recall 26V-812: Ford Motor Company - 2025-2026 Ford Explorer - Rear axle horizontal "
        "bolt may fracture (142,310 vehicles)",
    ]
    wire, listing = one_hour_items(titles)
    listing = replace(
        listing, summary="Manufacturer: Ford Motor Company. Component: SUSPENSION: REAR."
    )
    items = [wire, listing]
    story = build_story(items, {i.id: classify(i.title) for i in items}, {}, "k")
    assert story.title == titles[0]
    assert "Manufacturer" not in story.summary
