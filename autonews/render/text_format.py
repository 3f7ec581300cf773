"""Plain text: for cron's MAILTO, pipes and anything that is not a terminal. Lines are wrapped in
display cells (a Chinese character is two) with the line breaking of ``line_break``; links
never."""

from __future__ import annotations

from rich.cells import cell_len

from autonews.models import Digest, Story
from autonews.render import RenderOptions
from autonews.render.common import (
    Clock,
    also_listed,
    event_label,
    group_heading,
    part_spans,
    safe_url,
    source_line,
    summary_line,
)
from autonews.render.footer import footer
from autonews.render.line_break import wrap
from autonews.render.links import other_links
from autonews.render.news_again import retold_line
from autonews.render.notes import empty_note
from autonews.text import clean_text


def _story(
    story: Story, clock: Clock, width: int, indent: str, *, others: bool = True
) -> list[str]:
    words = clock.words
    label = f"[{event_label(story, words)}] "
    lines = wrap(
        label + clean_text(story.title),
        width,
        initial_indent=indent + "* ",
        subsequent_indent=indent + "  ",
    )
    news = retold_line(story, words)
    if news:
        lines += wrap(news, width, initial_indent=indent + "  ", subsequent_indent=indent + "    ")
    meta = source_line(story, clock)
    lines += wrap(
        meta,
        width,
        initial_indent=indent + "  ",
        subsequent_indent=indent + "  ",
        keep=part_spans(meta, words),
    )
    story_id = words("story_id", id=clean_text(story.id))  # what `autonews read` takes
    joined = lines[-1] + words("separator") + story_id
    if cell_len(joined) <= width:
        lines[-1] = joined
    else:
        lines.append(f"{indent}  {story_id}")
    return lines + _links(story, width, indent, others=others)


def _links(story: Story, width: int, indent: str, *, others: bool) -> list[str]:
    """The story's link, then each other source indented under it: its outlet and headline
    (wrapped), its link on a line of its own. A headline says what a source tells where the
    story's title does not (trial 41: a recall joined to a lease-rate story was a bare URL in
    the mail's text part); a URL is never wrapped, so that a mail reader or terminal sees it
    whole."""
    url = safe_url(story.url)
    lines = [f"{indent}  {url}"] if url else []
    for link in other_links(story) if others else []:
        if not link.title:
            lines.append(f"{indent}    {link.feed}: {link.url}")
            continue
        lines += wrap(
            f"{link.feed}: {link.title}",
            width,
            initial_indent=f"{indent}    ",
            subsequent_indent=f"{indent}      ",
        )
        lines.append(f"{indent}      {link.url}")
    return lines


def render_text(digest: Digest, options: RenderOptions) -> str:
    width = max(40, options.width)
    clock = Clock.of(digest, options)
    words = clock.words
    lines = [f"{words('digest_title')}{words('separator')}{summary_line(digest, clock)}", ""]
    if not digest.stories:
        lines += [*wrap(empty_note(digest, words), width), ""]
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        lines.append(words("lead_label"))
        lines += _story(lead, clock, width, "", others=False)  # all follow in its group
        if lead.summary:
            lines += wrap(
                clean_text(lead.summary), width, initial_indent="  ", subsequent_indent="  "
            )
        lines.append("")
    for group in digest.groups:
        count = words.count("story", len(group.story_ids))
        lines.append(f"== {group_heading(digest, group, words)}{words('separator')}{count}")
        for story_id in group.story_ids:
            lines += _story(digest.story(story_id), clock, width, "")
        for title, home in also_listed(digest, group, words):
            lines += wrap(
                words("also", title=title, group=home),
                width,
                initial_indent="  ",
                subsequent_indent="    ",
            )
        lines.append("")
    end = footer(digest, clock)
    lines.append(words("feeds_line", feeds=end.feeds))
    lines += [f"  {words('failed_marker')} {text}" for text in end.failures]
    if end.repeated:
        lines += wrap(end.repeated, width, initial_indent="  ", subsequent_indent="  ")
    lines += [f"  {text}" for text in end.moves]  # never wrapped: a URL stays whole
    if end.pages:
        lines += wrap(words("pages_line", pages=end.pages), width, subsequent_indent="  ")
    notes = [note for note in (end.caught_up, end.grown, end.topics, end.muted) if note]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"
