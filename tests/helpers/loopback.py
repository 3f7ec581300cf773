"""A loopback HTTP server that answers with exactly the bytes and Content-Type it was given: no
default content type, no charset added, no compression. For tests that hand documents to the
real fetch stage (autonews.fetch over HTTP) instead of to the parser directly."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast


class DocumentServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.documents: dict[str, tuple[bytes, str | None]] = {}
        self._numbers = itertools.count()
        self._lock = threading.Lock()

    def put(self, body: bytes, content_type: str | None) -> str:
        """Serve ``body`` at a new URL (returned), with this Content-Type header, or none."""
        with self._lock:
            path = f"/doc/{next(self._numbers)}"
            self.documents[path] = (body, content_type)
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def clear(self) -> None:
        with self._lock:
            self.documents.clear()

    def get(self, path: str) -> tuple[bytes, str | None] | None:
        with self._lock:
            return self.documents.get(path)


class _Handler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        document = cast(DocumentServer, self.server).get(self.path)
        if document is None:
            self.send_error(404)
            return
        body, content_type = document
        self.send_response(200)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def serving_documents() -> Iterator[DocumentServer]:
    server = DocumentServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
