"""Sources passed on by an aggregator (Google News) are credited to the outlet they are from:
the store names such an item's source "Reuters (via Tesla - Google News)" (``store.rows``), and
a story's sources carry the outlet itself for JSON (``sources[].outlet``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from autonews.models import Item, Story


def credited(story: Story, members: Sequence[Item]) -> Story:
    """``story`` (built from ``members``) with each source's outlet, as its item has it; the
    same object when none of them is an aggregator's."""
    outlets = {member.id: member.outlet for member in members if member.outlet}
    if not outlets:
        return story
    sources = tuple(replace(s, outlet=outlets.get(s.item_id)) for s in story.sources)
    return replace(story, sources=sources)
