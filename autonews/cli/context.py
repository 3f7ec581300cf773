"""What the commands share about a run: the terminal, the config, the progress bar, and the exit
status a digest with failed feeds ends with.

Heavy modules are imported inside the functions, so that ``autonews --help`` stays instant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from autonews.deliver.environment import Environment
from autonews.errors import ExitStatus

if TYPE_CHECKING:
    from autonews.config import Config
    from autonews.models import Digest
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
    from autonews.config import load_config as load

    given = {
        section: {k: v for k, v in keys.items() if v is not None}
        for section, keys in (flags or {}).items()
    }
    return load(path, given or None)


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


def exit_if_feeds_failed(digest: Digest) -> None:
    """A digest was produced, but name the feeds that failed and exit 3 (cron sees it)."""
    if digest.failed_feeds:
        names = ", ".join(f.name or f.url for f in digest.failed_feeds)
        typer.echo(f"autonews: {len(digest.failed_feeds)} feed(s) failed: {names}", err=True)
        raise typer.Exit(ExitStatus.FEEDS_FAILED)
