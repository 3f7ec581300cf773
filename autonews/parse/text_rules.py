"""The one rule for text no later stage can hold, applied to every feed leaving ``parse_feed``.

Lone surrogates (a JSON Feed's "\\ud800" escape decodes to one) cannot be encoded as UTF-8: one in
a title made the store's hashing raise UnicodeEncodeError and took the whole run down. C0 controls
(but tab, newline and carriage return) are no text either. Both are dropped, as
:func:`autonews.text.clean_text` drops them from titles, summaries and authors: what that leaves
to this rule is links, GUIDs and the feed's link, where a replacement character would make a
different URL and a different item key.
"""

from __future__ import annotations

import re
from dataclasses import replace

from autonews.models import ParsedEntry, ParsedFeed

# The C0 controls XML 1.0 forbids, and the surrogate range.
_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_C0_BYTES = bytes(code for code in range(0x20) if code not in (0x09, 0x0A, 0x0D))


def drop_invalid(text: str) -> str:
    return drop_invalid_encoded(text)[0]


def drop_invalid_encoded(text: str) -> tuple[str, bytes | None]:
    """``drop_invalid``'s text, and its UTF-8 bytes when they were made on the way (when nothing
    was dropped), for a caller that needs them too."""
    # Whole documents pass here: the common case, nothing to drop, is found by C loops over the
    # UTF-8 bytes (a surrogate cannot be encoded; a C0 byte is only ever that control) in half
    # the time of a regex scan.
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return _INVALID.sub("", text), None
    if len(data.translate(None, _C0_BYTES)) == len(data):
        return text, data
    return _INVALID.sub("", text), None


def _optional(text: str | None) -> str | None:
    # Only strings: a JSON Feed's home_page_url can be any JSON value, and is passed on as it is.
    return drop_invalid(text) if isinstance(text, str) else text


def _fields(feed: ParsedFeed) -> list[str]:
    fields = [feed.title, feed.link if isinstance(feed.link, str) else ""]
    for e in feed.entries:
        fields += (e.title, e.link or "", e.guid or "", e.summary, e.author, e.outlet)
    return fields


def valid_text(feed: ParsedFeed) -> ParsedFeed:
    """``feed`` with the rule applied to every text field; the same object when nothing breaks
    it (the common case costs one search per feed)."""
    if not _INVALID.search("".join(_fields(feed))):
        return feed
    return replace(
        feed,
        title=drop_invalid(feed.title),
        link=_optional(feed.link),
        entries=tuple(_valid_entry(e) for e in feed.entries),
    )


def _valid_entry(entry: ParsedEntry) -> ParsedEntry:
    return replace(
        entry,
        title=drop_invalid(entry.title),
        link=_optional(entry.link),
        guid=_optional(entry.guid),
        summary=drop_invalid(entry.summary),
        author=drop_invalid(entry.author),
        outlet=drop_invalid(entry.outlet),
    )
