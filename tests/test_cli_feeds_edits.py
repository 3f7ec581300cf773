"""Editing the feed list as a new user did in trial 25: edits at once, a feed that moved, names
and addresses as people write them. Through the real CLI, against HTTP servers on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.helpers.site import write_config


def config_feeds(home: Path) -> list[dict[str, object]]:
    return tomllib.loads((home / "config.toml").read_text("utf-8")).get("feeds", [])


def test_feeds_added_at_once_are_all_kept(home: Path) -> None:
    """`for i in ...; do autonews feeds add URL & done`: every command says "added", and every
    feed is in the file (each edit waits for the one before it)."""
    write_config(home, "# my comment\n")
    urls = [f"http://127.0.0.1:9/race/{n}.xml" for n in range(10)]
    env = {**os.environ, "AUTONEWS_HOME": str(home)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "autonews", "feeds", "add", "--offline", url],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for url in urls
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert out.startswith("added: "), out
    assert sorted(str(feed["url"]) for feed in config_feeds(home)) == sorted(urls)
    assert (home / "config.toml").read_text("utf-8").startswith("# my comment\n")
