"""The ``AUTONEWS_*`` environment as configuration: ``AUTONEWS_<SECTION>_<KEY>`` sets one key of
a section (``AUTONEWS_FETCH_TIMEOUT=10``), a list key too (``AUTONEWS_CLASSIFY_MUTE_MAKERS=Fiat,
Volvo``, or a TOML array: ``["Fiat", "Volvo"]``). A name close to one autonews reads, ending
with one of its keys (``AUTONEWS_MUTE_MAKERS``, its section left out), or naming a section
(``AUTONEWS_DIGEST_FOO``), is refused with the one it is close to: a misspelt variable
would otherwise be ignored without a word (a cron line muting a maker that is not muted). A name
like no setting (``AUTONEWS_BIN``, a wrapper script's own variable) is no typo: it is ignored,
and `config check` names it (trial 44: a wrapper's AUTONEWS_BIN made every run exit 2)."""

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
            if _resembles_a_setting(name, [*known, *OTHER_VARIABLES]):
                raise _unknown_variable(name, [*known, *sorted(OTHER_VARIABLES)])
            continue  # another program's variable: `config check` names it (ignored_variables)
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


def ignored_variables(env: Mapping[str, str], keys: Mapping[str, Iterable[str]]) -> list[str]:
    """The ``AUTONEWS_*`` variables autonews ignores: set, and like no setting it reads."""
    known = {variable(section, key) for section in keys for key in keys[section]}
    return sorted(
        name
        for name in env
        if name.startswith(PREFIX) and name not in known and name not in OTHER_VARIABLES
    )


def _close_to(name: str, known: Iterable[str]) -> list[str]:
    """The variables ``name`` may be a typo of."""
    # Compared without the prefix all share, which would make AUTONEWS_FOO "close" to _HOME.
    by_rest = {k[len(PREFIX) :]: k for k in known}
    return [by_rest[k] for k in get_close_matches(name[len(PREFIX) :], by_rest, n=1, cutoff=0.8)]


def _of_key(name: str, known: Iterable[str]) -> list[str]:
    """The variables whose key ``name`` ends with, its section left out or misspelt
    (AUTONEWS_MUTE_MAKERS, AUTONEWS_SINCE: the likeliest slip, which no spelling distance
    catches, as the section is a third of the name)."""
    rest = name[len(PREFIX) :]
    by_key: dict[str, list[str]] = {}
    for k in known:
        key = k[len(PREFIX) :].split("_", 1)[-1]  # a section's name has no "_"
        if k not in OTHER_VARIABLES and (rest == key or rest.endswith(f"_{key}")):
            by_key.setdefault(key, []).append(k)
    # The longest key it ends with: MUTE_MAKERS is classify's mute_makers, not its makers.
    return sorted(by_key[max(by_key, key=len)]) if by_key else []


def _of_section(name: str, known: Iterable[str]) -> list[str]:
    """The variables of the config section ``name`` names, spelt right or nearly
    (AUTONEWS_DIGEST_FOO: [digest]'s; AUTONEWS_STORES_FILE: [store]'s)."""
    first = name[len(PREFIX) :].split("_")[0]
    sections = sorted({k[len(PREFIX) :].split("_")[0] for k in known if k not in OTHER_VARIABLES})
    named = get_close_matches(first, sections, n=1, cutoff=0.8)  # the exact name comes first
    return [k for k in known if named and k.startswith(f"{PREFIX}{named[0]}_")]


def _resembles_a_setting(name: str, known: list[str]) -> bool:
    """Whether ``name`` is meant for autonews: spelt like one of its variables, ending with one
    of its keys, or naming one of its config sections. Anything else is another program's (a
    wrapper's AUTONEWS_BIN)."""
    return bool(_close_to(name, known) or _of_key(name, known) or _of_section(name, known))


def _unknown_variable(name: str, known: list[str]) -> ConfigError:
    """A variable meant for autonews that it does not read: a typo, as an unknown key in the
    file is."""
    close = _close_to(name, known) or _of_key(name, known)
    if close:
        hint = f"did you mean {' or '.join(close)}?"
    else:  # it names a section (see _resembles_a_setting)
        hint = "variables: " + ", ".join(sorted(_of_section(name, known)))
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
