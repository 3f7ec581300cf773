"""`autonews digest` run as a subprocess that says, at exit, which modules it loaded: what a
cold or warm run imports is what it costs (issue 17), checked through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# `python -m autonews ARGS`, saying on stderr at exit which modules it loaded.
_RUN_AND_SAY_LOADED = """
import atexit, runpy, sys
def say():
    print("loaded:", " ".join(sorted(sys.modules)), file=sys.stderr)
atexit.register(say)
sys.argv = ["autonews", *sys.argv[1:]]
runpy.run_module("autonews", run_name="__main__")
"""


def digest_and_loaded(home: Path) -> tuple[dict[str, Any], set[str]]:
    """`autonews digest --no-extract --format json` with ``home`` as AUTONEWS_HOME: its JSON
    and the names of the modules the run loaded."""
    digest, said = digest_saying(_RUN_AND_SAY_LOADED, "loaded:", home)
    return digest, set(said.split()[1:])


def digest_saying(script: str, marker: str, home: Path) -> tuple[dict[str, Any], str]:
    """`autonews digest --no-extract --format json` run by ``script`` (which runs the program
    and says something on stderr at exit) with ``home`` as AUTONEWS_HOME: its JSON and the last
    line of stderr that starts with ``marker``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTONEWS_")}
    env |= {"AUTONEWS_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script, "digest", "--no-extract", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    said = [line for line in done.stderr.splitlines() if line.startswith(marker)]
    return json.loads(done.stdout), said[-1]
