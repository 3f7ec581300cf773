"""Render the HTML part of a digest email in headless Chromium and save a PNG, to look at it.

    python scripts/render_email_png.py [OUT.png]

Runs the demo pipeline offline, builds the email exactly as `autonews digest --email` would,
writes its HTML part to a temporary file and screenshots it with Chromium (Debian's package:
`apt-get install chromium`). Not part of the tests: a person looks at the picture.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from autonews.config import Config
from autonews.deliver.mail import build_message
from autonews.demo import demo_feeds, serve_demo
from autonews.paths import Paths
from autonews.pipeline import DigestOptions, make_digest
from autonews.store import Store


def html_part(workdir: Path) -> str:
    with serve_demo() as base:
        config = Config(paths=Paths(workdir, workdir / "data", workdir / "cache"))
        with Store(config.paths.store_file) as store:
            run = make_digest(store, config, DigestOptions(feeds=demo_feeds(base)))
    message = build_message(run.digest, "autonews <news@example.org>", ["reader@example.org"])
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return str(part.get_content())


def screenshot(html_file: Path, png: Path, width: int = 800, height: int = 2400) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium not found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                html_file.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "email.png").resolve()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "email.html"
        page.write_text(html_part(Path(tmp)), encoding="utf-8")
        screenshot(page, out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
