"""`autonews digest`: fetch, then deliver one digest, or several named ones from one fetch.

The work is the pipeline's (``collect`` once, ``select`` per digest) and delivery's
(``deliver_digest``: stories count as delivered only once the digest went out).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from autonews.cli.context import (
    debug_skipped_entries,
    debug_skipped_pages,
    environment,
    load_config,
    no_feeds_error,
    tell_of_a_new_store,
    tell_of_deliveries,
    with_progress,
)
from autonews.cli.digest_options import (
    NAME_FIELD,
    check_output,
    feed_option,
    named_digest,
    named_digest_models,
    named_options,
    tagged,
    with_maker_names,
)
from autonews.cli.mail_checks import check_addresses, check_mail_format, check_mail_setup
from autonews.cli.options import (
    EVENT_HELP,
    GROUPINGS,
    MODEL_HELP,
    STAGE_HELP,
    ColorOption,
    ConfigOption,
    check_choice,
    check_language,
    check_since,
    company_names,
    digest_formats,
    event_filters,
    format_option,
    tell_of_models_named_nowhere,
    wait_limit,
)
from autonews.errors import UsageError

if TYPE_CHECKING:
    pass


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
            "terminal, text, markdown, html, json, jsonl, atom or slack (default: "
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
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            metavar="TAG",
            help="Story titles in this language where a source offers it: en, zh; zh-TW or "
            "zh-HK puts Chinese in Traditional characters (default: [digest] language, then "
            "the locale).",
        ),
    ] = None,
    maker: Annotated[
        list[str] | None,
        typer.Option("--maker", metavar="MAKER", help="Only this brand or group (repeatable)."),
    ] = None,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            metavar="MODEL",
            help=MODEL_HELP,
        ),
    ] = None,
    company: Annotated[
        list[str] | None,
        typer.Option(
            "--company",
            metavar="COMPANY",
            help="Only stories naming this supplier, battery, chip or tech company, any alias: "
            "CATL, 宁德时代, Bosch (repeatable).",
        ),
    ] = None,
    event: Annotated[
        list[str] | None,
        typer.Option(
            "--event",
            metavar="EVENT",
            help=f"Only this event type (repeatable): {EVENT_HELP} {STAGE_HELP}",
        ),
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
    all_topics: Annotated[
        bool,
        typer.Option(
            "--all-topics",
            help='Also show stories not about cars, last, as "Other news" (default: they '
            "are left out and counted in the footer).",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file instead of stdout (a regular file atomically, a "
            "symlink's target, a device or FIFO written through; its folder must exist); "
            "without --format, in "
            "the format its extension names (.txt .md .html .json .jsonl .atom), else text. "
            "With several --name: {name} in it is each digest's name (digest-{name}.txt).",
        ),
    ] = None,
    email: Annotated[
        list[str] | None,
        typer.Option(
            "--email",
            metavar="ADDRESS",
            help="Mail the digest to this address (repeatable) using [email] "
            "in the config, instead of printing it (with -o, the file is written too).",
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
            "document with no stories; jsonl: its status line; atom: a feed with no entries; "
            "an -o file of another format is left as it was, quietly), exit 0, or 3 "
            "when a feed failed.",
        ),
    ] = False,
    no_mark: Annotated[
        bool,
        typer.Option(
            "--no-mark",
            help="With --new: print the new stories, but count them delivered only once "
            "`autonews ack ID...` says your script delivered them. Until [digest] ack_within "
            "(15m) has passed, other --new runs leave them to your script; then those not "
            "acknowledged are printed again.",
        ),
    ] = False,
    wait: Annotated[
        str | None,
        typer.Option(
            "--wait",
            metavar="[SECONDS]",
            help="If another run holds the store, wait for it instead of exiting (exit 4); "
            "with SECONDS (or a span: 10m), at most that long, then exit 4.",
            show_default=False,
        ),
    ] = None,
    color: ColorOption = "auto",
) -> None:
    """Fetch the feeds and print a digest of stories grouped by automaker and event."""
    from autonews.deliver.digest import Destination, deliver_each, readers_of
    from autonews.deliver.output import check_outputs, format_for_file
    from autonews.digest import Filters
    from autonews.lock import run_lock
    from autonews.model_filter import wanted_models
    from autonews.notices import audiences, told_audiences
    from autonews.pipeline import DigestOptions, collect, select
    from autonews.store import Store
    from autonews.timeparse import reader_zone

    check_choice("--format", fmt, digest_formats())
    group_by = group_by.lower() if group_by else group_by  # any case, as makers and tags are
    check_choice("--group-by", group_by, GROUPINGS)
    check_since(since)
    check_language(language)
    waiting = wait_limit(wait)
    events = event_filters("--event", event)
    exclude_events = event_filters("--exclude-event", exclude_event)
    both = sorted(set(events) & set(exclude_events))
    if both:
        raise UsageError(
            f"--event and --exclude-event both name {', '.join(both)}",
            hint="a story cannot be both shown and left out for its event",
        )
    check_addresses("--email", email or ())
    if no_mark and not new:
        raise UsageError(
            "--no-mark is for --new digests", hint="run `autonews digest --new --no-mark`"
        )
    cfg = load_config(
        config,
        {
            "digest": {
                "since": since,
                "group_by": group_by,
                "language": language,
                "all_topics": all_topics or None,
            }
        },
    )
    feeds = tuple(feed_option(f) for f in feed or ()) or cfg.active_feeds
    if tag:
        feeds = tagged(feeds, tag, () if feed else cfg.feeds)
    if not feeds:
        raise no_feeds_error(cfg)
    named = [named_digest(cfg, n) for n in name or ()]
    check_output(output, named, bool(named))  # -o: a file for mailed digests too
    # Everything a run could trip over later is checked now, before any network work.
    cfg, makers, named = with_maker_names(cfg, maker or (), named)
    models = wanted_models(cfg, model or ())
    named_models = {entry.name: named_digest_models(cfg, entry) for entry in named}
    companies = company_names(cfg.classify, company or ())
    options = DigestOptions(
        feeds=feeds,
        extract=not no_extract,
        offline=offline,
        new_only=new,
        hold=no_mark,
        filters=Filters(
            makers=makers,
            models=models,
            companies=companies,
            events=events,
            exclude_events=exclude_events,
            limit=limit,
        ),
    )
    file_fmt = format_for_file(output) if output is not None else None
    zone = reader_zone(cfg.digest.timezone)
    to = Destination(fmt or file_fmt or "terminal", output, tuple(email or ()), dry_run, zone)
    runs = [(options, to)] if not named else []
    for entry in named:
        named_fmt = fmt or entry.format or file_fmt or "text"
        named_output = Path(str(output).replace(NAME_FIELD, entry.name)) if output else None
        named_to = replace(to, fmt=named_fmt, output=named_output, email=tuple(email or entry.to))
        runs.append((named_options(options, entry, named_models[entry.name]), named_to))
    check_mail_setup(cfg, [destination for _, destination in runs])
    check_outputs(d.output for _, d in runs if d.output and not d.dry_run)  # before the fetch
    check_mail_format(fmt, [destination for _, destination in runs])
    env = environment(color)
    terminal = env.stdout_isatty
    readers = [reader for _, to in runs for reader in readers_of(to, terminal)]
    told = replace(options, audiences=audiences(readers))
    existed = cfg.paths.store_file.exists()
    with run_lock(cfg.paths.data_dir, wait=waiting), Store(cfg.paths.store_file) as store:
        tell_of_a_new_store(store, cfg, existed)
        channels = [run_options.channel for run_options, _ in runs]
        collection = with_progress(
            env, lambda progress: collect(store, cfg, told, progress, channels)
        )
        for flip in collection.car_feed_flips:  # said once: the run remembered it
            typer.echo(f"autonews: {flip}", err=True)
        debug_skipped_entries(collection.health)
        debug_skipped_pages(collection.skipped_pages)
        outcome = deliver_each(
            runs, lambda o: select(store, cfg, collection, o), store, cfg.email, env
        )
        collection.remember_reported(store, told_audiences(told.audiences, outcome.readers))
    assert outcome.digest is not None  # a run makes one digest at least
    last = named[-1].name if named else ""  # the outcome's digest is the last one made
    tell_of_models_named_nowhere(outcome.digest, models + named_models.get(last, ()))
    tell_of_deliveries(outcome, offline, at_terminal=env.stderr_isatty)
