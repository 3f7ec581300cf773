"""What an SQLite or file-system error met opening or using the store says to its user: one line
and a hint that fits the cause. A full disk is told as one (trial 35: a disk that filled between
runs was reported as "disk I/O error" with a hint about permissions); permissions are named
only when SQLite was refused the file; a damaged file is for the user to move away. Nothing is
ever deleted here."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from autonews.errors import StoreError

# SQLite's primary result codes (the low byte of an extended one: SQLITE_IOERR_SHMSIZE is an
# I/O error) that say the disk is full or failed a write, and that the file may not be touched.
_SQLITE_IOERR, _SQLITE_FULL = 10, 13
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_AUTH = 3, 8, 23


def _result_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def _disk_trouble(error: sqlite3.Error) -> bool:
    """Whether SQLite could not write for the disk: full (SQLITE_FULL), or an I/O error, which
    is what a full disk most often gives (the WAL's shared memory cannot grow: trial 35)."""
    text = str(error)
    return (
        _result_code(error) in (_SQLITE_IOERR, _SQLITE_FULL)
        or "disk is full" in text
        or "disk I/O error" in text
    )


def _denied(error: sqlite3.Error) -> bool:
    """Whether SQLite was refused the file: permissions, a read-only file or disk."""
    text = str(error)
    return (
        _result_code(error) in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_AUTH)
        or "readonly" in text
        or "read-only" in text
    )


def _disk_hint(path: Path) -> str:
    return (
        f"its disk may be full: check the free space (`df -h {path.parent}`), then run again "
        "(what the store holds is kept)"
    )


def store_problem(path: Path, error: sqlite3.DatabaseError) -> StoreError:
    """What an SQLite error says about the store, for its user. Nothing is deleted: a damaged
    file is for the user to move away (their feeds are in the config)."""
    text = str(error)
    if _denied(error):
        return StoreError(
            f"cannot write to the store {str(path)!r}: {text}",
            hint="check the permissions of the file and its folder",
        )
    if _disk_trouble(error):
        return StoreError(f"cannot write to the store {str(path)!r}: {text}", hint=_disk_hint(path))
    if is_damage(error):
        return StoreError(
            f"the store {str(path)!r} is damaged: {text}",
            hint="move it away to start afresh (the feeds are in the config, not the store)",
        )
    return StoreError(
        f"the store {str(path)!r} failed: {text}",
        hint="another program may hold it, or its disk may be full or read-only; try again",
    )


def is_damage(error: sqlite3.DatabaseError) -> bool:
    text = str(error)
    return "malformed" in text or "not a database" in text or "corrupt" in text


def open_problem(path: Path, error: sqlite3.DatabaseError) -> StoreError:
    """The store could not be opened. Never "move it away" here unless it is damaged: a store
    that cannot be opened for its permissions or a full disk holds what was delivered, and a
    fresh one would deliver it all again."""
    if is_damage(error):  # not a matter of permissions: says so, as when it is in use
        return store_problem(path, error)
    return StoreError(
        f"cannot open the store {str(path)!r}: {error}",
        hint=_disk_hint(path)
        if _disk_trouble(error) and not _denied(error)
        else "check the permissions of the file and its folder (a digest writes to both; "
        "`story`, `stats` and `feeds list` need only read them)",
    )


def folder_problem(path: Path, error: OSError) -> StoreError:
    """The store's folder could not be made."""
    return StoreError(
        f"cannot create the data folder for {str(path)!r}: {error}",
        hint=_disk_hint(path) if error.errno in (errno.ENOSPC, errno.EDQUOT) else None,
    )
