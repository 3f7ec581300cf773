"""What a reader may call an event type: its slug, its plural, a common English or Chinese name
("recalls", "召回" = recall, "deliveries", "交付" = financials), as listed in
``knowledge/event_names.toml``, in Simplified or Traditional characters."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

# Said wherever event names are offered: a reader looks for sales under no such name.
FINANCIALS_NOTE = "deliveries, sales and rankings are financials"


@cache
def _listed() -> dict[str, list[str]]:
    data = resources.files("autonews.knowledge").joinpath("event_names.toml").read_bytes()
    listed: dict[str, list[str]] = tomllib.loads(data.decode("utf-8"))
    return listed


@cache
def _names() -> dict[str, str]:
    from autonews.models import Event

    names = {event.value: event.value for event in Event}
    for slug, aliases in _listed().items():
        names.update((_folded(alias), Event(slug).value) for alias in aliases)
    return names


def _folded(name: str) -> str:
    from autonews.classify.scripts import simplified

    return simplified(" ".join(name.split()).casefold())


def event_slug(name: str) -> str | None:
    """The slug of the event type ``name`` names (slug, plural, English or Chinese name, any
    case, either script: 銷量 is 销量), or None when it names none."""
    return _names().get(_folded(name))


def events_named() -> str:
    """Every event's slug with its first Chinese name: "recall (召回), incident (事故), …"."""
    from autonews.models import Event

    def chinese(slug: str) -> str:
        return next((n for n in _listed().get(slug, []) if not n.isascii()), "")

    return ", ".join(
        f"{e.value} ({chinese(e.value)})" if chinese(e.value) else e.value for e in Event
    )
