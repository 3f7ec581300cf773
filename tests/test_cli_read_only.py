"""A store on a read-only disk (a backup mounted read-only, a folder shared for reading): the
commands that only read it work; those that must write say what they need, and never advise
moving the store away (that would lose what was delivered). Trial 29, item c3."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """The paths made read-only for this process: by their mode, or, for root (whom modes do
    not stop), by the immutable flag, as a read-only mount would."""
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    flagged = [path for path in paths if _chattr("+i", path)]
    if len(flagged) < len(paths):
        for path in flagged:
            _chattr("-i", path)
        pytest.skip("the file system has no immutable flag (chattr)")
    try:
        yield
    finally:
        for path in flagged:
            _chattr("-i", path)


def _chattr(flag: str, path: Path) -> bool:
    try:
        done = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    except FileNotFoundError:
        return False
    return done.returncode == 0


def test_a_read_only_store_folder_is_read_by_the_commands_that_only_read(
    cli, home: Path, tmp_path: Path
) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, hours_ago=5)]), "utf-8"
    )
    assert cli("feeds", "add", str(feed)).code == 0
    made = cli("digest", "--no-extract", "--format", "json")
    assert made.code == 0, made.err
    (story,) = [s for s in json.loads(made.out)["stories"] if "Volvo" in s["title"]]
    data = home / "data"
    with read_only(data, *data.iterdir()):
        stats = cli("stats", "--format", "json")
        assert stats.code == 0, stats.err
        assert json.loads(stats.out)["stories"] >= 1
        listed = cli("feeds", "list")
        assert listed.code == 0, listed.err
        assert "Test Wire" in listed.out
        shown = cli("story", story["id"])
        assert shown.code == 0, shown.err
        assert "Volvo Recalls 14,768 XC70s" in shown.out
        digest = cli("digest", "--offline")
        assert digest.code == ExitStatus.ERROR
        assert "autonews stats" in digest.err  # what can be done with the store as it is
        assert "move" not in digest.err and "Traceback" not in digest.err
        assert not any(path.name.endswith(("-wal", "-shm")) for path in data.iterdir())
