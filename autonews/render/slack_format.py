"""Slack: the digest in Slack's mrkdwn, the markup of messages sent through Slack's API or an
incoming webhook (``*bold*``, ``_italic_``, ``<url|text>`` links, ``>`` quotes), for a channel
that gets the news. The content is the markdown digest's, line for line.

Feed text never becomes markup, a mention or a link:

- ``&``, ``<`` and ``>`` are Slack's control characters, and it documents their escapes:
  ``&amp;``, ``&lt;``, ``&gt;``, everywhere (in a link's URL and text too). With every ``<`` of
  feed text escaped, no feed can write ``<!channel>``, ``<!here>``, ``<@U123>``, a
  ``<!date^...>`` or a link of its own; the only ``<...>`` are this module's links, to an http(s)
  URL (``safe_url``) in which a space, ``<``, ``>`` and ``|`` are percent-encoded, so the URL
  ends where the link's text begins, and the text ends only at the link's closing ``>``.
- ``*``, ``_``, ``~`` and the backtick: Slack has no escape for them (a backslash is shown as
  it is), and where they format is not documented precisely. So each is replaced by a
  look-alike, and a headline reads as written but is never made bold, italic, struck out or
  code: ``*`` by U+2217 ``∗``, ``~`` by U+223C ``∼``, the backtick by U+02CB ``ˋ``, and ``_`` by
  U+02CD ``ˍ`` at a word's edge only (inside a word, as in snake_case, it does not start
  italics in Slack, and it stays). The cost: such a character copied out of Slack is the
  look-alike.
- a ``|`` in a link's text is U+2223 ``∣``: Slack gives no way to escape it, and where it stands
  beside the URL's own separator is not documented.
- ``@`` starting a word is U+FF20 ``＠``: the API notifies for ``<!channel>`` and the like
  (escaped above), but also for a plain ``@channel`` when a message is sent with
  ``link_names``, and text pasted into Slack's message box can make ``@here`` or ``@someone``
  a mention.
- left as they are: ``:name:`` emoji codes (an emoji is no markup that can mislead) and URLs
  written in feed text, which Slack shows as links, as they read.
"""

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

_CONTROL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_LOOK_ALIKES = str.maketrans({"*": "\u2217", "~": "\u223c", "`": "\u02cb"})
# "_" where it could open or close italics: not between two letters or digits.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_MENTION = re.compile(r"(?<![^\W_])@(?=\w)")


def escape(text: str) -> str:
    """Feed text as mrkdwn that Slack shows as the text itself, never as markup or a mention."""
    text = clean_text(text).translate(_CONTROL).translate(_LOOK_ALIKES)
    return _MENTION.sub("\uff20", _UNDERSCORE.sub("\u02cd", text))


# In the URL of <url|text>: a space or a line break would end the URL, "|" starts the text, ">"
# ends the link, "<" is a control character. "&" is escaped as everywhere (Slack decodes it).
_URL = str.maketrans({" ": "%20", "<": "%3C", ">": "%3E", "|": "%7C", "&": "&amp;"})


def link(title: str, url: str | None) -> str:
    """``<url|title>``, or the title alone when the URL is not an http(s) one."""
    url = safe_url(url)
    text = escape(title).replace("|", "\u2223")
    if url is None:
        return text
    target = url.translate(_URL)
    return f"<{target}|{text}>" if text else f"<{target}>"


def _move(feed: FeedHealth, words: Words) -> str:
    """A feed that moved for good: its new address a link, the command as code (in which Slack
    formats nothing, but still decodes its three escapes; a backtick would end it)."""
    new, command = move_command(feed)
    code = command.translate(_CONTROL).replace("`", "\u02cb")
    name = escape(feed.name or feed.url)
    return "• " + moved_note(feed, words, name=name, url=link(new, new), command=f"`{code}`")


def _item(story: Story, clock: Clock, *, others: bool = True) -> str:
    """The event in bold and the story linked to its own link, under it the source line and id
    (what `autonews read` takes), then the other sources' links."""
    words = clock.words
    event = event_label(story, words)
    meta = source_and_id_line(story, clock)
    lines = [f"• *{event}* {link(story.title, story.url)}"]
    news = retold_line(story, words)
    if news:
        lines.append(f"    {escape(news)}")
    lines.append(f"    {escape(meta)}")
    if others:
        lines += [
            f"    ◦ {escape(source.feed)}: {link(source.title or source.url, source.url)}"
            for source in other_links(story)
        ]
    return "\n".join(lines)


def render_slack(digest: Digest, options: RenderOptions) -> str:
    clock = Clock.of(digest, options)
    words = clock.words
    out = [f"*{escape(words('digest_title'))}*", f"_{escape(summary_line(digest, clock))}_", ""]
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        out += [f"*{escape(words('lead'))}*", _item(lead, clock, others=False)]
        if lead.summary:
            out.append(f"> {escape(lead.summary)}")
        out.append("")
    if not digest.stories:
        out += [escape(empty_note(digest, words)), ""]
    for group in digest.groups:
        out.append(f"*{escape(group_heading(digest, group, words))}*")
        out += [_item(digest.story(story_id), clock) for story_id in group.story_ids]
        out += [
            "• " + escape(words("also", title=title, group=home))
            for title, home in also_listed(digest, group, words)
        ]
        out.append("")
    end = footer(digest, clock)
    out += [f"*{escape(words('feeds_heading'))}*", escape(end.feeds)]
    out += [f"• ✗ {escape(text)}" for text in end.failures]
    if end.repeated:  # the footer's own words, with `autonews feeds check` as code
        out.append(end.repeated.translate(_CONTROL))
    out += [_move(feed, words) for feed in digest.moves_to_report]
    if end.pages:
        out.append(escape(words("pages_line", pages=end.pages)))
    notes = [note for note in (end.caught_up, end.grown, end.topics, end.muted) if note]
    if notes:
        out += ["", *(f"_{escape(note)}_" for note in notes)]
    return "\n".join(out).rstrip("\n") + "\n"
