"""Stories as earlier runs made them: what clustering gives for items that all have a story
already (it compares nothing then). A module of its own, outside ``autonews.cluster``, so that a
warm run with nothing new groups its items without importing the clustering."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
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


def no_longer_car_news(
    items: Sequence[tuple[int, bool]], assigned: Mapping[int, str], were_car: Collection[int]
) -> list[int]:
    """Of ``items`` (key, about cars now), those an earlier run put in a story with car news
    that were car news then (``were_car``) and are not about cars now: the classifier reads
    them otherwise since (their feed set to ``--topic mixed``, trial 40: a phone's HarmonyOS
    update in the OTA story of a car), and they leave that story, where a story of their own
    kind keeps them. One that was not car news when the clustering put it in the story stays:
    nothing has changed since (trial 47: a supplier association's statement on a UN regulation
    left the story a --new digest had sent with it, in the very next run)."""
    car_stories = {assigned[key] for key, car in items if car and key in assigned}
    return [
        key
        for key, car in items
        if not car and key in were_car and assigned.get(key) in car_stories
    ]
