"""Atom (RFC 4287): the digest as a feed any feed reader can subscribe to, one entry per story.

The feed's id is ``urn:autonews:digest``, or ``urn:autonews:digest:NAME`` for a named digest
(``--name``): each is a feed of its own. An entry's id is its story's (``urn:autonews:story:ID``),
stable across runs, so a reader shows a story once and updates it when sources join or one is
corrected (``updated`` is the latest of its sources' times and of their feeds' corrections: a
recall's 2,000 Cybertrucks become 46,000). The feed's ``updated`` is its latest entry's, so a
feed rewritten with the same stories does not look changed. Its content lists every source's
headline and link. The document is built with ElementTree, which escapes all text and
attributes; characters XML 1.0 cannot carry at all are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html import escape
from urllib.parse import quote

from autonews.models import Digest, Story
from autonews.render import RenderOptions
from autonews.render.common import (
    Clock,
    digest_heading,
    event_label,
    feed_date_note,
    makers_label,
    safe_url,
    summary_line,
)
from autonews.render.links import all_links, other_links
from autonews.text import clean_text

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:autonews:digest"
STORY_ID_PREFIX = "urn:autonews:story:"
EVENT_SCHEME = "urn:autonews:event"
MAKER_SCHEME = "urn:autonews:maker"

# Not XML 1.0 characters even as references (clean_text has taken the controls already).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    return clean_text(_NOT_XML.sub("", value))


def _time(moment: datetime) -> str:
    """RFC 3339 in UTC, as Atom wants it."""
    return _utc(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _content(story: Story, clock: Clock) -> str:
    """The entry's body, as HTML (escaped once here, and again as XML text by ElementTree)."""
    words = clock.words
    parts = []
    if story.summary:
        parts.append(f"<p>{escape(_text(story.summary))}</p>")
    about = [event_label(story, words), makers_label(story, words)]
    if story.classification.speculative:
        about.append(words("speculative"))
    if story.feed_date is not None:  # its updated/published are its first sight: say why
        about.append(feed_date_note(story, clock))
    # No ages: they would go stale.
    parts.append(f"<p>{escape(_text(words('separator').join(about)))}</p>")
    links = all_links(story)
    if links:
        items = "".join(
            f"<li>{escape(_text(link.feed)) + ': ' if link.feed else ''}"
            f'<a href="{escape(_text(link.url), quote=True)}">'
            f"{escape(_text(link.title or link.url))}</a></li>"
            for link in links
        )
        parts.append(f"<ul>{items}</ul>")
    parts.append(f"<p>autonews id: {escape(_text(story.id))}</p>")
    return "".join(parts)


def _updated(story: Story) -> datetime:
    """The story's last significant change (RFC 4287): a source joining (its time), or a
    feed correcting a source's headline (when the store saw the correction)."""
    times = [story.published]
    times += [s.published for s in story.sources]
    times += [s.corrected_at for s in story.sources if s.corrected_at is not None]
    return max(_utc(moment) for moment in times)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _category(entry: ET.Element, scheme: str, term: str, label: str) -> None:
    """A category by its slug or canonical name (what a feed reader filters on, in every
    language), with the reader's word for it as its label where that is another."""
    if label == term:
        _add(entry, "category", scheme=scheme, term=term)
    else:
        _add(entry, "category", scheme=scheme, term=term, label=label)


def _entry(feed: ET.Element, story: Story, clock: Clock) -> None:
    words = clock.words
    entry = _add(feed, "entry")
    _add(entry, "id", STORY_ID_PREFIX + _text(story.id))
    _add(entry, "title", _text(story.title) or words("untitled"))
    _add(entry, "updated", _time(_updated(story)))
    _add(entry, "published", _time(story.published))
    for name in dict.fromkeys(_text(s.feed) for s in story.sources if _text(s.feed)):
        _add(_add(entry, "author"), "name", name)
    url = safe_url(story.url)
    if url:
        _add(entry, "link", rel="alternate", type="text/html", href=_text(url))
    for link in other_links(story):
        _add(entry, "link", rel="related", type="text/html", href=_text(link.url))
    event = story.classification.event
    _category(entry, EVENT_SCHEME, event.value, words.event(event))
    for maker in story.classification.makers:
        _category(entry, MAKER_SCHEME, _text(maker.name), _text(words.maker(maker.name)))
    if story.summary:
        _add(entry, "summary", _text(story.summary))
    _add(entry, "content", _content(story, clock), type="html")


def render_atom(digest: Digest, options: RenderOptions) -> str:
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    # A named digest is a feed of its own: two files from two [[digests]] are two feeds.
    named = f":{quote(_text(digest.name), safe='')}" if digest.name else ""
    _add(feed, "id", FEED_ID + named)
    clock = Clock.of(digest, options)
    _add(feed, "title", _text(digest_heading(digest, clock.words)))
    _add(feed, "subtitle", _text(summary_line(digest, clock)))
    # No entry (a --new feed with nothing new): when it was made, the one time there is.
    updated = max(map(_updated, digest.stories), default=_utc(digest.generated_at))
    _add(feed, "updated", _time(updated))
    _add(_add(feed, "author"), "name", "autonews")
    _add(feed, "generator", "autonews")
    for story in digest.stories:
        _entry(feed, story, clock)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"
