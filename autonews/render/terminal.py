"""The terminal digest (rich). Feed text is always wrapped in Text objects, never parsed as
markup, and cleaned of escapes; without colour (NO_COLOR, or not a terminal) the output is plain
text with no escape codes at all."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from autonews.models import Digest, Event, Story
from autonews.render import RenderOptions
from autonews.render.common import (
    Clock,
    also_listed,
    group_name,
    group_parent,
    makers_label,
    part_spans,
    safe_url,
    source_line,
    summary_line,
)
from autonews.render.footer import footer
from autonews.render.line_break import Wrapped
from autonews.render.links import other_links
from autonews.render.news_again import retold_line
from autonews.render.notes import empty_note
from autonews.render.words import Words
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
_GUTTER = 2  # the columns before a story's label


def _label_width(words: Words) -> int:
    """The cells of the longest event label in the reader's words: the label column's width."""
    return max(cell_len(words.event(event)) for event in Event)


def _text_indent(words: Words) -> int:
    """Where a story's text starts: after its label."""
    return _GUTTER + _label_width(words) + 2 + 1


def _event_label(story: Story, words: Words, pad: bool = True) -> Text:
    symbol, style = EVENT_STYLE[story.classification.event]
    name = words.event(story.classification.event)
    padding = " " * (_label_width(words) - cell_len(name)) if pad else ""
    return Text(f"{symbol} {name}{padding}", style=style)


def _meta(story: Story, clock: Clock) -> Text:
    line = source_line(story, clock, speculative=False)
    text = Wrapped(line, style="dim", keep=part_spans(line, clock.words))
    stage = clock.words.stages.get(story.stage) if story.stage else None
    if stage:  # a launch's stage: the label column holds its event alone ("launch · teaser")
        text.append(clock.words("separator") + stage, style="dim")
    if story.classification.speculative:  # the one part that stands out
        words = clock.words
        text.append(words("separator") + words("speculative"), style="italic yellow")
    return text


def _retold(story: Story, clock: Clock) -> list[Text]:
    """The headline that made a delivered story news again (see ``news_again``), then the
    source line."""
    news = retold_line(story, clock.words)
    return ([Wrapped(news)] if news else []) + [_meta(story, clock)]


def _story_row(story: Story, clock: Clock) -> Table:
    """Label in a fixed column, text beside it: wrapped lines keep their indentation."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=_GUTTER - 1)
    table.add_column(width=_label_width(clock.words) + 2, no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    title = Wrapped(clean_text(story.title), style="bold")
    table.add_row("", _event_label(story, clock.words), Group(title, *_retold(story, clock)))
    return table


class _Hanging:
    """A line of text that, wrapped, goes on under its indent (rich would go on at column 0):
    "  1 failing as reported earlier (`autonews" / "  feeds check` lists every feed)". ``first``:
    the spaces before its first line, where the text does not start with them itself."""

    def __init__(self, text: Text, indent: int, first: int = 0) -> None:
        self.text, self.indent, self.first = text, indent, first

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - max(self.indent, self.first))
        for number, line in enumerate(self.text.wrap(console, width)):
            yield Text.assemble(" " * (self.indent if number else self.first), line)


def _links(story: Story, words: Words, *, others: bool = True) -> list[Text | _Hanging]:
    """The story's id (what `autonews read` takes) in the label column with its link beside it,
    then each other source indented under it: its outlet and headline (wrapped under their
    indent), its link on a line of its own. A link (a Text) is printed with ``soft_wrap``: never
    wrapped nor cropped, so a long URL stays one piece a terminal can open, however narrow."""
    story_id = clean_text(story.id)
    line = Text(" " * _GUTTER)
    line.append(story_id, style="dim")
    line.append(" " * max(1, _text_indent(words) - _GUTTER - cell_len(story_id)))
    url = safe_url(story.url)
    if url:
        line.append(url, style="dim underline")
    lines: list[Text | _Hanging] = [line]
    # Under the link (the labels of Chinese words are narrower than the id: the link is then
    # further right than the story's text).
    indent = cell_len(line.plain) - (cell_len(url) if url else 0) + 2
    for link in other_links(story) if others else []:
        if not link.title:
            line = Text(" " * indent)
            line.append(f"{link.feed}: ", style="dim")
            line.append(link.url, style="dim underline")
            lines.append(line)
            continue
        # The headline says what the source tells where the story's title does not (trial 41:
        # a recall joined to a lease-rate story showed as a bare URL).
        source = Wrapped()
        source.append(f"{link.feed}: ", style="dim")
        source.append(link.title)
        lines.append(_Hanging(source, indent + 2, first=indent))
        under = Text(" " * (indent + 2))
        under.append(link.url, style="dim underline")
        lines.append(under)
    return lines


def _lead(story: Story, clock: Clock) -> Panel:
    words = clock.words
    heading = Wrapped(clean_text(story.title), style="bold")
    body = Wrapped(clean_text(story.summary)) if story.summary else Text("")
    parts: list[Text] = [heading]
    if story.summary:
        parts += [Text(""), body]
    parts += [Text(""), *_retold(story, clock)]
    title = Text(words("lead") + words("separator"))
    title.append_text(_event_label(story, words, pad=False))
    title.append(words("separator") + makers_label(story, words))
    return Panel(Group(*parts), title=title, title_align="left", border_style="bold")


def _footer(digest: Digest, clock: Clock) -> list[Text | _Hanging]:
    words = clock.words
    end = footer(digest, clock)
    heading = Wrapped(words("feeds_heading"), style="bold")
    heading.append(f"  {end.feeds}", style="red" if end.failures else "dim")
    lines: list[Text | _Hanging] = [_Hanging(heading, 2)]
    lines += [_Hanging(Wrapped(f"  ✗ {text}", style="red"), 4) for text in end.failures]
    if end.repeated:
        lines.append(_Hanging(Wrapped(f"  {end.repeated}", style="dim"), 2))
    # Never wrapped (see render_terminal), so that the URL and the command stay whole.
    lines += [Text(f"  {text}", style="yellow", no_wrap=True) for text in end.moves]
    if end.pages:
        pages = Wrapped(words("pages_heading"), style="bold")
        pages.append(f"  {end.pages}", style="dim")
        lines.append(_Hanging(pages, 2))
    notes = [note for note in (end.caught_up, end.grown, end.topics, end.muted) if note]
    if notes:
        lines += [Text(""), *(Wrapped(note, style="dim") for note in notes)]
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
    clock = Clock.of(digest, options, relative=True)
    words = clock.words
    header = Wrapped(words("digest_title"), style="bold")
    header.append(f"{words('separator')}{summary_line(digest, clock)}", style="dim")
    console.print(header)
    if not digest.stories:
        console.print(Wrapped(empty_note(digest, words), style="dim"))
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        console.print(_lead(lead, clock))
        for line in _links(lead, words, others=False):  # all of them follow in the lead's group
            console.print(line, soft_wrap=isinstance(line, Text))
    for group in digest.groups:
        heading = Wrapped(f"\n{group_name(group, words)}", style="bold underline")
        stories = [digest.story(story_id) for story_id in group.story_ids]
        parent = group_parent(digest, group)
        if parent:
            heading.append(f"  {words.maker(clean_text(parent))}", style="dim")
        heading.append(f"  {words.count('story', len(stories))}", style="dim")
        console.print(heading)
        for story in stories:
            console.print(_story_row(story, clock))
            for line in _links(story, words):
                console.print(line, soft_wrap=isinstance(line, Text))
        for title, home in also_listed(digest, group, words):
            also = Wrapped("  " + words("also", title=title, group=home), style="dim")
            console.print(_Hanging(also, 4))
    console.print()
    for ending in _footer(digest, clock):
        console.print(ending, soft_wrap=isinstance(ending, Text) and ending.no_wrap is True)
    text = buffer.getvalue()
    if not options.color:  # table cells pad with spaces; plain text need not carry them
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
