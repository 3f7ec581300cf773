"""Where the tests' data lives."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent  # the checkout
DATA = ROOT / "tests" / "data"
FEEDCORPUS = DATA / "feedcorpus"  # hand-written feeds, one quirk each (README.md there)
DEMO_FEEDS = ROOT / "autonews" / "demo_data" / "feeds"
SHARED = ROOT.parent / "shared"  # read-only data next to the checkout; tests skip without it
