"""Instructions per headline of the classifier, counted by cachegrind: the classification figure
that compares across runs on a machine whose speed varies by the hour.

    python benchmarks/classify_instructions.py [--before DIR] [--limit N]

Runs Python under ``valgrind --tool=cachegrind`` twice per checkout: once building the classifier
and classifying every real labelled headline once (to warm what a long-running digest has warm,
as ``classify_eval.py`` does before it times its passes), once doing the same and then one more
pass over the first ``--limit`` of them; the difference is that pass, divided by the number of
headlines it classified. ``--before DIR`` counts another checkout's package (DIR holds
``autonews/``) the same way, on the same headlines, for a figure side by side. Needs valgrind;
takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside the measured interpreter: load the headlines, warm the classifier, then PASSES passes.
CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from autonews.classify import Classifier
from autonews.evaluation.classify import load_labels
titles = []
for path in sorted(Path(sys.argv[2]).glob("real-headlines-*.tsv")):
    titles += [row.title for row in load_labels(path)]
classify = Classifier().classify
for title in titles:
    classify(title)
counted = titles[: int(sys.argv[4])]
for _ in range(int(sys.argv[3])):
    for title in counted:
        classify(title)
print(len(counted))
"""


def instructions(package_root: Path, passes: int, limit: int) -> tuple[int, int]:
    """Total instructions of one run of CHILD, and the number of headlines it classified."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "cachegrind.out"
        result = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                f"--cachegrind-out-file={out}",
                sys.executable,
                "-c",
                CHILD,
                str(package_root),
                str(ROOT / "tests/data"),
                str(passes),
                str(limit),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        summary = re.search(r"^summary:\s+(\d+)", out.read_text(), re.MULTILINE)
        if summary is None:
            raise RuntimeError("no summary line in cachegrind's output")
        return int(summary.group(1)), int(result.stdout.strip().splitlines()[-1])


def per_headline(package_root: Path, limit: int) -> tuple[float, int]:
    base, count = instructions(package_root, 0, limit)
    with_pass, _ = instructions(package_root, 1, limit)
    return (with_pass - base) / count, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, help="another checkout to count the same way")
    parser.add_argument("--limit", type=int, default=3000, help="headlines counted (3000)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt install valgrind)")
    now, count = per_headline(ROOT, args.limit)
    line = (
        f"classification: {now:,.0f} instructions a headline ({count} real headlines, cachegrind)"
    )
    if args.before:
        was, _ = per_headline(args.before.resolve(), args.limit)
        line += f"; before ({args.before}): {was:,.0f} ({now / was - 1:+.1%})"
    print(line)


if __name__ == "__main__":
    main()
