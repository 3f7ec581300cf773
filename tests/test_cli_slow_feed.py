"""Trial 33 wish 23: one feed slower than the others held a run up to [fetch] timeout (20.5 s
for a run otherwise done in 6) and nothing said which. In a terminal, the progress bar on
stderr names the last feeds the run waits for; through the real CLI, as a subprocess whose
stderr is a terminal, against feeds served on 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.site import Site, feed_xml, feeds_toml, write_config
from tests.helpers.terminal import run_in_terminal


def test_the_progress_bar_names_the_feed_the_run_waits_for(home: Path, site: Site) -> None:
    feeds = []
    for n in range(4):
        news = [(f"Volvo Recalls {1000 + n} Cars Over Halfshaft Nut", f"http://news.example/{n}")]
        site.routes[f"/{n}.xml"] = (200, "application/rss+xml", feed_xml(f"Wire {n}", news))
        feeds.append((f"Wire {n}", site.url(f"/{n}.xml")))
    site.routes["/slow.xml"] = (200, "application/rss+xml", feed_xml("Slow Podcast", []))
    site.slow["/slow.xml"] = 4.0  # long enough for two frames on a loaded machine too
    feeds.append(("Slow Podcast", site.url("/slow.xml")))
    write_config(home, feeds_toml(feeds) + "[fetch]\nretries = 0\ntimeout = 10.0\n")
    drawn = run_in_terminal(["digest", "--no-extract", "--format", "json"], home, stream="stderr")
    named = [found.strip() for found in re.findall(r"waiting for ([^\r\n\x1b]*)", drawn)]
    # Once the quick feeds came, only the slow one is named. (A frame drawn before the last
    # quick feed arrived may name it too: on a loaded machine "Wire 3, Slow Podcast" is true.)
    assert named and named[-1] == "Slow Podcast"
    assert named.count("Slow Podcast") >= 2  # said for as long as the run waits, not once
