"""`autonews demo`: a loopback HTTP server serving the sample feeds and article pages shipped in
``autonews/demo_data``, so the real pipeline can run with no internet.

Files may hold placeholders, filled in when served: ``{{base}}`` (this server's URL),
``{{rfc822:-5h}}`` and ``{{iso:-5h}}`` (a time relative to now). A feed whose XML declaration names
another charset (GB18030) is served encoded in it, as such feeds are in the wild.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from importlib.resources.abc import Traversable

from autonews.config import FeedConfig

_PLACEHOLDER = re.compile(r"\{\{(base|rfc822|iso)(?::(-?\d+)([mhd]))?\}\}")
_DECLARED = re.compile(r"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9_-]+)[\"']")
_TYPES = {
    ".xml": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".html": "text/html",
}
DEMO_FEEDS = (
    ("autowire.xml", "AutoWire Daily", ("wire",)),
    ("evmonitor.atom", "EV Monitor", ("ev",)),
    ("chedi.xml", "车滴快讯", ("china",)),
    ("fleetnotes.json", "Fleet Notes", ("fleet",)),
)


def demo_root() -> Traversable:
    return resources.files("autonews").joinpath("demo_data")


def fill_placeholders(text: str, base: str, now: datetime) -> str:
    def substitute(match: re.Match[str]) -> str:
        kind, amount, unit = match.groups()
        if kind == "base":
            return base
        seconds = {"m": 60, "h": 3600, "d": 86400}[unit or "h"] * int(amount or 0)
        moment = now + timedelta(seconds=seconds)
        return format_datetime(moment) if kind == "rfc822" else moment.isoformat(timespec="seconds")

    return _PLACEHOLDER.sub(substitute, text)


def _handler(root: Traversable, now: datetime) -> type[BaseHTTPRequestHandler]:
    class DemoHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path.startswith("/feeds/"):
                resource = root.joinpath("feeds", path[len("/feeds/") :])
            elif path.startswith("/articles/"):
                resource = root.joinpath("pages", path[len("/articles/") :] + ".html")
            else:
                resource = root.joinpath("pages", "index.html")
            name = resource.name
            if ".." in path or not resource.is_file():
                self.send_error(404)
                return
            base = f"http://{self.headers.get('Host', '127.0.0.1')}"
            text = fill_placeholders(resource.read_text("utf-8"), base, now)
            declared = _DECLARED.match(text)
            charset = declared.group(1) if declared else "utf-8"
            body = text.encode(charset, errors="xmlcharrefreplace")
            suffix = "." + name.rsplit(".", 1)[-1]
            content_type = _TYPES.get(suffix, "application/octet-stream")
            # The GB18030 feed is served without a charset in the header: the XML declaration
            # is what tells, as with many Chinese feeds.
            if not declared:
                content_type += "; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return None

    return DemoHandler


@contextlib.contextmanager
def serve_demo(now: datetime | None = None) -> Iterator[str]:
    """Serve the demo data on 127.0.0.1 (a free port) for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(demo_root(), now or datetime.now(UTC)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def demo_feeds(base: str) -> tuple[FeedConfig, ...]:
    return tuple(
        FeedConfig(url=f"{base}/feeds/{file}", name=name, tags=tags)
        for file, name, tags in DEMO_FEEDS
    )
