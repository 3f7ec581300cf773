"""What a reader may call an event type: its slug, its plural, a common English or Chinese name
("recalls", "召回" = recall, "deliveries", "交付" = financials), as listed in
``knowledge/event_names.toml``, and every label a digest prints for it in any of its languages
(``knowledge/ui.*.toml``: 发布, and Taiwan's 發表), in Simplified or Traditional characters."""

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
def _labels() -> dict[str, list[str]]:
    """Each event's labels in the digest's languages, as its Chinese digests print them (the
    mainland's first, then Taiwan's where it reads otherwise: 发布, 發表), English aside."""
    from autonews.render.words import SIMPLIFIED, TRADITIONAL, read_words_file

    labels: dict[str, list[str]] = {}
    for language in (SIMPLIFIED, TRADITIONAL):
        for slug, label in read_words_file(language)["events"].items():
            shown = labels.setdefault(slug, [])
            if all(_folded(label) != _folded(other) for other in shown):
                shown.append(str(label))
    return labels


@cache
def _names() -> dict[str, str]:
    from autonews.models import Event

    names = {event.value: event.value for event in Event}
    for slug, aliases in [*_listed().items(), *_labels().items()]:
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
    """Every event's slug with the labels the Chinese digests print for it: "recall (召回),
    incident (事故), …, launch (发布, 發表), …" (one set of names: what a digest says)."""
    from autonews.models import Event

    def chinese(slug: str) -> str:
        return ", ".join(_labels().get(slug, []))

    return ", ".join(
        f"{e.value} ({chinese(e.value)})" if chinese(e.value) else e.value for e in Event
    )
