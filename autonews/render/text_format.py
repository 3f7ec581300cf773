"""Plain text: for cron's MAILTO, pipes and anything that is not a terminal."""

from __future__ import annotations

import textwrap

from autonews.models import Digest, Story
from autonews.render import RenderOptions
from autonews.render.common import (
    group_heading,
    safe_url,
    source_line,
    summary_line,
)
from autonews.render.footer import footer
from autonews.text import clean_text


def _story(story: Story, digest: Digest, width: int, indent: str) -> list[str]:
    label = f"[{story.classification.event.value}] "
    lines = textwrap.wrap(
        label + clean_text(story.title),
        width,
        initial_indent=indent + "* ",
        subsequent_indent=indent + "  ",
    )
    lines += textwrap.wrap(
        source_line(story, digest.generated_at),
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
    lines = [f"autonews digest · {summary_line(digest)}", ""]
    if not digest.stories:
        lines += ["No stories in this window.", ""]
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        lines.append("LEAD")
        lines += _story(lead, digest, width, "")
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
            lines += _story(digest.story(story_id), digest, width, "")
        lines.append("")
    end = footer(digest)
    lines.append(f"Feeds: {end.feeds}")
    lines += [f"  FAILED {text}" for text in end.failures]
    if end.repeated:
        lines += textwrap.wrap(end.repeated, width, initial_indent="  ", subsequent_indent="  ")
    if end.pages:
        lines += textwrap.wrap(f"Article pages: {end.pages}", width, subsequent_indent="  ")
    return "\n".join(lines) + "\n"
