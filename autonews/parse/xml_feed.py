"""RSS 0.9x/1.0/2.0 and Atom (text already decoded) to :class:`ParsedFeed`.

fastfeedparser (lxml) reads well-formed documents about 30 times faster than feedparser; feedparser,
the reference, reads what lxml rejects or reads differently (broken XML, markup in titles, relative
links under xml:base...). feedparser runs with its slow HTML sanitiser and relative-URI pass off:
summaries are reduced to plain text here. Dates go through feedparser's date parser either way
(fastfeedparser's date hook).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import re
import xml.parsers.expat
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from autonews.errors import FeedParseError
from autonews.models import ParsedEntry, ParsedFeed
from autonews.parse.damage import damage
from autonews.parse.fields import cap_html, has_something_to_show, iso_datetime, to_datetime
from autonews.parse.text_rules import drop_invalid_encoded
from autonews.text import clean_text, html_to_text

_XML_DECL_TEXT = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._-]+)([\"'])", re.I)
# Character references to what no text can hold: a surrogate ("&#55296;") or a number past
# U+10FFFF. feedparser's loose parser raises on them (UnicodeEncodeError, ValueError); HTML reads
# them as U+FFFD, and so do we. Only references of four hex or five decimal digits and more
# (U+D800, 55296) can be one: the others, by far the most, are passed over without a call each.
_SUSPECT_REF = re.compile(r"&#(?:[xX]0*([0-9A-Fa-f]{4,})|0*([0-9]{5,}));")


def _encodable_ref(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    number = (hex_digits or digits).lstrip("0") or "0"
    if len(number) <= 7:  # longer is past U+10FFFF anyway, and int() limits digit strings
        code = int(number, 16 if hex_digits else 10)
        if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return match.group()
    return "\ufffd"


def parse_xml_feed(text: str, url: str, engine: str = "auto") -> ParsedFeed:
    """The feed ``text`` holds, with the damage a broken document did (see parse.damage).
    ``engine``: "auto" (fastfeedparser, feedparser where it reads better), "fast" (only
    fastfeedparser, errors raised) or anything else (only feedparser)."""
    # The C0 controls XML 1.0 forbids go first, by parse's text rule (clean_text would drop them
    # anyway): left in, lxml recovers (losing text) and feedparser switches to its slow loose
    # parser.
    text, utf8 = drop_invalid_encoded(text)  # its UTF-8 bytes, unless something was dropped
    if "&#" in text:  # after the controls are gone: "&\x00#55296;" is a reference without them
        text, replaced = _SUSPECT_REF.subn(_encodable_ref, text)
        if replaced:
            utf8 = None
    # The declaration must agree with the UTF-8 bytes we hand over.
    declaration = _XML_DECL_TEXT.match(text)
    if declaration is not None and declaration.group(2) != "utf-8":
        utf8 = _XML_DECL_TEXT.sub(r"\1utf-8\3", text, count=1).encode("utf-8")
    elif utf8 is None:
        utf8 = text.encode("utf-8")
    feed, whole = _parse_document(text, utf8, url, engine)
    if whole:
        return feed
    return replace(feed, damage=damage(utf8, len(feed.entries), feed.skipped))


def _parse_document(text: str, utf8: bytes, url: str, engine: str) -> tuple[ParsedFeed, bool]:
    """The feed, and whether the document is known to be whole (well-formed): one that is not
    known so is looked at for damage."""
    if engine in ("auto", "fast"):
        try:
            parsed = _parse_fast(utf8, url)
        except Exception:
            if engine == "fast":
                raise
            # fastfeedparser rejects some broken documents that feedparser's loose mode reads.
            if len(utf8) > LOOSE_PARSE_LIMIT:
                raise FeedParseError(
                    f"broken XML too large to repair ({len(utf8) / 1e6:.1f} MB)",
                    hint="the feed's publisher has to fix it",
                ) from None
        else:
            if engine == "fast":
                return parsed, True
            if not _well_formed(utf8):
                return _better_of(parsed, utf8, url), False
            if not _needs_feedparser(parsed, text):
                return parsed, True
            try:
                return _parse_feedparser(utf8, url), True
            except FeedParseError:
                # feedparser failed where fastfeedparser read it: its reading stands
                return parsed, True
    return _parse_feedparser(utf8, url), False


# feedparser's loose parser reads broken XML at about 4 s per MB: beyond this, a hostile or broken
# document would hold the whole run for tens of seconds, so lxml's repair is all it gets.
LOOSE_PARSE_LIMIT = 2_000_000


def _better_of(fast: ParsedFeed, utf8: bytes, url: str) -> ParsedFeed:
    """For a broken document, feedparser's loose reading, unless it finds fewer entries (it gives
    up on some documents that lxml repairs, such as "<rss:item>" without a namespace)."""
    if len(utf8) > LOOSE_PARSE_LIMIT:
        return fast
    try:
        reference = _parse_feedparser(utf8, url)
    except FeedParseError:
        return fast
    return reference if len(reference.entries) >= len(fast.entries) else fast


_JUNK_AFTER_ROOT = xml.parsers.expat.errors.codes[
    xml.parsers.expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT
]


def _well_formed(utf8: bytes) -> bool:
    """Well-formed, with every entity defined: lxml's recovery drops the rest of a text at a stray
    "&" or an HTML entity (even those RSS 0.91's DTD defines), where feedparser keeps it."""
    parser = xml.parsers.expat.ParserCreate()
    skipped: list[str] = []
    parser.SkippedEntityHandler = lambda name, is_parameter: skipped.append(name)
    try:
        parser.Parse(utf8, True)
    except xml.parsers.expat.ExpatError as exc:
        return exc.code == _JUNK_AFTER_ROOT and not skipped  # e.g. a <script> after </rss>
    return not skipped


# A title, description, summary or content element holding an element (unescaped or xhtml
# markup): lxml gives fastfeedparser only the text before it.
_RAW_MARKUP = re.compile(
    r"<(?:title|description|summary|content|content:encoded)\b[^>]*(?<!/)>[^<]*<(?![/!])"
)
_NOT_PERMALINK = re.compile(r"isPermaLink\s*=\s*[\"']false", re.IGNORECASE)


# A URL's scheme (RFC 3986), read without urlsplit: it raises on what a feed may well hold
# ("https://[x/0", an unclosed IPv6 bracket), and one bad link must not cost the feed.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _has_scheme(link: str) -> bool:
    return _SCHEME.match(link.lstrip()) is not None


def _needs_feedparser(parsed: ParsedFeed, text: str) -> bool:
    """Documents whose reading depends on rules only feedparser implements."""
    entries = parsed.entries
    if _RAW_MARKUP.search(text):
        return True
    if any(not e.summary for e in entries) and ":description" in text:
        return True  # media:description, feedparser's summary of last resort (video feeds)
    if any(e.link and not _has_scheme(e.link) for e in entries):
        return True  # relative links under xml:base
    # An RSS item without <link> whose guid is a URL marked isPermaLink="false": fastfeedparser
    # still makes it the link, feedparser does not.
    return (
        text.count("<link>") <= len(entries)
        and any(e.link and e.link == e.guid for e in entries)
        # What any match holds, found faster than by the search (or by lowering the text)
        and any(spelling in text for spelling in ("ermaLink", "ermalink", "ERMALINK"))
        and bool(_NOT_PERMALINK.search(text))
    )


def _parse_fast(utf8: bytes, url: str = "") -> ParsedFeed:
    """fastfeedparser (lxml): about 30 times faster than feedparser on real feeds."""
    import fastfeedparser

    _install_date_hook()
    options = {"include_tags": False, "include_media": False, "include_enclosures": False}
    parsed = fastfeedparser.parse(utf8, include_content=False, **options)
    raw_entries = parsed.get("entries", [])
    base = "" if b"xml:base" in utf8 else url  # under xml:base, feedparser resolves them
    entries = []
    for entry, summary in zip(raw_entries, _summaries(utf8, raw_entries, options), strict=True):
        parsed_entry = ParsedEntry(
            title=_fast_text(_as_text(entry.get("title"))),
            link=_entry_link(entry, base),
            guid=_as_text(entry.get("id")) or None,
            summary=_fast_text(cap_html(summary)),
            published=_fast_published(entry),
            author=clean_text(_as_text(entry.get("author"))),
        )
        entries.append(parsed_entry)
    feed = parsed.get("feed", {})
    return _shown(
        ParsedFeed(
            title=clean_text(_as_text(feed.get("title"))),
            link=feed.get("link"),
            description=clean_text(_as_text(feed.get("description") or feed.get("subtitle"))),
            entries=tuple(entries),
            kind="fast",
        )
    )


def _shown(feed: ParsedFeed) -> ParsedFeed:
    """``feed`` without the entries that have nothing to show, counted as skipped. An entry
    with only a text (an RSS item with only a description) is kept: parse_feed titles it."""
    kept = tuple(e for e in feed.entries if has_something_to_show(e.title, e.link, e.summary))
    return replace(feed, entries=kept, skipped=len(feed.entries) - len(kept))


def _as_text(value: Any) -> str:
    """A field as text: fastfeedparser reads JSON Feeds too, and passes their values on as the
    JSON has them ("id": 12345, which JSON Feed 1.1 says a reader coerces to a string)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _summaries(utf8: bytes, entries: list[Any], options: dict[str, bool]) -> list[str]:
    """Each entry's own description or summary, else its whole content, as feedparser reads it.

    With include_content=True, fastfeedparser fills a missing description with a 512-character
    excerpt of the content (tags replaced by spaces), so the content is read in a second pass.
    """
    import fastfeedparser

    summaries = [str(entry.get("description") or "") for entry in entries]
    if all(summaries):
        return summaries
    full = fastfeedparser.parse(utf8, include_content=True, **options).get("entries", [])
    if len(full) != len(entries):
        return summaries
    return [summary or _content(entry) for summary, entry in zip(summaries, full, strict=True)]


def _content(entry: Any) -> str:
    content = entry.get("content") or [{}]
    return str(content[0].get("value") or "")


def _entry_link(entry: Any, base: str) -> str | None:
    link: str | None = entry.get("link")
    links = entry.get("links") or []
    if links and link in {item.get("href") for item in links}:  # chosen among Atom links
        # Atom: the alternate link (rel="alternate" or no rel), not the first link of any kind.
        link = next((i["href"] for i in links if i.get("rel") in (None, "alternate")), None)
    guid = entry.get("id") or ""
    if not link and guid.startswith(("http://", "https://")):
        link = guid  # feedparser reads an id or a permalink guid as the link
    link = link.strip() if link else None
    if link and base and not _has_scheme(link):
        link = urljoin(base, link)  # feedparser resolves relative links against the feed's URL
    return link


# C1 controls in feed text are cp1252 punctuation mislabelled; feedparser maps them back.
_C1 = re.compile(r"[\x80-\x9f]")
_C1_TO_CP1252 = {c: bytes([c]).decode("cp1252", "ignore") or None for c in range(0x80, 0xA0)}


def _fast_text(value: str) -> str:
    if value.isascii():  # most titles and summaries: nothing to repair
        return html_to_text(value)
    with contextlib.suppress(UnicodeError):  # feedparser's repair: "CitroÃ«n" -> "Citroën"
        value = value.encode("iso-8859-1").decode("utf-8")
    if _C1.search(value):
        value = value.translate(_C1_TO_CP1252)
    return html_to_text(value)


@functools.lru_cache(maxsize=8192)
def _reference_date(value: str) -> str | None:
    """fastfeedparser's date hook answered by feedparser's date parser, the reference."""
    from feedparser.datetimes import _parse_date

    moment = to_datetime(_parse_date(value))
    return moment.isoformat() if moment else None


def load_engines(reference: bool = True) -> None:
    """Import the parsers now (lxml and fastfeedparser; with ``reference``, feedparser and its
    date parser too, which some documents need) rather than on the first feed: a process about
    to fork its parsing workers does it once for all, and one waiting for its first feeds does
    it meanwhile."""
    if reference:
        importlib.import_module("feedparser")
    _install_date_hook()  # imports fastfeedparser


def _install_date_hook() -> None:
    import fastfeedparser.main

    # A private name (fastfeedparser 0.6.5); tests/test_parse_corpus.py notices if it changes.
    # The native extractor still reads plain RFC 822 and ISO 8601 dates itself.
    fastfeedparser.main._parse_date = _reference_date


def _fast_published(entry: Any) -> datetime | None:
    published = iso_datetime(entry.get("published")) or iso_datetime(entry.get("updated"))
    guid = entry.get("id")
    if published and guid and _guid_date(guid) == entry.get("published"):
        return None  # fastfeedparser dates an undated RSS item from its guid ("4711", "2024")
    return published.replace(microsecond=0) if published else None  # feedparser: whole seconds


def _guid_date(guid: str) -> str | None:
    """What feedparser's date parser reads in a guid. Most guids are links, in which it reads
    nothing (and from which fastfeedparser never dates an item): answered without importing
    feedparser, which most runs then never do (15 ms of CPU). Every one of its date formats
    either starts with a digit, "-" or a day or month name, or has a space in it; and one of
    its W3C-DTF readings splits on "t", which "http" holds twice."""
    if guid.startswith(("http://", "https://")) and guid.split() == [guid]:
        return None
    return _reference_date(guid)


def _parse_feedparser(utf8: bytes, url: str) -> ParsedFeed:
    import feedparser

    try:
        parsed = feedparser.parse(
            utf8,
            sanitize_html=False,
            resolve_relative_uris=False,
            response_headers={
                "content-type": "application/xml; charset=utf-8",
                "content-location": url,
            },
        )
    except Exception as exc:  # its own bugs on broken input: a <width> outside <image> raises
        raise FeedParseError(f"not a readable RSS/Atom feed (feedparser: {exc!r})") from exc
    if not parsed.entries and not parsed.feed.get("title") and not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise FeedParseError(f"not a readable RSS/Atom feed ({reason or 'no entries'})")
    return _shown(
        ParsedFeed(
            title=clean_text(parsed.feed.get("title", "")),
            link=parsed.feed.get("link"),
            description=clean_text(parsed.feed.get("subtitle", "")),
            entries=tuple(_entry_from_feedparser(entry) for entry in parsed.entries),
            kind=parsed.get("version", "") or "",
        )
    )


def _entry_from_feedparser(entry: Any) -> ParsedEntry:
    summary = entry.get("summary") or ""
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value", "")
    published = to_datetime(entry.get("published_parsed")) or to_datetime(
        entry.get("updated_parsed")
    )
    link = entry.get("link") or None
    return ParsedEntry(
        title=html_to_text(entry.get("title", "")),
        link=link.strip() if link else None,
        guid=(entry.get("id") or None),
        summary=html_to_text(cap_html(summary)),
        published=published,
        author=clean_text(entry.get("author", "")),
    )
