"""Plain text: for cron's MAILTO, pipes and anything that is not a terminal."""

from __future__ import annotations

import textwrap

from autonews.models import Digest, Story
from autonews.render import RenderOptions
from autonews.render.common import (
    Clock,
    feed_line,
    group_heading,
    safe_url,
    source_line,
    summary_line,
)
from autonews.text import clean_text


def _story(story: Story, clock: Clock, width: int, indent: str) -> list[str]:
    label = f"[{story.classification.event.value}] "
    lines = textwrap.wrap(
        label + clean_text(story.title),
        width,
        initial_indent=indent + "* ",
        subsequent_indent=indent + "  ",
    )
    lines += textwrap.wrap(
        source_line(story, clock),
        width,
        initial_indent=indent + "  ",
        subsequent_indent=indent + "  ",
    )
    url = safe_url(story.url)
    if url:
        lines.append(indent + "  " + url)
    return lines


def render_text(digest: Digest, options: RenderOptions) -> str:
    width = max(40, options.width)
    clock = Clock.of(digest, options)
    lines = [f"autonews digest · {summary_line(digest, clock)}", ""]
    if not digest.stories:
        lines += ["No stories in this window.", ""]
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        lines.append("LEAD")
        lines += _story(lead, clock, width, "")
        if lead.summary:
            lines += textwrap.wrap(
                clean_text(lead.summary), width, initial_indent="  ", subsequent_indent="  "
            )
        lines.append("")
    for group in digest.groups:
        count = len(group.story_ids)
        lines.append(
            f"== {group_heading(digest, group)} · {count} stor{'ies' if count != 1 else 'y'}"
        )
        for story_id in group.story_ids:
            lines += _story(digest.story(story_id), clock, width, "")
        lines.append("")
    lines.append("Feeds")
    for feed in digest.feeds:
        failed, text = feed_line(feed)
        lines.append(f"  {'FAILED' if failed else 'ok'} {text}")
    return "\n".join(lines) + "\n"
