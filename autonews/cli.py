"""The command line: thin typer commands over the core modules.

Errors are AutonewsError subclasses raised where things go wrong and turned into a message and
an exit code here, once (see ``main``). Heavy modules are imported inside the commands so that
``autonews --help`` stays instant.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from autonews.errors import AutonewsError, ExitStatus, UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from autonews.config import Config, NamedDigest
    from autonews.deliver.environment import Environment
    from autonews.models import Digest
    from autonews.pipeline import DigestOptions, Progress

T = TypeVar("T")

app = typer.Typer(
    name="autonews",
    help="Car-industry news digests: fetch your feeds, extract the articles, and group the "
    "stories by automaker and by what happened (recalls, launches, deals, regulation...).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
feeds_app = typer.Typer(
    help="List, add, remove, check, import and export feeds.", no_args_is_help=True
)
app.add_typer(feeds_app, name="feeds")

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="TOML config file (default: $AUTONEWS_CONFIG, then "
        "the user config dir's config.toml).",
        show_default=False,
    ),
]
_DEBUG = False


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug
    if version:
        from autonews import __version__

        typer.echo(f"autonews {__version__}")
        raise typer.Exit()


def _config(path: Path | None, flags: dict[str, dict[str, Any]] | None = None) -> Config:
    from autonews.config import load_config

    return load_config(path, flags)


def _progress() -> tuple[Progress, Any]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise (cron, pipes)."""
    if not sys.stderr.isatty():
        return (lambda stage, done, total: None), None
    from autonews.render.progress import progress_bar

    return progress_bar()


def _env() -> Environment:
    from autonews.deliver.environment import Environment

    return Environment.from_os()


def _emit(digest: Digest, fmt: str, output: Path | None) -> None:
    from autonews.deliver.digest import emit_digest

    emit_digest(digest, fmt, output, _env())


def _exit_for(digest: Digest) -> None:
    if digest.failed_feeds:
        names = ", ".join(f.name or f.url for f in digest.failed_feeds)
        typer.echo(f"autonews: {len(digest.failed_feeds)} feed(s) failed: {names}", err=True)
        raise typer.Exit(ExitStatus.FEEDS_FAILED)


@app.command()
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
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="terminal, text, markdown, html, json or jsonl (default: "
            "terminal; a named digest's own format).",
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
            help="Write to this file (atomically) instead of stdout.",
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
            "delivered once this digest is written. Nothing new: no output, exit 0.",
        ),
    ] = False,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait", help="If another run holds the store, wait for it instead of exiting."
        ),
    ] = False,
) -> None:
    """Fetch the feeds and print a digest of stories grouped by automaker and event."""
    from dataclasses import replace

    from autonews.config import FeedConfig
    from autonews.digest import Filters
    from autonews.pipeline import DigestOptions, collect, select
    from autonews.render import Format
    from autonews.store import Store, run_lock

    _check_choice("--format", fmt, [f.value for f in Format])
    _check_choice("--group-by", group_by, ["maker", "group", "event"])
    _check_events(event, exclude_event)
    flags = {"digest": {"since": since, "group_by": group_by}}
    cfg = _config(
        config, {k: {a: b for a, b in v.items() if b is not None} for k, v in flags.items()}
    )
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
    from autonews.deliver.digest import Destination, deliver_digest

    env = _env()
    to = Destination(fmt or "terminal", output, tuple(email or ()), dry_run)
    named = [_named_digest(cfg, n) for n in name or ()]
    with run_lock(cfg.paths.data_dir, wait=wait), Store(cfg.paths.store_file) as store:
        collection = _with_progress(lambda progress: collect(store, cfg, options, progress))
        if not named:
            run = select(store, cfg, collection, options)
            deliver_digest(run, store, cfg.email, to, env)
        for entry in named:
            run = select(store, cfg, collection, _named_options(options, entry))
            named_to = replace(to, fmt=fmt or entry.format, email=tuple(email or entry.to))
            deliver_digest(run, store, cfg.email, named_to, env)
    _exit_for(run.digest)


def _named_digest(cfg: Config, name: str) -> NamedDigest:
    for entry in cfg.digests:
        if entry.name == name:
            return entry
    known = ", ".join(d.name for d in cfg.digests) or "none"
    raise UsageError(f"no [[digests]] entry named {name!r}", hint=f"configured digests: {known}")


def _named_options(options: DigestOptions, entry: NamedDigest) -> DigestOptions:
    from dataclasses import replace

    filters = replace(
        options.filters,
        makers=options.filters.makers + entry.makers,
        events=options.filters.events + entry.events,
        exclude_events=options.filters.exclude_events + entry.exclude_events,
        tags=options.filters.tags + entry.tags,
    )
    return replace(options, filters=filters, channel=entry.name)


def _with_progress(work: Callable[[Progress], T]) -> T:
    progress, bar = _progress()
    if bar is None:
        return work(progress)
    with bar:
        return work(progress)


def _check_choice(option: str, value: str | None, choices: list[str]) -> None:
    if value is not None and value not in choices:
        raise UsageError(f"{option} must be one of {', '.join(choices)}, not {value!r}")


def _check_events(*lists: list[str] | None) -> None:
    from autonews.models import Event

    slugs = [e.value for e in Event]
    for values in lists:
        for value in values or ():
            _check_choice("--event", value, slugs)


@app.command()
def classify(
    text: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TEXT]...",
            help="Headlines; with none, one per line from stdin.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="text, json or jsonl.")
    ] = "text",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Show which alias, context rule and event rule decided each label."
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Classify headlines: automakers, companies, event type, speculative, figures."""
    from autonews.classify.configured import classifier_for
    from autonews.render.classify_output import format_classifications

    _check_choice("--format", fmt, ["text", "json", "jsonl"])
    cfg = _config(config)
    classifier = classifier_for(cfg.classify)
    titles = text if text else [line.rstrip("\n") for line in sys.stdin]
    results = [(title, classifier.classify(title, explain=explain)) for title in titles]
    sys.stdout.write(format_classifications(results, fmt, explain))


@app.command()
def read(
    url_or_id: Annotated[
        str,
        typer.Argument(
            metavar="URL_OR_ID", help="An article URL, or a story id from `digest --format json`."
        ),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="text, markdown or json.")
    ] = "text",
    config: ConfigOption = None,
) -> None:
    """Show one article's extracted body (fetched and cached if needed)."""
    from autonews.reader import read_article
    from autonews.render.article import render_article

    _check_choice("--format", fmt, ["text", "markdown", "json"])
    cfg = _config(config)
    sys.stdout.write(render_article(read_article(cfg, url_or_id), fmt))


@app.command()
def stats(
    since: Annotated[
        str, typer.Option(metavar="WINDOW", help="Window: 30d, 12w, a date, or all.")
    ] = "30d",
    by: Annotated[
        str, typer.Option("--by", metavar="maker|group|event", help="maker, group or event.")
    ] = "maker",
    event: Annotated[
        str | None,
        typer.Option(
            "--event", metavar="EVENT", help="Only this event type (recalls by maker...)."
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="terminal or json.")
    ] = "terminal",
    config: ConfigOption = None,
) -> None:
    """Story counts over time from the store, drawn as bars (no fetching)."""
    import json
    from dataclasses import asdict

    from autonews.classify.configured import classifier_for
    from autonews.render.stats_terminal import render_stats
    from autonews.stats import compute_stats
    from autonews.store import Store
    from autonews.timeparse import parse_since, utcnow

    _check_choice("--by", by, ["maker", "group", "event"])
    _check_choice("--format", fmt, ["terminal", "json"])
    _check_events([event] if event else None)
    cfg = _config(config)
    now = utcnow()
    try:
        start = parse_since(since, now)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with Store(cfg.paths.store_file) as store:
        items = store.items(store.known_feeds(), start)
    earliest = start or min((i.published for i in items), default=now)
    classifier = classifier_for(cfg.classify)
    result = compute_stats(items, classifier, earliest, now, by, event)
    if fmt == "json":
        sys.stdout.write(json.dumps(asdict(result), default=str, ensure_ascii=False) + "\n")
    else:
        from autonews.deliver.output import terminal_options

        sys.stdout.write(render_stats(result, terminal_options(_env())))


@app.command()
def makers(
    search: Annotated[
        str | None, typer.Option(help="Only makers whose name, group or country contains this.")
    ] = None,
) -> None:
    """List the automakers autonews knows, with their group and country."""
    from autonews.classify.knowledge import default_knowledge

    needle = (search or "").lower()
    for maker in sorted(
        default_knowledge().makers, key=lambda m: (m.group.lower(), m.name.lower())
    ):
        line = f"{maker.name}\t{maker.group}\t{maker.country}"
        if needle in line.lower():
            typer.echo(line)


@app.command()
def demo(
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="terminal, json or jsonl.")
    ] = "terminal",
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Skip article extraction.")
    ] = False,
) -> None:
    """Run the whole pipeline offline against built-in sample feeds on a loopback server."""
    import tempfile

    from autonews.config import Config
    from autonews.demo import demo_feeds, serve_demo
    from autonews.paths import Paths
    from autonews.pipeline import DigestOptions, make_digest
    from autonews.render import Format
    from autonews.store import Store

    _check_choice("--format", fmt, [f.value for f in Format])
    with tempfile.TemporaryDirectory(prefix="autonews-demo-") as home, serve_demo() as base:
        root = Path(home)
        cfg = Config(paths=Paths(root, root / "data", root / "cache"))
        options = DigestOptions(feeds=demo_feeds(base), extract=not no_extract)
        with Store(cfg.paths.store_file) as store:
            run = _with_progress(lambda progress: make_digest(store, cfg, options, progress))
    _emit(run.digest, fmt, None)
    _exit_for(run.digest)


@feeds_app.command("list")
def feeds_list(config: ConfigOption = None) -> None:
    """List the configured feeds with their last known health."""
    from autonews.store import Store

    cfg = _config(config)
    if not cfg.feeds:
        typer.echo("No feeds configured. Add one with `autonews feeds add URL`.", err=True)
        return
    with Store(cfg.paths.store_file) as store:
        for health, feed in zip(store.feed_health(cfg.feeds), cfg.feeds, strict=True):
            tags = f" [{', '.join(feed.tags)}]" if feed.tags else ""
            state = health.status.value if health.error != "never fetched" else "never fetched"
            typer.echo(f"{feed.label}{tags}\t{feed.url}\t{state}")


def _config_path_for_edit(config: Path | None) -> Path:
    from autonews.config import config_file_to_edit

    return config_file_to_edit(config)


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="Feed URL or file path.")],
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    tag: Annotated[
        list[str] | None, typer.Option("--tag", metavar="TAG", help="Tag (repeatable).")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Add a feed to the config file (comments and layout are kept)."""
    from autonews.config import FeedConfig
    from autonews.feedlist import add_feeds

    path = _config_path_for_edit(config)
    added = add_feeds(path, [FeedConfig(url=url, name=name, tags=tuple(tag or ()))])
    typer.echo(f"{'added' if added else 'already listed'}: {url} ({path})")


@feeds_app.command("remove")
def feeds_remove(
    url_or_name: Annotated[str, typer.Argument(help="The feed's URL or name.")],
    config: ConfigOption = None,
) -> None:
    """Remove a feed from the config file."""
    from autonews.feedlist import remove_feed

    removed = remove_feed(_config_path_for_edit(config), url_or_name)
    typer.echo(f"removed: {removed.label}")


@feeds_app.command("check")
def feeds_check(config: ConfigOption = None) -> None:
    """Fetch every feed now and report its health (exit 3 when some fail)."""
    from autonews.pipeline import refresh_feeds
    from autonews.store import Store, run_lock
    from autonews.timeparse import utcnow

    cfg = _config(config)
    progress, _ = _progress()
    with run_lock(cfg.paths.data_dir), Store(cfg.paths.store_file) as store:
        health = refresh_feeds(store, cfg.feeds, cfg, utcnow(), progress)
    for feed in health:
        detail = feed.error or (f"{feed.items} items" if feed.status.value == "ok" else "")
        http = f" HTTP {feed.http_status}" if feed.http_status else ""
        typer.echo(f"{feed.status.value:<12}{http:>9}  {feed.name}  {detail}")
    if any(f.status.value == "error" for f in health):
        raise typer.Exit(ExitStatus.FEEDS_FAILED)


@feeds_app.command("import")
def feeds_import(
    opml: Annotated[Path, typer.Argument(help="An OPML file; nested outlines become tags.")],
    config: ConfigOption = None,
) -> None:
    """Import feeds from an OPML file into the config file."""
    from autonews.feedlist import add_feeds, parse_opml

    try:
        data = opml.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {str(opml)!r}: {exc.strerror}") from None
    feeds = parse_opml(data)
    added = add_feeds(_config_path_for_edit(config), feeds)
    typer.echo(f"imported {len(added)} new feed(s) of {len(feeds)} in {opml}")


@feeds_app.command("export")
def feeds_export(config: ConfigOption = None) -> None:
    """Print the feeds as OPML 2.0 (tags become categories)."""
    from autonews.feedlist import to_opml

    sys.stdout.write(to_opml(_config(config).feeds))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn our errors into a message and an exit code, once.

    Usage errors are typer's (exit 2); everything we raise is an AutonewsError, caught here."""
    try:
        app(args=argv, prog_name="autonews")
    except AutonewsError as exc:
        if _DEBUG or "--debug" in (argv if argv is not None else sys.argv):
            raise
        typer.echo(f"autonews: error: {exc.message}", err=True)
        if exc.hint:
            typer.echo(f"hint: {exc.hint}", err=True)
        sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        sys.exit(130)
