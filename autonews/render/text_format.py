"""Plain text: for cron's MAILTO, pipes and anything that is not a terminal."""

from __future__ import annotations

import textwrap

from autonews.models import Digest, FeedStatus, Story
from autonews.render import RenderOptions
from autonews.render.common import group_heading, safe_url, source_line, summary_line
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
    lines.append("Feeds")
    for feed in digest.feeds:
        name = clean_text(feed.name or feed.url)
        if feed.status is FeedStatus.ERROR:
            failures = (
                f" ({feed.consecutive_failures} failures in a row)"
                if feed.consecutive_failures > 1
                else ""
            )
            lines.append(f"  FAILED {name}: {clean_text(feed.error or 'error')}{failures}")
        elif feed.status is FeedStatus.NOT_MODIFIED:
            lines.append(f"  ok {name}: not modified")
        else:
            lines.append(f"  ok {name}: {feed.items} items")
    return "\n".join(lines) + "\n"
