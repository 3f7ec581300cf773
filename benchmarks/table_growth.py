"""The performance table's rows for the parts that measure a whole run's streaming and growth:
the farm of sites with article pages (against the lower bound and newsboat) and the scale
benchmark (2,000 feeds, a store of 200,000 items, and how time and memory grow). Part of
:mod:`benchmarks.table`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from benchmarks.table_cells import NONE, Figures, Row, command, failed, mb, secs


def was(f: Figures, *keys: str) -> str:
    """ " (was 3.27 s)" when the run also timed an earlier checkout (``--before``)."""
    old: Any = f.get("before")
    for key in keys:
        if not isinstance(old, Mapping) or key not in old:
            return ""
        old = old[key]
    return f" (was {secs(old)})" if isinstance(old, int | float) else ""


def farm_rows(f: Figures) -> list[Row]:
    ours, bound, newsboat = f["autonews"], f["lower_bound"], f["newsboat"]
    cold, warm, bare = ours["cold"], ours["warm"], ours["no_extract"]
    best = f"best of {f['repeat']}" if f["repeat"] > 1 else "1 run"
    requests = f["sites"] * (f["items"] + 1)
    in_flight = f.get("concurrency", 16)  # figures from before it was recorded: 16
    rows = [
        (
            f"**cold digest with extraction, {f['sites']} sites on {f['sites']} addresses × "
            f"{f['items']} items ({f['pages']} article pages), {f['latency_ms']:g} ms per "
            "response**",
            failed(cold)
            or f"**{secs(cold['seconds'])}** ({best}), {cold['seconds'] / bound:.2f}× the bound, "
            f"{mb(cold['max_rss_kb'])}"
            + was(f, "cold", "seconds"),
            f"lower bound {secs(bound)} (plain trafilatura {secs(f['trafilatura_cpu'])} CPU / "
            f"{f['cores']} cores + {requests} × {f['latency_ms']:g} ms / {in_flight})",
            command("farm"),
        ),
        (
            "warm digest of the farm (feeds answer 304, pages cached)",
            failed(warm) or f"**{secs(warm['seconds'])}**" + was(f, "warm", "seconds"),
            NONE,
            "same",
        ),
    ]
    if newsboat is None:
        baseline = "newsboat not installed"
    else:
        short = ".".join((f.get("newsboat_version") or "?").split(".")[:2])
        threads = f.get("newsboat_threads", 16)
        baseline = f"newsboat {short} ({threads} threads): {secs(newsboat['seconds'])}"
    text = failed(bare) or f"**{secs(bare['seconds'])}**"
    if newsboat is not None and not failed(bare):
        text += f", {bare['seconds'] / newsboat['seconds']:.2f}× newsboat"
    rows.append(
        (
            "cold `digest --no-extract` of the farm",
            text + was(f, "no_extract", "seconds"),
            baseline,
            "same",
        )
    )
    return rows


def scale_rows(f: Figures) -> list[Row]:
    rows: list[Row] = []
    feeds = f["feeds"]
    if feeds:
        top = feeds[-1]
        boat = top.get("newsboat") or {}
        baseline = (
            f"newsboat cold {secs(boat['cold']['seconds'])}, {mb(boat['cold']['max_rss_kb'])}; "
            f"warm {secs(boat['warm']['seconds'])}"
            if boat
            else "newsboat not installed"
        )
        rows.append(
            (
                f"`digest --no-extract`, {top['feeds']:,} feeds on {top['hosts']} hosts × "
                f"{f['items_per_feed']} items ({top['items']:,} items stored)",
                f"cold {secs(top['cold']['seconds'])}, {mb(top['cold']['max_rss_kb'])}; warm "
                f"(all 304) {secs(top['warm']['seconds'])}; `--offline` "
                f"{secs(top['offline']['seconds'])}",
                baseline,
                command("scale"),
            )
        )
    if "feeds_growth" in f:
        rows.append(
            _growth_row(f["feeds_growth"], f"{feeds[0]['feeds']:,} to {feeds[-1]['feeds']:,} feeds")
        )
    stores = f["store"]
    if stores:
        top = stores[-1]
        rows.append(
            (
                f"a store of {top['store_items']:,} items, {top['feeds']} feeds",
                f"**warm {secs(top['warm']['seconds'])}, `--offline` "
                f"{secs(top['offline']['seconds'])}**, cold {secs(top['cold']['seconds'])}; "
                f"peak {mb(max(top[k]['max_rss_kb'] for k in ('cold', 'warm', 'offline')))}",
                NONE,
                "same",
            )
        )
    if "store_growth" in f:
        rows.append(
            _growth_row(
                f["store_growth"],
                f"{stores[0]['store_items']:,} to {stores[-1]['store_items']:,} items",
            )
        )
    return rows


def _growth_row(g: Figures, span: str) -> Row:
    parts = [
        f"{key} time ×{g[key]['time_factor']:.2f}, memory ×{g[key]['memory_factor']:.2f}"
        for key in ("cold", "warm", "offline")
    ]
    linear = all(g[key]["linear_or_better"] for key in ("cold", "warm", "offline"))
    return (
        f"growth from {span} (×{g['size_factor']:.0f})",
        "; ".join(parts) + ("; memory linear or better" if linear else "; MEMORY MORE THAN LINEAR"),
        NONE,
        "same",
    )
