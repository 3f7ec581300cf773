"""Classifier accuracy on the labelled headline sets, and its throughput.

    python benchmarks/classify_eval.py [--errors] [FILE.tsv ...]

Prints maker precision/recall/F1, primary-maker accuracy, event accuracy and the event confusion
matrix for tests/data/headlines.tsv and ../shared/data/headlines-dev.tsv (when present).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from autonews.classify import Classifier
from autonews.classify.evaluate import Report, evaluate, load_labels
from autonews.models import Event

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = [ROOT / "tests/data/headlines.tsv", ROOT.parent / "shared/data/headlines-dev.tsv"]


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
    events = [e.value for e in Event]
    short = {e: e[:5] for e in events}
    print("confusion (rows: labelled, columns: predicted)")
    print(" " * 14 + " ".join(f"{short[e]:>5}" for e in events))
    for gold in events:
        row = [report.confusion.get((gold, pred), 0) for pred in events]
        if any(row):
            print(f"{gold:<14}" + " ".join(f"{n:>5}" if n else "    ." for n in row))
    if show_errors:
        for error in report.errors:
            print("  x", error)


def throughput(titles: list[str], rounds: int = 20) -> float:
    """Headlines per CPU-second on one core: the best of ``rounds`` passes, so that other work
    on the machine (which steals cache and turbo, not CPU time) distorts it least."""
    if hasattr(os, "sched_setaffinity"):  # one core, no migrations between passes
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    classifier = Classifier()
    for title in titles:  # warm the caches a long-running digest would have warm
        classifier.classify(title)
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for title in titles:
            classifier.classify(title)
        best = min(best, time.process_time() - started)
    return len(titles) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every misclassification")
    args = parser.parse_args()
    titles: list[str] = []
    for path in args.files or [p for p in DEFAULT_FILES if p.exists()]:
        rows = load_labels(path)
        titles += [row.title for row in rows]
        print_report(path.name, evaluate(rows), args.errors)
    print(
        f"\nthroughput: {throughput(titles):,.0f} headlines/s on one core "
        f"({len(titles)} headlines, best of 20 passes)"
    )


if __name__ == "__main__":
    main()
