"""A small threaded HTTP site on 127.0.0.1 for the feeds, footer and stream tests: feeds, pages
that hang or fail, a site page that links its feed, a log of when each request came and was
answered; and helpers to read a digest's footer and the store."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.helpers.feeds import rfc822, rss

ARTICLE = (
    "<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body><article>"
    "<h1>{title}</h1>"
    + "<p>Volvo said the recall covers cars built between March and June, and owners will be "
    "contacted by letter. Dealers will check the halfshaft nut and tighten it free of charge. "
    "No accidents or injuries have been reported so far.</p>" * 4 + "</article></body></html>"
)


@dataclass
class Site:
    """A loopback web server: path -> (status, content type, body; a redirect's is its
    Location), or a callable answering late (a hanging page). Counts every request by path."""

    routes: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering
    # path -> paths it waits to see asked first (at most its `slow` seconds): an order a test
    # needs, without betting on how fast a loaded machine gets there.
    after: dict[str, set[str]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    log: list[tuple[str, str, float]] = field(default_factory=list)  # (event, path, monotonic)
    base: str = ""
    # Answer a request whose If-None-Match is the body's ETag "not modified", as most real
    # feeds do (off by default: many tests count on each run reading the feed anew).
    etags: bool = False

    def url(self, path: str) -> str:
        return self.base + path


def running_site() -> Iterator[Site]:
    """The site, served until the generator is closed (the `site` fixture of conftest.py)."""
    state = Site()
    release = threading.Event()

    def hold(path: str, seconds: float) -> None:
        waits_for = state.after.get(path)
        if not waits_for:
            release.wait(seconds)
            return
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not release.is_set():
            if waits_for <= {asked for event, asked, _ in list(state.log) if event == "asked"}:
                return
            time.sleep(0.01)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            state.hits[path] += 1
            state.log.append(("asked", path, time.monotonic()))
            if path in state.slow:
                hold(path, state.slow[path])
            state.log.append(("answered", path, time.monotonic()))
            status, kind, body = state.routes.get(path, (404, "text/plain", "not found"))
            data = body.encode("utf-8")
            etag = f'"{hashlib.sha1(data).hexdigest()}"'
            if state.etags and status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            try:
                self.send_response(status)
                if state.etags and status == 200:
                    self.send_header("ETag", etag)
                if 300 <= status < 400:  # a redirect: its body is where to
                    self.send_header("Location", body)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up (a hanging page)
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    release.set()
    server.shutdown()
    server.server_close()


def feed_xml(title: str, links: list[tuple[str, str]]) -> str:
    return rss(
        [
            {"title": headline, "link": link, "guid": link, "date": rfc822(n + 1)}
            for n, (headline, link) in enumerate(links)
        ],
        title=title,
    )


def write_config(home: Path, text: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def feeds_toml(feeds: list[tuple[str, str]]) -> str:
    return "".join(f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n\n' for name, url in feeds)


FAST_FETCH = "[fetch]\nretries = 0\ntimeout = 1.0\ndeadline = 20.0\n"


@contextlib.contextmanager
def store_db(home: Path) -> Iterator[sqlite3.Connection]:
    """The store's SQLite file, to read it or to move its clock back (a day passing)."""
    db = sqlite3.connect(home / "data" / "autonews.sqlite3")
    try:
        with db:
            yield db
    finally:
        db.close()


def flat(text: str) -> str:
    """Text with its line wrapping undone."""
    return " ".join(text.split())


def footer_of(text: str) -> list[str]:
    return text.rsplit("\nFeeds: ", 1)[1].splitlines()


# --- 7: the footer counts feeds, and names a broken one once a day ---------------------------
