"""What a feed says it is about, by its own title and description (the feed document's, not the
name a user gave it): cars, general news (business, markets, technology), or neither. A feed
that says it is general is read as a car feed only at a clear majority of car items
(:data:`autonews.car_feeds.GENERAL_CAR_FEED_SHARE`): half of a business feed is about cars in a
carmakers' earnings week (trials 50 and 51). The words are data: knowledge/feed_topics.toml."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

CARS, GENERAL, UNSAID = "cars", "general", ""


def feed_topic(about: str) -> str:
    """What a feed's own title and description (``about``) say it is: :data:`CARS` where it
    names cars at all (whatever else it says), :data:`GENERAL` where it says it is general
    news, business or technology, :data:`UNSAID` otherwise."""
    cars, general = _patterns()
    if cars.search(about):
        return CARS
    return GENERAL if general.search(about) else UNSAID


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    text = resources.files("autonews.knowledge").joinpath("feed_topics.toml").read_text("utf-8")
    words = tomllib.loads(text)
    return _words(words["cars"]), _words(words["general"])


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (Latin) or as written (Chinese), ignoring case."""
    shapes = [
        rf"(?<![^\W_]){re.escape(w)}(?![^\W_])" if w.isascii() else re.escape(w)
        for w in sorted(words, key=len, reverse=True)
    ]
    return re.compile("|".join(shapes), re.IGNORECASE)
