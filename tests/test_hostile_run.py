"""The fetching issue's acceptance run: 100 feeds, 10 of them hostile, one real loopback server.
The run ends within the deadline plus 2 s, every good feed's items are there, the hostile ones
are named, memory stays low, and a warm run sends only conditional requests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.hostile_server import DEADLINE, GOOD, HOSTILE, Handler, serving
from tests.helpers.invariants import valid_digest


@pytest.fixture
def server() -> Iterator[str]:
    with serving() as base:
        yield base


def run(home: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """The digest in a child process: its result, wall seconds, and the peak memory (max RSS, KB)
    of that run alone (the child and the workers it waited for), not of earlier tests' children."""
    args = [sys.executable, "-m", "autonews", "digest", "--no-extract", "--format", "json"]
    args += ["--since", "all"]
    out_path, err_path = home.parent / "stdout.txt", home.parent / "stderr.txt"
    started = time.monotonic()
    with out_path.open("w") as out, err_path.open("w") as err:
        child = subprocess.Popen(
            args, env={**os.environ, "AUTONEWS_HOME": str(home)}, stdout=out, stderr=err
        )
        timer = threading.Timer(60, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)  # not child.wait(): wait4 gives its rusage
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
    result = subprocess.CompletedProcess(
        args, child.returncode, out_path.read_text("utf-8"), err_path.read_text("utf-8")
    )
    return result, time.monotonic() - started, usage.ru_maxrss


def test_hundred_feeds_ten_hostile(server: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    names = [f"good{n}" for n in range(GOOD)] + HOSTILE
    feeds = "".join(f'[[feeds]]\nurl = "{server}/{name}"\nname = "{name}"\n\n' for name in names)
    (home / "config.toml").write_text(
        f"{feeds}[fetch]\ndeadline = {DEADLINE}\ntimeout = 2.0\nretries = 1\nmax_bytes = 1000000\n"
    )
    result, elapsed, peak_kb = run(home)
    assert result.returncode == 3, result.stderr
    assert elapsed < DEADLINE + 2 + 1.5  # + interpreter start-up of the subprocess
    document = json.loads(result.stdout)
    valid_digest(document)
    status = {feed["name"]: feed for feed in document["feeds"]}
    assert all(status[f"good{n}"]["status"] == "ok" for n in range(GOOD))
    assert sum(s["cluster_size"] for s in document["stories"]) == GOOD * 5
    for name in HOSTILE:
        assert status[name]["status"] == "error", name
        assert status[name]["error"], name
        assert name in result.stderr
    assert peak_kb < 300 * 1024
    Handler.requests = []
    warm, _, _ = run(home)
    assert warm.returncode == 3
    good = [conditional for name, conditional in Handler.requests if name.startswith("good")]
    assert len(good) == GOOD and all(good)  # the warm run only sent conditional requests
    warm_doc = json.loads(warm.stdout)
    assert all(
        f["status"] == "not_modified" for f in warm_doc["feeds"] if f["name"].startswith("good")
    )
