"""The fetching issue's acceptance run: 100 feeds, 10 of them hostile, one real loopback server.
The run ends within the deadline plus 2 s, every good feed's items are there, the hostile ones
are named, memory stays low, and a warm run sends only conditional requests."""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from tests.helpers.feeds import item, rss

GOOD = 90
HOSTILE = ["hang", "trickle", "500", "bomb", "loop", "garbage", "html", "empty", "404", "huge"]
DEADLINE = 6.0


class Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[str, bool]]] = []  # (feed name, sent If-None-Match)
    bodies: ClassVar[dict[str, bytes]] = {}

    def log_message(self, format: str, *args: object) -> None:
        return None

    def do_GET(self) -> None:
        name = self.path.strip("/").split("/")[0]
        Handler.requests.append((name, "If-None-Match" in self.headers))
        if name.startswith("good"):
            etag = '"' + name + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            body = Handler.bodies[name]
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        getattr(self, "hostile_" + name)()

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def hostile_hang(self) -> None:
        time.sleep(DEADLINE + 5)

    def hostile_trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        try:
            for _ in range(int(DEADLINE * 4)):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.25)
        except OSError:
            pass

    def hostile_500(self) -> None:
        self._send(500, b"oops")

    def hostile_bomb(self) -> None:
        self._send(
            200,
            gzip.compress(b"\0" * 40_000_000),
            Content_Encoding="gzip",
            Content_Type="application/rss+xml",
        )

    def hostile_loop(self) -> None:
        self._send(302, b"", Location="/loop/again" if self.path == "/loop" else "/loop")

    def hostile_garbage(self) -> None:
        self._send(200, os.urandom(5000), Content_Type="application/rss+xml")

    def hostile_html(self) -> None:
        self._send(
            200, b"<!DOCTYPE html><html><body>Not a feed</body></html>", Content_Type="text/html"
        )

    def hostile_empty(self) -> None:
        self._send(200, b"", Content_Type="application/rss+xml")

    def hostile_404(self) -> None:
        self._send(404, b"gone")

    def hostile_huge(self) -> None:
        self._send(200, b"<rss>" + b"x" * 3_000_000, Content_Type="application/rss+xml")


@pytest.fixture
def server() -> Iterator[str]:
    Handler.bodies = {
        f"good{n}": rss(
            [item(f"Feed {n} story {k}: Toyota sales report", n * 100 + k) for k in range(5)]
        ).encode()
        for n in range(GOOD)
    }
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run(home: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "autonews",
            "digest",
            "--no-extract",
            "--format",
            "json",
            "--since",
            "all",
        ],
        env={**os.environ, "AUTONEWS_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return result, time.monotonic() - started, max(peak, before)


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
