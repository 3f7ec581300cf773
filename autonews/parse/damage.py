"""Whether a broken XML feed was read only in part, and what to say of it.

A feed's document that is not well-formed is repaired as far as the parsers can (lxml's
recovery, feedparser's loose mode), and most broken feeds lose nothing by it: an unescaped "&",
an HTML entity, a script after the root. But a document cut short in transfer, or one with a tag
left open ("<title>… </titel>"), loses every item after the break, and the feed looked healthy
(trial 44: AutoWeek's half document read as 4 of its 9 items, "status: ok", exit 0). Such a feed
is *partial*: its items read are kept, and the run says what was wrong (see ``FeedStatus``).
"""

from __future__ import annotations

import re
import xml.parsers.expat

from autonews.fetch_errors import broken_document

_JUNK_AFTER_ROOT = xml.parsers.expat.errors.codes[
    xml.parsers.expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT
]
# An item's start tag in RSS (0.9x, 1.0's <item rdf:about>, 2.0) or an Atom entry's, with any
# namespace prefix; not <itemCount>, <entryType>.
_ITEM_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")
# The root's end tag: a document without one was cut short (or never finished).
_ROOT_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF|rdf)\s*>")
# An item's end tag, and RSS 2.0's <channel> (which holds its items) opened and closed.
_ITEM_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
_CHANNEL_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?channel[\s>]")
_CHANNEL_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?channel\s*>")
_CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.DOTALL)


def xml_error(utf8: bytes) -> xml.parsers.expat.ExpatError | None:
    """Why ``utf8`` is not well-formed XML (None: it is, or its only fault is what follows the
    root element, which no item is in)."""
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(utf8, True)
    except xml.parsers.expat.ExpatError as exc:
        return None if exc.code == _JUNK_AFTER_ROOT else exc
    return None


def damage(utf8: bytes, items_read: int, skipped: int = 0) -> str:
    """What a broken document cost, when it cost items ("" when it is whole, or read whole):
    cut short where items may follow (see ``_cut_within_items``), or fewer items read than its
    item tags number (``skipped``: those read with nothing to show, which are no loss)."""
    error = xml_error(utf8)
    if error is None:
        return ""
    bare = _CDATA.sub(b"", utf8)  # an item tag quoted in a description's CDATA is no item
    items = len(_ITEM_START.findall(bare))
    if not _ROOT_END.search(bare) and _cut_within_items(bare):
        what = "the document is cut short (it ends before its root element does)"
        return broken_document(what, items_read, 0)
    if items_read + skipped < items:
        where = f"{xml.parsers.expat.errors.messages[error.code]}, line {error.lineno}"
        return broken_document(f"malformed XML ({where})", items_read, items)
    return ""


def _cut_within_items(bare: bytes) -> bool:
    """Whether a document without its root's end tag ends where items may follow: inside an
    item, or inside RSS 2.0's <channel>. One that ends after its last item and its channel was
    never closed, not cut (templated output that leaves off "</rss>"): nothing of it is lost.
    (RSS 1.0 closes its <channel> before its items; Atom has none: after the last "</entry>"
    a cut and a missing "</feed>" look the same, and are taken as whole.)"""
    last_start = max((m.start() for m in _ITEM_START.finditer(bare)), default=-1)
    last_end = max((m.start() for m in _ITEM_END.finditer(bare)), default=-1)
    if last_start > last_end:
        return True  # it ends inside an item
    last_channel_start = max((m.start() for m in _CHANNEL_START.finditer(bare)), default=-1)
    last_channel_end = max((m.start() for m in _CHANNEL_END.finditer(bare)), default=-1)
    return last_channel_start > last_channel_end
