"""OPML 2.0, the feed list other readers import and export: import turns nested outlines
(folders) into tags, export writes each feed in the folder of its first tag, with all its tags
as categories, and a file feed as a ``file://`` URL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree

from autonews.addresses import file_url
from autonews.config import FeedConfig
from autonews.errors import UsageError
from autonews.feedlist import same_feed_key


@dataclass(frozen=True)
class Duplicate:
    """An outline whose feed an earlier outline already gave: its folder joins that feed's
    tags, and the import counts and names it."""

    label: str
    url: str


@dataclass(frozen=True)
class Outlines:
    feeds: list[FeedConfig]
    duplicates: list[Duplicate]


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

    def walk(node: ElementTree.Element, tags: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            url = outline.get("xmlUrl")
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
                duplicates.append(Duplicate(label or str(url), str(url)))
            elif url:
                by_key[key] = FeedConfig(
                    url=url,
                    name=label,
                    tags=tuple(dict.fromkeys(tags + categories)),
                    enabled=outline.get(_DISABLED) != "true",
                )
            else:
                walk(outline, (*tags, label) if label else tags)

    walk(body, ())
    return Outlines(list(by_key.values()), duplicates)


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
