"""The ``AUTONEWS_*`` environment as configuration: ``AUTONEWS_<SECTION>_<KEY>`` sets one key of
a section (``AUTONEWS_FETCH_TIMEOUT=10``), a list key too (``AUTONEWS_CLASSIFY_MUTE_MAKERS=Fiat,
Volvo``, or a TOML array: ``["Fiat", "Volvo"]``). Every other ``AUTONEWS_*`` name is refused with
the one it is close to: a misspelt variable would otherwise be ignored without a word (a cron
line muting a maker that is not muted), and a listed one taken for configuration."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from difflib import get_close_matches
from typing import TYPE_CHECKING, Any

from autonews.errors import ConfigError

if TYPE_CHECKING:
    from autonews.config import Config

PREFIX = "AUTONEWS_"

# The variables that are no config key: where the files are, the mail password (kept out of
# the file), and the test suite's switch for refreshing its golden files.
OTHER_VARIABLES = frozenset(
    {"AUTONEWS_HOME", "AUTONEWS_CONFIG", "AUTONEWS_SMTP_PASSWORD", "AUTONEWS_UPDATE_GOLDEN"}
)

# Keys the environment cannot say: tables of tables, written in the file.
_FILE_ONLY = {("classify", "makers"), ("classify", "companies"), ("classify", "event_keywords")}


def variable(section: str, key: str) -> str:
    return f"{PREFIX}{section.upper()}_{key.upper()}"


def env_overrides(
    env: Mapping[str, str], keys: Mapping[str, Iterable[str]], list_keys: set[tuple[str, str]]
) -> dict[str, dict[str, dict[str, Any]]]:
    """Each variable's layer: ``AUTONEWS_FETCH_TIMEOUT=5`` -> ``{"AUTONEWS_FETCH_TIMEOUT":
    {"fetch": {"timeout": "5"}}}``. ``keys``: each section's keys as the file names them;
    ``list_keys``: the (section, key) pairs whose value is a list."""
    known = {variable(section, key): (section, key) for section in keys for key in keys[section]}
    overrides: dict[str, dict[str, dict[str, Any]]] = {}
    for name, value in sorted(env.items()):
        if not name.startswith(PREFIX) or name in OTHER_VARIABLES:
            continue
        if name not in known:
            raise _unknown_variable(name, [*known, *sorted(OTHER_VARIABLES)])
        section, key = known[name]
        if (section, key) in _FILE_ONLY:
            raise ConfigError(
                f"${name}: [{section}] {key} is a table, which the environment cannot set",
                hint=f"set it in the config file, and unset ${name}",
            )
        parsed = list_value(name, value) if (section, key) in list_keys else value
        overrides[name] = {section: {key: parsed}}
    return overrides


def list_value(name: str, value: str) -> list[str]:
    """A list from the environment: a TOML array (``["Fiat", "Volvo"]``, for items with a comma,
    such as a pattern ``\\d{1,3}``), else comma-separated items; empty: no items."""
    if value.lstrip().startswith("["):
        try:
            items = tomllib.loads(f"value = {value}")["value"]
        except tomllib.TOMLDecodeError:
            raise ConfigError(
                f"${name}: {value!r} is not a TOML array",
                hint=f'write ["one", "two"], or one,two; or unset ${name}',
            ) from None
        if not isinstance(items, list):  # pragma: no cover - a "[" starts an array or fails
            raise ConfigError(f"${name}: {value!r} is not a TOML array")
        return items
    return [item.strip() for item in value.split(",") if item.strip()]


def _unknown_variable(name: str, known: list[str]) -> ConfigError:
    """A variable autonews does not read: a typo, as an unknown key in the file is."""
    # Compared without the prefix all share, which would make AUTONEWS_FOO "close" to _HOME.
    by_rest = {k[len(PREFIX) :]: k for k in known}
    close = [by_rest[k] for k in get_close_matches(name[len(PREFIX) :], by_rest, n=1, cutoff=0.8)]
    section = name[len(PREFIX) :].split("_")[0]
    of_section = [k for k in known if k.startswith(f"{PREFIX}{section}_")]
    if close:
        hint = f"did you mean {close[0]}?"
    elif of_section:
        hint = "variables: " + ", ".join(sorted(of_section))
    else:
        hint = (
            "unset it: autonews reads AUTONEWS_HOME, AUTONEWS_CONFIG, AUTONEWS_SMTP_PASSWORD, "
            "and AUTONEWS_<SECTION>_<KEY> for a key of the config file (AUTONEWS_DIGEST_SINCE)"
        )
    return ConfigError(f"unknown environment variable {name}", hint=hint)


def check_muted_makers(config: Config) -> None:
    """Each of [classify] mute_makers names a maker or group (any alias, any case), checked when
    the environment sets them, as a digest checks the file's when it starts."""
    from autonews.classify.lookup import knowledge_for
    from autonews.digest import resolve_wanted_makers

    knowledge = knowledge_for(config.classify)
    resolve_wanted_makers(
        config.classify.mute_makers, knowledge, "config key 'classify.mute_makers'", ConfigError
    )
