"""One autonews run at a time per data folder, no worker process outliving its run, and one
edit of a config file at a time.

The run lock is a ``flock`` on ``autonews.lock`` in the data folder, taken by the commands that
write the store (`digest`, `feeds check`) around the whole run, worker pools included. The edit
lock is a ``flock`` on a hidden file beside the config file, held by `feeds add/edit/remove/...`
over each read-modify-write of that file.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Iterator
from pathlib import Path

from autonews.errors import ConfigError, ConfigLockedError, StoreError, StoreLockedError

# Lock files held by this process's runs. Worker processes forked during a run (the parse and
# extraction pools) inherit the descriptor, and flock() belongs to the open file, not to the
# process: when a run was SIGKILLed (OOM killer, `kill -9`, a crash), its orphaned workers, blocked
# forever on their task queue, kept the lock, and every later run, cron's included, exited with
# code 4 until someone found and killed them. So a forked child drops the lock at once, and exits
# when the run that forked it has gone.
_HELD_LOCKS: set[int] = set()


def _after_fork_in_child() -> None:
    if not _HELD_LOCKS:
        return
    for handle in _HELD_LOCKS:
        with contextlib.suppress(OSError):
            os.close(handle)
    _HELD_LOCKS.clear()
    import threading
    import time

    parent = os.getppid()

    def exit_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)  # reparented: the run is gone, and nobody will ever send us work again

    threading.Thread(target=exit_with_parent, name="autonews-orphan-watch", daemon=True).start()


@functools.cache
def _drop_locks_in_forked_children() -> None:
    # Registered on the first lock taken, not at import: importing autonews has no side effects.
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)


@contextlib.contextmanager
def run_lock(data_dir: Path, *, wait: bool | float = False) -> Iterator[None]:
    """One autonews run at a time per store; a second one fails at once unless ``wait``: True
    waits for as long as it takes, a number of seconds at most that long (a cron job behind a
    stuck run gives up rather than pile up behind it)."""
    import fcntl

    path = data_dir / "autonews.lock"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"cannot use the data folder {str(data_dir)!r}: {exc.strerror or exc}",
            hint="check its permissions: a digest and `feeds check` write the store there "
            "(`autonews story`, `autonews stats` and `feeds list` read one they cannot write)",
        ) from None
    try:
        if wait is True:
            fcntl.flock(handle, fcntl.LOCK_EX)
        elif not _flock_within(handle, float(wait)):
            if wait:
                raise StoreLockedError(
                    f"another autonews run has held the store for the {wait:g} s --wait gave",
                    hint="it may be stuck (stopped, or hanging): find it with "
                    "`pgrep -af autonews`; or give --wait more seconds",
                )
            raise StoreLockedError(
                "another autonews run is using the store",
                hint="wait for it to finish, or pass --wait to queue behind it",
            )
        _drop_locks_in_forked_children()
        _HELD_LOCKS.add(handle)
        yield
    finally:
        _HELD_LOCKS.discard(handle)
        os.close(handle)


def _flock_within(handle: int, seconds: float) -> bool:
    """Take the lock, trying for up to ``seconds`` (0: once); whether it was taken."""
    import fcntl

    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(min(0.1, max(deadline - time.monotonic(), 0)))


EDIT_WAIT = 20.0  # seconds an edit of the config file waits for another one to finish


@contextlib.contextmanager
def config_edit_lock(config_file: Path, *, wait: float = EDIT_WAIT) -> Iterator[None]:
    """Hold the edit lock of ``config_file`` (waiting up to ``wait`` seconds for it): each
    command rewrites the whole file from what it read, so two edits at once (`feeds add ... &` in
    a loop) would each write back the file without the other's change, both saying they
    succeeded. An edit takes milliseconds; one still held after ``wait`` is a stuck command."""
    import fcntl

    path = config_file.parent / f".{config_file.name}.lock"
    try:
        config_file.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        raise ConfigError(
            f"cannot lock {str(config_file)!r} for editing: {exc.strerror or exc}",
            hint="check the permissions of the config file's folder",
        ) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ConfigLockedError(
                        f"another autonews command has been editing {str(config_file)!r} "
                        f"for {wait:g} s; the file is unchanged",
                        hint="wait for it to finish, then run this command again",
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(handle)  # closing the descriptor releases the lock
