"""`autonews config check`: what a loaded config sets up, in a few lines, and what is still wrong
with it beyond what loading refuses (loading refuses a bad feed URL, mail address or mute pattern;
this adds what a digest would refuse when it starts: a maker name that names no maker, a digest
mailed with no mail server; feeds that share a name, which the feeds commands cannot tell apart;
and warns of a feed listed twice, and of a [store] keep_days that prunes what is still wanted:
see ``config_retention``). When the file does not load, ``file_problems`` names every wrong
key, and checks the rest of the file as a file that loads is checked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from autonews.config import (
    DEFAULT_USER_AGENT,
    Config,
    NamedDigest,
    config_from_mapping,
    ignored_env_variables,
    validate_semantics,
)
from autonews.config_retention import archive_note, oldest_listed, retention_warnings
from autonews.config_values import renotify_reasons_of
from autonews.errors import ConfigError, StoreError
from autonews.render.common import plural
from autonews.timeparse import utcnow


@dataclass(frozen=True)
class ConfigReport:
    lines: tuple[str, ...]  # what was found
    problems: tuple[str, ...]  # errors: `config check` exits 2
    warnings: tuple[str, ...]  # worth knowing, not wrong


def file_problems(raw: Mapping[str, Any], base: Config) -> list[tuple[str, str | None]]:
    """Every problem (message, hint) of a config file's contents, where loading stops at the
    first: each key, and each feed or digest entry, is checked alone on top of ``base``, then
    the whole file for what only keys together get wrong (two digests of one name), then the
    rest of the file (without its wrong keys) as `config check` checks a file that loads (an
    unknown maker). Each problem once, in the file's order."""
    probes: list[tuple[Mapping[str, Any], str, str]] = []
    for key, value in raw.items():
        if key in ("feeds", "digests") and isinstance(value, list):
            # An entry checked alone is entry 0: its messages are given its own number back.
            probes += [
                ({key: [entry]}, f"'{key}[0]", f"'{key}[{n}]") for n, entry in enumerate(value)
            ]
        elif isinstance(value, dict) and value:
            probes += [({key: {name: setting}}, "", "") for name, setting in value.items()]
        else:
            probes.append(({key: value}, "", ""))
    problems: list[tuple[str, str | None]] = []
    wrong: list[Mapping[str, Any]] = []
    for probe, alone, actual in [*probes, (raw, "", "")]:
        try:
            validate_semantics(config_from_mapping(probe, base))
        except ConfigError as exc:
            if probe is not raw:
                wrong.append(probe)
            problem = (exc.message.replace(alone, actual, 1) if alone else exc.message, exc.hint)
            if problem not in problems:
                problems.append(problem)
    try:
        rest = config_from_mapping(_without(raw, wrong), base)
        validate_semantics(rest)
    except ConfigError:  # the keys are wrong together: what they are checked for needs them
        return problems
    return problems + [(problem, None) for problem in problems_beyond_loading(rest)]


def _without(raw: Mapping[str, Any], wrong: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The file's contents less the keys and entries found wrong alone; a wrong digest entry
    leaves its name behind, so that the digests after it keep their numbers."""
    rest = {key: _copy(value) for key, value in raw.items()}
    for probe in wrong:
        ((key, value),) = probe.items()
        if key in ("feeds", "digests") and isinstance(value, list):
            index = next(n for n, entry in enumerate(raw[key]) if entry is value[0])
            name = value[0].get("name") if isinstance(value[0], dict) else None
            kept = {"name": name if isinstance(name, str) else f"({key}[{index}])"}
            rest[key][index] = kept if key == "digests" else None
        elif isinstance(value, dict) and isinstance(rest.get(key), dict):
            for setting in value:
                rest[key].pop(setting, None)
        else:
            rest.pop(key, None)
    if isinstance(rest.get("feeds"), list):
        rest["feeds"] = [entry for entry in rest["feeds"] if entry is not None]
    return rest


def _copy(value: Any) -> Any:
    return value.copy() if isinstance(value, dict | list) else value


def _feeds(config: Config) -> tuple[str, list[str]]:
    enabled = len(config.active_feeds)
    disabled = len(config.feeds) - enabled
    line = f"feeds: {enabled} enabled" + (f", {disabled} disabled" if disabled else "")
    tags = Counter(tag for feed in config.feeds for tag in feed.tags)
    if tags:
        line += "; tags: " + ", ".join(f"{tag} ({n})" for tag, n in tags.most_common())
    warnings = []
    if not enabled:
        warnings.append("no feeds to fetch: add one with `autonews feeds add URL`")
    for url, n in Counter(feed.url for feed in config.feeds).items():
        if n > 1:
            warnings.append(f"the feed {url} is listed {n} times")
    return line, warnings


def _name_problems(config: Config) -> list[str]:
    """Feeds that share a name, in any case: `feeds remove/disable NAME` could not say which
    is meant, and a digest could not tell their sources apart."""
    by_name: dict[str, list[str]] = {}
    for feed in config.feeds:
        if feed.name.strip():
            by_name.setdefault(feed.name.strip().casefold(), []).append(feed.name)
    problems = []
    for names in by_name.values():
        if len(names) > 1:
            written = " and ".join(repr(name) for name in dict.fromkeys(names))
            problems.append(
                f"{len(names)} feeds are named {written}: give each a name of its own "
                "(`autonews feeds rename URL NAME`)"
            )
    return problems


def _email(config: Config, env: Mapping[str, str]) -> tuple[str, list[str]]:
    from autonews.deliver.mail import parse_transport

    email = config.email
    mailed = [d for d in config.digests if d.to]
    if not email.smtp:
        problems = [
            f"the digest {d.name!r} is mailed to {', '.join(d.to)}, but [email] smtp is not set"
            for d in mailed
        ]
        return "email: not configured (needed by --email and digests with `to`)", problems
    try:
        parse_transport(email.smtp)
    except ConfigError as exc:
        return f"email: {email.smtp}", [exc.message]
    if env.get("AUTONEWS_SMTP_PASSWORD"):
        password = "password from $AUTONEWS_SMTP_PASSWORD"
    elif email.password_command:
        password = "password from password_command"
    else:
        password = "no password"
    sender = f"from {email.sender}" if email.sender else "from autonews@this host"
    return f"email: {email.smtp}, {sender}, {password}", []


def _delivered_as(digest: NamedDigest, figure_change: bool = True) -> str:
    """How a named digest goes out: a mail is always text + HTML, its format is an -o file's;
    and the --new settings it sets itself (trial 44 N2: a bot's own renotify_on could not be
    seen to be in effect), as a --new digest of its name reads them (``figure_change``: [digest]
    renotify_on_figure_change, which turns them all off)."""
    written = f"{digest.format} in an -o file" if digest.format else "an -o file as its name says"
    if digest.to:
        how = f"mailed to {', '.join(digest.to)} as text + HTML; {written}"
    else:
        how = f"printed, {digest.format or 'text, or as the -o file name says'}"
    own = {  # those it does not set are [digest]'s, shown on its line
        "renotify_on": None
        if digest.renotify_on is None
        else renotify_in_effect(digest.renotify_on, figure_change),
        "ack_within": digest.ack_within,
    }
    settings = [f"{key} {value}" for key, value in own.items() if value is not None]
    return "; ".join([how, *settings])


def renotify_in_effect(reasons: tuple[str, ...], figure_change: bool) -> str:
    """A renotify_on list as a --new digest reads it (review 34 F6: "Figure+EVENT" was shown as
    written): its reasons in lower case, or none where renotify_on_figure_change = false sends
    no story again, whatever the list says."""
    if not figure_change:
        return "none (renotify_on_figure_change = false: a story is sent once)"
    read = renotify_reasons_of("renotify_on", reasons)
    return "+".join(read) or "none (a story is sent once)"


def problems_beyond_loading(config: Config) -> list[str]:
    """What is wrong with a config that loads: what a digest refuses when it starts, and what
    the feeds commands cannot work with."""
    return (
        _name_problems(config)
        + _maker_problems(config)
        + _model_problems(config)
        + _email(config, {})[1]
    )


def _maker_problems(config: Config) -> list[str]:
    """Maker names ([classify] mute_makers, a digest's makers) resolved as a digest resolves
    them when it starts: each one that names no maker is a problem."""
    named = [("classify.mute_makers", config.classify.mute_makers)] + [
        (f"digests[{index}].makers", digest.makers) for index, digest in enumerate(config.digests)
    ]
    if not any(values for _, values in named):
        return []
    from autonews.classify.lookup import knowledge_for
    from autonews.digest import resolve_wanted_makers

    knowledge = knowledge_for(config.classify)
    problems = []
    for key, values in named:
        try:
            resolve_wanted_makers(values, knowledge, f"config key {key!r}", ConfigError)
        except ConfigError as exc:
            problems.append(f"{exc.message} ({exc.hint})" if exc.hint else exc.message)
    return problems


def _model_problems(config: Config) -> list[str]:
    """A named digest's models read as a digest reads them when it starts: a name spelled like
    a known model that no stored title names is a typo, a problem."""
    from autonews.model_filter import wanted_models

    problems = []
    for index, digest in enumerate(config.digests):
        try:
            wanted_models(
                config, digest.models, f"config key 'digests[{index}].models'", ConfigError
            )
        except ConfigError as exc:
            problems.append(f"{exc.message} ({exc.hint})" if exc.hint else exc.message)
        except StoreError:
            pass  # no titles to tell a typo by: the store's own warning says why
    return problems


def _classify(config: Config) -> list[str]:
    settings = config.classify
    parts = []
    if settings.makers:
        parts.append(f"{plural(len(settings.makers), 'maker')} added")
    if settings.companies:
        parts.append(f"{plural(len(settings.companies), 'company')} added")
    if settings.event_keywords:
        parts.append(f"extra words for {plural(len(settings.event_keywords), 'event')}")
    muted = [
        plural(n, word)
        for n, word in (
            (len(settings.mute_makers), "maker"),
            (len(settings.mute_events), "event"),
            (len(settings.mute_patterns), "title pattern"),
        )
        if n
    ]
    if muted:
        parts.append("muted: " + ", ".join(muted))
    return ["classify: " + ", ".join(parts)] if parts else []


def _value(value: object) -> str:
    """A setting's value as the config file writes it (true, 10,000,000, 20)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _section(name: str, settings: Any, told: Mapping[str, str]) -> str:
    """ "digest: since 48h, group_by maker, ...": every setting of a section by its key, with the
    value the commands use (``told``: the ones better said in words: a default that depends on
    the system)."""
    parts = [
        f"{setting.name} {told.get(setting.name) or _value(getattr(settings, setting.name))}"
        for setting in fields(settings)
    ]
    return f"{name}: " + ", ".join(parts)


def _locale_language(locale: str) -> str:
    """The title language a digest takes from the locale, in words: a locale of a language no
    title is offered in (ja-JP) gives English, and says so."""
    from autonews.config import TITLE_LANGUAGE
    from autonews.digest import reader_tag

    if locale == reader_tag("", {}):
        return "en (no locale)"
    if TITLE_LANGUAGE.fullmatch(locale):
        return f"{locale} (the locale's)"
    language, *rest = locale.split("-")
    written = "-".join([language, *(part.upper() if len(part) == 2 else part for part in rest)])
    return f"en (the locale {written} is not offered)"


def _settings(config: Config, env: Mapping[str, str]) -> list[str]:
    """The [digest], [fetch] and [store] lines: every setting shown, defaults too, so that the
    check answers "what will a digest do" (the language a title is chosen in, the window)."""
    from autonews.digest import reader_tag
    from autonews.timeparse import system_zone_name

    digest = config.digest
    in_words = {
        "language": digest.language or _locale_language(reader_tag("", env)),
        "timezone": digest.timezone or f"{system_zone_name(env)} (the system's)",
        "renotify_on": renotify_in_effect(digest.renotify_on, digest.renotify_on_figure_change),
    }
    own_agent = config.fetch.user_agent == DEFAULT_USER_AGENT
    agent = {"user_agent": "autonews's own"} if own_agent else {}
    return [
        _section("digest", digest, in_words),
        _section("fetch", config.fetch, agent),
        _section("store", config.store, {}) + f", file {config.paths.store_file}",
    ]


def check_config(
    config: Config, env: Mapping[str, str], now: datetime | None = None
) -> ConfigReport:
    lines = [f"config file: {config.source}" if config.source else "config file: none"]
    feeds, warnings = _feeds(config)
    listed, unread = oldest_listed(config)
    now = now or utcnow()
    warnings += retention_warnings(config, now, listed) + ([unread] if unread else [])
    lines.append(feeds)
    archives = archive_note(config, now, listed)
    lines += [archives] if archives else []
    if config.digests:
        described = [
            f"{d.name} ({_delivered_as(d, config.digest.renotify_on_figure_change)})"
            for d in config.digests
        ]
        lines.append("named digests: " + "; ".join(described))
    email, _ = _email(config, env)
    problems = problems_beyond_loading(config)
    lines.append(email)
    lines += _settings(config, env)
    lines += _classify(config)
    ignored = ignored_env_variables(env)
    overrides = sorted(
        name for name in env if name.startswith("AUTONEWS_") and env[name] and name not in ignored
    )
    if overrides:
        lines.append("environment: " + ", ".join(overrides))
    if ignored:  # another program's (a wrapper's AUTONEWS_BIN): said, as it does nothing here
        warnings.append(
            f"{', '.join(ignored)}: no setting of autonews is named like "
            + ("it" if len(ignored) == 1 else "them")
            + ": ignored (a misspelt setting's name is refused, with the one meant)"
        )
    return ConfigReport(tuple(lines), tuple(problems), tuple(warnings))
