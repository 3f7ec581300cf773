"""The terminal digest (rich). Feed text is always wrapped in Text objects, never parsed as
markup, and cleaned of escapes; without colour (NO_COLOR, or not a terminal) the output is plain
text with no escape codes at all."""

from __future__ import annotations

import io
from datetime import datetime

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from autonews.models import Digest, Event, Story
from autonews.render import RenderOptions
from autonews.render.common import safe_url, source_line
from autonews.render.footer import footer
from autonews.text import clean_text

EVENT_STYLE: dict[Event, tuple[str, str]] = {
    Event.RECALL: ("⚠", "bold red"),
    Event.INCIDENT: ("✖", "red"),
    Event.LEGAL: ("⚖", "magenta"),
    Event.RESTRUCTURING: ("✂", "yellow"),
    Event.REGULATION: ("§", "blue"),
    Event.LAUNCH: ("★", "green"),
    Event.OWNERSHIP: ("◆", "cyan"),
    Event.PARTNERSHIP: ("⇄", "cyan"),
    Event.LEADERSHIP: ("♟", "bright_blue"),
    Event.PRODUCTION: ("⚙", "white"),
    Event.FINANCIALS: ("$", "bright_green"),
    Event.PRICING: ("¤", "yellow"),
    Event.OTHER: ("·", "dim"),
}
_LABEL_WIDTH = max(len(event.value) for event in Event)


def _event_label(story: Story, pad: bool = True) -> Text:
    symbol, style = EVENT_STYLE[story.classification.event]
    name = story.classification.event.value
    return Text(f"{symbol} {name:<{_LABEL_WIDTH}}" if pad else f"{symbol} {name}", style=style)


def _meta(story: Story, now: datetime) -> Text:
    text = Text(source_line(story, now, speculative=False), style="dim")
    if story.classification.speculative:  # the one part that stands out
        text.append(" · speculative", style="italic yellow")
    return text


def _story_table(stories: list[Story], now: datetime) -> Table:
    """Label in a fixed column, text beside it: wrapped lines keep their indentation."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1)
    table.add_column(width=_LABEL_WIDTH + 2, no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for story in stories:
        lines = [Text(clean_text(story.title), style="bold"), _meta(story, now)]
        url = safe_url(story.url)
        if url:
            lines.append(Text(url, style="dim underline"))
        table.add_row("", _event_label(story), Group(*lines))
    return table


def _lead(story: Story, now: datetime) -> Panel:
    makers = ", ".join(m.name for m in story.classification.makers) or "Industry"
    heading = Text(clean_text(story.title), style="bold")
    body = Text(clean_text(story.summary)) if story.summary else Text("")
    parts: list[Text] = [heading]
    if story.summary:
        parts += [Text(""), body]
    parts += [Text(""), _meta(story, now)]
    url = safe_url(story.url)
    if url:
        parts.append(Text(url, style="dim underline"))
    title = Text("Lead · ")
    title.append_text(_event_label(story, pad=False))
    title.append(f" · {clean_text(makers)}")
    return Panel(Group(*parts), title=title, title_align="left", border_style="bold")


def _footer(digest: Digest) -> list[Text]:
    end = footer(digest)
    heading = Text("Feeds", style="bold")
    heading.append(f"  {end.feeds}", style="red" if end.failures else "dim")
    lines = [heading]
    lines += [Text(f"  ✗ {text}", style="red") for text in end.failures]
    if end.repeated:
        lines.append(Text(f"  {end.repeated}", style="dim"))
    if end.pages:
        pages = Text("Article pages", style="bold")
        pages.append(f"  {end.pages}", style="dim")
        lines.append(pages)
    return lines


def make_console(buffer: io.StringIO, options: RenderOptions) -> Console:
    """A console writing into ``buffer``: colour only when asked, never markup or emoji, so
    feed text prints as it is."""
    return Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="truecolor" if options.color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )


def render_terminal(digest: Digest, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = make_console(buffer, options)
    now = digest.generated_at
    stamp = now.strftime("%d %b %Y %H:%M UTC")
    header = Text("autonews digest", style="bold")
    header.append(
        f" · {stamp} · {len(digest.stories)} stories from {len(digest.feeds)} feeds", style="dim"
    )
    console.print(header)
    if not digest.stories:
        console.print(Text("No stories in this window.", style="dim"))
    if digest.lead_id:
        console.print(_lead(digest.story(digest.lead_id), now))
    for group in digest.groups:
        heading = Text(f"\n{clean_text(group.key)}", style="bold underline")
        stories = [digest.story(story_id) for story_id in group.story_ids]
        if group.kind == "maker" and stories[0].classification.makers:
            parent = stories[0].classification.makers[0].group
            if parent != group.key:
                heading.append(f"  {clean_text(parent)}", style="dim")
        heading.append(f"  {len(stories)} stor{'ies' if len(stories) != 1 else 'y'}", style="dim")
        console.print(heading)
        console.print(_story_table(stories, now))
    console.print()
    for line in _footer(digest):
        console.print(line)
    text = buffer.getvalue()
    if not options.color:  # table cells pad with spaces; plain text need not carry them
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
