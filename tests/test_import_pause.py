"""The program keeps the cyclic garbage collector out of its imports: a digest's imports made it
pass over their objects again and again (77 passes of a warm farm run, 104 of a cold one, and
the full passes those brought: 13 and 50 ms of CPU; issue 17). A library caller's collector is
left as it set it."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from autonews import import_pause
from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import Site, feeds_toml, write_config

# `python -m autonews ARGS`, saying on stderr at exit how many times the collector passed while
# a module was being imported.
_RUN_AND_COUNT = """
import atexit, gc, runpy, sys
passes = [0]
def seen(phase, info):
    if phase != "start":
        return
    frame = sys._getframe(1)
    while frame is not None:
        if "importlib" in frame.f_code.co_filename:
            passes[0] += 1
            return
        frame = frame.f_back
gc.callbacks.append(seen)
atexit.register(lambda: print("passes while importing:", passes[0], file=sys.stderr))
sys.argv = ["autonews", *sys.argv[1:]]
runpy.run_module("autonews", run_name="__main__")
"""


def test_a_digest_imports_with_the_collector_paused(home: Path, site: Site) -> None:
    entry = {
        "title": "Ford recalls 227,000 Explorer SUVs over rear axle bolts",
        "link": site.url("/news/1"),
        "guid": "news-1",
        "date": rfc822(1),
        "description": "Ford said on Monday.",
    }
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([entry], title="EV Wire"))
    write_config(home, feeds_toml([("EV Wire", site.url("/feed.xml"))]))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTONEWS_")}
    env |= {"AUTONEWS_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_COUNT, "digest", "--no-extract", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["stories"]
    said = [line for line in done.stderr.splitlines() if line.startswith("passes while")][-1]
    assert int(said.split()[-1]) <= 5  # (a module importing another in a thread of its own)


def test_an_import_leaves_the_collector_as_it_was(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pause_probe_a.py").write_text("import gc\nSEEN = gc.isenabled()\n")
    (tmp_path / "pause_probe_b.py").write_text("import gc\nSEEN = gc.isenabled()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    enabled = gc.isenabled()
    import_pause.install()
    try:
        gc.enable()
        import pause_probe_a  # type: ignore[import-not-found]

        assert pause_probe_a.SEEN is False and gc.isenabled()
        gc.disable()
        import pause_probe_b  # type: ignore[import-not-found]

        assert pause_probe_b.SEEN is False and not gc.isenabled()
    finally:
        import_pause.uninstall()
        gc.unfreeze()
        (gc.enable if enabled else gc.disable)()
    assert import_pause._FINDER not in sys.meta_path
