"""How fast does ``autonews digest`` fetch, and how does it compare with feedparser and newsboat?

    python benchmarks/fetch_bench.py [--feeds N] [--latency MS] [--corpus DIR]

Everything is measured in this run, against a threaded HTTP server on 127.0.0.1 started here:

a. N synthetic RSS feeds (20 items each), every request delayed by MS milliseconds, with ETag and
   Last-Modified (304 when If-None-Match, or else If-Modified-Since, matches). ``autonews digest
   --no-extract --format json`` runs as a subprocess on an empty store (cold) and again (warm); the
   server counts the warm run's conditional requests and 304 answers. The lower bound is
   requests x latency / concurrency, and (all feeds being on one host) requests x latency /
   per_host. Also timed: a cold digest with per_host raised to the concurrency, autonews's fetch
   stage alone in-process (cold, then warm), and ``autonews --help`` (median of 5).
b. The files of DIR (default ../shared/corpora/feeds200, read in place) served without delay:
   cold ``autonews digest --no-extract`` over all of them with the default 48 h window (the
   budget: faster than newsboat) and with ``--since all``, feedparser on the same bytes in-process
   (default options, then without sanitising and relative-URI resolution), autonews's own parser
   in-process, and ``newsboat -x reload`` with 16 reload threads when newsboat is installed.
c. Peak memory: each subprocess is reaped with ``os.wait4``, whose rusage is that child's own
   (ru_maxrss: the largest resident set of the child or of any descendant it waited for, such as
   the parse pool's workers), so no delta arithmetic over RUSAGE_CHILDREN is needed.

Subprocesses report wall and CPU (user + system) time; CPU time is the steadier figure when other
work shares the machine. The script prints the load average at its start and end.
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from autonews.config import FetchConfig  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "feeds200"
ITEMS_PER_FEED = 20
HELP_RUNS = 5
RUN_TIMEOUT = 150.0  # seconds; a hung subprocess is killed rather than hanging the benchmark
NEWSBOAT_THREADS = 16
MAKERS = ("Toyota", "Volkswagen", "Ford", "BMW", "Hyundai", "Tesla", "Renault", "Honda", "BYD")
EVENTS = (
    "recalls {n:,} vehicles over faulty airbags",
    "unveils electric SUV with {n} km of range",
    "reports quarterly profit of ${n} million",
    "to cut {n:,} jobs in restructuring",
    "halts production at {n:,}-worker plant",
    "signs ${n} million battery deal with supplier",
    "raises prices by {n:,} euros",
)
STORIES = 400  # distinct events; each feed reports 20 of them, so outlets overlap as in real life


# --- the loopback server -------------------------------------------------------------------------


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

    def __init__(self, docs: dict[str, Doc]) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.docs = docs
        self.lock = threading.Lock()
        self.tally = Tally()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

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
def serving(docs: dict[str, Doc]) -> Iterator[FeedServer]:
    server = FeedServer(docs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def make_doc(body: bytes, content_type: str, latency: float, modified: datetime) -> Doc:
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
    return Doc(
        body, content_type, etag, email.utils.format_datetime(modified, usegmt=True), latency
    )


def synthetic_feed(index: int, now: datetime, base: str) -> bytes:
    items = []
    for j in range(ITEMS_PER_FEED):
        story = (index * 53 + j * 97) % STORIES
        maker = MAKERS[story % len(MAKERS)]
        event = EVENTS[(story // len(MAKERS)) % len(EVENTS)].format(n=1000 + story * 37)
        title = f"{maker} {event}"
        published = email.utils.format_datetime(now - timedelta(minutes=6 * story + index))
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/story/{story}</link>"
            f"<guid>{base}/story/{story}</guid><pubDate>{published}</pubDate>"
            f"<description>{escape(title)}, the company said on Monday.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Synthetic feed {index}</title><link>{base}/</link>"
        f"<description>benchmark</description>{''.join(items)}</channel></rss>"
    ).encode()


def synthetic_docs(count: int, latency: float, now: datetime) -> dict[str, Doc]:
    return {
        f"/synth/{i}.xml": make_doc(
            synthetic_feed(i, now, f"https://synthetic.example/{i}"),
            "application/rss+xml; charset=utf-8",
            latency,
            now - timedelta(hours=1),
        )
        for i in range(count)
    }


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_file())


def corpus_docs(files: Sequence[Path], now: datetime) -> dict[str, Doc]:
    docs = {}
    for path in files:
        body = path.read_bytes()
        kind = "application/json" if body.lstrip()[:1] == b"{" else "application/xml"
        docs[f"/corpus/{path.name}"] = make_doc(body, kind, 0.0, now - timedelta(hours=1))
    return docs


# --- running subprocesses ------------------------------------------------------------------------


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


def run_measured(cmd: Sequence[str], env: dict[str, str], timeout: float = RUN_TIMEOUT) -> Run:
    """Run ``cmd`` to completion; wall time and the child's own rusage (via wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        seconds, code, usage = spawn_measured(cmd, timeout, stdout=out, stderr=err, env=env)
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


def autonews_cmd() -> list[str]:
    script = Path(sys.executable).parent / "autonews"
    return [str(script)] if script.exists() else [sys.executable, "-m", "autonews"]


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


def run_digest(home: Path, *extra: str) -> DigestRun:
    cmd = [*autonews_cmd(), "digest", "--no-extract", "--format", "json", *extra]
    run = run_measured(cmd, child_env(AUTONEWS_HOME=str(home)))
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


def tally_figures(tally: Tally) -> dict[str, int]:
    return {
        "requests": tally.requests,
        "conditional": tally.conditional,
        "not_modified": tally.not_modified,
        "full": tally.full,
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


def describe_tally(tally: Tally) -> str:
    return (
        f"server saw {tally.requests} requests: {tally.conditional} conditional, "
        f"{tally.not_modified} answered 304, {tally.full} answered 200"
    )


# --- a. synthetic feeds with latency -------------------------------------------------------------


def time_fetch_stage(urls: Sequence[str], validators: dict[str, tuple[str, str]]) -> float:
    """autonews's fetch stage alone, in-process: no interpreter start, parsing or storing."""
    from autonews.fetch import FetchRequest, fetch_all

    requests = [FetchRequest(url, *validators.get(url, (None, None))) for url in urls]
    started = time.perf_counter()
    results = fetch_all(requests, FetchConfig())
    seconds = time.perf_counter() - started
    for result in results:
        if result.etag and result.last_modified:
            validators[result.url] = (result.etag, result.last_modified)
    return seconds


def cold_and_warm(urls: Sequence[str], server: FeedServer) -> dict[str, Any]:
    """Two digests on one store: the first fills it, the second should be all 304s."""
    figures = {}
    with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
        home = Path(tmp)
        write_config(home, urls)
        for key, label in (
            ("cold", "cold digest (empty store)"),
            ("warm", "warm digest (second run)"),
        ):
            result = run_digest(home)
            tally = server.take_tally()
            print(f"{label + ':':<28}{describe(result)}")
            print(f"    {describe_tally(tally)}")
            MEMORY.append((f"synthetic {label}", result.run))
            figures[key] = digest_figures(result, tally)
    return figures


def print_lower_bound(count: int, latency: float) -> dict[str, Any]:
    config = FetchConfig()
    in_flight = min(config.concurrency, config.per_host)  # every feed is on 127.0.0.1
    print(
        f"lower bound: {count} requests x {latency * 1000:g} ms / {config.concurrency} "
        f"(concurrency) = {count * latency / config.concurrency:.3f} s\n"
        f"    but every feed is on one host and per_host = {config.per_host}: "
        f"{count * latency / in_flight:.3f} s"
    )
    return {
        "concurrency": config.concurrency,
        "per_host": config.per_host,
        "seconds": count * latency / config.concurrency,
        "one_host_seconds": count * latency / in_flight,
    }


def wide_open(urls: Sequence[str], server: FeedServer) -> dict[str, Any]:
    """A cold digest with per_host raised to the global concurrency."""
    concurrency = FetchConfig().concurrency
    with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
        home = Path(tmp)
        write_config(home, urls, {"per_host": concurrency})
        result = run_digest(home)
    server.take_tally()
    print(f"cold digest, per_host = {concurrency}: {describe(result)}")
    return {"per_host": concurrency, **digest_figures(result)}


def fetch_stage_only(urls: Sequence[str], server: FeedServer) -> dict[str, Any]:
    validators: dict[str, tuple[str, str]] = {}
    cold = time_fetch_stage(urls, validators)
    server.take_tally()
    warm = time_fetch_stage(urls, validators)
    tally = server.take_tally()
    print(
        f"fetch stage alone (autonews.fetch.fetch_all in-process, defaults): cold {cold:.3f} s, "
        f"warm {warm:.3f} s\n    warm: {describe_tally(tally)}"
    )
    return {"cold": cold, "warm": warm, "warm_tally": tally_figures(tally)}


def bench_synthetic(
    count: int,
    latency_ms: float,
    *,
    help_runs: int = HELP_RUNS,
    wide: bool = True,
    stage: bool = True,
) -> dict[str, Any]:
    """Part a. Prints as it goes and returns the figures; ``help_runs=0``, ``wide=False`` or
    ``stage=False`` leave out ``autonews --help``, the per_host-raised run or the fetch stage."""
    latency = latency_ms / 1000
    figures: dict[str, Any] = {
        "feeds": count,
        "items_per_feed": ITEMS_PER_FEED,
        "latency_ms": latency_ms,
    }
    print(f"== a. {count} synthetic feeds x {ITEMS_PER_FEED} items, {latency_ms:g} ms per request")
    if help_runs:
        times = help_seconds(help_runs)
        figures["help"] = {"runs": times, "median": statistics.median(times)}
        print(f"autonews --help, median of {help_runs}: {statistics.median(times):.3f} s")
    with serving(synthetic_docs(count, latency, datetime.now(UTC))) as server:
        urls = [server.base + path for path in server.docs]
        figures.update(cold_and_warm(urls, server))
        figures["lower_bound"] = print_lower_bound(count, latency)
        if wide:
            figures["wide_open"] = wide_open(urls, server)
        if stage:
            figures["fetch_stage"] = fetch_stage_only(urls, server)
    return figures


# --- b. the 200-feed corpus ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    tool: str
    seconds: float
    cpu: float
    entries: int
    feeds: int  # feeds read without error / with entries
    note: str = ""


def time_feedparser(bodies: Sequence[bytes], **options: bool) -> Row:
    import feedparser

    started, cpu = time.perf_counter(), time.process_time()
    parsed = [feedparser.parse(body, **options) for body in bodies]
    seconds = time.perf_counter() - started
    label = "feedparser.parse" + (" (no sanitize, no relative URIs)" if options else " (default)")
    return Row(
        label,
        seconds,
        time.process_time() - cpu,
        sum(len(p.entries) for p in parsed),
        sum(bool(p.entries) for p in parsed),
        "in-process, parse only",
    )


def time_autonews_parser(bodies: Sequence[bytes], content_types: Sequence[str]) -> Row:
    from autonews.errors import FeedParseError
    from autonews.parse import parse_feed

    entries = feeds = 0
    started, cpu = time.perf_counter(), time.process_time()
    for body, kind in zip(bodies, content_types, strict=True):
        try:
            entries += len(parse_feed(body, kind).entries)
            feeds += 1
        except FeedParseError:
            pass
    return Row(
        "autonews.parse.parse_feed",
        time.perf_counter() - started,
        time.process_time() - cpu,
        entries,
        feeds,
        "in-process, parse only, no item cap",
    )


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


def run_newsboat(urls: Sequence[str], server: FeedServer) -> Row | None:
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
        tally = server.take_tally()
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


def ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.2f}x" if reference else "-"


def print_table(rows: Sequence[Row], newsboat: Row | None) -> None:
    wall, cpu = (newsboat.seconds, newsboat.cpu) if newsboat else (None, None)
    print(
        f"{'tool':<48} {'wall s':>7} {'CPU s':>7} {'entries':>7} {'feeds':>5} "
        f"{'wall/nb':>7} {'CPU/nb':>7}  note"
    )
    for row in rows:
        print(
            f"{row.tool:<48} {row.seconds:7.2f} {row.cpu:7.2f} {row.entries:7d} {row.feeds:5d} "
            f"{ratio(row.seconds, wall):>7} {ratio(row.cpu, cpu):>7}  {row.note}"
        )


def feedparser_verdict(body: bytes) -> str:
    import feedparser

    parsed = feedparser.parse(body)
    bozo = f", bozo: {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
    return f"feedparser: {len(parsed.entries)} entries, version {parsed.get('version')!r}{bozo}"


def digest_corpus(urls: Sequence[str], server: FeedServer) -> list[tuple[str, DigestRun]]:
    """Cold runs: the default 48 h window (what a user runs, and the budget against newsboat),
    then ``--since all`` (every entry classified and clustered)."""
    runs = []
    for extra in ([], ["--since", "all"]):
        with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
            home = Path(tmp)
            write_config(home, urls)
            result = run_digest(home, *extra)
        label = " ".join(["autonews digest", *extra]) + " (cold)"
        print(f"{label + ':':<52}{describe(result)}")
        print(f"    {describe_tally(server.take_tally())}")
        MEMORY.append((label, result.run))
        runs.append((label, result))
    return runs


def digest_row(label: str, result: DigestRun) -> Row:
    limit = FetchConfig().max_items_per_feed
    note = f"subprocess: fetch, parse, store, classify, cluster; <= {limit} items/feed"
    if not result.ok:
        label, note = label + " FAILED", f"exit {result.run.returncode}, no digest printed"
    return Row(
        label, result.run.seconds, result.run.cpu, result.entries, result.statuses["ok"], note
    )


def bench_corpus(corpus: Path, limit: int | None = None) -> dict[str, Any]:
    """Part b. Prints as it goes and returns the figures; ``limit`` takes the first files only."""
    files = corpus_files(corpus)[:limit]
    print(f"\n== b. {len(files)} corpus feeds from {corpus}, served without added latency")
    docs = corpus_docs(files, datetime.now(UTC))
    with serving(docs) as server:
        urls = [server.base + path for path in docs]
        digests = digest_corpus(urls, server)
        newsboat = run_newsboat(urls, server)
    bodies = [doc.body for doc in docs.values()]
    kinds = [doc.content_type for doc in docs.values()]
    time_feedparser(bodies[:3])  # imports and lazy loads happen here, not in the timings
    time_autonews_parser(bodies[:3], kinds[:3])
    rows = [digest_row(label, result) for label, result in digests]
    parsers = {
        "autonews": time_autonews_parser(bodies, kinds),
        "feedparser": time_feedparser(bodies),
        "feedparser_fast": time_feedparser(
            bodies, sanitize_html=False, resolve_relative_uris=False
        ),
    }
    rows += parsers.values()
    if newsboat is not None:
        rows.append(newsboat)
    print()
    print_table(rows, newsboat)
    if newsboat is not None:
        for label, result in digests:
            print(
                f"{label} / newsboat: wall {ratio(result.run.seconds, newsboat.seconds)}, "
                f"CPU {ratio(result.run.cpu, newsboat.cpu)}"
                + ("" if result.ok else " (failed run, timed up to its failure)")
            )
    errors = digests[-1][1].errors
    print(f"\nfeeds autonews marks as errors: {len(errors)}")
    for name, error in sorted(errors.items()):
        print(f"  {name}: {error}\n      {feedparser_verdict(docs['/corpus/' + name].body)}")
    return {
        "corpus": str(corpus),
        "files": len(files),
        "digest": digest_figures(digests[0][1]),
        "digest_since_all": digest_figures(digests[1][1]),
        "newsboat": None if newsboat is None else asdict(newsboat),
        "newsboat_version": newsboat_version(),
        "newsboat_threads": NEWSBOAT_THREADS,
        "parsers": {key: asdict(row) for key, row in parsers.items()},
    }


def print_memory() -> None:
    print("\n== c. peak memory: max RSS of each subprocess (os.wait4 rusage; the largest process")
    print("   of its tree, parse-pool workers included)")
    for label, run in MEMORY:
        print(f"{label:<52} {mb(run.max_rss_kb):>8}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=100, help="synthetic feeds (default 100)")
    parser.add_argument(
        "--latency", type=float, default=50.0, help="ms added to each request (default 50)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="feed files to serve")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (other work on the machine skews timings)")
    bench_synthetic(args.feeds, args.latency)
    if args.corpus.is_dir():
        bench_corpus(args.corpus)
    else:
        print(f"\ncorpus {args.corpus} not found: part b skipped")
    print_memory()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nbenchmark wall time: {time.perf_counter() - started:.1f} s; load average {load}")


if __name__ == "__main__":
    main()
