"""When a feed is a car feed: one rule for the stages that read it. A feed whose items are mostly
about cars by their own words is a car feed, and its terse titles are car news
(``autonews.labels``); the clustering then keeps out of car stories what such a feed's words show
to be about something else (``autonews.cluster.topics``)."""

from __future__ import annotations

CAR_FEED_SHARE = 0.5  # a feed whose items are at least this often about cars is a car feed
CAR_FEED_ITEMS = 3  # ... judged on at least this many items


def is_car_feed(items: int, about_cars: int) -> bool:
    """Whether a feed of ``items`` items, ``about_cars`` of them about cars, is a car feed."""
    return items >= CAR_FEED_ITEMS and about_cars >= CAR_FEED_SHARE * items


def unjudged_car_feed(items: int, about_cars: int) -> bool:
    """A feed of too few items to be judged a car feed, at least half of them about cars: its
    other items may still be car news, and the clustering weighs them as such."""
    return items < CAR_FEED_ITEMS and about_cars >= CAR_FEED_SHARE * items
