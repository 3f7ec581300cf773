"""Items an aggregator passes on from other outlets: the outlet each names (Google News's and
Yahoo News's RSS ``<source url="https://www.reuters.com">Reuters</source>``, Bing News's
``<News:Source>Reuters</News:Source>``, a ``<media:credit role="publishing company">``), its
headline without the " - Reuters" the aggregator adds, and, where its redirect link tells it, the
article's own URL (a Google News "CBMi…" id on news.google.com, Bing's ``apiclick.aspx?…&url=``),
so that the article reached through an aggregator and directly is one link (trial 33 #8; trial
43: Bing's items were credited to the search, not the outlet).

fastfeedparser does not read these elements, so the items are read from the document's text;
only documents that have one pay for it.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from autonews.models import ParsedEntry, ParsedFeed
from autonews.text import clean_text
from autonews.wire_titles import without_outlet

_ITEM = re.compile(r"<item\b[^>]*>(.*?)</item>", re.S | re.I)
# <source> (RSS 2.0, as Google News and Yahoo News fill it), Bing's <News:Source>, and a
# publisher credited as Media RSS says it.
_SOURCE = re.compile(
    r"<(?:\w+:)?source\b[^>]*>(.*?)</(?:\w+:)?source>"
    r"|<media:credit\b[^>]*role=[\"']publishing company[\"'][^>]*>(.*?)</media:credit>",
    re.S | re.I,
)
_ANY_SOURCE = re.compile(r"<(?:\w+:)?source\b|<media:credit\b", re.I)
_GUID = re.compile(r"<guid\b[^>]*>(.*?)</guid>", re.S | re.I)
_LINK = re.compile(r"<link\b[^>]*>(.*?)</link>", re.S | re.I)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


def with_outlets(feed: ParsedFeed, text: str) -> ParsedFeed:
    """``feed`` with each item that names its outlet credited to it, titled without the
    outlet's name it ends with, and linked to the article where its Google News link tells
    the article's URL. The same object when no item names an outlet."""
    if not _ANY_SOURCE.search(text):
        return feed
    outlets = _outlets(text)
    if not outlets:
        return feed
    own = " ".join(feed.title.split()).casefold()
    entries = tuple(_credited(entry, outlets, own) for entry in feed.entries)
    return replace(feed, entries=entries)


def _credited(entry: ParsedEntry, outlets: dict[str, str], own: str) -> ParsedEntry:
    outlet = outlets.get(entry.guid or "") or outlets.get(entry.link or "") or ""
    if not outlet or " ".join(outlet.split()).casefold() == own:
        return entry  # a feed naming itself as the source: no outlet of another
    link = aggregated_article(entry.link) if entry.link else None
    return replace(
        entry,
        title=without_outlet(entry.title, outlet),
        outlet=outlet,
        link=link or entry.link,
    )


def _outlets(text: str) -> dict[str, str]:
    """Each item's outlet, by its guid and by its link (as the parsers give them)."""
    found: dict[str, str] = {}
    for item in _ITEM.finditer(text):
        body = item.group(1)
        source = _SOURCE.search(body)
        name = _text(source.group(1) or source.group(2) or "") if source else ""
        if not name:
            continue
        for pattern in (_GUID, _LINK):
            if (key := pattern.search(body)) and (value := _text(key.group(1))):
                found[value] = name
    return found


def _text(xml_text: str) -> str:
    unwrapped = _CDATA.sub(lambda match: html.escape(match.group(1)), xml_text)
    return clean_text(html.unescape(unwrapped))


# Google News's article ids of the older kind ("CBMi…") are base64 of a small protobuf message
# whose field 4 is the article's URL: 0x08 0x13 0x22, the URL's length, the URL. Newer ids
# hold an opaque token instead: their link stays as the feed gives it.
_ARTICLE_MESSAGE = b"\x08\x13\x22"


def aggregated_article(link: str) -> str | None:
    """The article's URL an aggregator's redirect link holds (Google News, Bing News), or None."""
    return google_news_article(link) or bing_news_article(link)


def bing_news_article(link: str) -> str | None:
    """The article's URL in Bing News's click-tracking redirect ("…/news/apiclick.aspx?ref=
    FexRss&…&url=https%3a%2f%2fwww.reuters.com%2f…"), or None (another link)."""
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if not parts.path.lower().endswith("/apiclick.aspx"):
        return None
    url = next(iter(parse_qs(parts.query).get("url", [])), "")
    if not url.startswith(("http://", "https://")) or " " in url:
        return None
    return url


def google_news_article(link: str) -> str | None:
    """The article's URL a Google News redirect link holds, or None (another link, or an id
    that does not tell it)."""
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.hostname != "news.google.com" or "/articles/" not in parts.path:
        return None
    token = parts.path.rsplit("/", 1)[-1]
    try:
        data = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, binascii.Error):
        return None
    if not data.startswith(_ARTICLE_MESSAGE):
        return None
    length, start = _varint(data, len(_ARTICLE_MESSAGE))
    raw = data[start : start + length]
    try:
        url = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(raw) != length or not url.startswith(("http://", "https://")) or " " in url:
        return None
    return url


def _varint(data: bytes, start: int) -> tuple[int, int]:
    """A protobuf varint at ``start``: its value and where what follows it starts."""
    value = shift = 0
    position = start
    while position < len(data) and shift < 35:
        byte = data[position]
        value |= (byte & 0x7F) << shift
        position += 1
        if not byte & 0x80:
            break
        shift += 7
    return value, position
