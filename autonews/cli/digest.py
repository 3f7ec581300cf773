"""`autonews digest`: fetch, then deliver one digest, or several named ones from one fetch.

The work is the pipeline's (``collect`` once, ``select`` per digest) and delivery's
(``deliver_digest``: stories count as delivered only once the digest went out).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from autonews.cli.context import environment, exit_if_feeds_failed, load_config, with_progress
from autonews.cli.options import (
    GROUPINGS,
    ColorOption,
    ConfigOption,
    check_choice,
    check_events,
    digest_formats,
    format_option,
)
from autonews.errors import UsageError

if TYPE_CHECKING:
    from autonews.config import Config, NamedDigest
    from autonews.pipeline import DigestOptions


def digest(
    feed: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            metavar="URL_OR_PATH",
            help="Feed URL or file path (repeatable); replaces the config's feeds.",
        ),
    ] = None,
    config: ConfigOption = None,
    fmt: Annotated[
        str | None,
        format_option(
            "terminal, text, markdown, html, json, jsonl or atom (default: "
            "terminal; with -o, the file's extension; a named digest's own format)."
        ),
    ] = None,
    name: Annotated[
        list[str] | None,
        typer.Option(
            "--name",
            metavar="NAME",
            help="A [[digests]] entry of the config (repeatable): each is "
            "filtered and delivered on its own, from one fetch.",
        ),
    ] = None,
    no_extract: Annotated[
        bool,
        typer.Option(
            "--no-extract", help="Do not fetch article pages; summaries come from the feeds."
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="WINDOW",
            help="Window: 48h, 7d, 2026-11-01 or all (default: [digest] since, 48h).",
        ),
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Render from the store without any network.")
    ] = False,
    group_by: Annotated[
        str | None,
        typer.Option("--group-by", metavar="maker|group|event", help="maker, group or event."),
    ] = None,
    maker: Annotated[
        list[str] | None,
        typer.Option("--maker", metavar="MAKER", help="Only this brand or group (repeatable)."),
    ] = None,
    event: Annotated[
        list[str] | None,
        typer.Option("--event", metavar="EVENT", help="Only this event type (repeatable)."),
    ] = None,
    exclude_event: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude-event", metavar="EVENT", help="Leave out this event type (repeatable)."
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="TAG", help="Only feeds with this tag (repeatable)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(metavar="N", help="At most this many stories.", min=1)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (atomically) instead of stdout; without --format, in "
            "the format its extension names (.txt .md .html .json .jsonl), else text.",
        ),
    ] = None,
    email: Annotated[
        list[str] | None,
        typer.Option(
            "--email",
            metavar="ADDRESS",
            help="Mail the digest to this address (repeatable) using [email] "
            "in the config, instead of printing it.",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="With --email: print the message (.eml) instead of sending it."
        ),
    ] = False,
    new: Annotated[
        bool,
        typer.Option(
            "--new",
            help="Only stories not delivered by an earlier --new digest; they are marked "
            "delivered once this digest is written. Nothing new: no output (json: a "
            "document with no stories; jsonl: no lines), exit 0.",
        ),
    ] = False,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait", help="If another run holds the store, wait for it instead of exiting."
        ),
    ] = False,
    color: ColorOption = "auto",
) -> None:
    """Fetch the feeds and print a digest of stories grouped by automaker and event."""
    from autonews.config import FeedConfig
    from autonews.deliver.digest import Destination, deliver_digest
    from autonews.deliver.output import format_for_file
    from autonews.digest import Filters
    from autonews.lock import run_lock
    from autonews.pipeline import DigestOptions, collect, select
    from autonews.store import Store
    from autonews.timeparse import reader_zone

    check_choice("--format", fmt, digest_formats())
    check_choice("--group-by", group_by, GROUPINGS)
    check_events(event, exclude_event)
    cfg = load_config(config, {"digest": {"since": since, "group_by": group_by}})
    feeds = tuple(FeedConfig(url=f) for f in feed or ()) or cfg.feeds
    if tag:
        feeds = tuple(f for f in feeds if set(tag) & set(f.tags))
    if not feeds:
        raise UsageError(
            "no feeds to read",
            hint="pass --feed URL, or add feeds with "
            "`autonews feeds add URL` (see config.example.toml)",
        )
    options = DigestOptions(
        feeds=feeds,
        extract=not no_extract,
        offline=offline,
        new_only=new,
        filters=Filters(
            makers=tuple(maker or ()),
            events=tuple(event or ()),
            exclude_events=tuple(exclude_event or ()),
            limit=limit,
        ),
    )
    env = environment(color)
    file_fmt = format_for_file(output) if output is not None else None
    zone = reader_zone(cfg.digest.timezone)
    to = Destination(fmt or file_fmt or "terminal", output, tuple(email or ()), dry_run, zone)
    named = [_named_digest(cfg, n) for n in name or ()]
    with run_lock(cfg.paths.data_dir, wait=wait), Store(cfg.paths.store_file) as store:
        collection = with_progress(env, lambda progress: collect(store, cfg, options, progress))
        if not named:
            run = select(store, cfg, collection, options)
            deliver_digest(run, store, cfg.email, to, env)
        for entry in named:
            run = select(store, cfg, collection, _named_options(options, entry))
            named_fmt = fmt or entry.format or file_fmt or "text"
            named_to = replace(to, fmt=named_fmt, email=tuple(email or entry.to))
            deliver_digest(run, store, cfg.email, named_to, env)
    exit_if_feeds_failed(run.digest)


def _named_digest(cfg: Config, name: str) -> NamedDigest:
    for entry in cfg.digests:
        if entry.name == name:
            return entry
    known = ", ".join(d.name for d in cfg.digests) or "none"
    raise UsageError(f"no [[digests]] entry named {name!r}", hint=f"configured digests: {known}")


def _named_options(options: DigestOptions, entry: NamedDigest) -> DigestOptions:
    """A [[digests]] entry's filters add to the command line's; its name is its --new channel."""
    filters = replace(
        options.filters,
        makers=options.filters.makers + entry.makers,
        events=options.filters.events + entry.events,
        exclude_events=options.filters.exclude_events + entry.exclude_events,
        tags=options.filters.tags + entry.tags,
    )
    return replace(options, filters=filters, channel=entry.name)
