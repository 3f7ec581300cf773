"""A run's end leaves nothing of the network half done (trial 25, A4): after a run with
trickling, hanging and oversized feeds and pages, asyncio printed "Task was destroyed but it is
pending! ... async_generator_athrow" on stderr, once in twenty runs, and cron mails whatever a
job prints there. An async generator (httpx's body iterators) dropped in the run's last moments
had its closing scheduled as a task the network thread's loop never ran before it closed."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import queue
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from autonews.config import FetchConfig
from autonews.fetch_session import FetchSession
from tests.helpers.hostile_server import serving


def test_a_generator_dropped_as_the_session_ends_is_closed_first(
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = FetchSession(FetchConfig(), queue.SimpleQueue())
    closed = threading.Event()

    async def body() -> AsyncIterator[bytes]:
        try:
            yield b"first chunk"
            yield b"never read"
        finally:
            try:
                await asyncio.sleep(0.05)  # closing takes turns of the loop, as a connection's
            finally:
                closed.set()  # its closing ran to its end, or was cancelled while the loop ran

    held: list[AsyncIterator[bytes]] = []

    async def start_reading() -> None:
        chunks = body()
        await chunks.__anext__()
        held.append(chunks)

    caplog.set_level(logging.ERROR, logger="asyncio")
    with session:
        asyncio.run_coroutine_threadsafe(start_reading(), session._loop).result(5)
        # Dropped in the session's last turn: the loop's finaliser hook schedules its closing.
        session._loop.call_soon_threadsafe(held.clear)
    gc.collect()
    assert "Task was destroyed" not in caplog.text
    assert closed.is_set()


# A feed and its article pages that trickle a byte at a time, one that hangs, one over the cap.
HOSTILE_NAMES = ["trickle", "hang", "bomb", "huge"]


def _config(base: str) -> tuple[str, str]:
    pages = "".join(
        f"<item><title>Volvo Recalls {1000 + n} XC70s Over Halfshaft Nut</title>"
        f"<link>{base}/trickle/{n}</link><guid>p{n}</guid></item>"
        for n in range(4)
    )
    feeds = "".join(
        f'[[feeds]]\nurl = "{base}/{name}"\nname = "{name}"\n\n' for name in HOSTILE_NAMES
    )
    return feeds + "[fetch]\ntimeout = 1.0\nretries = 0\nmax_bytes = 1000000\n", pages


@pytest.mark.parametrize("attempt", range(3))
def test_a_run_with_trickling_feeds_and_pages_leaves_stderr_clean(
    tmp_path: Path, attempt: int
) -> None:
    with serving() as base:
        home = tmp_path / "home"
        home.mkdir()
        config, items = _config(base)
        page_feed = tmp_path / "pages.xml"
        page_feed.write_text(f'<rss version="2.0"><channel><title>P</title>{items}</channel></rss>')
        (home / "config.toml").write_text(
            f'[[feeds]]\nurl = "{base}/good0"\nname = "good"\n\n'
            f'[[feeds]]\nurl = "{page_feed}"\nname = "pages"\n\n'
            + config
            + "allow_private = true\n"
        )
        result = subprocess.run(
            [sys.executable, "-m", "autonews", "digest", "--format", "text", "--since", "all"],
            env={**os.environ, "AUTONEWS_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 3, result.stderr  # the hostile feeds failed, and said so
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    # autonews's own lines only: what failed, and its hints (what the failures mean).
    assert lines and all(line.startswith(("autonews: ", "hint: ")) for line in lines), result.stderr


_FIRST_REQUEST = """
import sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import queue
from autonews.config import FetchConfig
from autonews.fetch import FetchRequest
from autonews.fetch_session import FetchSession

class Feed(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"<>")
    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
threading.Thread(target=server.serve_forever, daemon=True).start()
results = queue.SimpleQueue()
session = FetchSession(FetchConfig(), results)
made = set(sys.modules)
with session:
    session.submit("feed", 0, FetchRequest(f"http://127.0.0.1:{server.server_port}/feed"))
    assert results.get(timeout=30).result.body == b"<>"
print(" ".join(sorted(set(sys.modules) - made)))
"""


def test_the_network_thread_imports_nothing_for_its_first_request() -> None:
    """What httpx imports at its first request (httpcore, h11, anyio: some 70 modules) is
    imported when the run's network session is made, before its workers fork: imported on the
    network thread, it held back every first request of a cold run while the run's own thread
    and workers competed for the interpreter and the cores."""
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_REQUEST],
        env={**os.environ, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
