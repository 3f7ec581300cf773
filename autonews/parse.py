"""Feed documents (bytes + headers) to :class:`ParsedFeed`.

Charset is decided here, not by feedparser: the HTTP header, then a BOM or the XML declaration,
then detection, so GBK or Big5 feeds without a declaration still give the right text. RSS and Atom
go through feedparser with its slow HTML sanitiser and relative-URI pass off (we reduce summaries
to plain text ourselves); JSON Feed 1.0/1.1 is parsed here.
"""

from __future__ import annotations

import calendar
import codecs
import contextlib
import functools
import json
import re
import xml.parsers.expat
from dataclasses import replace
from datetime import UTC, datetime
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from autonews.errors import FeedParseError
from autonews.models import ParsedEntry, ParsedFeed
from autonews.text import clean_text, first_sentences, html_to_text, shorten, strip_escapes

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", re.I)
_XML_DECL_TEXT = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._-]+)([\"'])", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9._-]+)", re.I)
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that servers and feeds use for a narrower charset than they mean.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "big5": "big5hkscs",
}


def _charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) and charset.strip() else None


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    encoding = _SUPERSETS.get(encoding.lower(), encoding.lower())
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def detect_encoding(body: bytes, content_type: str | None = None) -> str:
    """Pick the charset for ``body``: header, BOM, declaration, UTF-8, then detection."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    header = _known(_charset_from_header(content_type))
    head = body[:2048]
    declared_match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    declared = _known(declared_match.group(1).decode("ascii")) if declared_match else None
    utf8 = _is_utf8(body)
    for candidate in (header, declared):
        if candidate and candidate != "utf-8":
            if utf8 and candidate in _SINGLE_BYTE and not body.isascii():
                return "utf-8"  # UTF-8 bytes under a Latin-1 label: the label is wrong
            try:
                body.decode(candidate)
                return candidate
            except UnicodeDecodeError:
                continue
    if utf8:
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return _known(best.encoding) or "cp1252"
    return "cp1252"


# Labels (after _known) whose bytes a UTF-8 document with non-ASCII text never is.
_SINGLE_BYTE = {"cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2"}


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_document(body: bytes, content_type: str | None = None) -> str:
    encoding = detect_encoding(body, content_type)
    return body.decode(encoding, errors="replace").lstrip("\ufeff")


# Dates before this are placeholders ("Mon, 01 Jan 0001", Hugo's default for undated pages),
# not news: the item counts as undated.
EARLIEST_DATE = datetime(1970, 1, 2, tzinfo=UTC)


def _plausible(moment: datetime | None) -> datetime | None:
    return moment if moment is not None and moment >= EARLIEST_DATE else None


def _to_datetime(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    try:
        return _plausible(datetime.fromtimestamp(calendar.timegm(parsed), UTC))
    except (OverflowError, ValueError, TypeError, OSError):
        return None


def _iso_datetime(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
        moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        return None
    return _plausible(moment)


# Feeds that carry whole articles as summaries: nothing downstream reads more than the start,
# and cleaning 20 MB of HTML per run is most of the parse time.
SUMMARY_CAP = 6000


def _cap_html(fragment: str, limit: int = SUMMARY_CAP) -> str:
    if len(fragment) <= limit:
        return fragment
    cut = fragment[:limit]
    open_tag = cut.rfind("<")
    if open_tag > cut.rfind(">"):
        cut = cut[:open_tag]  # not in the middle of a tag
    return cut


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] == "{"


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


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
        return _with_headlines(parse_json_feed(text))
    if _looks_like_html(text):
        raise FeedParseError(
            "an HTML page, not a feed", hint="use the feed's own URL (look for RSS or Atom links)"
        )
    return _with_headlines(_parse_xml_feed(text, url, engine))


TITLE_CAP = 300  # characters; longer is not a headline, and a 300 KB title would flood a screen


def _with_headlines(feed: ParsedFeed) -> ParsedFeed:
    """Every entry gets a title a reader can scan: overlong ones are cut at a word, and an
    untitled entry is named by its summary's first words, or else by its link's host."""
    entries = tuple(_headlined(entry) for entry in feed.entries)
    if all(new is old for new, old in zip(entries, feed.entries, strict=True)):
        return feed
    return replace(feed, entries=entries)


def _headlined(entry: ParsedEntry) -> ParsedEntry:
    title = entry.title
    if not title:
        title = first_sentences(html_to_text(entry.summary[: TITLE_CAP * 4]), 1, 120)
        title = title or _untitled(entry.link)
    if len(title) > TITLE_CAP:
        title = shorten(title, TITLE_CAP)
    return entry if title is entry.title else replace(entry, title=title)


def _untitled(link: str | None) -> str:
    host = urlsplit(link).hostname if link else None
    return f"(untitled, {host})" if host else "(untitled)"


# C0 controls XML 1.0 forbids: clean_text drops them anyway; left in, lxml recovers (losing text)
# and feedparser switches to its slow loose parser.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Character references to what no text can hold: a surrogate ("&#55296;") or a number past
# U+10FFFF. feedparser's loose parser raises on them (UnicodeEncodeError, ValueError); HTML reads
# them as U+FFFD, and so do we.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")


def _encodable_ref(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    number = (hex_digits or digits).lstrip("0") or "0"
    if len(number) <= 7:  # longer is past U+10FFFF anyway, and int() limits digit strings
        code = int(number, 16 if hex_digits else 10)
        if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return match.group()
    return "\ufffd"


def _parse_xml_feed(text: str, url: str, engine: str = "auto") -> ParsedFeed:
    text = _XML_ILLEGAL.sub("", text)
    if "&#" in text:  # after the controls are gone: "&\x00#55296;" is a reference without them
        text = _CHAR_REF.sub(_encodable_ref, text)
    # The declaration must agree with the UTF-8 bytes we hand over.
    utf8 = _XML_DECL_TEXT.sub(r"\1utf-8\3", text, count=1).encode("utf-8")
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
                return parsed
            if not _well_formed(utf8):
                return _better_of(parsed, utf8, url)
            if not _needs_feedparser(parsed, text):
                return parsed
    return _parse_feedparser(utf8, url)


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


def _needs_feedparser(parsed: ParsedFeed, text: str) -> bool:
    """Documents whose reading depends on rules only feedparser implements."""
    entries = parsed.entries
    if _RAW_MARKUP.search(text):
        return True
    if any(not e.summary for e in entries) and ":description" in text:
        return True  # media:description, feedparser's summary of last resort (video feeds)
    if any(e.link and not urlsplit(e.link).scheme for e in entries):
        return True  # relative links under xml:base
    # An RSS item without <link> whose guid is a URL marked isPermaLink="false": fastfeedparser
    # still makes it the link, feedparser does not.
    return (
        text.count("<link>") <= len(entries)
        and any(e.link and e.link == e.guid for e in entries)
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
            title=_fast_text(entry.get("title") or ""),
            link=_entry_link(entry, base),
            guid=entry.get("id") or None,
            summary=_fast_text(_cap_html(summary)),
            published=_fast_published(entry),
            author=clean_text(entry.get("author") or ""),
        )
        if parsed_entry.title or parsed_entry.link:
            entries.append(parsed_entry)
    feed = parsed.get("feed", {})
    return ParsedFeed(
        title=clean_text(feed.get("title") or ""),
        link=feed.get("link"),
        entries=tuple(entries),
        kind="fast",
    )


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
    if link and base and not urlsplit(link).scheme:
        link = urljoin(base, link)  # feedparser resolves relative links against the feed's URL
    return link


# C1 controls in feed text are cp1252 punctuation mislabelled; feedparser maps them back.
_C1 = re.compile(r"[\x80-\x9f]")
_C1_TO_CP1252 = {c: bytes([c]).decode("cp1252", "ignore") or None for c in range(0x80, 0xA0)}


def _fast_text(value: str) -> str:
    with contextlib.suppress(UnicodeError):  # feedparser's repair: "CitroÃ«n" -> "Citroën"
        value = value.encode("iso-8859-1").decode("utf-8")
    if _C1.search(value):
        value = value.translate(_C1_TO_CP1252)
    return html_to_text(value)


@functools.lru_cache(maxsize=8192)
def _reference_date(value: str) -> str | None:
    """fastfeedparser's date hook answered by feedparser's date parser, the reference."""
    from feedparser.datetimes import _parse_date

    moment = _to_datetime(_parse_date(value))
    return moment.isoformat() if moment else None


def _install_date_hook() -> None:
    import fastfeedparser.main

    # A private name (fastfeedparser 0.6.5); tests/test_parse_corpus.py notices if it changes.
    # The native extractor still reads plain RFC 822 and ISO 8601 dates itself.
    fastfeedparser.main._parse_date = _reference_date


def _fast_published(entry: Any) -> datetime | None:
    published = _iso_datetime(entry.get("published")) or _iso_datetime(entry.get("updated"))
    guid = entry.get("id")
    if published and guid and _reference_date(guid) == entry.get("published"):
        return None  # fastfeedparser dates an undated RSS item from its guid ("4711", "2024")
    return published.replace(microsecond=0) if published else None  # feedparser: whole seconds


def _parse_feedparser(utf8: bytes, url: str) -> ParsedFeed:
    import feedparser

    parsed = feedparser.parse(
        utf8,
        sanitize_html=False,
        resolve_relative_uris=False,
        response_headers={
            "content-type": "application/xml; charset=utf-8",
            "content-location": url,
        },
    )
    if not parsed.entries and not parsed.feed.get("title") and not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise FeedParseError(f"not a readable RSS/Atom feed ({reason or 'no entries'})")
    entries = tuple(_entry_from_feedparser(entry) for entry in parsed.entries)
    return ParsedFeed(
        title=clean_text(parsed.feed.get("title", "")),
        link=parsed.feed.get("link"),
        entries=tuple(entry for entry in entries if entry.title or entry.link),
        kind=parsed.get("version", "") or "",
    )


def _entry_from_feedparser(entry: Any) -> ParsedEntry:
    summary = entry.get("summary") or ""
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value", "")
    published = _to_datetime(entry.get("published_parsed")) or _to_datetime(
        entry.get("updated_parsed")
    )
    link = entry.get("link") or None
    return ParsedEntry(
        title=html_to_text(entry.get("title", "")),
        link=link.strip() if link else None,
        guid=(entry.get("id") or None),
        summary=html_to_text(_cap_html(summary)),
        published=published,
        author=clean_text(entry.get("author", "")),
    )


def _unicode(value: str) -> str:
    """Without lone surrogates: JSON's "\\ud800" decodes to one, and neither SQLite nor a UTF-8
    output can hold it (text fields lose them in clean_text)."""
    return value.encode("utf-8", "ignore").decode("utf-8")


def parse_json_feed(text: str) -> ParsedFeed:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedParseError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    except ValueError:  # an integer of more than 4,300 digits, past int()'s limit
        raise FeedParseError("invalid JSON: a number too long to read") from None
    except RecursionError:  # [[[[... nested deeper than the interpreter's stack
        raise FeedParseError("invalid JSON: nested too deeply") from None
    if not isinstance(document, dict) or "jsonfeed.org/version/" not in str(
        document.get("version")
    ):
        raise FeedParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedParseError("JSON Feed without an items list")
    entries = []
    for raw in items:
        if not isinstance(raw, dict):
            continue
        summary = raw.get("summary") or raw.get("content_html") or raw.get("content_text") or ""
        authors = raw.get("authors") or (
            [raw["author"]] if isinstance(raw.get("author"), dict) else []
        )
        if not isinstance(authors, list):  # "authors": 5 or "Ann": not the list 1.1 requires
            authors = []
        author = ", ".join(str(a.get("name", "")) for a in authors if isinstance(a, dict))
        link = raw.get("url") or raw.get("external_url")
        title = html_to_text(str(raw.get("title") or ""))
        if not title and not link:
            continue
        entries.append(
            ParsedEntry(
                title=title,
                link=_unicode(str(link)) if link else None,
                guid=_unicode(str(raw["id"])) if raw.get("id") is not None else None,
                summary=html_to_text(_cap_html(str(summary))),
                published=_iso_datetime(raw.get("date_published"))
                or _iso_datetime(raw.get("date_modified")),
                author=clean_text(author),
            )
        )
    return ParsedFeed(
        title=clean_text(str(document.get("title") or "")),
        link=document.get("home_page_url"),
        entries=tuple(entries),
        kind="json" + str(document.get("version", "")).rsplit("/", 1)[-1].replace(".", ""),
    )
