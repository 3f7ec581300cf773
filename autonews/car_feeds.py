"""When a feed is a car feed: one rule for the stages that read it. A feed whose items are mostly
about cars by their own words is a car feed, and its terse titles are car news
(``autonews.labels``); the clustering then keeps out of car stories what such a feed's words show
to be about something else (``autonews.cluster.topics``)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

# What a user may say a feed is (`topic` in a [[feeds]] table, `feeds add/edit --topic`): "auto",
# a car feed when its items show it; "cars", a car feed whatever its share (a supplier's
# newswire, whose releases name parts, not cars); "mixed", never one (a finance flash or market
# feed, which a busy car day had made a car feed: trial 39); "community", its users' posts (a
# subreddit, a forum: autonews.community), each read by its own words, never a story of its own.
AUTO, CARS, MIXED, COMMUNITY = "auto", "cars", "mixed", "community"
TOPICS = (AUTO, CARS, MIXED, COMMUNITY)

CAR_FEED_SHARE = 0.5  # a feed whose items are at least this often about cars is a car feed
CAR_FEED_ITEMS = 3  # ... judged on at least this many items
# A first judgement as a car feed at less than this share is a close call, told on stderr once
# with how to pin the feed's topic (trials 50 and 51: business feeds became car feeds at 8 of
# 16 and 4 of 8 items in a carmakers' earnings week, unsaid, and their bank, retail and yen
# items were shown as car news); a feed nearly all about cars is what it looks like.
# (A line above half was measured: it lost clustering recall on sets whose car outlets sit at
# half, clusters.tsv 0.827 -> 0.802.)
TOLD_CAR_FEED_SHARE = 0.8
# A feed read as a car feed stays one until fewer than this share of its items are about cars:
# a wire near half about cars would otherwise flip with every few items, and each flip changes
# which of its items are car news (trial 42: "Autos & Industrials", 23/41 one day).
STAYS_CAR_FEED_SHARE = 0.4
# A feed whose own title or description says it is general news, business or technology
# ("Korea JoongAng Daily - Business", "Reuters Technology", "Hacker News": autonews.feed_topics)
# is a car feed only at a clear majority, and stays one down to a lower line as others do
# (trials 50 and 51: such feeds at half in an earnings week or a robotaxi week showed bank,
# retail, yen and AI news as car news). A feed that says it is about cars, or says neither,
# keeps half: car outlets sit there on the clustering's sets (clusters.tsv, trial 42).
GENERAL_CAR_FEED_SHARE = 0.8
GENERAL_STAYS_CAR_FEED_SHARE = 0.65


def is_car_feed(items: int, about_cars: int, general: bool = False) -> bool:
    """Whether a feed of ``items`` items, ``about_cars`` of them about cars, is a car feed;
    ``general``: its own title or description says it is general news."""
    line = GENERAL_CAR_FEED_SHARE if general else CAR_FEED_SHARE
    return items >= CAR_FEED_ITEMS and about_cars >= line * items


def judged_car_feed(
    was_car_feed: bool | None, items: int, about_cars: int, general: bool = False
) -> bool:
    """Whether a feed left to autonews is a car feed now, ``about_cars`` of its ``items``
    latest items about cars, given what it was judged before (None: never judged): the line
    is crossed upwards at half (four in five for a ``general`` feed), downwards only under
    :data:`STAYS_CAR_FEED_SHARE` (:data:`GENERAL_STAYS_CAR_FEED_SHARE`)."""
    if was_car_feed and items >= CAR_FEED_ITEMS:
        stays = GENERAL_STAYS_CAR_FEED_SHARE if general else STAYS_CAR_FEED_SHARE
        return about_cars >= stays * items
    return is_car_feed(items, about_cars, general)


def read_as_car_feed(topic: str, judged: bool) -> bool:
    """Whether a feed of this ``topic`` is read as a car feed, ``judged`` one by its items
    (:func:`judged_car_feed`) where it is left to autonews."""
    if topic == CARS:
        return True
    return topic != MIXED and judged


def unjudged_car_feed(items: int, about_cars: int) -> bool:
    """A feed of too few items to be judged a car feed, at least half of them about cars: its
    other items may still be car news, and the clustering weighs them as such."""
    return items < CAR_FEED_ITEMS and about_cars >= CAR_FEED_SHARE * items


def keyword_search(url: str) -> bool:
    """Whether ``url`` is an aggregator's keyword search (Google News' ``/rss/search?q=recall``,
    Bing News' ``/news/search?q=…&format=rss``): its items are whatever has the words, not an
    outlet's car news (trial 48: a "recall" search brought shrimp, cookies and baby loungers)."""
    if "search" not in url:
        return False  # most feeds (a cheap test before the parse)
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if not query.get("q"):
        return False
    path = parts.path.rstrip("/")
    return path.endswith("/rss/search") or (path.endswith("/news/search") and "format" in query)


def topic_read(topic: str, url: str) -> str:
    """The topic a feed is read by: a keyword search left to autonews is read as "mixed", each
    item on its own words, whatever its share of car news; the user's topic otherwise (`--topic
    cars` makes a search of car words a car feed)."""
    return MIXED if topic == AUTO and keyword_search(url) else topic
