"""``parse_feed``: decode a document, tell JSON Feed from XML (and from an HTML page), hand it to
the parser for its format, then apply the rules every parsed feed follows (a headline per entry,
no text a later stage cannot hold)."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from autonews.errors import FeedParseError
from autonews.models import ParsedEntry, ParsedFeed
from autonews.parse.aggregators import with_outlets
from autonews.parse.encoding import decode_document
from autonews.parse.fields import title_from_text
from autonews.parse.json_feed import parse_json_feed
from autonews.parse.text_rules import valid_text
from autonews.parse.xml_feed import parse_xml_feed
from autonews.text import shorten, strip_escapes


def parse_feed(
    body: bytes, content_type: str | None = None, url: str = "", engine: str = "auto"
) -> ParsedFeed:
    """Parse one feed document. Raises FeedParseError when it is not a feed we can read."""
    if not body or not body.strip():
        raise FeedParseError("empty document: no feed in the response")
    # Escape sequences go before parsing: an XML parser would drop ESC and leave "[31m" behind.
    text = strip_escapes(decode_document(body, content_type))
    # A server's Content-Type is a hint: RSS served as application/json is still RSS.
    declared_json = (content_type or "").split(";")[0].strip().endswith("json")
    if _looks_like_json(text) or (declared_json and not text.lstrip().startswith("<")):
        feed = parse_json_feed(text)
    elif _looks_like_html(text):
        raise FeedParseError(
            "an HTML page, not a feed", hint="use the feed's own URL (look for RSS or Atom links)"
        )
    else:
        feed = with_outlets(parse_xml_feed(text, url, engine), text)
    return valid_text(_with_headlines(feed))


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] == "{"


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


TITLE_CAP = 300  # characters; longer is not a headline, and a 300 KB title would flood a screen


def _with_headlines(feed: ParsedFeed) -> ParsedFeed:
    """Every entry gets a title a reader can scan: overlong ones are cut at a word, and an
    untitled entry is named by its text's first sentence (as feed readers title a micro-post),
    or else by its link's host."""
    entries = tuple(_headlined(entry) for entry in feed.entries)
    if all(new is old for new, old in zip(entries, feed.entries, strict=True)):
        return feed
    return replace(feed, entries=entries)


def _headlined(entry: ParsedEntry) -> ParsedEntry:
    title = entry.title
    if not title:
        title = title_from_text(entry.summary) or _untitled(entry.link)
    if len(title) > TITLE_CAP:
        title = shorten(title, TITLE_CAP)
    return entry if title is entry.title else replace(entry, title=title)


def _untitled(link: str | None) -> str:
    try:
        host = urlsplit(link).hostname if link else None
    except ValueError:  # "https://[x/0": no host to name
        host = None
    return f"(untitled, {host})" if host else "(untitled)"
