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


# An aggregator's search feed titles itself by its query: Google News '"car recall" - Google
# News' (any language: "Google ニュース"), Bing News "Ford GM Tesla - Bing News", Yahoo Finance
# "Yahoo! Finance: TM, HMC, NSANY, F, GM News". Named short, without the quote marks a list of
# names would double and the commas that would part one name into several (trial 43).
_GOOGLE_NEWS_SEARCH = re.compile(r'^"(?P<query>[^"]+)"\s*[-–—]\s*Google\s+\S+$')
_BING_NEWS_SEARCH = re.compile(r"^(?P<query>.+?)\s*[-–—]\s*Bing News$", re.IGNORECASE)
_YAHOO_FINANCE_TICKERS = re.compile(r"^Yahoo!? Finance:\s*(?P<query>.+?)(?:\s+News)?$")
# How many tickers a Yahoo Finance feed's name shows, the others counted ("TM HMC NSANY +6").
_TICKERS_SHOWN = 3


def search_name(title: str) -> str | None:
    """A short name for an aggregator's search feed ("GN: car recall", "Bing: Ford GM Tesla",
    "Yahoo Finance: TM HMC NSANY +6"), or None for any other feed's title."""
    name = " ".join(title.split())
    if match := _GOOGLE_NEWS_SEARCH.match(name):
        return f"GN: {match['query'].strip()}"
    if match := _BING_NEWS_SEARCH.match(name):
        return f"Bing: {match['query'].strip()}"
    if match := _YAHOO_FINANCE_TICKERS.match(name):
        tickers = [t for t in re.split(r"[\s,]+", match["query"]) if t]
        more = len(tickers) - _TICKERS_SHOWN
        shown = " ".join(tickers[:_TICKERS_SHOWN]) + (f" +{more}" if more > 0 else "")
        return f"Yahoo Finance: {shown}"
    return None


def site_name(title: str) -> str:
    """``title`` without the generic words it ends with, as often as it ends with one, when
    what is left still names something ("The Circuit - All Posts": "The Circuit"); else as
    written ("Latest News" alone, "RSS"). An aggregator's search feed by its query
    (:func:`search_name`)."""
    name = " ".join(title.split())
    if searched := search_name(name):
        return searched
    while (generic := _GENERIC.search(name)) and _names_something(name[: generic.start()]):
        name = name[: generic.start()]
    return name


def _names_something(rest: str) -> bool:
    return any(char.isalnum() for char in rest)
