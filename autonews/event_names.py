"""What a reader may call an event type: its slug, its plural, its Chinese name ("recalls",
"召回" = recall), as listed in ``knowledge/event_names.toml``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def _names() -> dict[str, str]:
    from autonews.models import Event

    data = resources.files("autonews.knowledge").joinpath("event_names.toml").read_bytes()
    listed: dict[str, list[str]] = tomllib.loads(data.decode("utf-8"))
    names = {event.value: event.value for event in Event}
    for slug, aliases in listed.items():
        names.update((alias.casefold(), Event(slug).value) for alias in aliases)
    return names


def event_slug(name: str) -> str | None:
    """The slug of the event type ``name`` names (slug, plural or Chinese name, any case), or
    None when it names none."""
    return _names().get(" ".join(name.split()).casefold())
