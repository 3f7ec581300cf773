"""The parts of ``python -m benchmarks``: each measures one thing and returns its figures as a dict.

    python -m benchmarks.sections NAME OUT.json [--quick] [--corpus DIR]

runs one part in this (fresh) process, prints its detailed output as it goes and writes the
figures to OUT.json. ``python -m benchmarks`` starts one such process per part, so that no part
inherits another's imports, caches, CPU affinity (extraction and classification pin themselves to
one core) or memory, and so that each part's peak memory is its own.

The parts call the scripts beside this file: fetch_bench, corpus_bench, parse_compare,
extract_bench, cluster_eval, digest_bench, farm_bench and scale_bench in-process, classify_eval
as a subprocess whose printed output is parsed (``parse_classify_output``). The hostile part serves
tests/helpers/hostile_server.py, the server of tests/test_hostile_run.py.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus_bench, fetch_bench, harness  # noqa: E402

DEFAULT_CORPUS = corpus_bench.DEFAULT_CORPUS
CLASSIFY_TIMEOUT = 120.0


@dataclass(frozen=True)
class Options:
    quick: bool = False
    corpus: Path = DEFAULT_CORPUS
    before: Path | None = None  # an earlier checkout, timed side by side where a part can


def startup(options: Options) -> dict[str, Any]:
    """``autonews --help``: interpreter start-up, imports and argument parsing."""
    runs = 1 if options.quick else harness.HELP_RUNS
    times = harness.help_seconds(runs)
    print(f"autonews --help, {runs} runs: " + ", ".join(f"{t:.3f} s" for t in times))
    return {"runs": times}


def fetch(options: Options) -> dict[str, Any]:
    """Synthetic feeds on a loopback server: a cold and a warm digest with 50 ms per request
    (against the lower bound), then a warm digest and the fetch stage alone without latency."""
    latency = (20, 10.0) if options.quick else (100, 50.0)
    no_latency = (10, 0.0) if options.quick else (50, 0.0)
    with_latency = fetch_bench.bench_synthetic(*latency, help_runs=0, wide=False, stage=False)
    print()
    without = fetch_bench.bench_synthetic(*no_latency, help_runs=0, wide=False, stage=True)
    return {
        "latency": with_latency,
        "no_latency": without,
        "memory": harness.memory_figures(),
    }


def corpus(options: Options) -> dict[str, Any]:
    """The real feeds: cold digests, newsboat, and parsing in-process against feedparser."""
    if not options.corpus.is_dir():
        raise FileNotFoundError(f"corpus {options.corpus} not found")
    figures = corpus_bench.bench_corpus(
        options.corpus, limit=10 if options.quick else None, before=options.before
    )
    harness.print_memory()
    return {**figures, "memory": harness.memory_figures()}


def agreement(options: Options) -> dict[str, Any]:
    """autonews's parser against feedparser, field by field, on the real feeds."""
    from benchmarks import parse_compare

    if not options.corpus.is_dir():
        raise FileNotFoundError(f"corpus {options.corpus} not found")
    files = list(parse_compare.feed_files([options.corpus]))[: 20 if options.quick else None]
    report = parse_compare.compare(files, max_examples=2)
    parse_compare.print_report(str(options.corpus), report)
    return {key: value for key, value in report.items() if key != "examples"}


def extract(options: Options) -> dict[str, Any]:
    """autonews's extraction against plain trafilatura on the pages written for the project:
    token F1 against the gold bodies and CPU ms per page, pinned to one core."""
    from benchmarks import extract_bench

    extract_bench.pin_to_one_core()
    repeat = 1 if options.quick else 3
    methods = {
        name: extract_bench.METHODS[name]
        for name in (extract_bench.BASELINE, extract_bench.SUBJECT)
    }
    result = extract_bench.run(extract_bench.DEFAULT_PAGES, repeat, methods, cold=False)
    print(f"{len(result['pages'])} pages, median of {repeat} timed calls per page\n")
    print(extract_bench.format_table(result))
    print(extract_bench.format_worse(result))
    return {
        "pages": len(result["pages"]),
        "repeat": repeat,
        "baseline": extract_bench.BASELINE,
        "subject": extract_bench.SUBJECT,
        "methods": result["methods"],
        "worse": result["worse"],
    }


_SET = re.compile(r"^== (?P<name>.+?): (?P<rows>\d+) headlines\s*$")
_MAKERS = re.compile(
    r"^makers\s+precision (?P<p>[\d.]+)\s+recall (?P<r>[\d.]+)\s+F1 (?P<f1>[\d.]+)"
)
_ACCURACY = re.compile(
    r"^primary maker accuracy (?P<primary>[\d.]+)\s+event accuracy (?P<event>[\d.]+)"
)
_THROUGHPUT = re.compile(
    r"^throughput: (?P<rate>[\d,.]+) headlines/s on one core"
    r"(?: \((?P<titles>[\d,]+) headlines, best of (?P<passes>\d+) passes\))?"
)


def parse_classify_output(text: str) -> dict[str, Any]:
    """The figures in what ``benchmarks/classify_eval.py`` prints: per labelled set, maker
    precision/recall/F1 and accuracies; the single-core throughput. ValueError without the
    throughput line."""
    sets: list[dict[str, Any]] = []
    throughput: dict[str, Any] | None = None
    for line in text.splitlines():
        if match := _SET.match(line):
            sets.append({"name": match["name"], "headlines": int(match["rows"])})
        elif (match := _MAKERS.match(line)) and sets:
            sets[-1].update(
                maker_precision=float(match["p"]),
                maker_recall=float(match["r"]),
                maker_f1=float(match["f1"]),
            )
        elif (match := _ACCURACY.match(line)) and sets:
            sets[-1].update(
                primary_accuracy=float(match["primary"]), event_accuracy=float(match["event"])
            )
        elif match := _THROUGHPUT.match(line):
            throughput = {
                "headlines_per_second": float(match["rate"].replace(",", "")),
                "headlines": int(match["titles"].replace(",", "")) if match["titles"] else None,
                "passes": int(match["passes"]) if match["passes"] else None,
            }
    if throughput is None:
        raise ValueError("no 'throughput: N headlines/s on one core' line in classify_eval output")
    return {"sets": sets, **throughput}


def classify(options: Options) -> dict[str, Any]:
    """classify_eval.py as a subprocess (it pins itself to one core): its output, parsed."""
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "classify_eval.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CLASSIFY_TIMEOUT,
    )
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    if result.returncode != 0:
        raise RuntimeError(f"classify_eval.py exited {result.returncode}")
    return parse_classify_output(result.stdout)


def relevance(options: Options) -> dict[str, Any]:
    """Car relevance and makers on the labelled items of the real feeds (feeds200)."""
    from benchmarks import relevance_eval

    reports = relevance_eval.run(relevance_eval.load())
    relevance_eval.print_reports(reports, "all", errors=False)

    def figures(report: Any) -> dict[str, float]:
        return {
            "maker_precision": report.maker_precision,
            "maker_recall": report.maker_recall,
            "relevance_precision": report.relevance_precision,
            "relevance_recall": report.relevance_recall,
            "event_accuracy": report.event_accuracy,
        }

    return {
        "items": reports["all"].rows,
        **{part: figures(report) for part, report in reports.items()},
    }


def cluster(options: Options) -> dict[str, Any]:
    """Pairwise quality on tests/data/clusters.tsv and CPU seconds to cluster 5,000 and 50,000
    items (the labelled set repeated over 60 days per 5,000), with the peak memory allocated."""
    from autonews.evaluation.cluster import evaluate, load_rows
    from benchmarks import cluster_eval

    rows = load_rows(cluster_eval.CLUSTERS)
    score = evaluate(rows)
    counts = (500,) if options.quick else (5000, 50000)
    lines = [
        f"clusters.tsv: {len(rows)} items; pairwise precision {score.precision:.3f}  recall "
        f"{score.recall:.3f}  F1 {score.f1:.3f}"
    ]
    result: dict[str, Any] = {
        "labelled_items": len(rows),
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
    }
    for count in counts:
        # Best of three (one for 50,000): CPU time still swells when other work shares the cores.
        runs = 1 if options.quick or count > 5000 else 3
        seconds = cluster_eval.speed(rows, count, runs=runs)
        memory = cluster_eval.peak_memory(rows, count)
        lines.append(f"clustering {count:,} items: {seconds:.2f} s CPU, peak {memory:.0f} MB")
        result[f"cpu_seconds_{count}"] = seconds
        result[f"peak_mb_{count}"] = memory
    result["items"] = counts[0]
    result["cpu_seconds"] = result[f"cpu_seconds_{counts[0]}"]
    print("\n".join(lines))
    return result


def digest(options: Options) -> dict[str, Any]:
    """The demo's feeds and pages: cold digest with extraction against its lower bound, warm."""
    from benchmarks import digest_bench

    figures = digest_bench.measure(repeat=1 if options.quick else 3, help_runs=0)
    print(
        f"demo: {figures['feeds']} feeds, {figures['pages']} pages; cold "
        + ", ".join(f"{s:.2f}" for s in figures["cold"])
        + " s; warm "
        + ", ".join(f"{s:.2f}" for s in figures["warm"])
        + f" s; lower bound {figures['lower_bound']:.2f} s"
    )
    return figures


def farm(options: Options) -> dict[str, Any]:
    """30 sites on 30 loopback addresses, 10 items each linking to article pages, 50 ms per
    response: cold and warm digests with extraction against the lower bound, ``--no-extract``
    against newsboat (best of 3)."""
    from benchmarks import farm_bench

    if options.quick:
        return farm_bench.measure(sites=6, items=5, repeat=1, before=options.before)
    return farm_bench.measure(repeat=3, before=options.before)


def scale(options: Options) -> dict[str, Any]:
    """How cost grows: 250 to 2,000 feeds on up to 200 hosts, and a store of 25,000 to 200,000
    items; cold, warm and offline digests, time and peak memory; newsboat on the same feeds."""
    from benchmarks import scale_bench

    if options.quick:
        return scale_bench.measure((50, 100), (5_000, 10_000))
    return scale_bench.measure()


def hostile(options: Options) -> dict[str, Any]:
    """tests/test_hostile_run.py's 100 feeds (10 hostile) on its server, one cold digest, timed
    against the whole-run deadline (``--quick``: a 3 s deadline instead of the test's)."""
    from tests.helpers import hostile_server as t

    deadline = 3.0 if options.quick else t.DEADLINE
    timeout = 1.0 if options.quick else 2.0
    names = [f"good{n}" for n in range(t.GOOD)] + t.HOSTILE
    with t.serving() as base, tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        home = Path(tmp)
        feeds = "".join(f'[[feeds]]\nurl = "{base}/{n}"\nname = "{n}"\n\n' for n in names)
        (home / "config.toml").write_text(
            f"{feeds}[fetch]\ndeadline = {deadline}\ntimeout = {timeout}\nretries = 1\n"
            "max_bytes = 1000000\n",
            encoding="utf-8",
        )
        command = [*harness.autonews_cmd(), "digest", "--no-extract", "--format", "json"]
        run = harness.run_measured(
            [*command, "--since", "all"], harness.child_env(AUTONEWS_HOME=str(home))
        )
    status = {feed["name"]: feed for feed in json.loads(run.stdout)["feeds"]}
    named = [
        name
        for name in t.HOSTILE
        if status[name]["status"] == "error" and status[name]["error"] and name in run.stderr
    ]
    good_ok = sum(status[f"good{n}"]["status"] == "ok" for n in range(t.GOOD))
    print(
        f"{len(names)} feeds, {len(t.HOSTILE)} hostile, deadline {deadline:g} s: done in "
        f"{run.seconds:.2f} s, exit {run.returncode}, {len(named)} hostile named, "
        f"{good_ok} of {t.GOOD} good feeds ok, max RSS {run.max_rss_kb / 1024:.0f} MB"
    )
    return {
        "feeds": len(names),
        "hostile": len(t.HOSTILE),
        "deadline": deadline,
        "timeout": timeout,
        "seconds": run.seconds,
        "cpu": run.cpu,
        "returncode": run.returncode,
        "max_rss_kb": run.max_rss_kb,
        "named": len(named),
        "not_named": sorted(set(t.HOSTILE) - set(named)),
        "good": t.GOOD,
        "good_ok": good_ok,
    }


SECTIONS: dict[str, Callable[[Options], dict[str, Any]]] = {
    "startup": startup,
    "fetch": fetch,
    "corpus": corpus,
    "digest": digest,
    "farm": farm,
    "scale": scale,
    "extract": extract,
    "classify": classify,
    "relevance": relevance,
    "cluster": cluster,
    "agreement": agreement,
    "hostile": hostile,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("name", choices=list(SECTIONS))
    parser.add_argument("out", type=Path, help="write the figures here as JSON")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--before", type=Path, help="an earlier checkout to time beside")
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens
    figures = SECTIONS[args.name](Options(args.quick, args.corpus, args.before))
    args.out.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
