"""The hostile feed server of the fetching issue's acceptance run (tests/test_hostile_run.py), which
the benchmarks time too: GOOD well-behaved feeds (``good0``...) with ETags, and one feed per way a
server can misbehave (``HOSTILE``: hangs, trickles, errors, a gzip bomb, a redirect loop, garbage,
HTML, nothing, a 404, a body over the size cap). Feed URLs are ``BASE/NAME``."""

from __future__ import annotations

import gzip
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

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
        # Far beyond the deadline: a run that waited for it would take half a minute, which no
        # loaded test machine's honest run does (its bound in test_hostile_run is generous).
        time.sleep(DEADLINE + 30)

    def hostile_trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        try:
            for _ in range(int(DEADLINE * 4 * 5)):  # a byte every 0.25 s for 5 deadlines
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


def good_bodies() -> dict[str, bytes]:
    """Five items per good feed, every item its own story."""
    return {
        f"good{n}": rss(
            [item(f"Feed {n} story {k}: Toyota sales report", n * 100 + k) for k in range(5)]
        ).encode()
        for n in range(GOOD)
    }


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # the "hang" handler sleeps on; do not wait for it

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # autonews hung up: expected
            super().handle_error(request, client_address)


@contextmanager
def serving() -> Iterator[str]:
    """The server on 127.0.0.1, fresh bodies and an empty request log; yields its base URL."""
    Handler.bodies = good_bodies()
    Handler.requests = []
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
