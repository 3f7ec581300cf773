"""How much of the article does autonews extract, how much else does it keep, and how fast?

    python benchmarks/extract_bench.py [--pages DIR] [--repeat N] [--variants] [--details]
                                       [--no-cold] [--json PATH]

Reads every ``NAME.html`` in DIR (default: benchmarks/pages) that has a gold ``NAME.txt`` beside
it and extracts the body with:

- ``trafilatura defaults``: ``trafilatura.extract(html)`` (fallback extractors on, comments kept);
- ``trafilatura fast``: ``trafilatura.extract(html, fast=True)``;
- ``autonews``: ``autonews.extract.extract_html`` (fast, no comments, tables, then ``tidy_body``).

``--variants`` adds the autonews pipeline (bare_extraction with autonews's options, then
``clean_text`` and ``tidy_body`` as ``extract_html`` does; same output as ``extract_html`` under
its own settings) with other trafilatura settings: ``fast=False`` (trafilatura's default, with the
fallback extractors), ``favor_precision``, ``favor_recall``, both with ``fast=False``, and
``include_tables=False``. ``--details`` lists, for each page where autonews does worse than the
defaults, the gold lines it lost and the lines it kept that are not gold.

Scoring follows the Zyte/Scrapinghub article-extraction-benchmark, on single tokens rather than
4-token shingles: both texts become bags of case-folded tokens (runs of word characters for
alphabetic text, one token per character for Chinese and Japanese), true positives are the
multiset overlap, and precision, recall and F1 are computed per page and averaged over pages. An
empty extraction scores 0 on all three and is counted in the ``empty`` column.

Timing is CPU time (``time.process_time``) of one call, the median of N calls per page, averaged
over pages; the script pins itself to one core first where the OS allows it. Before every timed call
the per-input memo caches of trafilatura, htmldate and courlan (functools caches of 1,024 entries or
more) are cleared, so repeats and later methods on the same page do not reuse an earlier call's
work. Each method first runs once, untimed, on a warm-up page and on every page, so one-off loads
(dateparser's locale data above all, which htmldate pulls in through ``with_metadata`` for dates
written in running text) are not in the per-page figures; the ``first call`` column measures the
warm-up page in a fresh process instead, which is what every new extraction worker pays once.

Gold files hold the article body only, one paragraph per line: in-body subheadings, quotations,
list items and table rows are included; the headline, standfirst, byline, dateline furniture,
captions and credits, pull quotes, ads, "Read more"/related links, newsletter and subscription
boxes, author bios, share buttons, comments and footers are not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from autonews.extract import extract_html, tidy_body  # noqa: E402
from autonews.text import clean_text  # noqa: E402

DEFAULT_PAGES = Path(__file__).resolve().parent / "pages"
BASELINE = "trafilatura defaults"
SUBJECT = "autonews"
URL_BASE = "https://news.example.com/"
# A date in running text next to other words sends htmldate to dateparser, whose first call loads
# every locale: seconds of CPU that a worker pays once.
_WARM_UP = (
    "<html><body><div id='meta'><span>车界观察</span> <em>2025年05月06日 20:30</em></div>"
    "<article><h1>Warm-up</h1><p>"
    + "Carmakers reported higher sales of hybrid vehicles in the first quarter. " * 8
    + "</p><p>汽车制造商公布了第一季度混合动力汽车销量的增长情况。</p></article></body></html>"
)
_MEMO_PACKAGES = ("trafilatura", "htmldate", "courlan")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"  # kana and ideographs
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")

Extractor = Callable[[str, str], str]  # (url, html) -> article text


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    gold: str


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    empty: bool
    ms: float


def trafilatura_defaults(url: str, html: str) -> str:
    return trafilatura.extract(html) or ""


def trafilatura_metadata(url: str, html: str) -> str:
    """Plain trafilatura asked for what autonews keeps: title, author, date, language, text."""
    document: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return str(document.text or "") if document is not None else ""


def trafilatura_fast(url: str, html: str) -> str:
    return trafilatura.extract(html, fast=True) or ""


def autonews(url: str, html: str) -> str:
    return extract_html(url, html).text


def autonews_with(**options: bool) -> Extractor:
    """The ``extract_html`` pipeline with other trafilatura settings (``fast`` etc. overridden)."""
    settings: dict[str, Any] = {  # extract_html's own settings, before the overrides
        "include_comments": False,
        "include_tables": True,
        "with_metadata": False,
    }
    settings.update(options)

    def extract(url: str, html: str) -> str:
        document: Any = trafilatura.bare_extraction(html, url=url, **settings)
        if document is None:
            return ""
        title = clean_text(document.title or "")
        return tidy_body(clean_text(document.text or "", keep_newlines=True), title)

    return extract


METHODS: dict[str, Extractor] = {
    BASELINE: trafilatura_defaults,
    "trafilatura + metadata": trafilatura_metadata,
    "trafilatura fast": trafilatura_fast,
    SUBJECT: autonews,
}
VARIANTS: dict[str, Extractor] = {
    "autonews fast=True": autonews_with(fast=True),
    "autonews favor_precision": autonews_with(favor_precision=True),
    "autonews favor_recall": autonews_with(favor_recall=True),
    "autonews with trafilatura metadata": autonews_with(with_metadata=True),
    "autonews include_tables=False": autonews_with(include_tables=False),
}


def tokens(text: str) -> Counter[str]:
    """Case-folded words, and single characters for CJK text."""
    return Counter(token.casefold() for token in _TOKEN.findall(text))


def overlap(gold: str, extracted: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the extracted tokens against the gold tokens."""
    truth, found = tokens(gold), tokens(extracted)
    if not found:
        return (1.0, 1.0, 1.0) if not truth else (0.0, 0.0, 0.0)
    hits = sum((truth & found).values())
    precision = hits / sum(found.values())
    recall = hits / sum(truth.values()) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def load_pages(pages_dir: Path) -> Iterator[Page]:
    """Every NAME.html with a NAME.txt beside it, in name order."""
    for path in sorted(pages_dir.glob("*.html")):
        gold = path.with_suffix(".txt")
        if gold.is_file():
            yield Page(path.stem, path.read_text(encoding="utf-8"), gold.read_text("utf-8"))


def memo_caches() -> list[Any]:
    """The functools caches in loaded trafilatura/htmldate/courlan modules that remember results
    per input (1,024 entries or more); unbounded ones hold process-wide singletons and stay."""
    found: list[Any] = []
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in _MEMO_PACKAGES:
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if not callable(info) or getattr(obj, "__module__", "") != name:
                continue
            if (info().maxsize or 0) >= 1024:
                found.append(obj)
    return found


def cpu_ms(
    extract: Extractor, url: str, html: str, repeat: int, caches: list[Any]
) -> tuple[str, float]:
    """The extracted text and the median CPU milliseconds of ``repeat`` calls."""
    times: list[float] = []
    text = ""
    for _ in range(max(1, repeat)):
        for cache in caches:
            cache.cache_clear()
        start = time.process_time()
        text = extract(url, html)
        times.append((time.process_time() - start) * 1000)
    return text, statistics.median(times)


def first_call_ms(name: str) -> float:
    """CPU milliseconds of method ``name`` on the warm-up page (run in a fresh process)."""
    extract = {**METHODS, **VARIANTS}[name]
    start = time.process_time()
    extract(URL_BASE + "warm-up", _WARM_UP)
    return (time.process_time() - start) * 1000


def cold_starts(names: list[str]) -> dict[str, float]:
    """Each method's first call in a freshly spawned process, one at a time."""
    context = get_context("spawn")
    result: dict[str, float] = {}
    for name in names:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            result[name] = pool.submit(first_call_ms, name).result()
    return result


def score_page(page: Page, extract: Extractor, repeat: int, caches: list[Any]) -> tuple[Score, str]:
    text, ms = cpu_ms(extract, URL_BASE + page.name, page.html, repeat, caches)
    precision, recall, f1 = overlap(page.gold, text)
    return Score(precision, recall, f1, not text.strip(), ms), text


def summarize(scores: list[Score]) -> dict[str, float]:
    return {
        "precision": statistics.fmean(s.precision for s in scores),
        "recall": statistics.fmean(s.recall for s in scores),
        "f1": statistics.fmean(s.f1 for s in scores),
        "ms": statistics.fmean(s.ms for s in scores),
        "empty": sum(s.empty for s in scores),
    }


def run(
    pages_dir: Path = DEFAULT_PAGES,
    repeat: int = 1,
    methods: dict[str, Extractor] | None = None,
    cold: bool = False,
) -> dict[str, Any]:
    """Score every method on every page.

    Returns ``{"methods": {method: {precision, recall, f1, ms, empty[, first_ms]}}, "pages":
    {page: {method: {precision, recall, f1, empty, ms}}}, "texts": {page: {method: text}},
    "worse": [[page, autonews F1 minus defaults F1], ...]}``, the worse pages biggest loss first.
    ``cold`` adds ``first_ms``, the warm-up call in a fresh process (methods named in METHODS or
    VARIANTS only).
    """
    chosen = methods or METHODS
    pages = list(load_pages(Path(pages_dir)))
    for extract in chosen.values():  # untimed pass: lazy loads happen here, not in the timings
        extract(URL_BASE + "warm-up", _WARM_UP)
        for page in pages:
            extract(URL_BASE + page.name, page.html)
    caches = memo_caches()
    per_page: dict[str, dict[str, Score]] = {}
    texts: dict[str, dict[str, str]] = {}
    for page in pages:
        per_page[page.name], texts[page.name] = {}, {}
        for name, extract in chosen.items():
            score, text = score_page(page, extract, repeat, caches)
            per_page[page.name][name], texts[page.name][name] = score, text
    summary = {name: summarize([per_page[p.name][name] for p in pages]) for name in chosen}
    if cold:
        for name, ms in cold_starts(list(chosen)).items():
            summary[name]["first_ms"] = ms
    return {
        "methods": summary,
        "pages": {
            page: {name: vars(score) for name, score in scores.items()}
            for page, scores in per_page.items()
        },
        "texts": texts,
        "worse": worse_pages(per_page),
    }


def worse_pages(per_page: dict[str, dict[str, Score]]) -> list[list[Any]]:
    """Pages where autonews has a lower F1 than trafilatura defaults, biggest loss first."""
    found = [
        [page, round(scores[SUBJECT].f1 - scores[BASELINE].f1, 4)]
        for page, scores in per_page.items()
        if SUBJECT in scores and BASELINE in scores and scores[SUBJECT].f1 < scores[BASELINE].f1
    ]
    return sorted(found, key=lambda row: row[1])


def format_table(result: dict[str, Any]) -> str:
    width = max(len(name) for name in result["methods"]) + 2
    cold = all("first_ms" in m for m in result["methods"].values())
    head = f"{'method':<{width}}{'precision':>10}{'recall':>9}{'F1':>8}{'ms/page':>10}{'empty':>7}"
    lines = [head + (f"{'first call ms':>15}" if cold else "")]
    for name, m in result["methods"].items():
        lines.append(
            f"{name:<{width}}{m['precision']:>10.3f}{m['recall']:>9.3f}{m['f1']:>8.3f}"
            f"{m['ms']:>10.1f}{m['empty']:>7d}" + (f"{m['first_ms']:>15.0f}" if cold else "")
        )
    return "\n".join(lines)


def format_worse(result: dict[str, Any]) -> str:
    if not result["worse"]:
        return f"{SUBJECT} scores at least as high as {BASELINE} on every page."
    lines = [f"Pages where {SUBJECT} scores lower than {BASELINE} (F1, {SUBJECT} minus defaults):"]
    for page, diff in result["worse"]:
        ours = result["pages"][page][SUBJECT]["f1"]
        theirs = result["pages"][page][BASELINE]["f1"]
        lines.append(f"  {page:<40} {ours:.3f} vs {theirs:.3f}  ({diff:+.3f})")
    return "\n".join(lines)


def format_details(result: dict[str, Any], pages_dir: Path) -> str:
    """For each worse page: gold lines autonews lost, and lines it kept that are not gold."""
    out: list[str] = []
    for page, _ in result["worse"]:
        gold = (Path(pages_dir) / f"{page}.txt").read_text("utf-8").splitlines()
        ours = result["texts"][page][SUBJECT].splitlines()
        out.append(f"== {page}")
        out += [f"  lost:  {line[:110]}" for line in gold if line and line not in ours]
        out += [f"  extra: {line[:110]}" for line in ours if line not in gold]
    return "\n".join(out)


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of pages")
    parser.add_argument("--repeat", type=int, default=3, help="timed calls per page and method")
    parser.add_argument("--variants", action="store_true", help="also other trafilatura settings")
    parser.add_argument("--details", action="store_true", help="lines lost on worse pages")
    parser.add_argument("--no-cold", action="store_true", help="skip the first-call timings")
    parser.add_argument("--json", type=Path, help="also write the full result here")
    args = parser.parse_args(argv)
    pin_to_one_core()
    methods = {**METHODS, **VARIANTS} if args.variants else METHODS
    result = run(args.pages, args.repeat, methods, cold=not args.no_cold)
    count = len(result["pages"])
    print(f"{count} pages in {args.pages}, median of {args.repeat} timed calls per page\n")
    print(format_table(result) + "\n")
    print(format_worse(result))
    if args.details:
        print("\n" + format_details(result, args.pages))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if count else 1


if __name__ == "__main__":
    sys.exit(main())
