"""Stories as earlier runs made them: what clustering gives for items that all have a story
already (it compares nothing then). A module of its own, outside ``autonews.cluster``, so that a
warm run with nothing new groups its items without importing the clustering."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime


def as_assigned(
    entries: Iterable[tuple[datetime, int]], assigned: Mapping[int, str]
) -> list[list[int]]:
    """The keys of ``entries`` (publication time, key) grouped by the story ``assigned`` puts
    each in: every story in publication order, the stories in order of their first item."""
    stories: dict[str, list[int]] = {}
    for _, key in sorted(entries):
        stories.setdefault(assigned[key], []).append(key)
    return list(stories.values())


def no_longer_car_news(items: Sequence[tuple[int, bool]], assigned: Mapping[int, str]) -> list[int]:
    """Of ``items`` (key, about cars now), those an earlier run put in a story with car news that
    are not about cars now: the classifier reads them otherwise since (their feed set to
    ``--topic mixed``, trial 40: a phone's HarmonyOS update in the OTA story of a car), and
    they leave that story, where a story of their own kind keeps them."""
    car_stories = {assigned[key] for key, car in items if car and key in assigned}
    return [key for key, car in items if not car and assigned.get(key) in car_stories]
