"""Plain text: for cron's MAILTO, pipes and anything that is not a terminal."""

from __future__ import annotations

import textwrap

from autonews.models import Digest, Story
from autonews.render import RenderOptions
from autonews.render.common import (
    Clock,
    also_listed,
    empty_note,
    group_heading,
    safe_url,
    source_line,
    summary_line,
)
from autonews.render.footer import footer
from autonews.render.links import other_links
from autonews.text import clean_text


def _story(
    story: Story, clock: Clock, width: int, indent: str, *, others: bool = True
) -> list[str]:
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
    story_id = f"id {clean_text(story.id)}"  # what `autonews read` takes
    if len(lines[-1]) + 3 + len(story_id) <= width:
        lines[-1] += f" · {story_id}"
    else:
        lines.append(f"{indent}  {story_id}")
    return lines + _links(story, indent, others=others)


def _links(story: Story, indent: str, *, others: bool) -> list[str]:
    """The story's link, then the other sources' indented under it: never wrapped, so that a mail
    reader or terminal sees each URL whole."""
    url = safe_url(story.url)
    lines = [f"{indent}  {url}"] if url else []
    if others:
        lines += [f"{indent}    {link.feed}: {link.url}" for link in other_links(story)]
    return lines


def render_text(digest: Digest, options: RenderOptions) -> str:
    width = max(40, options.width)
    clock = Clock.of(digest, options)
    lines = [f"autonews digest · {summary_line(digest, clock)}", ""]
    if not digest.stories:
        lines += [*textwrap.wrap(empty_note(digest), width), ""]
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        lines.append("LEAD")
        lines += _story(lead, clock, width, "", others=False)  # all follow in its group
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
        for title, home in also_listed(digest, group):
            lines += textwrap.wrap(
                f"also: {title} (under {home})",
                width,
                initial_indent="  ",
                subsequent_indent="    ",
            )
        lines.append("")
    end = footer(digest, clock)
    lines.append(f"Feeds: {end.feeds}")
    lines += [f"  FAILED {text}" for text in end.failures]
    if end.repeated:
        lines += textwrap.wrap(end.repeated, width, initial_indent="  ", subsequent_indent="  ")
    lines += [f"  {text}" for text in end.moves]  # never wrapped: a URL stays whole
    if end.pages:
        lines += textwrap.wrap(f"Article pages: {end.pages}", width, subsequent_indent="  ")
    notes = [note for note in (end.caught_up, end.topics, end.muted) if note]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"
