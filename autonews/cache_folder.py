"""The folder where a run keeps what it builds once and can load next time (the classifier's
knowledge: see :mod:`autonews.classify.stored`). Set by the command line to the run's cache
folder (``AUTONEWS_HOME/cache`` or the platform's); unset, as for a library caller, nothing is
kept. A module of its own so that setting it, or asking whether it can be used, imports
nothing else."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep built things in ``folder`` from now on in this process (None: never)."""
    global _folder
    _folder = folder


def cache_folder() -> Path | None:
    return _folder


def usable() -> bool:
    """Whether what is built now would be kept: a cache folder this user alone can write to,
    or can make (a worker building for the cache folder is otherwise wasted work)."""
    folder = _folder
    if folder is None:
        return False
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return (private(folder) or made_private(folder)) and os.access(folder, os.W_OK)
    except OSError:
        return False


def made_private(folder: Path) -> bool:
    """A folder of this user's that others may write to (made under a umask of 002, say) is
    made private; its files are still each checked before any is loaded."""
    with contextlib.suppress(OSError):
        if hasattr(os, "geteuid") and folder.stat().st_uid == os.geteuid():
            folder.chmod(0o700)
            return private(folder)
    return False


def private(path: Path) -> bool:
    """Whether ``path`` belongs to this process's user and nobody else may write to it (on
    systems without owners, such as Windows, whether it exists)."""
    info = path.stat()
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & 0o022
