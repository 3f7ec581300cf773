"""The per-request work of fetching (autonews.fetch_stack): what no feed needs is not done, and
what a site needs still is. Over a real keep-alive server on loopback."""

from __future__ import annotations

import http.cookiejar
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from autonews.config import FetchConfig
from autonews.fetch import FetchRequest, fetch_all
from autonews.models import FeedStatus

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
ONE_CONNECTION = FetchConfig(timeout=5.0, deadline=20.0, retries=0, per_host=1, concurrency=1)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections kept, as real feed servers keep them

    def do_GET(self) -> None:
        if self.path.startswith("/checked") and "seen=1" not in self.headers.get("Cookie", ""):
            # A cookie check: the first visit is sent on with a cookie, and the next address
            # answers only a visitor who has it (else: round and round, to the redirect cap).
            self.send_response(302)
            self.send_header("Location", self.path + ("&" if "?" in self.path else "?") + "c=1")
            self.send_header("Set-Cookie", "seen=1; Path=/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def keep_alive_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _counting(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[int]:
    calls = [0]
    original = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_cookie_set_by_a_redirect_is_sent_to_its_target() -> None:
    with keep_alive_server() as base:
        (result,) = fetch_all([FetchRequest(f"{base}/checked/feed.xml")], ONE_CONNECTION)
    assert result.status is FeedStatus.OK, result.error
    assert result.body == FEED


def test_responses_that_set_no_cookie_are_not_read_by_the_cookie_jar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    jar_reads = _counting(monkeypatch, http.cookiejar.CookieJar, "extract_cookies")
    with keep_alive_server() as base:
        results = fetch_all(
            [FetchRequest(f"{base}/feed.xml?n={n}") for n in range(10)], ONE_CONNECTION
        )
        assert all(r.status is FeedStatus.OK for r in results)
        assert jar_reads[0] == 0
        (checked,) = fetch_all([FetchRequest(f"{base}/checked/x.xml")], ONE_CONNECTION)
    assert checked.status is FeedStatus.OK
    assert jar_reads[0] == 1  # the response that set the cookie


def test_reusing_a_connection_does_not_ask_the_kernel_about_its_socket_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    peer_asked = _counting(monkeypatch, socket.socket, "getpeername")
    connections = _counting(monkeypatch, socket.socket, "connect")
    with keep_alive_server() as base:
        results = fetch_all(
            [FetchRequest(f"{base}/feed.xml?n={n}") for n in range(20)], ONE_CONNECTION
        )
    assert all(r.status is FeedStatus.OK for r in results)
    assert connections[0] == 1  # one connection, reused 19 times
    assert peer_asked[0] < 5  # at connecting, not at each reuse (41 times before)
