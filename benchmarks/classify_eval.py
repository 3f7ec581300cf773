"""Classifier accuracy on the labelled headline sets, and its throughput.

    python benchmarks/classify_eval.py [--errors] [--passes N] [--seconds S] [FILE.tsv ...]

Prints maker precision/recall/F1, primary-maker accuracy, event accuracy, car relevance
precision/recall and the event confusion matrix for each labelled set: the headlines written for
the project (tests/data/headlines.tsv, headlines-holdout.tsv, ../shared/data/headlines-dev.tsv,
and the German headlines-de.tsv with its held-back half, headlines-de-heldback.tsv)
and the real headlines of real outlets (tests/data/real-headlines-*.tsv, each with its held-back
third, *-heldback.tsv, whose errors --errors never prints); then the
throughput on one core, with the default knowledge and with knowledge inflated by 5,000 synthetic
aliases (the user-additions path), which must not slow it: matching costs a dict lookup per
token, whatever the number of names. The last line is machine-readable:

    RESULT {"headlines_per_s": ..., "median_per_s": ..., "inflated_per_s": ..., ...}
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from autonews.classify import Classifier
from autonews.evaluation.classify import Report, evaluate, load_labels, synthetic_makers
from autonews.models import Event

ROOT = Path(__file__).resolve().parent.parent
# Every real set under tests/data (real-headlines-<language><n>.tsv), each with its held-back third.
REAL_SETS = sorted(
    p.stem
    for p in (ROOT / "tests/data").glob("real-headlines-*.tsv")
    if not p.stem.endswith("-heldback")
)
DEFAULT_FILES = [
    ROOT / "tests/data/headlines.tsv",
    ROOT.parent / "shared/data/headlines-dev.tsv",
    ROOT / "tests/data/headlines-holdout.tsv",
    ROOT / "tests/data/headlines-de.tsv",  # German, written for the project (trial 41)
    ROOT / "tests/data/headlines-de-trial41.tsv",  # trial 41's German titles
    *(ROOT / "tests/data" / f"{name}.tsv" for name in REAL_SETS),
    *(ROOT / "tests/data" / f"{name}-heldback.tsv" for name in REAL_SETS),
    ROOT / "tests/data/headlines-de-heldback.tsv",
]
EXTRA_ALIASES = 5000


def print_report(name: str, report: Report, show_errors: bool) -> None:
    print(f"\n== {name}: {report.rows} headlines")
    print(
        f"makers    precision {report.maker_precision:.3f}  recall {report.maker_recall:.3f}"
        f"  F1 {report.maker_f1:.3f}"
    )
    print(
        f"primary maker accuracy {report.primary_accuracy:.3f}"
        f"   event accuracy {report.event_accuracy:.3f}"
    )
    print(
        f"car relevance precision {report.relevance_precision:.3f}"
        f"  recall {report.relevance_recall:.3f}"
        f"  ({report.relevant_tp} right, {report.relevant_fp} wrongly kept,"
        f" {report.relevant_fn} wrongly dropped)"
    )
    events = [e.value for e in Event]
    short = {e: e[:5] for e in events}
    print("confusion (rows: labelled, columns: predicted)")
    print(" " * 14 + " ".join(f"{short[e]:>5}" for e in events))
    for gold in events:
        row = [report.confusion.get((gold, pred), 0) for pred in events]
        if any(row):
            print(f"{gold:<14}" + " ".join(f"{n:>5}" if n else "    ." for n in row))
    if show_errors and "heldback" in name:
        print("  (the errors of a held-back set are not shown: it is never tuned on)")
    elif show_errors:
        for error in report.errors:
            print("  x", error)


def pin_to_one_core() -> None:
    """No migrations between passes, and one core's caches."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def passes(
    classifiers: dict[str, Classifier], titles: list[str], rounds: int, spread: float
) -> dict[str, list[float]]:
    """CPU seconds of each pass over the titles, per classifier, the classifiers taking turns
    so that each sees the same load on the machine. CPU time, not wall time: other work on the
    machine steals cache and turbo from a pass, but not its seconds. At least ``rounds`` rounds,
    and more until ``spread`` seconds have passed: on a shared machine a busy spell lasts
    seconds, and the best pass should not depend on one."""
    for classifier in classifiers.values():
        for title in titles:  # warm the caches a long-running digest would have warm
            classifier.classify(title)
    seconds: dict[str, list[float]] = {name: [] for name in classifiers}
    until = time.perf_counter() + spread
    done = 0
    while done < rounds or (time.perf_counter() < until and done < 50 * rounds):
        done += 1
        for name, classifier in classifiers.items():
            classify = classifier.classify
            started = time.process_time()
            for title in titles:
                classify(title)
            seconds[name].append(time.process_time() - started)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every misclassification")
    parser.add_argument("--passes", type=int, default=20, help="timed passes, at least (20)")
    parser.add_argument(
        "--seconds", type=float, default=3.0, help="time the passes spread over, at least (3)"
    )
    args = parser.parse_args()
    titles: list[str] = []
    held_back = []
    for path in args.files or [p for p in DEFAULT_FILES if p.exists()]:
        rows = load_labels(path)
        titles += [row.title for row in rows]
        print_report(path.name, evaluate(rows), args.errors)
        if "heldback" in path.name and path.name.startswith("real-"):
            held_back += rows
    if held_back:  # the figure the targets are about
        print_report("the held-back thirds pooled", evaluate(held_back), False)

    pin_to_one_core()
    default = Classifier()
    inflated = Classifier.with_overrides(synthetic_makers(EXTRA_ALIASES))
    same = all(default.classify(t) == inflated.classify(t) for t in titles)
    seconds = passes({"default": default, "inflated": inflated}, titles, args.passes, args.seconds)
    rounds = len(seconds["default"])
    best, median = min(seconds["default"]), statistics.median(seconds["default"])
    inflated_best = min(seconds["inflated"])
    inflated_median = statistics.median(seconds["inflated"])
    count = len(titles)
    # The first line's form is what benchmarks/sections.py parses.
    print(
        f"\nthroughput: {count / best:,.0f} headlines/s on one core "
        f"({count} headlines, best of {rounds} passes)"
    )
    print(
        f"  per headline {best / count * 1e6:.1f} µs (best pass), "
        f"{median / count * 1e6:.1f} µs (median pass: {count / median:,.0f} headlines/s)"
    )
    print(
        f"  with {EXTRA_ALIASES:,} more aliases (user additions): {count / inflated_best:,.0f} "
        f"headlines/s best, {count / inflated_median:,.0f} median; "
        f"labels {'the same' if same else 'DIFFERENT'}"
    )
    if median > best * 1.15:
        print(
            f"  note: the median pass took {median / best - 1:.0%} longer than the best: other "
            "work shares the machine; figures from a quiet one are steadier"
        )
    result = {
        "headlines_per_s": round(count / best),
        "median_per_s": round(count / median),
        "inflated_per_s": round(count / inflated_best),
        "inflated_median_per_s": round(count / inflated_median),
        "us_per_headline": round(best / count * 1e6, 2),
        "headlines": count,
        "passes": rounds,
        "extra_aliases": EXTRA_ALIASES,
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
