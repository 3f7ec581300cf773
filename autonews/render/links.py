"""A story's links, as every renderer lists them: the representative link (the story's own), then
each other source's, once, in the order the sources were published. Only http(s) links count
(``safe_url``); feed names and titles are cleaned text, for the renderer to escape as its format
needs."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from autonews.models import Story
from autonews.render.common import safe_url
from autonews.text import clean_text


def _outlet(feed: str) -> str:
    """A feed's name; for a feed known only by its URL (``--feed URL``), its host is enough."""
    name = clean_text(feed)
    if safe_url(name):
        try:
            return urlsplit(name).hostname or name
        except ValueError:  # "http://[not-an-address" and the like
            return name
    return name


@dataclass(frozen=True)
class SourceLink:
    feed: str
    title: str
    url: str


def other_links(story: Story) -> list[SourceLink]:
    """The sources' links but the representative one, each URL once."""
    seen = {safe_url(story.url)}
    links = []
    for source in story.sources:
        url = safe_url(source.url)
        if url is None or url in seen:
            continue
        seen.add(url)
        links.append(SourceLink(_outlet(source.feed), clean_text(source.title), url))
    return links


def all_links(story: Story) -> list[SourceLink]:
    """Every link of the story, the representative first (named after the source it came from,
    when one did)."""
    url = safe_url(story.url)
    if url is None:
        return other_links(story)
    own = next((s for s in story.sources if safe_url(s.url) == url), None)
    feed = _outlet(own.feed) if own else ""
    return [SourceLink(feed, clean_text(story.title), url), *other_links(story)]
