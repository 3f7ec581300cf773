"""One config value, from the TOML file or the environment, checked against the type its key
declares and converted to it; errors name the key. The environment's values are text ("yes" is
true, "5" is 5); the file's are TOML's own types, so a number or a truth value written as a
string there (``timeout = "20"``) is an error, as any bad value is (trial 44: it passed `config
check` as ok)."""

from __future__ import annotations

import difflib
import math
import typing
from collections.abc import Mapping, Sequence
from typing import Any

from autonews.errors import ConfigError

_WANTED = {bool: "true or false", int: "a whole number", float: "a number"}


def coerce(key: str, value: Any, annotation: Any, text: bool = False) -> Any:
    """Check and convert one value to its declared type; the message names the key. ``text``:
    the value is the environment's (or a flag's) text, to be read as the type."""
    origin = typing.get_origin(annotation)
    if not text and isinstance(value, str) and annotation in _WANTED:
        raise ConfigError(
            f"config key {key!r}: expected {_WANTED[annotation]}, got the string {value!r}",
            hint=f"write it without quotes: {key.rsplit('.', 1)[-1]} = "
            + ("true" if annotation is bool else value.strip() or "0"),
        )
    if annotation is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.lower() in {
            "1",
            "true",
            "yes",
            "on",
            "0",
            "false",
            "no",
            "off",
        }:
            return value.lower() in {"1", "true", "yes", "on"}
        raise ConfigError(f"config key {key!r}: expected true or false, got {value!r}")
    if annotation is int:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ConfigError(f"config key {key!r}: expected a whole number, got {value!r}")
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(
                f"config key {key!r}: expected a whole number, got {value!r}"
            ) from None
        if number < 0:
            raise ConfigError(f"config key {key!r}: must not be negative, got {number}")
        return number
    if annotation is float:
        if isinstance(value, bool):
            raise ConfigError(f"config key {key!r}: expected a number, got {value!r}")
        try:
            number_f = float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"config key {key!r}: expected a number, got {value!r}") from None
        if not math.isfinite(number_f):
            raise ConfigError(f"config key {key!r}: expected a finite number, got {value!r}")
        if number_f <= 0:
            raise ConfigError(f"config key {key!r}: must be positive, got {number_f}")
        return number_f
    if annotation is str:
        if not isinstance(value, str):
            raise ConfigError(
                f"config key {key!r}: expected a string, got {value!r}",
                hint=_string_hint(key, value),
            )
        return value
    if origin is tuple:
        (inner,) = {a for a in typing.get_args(annotation) if a is not Ellipsis}
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ConfigError(f"config key {key!r}: expected a list, got {value!r}")
        return tuple(coerce(key, item, inner, text) for item in value)
    if origin in (Mapping, dict) or annotation is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"config key {key!r}: expected a table, got {value!r}")
        return value
    raise ConfigError(f"config key {key!r}: unsupported value {value!r}")  # pragma: no cover


# The [digest] keys that are spans of time: a bare number has no unit (hours? days?).
_DURATIONS = frozenset(
    {
        "digest.since",
        "digest.first_run_window",
        "digest.cluster_window",
        "digest.failure_reminder",
        "digest.ack_within",
    }
)


def _string_hint(key: str, value: Any) -> str | None:
    """How to write a number a string key wants: a span with its unit (``since = 48``:
    "48h"), anything else in quotes."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if key in _DURATIONS or key.endswith("].ack_within"):  # a named digest's too
        return (
            f'a span of time is a string with its unit: "{value:g}h" (hours) or "{value:g}d" (days)'
        )
    return f'write it in quotes: "{value:g}"'


def event_slugs_of(key: str, events: Sequence[str]) -> tuple[str, ...]:
    """``events`` as their events' slugs: each a slug, plural or Chinese name in any case
    ("Recalls", "召回"), read as ``--event`` reads it (:mod:`autonews.event_names`), so that a
    config takes what the flags take. An unknown one is an error naming the key, with the close
    match and the events there are."""
    from difflib import get_close_matches

    from autonews.event_names import event_slug
    from autonews.models import Event

    slugs = [event.value for event in Event]
    resolved = []
    for event in events:
        slug = event_slug(event)
        if slug is None:
            close = get_close_matches(event.strip().lower(), slugs, n=1, cutoff=0.6)
            raise ConfigError(
                f"config key {key!r}: unknown event {event!r}",
                hint=(f"did you mean {close[0]!r}? " if close else "")
                + "events: "
                + ", ".join(slugs)
                + " (or their plurals or Chinese names)",
            )
        resolved.append(slug)
    return tuple(resolved)


def event_filters_of(key: str, events: Sequence[str]) -> tuple[str, ...]:
    """``events`` as a digest's event filter takes them: ``event_slugs_of``, a launch's stage
    (预售, 上市, OTA) kept as "launch:pre-sale", as ``--event`` keeps it."""
    from autonews.event_names import event_filter

    slugs = event_slugs_of(key, events)
    return tuple(event_filter(event) or slug for event, slug in zip(events, slugs, strict=True))


# Why a delivered story is news again under --new, each a reason a reader may want or not
# (trial 44: a Slack channel wants a corrected figure, not a story relabelled): a headline figure
# none of its sources told, a rumour told firmly, another event, a new turn, a new notice.
RENOTIFY_REASONS = ("figure", "confirmed", "event", "turn", "notice")


def renotify_reasons_of(key: str, reasons: tuple[str, ...]) -> tuple[str, ...]:
    """``reasons`` (a renotify_on list), each one of RENOTIFY_REASONS, in any case."""
    out = []
    for reason in reasons:
        wanted = reason.strip().lower()
        if wanted not in RENOTIFY_REASONS:
            close = difflib.get_close_matches(wanted, RENOTIFY_REASONS, n=1)
            raise ConfigError(
                f"config key {key!r}: {reason!r} is no reason to send a story again",
                hint=(f"did you mean {close[0]!r}? " if close else "")
                + "the reasons: "
                + ", ".join(RENOTIFY_REASONS),
            )
        out.append(wanted)
    return tuple(dict.fromkeys(out))
