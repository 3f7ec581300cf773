"""The progress bar drawn on stderr while a run fetches and extracts (rich, transient)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn


def progress_bar(
    color: bool = True,
) -> tuple[Callable[[str, int, int, str], None], Progress]:
    """A callback for the pipeline (stage, done, total, what it waits for: "waiting for Slow
    Wire") and the bar it draws on; the bar shows while entered (``with bar:``) and is gone when
    the run ends. ``color=False`` (--color never) draws it without colour; otherwise rich
    decides (NO_COLOR, FORCE_COLOR)."""
    bar = Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[waiting]}"),
        console=Console(stderr=True, no_color=True if not color else None),
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int, waiting: str) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total, waiting=waiting)
        bar.update(tasks[stage], completed=done, total=total, waiting=waiting)

    return update, bar
