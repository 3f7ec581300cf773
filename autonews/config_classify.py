"""The user's additions to the classifier's knowledge, checked when the config is read:
``[[classify.makers]]`` and ``[[classify.companies]]`` entries and ``[classify.event_keywords]``.
A value of the wrong kind ("ExMo" where a list of names belongs is read as that one name), an
empty name or an unknown key is an error naming the key, as for every other key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from autonews.config_values import coerce, event_slugs_of
from autonews.errors import ConfigError

# What a [[classify.makers]] entry may say (the keys of makers.toml; knowledge/README.md).
MAKER_KEYS: dict[str, Any] = {
    "name": str,
    "group": str,
    "country": str,
    "aliases": tuple[str, ...],
    "models": tuple[str, ...],
    "ambiguous": tuple[str, ...],
    "lenient": tuple[str, ...],
    "people": tuple[str, ...],
    "veto_next": tuple[str, ...],
}


# What a [[classify.companies]] entry may say (the keys of companies.toml; knowledge/README.md).
COMPANY_KEYS: dict[str, Any] = {
    "name": str,
    "role": str,
    "country": str,
    "automotive": bool,
    "aliases": tuple[str, ...],
    "ambiguous": tuple[str, ...],
    "veto_next": tuple[str, ...],
}
COMPANY_ROLES = (
    "supplier",
    "battery",
    "chips",
    "tech",
    "autonomous",
    "mobility",
    "energy",
    "dealer",
    "finance",
    "business",
)


def _names(key: str, value: Any) -> tuple[str, ...]:
    names: tuple[str, ...] = coerce(key, value, tuple[str, ...])
    if any(not name.strip() for name in names):
        raise ConfigError(f"config key {key!r}: an empty name in {list(names)!r}")
    return names


def maker_entries(entries: tuple[Mapping[str, Any], ...]) -> tuple[dict[str, Any], ...]:
    """``[[classify.makers]]`` entries, each with only known keys, a non-empty name and every
    list a list of non-empty names."""
    return tuple(
        _entry(entry, f"classify.makers[{index}]", MAKER_KEYS, "a maker")
        for index, entry in enumerate(entries)
    )


def company_entries(entries: tuple[Mapping[str, Any], ...]) -> tuple[dict[str, Any], ...]:
    """``[[classify.companies]]`` entries: as makers' (known keys, a non-empty name, lists of
    non-empty names), and a role of companies.toml's."""
    checked = []
    for index, entry in enumerate(entries):
        where = f"classify.companies[{index}]"
        values = _entry(entry, where, COMPANY_KEYS, "a company")
        if values.get("role", "supplier") not in COMPANY_ROLES:
            raise ConfigError(
                f"config key '{where}.role': unknown role {values['role']!r}",
                hint="one of " + ", ".join(COMPANY_ROLES),
            )
        checked.append(values)
    return tuple(checked)


def _entry(
    entry: Mapping[str, Any], where: str, known: dict[str, Any], what: str
) -> dict[str, Any]:
    unknown = sorted(set(entry) - set(known))
    if unknown:
        raise ConfigError(
            f"unknown config key '{where}.{unknown[0]}'", hint=f"{what} takes " + ", ".join(known)
        )
    if "name" not in entry:
        raise ConfigError(f"config key '{where}.name' is missing")
    values: dict[str, Any] = {}
    for key, value in entry.items():
        kind = known[key]
        values[key] = (
            coerce(f"{where}.{key}", value, kind)
            if kind in (str, bool)
            else _names(f"{where}.{key}", value)
        )
    if not values["name"].strip():
        raise ConfigError(f"config key '{where}.name' is empty")
    return values


def event_keywords(table: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """``[classify.event_keywords]``: event slug -> phrases, none of them empty; an event named
    as ``--event`` takes it ("Recalls", "召回")."""
    slugs = event_slugs_of("classify.event_keywords", list(table))
    keywords: dict[str, tuple[str, ...]] = {}
    for slug, (event, words) in zip(slugs, table.items(), strict=True):
        keywords[slug] = keywords.get(slug, ()) + _names(f"classify.event_keywords.{event}", words)
    return keywords
