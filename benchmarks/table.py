"""The README's performance table, built from the figures of one ``python -m benchmarks`` run.

``build_rows(results)`` takes ``{section name: figures}`` (what ``benchmarks.sections`` returns,
or ``{"error": message}`` for a part that failed; parts left out are not in the table) and gives
``(what, autonews, baseline, command)`` rows in the README's order; ``markdown(rows)`` renders them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping
from pathlib import Path

from benchmarks.table_cells import NONE, Figures, Row, command, failed, mb, secs
from benchmarks.table_growth import farm_rows, scale_rows, was

HEADER: Row = ("what", "autonews", "baseline, same run", "command")
FIELD_NAMES = {"title": "titles", "link": "links", "published": "dates", "summary": "summaries"}
# What each part's rows are about, for the row that says it failed.
TITLES = {
    "startup": "`autonews --help`",
    "fetch": "digests of synthetic feeds, cold and warm",
    "corpus": "cold digests and parsing, the real feeds of `feeds200`",
    "digest": "digest with extraction, demo",
    "farm": "a farm of 30 sites with article pages",
    "scale": "how cost grows: 2,000 feeds, 200,000 items",
    "extract": "article extraction",
    "classify": "classification",
    "relevance": "car relevance on real general feeds",
    "cluster": "clustering",
    "agreement": "parser agreement with feedparser",
    "hostile": "feeds of which some hostile",
}


def percent(value: float) -> str:
    if value == 100:
        return "100%"
    text = f"{value:.1f}"
    return (f"{value:.2f}" if text == "100.0" else text) + "%"


def grouped_percentages(agreement: Mapping[str, float]) -> str:
    """``{"title": 100, "link": 100, "summary": 98.77}`` -> ``titles, links 100%, summaries
    98.8%`` (fields with the same figure named together)."""
    groups: list[tuple[list[str], str]] = []
    for name, value in agreement.items():
        shown = percent(value)
        if groups and groups[-1][1] == shown:
            groups[-1][0].append(FIELD_NAMES.get(name, name))
        else:
            groups.append(([FIELD_NAMES.get(name, name)], shown))
    return ", ".join(f"{', '.join(names)} {shown}" for names, shown in groups)


# --- one builder per part --------------------------------------------------------------------


def startup_rows(f: Figures) -> list[Row]:
    runs = f["runs"]
    text = secs(statistics.median(runs))
    if len(runs) > 1:
        text += f" (median of {len(runs)}; {min(runs):.2f}–{max(runs):.2f} s)"
    return [("`autonews --help`", text, NONE, command("startup"))]


def fetch_rows(f: Figures) -> list[Row]:
    quiet, slow = f["no_latency"], f["latency"]
    warm, tally = quiet["warm"], quiet["warm"]["tally"]
    all_304 = tally["not_modified"] == quiet["feeds"]
    what = (
        f"warm digest, {quiet['feeds']} feeds × {quiet['items_per_feed']} items, nothing changed"
        + (" (all 304)" if all_304 else "")
    )
    text = failed(warm) or f"{secs(warm['seconds'])} wall"
    if not all_304:
        text += f", only {tally['not_modified']} of {quiet['feeds']} answered 304"
    stage = quiet["fetch_stage"]
    rows = [(what, text, f"fetch stage alone {secs(stage['warm'])}", command("fetch"))]

    cold, bound = slow["cold"], slow["lower_bound"]
    count, latency = slow["feeds"], slow["latency_ms"]
    rows.append(
        (
            f"cold digest, {count} feeds × {slow['items_per_feed']} items, "
            f"{latency:g} ms per request",
            failed(cold) or secs(cold["seconds"]),
            f"lower bound {secs(bound['one_host_seconds'])} ({count} × {latency:g} ms / "
            f"{bound['per_host']} per host; {secs(bound['seconds'])} over "
            f"{bound['concurrency']} hosts)",
            "same",
        )
    )
    warm, tally = slow["warm"], slow["warm"]["tally"]
    answered = (
        "all answered 304"
        if tally["not_modified"] == tally["requests"]
        else f"{tally['not_modified']} answered 304"
    )
    rows.append(
        (
            "warm run of the same: requests sent conditionally",
            failed(warm)
            or f"{tally['conditional']} of {tally['requests']}, {answered} "
            f"({secs(warm['seconds'])} wall)",
            NONE,
            "same",
        )
    )
    return rows


def newsboat_name(f: Figures) -> str:
    version = f.get("newsboat_version") or "?"
    short = ".".join(version.split(".")[:2])
    return f"newsboat {short} ({f.get('newsboat_threads', '?')} threads)"


def newsboat_kb(f: Figures) -> int | None:
    kbs = [m["max_rss_kb"] for m in f.get("memory", []) if m["label"].startswith("newsboat")]
    return max(kbs) if kbs else None


def corpus_rows(f: Figures) -> list[Row]:
    files, name = f["files"], Path(f["corpus"]).name
    cold, every, newsboat = f["digest"], f["digest_since_all"], f["newsboat"]
    parsers = f["parsers"]
    if newsboat is None:
        nb_cold = nb_all = nb_feeds = "newsboat not installed"
    else:
        nb_mb = newsboat_kb(f)
        nb_cold = (
            f"**{newsboat_name(f)}: {secs(newsboat['seconds'])}**, {newsboat['cpu']:.1f} s CPU"
            + (f", {mb(nb_mb)}" if nb_mb is not None else "")
        )
        nb_all = f"newsboat {secs(newsboat['seconds'])}"
        nb_feeds = f"newsboat {newsboat['feeds']}"
    ours = parsers["autonews"]
    return [
        (
            f"**cold `digest --no-extract`, the {files} real feeds of `{name}`**",
            failed(cold)
            or f"**{secs(cold['seconds'])} wall**, {cold['cpu']:.1f} s CPU, "
            f"{mb(cold['max_rss_kb'])}"
            + was(f, "digest", "seconds"),
            nb_cold,
            command("corpus"),
        ),
        (
            f"the same with `--since all` (all {every['entries']:,} entries classified and "
            "clustered)",
            failed(every)
            or f"{secs(every['seconds'])}, {every['cpu']:.1f} s CPU, {mb(every['max_rss_kb'])}"
            + was(f, "digest_since_all", "seconds"),
            nb_all,
            "same",
        ),
        (
            f"parsing the {files} feeds ({ours['entries']:,} entries), in-process",
            f"{secs(ours['seconds'])} wall, {secs(ours['cpu'])} CPU",
            f"feedparser {secs(parsers['feedparser']['seconds'])} "
            f"({secs(parsers['feedparser_fast']['seconds'])} without sanitising and URI "
            "resolution)",
            "same",
        ),
        (
            f"feeds of the {files} read without error",
            failed(cold) or str(cold["statuses"].get("ok", 0)),
            f"feedparser {parsers['feedparser']['feeds']}, {nb_feeds}",
            "same",
        ),
    ]


def digest_rows(f: Figures) -> list[Row]:
    repeat = f"median of {f['repeat']}" if f["repeat"] > 1 else "1 run"
    return [
        (
            f"cold digest with extraction, demo ({f['feeds']} feeds, {f['pages']} pages)",
            f"{secs(f['cold_median'])} ({repeat}), {mb(f['cold_max_rss_kb'])}",
            f"lower bound {secs(f['lower_bound'])} (plain trafilatura "
            f"{secs(f['trafilatura_cpu'])} CPU / {f['cores']} cores)",
            command("digest"),
        ),
        (
            "warm digest with extraction, demo (pages cached, feeds unchanged)",
            f"{secs(f['warm_median'])} ({repeat})",
            NONE,
            "same",
        ),
    ]


def extract_rows(f: Figures) -> list[Row]:
    ours, plain = f["methods"][f["subject"]], f["methods"][f["baseline"]]
    return [
        (
            f"article extraction, {f['pages']} pages written for the project",
            f"F1 {ours['f1']:.3f}, {ours['ms']:.1f} ms/page",
            f"plain trafilatura F1 {plain['f1']:.3f}, {plain['ms']:.1f} ms/page",
            command("extract"),
        )
    ]


def classify_rows(f: Figures) -> list[Row]:
    text = f"{f['headlines_per_second']:,.0f} headlines/s on one core"
    if f.get("passes") and f.get("headlines"):
        text += f" (best of {f['passes']} passes over {f['headlines']} headlines)"
    rows = [("classification", text, NONE, command("classify"))]
    held = [s for s in f.get("sets", []) if "heldback" in s["name"] and "maker_f1" in s]
    if held:
        count = sum(s["headlines"] for s in held)
        f1 = [s["maker_f1"] for s in held]
        events = [s["event_accuracy"] for s in held]
        rows.append(
            (
                f"real headlines never tuned on ({count} in {len(held)} sets)",
                f"maker F1 {min(f1):.3f}–{max(f1):.3f}, event accuracy "
                f"{min(events):.3f}–{max(events):.3f}",
                NONE,
                command("classify"),
            )
        )
    return rows


def relevance_rows(f: Figures) -> list[Row]:
    part = f["held"]
    return [
        (
            f"car relevance, {f['items']} labelled items of the 200 real feeds (held-back third)",
            f"makers P {part['maker_precision']:.3f} R {part['maker_recall']:.3f}; "
            f"about cars P {part['relevance_precision']:.3f} R {part['relevance_recall']:.3f}",
            NONE,
            command("relevance"),
        )
    ]


def cluster_rows(f: Figures) -> list[Row]:
    rows = []
    for count in (f["items"], 50000):
        seconds = f.get(f"cpu_seconds_{count}", f["cpu_seconds"] if count == f["items"] else None)
        if seconds is None:
            continue
        text = f"{seconds:.2f} s CPU"
        if f.get(f"peak_mb_{count}"):
            text += f", peak {f[f'peak_mb_{count}']:.0f} MB allocated"
        rows.append((f"clustering {count:,} items", text, NONE, command("cluster")))
    return rows


def agreement_rows(f: Figures) -> list[Row]:
    return [
        (
            f"parser agreement with feedparser, {f['files']} real feeds",
            grouped_percentages(f["agreement"]),
            NONE,
            command("agreement"),
        )
    ]


def hostile_rows(f: Figures) -> list[Row]:
    text = (
        f"done in {secs(f['seconds'])} (deadline {f['deadline']:g} s), "
        f"{f['named']} of {f['hostile']} named, {mb(f['max_rss_kb'])}"
    )
    if f["not_named"]:
        text += "; not named: " + ", ".join(f["not_named"])
    if f["good_ok"] != f["good"]:
        text += f"; only {f['good_ok']} of {f['good']} good feeds read"
    return [
        (
            f"{f['feeds']} feeds of which {f['hostile']} hostile (hang, trickle, 500, gzip bomb, "
            "loop, garbage…)",
            text,
            NONE,
            command("hostile"),
        )
    ]


def memory_rows(results: Mapping[str, Figures]) -> list[Row]:
    """The largest peak (max RSS) of any autonews subprocess in the run, against newsboat's."""
    peaks: list[tuple[int, str]] = []
    for name in ("fetch", "corpus"):
        for entry in results.get(name, {}).get("memory", []):
            if not entry["label"].startswith("newsboat"):
                peaks.append((entry["max_rss_kb"], entry["label"]))
    if "cold_max_rss_kb" in results.get("digest", {}):
        peaks.append((results["digest"]["cold_max_rss_kb"], "demo digest with extraction"))
    if "max_rss_kb" in results.get("hostile", {}):
        peaks.append((results["hostile"]["max_rss_kb"], "100 feeds, 10 hostile"))
    if not peaks:
        return []
    kb, label = max(peaks)
    corpus = results.get("corpus", {})
    newsboat = newsboat_kb(corpus)
    if newsboat is not None:
        baseline = f"newsboat {mb(newsboat)}"
    elif "newsboat" in corpus:
        baseline = "newsboat not installed"
    else:
        baseline = NONE
    used = [name for name in ("fetch", "corpus", "digest", "hostile") if name in results]
    return [
        (
            "peak memory (max RSS), largest autonews run of the above",
            f"{mb(kb)}: {label}",
            baseline,
            command(*used),
        )
    ]


BUILDERS: dict[str, Callable[[Figures], list[Row]]] = {
    "startup": startup_rows,
    "fetch": fetch_rows,
    "corpus": corpus_rows,
    "digest": digest_rows,
    "farm": farm_rows,
    "scale": scale_rows,
    "extract": extract_rows,
    "classify": classify_rows,
    "relevance": relevance_rows,
    "cluster": cluster_rows,
    "agreement": agreement_rows,
    "hostile": hostile_rows,
}


def build_rows(results: Mapping[str, Figures]) -> list[Row]:
    """The table's rows for the parts in ``results``, in the README's order. A part that failed,
    or whose figures lack something a row needs, gets one row saying so instead of its rows."""
    rows: list[Row] = []
    for name, builder in BUILDERS.items():
        if name not in results:
            continue
        figures = results[name]
        if "error" in figures:
            rows.append((TITLES[name], f"FAILED: {figures['error']}", NONE, command(name)))
            continue
        try:
            rows += builder(figures)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            message = f"no figures ({type(exc).__name__}: {exc})"
            rows.append((TITLES[name], message, NONE, command(name)))
    ok = {name: figures for name, figures in results.items() if "error" not in figures}
    rows += memory_rows(ok)
    return rows


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
