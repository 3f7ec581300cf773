"""The folders where a run keeps what it builds once and can load next time. Set by the command
line; unset, as for a library caller, nothing is kept. A module of its own so that setting them,
or asking whether they can be used, imports nothing else.

- The store's cache folder (``AUTONEWS_HOME/cache`` or the platform's): what one store's runs
  hand on to the next (the last run's stories: :mod:`autonews.story_reuse`).
- The install's (:func:`for_the_install`: the platform's cache folder,
  ``$XDG_CACHE_HOME/autonews`` on Linux, wherever ``AUTONEWS_HOME`` puts the store): what
  depends only on the program's own files, its version, Python's build and the config's
  [classify] additions (the classifier's knowledge: :mod:`autonews.classify.stored`), so that
  a user's second store does not build it again (0.33-0.35 s of a worker's CPU in a new
  store's first run, farm54). Where the platform's folder cannot be used (a read-only home),
  the store's takes its place. (The compiled patterns, :mod:`autonews.compile_cache`, stay in
  the store's: their folder is needed before anything is imported, and platformdirs costs a
  warm run its import.)"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_folder: Path | None = None
_apart = False  # whether what depends only on the program is kept in the install's folder
_resolved: list[Path | None] = []  # built_folder()'s answer, once asked


def keep_in(folder: Path | None, install: bool = False) -> None:
    """Keep built things in ``folder`` from now on in this process (None: never); with
    ``install``, what depends only on the program in the install's folder where it can be used
    (:func:`for_the_install`, found only when first needed: a run that builds nothing never
    imports platformdirs for it)."""
    global _folder, _apart
    _folder, _apart = folder, install
    _resolved.clear()


def cache_folder() -> Path | None:
    """The store's cache folder."""
    return _folder


def built_folder() -> Path | None:
    """Where what depends only on the program is kept: the install's folder where it can be
    used (asked once a process), else the store's."""
    if not _resolved:
        install = for_the_install() if _apart and _folder is not None else None
        _resolved.append(install if install is not None and usable(install) else _folder)
    return _resolved[0]


def for_the_install() -> Path | None:
    """The platform's cache folder for autonews (``$XDG_CACHE_HOME/autonews``, ``~/.cache/autonews``
    on Linux), which ``AUTONEWS_HOME`` does not move; None where the platform names none."""
    with contextlib.suppress(Exception):
        import platformdirs

        return Path(platformdirs.user_cache_dir("autonews", appauthor=False))
    return None


def usable(folder: Path | None = None) -> bool:
    """Whether what is built now would be kept in ``folder`` (by default :func:`built_folder`):
    a folder this user alone can write to, or can make (a worker building for the cache folder
    is otherwise wasted work)."""
    folder = built_folder() if folder is None else folder
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
