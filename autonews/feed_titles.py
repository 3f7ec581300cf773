"""A feed's name from its own title: the site's name, without what every feed's title could say
("The Circuit - All Posts", trial 38: `feeds add` named the feed so, and the digest's source
lines with it; "Autocar RSS Feed", "Electrek | Latest News"). What `feeds add` names a feed
without --name, and what a digest calls a feed listed without a name."""

from __future__ import annotations

import re

# What a feed's title adds to the site's name, after a dash, a bar or a colon: it says "this
# is the feed of everything", which every feed of a site could say.
GENERIC_SUFFIXES = (
    "all posts",
    "all stories",
    "all articles",
    "all news",
    "latest news",
    "latest articles",
    "latest posts",
    "latest stories",
    "latest headlines",
    "news feed",
    "full feed",
    "feed",
    "atom",
    "最新文章",
    "最新资讯",
    "全部文章",
)
# The feed formats' names: after the site's name with a space alone too ("Autocar RSS Feed").
FORMAT_SUFFIXES = ("rss feed", "rss 2.0", "rss", "atom feed")

_SEPARATOR = r"\s*(?:[-–—|:»·]|\s)\s*"
_GENERIC = re.compile(
    rf"(?:{_SEPARATOR}(?:{'|'.join(FORMAT_SUFFIXES)})"
    rf"|\s*[-–—|:»·]\s*(?:{'|'.join(GENERIC_SUFFIXES)}))\s*$",
    re.IGNORECASE,
)


def site_name(title: str) -> str:
    """``title`` without the generic words it ends with, as often as it ends with one, when
    what is left still names something ("The Circuit - All Posts": "The Circuit"); else as
    written ("Latest News" alone, "RSS")."""
    name = " ".join(title.split())
    while (generic := _GENERIC.search(name)) and _names_something(name[: generic.start()]):
        name = name[: generic.start()]
    return name


def _names_something(rest: str) -> bool:
    return any(char.isalnum() for char in rest)
