"""Commands that show what autonews knows, without a digest: `read` (one article), `stats`
(counts over time from the store), `makers` (the automakers known), and `demo` (the whole
pipeline offline on built-in sample feeds)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from autonews.cli.context import environment, load_config, tell_of_feeds, with_progress
from autonews.cli.options import (
    EVENT_HELP,
    GROUPINGS,
    ColorOption,
    ConfigOption,
    check_choice,
    check_language,
    digest_formats,
    event_slugs,
    format_option,
)
from autonews.errors import UsageError


def read(
    url_or_id: Annotated[
        str,
        typer.Argument(
            metavar="URL_OR_ID",
            help="An article URL, or a story id (shown beside each story's link in a digest).",
        ),
    ],
    fmt: Annotated[str, format_option("text, markdown or json.")] = "text",
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            metavar="TAG",
            help="For a story id: the source a digest with this --language shows (en, zh...).",
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Show one article's extracted body (fetched and cached if needed). For a story id, its
    link's page, or where that has no text (an outlet's 403, a paywall) another source's."""
    from autonews.reader import read_article
    from autonews.render.article import render_article
    from autonews.timeparse import reader_zone

    check_choice("--format", fmt, ["text", "markdown", "json"])
    check_language(language)
    cfg = load_config(config, {"digest": {"language": language}})
    reading = read_article(cfg, url_or_id)
    if reading.note:  # another source's page than the story's link: said beside, not in it
        typer.echo(f"autonews: {reading.note}", err=True)
    zone = reader_zone(cfg.digest.timezone)  # its date in the reader's zone, as the digest's
    sys.stdout.write(render_article(reading.article, fmt, zone))


def stats(
    since: Annotated[
        str, typer.Option(metavar="WINDOW", help="Window: 30d, 12w, a date, or all.")
    ] = "30d",
    by: Annotated[
        str, typer.Option("--by", metavar="maker|group|event", help="maker, group or event.")
    ] = "maker",
    event: Annotated[
        str | None,
        typer.Option("--event", metavar="EVENT", help=f"Only this event type: {EVENT_HELP}"),
    ] = None,
    maker: Annotated[
        list[str] | None,
        typer.Option("--maker", metavar="MAKER", help="Only this brand or group (repeatable)."),
    ] = None,
    fmt: Annotated[str, format_option("terminal or json (json: every row, always).")] = "terminal",
    all_rows: Annotated[
        bool,
        typer.Option("--all", help="Draw every row, not only the top 15 (then: '… and 6 more')."),
    ] = False,
    config: ConfigOption = None,
    color: ColorOption = "auto",
) -> None:
    """Story counts over time from the store, drawn as bars (no fetching)."""
    import json
    from dataclasses import asdict, replace
    from datetime import UTC

    from autonews.classify.lookup import knowledge_for
    from autonews.deliver.output import terminal_options
    from autonews.digest import resolve_wanted_makers
    from autonews.render.stats_terminal import TOP, render_stats
    from autonews.stats import compute_stats, stored_stories, without_muted
    from autonews.store import Store
    from autonews.timeparse import parse_since, reader_zone, utcnow

    check_choice("--by", by, GROUPINGS)
    check_choice("--format", fmt, ["terminal", "json"])
    event = event_slugs("--event", [event])[0] if event else None
    env = environment(color)
    cfg = load_config(config)
    makers = resolve_wanted_makers(maker or (), knowledge_for(cfg.classify), "--maker", UsageError)
    now = utcnow()
    zone = reader_zone(cfg.digest.timezone)
    try:
        start = parse_since(since, now, zone)
    except ValueError as exc:
        raise UsageError(
            f"--since: {exc}", hint="a window such as 30d, 12w, a date (2026-11-01) or all"
        ) from None
    with Store.for_reading(cfg.paths.store_file) as store:
        stories, muted = without_muted(stored_stories(store, cfg, start, now), cfg.classify)
    result = replace(compute_stats(stories, start, now, by, event, zone, makers), muted=muted)
    if fmt == "json":
        document = asdict(result)
        for key in ("since", "until"):  # ISO 8601 in UTC, as the digest's JSON writes times
            document[key] = getattr(result, key).astimezone(UTC).isoformat(timespec="seconds")
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_stats(result, terminal_options(env), None if all_rows else TOP))


def makers(
    search: Annotated[
        str | None,
        typer.Option(
            help="Only makers whose name, group or country contains this, or that it names "
            "(any alias, any script: vw, 比亚迪)."
        ),
    ] = None,
) -> None:
    """List the automakers autonews knows, with their group and country."""
    from autonews.classify.knowledge_loading import default_knowledge
    from autonews.classify.lookup import search_makers

    knowledge = default_knowledge()
    found = search_makers(search, knowledge) if search else knowledge.makers
    for maker in sorted(found, key=lambda m: (m.group.lower(), m.name.lower())):
        typer.echo(f"{maker.name}\t{maker.group}\t{maker.country}")
    if search and not found:
        typer.echo(f"autonews: no maker matches {search!r}", err=True)


def demo(
    fmt: Annotated[
        str, format_option("terminal, text, markdown, html, json, jsonl, atom or slack.")
    ] = "terminal",
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Skip article extraction.")
    ] = False,
    color: ColorOption = "auto",
) -> None:
    """Run the whole pipeline offline against built-in sample feeds on a loopback server."""
    import tempfile

    from autonews.config import Config
    from autonews.deliver.digest import emit_digest
    from autonews.demo import demo_feeds, serve_demo
    from autonews.paths import Paths
    from autonews.pipeline import DigestOptions, make_digest
    from autonews.store import Store

    check_choice("--format", fmt, digest_formats())
    env = environment(color)
    with tempfile.TemporaryDirectory(prefix="autonews-demo-") as home, serve_demo() as base:
        root = Path(home)
        cfg = Config(paths=Paths(root, root / "data", root / "cache"))
        options = DigestOptions(feeds=demo_feeds(base), extract=not no_extract)
        with Store(cfg.paths.store_file) as store:
            run = with_progress(env, lambda progress: make_digest(store, cfg, options, progress))
    emit_digest(run.digest, fmt, None, env)
    tell_of_feeds(run.digest)
    # A new user's next step, and why the ids just shown lead nowhere in `autonews story`.
    typer.echo(
        "autonews: that was the demo, from a store deleted as it ended (its story ids are not "
        "in yours); your own feeds: `autonews feeds add URL`, then `autonews digest`",
        err=True,
    )


def companies(
    search: Annotated[
        str | None,
        typer.Option(
            help="Only companies whose name, role or country contains this, or that it names "
            "(any alias, any script: LGES, 宁德时代)."
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """List the companies autonews knows (suppliers, battery, chip, tech, charging...) with
    their role and country, "car industry" marking those whose own news is car news; your
    config's [[classify.companies]] too. `--company` takes any of them."""
    from autonews.classify.company_lookup import search_companies
    from autonews.classify.lookup import knowledge_for

    knowledge = knowledge_for(load_config(config).classify)
    found = search_companies(search, knowledge) if search else knowledge.companies
    for company in sorted(found, key=lambda c: c.name.casefold()):
        industry = "car industry" if company.automotive else ""
        typer.echo(f"{company.name}\t{company.role}\t{company.country}\t{industry}".rstrip("\t"))
    if search and not found:
        typer.echo(f"autonews: no company matches {search!r}", err=True)
