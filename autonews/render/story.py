"""Output of `autonews story`: a story's sources and, with --explain, what joined them, or two
stories and what keeps them apart; in JSON, the story as the digest's JSON gives it
(``json_format.story_dict``), with each source's item."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from datetime import tzinfo
from typing import Any

from autonews.cluster.apart import Reason
from autonews.cluster.explain import Merge
from autonews.models import Classification, Story
from autonews.render.common import plural, safe_url, source_count
from autonews.render.figure_text import figure_text
from autonews.render.json_format import dumps, story_dict
from autonews.story import ApartReport, StoryReport
from autonews.text import clean_text

_SUMMARY_CHARACTERS = 300
_RULED_OUT = "rule each other out"  # a pair autonews.cluster.apart never joins, whatever score
_WIDTH = 100  # the summary's lines; titles and URLs are never wrapped


def format_story(report: StoryReport, fmt: str, zone: tzinfo | None = None) -> str:
    """The story as text (times in ``zone``, the reader's, named; None: the system's) or JSON
    (times in UTC, as the digest's JSON has them)."""
    if fmt == "json":
        return dumps(_record(report), indent=2) + "\n"
    number = {item.id: str(n) for n, item in enumerate(report.items, 1)}
    lines = _story_lines(report, number, zone)
    if report.explanation is not None:
        lines.append("merges:")
        if not report.explanation.merges:
            lines.append("  none: one source")
        for merge in report.explanation.merges:
            lines += _merge_lines(merge, number)
    return "\n".join(lines) + "\n"


def format_apart(report: ApartReport, fmt: str, zone: tzinfo | None = None) -> str:
    """Two stories, each source numbered as ``story ID --detach`` takes it, under its story's
    letter (A1, A2… of the first story, B1… of the second: numbered across both, "[8]" was
    the second story's first source, which --detach 8 refused, trial 49), and why they are two;
    in JSON, both stories as ``format_story`` gives them and the reasons, items by their ids."""
    if fmt == "json":
        return dumps(_apart_record(report), indent=2) + "\n"
    number = {
        item.id: f"{letter}{n}"
        for letter, story in zip("AB", report.stories, strict=False)
        for n, item in enumerate(story.items, 1)
    }
    lines = []
    for letter, story in zip("AB", report.stories, strict=False):
        lines += _story_lines(story, number, zone, letter)
    if hint := _detach_hint(report):
        lines.append(hint)
    lines.append("apart:")
    for reason in report.apart.reasons:
        lines.append(f"  - {clean_text(_reason_text(reason, number))}")
    closest = report.apart.closest
    if closest is not None:
        # Its probability can be high (1.00) right under the reasons they are two: a reader
        # took that for a contradiction (trial 36 c2).
        ruled = any(_RULED_OUT in reason.text for reason in report.apart.reasons)
        ruled_out = " (a rule-out above overrides its score)" if ruled else ""
        lines.append(f"the likeliest pair across them, weighed as a merge{ruled_out}:")
        lines += _merge_lines(closest, number)
    return "\n".join(lines) + "\n"


def _detach_hint(report: ApartReport) -> str | None:
    """How --detach numbers a story's sources, shown with a second source that exists (the
    second story's, else the first's): trial 51 read "B2 is ..." under a story B of one source.
    None when neither story has two sources: there is nothing to detach."""
    first, second = report.stories[0].story_id, report.stories[-1].story_id
    for letter, story in reversed(list(zip("AB", report.stories, strict=False))):
        if len(story.items) >= 2:
            return (
                f"(--detach takes these: `autonews story {first} {second} --detach {letter}2`, "
                f"or a story's own numbers: {letter}2 is `autonews story {story.story_id} "
                "--detach 2`)"
            )
    return None


def _reason_text(reason: Reason, number: Mapping[int, str]) -> str:
    if not reason.items:
        return reason.text
    return " and ".join(f"[{number[key]}]" for key in reason.items) + " " + reason.text


def _story_lines(
    report: StoryReport, number: Mapping[int, str], zone: tzinfo | None, letter: str = ""
) -> list[str]:
    named = f"story {letter} {report.story_id}" if letter else f"story {report.story_id}"
    lines = [f"{named}: {_counted(report)}"]
    lines += _labels(report.story)
    lines.append("sources:")
    for item in report.items:
        when = item.published.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z").rstrip()
        if item.feed_date is not None:  # dated as first seen: its feed's date was far ahead
            when += f" (dated {item.feed_date.astimezone(zone).strftime('%d %b %Y')} by its feed)"
        lines.append(f"  [{number[item.id]}] {when}  {clean_text(item.feed_name or item.feed_url)}")
        lines.append(f"      {clean_text(item.title)}")
    return lines


def _merge_lines(merge: Merge, number: Mapping[int, str]) -> list[str]:
    chance = f", probability {merge.probability:.2f}" if merge.probability is not None else ""
    lines = [f"  [{number[merge.first]}] + [{number[merge.second]}]: {merge.how}{chance}"]
    for evidence in merge.evidence:
        weight = f" ({evidence.weight:+.2f})" if evidence.weight else ""
        lines.append(f"      {evidence.name}: {clean_text(evidence.detail)}{weight}")
    return lines


def _labels(story: Story) -> list[str]:
    """What the digest says of the story: its title, event, makers, models and figures, the
    link it shows and its summary (the first of it: `read ID` shows a body whole)."""
    c = story.classification
    flag = " (speculative)" if c.speculative else ""
    lines = [
        f"  {clean_text(story.title)}",
        f"  event: {c.event.value}{flag}",
        f"  makers: {_makers(c) if c.automotive else '- (not about cars)'}",
    ]
    if c.models:
        lines.append("  models: " + ", ".join(clean_text(m.name) for m in c.models))
    if c.figures:
        lines.append("  figures: " + ", ".join(figure_text(f) for f in c.figures))
    url = safe_url(story.url)
    if url:
        lines.append(f"  link: {url}")
    if story.summary:
        summary = textwrap.shorten(clean_text(story.summary), _SUMMARY_CHARACTERS, placeholder="…")
        lines += textwrap.wrap(
            summary, _WIDTH, initial_indent="  summary: ", subsequent_indent="    "
        )
    return lines


def _makers(c: Classification) -> str:
    """ "Volvo (Geely), Polestar (Geely)": each maker with its group, as `classify` names them."""
    named = (f"{m.name} ({m.group})" if m.group != m.name else m.name for m in c.makers)
    return clean_text(", ".join(named)) or "Industry"


def _counted(report: StoryReport) -> str:
    """ "6 sources", as the digest counts them (articles), and the feed items listed below when
    more (one article in two searches is one source: its items are listed, and detached, each)."""
    counted = source_count(report.story)
    if len(report.items) > report.story.cluster_size:
        counted += f" ({plural(len(report.items), 'feed item')} below)"
    return counted


def _record(report: StoryReport) -> dict[str, Any]:
    """The story as the digest's JSON gives it, each source with its item (which merges name),
    and the merges when explained."""
    record = story_dict(report.story)
    record["sources"] = [
        {"item": source.item_id, **serialised}
        for source, serialised in zip(report.story.sources, record["sources"], strict=True)
    ]
    if report.explanation is not None:
        record["merges"] = [_merge_record(merge) for merge in report.explanation.merges]
    return record


def _merge_record(merge: Merge) -> dict[str, Any]:
    return {
        "items": [merge.first, merge.second],
        "how": merge.how,
        "probability": merge.probability,
        "evidence": [
            {"name": e.name, "detail": e.detail, "weight": e.weight} for e in merge.evidence
        ],
    }


def _apart_record(report: ApartReport) -> dict[str, Any]:
    """Both stories, and why they are two: each reason with the items it names."""
    closest = report.apart.closest
    return {
        "stories": [_record(story) for story in report.stories],
        "apart": [{"items": list(r.items), "reason": r.text} for r in report.apart.reasons],
        "closest": None if closest is None else _merge_record(closest),
    }
