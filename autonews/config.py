"""Configuration: flags > AUTONEWS_* environment > TOML file > defaults.

The file is found from ``--config``, then ``$AUTONEWS_CONFIG``, then ``config.toml`` in the user
config dir (``$AUTONEWS_HOME`` when set). Every key is validated; errors name the key.
"""

from __future__ import annotations

import os
import re
import typing
from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from autonews.addresses import location_problem, mail_address_problem
from autonews.config_classify import company_entries, event_keywords, maker_entries
from autonews.config_env import check_muted_makers, env_overrides, ignored_variables
from autonews.config_file import find_config_file, read_toml
from autonews.config_sections import _DIGEST_FORMATS
from autonews.config_sections import DEFAULT_USER_AGENT as DEFAULT_USER_AGENT
from autonews.config_sections import ClassifyConfig as ClassifyConfig
from autonews.config_sections import Config as Config
from autonews.config_sections import DigestConfig as DigestConfig
from autonews.config_sections import EmailConfig as EmailConfig
from autonews.config_sections import FeedConfig as FeedConfig
from autonews.config_sections import FetchConfig as FetchConfig
from autonews.config_sections import NamedDigest as NamedDigest
from autonews.config_sections import StoreConfig as StoreConfig
from autonews.config_values import coerce, event_filters_of, event_slugs_of, renotify_reasons_of
from autonews.errors import ConfigError
from autonews.paths import check_home, resolve_paths
from autonews.timeparse import parse_duration, parse_since, reader_zone

_SECTIONS: dict[str, type] = {
    "fetch": FetchConfig,
    "digest": DigestConfig,
    "store": StoreConfig,
    "email": EmailConfig,
    "classify": ClassifyConfig,
}
_TOML_NAMES = {("email", "sender"): "from"}
# "" (the locale's), or a language tag whose language is English or Chinese: en, zh-CN, zh_TW.
TITLE_LANGUAGE = re.compile(r"((en|zh)([-_][A-Za-z0-9]{1,8})*)?", re.IGNORECASE)


def _toml_name(section: str, attr: str) -> str:
    return _TOML_NAMES.get((section, attr), attr)


def _attr_name(section: str, key: str) -> str | None:
    for attr in (f.name for f in fields(_SECTIONS[section])):
        if _toml_name(section, attr) == key:
            return attr
    return None


def validate_semantics(config: Config) -> None:
    try:
        parse_since(config.digest.since, datetime.now(UTC))  # the same parser --since uses
    except ValueError as exc:
        raise ConfigError(f"config key 'digest.since': {exc}") from None
    for key in ("first_run_window", "cluster_window", "failure_reminder", "ack_within"):
        try:
            parse_duration(getattr(config.digest, key))
        except ValueError as exc:
            raise ConfigError(f"config key 'digest.{key}': {exc}") from None
    try:
        reader_zone(config.digest.timezone)
    except ValueError as exc:
        raise ConfigError(f"config key 'digest.timezone': {exc}") from None
    if not TITLE_LANGUAGE.fullmatch(config.digest.language):
        raise ConfigError(
            f"config key 'digest.language': {config.digest.language!r} is not en or zh",
            hint='story titles are offered in English and Chinese: "en", "zh" (also "zh-CN", '
            '"en-GB"...), or "" for the locale\'s',
        )
    renotify_reasons_of("digest.renotify_on", config.digest.renotify_on)
    if config.digest.group_by not in {"maker", "group", "event"}:
        raise ConfigError(
            f"config key 'digest.group_by': {config.digest.group_by!r} is not maker, group or event"
        )
    for name in ("concurrency", "per_host", "max_bytes", "max_items_per_feed"):
        if getattr(config.fetch, name) < 1:
            raise ConfigError(f"config key 'fetch.{name}': must be at least 1")
    if config.store.keep_days < 1:
        raise ConfigError("config key 'store.keep_days': must be at least 1 (a day)")
    if config.email.sender:
        from autonews.addresses import mail_address_problem

        problem = mail_address_problem(config.email.sender)
        if problem:
            raise ConfigError(f"config key 'email.from': {problem}")
    event_slugs_of("classify.mute_events", config.classify.mute_events)  # a Config made in code
    for pattern in config.classify.mute_patterns:
        try:
            re.compile(pattern, re.IGNORECASE)  # as the mute filter compiles it
        except re.error as exc:
            raise ConfigError(
                f"config key 'classify.mute_patterns': {pattern!r} is not a valid regular "
                f"expression: {exc}",
                hint="a pattern is a Python regular expression; escape ( [ + * ? with a \\",
            ) from None


def _section_from_mapping(
    section: str, raw: Mapping[str, Any], base: Any, text: bool = False
) -> Any:
    cls = _SECTIONS[section]
    hints = typing.get_type_hints(cls)
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        attr = _attr_name(section, key)
        if attr is None:
            known = ", ".join(sorted(_toml_name(section, f.name) for f in fields(cls)))
            raise ConfigError(
                f"unknown config key '{section}.{key}'", hint=f"known keys in [{section}]: {known}"
            )
        changes[attr] = coerce(f"{section}.{key}", value, hints[attr], text)
    if section == "digest" and isinstance(changes.get("group_by"), str):
        changes["group_by"] = changes["group_by"].lower()  # any case, as makers and tags are
    if section == "classify" and "makers" in changes:
        changes["makers"] = maker_entries(changes["makers"])
    if section == "classify" and "companies" in changes:
        changes["companies"] = company_entries(changes["companies"])
    if section == "classify" and "mute_events" in changes:  # "Recalls", "召回": as --event
        changes["mute_events"] = event_slugs_of(f"{section}.mute_events", changes["mute_events"])
    if section == "classify" and "event_keywords" in changes:
        changes["event_keywords"] = event_keywords(changes["event_keywords"])
    return replace(base, **changes)


def _feeds_from_list(raw: Any) -> tuple[FeedConfig, ...]:
    if not isinstance(raw, list):
        raise ConfigError("config key 'feeds': expected [[feeds]] tables")
    feeds = []
    for index, entry in enumerate(raw):
        where = f"feeds[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"config key {where!r}: expected a table with url, name, tags")
        unknown = set(entry) - {"url", "name", "tags", "enabled", "topic"}
        if unknown:
            raise ConfigError(
                f"unknown config key '{where}.{sorted(unknown)[0]}'",
                hint="a feed takes url, name, tags, enabled and topic",
            )
        if "url" not in entry:
            raise ConfigError(f"config key '{where}.url' is missing")
        url = coerce(f"{where}.url", entry["url"], str)
        problem = location_problem(url)
        if problem is not None:
            fix = f"did you mean {problem.suggestion!r}? Or" if problem.suggestion else "fix it, or"
            raise ConfigError(
                f"config key '{where}.url': {problem.message}",
                hint=f"{fix} remove the feed: autonews feeds remove {url!r}",
            )
        feeds.append(
            FeedConfig(
                url=url,
                name=coerce(f"{where}.name", entry.get("name", ""), str),
                tags=coerce(f"{where}.tags", entry.get("tags", []), tuple[str, ...]),
                enabled=coerce(f"{where}.enabled", entry.get("enabled", True), bool),
                topic=feed_topic(f"{where}.topic", entry.get("topic", "auto")),
            )
        )
    return tuple(feeds)


def feed_topic(where: str, value: Any) -> str:
    """A feed's ``topic``, checked: one of autonews.car_feeds.TOPICS, in any case."""
    from autonews.car_feeds import TOPICS

    topic = str(coerce(where, value, str)).strip().lower()
    if topic not in TOPICS:
        raise ConfigError(
            f"config key {where!r}: {value!r} is not a feed topic",
            hint='a feed\'s topic is "auto" (judged from its items), "cars" (every item car '
            'news unless its words say otherwise), "mixed" (never read as a car feed) or '
            '"community" (its users\' posts: a subreddit, a forum)',
        )
    return topic


# A named digest's keys whose type is not its field's: renotify_on is None when not set.
_NAMED_KINDS: dict[str, Any] = {"renotify_on": tuple[str, ...], "ack_within": str}


def _digests_from_list(raw: Any) -> tuple[NamedDigest, ...]:
    if not isinstance(raw, list):
        raise ConfigError("config key 'digests': expected [[digests]] tables")
    hints = typing.get_type_hints(NamedDigest)
    digests = []
    for index, entry in enumerate(raw):
        where = f"digests[{index}]"
        if not isinstance(entry, dict) or "name" not in entry:
            raise ConfigError(f"config key '{where}.name' is missing")
        unknown = set(entry) - set(hints)
        if unknown:
            raise ConfigError(
                f"unknown config key '{where}.{sorted(unknown)[0]}'",
                hint="a digest takes " + ", ".join(hints),
            )
        values = {
            key: coerce(f"{where}.{key}", value, _NAMED_KINDS.get(key, hints[key]))
            for key, value in entry.items()
        }
        if "renotify_on" in values:  # kept as the digest reads it: "FIGURE" is figure
            values["renotify_on"] = renotify_reasons_of(
                f"{where}.renotify_on", values["renotify_on"]
            )
        if "ack_within" in values:
            try:
                parse_duration(values["ack_within"])
            except ValueError as exc:
                raise ConfigError(f"config key '{where}.ack_within': {exc}") from None
        for key in ("events", "exclude_events"):  # "Recalls", "召回", 预售: as --event takes them
            if key in values:
                values[key] = event_filters_of(f"{where}.{key}", values[key])
        digest = NamedDigest(**values)
        for address in digest.to:
            if mail_address_problem(address):
                raise ConfigError(f"config key '{where}.to': {mail_address_problem(address)}")
        if digest.format not in _DIGEST_FORMATS:
            raise ConfigError(f"config key '{where}.format': unknown format {digest.format!r}")
        digests.append(digest)
    names = [d.name for d in digests]
    if len(set(names)) != len(names):
        raise ConfigError("config key 'digests': two digests have the same name")
    return tuple(digests)


def config_from_mapping(
    raw: Mapping[str, Any], base: Config | None = None, text: bool = False
) -> Config:
    """``raw`` (the file's TOML; ``text``: the environment's or the flags' values, text to be
    read as each key's type) over ``base``."""
    config = base or Config()
    for key, value in raw.items():
        if key == "feeds":
            config = replace(config, feeds=_feeds_from_list(value))
        elif key == "digests":
            config = replace(config, digests=_digests_from_list(value))
        elif key in _SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"config key {key!r}: expected a [{key}] table")
            config = replace(
                config, **{key: _section_from_mapping(key, value, getattr(config, key), text)}
            )
        else:
            raise ConfigError(
                f"unknown config key {key!r}",
                hint="top-level keys are feeds, digests, " + ", ".join(sorted(_SECTIONS)),
            )
    return config


def _section_keys() -> dict[str, list[str]]:
    """Each section's keys as the file names them."""
    return {
        section: [_toml_name(section, f.name) for f in fields(cls)]
        for section, cls in _SECTIONS.items()
    }


def ignored_env_variables(env: Mapping[str, str]) -> list[str]:
    """The ``AUTONEWS_*`` variables a run ignores, as like no setting (see ``config_env``)."""
    return ignored_variables(env, _section_keys())


def _env_overrides(env: Mapping[str, str]) -> dict[str, dict[str, dict[str, Any]]]:
    """Each ``AUTONEWS_*`` variable's layer of configuration (see ``config_env``)."""
    keys = _section_keys()
    list_keys = {
        (section, _toml_name(section, name))
        for section, cls in _SECTIONS.items()
        for name, hint in typing.get_type_hints(cls).items()
        if typing.get_origin(hint) is tuple
    }
    return env_overrides(env, keys, list_keys)


def load_config(
    explicit: Path | None = None,
    flags: Mapping[str, Mapping[str, Any]] | None = None,
    env: Mapping[str, str] | None = None,
    missing_ok: bool = False,
) -> Config:
    """Build the effective config: defaults < file < environment < flags. ``missing_ok``: an
    ``explicit`` file not written yet (one `feeds add` creates) is read as no file."""
    env = dict(os.environ) if env is None else env
    check_home(dict(env))
    paths = resolve_paths(dict(env))
    config = Config(paths=paths)
    source = find_config_file(explicit, env, paths, missing_ok)
    if source is not None:
        config = replace(config_from_mapping(read_toml(source), config), source=source)
        validate_semantics(config)
    for name, layer in _env_overrides(env).items():  # an error names the variable
        try:
            config = config_from_mapping(layer, config, text=True)
            validate_semantics(config)
            if "mute_makers" in layer.get("classify", {}):
                check_muted_makers(config)  # as a digest would when it starts, named now
        except ConfigError as exc:
            raise ConfigError(
                f"${name}: {exc.message}",
                hint=f"{exc.hint}; or unset ${name}" if exc.hint else f"fix or unset ${name}",
            ) from None
    if flags:
        config = config_from_mapping({k: dict(v) for k, v in flags.items() if v}, config, text=True)
    validate_semantics(config)
    return config
