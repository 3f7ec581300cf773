"""HTML: one self-contained document with inline styles, readable in Gmail, Outlook and K-9.
Every piece of feed text is escaped; no scripts, no remote images, no external CSS; only http(s)
links."""

from __future__ import annotations

from html import escape

from autonews.models import Digest, Event, Story
from autonews.reader_script import script_tag, text_tag
from autonews.render import RenderOptions
from autonews.render.common import (
    Clock,
    also_listed,
    digest_heading,
    event_label,
    group_heading,
    safe_url,
    source_and_id_line,
    summary_line,
)
from autonews.render.footer import footer
from autonews.render.links import other_links
from autonews.render.news_again import retold_line
from autonews.render.notes import empty_note
from autonews.render.words import Words
from autonews.text import clean_text

EVENT_COLOUR: dict[Event, str] = {
    Event.RECALL: "#b00020",
    Event.INCIDENT: "#c62828",
    Event.LEGAL: "#6a1b9a",
    Event.RESTRUCTURING: "#a15c00",
    Event.REGULATION: "#1565c0",
    Event.LAUNCH: "#2e7d32",
    Event.OWNERSHIP: "#00838f",
    Event.PARTNERSHIP: "#00838f",
    Event.LEADERSHIP: "#283593",
    Event.PRODUCTION: "#455a64",
    Event.FINANCIALS: "#1b5e20",
    Event.PRICING: "#8d6e00",
    Event.OTHER: "#616161",
}
_BODY = (
    "margin:0;padding:16px;background:#ffffff;color:#1a1a1a;"
    "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45"
)
_BADGE = (
    "display:inline-block;padding:1px 6px;border-radius:3px;color:#ffffff;"
    "font-size:12px;font-weight:bold;text-transform:uppercase;background:{colour}"
)
_META = "color:#666666;font-size:13px"


def _e(text: str) -> str:
    return escape(clean_text(text), quote=True)


def _lang(text: str, page: str) -> str:
    """The ``lang`` attribute of an element whose text is in another language or script than
    the page's (a Chinese title in an English digest, 軟體 in a Simplified one): a browser or
    mail client picks CJK glyphs by it."""
    tag = text_tag(text)
    return f' lang="{tag}"' if tag != page else ""


def _title(story: Story, page: str) -> str:
    url = safe_url(story.url)
    title = _e(story.title)
    lang = _lang(story.title, page)
    if not url:
        return f"<strong{lang}>{title}</strong>"
    return (
        f'<a href="{escape(url, quote=True)}"{lang} style="color:#0b4f8a;font-weight:bold;'
        f'text-decoration:none">{title}</a>'
    )


def _badge(story: Story, words: Words) -> str:
    event = story.classification.event
    style = _BADGE.format(colour=EVENT_COLOUR[event])
    return f'<span style="{style}">{escape(event_label(story, words))}</span>'


def _meta(story: Story, clock: Clock) -> str:
    """The source line, and the story's id (what `autonews read` takes)."""
    return f'<span style="{_META}">{_e(source_and_id_line(story, clock))}</span>'


def _retold(story: Story, clock: Clock, page: str) -> str:
    """The headline that made a delivered story news again, on a line of its own (see
    ``news_again``); "" for the others."""
    news = retold_line(story, clock.words)
    return f"<span{_lang(news, page)}>{_e(news)}</span><br>" if news else ""


def _other_sources(story: Story, page: str) -> str:
    """The other sources' links, one a line under the story: outlet, then its headline."""
    return "".join(
        f'<br><span style="{_META}">{_e(link.feed)}: <a href="{escape(link.url, quote=True)}"'
        f'{_lang(link.title, page)} style="color:#0b4f8a">{_e(link.title or link.url)}</a></span>'
        for link in other_links(story)
    )


def _story(story: Story, clock: Clock, page: str) -> str:
    badge = _badge(story, clock.words)
    return (
        f'<tr><td style="padding:6px 0;border-bottom:1px solid #eeeeee">{badge} '
        f"{_title(story, page)}<br>{_retold(story, clock, page)}{_meta(story, clock)}"
        f"{_other_sources(story, page)}</td></tr>"
    )


def render_html(digest: Digest, options: RenderOptions) -> str:
    clock = Clock.of(digest, options)
    words = clock.words
    heading = digest_heading(digest, words)
    page = script_tag(digest.language)  # the titles' language: most of the page's text
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{page}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{_e(heading)}</title></head>",
        f'<body style="{_BODY}">',
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        'style="max-width:720px;margin:0 auto">',
        f'<tr><td><h1 style="font-size:22px;margin:0 0 4px">{_e(heading)}</h1>'
        f'<p style="{_META};margin:0 0 16px">{_e(summary_line(digest, clock))}</p></td></tr>',
    ]
    if digest.lead_id:
        lead = digest.story(digest.lead_id)
        summary = (
            f'<p{_lang(lead.summary, page)} style="margin:8px 0">{_e(lead.summary)}</p>'
            if lead.summary
            else ""
        )
        parts.append(
            '<tr><td style="border:2px solid #1a1a1a;border-radius:6px;padding:12px">'
            f'<div style="{_META};font-weight:bold">{_e(words("lead_label"))}</div>'
            f"{_badge(lead, words)} {_title(lead, page)}"
            f"{summary}{_retold(lead, clock, page)}{_meta(lead, clock)}</td></tr>"
        )
    if not digest.stories:
        parts.append(f"<tr><td><p>{_e(empty_note(digest, words))}</p></td></tr>")
    for group in digest.groups:
        parts.append(
            f'<tr><td><h2 style="font-size:18px;margin:20px 0 4px">'
            f"{_e(group_heading(digest, group, words))}</h2></td></tr>"
        )
        parts += [_story(digest.story(story_id), clock, page) for story_id in group.story_ids]
        parts += [
            f'<tr><td><p style="{_META};margin:2px 0">'
            f"{_e(words('also', title=title, group=home))}</p></td></tr>"
            for title, home in also_listed(digest, group, words)
        ]
    end = footer(digest, clock)
    parts.append(
        f'<tr><td><h2 style="font-size:16px;margin:20px 0 4px">{_e(words("feeds_heading"))}</h2>'
        f'<p style="{_META};margin:0">{_e(end.feeds)}</p>'
    )
    if end.failures:
        parts.append(f'<ul style="{_META};padding-left:18px">')
        parts += [f'<li style="color:#b00020">✗ {_e(text)}</li>' for text in end.failures]
        parts.append("</ul>")
    pages = words("pages_line", pages=end.pages) if end.pages else ""
    for note in (end.repeated, *end.moves, pages, end.caught_up, end.grown, end.topics, end.muted):
        if note:
            parts.append(f'<p style="{_META};margin:4px 0">{_e(note)}</p>')
    parts += ["</td></tr>", "</table></body></html>"]
    return "\n".join(parts) + "\n"
