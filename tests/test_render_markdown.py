"""Markdown for chat tools and notes: feed text reads as written, with a backslash only where
a character would change the rendering, and never becomes markup (checked with a CommonMark
renderer). Trial 29, item d2."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from markdown_it import MarkdownIt

from autonews.models import Digest
from autonews.render import Format, RenderOptions, render
from tests.helpers.digests import sample_digest

PLAIN = [
    "Ford F-150 Lightning Gets a $5.8k Price Cut (Hyundai Motor Group Responds)",
    "Low-pressure Tyres: 2,000 Cars Recalled! Is Yours One?",
    "2026 Is the Year of the EV + Hybrid Boom | Analysis",
    "Tesla's Model 3 #1 in Norway; snake_case, 50% and A&B stay as written",
]
HOSTILE = [
    "# Heading",
    "- a list item",
    "1. an ordered item",
    "> a quote",
    "---",
    "===",
    "[a link](http://evil.example)",
    "![an image](http://evil.example/x.png)",
    "<b>bold</b> <http://evil.example>",
    "*em* **strong** _em_ __strong__",
    "`code` ~~struck~~",
    "&copy; &#169; &amp;",
    "a \\ backslash\\",
]


def digest_with(titles: list[str], feeds: list[str]) -> Digest:
    digest = sample_digest()
    stories = []
    for n, story in enumerate(digest.stories):
        title = titles[n % len(titles)]
        sources = tuple(
            replace(source, feed=feeds[(n + i) % len(feeds)], title=title)
            for i, source in enumerate(story.sources)
        )
        stories.append(replace(story, title=title, sources=sources))
    return replace(digest, stories=tuple(stories))


def test_plain_titles_are_written_without_backslashes() -> None:
    out = render(digest_with(PLAIN, ["AutoWire Daily", "2026. The Year"]), Format.MARKDOWN)
    for title in PLAIN:
        assert title in out, title
    assert "\\" not in out.replace("2026\\. The Year", "")  # a number and "." starting a line


def test_feed_text_never_becomes_markup() -> None:
    for start in range(len(HOSTILE)):  # each text as a title, and as a feed starting a line
        texts = HOSTILE[start:] + HOSTILE[:start]
        out = render(digest_with(texts, texts), Format.MARKDOWN, RenderOptions(width=100))
        page = MarkdownIt("commonmark").render(out)
        shown = html.escape(texts[0], quote=False).replace('"', "&quot;")
        assert shown in page, (texts[0], page)
        tags = set(re.findall(r"<(\w+)", page))
        assert tags <= {"h1", "h2", "p", "ul", "li", "strong", "em", "a", "blockquote", "br"}, tags
        hrefs = re.findall(r'href="([^"]*)"', page)
        assert all(href.startswith("http://news.example/") for href in hrefs), hrefs
        headings = re.findall(r"<h\d>(.*?)</h\d>", page)
        assert not any(text in h for h in headings for text in ("Heading", "===", "---")), headings
