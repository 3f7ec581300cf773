"""`autonews feeds ...`: the feed list, kept in the config file's [[feeds]] tables (edited by
``feedlist``, comments and layout kept), its health, discovery of a site's feed (``discover``),
and OPML import and export."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from autonews.cli.context import load_config, no_progress
from autonews.cli.feed_discovery import discovered, quoted_name
from autonews.cli.options import ConfigOption
from autonews.errors import ExitStatus, StoreLockedError, UsageError

if TYPE_CHECKING:
    from autonews.config import FeedConfig

app = typer.Typer(
    help="List, add, edit, rename, disable, remove, check, import and export feeds.",
    no_args_is_help=True,
)

# What a feed is about, for `feeds add` and `feeds edit`.
TopicOption = Annotated[
    str | None,
    typer.Option(
        metavar="TOPIC",
        help='What the feed is about: "cars" (every item car news unless its words say '
        'otherwise: a supplier\'s newswire), "mixed" (never read as a car feed: a finance '
        'or market feed), "community" (users\' posts: a subreddit, a forum; they join news '
        'stories as discussion, never stand alone) or "auto" (judged from its items).',
    ),
]


@app.command("list")
def feeds_list(config: ConfigOption = None) -> None:
    """List the configured feeds: status, last success, items kept, tags, topic (and whether
    autonews reads the feed as a car feed), URL and error; then the feeds that moved for good,
    with the command that updates the list, and those in a language autonews does not read."""
    from autonews.classify.knowledge_loading import default_knowledge
    from autonews.classify.unread import LATEST, unread_language
    from autonews.labels import feeds_judged
    from autonews.render.feeds_table import FeedRow, feeds_table
    from autonews.store import Store
    from autonews.timeparse import reader_zone, utcnow

    cfg = load_config(config)
    if not cfg.feeds:
        typer.echo("No feeds configured. Add one with `autonews feeds add URL`.", err=True)
        return
    with Store.for_reading(cfg.paths.store_file) as store:
        counts = store.item_counts()
        judged = feeds_judged(store, cfg)
        titles = store.latest_titles([feed.url for feed in cfg.feeds], LATEST)
        knowledge = default_knowledge() if any(titles.values()) else None
        rows = [
            FeedRow(
                feed,
                health,
                counts.get(feed.url, 0),
                judged.get(feed.url),
                unread_language(titles[feed.url], knowledge) if knowledge else "",
            )
            for health, feed in zip(store.feed_health(cfg.feeds), cfg.feeds, strict=True)
        ]
    sys.stdout.write(feeds_table(rows, utcnow(), reader_zone(cfg.digest.timezone)))


@app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="Feed URL, a site page linking its feed, or a file.")],
    name: Annotated[str, typer.Option(help="Display name (default: the feed's own title).")] = "",
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag",
            "--tags",
            metavar="TAG",
            help="Tag (repeatable; --tags a,b gives several, comma-separated).",
        ),
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Add the URL as given, without fetching it.")
    ] = False,
    topic: TopicOption = None,
    config: ConfigOption = None,
) -> None:
    """Add a feed to the config file (comments and layout are kept). The URL is fetched first:
    a site's page gives the feed it links, and the feed's title is its name."""
    from autonews.config import FeedConfig
    from autonews.config_file import config_file_to_edit
    from autonews.feedlist import add_feeds, checked_feed

    chosen = "auto" if topic is None else _checked_topic(topic)
    feed, note = checked_feed(FeedConfig(url=url, name=name, tags=split_tags(tag), topic=chosen))
    if note:
        typer.echo(f"autonews: {note}", err=True)
    path = config_file_to_edit(config)
    if not offline:
        feed = discovered(feed, path, decide_topic=topic is None)
    added = add_feeds(path, [feed])
    named = f" as {quoted_name(feed.name)}" if feed.name and added else ""
    typer.echo(f"{'added' if added else 'already listed'}: {feed.url}{named} ({path})")


@app.command("remove")
def feeds_remove(
    urls_or_names: Annotated[
        list[str], typer.Argument(metavar="URL_OR_NAME...", help="The feeds' URLs or names.")
    ],
    config: ConfigOption = None,
) -> None:
    """Remove feeds from the config file: all those named, or none when one is not listed."""
    from autonews.config_file import config_file_to_edit
    from autonews.feedlist import remove_feeds

    for removed in remove_feeds(config_file_to_edit(config), urls_or_names):
        typer.echo(f"removed: {removed.label}")


def _say_changed(before: FeedConfig, after: FeedConfig) -> None:
    changes = [
        f"{what} {old!r} -> {new!r}"
        for what, old, new in (
            ("url", before.url, after.url),
            ("name", before.name, after.name),
            ("tags", ", ".join(before.tags), ", ".join(after.tags)),
            ("topic", before.topic, after.topic),
        )
        if old != new
    ]
    if before.enabled != after.enabled:
        changes.append("enabled" if after.enabled else "disabled (kept in the list, not fetched)")
    typer.echo(f"{after.label}: {'; '.join(changes) or 'unchanged'}")


@app.command("edit")
def feeds_edit(
    url_or_name: Annotated[str, typer.Argument(help="The feed's URL or name.")],
    url: Annotated[str | None, typer.Option(help="A new URL.")] = None,
    name: Annotated[str | None, typer.Option(help="A new name (empty: none).")] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag",
            "--tags",
            metavar="TAG",
            help=(
                "Replace the tags with these (repeatable; --tags a,b, comma-separated). "
                '--tags "" gives none, as --no-tags does (as --name "" gives no name).'
            ),
        ),
    ] = None,
    no_tags: Annotated[
        bool, typer.Option("--no-tags", help='Remove every tag (the same as --tags "").')
    ] = False,
    offline: Annotated[
        bool, typer.Option("--offline", help="Set the new URL as given, without fetching it.")
    ] = False,
    topic: TopicOption = None,
    config: ConfigOption = None,
) -> None:
    """Change a feed's URL, name, tags or topic in the config file. A new URL is fetched first, as
    `feeds add` fetches it; the feed's stored items move with it."""
    from autonews.config import FeedConfig
    from autonews.config_file import config_file_to_edit
    from autonews.feedlist import checked_feed, edit_feed

    if url is None and name is None and tag is None and not no_tags and topic is None:
        raise UsageError(
            "nothing to change", hint="give --url, --name, --tag, --no-tags or --topic"
        )
    chosen = None if topic is None else _checked_topic(topic)
    path = config_file_to_edit(config)
    if url is not None:  # checked as `feeds add` checks it, before the file is touched
        checked, note = checked_feed(FeedConfig(url=url))
        if note:
            typer.echo(f"autonews: {note}", err=True)
        url = checked.url if offline else discovered(checked, path, "set").url
    tags = () if no_tags else (None if tag is None else split_tags(tag))
    _say_changed(
        *edit_feed(
            path,
            url_or_name,
            url=url,
            name=name,
            tags=tags,
            topic=chosen,
            around_write=_history_moved,
        )
    )


def _checked_topic(topic: str) -> str:
    """A --topic value, as the config file takes it; a usage error otherwise."""
    from autonews.config import feed_topic
    from autonews.errors import ConfigError

    try:
        return feed_topic("--topic", topic)
    except ConfigError as exc:
        raise UsageError(f"--topic {topic!r} is not a feed topic", hint=exc.hint) from None


@contextlib.contextmanager
def _history_moved(before: FeedConfig, after: FeedConfig) -> Iterator[None]:
    """A feed given a new URL keeps its stored items, stories and delivered marks: they are
    moved in a transaction that commits only once the config file is written. A digest running
    now would store the feed's items under the old URL meanwhile: the edit waits for none."""
    from autonews.lock import run_lock
    from autonews.paths import resolve_paths
    from autonews.render.common import plural
    from autonews.store import Store

    paths = resolve_paths()
    if before.url == after.url or not paths.store_file.exists():
        yield
        return
    try:
        with run_lock(paths.data_dir), Store(paths.store_file) as store, store.transaction():
            moved = store.move_feed(before.url, after.url)
            yield
    except StoreLockedError:
        raise StoreLockedError(
            "another autonews run is using the store; the feed list is unchanged",
            hint="edit the feed again once that run has finished (its stored items move "
            "with its URL)",
        ) from None
    if moved:
        typer.echo(f"its {plural(moved, 'stored item')} now belong to {after.url}")


@app.command("rename")
def feeds_rename(
    url_or_name: Annotated[str, typer.Argument(help="The feed's URL or name.")],
    new_name: Annotated[str, typer.Argument(help="Its new name.")],
    config: ConfigOption = None,
) -> None:
    """Give a feed a new name."""
    from autonews.config_file import config_file_to_edit
    from autonews.feedlist import edit_feed

    if not new_name.strip():  # a nameless feed is shown by its URL: a deliberate edit's job
        raise UsageError(
            f"the new name of {url_or_name!r} is empty",
            hint=f"give a name; to remove the name: autonews feeds edit {url_or_name!r} --name ''",
        )
    _say_changed(*edit_feed(config_file_to_edit(config), url_or_name, name=new_name))


@app.command("disable")
def feeds_disable(
    url_or_name: Annotated[str, typer.Argument(help="The feed's URL or name.")],
    config: ConfigOption = None,
) -> None:
    """Stop fetching a feed, keeping it in the list (`enabled = false`)."""
    from autonews.config_file import config_file_to_edit
    from autonews.feedlist import edit_feed

    _say_changed(*edit_feed(config_file_to_edit(config), url_or_name, enabled=False))


@app.command("enable")
def feeds_enable(
    url_or_name: Annotated[str, typer.Argument(help="The feed's URL or name.")],
    config: ConfigOption = None,
) -> None:
    """Fetch a disabled feed again."""
    from autonews.config_file import config_file_to_edit
    from autonews.feedlist import edit_feed

    _say_changed(*edit_feed(config_file_to_edit(config), url_or_name, enabled=True))


@app.command("check")
def feeds_check(config: ConfigOption = None) -> None:
    """Fetch every enabled feed now and report its health, and where it moved for good (exit 3
    when some fail, 5 when all do)."""
    from autonews.lock import run_lock
    from autonews.pipeline import refresh_feeds
    from autonews.render.feeds_table import check_lines
    from autonews.store import Store
    from autonews.timeparse import utcnow

    cfg = load_config(config)
    if not cfg.active_feeds:  # nothing to report is said, not left to a blank output
        off = len(cfg.feeds)
        typer.echo(
            f"No enabled feeds to check ({off} disabled: `autonews feeds enable NAME`)."
            if off
            else "No feeds configured. Add one with `autonews feeds add URL`.",
            err=True,
        )
        return
    with run_lock(cfg.paths.data_dir), Store(cfg.paths.store_file) as store:
        health = refresh_feeds(store, cfg.active_feeds, cfg, utcnow(), no_progress)
    typer.echo(check_lines(health), nl=False)
    failed = sum(f.status.failed for f in health)
    if failed:
        raise typer.Exit(ExitStatus.FEEDS_FAILED)


@app.command("import")
def feeds_import(
    opml: Annotated[Path, typer.Argument(help="An OPML file; nested outlines become tags.")],
    config: ConfigOption = None,
) -> None:
    """Import feeds from an OPML file into the config file."""
    from autonews.config_file import config_file_to_edit
    from autonews.feedlist import checked_feed, import_feeds
    from autonews.opml import import_summary, parse_opml

    try:
        data = opml.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {str(opml)!r}: {exc.strerror}") from None
    outlines = parse_opml(data)
    for unusable in outlines.unusable:
        typer.echo(f"autonews: skipped {unusable.label!r}: {unusable.reason}", err=True)
    feeds, skipped = [], len(outlines.unusable)
    for outline in outlines.feeds:
        try:
            feed, note = checked_feed(outline)
        except UsageError as exc:  # one bad outline is skipped, named; the others go in
            typer.echo(f"autonews: skipped {outline.label!r}: {exc.message}", err=True)
            skipped += 1
            continue
        if note:
            typer.echo(f"autonews: {outline.label!r}: {note}", err=True)
        feeds.append(feed)
    for duplicate in outlines.duplicates:  # its folder is one more tag of the earlier one's
        typer.echo(
            f"autonews: {duplicate.label!r}: a duplicate of an earlier outline ({duplicate.url}); "
            "its folder and categories are that feed's tags too",
            err=True,
        )
    added, listed = import_feeds(config_file_to_edit(config), feeds)
    for known in listed:
        gained = f"; tags added: {', '.join(known.tags_added)}" if known.tags_added else ""
        written = f"{known.imported.label!r} ({known.imported.url})"
        typer.echo(
            f"autonews: {written} is already in the list as {known.feed.label!r}{gained}",
            err=True,
        )
    typer.echo(import_summary(opml, outlines, skipped, added, listed))


@app.command("export")
def feeds_export(config: ConfigOption = None) -> None:
    """Print the feeds as OPML 2.0: a feed's first tag is its folder, all tags its categories."""
    from autonews.opml import to_opml

    sys.stdout.write(to_opml(load_config(config).feeds))


def split_tags(values: list[str] | None) -> tuple[str, ...]:
    """The tags ``--tag``/``--tags`` give: each value one tag or several, comma-separated
    ("--tags politics,en", trial 47), blanks dropped, each once."""
    tags = (part.strip() for value in values or () for part in value.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))
