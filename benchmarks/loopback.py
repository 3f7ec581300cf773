"""The benchmarks' feed server: a threaded HTTP/1.1 server on a loopback address (127.0.0.1 unless
told another of 127.0.0.0/8) serving fixed documents, each with an ETag and a Last-Modified (304
when If-None-Match, or else If-Modified-Since, matches) and an optional delay per request; it counts
requests, conditional ones and 304 answers. :func:`serving_hosts` starts one per address, so that
sites look like distinct hosts to a client (127.0.0.1 to 127.0.0.254 all reach this machine)."""

from __future__ import annotations

import email.utils
import hashlib
import socketserver
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast


@dataclass(frozen=True)
class Doc:
    body: bytes
    content_type: str
    etag: str
    last_modified: str
    latency: float  # seconds slept before answering


@dataclass
class Tally:
    requests: int = 0
    conditional: int = 0
    not_modified: int = 0
    full: int = 0
    agents: Counter[str] = field(default_factory=Counter)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default backlog of 5 drops connections under 16-way bursts

    def __init__(self, docs: dict[str, Doc], host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), FeedHandler)
        self.docs = docs
        self.lock = threading.Lock()
        self.tally = Tally()

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the address up in DNS (socket.getfqdn): a quarter of a
        # second per server for addresses such as 127.0.0.7, which have no name.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def take_tally(self) -> Tally:
        """The counts since the last call; counting starts afresh."""
        with self.lock:
            tally, self.tally = self.tally, Tally()
        return tally

    def record(self, agent: str, conditional: bool, fresh: bool) -> None:
        with self.lock:
            self.tally.requests += 1
            self.tally.conditional += conditional
            self.tally.not_modified += fresh
            self.tally.full += not fresh
            self.tally.agents[agent.split("/")[0]] += 1


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real feed servers offer
    # Headers and body go out in two writes: with Nagle on, the body waits for the client's
    # delayed ACK (40 ms on Linux) and every keep-alive request looks 40 ms slower than it is.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        server = cast(FeedServer, self.server)
        doc = server.docs.get(self.path)
        if doc is None:
            self.send_error(404)
            return
        if doc.latency:
            time.sleep(doc.latency)
        if_none_match = self.headers.get("If-None-Match")
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_none_match is not None:
            fresh = if_none_match == doc.etag
        else:
            fresh = if_modified_since == doc.last_modified
        server.record(
            self.headers.get("User-Agent", "-"),
            if_none_match is not None or if_modified_since is not None,
            fresh,
        )
        self.send_response(304 if fresh else 200)
        self.send_header("ETag", doc.etag)
        self.send_header("Last-Modified", doc.last_modified)
        if fresh:
            self.end_headers()
            return
        self.send_header("Content-Type", doc.content_type)
        self.send_header("Content-Length", str(len(doc.body)))
        self.end_headers()
        self.wfile.write(doc.body)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def serving(docs: dict[str, Doc], host: str = "127.0.0.1") -> Iterator[FeedServer]:
    server = FeedServer(docs, host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def loopback_address(number: int) -> str:
    """127.0.0.1 for 1, ... 127.0.0.254 for 254: addresses that all reach this machine."""
    if not 1 <= number <= 254:
        raise ValueError(f"no loopback address number {number}")
    return f"127.0.0.{number}"


@contextmanager
def serving_hosts(count: int) -> Iterator[list[FeedServer]]:
    """``count`` servers with no documents yet, on 127.0.0.1, 127.0.0.2, ...: fill each one's
    ``docs`` (whose URLs need its port) before the first request."""
    servers: list[FeedServer] = []
    try:
        for number in range(1, count + 1):
            server = FeedServer({}, loopback_address(number))
            servers.append(server)
            threading.Thread(target=server.serve_forever, daemon=True).start()
        yield servers
    finally:
        # All at once: each shutdown() waits for its loop's next poll (half a second).
        stopping = [threading.Thread(target=server.shutdown) for server in servers]
        for thread in stopping:
            thread.start()
        for thread in stopping:
            thread.join()
        for server in servers:
            server.server_close()


def take_tallies(servers: Iterable[FeedServer]) -> Tally:
    """The counts of several servers since their last call, added up."""
    total = Tally()
    for server in servers:
        tally = server.take_tally()
        total.requests += tally.requests
        total.conditional += tally.conditional
        total.not_modified += tally.not_modified
        total.full += tally.full
        total.agents.update(tally.agents)
    return total


def make_doc(body: bytes, content_type: str, latency: float, modified: datetime) -> Doc:
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
    return Doc(
        body, content_type, etag, email.utils.format_datetime(modified, usegmt=True), latency
    )


def tally_figures(tally: Tally) -> dict[str, int]:
    return {
        "requests": tally.requests,
        "conditional": tally.conditional,
        "not_modified": tally.not_modified,
        "full": tally.full,
    }


def describe_tally(tally: Tally) -> str:
    return (
        f"server saw {tally.requests} requests: {tally.conditional} conditional, "
        f"{tally.not_modified} answered 304, {tally.full} answered 200"
    )
