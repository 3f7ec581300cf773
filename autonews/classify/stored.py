"""The classifier's knowledge and the clustering's glossary, built once and kept in the cache
folder.

Building them from the knowledge files (TOML parsing, every phrase tokenised, Chinese phrases
converted) costs 0.17 s and 0.14 s of CPU; loading what an earlier run (or, in a cold run, a
worker process: see ``autonews.workers.Workers.prepare``) built costs 0.03 s and 0.01 s. Only
the command line turns this on, with the run's cache folder (``AUTONEWS_HOME/cache`` or the
platform's cache folder: see ``autonews.cache_folder``); a library caller builds as before and
nothing is written.

A kept copy is used only under its key, which changes with the knowledge files, the user's
``[classify]`` additions, the classifier's code (``knowledge_version``), the data classes it is
made of (``autonews/models/``), the package and Python versions and the OpenCC installed. A
file that cannot be read, or holds anything but what was asked for, is built again and replaced,
silently; writing is atomic (a temporary file renamed), and a folder that cannot be written to
only means building every time.

Both are kept as pickles, which run code when loaded: a file is read only when it and its folder
belong to the user running autonews and nobody else may write to them (a shared AUTONEWS_HOME
that others can write to is built in every run instead, and written to never). The folder is
made readable by its owner only.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

from autonews.cache_folder import cache_folder, made_private, private
from autonews.files import write_atomically

T = TypeVar("T")

FORMAT = "2"  # bump when what the files hold changes in a way no key above catches
KEEP = 4  # of each kind, the newest files written: the default knowledge and a config's, at least
RETIRED = ("event-model",)  # kinds no longer kept (the event model loads from its own table)


@lru_cache(maxsize=1)
def _environment_key() -> str:
    """What the kept objects depend on beyond ``knowledge_version``."""
    from autonews import __version__

    digest = hashlib.sha1(f"{FORMAT}\0{sys.version}\0{__version__}\0".encode())
    models = resources.files("autonews").joinpath("models")  # the package's files, read
    for name in sorted(p.name for p in models.iterdir() if p.name.endswith(".py")):
        digest.update(models.joinpath(name).read_bytes())
    spec = find_spec("opencc")  # its conversion tables shape the Chinese phrases
    if spec is not None and spec.origin:
        with contextlib.suppress(OSError):
            stat = os.stat(spec.origin)
            digest.update(f"{spec.origin}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def stored(
    kind: str,
    version: str,
    build: Callable[[], T],
    dump: Callable[[T], bytes],
    load: Callable[[bytes], T],
) -> T:
    """``build()``, or what an earlier run kept of it for this ``version`` (``load`` of the
    file's bytes; it raises on anything that is not a complete object of the right kind)."""
    folder = cache_folder()
    if folder is None:  # a library caller: built as before, nothing kept, the collector as is
        return build()
    with _long_lived():
        key = hashlib.sha1(f"{version}:{_environment_key()}".encode()).hexdigest()[:20]
        path = folder / f"{kind}-{key}"
        if folder.exists() and not private(folder) and not made_private(folder):
            return build()  # others may write there: nothing in it is loaded, nothing is kept
        try:
            if private(path):
                return load(path.read_bytes())
        except Exception:  # missing, unreadable, truncated, from other code: built again
            pass
        made = build()
        with contextlib.suppress(Exception):  # a cache that cannot be written is no error
            _write(folder, path, dump(made))
            _prune(folder, kind)
        return made


@contextmanager
def _long_lived() -> Iterator[None]:
    """Around making objects that live as long as the process (hundreds of thousands of them,
    in no reference cycle): the cyclic garbage collector is paused while they are made, and
    then told to leave them alone (``gc.freeze``). Otherwise its passes walk them again and
    again, during the run and at exit: 0.05 to 0.15 s of a run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _write(folder: Path, path: Path, data: bytes) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomically(path, data, mode=0o600)


def _prune(folder: Path, kind: str) -> None:
    """Only the ``KEEP`` files of ``kind`` written last stay: older versions' go, and so do
    temporary files an interrupted run left (an hour old: no write takes that long)."""
    files = sorted(folder.glob(f"{kind}-*"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    stale = time.time() - 3600
    retired = [p for name in RETIRED for p in folder.glob(f"{name}-*")]
    for old in (
        files[KEEP:] + retired + [p for p in folder.glob(f".{kind}-*") if p.stat().st_mtime < stale]
    ):
        with contextlib.suppress(OSError):
            old.unlink()
