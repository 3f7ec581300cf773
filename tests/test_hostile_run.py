"""The fetching issue's acceptance run: 100 feeds, 10 of them hostile, one real loopback server.
The run ends at the deadline (feeds that hang for half a minute do not hold it), every good
feed's items are there, the hostile ones are named, memory stays low, and a warm run sends only
conditional requests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


# Linux keeps a process's peak memory across exec: a child forked from this (large) test process
# would report the test process's size. So a small launcher forks the digest and reports its peak
# (the digest and the workers it waited for) on the last line of stderr.
LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
child.returncode = os.waitstatus_to_exitcode(status)
sys.stderr.write(f"\\nmax_rss_kb {usage.ru_maxrss}\\n")
sys.exit(child.returncode)
"""


def run(home: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """The digest in a child process: its result, wall seconds, and the peak memory (max RSS, KB)
    of that run alone."""
    args = [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "autonews", "digest"]
    args += ["--no-extract", "--format", "json", "--since", "all"]
    started = time.monotonic()
    result = subprocess.run(
        args,
        env={**os.environ, "AUTONEWS_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - started
    err, _, last = result.stderr.rstrip("\n").rpartition("\n")
    peak = int(last.removeprefix("max_rss_kb "))
    return subprocess.CompletedProcess(args, result.returncode, result.stdout, err), elapsed, peak


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
    # The hanging and trickling feeds would hold a run that ignored the deadline for 30 s and
    # more; the bound leaves room for a loaded machine (13 s seen at a load average of 12).
    assert elapsed < DEADLINE + 14
    document = json.loads(result.stdout)
    valid_digest(document)
    status = {feed["name"]: feed for feed in document["feeds"]}
    assert all(status[f"good{n}"]["status"] == "ok" for n in range(GOOD))
    assert sum(s["cluster_size"] for s in document["stories"]) == GOOD * 5
    for name in HOSTILE:
        assert status[name]["status"] == "error", name
        assert status[name]["error"], name
        assert name in result.stderr
    assert peak_kb < 300 * 1024, f"peak {peak_kb // 1024} MB"
    Handler.requests = []
    warm, _, _ = run(home)
    assert warm.returncode == 3
    good = [conditional for name, conditional in Handler.requests if name.startswith("good")]
    assert len(good) == GOOD and all(good)  # the warm run only sent conditional requests
    warm_doc = json.loads(warm.stdout)
    assert all(
        f["status"] == "not_modified" for f in warm_doc["feeds"] if f["name"].startswith("good")
    )
