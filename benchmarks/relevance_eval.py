"""Car relevance and makers on real feeds that are mostly not about cars (feeds200).

    python benchmarks/relevance_eval.py [--errors] [--part tune|held|all]

tests/data/feeds200-relevance.tsv labels 463 items of the 200 real feed snapshots in
../shared/corpora/feeds200 (16 about the car industry, 250 hard negatives that share a word with
a brand or model, 197 random others), by feed file and link: the texts are read from the corpus
here, never copied into the project. Each item is parsed by autonews's own parser and classified
from its title and summary, as `autonews digest --no-extract` does. Printed for the tuning part,
the held-back third (sha1 of feed and key, 0 mod 3: never tuned on) and both: relevance
precision/recall, maker precision/recall/F1, event accuracy and the event confusion matrix.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from autonews.classify import Classifier  # noqa: E402
from autonews.evaluation.classify import Labelled, Report, score_row  # noqa: E402
from autonews.evaluation.relevance import load  # noqa: E402
from benchmarks.classify_eval import print_report  # noqa: E402


def run(rows: list[tuple[str, Labelled]]) -> dict[str, Report]:
    """The tuning part, the held-back third and both, each scored."""
    classifier = Classifier()
    reports = {"tune": Report(), "held": Report(), "all": Report()}
    for part, row in rows:
        result = classifier.classify(row.title, row.summary)
        score_row(row, result, reports[part])
        score_row(row, result, reports["all"])
    return reports


def print_reports(reports: dict[str, Report], part: str | None, errors: bool) -> None:
    for name in [part] if part else ["tune", "held", "all"]:
        title = {"tune": "tuning part", "held": "held-back third", "all": "all"}[name]
        # The held-back third's errors are never shown: it is not tuned on.
        print_report(f"feeds200 relevance, {title}", reports[name], errors and name == "tune")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong item (tuning)")
    parser.add_argument("--part", choices=["tune", "held", "all"], default=None)
    args = parser.parse_args(argv)
    print_reports(run(load()), args.part, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
