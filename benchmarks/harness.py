"""Measured runs for the benchmarks: subprocesses timed with their own rusage (``os.wait4``: wall,
CPU and peak memory of the child and the descendants it waited for), ``autonews digest`` runs on
a fresh home, newsboat on the same feeds, and their figures as plain dicts and printed lines."""

from __future__ import annotations

import compileall
import functools
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autonews.config import FetchConfig
from benchmarks.loopback import FeedServer, Tally, take_tallies, tally_figures

HELP_RUNS = 5
RUN_TIMEOUT = 150.0  # seconds; a hung subprocess is killed rather than hanging the benchmark
# newsboat reloads with as many threads as autonews has requests in flight: like for like.
NEWSBOAT_THREADS = FetchConfig().concurrency


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the child and the descendants it waited for
    returncode: int
    max_rss_kb: int
    stdout: str
    stderr: str


MEMORY: list[tuple[str, Run]] = []  # (label, run) of every subprocess worth reporting in part c


def spawn_measured(
    cmd: Sequence[str], timeout: float, **popen: Any
) -> tuple[float, int, resource.struct_rusage]:
    """Run ``cmd`` to completion, killed after ``timeout`` s: wall seconds, exit code (-9 when
    killed) and the child's own rusage (via wait4, so it counts its descendants too)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, **popen)
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, proc.returncode, usage


def run_measured(
    cmd: Sequence[str], env: dict[str, str], timeout: float = RUN_TIMEOUT, cwd: Path | None = None
) -> Run:
    """Run ``cmd`` to completion; wall time and the child's own rusage (via wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        seconds, code, usage = spawn_measured(
            cmd, timeout, stdout=out, stderr=err, env=env, cwd=cwd
        )
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            usage.ru_utime + usage.ru_stime,
            code,
            usage.ru_maxrss,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def compile_bytecode(tree: Path) -> None:
    """Write the bytecode of the autonews package in ``tree``, as installing it does (pip
    compiles what it installs). Where PYTHONDONTWRITEBYTECODE is set (this workplace sets it),
    every timed run would otherwise compile autonews from source first, which no installed
    copy does."""
    compileall.compile_dir(str(tree / "autonews"), quiet=1)


def autonews_cmd() -> list[str]:
    compile_bytecode(ROOT)
    script = Path(sys.executable).parent / "autonews"
    return [str(script)] if script.exists() else [sys.executable, "-m", "autonews"]


def run_autonews(
    args: Sequence[str], env: dict[str, str], source: Path | None = None, **options: Any
) -> Run:
    """``autonews ARGS``, or with ``source`` the autonews of that checkout (run from its root,
    so that ``python -m autonews`` imports it and not this one), measured."""
    if source is None:
        return run_measured([*autonews_cmd(), *args], env, **options)
    env = {**env, "PYTHONPATH": str(source)}
    compile_bytecode(source)
    return run_measured([sys.executable, "-m", "autonews", *args], env, cwd=source, **options)


def child_env(**extra: str) -> dict[str, str]:
    """This environment without AUTONEWS_* settings or proxies for loopback, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTONEWS_")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.update(extra)
    return env


def write_config(home: Path, urls: Sequence[str], fetch: dict[str, int] | None = None) -> None:
    lines = ["[fetch]", *(f"{k} = {v}" for k, v in (fetch or {}).items()), ""]
    for url in urls:
        name = url.rsplit("/", 1)[-1]
        lines += ["[[feeds]]", f"url = {json.dumps(url)}", f"name = {json.dumps(name)}", ""]
    (home / "config.toml").write_text("\n".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class DigestRun:
    run: Run
    ok: bool  # printed its JSON digest
    statuses: Counter[str]
    entries: int
    stories: int
    errors: dict[str, str]  # feed name -> error message


def run_digest(home: Path, *extra: str, source: Path | None = None) -> DigestRun:
    """``autonews digest --no-extract --format json EXTRA`` on ``home`` (with ``source``: the
    autonews of that checkout), measured, its JSON read."""
    args = ["digest", "--no-extract", "--format", "json", *extra]
    run = run_autonews(args, child_env(AUTONEWS_HOME=str(home)), source)
    try:
        document = json.loads(run.stdout)
        feeds, stories = document["feeds"], len(document["stories"])
    except (json.JSONDecodeError, KeyError, TypeError):
        return DigestRun(run, False, Counter(), 0, 0, {})
    return DigestRun(
        run,
        True,
        Counter(f["status"] for f in feeds),
        sum(f["items"] or 0 for f in feeds),
        stories,
        {f["name"] or f["url"]: f["error"] for f in feeds if f["status"] == "error"},
    )


def failure(run: Run) -> str:
    lines = [line for line in run.stderr.strip().splitlines() if line.strip()]
    return f"FAILED after {run.seconds:.2f} s, exit {run.returncode}: " + (
        lines[-1].strip() if lines else "no output"
    )


def help_seconds(runs: int = HELP_RUNS) -> list[float]:
    """Wall seconds of ``autonews --help``, ``runs`` times."""
    env = child_env()
    return [run_measured([*autonews_cmd(), "--help"], env).seconds for _ in range(runs)]


def median_help_seconds(runs: int = HELP_RUNS) -> float:
    return statistics.median(help_seconds(runs))


# --- figures as plain dicts (for benchmarks/__main__.py and --json) ------------------------------


def run_figures(run: Run) -> dict[str, Any]:
    return {
        "seconds": run.seconds,
        "cpu": run.cpu,
        "returncode": run.returncode,
        "max_rss_kb": run.max_rss_kb,
    }


def digest_figures(result: DigestRun, tally: Tally | None = None) -> dict[str, Any]:
    figures = {
        **run_figures(result.run),
        "ok": result.ok,
        "statuses": dict(result.statuses),
        "entries": result.entries,
        "stories": result.stories,
        "errors": result.errors,
    }
    if not result.ok:
        figures["failure"] = failure(result.run)
    if tally is not None:
        figures["tally"] = tally_figures(tally)
    return figures


def memory_figures() -> list[dict[str, Any]]:
    return [{"label": label, "max_rss_kb": run.max_rss_kb} for label, run in MEMORY]


# --- reporting -----------------------------------------------------------------------------------


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB"


def describe(result: DigestRun) -> str:
    if not result.ok:
        return failure(result.run)
    states = ", ".join(f"{k} {v}" for k, v in sorted(result.statuses.items()))
    return (
        f"{result.run.seconds:6.2f} s (CPU {result.run.cpu:5.2f} s)  max RSS "
        f"{mb(result.run.max_rss_kb):>6}  exit "
        f"{result.run.returncode}  feeds: {states}; entries {result.entries}, "
        f"stories {result.stories}"
    )


def print_memory() -> None:
    print("\n== c. peak memory: max RSS of each subprocess (os.wait4 rusage; the largest process")
    print("   of its tree, parse-pool workers included)")
    for label, run in MEMORY:
        print(f"{label:<52} {mb(run.max_rss_kb):>8}")


# --- newsboat, the baseline ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    tool: str
    seconds: float
    cpu: float
    entries: int
    feeds: int  # feeds read without error / with entries
    note: str = ""


def newsboat_version() -> str | None:
    """``2.21.0`` for newsboat 2.21.0; None when newsboat is not installed."""
    exe = shutil.which("newsboat")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    words = out.split()
    return words[1] if len(words) > 1 and words[0] == "newsboat" else "?"


def run_newsboat(urls: Sequence[str], server: FeedServer | Sequence[FeedServer]) -> Row | None:
    """``newsboat -x reload`` on ``urls`` served by ``server`` (or several servers)."""
    exe = shutil.which("newsboat")
    if exe is None:
        print("newsboat not installed")
        return None
    with tempfile.TemporaryDirectory(prefix="fetch-bench-newsboat-") as tmp:
        work = Path(tmp)
        (work / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
        (work / "config").write_text(f"reload-threads {NEWSBOAT_THREADS}\n", encoding="utf-8")
        cache = work / "cache.db"
        cmd = [exe, "-q", "-u", str(work / "urls"), "-c", str(cache), "-C", str(work / "config")]
        run = run_measured([*cmd, "-x", "reload"], child_env(HOME=str(work)))
        tally = take_tallies([server] if isinstance(server, FeedServer) else server)
        entries, read = newsboat_counts(cache)
    MEMORY.append(("newsboat -x reload", run))
    finished = run.returncode == 0 and tally.requests >= len(urls) and entries > 0
    status = "finished" if finished else f"DID NOT FINISH (exit {run.returncode})"
    print(
        f"newsboat -x reload: exit {run.returncode}, {tally.requests} requests, "
        f"max RSS {mb(run.max_rss_kb)}, {status}"
    )
    if not finished:
        print((run.stdout + run.stderr)[-1000:])
    unread = sorted(url.rsplit("/", 1)[-1] for url in set(urls) - read)
    print(f"    feeds newsboat stored no item from: {', '.join(unread) or 'none'}")
    return Row(
        f"newsboat -x reload ({NEWSBOAT_THREADS} threads)",
        run.seconds,
        run.cpu,
        entries,
        len(read),
        "subprocess: fetch, parse, store",
    )


def newsboat_counts(cache: Path) -> tuple[int, set[str]]:
    """Items in newsboat's cache, and the feed URLs they came from."""
    if not cache.exists():
        return 0, set()
    with sqlite3.connect(cache) as db:
        rows = db.execute("SELECT feedurl, COUNT(*) FROM rss_item GROUP BY feedurl").fetchall()
    return sum(int(count) for _, count in rows), {str(url) for url, _ in rows}
