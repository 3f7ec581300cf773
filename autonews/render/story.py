"""Output of `autonews story`: a story's sources and, with --explain, what joined them; in JSON,
the story as the digest's JSON gives it (``json_format.story_dict``), with each source's item."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from autonews.render.json_format import dumps, story_dict
from autonews.story import StoryReport
from autonews.text import clean_text


def format_story(report: StoryReport, fmt: str, zone: tzinfo | None = None) -> str:
    """The story as text (times in ``zone``, the reader's, named; None: the system's) or JSON
    (times in UTC, as the digest's JSON has them)."""
    if fmt == "json":
        return dumps(_record(report), indent=2) + "\n"
    number = {item.id: n for n, item in enumerate(report.items, 1)}
    lines = [f"story {report.story_id}: {len(report.items)} source(s)"]
    for n, item in enumerate(report.items, 1):
        when = item.published.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z").rstrip()
        if item.feed_date is not None:  # dated as first seen: its feed's date was far ahead
            when += f" (dated {item.feed_date.astimezone(zone).strftime('%d %b %Y')} by its feed)"
        lines.append(f"  [{n}] {when}  {clean_text(item.feed_name or item.feed_url)}")
        lines.append(f"      {clean_text(item.title)}")
    if report.explanation is not None:
        lines.append("merges:")
        if not report.explanation.merges:
            lines.append("  none: one source")
        for merge in report.explanation.merges:
            chance = (
                f", probability {merge.probability:.2f}" if merge.probability is not None else ""
            )
            lines.append(
                f"  [{number[merge.first]}] + [{number[merge.second]}]: {merge.how}{chance}"
            )
            for evidence in merge.evidence:
                weight = f" ({evidence.weight:+.2f})" if evidence.weight else ""
                lines.append(f"      {evidence.name}: {clean_text(evidence.detail)}{weight}")
    return "\n".join(lines) + "\n"


def _record(report: StoryReport) -> dict[str, Any]:
    """The story as the digest's JSON gives it, each source with its item (which merges name),
    and the merges when explained."""
    record = story_dict(report.story)
    record["sources"] = [
        {"item": source.item_id, **serialised}
        for source, serialised in zip(report.story.sources, record["sources"], strict=True)
    ]
    if report.explanation is not None:
        record["merges"] = [
            {
                "items": [merge.first, merge.second],
                "how": merge.how,
                "probability": merge.probability,
                "evidence": [
                    {"name": e.name, "detail": e.detail, "weight": e.weight} for e in merge.evidence
                ],
            }
            for merge in report.explanation.merges
        ]
    return record
