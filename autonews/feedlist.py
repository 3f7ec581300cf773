"""The feed list lives in the config file's ``[[feeds]]`` tables, so one file says everything.

``autonews feeds add/remove/edit/import`` edit that file with tomlkit, which keeps the user's
comments and layout, one edit at a time. OPML import and export are ``autonews.opml``'s.
"""

from __future__ import annotations

import contextlib
import functools
import tomllib
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from autonews.addresses import is_web, local_path, location_problem, probable_web_address
from autonews.car_feeds import AUTO
from autonews.config import FeedConfig, config_from_mapping
from autonews.config_file import config_text, not_valid_toml
from autonews.config_layout import detach_trailing, end_with, place_first_tables, remove_table
from autonews.errors import ConfigError, UsageError
from autonews.feed_lookup import find_feed, same_feed_key
from autonews.files import write_atomically
from autonews.lock import config_edit_lock

NEW_CONFIG_HEADER = """\
# autonews configuration: see config.example.toml for every key.
"""


P = ParamSpec("P")
R = TypeVar("R")


def _one_edit_at_a_time(
    edit: Callable[Concatenate[Path, P], R],
) -> Callable[Concatenate[Path, P], R]:
    """``edit(path, ...)`` reads the config file at ``path`` and writes it back changed: done
    under the file's edit lock, so that no other command's change is lost in between."""

    @functools.wraps(edit)
    def locked(path: Path, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with config_edit_lock(path):
            return edit(path, *args, **kwargs)

    return locked


def _load_document(path: Path):  # type: ignore[no-untyped-def]
    """The config file as tomlkit reads it (comments kept), its ``feeds`` key checked to be
    ``[[feeds]]`` tables (or an inline array of tables), so that editing it cannot crash."""
    import tomlkit

    if not path.exists():
        return tomlkit.parse(NEW_CONFIG_HEADER)
    text = config_text(path)  # UTF-8, a byte-order mark dropped
    try:
        document = tomlkit.parse(text)
    except Exception as exc:  # tomlkit raises its own parse errors
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as refused:  # in the words config loading gives for it
            raise not_valid_toml(path, text, refused) from None
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}") from None
    feeds = document.get("feeds")
    if feeds is not None:  # the messages config loading gives for the same mistakes
        if not isinstance(feeds, list):
            raise ConfigError("config key 'feeds': expected [[feeds]] tables")
        for index, entry in enumerate(feeds):
            if not isinstance(entry, dict):
                raise ConfigError(
                    f"config key 'feeds[{index}]': expected a table with url, name, tags"
                )
    return document


def _feed_tables(document: Any) -> tuple[Any, Any]:
    """The document and its ``[[feeds]]`` tables (None when it has none). An inline array
    (``feeds = []``, ``feeds = [{url = ...}]``) becomes ``[[feeds]]`` tables, the only form
    tables can be appended to, placed as a file's first feeds are."""
    import tomlkit
    from tomlkit.items import AoT

    tables = document.get("feeds")
    if tables is None or isinstance(tables, AoT):
        return document, tables
    converted = tomlkit.aot()
    for entry in tables:
        table = tomlkit.table()
        for key, value in entry.unwrap().items():  # (an inline table's values end no line)
            table[key] = value
        converted.append(table)
    document.remove("feeds")
    if not converted:
        return document, None
    document = place_first_tables(document, converted)
    return document, document["feeds"]


def _write(path: Path, document: Any) -> None:
    """Write the edited document, once its text is known to read back as what was meant: a
    file autonews cannot read again is never written."""
    import tomlkit

    text = tomlkit.dumps(document)
    try:
        same = tomllib.loads(text) == document.unwrap()
    except tomllib.TOMLDecodeError:
        same = False
    if not same:
        raise ConfigError(
            f"cannot edit the feeds of {str(path)!r} without breaking it; the file is unchanged",
            hint="write the feeds as [[feeds]] tables (see config.example.toml)",
        )
    try:
        write_atomically(path, text, keep_mode=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot write {str(path)!r}: {exc.strerror or exc}; the file is unchanged",
            hint="check the permissions of the file and its folder",
        ) from None


def checked_feed(feed: FeedConfig) -> tuple[FeedConfig, str]:
    """A feed about to be added, as it will be written, and a note when that is not as given.

    A web address written without its scheme (``cnevpost.com/feed``) gets ``https://``; a file
    must exist, and a relative path is made absolute (cron runs elsewhere). Anything else that
    cannot be a feed raises UsageError, before the config file is touched."""
    web = probable_web_address(feed.url)
    if web is not None:
        return replace(feed, url=web), f"no scheme given: added as {web}"
    problem = location_problem(feed.url)
    if problem is not None:
        raise UsageError(problem.message, hint=problem.hint)
    if is_web(feed.url):
        return feed, ""
    path = local_path(feed.url)
    if path.is_dir():
        raise UsageError(
            f"{feed.url!r} is a directory, not a feed file",
            hint="give one of the feed files in it, or the feed's http:// or https:// URL",
        )
    if not path.is_file():
        raise UsageError(
            f"{feed.url!r} is not a web address (http://, https://) nor an existing file",
            hint="a feed is an http:// or https:// URL, a file:// URL or a file path",
        )
    if not Path(feed.url.removeprefix("file://")).is_absolute():
        absolute = str(path.resolve())
        return replace(feed, url=absolute), f"a file: added as {absolute}"
    return feed, ""


@_one_edit_at_a_time
def add_feeds(path: Path, feeds: Sequence[FeedConfig]) -> list[FeedConfig]:
    """Append feeds not already listed (by URL) after the last ``[[feeds]]`` table, before
    whatever comments follow it (the next section's); in a file with none, before the first
    section and its banner. Returns the ones added."""
    document, tables = _feed_tables(_load_document(path))
    document, added = _appended(document, tables, feeds)
    config_from_mapping(document.unwrap())  # the feeds added are valid config
    _write(path, document)
    return added


@dataclass(frozen=True)
class Listed:
    """A feed an import found already in the list: as imported, as listed (its tags grown by
    the import's folders and categories), and the tags it gained."""

    imported: FeedConfig
    feed: FeedConfig
    tags_added: tuple[str, ...]


@_one_edit_at_a_time
def import_feeds(path: Path, feeds: Sequence[FeedConfig]) -> tuple[list[FeedConfig], list[Listed]]:
    """Add the feeds not listed yet, as ``add_feeds``; a feed already listed gets the tags it
    has in the import (its folders and categories) that it lacks, and keeps its name and
    enabled state. Returns the feeds added and the ones already listed."""
    document, tables = _feed_tables(_load_document(path))
    by_key = {same_feed_key(str(table.get("url"))): table for table in tables or []}
    listed: list[Listed] = []
    for feed in feeds:
        table = by_key.get(same_feed_key(feed.url))
        if table is None:
            continue
        had = _feed_of(table).tags
        gained = tuple(tag for tag in dict.fromkeys(feed.tags) if tag not in had)
        if gained:
            _set_key(table, "tags", [*had, *gained])
        listed.append(Listed(feed, _feed_of(table), gained))
    document, added = _appended(document, tables, feeds)
    config_from_mapping(document.unwrap())
    _write(path, document)
    return added, listed


def _set_key(table: Any, key: str, value: Any) -> None:
    """Set a key of a table, a new one among its keys, not after the comments that follow
    them (the next section's)."""
    trailing = detach_trailing(table)
    table[key] = value
    end_with(table, trailing)


def _appended(
    document: Any, tables: Any, feeds: Sequence[FeedConfig]
) -> tuple[Any, list[FeedConfig]]:
    """The document with the feeds not already in ``tables`` (its ``[[feeds]]``, None when it
    has none) appended, and the feeds appended."""
    import tomlkit
    from tomlkit.items import Whitespace

    existing = {same_feed_key(str(table.get("url"))) for table in tables or []}
    added: list[FeedConfig] = []
    for feed in feeds:
        if same_feed_key(feed.url) not in existing:
            existing.add(same_feed_key(feed.url))
            added.append(feed)
    grown = bool(tables) and bool(added)  # tomlkit spaces out only the tables it made
    trailing = detach_trailing(tables[-1]) if grown else []
    if grown:
        tables[-1].value.append(None, Whitespace("\n"))
    placed = tomlkit.aot() if tables is None else tables
    for number, feed in enumerate(added, 1):
        table = _table_of(feed)
        if grown and number < len(added):
            table.value.append(None, Whitespace("\n"))
        placed.append(table)
    if grown:  # the comments that opened the next section follow the feeds again
        end_with(tables[-1], trailing)
    elif added and tables is None:
        document = place_first_tables(document, placed)
    return document, added


def _table_of(feed: FeedConfig) -> Any:
    import tomlkit

    table = tomlkit.table()
    table["url"] = feed.url
    if feed.name:
        table["name"] = feed.name
    if feed.tags:
        table["tags"] = list(feed.tags)
    if not feed.enabled:  # (an imported list keeps its disabled feeds disabled)
        table["enabled"] = False
    if feed.topic != AUTO:
        table["topic"] = feed.topic
    return table


def _feed_of(table: Any) -> FeedConfig:
    return FeedConfig(
        url=str(table.get("url", "")),
        name=str(table.get("name", "")),
        tags=tuple(str(tag) for tag in table.get("tags", [])),
        enabled=bool(table.get("enabled", True)),
        topic=str(table.get("topic", AUTO)).lower(),
    )


@_one_edit_at_a_time
def edit_feed(
    path: Path,
    url_or_name: str,
    *,
    url: str | None = None,
    name: str | None = None,
    tags: Sequence[str] | None = None,
    enabled: bool | None = None,
    topic: str | None = None,
    around_write: Callable[[FeedConfig, FeedConfig], AbstractContextManager[object]] | None = None,
) -> tuple[FeedConfig, FeedConfig]:
    """Change one feed's URL, name, tags, enabled state or topic in place (comments kept); returns
    the feed before and after. An empty name or tag list removes the key; enabled is written only
    as ``enabled = false``, the topic only when not "auto". ``around_write(before, after)``: a
    context the file is written in (the store's transaction moving the feed's items to its new
    URL: undone if the write fails)."""
    document = _load_document(path)
    tables = document.get("feeds") or []
    table = tables[find_feed(tables, url_or_name, path)]
    before = _feed_of(table)
    if url is not None and url != before.url:
        if any(same_feed_key(str(other.get("url"))) == same_feed_key(url) for other in tables):
            raise UsageError(f"{url} is already in the feed list")
        table["url"] = url
    others = [other for other in tables if other is not table]
    if (
        name
        and name.casefold() != before.name.casefold()
        and any(str(o.get("name", "")).casefold() == name.casefold() for o in others)
    ):
        raise UsageError(
            f"another feed is already named {name!r}",
            hint="give this one a name of its own (feeds are told apart by name too)",
        )
    for key, value in (("name", name), ("tags", None if tags is None else list(tags))):
        if value is None:
            continue
        if value:
            _set_key(table, key, value)
        elif key in table:
            del table[key]
    if enabled is not None:
        if enabled and "enabled" in table:
            del table["enabled"]
        elif not enabled:
            _set_key(table, "enabled", False)
    if topic is not None:
        if topic != AUTO:
            _set_key(table, "topic", topic)
        elif "topic" in table:
            del table["topic"]
    config_from_mapping(document.unwrap())
    after = _feed_of(table)
    with around_write(before, after) if around_write else contextlib.nullcontext():
        _write(path, document)
    return before, after


@_one_edit_at_a_time
def remove_feeds(path: Path, urls_or_names: list[str]) -> list[FeedConfig]:
    """Remove these feeds (each by URL or name) from the list, each once; none when one of
    them is not in it (the error names it)."""
    from tomlkit.items import AoT

    document = _load_document(path)
    tables = document.get("feeds") or []
    found = sorted({find_feed(tables, wanted, path) for wanted in urls_or_names})
    removed = [_feed_of(tables[index]) for index in found]
    for index in reversed(found):  # from the last: the indices before it stay
        tables = document["feeds"]
        if isinstance(tables, AoT):  # its comments, and the next section's, stay
            document = remove_table(document, tables, index)
        else:
            del tables[index]
    _write(path, document)
    return removed
