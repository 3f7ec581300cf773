"""OPML 2.0, the feed list other readers import and export: import turns nested outlines
(folders) into tags, export writes each feed in the folder of its first tag, with all its tags
as categories, and a file feed as a ``file://`` URL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from autonews.addresses import file_url
from autonews.config import FeedConfig
from autonews.errors import UsageError
from autonews.feed_lookup import same_feed_key
from autonews.feedlist import Listed


@dataclass(frozen=True)
class Duplicate:
    """An outline whose feed an earlier outline already gave: its folder joins that feed's
    tags, and the import counts and names it."""

    label: str
    url: str


@dataclass(frozen=True)
class Unusable:
    """An outline that gives no feed and no folder: named and counted, never dropped silently."""

    label: str
    reason: str


@dataclass(frozen=True)
class Outlines:
    feeds: list[FeedConfig]
    duplicates: list[Duplicate]
    unusable: list[Unusable]


def parse_opml(data: bytes) -> Outlines:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise UsageError(f"not a valid OPML file: {exc}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise UsageError("not an OPML file: no <opml><body>")
    by_key: dict[str, FeedConfig] = {}  # by same_feed_key: HTTP://A.example is http://a.example
    duplicates: list[Duplicate] = []

    unusable: list[Unusable] = []

    def walk(node: ElementTree.Element, tags: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            written = outline.get("xmlUrl")
            url = written.strip() if written else ""  # other readers export "  http://…  "
            label = outline.get("title") or outline.get("text") or ""
            categories = tuple(
                c.strip().strip("/")
                for c in (outline.get("category") or "").split(",")
                if c.strip().strip("/")
            )
            key = same_feed_key(url) if url else ""
            if key in by_key:  # one feed in several folders: all of them are its tags
                known = by_key[key]
                merged = tuple(dict.fromkeys(known.tags + tags + categories))
                by_key[key] = FeedConfig(url=known.url, name=known.name, tags=merged)
                duplicates.append(Duplicate(label or url, url))
            elif url:
                by_key[key] = FeedConfig(
                    url=url,
                    name=label,
                    tags=tuple(dict.fromkeys(tags + categories)),
                    enabled=outline.get(_DISABLED) != "true",
                )
            elif outline.find("outline") is not None:
                walk(outline, (*tags, label) if label else tags)
            else:
                unusable.append(_unusable(outline, label))

    walk(body, ())
    return Outlines(list(by_key.values()), duplicates, unusable)


def _unusable(outline: ElementTree.Element, label: str) -> Unusable:
    """Why an outline with no feed address and no outlines in it gives nothing."""
    link = (outline.get("url") or outline.get("htmlUrl") or "").strip()
    if outline.get("xmlUrl") is not None:
        reason = "its feed address (xmlUrl) is empty"
    elif link:
        reason = (
            f"a link to a page ({link}), not a feed: no xmlUrl "
            "(`autonews feeds add` finds the feed a site's page links)"
        )
    else:
        reason = "no feed address (xmlUrl) and no outlines in it"
    return Unusable(label or link or "an outline with no text", reason)


def import_summary(
    opml: Path,
    outlines: Outlines,
    skipped: int,
    added: Sequence[FeedConfig],
    listed: Sequence[Listed],
) -> str:
    """The line `feeds import` ends with: every outline of the file counted once, as a new
    feed, one skipped, one already in the list, or a duplicate of an earlier outline."""
    from autonews.render.common import plural

    total = len(outlines.feeds) + len(outlines.unusable) + len(outlines.duplicates)
    parts = [f"imported {plural(len(added), 'new feed')} of {total} in {opml}"]
    if skipped:
        parts.append(f"{skipped} skipped")
    if listed:
        parts.append(f"{len(listed)} already in the list")
    if outlines.duplicates:
        parts.append(f"{plural(len(outlines.duplicates), 'duplicate')} of an earlier outline")
    return ", ".join(parts)


# An attribute of our own (other readers ignore what they do not know): a feed kept in the list
# but not fetched comes back disabled from an export and import.
_DISABLED = "autonewsDisabled"


def to_opml(feeds: Sequence[FeedConfig]) -> str:
    """OPML 2.0: a feed's first tag is its folder (a nested outline, which is what other readers
    import), all its tags are its ``category``; untagged feeds sit at the top level. A file
    feed is written as a ``file://`` URL: a bare path is no URL to other readers."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "autonews feeds"
    body = ElementTree.SubElement(root, "body")
    folders: dict[str, ElementTree.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            folder = feed.tags[0]
            if folder not in folders:
                folders[folder] = ElementTree.SubElement(
                    body, "outline", {"text": folder, "title": folder}
                )
            parent = folders[folder]
        attributes = {
            "type": "rss",
            "text": feed.label,
            "title": feed.label,
            "xmlUrl": file_url(feed.url),
        }
        if feed.tags:
            attributes["category"] = ",".join(feed.tags)
        if not feed.enabled:
            attributes[_DISABLED] = "true"
        ElementTree.SubElement(parent, "outline", attributes)
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
