from __future__ import annotations

import importlib
import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from autonews.cli import main

# The shared checks in tests/helpers assert too: rewritten, their failures explain themselves.
pytest.register_assert_rewrite("tests.helpers")


def pytest_configure(config: pytest.Config) -> None:
    """Every test in a neutral locale, subprocesses and module fixtures too: the reader's
    language comes from the locale when no config names one, and a developer's zh_CN.UTF-8
    shell must not change what tests read (a test of a locale sets its own); nor a width in
    $COLUMNS (a test of a width sets its own)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "COLUMNS"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _no_kept_knowledge_across_tests() -> Iterator[None]:
    """A command run in-process keeps built knowledge in its home's cache folder from then on
    (autonews.classify.stored): not past the end of its test."""
    yield
    from autonews.cache_folder import keep_in

    keep_in(None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated AUTONEWS_HOME with no config and no environment overrides."""
    for name in list(__import__("os").environ):
        if name.startswith("AUTONEWS_") or name == "NO_COLOR":
            monkeypatch.delenv(name)
    monkeypatch.setenv("AUTONEWS_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def cli(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `autonews ARGS` in-process through the real entry point; returns code and output.
    Always in an isolated home (a test's own AUTONEWS_HOME or XDG folders, set in its body,
    still win): a test that asked for `cli` alone once wrote to the developer's own store."""

    def run(*args: str, stdin: str | None = None) -> CliResult:
        if stdin is not None:
            import io

            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def validate_digest():
    """Checks a JSON digest (parsed) against the shipped schema."""
    from tests.helpers.invariants import valid_digest

    return valid_digest


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


@pytest.fixture
def site() -> Iterator[object]:
    """A threaded HTTP site on 127.0.0.1 whose routes a test sets (tests/helpers/site.py)."""
    from tests.helpers.site import running_site

    yield from running_site()


@dataclass
class Clock:
    """The time every command run in-process takes for now; ``advance`` it to let days pass."""

    now: datetime

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A clock for the commands a test runs with ``cli``: it starts at the real time (so that
    loopback servers and feed dates agree) and moves only when told."""
    clock = Clock(datetime.now(UTC).replace(microsecond=0))
    # Modules that took the function itself when imported, and the one the others call. All
    # are imported before any is patched: one first imported after timeparse was patched took
    # the patched function as its own, and kept it after the test (the next tests' "now" was
    # this clock's, and a feed dated by the real time fell out of their window).
    names = ("autonews.timeparse", "autonews.pipeline", "autonews.reader")
    for module in [importlib.import_module(name) for name in names]:
        monkeypatch.setattr(module, "utcnow", lambda: clock.now)
    return clock
