"""Community feeds: posts by a site's users (a subreddit, a forum), not an outlet's reports.

A feed is one when the user says so (``topic = "community"``) or, left to autonews, its items
link to posts of forum software (Reddit's ``/r/NAME/comments/``, a Discourse topic...): the words
are in ``knowledge/community.toml``. Such a post may join a news story as its readers'
discussion, but never titles it, never gives it its event, figure or makers, never joins two news
stories, and a story of posts alone is left out of the default digest (``--all-topics`` shows it):
a question about a home charger is no news of Tesla's Powerwall (trial 44)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import SplitResult, urlsplit

from autonews.car_feeds import AUTO, COMMUNITY


@dataclass(frozen=True)
class _Words:
    hosts: tuple[str, ...]
    post_path: re.Pattern[str]
    feed_title: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    """knowledge/community.toml, compiled once a process."""
    source = resources.files("autonews.knowledge").joinpath("community.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    return _Words(
        tuple(data["hosts"]),
        re.compile("|".join(f"(?:{p})" for p in data["post_paths"]), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in data["feed_titles"]), re.IGNORECASE),
    )


def links_to_a_post(link: str | None) -> bool:
    """Whether a link is to a user's post on a community site (forum software's path)."""
    parts = _split(link)
    if parts is None:
        return False
    where = parts.path + ("?" + parts.query if parts.query else "")
    return _words().post_path.search(where) is not None


def is_community_post(topic: str, link: str | None) -> bool:
    """Whether an item of a feed of this ``topic`` is a community post: every item of a
    community feed; an item of a feed left to autonews whose link is a forum post's."""
    return topic == COMMUNITY or (topic == AUTO and links_to_a_post(link))


def _split(link: str | None) -> SplitResult | None:
    """A feed's link in parts, or None: none given, or one urlsplit cannot read ("https://[x/0",
    an unclosed IPv6 bracket, which feeds do carry and which must not cost the run)."""
    if not link:
        return None
    try:
        return urlsplit(link)
    except ValueError:
        return None


def _host(link: str | None) -> str:
    parts = _split(link)
    return ((parts.hostname if parts else None) or "").lower()


def _community_host(link: str | None) -> bool:
    host = _host(link)
    return any(host == known or host.endswith("." + known) for known in _words().hosts)


def reads_as_community_feed(title: str, link: str | None, item_links: Sequence[str | None]) -> str:
    """Why a fetched feed is a community's ("its items link to forum posts"), or "" when it is
    not: its site is a community site, its title a subreddit's, or most of its items link to
    users' posts."""
    if _community_host(link):
        return f"its site, {_host(link)}, is its users' posts"
    if _words().feed_title.search(title.strip()):
        return f"its title, {title.strip()!r}, is a community's"
    posts = sum(map(links_to_a_post, item_links))
    if item_links and posts * 2 > len(item_links):
        return f"{posts} of its {len(item_links)} items link to users' posts"
    return ""
