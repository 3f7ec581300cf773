"""What the commands share about a run: the terminal, the config, the progress bar, and what a
digest tells of its feeds on stderr (moved, failed) with the exit status it ends with.

Heavy modules are imported inside the functions, so that ``autonews --help`` stays instant.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from autonews.deliver.environment import Environment
from autonews.errors import ExitStatus, UsageError

if TYPE_CHECKING:
    from autonews.config import Config
    from autonews.deliver.digest import Deliveries
    from autonews.models import Digest, FeedHealth, SkippedPage
    from autonews.pipeline import Progress
    from autonews.store import Store

T = TypeVar("T")


def environment(color: str = "auto") -> Environment:
    """The terminal facts for this command, read once and passed down to rendering and delivery;
    ``color`` is the --color option's value."""
    from autonews.cli.options import check_choice
    from autonews.deliver.environment import COLOR_CHOICES

    check_choice("--color", color, list(COLOR_CHOICES))
    return Environment.from_os(color)


def load_config(path: Path | None, flags: Mapping[str, Mapping[str, Any]] | None = None) -> Config:
    """The effective config (``--config`` or the default file, the environment, then ``flags``:
    ``{"digest": {"since": "7d"}}``; flags left unset (None) are dropped)."""
    from autonews.cache_folder import keep_in
    from autonews.config import load_config as load

    given = {
        section: {k: v for k, v in keys.items() if v is not None}
        for section, keys in (flags or {}).items()
    }
    config = load(path, given or None)
    # A command that classifies loads what an earlier run built (see autonews.classify.stored).
    keep_in(config.paths.cache_dir)
    return config


def no_progress(stage: str, done: int, total: int, waiting: str) -> None:
    return None


def with_progress(env: Environment, work: Callable[[Progress], T]) -> T:
    """Run ``work`` with a progress bar on stderr when it is a terminal; none otherwise (cron,
    pipes)."""
    if not env.stderr_isatty:
        return work(no_progress)
    from autonews.render.progress import progress_bar

    progress, bar = progress_bar(color=env.color_choice != "never")
    with bar:
        return work(progress)


def debug_skipped_pages(pages: Sequence[SkippedPage]) -> None:
    """With ``--debug``: each article page not read, and why, on stderr."""
    from autonews.cli.app import debugging

    if not debugging():
        return
    for page in pages:
        when = page.retry_after
        retry = f" (next try after {when:%Y-%m-%d %H:%M} UTC)" if when else ""
        typer.echo(f"autonews: article page not read: {page.url}: {page.reason}{retry}", err=True)


def debug_skipped_entries(feeds: Sequence[FeedHealth]) -> None:
    """With ``--debug``: each feed whose document had entries with nothing to show, which the
    digest leaves out."""
    from autonews.cli.app import debugging
    from autonews.render.common import skipped_entries_note
    from autonews.text import clean_text

    if not debugging():
        return
    for feed in feeds:
        if note := skipped_entries_note(feed):
            typer.echo(f"autonews: {clean_text(feed.name or feed.url)}: {note}", err=True)


def tell_of_a_new_store(store: Store, cfg: Config, existed: bool) -> None:
    """On stderr, once: a digest made the store now, though the config lists feeds (it has
    been read before, most likely) or an empty file was there. A store deleted or moved loses
    what --new delivered: the next --new digests send the whole window again, and whoever reads
    cron's mail should know why (trial 35: 101 stories re-sent to every team without a word)."""
    if store.created and (cfg.feeds or existed):
        typer.echo(
            f"autonews: a new store at {str(store.path)!r} ("
            + ("the file was empty" if existed else "none was there")
            + "): --new digests send everything of the window, as on a first run",
            err=True,
        )


def tell_of_feeds(digest: Digest, offline: bool = False) -> None:
    """On stderr (cron mails it): the feeds that moved for good, and the failed feeds to name
    (new failures, changed errors, or a day later: [digest] failure_reminder), so that cron does
    not mail the same warning after every run; then exit 3 when some feeds failed (every one of
    them, too: the network is down, most likely, and stderr says so). An --offline run fetched
    nothing: the failures its footer shows are the store's, not news, and do not fail it."""
    from autonews.render.common import plural
    from autonews.render.notes import failed_feeds_named, move_note
    from autonews.text import clean_text

    if offline:
        return
    for feed in digest.moves_to_report:
        typer.echo(f"autonews: {clean_text(feed.name or feed.url)} {move_note(feed)}", err=True)
    failed = digest.failed_feeds
    if not failed:
        return
    # A log keeps every run's stderr, and a run that exits 3 must say why there (trial 44:
    # journald showed exit 3 with nothing beside it); cron's mail keeps the once-a-day rule.
    named = failed if stderr_is_the_journal() else digest.failures_to_tell_on_stderr
    if named:
        names = failed_feeds_named(named)
        more = len(failed) - len(named)
        earlier = f" (and {more} reported earlier)" if more else ""
        if digest.every_feed_failed:
            typer.echo(f"autonews: every feed failed ({len(failed)}): {names}{earlier}", err=True)
            typer.echo(
                "hint: check the network (every feed failing at once is rarely the feeds' "
                "fault); `autonews feeds check` shows each feed's error",
                err=True,
            )
        else:
            typer.echo(f"autonews: {plural(len(named), 'feed')} failed: {names}{earlier}", err=True)
            for hint in failure_hints(named):
                typer.echo(f"hint: {hint}", err=True)
    # Every feed failing is still exit 3 (a digest of what the store holds is made): the
    # documented codes stay few; stderr says the difference.
    raise typer.Exit(ExitStatus.FEEDS_FAILED)


def stderr_is_the_journal() -> bool:
    """Whether stderr goes to systemd's journal: a service's stderr is, and systemd says so in
    $JOURNAL_STREAM ("device:inode" of the stream), which a pipe or file the service's own
    command redirects stderr to does not match (see systemd.exec(5))."""
    import os
    import sys

    stream = os.environ.get("JOURNAL_STREAM", "")
    if not stream:
        return False
    try:
        status = os.fstat(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's captured stream)
        return False
    return stream == f"{status.st_dev}:{status.st_ino}"


def failure_hints(feeds: Sequence[FeedHealth]) -> list[str]:
    """What each kind of failure means and what to do, once for the feeds it came to (their
    line on stderr is kept short: the advice its error carries is said here, as the footer says
    it): "Automotive Fleet: the site refused the connection or is down; …"."""
    from autonews.fetch_errors import hint_of
    from autonews.text import clean_text

    by_hint: dict[str, list[str]] = {}
    for feed in feeds:
        hint = hint_of(feed.error or "")
        if hint:
            by_hint.setdefault(hint, []).append(clean_text(feed.name or feed.url))
    return [f"{', '.join(names)}: {hint}" for hint, names in by_hint.items()]


def tell_of_deliveries(
    outcome: Deliveries, offline: bool = False, at_terminal: bool = False
) -> None:
    """A digest run's last words on stderr: what each mail came to, told only to a person at a
    terminal (``at_terminal``: stderr is one, where the progress bar is drawn; cron mails
    whatever a job prints); the feeds (:func:`tell_of_feeds`), then every digest not
    delivered, as one error (exit 1, which outranks the feeds' 3). (A --new digest with
    nothing new says nothing else: a cron job mails whatever is printed.)"""
    if at_terminal:
        for line in outcome.mailed:
            typer.echo(f"autonews: {line}", err=True)
    failure = outcome.error()
    assert outcome.digest is not None  # a run makes one digest at least
    if failure is None:
        tell_of_feeds(outcome.digest, offline)
        return
    with contextlib.suppress(typer.Exit):
        tell_of_feeds(outcome.digest, offline)
    raise failure


def no_feeds_error(cfg: Config) -> UsageError:
    """No feed given, and none to read in the list: every one disabled, or none listed; read
    from no file in an $AUTONEWS_HOME that does not exist, the likelier fault is the
    variable's (a typo in a cron line)."""
    from autonews.paths import home_problem

    if cfg.feeds:  # every feed of the list is disabled
        from autonews.render.common import plural

        return UsageError(
            f"no feeds to read: the {plural(len(cfg.feeds), 'feed')} of the list "
            + ("is" if len(cfg.feeds) == 1 else "are")
            + " disabled",
            hint=f"enable one with `autonews feeds enable {cfg.feeds[0].label!r}`",
        )
    problem = home_problem() if cfg.source is None else None
    if problem:
        return UsageError(
            f"no feeds to read: {problem}",
            hint="fix AUTONEWS_HOME if it is mistyped; else start there with `autonews config "
            "init` or `autonews feeds add URL`, or pass --feed URL",
        )
    return UsageError(
        "no feeds to read",
        hint="pass --feed URL, or add feeds with `autonews feeds add URL` "
        "(see config.example.toml)",
    )
