"""Markdown: for notes apps, chat tools and static sites. Feed text is escaped so a title can
never become a link, an image or a heading."""

from __future__ import annotations

import re

from autonews.models import Digest, FeedHealth, Story
from autonews.render import RenderOptions
from autonews.render.common import (
    Clock,
    also_listed,
    event_label,
    group_heading,
    safe_url,
    source_and_id_line,
    summary_line,
)
from autonews.render.footer import footer, moved_note
from autonews.render.links import other_links
from autonews.render.news_again import retold_line
from autonews.render.notes import empty_note, move_command
from autonews.render.words import Words
from autonews.text import clean_text

# Escaped only where a character would change the rendering (chat tools that show the source,
# or speak a dialect, show every backslash: "F\-150", "$5\.8" read badly). Anywhere in a
# line: a backslash, code spans, emphasis, strikethrough, links and images (no "[", no link:
# "(" and "!" are then plain), raw HTML and autolinks ("<" and ">": chat dialects read
# "<url|text>" as a link); "_" only where it could open or close emphasis (not inside
# snake_case); "&" only where it would start an entity (&copy;).
_ANYWHERE = re.compile(r"[\\`*\[\]<>~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
# At the start of a line (escape's text may begin one): a heading, a quote, a list item, a
# setext underline or a thematic break.
_LINE_START = re.compile(r"^(?:[#+=\-]|\d{1,9}(?=[.)](?:\s|$)))")


def escape(text: str) -> str:
    """Feed text as Markdown that renders as the text itself, never as markup."""
    text = _ANYWHERE.sub(lambda match: "\\" + match.group(), clean_text(text))
    return _LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    marker = match.group()
    return marker + "\\" if marker[0].isdigit() else "\\" + marker  # "2026\. ", "\# "


# In a <...> link destination, "<" ends the link (what follows, such as <a href="javascript:...">,
# is read as raw HTML), ">" closes it early, a backslash escapes the closing ">": percent-encoded.
_DESTINATION = str.maketrans({"<": "%3C", ">": "%3E", "\\": "%5C"})


def _link(title: str, url: str | None) -> str:
    return f"[{escape(title)}](<{url.translate(_DESTINATION)}>)" if url else escape(title)


def _move(feed: FeedHealth, words: Words) -> str:
    """A feed that moved for good: its new address a link, the command a code span (fenced
    by more backticks than it holds), so that both read as they are."""
    new, command = move_command(feed)
    fence = "`" * (max((len(run) for run in re.findall("`+", command)), default=0) + 1)
    name = escape(feed.name or feed.url)
    told = f"{fence} {command} {fence}"
    return "- " + moved_note(feed, words, name=name, url=_link(new, new), command=told)


def _item(story: Story, clock: Clock, *, others: bool = True) -> str:
    """The story linked to its own link, the source line and id (what `autonews read` takes),
    then the other sources' links as a list under it."""
    words = clock.words
    event = event_label(story, words)
    meta = source_and_id_line(story, clock)
    lines = [f"- **{event}** {_link(story.title, safe_url(story.url))}  "]
    news = retold_line(story, words)
    if news:
        lines.append(f"  {escape(news)}  ")
    lines.append(f"  {escape(meta)}")
    if others:
        lines += [
            f"  - {escape(link.feed)}: {_link(link.title or link.url, link.url)}"
            for link in other_links(story)
        ]
    return "\n".join(lines)


def render_markdown(digest: Digest, options: RenderOptions) -> str:
    clock = Clock.of(digest, options)
    words = clock.words
    out = [f"# {escape(words('digest_title'))}", "", f"*{escape(summary_line(digest, clock))}*", ""]
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        out += [f"## {escape(words('lead'))}", "", _item(lead, clock, others=False), ""]
        if lead.summary:
            out += [f"> {escape(lead.summary)}", ""]
    if not digest.stories:
        out += [escape(empty_note(digest, words)), ""]
    for group in digest.groups:
        out += [f"## {escape(group_heading(digest, group, words))}", ""]
        out += [_item(digest.story(story_id), clock) for story_id in group.story_ids]
        out += [
            "- " + escape(words("also", title=title, group=home))
            for title, home in also_listed(digest, group, words)
        ]
        out.append("")
    end = footer(digest, clock)
    out += [f"## {escape(words('feeds_heading'))}", "", escape(end.feeds), ""]
    if end.failures:
        out += [*(f"- ✗ {escape(text)}" for text in end.failures), ""]
    if end.repeated:
        out += [escape(end.repeated), ""]
    if end.moves:
        out += [*(_move(feed, words) for feed in digest.moves_to_report), ""]
    if end.pages:
        out += [escape(words("pages_line", pages=end.pages)), ""]
    out += [
        f"*{escape(note)}*\n" for note in (end.caught_up, end.grown, end.topics, end.muted) if note
    ]
    return "\n".join(out).rstrip("\n") + "\n"
