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


def _on_a_full_disk() -> None:
    """In the child: every file it writes stops growing at 16 kB, as on a full disk (the
    signal that would kill it ignored, so that the write fails instead)."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))


def test_a_full_disk_is_told_as_one_not_as_permissions(cli, home: Path, tmp_path: Path) -> None:
    """Trial 35: a disk that filled between runs gave "cannot open the store …: disk I/O error"
    and "check the permissions". It says the disk may be full, and the store is intact after."""
    import sys

    feed = tmp_path / "wire.xml"
    feed.write_text(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, hours_ago=5)]), "utf-8"
    )
    assert cli("feeds", "add", str(feed)).code == 0
    assert cli("digest", "--no-extract", "--format", "json").code == 0
    full = subprocess.run(
        [sys.executable, "-m", "autonews", "digest", "--no-extract", "--new", "--format", "text"],
        env={**os.environ, "AUTONEWS_HOME": str(home)},
        capture_output=True,
        text=True,
        preexec_fn=_on_a_full_disk,
        check=False,
        timeout=120,
    )
    assert full.returncode == ExitStatus.ERROR
    assert full.stderr.startswith("autonews: error: ")
    assert "store" in full.stderr and "Traceback" not in full.stderr
    assert f"hint: its disk may be full: check the free space (`df -h {home / 'data'}`)" in (
        full.stderr
    )
    assert "permissions" not in full.stderr and "move" not in full.stderr
    # Space again: nothing was lost, and --new delivers what the failed run could not.
    again = cli("digest", "--no-extract", "--new", "--format", "json")
    assert again.code == 0, again.err
    assert [s["title"] for s in again.json()["stories"]] == [
        "Volvo Recalls 14,768 XC70s Over Halfshaft Risk"
    ]
