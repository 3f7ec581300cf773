"""`autonews feeds ...`: the feed list, kept in the config file's [[feeds]] tables (edited by
``feedlist``, comments and layout kept), its health, and OPML import and export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from autonews.cli.context import load_config, no_progress
from autonews.cli.options import ConfigOption
from autonews.errors import ExitStatus, UsageError

app = typer.Typer(help="List, add, remove, check, import and export feeds.", no_args_is_help=True)


@app.command("list")
def feeds_list(config: ConfigOption = None) -> None:
    """List the configured feeds with their last known health."""
    from autonews.store import Store

    cfg = load_config(config)
    if not cfg.feeds:
        typer.echo("No feeds configured. Add one with `autonews feeds add URL`.", err=True)
        return
    with Store(cfg.paths.store_file) as store:
        for health, feed in zip(store.feed_health(cfg.feeds), cfg.feeds, strict=True):
            tags = f" [{', '.join(feed.tags)}]" if feed.tags else ""
            state = health.status.value if health.error != "never fetched" else "never fetched"
            typer.echo(f"{feed.label}{tags}\t{feed.url}\t{state}")


@app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="Feed URL or file path.")],
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    tag: Annotated[
        list[str] | None, typer.Option("--tag", metavar="TAG", help="Tag (repeatable).")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Add a feed to the config file (comments and layout are kept)."""
    from autonews.config import FeedConfig, config_file_to_edit
    from autonews.feedlist import add_feeds, checked_feed

    feed, note = checked_feed(FeedConfig(url=url, name=name, tags=tuple(tag or ())))
    if note:
        typer.echo(f"autonews: {note}", err=True)
    path = config_file_to_edit(config)
    added = add_feeds(path, [feed])
    typer.echo(f"{'added' if added else 'already listed'}: {feed.url} ({path})")


@app.command("remove")
def feeds_remove(
    url_or_name: Annotated[str, typer.Argument(help="The feed's URL or name.")],
    config: ConfigOption = None,
) -> None:
    """Remove a feed from the config file."""
    from autonews.config import config_file_to_edit
    from autonews.feedlist import remove_feed

    removed = remove_feed(config_file_to_edit(config), url_or_name)
    typer.echo(f"removed: {removed.label}")


@app.command("check")
def feeds_check(config: ConfigOption = None) -> None:
    """Fetch every feed now and report its health (exit 3 when some fail)."""
    from autonews.lock import run_lock
    from autonews.pipeline import refresh_feeds
    from autonews.render.common import plural
    from autonews.store import Store
    from autonews.timeparse import utcnow

    cfg = load_config(config)
    with run_lock(cfg.paths.data_dir), Store(cfg.paths.store_file) as store:
        health = refresh_feeds(store, cfg.feeds, cfg, utcnow(), no_progress)
    for feed in health:
        detail = feed.error or (plural(feed.items, "item") if feed.status.value == "ok" else "")
        http = f" HTTP {feed.http_status}" if feed.http_status else ""
        typer.echo(f"{feed.status.value:<12}{http:>9}  {feed.name}  {detail}")
    if any(f.status.value == "error" for f in health):
        raise typer.Exit(ExitStatus.FEEDS_FAILED)


@app.command("import")
def feeds_import(
    opml: Annotated[Path, typer.Argument(help="An OPML file; nested outlines become tags.")],
    config: ConfigOption = None,
) -> None:
    """Import feeds from an OPML file into the config file."""
    from autonews.config import config_file_to_edit
    from autonews.feedlist import add_feeds, checked_feed, parse_opml

    try:
        data = opml.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {str(opml)!r}: {exc.strerror}") from None
    feeds, skipped = [], 0
    for outline in parse_opml(data):
        try:
            feed, note = checked_feed(outline)
        except UsageError as exc:  # one bad outline is skipped, named; the others go in
            typer.echo(f"autonews: skipped {outline.label!r}: {exc.message}", err=True)
            skipped += 1
            continue
        if note:
            typer.echo(f"autonews: {outline.label!r}: {note}", err=True)
        feeds.append(feed)
    added = add_feeds(config_file_to_edit(config), feeds)
    unread = f", {skipped} skipped" if skipped else ""
    total = len(feeds) + skipped
    typer.echo(f"imported {len(added)} new feed(s) of {total} in {opml}{unread}")


@app.command("export")
def feeds_export(config: ConfigOption = None) -> None:
    """Print the feeds as OPML 2.0 (tags become categories)."""
    from autonews.feedlist import to_opml

    sys.stdout.write(to_opml(load_config(config).feeds))
