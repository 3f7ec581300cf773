"""``python -m benchmarks`` builds the README's performance table from one run's figures: every
part gives its rows (none silently dropped), a failed part says so, classify_eval's output parses.
(The suite itself takes minutes; ``python -m benchmarks --quick`` is its smoke test.)"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from benchmarks.__main__ import parse_only
from benchmarks.sections import SECTIONS, parse_classify_output
from benchmarks.table import BUILDERS, build_rows, grouped_percentages, markdown


def digest(seconds: float, cpu: float, kb: int, **extra: Any) -> dict[str, Any]:
    return {
        "seconds": seconds,
        "cpu": cpu,
        "returncode": 0,
        "max_rss_kb": kb,
        "ok": True,
        "statuses": {"ok": 200},
        "entries": 4866,
        "stories": 36,
        "errors": {},
        **extra,
    }


def tally(requests: int, conditional: int, not_modified: int) -> dict[str, int]:
    return {
        "requests": requests,
        "conditional": conditional,
        "not_modified": not_modified,
        "full": requests - not_modified,
    }


def run(seconds: float, kb: int) -> dict[str, Any]:
    return {"seconds": seconds, "cpu": seconds, "max_rss_kb": kb, "returncode": 0, "ok": True}


def sized(feeds: int, cold: float, warm: float, offline: float, kb: int) -> dict[str, Any]:
    return {
        "feeds": feeds,
        "hosts": feeds // 10,
        "items": feeds * 20,
        "cold": run(cold, kb),
        "warm": run(warm, kb // 2),
        "offline": run(offline, kb // 3),
    }


def growth(cold: float, warm: float, offline: float, memory: float) -> dict[str, Any]:
    def one(time: float) -> dict[str, Any]:
        return {"time_factor": time, "memory_factor": memory, "linear_or_better": True}

    return {"size_factor": 8.0, "cold": one(cold), "warm": one(warm), "offline": one(offline)}


FIGURES: dict[str, Any] = {
    "startup": {"runs": [0.15, 0.22, 0.18, 0.16, 0.19]},
    "fetch": {
        "latency": {
            "feeds": 100,
            "items_per_feed": 20,
            "latency_ms": 50.0,
            "cold": digest(4.1, 4.0, 57_000, tally=tally(100, 0, 0)),
            "warm": digest(1.9, 1.2, 45_000, tally=tally(100, 100, 100)),
            "lower_bound": {
                "concurrency": 16,
                "per_host": 4,
                "seconds": 0.3125,
                "one_host_seconds": 1.25,
            },
        },
        "no_latency": {
            "feeds": 50,
            "items_per_feed": 20,
            "latency_ms": 0.0,
            "cold": digest(2.0, 2.0, 50_000, tally=tally(50, 0, 0)),
            "warm": digest(0.84, 0.7, 44_000, tally=tally(50, 50, 50)),
            "lower_bound": {"concurrency": 16, "per_host": 4, "seconds": 0, "one_host_seconds": 0},
            "fetch_stage": {"cold": 0.3, "warm": 0.26, "warm_tally": tally(50, 50, 50)},
        },
        "memory": [{"label": "synthetic cold digest (empty store)", "max_rss_kb": 57_000}],
    },
    "corpus": {
        "corpus": "/work/shared/corpora/feeds200",
        "files": 200,
        "digest": digest(3.3, 5.1, 101_376),
        "digest_since_all": digest(7.7, 9.8, 138_240),
        "newsboat": {
            "tool": "newsboat -x reload (16 threads)",
            "seconds": 4.2,
            "cpu": 4.7,
            "entries": 6397,
            "feeds": 198,
            "note": "",
        },
        "newsboat_version": "2.21.0",
        "newsboat_threads": 16,
        "parsers": {
            "autonews": {"seconds": 2.5, "cpu": 2.4, "entries": 6598, "feeds": 200},
            "feedparser": {"seconds": 41.8, "cpu": 40.0, "entries": 6555, "feeds": 198},
            "feedparser_fast": {"seconds": 11.7, "cpu": 11.0, "entries": 6555, "feeds": 198},
        },
        "memory": [
            {"label": "autonews digest (cold)", "max_rss_kb": 101_376},
            {"label": "autonews digest --since all (cold)", "max_rss_kb": 138_240},
            {"label": "newsboat -x reload", "max_rss_kb": 108_544},
        ],
    },
    "agreement": {
        "files": 200,
        "entries": 6563,
        "agreement": {"title": 100.0, "link": 100.0, "published": 100.0, "summary": 99.7},
    },
    "extract": {
        "pages": 52,
        "repeat": 3,
        "baseline": "trafilatura defaults",
        "subject": "autonews",
        "methods": {
            "trafilatura defaults": {"f1": 0.944, "ms": 11.7},
            "autonews": {"f1": 0.969, "ms": 11.2},
        },
        "worse": [],
    },
    "classify": {"sets": [], "headlines_per_second": 20123.4, "headlines": 602, "passes": 20},
    "cluster": {"items": 5000, "cpu_seconds": 1.62},
    "digest": {
        "feeds": 4,
        "pages": 41,
        "cores": 2,
        "repeat": 3,
        "cold_median": 1.76,
        "warm_median": 0.61,
        "cold_max_rss_kb": 61_440,
        "trafilatura_cpu": 0.4,
        "lower_bound": 0.2,
    },
    "farm": {
        "sites": 30,
        "items": 10,
        "pages": 300,
        "latency_ms": 50.0,
        "repeat": 3,
        "cores": 2,
        "trafilatura_cpu": 1.2,
        "concurrency": 16,
        "network_seconds": 1.03125,
        "lower_bound": 1.63125,
        "newsboat": {"seconds": 0.85, "cpu": 0.8, "entries": 300},
        "newsboat_version": "2.21.0",
        "newsboat_threads": 16,
        "autonews": {
            "cold": run(2.07, 80_896),
            "warm": run(0.5, 61_440),
            "no_extract": run(0.72, 65_536),
        },
        "before": {
            "cold": run(3.33, 96_256),
            "warm": run(0.52, 59_392),
            "no_extract": run(0.79, 64_512),
        },
    },
    "scale": {
        "items_per_feed": 20,
        "feeds_per_host": 10,
        "feeds": [
            {**sized(250, 1.69, 0.79, 0.22, 81_920), "newsboat": None},
            {
                **sized(2000, 10.11, 2.76, 0.48, 185_344),
                "newsboat": {"cold": run(17.3, 70_656), "warm": run(32.2, 102_400)},
            },
        ],
        "feeds_growth": growth(5.98, 3.49, 2.18, memory=2.26),
        "store": [
            {
                "store_items": 25_000,
                "feeds": 200,
                "cold": run(1.27, 80_896),
                "warm": run(0.61, 60_416),
                "offline": run(0.21, 35_840),
            },
            {
                "store_items": 200_000,
                "feeds": 200,
                "cold": run(1.70, 80_896),
                "warm": run(0.66, 59_392),
                "offline": run(0.26, 53_248),
            },
        ],
        "store_growth": growth(1.34, 1.08, 1.24, memory=1.0),
    },
    "hostile": {
        "feeds": 100,
        "hostile": 10,
        "deadline": 6.0,
        "seconds": 5.02,
        "max_rss_kb": 51_200,
        "named": 10,
        "not_named": [],
        "good": 90,
        "good_ok": 90,
    },
}

EXPECTED = [
    (
        "`autonews --help`",
        "0.18 s (median of 5; 0.15–0.22 s)",
        "—",
        "`python -m benchmarks --only startup`",
    ),
    (
        "warm digest, 50 feeds × 20 items, nothing changed (all 304)",
        "0.84 s wall",
        "fetch stage alone 0.26 s",
        "`python -m benchmarks --only fetch`",
    ),
    (
        "cold digest, 100 feeds × 20 items, 50 ms per request",
        "4.10 s",
        "lower bound 1.25 s (100 × 50 ms / 4 per host; 0.31 s over 16 hosts)",
        "same",
    ),
    (
        "warm run of the same: requests sent conditionally",
        "100 of 100, all answered 304 (1.90 s wall)",
        "—",
        "same",
    ),
    (
        "**cold `digest --no-extract`, the 200 real feeds of `feeds200`**",
        "**3.30 s wall**, 5.1 s CPU, 99 MB",
        "**newsboat 2.21 (16 threads): 4.20 s**, 4.7 s CPU, 106 MB",
        "`python -m benchmarks --only corpus`",
    ),
    (
        "the same with `--since all` (all 4,866 entries classified and clustered)",
        "7.70 s, 9.8 s CPU, 135 MB",
        "newsboat 4.20 s",
        "same",
    ),
    (
        "parsing the 200 feeds (6,598 entries), in-process",
        "2.50 s wall, 2.40 s CPU",
        "feedparser 41.8 s (11.7 s without sanitising and URI resolution)",
        "same",
    ),
    ("feeds of the 200 read without error", "200", "feedparser 198, newsboat 198", "same"),
    (
        "cold digest with extraction, demo (4 feeds, 41 pages)",
        "1.76 s (median of 3), 60 MB",
        "lower bound 0.20 s (plain trafilatura 0.40 s CPU / 2 cores)",
        "`python -m benchmarks --only digest`",
    ),
    (
        "warm digest with extraction, demo (pages cached, feeds unchanged)",
        "0.61 s (median of 3)",
        "—",
        "same",
    ),
    (
        "**cold digest with extraction, 30 sites on 30 addresses × 10 items (300 article pages), "
        "50 ms per response**",
        "**2.07 s** (best of 3), 1.27× the bound, 79 MB (was 3.33 s)",
        "lower bound 1.63 s (plain trafilatura 1.20 s CPU / 2 cores + 330 × 50 ms / 16)",
        "`python -m benchmarks --only farm`",
    ),
    (
        "warm digest of the farm (feeds answer 304, pages cached)",
        "**0.50 s** (was 0.52 s)",
        "—",
        "same",
    ),
    (
        "cold `digest --no-extract` of the farm",
        "**0.72 s**, 0.85× newsboat (was 0.79 s)",
        "newsboat 2.21 (16 threads): 0.85 s",
        "same",
    ),
    (
        "`digest --no-extract`, 2,000 feeds on 200 hosts × 20 items (40,000 items stored)",
        "cold 10.1 s, 181 MB; warm (all 304) 2.76 s; `--offline` 0.48 s",
        "newsboat cold 17.3 s, 69 MB; warm 32.2 s",
        "`python -m benchmarks --only scale`",
    ),
    (
        "growth from 250 to 2,000 feeds (×8)",
        "cold time ×5.98, memory ×2.26; warm time ×3.49, memory ×2.26; offline time ×2.18, "
        "memory ×2.26; memory linear or better",
        "—",
        "same",
    ),
    (
        "a store of 200,000 items, 200 feeds",
        "**warm 0.66 s, `--offline` 0.26 s**, cold 1.70 s; peak 79 MB",
        "—",
        "same",
    ),
    (
        "growth from 25,000 to 200,000 items (×8)",
        "cold time ×1.34, memory ×1.00; warm time ×1.08, memory ×1.00; offline time ×1.24, "
        "memory ×1.00; memory linear or better",
        "—",
        "same",
    ),
    (
        "article extraction, 52 pages written for the project",
        "F1 0.969, 11.2 ms/page",
        "plain trafilatura F1 0.944, 11.7 ms/page",
        "`python -m benchmarks --only extract`",
    ),
    (
        "classification",
        "20,123 headlines/s on one core (best of 20 passes over 602 headlines)",
        "—",
        "`python -m benchmarks --only classify`",
    ),
    ("clustering 5,000 items", "1.62 s CPU", "—", "`python -m benchmarks --only cluster`"),
    (
        "parser agreement with feedparser, 200 real feeds",
        "titles, links, dates 100%, summaries 99.7%",
        "—",
        "`python -m benchmarks --only agreement`",
    ),
    (
        "100 feeds of which 10 hostile (hang, trickle, 500, gzip bomb, loop, garbage…)",
        "done in 5.02 s (deadline 6 s), 10 of 10 named, 50 MB",
        "—",
        "`python -m benchmarks --only hostile`",
    ),
    (
        "peak memory (max RSS), largest autonews run of the above",
        "135 MB: autonews digest --since all (cold)",
        "newsboat 106 MB",
        "`python -m benchmarks --only fetch,corpus,digest,hostile`",
    ),
]


def test_every_part_has_a_builder() -> None:
    assert list(BUILDERS) == list(SECTIONS)


def test_the_full_run_gives_every_row() -> None:
    assert build_rows(FIGURES) == EXPECTED


def test_markdown_table() -> None:
    lines = markdown(EXPECTED).splitlines()
    assert lines[0] == "| what | autonews | baseline, same run | command |"
    assert lines[1] == "|---|---|---|---|"
    assert len(lines) == 2 + len(EXPECTED)
    assert lines[-1].startswith("| peak memory (max RSS)")
    assert markdown([("a|b", "1", "2", "3")]).splitlines()[-1] == "| a\\|b | 1 | 2 | 3 |"


def test_parts_left_out_are_not_in_the_table() -> None:
    rows = build_rows({"classify": FIGURES["classify"], "cluster": FIGURES["cluster"]})
    assert [row[0] for row in rows] == ["classification", "clustering 5,000 items"]


def test_a_failed_part_gets_a_row_saying_so() -> None:
    rows = build_rows({**FIGURES, "extract": {"error": "exit 1, see stderr"}})
    assert ("article extraction", "FAILED: exit 1, see stderr") in [row[:2] for row in rows]
    assert len(rows) == len(EXPECTED)


def test_missing_figures_are_shown_not_dropped() -> None:
    figures = copy.deepcopy(FIGURES)
    del figures["corpus"]["parsers"]
    rows = build_rows(figures)
    corpus = [row for row in rows if row[0].startswith("cold digests and parsing")]
    assert len(corpus) == 1
    assert corpus[0][1].startswith("no figures (KeyError")


def test_failed_digest_and_missing_newsboat() -> None:
    figures = copy.deepcopy(FIGURES)
    figures["corpus"]["newsboat"] = None
    figures["corpus"]["memory"] = figures["corpus"]["memory"][:2]
    figures["corpus"]["digest_since_all"].update(ok=False, failure="FAILED after 3 s, exit 1: x")
    rows = {row[0]: row for row in build_rows(figures)}
    cold = rows["**cold `digest --no-extract`, the 200 real feeds of `feeds200`**"]
    assert cold[2] == "newsboat not installed"
    every = rows["the same with `--since all` (all 4,866 entries classified and clustered)"]
    assert every[1:3] == ("FAILED: FAILED after 3 s, exit 1: x", "newsboat not installed")
    assert rows["feeds of the 200 read without error"][2] == (
        "feedparser 198, newsboat not installed"
    )
    assert rows["peak memory (max RSS), largest autonews run of the above"][2] == (
        "newsboat not installed"
    )


def test_grouped_percentages() -> None:
    assert grouped_percentages({"title": 100.0, "link": 99.97, "summary": 98.77}) == (
        "titles 100%, links 99.97%, summaries 98.8%"
    )


CLASSIFY_OUTPUT = """
== headlines.tsv: 562 headlines
makers    precision 0.990  recall 0.990  F1 0.990
primary maker accuracy 0.985   event accuracy 0.941
confusion (rows: labelled, columns: predicted)
              recal incid
recall            2     .

== headlines-dev.tsv: 40 headlines
makers    precision 1.000  recall 1.000  F1 1.000
primary maker accuracy 1.000   event accuracy 1.000

throughput: 12,957 headlines/s on one core (602 headlines, best of 20 passes)
"""


def test_parse_classify_output() -> None:
    figures = parse_classify_output(CLASSIFY_OUTPUT)
    assert figures["headlines_per_second"] == 12957
    assert (figures["headlines"], figures["passes"]) == (602, 20)
    assert [s["name"] for s in figures["sets"]] == ["headlines.tsv", "headlines-dev.tsv"]
    assert figures["sets"][0] == {
        "name": "headlines.tsv",
        "headlines": 562,
        "maker_precision": 0.99,
        "maker_recall": 0.99,
        "maker_f1": 0.99,
        "primary_accuracy": 0.985,
        "event_accuracy": 0.941,
    }
    assert build_rows({"classify": figures})[0][1] == (
        "12,957 headlines/s on one core (best of 20 passes over 602 headlines)"
    )


def test_classify_output_without_throughput_is_an_error() -> None:
    with pytest.raises(ValueError, match="throughput"):
        parse_classify_output(CLASSIFY_OUTPUT.rsplit("throughput", 1)[0])


def test_only() -> None:
    assert parse_only(None) == list(SECTIONS)
    assert parse_only("cluster, startup") == ["startup", "cluster"]
    with pytest.raises(SystemExit, match="unknown part"):
        parse_only("startup,nope")


def test_the_relevance_evaluation_runs_as_a_script(tmp_path: Any) -> None:
    """`python benchmarks/relevance_eval.py`, as the README says, from another directory."""
    import subprocess
    import sys
    from pathlib import Path

    from autonews.evaluation.relevance import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("needs ../shared/corpora/feeds200")
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "relevance_eval.py"
    result = subprocess.run(
        [sys.executable, str(script), "--part", "held"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "feeds200 relevance, held-back third" in result.stdout


def test_farm_without_an_earlier_checkout_or_newsboat() -> None:
    farm = copy.deepcopy(FIGURES["farm"])
    del farm["before"]
    farm["newsboat"] = None
    rows = build_rows({"farm": farm})
    assert rows[0][1] == "**2.07 s** (best of 3), 1.27× the bound, 79 MB"
    assert rows[2][1:3] == ("**0.72 s**", "newsboat not installed")


def test_farm_rows_name_the_concurrency_the_run_used() -> None:
    """The bound and newsboat's threads follow the run's concurrency (32 since it was raised),
    not a number written in the table."""
    farm = copy.deepcopy(FIGURES["farm"])
    farm.update(concurrency=32, newsboat_threads=32, network_seconds=0.515625)
    rows = build_rows({"farm": farm})
    assert rows[0][2].endswith("330 × 50 ms / 32)")
    assert rows[2][2] == "newsboat 2.21 (32 threads): 0.85 s"
