"""Opening the SQLite file, and the transaction every write runs in."""

from __future__ import annotations

import contextlib
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any


def connect(path: Path) -> sqlite3.Connection:
    """The store at ``path``, created with its folder if missing: WAL mode, foreign keys on,
    autocommit (transactions are explicit: :func:`transaction`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The store at ``path`` opened for reading only, for the commands that only read it, when
    it cannot be written (a read-only disk or folder). SQLite reads a WAL store through a
    shared-memory file beside it, which a read-only folder cannot hold: the store is then read
    as immutable, which is right while nobody can write to it (no run of ours can: a run takes
    its lock file in the same folder)."""
    address = "file:" + urllib.parse.quote(str(path.absolute()))
    try:
        return _open_uri(address + "?mode=ro")
    except sqlite3.OperationalError:
        return _open_uri(address + "?mode=ro&immutable=1")


def _open_uri(address: str) -> sqlite3.Connection:
    db = sqlite3.connect(address, uri=True, timeout=30, isolation_level=None)
    db.row_factory = sqlite3.Row
    try:
        db.execute("PRAGMA user_version").fetchone()  # SQLite opens a file at its first read
    except sqlite3.Error:
        db.close()
        raise
    return db


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: a run killed at any point leaves either the old or the new state. Inside
    another transaction, this one is part of it (committed or rolled back with it)."""
    if db.in_transaction:
        yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def rows_in(
    db: sqlite3.Connection, query: str, values: Iterable[Any], before: Sequence[Any] = ()
) -> Iterator[sqlite3.Row]:
    """Rows of ``query ... IN (values)``, the values sent 500 at a time (SQLite's limit on
    parameters is low on some builds)."""
    pending = list(dict.fromkeys(values))
    for start in range(0, len(pending), 500):
        chunk = pending[start : start + 500]
        yield from db.execute(f"{query} ({','.join('?' * len(chunk))})", [*before, *chunk])
