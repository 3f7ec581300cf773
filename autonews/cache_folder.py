"""The folder where a run keeps what it builds once and can load next time (the classifier's
knowledge: see :mod:`autonews.classify.stored`). Set by the command line to the run's cache
folder (``AUTONEWS_HOME/cache`` or the platform's); unset, as for a library caller, nothing is
kept. A module of its own so that setting it imports nothing else."""

from __future__ import annotations

from pathlib import Path

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep built things in ``folder`` from now on in this process (None: never)."""
    global _folder
    _folder = folder


def cache_folder() -> Path | None:
    return _folder
