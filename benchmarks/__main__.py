"""All the benchmarks in one command, each figure with its baseline measured in the same run.

    python -m benchmarks [--quick] [--only NAME,...] [--json FILE] [--corpus DIR] [--before DIR]

Parts (in order): startup (``autonews --help``), fetch (synthetic feeds, cold and warm, against
the lower bound), corpus (the 200 real feeds of ../shared/corpora/feeds200, read in place: cold
digests against newsboat when installed, parsing against plain feedparser), digest (the demo with
extraction, cold against its lower bound, and warm), farm (30 sites on 30 loopback addresses with
article pages: cold and warm digests against the lower bound, ``--no-extract`` against newsboat),
scale (2,000 feeds on 200 hosts and a store of 200,000 items, with how time and memory grow),
extract (against plain trafilatura),
classify (throughput on one core), cluster (time), agreement (autonews's parser against
feedparser, field by field), hostile (100 feeds of which 10 hostile, against the deadline); the
peak memory of every autonews subprocess is recorded with ``os.wait4``.

Each part runs in a fresh ``python -m benchmarks.sections`` process, one after the other (they
would skew each other's timings if run side by side). Their detailed output and the progress go
to stderr; stdout gets the Markdown table of README.md's "Performance" section, then one line
on the machine (CPUs, load average before and after, the suite's wall and CPU time: the CPU
time is the steadier measure of its cost when other work shares the machine). ``--json FILE``
writes every figure; ``--quick`` runs each part on a small input as a smoke test (its figures
are not the README's). ``--before DIR`` also times the autonews of DIR (a checkout of an earlier
commit) in the corpus and farm parts, turn about with this one, so that old and new are compared
under the same load; the table shows its figures as "was". Exit status 1 when a part failed (its
row says so).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.harness import spawn_measured
from benchmarks.sections import DEFAULT_CORPUS, ROOT, SECTIONS
from benchmarks.table import build_rows, markdown

PART_TIMEOUT = 600.0  # seconds; a part still running then is killed and reported as failed


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_part(name: str, quick: bool, corpus: Path, before: Path | None = None) -> dict[str, Any]:
    """One part in a child process whose stdout is our stderr; its figures, or ``{"error"}``."""
    with tempfile.TemporaryDirectory(prefix="benchmarks-") as tmp:
        out = Path(tmp) / f"{name}.json"
        cmd = [sys.executable, "-m", "benchmarks.sections", name, str(out), "--corpus", str(corpus)]
        if quick:
            cmd.append("--quick")
        if before is not None:
            cmd += ["--before", str(before.resolve())]
        sys.stderr.flush()
        seconds, code, usage = spawn_measured(cmd, PART_TIMEOUT, cwd=ROOT, stdout=sys.stderr)
        part = {
            "seconds": seconds,
            "cpu": usage.ru_utime + usage.ru_stime,  # the part's and its subprocesses' CPU time
            "max_rss_kb": usage.ru_maxrss,
            "returncode": code,
        }
        if code == 0 and out.exists():
            return {"figures": json.loads(out.read_text("utf-8")), **part}
        reason = f"killed after {PART_TIMEOUT:g} s" if code == -9 else f"exit {code}"
        return {"error": f"{reason}, see stderr", **part}


def parse_only(text: str | None) -> list[str]:
    if not text:
        return list(SECTIONS)
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        raise SystemExit(f"unknown part(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    return [name for name in SECTIONS if name in names]  # always in the suite's order


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="small inputs: a smoke test")
    parser.add_argument("--only", metavar="NAME,...", help="parts: " + ", ".join(SECTIONS))
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure here")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="feeds200 folder")
    parser.add_argument(
        "--before", type=Path, metavar="DIR", help="also time the autonews checkout in DIR"
    )
    args = parser.parse_args(argv)
    names = parse_only(args.only)
    load_before, started = load_average(), time.perf_counter()
    log(f"{os.cpu_count()} CPUs, load average {load_before}; parts: {', '.join(names)}")
    parts: dict[str, dict[str, Any]] = {}
    for index, name in enumerate(names, 1):
        log(f"\n##### [{index}/{len(names)}] {name} (load average {load_average()})")
        part = parts[name] = run_part(name, args.quick, args.corpus, args.before)
        state = "FAILED: " + part["error"] if "error" in part else "done"
        log(
            f"##### {name}: {state} in {part['seconds']:.1f} s ({part['cpu']:.1f} s CPU), "
            f"part's own peak {part['max_rss_kb'] / 1024:.0f} MB"
        )
    elapsed = time.perf_counter() - started
    cpu = sum(part["cpu"] for part in parts.values())
    results = {
        name: part["figures"] if "figures" in part else {"error": part["error"]}
        for name, part in parts.items()
    }
    load_after = load_average()
    log(f"\nall parts done in {elapsed:.1f} s ({cpu:.0f} s CPU); load average {load_after}\n")
    print(markdown(build_rows(results)))
    print(
        f"\n{os.cpu_count()} CPUs, load average {load_before} before and {load_after} after; "
        f"suite wall time {elapsed:.0f} s, CPU time {cpu:.0f} s"
        + ("; --quick (smoke test) figures" if args.quick else "")
    )
    if args.json:
        meta = {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_before": load_before,
            "load_after": load_after,
            "seconds": elapsed,
            "cpu": cpu,
            "quick": args.quick,
        }
        args.json.write_text(json.dumps({"meta": meta, "parts": parts}, indent=1), "utf-8")
    return 1 if any("error" in part for part in parts.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
