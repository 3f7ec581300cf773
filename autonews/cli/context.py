"""What the commands share about a run: the terminal, the config, the progress bar, and the exit
status a digest with failed feeds ends with.

Heavy modules are imported inside the functions, so that ``autonews --help`` stays instant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from autonews.deliver.environment import Environment
from autonews.errors import ExitStatus

if TYPE_CHECKING:
    from autonews.config import Config
    from autonews.models import Digest, SkippedPage
    from autonews.pipeline import Progress

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


def no_progress(stage: str, done: int, total: int) -> None:
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


def exit_if_feeds_failed(digest: Digest) -> None:
    """A digest was produced, but some feeds failed: exit 3 (cron sees it). They are named on
    stderr when their failure is new, its error changed, or a day has passed ([digest]
    failure_reminder), so that cron does not mail the same warning after every run."""
    if digest.failed_feeds:
        named = digest.failures_to_report
        if named:
            from autonews.render.common import plural

            names = ", ".join(f.name or f.url for f in named)
            more = len(digest.failed_feeds) - len(named)
            earlier = f" (and {more} reported earlier)" if more else ""
            typer.echo(f"autonews: {plural(len(named), 'feed')} failed: {names}{earlier}", err=True)
        raise typer.Exit(ExitStatus.FEEDS_FAILED)
