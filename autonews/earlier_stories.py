"""Stories as earlier runs made them: what clustering gives for items that all have a story
already (it compares nothing then). A module of its own, outside ``autonews.cluster``, so that a
warm run with nothing new groups its items without importing the clustering."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
