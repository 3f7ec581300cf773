"""Does the fast path (engine="auto") read feeds the way feedparser does?

    python benchmarks/parse_compare.py [--examples N] [--url-base URL] [DIR ...]

The comparison itself is autonews.evaluation.parser_agreement; this prints it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from autonews.evaluation.parser_agreement import (  # noqa: E402
    DEFAULT_URL_BASE,
    compare,
    feed_files,
    total,
)

__all__ = ["compare", "feed_files", "main", "print_report"]

DEFAULT_DIRS = [ROOT / "tests/data/feedcorpus", ROOT.parent / "shared/corpora/feeds200"]


def print_report(name: str, report: dict[str, Any]) -> None:
    print(f"\n== {name}: {report['files']} files, {report['entries']} paired entries")
    print("agreement  " + "  ".join(f"{k} {v:.2f}%" for k, v in report["agreement"].items()))
    print("outcomes   " + ", ".join(f"{k}: {v}" for k, v in sorted(report["outcomes"].items())))
    print(f"entry count differs in {len(report['count_differs'])} files")
    for line in report["count_differs"]:
        print(f"  {line}")
    for kind, count in report["disagreements"].items():
        print(f"{kind}: {count}")
        for example in report["examples"].get(kind, []):
            print(f"    {example}")
    seconds = report["seconds"]
    print(
        f"time       feedparser {seconds['feedparser']:.2f} s, auto {seconds['auto']:.2f} s"
        f"  (feedparser / auto = {report['ratio']:.1f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="feed folders or files")
    parser.add_argument("--examples", type=int, default=3, help="examples per disagreement kind")
    parser.add_argument("--url-base", default=DEFAULT_URL_BASE, help='"" to parse without URL')
    args = parser.parse_args(argv)
    dirs = args.dirs or [d for d in DEFAULT_DIRS if d.exists()]
    reports = []
    for folder in dirs:
        reports.append(compare([folder], args.url_base, args.examples))
        print_report(str(folder), reports[-1])
    if len(reports) > 1:
        print_report("all folders", total(reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
